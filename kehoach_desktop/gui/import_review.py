"""The import's review step: every assignment phrase of the plan, what the program
understood it as (a unit, a collective with its members, an outside body, or
"chưa rõ"), corrected in place. The choices are kept as aliases when the plan is
saved, so the next plan maps by itself."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from kehoach_desktop.domain.organization import (
    STANDARD_COLLECTIVES,
    DirectoryEntry,
    EntryKind,
    PhraseChoice,
    Resolution,
    UnitType,
    infer_unit_type,
)
from kehoach_desktop.gui import screen_fit
from kehoach_desktop.services import Services

COLUMNS = ("Cụm từ trong kế hoạch", "Số nhiệm vụ", "Hiểu là", "Cụ thể", "Ghi chú")
KIND_CHOICES = (Resolution.UNIT, Resolution.COLLECTIVE, Resolution.OUTSIDE, Resolution.IGNORE)
NEW = "new"


class PhraseReview(QWidget):
    """The table of phrases; `choices()` gives them back as the user left them."""

    def __init__(self, services: Services, choices: Sequence[PhraseChoice], counts: Mapping[str, int]):
        super().__init__()
        self.services = services
        self.original = list(choices)
        self.entries: list[DirectoryEntry] = services.organization.entries()
        org = services.organization.organization()
        self.members = {c.id: [m.name for m in c.members(org.units)] for c in org.collectives}
        self.table = QTableWidget(len(self.original), len(COLUMNS))
        self.table.setHorizontalHeaderLabels(COLUMNS)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        self.kind_combos: list[QComboBox] = []
        self.target_combos: list[QComboBox] = []
        for row, choice in enumerate(self.original):
            self._fill_row(row, choice, counts.get(choice.phrase, 0))
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        intro = QLabel("Kiểm tra cách chương trình hiểu các đơn vị được giao trong kế hoạch. Nhóm đơn vị (giao chung) "
                       "được giao cho từng thành viên; cơ quan bên ngoài không nhận phiếu và không được thống kê. "
                       "Lựa chọn được ghi nhớ cho các kế hoạch sau.")  # fmt: skip
        intro.setWordWrap(True)
        layout.addWidget(intro)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.summary)
        self._update_summary()

    def _fill_row(self, row: int, choice: PhraseChoice, count: int) -> None:
        phrase = QTableWidgetItem(choice.phrase)
        phrase.setFlags(phrase.flags() & ~Qt.ItemFlag.ItemIsEditable)
        self.table.setItem(row, 0, phrase)
        number = QTableWidgetItem(str(count))
        number.setFlags(number.flags() & ~Qt.ItemFlag.ItemIsEditable)
        self.table.setItem(row, 1, number)
        kind = QComboBox()
        for resolution in KIND_CHOICES:
            kind.addItem(resolution.label, resolution.value)
        if choice.resolution is Resolution.UNKNOWN:
            kind.insertItem(0, "Chưa rõ — hãy chọn", Resolution.UNKNOWN.value)
        kind.setCurrentIndex(kind.findData(choice.resolution.value))
        target = QComboBox()
        self.kind_combos.append(kind)
        self.target_combos.append(target)
        self.table.setCellWidget(row, 2, kind)
        self.table.setCellWidget(row, 3, target)
        note = QTableWidgetItem(choice.note)
        note.setFlags(note.flags() & ~Qt.ItemFlag.ItemIsEditable)
        self.table.setItem(row, 4, note)
        self._fill_targets(row, choice)
        kind.currentIndexChanged.connect(lambda _i, r=row: self._kind_changed(r))
        target.currentIndexChanged.connect(lambda _i, r=row: self._target_changed(r))

    def _fill_targets(self, row: int, choice: PhraseChoice) -> None:
        """The entries of the chosen kind, and a new one named after the phrase."""
        target = self.target_combos[row]
        target.blockSignals(True)
        target.clear()
        resolution = Resolution(self.kind_combos[row].currentData())
        kind = {Resolution.UNIT: EntryKind.UNIT, Resolution.COLLECTIVE: EntryKind.COLLECTIVE,
                Resolution.OUTSIDE: EntryKind.OUTSIDE}.get(resolution)  # fmt: skip
        if resolution is Resolution.UNIT:
            for unit_type in UnitType:
                target.addItem(f"Đơn vị mới ({unit_type.label.lower()}): {choice.phrase}", f"{NEW}:{unit_type.value}")
            target.setCurrentIndex(target.findData(f"{NEW}:{infer_unit_type(choice.phrase).value}"))
        elif resolution is Resolution.COLLECTIVE:
            for standard in STANDARD_COLLECTIVES:
                if not any(e.kind is EntryKind.COLLECTIVE and e.collective_code == standard.code for e in self.entries):
                    target.addItem(f"Nhóm mới: {standard.name}", f"{NEW}:{standard.code}")
        elif resolution is Resolution.OUTSIDE:
            target.addItem(f"Cơ quan mới: {choice.phrase}", f"{NEW}:")
        for entry in self.entries:
            if entry.kind is kind:
                target.addItem(entry.name, f"id:{entry.id}")
        wanted = f"id:{choice.entry_id}" if choice.entry_id is not None else None
        if wanted is None and choice.collective_code:
            wanted = f"{NEW}:{choice.collective_code}"
        if wanted is not None and target.findData(wanted) >= 0:
            target.setCurrentIndex(target.findData(wanted))
        target.setEnabled(target.count() > 0)
        target.blockSignals(False)
        self._show_members(row)

    def _kind_changed(self, row: int) -> None:
        self._fill_targets(row, self.original[row])
        self._update_summary()

    def _target_changed(self, row: int) -> None:
        self._show_members(row)
        self._update_summary()

    def _target(self, row: int) -> tuple[str, str] | None:
        """("id", "12") for an existing entry, ("new", code) for a new one."""
        data = self.target_combos[row].currentData()
        if not data:
            return None
        kind, _, value = str(data).partition(":")
        return kind, value

    def _show_members(self, row: int) -> None:
        data = self._target(row)
        members = self.members.get(int(data[1]), []) if data and data[0] == "id" else []
        tip = ("Gồm: " + ", ".join(members)) if members else ""
        self.target_combos[row].setToolTip(tip)

    def choices(self) -> list[PhraseChoice]:
        out = []
        for row, original in enumerate(self.original):
            resolution = Resolution(self.kind_combos[row].currentData())
            data = self._target(row)
            if resolution in (Resolution.UNKNOWN, Resolution.IGNORE) or data is None:
                out.append(PhraseChoice(original.phrase, resolution))
            elif data[0] == "id":
                out.append(PhraseChoice(original.phrase, resolution, entry_id=int(data[1])))
            elif resolution is Resolution.COLLECTIVE:
                name = next(s.name for s in STANDARD_COLLECTIVES if s.code == data[1])
                out.append(PhraseChoice(original.phrase, resolution, new_name=name, collective_code=data[1]))
            elif resolution is Resolution.UNIT:
                out.append(PhraseChoice(original.phrase, resolution, new_name=original.phrase, unit_type=UnitType(data[1])))
            else:
                out.append(PhraseChoice(original.phrase, resolution, new_name=original.phrase))
        return out

    def unresolved(self) -> list[str]:
        return [c.phrase for c in self.choices() if c.resolution is Resolution.UNKNOWN]

    def _update_summary(self) -> None:
        choices = self.choices()
        counts = {r: sum(c.resolution is r for c in choices) for r in Resolution}
        text = (f"{counts[Resolution.UNIT]} đơn vị, {counts[Resolution.COLLECTIVE]} nhóm đơn vị, "
                f"{counts[Resolution.OUTSIDE]} cơ quan bên ngoài")  # fmt: skip
        if counts[Resolution.UNKNOWN]:
            text += (f"; <b>{counts[Resolution.UNKNOWN]} cụm từ chưa rõ</b> (nếu để nguyên, nhiệm vụ vẫn được nhập "
                     "nhưng không gắn với đơn vị đó)")  # fmt: skip
        self.summary.setText(text + ".")


class ImportReviewDialog(QDialog):
    """The review step on its own, between the preview and the save."""

    def __init__(self, parent, services: Services, choices: Sequence[PhraseChoice], counts: Mapping[str, int]):
        super().__init__(parent)
        self.setWindowTitle("Đơn vị được giao trong kế hoạch")
        self.review = PhraseReview(services, choices, counts)
        buttons = QDialogButtonBox()
        buttons.addButton("Nhập kế hoạch", QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton("Quay lại", QDialogButtonBox.ButtonRole.RejectRole)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.review, 1)
        layout.addWidget(buttons)
        self.resize(980, 520)
        screen_fit.fit_dialog(self, scroll=False)

    def choices(self) -> list[PhraseChoice]:
        return self.review.choices()
