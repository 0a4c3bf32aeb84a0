"""One rule for the period a dialog opens on: the period just ended, or the current
one if none has, within the plan's year; the progress dialog opens on the task's
last report with its values."""

from __future__ import annotations

from datetime import date

import pytest

from conftest import load_sample_json
from sample_drafts import draft_from_sample, link_units
from kehoach_desktop.domain.models import ProgressUpdate
from kehoach_desktop.domain.periods import Period, PeriodKind, default_period
from kehoach_desktop.domain.statuses import Status


@pytest.mark.parametrize(
    ("plan_year", "today", "kind", "expected"),
    [
        (2025, date(2025, 7, 20), PeriodKind.MONTH, Period.month(2025, 6)),
        (2025, date(2025, 7, 20), PeriodKind.QUARTER, Period.quarter(2025, 2)),
        (2025, date(2025, 7, 31), PeriodKind.MONTH, Period.month(2025, 6)),  # July ends at the end of the day
        (2025, date(2025, 8, 1), PeriodKind.MONTH, Period.month(2025, 7)),
        (2025, date(2025, 1, 15), PeriodKind.MONTH, Period.month(2025, 1)),  # none ended: the current one
        (2025, date(2025, 2, 10), PeriodKind.QUARTER, Period.quarter(2025, 1)),
        (2025, date(2026, 12, 7), PeriodKind.MONTH, Period.month(2025, 12)),  # a 2025 plan seen in 2026
        (2025, date(2026, 12, 7), PeriodKind.QUARTER, Period.quarter(2025, 4)),
        (2026, date(2025, 11, 1), PeriodKind.MONTH, Period.month(2026, 1)),  # a plan for next year
        (2025, date(2025, 7, 20), PeriodKind.HALF, Period.half(2025, 1)),
        (2025, date(2025, 3, 1), PeriodKind.HALF, Period.half(2025, 1)),
        (2025, date(2025, 7, 20), PeriodKind.NINE_MONTHS, Period.nine_months(2025)),
        (2025, date(2025, 7, 20), PeriodKind.YEAR, Period.whole_year(2025)),
    ],
)
def test_default_period_is_the_one_just_ended_within_the_plans_year(plan_year, today, kind, expected):
    assert default_period(plan_year, today, kind) == expected


def test_default_period_never_leaves_the_plans_year():
    for day in (date(2024, 6, 1), date(2025, 1, 1), date(2025, 6, 30), date(2025, 12, 31), date(2027, 3, 3)):
        for kind in (PeriodKind.MONTH, PeriodKind.QUARTER, PeriodKind.HALF):
            period = default_period(2025, day, kind)
            assert period.start.year == period.end.year == 2025
            assert period.end < day or period.contains(day) or day < date(2025, 1, 1)


# --- the dialogs ---------------------------------------------------------------------------------


@pytest.fixture
def plan_2025(services):
    return services.plans.create(link_units(draft_from_sample(load_sample_json("000_36db36a684822c51")))).value


def _window(qtbot, services, db_path, as_of: date):
    from kehoach_desktop.gui.main_window import MainWindow

    window = MainWindow(services, db_path, as_of=as_of)
    qtbot.addWidget(window)
    window.show()
    return window


def _first_task(window):
    task = window.model.task_nodes()[0].task
    window.select_task(task.id)
    return window.services.tasks.get(task.id)


def test_a_2025_plan_seen_in_2026_opens_every_dialog_on_its_own_last_period(qtbot, services, db_path, plan_2025):
    from kehoach_desktop.gui.forms_dialogs import FormsExportDialog, TrackingExportDialog
    from kehoach_desktop.gui.progress_dialog import ProgressDialog
    from kehoach_desktop.gui.report_dialog import Focus, ReportDialog
    from kehoach_desktop.reports.model import ReportKind

    today = date(2026, 12, 7)
    window = _window(qtbot, services, db_path, today)
    task = _first_task(window)
    actions = window.forms_actions
    assert actions.remembered_period() == Period.month(2025, 12)  # was "Tháng 12/2026"
    assert actions.panel.period() == Period.month(2025, 12)
    dialogs = [
        TrackingExportDialog(window, services, db_path, plan_2025, actions._period_for_dialogs(), db_path.parent),
        FormsExportDialog(window, services, db_path, plan_2025, actions._period_for_dialogs(), db_path.parent),
        ProgressDialog(window, services, task, today=today),
    ]
    for dialog in dialogs:
        qtbot.addWidget(dialog)
        assert dialog.ui.periodPicker.period() == Period.month(2025, 12), type(dialog).__name__
    report = ReportDialog(window, services, ReportKind.RESULTS, Focus([plan_2025], today, plan_2025))
    qtbot.addWidget(report)
    assert report.ui.periodPicker.period() == Period.quarter(2025, 4)


def test_a_remembered_period_of_another_year_gives_way_to_the_default(qtbot, services, db_path, plan_2025):
    from kehoach_desktop.gui import forms_actions

    window = _window(qtbot, services, db_path, date(2025, 7, 20))
    window.settings.setValue(forms_actions.PERIOD_KEY, "2024-03")
    assert window.forms_actions.remembered_period() == Period.month(2025, 6)
    window.settings.setValue(forms_actions.PERIOD_KEY, "2025-Q1")
    assert window.forms_actions.remembered_period() == Period.quarter(2025, 1)  # this plan's year: kept


def test_progress_dialog_opens_on_the_last_report_with_its_values(qtbot, services, db_path, plan_2025):
    from kehoach_desktop.gui.progress_dialog import ProgressDialog

    window = _window(qtbot, services, db_path, date(2025, 11, 3))
    task = _first_task(window)
    lead = next(link.unit_id for link in task.units)
    for period, percent, result in (("2025-Q2", 40, "Đã xây dựng dự thảo"), ("2025-08", 70, "Đã lấy ý kiến góp ý")):
        services.progress.record(ProgressUpdate(task_id=task.id, period=period, status=Status.IN_PROGRESS,
                                                percent=percent, result=result, difficulties="Thiếu nhân lực",
                                                unit_id=lead))  # fmt: skip
    dialog = ProgressDialog(window, services, services.tasks.get(task.id), today=date(2025, 11, 3))
    qtbot.addWidget(dialog)
    ui = dialog.ui
    assert ui.periodPicker.period() == Period.month(2025, 8)  # the last reported period, not Quý I or this month
    assert ui.percentSpin.value() == 70
    assert ui.resultEdit.toPlainText() == "Đã lấy ý kiến góp ý"
    assert ui.difficultiesEdit.toPlainText() == "Thiếu nhân lực"
    assert ui.statusCombo.currentData() == Status.IN_PROGRESS.value
    assert ui.unitCombo.currentData() == lead


def test_progress_dialog_without_reports_opens_on_the_month_just_ended(qtbot, services, db_path, plan_2025):
    from kehoach_desktop.gui.progress_dialog import ProgressDialog

    window = _window(qtbot, services, db_path, date(2025, 11, 3))
    task = _first_task(window)
    dialog = ProgressDialog(window, services, task, today=date(2025, 11, 3))
    qtbot.addWidget(dialog)
    assert dialog.ui.periodPicker.period() == Period.month(2025, 10)
    assert dialog.ui.percentSpin.value() == 0
