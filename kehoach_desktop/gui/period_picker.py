"""A reporting period chooser (kind, month/quarter, year, or a date range) as one widget.

Used by the forms dialogs and the reporting panel; promoted from a plain QWidget
in the Designer forms (progress, forms, reports), so the user sees one way of
choosing a period everywhere.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QDateEdit, QSpinBox, QWidget

from kehoach_desktop.domain.periods import ROMAN, Period, PeriodError, PeriodKind, parse_period
from kehoach_desktop.gui.flow_layout import FlowLayout
from kehoach_desktop.gui.widgets import from_qdate, select_data, setup_date_edit, to_qdate

NO_PERIOD = "none"
PERIOD_KINDS = (
    ("month", "Tháng"),
    ("quarter", "Quý"),
    ("h1", "6 tháng đầu năm"),
    ("h2", "6 tháng cuối năm"),
    ("nine", "9 tháng"),
    ("year", "Năm"),
    ("custom", "Từ ngày … đến ngày …"),
)


def this_month(today: date) -> Period:
    """The default reporting period: units report every month ("ngày 25 hằng tháng")."""
    return Period.month(today.year, today.month)


def period_or_none(code: str | None) -> Period | None:
    try:
        return parse_period(code) if code else None
    except PeriodError:
        return None


class PeriodPicker(QWidget):
    """Emits `changed` whenever the chosen period changes (also while typing a year)."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        layout = FlowLayout(self)  # wraps onto two lines in a narrow panel or dialog
        layout.setContentsMargins(0, 0, 0, 0)
        self.kind_combo = QComboBox(self)
        self.kind_combo.setObjectName("periodKindCombo")
        self.index_combo = QComboBox(self)
        self.index_combo.setObjectName("periodIndexCombo")
        self.year_spin = QSpinBox(self)
        self.year_spin.setObjectName("periodYearSpin")
        self.year_spin.setRange(2000, 2100)
        self.from_edit = QDateEdit(self)
        self.from_edit.setObjectName("periodFromEdit")
        self.to_edit = QDateEdit(self)
        self.to_edit.setObjectName("periodToEdit")
        for widget in (self.kind_combo, self.index_combo, self.year_spin, self.from_edit, self.to_edit):
            layout.add_widget(widget)
        self.kind_combo.setAccessibleName("Loại kỳ báo cáo")
        self.index_combo.setAccessibleName("Tháng hoặc quý")
        self.year_spin.setAccessibleName("Năm")
        self.setFocusProxy(self.kind_combo)
        for code, label in PERIOD_KINDS:
            self.kind_combo.addItem(label, code)
        today = date.today()
        setup_date_edit(self.from_edit, date(today.year, today.month, 1))
        setup_date_edit(self.to_edit, today)
        self.kind_combo.currentIndexChanged.connect(self._kind_changed)
        for signal in (self.index_combo.currentIndexChanged, self.year_spin.valueChanged,
                       self.from_edit.dateChanged, self.to_edit.dateChanged):  # fmt: skip
            signal.connect(self._emit)
        self._quiet = False
        self.set_period(this_month(today))

    def allow_none(self, label: str) -> None:
        """Offer "no period" first (the tracking table's current state)."""
        if self.kind_combo.findData(NO_PERIOD) < 0:
            self.kind_combo.insertItem(0, label, NO_PERIOD)

    # --- reading and setting ------------------------------------------------------------

    def period(self) -> Period | None:
        """The chosen period (None for "no period"); PeriodError for a reversed date range."""
        kind, year = self.kind_combo.currentData(), self.year_spin.value()
        index = self.index_combo.currentData()
        if kind == NO_PERIOD:
            return None
        if kind == "month":
            return Period.month(year, index)
        if kind == "quarter":
            return Period.quarter(year, index)
        if kind in ("h1", "h2"):
            return Period.half(year, 1 if kind == "h1" else 2)
        if kind == "nine":
            return Period.nine_months(year)
        if kind == "year":
            return Period.whole_year(year)
        return Period.between(from_qdate(self.from_edit.date()), from_qdate(self.to_edit.date()))

    def code(self) -> str | None:
        try:
            period = self.period()
        except PeriodError:
            return None
        return period.code if period else None

    def set_period(self, period: Period | None) -> None:
        self._quiet = True
        try:
            if period is None:
                select_data(self.kind_combo, NO_PERIOD)
            else:
                select_data(self.kind_combo, _kind_code(period))
                self._kind_changed()
                self.year_spin.setValue(period.start.year)
                select_data(self.index_combo, period.index)
                if period.kind is PeriodKind.CUSTOM:
                    self.from_edit.setDate(to_qdate(period.start))
                    self.to_edit.setDate(to_qdate(period.end))
            self._kind_changed()
        finally:
            self._quiet = False
        self.changed.emit()

    # --- internals ----------------------------------------------------------------------

    def _kind_changed(self) -> None:
        kind = self.kind_combo.currentData()
        wanted = {"month": 12, "quarter": 4}.get(kind, 0)
        if self.index_combo.count() != wanted or self.index_combo.property("kind") != kind:
            chosen = self.index_combo.currentData()
            self.index_combo.blockSignals(True)
            self.index_combo.clear()
            if kind == "month":
                for month in range(1, 13):
                    self.index_combo.addItem(f"tháng {month:02d}", month)
            elif kind == "quarter":
                for quarter in range(1, 5):
                    self.index_combo.addItem(f"quý {ROMAN[quarter - 1]}", quarter)
            self.index_combo.setProperty("kind", kind)
            select_data(self.index_combo, chosen)
            self.index_combo.blockSignals(False)
        custom = kind == "custom"
        self.index_combo.setVisible(kind in ("month", "quarter"))
        self.year_spin.setVisible(kind not in ("custom", NO_PERIOD))
        self.from_edit.setVisible(custom)
        self.to_edit.setVisible(custom)
        self._emit()

    def _emit(self, *_args) -> None:
        if not self._quiet:
            self.changed.emit()


def _kind_code(period: Period) -> str:
    if period.kind is PeriodKind.HALF:
        return "h1" if period.index == 1 else "h2"
    return {
        PeriodKind.MONTH: "month",
        PeriodKind.QUARTER: "quarter",
        PeriodKind.NINE_MONTHS: "nine",
        PeriodKind.YEAR: "year",
        PeriodKind.CUSTOM: "custom",
    }[period.kind]
