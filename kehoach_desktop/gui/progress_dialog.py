"""Record a progress update for one reporting period, with its evidence documents.

The dialog opens on the task's last report (its period, unit, status, percent,
result and difficulties), so recording the next answer starts from the last
one; a task with no report yet opens on the default period of its plan
(domain.periods.default_period). Esc or ✕ with changes asks before closing.
"""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFileDialog, QHeaderView, QTableWidgetItem

from kehoach_desktop.domain.models import Evidence, ProgressUpdate, Role, Task
from kehoach_desktop.domain.periods import Period, PeriodError, default_period, parse_period
from kehoach_desktop.domain.statuses import Status
from kehoach_desktop.gui import screen_fit, unsaved
from kehoach_desktop.gui.forms.ui_progress_dialog import Ui_ProgressDialog
from kehoach_desktop.gui.widgets import from_qdate, select_data, setup_date_edit
from kehoach_desktop.services import Services


def last_report(history: list[ProgressUpdate]) -> ProgressUpdate | None:
    """The latest report on a task: the latest period, then the latest date, then the last saved."""

    def order(update: ProgressUpdate):
        try:
            end = parse_period(update.period).end
        except PeriodError:
            end = date.min
        return (end, update.reported_on or date.min, update.id or 0)

    return max(history, key=order, default=None)


class ProgressDialog(QDialog):
    def __init__(self, parent, services: Services, task: Task, today: date | None = None):
        super().__init__(parent)
        self.ui = Ui_ProgressDialog()
        self.ui.setupUi(self)
        self.services, self.task = services, task
        today = today or date.today()
        ui = self.ui
        ui.taskLabel.setText(f"{task.number}. {task.content}" if task.number else task.content)
        setup_date_edit(ui.reportedEdit, today)
        for status in Status:
            ui.statusCombo.addItem(status.label, status.value)
        self._fill_units()
        last = last_report(services.progress.history(task.id))
        if last is not None:
            self._start_from(last)
        else:
            ui.periodPicker.set_period(default_period(services.plans.get(task.plan_id).year, today))
            status = task.status if task.status is not Status.NOT_STARTED else Status.IN_PROGRESS
            select_data(ui.statusCombo, status.value)
            ui.resultEdit.setPlainText(task.result)
        header = ui.evidenceTable.horizontalHeader()
        for column in (0, 1, 3):  # "Ngày (dd/mm/yyyy)" whole, never cut
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        ui.addEvidenceButton.clicked.connect(self._add_evidence_row)
        ui.removeEvidenceButton.clicked.connect(self._remove_evidence_row)
        ui.chooseFileButton.clicked.connect(self._choose_file)
        ui.openFileButton.clicked.connect(self._open_file)
        ui.evidenceTable.cellDoubleClicked.connect(lambda row, _column: self._open_file(row))
        ui.buttonBox.button(QDialogButtonBox.StandardButton.Save).setText("&Lưu")
        ui.buttonBox.button(QDialogButtonBox.StandardButton.Cancel).setText("&Hủy")
        ui.buttonBox.accepted.connect(self._accept)
        ui.buttonBox.rejected.connect(self.reject)
        self._update: ProgressUpdate | None = None
        unsaved.guard(self, self._values, self._accept)
        screen_fit.fit_dialog(self)

    def _start_from(self, last: ProgressUpdate) -> None:
        """The last report's period and values: the next answer usually changes a few of them."""
        ui = self.ui
        ui.periodPicker.set_period(parse_period(last.period))
        if last.unit_id is None:
            ui.unitCombo.setCurrentIndex(0)  # the office's own entry
        else:
            select_data(ui.unitCombo, last.unit_id)
        select_data(ui.statusCombo, last.status.value)
        ui.percentSpin.setValue(last.percent or 0)
        ui.resultEdit.setPlainText(last.result)
        ui.difficultiesEdit.setPlainText(last.difficulties)

    def _values(self) -> tuple:
        """Everything the user can type or choose (the unsaved-changes question compares it)."""
        ui = self.ui
        table = ui.evidenceTable
        rows = tuple(tuple(self._cell(row, column) for column in range(4)) for row in range(table.rowCount()))
        return (ui.periodPicker.code(), ui.unitCombo.currentData(), ui.statusCombo.currentData(),
                ui.percentSpin.value(), ui.reportedEdit.date(), ui.resultEdit.toPlainText(),
                ui.difficultiesEdit.toPlainText(), rows)  # fmt: skip

    def _fill_units(self) -> None:
        combo = self.ui.unitCombo
        combo.addItem("(Văn phòng tổng hợp — không ghi đơn vị)", None)
        for link in self.task.units:
            combo.addItem(f"{link.unit_name} ({link.role.label.lower()})", link.unit_id)
        leads = [link.unit_id for link in self.task.units if link.role is Role.LEAD]
        if leads:
            select_data(combo, leads[0])

    def period(self) -> Period:
        return self.ui.periodPicker.period()

    def _add_evidence_row(self) -> None:
        table = self.ui.evidenceTable
        table.insertRow(table.rowCount())
        table.setCurrentCell(table.rowCount() - 1, 0)
        table.editItem(table.item(table.rowCount() - 1, 0) or self._blank(table.rowCount() - 1, 0))

    def _blank(self, row: int, column: int) -> QTableWidgetItem:
        item = QTableWidgetItem("")
        self.ui.evidenceTable.setItem(row, column, item)
        return item

    def _remove_evidence_row(self) -> None:
        row = self.ui.evidenceTable.currentRow()
        if row >= 0:
            self.ui.evidenceTable.removeRow(row)

    def _choose_file(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, "Chọn tài liệu kiểm chứng")
        if not path:
            return
        table = self.ui.evidenceTable
        if table.currentRow() < 0:
            self._add_evidence_row()
        table.setItem(table.currentRow(), 3, QTableWidgetItem(path))

    def _open_file(self, row: int | None = None) -> None:
        """Open the chosen file of the current row with the system's viewer (the file is
        copied into the data's tai-lieu/ folder when the update is saved)."""
        from kehoach_desktop.gui.evidence_files import open_path

        row = self.ui.evidenceTable.currentRow() if row is None or isinstance(row, bool) else row
        path = self._cell(row, 3) if row >= 0 else ""
        if not path:
            self.ui.errorLabel.setText("Dòng tài liệu đang chọn chưa có tệp: bấm «Chọn tệp…» để chọn.")
            return
        if not Path(path).is_file():
            self.ui.errorLabel.setText(f"Không tìm thấy tệp «{path}».")
            return
        self.ui.errorLabel.clear()
        open_path(Path(path))

    def _cell(self, row: int, column: int) -> str:
        item = self.ui.evidenceTable.item(row, column)
        return item.text().strip() if item else ""

    def evidence(self) -> list[Evidence]:
        """The evidence rows; raises ValueError naming the row with a bad date."""
        items = []
        for row in range(self.ui.evidenceTable.rowCount()):
            number, day, summary, path = (self._cell(row, column) for column in range(4))
            if not any((number, day, summary, path)):
                continue
            issued = None
            if day:
                try:
                    issued = datetime.strptime(day, "%d/%m/%Y").date()
                except ValueError:
                    raise ValueError(f"Tài liệu dòng {row + 1}: ngày «{day}» phải viết dạng dd/mm/yyyy.") from None
            items.append(Evidence(doc_number=number, issued_on=issued, summary=summary, file_path=path))
        return items

    def _accept(self) -> None:
        try:
            period = self.period()
            evidence = self.evidence()
        except (ValueError, PeriodError) as exc:
            self.ui.errorLabel.setText(str(exc))
            return
        ui = self.ui
        self._update = ProgressUpdate(
            task_id=self.task.id,
            period=period.code,
            status=Status(ui.statusCombo.currentData()),
            percent=ui.percentSpin.value(),
            result=ui.resultEdit.toPlainText(),
            difficulties=ui.difficultiesEdit.toPlainText(),
            reported_on=from_qdate(ui.reportedEdit.date()),
            unit_id=ui.unitCombo.currentData(),
            evidence=evidence,
        )
        self.accept()

    def result_update(self) -> ProgressUpdate:
        return self._update
