"""Derived judgements, never stored: quá hạn, sắp đến hạn, hoàn thành trễ hạn.

Every judgement is made "as of" a date (ngày tính) that the caller chooses, so a
report printed today about last month says what was true then.
"""

from __future__ import annotations

from datetime import date, timedelta

from kehoach_desktop.domain.deadlines import Deadline, DeadlineKind, Frequency

# Timeliness and status_label belong to the status vocabulary (domain.statuses);
# they are imported here because this is where timeliness is computed.
from kehoach_desktop.domain.statuses import Status, Timeliness, status_label  # noqa: F401

DUE_SOON_DAYS = 7


def judge(
    deadline: Deadline,
    status: Status,
    completed_on: date | None,
    as_of: date,
    soon_days: int = DUE_SOON_DAYS,
) -> Timeliness:
    """How a task stands against its deadline on `as_of`.

    Fixed deadlines (date, dates, period) can be missed: a task not done after
    the last due date is overdue, and one finished after it was done late.
    Recurring and ongoing work is judged per reporting period, not here: such a
    task is only ever "due soon", when one of its dates is near.
    """
    if status is Status.NOT_DONE:
        return Timeliness.CANCELLED
    final = deadline.final_due
    if status is Status.DONE:
        if final and completed_on and completed_on > final:
            return Timeliness.DONE_LATE
        return Timeliness.DONE_ON_TIME
    if final and as_of > final:
        return Timeliness.OVERDUE
    upcoming = deadline.next_due(as_of)
    if upcoming and upcoming <= as_of + timedelta(days=_soon_window(deadline, soon_days)):
        return Timeliness.DUE_SOON
    return Timeliness.NONE


def _soon_window(deadline: Deadline, soon_days: int) -> int:
    """Days ahead that count as "sắp đến hạn". A weekly deadline is always within
    seven days, so it is only flagged the day before: otherwise it would never
    leave the list."""
    weekly = deadline.recurrence is not None and deadline.recurrence.freq is Frequency.WEEKLY
    return min(soon_days, 1) if weekly else soon_days


def has_fixed_deadline(deadline: Deadline) -> bool:
    return deadline.kind in (DeadlineKind.DATE, DeadlineKind.DATES, DeadlineKind.PERIOD)
