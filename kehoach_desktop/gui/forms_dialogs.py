"""Dialogs of the periodic reporting round-trip: the tracking table out, the unit
forms out, the filled forms back in (with their preview).

Writing and reading files, and applying an import, run off the GUI thread
(gui/background.py) on their own `Services`; the dialogs only show plain
objects the workers return.
"""

from __future__ import annotations

import textwrap
from collections import Counter
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHeaderView,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QWidget,
)

from kehoach_desktop.domain.models import ProgressUpdate
from kehoach_desktop.domain.periods import Period, PeriodError, parse_period
from kehoach_desktop.exporters.unit_forms import safe_file_stem
from kehoach_desktop.gui import background, screen_fit
from kehoach_desktop.gui.forms.ui_files_written_dialog import Ui_FilesWrittenDialog
from kehoach_desktop.gui.forms.ui_forms_export_dialog import Ui_FormsExportDialog
from kehoach_desktop.gui.forms.ui_forms_import_dialog import Ui_FormsImportDialog
from kehoach_desktop.gui.forms.ui_tracking_export_dialog import Ui_TrackingExportDialog
from kehoach_desktop.gui.reporting_panel import fill_plan_combo
from kehoach_desktop.gui.widgets import confirm, select_data, show_error
from kehoach_desktop.services import Outcome, ServiceError, Services

if TYPE_CHECKING:  # services.forms pulls in openpyxl: loaded when a form is read
    from kehoach_desktop.services.forms import ApplyCounts

FORM_FILTER = "Phiếu báo cáo Excel (*.xlsx);;Tất cả các tệp (*)"
EXCEL_FILTER = "Bảng tính Excel (*.xlsx)"
NO_PERIOD_LABEL = "Tình hình hiện tại (không theo kỳ)"
NO_PERIOD_CHECK = "Không kiểm tra (theo kỳ ghi trong từng phiếu)"


# --- small shared pieces ------------------------------------------------------------------


def open_folder(path: Path) -> None:
    """Show a folder in the system's file manager (Explorer on Windows)."""
    QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))


def choose_form_files(parent: QWidget, folder: str = "") -> list[Path]:
    """Ask for the filled forms (several at once)."""
    paths, _ = QFileDialog.getOpenFileNames(parent, "Chọn các phiếu báo cáo đơn vị gửi về", folder, FORM_FILTER)
    return [Path(path) for path in paths]


def period_label(code: str) -> str:
    try:
        return parse_period(code).label
    except PeriodError:
        return code or "—"


def _ok_cancel(box: QDialogButtonBox, ok_text: str) -> QPushButton:
    ok = box.button(QDialogButtonBox.StandardButton.Ok)
    ok.setText(ok_text)
    box.button(QDialogButtonBox.StandardButton.Cancel).setText("&Hủy")
    return ok


class _BusyDialog(QDialog):
    """A dialog that cannot be closed while its background job runs (the job's
    answer comes back to it)."""

    busy = False

    def reject(self) -> None:
        if not self.busy:
            super().reject()

    def _run(self, title: str, work, on_done, on_error, db_path: Path) -> None:
        self.busy = True
        self._set_busy(True)

        def done(result) -> None:
            self.busy = False
            self._set_busy(False)
            on_done(result)

        def failed(message: str, error) -> None:
            self.busy = False
            self._set_busy(False)
            on_error(message, error)

        background.run(self, title, work, done, failed, db_path=db_path)

    def _set_busy(self, busy: bool) -> None:
        self.ok_button.setEnabled(not busy)

    def _failed(self, message: str, error) -> None:
        """An expected error (a Vietnamese message) shows in the dialog; anything else in a box."""
        if error is None:
            show_error(self, message, "Lỗi không mong đợi")
        else:
            self.ui.errorLabel.setText(message)


# --- the tracking table ------------------------------------------------------------------


class TrackingExportDialog(_BusyDialog):
    """Plan, period (or none), file → the tracking table written on a worker."""

    def __init__(self, parent, services: Services, db_path: Path, plan_id: int | None,
                 period: Period | None, folder: Path):  # fmt: skip
        super().__init__(parent)
        self.ui = Ui_TrackingExportDialog()
        self.ui.setupUi(self)
        screen_fit.fit_dialog(self)  # fits a small screen (gui/screen_fit.py)
        self.services, self.db_path, self.folder = services, db_path, folder
        self.written: Path | None = None
        self.notes: list = []
        ui = self.ui
        ui.periodPicker.allow_none(NO_PERIOD_LABEL)
        ui.periodPicker.set_period(period)
        fill_plan_combo(ui.planCombo, services, plan_id)
        self.ok_button = _ok_cancel(ui.buttonBox, "&Xuất")
        self.ok_button.setEnabled(ui.planCombo.count() > 0)
        ui.buttonBox.accepted.connect(self.start)
        ui.buttonBox.rejected.connect(self.reject)
        ui.browseButton.clicked.connect(self.browse)
        ui.planCombo.currentIndexChanged.connect(self._suggest_name)
        ui.periodPicker.changed.connect(self._suggest_name)
        self._suggested = ""
        self._suggest_name()
        if ui.planCombo.count() == 0:
            ui.errorLabel.setText("Chưa có kế hoạch nào. Hãy nhập kế hoạch trước.")

    def _suggest_name(self) -> None:
        """A file name from the plan and period, while the user has not typed one."""
        current = self.ui.fileEdit.text().strip()
        if current and current != self._suggested:
            return
        plan_id = self.ui.planCombo.currentData()
        if plan_id is None:
            return
        plan = self.services.plans.get(plan_id)
        code = self.ui.periodPicker.code() or "hiện tại"
        name = plan.doc_number.strip("/ ") or plan.title[:60] or f"ke hoach {plan.id}"
        self._suggested = str(self.folder / f"{safe_file_stem(f'Bảng theo dõi {name} {code}')}.xlsx")
        self.ui.fileEdit.setText(self._suggested)

    def browse(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, "Lưu bảng theo dõi", self.ui.fileEdit.text(), EXCEL_FILTER)
        if path:
            self.ui.fileEdit.setText(path)

    def target(self) -> Path | None:
        text = self.ui.fileEdit.text().strip()
        if not text:
            return None
        path = Path(text)
        return path if path.suffix.lower() == ".xlsx" else path.with_name(path.name + ".xlsx")

    def start(self) -> None:
        ui = self.ui
        ui.errorLabel.clear()
        plan_id = ui.planCombo.currentData()
        try:
            period = ui.periodPicker.period()
        except PeriodError as exc:
            ui.errorLabel.setText(str(exc))
            return
        path = self.target()
        if plan_id is None or path is None:
            ui.errorLabel.setText("Hãy chọn kế hoạch và tên tệp Excel cần ghi.")
            return
        if not path.parent.is_dir():
            ui.errorLabel.setText(f"Thư mục «{path.parent}» không có. Hãy chọn thư mục khác.")
            return
        if path.exists() and not confirm(self, "Tệp đã có", f"Tệp «{path.name}» đã có. Ghi đè lên tệp này?",
                                         yes="Ghi đè"):  # fmt: skip
            return
        code = period.code if period else None

        def work(services, progress):
            return services.forms.export_tracking_table(plan_id, code, path)

        self._run("Đang xuất bảng theo dõi…", work, lambda notes: self._done(path, notes), self._failed, self.db_path)

    def _done(self, path: Path, notes) -> None:
        self.written, self.notes = path, list(notes)
        self.accept()



# --- the unit forms out ------------------------------------------------------------------


class FormsExportDialog(_BusyDialog):
    """Plan, period, one file per unit or one workbook, folder → the forms written."""

    def __init__(self, parent, services: Services, db_path: Path, plan_id: int | None, period: Period, folder: Path):
        super().__init__(parent)
        self.ui = Ui_FormsExportDialog()
        self.ui.setupUi(self)
        screen_fit.fit_dialog(self)  # fits a small screen (gui/screen_fit.py)
        self.services, self.db_path = services, db_path
        self.written: list[Path] = []
        self.notes: list = []
        self.period: Period | None = None
        ui = self.ui
        ui.periodPicker.set_period(period)
        ui.folderEdit.setText(str(folder))
        fill_plan_combo(ui.planCombo, services, plan_id)
        self.ok_button = _ok_cancel(ui.buttonBox, "&Xuất phiếu")
        ui.buttonBox.accepted.connect(self.start)
        ui.buttonBox.rejected.connect(self.reject)
        ui.browseButton.clicked.connect(self.browse)
        ui.planCombo.currentIndexChanged.connect(self.show_units)
        ui.periodPicker.changed.connect(self.show_units)
        self.show_units()

    def show_units(self) -> None:
        """Who will get a form, and with how many tasks (read from the database, nothing written)."""
        ui = self.ui
        ui.unitList.clear()
        ui.errorLabel.clear()
        plan_id, code = ui.planCombo.currentData(), ui.periodPicker.code()
        if plan_id is None:
            ui.errorLabel.setText("Chưa có kế hoạch nào. Hãy nhập kế hoạch trước.")
            self.ok_button.setEnabled(False)
            return
        if code is None:
            ui.errorLabel.setText("Kỳ báo cáo không hợp lệ: ngày kết thúc trước ngày bắt đầu.")
            self.ok_button.setEnabled(False)
            return
        status = self.services.forms.reporting_status(plan_id, code)
        units = [unit for unit in status.units if unit.assigned]
        for unit in units:
            ui.unitList.addItem(f"{unit.unit_name} — {unit.assigned} nhiệm vụ")
        if not units:
            ui.errorLabel.setText(
                "Kế hoạch chưa có nhiệm vụ nào được giao cho đơn vị trong danh mục; hãy phân công đơn vị "
                "chủ trì, phối hợp (sửa nhiệm vụ) trước khi gửi phiếu báo cáo."
            )
        self.ok_button.setEnabled(bool(units))

    def browse(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, "Chọn thư mục ghi các phiếu báo cáo", self.ui.folderEdit.text())
        if folder:
            self.ui.folderEdit.setText(folder)

    def start(self) -> None:
        ui = self.ui
        plan_id = ui.planCombo.currentData()
        try:
            period = ui.periodPicker.period()
        except PeriodError as exc:
            ui.errorLabel.setText(str(exc))
            return
        text = ui.folderEdit.text().strip()
        if plan_id is None or not text:
            ui.errorLabel.setText("Hãy chọn kế hoạch và thư mục ghi các phiếu.")
            return
        folder, one_workbook = Path(text), ui.oneWorkbookRadio.isChecked()

        def work(services, progress):
            return services.forms.export_forms(plan_id, period.code, folder, one_workbook)

        self.period = period
        self._run("Đang xuất phiếu báo cáo…", work, self._done, self._failed, self.db_path)

    def _done(self, paths) -> None:
        self.written, self.notes = list(paths), list(paths.notes)
        self.accept()



class FilesWrittenDialog(QDialog):
    """The files written, the texts adjusted for Excel, and a button to open the folder."""

    def __init__(self, parent, title: str, message: str, paths: list[Path], notes: list):
        super().__init__(parent)
        self.ui = Ui_FilesWrittenDialog()
        self.ui.setupUi(self)
        screen_fit.fit_dialog(self)  # fits a small screen (gui/screen_fit.py)
        self.setWindowTitle(title)
        ui = self.ui
        ui.messageLabel.setText(message)
        for path in paths:
            ui.fileList.addItem(path.name)
            ui.fileList.item(ui.fileList.count() - 1).setToolTip(str(path))
        for note in notes:
            ui.notesList.addItem(str(note))
        ui.notesLabel.setVisible(bool(notes))
        ui.notesList.setVisible(bool(notes))
        self.folder = paths[0].parent if paths else None
        self.open_button = ui.buttonBox.addButton("Mở &thư mục", QDialogButtonBox.ButtonRole.ActionRole)
        self.open_button.setEnabled(self.folder is not None)
        self.open_button.clicked.connect(self._open)
        ui.buttonBox.button(QDialogButtonBox.StandardButton.Close).setText("Đó&ng")
        ui.buttonBox.rejected.connect(self.reject)
        self.open_button.setDefault(True)

    def _open(self) -> None:
        if self.folder is not None:
            open_folder(self.folder)
        self.accept()


# --- the filled forms back in ---------------------------------------------------------------


@dataclass
class Matched:
    """What a read-and-match worker hands back."""

    forms: list  # FormFile, in the order of the paths
    preview: object  # FormsPreview
    expected_period: str | None
    old_updates: dict[int, ProgressUpdate]


@dataclass
class ImportOutcome:
    """What the import did: the write's outcome (its counts, what it changed, its undo),
    and the periods and plans the answers were for."""

    applied: Outcome[ApplyCounts]
    periods: list[str]
    plan_ids: list[int]

    @property
    def counts(self) -> ApplyCounts:
        return self.applied.value


# Column widths (pixels) and the characters per line their texts are broken at.
ENTRY_WIDTHS = ((150, 24), (260, 40), (90, 14), (110, 18), (40, 4), (280, 44), (220, 34), (180, 28), (260, 40))
CHANGED_WIDTHS = ((150, 24), (260, 40), (260, 40), (250, 38), (250, 38), (260, 40))
PROBLEM_WIDTHS = ((660, 100), (380, 60))
MAX_LINES = 8


def wrap(text: str, chars: int) -> str:
    """The text in lines of at most `chars` characters, at most MAX_LINES lines."""
    lines = [part for line in text.split("\n") for part in (textwrap.wrap(line, chars) or [""])]
    if len(lines) > MAX_LINES:
        lines = lines[: MAX_LINES - 1] + [lines[MAX_LINES - 1] + " …"]
    return "\n".join(lines)


AUTO = object()  # the expected period: the most common period among the forms


class ReadingCancelled(ServiceError):
    """The user stopped reading the files (the progress dialog's «Hủy»)."""


def _key(path: Path) -> Path:
    try:
        return path.resolve()
    except OSError:
        return path.absolute()


def most_common_period(forms) -> str | None:
    """The period most of the identified forms are for (the latest on a tie)."""
    counts = Counter(form.period for form in forms if form.identified and form.period)
    if not counts:
        return None

    def weight(code: str):
        try:
            end = parse_period(code).end
        except PeriodError:
            end = None
        return (counts[code], end.toordinal() if end else 0)

    return max(counts, key=weight)


def read_and_match(services: Services, progress, paths: list[Path], cached: dict, period_choice) -> Matched:
    """Worker: read the files not read yet, then match them against the database."""
    from kehoach_desktop.importers.forms_reader import read_form

    forms = []
    for number, path in enumerate(paths):
        if progress.cancelled:
            raise ReadingCancelled("Đã dừng đọc các phiếu báo cáo.")
        progress.report(int(90 * number / max(len(paths), 1)), f"Đang đọc tệp «{path.name}»…")
        form = cached.get(_key(path))
        forms.append(form if form is not None else read_form(path))
    expected = most_common_period(forms) if period_choice is AUTO else (period_choice or None)
    preview = services.forms.preview_forms(forms, None, expected)
    old: dict[int, ProgressUpdate] = {}
    for entry in preview.changed:
        for update in services.progress.history(entry.task_id):
            if update.id in entry.replaces:
                old[update.id] = update
    return Matched(forms, preview, expected, old)


def apply_import(services: Services, progress, preview, accept_conflicts: bool) -> ImportOutcome:
    """Worker: apply all or nothing (the outcome carries its undo)."""
    from kehoach_desktop.services.forms_matcher import ChangeKind

    written = [entry for entry in preview.entries if entry.kind is not ChangeKind.SAME]
    applied = services.forms.apply(preview, accept_conflicts=accept_conflicts)
    return ImportOutcome(
        applied,
        periods=sorted({entry.period for entry in written}),
        plan_ids=sorted({entry.plan_id for entry in written}),
    )


def describe_update(update: ProgressUpdate) -> str:
    from kehoach_desktop.domain.answers import evidence_line

    head = update.status.label + (f", {update.percent}%" if update.percent is not None else "")
    lines = [head]
    if update.result:
        lines.append(f"Kết quả: {update.result}")
    if update.evidence:
        lines.append("Kiểm chứng: " + "; ".join(evidence_line(item) for item in update.evidence))
    if update.difficulties:
        lines.append(f"Khó khăn: {update.difficulties}")
    return "\n".join(lines)


class FormsImportDialog(_BusyDialog):
    """The preview of the filled forms; «Ghi vào dữ liệu» applies all of it or nothing."""

    TABS = ("errors", "conflicts", "new", "changed", "notes", "unchanged")
    TITLES = {"errors": "Lỗi", "conflicts": "Xung đột", "new": "Mới", "changed": "Thay đổi",
              "notes": "Lưu ý", "unchanged": "Không đổi"}  # fmt: skip

    def __init__(self, parent, db_path: Path, paths: list[Path], choose_folder: str = ""):
        super().__init__(parent)
        self.ui = Ui_FormsImportDialog()
        self.ui.setupUi(self)
        screen_fit.fit_dialog(self)  # fits a small screen (gui/screen_fit.py)
        self.db_path = db_path
        self.choose_folder = choose_folder
        self.paths: list[Path] = []
        self.cached: dict[Path, object] = {}
        self.matched: Matched | None = None
        self.period_choice = AUTO
        self.outcome: ImportOutcome | None = None
        ui = self.ui
        self.ok_button = _ok_cancel(ui.buttonBox, "&Ghi vào dữ liệu")
        self.ok_button.setEnabled(False)
        ui.buttonBox.accepted.connect(self.start_apply)
        ui.buttonBox.rejected.connect(self.reject)
        ui.addButton.clicked.connect(self.add_files)
        ui.removeButton.clicked.connect(self.remove_selected)
        ui.acceptConflictsCheck.toggled.connect(self._update_state)
        ui.periodCombo.activated.connect(self._period_chosen)
        header = ui.fileTree.header()
        header.setStretchLastSection(False)
        for column in (0, 2, 3, 4):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        for name in ("newTree", "unchangedTree"):
            self._widths(getattr(ui, name), ENTRY_WIDTHS)
        self._widths(ui.changedTree, CHANGED_WIDTHS)
        for name in ("errorsTree", "conflictsTree", "notesTree"):
            self._widths(getattr(ui, name), PROBLEM_WIDTHS)
        self.tab_index = {name: ui.resultTabs.indexOf(getattr(ui, f"{name}Tab")) for name in self.TABS}
        self.add_paths(paths)

    @staticmethod
    def _widths(tree: QTreeWidget, widths) -> None:
        for column, (width, _chars) in enumerate(widths):
            tree.header().resizeSection(column, width)

    # --- the files ------------------------------------------------------------------------

    def add_paths(self, paths: list[Path]) -> None:
        known = {_key(path) for path in self.paths}
        fresh = []
        for path in paths:
            if _key(path) not in known:
                known.add(_key(path))
                fresh.append(Path(path))
        if fresh or not self.paths:
            self.paths.extend(fresh)
            self.start_match()

    def add_files(self) -> None:
        self.add_paths(choose_form_files(self, self.choose_folder))

    def remove_selected(self) -> None:
        rows = sorted({self.ui.fileTree.indexOfTopLevelItem(item) for item in self.ui.fileTree.selectedItems()})
        if not rows or self.busy:
            return
        for row in reversed(rows):
            path = self.paths.pop(row)
            self.cached.pop(_key(path), None)
        self.start_match()

    def dragEnterEvent(self, event) -> None:  # noqa: N802 (Qt naming)
        if event.mimeData().hasUrls() and not self.busy:
            event.acceptProposedAction()

    def dropEvent(self, event) -> None:  # noqa: N802
        paths = [Path(url.toLocalFile()) for url in event.mimeData().urls() if url.isLocalFile()]
        if paths and not self.busy:
            self.add_paths(paths)

    def _period_chosen(self, index: int) -> None:
        self.period_choice = self.ui.periodCombo.itemData(index) or ""
        self.start_match()

    # --- preview ------------------------------------------------------------------------------

    def start_match(self) -> None:
        self.matched = None
        self._update_state()
        if not self.paths:
            self._show_empty()
            return
        paths, cached, choice = list(self.paths), dict(self.cached), self.period_choice
        self.ui.summaryLabel.setText(f"Đang đọc {len(paths)} tệp…")
        work = lambda services, progress: read_and_match(services, progress, paths, cached, choice)  # noqa: E731
        self._run("Đang đọc phiếu báo cáo…", work, self.show_preview, self._match_failed, self.db_path)

    def _match_failed(self, message: str, error) -> None:
        if isinstance(error, ReadingCancelled):
            self.reject()
            return
        self.ui.summaryLabel.setText("Không xem trước được các tệp.")
        show_error(self, message, "Không đọc được phiếu báo cáo" if error else "Lỗi không mong đợi")
        self._update_state()

    def _show_empty(self) -> None:
        ui = self.ui
        ui.fileTree.clear()
        for name in self.TABS:
            getattr(ui, f"{name}Tree").clear()
            ui.resultTabs.setTabText(self.tab_index[name], self.TITLES[name])
        ui.summaryLabel.setText("Chưa có tệp nào. Bấm «Thêm tệp…» hoặc kéo các phiếu báo cáo vào đây.")
        self._update_state()

    def show_preview(self, matched: Matched) -> None:
        self.matched = matched
        for path, form in zip(self.paths, matched.forms):
            self.cached[_key(path)] = form
        preview = matched.preview
        self._show_files(preview)
        self._show_period_choice(matched)
        ui = self.ui
        self._fill_entries(ui.newTree, preview.new)
        self._fill_entries(ui.unchangedTree, preview.unchanged)
        self._fill_changed(preview.changed, matched.old_updates)
        self._fill_problems(ui.errorsTree, preview.errors)
        self._fill_problems(ui.conflictsTree, preview.conflicts)
        self._fill_problems(ui.notesTree, preview.notes)
        counts = {"errors": len(preview.errors), "conflicts": len(preview.conflicts), "new": len(preview.new),
                  "changed": len(preview.changed), "notes": len(preview.notes),
                  "unchanged": len(preview.unchanged)}  # fmt: skip
        for name, count in counts.items():
            ui.resultTabs.setTabText(self.tab_index[name], f"{self.TITLES[name]} ({count})")
        first = next((name for name in self.TABS if counts[name]), "new")
        ui.resultTabs.setCurrentIndex(self.tab_index[first])
        ui.summaryLabel.setText(
            f"{len(preview.files)} tệp: {counts['new']} báo cáo mới, {counts['changed']} thay đổi, "
            f"{counts['unchanged']} không đổi; {counts['conflicts']} xung đột, {counts['errors']} lỗi."
        )
        self._update_state()

    def _show_files(self, preview) -> None:
        tree = self.ui.fileTree
        tree.clear()
        for summary in preview.files:
            if summary.plan_id is None:
                values = [summary.path.name, "(không đọc được — xem thẻ Lỗi)", "", "", ""]
            else:
                values = [summary.path.name, summary.plan_title, period_label(summary.period),
                          ", ".join(summary.units) or "—", f"{summary.filled_rows}/{summary.task_rows} nhiệm vụ"]  # fmt: skip
            item = QTreeWidgetItem(tree, values)
            item.setToolTip(0, str(summary.path))
            item.setToolTip(1, values[1])

    def _show_period_choice(self, matched: Matched) -> None:
        combo = self.ui.periodCombo
        combo.clear()
        combo.addItem(NO_PERIOD_CHECK, "")
        codes = sorted({form.period for form in matched.forms if form.identified and form.period},
                       key=lambda code: _period_end(code))  # fmt: skip
        for code in codes:
            combo.addItem(period_label(code), code)
        select_data(combo, matched.expected_period or "")

    def _fill_entries(self, tree: QTreeWidget, entries) -> None:
        tree.clear()
        from kehoach_desktop.domain.answers import evidence_line

        for entry in entries:
            update = entry.update
            values = [entry.unit_name, entry.task_label, entry.role_label, update.status.label,
                      "" if update.percent is None else str(update.percent), update.result,
                      "\n".join(evidence_line(item) for item in update.evidence), update.difficulties,
                      entry.where]  # fmt: skip
            self._item(tree, values, ENTRY_WIDTHS)

    def _fill_changed(self, entries, old_updates: dict[int, ProgressUpdate]) -> None:
        tree = self.ui.changedTree
        tree.clear()
        for entry in entries:
            old = [describe_update(old_updates[i]) for i in entry.replaces if i in old_updates]
            values = [entry.unit_name, entry.task_label, "\n".join(entry.changes), "\n\n".join(old),
                      describe_update(entry.update), entry.where]  # fmt: skip
            self._item(tree, values, CHANGED_WIDTHS)

    def _fill_problems(self, tree: QTreeWidget, problems) -> None:
        tree.clear()
        for problem in problems:
            self._item(tree, [problem.message, problem.where], PROBLEM_WIDTHS)

    @staticmethod
    def _item(tree: QTreeWidget, values: list[str], widths) -> QTreeWidgetItem:
        """A row whose long texts are broken into lines (a tree view does not wrap them
        itself); the whole text stays in the tooltip and in item.data(UserRole)."""
        item = QTreeWidgetItem(tree, [wrap(text, chars) for text, (_width, chars) in zip(values, widths)])
        for column, text in enumerate(values):
            item.setData(column, Qt.ItemDataRole.UserRole, text)
            if text:
                item.setToolTip(column, text)
        return item

    # --- apply ------------------------------------------------------------------------------------

    def _update_state(self) -> None:
        ui = self.ui
        preview = self.matched.preview if self.matched else None
        ui.removeButton.setEnabled(not self.busy and bool(ui.fileTree.topLevelItemCount()))
        ui.addButton.setEnabled(not self.busy)
        ui.periodCombo.setEnabled(not self.busy and preview is not None)
        if preview is None:
            ui.acceptConflictsCheck.setEnabled(False)
            self.ok_button.setEnabled(False)
            ui.statusLabel.clear()
            return
        accepted = ui.acceptConflictsCheck.isChecked()
        ui.acceptConflictsCheck.setEnabled(bool(preview.conflicts) and not self.busy)
        to_write = len(preview.new) + len(preview.changed)
        if preview.errors:
            status = (f"Còn {len(preview.errors)} lỗi nên chưa ghi được gì. Hãy đề nghị đơn vị sửa tệp, "
                      "hoặc bỏ tệp lỗi ra khỏi danh sách.")  # fmt: skip
        elif preview.conflicts and not accepted:
            status = (f"Có {len(preview.conflicts)} xung đột: xem thẻ «Xung đột»; nếu đồng ý với cách xử lý "
                      "đã nêu, đánh dấu «Vẫn ghi các mục có xung đột».")  # fmt: skip
        elif to_write == 0:
            status = "Không có báo cáo mới hoặc thay đổi nào để ghi."
        else:
            status = (f"Sẽ ghi {len(preview.new)} báo cáo mới và {len(preview.changed)} báo cáo thay đổi, tất cả "
                      "trong một lần (có thể hoàn tác bằng Ctrl+Z).")  # fmt: skip
        ui.statusLabel.setText(status)
        self.ok_button.setEnabled(not self.busy and to_write > 0 and preview.can_apply(accepted))

    def start_apply(self) -> None:
        if self.matched is None or self.busy:
            return
        preview, accepted = self.matched.preview, self.ui.acceptConflictsCheck.isChecked()
        if not preview.can_apply(accepted):
            return
        work = lambda services, progress: apply_import(services, progress, preview, accepted)  # noqa: E731
        self._run("Đang ghi báo cáo của các đơn vị…", work, self._applied, self._apply_failed, self.db_path)

    def _applied(self, outcome: ImportOutcome) -> None:
        self.outcome = outcome
        self.accept()

    def _apply_failed(self, message: str, error) -> None:
        show_error(self, message, "Chưa ghi được" if error else "Lỗi không mong đợi")
        if isinstance(error, ServiceError):
            self.start_match()  # the database may have changed: show the preview as it is now

    def _set_busy(self, busy: bool) -> None:
        self._update_state()


def _period_end(code: str) -> date:
    try:
        return parse_period(code).end
    except PeriodError:
        return date.min
