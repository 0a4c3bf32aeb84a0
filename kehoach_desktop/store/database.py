"""Opening the database: connection settings, transactions, schema migrations.

Facts this rests on (shared/docs/safety.md): `with conn:` does not make
sqlite-utils writes atomic, so every change goes through `Store.write()`;
foreign keys and `synchronous` are per connection, so they are set at every
open; a deferred BEGIN lets two writers lose updates, so writes start with
BEGIN IMMEDIATE.

Around that, the safety parts (issue 14), each in its own module and called from
small hooks here: the checks before the first write (verify.py), the checksum of
a clean close (close_record.py), the file's identity before each write and at
close (file_guard.py), and, before any of it, a restore a killed program left
half done and a missing database beside its backups (prepare_path, backup.py).
"""

from __future__ import annotations

import os
import shutil
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


class DatabaseReplacedError(DatabaseMovedError):
    """Another file was copied or moved to the path while the program had it open."""


class ChangedOutsideError(DamagedDatabaseError):
    """The file differs from what the program left at its last clean close."""

    def __init__(self, message: str, problems: list[str] | None = None, closed_at: datetime | None = None):
        super().__init__(message, problems)
        self.closed_at = closed_at


class DatabaseBusyError(StoreError):
    """Another program holds the write lock longer than the busy timeout."""


class MissingDatabaseError(StoreError):
    """No database at the path, but backups of it beside: never silently start empty."""

    def __init__(self, message: str, path: Path):
        super().__init__(message)
        self.path = path


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
    if "disk i/o" in text and disk_is_full(path):  # SQLite says only "I/O error" when it cannot make its -shm
        return f"Ổ đĩa chứa {path} đã đầy; thay đổi vừa rồi chưa được lưu, dữ liệu đã lưu trước đó vẫn nguyên vẹn."
    if "disk i/o" in text:
        return f"Lỗi đọc/ghi đĩa với tệp {path}; hãy kiểm tra ổ đĩa hoặc thiết bị lưu trữ."
    return f"Lỗi cơ sở dữ liệu ({path}): {exc}"


def disk_is_full(path: Path | str, margin: int = 256 * 1024) -> bool:
    """Whether the disk holding `path` has (almost) no room left."""
    try:
        return shutil.disk_usage(Path(path).parent).free < margin
    except OSError:
        return False


def connect(path: Path | str, *, readonly: bool = False) -> sqlite3.Connection:
    """A connection with the settings every use of the file needs."""
    if readonly:
        # With no -wal beside it the file is whole: read it immutable, which leaves no
        # -wal/-shm behind (a read-only connection cannot remove what it creates).
        whole = not Path(f"{path}-wal").exists()
        uri = Path(path).resolve().as_uri() + ("?mode=ro&immutable=1" if whole else "?mode=ro")
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
        self._guard = _guard(conn, path)
        self.restore_recovery: str | None = None  # "finished" / "undone": a killed restore, dealt with at open
        # isolation_level=None: no implicit transactions; write() is the only way in.
        self._conn = conn
        self._utils: sqlite_utils.Database | None = None
        self._savepoints = 0
        # What the program is doing, for the journal of changes (db/005_journal.sql).
        self.change_source: tuple[str, str] = ("edit", "")
        self._journalled = False

    @classmethod
    def open(cls, path: Path | str, *, create: bool = True, readonly: bool = False, allow_new: bool = False) -> Store:
        """Open (and create, and migrate) the database at `path`.

        A file opened for writing passes the checks of store/verify.py first: a
        damaged file raises DamagedDatabaseError and is never written to. No new
        empty file is made where backups of a missing one are, unless `allow_new`
        (the user said so): MissingDatabaseError.
        """
        path = Path(path)
        recovery = prepare_path(path, create=create and not readonly and not allow_new)
        if not path.exists() and (readonly or not create):
            raise StoreError(f"Không tìm thấy tệp dữ liệu {path}.")
        if path.exists() and path.is_dir():
            raise StoreError(f"{path} là một thư mục, không phải tệp dữ liệu.")
        checked = readonly or check_before_writing(path)
        previous_record = None
        try:
            if not readonly:
                previous_record = forget_clean_close(path)
                path.parent.mkdir(parents=True, exist_ok=True)
            conn = connect(path, readonly=readonly)
        except OSError as exc:
            raise StoreError(f"Không tạo được thư mục chứa tệp dữ liệu {path}: {exc.strerror}.") from exc
        except sqlite3.Error as exc:
            raise _store_error(exc, path) from exc
        store = cls(conn, path, readonly=readonly)
        store._guard.previous_record = previous_record
        store.restore_recovery = recovery
        try:
            if not checked:
                check_after_connecting(conn, path)
            store._prepare_schema()
        except BaseException:
            conn.close()
            raise
        store._guard.refresh()
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
        self._check_before_write()
        self._begin()
        try:
            self._record_change_source(conn)
            yield conn
        except BaseException as exc:
            if conn.in_transaction:
                conn.execute("ROLLBACK")
            self._note_damage(exc)
            raise
        try:
            conn.execute("COMMIT")
        except BaseException as exc:
            if conn.in_transaction:
                conn.execute("ROLLBACK")
            self._note_damage(exc)
            raise
        self._guard.refresh()

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

    @contextmanager
    def acting_as(self, source: str, detail: str = "") -> Iterator[None]:
        """Writes inside are journalled as `source` ("import", "form", "undo" ...)."""
        before = self.change_source
        self.change_source = (source, detail)
        try:
            yield
        finally:
            self.change_source = before

    def _record_change_source(self, conn: sqlite3.Connection) -> None:
        if not self._journalled:  # a file from before the journal, while it is being migrated
            found = conn.execute("SELECT 1 FROM sqlite_master WHERE name = 'change_context'").fetchone()
            self._journalled = found is not None
        if self._journalled:
            conn.execute("UPDATE change_context SET source = ?, detail = ? WHERE id = 1", self.change_source)

    # --- the file under the open program (store/file_guard.py) ------------------------------

    def _check_before_write(self) -> None:
        """Refuse to write when writing has stopped (the file was replaced, damage was
        found), or when the file was deleted, renamed, or replaced since the last look.

        On Linux SQLite goes on writing to a deleted file without error, and
        everything written is lost at close; into a file copied over this one it
        writes pages of the old one: better a clear refusal (the open connection
        can still save a copy elsewhere, see store/backup.py).
        """
        from kehoach_desktop.store.file_guard import MOVED, REPLACED

        guard = self._guard
        if guard.stopped is not None:
            raise _again(guard.stopped)
        verdict = guard.verdict()
        if verdict == REPLACED:
            guard.stopped = DatabaseReplacedError(replaced_message(self.path))
            guard.told = True
            raise _again(guard.stopped)
        if verdict == MOVED:
            raise DatabaseMovedError(
                f"Không còn thấy tệp dữ liệu {self.path} ở chỗ cũ (thư mục có thể đã bị xóa, đổi tên, "
                "hoặc ổ đĩa đã bị rút ra). Thay đổi vừa rồi chưa được lưu."
            )

    def _begin(self) -> None:
        try:
            self.conn.execute("BEGIN IMMEDIATE")
        except sqlite3.OperationalError as exc:
            if "locked" in str(exc).lower() or "busy" in str(exc).lower():
                raise DatabaseBusyError(
                    f"Tệp dữ liệu {self.path} đang được một chương trình khác ghi quá {BUSY_TIMEOUT_SECONDS:.0f} "
                    "giây. Thay đổi chưa được lưu; hãy đợi chương trình kia xong (hoặc đóng nó) rồi thử lại."
                ) from exc
            self._note_damage(exc)
            raise

    def _note_damage(self, exc: BaseException) -> None:
        from kehoach_desktop.store.verify import is_damage_error

        if is_damage_error(exc):
            self.mark_damaged(exc)

    def mark_damaged(self, exc: BaseException) -> None:
        """Damage was seen through this connection (a read or a write said "malformed",
        text is not UTF-8): no more writes to this file, and none at close."""
        if self._guard.stopped is None:
            self._guard.stopped = DamagedDatabaseError(
                f"Tệp dữ liệu {self.path} bị hỏng (SQLite báo: {exc}). Để không hỏng thêm, chương trình "
                "ngừng ghi vào tệp này; thay đổi vừa rồi chưa được lưu.",
                [str(exc)],
            )

    @property
    def stopped(self) -> StoreError | None:
        """Why this file is no longer written to, if it is not."""
        stopped = self._guard.stopped
        return stopped if isinstance(stopped, StoreError) else None

    def check_file(self) -> StoreError | None:
        """A look at the file without writing (the window's file watcher asks): the
        reason writing stopped, now or before; None while all is well."""
        if not self.readonly and self._guard.stopped is None:
            try:
                self._check_before_write()
            except DatabaseReplacedError:
                pass
            except DatabaseMovedError:
                return None  # told at the next write, which offers a rescue copy
        return self.stopped

    def execute(self, sql: str, params=()) -> sqlite3.Cursor:
        return self.conn.execute(sql, params)

    def close(self) -> None:
        """Close the file. A clean close records its checksum (store/close_record.py).

        When another file was put in its place, or damage was found, the file is
        left exactly as it is: no checkpoint, and the program's -wal taken away
        from a new file. DatabaseReplacedError is raised when the replacement is
        discovered only now (the user has not been told yet)."""
        if self._guard.closed:
            return
        self._guard.closed = True
        if self.readonly:
            self.conn.close()
            return
        from kehoach_desktop.store.file_guard import MOVED, REPLACED, SAME

        verdict = SAME if self._guard.stopped is not None else self._guard.verdict()
        if verdict == MOVED:
            self.conn.close()  # SQLite sees it moved: no checkpoint; its -wal went with it
            return
        if verdict == SAME and self._guard.stopped is None:
            self.conn.close()
            record_clean_close(self.path, self._guard.previous_record)
            return
        if verdict == REPLACED and self._guard.stopped is None:
            self._guard.stopped = DatabaseReplacedError(replaced_message(self.path))
        self._close_leaving_file_as_is()

    def _close_leaving_file_as_is(self) -> None:
        from kehoach_desktop.store.file_guard import close_without_checkpoint

        guard = self._guard
        replaced = isinstance(guard.stopped, DatabaseReplacedError)
        rescued = _rescue_copy(self) if replaced and guard.moved_in else None
        owns_wal = guard.owns_wal()
        close_without_checkpoint(self.conn, self.path)
        aside = _take_journals_away(self.path) if replaced and owns_wal else None
        if replaced and not guard.told:
            guard.told = True
            raise DatabaseReplacedError(replaced_message(self.path, closing=True, rescued=rescued, aside=aside))

    def __enter__(self) -> Store:
        return self

    def __exit__(self, kind, exc, traceback) -> None:
        try:
            self.close()
        except StoreError:
            if kind is None:
                raise  # otherwise the error already on its way is the one to tell


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
    if "readonly" in str(exc).lower() or "read-only" in str(exc).lower() or place_is_read_only(path):
        return ReadOnlyDatabaseError(describe_sqlite_error(sqlite3.OperationalError("readonly"), path))
    return StoreError(message)


def place_is_read_only(path: Path) -> bool:
    """Whether an existing database cannot be written where it is: a read-only
    file, folder or mount (where SQLite cannot even make its -wal and -shm,
    and says only "unable to open")."""
    path = Path(path)
    if not path.is_file():
        return False
    if not os.access(path, os.W_OK) or not os.access(path.parent, os.W_OK):
        return True
    statvfs = getattr(os, "statvfs", None)
    if statvfs is None:
        return False
    try:
        return bool(statvfs(path.parent).f_flag & os.ST_RDONLY)
    except OSError:
        return False


# --- the checks and records around opening and closing (store/verify.py, close_record.py) ----


def check_before_writing(path: Path) -> bool:
    """Raise DamagedDatabaseError when `path` is damaged (index damage and text that
    is not UTF-8 included, see store/verify.py), never writing to it. False when
    it could not be checked before connecting (see check_after_connecting)."""
    from kehoach_desktop.store import verify

    return verify.before_writing(Path(path))


def check_after_connecting(conn: sqlite3.Connection, path: Path) -> None:
    from kehoach_desktop.store import verify

    verify.after_connecting(conn, path)


def forget_clean_close(path: Path) -> dict | None:
    from kehoach_desktop.store import close_record

    return close_record.forget(path)  # also a stale one beside a file that is gone


def record_clean_close(path: Path, previous: dict | None = None) -> None:
    from kehoach_desktop.store import close_record

    close_record.write(path, previous)


def prepare_path(path: Path, *, create: bool) -> str | None:
    """Before anything looks at the file: finish or undo a restore a killed program
    left half done, delete partial copies killed programs left, and refuse to start an empty database
    where backups of one exist (it was deleted, renamed or moved: ask first)."""
    from kehoach_desktop.store import backup

    recovery = None
    if backup.restore_marker(path).exists() or backup.staging_left(path):
        try:
            recovery = backup.finish_interrupted_restore(path)
        except OSError as exc:
            raise StoreError(
                f"Lần khôi phục trước bị ngắt giữa chừng và chưa hoàn tất được ({exc.strerror or exc}): "
                f"các tệp dữ liệu cũ vẫn được giữ trong thư mục {backup.backup_dir(path)}. Hãy kiểm tra quyền "
                "ghi vào thư mục chứa tệp dữ liệu rồi mở lại chương trình."
            ) from exc
    backup.remove_orphaned_partials(path)
    if create and not path.exists() and backup.has_backups(path):
        raise MissingDatabaseError(
            f"Không thấy tệp dữ liệu {path}, nhưng thư mục {backup.backup_dir(path)} bên cạnh có bản sao lưu "
            "của nó: có thể tệp đã bị xóa, đổi tên hoặc chuyển đi. Chương trình không tạo tệp dữ liệu trống "
            "mới ở đó để không che mất dữ liệu cũ.",
            path,
        )
    return recovery


def _guard(conn: sqlite3.Connection, path: Path):
    from kehoach_desktop.store.file_guard import FileGuard

    return FileGuard(conn, path)


def _again(exc: Exception) -> Exception:
    """A fresh exception like `exc`, to raise once more."""
    again = type(exc).__new__(type(exc))
    again.__dict__.update(exc.__dict__)
    again.args = exc.args
    return again


def replaced_message(path: Path, *, closing: bool = False, rescued: Path | None = None,
                     aside: Path | None = None) -> str:  # fmt: skip
    text = (
        f"Tệp dữ liệu {path} đã bị thay bằng một tệp khác (chép đè, hoặc một tệp khác được chuyển vào chỗ của "
        "nó) trong khi chương trình đang mở. Để không làm hỏng tệp mới, chương trình ngừng ghi vào đó"
    )
    if not closing:
        return text + (
            ": thay đổi vừa rồi chưa được lưu. Hãy đóng chương trình rồi mở lại để làm việc với tệp đang "
            "nằm ở đó (nếu cần dữ liệu cũ: Tệp → Khôi phục từ bản sao lưu…)."
        )
    text += " và đóng nó mà không ghi gì; tệp mới được giữ nguyên."
    if rescued is not None:
        text += f" Dữ liệu chương trình đang mở đã được lưu thành bản sao lưu {rescued}."
    if aside is not None:
        text += f" Nhật ký ghi (-wal) của tệp cũ được cất vào {aside}."
    return text


def _rescue_copy(store: Store) -> Path | None:
    """What a connection to a file moved away still reads, saved as an automatic backup."""
    from kehoach_desktop.store import backup

    try:
        target = backup.automatic_target(store.path, backup.BEFORE_REPLACED)
        return backup.backup_to(store.conn, target)
    except (sqlite3.Error, OSError):
        return None


def _take_journals_away(path: Path) -> Path | None:
    """Move the program's -wal and -shm away from a file put in the database's place,
    so that they are never applied to it; into a folder in sao-luu/, kept."""
    from kehoach_desktop.store import backup

    present = [companion for companion in backup.companions(path)[:2] if companion.exists()]
    if not present:
        return None
    folder = backup.aside_folder(path, backup.ASIDE_REPLACED)
    try:
        folder.mkdir(parents=True, exist_ok=False)
        for companion in present:
            os.replace(companion, folder / companion.name)
    except OSError:
        return None
    return folder


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
