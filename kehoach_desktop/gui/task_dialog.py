"""The task dialog: every field, the place in the plan, units by role, the deadline as understood."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QCompleter, QDialog, QDialogButtonBox, QHeaderView, QTableWidgetItem

from kehoach_desktop.domain import deadlines
from kehoach_desktop.domain.models import Plan, Role, Section, Task
from kehoach_desktop.domain.statuses import Status
from kehoach_desktop.domain.text import numbered, tidy_line
from kehoach_desktop.domain.tree import PlanTree
from kehoach_desktop.domain.units import unit_key
from kehoach_desktop.gui import screen_fit, unsaved
from kehoach_desktop.gui.forms.ui_task_dialog import Ui_TaskDialog
from kehoach_desktop.gui.widgets import from_qdate, select_data, setup_date_edit
from kehoach_desktop.services import Services
from kehoach_desktop.services.tasks import UnitRef

TEXT_FIELDS = ("number", "content", "schedule_text", "output", "target", "note", "lead_text",
               "coordinate_text", "status_reason", "result")  # fmt: skip


@dataclass
class TaskEdit:
    """What the dialog asks for. Units are named: a name the directory lacks is added
    to it by the save, in the same transaction (and removed again by its undo)."""

    values: dict
    units: list[UnitRef]
    section_id: int
    parent_id: int | None

    def units_differ(self, task: Task) -> bool:
        chosen = [(unit_key(unit.name), unit.role) for unit in self.units]
        return chosen != [(unit_key(link.unit_name), link.role) for link in task.units]


class TaskDialog(QDialog):
    def __init__(self, parent, services: Services, tree: PlanTree, plan: Plan, *, task: Task | None = None,
                 section: Section | None = None, parent_task: Task | None = None):  # fmt: skip
        super().__init__(parent)
        self.ui = Ui_TaskDialog()
        self.ui.setupUi(self)
        self.services, self.tree, self.plan, self.task = services, tree, plan, task
        self.setWindowTitle("Sửa nhiệm vụ" if task else "Thêm nhiệm vụ")
        self._units: list[tuple[str, Role]] = []  # names as chosen, in order
        self._fill_sections(task.section_id if task else section.id)
        self._fill_parents(task.parent_id if task else (parent_task.id if parent_task else None))
        self._fill_statuses()
        self._fill_unit_picker()
        setup_date_edit(self.ui.completedEdit)
        self.ui.unitTable.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self._connect()
        self._load(task)
        self.ui.contentEdit.setFocus()
        unsaved.guard(self, self._values, self._accept)
        screen_fit.fit_dialog(self)

    # --- filling ---------------------------------------------------------------------------

    def _fill_sections(self, current_id: int) -> None:
        for section in self.tree.ordered_sections(self.plan.id):
            indent = "    " if section.parent_id else ""
            self.ui.sectionCombo.addItem(indent + numbered(section.ordinal, section.title), section.id)
        select_data(self.ui.sectionCombo, current_id)

    def _fill_parents(self, current_id: int | None) -> None:
        combo = self.ui.parentCombo
        combo.blockSignals(True)
        combo.clear()
        combo.addItem("(không có — nhiệm vụ cấp trên cùng)", None)
        section = self.tree.section_by_id[self.ui.sectionCombo.currentData()]
        for candidate in self.tree.section_tasks(section):
            if self.task is None or candidate.id != self.task.id:
                combo.addItem(f"{candidate.number}. {candidate.content[:90]}", candidate.id)
        select_data(combo, current_id)
        combo.blockSignals(False)

    def _fill_statuses(self) -> None:
        for status in Status:
            self.ui.statusCombo.addItem(status.label, status.value)

    def _fill_unit_picker(self) -> None:
        names = [unit.name for unit in self.services.units.list_units()]
        self.ui.unitPicker.addItems(names)
        self.ui.unitPicker.setCurrentIndex(-1)
        completer = QCompleter(names, self)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        self.ui.unitPicker.setCompleter(completer)
        self.ui.unitPicker.lineEdit().setPlaceholderText("Tên đơn vị…")

    def _connect(self) -> None:
        ui = self.ui
        ui.sectionCombo.currentIndexChanged.connect(lambda: self._fill_parents(None))
        ui.scheduleEdit.textChanged.connect(self._show_deadline)
        ui.statusCombo.currentIndexChanged.connect(self._status_changed)
        ui.completedCheck.toggled.connect(ui.completedEdit.setEnabled)
        ui.addLeadButton.clicked.connect(lambda: self._add_unit(Role.LEAD))
        ui.addCoordinateButton.clicked.connect(lambda: self._add_unit(Role.COORDINATE))
        ui.removeUnitButton.clicked.connect(self._remove_unit)
        ui.switchRoleButton.clicked.connect(self._switch_role)
        ui.buttonBox.button(QDialogButtonBox.StandardButton.Save).setText("&Lưu")
        ui.buttonBox.button(QDialogButtonBox.StandardButton.Cancel).setText("&Hủy")
        ui.buttonBox.accepted.connect(self._accept)
        ui.buttonBox.rejected.connect(self.reject)

    def _load(self, task: Task | None) -> None:
        ui = self.ui
        task = task or Task()
        ui.numberEdit.setText(task.number)
        ui.contentEdit.setPlainText(task.content)
        ui.scheduleEdit.setPlainText(task.schedule_text)
        ui.outputEdit.setPlainText(task.output)
        ui.targetEdit.setText(task.target)
        ui.noteEdit.setPlainText(task.note)
        ui.leadTextEdit.setPlainText(task.lead_text)
        ui.coordinateTextEdit.setPlainText(task.coordinate_text)
        ui.reasonEdit.setText(task.status_reason)
        ui.resultEdit.setPlainText(task.result)
        select_data(ui.statusCombo, task.status.value)
        ui.completedCheck.setChecked(task.completed_on is not None)
        ui.completedEdit.setEnabled(task.completed_on is not None)
        if task.completed_on:
            setup_date_edit(ui.completedEdit, task.completed_on)
        self._units = [(link.unit_name, link.role) for link in task.units]
        self._show_units()
        self._show_deadline()
        self._status_changed()

    # --- behaviour ---------------------------------------------------------------------------

    def _show_deadline(self) -> None:
        deadline = deadlines.parse(self.ui.scheduleEdit.toPlainText(), self.plan.year)
        self.ui.deadlineUnderstood.setText("→ " + deadline.describe())

    def _status_changed(self) -> None:
        status = Status(self.ui.statusCombo.currentData())
        self.ui.reasonEdit.setEnabled(status is Status.NOT_DONE)
        if status is Status.DONE and not self.ui.completedCheck.isChecked():
            self.ui.completedCheck.setChecked(True)
            setup_date_edit(self.ui.completedEdit, date.today())

    def _add_unit(self, role: Role) -> None:
        name = tidy_line(self.ui.unitPicker.currentText())
        if not unit_key(name):
            return
        if any(unit_key(existing) == unit_key(name) and r is role for existing, r in self._units):
            return
        self._units.append((name, role))
        self._show_units()
        self.ui.unitPicker.setCurrentIndex(-1)
        self.ui.unitPicker.clearEditText()

    def _selected_unit_row(self) -> int:
        rows = self.ui.unitTable.selectionModel().selectedRows()
        return rows[0].row() if rows else -1

    def _remove_unit(self) -> None:
        row = self._selected_unit_row()
        if row >= 0:
            del self._units[row]
            self._show_units()

    def _switch_role(self) -> None:
        row = self._selected_unit_row()
        if row >= 0:
            name, role = self._units[row]
            self._units[row] = (name, Role.COORDINATE if role is Role.LEAD else Role.LEAD)
            self._show_units()
            self.ui.unitTable.selectRow(row)

    def _show_units(self) -> None:
        table = self.ui.unitTable
        table.setRowCount(len(self._units))
        for row, (name, role) in enumerate(self._units):
            table.setItem(row, 0, QTableWidgetItem(name))
            table.setItem(row, 1, QTableWidgetItem(role.label))

    def _accept(self) -> None:
        if not self.ui.contentEdit.toPlainText().strip():
            self.ui.errorLabel.setText("Hãy ghi nội dung nhiệm vụ.")
            self.ui.tabs.setCurrentIndex(0)
            self.ui.contentEdit.setFocus()
            return
        status = Status(self.ui.statusCombo.currentData())
        if status is Status.NOT_DONE and not self.ui.reasonEdit.text().strip():
            self.ui.errorLabel.setText("Nhiệm vụ «Không thực hiện» cần ghi rõ lý do.")
            self.ui.tabs.setCurrentIndex(2)
            self.ui.reasonEdit.setFocus()
            return
        self.accept()

    def _values(self) -> tuple:
        """Everything the user can type or choose (the unsaved-changes question compares it)."""
        ui = self.ui
        texts = (ui.numberEdit.text(), ui.targetEdit.text(), ui.reasonEdit.text(),
                 *(edit.toPlainText() for edit in (ui.contentEdit, ui.scheduleEdit, ui.outputEdit, ui.noteEdit,
                                                   ui.leadTextEdit, ui.coordinateTextEdit, ui.resultEdit)))  # fmt: skip
        choices = (ui.sectionCombo.currentData(), ui.parentCombo.currentData(), ui.statusCombo.currentData(),
                   ui.completedCheck.isChecked(), ui.completedEdit.date())  # fmt: skip
        return texts + choices + (tuple(self._units),)

    def result_edit(self) -> TaskEdit:
        """The dialog's values (nothing is written here)."""
        ui = self.ui
        values = {
            "number": ui.numberEdit.text(),
            "content": ui.contentEdit.toPlainText(),
            "schedule_text": ui.scheduleEdit.toPlainText(),
            "output": ui.outputEdit.toPlainText(),
            "target": ui.targetEdit.text(),
            "note": ui.noteEdit.toPlainText(),
            "lead_text": ui.leadTextEdit.toPlainText(),
            "coordinate_text": ui.coordinateTextEdit.toPlainText(),
            "status": Status(ui.statusCombo.currentData()),
            "status_reason": ui.reasonEdit.text(),
            "completed_on": from_qdate(ui.completedEdit.date()) if ui.completedCheck.isChecked() else None,
            "result": ui.resultEdit.toPlainText(),
        }
        units = [UnitRef(name, role) for name, role in self._units]
        return TaskEdit(values, units, ui.sectionCombo.currentData(), ui.parentCombo.currentData())
