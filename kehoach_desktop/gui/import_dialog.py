"""Import: choose a file (or drop it, or paste a table) → preview with warnings → confirm.

The preview lists the task table's columns with the meaning the program gave
each; the user can give any column another meaning (a combo box per column)
and the preview is read again from what was already read, not from the file.
The meanings chosen are remembered by the store when the plan is imported.
Reading the file and saving the plan run off the GUI thread (gui/background.py).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHeaderView,
    QLabel,
    QTableWidgetItem,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from kehoach_desktop.domain.areas import area
from kehoach_desktop.domain.drafts import COLUMN_MEANINGS, PlanDraft, SectionDraft, TaskDraft
from kehoach_desktop.domain.text import numbered
from kehoach_desktop.gui import background, screen_fit
from kehoach_desktop.gui.forms.ui_import_dialog import Ui_ImportDialog
from kehoach_desktop.gui.widgets import confirm, show_error
from kehoach_desktop.services import Outcome

FILE_FILTER = "Kế hoạch (*.docx *.xlsx *.pdf *.doc *.xls *.txt *.md);;Tất cả các tệp (*)"
ORIGIN_NOTES = {"remembered": " (theo lần nhập trước)", "chosen": " (đã chọn)"}


class ImportDialog(QDialog):
    def __init__(self, parent, db_path: Path, initial_file: Path | None = None, services=None):
        super().__init__(parent)
        self.ui = Ui_ImportDialog()
        self.ui.setupUi(self)
        screen_fit.fit_dialog(self)  # fits a small screen (gui/screen_fit.py)
        self.db_path = db_path
        # The window's services (GUI thread): what the plan's assignment phrases are
        # is shown and corrected here, before the plan is saved (the review step).
        self.services = services
        self.units_pane = UnitsPane(self, services) if services is not None else None
        if self.units_pane is not None:
            self.ui.previewSplitter.addWidget(self.units_pane)
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
        columns_header = ui.columnsTable.horizontalHeader()
        columns_header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        columns_header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        columns_header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        ui.columnsTable.verticalHeader().setVisible(False)
        self.chosen_columns: dict[int, str] = {}  # column index → meaning code the user picked
        self._remaps = 0  # readings asked for; only the latest one is shown
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
        self.chosen_columns = {}
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
        self.ui.columnsTable.setRowCount(0)
        if error is None:
            show_error(self, message, "Lỗi không mong đợi")

    def show_preview(self, draft: PlanDraft) -> None:
        self.draft = draft
        self._show_columns(draft)
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
        if self.units_pane is not None:
            self.units_pane.show_draft(draft)

    # --- the columns -------------------------------------------------------------------------

    def _show_columns(self, draft: PlanDraft) -> None:
        table = self.ui.columnsTable
        table.setRowCount(len(draft.columns))
        for index, column in enumerate(draft.columns):
            title = QTableWidgetItem(f"{index + 1}. {column.title}")
            title.setFlags(Qt.ItemFlag.ItemIsEnabled)
            table.setItem(index, 0, title)
            table.setCellWidget(index, 1, self._meaning_combo(index, column.meaning, column.origin))
            sample = QTableWidgetItem(column.sample)
            sample.setFlags(Qt.ItemFlag.ItemIsEnabled)
            sample.setToolTip(column.sample)
            table.setItem(index, 2, sample)

    def _meaning_combo(self, index: int, meaning: str, origin: str) -> QComboBox:
        combo = QComboBox()
        for code, name in COLUMN_MEANINGS:
            combo.addItem(name + (ORIGIN_NOTES.get(origin, "") if code == meaning else ""), code)
        combo.setCurrentIndex(max(0, combo.findData(meaning)))
        combo.setAccessibleName(f"Nghĩa của cột {index + 1}")
        combo.currentIndexChanged.connect(lambda _position, column=index, box=combo: self.choose_column(column, box.currentData()))
        return combo

    def choose_column(self, index: int, meaning: str) -> None:
        """The user gave column `index` (from 0) another meaning: read the table again."""
        if self.draft is None or not meaning:
            return
        self.chosen_columns[index] = meaning
        draft, chosen, year = self.draft, dict(self.chosen_columns), self._year()
        self._remaps += 1
        serial = self._remaps
        self.ok_button.setEnabled(False)

        def done(new: PlanDraft) -> None:
            if serial == self._remaps:  # an older reading finishing late is not shown
                self.show_preview(new)

        def failed(message: str, error: Exception | None) -> None:
            if serial != self._remaps:
                return
            self.chosen_columns.pop(index, None)
            self.ok_button.setEnabled(self.draft is not None and self.draft.task_count() > 0)
            show_error(self, message, "Không đọc lại được bảng" if error else "Lỗi không mong đợi")

        work = lambda services, progress: services.imports.remap(draft, chosen, year)  # noqa: E731
        background.run(self, "Đang đọc lại bảng…", work, done, failed, db_path=self.db_path)

    # --- the preview tree ----------------------------------------------------------------------

    def _add_section(self, parent: QTreeWidgetItem, section: SectionDraft) -> None:
        caption = numbered(section.ordinal, section.title)
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
        choices = self.units_pane.choices() if self.units_pane is not None else None
        work = lambda services, progress: services.imports.import_draft(  # noqa: E731
            draft, allow_duplicate=allow_duplicate, choices=choices
        )
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


class UnitsPane(QWidget):
    """The review step inside the import window: every assignment phrase of the plan
    and what it is understood as; with no organization yet, an offer to set it up."""

    def __init__(self, parent, services):
        super().__init__(parent)
        self.services = services
        self.draft: PlanDraft | None = None
        self.review = None
        self.layout_ = QVBoxLayout(self)
        self.layout_.setContentsMargins(0, 0, 0, 0)
        self.title = QLabel("&Đơn vị được giao trong kế hoạch:")
        self.offer = QLabel()
        self.offer.setWordWrap(True)
        self.offer.linkActivated.connect(self.set_up_organization)
        self.layout_.addWidget(self.title)
        self.layout_.addWidget(self.offer)
        self.hide()

    def show_draft(self, draft: PlanDraft) -> None:
        from kehoach_desktop.gui.import_review import PhraseReview
        from kehoach_desktop.services.organization import draft_phrases

        self.draft = draft
        counts = draft_phrases(draft)
        if self.review is not None:
            self.layout_.removeWidget(self.review)
            self.review.deleteLater()
            self.review = None
        set_up = self.services.organization.is_set_up()
        self.offer.setText(
            "" if set_up else
            "Chưa khai báo cơ cấu tổ chức của Sở: chương trình chưa biết Sở có những đơn vị nào, nên nhiệm vụ giao chung "
            "cho «các phòng, đơn vị» chỉ đến được các đơn vị kế hoạch nêu tên. "
            "<a href='set-up'>Khai báo cơ cấu tổ chức của Sở…</a>"
        )  # fmt: skip
        self.offer.setVisible(not set_up)
        if counts:
            self.review = PhraseReview(self.services, self.services.imports.phrases(draft), counts)
            self.layout_.addWidget(self.review, 1)
        self.setVisible(bool(counts) or not set_up)

    def set_up_organization(self, _link: str = "") -> None:
        from kehoach_desktop.gui.organization_dialog import UnitListDialog
        from kehoach_desktop.services.organization import draft_phrases

        if self.draft is None:
            return
        names = [c.phrase for c in self.services.imports.phrases(self.draft) if c.resolution.value in ("unit", "unknown")]
        dialog = UnitListDialog(self, self.services, plan_units=names or list(draft_phrases(self.draft)),
                                plan_header=self.draft.plan)  # fmt: skip
        try:
            if dialog.exec() and dialog.applied:
                self.show_draft(self.draft)
        finally:
            dialog.deleteLater()

    def choices(self):
        return self.review.choices() if self.review is not None else None
