"""Opening the database when the window starts, and closing it when the window ends.

Store.open checks the file before it writes anything (store/verify.py: SQLite's
integrity check, text, the checksum of the last clean close). A damaged file is
never opened for writing: the user is told what happened and offered the newest
backup that passes the full integrity check (with its date), or any other
backup, or quitting; a file that only differs from what the program left (and is
otherwise sound) may also be kept as it is. Restoring keeps the damaged file
aside, unchanged. A missing database beside backups of it is never replaced by
an empty one without asking. A file in a place that cannot be written is opened
read-only ("chỉ đọc"), with a notice. A restore a killed program left half done
was finished or undone by the open: a status-bar note says which. At the end, a
file replaced while the window had it open is reported (store/file_guard.py).
In --screenshot mode (no one to answer) the message goes to standard error.
"""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtWidgets import QMessageBox

from kehoach_desktop import APP_TITLE
from kehoach_desktop.services import ServiceError, Services
from kehoach_desktop.services.backups import BackupInfo, newest_good_backup, restore
from kehoach_desktop.store import DamagedDatabaseError, Store, StoreError
from kehoach_desktop.store.backup import backup_dir
from kehoach_desktop.store.database import (
    ChangedOutsideError,
    MissingDatabaseError,
    ReadOnlyDatabaseError,
    open_for_viewing,
)

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
    except MissingDatabaseError as exc:
        return recover_missing(path, exc, headless)
    except ReadOnlyDatabaseError:
        services = Services(open_for_viewing(path))
        tell(read_only_notice(path), headless, "Chỉ đọc: xem được, không sửa được", QMessageBox.Icon.Information)
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
    if isinstance(exc, ChangedOutsideError):
        when = f" ({exc.closed_at:%d/%m/%Y %H:%M})" if exc.closed_at else ""
        text = (
            f"Tệp dữ liệu đã bị thay đổi bên ngoài chương trình sau lần chương trình đóng tệp gần nhất{when}:\n"
            f"{path}\n\nNội dung không còn giống lúc đóng, dù cấu trúc tệp vẫn đọc được: có thể tệp đã bị hỏng "
            "(lỗi ổ đĩa, rút USB khi đang ghi) hoặc bị một chương trình khác sửa, và dữ liệu trong đó có thể đã "
            "sai lệch. Chương trình chưa ghi gì vào tệp này.\n\nNếu bạn biết chắc thay đổi đó là của mình (ví "
            "dụ đã chép một bản khác vào đây), bấm «Vẫn dùng tệp này».\n\n"
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
        if chosen is KEEP_AS_IS:
            return keep_as_is(path, headless)
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


KEEP_AS_IS = Path("<dùng tệp như hiện có>")


def ask_recovery(path: Path, exc: DamagedDatabaseError, good: BackupInfo | None) -> Path | None:
    """The backup the user chose to restore, KEEP_AS_IS, or None to quit."""
    box = QMessageBox(QMessageBox.Icon.Critical, DAMAGED_TITLE, damaged_message(path, exc, good))
    box.setObjectName("damagedDatabaseBox")
    newest = box.addButton("&Khôi phục bản sao lưu này", QMessageBox.ButtonRole.AcceptRole) if good else None
    other = box.addButton("&Chọn bản sao lưu khác…", QMessageBox.ButtonRole.ActionRole)
    keep = None
    if isinstance(exc, ChangedOutsideError):  # sound, only not what the program left: the user may know why
        keep = box.addButton("&Vẫn dùng tệp này", QMessageBox.ButtonRole.DestructiveRole)
    quit_button = box.addButton("&Thoát", QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(newest or quit_button)
    box.setEscapeButton(quit_button)
    return _ask_backup(box, path, newest, good, other, keep, damaged=True)


def _ask_backup(box: QMessageBox, path: Path, newest, good: BackupInfo | None, other, keep, *,
                damaged: bool) -> Path | None:  # fmt: skip
    from kehoach_desktop.gui.backup_dialog import BackupDialog

    while True:
        box.exec()
        clicked = box.clickedButton()
        if newest is not None and good is not None and clicked is newest:
            return good.path
        if keep is not None and clicked is keep:
            return KEEP_AS_IS
        if clicked is not other:
            return None
        dialog = BackupDialog(None, path, damaged=damaged, missing=not damaged)
        try:
            if dialog.exec() and dialog.chosen is not None:
                return dialog.chosen.path
        finally:
            dialog.deleteLater()


def keep_as_is(path: Path, headless: bool) -> Services | None:
    """The user knows why the file changed: forget the clean-close record, open it."""
    from kehoach_desktop.store import close_record

    close_record.forget(path)
    try:
        return Services.open(path)
    except StoreError as error:
        tell(str(error), headless, "Chưa mở được tệp dữ liệu")
        return None


# --- a missing database beside its backups -----------------------------------------------------

MISSING_TITLE = "Không thấy tệp dữ liệu"
NEW_EMPTY = Path("<tệp dữ liệu mới, trống>")


def missing_message(path: Path, good: BackupInfo | None) -> str:
    text = (
        f"Không thấy tệp dữ liệu ở chỗ cũ:\n{path}\n\nThư mục sao lưu bên cạnh có bản sao lưu của nó: có thể tệp "
        "đã bị xóa, đổi tên hoặc chuyển sang thư mục khác. Chương trình không tự tạo một tệp trống mới ở đó, "
        "để không che mất dữ liệu cũ.\n\n"
    )
    if good is not None:
        text += (f"Bản sao lưu tốt gần nhất: {good.describe()} — {good.kind_label.lower()}. Nếu tệp chỉ bị chuyển "
                 "đi, hãy thoát rồi mở chương trình với tệp đó; nếu không, khôi phục bản sao lưu này.")  # fmt: skip
    else:
        text += "Không có bản sao lưu nào dùng được trong thư mục đó; có thể chọn một bản sao lưu ở nơi khác."
    return text


def recover_missing(path: Path, exc: MissingDatabaseError, headless: bool) -> Services | None:
    good = newest_good_backup(path)
    if headless:
        hint = f" Bản sao lưu tốt gần nhất: {good.path} ({good.describe()})." if good else ""
        tell(f"{exc}{hint} Mở chương trình (không có --screenshot) để khôi phục.", headless)
        return None
    while True:
        chosen = ask_missing(path, good)
        if chosen is None:
            return None
        try:
            if chosen is NEW_EMPTY:
                return Services(Store.open(path, allow_new=True))
            restore(path, chosen)
            services = Services.open(path)
        except (ServiceError, StoreError) as error:
            tell(str(error), headless, "Chưa khôi phục được")
            continue
        tell(f"Đã khôi phục dữ liệu từ bản sao lưu «{Path(chosen).name}».", headless, "Đã khôi phục",
             QMessageBox.Icon.Information)  # fmt: skip
        return services


def ask_missing(path: Path, good: BackupInfo | None) -> Path | None:
    """The backup to restore, NEW_EMPTY, or None to quit."""
    box = QMessageBox(QMessageBox.Icon.Warning, MISSING_TITLE, missing_message(path, good))
    box.setObjectName("missingDatabaseBox")
    newest = box.addButton("&Khôi phục bản sao lưu này", QMessageBox.ButtonRole.AcceptRole) if good else None
    other = box.addButton("&Chọn bản sao lưu khác…", QMessageBox.ButtonRole.ActionRole)
    empty = box.addButton("Tạo tệp dữ liệu &mới (trống)", QMessageBox.ButtonRole.DestructiveRole)
    quit_button = box.addButton("&Thoát", QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(newest or quit_button)
    box.setEscapeButton(quit_button)
    chosen = _ask_backup(box, path, newest, good, other, empty, damaged=False)
    return NEW_EMPTY if chosen is KEEP_AS_IS else chosen


# --- after opening, and at the end ----------------------------------------------------------------


def restore_note(services: Services) -> str | None:
    """What the open did about a restore a killed program left half done, for the status bar."""
    outcome = getattr(services.store, "restore_recovery", None)
    if outcome == "finished":
        return "Lần khôi phục trước bị ngắt giữa chừng; chương trình đã hoàn tất nó khi mở tệp."
    if outcome == "undone":
        return "Lần khôi phục trước bị ngắt giữa chừng; chương trình đã trả dữ liệu về như trước khi khôi phục."
    return None


def after_open(window) -> None:
    note = restore_note(window.services)
    if note:
        window.statusBar().showMessage(note, 30000)


def close_database(services: Services, headless: bool) -> None:
    """Close the window's database; a file found replaced only now is reported."""
    try:
        services.close()
    except StoreError as exc:
        tell(str(exc), headless, "Tệp dữ liệu đã bị thay")
