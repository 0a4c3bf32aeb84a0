"""Consolidation: what a task's state is for a period, from the units' answers.

One rule, used everywhere (the window, the detail panel, `progress`, every
report, the Excel tracking table, the forms' "kỳ trước" column and the reporting
panel):

* **Which answers count.** For a period P, only answers for periods ending on or
  before P's end. For each unit, its latest such answer (latest period, then the
  latest report, then the latest recorded). Answers for later periods never
  change P's figures, so a report printed again for P reads the same. The window,
  which shows "now", takes every answer known on its day instead (`Cut.known_on`).
* **Lead units decide the status.** With several leads (or a collective, whose
  members are all leads):
  - Hoàn thành when every lead has reported it done, completed on the last lead's
    date; a lead that reports Không thực hiện is set aside, as long as another lead
    did the work;
  - Không thực hiện only when the leads say so (every lead, each with its reason);
  - Đang thực hiện when any lead has started;
  - Chưa triển khai when leads answered and none has started;
  - Chưa báo cáo when no lead has answered at all.
  A completion date after the cut's day does not count: the work was still in
  progress then. An answer recorded by the office without a unit stands for every
  lead that has not answered later itself.
* **Coordinating units** add their text to the result (each named) but never set
  the status.
* **The office may decide** a task's status for a period by hand, with a note. Its
  decision holds for that period and later ones until a lead answers for a later
  period, and reports say the status was set by the office.
* **A task with sub-tasks is a heading.** It is not counted in any total; its state
  is its sub-tasks' ("2/3 hoàn thành").
* **Lateness** is `judgement.judge` on the cut's day.

Pure Python: the store loads answers and decisions, and the services call
`consolidate_plan`.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from enum import Enum

from kehoach_desktop.domain.deadlines import Deadline
from kehoach_desktop.domain.judgement import Timeliness, judge
from kehoach_desktop.domain.periods import Period
from kehoach_desktop.domain.statuses import Status
from kehoach_desktop.domain.text import fold


class Category(str, Enum):
    """Where a counted task stands for a period: a partition, so a report's
    numbers always add up to its total."""

    DONE_ON_TIME = "done_on_time"
    DONE_LATE = "done_late"
    IN_PROGRESS = "in_progress"
    NOT_STARTED = "not_started"
    NOT_REPORTED = "not_reported"
    OVERDUE = "overdue"
    CANCELLED = "cancelled"

    @property
    def label(self) -> str:
        return CATEGORY_LABELS[self]


CATEGORY_LABELS = {
    Category.DONE_ON_TIME: "Hoàn thành đúng hạn",
    Category.DONE_LATE: "Hoàn thành trễ hạn",
    Category.IN_PROGRESS: "Đang thực hiện",
    Category.NOT_STARTED: "Chưa triển khai",
    Category.NOT_REPORTED: "Chưa báo cáo",
    Category.OVERDUE: "Quá hạn",
    Category.CANCELLED: "Không thực hiện",
}
NOT_REPORTED_LABEL = CATEGORY_LABELS[Category.NOT_REPORTED]
SET_BY_OFFICE_LABEL = "do Văn phòng xác định"


class Role(str, Enum):
    """How a unit stands to a task, for consolidation."""

    LEAD = "lead"
    COORDINATE = "coordinate"
    OTHER = "other"  # answered without being given the task


# --- inputs --------------------------------------------------------------------------


@dataclass(frozen=True)
class EvidenceRef:
    """A tài liệu kiểm chứng a unit named in its answer."""

    doc_number: str = ""
    issued_on: date | None = None
    summary: str = ""

    @property
    def line(self) -> str:
        """"Số 12/BC-SXD ngày 05/06/2025 – Kết quả ..." (the parts there are)."""
        head = " ".join(
            part
            for part in (
                f"số {self.doc_number}" if self.doc_number else "",
                f"ngày {self.issued_on:%d/%m/%Y}" if self.issued_on else "",
            )
            if part
        )
        head = head[:1].upper() + head[1:]
        if head and self.summary:
            return f"{head} – {self.summary}"
        return head or self.summary


@dataclass(frozen=True)
class Answer:
    """One unit's answer on one task for one period."""

    id: int
    task_id: int
    unit_id: int | None  # None: recorded by the office on the leads' behalf
    unit_name: str
    period_code: str
    period_end: date
    reported_on: date
    status: Status
    percent: int | None = None
    result: str = ""
    difficulties: str = ""
    reason: str = ""  # why Không thực hiện
    completed_on: date | None = None
    period_start: date | None = None
    evidence: tuple[EvidenceRef, ...] = ()

    def order_key(self) -> tuple:
        return (self.period_end, 0, self.reported_on, self.id)

    @property
    def completion(self) -> date:
        """When the unit finished: the date it gave, else the end of the period it
        answered for (or the day it answered, when that came first)."""
        return self.completed_on or min(self.reported_on, self.period_end)


@dataclass(frozen=True)
class OfficeDecision:
    """The office's own word on a task's status for a period, with its note."""

    id: int
    task_id: int
    period_code: str
    period_end: date
    decided_on: date
    status: Status
    note: str = ""
    completed_on: date | None = None

    def order_key(self) -> tuple:
        # For the same period, the office's decision outranks the units' answers.
        return (self.period_end, 1, self.decided_on, self.id)


@dataclass(frozen=True)
class Cut:
    """Which answers count, and the day the state is judged on."""

    day: date
    period: Period | None = None  # None: everything known on `day`

    @classmethod
    def for_period(cls, period: Period, as_of: date | None = None) -> Cut:
        """A report for `period`: answers for periods ending by its end, judged on its
        last day (or `as_of`, when the report is printed before the period ends)."""
        day = period.end if as_of is None else min(as_of, period.end)
        return cls(day, period)

    @classmethod
    def known_on(cls, day: date) -> Cut:
        return cls(day, None)

    def admits(self, period_end: date, recorded_on: date) -> bool:
        if self.period is not None:
            return period_end <= self.period.end
        return recorded_on <= self.day


@dataclass(frozen=True)
class TaskFacts:
    """What consolidation needs to know of a task."""

    id: int
    deadline: Deadline
    leads: tuple[int, ...] = ()  # real units (a collective's members), in order
    coordinators: tuple[int, ...] = ()
    parent_id: int | None = None


# --- outputs --------------------------------------------------------------------------


@dataclass(frozen=True)
class Contribution:
    """A unit's answer as it counts for the period."""

    unit_id: int | None
    unit_name: str
    role: Role
    answer: Answer


@dataclass(frozen=True)
class TaskPeriodState:
    """A task as it stands for a period (or on a day)."""

    task_id: int
    category: Category
    status: Status | None  # None: no lead has answered (chưa báo cáo)
    timeliness: Timeliness
    completed_on: date | None = None
    percent: int | None = None
    result: str = ""
    reason: str = ""  # why Không thực hiện
    difficulties: str = ""
    contributions: tuple[Contribution, ...] = ()
    missing_leads: tuple[int, ...] = ()  # leads with no answer counted
    decision: OfficeDecision | None = None
    source_period: str = ""  # the period of the newest answer (or decision) used

    @property
    def reported(self) -> bool:
        return self.status is not None

    @property
    def set_by_office(self) -> bool:
        return self.decision is not None

    @property
    def evidence(self) -> list[EvidenceRef]:
        seen: set[tuple] = set()
        out = []
        for contribution in self.contributions:
            for item in contribution.answer.evidence:
                key = (fold(item.doc_number), item.issued_on, fold(item.summary))
                if key not in seen:
                    seen.add(key)
                    out.append(item)
        return out

    @property
    def label(self) -> str:
        """The words a report prints in its status column."""
        text = self.category.label
        if self.timeliness is Timeliness.DUE_SOON and self.status not in (Status.DONE, Status.NOT_DONE):
            text = f"{text} (sắp đến hạn)"
        if self.set_by_office:
            text = f"{text} ({SET_BY_OFFICE_LABEL})"
        return text


@dataclass(frozen=True)
class HeadingState:
    """A task with sub-tasks: not counted; its state is its counted sub-tasks'."""

    task_id: int
    done: int
    total: int
    by_category: Mapping[Category, int] = field(default_factory=dict)

    @property
    def label(self) -> str:
        return f"{self.done}/{self.total} hoàn thành"


# --- the rule -------------------------------------------------------------------------


def consolidate(
    task: TaskFacts,
    answers: Iterable[Answer],
    cut: Cut,
    decisions: Iterable[OfficeDecision] = (),
    names: Mapping[int, str] | None = None,
) -> TaskPeriodState:
    """The task's state for the cut (rules in the module docstring)."""
    latest = _latest_per_unit(a for a in answers if cut.admits(a.period_end, a.reported_on))
    lead_answers = _lead_answers(task, latest)
    leads = list(task.leads) or [unit for unit in latest if unit is not None]
    decision = _latest_decision(decisions, cut)
    newest_lead = max((a.order_key() for a in lead_answers.values()), default=None)
    status: Status | None
    if decision is not None and (newest_lead is None or decision.order_key() > newest_lead):
        status, completed = decision.status, _decision_completion(decision, cut)
        source = decision.period_code
    else:
        decision = None
        status, completed = _lead_status(lead_answers, len(leads), cut)
        source = max(lead_answers.values(), key=Answer.order_key).period_code if lead_answers else ""
    timeliness = judge(task.deadline, status or Status.NOT_STARTED, completed, cut.day)
    contributions = _contributions(task, latest, lead_answers, names or {})
    refusals = [a for a in lead_answers.values() if _counts_as(a, cut) is Status.NOT_DONE]
    return TaskPeriodState(
        task_id=task.id,
        category=_category(status, timeliness),
        status=status,
        timeliness=timeliness,
        completed_on=completed,
        percent=_percent(lead_answers, leads, cut) if decision is None else _decision_percent(decision),
        result=compose_result(contributions),
        reason=decision.note if decision and status is Status.NOT_DONE else _joined(refusals, "reason"),
        difficulties=_joined([c.answer for c in contributions], "difficulties"),
        contributions=tuple(contributions),
        missing_leads=tuple(unit for unit in task.leads if unit not in lead_answers),
        decision=decision,
        source_period=source,
    )


def _latest_per_unit(answers: Iterable[Answer]) -> dict[int | None, Answer]:
    latest: dict[int | None, Answer] = {}
    for answer in answers:
        current = latest.get(answer.unit_id)
        if current is None or answer.order_key() > current.order_key():
            latest[answer.unit_id] = answer
    return latest


def _lead_answers(task: TaskFacts, latest: Mapping[int | None, Answer]) -> dict[int | None, Answer]:
    """Each lead's answer: its own latest, or the office's record when that is newer.
    A task given to nobody takes whoever answered as its leads."""
    office = latest.get(None)
    leads: list[int | None] = list(task.leads) or [unit for unit in latest if unit is not None]
    if not leads:
        leads = [None]
    out: dict[int | None, Answer] = {}
    for unit in leads:
        answer = _newer(latest.get(unit), office)
        if answer is not None:
            out[unit] = answer
    return out


def _newer(first: Answer | None, second: Answer | None) -> Answer | None:
    if first is None or second is None:
        return first or second
    return first if first.order_key() >= second.order_key() else second


def _latest_decision(decisions: Iterable[OfficeDecision], cut: Cut) -> OfficeDecision | None:
    admitted = [d for d in decisions if cut.admits(d.period_end, d.decided_on)]
    return max(admitted, key=OfficeDecision.order_key) if admitted else None


def _decision_completion(decision: OfficeDecision, cut: Cut) -> date | None:
    if decision.status is not Status.DONE:
        return None
    return decision.completed_on or min(decision.period_end, decision.decided_on, cut.day)


def _decision_percent(decision: OfficeDecision) -> int | None:
    return 100 if decision.status is Status.DONE else None


def _counts_as(answer: Answer, cut: Cut) -> Status:
    """The answer's status on the cut's day: work finished later was still going on."""
    if answer.status is Status.DONE and answer.completion > cut.day:
        return Status.IN_PROGRESS
    return answer.status


def _lead_status(answers: Mapping[int | None, Answer], lead_count: int, cut: Cut) -> tuple[Status | None, date | None]:
    if not answers:
        return None, None
    statuses = {unit: _counts_as(answer, cut) for unit, answer in answers.items()}
    everyone = len(answers) >= lead_count
    values = set(statuses.values())
    if everyone and values <= {Status.DONE, Status.NOT_DONE}:
        done = [answers[u] for u, s in statuses.items() if s is Status.DONE]
        if done:
            return Status.DONE, max(answer.completion for answer in done)
        return Status.NOT_DONE, None
    if values & {Status.IN_PROGRESS, Status.DONE}:
        return Status.IN_PROGRESS, None
    if values == {Status.NOT_DONE} and everyone:
        return Status.NOT_DONE, None
    return Status.NOT_STARTED, None


def _category(status: Status | None, timeliness: Timeliness) -> Category:
    if status is Status.NOT_DONE:
        return Category.CANCELLED
    if status is Status.DONE:
        return Category.DONE_LATE if timeliness is Timeliness.DONE_LATE else Category.DONE_ON_TIME
    if timeliness is Timeliness.OVERDUE:
        return Category.OVERDUE
    if status is None:
        return Category.NOT_REPORTED
    return Category.IN_PROGRESS if status is Status.IN_PROGRESS else Category.NOT_STARTED


def _percent(answers: Mapping[int | None, Answer], leads: Sequence[int | None], cut: Cut) -> int | None:
    """The leads' mean completion; a lead with no answer counts as 0%."""
    if not answers:
        return None
    values = []
    units: list[int | None] = list(leads) or list(answers)
    for unit in units:
        answer = answers.get(unit)
        if answer is None:
            values.append(0)
            continue
        status = _counts_as(answer, cut)
        if status is Status.DONE:
            values.append(100)
        elif status is Status.NOT_STARTED:
            values.append(0)
        elif status is Status.IN_PROGRESS and answer.percent is not None:
            values.append(answer.percent)
    return round(sum(values) / len(values)) if values else None


def _contributions(
    task: TaskFacts, latest: Mapping[int | None, Answer], leads: Mapping[int | None, Answer], names: Mapping[int, str]
) -> list[Contribution]:
    out = []
    for unit, answer in leads.items():
        out.append(Contribution(unit, _name(unit, answer, names), Role.LEAD, answer))
    lead_ids = set(leads)
    for unit in task.coordinators:
        if unit not in lead_ids and unit in latest:
            out.append(Contribution(unit, _name(unit, latest[unit], names), Role.COORDINATE, latest[unit]))
    known = lead_ids | set(task.coordinators)
    others = sorted((u for u in latest if u is not None and u not in known), key=lambda u: fold(latest[u].unit_name))
    for unit in others:
        out.append(Contribution(unit, _name(unit, latest[unit], names), Role.OTHER, latest[unit]))
    return out


def _name(unit: int | None, answer: Answer, names: Mapping[int, str]) -> str:
    if unit is None:
        return answer.unit_name or "Văn phòng Sở"
    return names.get(unit) or answer.unit_name or f"Đơn vị số {unit}"


def compose_result(contributions: Sequence[Contribution]) -> str:
    """The result text: one unit's text as it is; several as "- Unit: text" lines,
    leads first, then coordinating units marked "(phối hợp)"."""
    with_text = [c for c in contributions if c.answer.result.strip()]
    if not with_text:
        return ""
    if len(with_text) == 1 and with_text[0].role is Role.LEAD and len(contributions) == 1:
        return with_text[0].answer.result.strip()
    lines = []
    for c in with_text:
        marker = " (phối hợp)" if c.role is not Role.LEAD else ""
        lines.append(f"- {c.unit_name}{marker}: {c.answer.result.strip()}")
    return "\n".join(lines)


def _joined(answers: Sequence[Answer], attribute: str) -> str:
    texts = []
    for answer in answers:
        text = str(getattr(answer, attribute)).strip()
        if text and text not in texts:
            texts.append(text if len(answers) == 1 else f"{answer.unit_name}: {text}")
    return "\n".join(texts)


# --- a whole plan --------------------------------------------------------------------------


@dataclass
class PlanStates:
    """Every task of some plans for one cut: counted tasks and headings apart."""

    cut: Cut
    tasks: dict[int, TaskPeriodState]  # counted tasks (no sub-tasks)
    headings: dict[int, HeadingState]

    def state(self, task_id: int) -> TaskPeriodState | None:
        return self.tasks.get(task_id)

    def is_heading(self, task_id: int) -> bool:
        return task_id in self.headings

    def counts(self, task_ids: Iterable[int] | None = None) -> Counts:
        ids = self.tasks if task_ids is None else [t for t in task_ids if t in self.tasks]
        return count(self.tasks[t] for t in ids)


def consolidate_plan(
    tasks: Sequence[TaskFacts],
    answers: Mapping[int, Sequence[Answer]],
    cut: Cut,
    decisions: Mapping[int, Sequence[OfficeDecision]] | None = None,
    names: Mapping[int, str] | None = None,
) -> PlanStates:
    """Each task's state; a task with sub-tasks becomes a heading over its counted
    descendants."""
    decisions = decisions or {}
    children: dict[int, list[int]] = defaultdict(list)
    for task in tasks:
        if task.parent_id is not None:
            children[task.parent_id].append(task.id)
    counted = {
        task.id: consolidate(task, answers.get(task.id, ()), cut, decisions.get(task.id, ()), names)
        for task in tasks
        if task.id not in children
    }
    headings = {}
    for task in tasks:
        if task.id in children:
            leaves = [counted[t] for t in _leaves(task.id, children) if t in counted]
            tally = count(leaves)
            headings[task.id] = HeadingState(task.id, tally.done, tally.total, dict(tally.by_category))
    return PlanStates(cut, counted, headings)


def _leaves(task_id: int, children: Mapping[int, list[int]]) -> list[int]:
    out, stack = [], list(reversed(children.get(task_id, [])))
    while stack:
        current = stack.pop()
        if current in children:
            stack.extend(reversed(children[current]))
        else:
            out.append(current)
    return out


# --- counts -----------------------------------------------------------------------------------


@dataclass
class Counts:
    """How many counted tasks fall in each category (a partition of `total`)."""

    by_category: dict[Category, int] = field(default_factory=lambda: {c: 0 for c in Category})

    def add(self, state: TaskPeriodState) -> None:
        self.by_category[state.category] += 1

    def __getitem__(self, category: Category) -> int:
        return self.by_category[category]

    @property
    def total(self) -> int:
        return sum(self.by_category.values())

    @property
    def done(self) -> int:
        return self[Category.DONE_ON_TIME] + self[Category.DONE_LATE]

    def share(self, number: int) -> float:
        """Percentage of the total (0 when there are no tasks)."""
        return 100.0 * number / self.total if self.total else 0.0

    def to_json(self) -> dict[str, int]:
        return {category.value: number for category, number in self.by_category.items()} | {"total": self.total}


def count(states: Iterable[TaskPeriodState]) -> Counts:
    counts = Counts()
    for state in states:
        counts.add(state)
    return counts


# --- who has reported ----------------------------------------------------------------------


@dataclass(frozen=True)
class UnitReporting:
    """A unit's reporting for a period: tasks it holds, tasks it answered."""

    unit_id: int
    assigned: int
    answered: int
    last_reported_on: date | None

    @property
    def reported(self) -> bool:
        return self.answered > 0

    @property
    def label(self) -> str:
        return "Đã báo cáo" if self.reported else NOT_REPORTED_LABEL


def answered_within(answer: Answer, period: Period) -> bool:
    """An answer given for (a part of) the period: a Q3 answer counts for 9 tháng."""
    return period.start <= answer.period_end <= period.end


def reporting_status(
    assigned: Mapping[int, Iterable[int]], answers: Iterable[Answer], period: Period
) -> dict[int, UnitReporting]:
    """For each unit (unit id → task ids it holds), how many of its tasks it answered
    for the period and when it last reported."""
    answered: dict[int, set[int]] = defaultdict(set)
    last: dict[int, date] = {}
    for answer in answers:
        if answer.unit_id is None or not answered_within(answer, period):
            continue
        answered[answer.unit_id].add(answer.task_id)
        last[answer.unit_id] = max(last.get(answer.unit_id, answer.reported_on), answer.reported_on)
    out = {}
    for unit_id, task_ids in assigned.items():
        tasks = set(task_ids)
        out[unit_id] = UnitReporting(unit_id, len(tasks), len(answered[unit_id] & tasks), last.get(unit_id))
    return out
