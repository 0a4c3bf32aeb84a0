"""Opening the database: connection settings, transactions, schema migrations.

Facts this rests on (shared/docs/safety.md): `with conn:` does not make
sqlite-utils writes atomic, so every change goes through `Store.write()`;
foreign keys and `synchronous` are per connection, so they are set at every
open; a deferred BEGIN lets two writers lose updates, so writes start with
BEGIN IMMEDIATE.
"""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path

from typing import TYPE_CHECKING

from kehoach_desktop.store import migrations

if TYPE_CHECKING:
    import sqlite_utils

BUSY_TIMEOUT_SECONDS = 5.0


class StoreError(Exception):
    """A problem with the database file, worded for the user (Vietnamese)."""


class SchemaTooNewError(StoreError):
    pass


class DamagedDatabaseError(StoreError):
    def __init__(self, message: str, problems: list[str] | None = None):
        super().__init__(message)
        self.problems = problems or [message]


class NotOurDatabaseError(StoreError):
    pass


class ReadOnlyDatabaseError(StoreError):
    """The file or its folder cannot be written (read-only place, no permission)."""


class DatabaseMovedError(StoreError):
    """The open file is no longer at its path (folder deleted or renamed, drive removed)."""


def now_text() -> str:
    return datetime.now().isoformat(timespec="seconds")


def describe_sqlite_error(exc: sqlite3.Error, path: Path | str) -> str:
    """A Vietnamese sentence for an error SQLite raised on `path`."""
    text = str(exc).lower()
    if "locked" in text or "busy" in text:
        return f"Tệp dữ liệu {path} đang được một chương trình khác ghi; hãy thử lại sau giây lát."
    if "full" in text:
        return f"Ổ đĩa chứa {path} đã đầy; thay đổi vừa rồi chưa được lưu, dữ liệu đã lưu trước đó vẫn nguyên vẹn."
    if "readonly" in text or "read-only" in text:
        return f"Không ghi được vào {path}: tệp hoặc thư mục chỉ cho phép đọc."
    if "unable to open" in text:
        return f"Không mở được tệp dữ liệu {path}: thư mục không tồn tại hoặc không có quyền truy cập."
    if "not a database" in text or "malformed" in text or "corrupt" in text:
        return f"Tệp dữ liệu {path} bị hỏng hoặc không phải tệp dữ liệu của chương trình."
    if "disk i/o" in text:
        return f"Lỗi đọc/ghi đĩa với tệp {path}; hãy kiểm tra ổ đĩa hoặc thiết bị lưu trữ."
    return f"Lỗi cơ sở dữ liệu ({path}): {exc}"


def connect(path: Path | str, *, readonly: bool = False) -> sqlite3.Connection:
    """A connection with the settings every use of the file needs."""
    if readonly:
        uri = Path(path).resolve().as_uri() + "?mode=ro"
        conn = sqlite3.connect(uri, uri=True, timeout=BUSY_TIMEOUT_SECONDS, isolation_level=None)
    else:
        conn = sqlite3.connect(str(path), timeout=BUSY_TIMEOUT_SECONDS, isolation_level=None)
    conn.execute("PRAGMA foreign_keys = ON")
    if not readonly:
        conn.execute("PRAGMA journal_mode = WAL")
        conn.execute("PRAGMA synchronous = FULL")
    return conn


class Store:
    """One open database file. Owned by one thread (SQLite connections are not shared)."""

    def __init__(self, conn: sqlite3.Connection, path: Path, *, readonly: bool = False):
        self.path = path
        self.readonly = readonly
        self._identity = _file_identity(path)
        # isolation_level=None: no implicit transactions; write() is the only way in.
        self._conn = conn
        self._utils: sqlite_utils.Database | None = None
        self._savepoints = 0

    @classmethod
    def open(cls, path: Path | str, *, create: bool = True, readonly: bool = False) -> Store:
        """Open (and create, and migrate) the database at `path`.

        A file opened for writing passes `PRAGMA quick_check` first: a damaged
        file raises DamagedDatabaseError and is never written to.
        """
        path = Path(path)
        if not path.exists() and (readonly or not create):
            raise StoreError(f"Không tìm thấy tệp dữ liệu {path}.")
        if path.exists() and path.is_dir():
            raise StoreError(f"{path} là một thư mục, không phải tệp dữ liệu.")
        if not readonly:
            check_before_writing(path)
        try:
            if not readonly:
                path.parent.mkdir(parents=True, exist_ok=True)
            conn = connect(path, readonly=readonly)
        except OSError as exc:
            raise StoreError(f"Không tạo được thư mục chứa tệp dữ liệu {path}: {exc.strerror}.") from exc
        except sqlite3.Error as exc:
            raise _store_error(exc, path) from exc
        store = cls(conn, path, readonly=readonly)
        try:
            store._prepare_schema()
        except BaseException:
            conn.close()
            raise
        return store

    def _prepare_schema(self) -> None:
        try:
            version = self.schema_version
            if version == 0 and self._has_foreign_tables():
                raise NotOurDatabaseError(
                    f"Tệp {self.path} là cơ sở dữ liệu SQLite nhưng không phải của chương trình này."
                )
            migrations.check_not_newer(version, self.path)
            if not self.readonly:
                migrations.upgrade(self, version)
        except sqlite3.Error as exc:
            raise _store_error(exc, self.path) from exc

    def _has_foreign_tables(self) -> bool:
        row = self.conn.execute(
            "SELECT count(*) FROM sqlite_master WHERE name NOT LIKE 'sqlite_%'"
        ).fetchone()
        return bool(row[0])

    @property
    def conn(self) -> sqlite3.Connection:
        """The connection every read and write of the program goes through (plain SQL in store/)."""
        return self._conn

    @property
    def db(self) -> sqlite_utils.Database:
        """sqlite-utils over the same connection, for looking at the database (tables,
        counts, rows: tests, the self-test) and for reshaping it. Imported on first use:
        the program's own reads and writes do not need it."""
        if self._utils is None:
            import sqlite_utils

            self._utils = sqlite_utils.Database(self._conn, execute_plugins=False)
        return self._utils

    @property
    def schema_version(self) -> int:
        return self.conn.execute("PRAGMA user_version").fetchone()[0]

    @contextmanager
    def write(self) -> Iterator[sqlite3.Connection]:
        """One transaction around a whole operation; nested calls become savepoints.

        An exception anywhere inside rolls every table back to where it was.
        """
        if self.readonly:
            raise ReadOnlyDatabaseError(f"Tệp dữ liệu {self.path} đang được mở chỉ để đọc.")
        conn = self.conn
        if conn.in_transaction:
            with self._savepoint(conn):
                yield conn
            return
        self._check_still_there()
        conn.execute("BEGIN IMMEDIATE")
        try:
            yield conn
        except BaseException:
            if conn.in_transaction:
                conn.execute("ROLLBACK")
            raise
        try:
            conn.execute("COMMIT")
        except BaseException:
            if conn.in_transaction:
                conn.execute("ROLLBACK")
            raise

    @contextmanager
    def _savepoint(self, conn: sqlite3.Connection) -> Iterator[None]:
        """A step inside the running transaction that can fail on its own."""
        self._savepoints += 1
        name = f"step_{self._savepoints}"
        conn.execute(f"SAVEPOINT {name}")
        try:
            yield
        except BaseException:
            if conn.in_transaction:  # some errors (a full disk) end the whole transaction already
                conn.execute(f"ROLLBACK TO {name}")
                conn.execute(f"RELEASE {name}")
            raise
        else:
            conn.execute(f"RELEASE {name}")
        finally:
            self._savepoints -= 1

    def _check_still_there(self) -> None:
        """Refuse to write when the file was deleted, renamed or its drive removed.

        On Linux SQLite goes on writing to a deleted file without error, and
        everything written is lost at close: better a clear refusal (the open
        connection can still save a copy elsewhere, see store/backup.py).
        """
        if self._identity is not None and _file_identity(self.path) != self._identity:
            raise DatabaseMovedError(
                f"Không còn thấy tệp dữ liệu {self.path} ở chỗ cũ (thư mục có thể đã bị xóa, đổi tên, "
                "hoặc ổ đĩa đã bị rút ra). Thay đổi vừa rồi chưa được lưu."
            )

    def execute(self, sql: str, params=()) -> sqlite3.Cursor:
        return self.conn.execute(sql, params)

    def close(self) -> None:
        self.conn.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc_info) -> None:
        self.close()


def open_for_viewing(path: Path | str) -> Store:
    """Open a database read-only where it cannot be written (a read-only folder,
    drive or share): plain read-only first; if SQLite cannot even set up its
    shared-memory file there, immutable (nothing at all is created beside it)."""
    from kehoach_desktop.store.backup import open_read_only

    path = Path(path)
    try:
        return Store.open(path, readonly=True)
    except DamagedDatabaseError:
        raise
    except StoreError as first:
        try:
            conn = open_read_only(path, immutable=True)
            conn.execute("PRAGMA foreign_keys = ON")
            store = Store(conn, path, readonly=True)
        except sqlite3.Error:
            raise first from None
        try:
            store._prepare_schema()
        except BaseException:
            conn.close()
            raise
        return store


def _store_error(exc: sqlite3.Error, path: Path) -> StoreError:
    message = describe_sqlite_error(exc, path)
    if isinstance(exc, sqlite3.DatabaseError) and (
        "not a database" in str(exc) or "malformed" in str(exc)
    ):
        return DamagedDatabaseError(message)
    if "readonly" in str(exc).lower() or "read-only" in str(exc).lower():
        return ReadOnlyDatabaseError(message)
    return StoreError(message)


def _file_identity(path: Path) -> tuple[int, int] | None:
    """(device, inode) of the file, None when it does not exist (yet)."""
    try:
        stat = os.stat(path)
    except OSError:
        return None
    return (stat.st_dev, stat.st_ino) if stat.st_ino else None


def check_before_writing(path: Path) -> None:
    """Raise DamagedDatabaseError when `PRAGMA quick_check` finds damage in `path`.

    Runs on a read-only connection, before anything (journal mode included) is
    written: unlike a read-write one, it does not checkpoint the -wal into the
    file when it closes. quick_check raising "malformed" or "not a database"
    counts as damage; other errors (locked, cannot open) are left to the
    normal open, which words them.
    """
    path = Path(path)
    if not path.is_file() or path.stat().st_size == 0:
        return
    try:
        rows = _quick_check(path)
    except sqlite3.OperationalError:
        return
    except sqlite3.DatabaseError as exc:  # "file is not a database", "malformed": damage
        rows = [str(exc)]
    if rows != ["ok"]:
        problems = check_lines(rows)
        raise DamagedDatabaseError(
            f"Tệp dữ liệu {path} bị hỏng (SQLite báo: {problems[0]}). Chương trình không ghi gì vào tệp này.",
            problems,
        )


def _quick_check(path: Path) -> list[str]:
    conn = connect(path, readonly=True)
    try:
        return [row[0] for row in conn.execute("PRAGMA quick_check(20)")]
    finally:
        conn.close()


def check_lines(rows: list[str], limit: int = 20) -> list[str]:
    """The problems of a quick_check/integrity_check result, one per line
    (SQLite may pack many into one row, under a "*** in database main ***" title)."""
    lines = [line.strip() for row in rows for line in str(row).splitlines()]
    lines = [line for line in lines if line and not line.startswith("***")]
    return (lines or ["?"])[:limit]


def integrity_report(path: Path | str, *, full: bool = True) -> list[str]:
    """Problems SQLite finds in the file, [] when it is sound. Never writes to it.

    `quick_check` itself can raise on a damaged file; that counts as damage.
    """
    pragma = "integrity_check" if full else "quick_check"
    try:
        conn = connect(path, readonly=True)
    except sqlite3.Error as exc:
        return [describe_sqlite_error(exc, path)]
    try:
        rows = [row[0] for row in conn.execute(f"PRAGMA {pragma}")]
        problems = [] if rows == ["ok"] else rows
        problems += [
            f"Khóa ngoại không hợp lệ: bảng {row[0]}, dòng {row[1]}"
            for row in conn.execute("PRAGMA foreign_key_check")
        ]
        return problems
    except sqlite3.Error as exc:
        return [describe_sqlite_error(exc, path)]
    finally:
        conn.close()
