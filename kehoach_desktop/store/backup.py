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
A long database name is shortened in these names (file names are limited to
255 bytes), so a copy can always be made.

A copy being written is named `<target>.<process id>.tmp`: a partial copy left
by a killed program is recognised (its process is gone) and deleted later.

A restore is finished or undone at the next start if the program is killed in
the middle of it: `<db>.khoi-phuc` records where the old files went, and
`finish_interrupted_restore` reads it (see restore_file).

Evidence files (store/attachments.py): a copy the user makes carries them
(`backup_to(..., carry_files_from=...)`); automatic copies refer to tai-lieu/,
which the program only ever adds to. A restore writes a copy's files back into
tai-lieu/ while the copy is staged, before anything of the database moves.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import sqlite3
import sys
import time
from collections.abc import Callable
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
BEFORE_REPLACED = "truoc-bi-thay"  # what the program had open when another file was put in its place
# Folders holding a database's three files moved aside together.
ASIDE_BEFORE_RESTORE = "truoc-khoi-phuc"
ASIDE_DAMAGED = "hong"
ASIDE_REPLACED = "bi-thay"  # the program's own -wal/-shm, taken away from a file put in its place

_STAMP = "%Y%m%d-%H%M%S"
_AUTOMATIC = re.compile(
    r"^(?P<kind>hang-ngay|truoc-nhap|truoc-khoi-phuc|truoc-bi-thay|truoc-nang-cap-v\d+)"
    r"-(?P<stamp>\d{8}-\d{6})(?:-(?P<sequence>\d+))?\.db$"
)
COMPANIONS = ("-wal", "-shm", "-journal")
# SQLite's journals: one beside the file means a connection is open or was not closed cleanly.
JOURNALS = ("-wal", "-journal")
CLOSE_RECORD_SUFFIX = "-kiem-tra"  # store/close_record.py: the file's checksum at the last clean close
STAGED_SUFFIX = ".khoi-phuc.tmp"
RESTORE_MARKER_SUFFIX = ".khoi-phuc"

MAX_NAME_BYTES = 255  # a file name, on every file system the program meets
STEM_BYTES = 120  # a database stem in backup names: room for "-truoc-nang-cap-v12-YYYYMMDD-HHMMSS-9.db.<pid>.tmp-journal"
PARTIAL_GRACE_SECONDS = 3600  # a partial copy named without a process id (older versions): orphaned after this
_PARTIAL = re.compile(r"^(?P<target>.+)\.(?P<pid>\d+)\.tmp(?:-wal|-shm|-journal)?$")
_OLD_PARTIAL = re.compile(r"^.+\.db\.tmp(?:-wal|-shm|-journal)?$")

# Tests set this to pause or report at the steps of a restore (the crash test kills there).
STEP_HOOK: Callable[[str], None] | None = None


class BackupError(Exception):
    """A copy could not be made or used; the message is for the user (Vietnamese)."""


def backup_dir(db_path: Path) -> Path:
    """The backups folder next to the database."""
    return Path(db_path).parent / BACKUP_FOLDER


def short_stem(db_path: Path | str) -> str:
    """The database's stem as backup names use it: whole when short, else cut on a
    character boundary and made unique with a hash of the whole stem."""
    stem = Path(db_path).stem
    encoded = stem.encode("utf-8")
    if len(encoded) <= STEM_BYTES:
        return stem
    digest = hashlib.sha1(encoded).hexdigest()[:8]
    cut = encoded[: STEM_BYTES - 9].decode("utf-8", errors="ignore")
    return f"{cut}~{digest}"


def sidecar(db_path: Path | str, suffix: str) -> Path:
    """A file kept beside the database (`kehoach.db` + suffix); shortened like
    short_stem when the whole name would be too long for the file system."""
    db_path = Path(db_path)
    name = db_path.name + suffix
    if len(name.encode("utf-8")) <= MAX_NAME_BYTES:
        return db_path.with_name(name)
    return db_path.with_name(short_stem(db_path) + db_path.suffix + suffix)


def timestamp(moment: datetime | None = None) -> str:
    return (moment or datetime.now()).strftime(_STAMP)


def companions(db_path: Path) -> list[Path]:
    """The files SQLite keeps beside a database: they belong with it."""
    db_path = Path(db_path)
    return [db_path.with_name(db_path.name + suffix) for suffix in COMPANIONS]


def journals(db_path: Path) -> list[Path]:
    """SQLite's journals beside the database that hold something now (an empty -wal
    is what a read-only look leaves: no frame, nothing the file lacks)."""
    db_path = Path(db_path)
    found = [db_path.with_name(db_path.name + suffix) for suffix in JOURNALS]
    return [path for path in found if _size(path) > 0]


def _size(path: Path) -> int:
    try:
        return path.stat().st_size
    except OSError:
        return 0


def close_record_path(db_path: Path) -> Path:
    return sidecar(db_path, CLOSE_RECORD_SUFFIX)


def belongings(db_path: Path) -> list[Path]:
    """Everything that goes with the database file when it is moved aside."""
    return [*companions(db_path), close_record_path(db_path)]


# --- making a copy -----------------------------------------------------------------------------


def backup_to(
    conn: sqlite3.Connection, target: Path, *, carry_files_from: Path | None = None, missing: list[str] | None = None
) -> Path:
    """Write a verified, self-contained copy of the database behind `conn` to `target`.

    The copy is in rollback-journal mode, so it is one file that can be carried
    anywhere (a copy in WAL mode would want -wal/-shm files beside it). With
    `carry_files_from` (the database's folder), the evidence files it lists go
    into the copy too (store/attachments.py); those that are gone are added to
    `missing` (they stay listed, and a restore flags them).
    """
    target = Path(target)
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = partial_name(target)
    try:
        destination = sqlite3.connect(str(partial), isolation_level=None)
        try:
            conn.backup(destination)
            if carry_files_from is not None:
                _carry_files(destination, carry_files_from, missing)
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


def _carry_files(copy: sqlite3.Connection, db_folder: Path, missing: list[str] | None) -> None:
    from kehoach_desktop.store import attachments

    copy.execute("BEGIN IMMEDIATE")
    try:
        packed = attachments.pack(copy, db_folder)
    except BaseException:
        copy.execute("ROLLBACK")
        raise
    copy.execute("COMMIT")
    if missing is not None:
        missing.extend(packed.missing)


def partial_name(target: Path) -> Path:
    """Where a copy is written before it is checked and renamed to `target`."""
    return target.with_name(f"{target.name}.{os.getpid()}.tmp")


def remove_orphaned_partials(db_path: Path) -> list[Path]:
    """Delete the partial copies (and their journals) that killed programs left in
    the backups folder and beside the database; a copy still being written by a
    running program is left alone. Returns what was deleted."""
    db_path = Path(db_path)
    removed = []
    for folder, prefix in ((backup_dir(db_path), short_stem(db_path)), (db_path.parent, db_path.name)):
        try:
            names = [entry.name for entry in os.scandir(folder) if entry.name.startswith(prefix)]
        except OSError:
            continue
        for name in names:
            path = folder / name
            if _is_orphaned_partial(path) and _unlink(path):
                removed.append(path)
    from kehoach_desktop.store import attachments

    return removed + attachments.remove_partials(db_path.parent)


def _is_orphaned_partial(path: Path) -> bool:
    match = _PARTIAL.match(path.name)
    if match:
        pid = int(match["pid"])
        return pid != os.getpid() and not _process_running(pid)
    if _OLD_PARTIAL.match(path.name):
        try:
            return time.time() - path.stat().st_mtime > PARTIAL_GRACE_SECONDS
        except OSError:
            return False
    return False


def _unlink(path: Path) -> bool:
    try:
        path.unlink()
    except OSError:
        return False
    return True


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
    base = f"{short_stem(db_path)}-{kind}-{timestamp(moment)}"
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
    sequence: int = 1  # 2, 3 ... for later copies made within the same second


def parse_automatic(path: Path, db_path: Path) -> AutomaticName | None:
    """What an automatic copy's name says, or None for any other file."""
    prefix = f"{short_stem(db_path)}-"
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
    return AutomaticName(match["kind"], made_at, int(match["sequence"] or 1))


def automatic_backups(db_path: Path) -> list[Path]:
    """This database's automatic copies, newest first."""
    folder = backup_dir(db_path)
    if not folder.is_dir():
        return []
    named = [
        (info.made_at, info.sequence, path)
        for path in folder.glob("*.db")
        if path.is_file() and (info := parse_automatic(path, db_path)) is not None
    ]
    named.sort(reverse=True)
    return [path for _made_at, _sequence, path in named]


def has_daily_backup(db_path: Path, day: date) -> bool:
    names = (parse_automatic(path, db_path) for path in automatic_backups(db_path))
    return any(info is not None and info.kind == DAILY and info.made_at.date() == day for info in names)


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
    return removed + remove_orphaned_partials(db_path)


def has_backups(db_path: Path) -> bool:
    """Whether the backups folder holds any copy of this database (automatic or not)."""
    try:
        return any(backup_dir(db_path).glob(f"{_glob_escape(short_stem(db_path))}-*.db"))
    except OSError:
        return False


def _glob_escape(text: str) -> str:
    return re.sub(r"([*?[])", r"[\1]", text)


# --- restoring ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class RestoreOutcome:
    aside: Path | None  # the folder holding the replaced .db, -wal and -shm
    restored_from: Path


def aside_folder(db_path: Path, reason: str, moment: datetime | None = None) -> Path:
    db_path = Path(db_path)
    base = backup_dir(db_path) / f"{short_stem(db_path)}-{reason}-{timestamp(moment)}"
    folder, number = base, 2
    while folder.exists():
        folder = base.with_name(f"{base.name}-{number}")
        number += 1
    return folder


def move_aside(db_path: Path, folder: Path) -> list[Path]:
    """Move the database and the files beside it into `folder`, all or none.

    The files beside it go first and the database last: a program killed in
    between leaves the database in place, and finish_interrupted_restore puts
    the others back (or, once the database has gone, takes the rest along)."""
    db_path = Path(db_path)
    present = [path for path in (*belongings(db_path), db_path) if path.exists()]
    if not present:
        return []
    folder.mkdir(parents=True, exist_ok=False)
    moved: list[tuple[Path, Path]] = []
    try:
        for path in present:
            destination = folder / path.name
            os.replace(path, destination)
            moved.append((path, destination))
            _step(f"moved {path.name}")
    except OSError:
        for original, destination in reversed(moved):
            os.replace(destination, original)
        raise
    return [destination for _original, destination in moved]


def staged_path(db_path: Path) -> Path:
    """The verified copy of a backup waiting to be renamed into the database's place."""
    return sidecar(db_path, STAGED_SUFFIX)


def discard_staged(db_path: Path) -> None:
    """Delete the staged copy and its journal (the evidence files unpacked into it write to
    it: a kill there leaves a -journal beside it)."""
    staged = staged_path(db_path)
    for path in (staged, *companions(staged)):
        _unlink(path)


def staging_left(db_path: Path) -> bool:
    """A staged copy, or its journal, left beside the database by a killed restore."""
    staged = staged_path(db_path)
    return any(path.exists() for path in (staged, *companions(staged)))


def restore_marker(db_path: Path) -> Path:
    """Written while a restore replaces the database: where its old files go."""
    return sidecar(db_path, RESTORE_MARKER_SUFFIX)


def restore_file(db_path: Path, backup: Path, *, reason: str = ASIDE_BEFORE_RESTORE,
                 moment: datetime | None = None) -> RestoreOutcome:  # fmt: skip
    """Put a verified copy of `backup` where the database is.

    The caller has closed every connection this program has to `db_path` (on
    Windows an open file cannot be moved; everywhere, an open connection would
    keep writing to the old file). The copy is staged next to the database
    first, so the moment between moving the old files aside and renaming the
    copy into place is two renames long; if that fails, the old files go back.
    Before the first move, a marker records where the old files go: a program
    killed in those two renames finishes the restore at its next start
    (finish_interrupted_restore). The old files are never checked here: a
    damaged database is moved aside exactly as it is.
    """
    db_path, backup = Path(db_path), Path(backup)
    if same_file(db_path, backup):
        raise BackupError("Bản sao lưu được chọn chính là tệp dữ liệu đang dùng.")
    staged, marker = staged_path(db_path), restore_marker(db_path)
    copy_file_verified(backup, staged)
    try:
        _unpack_files(staged, db_path)
        folder = aside_folder(db_path, reason, moment)
        _write_marker(marker, folder)
        _step("moving-aside")
        moved = move_aside(db_path, folder)
        _step("renaming")
        try:
            os.replace(staged, db_path)
        except OSError:
            for path in moved:
                os.replace(path, db_path.with_name(path.name))
            raise
        _sync_folder(db_path.parent)
    finally:
        discard_staged(db_path)
        _unlink(marker)
    _step("restored")
    return RestoreOutcome(folder if moved else None, backup)


def _unpack_files(staged: Path, db_path: Path) -> None:
    """The evidence files a copy carries, written into tai-lieu/ before anything of the
    database moves (append-only: a kill here leaves only files no row lists)."""
    from kehoach_desktop.store import attachments

    if not attachments.carries_files(staged):
        return
    _step("unpacking")
    try:
        attachments.unpack(staged, attachments.folder_of(db_path))
    except attachments.AttachmentError as exc:
        raise BackupError(f"Không khôi phục được tài liệu kiểm chứng trong bản sao lưu: {exc}") from exc


def _step(name: str) -> None:
    if STEP_HOOK is not None:
        STEP_HOOK(name)


def _write_marker(marker: Path, folder: Path) -> None:
    data = json.dumps({"aside": str(folder)}, ensure_ascii=False).encode("utf-8")
    with open(marker, "wb") as handle:
        handle.write(data)
        handle.flush()
        os.fsync(handle.fileno())
    _sync_folder(marker.parent)


def _sync_folder(folder: Path) -> None:
    """Make renames in `folder` durable (POSIX; Windows has no directory handles to sync)."""
    if sys.platform == "win32":
        return
    try:
        descriptor = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(descriptor)
    except OSError:
        pass
    finally:
        os.close(descriptor)


FINISHED, UNDONE = "finished", "undone"


def finish_interrupted_restore(db_path: Path) -> str | None:
    """Complete or undo a restore that a killed program left half done.

    FINISHED when the verified copy was put in place (the old files were already
    aside), UNDONE when the old files were put back, None when there was nothing
    to do. Called at every open, before anything else looks at the file.
    """
    db_path = Path(db_path)
    staged, marker = staged_path(db_path), restore_marker(db_path)
    if not marker.exists():
        discard_staged(db_path)  # killed after staging, before anything moved: nothing changed
        return None
    folder = _marker_folder(marker)
    if staged.exists() and db_path.exists():
        outcome = _put_back(db_path, folder)  # the database never left: undo the moves made
        discard_staged(db_path)
    elif staged.exists():
        _take_along(db_path, folder)  # the database is aside: finish, with nothing of it left behind
        os.replace(staged, db_path)
        outcome = FINISHED
    elif db_path.exists():
        outcome = FINISHED  # killed after the rename, before the marker went
    else:
        outcome = _put_back(db_path, folder)
    _sync_folder(db_path.parent)
    _unlink(marker)
    return outcome


def _marker_folder(marker: Path) -> Path | None:
    try:
        return Path(json.loads(marker.read_text(encoding="utf-8"))["aside"])
    except (OSError, ValueError, KeyError, TypeError):
        return None


def _put_back(db_path: Path, folder: Path | None) -> str:
    if folder is not None and folder.is_dir():
        for path in folder.iterdir():
            original = db_path.with_name(path.name)
            if not original.exists():
                os.replace(path, original)
        try:
            folder.rmdir()
        except OSError:
            pass
    return UNDONE


def _take_along(db_path: Path, folder: Path | None) -> None:
    left = [path for path in belongings(db_path) if path.exists()]
    if not left:
        return
    if folder is None:
        folder = aside_folder(db_path, ASIDE_BEFORE_RESTORE)
    folder.mkdir(parents=True, exist_ok=True)
    for path in left:
        os.replace(path, folder / path.name)


def same_file(first: Path, second: Path) -> bool:
    try:
        return first.exists() and second.exists() and os.path.samefile(first, second)
    except OSError:
        return False


# --- the window's lock file (written by Qt's QLockFile; read here without Qt) -------------------


def lock_file_path(db_path: Path) -> Path:
    """Where the window keeps its "this database is open" lock: next to the database."""
    return sidecar(db_path, ".lock")


def lock_owner(db_path: Path, *, including_this_process: bool = False) -> int | None:
    """The id of a running process of this machine holding the window's lock, if any
    (this very process only when `including_this_process`).

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
    if pid == os.getpid():
        return pid if including_this_process else None
    return pid if _process_running(pid) else None


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
    kernel32 = ctypes.windll.kernel32  # type: ignore[attr-defined]
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
