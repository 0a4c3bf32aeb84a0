"""Noticing that the database file was replaced under the open program.

The user or a sync tool may copy or move another file over the database while
the program has it open (issue 14). SQLite does not notice a copy made over the
same file: it goes on writing into it, and at close it checkpoints its own -wal
(pages of the old database) into the new file, which is then "malformed".
After a move, SQLite writes to the old file, now elsewhere or deleted, and its
-wal stays beside the new file, to be applied to it at the next open.

So the Store keeps the file's fingerprint: device and inode (on Windows the
volume serial and file index), size, modification and change times. The
program's own commits change it, and the Store takes the new one after each;
another connection's commits (another window's worker, a command run at the
same time) change SQLite's `PRAGMA data_version` too. A fingerprint that
changed with no commit anywhere means a file was put in this one's place.

Before each write and at close the guard compares. When the file was replaced,
the program stops writing to it for good, closes without a checkpoint (the new
file stays exactly as it was put there) and takes its own -wal and -shm away
from it into sao-luu/. After a move its connection still reads the old file
whole, so what it had open is first saved as an automatic backup.
"""

from __future__ import annotations

import ctypes
import os
import sqlite3
import sys
from dataclasses import dataclass
from pathlib import Path

SAME, MOVED, REPLACED = "same", "moved", "replaced"
SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE = 1006


@dataclass(frozen=True)
class Fingerprint:
    device: int
    inode: int
    size: int
    modified_ns: int
    changed_ns: int  # POSIX: any change to the file, which no copy can preserve

    @property
    def identity(self) -> tuple[int, int]:
        return self.device, self.inode


def fingerprint(path: Path) -> Fingerprint | None:
    try:
        stat = os.stat(path)
    except OSError:
        return None
    changed = stat.st_ctime_ns if os.name == "posix" else 0
    return Fingerprint(stat.st_dev, stat.st_ino, stat.st_size, stat.st_mtime_ns, changed)


def data_version(conn: sqlite3.Connection) -> int | None:
    try:
        return conn.execute("PRAGMA data_version").fetchone()[0]
    except sqlite3.Error:
        return None


class FileGuard:
    """The fingerprint of one open database file, and the verdict on it."""

    def __init__(self, conn: sqlite3.Connection, path: Path):
        self.conn = conn
        self.path = Path(path)
        self.wal = self.path.with_name(self.path.name + "-wal")
        self._seen = fingerprint(self.path)
        self._version = data_version(conn)
        self._wal_seen = fingerprint(self.wal)
        self.stopped: Exception | None = None  # why writing stopped for good (replaced, damaged)
        self.told = False  # the user has been told why
        self.closed = False
        self.previous_record: dict | None = None  # the clean-close record forgotten at open

    def refresh(self) -> None:
        """After the program's own commit (which may have checkpointed into the file)."""
        self._seen = fingerprint(self.path)
        self._version = data_version(self.conn)
        self._wal_seen = fingerprint(self.wal) or self._wal_seen

    @property
    def moved_in(self) -> bool:
        """Whether another file was moved into the path (not copied over this one):
        this connection then still reads its own file whole."""
        now = fingerprint(self.path)
        return bool(now and self._seen and now.identity != self._seen.identity)

    def owns_wal(self) -> bool:
        """Whether the -wal beside the path is this connection's own."""
        now = fingerprint(self.wal)
        return bool(now and self._wal_seen and now.identity == self._wal_seen.identity)

    def verdict(self) -> str:
        """SAME, MOVED (nothing at the path any more) or REPLACED (another file there)."""
        seen, now = self._seen, fingerprint(self.path)
        if seen is None or now == seen:
            return SAME
        if now is None:
            return MOVED
        if now.identity != seen.identity and seen.inode:
            return REPLACED
        version = data_version(self.conn)
        if version is not None and version != self._version:
            self._seen, self._version = now, version  # another connection committed (and checkpointed)
            return SAME
        return REPLACED


def close_without_checkpoint(conn: sqlite3.Connection, path: Path) -> None:
    """Close `conn` leaving the database file untouched: no checkpoint of the -wal
    into it, and the -wal and -shm left where they are (for the caller to take away)."""
    if _disable_checkpoint_on_close(conn, path):
        conn.close()
        return
    # Fallback: while another connection of this process holds a read lock,
    # closing cannot take the exclusive lock a checkpoint needs; a read-only
    # connection never checkpoints when it closes.
    holder = None
    try:
        holder = sqlite3.connect(f"{Path(path).resolve().as_uri()}?mode=ro", uri=True, isolation_level=None)
        holder.execute("BEGIN")
        holder.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except sqlite3.Error:
        pass
    conn.close()
    if holder is not None:
        holder.close()


def _disable_checkpoint_on_close(conn: sqlite3.Connection, path: Path) -> bool:
    """SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE on `conn`: Connection.setconfig from
    Python 3.12; before, through ctypes on the handle CPython keeps first in the
    connection object (checked by asking SQLite for the file's name)."""
    setconfig = getattr(conn, "setconfig", None)
    if setconfig is not None:
        try:
            setconfig(SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE, True)
            return True
        except sqlite3.Error:
            return False
    if sys.implementation.name != "cpython":
        return False
    try:
        library = _sqlite_library()
        handle = ctypes.c_void_p.from_address(id(conn) + object.__basicsize__).value
        if library is None or not handle:
            return False
        library.sqlite3_db_filename.restype = ctypes.c_char_p
        library.sqlite3_db_filename.argtypes = [ctypes.c_void_p, ctypes.c_char_p]
        name = library.sqlite3_db_filename(handle, b"main")
        if name is None or _real(os.fsdecode(name)) != _real(path):
            return False
        result = ctypes.c_int(-1)
        code = library.sqlite3_db_config(
            ctypes.c_void_p(handle), ctypes.c_int(SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE), ctypes.c_int(1),
            ctypes.byref(result),
        )  # fmt: skip
        return code == 0 and result.value == 1
    except (OSError, AttributeError, ValueError):
        return False


def _real(path) -> str:
    return os.path.normcase(os.path.realpath(path))


def _sqlite_library():
    """The SQLite library Python's sqlite3 module uses (already loaded)."""
    import _sqlite3

    module = Path(_sqlite3.__file__)
    candidates = [module]
    if sys.platform == "win32":
        candidates.insert(0, module.with_name("sqlite3.dll"))
    for candidate in candidates:
        try:
            library = ctypes.CDLL(str(candidate))
            library.sqlite3_db_config  # noqa: B018  (raises AttributeError when absent)
            return library
        except (OSError, AttributeError):
            continue
    return None
