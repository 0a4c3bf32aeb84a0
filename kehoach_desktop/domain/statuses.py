"""The status vocabulary, in one place: what a task's state can be called, and its words.

Three families, each an Enum with its Vietnamese label here and nowhere else:

- `Status`: what a person (or a unit's report) decides, and the only one stored.
- `Timeliness`: how the task stands against its deadline on a given day; derived,
  never stored (`domain.judgement.judge` computes it).
- `Category`: the partition the counts use (every counted task in exactly one),
  from a status and a timeliness (`category_of`). Reports print the categories in
  `CATEGORY_ORDER`.

The window's status filter (`FILTER_CHOICES`, `matches_filter`) and the words for
a unit having answered or not for a period (`REPORTED_LABEL`, `NOT_REPORTED_LABEL`)
are here too.

Extending it: a new category (for instance one for "no lead unit has answered
for the period", distinct from "Chưa triển khai") is a member of `Category`, its
label in `_CATEGORY_LABELS`, its place in `CATEGORY_ORDER`, and the rule that
yields it in the function computing categories. Tasks not counted at all (a
heading whose state comes from its sub-tasks) get no category: callers leave
them out before counting.
"""

from __future__ import annotations

from enum import Enum


class Status(str, Enum):
    """Stored: what was decided about the task."""

    NOT_STARTED = "not_started"
    IN_PROGRESS = "in_progress"
    DONE = "done"
    NOT_DONE = "not_done"  # Không thực hiện, with a reason

    @property
    def label(self) -> str:
        return STATUS_LABELS[self]

    @classmethod
    def from_label(cls, text: str) -> Status:
        """Accept a code or a Vietnamese label (any case, with or without marks)."""
        from kehoach_desktop.domain.text import fold

        key = fold(text)
        for status in cls:
            if key in (status.value, fold(status.label)):
                return status
        if key == fold(DONE_LATE_LABEL):
            return cls.DONE
        raise ValueError(f"Trạng thái không hợp lệ: «{text}»")


STATUS_LABELS = {
    Status.NOT_STARTED: "Chưa triển khai",
    Status.IN_PROGRESS: "Đang thực hiện",
    Status.DONE: "Hoàn thành",
    Status.NOT_DONE: "Không thực hiện",
}

# Shown for a DONE task finished after its deadline; never stored.
DONE_LATE_LABEL = "Hoàn thành trễ hạn"


class Timeliness(str, Enum):
    """Derived: the task against its deadline on a day (see domain.judgement)."""

    NONE = "none"  # nothing to say: no date, or not yet near
    DUE_SOON = "due_soon"  # Sắp đến hạn
    OVERDUE = "overdue"  # Quá hạn
    DONE_ON_TIME = "done_on_time"  # Hoàn thành (đúng hạn, or with no date to miss)
    DONE_LATE = "done_late"  # Hoàn thành trễ hạn
    CANCELLED = "cancelled"  # Không thực hiện

    @property
    def label(self) -> str:
        return _TIMELINESS_LABELS[self]


_TIMELINESS_LABELS = {
    Timeliness.NONE: "",
    Timeliness.DUE_SOON: "Sắp đến hạn",
    Timeliness.OVERDUE: "Quá hạn",
    Timeliness.DONE_ON_TIME: "Hoàn thành đúng hạn",
    Timeliness.DONE_LATE: DONE_LATE_LABEL,
    Timeliness.CANCELLED: STATUS_LABELS[Status.NOT_DONE],
}


def status_label(status: Status, timeliness: Timeliness) -> str:
    """The status words shown to the user ("Hoàn thành trễ hạn" is derived)."""
    if timeliness is Timeliness.DONE_LATE:
        return DONE_LATE_LABEL
    return status.label


class Category(str, Enum):
    """Counted: each counted task falls in exactly one, so a report's numbers add up."""

    DONE_ON_TIME = "done_on_time"
    DONE_LATE = "done_late"
    IN_PROGRESS = "in_progress"
    NOT_STARTED = "not_started"
    OVERDUE = "overdue"
    CANCELLED = "cancelled"

    @property
    def label(self) -> str:
        return _CATEGORY_LABELS[self]


_CATEGORY_LABELS = {
    Category.DONE_ON_TIME: _TIMELINESS_LABELS[Timeliness.DONE_ON_TIME],
    Category.DONE_LATE: DONE_LATE_LABEL,
    Category.IN_PROGRESS: STATUS_LABELS[Status.IN_PROGRESS],
    Category.NOT_STARTED: STATUS_LABELS[Status.NOT_STARTED],
    Category.OVERDUE: _TIMELINESS_LABELS[Timeliness.OVERDUE],
    Category.CANCELLED: STATUS_LABELS[Status.NOT_DONE],
}

# The order reports print the categories in (columns of a count table, parts of a sentence).
CATEGORY_ORDER = (
    Category.DONE_ON_TIME,
    Category.DONE_LATE,
    Category.IN_PROGRESS,
    Category.NOT_STARTED,
    Category.OVERDUE,
    Category.CANCELLED,
)


def category_of(status: Status, timeliness: Timeliness) -> Category:
    """The category a task counts in: cancelled, then done (late or on time), then
    overdue (unfinished after its deadline, started or not), in progress, not started."""
    if timeliness is Timeliness.CANCELLED or status is Status.NOT_DONE:
        return Category.CANCELLED
    if timeliness is Timeliness.DONE_LATE:
        return Category.DONE_LATE
    if status is Status.DONE:
        return Category.DONE_ON_TIME
    if timeliness is Timeliness.OVERDUE:
        return Category.OVERDUE
    if status is Status.IN_PROGRESS:
        return Category.IN_PROGRESS
    return Category.NOT_STARTED


# --- the window's status filter: stored statuses plus the derived "Hoàn thành trễ hạn" ---

ALL_STATUSES_LABEL = "Mọi trạng thái"
FILTER_CHOICES: tuple[tuple[str, str], ...] = (
    (Status.NOT_STARTED.value, Status.NOT_STARTED.label),
    (Status.IN_PROGRESS.value, Status.IN_PROGRESS.label),
    (Status.DONE.value, Status.DONE.label),
    (Timeliness.DONE_LATE.value, DONE_LATE_LABEL),
    (Status.NOT_DONE.value, Status.NOT_DONE.label),
)


def matches_filter(code: str, status: Status, timeliness: Timeliness) -> bool:
    """Whether a task with `status` and `timeliness` is shown under the filter choice `code`."""
    if code == Timeliness.DONE_LATE.value:
        return timeliness is Timeliness.DONE_LATE
    if code == Status.DONE.value:
        return status is Status.DONE and timeliness is not Timeliness.DONE_LATE
    return status.value == code


# --- a unit's answer for a period --------------------------------------------------------

REPORTED_LABEL = "Đã báo cáo"
NOT_REPORTED_LABEL = "Chưa báo cáo"  # no answer yet: not the same as "Chưa triển khai"
