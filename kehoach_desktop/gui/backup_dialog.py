"""Khôi phục: the backups next to the database, with their date and what they hold.

Each backup is read read-only (store/backup.py opens it immutable); a damaged
one, or one from a newer program, is listed greyed with the reason and cannot
be chosen. A backup kept elsewhere (a USB drive) is chosen with "Chọn tệp sao
lưu khác…". The dialog only chooses; the caller restores (backup_actions.py in
the window, app.py at start-up when the database is damaged).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFileDialog, QHeaderView, QTableWidgetItem

from kehoach_desktop.gui import screen_fit
from kehoach_desktop.gui.forms.ui_backup_dialog import Ui_BackupDialog
from kehoach_desktop.gui.widgets import confirm, show_error
from kehoach_desktop.services.backups import BackupInfo, inspect_backup, list_backups
from kehoach_desktop.store.backup import backup_dir

FILE_FILTER = "Bản sao lưu (*.db);;Tất cả các tệp (*)"
DAMAGED_INFO = (
    "Tệp dữ liệu đang dùng bị hỏng. Chọn bản sao lưu để khôi phục: tệp hỏng được giữ nguyên trong "
    "thư mục sao lưu (không bị xóa), rồi bản sao lưu được đặt vào chỗ của nó."
)
MISSING_INFO = (
    "Không thấy tệp dữ liệu ở chỗ cũ. Chọn bản sao lưu để đặt vào chỗ của nó; các bản sao lưu "
    "không bị thay đổi."
)


class BackupDialog(QDialog):
    def __init__(self, parent, db_path: Path, *, damaged: bool = False, missing: bool = False):
        super().__init__(parent)
        self.ui = Ui_BackupDialog()
        self.ui.setupUi(self)
        screen_fit.fit_dialog(self)  # fits a small screen (gui/screen_fit.py)
        self.db_path = Path(db_path)
        self.damaged = damaged
        self.missing = missing
        self.backups: list[BackupInfo] = []
        self.chosen: BackupInfo | None = None
        ui = self.ui
        if damaged or missing:
            ui.infoLabel.setText(DAMAGED_INFO if damaged else MISSING_INFO)
        self.restore_button = ui.buttonBox.button(QDialogButtonBox.StandardButton.Ok)
        self.restore_button.setText("&Khôi phục bản đã chọn")
        self.restore_button.setEnabled(False)
        ui.buttonBox.button(QDialogButtonBox.StandardButton.Cancel).setText("&Hủy")
        ui.buttonBox.accepted.connect(self.restore_selected)
        ui.buttonBox.rejected.connect(self.reject)
        ui.otherFileButton.clicked.connect(self.choose_other_file)
        header = ui.backupTable.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(4, QHeaderView.ResizeMode.Stretch)
        ui.backupTable.verticalHeader().hide()
        ui.backupTable.itemSelectionChanged.connect(self._selection_changed)
        ui.backupTable.doubleClicked.connect(lambda _index: self.restore_selected())
        ui.folderLabel.setText(f"Thư mục sao lưu: {backup_dir(self.db_path)}")
        self.set_backups(list_backups(self.db_path))

    # --- the list ------------------------------------------------------------------------------

    def set_backups(self, backups: list[BackupInfo]) -> None:
        self.backups = list(backups)
        table = self.ui.backupTable
        table.setRowCount(0)
        for info in self.backups:
            self._add_row(info)
        if not self.backups:
            self.ui.folderLabel.setText(
                f"Chưa có bản sao lưu nào trong {backup_dir(self.db_path)}. "
                "Có thể chọn một bản sao lưu ở nơi khác (USB, thư mục khác)."
            )
        first_usable = next((row for row, info in enumerate(self.backups) if info.usable), None)
        if first_usable is not None:
            table.selectRow(first_usable)

    def _add_row(self, info: BackupInfo) -> None:
        table = self.ui.backupTable
        row = table.rowCount()
        table.insertRow(row)
        status = "Dùng được" if info.usable else f"Không dùng được: {info.problem}"
        counts = ("", "") if info.plans is None else (str(info.plans), str(info.tasks))
        for column, text in enumerate((info.when, info.kind_label, *counts, status)):
            item = QTableWidgetItem(text)
            item.setToolTip(str(info.path))
            if column in (2, 3):
                item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            if not info.usable:
                item.setFlags(Qt.ItemFlag.NoItemFlags)  # shown, greyed, cannot be chosen
                item.setToolTip(f"{info.path}\n{info.problem}" + (f" ({info.detail})" if info.detail else ""))
            table.setItem(row, column, item)

    def selected(self) -> BackupInfo | None:
        rows = {index.row() for index in self.ui.backupTable.selectionModel().selectedRows()}
        if len(rows) != 1:
            return None
        info = self.backups[rows.pop()]
        return info if info.usable else None

    def _selection_changed(self) -> None:
        self.restore_button.setEnabled(self.selected() is not None)

    # --- choosing ------------------------------------------------------------------------------

    def choose_other_file(self) -> None:
        path = ask_backup_file(self)
        if path is None:
            return
        info = inspect_backup(path, self.db_path, full=True)
        if not info.usable:
            show_error(self, f"Không dùng được tệp «{path.name}» để khôi phục: {info.problem}.")
            return
        self.set_backups([info, *[b for b in self.backups if b.path != info.path]])

    def restore_selected(self) -> None:
        info = self.selected()
        if info is None:
            return
        if not self.confirm_restore(info):
            return
        self.chosen = info
        self.accept()

    def confirm_restore(self, info: BackupInfo) -> bool:
        if self.missing:
            return True  # nothing to replace
        if self.damaged:
            kept = "Tệp dữ liệu hỏng được giữ nguyên trong thư mục sao lưu."
        else:
            kept = ("Dữ liệu đang dùng được sao lưu trước («Trước khi khôi phục») nên vẫn lấy lại được "
                    "bằng chính cửa sổ này.")  # fmt: skip
        message = (
            f"Khôi phục dữ liệu từ bản sao lưu {info.describe()}?\n\n"
            "Dữ liệu đang dùng sẽ được thay bằng bản này: những thay đổi sau thời điểm đó sẽ không còn "
            f"trong dữ liệu đang dùng. {kept}"
        )
        return confirm(self, "Khôi phục dữ liệu", message, yes="Khôi phục")


def ask_backup_file(parent) -> Path | None:
    """A backup file chosen by the user (kept separate so tests can stand in for the file dialog)."""
    name, _ = QFileDialog.getOpenFileName(parent, "Chọn tệp sao lưu", "", FILE_FILTER)
    return Path(name) if name else None
