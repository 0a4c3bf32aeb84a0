"""Opening the database: connection settings, transactions, schema migrations.

Facts this rests on (shared/docs/safety.md): `with conn:` does not make
sqlite-utils writes atomic, so every change goes through `Store.write()`;
foreign keys and `synchronous` are per connection, so they are set at every
open; a deferred BEGIN lets two writers lose updates, so writes start with
BEGIN IMMEDIATE.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path

import sqlite_utils

from kehoach_desktop.store import migrations

BUSY_TIMEOUT_SECONDS = 5.0


class StoreError(Exception):
    """A problem with the database file, worded for the user (Vietnamese)."""


class SchemaTooNewError(StoreError):
    pass


class DamagedDatabaseError(StoreError):
    pass


class NotOurDatabaseError(StoreError):
    pass


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
        # isolation_level=None: no implicit transactions; write() is the only way in.
        self.db = sqlite_utils.Database(conn, execute_plugins=False)

    @classmethod
    def open(cls, path: Path | str, *, create: bool = True, readonly: bool = False) -> Store:
        """Open (and create, and migrate) the database at `path`."""
        path = Path(path)
        if not path.exists() and (readonly or not create):
            raise StoreError(f"Không tìm thấy tệp dữ liệu {path}.")
        if path.exists() and path.is_dir():
            raise StoreError(f"{path} là một thư mục, không phải tệp dữ liệu.")
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
        row = self.db.execute(
            "SELECT count(*) FROM sqlite_master WHERE name NOT LIKE 'sqlite_%'"
        ).fetchone()
        return bool(row[0])

    @property
    def conn(self) -> sqlite3.Connection:
        return self.db.conn

    @property
    def schema_version(self) -> int:
        return self.conn.execute("PRAGMA user_version").fetchone()[0]

    @contextmanager
    def write(self) -> Iterator[sqlite_utils.Database]:
        """One transaction around a whole operation; nested calls become savepoints.

        An exception anywhere inside rolls every table back to where it was.
        """
        if self.readonly:
            raise StoreError(f"Tệp dữ liệu {self.path} đang được mở chỉ để đọc.")
        conn = self.conn
        if conn.in_transaction:
            with self.db.atomic():
                yield self.db
            return
        conn.execute("BEGIN IMMEDIATE")
        try:
            yield self.db
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

    def execute(self, sql: str, params=()) -> sqlite3.Cursor:
        return self.conn.execute(sql, params)

    def close(self) -> None:
        self.conn.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc_info) -> None:
        self.close()


def _store_error(exc: sqlite3.Error, path: Path) -> StoreError:
    message = describe_sqlite_error(exc, path)
    if isinstance(exc, sqlite3.DatabaseError) and (
        "not a database" in str(exc) or "malformed" in str(exc)
    ):
        return DamagedDatabaseError(message)
    return StoreError(message)


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
