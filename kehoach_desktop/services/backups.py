"""Backups: automatic copies (daily, before an import), copies made anywhere, restoring.

Every copy is made with SQLite's backup API and verified (store/backup.py). An
automatic copy is made only when the database holds something to lose. The
list of backups reads each copy read-only, never changing it; a damaged copy
is listed as such and cannot be restored. Restoring needs the program's
connections to the database closed, so it is a function over the path, not a
method of a service bound to an open store.
"""

from __future__ import annotations

import errno
import sqlite3
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

from kehoach_desktop.services.errors import ServiceError
from kehoach_desktop.store import Store
from kehoach_desktop.store import attachments
from kehoach_desktop.store import backup as files
from kehoach_desktop.store.database import (
    DamagedDatabaseError,
    check_before_writing,
    check_lines,
    describe_sqlite_error,
)
from kehoach_desktop.store.migrations import latest_version
from kehoach_desktop.store.verify import is_damage_error

MANUAL = "thu-cong"
KIND_LABELS = {
    files.DAILY: "Tự động hằng ngày",
    files.BEFORE_IMPORT: "Trước khi nhập kế hoạch",
    files.BEFORE_RESTORE: "Trước khi khôi phục",
    files.BEFORE_MIGRATION: "Trước khi nâng cấp dữ liệu",
    files.BEFORE_REPLACED: "Dữ liệu đang mở khi tệp bị thay",
    MANUAL: "Sao lưu do người dùng",
}


class BackupFailed(ServiceError):
    """A copy could not be made, or the chosen copy cannot be restored."""

    def __init__(self, message: str, reason: str = ""):
        super().__init__(message)
        self.reason = reason or message


@dataclass(frozen=True)
class BackupInfo:
    """One backup file as the restore list shows it."""

    path: Path
    made_at: datetime
    kind: str  # a key of KIND_LABELS
    plans: int | None = None
    tasks: int | None = None
    schema_version: int | None = None
    problem: str | None = None  # why it cannot be restored (Vietnamese); None when it can
    detail: str = ""  # what SQLite said, for a technician
    files: int = 0  # evidence files carried inside the copy (copies the user makes)

    @property
    def usable(self) -> bool:
        return self.problem is None

    @property
    def kind_label(self) -> str:
        return KIND_LABELS.get(self.kind, KIND_LABELS[MANUAL])

    @property
    def when(self) -> str:
        return f"{self.made_at:%d/%m/%Y %H:%M}"

    def describe(self) -> str:
        """"ngày 05/07/2025 lúc 09:30 (2 kế hoạch, 112 nhiệm vụ)"."""
        carried = f", {self.files} tệp tài liệu kiểm chứng" if self.files else ""
        counts = f" ({self.plans} kế hoạch, {self.tasks} nhiệm vụ{carried})" if self.plans is not None else ""
        return f"ngày {self.made_at:%d/%m/%Y} lúc {self.made_at:%H:%M}{counts}"


# --- reading backups ---------------------------------------------------------------------------


def inspect_backup(path: Path | str, db_path: Path | str | None = None, *, full: bool = False) -> BackupInfo:
    """What a backup holds, read without changing it. `full` runs integrity_check
    (every page and index) rather than quick_check: before restoring."""
    path = Path(path)
    named = files.parse_automatic(path, Path(db_path)) if db_path is not None else None
    made_at = named.made_at if named else _modified(path)
    kind = _kind_family(named.kind) if named else MANUAL
    try:
        conn = files.open_read_only(path)
    except sqlite3.Error as exc:
        return BackupInfo(path, made_at, kind, problem=_problem(exc, path), detail=str(exc))
    try:
        pragma = "integrity_check" if full else "quick_check"
        rows = [row[0] for row in conn.execute(f"PRAGMA {pragma}(5)")]
        if rows != ["ok"]:
            return BackupInfo(path, made_at, kind, problem="tệp bị hỏng", detail=check_lines(rows)[0])
        version = conn.execute("PRAGMA user_version").fetchone()[0]
        tables = {row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        if version < 1 or not {"plan", "task"} <= tables:
            return BackupInfo(path, made_at, kind, problem="không phải tệp dữ liệu của chương trình này")
        plans = conn.execute("SELECT count(*) FROM plan").fetchone()[0]
        tasks = conn.execute("SELECT count(*) FROM task").fetchone()[0]
        carried = conn.execute("SELECT count(*) FROM evidence_content").fetchone()[0] if "evidence_content" in tables else 0
    except sqlite3.Error as exc:
        return BackupInfo(path, made_at, kind, problem=_problem(exc, path), detail=str(exc))
    finally:
        conn.close()
    problem = None
    if version > latest_version():
        problem = f"do phiên bản mới hơn của chương trình tạo ra (lược đồ {version}); hãy cập nhật chương trình"
    return BackupInfo(path, made_at, kind, plans, tasks, version, problem, files=carried)


def list_backups(db_path: Path | str) -> list[BackupInfo]:
    """The backups in the folder next to the database, newest first: its automatic
    copies and any other copy of it saved there (named after the database)."""
    db_path = Path(db_path)
    folder = files.backup_dir(db_path)
    if not folder.is_dir():
        return []
    prefix = f"{files.short_stem(db_path)}-"
    paths = [p for p in folder.glob("*.db") if p.is_file() and p.name.startswith(prefix)]
    infos = [inspect_backup(path, db_path) for path in paths]
    return sorted(infos, key=lambda info: (info.made_at, _sequence(info.path, db_path), info.path.name), reverse=True)


def _sequence(path: Path, db_path: Path) -> int:
    named = files.parse_automatic(path, db_path)
    return named.sequence if named else 1


def newest_good_backup(db_path: Path | str) -> BackupInfo | None:
    """The newest backup that passes the full integrity check, or None."""
    for info in list_backups(db_path):
        if info.usable:
            checked = inspect_backup(info.path, db_path, full=True)
            if checked.usable:
                return checked
    return None


def _modified(path: Path) -> datetime:
    try:
        return datetime.fromtimestamp(path.stat().st_mtime)
    except OSError:
        return datetime.min


def _kind_family(kind: str) -> str:
    return files.BEFORE_MIGRATION if kind.startswith(files.BEFORE_MIGRATION) else kind


def _problem(exc: sqlite3.Error, path: Path) -> str:
    text = str(exc).lower()
    if "not a database" in text or "malformed" in text or "corrupt" in text:
        return "tệp bị hỏng hoặc không phải tệp dữ liệu"
    return describe_sqlite_error(exc, path)


# --- restoring ---------------------------------------------------------------------------------


def restore(db_path: Path | str, backup: Path | str) -> files.RestoreOutcome:
    """Replace the database with a verified copy of `backup`.

    The program's own connections to `db_path` must be closed. First a copy of
    the current data is made when it is sound; then the current .db, -wal and
    -shm are moved aside together into a folder in sao-luu/ (kept, never
    deleted), and the backup's copy is put in place. A damaged file is moved
    aside exactly as it is, unchecked beyond the look that found it damaged: a
    restore over a damaged file always goes ahead (issue 14: index damage made
    the safety copy fail its own check, and the restore refused).
    Opening the result migrates it as usual when it comes from an older version.
    """
    db_path, backup = Path(db_path), Path(backup)
    if files.same_file(db_path, backup):
        raise BackupFailed("Bản sao lưu được chọn chính là tệp dữ liệu đang dùng; hãy chọn một bản sao lưu.")
    info = inspect_backup(backup, db_path, full=True)
    if not info.usable:
        raise BackupFailed(
            f"Không khôi phục được từ «{backup.name}»: {info.problem}. Dữ liệu hiện tại không thay đổi."
        )
    owner = files.lock_owner(db_path)
    if owner is not None:
        raise BackupFailed(
            f"Chương trình đang mở tệp dữ liệu {db_path} ở một cửa sổ khác (tiến trình số {owner}). "
            "Hãy đóng cửa sổ đó rồi khôi phục lại; dữ liệu hiện tại không thay đổi."
        )
    files.finish_interrupted_restore(db_path)
    sound = db_path.exists() and _copy_current_if_sound(db_path)
    reason = files.ASIDE_BEFORE_RESTORE if sound or not db_path.exists() else files.ASIDE_DAMAGED
    try:
        outcome = files.restore_file(db_path, backup, reason=reason)
    except files.BackupError as exc:
        raise BackupFailed(str(exc)) from exc
    except sqlite3.Error as exc:
        raise BackupFailed(
            f"Không khôi phục được: không chép được bản sao lưu «{backup.name}» vào chỗ tệp dữ liệu "
            f"({_reason(exc, db_path)}). Dữ liệu hiện tại không thay đổi."
        ) from exc
    except OSError as exc:
        raise BackupFailed(
            f"Không khôi phục được: không di chuyển được tệp ({exc.strerror or exc}). "
            "Hãy đóng mọi chương trình đang mở tệp dữ liệu rồi thử lại; dữ liệu hiện tại không thay đổi."
        ) from exc
    files.prune(db_path)  # only now: the copy being restored may be the oldest of them
    return outcome


def is_damaged(db_path: Path) -> bool:
    """Whether the database is damaged, as the check before writing sees it
    (integrity_check, text, the clean-close checksum: store/verify.py)."""
    try:
        check_before_writing(db_path)
    except DamagedDatabaseError:
        return True
    return False


def _copy_current_if_sound(db_path: Path) -> bool:
    """The "before restore" copy of the data about to be replaced; False (no copy)
    when the data is damaged, including when the copy fails its own check."""
    if is_damaged(db_path):
        return False
    target = files.automatic_target(db_path, files.BEFORE_RESTORE)
    try:
        files.copy_file_verified(db_path, target)
    except (sqlite3.Error, OSError) as exc:
        if is_damage_error(exc):
            return False  # damage the first look missed: the file goes aside as it is
        raise BackupFailed(
            "Chưa khôi phục: không sao lưu được dữ liệu hiện tại trước khi thay "
            f"({_reason(exc, target)}). Dữ liệu hiện tại không thay đổi."
        ) from exc
    return True


def _reason(exc: Exception, target: Path) -> str:
    """Why a copy to `target` failed, as a clause."""
    text = str(exc).lower()
    number = getattr(exc, "errno", None)
    if number == errno.ENOSPC or "full" in text:
        return f"ổ đĩa chứa {target.parent} đã đầy"
    if isinstance(exc, PermissionError) or number == errno.EROFS or "readonly" in text or "unable to open" in text:
        return (
            f"không ghi được vào thư mục {target.parent}: thư mục chỉ cho phép đọc, không còn tồn tại "
            "hoặc không có quyền ghi"
        )
    if isinstance(exc, sqlite3.Error):
        return describe_sqlite_error(exc, target).rstrip(".")
    return f"{target}: {getattr(exc, 'strerror', None) or exc}"


# --- the service over an open database ----------------------------------------------------------


class BackupService:
    """Copies of the open database: automatic ones in sao-luu/, and copies made anywhere."""

    def __init__(self, store: Store):
        self.store = store

    @property
    def db_path(self) -> Path:
        return self.store.path

    def has_data(self) -> bool:
        row = self.store.execute("SELECT (SELECT count(*) FROM plan) + (SELECT count(*) FROM unit)").fetchone()
        return bool(row[0])

    def automatic(self, kind: str, now: datetime | None = None) -> Path | None:
        """An automatic copy of `kind` in sao-luu/, then the oldest beyond 30 deleted.
        None when there is nothing to save yet (an empty database)."""
        if not self.has_data():
            return None
        target = files.automatic_target(self.db_path, kind, now)
        self._copy(target)
        files.prune(self.db_path)
        return target

    def daily(self, today: date | None = None, now: datetime | None = None) -> Path | None:
        """The day's automatic copy, if there is none from `today` yet."""
        now = now or datetime.now()
        today = today or now.date()
        if files.has_daily_backup(self.db_path, today):
            return None
        return self.automatic(files.DAILY, datetime.combine(today, now.time()))

    def before_import(self) -> Path | None:
        """Called by the import service before it saves a plan; refuses the import
        when no copy can be made (the import would change what cannot be undone)."""
        if self.store.conn.in_transaction:
            return None  # part of a larger operation: its caller made the copy
        try:
            return self.automatic(files.BEFORE_IMPORT)
        except BackupFailed as exc:
            raise BackupFailed(
                "Chưa nhập kế hoạch: trước mỗi lần nhập, chương trình sao lưu dữ liệu, nhưng lần này "
                f"không sao lưu được ({exc.reason}). Dữ liệu hiện có không thay đổi. Hãy kiểm tra chỗ "
                "trống trên ổ đĩa và quyền ghi vào thư mục dữ liệu rồi thử lại.",
                exc.reason,
            ) from exc

    def make_copy(self, target: Path | str, missing: list[str] | None = None) -> Path:
        """A copy of the database at `target`, anywhere (a USB drive, another folder): one
        file carrying the evidence files too (store/attachments.py); the stored paths of
        files that are gone are added to `missing`."""
        target = Path(target)
        if target.suffix.lower() != ".db":
            target = target.with_name(target.name + ".db")
        if target.exists() and target.is_dir():
            raise BackupFailed(f"{target} là một thư mục; hãy chọn tên tệp sao lưu.")
        for live in (self.db_path, *files.companions(self.db_path)):
            if target.exists() and live.exists() and target.samefile(live):
                raise BackupFailed("Không thể sao lưu đè lên chính tệp dữ liệu đang dùng; hãy chọn tên khác.")
        return self._copy(target, carry_files=True, missing=missing)

    def backups(self) -> list[BackupInfo]:
        """The backups next to the database, newest first (see list_backups)."""
        return list_backups(self.db_path)

    def _copy(self, target: Path, *, carry_files: bool = False, missing: list[str] | None = None) -> Path:
        if self.store.conn.in_transaction:
            raise BackupFailed("Không sao lưu được giữa chừng một thao tác ghi.")
        carried = attachments.folder_of(self.db_path) if carry_files else None
        try:
            return files.backup_to(self.store.conn, target, carry_files_from=carried, missing=missing)
        except (sqlite3.Error, OSError) as exc:
            reason = _reason(exc, target)
            raise BackupFailed(
                f"Không tạo được bản sao lưu {target} ({reason}). Dữ liệu đang dùng không thay đổi.", reason
            ) from exc


def default_copy_name(db_path: Path | str, now: datetime | None = None) -> str:
    """kehoach-YYYYMMDD-HHMM.db (for kehoach.db): the name offered for a copy made by hand."""
    return f"{files.short_stem(db_path)}-{(now or datetime.now()):%Y%m%d-%H%M}.db"
