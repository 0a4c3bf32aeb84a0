"""The window's backup part: Tệp → Sao lưu dữ liệu…, Tệp → Khôi phục từ bản sao lưu….

A copy made anywhere is a verified copy made with SQLite's backup API from the
window's open connection. Restoring follows safety.md: the session's
connection is closed, the backup restored (services/backups.restore moves the
old .db, -wal and -shm aside together after copying the current data), then
the session opens the file anew (migrating an older copy) and says so: every
part reads everything again, and the undo stack is cleared (its steps name rows
of the data replaced; the message after the restore says so).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, QStandardPaths
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QFileDialog, QMenu, QMessageBox

from kehoach_desktop.gui.widgets import show_error
from kehoach_desktop.services import ServiceError, Services
from kehoach_desktop.store import Store, StoreError

# services.backups (and the store's backup module behind it) load when a copy is made
# or restored, not with the window.

FILE_FILTER = "Bản sao lưu (*.db)"
LAST_FOLDER_KEY = "backup/last_folder"


class BackupActions(QObject):
    """The two menu items, put in `menu` before `before` (the window's Thoát)."""

    def __init__(self, window, menu: QMenu, before: QAction):
        super().__init__(window)
        self.backup_action = _action(
            window, "&Sao lưu dữ liệu…", "Lưu một bản sao toàn bộ dữ liệu ra nơi khác (USB, thư mục khác)"
        )
        self.backup_action.triggered.connect(lambda _checked=False: save_copy(window))
        self.restore_action = _action(
            window, "&Khôi phục từ bản sao lưu…",
            "Thay dữ liệu đang dùng bằng một bản sao lưu (dữ liệu hiện tại được sao lưu trước)",
        )  # fmt: skip
        self.restore_action.triggered.connect(lambda _checked=False: open_restore(window))
        menu.insertAction(before, self.backup_action)
        menu.insertAction(before, self.restore_action)
        menu.insertSeparator(before)


def _action(window, text: str, tip: str) -> QAction:
    action = QAction(text, window)
    action.setStatusTip(tip)
    action.setToolTip(tip)
    return action


# --- Sao lưu ---------------------------------------------------------------------------------


def ask_copy_target(window) -> Path | None:
    """Where to save a copy (a file dialog; tests stand in for it)."""
    from kehoach_desktop.services.backups import default_copy_name

    folder = window.settings.value(LAST_FOLDER_KEY) or QStandardPaths.writableLocation(
        QStandardPaths.StandardLocation.DocumentsLocation
    )
    suggested = str(Path(folder) / default_copy_name(window.db_path))
    name, _ = QFileDialog.getSaveFileName(window, "Sao lưu dữ liệu", suggested, FILE_FILTER)
    return Path(name) if name else None


def save_copy(window) -> Path | None:
    """Tệp → Sao lưu dữ liệu…: a verified copy wherever the user says."""
    from kehoach_desktop.services.backups import inspect_backup

    target = ask_copy_target(window)
    if target is None:
        return None
    missing: list[str] = []
    try:
        made = window.services.backups.make_copy(target, missing)
    except ServiceError as exc:
        show_error(window, str(exc), "Chưa sao lưu được")
        return None
    window.settings.setValue(LAST_FOLDER_KEY, str(made.parent))
    info = inspect_backup(made)
    window.statusBar().showMessage(f"Đã sao lưu dữ liệu vào {made}.", 10000)
    carried = f", kèm {info.files} tệp tài liệu kiểm chứng" if info.files else ""
    gone = (f"\n\n{len(missing)} tệp tài liệu kiểm chứng không còn trong thư mục tai-lieu nên không có trong bản "
            "sao: " + ", ".join(path.rsplit("/", 1)[-1] for path in missing[:5]) + ("…" if len(missing) > 5 else "")
            if missing else "")  # fmt: skip
    QMessageBox.information(
        window,
        "Đã sao lưu",
        f"Đã sao lưu toàn bộ dữ liệu ({info.plans} kế hoạch, {info.tasks} nhiệm vụ{carried}) vào:\n{made}\n\n"
        "Bản sao là một tệp duy nhất, đã được kiểm tra toàn vẹn; có thể chép sang USB hoặc máy khác. Khi cần "
        "lấy lại: Tệp → Khôi phục từ bản sao lưu… → Chọn tệp sao lưu khác…." + gone,
    )
    return made


# --- Khôi phục -------------------------------------------------------------------------------


def open_restore(window) -> bool:
    """Tệp → Khôi phục từ bản sao lưu…: choose a backup, then restore it into the window."""
    from kehoach_desktop.gui.backup_dialog import BackupDialog

    dialog = BackupDialog(window, window.db_path)
    try:
        if not dialog.exec() or dialog.chosen is None:
            return False
        chosen = dialog.chosen
    finally:
        dialog.deleteLater()
    return restore_into_window(window, chosen.path)


def restore_into_window(window, backup: Path) -> bool:
    """Close the session's database, restore `backup`, and reopen it through the session.

    Every part of the window reads through the session, so each goes on working
    on the file opened anew. If the restore is refused (a damaged backup, a file
    that cannot be moved), nothing was changed and the same file is reopened.
    """
    from kehoach_desktop.services.backups import restore

    session = window.session
    readonly = session.readonly
    try:
        session.close()  # safety.md: no connection of ours may stay open on the file being replaced
    except StoreError:
        pass  # another file was put in its place meanwhile (store/file_guard.py): it is the one replaced now
    try:
        outcome = restore(window.db_path, backup)
    except ServiceError as exc:
        session.reopen(Services(_open(window.db_path, readonly)))
        show_error(window, str(exc), "Chưa khôi phục được")
        return False
    try:
        session.reopen(Services.open(window.db_path))
    except StoreError as exc:
        # The window has no database left to show: say so and close it.
        aside = f" Các tệp dữ liệu trước đó được giữ trong {outcome.aside}." if outcome.aside else ""
        message = f"Đã đặt bản sao lưu vào chỗ tệp dữ liệu nhưng không mở được: {exc}{aside}"
        show_error(window, message + "\n\nChương trình sẽ đóng; hãy mở lại.", "Chưa khôi phục được")
        window.close()
        return False
    plans = window.services.plans.list_plans()
    aside = f"\n\nCác tệp dữ liệu trước khi khôi phục được giữ trong:\n{outcome.aside}" if outcome.aside else ""
    window.statusBar().showMessage("Đã khôi phục dữ liệu từ bản sao lưu.", 10000)
    QMessageBox.information(
        window,
        "Đã khôi phục",
        f"Đã khôi phục dữ liệu từ bản sao lưu «{Path(backup).name}»: {len(plans)} kế hoạch, "
        f"{sum(p.task_count for p in plans)} nhiệm vụ. Các thao tác trước khi khôi phục không hoàn tác được "
        f"nữa.{aside}",
    )
    return True


def _open(path: Path, readonly: bool) -> Store:
    if readonly:
        from kehoach_desktop.store.database import open_for_viewing

        return open_for_viewing(path)
    return Store.open(path)
