"""Cơ cấu tổ chức của Sở: the Sở's name, its units, the collectives plans name and
the outside bodies it reports to, edited in one window.

Each change is saved at once (one transaction each); the window that opened the
dialog takes a snapshot before and after, so the whole visit is one undo step.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from kehoach_desktop.domain.organization import EntryKind, UnitLine, UnitType, parse_unit_lines
from kehoach_desktop.domain.text import fold
from kehoach_desktop.gui import screen_fit
from kehoach_desktop.gui.flow_layout import FlowLayout
from kehoach_desktop.gui.widgets import confirm, show_error
from kehoach_desktop.services import ServiceError, Services

UNIT_TYPES = tuple(UnitType)


def _run(parent: QWidget, action: Callable[[], object]) -> bool:
    """Run a service call; a refusal is shown, not raised."""
    try:
        action()
    except ServiceError as exc:
        show_error(parent, str(exc))
        return False
    return True


def _type_combo(current: UnitType) -> QComboBox:
    combo = QComboBox()
    for unit_type in UNIT_TYPES:
        combo.addItem(unit_type.label, unit_type.value)
    combo.setCurrentIndex(UNIT_TYPES.index(current))
    return combo


# --- the Sở ----------------------------------------------------------------------------------


class ProfileTab(QWidget):
    changed = Signal()

    def __init__(self, services: Services):
        super().__init__()
        self.services = services
        profile = services.organization.profile()
        self.name = QLineEdit(profile.name, placeholderText="Sở Nông nghiệp và Môi trường")
        self.abbreviation = QLineEdit(profile.abbreviation, placeholderText="SNNMT")
        self.governing_body = QLineEdit(profile.governing_body, placeholderText="UBND tỉnh Khánh Hòa")
        form = QFormLayout(self)
        form.addRow("Tên Sở:", self.name)
        form.addRow("Tên viết tắt:", self.abbreviation)
        form.addRow("Cơ quan chủ quản:", self.governing_body)
        hint = QLabel("Tên Sở và cơ quan chủ quản giúp chương trình nhận ra chính Sở và các cơ quan bên ngoài trong "
                      "kế hoạch, và được in ở góc trái các báo cáo.")  # fmt: skip
        hint.setWordWrap(True)
        form.addRow(hint)
        for edit in (self.name, self.abbreviation, self.governing_body):
            edit.editingFinished.connect(self.save)

    def save(self) -> None:
        current = self.services.organization.profile()
        values = (self.name.text(), self.abbreviation.text(), self.governing_body.text())
        if values != (current.name, current.abbreviation, current.governing_body):
            if _run(self, lambda: self.services.organization.set_profile(*values)):
                self.changed.emit()


# --- units -----------------------------------------------------------------------------------------

UNIT_COLUMNS = ("Tên đơn vị", "Viết tắt", "Loại", "Chức danh thủ trưởng", "Liên hệ", "Hoạt động", "Nhiệm vụ")
_TEXT_FIELDS = {0: "name", 1: "short_name", 3: "head_title", 4: "contact"}


class UnitsTab(QWidget):
    changed = Signal()

    def __init__(self, services: Services):
        super().__init__()
        self.services = services
        self._loading = False
        self.ids: list[int] = []
        self.search = QLineEdit(placeholderText="Tìm đơn vị (không cần dấu)")
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self._filter)
        self.table = QTableWidget(0, len(UNIT_COLUMNS))
        self.table.setHorizontalHeaderLabels(UNIT_COLUMNS)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.table.itemChanged.connect(self._item_changed)
        self.suggestions = QLabel()
        self.suggestions.setWordWrap(True)
        self.suggestions.linkActivated.connect(self._merge_suggested)
        buttons = FlowLayout()  # wraps on a small screen
        for text, slot in (("&Thêm đơn vị…", self.add_unit), ("&Dán danh sách…", self.paste_list),
                           ("&Gộp vào đơn vị khác…", self.merge_unit), ("Là cơ quan &bên ngoài", self.make_outside),
                           ("Là &nhóm đơn vị", self.make_collective), ("&Xóa", self.delete_unit),
                           ("Lên", lambda: self.move(-1)),
                           ("Xuống", lambda: self.move(1))):  # fmt: skip
            button = QPushButton(text)
            button.clicked.connect(slot)
            buttons.addWidget(button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.search)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.suggestions)
        layout.addLayout(buttons)
        self.refresh()

    def refresh(self, select_id: int | None = None) -> None:
        self._loading = True
        listing = [e for e in self.services.organization.listing() if e.kind is EntryKind.UNIT]
        units = {u.id: u for u in self.services.organization.organization().units}
        self.ids = [entry.id for entry in listing]
        self.table.setRowCount(len(listing))
        for row, entry in enumerate(listing):
            unit = units[entry.id]
            values = (unit.name, unit.short_name, None, unit.head_title, unit.contact, None, str(entry.tasks))
            for column, value in enumerate(values):
                if value is None:
                    continue
                item = QTableWidgetItem(value)
                if column == 6:
                    item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)
                if column == 0 and not entry.reviewed:
                    item.setToolTip("Chưa xác nhận: đơn vị này được lấy từ kế hoạch. Sửa hoặc xác nhận loại để xác nhận.")
                    font = item.font()
                    font.setItalic(True)
                    item.setFont(font)
                self.table.setItem(row, column, item)
            combo = _type_combo(unit.unit_type)
            combo.currentIndexChanged.connect(lambda _i, uid=unit.id, c=combo: self._set_type(uid, c))
            self.table.setCellWidget(row, 2, combo)
            active = QTableWidgetItem()
            active.setFlags(Qt.ItemFlag.ItemIsUserCheckable | Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
            active.setCheckState(Qt.CheckState.Checked if unit.active else Qt.CheckState.Unchecked)
            self.table.setItem(row, 5, active)
        self._loading = False
        self._show_suggestions()
        self._filter()
        if select_id in self.ids:
            self.table.selectRow(self.ids.index(select_id))

    def _show_suggestions(self) -> None:
        names = {e.id: e.name for e in self.services.organization.listing()}
        found = self.services.organization.merge_suggestions()
        if not found:
            self.suggestions.setText("")
            return
        lines = [f"«{names[s.merge_id]}» và «{names[s.keep_id]}» có lẽ là một ({s.reason}): "
                 f"<a href='{s.merge_id}:{s.keep_id}'>gộp làm một</a>" for s in found[:5]]  # fmt: skip
        self.suggestions.setText("<b>Gợi ý gộp:</b><br>" + "<br>".join(lines))

    def _filter(self) -> None:
        words = fold(self.search.text()).split()
        for row in range(self.table.rowCount()):
            text = fold(" ".join(self.table.item(row, c).text() for c in (0, 1) if self.table.item(row, c)))
            self.table.setRowHidden(row, not all(word in text for word in words))

    def current_id(self) -> int | None:
        rows = self.table.selectionModel().selectedRows()
        return self.ids[rows[0].row()] if rows else None

    def _item_changed(self, item: QTableWidgetItem) -> None:
        if self._loading:
            return
        unit_id = self.ids[item.row()]
        if item.column() == 5:
            values = {"active": item.checkState() == Qt.CheckState.Checked}
        elif item.column() in _TEXT_FIELDS:
            values = {_TEXT_FIELDS[item.column()]: item.text()}
        else:
            return
        if _run(self, lambda: self.services.organization.update_unit(unit_id, **values)):
            self.changed.emit()
        self.refresh(unit_id)

    def _set_type(self, unit_id: int, combo: QComboBox) -> None:
        if not self._loading and _run(self, lambda: self.services.organization.update_unit(
                unit_id, unit_type=UnitType(combo.currentData()))):  # fmt: skip
            self.changed.emit()

    def add_unit(self) -> None:
        name, ok = QInputDialog.getText(self, "Thêm đơn vị", "Tên đơn vị:")
        if ok and name.strip():
            new_id: list[int] = []
            if _run(self, lambda: new_id.append(self.services.organization.add_unit(name))):
                self.changed.emit()
                self.refresh(new_id[0])

    def paste_list(self) -> None:
        dialog = UnitListDialog(self, self.services)
        if dialog.exec() and dialog.applied:
            self.changed.emit()
            self.refresh()

    def merge_unit(self) -> None:
        unit_id = self.current_id()
        if unit_id is None:
            return
        others = [(e.name, e.id) for e in self.services.organization.listing() if e.kind is EntryKind.UNIT and e.id != unit_id]
        name, ok = QInputDialog.getItem(self, "Gộp đơn vị", "Gộp vào đơn vị:", [n for n, _ in others], 0, False)
        if ok:
            target = dict(others)[name]
            self._merge(unit_id, target)

    def _merge_suggested(self, link: str) -> None:
        source, target = (int(part) for part in link.split(":"))
        self._merge(source, target)

    def _merge(self, source: int, target: int) -> None:
        if _run(self, lambda: self.services.units.merge(source, target)):
            self.changed.emit()
            self.refresh(target)

    def select(self, unit_id: int) -> None:
        if unit_id in self.ids:
            self.table.selectRow(self.ids.index(unit_id))

    def delete_unit(self) -> None:
        """Only a unit no task names (a slip); one in use is merged or deactivated instead."""
        unit_id = self.current_id()
        if unit_id is None:
            return
        name = self.table.item(self.ids.index(unit_id), 0).text()
        if confirm(self, "Xóa đơn vị", f"Xóa «{name}» khỏi danh mục?", yes="Xóa") and _run(
            self, lambda: self.services.units.delete(unit_id)
        ):
            self.changed.emit()
            self.refresh()

    def make_outside(self) -> None:
        unit_id = self.current_id()
        if unit_id is None:
            return
        name = self.table.item(self.ids.index(unit_id), 0).text()
        if confirm(self, "Cơ quan bên ngoài", f"«{name}» không phải đơn vị của Sở mà là cơ quan bên ngoài? Các nhiệm vụ "
                   "đang gắn với nó sẽ bỏ gắn (tên vẫn còn trong cột ghi của kế hoạch).", yes="Chuyển"):  # fmt: skip
            if _run(self, lambda: self.services.organization.make_outside(unit_id)):
                self.changed.emit()
                self.refresh()

    def make_collective(self) -> None:
        unit_id = self.current_id()
        if unit_id is None:
            return
        if _run(self, lambda: self.services.units.update(unit_id, name=self.table.item(self.ids.index(unit_id), 0).text(),
                                                         short_name="", kind=_group_kind())):  # fmt: skip
            self.changed.emit()
            self.refresh()

    def move(self, step: int) -> None:
        unit_id = self.current_id()
        if unit_id is None:
            return
        order = list(self.ids)
        index = order.index(unit_id)
        if 0 <= index + step < len(order):
            order[index], order[index + step] = order[index + step], order[index]
            if _run(self, lambda: self.services.organization.reorder(order)):
                self.changed.emit()
                self.refresh(unit_id)


def _group_kind():
    from kehoach_desktop.domain.models import UnitKind

    return UnitKind.GROUP


# --- a list of units pasted or read from a file -------------------------------------------------------


class UnitListDialog(QDialog):
    """Khai báo đơn vị: one unit per line ("Tên; viết tắt; loại"), pasted, read from a
    .txt/.xlsx file, or started from the units a plan names."""

    def __init__(self, parent, services: Services, plan_units: list[str] | None = None, plan_header=None):
        super().__init__(parent)
        self.services = services
        self.applied = False
        self.setWindowTitle("Cơ cấu tổ chức của Sở")
        profile = services.organization.profile()
        self.name = QLineEdit(profile.name or (plan_header.issuer if plan_header else ""))
        self.abbreviation = QLineEdit(profile.abbreviation or (plan_header.issuer_abbr if plan_header else ""))
        self.governing_body = QLineEdit(profile.governing_body or _title_case(plan_header.governing_body if plan_header else ""))
        self.text = QPlainTextEdit()
        self.text.setPlaceholderText("Mỗi đơn vị một dòng, ví dụ:\nVăn phòng Sở\nThanh tra Sở; TTr\n"
                                     "Phòng Kế hoạch – Tài chính; KH-TC; phòng\nChi cục Kiểm lâm; ; chi cục")  # fmt: skip
        self.plan_units = plan_units or []
        self.preview = QTableWidget(0, 3)
        self.preview.setHorizontalHeaderLabels(("Tên đơn vị", "Viết tắt", "Loại"))
        self.preview.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.preview.verticalHeader().hide()
        self.problems = QLabel()
        self.problems.setWordWrap(True)
        self.text.textChanged.connect(self._parse)
        file_button = QPushButton("Chọn tệp Excel hoặc văn bản…")
        file_button.clicked.connect(self.choose_file)
        from_plan = QPushButton("Bắt đầu từ các đơn vị kế hoạch nêu")
        from_plan.clicked.connect(self.fill_from_plan)
        from_plan.setEnabled(bool(self.plan_units))
        self.buttons = QDialogButtonBox()
        self.save_button = self.buttons.addButton("Lưu cơ cấu tổ chức", QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.addButton("Để sau", QDialogButtonBox.ButtonRole.RejectRole)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        form = QFormLayout()
        form.addRow("Tên Sở:", self.name)
        form.addRow("Tên viết tắt:", self.abbreviation)
        form.addRow("Cơ quan chủ quản:", self.governing_body)
        sources = QHBoxLayout()
        sources.addWidget(file_button)
        sources.addWidget(from_plan)
        sources.addStretch(1)
        split = QSplitter(Qt.Orientation.Horizontal)
        split.addWidget(self.text)
        split.addWidget(self.preview)
        intro = QLabel("Khai báo các đơn vị của Sở (Văn phòng, Thanh tra, các phòng, chi cục, đơn vị sự nghiệp) để phiếu "
                       "báo cáo, thống kê và công văn đôn đốc đến đúng đơn vị, kể cả các nhiệm vụ giao chung cho "
                       "«các phòng, đơn vị». Loại đơn vị được đoán theo tên và có thể sửa sau.")  # fmt: skip
        intro.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addLayout(sources)
        layout.addWidget(split, 1)
        layout.addWidget(self.problems)
        layout.addWidget(self.buttons)
        self.resize(860, 520)
        screen_fit.fit_dialog(self)
        self.lines: list[UnitLine] = []
        self._parse()

    def fill_from_plan(self) -> None:
        self.text.setPlainText("\n".join(self.plan_units))

    def choose_file(self) -> None:
        from kehoach_desktop.importers.base import ImportFailed
        from kehoach_desktop.importers.units_list import read_units_file

        path, _ = QFileDialog.getOpenFileName(self, "Chọn danh sách đơn vị", "", "Excel hoặc văn bản (*.xlsx *.txt)")
        if not path:
            return
        try:
            lines, problems = read_units_file(Path(path))
        except ImportFailed as exc:
            show_error(self, str(exc))
            return
        self.text.setPlainText("\n".join(f"{u.name}; {u.short_name}; {u.unit_type.label.lower()}" for u in lines))
        if problems:
            self.problems.setText("\n".join(p.message for p in problems))

    def _parse(self) -> None:
        self.lines, problems = parse_unit_lines(self.text.toPlainText())
        self.preview.setRowCount(len(self.lines))
        for row, line in enumerate(self.lines):
            for column, value in enumerate((line.name, line.short_name, line.unit_type.label)):
                self.preview.setItem(row, column, QTableWidgetItem(value))
        self.problems.setText("\n".join(p.message for p in problems))
        self.save_button.setEnabled(bool(self.lines) and not problems)

    def save(self) -> None:
        if _run(self, lambda: self.services.organization.set_up(
                self.lines, name=self.name.text(), abbreviation=self.abbreviation.text(),
                governing_body=self.governing_body.text())):  # fmt: skip
            self.applied = True
            self.accept()


def _title_case(governing_body: str) -> str:
    """"UBND TỈNH KHÁNH HÒA" → "UBND tỉnh Khánh Hòa" (as written in a sentence)."""
    words = governing_body.split()
    out = []
    for index, word in enumerate(words):
        if word.isupper() and len(word) <= 5 and index == 0:
            out.append(word)
        elif word.lower() in ("tỉnh", "thành", "phố"):
            out.append(word.lower())
        else:
            out.append(word.capitalize())
    return " ".join(out)


# --- collectives ------------------------------------------------------------------------------------


class CollectivesTab(QWidget):
    changed = Signal()

    def __init__(self, services: Services):
        super().__init__()
        self.services = services
        self._loading = False
        self.list = QListWidget()
        self.list.currentRowChanged.connect(self._show)
        self.name = QLineEdit()
        self.name.editingFinished.connect(self._save)
        self.type_boxes = {unit_type: QCheckBox(unit_type.label) for unit_type in UNIT_TYPES}
        for box in self.type_boxes.values():
            box.toggled.connect(self._save)
        self.members = QListWidget()
        self.members.itemChanged.connect(lambda _item: self._save())
        rule = QHBoxLayout()
        rule.addWidget(QLabel("Gồm mọi đơn vị loại:"))
        for box in self.type_boxes.values():
            rule.addWidget(box)
        rule.addStretch(1)
        add = QPushButton("Thêm &nhóm…")
        add.clicked.connect(self.add_collective)
        right = QVBoxLayout()
        form = QFormLayout()
        form.addRow("Tên nhóm:", self.name)
        right.addLayout(form)
        right.addLayout(rule)
        right.addWidget(QLabel("Thành viên (bỏ chọn để loại ra, chọn thêm để đưa vào):"))
        right.addWidget(self.members, 1)
        left = QVBoxLayout()
        left.addWidget(self.list, 1)
        left.addWidget(add)
        layout = QHBoxLayout(self)
        layout.addLayout(left, 1)
        layout.addLayout(right, 2)
        self.refresh()

    def refresh(self, select_id: int | None = None) -> None:
        self._loading = True
        org = self.services.organization.organization()
        self.collectives = org.collectives
        self.units = org.units
        self.list.clear()
        for collective in self.collectives:
            self.list.addItem(f"{collective.name} ({len(collective.members(org.units))} đơn vị)")
        self._loading = False
        ids = [c.id for c in self.collectives]
        self.list.setCurrentRow(ids.index(select_id) if select_id in ids else (0 if ids else -1))

    def current(self):
        row = self.list.currentRow()
        return self.collectives[row] if 0 <= row < len(self.collectives) else None

    def _show(self, _row: int) -> None:
        collective = self.current()
        self._loading = True
        self.name.setText(collective.name if collective else "")
        for unit_type, box in self.type_boxes.items():
            box.setChecked(bool(collective) and unit_type in collective.member_types)
        self.members.clear()
        if collective is not None:
            chosen = {m.id for m in collective.members(self.units)}
            for unit in self.units:
                item = QListWidgetItem(unit.name)
                item.setData(Qt.ItemDataRole.UserRole, unit.id)
                item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
                item.setCheckState(Qt.CheckState.Checked if unit.id in chosen else Qt.CheckState.Unchecked)
                self.members.addItem(item)
        self._loading = False

    def _save(self) -> None:
        collective = self.current()
        if self._loading or collective is None:
            return
        types = {t for t, box in self.type_boxes.items() if box.isChecked()}
        checked = {self.members.item(i).data(Qt.ItemDataRole.UserRole) for i in range(self.members.count())
                   if self.members.item(i).checkState() == Qt.CheckState.Checked}  # fmt: skip
        by_rule = {u.id for u in self.units if u.unit_type in types}
        if self.sender() in self.type_boxes.values():
            checked = (checked - {u.id for u in self.units if u.unit_type not in types}) | by_rule
        included, excluded = checked - by_rule, by_rule - checked
        if _run(self, lambda: self.services.organization.set_collective(
                collective.id, name=self.name.text(), member_types=types, included=included, excluded=excluded)):  # fmt: skip
            self.changed.emit()
        self.refresh(collective.id)

    def add_collective(self) -> None:
        name, ok = QInputDialog.getText(self, "Thêm nhóm đơn vị", "Tên nhóm (như kế hoạch thường ghi):")
        if ok and name.strip():
            new_id: list[int] = []
            if _run(self, lambda: new_id.append(self.services.organization.add_collective(name))):
                self.changed.emit()
                self.refresh(new_id[0])


# --- outside bodies -----------------------------------------------------------------------------------

OUTSIDE_COLUMNS = ("Tên cơ quan", "Viết tắt", "Là nơi nhận báo cáo (Kính gửi)")


class OutsideTab(QWidget):
    changed = Signal()

    def __init__(self, services: Services):
        super().__init__()
        self.services = services
        self._loading = False
        self.table = QTableWidget(0, len(OUTSIDE_COLUMNS))
        self.table.setHorizontalHeaderLabels(OUTSIDE_COLUMNS)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.table.itemChanged.connect(self._item_changed)
        buttons = QHBoxLayout()
        for text, slot in (("&Thêm cơ quan…", self.add_body), ("&Xóa", self.delete_body),
                           ("Là đơn vị của &Sở", self.make_unit)):  # fmt: skip
            button = QPushButton(text)
            button.clicked.connect(slot)
            buttons.addWidget(button)
        buttons.addStretch(1)
        hint = QLabel("Cơ quan bên ngoài (UBND tỉnh, Sở Nội vụ, các Bộ…) không nhận phiếu báo cáo và không được thống "
                      "kê; những cơ quan được đánh dấu là nơi nhận báo cáo được đưa vào Kính gửi và Nơi nhận.")  # fmt: skip
        hint.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(hint)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        self.refresh()

    def refresh(self) -> None:
        self._loading = True
        self.bodies = self.services.organization.outside_bodies()
        self.table.setRowCount(len(self.bodies))
        for row, body in enumerate(self.bodies):
            self.table.setItem(row, 0, QTableWidgetItem(body.name))
            self.table.setItem(row, 1, QTableWidgetItem(body.short_name))
            check = QTableWidgetItem()
            check.setFlags(Qt.ItemFlag.ItemIsUserCheckable | Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
            check.setCheckState(Qt.CheckState.Checked if body.reports_to else Qt.CheckState.Unchecked)
            self.table.setItem(row, 2, check)
        self._loading = False

    def _item_changed(self, item: QTableWidgetItem) -> None:
        if self._loading:
            return
        body = self.bodies[item.row()]
        values = {0: {"name": item.text()}, 1: {"short_name": item.text()},
                  2: {"reports_to": item.checkState() == Qt.CheckState.Checked}}[item.column()]  # fmt: skip
        if _run(self, lambda: self.services.organization.update_outside(body.id, **values)):
            self.changed.emit()
        self.refresh()

    def current(self):
        rows = self.table.selectionModel().selectedRows()
        return self.bodies[rows[0].row()] if rows else None

    def add_body(self) -> None:
        name, ok = QInputDialog.getText(self, "Thêm cơ quan bên ngoài", "Tên cơ quan:")
        if ok and name.strip() and _run(self, lambda: self.services.organization.add_outside(name)):
            self.changed.emit()
            self.refresh()

    def delete_body(self) -> None:
        body = self.current()
        if body and confirm(self, "Xóa cơ quan", f"Xóa «{body.name}» khỏi danh mục?", yes="Xóa") and _run(
            self, lambda: self.services.organization.delete_outside(body.id)
        ):
            self.changed.emit()
            self.refresh()

    def make_unit(self) -> None:
        body = self.current()
        if body and _run(self, lambda: self.services.organization.make_directory_entry(body.id)):
            self.changed.emit()
            self.refresh()


# --- the dialog -------------------------------------------------------------------------------------------


class OrganizationDialog(QDialog):
    """Danh mục đơn vị: the Sở, its units, collectives and outside bodies."""

    def __init__(self, parent, services: Services):
        super().__init__(parent)
        self.services = services
        self.changed = False
        self.setWindowTitle("Cơ cấu tổ chức và danh mục đơn vị")
        self.profile = ProfileTab(services)
        self.units = UnitsTab(services)
        self.collectives = CollectivesTab(services)
        self.outside = OutsideTab(services)
        self.tabs = QTabWidget()
        for tab, title in ((self.units, "Đơn vị của Sở"), (self.collectives, "Nhóm đơn vị (giao chung)"),
                           (self.outside, "Cơ quan bên ngoài"), (self.profile, "Thông tin Sở")):  # fmt: skip
            self.tabs.addTab(tab, title)
            tab.changed.connect(self._changed)
        self.tabs.currentChanged.connect(self._tab_shown)
        buttons = QDialogButtonBox()
        buttons.addButton("Đóng", QDialogButtonBox.ButtonRole.RejectRole)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(buttons)
        self.resize(980, 600)
        screen_fit.fit_dialog(self, scroll=False)  # each tab's table scrolls itself

    def _changed(self) -> None:
        self.changed = True

    def _tab_shown(self, index: int) -> None:
        tab = self.tabs.widget(index)
        if hasattr(tab, "refresh"):
            tab.refresh()

    def reject(self) -> None:
        self.profile.save()
        super().reject()
