"""Copies of the database made with SQLite's online backup API, and restoring one.

Facts this rests on (shared/docs/safety.md):
- copying the live file is not a backup under WAL: the backup API writes a
  consistent copy to a temporary name, the copy is checked, and only then
  renamed into place, so a full disk never leaves a half file behind;
- copying a backup over the .db while an old -wal sits beside it is silently
  undone by that -wal: a restore moves the .db, -wal and -shm aside together
  (kept, never deleted) and only then puts the verified copy in place, with the
  program's own connections closed.

Automatic copies live in `sao-luu/` next to the database and are named
`<stem>-<kind>-<YYYYMMDD-HHMMSS>.db`; only those are ever deleted (the newest
KEEP_AUTOMATIC are kept). A copy the user made, anywhere, is never touched.
"""

from __future__ import annotations

import os
import re
import sqlite3
import sys
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

BACKUP_FOLDER = "sao-luu"
KEEP_AUTOMATIC = 30

# Kinds of automatic copies, as they appear in file names.
DAILY = "hang-ngay"
BEFORE_IMPORT = "truoc-nhap"
BEFORE_RESTORE = "truoc-khoi-phuc"
BEFORE_MIGRATION = "truoc-nang-cap"  # followed by -v<old version> (store/migrations.py)
# Folders holding a database's three files moved aside together.
ASIDE_BEFORE_RESTORE = "truoc-khoi-phuc"
ASIDE_DAMAGED = "hong"

_STAMP = "%Y%m%d-%H%M%S"
_AUTOMATIC = re.compile(
    r"^(?P<kind>hang-ngay|truoc-nhap|truoc-khoi-phuc|truoc-nang-cap-v\d+)-(?P<stamp>\d{8}-\d{6})(?:-\d+)?\.db$"
)
COMPANIONS = ("-wal", "-shm", "-journal")


class BackupError(Exception):
    """A copy could not be made or used; the message is for the user (Vietnamese)."""


def backup_dir(db_path: Path) -> Path:
    """The backups folder next to the database."""
    return Path(db_path).parent / BACKUP_FOLDER


def timestamp(moment: datetime | None = None) -> str:
    return (moment or datetime.now()).strftime(_STAMP)


def companions(db_path: Path) -> list[Path]:
    """The files SQLite keeps beside a database: they belong with it."""
    db_path = Path(db_path)
    return [db_path.with_name(db_path.name + suffix) for suffix in COMPANIONS]


# --- making a copy -----------------------------------------------------------------------------


def backup_to(conn: sqlite3.Connection, target: Path) -> Path:
    """Write a verified, self-contained copy of the database behind `conn` to `target`.

    The copy is in rollback-journal mode, so it is one file that can be carried
    anywhere (a copy in WAL mode would want -wal/-shm files beside it).
    """
    target = Path(target)
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = target.with_name(target.name + ".tmp")
    try:
        destination = sqlite3.connect(str(partial), isolation_level=None)
        try:
            conn.backup(destination)
            destination.execute("PRAGMA journal_mode = DELETE")
            result = destination.execute("PRAGMA integrity_check").fetchone()[0]
        finally:
            destination.close()
        if result != "ok":
            raise sqlite3.DatabaseError(f"backup copy failed its check: {result}")
        os.replace(partial, target)
    finally:
        for leftover in (partial, *companions(partial)):
            if leftover.exists():
                leftover.unlink()
    return target


def copy_file_verified(source: Path, target: Path) -> Path:
    """A verified copy of the database file `source` (opened read-only) at `target`."""
    conn = open_read_only(source)
    try:
        return backup_to(conn, target)
    finally:
        conn.close()


def open_read_only(path: Path, *, immutable: bool | None = None) -> sqlite3.Connection:
    """A read-only connection that leaves no file behind when it can.

    A single-file database (rollback journal, as every copy made here is) is
    opened immutable: no -wal/-shm is created beside it, and it can be read on
    a read-only medium. A database in WAL mode with its -wal beside it (a live
    file, or a copy made by copying files) is opened read-only but not
    immutable, so the changes still in its -wal are read too. `immutable`
    forces the choice.
    """
    path = Path(path)
    if not path.is_file():
        raise sqlite3.OperationalError("unable to open database file")
    if immutable is None:
        immutable = not (_header_says_wal(path) and path.with_name(path.name + "-wal").exists())
    options = "mode=ro&immutable=1" if immutable else "mode=ro"
    return sqlite3.connect(f"{path.resolve().as_uri()}?{options}", uri=True, isolation_level=None)


def _header_says_wal(path: Path) -> bool:
    try:
        with open(path, "rb") as handle:
            header = handle.read(20)
    except OSError:
        return False
    return len(header) == 20 and header[18] == 2


# --- automatic copies: names, the daily check, pruning -------------------------------------------


def automatic_target(db_path: Path, kind: str, moment: datetime | None = None) -> Path:
    """A free name for an automatic copy of `kind` made at `moment`."""
    db_path = Path(db_path)
    base = f"{db_path.stem}-{kind}-{timestamp(moment)}"
    target = backup_dir(db_path) / f"{base}.db"
    number = 2
    while target.exists():
        target = backup_dir(db_path) / f"{base}-{number}.db"
        number += 1
    return target


@dataclass(frozen=True)
class AutomaticName:
    kind: str  # DAILY, BEFORE_IMPORT, ... ("truoc-nang-cap-v1" for a migration)
    made_at: datetime


def parse_automatic(path: Path, db_path: Path) -> AutomaticName | None:
    """What an automatic copy's name says, or None for any other file."""
    prefix = f"{Path(db_path).stem}-"
    name = Path(path).name
    if not name.startswith(prefix):
        return None
    match = _AUTOMATIC.match(name[len(prefix) :])
    if not match:
        return None
    try:
        made_at = datetime.strptime(match["stamp"], _STAMP)
    except ValueError:
        return None
    return AutomaticName(match["kind"], made_at)


def automatic_backups(db_path: Path) -> list[Path]:
    """This database's automatic copies, newest first."""
    folder = backup_dir(db_path)
    if not folder.is_dir():
        return []
    named = [(parse_automatic(path, db_path), path) for path in folder.glob("*.db") if path.is_file()]
    named = [(info, path) for info, path in named if info is not None]
    named.sort(key=lambda item: (item[0].made_at, item[1].name), reverse=True)
    return [path for _info, path in named]


def has_daily_backup(db_path: Path, day: date) -> bool:
    return any(
        info.kind == DAILY and info.made_at.date() == day
        for info in map(lambda p: parse_automatic(p, db_path), automatic_backups(db_path))
        if info is not None
    )


def prune(db_path: Path, keep: int = KEEP_AUTOMATIC) -> list[Path]:
    """Delete all but the newest `keep` automatic copies; returns what was deleted.

    Only names this program gives its automatic copies are candidates: a copy
    the user saved, even in this folder, and the folders of files moved aside
    are never deleted.
    """
    removed = []
    for path in automatic_backups(db_path)[keep:]:
        try:
            path.unlink()
        except OSError:
            continue  # in use or protected: try again next time
        removed.append(path)
    return removed


# --- restoring ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class RestoreOutcome:
    aside: Path | None  # the folder holding the replaced .db, -wal and -shm
    restored_from: Path


def aside_folder(db_path: Path, reason: str, moment: datetime | None = None) -> Path:
    db_path = Path(db_path)
    base = backup_dir(db_path) / f"{db_path.stem}-{reason}-{timestamp(moment)}"
    folder, number = base, 2
    while folder.exists():
        folder = base.with_name(f"{base.name}-{number}")
        number += 1
    return folder


def move_aside(db_path: Path, folder: Path) -> list[Path]:
    """Move the database and the files beside it into `folder`, all or none."""
    db_path = Path(db_path)
    present = [path for path in (db_path, *companions(db_path)) if path.exists()]
    if not present:
        return []
    folder.mkdir(parents=True, exist_ok=False)
    moved: list[tuple[Path, Path]] = []
    try:
        for path in present:
            destination = folder / path.name
            os.replace(path, destination)
            moved.append((path, destination))
    except OSError:
        for original, destination in reversed(moved):
            os.replace(destination, original)
        raise
    return [destination for _original, destination in moved]


def restore_file(db_path: Path, backup: Path, *, reason: str = ASIDE_BEFORE_RESTORE,
                 moment: datetime | None = None) -> RestoreOutcome:  # fmt: skip
    """Put a verified copy of `backup` where the database is.

    The caller has closed every connection this program has to `db_path` (on
    Windows an open file cannot be moved; everywhere, an open connection would
    keep writing to the old file). The copy is staged next to the database
    first, so the moment between moving the old files aside and renaming the
    copy into place is two renames long; if that fails, the old files go back.
    """
    db_path, backup = Path(db_path), Path(backup)
    if same_file(db_path, backup):
        raise BackupError("Bản sao lưu được chọn chính là tệp dữ liệu đang dùng.")
    staged = db_path.with_name(db_path.name + ".khoi-phuc.tmp")
    copy_file_verified(backup, staged)
    try:
        folder = aside_folder(db_path, reason, moment)
        moved = move_aside(db_path, folder)
        try:
            os.replace(staged, db_path)
        except OSError:
            for path in moved:
                os.replace(path, db_path.with_name(path.name))
            raise
    finally:
        if staged.exists():
            staged.unlink()
    return RestoreOutcome(folder if moved else None, backup)


def same_file(first: Path, second: Path) -> bool:
    try:
        return first.exists() and second.exists() and os.path.samefile(first, second)
    except OSError:
        return False


# --- the window's lock file (written by Qt's QLockFile; read here without Qt) -------------------


def lock_file_path(db_path: Path) -> Path:
    """Where the window keeps its "this database is open" lock: next to the database."""
    db_path = Path(db_path)
    return db_path.with_name(db_path.name + ".lock")


def lock_owner(db_path: Path) -> int | None:
    """The id of a running process of this machine holding the window's lock, if any.

    QLockFile writes the owner's process id, application name and host name,
    one per line; a lock left by a killed process is not an owner.
    """
    try:
        lines = lock_file_path(db_path).read_text(encoding="utf-8", errors="replace").splitlines()
        pid = int(lines[0])
    except (OSError, ValueError, IndexError):
        return None
    host = lines[2] if len(lines) > 2 else ""
    if host and host != _host_name():
        return None  # another machine's lock on a shared folder: cannot tell, and not ours to judge
    return pid if pid != os.getpid() and _process_running(pid) else None


def _host_name() -> str:
    import socket

    return socket.gethostname()


def _process_running(pid: int) -> bool:
    if pid <= 0:
        return False
    if sys.platform == "win32":
        return _windows_process_running(pid)
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True  # exists, owned by someone else
    return True


def _windows_process_running(pid: int) -> bool:  # pragma: no cover - Windows only
    import ctypes

    process_query_limited_information, still_active = 0x1000, 259
    kernel32 = ctypes.windll.kernel32
    handle = kernel32.OpenProcess(process_query_limited_information, False, pid)
    if not handle:
        return False
    try:
        code = ctypes.c_ulong()
        if not kernel32.GetExitCodeProcess(handle, ctypes.byref(code)):
            return True
        return code.value == still_active
    finally:
        kernel32.CloseHandle(handle)
