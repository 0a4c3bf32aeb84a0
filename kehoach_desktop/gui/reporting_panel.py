"""«Tình hình báo cáo»: which units have reported for a period (a dock on the window),
and each unit's answer on a task (a section of the detail panel).

Both read the forms service through a small cache that the forms actions clear
whenever the session announces a change.
"""

from __future__ import annotations

from html import escape

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import QDockWidget, QHeaderView, QTreeWidgetItem, QWidget

from kehoach_desktop.domain.models import ProgressUpdate, Task
from kehoach_desktop.domain.periods import Period, PeriodError, parse_period
from kehoach_desktop.domain.statuses import NOT_REPORTED_LABEL as NOT_REPORTED
from kehoach_desktop.domain.statuses import REPORTED_LABEL as REPORTED
from kehoach_desktop.gui.forms.ui_reporting_panel import Ui_ReportingPanel
from kehoach_desktop.gui.session import Session
from kehoach_desktop.services import ServiceError, Services


def fill_plan_combo(combo, services: Services, selected: int | None) -> None:
    """Every plan, "số ký hiệu – trích yếu"; `selected` chosen again when it is still there."""
    combo.clear()
    for plan in services.plans.list_plans():
        label = plan.title or plan.doc_number or f"Kế hoạch số {plan.id}"
        if plan.doc_number and plan.title:
            label = f"{plan.doc_number} – {plan.title}"
        combo.addItem(label, plan.id)
        combo.setItemData(combo.count() - 1, label, Qt.ItemDataRole.ToolTipRole)
    if selected is not None:
        index = combo.findData(selected)
        if index >= 0:
            combo.setCurrentIndex(index)


class ReportingCache:
    """ReportingStatus per (plan, period), with each task's consolidation by id; a single
    task's consolidation is read alone when its plan's status is not read yet (the
    detail panel on a plan of 10,000 tasks)."""

    def __init__(self, session: Session):
        self.session = session
        self._status: dict[tuple[int, str], object] = {}
        self._tasks: dict[tuple[int, str], dict] = {}
        self._single: dict[tuple[int, str], object] = {}

    @property
    def services(self) -> Services:
        return self.session.services

    def clear(self) -> None:
        self._status.clear()
        self._tasks.clear()
        self._single.clear()

    def status(self, plan_id: int, period_code: str):
        key = (plan_id, period_code)
        if key not in self._status:
            status = self.services.forms.reporting_status(plan_id, period_code)
            self._status[key] = status
            self._tasks[key] = {task.task_id: task for task in status.tasks}
        return self._status[key]

    def consolidation(self, plan_id: int, period_code: str, task_id: int):
        if (plan_id, period_code) in self._tasks:
            return self._tasks[(plan_id, period_code)].get(task_id)
        key = (task_id, period_code)
        if key not in self._single:
            self._single[key] = self.services.forms.task_consolidation(task_id, period_code)
        return self._single[key]


def latest_unit_period(history: list[ProgressUpdate]) -> Period | None:
    """The latest period (the longest on a tie) in which a unit reported on the task."""
    periods = []
    for update in history:
        if update.unit_id is None:
            continue
        try:
            periods.append(parse_period(update.period))
        except PeriodError:
            continue
    return max(periods, key=lambda p: (p.end, p.end - p.start), default=None)


class ReportingPanel(QDockWidget):
    """The dock. `period_changed` tells the window the period shown changed."""

    period_changed = Signal()

    def __init__(self, window, cache: ReportingCache, remember_period):
        super().__init__("Tình hình báo cáo", window)
        self.setObjectName("reportingDock")
        self.setAllowedAreas(Qt.DockWidgetArea.RightDockWidgetArea | Qt.DockWidgetArea.BottomDockWidgetArea)
        self.window_ = window
        self.cache = cache
        self.remember_period = remember_period
        content = QWidget(self)
        self.ui = Ui_ReportingPanel()
        self.ui.setupUi(content)
        self.setWidget(content)
        self._window_plans: tuple = ()
        self._refresh_timer = QTimer(self, singleShot=True, interval=0)
        self._refresh_timer.timeout.connect(self.refresh)
        ui = self.ui
        header = ui.unitTree.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column in (1, 2):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        ui.unitTree.itemDoubleClicked.connect(self._filter_by_unit)
        ui.planCombo.currentIndexChanged.connect(self._changed)
        ui.periodPicker.changed.connect(self._period_picked)
        self.visibilityChanged.connect(lambda visible: visible and self.schedule_refresh())

    # --- what is shown ------------------------------------------------------------------

    def plan_id(self) -> int | None:
        return self.ui.planCombo.currentData()

    def period(self) -> Period | None:
        try:
            return self.ui.periodPicker.period()
        except PeriodError:
            return None

    def set_period(self, period: Period) -> None:
        self.ui.periodPicker.set_period(period)

    def set_plan(self, plan_id: int) -> None:
        index = self.ui.planCombo.findData(plan_id)
        if index >= 0:
            self.ui.planCombo.setCurrentIndex(index)

    def follow_window(self) -> None:
        """Called after the window reloaded: keep the plan list current, and follow the
        window when it moved to another single plan."""
        combo = self.ui.planCombo
        selected = tuple(self.window_.selected_plan_ids())
        combo.blockSignals(True)
        current = combo.currentData()
        fill_plan_combo(combo, self.window_.services, current)
        if selected != self._window_plans and len(selected) == 1:
            index = combo.findData(selected[0])
            if index >= 0:
                combo.setCurrentIndex(index)
        combo.blockSignals(False)
        self._window_plans = selected
        self.schedule_refresh()

    def schedule_refresh(self) -> None:
        self._refresh_timer.start()

    def refresh(self) -> None:
        if not self.isVisible():
            return
        ui = self.ui
        ui.unitTree.clear()
        plan_id, period = self.plan_id(), self.period()
        if plan_id is None:
            ui.summaryLabel.setText("Chưa có kế hoạch nào.")
            return
        if period is None:
            ui.summaryLabel.setText("Kỳ báo cáo không hợp lệ: ngày kết thúc trước ngày bắt đầu.")
            return
        try:
            status = self.cache.status(plan_id, period.code)
        except ServiceError as exc:
            ui.summaryLabel.setText(str(exc))
            return
        if not status.units:
            ui.summaryLabel.setText(
                "Kế hoạch chưa giao nhiệm vụ cho đơn vị nào trong danh mục, nên chưa theo dõi được đơn vị nào báo cáo."
            )
            return
        ui.summaryLabel.setText(
            f"Kỳ {status.period_label}: {len(status.reported)}/{len(status.units)} đơn vị đã báo cáo, "
            f"{len(status.not_reported)} đơn vị chưa báo cáo."
        )
        for title, units in ((REPORTED, status.reported), (NOT_REPORTED, status.not_reported)):
            group = QTreeWidgetItem(ui.unitTree, [f"{title} ({len(units)})"])
            group.setFirstColumnSpanned(True)
            font = group.font(0)
            font.setBold(True)
            group.setFont(0, font)
            for unit in units:
                day = unit.last_reported_on.strftime("%d/%m/%Y") if unit.last_reported_on else ""
                item = QTreeWidgetItem(group, [unit.unit_name, f"{unit.answered}/{unit.assigned} nhiệm vụ", day])
                item.setData(0, Qt.ItemDataRole.UserRole, unit.unit_id)
                item.setToolTip(0, unit.unit_name)
            group.setExpanded(True)

    def groups(self) -> dict[str, list[str]]:
        """{"Đã báo cáo": [unit names], "Chưa báo cáo": [...]} as shown (for tests and screen readers)."""
        shown = {}
        for row in range(self.ui.unitTree.topLevelItemCount()):
            group = self.ui.unitTree.topLevelItem(row)
            title = group.text(0).rsplit(" (", 1)[0]
            shown[title] = [group.child(i).text(0) for i in range(group.childCount())]
        return shown

    # --- events -------------------------------------------------------------------------------

    def _changed(self, *_args) -> None:
        self.schedule_refresh()
        self.period_changed.emit()

    def _period_picked(self) -> None:
        code = self.ui.periodPicker.code()
        if code:
            self.remember_period(code)
        self._changed()

    def _filter_by_unit(self, item: QTreeWidgetItem, _column: int) -> None:
        unit_id = item.data(0, Qt.ItemDataRole.UserRole)
        combo = self.window_.ui.unitFilter
        index = combo.findData(unit_id) if unit_id is not None else -1
        if index >= 0:
            combo.setCurrentIndex(index)


# --- the detail section -----------------------------------------------------------------------


def _text(value: str) -> str:
    return escape(value).replace("\n", "<br>") if value else '<span style="color:#888">—</span>'


def consolidation_html(consolidation, period: Period, latest: bool) -> str:
    """Each unit's answer on the task for the period, under the consolidated status."""
    from kehoach_desktop.domain.answers import evidence_line

    which = "kỳ báo cáo gần nhất: " if latest else "kỳ "
    parts = [f"<h4>Báo cáo của các đơn vị — {which}{escape(period.label)}</h4>"]
    if not consolidation.answers:
        parts.append('<p style="color:#888">Chưa đơn vị nào báo cáo nhiệm vụ này trong kỳ.</p>')
    else:
        percent = f", {consolidation.percent}%" if consolidation.percent is not None else ""
        parts.append(f"<p>Kết quả chung: <b>{escape(consolidation.status_label)}{percent}</b></p>")
        parts.append(
            "<table border='1' cellspacing='0' cellpadding='3' style='border-collapse:collapse'>"
            "<tr><th>Đơn vị</th><th>Vai trò</th><th>Trạng thái</th><th>%</th><th>Kết quả thực hiện</th>"
            "<th>Tài liệu kiểm chứng</th><th>Khó khăn, vướng mắc</th><th>Ngày báo cáo</th></tr>"
        )
        for answer in consolidation.answers:
            evidence = "<br>".join(escape(evidence_line(item)) for item in answer.evidence)
            day = answer.reported_on.strftime("%d/%m/%Y") if answer.reported_on else "—"
            parts.append(
                f"<tr><td>{escape(answer.unit_name)}</td><td>{escape(answer.role_label)}</td>"
                f"<td>{escape(answer.status_label)}</td>"
                f"<td>{'' if answer.percent is None else answer.percent}</td>"
                f"<td>{_text(answer.result)}</td><td>{evidence}</td><td>{_text(answer.difficulties)}</td>"
                f"<td>{day}</td></tr>"
            )
        parts.append("</table>")
    if consolidation.missing:
        parts.append(f"<p>{NOT_REPORTED}: {escape(', '.join(consolidation.missing))}</p>")
    return "".join(parts)


def task_section_html(cache: ReportingCache, services: Services, task: Task, panel_period: Period | None) -> str:
    """The detail section: the panel's period when the panel is shown, else the task's
    latest period with a unit's report (nothing when no unit ever reported on it)."""
    latest = panel_period is None
    period = panel_period or latest_unit_period(services.progress.history(task.id))
    if period is None:
        return ""
    try:
        consolidation = cache.consolidation(task.plan_id, period.code, task.id)
    except ServiceError:
        return ""
    if consolidation is None or (latest and not consolidation.answers):
        return ""
    return consolidation_html(consolidation, period, latest)
