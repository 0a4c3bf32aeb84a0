"""When the database cannot be written: a full disk, a read-only place, a file gone.

Every edit is one transaction (store.write), so a failed one leaves the saved
data as it was, and the window pushes an undo step only after the service call
succeeded. What is left is telling the user, in Vietnamese, what happened, what
is safe and what to do. The window's edit slots let such errors through, so
they arrive at sys.excepthook (PySide6 reports slot exceptions there); this
module installs a hook that shows them. When the file has disappeared, the
still-open connection can save everything to a new place: the message offers it.

Damage seen during work (SQLite says "malformed", a text value is not UTF-8)
stops every write to the file (Store.mark_damaged) and the message offers the
restore dialog. A file replaced under the window (another file copied or moved
to its path, store/file_guard.py) is noticed by a file watcher as soon as it
happens, and at the latest at the next write: writing stops for good and the
user is told, once.
"""

from __future__ import annotations

import sqlite3
import sys
from pathlib import Path

from PySide6.QtCore import QFileSystemWatcher
from PySide6.QtWidgets import QMessageBox, QWidget

from kehoach_desktop.store import DamagedDatabaseError, StoreError
from kehoach_desktop.store.database import (
    DatabaseBusyError,
    DatabaseMovedError,
    DatabaseReplacedError,
    ReadOnlyDatabaseError,
    describe_sqlite_error,
)
from kehoach_desktop.store.verify import is_damage_error

STORAGE_ERRORS = (StoreError, sqlite3.Error)
TITLE = "Không lưu được dữ liệu"
SAFE = "Mọi dữ liệu đã lưu trước đó vẫn nguyên vẹn."


def file_gone(db_path: Path) -> bool:
    try:
        return not Path(db_path).is_file()
    except OSError:
        return True


REPLACED_TITLE = "Tệp dữ liệu đã bị thay"
DAMAGED_TITLE = "Tệp dữ liệu bị hỏng"


def damaged_message(exc: BaseException, db_path: Path) -> str:
    return (
        f"Tệp dữ liệu\n{db_path}\nbị hỏng (SQLite báo: {exc}).\n\nĐể không hỏng thêm, chương trình ngừng ghi vào "
        "tệp này: thay đổi vừa rồi chưa được lưu, và mọi thay đổi sau đây cũng sẽ không được lưu. Vẫn xem được "
        "những gì đang hiện trên màn hình.\n\nHãy khôi phục bản sao lưu tốt gần nhất (bấm «Khôi phục…»: tệp "
        "hỏng được giữ nguyên trong thư mục sao lưu), hoặc thoát và nhờ cán bộ tin học giúp."
    )


def storage_message(exc: BaseException, db_path: Path) -> tuple[str, bool]:
    """(message, offer a rescue copy) for an error writing `db_path`."""
    text = str(exc).lower()
    if isinstance(exc, DatabaseReplacedError):
        return str(exc), False
    if isinstance(exc, DatabaseBusyError):
        return f"{exc}\n\n{SAFE}", False
    if isinstance(exc, DatabaseMovedError) or file_gone(db_path):
        return (
            f"Không còn thấy tệp dữ liệu ở chỗ cũ:\n{db_path}\n"
            "(thư mục có thể đã bị xóa hoặc đổi tên, hoặc ổ USB/ổ mạng đã bị rút ra).\n\n"
            "Thay đổi vừa rồi chưa được lưu. Dữ liệu đang mở vẫn còn trong chương trình: hãy bấm "
            "«Lưu bản sao…» để ghi toàn bộ dữ liệu ra một nơi an toàn, rồi mở lại chương trình với "
            "tệp đó (hoặc cắm lại ổ đĩa, trả thư mục về tên cũ rồi mở lại chương trình).",
            True,
        )
    if "full" in text:
        return (
            f"Không lưu được thay đổi vừa rồi: ổ đĩa chứa tệp dữ liệu ({Path(db_path).parent}) đã đầy.\n\n"
            f"{SAFE} Thay đổi vừa rồi không được lưu.\n\n"
            "Hãy giải phóng chỗ trống trên ổ đĩa (xóa bớt tệp không cần, dọn Thùng rác) rồi làm lại thao tác.",
            False,
        )
    if isinstance(exc, ReadOnlyDatabaseError) or "readonly" in text or "read-only" in text:
        return (
            f"Không lưu được thay đổi vừa rồi: tệp dữ liệu\n{db_path}\n"
            "hoặc thư mục chứa nó chỉ cho phép đọc (hoặc không có quyền ghi).\n\n"
            f"{SAFE} Vẫn xem và in báo cáo được; thay đổi vừa rồi không được lưu.\n\n"
            "Muốn sửa dữ liệu: chép tệp dữ liệu sang một thư mục có quyền ghi (ví dụ thư mục Tài liệu) rồi "
            "mở chương trình với tệp đó, hoặc nhờ cán bộ tin học cấp quyền ghi.",
            False,
        )
    if "disk i/o" in text:
        return (
            f"Lỗi đọc/ghi ổ đĩa với tệp dữ liệu {db_path}; thay đổi vừa rồi không được lưu.\n\n"
            "Dữ liệu đang mở vẫn còn trong chương trình: hãy bấm «Lưu bản sao…» để ghi ra một ổ đĩa "
            "khác, rồi kiểm tra ổ đĩa (hoặc cắm lại ổ USB/ổ mạng).",
            True,
        )
    if isinstance(exc, sqlite3.Error):
        detail = describe_sqlite_error(exc, db_path)
    else:
        detail = str(exc)
    return f"{detail}\n\nThay đổi vừa rồi không được lưu. {SAFE}", False


def report_storage_problem(window, exc: BaseException) -> None:
    """Tell the user; offer to save a copy from the open connection when the file is gone."""
    if isinstance(exc, DamagedDatabaseError) or is_damage_error(exc):
        report_damage(window, exc)
        return
    if isinstance(exc, DatabaseReplacedError):
        report_replaced(window, exc)
        return
    message, offer_rescue = storage_message(exc, window.db_path)
    box = QMessageBox(QMessageBox.Icon.Warning, TITLE, message, parent=window)
    rescue = box.addButton("&Lưu bản sao…", QMessageBox.ButtonRole.AcceptRole) if offer_rescue else None
    box.addButton("Đó&ng", QMessageBox.ButtonRole.RejectRole)
    box.exec()
    if rescue is not None and box.clickedButton() is rescue:
        from kehoach_desktop.gui import backup_actions

        backup_actions.save_copy(window)


def report_damage(window, exc: BaseException) -> None:
    """Damage seen while working: writing stops; offer the restore dialog."""
    store = window.services.store
    store.mark_damaged(exc)
    reason = exc.problems[0] if isinstance(exc, DamagedDatabaseError) and exc.problems else exc
    box = QMessageBox(QMessageBox.Icon.Critical, DAMAGED_TITLE, damaged_message(reason, window.db_path), parent=window)
    box.setObjectName("damagedDuringWorkBox")
    restore = box.addButton("&Khôi phục…", QMessageBox.ButtonRole.AcceptRole)
    box.addButton("Đó&ng", QMessageBox.ButtonRole.RejectRole)
    box.exec()
    if box.clickedButton() is restore:
        from kehoach_desktop.gui import backup_actions

        backup_actions.open_restore(window)


def report_replaced(window, exc: BaseException) -> None:
    box = QMessageBox(QMessageBox.Icon.Warning, REPLACED_TITLE, str(exc), parent=window)
    box.setObjectName("databaseReplacedBox")
    box.addButton("Đó&ng", QMessageBox.ButtonRole.RejectRole)
    box.exec()


def watch_database_file(window) -> QFileSystemWatcher:
    """Tell the user as soon as another file is put in the database's place (once)."""
    watcher = QFileSystemWatcher([str(window.db_path)], window)

    def changed(_path: str) -> None:
        store = window.services.store
        if store.readonly:
            return
        was_stopped = store.stopped is not None
        problem = store.check_file()
        if isinstance(problem, DatabaseReplacedError) and not was_stopped:
            report_replaced(window, problem)

    watcher.fileChanged.connect(changed)
    return watcher


def install_error_handler(window: QWidget):
    """Show storage errors escaping the window's slots; others go to the previous hook;
    watch the file for a replacement. Returns a function that puts the previous hook back."""
    window.database_watcher = watch_database_file(window)
    previous = sys.excepthook
    busy = []

    def hook(kind, exc, traceback) -> None:
        if isinstance(exc, STORAGE_ERRORS) and not busy:
            busy.append(True)  # an error while showing the message must not recurse
            try:
                report_storage_problem(window, exc)
            finally:
                busy.clear()
            return
        previous(kind, exc, traceback)

    sys.excepthook = hook

    def uninstall() -> None:
        if sys.excepthook is hook:
            sys.excepthook = previous

    return uninstall
