"""Sổ văn bản đã phát hành: the reports the office issued, kept as printed.

Each entry opens in the PDF preview with the bytes that were issued, so saving or
printing it again gives the same document, whatever changed in the data since.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
)

from kehoach_desktop.domain.periods import PeriodError, parse_period
from kehoach_desktop.domain.register import IssuedSummary
from kehoach_desktop.gui import screen_fit
from kehoach_desktop.gui.widgets import show_error
from kehoach_desktop.services import ServiceError, Services

COLUMNS = ("Số, ký hiệu", "Ngày", "Loại văn bản", "Trích yếu", "Kỳ báo cáo")


class RegisterWindow(QDialog):
    def __init__(self, parent, services: Services):
        super().__init__(parent)
        self.services = services
        self.setWindowTitle("Sổ văn bản đã phát hành")
        self.entries: list[IssuedSummary] = []
        self.search = QLineEdit(placeholderText="Tìm theo số, trích yếu, loại, ngày (không cần dấu)")
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self.reload)
        self.table = QTableWidget(0, len(COLUMNS))
        self._setup_table()
        self.empty_label = QLabel()
        self.open_button = QPushButton("&Mở để xem, in lại")
        self.word_button = QPushButton("Lưu bản &Word…")
        self.open_button.clicked.connect(self.open_current)
        self.word_button.clicked.connect(self.save_word)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText("Đóng")
        buttons.rejected.connect(self.reject)
        actions = QHBoxLayout()
        for widget in (self.open_button, self.word_button):
            actions.addWidget(widget)
        actions.addStretch(1)
        actions.addWidget(buttons)
        layout = QVBoxLayout(self)
        layout.addWidget(self.search)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.empty_label)
        layout.addLayout(actions)
        self.resize(900, 480)
        screen_fit.fit_dialog(self, scroll=False)  # the table scrolls itself
        self.reload()

    def _setup_table(self) -> None:
        table = self.table
        table.setHorizontalHeaderLabels(COLUMNS)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.verticalHeader().hide()
        header = table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        table.itemSelectionChanged.connect(self._update_buttons)
        table.itemActivated.connect(lambda _item: self.open_current())

    def reload(self) -> None:
        self.entries = self.services.register.entries(self.search.text())
        self.table.setRowCount(len(self.entries))
        for row, entry in enumerate(self.entries):
            values = (entry.reference, f"{entry.issued_on:%d/%m/%Y}", entry.kind_label, entry.title, _period_label(entry))
            for column, text in enumerate(values):
                item = QTableWidgetItem(text)
                item.setToolTip(text)
                self.table.setItem(row, column, item)
        if self.entries:
            self.table.selectRow(0)
            self.empty_label.hide()
        else:
            self.empty_label.setText(
                "Không có văn bản nào khớp với từ đang tìm." if self.search.text().strip()
                else "Sổ chưa có văn bản nào. Báo cáo được lưu hoặc in có số và ngày ban hành sẽ được ghi vào đây."
            )  # fmt: skip
            self.empty_label.show()
        self._update_buttons()

    def current(self) -> IssuedSummary | None:
        rows = self.table.selectionModel().selectedRows()
        return self.entries[rows[0].row()] if rows else None

    def _update_buttons(self) -> None:
        entry = self.current()
        self.open_button.setEnabled(entry is not None)
        self.word_button.setEnabled(entry is not None)

    def open_current(self) -> None:
        from kehoach_desktop.gui.pdf_preview import PdfPreview

        entry = self.current()
        if entry is None or entry.id is None:
            return
        try:
            document = self.services.register.get(entry.id)
        except ServiceError as exc:
            show_error(self, str(exc))
            return
        preview = PdfPreview(self, document.pdf, title=_title(entry), file_name=_file_name(entry, ".pdf"))
        preview.show()

    def save_word(self) -> None:
        entry = self.current()
        if entry is None or entry.id is None:
            return
        document = self.services.register.get(entry.id)
        if document.docx is None:
            show_error(self, "Văn bản này được lưu sổ không kèm bản Word; hãy mở bản PDF để in hoặc lưu lại.")
            return
        path, _ = QFileDialog.getSaveFileName(self, "Lưu bản Word", _file_name(entry, ".docx"), "Tệp Word (*.docx)")
        if not path:
            return
        try:
            Path(path).write_bytes(document.docx)
        except OSError as exc:
            show_error(self, f"Không ghi được tệp {path}: {exc.strerror}.")


def _period_label(entry: IssuedSummary) -> str:
    if not entry.period:
        return ""
    try:
        return parse_period(entry.period).label
    except PeriodError:
        return entry.period


def _title(entry: IssuedSummary) -> str:
    return f"{entry.kind_label} số {entry.reference}, ngày {entry.issued_on:%d/%m/%Y}"


def _file_name(entry: IssuedSummary, suffix: str) -> str:
    safe = "".join(ch if ch.isalnum() or ch in "-_" else "-" for ch in entry.reference) or "van-ban"
    return f"{safe}-{entry.issued_on:%Y%m%d}{suffix}"


def open_register(parent, services: Services) -> None:
    dialog = RegisterWindow(parent, services)
    dialog.setWindowModality(Qt.WindowModality.WindowModal)
    try:
        dialog.exec()
    finally:
        dialog.deleteLater()
