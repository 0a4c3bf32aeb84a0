"""Import: choose a file (or drop it, or paste a table) → preview with warnings → confirm.

Reading the file and saving the plan run off the GUI thread (gui/background.py).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFileDialog, QHeaderView, QTreeWidgetItem

from kehoach_desktop.domain.areas import area
from kehoach_desktop.domain.drafts import PlanDraft, SectionDraft, TaskDraft
from kehoach_desktop.gui import background
from kehoach_desktop.gui.forms.ui_import_dialog import Ui_ImportDialog
from kehoach_desktop.gui.widgets import confirm, show_error
from kehoach_desktop.services import Outcome

FILE_FILTER = "Kế hoạch (*.docx *.xlsx *.txt *.md);;Tất cả các tệp (*)"


class ImportDialog(QDialog):
    def __init__(self, parent, db_path: Path, initial_file: Path | None = None):
        super().__init__(parent)
        self.ui = Ui_ImportDialog()
        self.ui.setupUi(self)
        self.db_path = db_path
        self.draft: PlanDraft | None = None
        self.imported: Outcome[int] | None = None  # the import done (its value is the new plan's id)
        ui = self.ui
        ui.yearSpin.setValue(ui.yearSpin.minimum())  # "tự nhận": read the year from the document
        self.ok_button = ui.buttonBox.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText("&Nhập kế hoạch")
        self.ok_button.setEnabled(False)
        ui.buttonBox.button(QDialogButtonBox.StandardButton.Cancel).setText("&Hủy")
        ui.buttonBox.accepted.connect(self.start_import)
        ui.buttonBox.rejected.connect(self.reject)
        ui.browseButton.clicked.connect(self.browse)
        ui.previewButton.clicked.connect(self.start_preview)
        ui.fileEdit.returnPressed.connect(self.start_preview)
        header = ui.previewTree.header()
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        if initial_file:
            self.set_file(initial_file)

    # --- choosing the source ----------------------------------------------------------------

    def browse(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, "Chọn tệp kế hoạch", "", FILE_FILTER)
        if path:
            self.set_file(Path(path))

    def set_file(self, path: Path) -> None:
        self.ui.sourceTabs.setCurrentIndex(0)
        self.ui.fileEdit.setText(str(path))
        self.start_preview()

    def dragEnterEvent(self, event) -> None:  # noqa: N802 (Qt naming)
        if event.mimeData().hasUrls():
            event.acceptProposedAction()

    def dropEvent(self, event) -> None:  # noqa: N802
        urls = [url for url in event.mimeData().urls() if url.isLocalFile()]
        if urls:
            self.set_file(Path(urls[0].toLocalFile()))

    def _year(self) -> int | None:
        value = self.ui.yearSpin.value()
        return None if value == self.ui.yearSpin.minimum() else value

    # --- preview -----------------------------------------------------------------------------

    def start_preview(self) -> None:
        self.draft = None
        self.ok_button.setEnabled(False)
        year = self._year()
        if self.ui.sourceTabs.currentIndex() == 0:
            text = self.ui.fileEdit.text().strip()
            if not text:
                return
            path = Path(text)
            work = lambda services, progress: services.imports.preview(path=path, year=year)  # noqa: E731
        else:
            pasted = self.ui.pasteEdit.toPlainText()
            if not pasted.strip():
                return
            work = lambda services, progress: services.imports.preview(text=pasted, year=year)  # noqa: E731
        self.ui.summaryLabel.setText("Đang đọc…")
        background.run(self, "Đang đọc kế hoạch…", work, self.show_preview, self._preview_failed, db_path=self.db_path)

    def _preview_failed(self, message: str, error: Exception | None) -> None:
        self.ui.summaryLabel.setText(message if error else "Không đọc được tệp.")
        self.ui.previewTree.clear()
        self.ui.warningList.clear()
        if error is None:
            show_error(self, message, "Lỗi không mong đợi")

    def show_preview(self, draft: PlanDraft) -> None:
        self.draft = draft
        tree = self.ui.previewTree
        tree.clear()
        for section in draft.sections:
            self._add_section(tree.invisibleRootItem(), section)
        tree.expandToDepth(0)
        self.ui.warningList.clear()
        for warning in draft.warnings:
            self.ui.warningList.addItem(f"⚠ {warning}")
        plan = draft.plan
        title = plan.title or "(không có trích yếu)"
        self.ui.summaryLabel.setText(
            f"{title} — năm {plan.year}: {len(draft.all_sections())} mục, {draft.task_count()} nhiệm vụ, "
            f"{len(draft.warnings)} cảnh báo."
        )
        self.ok_button.setEnabled(draft.task_count() > 0)

    def _add_section(self, parent: QTreeWidgetItem, section: SectionDraft) -> None:
        caption = f"{section.ordinal}. {section.title}" if section.ordinal else section.title
        item = QTreeWidgetItem(parent, [section.ordinal, f"{section.title}  [{area(section.area_code).short_name}]"])
        item.setFirstColumnSpanned(False)
        item.setToolTip(1, caption)
        font = item.font(0)
        font.setBold(True)
        item.setFont(0, font)
        item.setFont(1, font)
        for task in section.tasks:
            self._add_task(item, task)
        for sub in section.subsections:
            self._add_section(item, sub)

    def _add_task(self, parent: QTreeWidgetItem, task: TaskDraft) -> None:
        item = QTreeWidgetItem(parent, [task.number, task.content, task.schedule_text,
                                        ", ".join(task.lead_units), ", ".join(task.coordinate_units)])  # fmt: skip
        item.setToolTip(1, task.content)
        item.setData(0, Qt.ItemDataRole.UserRole, task)
        for child in task.children:
            self._add_task(item, child)

    # --- import ----------------------------------------------------------------------------

    def start_import(self, allow_duplicate: bool = False) -> None:
        if self.draft is None:
            return
        draft = self.draft
        self.ok_button.setEnabled(False)
        work = lambda services, progress: services.imports.import_draft(draft, allow_duplicate=allow_duplicate)  # noqa: E731
        background.run(self, "Đang lưu kế hoạch…", work, self._imported, self._import_failed, db_path=self.db_path)

    def _imported(self, outcome: Outcome[int]) -> None:
        self.imported = outcome
        self.accept()

    def _import_failed(self, message: str, error: Exception | None) -> None:
        from kehoach_desktop.services.imports import DuplicatePlanError

        self.ok_button.setEnabled(True)
        if isinstance(error, DuplicatePlanError):
            if confirm(self, "Kế hoạch đã có", f"{message}\n\nVẫn nhập thêm một bản nữa?", yes="Nhập thêm"):
                self.start_import(allow_duplicate=True)
            return
        show_error(self, message, "Không nhập được kế hoạch" if error else "Lỗi không mong đợi")
