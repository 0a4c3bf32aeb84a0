"""The period each dialog opens on, from one rule (domain.periods.default_period):
the period that ended last, or the current one if none has, within the plan's year.

Forms, the tracking table, the progress dialog and the F8 panel count in months
(units report every month); the results report in quarters (the report to Sở Nội
vụ is quarterly). The year is the plan's in focus, not the calendar's: a 2025 plan
looked at in 2026 opens on Tháng 12/2025 and Quý IV 2025.
"""

from __future__ import annotations

from datetime import date

from kehoach_desktop.domain.periods import Period, PeriodKind, default_period
from kehoach_desktop.services import ServiceError, Services


def plan_year(services: Services, plan_ids: list[int], today: date) -> int:
    """The year of the first plan in focus (the year of `today` when there is none)."""
    for plan_id in plan_ids:
        try:
            return services.plans.get(plan_id).year
        except ServiceError:  # a plan deleted meanwhile: try the next
            continue
    return today.year


def month_for(services: Services, plan_ids: list[int], today: date) -> Period:
    return default_period(plan_year(services, plan_ids, today), today, PeriodKind.MONTH)


def quarter_for(services: Services, plan_ids: list[int], today: date) -> Period:
    return default_period(plan_year(services, plan_ids, today), today, PeriodKind.QUARTER)


def in_plan_year(period: Period | None, services: Services, plan_ids: list[int], today: date) -> bool:
    """Whether a remembered period still fits the plan in focus (else the default replaces it)."""
    return period is not None and period.start.year == plan_year(services, plan_ids, today)
