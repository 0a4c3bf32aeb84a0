"""Danh mục đơn vị: add, rename, merge two units into one, delete only when unused.

Each change is a write the window performs: announced to every part and undoable
with Ctrl+Z like any other edit (the window's undo stack is not cleared).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QHeaderView, QInputDialog, QTableWidgetItem

from kehoach_desktop.domain.models import Unit, UnitKind
from kehoach_desktop.domain.text import contains_folded, fold
from kehoach_desktop.gui.forms.ui_units_dialog import Ui_UnitsDialog
from kehoach_desktop.gui.widgets import confirm, show_error
from kehoach_desktop.services import Outcome, Services

KIND_LABELS = {UnitKind.UNIT: "Đơn vị", UnitKind.GROUP: "Nhóm đơn vị"}


class UnitsDialog(QDialog):
    def __init__(self, window):
        """`window`: the main window, whose session is read and whose `perform` writes."""
        super().__init__(window)
        self.ui = Ui_UnitsDialog()
        self.ui.setupUi(self)
        self.window_ = window
        self.changed = False
        self._units: list[Unit] = []
        table = self.ui.unitTable
        table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        table.horizontalHeader().setSectionResizeMode(4, QHeaderView.ResizeMode.Stretch)
        self.ui.searchEdit.textChanged.connect(self._apply_search)
        self.ui.addButton.clicked.connect(self.add_unit)
        self.ui.editButton.clicked.connect(self.edit_unit)
        self.ui.mergeButton.clicked.connect(self.merge_unit)
        self.ui.deleteButton.clicked.connect(self.delete_unit)
        table.doubleClicked.connect(self.edit_unit)
        self.ui.buttonBox.rejected.connect(self.reject)
        self.refresh()

    @property
    def services(self) -> Services:
        return self.window_.session.services

    def refresh(self, select_id: int | None = None) -> None:
        self._units = self.services.units.list_units()
        counts = self.services.units.usage_counts()
        table = self.ui.unitTable
        table.setSortingEnabled(False)
        table.setRowCount(len(self._units))
        for row, unit in enumerate(self._units):
            cells = (unit.name, unit.short_name, KIND_LABELS[unit.kind], counts.get(unit.id, 0), "; ".join(unit.aliases))
            for column, value in enumerate(cells):
                item = QTableWidgetItem()
                item.setData(Qt.ItemDataRole.DisplayRole, value)
                item.setData(Qt.ItemDataRole.UserRole, unit.id)
                table.setItem(row, column, item)
        table.setSortingEnabled(True)
        self._apply_search()
        if select_id is not None:
            self.select(select_id)

    def select(self, unit_id: int) -> None:
        for row in range(self.ui.unitTable.rowCount()):
            if self.ui.unitTable.item(row, 0).data(Qt.ItemDataRole.UserRole) == unit_id:
                self.ui.unitTable.selectRow(row)
                return

    def _apply_search(self) -> None:
        needle = self.ui.searchEdit.text()
        for row in range(self.ui.unitTable.rowCount()):
            haystack = fold(" ".join(self.ui.unitTable.item(row, c).text() for c in (0, 1, 4)))
            self.ui.unitTable.setRowHidden(row, bool(needle) and not contains_folded(haystack, needle))

    def current(self) -> Unit | None:
        rows = self.ui.unitTable.selectionModel().selectedRows()
        if not rows:
            return None
        unit_id = self.ui.unitTable.item(rows[0].row(), 0).data(Qt.ItemDataRole.UserRole)
        return next(unit for unit in self._units if unit.id == unit_id)

    def _run(self, text: str, write: Callable[[Services], Outcome[Any]], select_id: int | None = None) -> bool:
        outcome = self.window_.perform(text, write, report=lambda message: show_error(self, message))
        if outcome is None:
            return False
        self.changed = True
        self.refresh(outcome.value if isinstance(outcome.value, int) else select_id)
        return True

    def add_unit(self) -> None:
        name, ok = QInputDialog.getText(self, "Thêm đơn vị", "Tên đơn vị:")
        if ok and name.strip():
            self._run("Thêm đơn vị", lambda services: services.units.create(name))

    def edit_unit(self) -> None:
        unit = self.current()
        if unit is None:
            return
        name, ok = QInputDialog.getText(self, "Sửa đơn vị", "Tên đơn vị (tên cũ được giữ làm tên gọi khác):", text=unit.name)
        if not ok or not name.strip():
            return
        short, ok = QInputDialog.getText(self, "Sửa đơn vị", "Tên viết tắt:", text=unit.short_name)
        if not ok:
            return
        kinds = [KIND_LABELS[UnitKind.UNIT], KIND_LABELS[UnitKind.GROUP]]
        kind_label, ok = QInputDialog.getItem(self, "Sửa đơn vị", "Loại:", kinds, kinds.index(KIND_LABELS[unit.kind]), False)
        if not ok:
            return
        kind = UnitKind.GROUP if kind_label == KIND_LABELS[UnitKind.GROUP] else UnitKind.UNIT
        self._run(
            "Sửa đơn vị", lambda services: services.units.update(unit.id, name=name, short_name=short, kind=kind), unit.id
        )

    def merge_unit(self) -> None:
        unit = self.current()
        if unit is None:
            return
        others = [other for other in self._units if other.id != unit.id]
        if not others:
            return
        names = [other.name for other in others]
        target_name, ok = QInputDialog.getItem(
            self, "Gộp đơn vị", f"Gộp «{unit.name}» vào đơn vị:", names, 0, False
        )
        if not ok:
            return
        target = others[names.index(target_name)]
        message = (
            f"Mọi nhiệm vụ của «{unit.name}» sẽ chuyển sang «{target.name}», "
            f"«{unit.name}» trở thành tên gọi khác của «{target.name}». Tiếp tục?"
        )
        if confirm(self, "Gộp đơn vị", message, yes="Gộp"):
            self._run("Gộp đơn vị", lambda services: services.units.merge(unit.id, target.id), target.id)

    def delete_unit(self) -> None:
        unit = self.current()
        if unit is None:
            return
        if confirm(self, "Xóa đơn vị", f"Xóa «{unit.name}» khỏi danh mục?", yes="Xóa"):
            self._run("Xóa đơn vị", lambda services: services.units.delete(unit.id))
