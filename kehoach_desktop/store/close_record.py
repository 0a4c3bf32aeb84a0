"""The file's checksum at the last clean close: damage between two runs is seen.

Random byte damage to a closed database mostly goes unseen by SQLite's own
checks (issue 14: of 100 damaged copies, integrity_check found 14; 33 others
changed data silently). The file is small, so at a clean close the program
records its SHA-256 beside it (`kehoach.db-kiem-tra`), and the next open
compares: a different file with no crash in between is damage.

"No crash in between": a clean close leaves no -wal or -journal beside the
file (the last connection checkpoints and deletes them). When one is there, a
program was killed (or another one has the file open right now), the record
cannot vouch for anything and is not used. The record is removed when a
program opens the file for writing, so a program killed later leaves none; it
is rewritten at the clean close. It moves aside with the database (restore)
and is never required: a missing or unreadable record only means "unknown".
"""

from __future__ import annotations

import hashlib
import json
import os
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from kehoach_desktop.store.backup import close_record_path, journals

FORMAT = "kehoach-desktop/close-record"
CHUNK = 1024 * 1024

UNKNOWN, MATCHES, DIFFERS = "unknown", "matches", "differs"


@dataclass(frozen=True)
class Comparison:
    verdict: str  # UNKNOWN, MATCHES or DIFFERS
    closed_at: datetime | None = None

    @property
    def matches(self) -> bool:
        return self.verdict == MATCHES

    @property
    def differs(self) -> bool:
        return self.verdict == DIFFERS


def digest(path: Path) -> str:
    sha = hashlib.sha256()
    with open(path, "rb") as handle:
        while chunk := handle.read(CHUNK):
            sha.update(chunk)
    return sha.hexdigest()


def compare(db_path: Path) -> Comparison:
    """The file against its record: MATCHES, DIFFERS, or UNKNOWN (no usable record,
    or a journal beside the file: a crash, or a connection open right now)."""
    db_path = Path(db_path)
    record = _read(db_path)
    if record is None or journals(db_path):
        return Comparison(UNKNOWN)
    closed_at = _parse_time(record.get("closed_at"))
    try:
        size = db_path.stat().st_size
        same = size == record.get("size") and digest(db_path) == record.get("sha256")
    except OSError:
        return Comparison(UNKNOWN)
    return Comparison(MATCHES if same else DIFFERS, closed_at)


def write(db_path: Path, previous: dict | None = None) -> bool:
    """Record the file's checksum after a clean close; False when it cannot vouch
    (a journal is still there: another connection has the file open) or cannot
    be written (a read-only place). Never raises. When the file is what the
    `previous` record (the one forgotten at open) says, that record is put back
    as it was: a session that changed nothing leaves nothing changed."""
    db_path = Path(db_path)
    if journals(db_path):
        forget(db_path)
        return False
    target = close_record_path(db_path)
    partial = target.with_name(target.name + ".tmp")
    try:
        record = {
            "format": FORMAT,
            "version": 1,
            "size": db_path.stat().st_size,
            "sha256": digest(db_path),
            "closed_at": datetime.now().isoformat(timespec="seconds"),
        }
        if previous and (previous.get("size"), previous.get("sha256")) == (record["size"], record["sha256"]):
            record = previous
        partial.write_text(json.dumps(record), encoding="utf-8")
        os.replace(partial, target)
    except OSError:
        try:
            partial.unlink(missing_ok=True)
        except OSError:
            pass
        return False
    return True


def forget(db_path: Path) -> dict | None:
    """Remove the record (the file is about to change) and return what it said;
    durable on POSIX, so that a power cut cannot bring back a record of a file
    that has changed since."""
    target = close_record_path(Path(db_path))
    previous = _read(Path(db_path)) if Path(db_path).is_file() else None
    try:
        target.unlink()
    except OSError:
        return None
    if os.name == "posix":
        try:
            descriptor = os.open(target.parent, os.O_RDONLY)
            try:
                os.fsync(descriptor)
            finally:
                os.close(descriptor)
        except OSError:
            pass
    return previous


def _read(db_path: Path) -> dict | None:
    try:
        record = json.loads(close_record_path(db_path).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    if not isinstance(record, dict) or record.get("format") != FORMAT:
        return None
    return record


def _parse_time(text) -> datetime | None:
    try:
        return datetime.fromisoformat(text)
    except (TypeError, ValueError):
        return None
