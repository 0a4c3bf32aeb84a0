"""Opening the database when the window starts: a damaged file, a read-only place.

Store.open runs `PRAGMA quick_check` before it writes anything. A damaged file
is never opened for writing: the user is told what happened and offered the
newest backup that passes the full integrity check (with its date), or any
other backup, or quitting. Restoring keeps the damaged file aside, unchanged.
A file in a place that cannot be written is opened read-only, with a notice.
In --screenshot mode (no one to answer) the message goes to standard error.
"""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtWidgets import QMessageBox

from kehoach_desktop import APP_TITLE
from kehoach_desktop.services import ServiceError, Services
from kehoach_desktop.services.backups import BackupInfo, newest_good_backup, restore
from kehoach_desktop.store import DamagedDatabaseError, StoreError
from kehoach_desktop.store.backup import backup_dir
from kehoach_desktop.store.database import ReadOnlyDatabaseError, open_for_viewing

DAMAGED_TITLE = "Tệp dữ liệu bị hỏng"


def tell(message: str, headless: bool, title: str = APP_TITLE, icon=QMessageBox.Icon.Warning) -> None:
    if headless:
        print(f"Lỗi: {message}" if icon != QMessageBox.Icon.Information else message, file=sys.stderr)
        return
    QMessageBox(icon, title, message).exec()


def open_database(path: Path, headless: bool) -> Services | None:
    """The services over `path`, after any recovery the user agreed to; None to quit.
    Other StoreErrors (a newer file, not our file, a missing folder) are raised."""
    try:
        return Services.open(path)
    except DamagedDatabaseError as exc:
        return recover_damaged(path, exc, headless)
    except ReadOnlyDatabaseError:
        services = Services(open_for_viewing(path))
        tell(read_only_notice(path), headless, "Chỉ xem được, không sửa được", QMessageBox.Icon.Information)
        return services


def read_only_notice(path: Path) -> str:
    return (
        f"Tệp dữ liệu\n{path}\nnằm ở nơi chỉ cho phép đọc (thư mục hoặc ổ đĩa không cho ghi, hoặc không có "
        "quyền ghi).\n\nChương trình mở tệp để xem và in báo cáo; dữ liệu trong tệp vẫn nguyên vẹn, nhưng mọi "
        "thay đổi sẽ không được lưu.\n\nMuốn làm việc tiếp: chép tệp sang một thư mục có quyền ghi (ví dụ thư "
        "mục Tài liệu) rồi mở chương trình với tệp đó, hoặc nhờ cán bộ tin học cấp quyền ghi."
    )


def damaged_message(path: Path, exc: DamagedDatabaseError, good: BackupInfo | None) -> str:
    problem = exc.problems[0] if getattr(exc, "problems", None) else str(exc)
    text = (
        f"Tệp dữ liệu bị hỏng nên chương trình chưa mở nó:\n{path}\n(SQLite báo: {problem})\n\n"
        "Để không hỏng thêm, chương trình không ghi gì vào tệp này. Khi khôi phục, tệp hỏng được chuyển "
        "nguyên vẹn vào thư mục sao lưu (không bị xóa), rồi bản sao lưu được đặt vào chỗ của nó.\n\n"
    )
    if good is not None:
        return text + (
            f"Bản sao lưu tốt gần nhất: {good.describe()} — {good.kind_label.lower()}. Những thay đổi "
            "sau thời điểm đó không có trong bản này."
        )
    return text + (
        f"Không có bản sao lưu nào dùng được trong {backup_dir(path)}. Nếu có bản sao lưu ở nơi khác (USB, "
        "thư mục khác), hãy bấm «Chọn bản sao lưu khác…». Nếu không, hãy thoát và nhờ cán bộ tin học "
        "giúp, gửi kèm tệp dữ liệu trên."
    )


def recover_damaged(path: Path, exc: DamagedDatabaseError, headless: bool) -> Services | None:
    good = newest_good_backup(path)
    if headless:
        hint = f" Bản sao lưu tốt gần nhất: {good.path} ({good.describe()})." if good else ""
        tell(f"{exc}{hint} Mở chương trình (không có --screenshot) để khôi phục.", headless)
        return None
    while True:
        chosen = ask_recovery(path, exc, good)
        if chosen is None:
            return None
        try:
            outcome = restore(path, chosen)
            services = Services.open(path)
        except (ServiceError, StoreError) as error:
            tell(str(error), headless, "Chưa khôi phục được")
            continue
        kept = f"\n\nTệp hỏng được giữ nguyên trong:\n{outcome.aside}" if outcome.aside else ""
        tell(f"Đã khôi phục dữ liệu từ bản sao lưu «{Path(chosen).name}».{kept}", headless, "Đã khôi phục",
             QMessageBox.Icon.Information)  # fmt: skip
        return services


def ask_recovery(path: Path, exc: DamagedDatabaseError, good: BackupInfo | None) -> Path | None:
    """The backup the user chose to restore, or None to quit."""
    from kehoach_desktop.gui.backup_dialog import BackupDialog

    box = QMessageBox(QMessageBox.Icon.Critical, DAMAGED_TITLE, damaged_message(path, exc, good))
    box.setObjectName("damagedDatabaseBox")
    newest = box.addButton("&Khôi phục bản sao lưu này", QMessageBox.ButtonRole.AcceptRole) if good else None
    other = box.addButton("&Chọn bản sao lưu khác…", QMessageBox.ButtonRole.ActionRole)
    quit_button = box.addButton("&Thoát", QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(newest or quit_button)
    box.setEscapeButton(quit_button)
    while True:
        box.exec()
        clicked = box.clickedButton()
        if newest is not None and clicked is newest:
            return good.path
        if clicked is not other:
            return None
        dialog = BackupDialog(None, path, damaged=True)
        try:
            if dialog.exec() and dialog.chosen is not None:
                return dialog.chosen.path
        finally:
            dialog.deleteLater()
