"""Where each task stands on a given day, and what the reports and the window's
status bar count from it: pure functions over a plan tree and its states.

Status of a task "as of" a cut-off day D (a report's period end, or a date):

1. The progress updates known on D are those for a period that had ended by D
   (period_end <= D) or that were reported by D (reported_on <= D).
2. When every update of the task is known on D, the task's own status, result
   and completion date are used: they are the consolidated latest word (the
   progress service copies the latest period's update into the task, and a
   person may have set the status directly).
3. Otherwise the latest known update (by period end, then report date) gives
   the status and the result; nothing known yet means "Chưa triển khai".
4. A task completed after D was not done on D: it counts as "Đang thực hiện",
   unless an update for a period that had ended by D already said "Hoàn
   thành" (units report after the period's end).
5. Lateness is `domain.judgement.judge` as of D: "Quá hạn" when a fixed
   deadline passed before D with the work unfinished; "Hoàn thành trễ hạn" when
   it was finished after its deadline.

The counts are a partition (each task in exactly one category), so the
numbers of a report always add up to its total: hoàn thành đúng hạn, hoàn
thành trễ hạn, đang thực hiện, chưa triển khai, quá hạn (unfinished after the
deadline, whether started or not), không thực hiện. Every task row of a plan
counts, sub-tasks included, as the Phụ lục lists them.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date

from kehoach_desktop.domain.areas import area, area_order
from kehoach_desktop.domain.judgement import DUE_SOON_DAYS, judge
from kehoach_desktop.domain.models import Plan, ProgressPoint, Role, Section, Task
from kehoach_desktop.domain.statuses import Category, Status, Timeliness, category_of
from kehoach_desktop.domain.text import fold, numbered, tidy_line
from kehoach_desktop.domain.tree import PlanTree


@dataclass(frozen=True)
class TaskState:
    """A task as it stood on the cut-off day."""

    task_id: int
    status: Status
    timeliness: Timeliness
    completed_on: date | None
    result: str
    percent: int | None = None
    period: str = ""  # the progress update's period it comes from; "" when from the task

    @property
    def category(self) -> Category:
        return category_of(self.status, self.timeliness)

    @property
    def label(self) -> str:
        """The words a report prints in its status column."""
        if self.timeliness is Timeliness.DUE_SOON and self.status is not Status.DONE:
            return f"{self.status.label} ({Timeliness.DUE_SOON.label.lower()})"
        return self.category.label


def state_as_of(
    task: Task, points: Iterable[ProgressPoint], day: date, soon_days: int = DUE_SOON_DAYS
) -> TaskState:
    """The task's status, result and lateness on `day` (rules in the module docstring)."""
    points = list(points)
    known = [point for point in points if point.known_on(day)]
    if len(known) == len(points):
        status, result, completed, percent, period = task.status, task.result, task.completed_on, None, ""
        if known:
            latest = max(known, key=ProgressPoint.order_key)
            percent, period = latest.percent, latest.period
    elif known:
        latest = max(known, key=ProgressPoint.order_key)
        status, result, percent, period = latest.status, latest.result, latest.percent, latest.period
        completed = _completion(task, known) if status is Status.DONE else None
    else:
        status, result, completed, percent, period = Status.NOT_STARTED, "", None, None, ""
    reported_done = any(p.status is Status.DONE and p.period_end <= day for p in known)
    if status is Status.DONE and completed and completed > day and not reported_done:
        status, completed = Status.IN_PROGRESS, None
    timeliness = judge(task.deadline, status, completed, day, soon_days)
    return TaskState(task.id, status, timeliness, completed, result, percent, period)


def _completion(task: Task, known: list[ProgressPoint]) -> date:
    """When the work was done: the task's recorded date, else the first "done" report."""
    if task.status is Status.DONE and task.completed_on:
        return task.completed_on
    done = [point for point in known if point.status is Status.DONE]
    return min(point.reported_on for point in done)


def states_as_of(
    tree: PlanTree, points: dict[int, list[ProgressPoint]], day: date, soon_days: int = DUE_SOON_DAYS
) -> dict[int, TaskState]:
    return {task.id: state_as_of(task, points.get(task.id, ()), day, soon_days) for task in tree.tasks}


# --- counts ----------------------------------------------------------------------


@dataclass
class Counts:
    """How many tasks fall in each category (a partition of `total`)."""

    by_category: dict[Category, int] = field(default_factory=lambda: {c: 0 for c in Category})

    def add(self, state: TaskState) -> None:
        self.by_category[state.category] += 1

    def __getitem__(self, category: Category) -> int:
        return self.by_category[category]

    @property
    def total(self) -> int:
        return sum(self.by_category.values())

    @property
    def done(self) -> int:
        return self[Category.DONE_ON_TIME] + self[Category.DONE_LATE]

    def share(self, count: int) -> float:
        """Percentage of the total (0 when there are no tasks)."""
        return 100.0 * count / self.total if self.total else 0.0


def count(states: Iterable[TaskState]) -> Counts:
    counts = Counts()
    for state in states:
        counts.add(state)
    return counts


@dataclass
class TaskGroup:
    """A lĩnh vực of a report: its label, its sections (as printed) and its tasks."""

    key: str
    label: str
    counts: Counts
    sections: list[tuple[Section, list[tuple[Task, int]]]]  # (section, [(task, depth)])

    @property
    def tasks(self) -> list[Task]:
        return [task for _, rows in self.sections for task, _ in rows]


def section_label(section: Section) -> str:
    return numbered(section.ordinal, section.title)


def area_groups(tree: PlanTree, states: dict[int, TaskState]) -> list[TaskGroup]:
    """The lĩnh vực a report counts by.

    One plan: its own top-level sections as printed (a part with sub-sections
    counts them all). Several plans: the canonical areas every section is tagged
    with, in the catalogue's order, so the plans' tasks add up together.
    """
    if len(tree.plans) == 1:
        groups = []
        plan_id = tree.plans[0].id
        for top in tree.top_sections(plan_id):
            sections = tree.with_descendants(top)
            rows = [(section, list(tree.section_walk(section))) for section in sections]
            groups.append(_group(str(top.id), section_label(top), rows, states))
        return groups
    by_area: dict[str, list[tuple[Section, list[tuple[Task, int]]]]] = defaultdict(list)
    for plan in tree.plans:
        for section in tree.ordered_sections(plan.id):
            walked = list(tree.section_walk(section))
            if walked:
                by_area[section.area_code].append((section, walked))
    return [
        _group(code, area(code).name, by_area[code], states)
        for code in sorted(by_area, key=area_order)
    ]


def _group(key: str, label: str, sections: list, states: dict[int, TaskState]) -> TaskGroup:
    counts = count(states[task.id] for _, rows in sections for task, _ in rows)
    return TaskGroup(key, label, counts, sections)


# --- tasks needing attention, by unit ----------------------------------------------------


@dataclass(frozen=True)
class TaskLine:
    """A task in a list: with its plan, section, state and days late (or left)."""

    task: Task
    plan: Plan
    section: Section
    state: TaskState
    due: date | None  # the deadline passed (overdue) or coming (due soon)
    days: int  # days overdue, or days left before `due`

    @property
    def lead_names(self) -> list[str]:
        return self.task.unit_names(Role.LEAD)

    @property
    def coordinate_names(self) -> list[str]:
        return self.task.unit_names(Role.COORDINATE)


def task_line(tree: PlanTree, task: Task, state: TaskState, day: date) -> TaskLine:
    if state.timeliness is Timeliness.OVERDUE:
        due = task.deadline.final_due
        days = (day - due).days if due else 0
    else:
        due = task.deadline.next_due(day)
        days = (due - day).days if due else 0
    return TaskLine(task, tree.plan_by_id[task.plan_id], tree.section_by_id[task.section_id], state, due, days)


def needs_attention(state: TaskState) -> bool:
    """Quá hạn, or sắp đến hạn with the work unfinished."""
    return state.timeliness in (Timeliness.OVERDUE, Timeliness.DUE_SOON) and state.status not in (
        Status.DONE,
        Status.NOT_DONE,
    )


@dataclass
class UnitLines:
    """One unit's (or one unassigned lead text's) overdue and due-soon tasks."""

    unit_id: int | None
    name: str
    overdue: list[TaskLine] = field(default_factory=list)
    due_soon: list[TaskLine] = field(default_factory=list)

    @property
    def count(self) -> int:
        return len(self.overdue) + len(self.due_soon)


UNASSIGNED = "Chưa xác định đơn vị chủ trì"


def lead_keys(task: Task) -> list[tuple[int | None, str]]:
    """(unit id, name) of each lead unit; a task without linked units goes under its
    lead text as written, or under "Chưa xác định đơn vị chủ trì"."""
    links: list[tuple[int | None, str]] = [(link.unit_id, link.unit_name) for link in task.units if link.role is Role.LEAD]
    if links:
        return links
    text = tidy_line(task.lead_text or task.assignment_raw)
    return [(None, text if text and len(text) <= 80 else UNASSIGNED)]


def attention_by_unit(
    tree: PlanTree, states: dict[int, TaskState], day: date, unit_id: int | None = None
) -> list[UnitLines]:
    """Overdue and due-soon tasks grouped by lead unit (a task under each of its
    lead units), units in name order, the most overdue first within a unit."""
    groups: dict[tuple, UnitLines] = {}
    for plan in tree.plans:
        for _section, task, _depth in tree.plan_walk(plan.id):
            state = states[task.id]
            if not needs_attention(state):
                continue
            line = task_line(tree, task, state, day)
            for key in lead_keys(task):
                if unit_id is not None and key[0] != unit_id:
                    continue
                group = groups.setdefault(key, UnitLines(key[0], key[1]))
                (group.overdue if state.timeliness is Timeliness.OVERDUE else group.due_soon).append(line)
    for group in groups.values():
        group.overdue.sort(key=lambda line: -line.days)
        group.due_soon.sort(key=lambda line: line.days)
    return sorted(groups.values(), key=lambda g: (g.name == UNASSIGNED, fold(g.name)))


def coordinated_attention(tree: PlanTree, states: dict[int, TaskState], day: date, unit_id: int) -> list[TaskLine]:
    """Overdue and due-soon tasks the unit coordinates (but does not lead)."""
    lines = []
    for plan in tree.plans:
        for _section, task, _depth in tree.plan_walk(plan.id):
            roles = {link.role for link in task.units if link.unit_id == unit_id}
            if Role.COORDINATE in roles and Role.LEAD not in roles and needs_attention(states[task.id]):
                lines.append(task_line(tree, task, states[task.id], day))
    return lines


# --- per unit statistics -------------------------------------------------------------


@dataclass
class UnitStats:
    unit_id: int
    name: str
    is_group: bool = False
    led: Counts = field(default_factory=Counts)  # the tasks it leads, by category
    coordinated: int = 0

    @property
    def led_total(self) -> int:
        return self.led.total


def unit_statistics(tree: PlanTree, states: dict[int, TaskState], group_ids: set[int] | None = None) -> list[UnitStats]:
    """Per unit: tasks led (with their categories) and tasks coordinated.
    Units first, then group phrases ("Các phòng, đơn vị ..."), each by name."""
    stats: dict[int, UnitStats] = {}
    group_ids = group_ids or set()
    for task in tree.tasks:
        for link in task.units:
            entry = stats.setdefault(link.unit_id, UnitStats(link.unit_id, link.unit_name, link.unit_id in group_ids))
            if link.role is Role.LEAD:
                entry.led.add(states[task.id])
            else:
                entry.coordinated += 1
    return sorted(stats.values(), key=lambda s: (s.is_group, fold(s.name)))


# --- the kinds' contents ------------------------------------------------------------------


@dataclass
class ResultsContent:
    """Báo cáo kết quả: totals, per lĩnh vực, and the tasks behind "tồn tại, hạn chế"."""

    states: dict[int, TaskState]
    totals: Counts
    groups: list[TaskGroup]
    overdue: list[TaskLine]
    done_late: list[TaskLine]


@dataclass
class AttentionContent:
    states: dict[int, TaskState]
    units: list[UnitLines]

    @property
    def overdue_count(self) -> int:
        return len({line.task.id for unit in self.units for line in unit.overdue})

    @property
    def due_soon_count(self) -> int:
        return len({line.task.id for unit in self.units for line in unit.due_soon})


@dataclass
class ReminderContent:
    unit_id: int
    unit_name: str
    led: UnitLines
    coordinated: list[TaskLine]


@dataclass
class UnitStatsContent:
    states: dict[int, TaskState]
    units: list[UnitStats]
    totals: Counts


def results_content(tree: PlanTree, states: dict[int, TaskState], day: date) -> ResultsContent:
    overdue, late = [], []
    for plan in tree.plans:
        for _section, task, _depth in tree.plan_walk(plan.id):
            category = states[task.id].category
            if category is Category.OVERDUE:
                overdue.append(task_line(tree, task, states[task.id], day))
            elif category is Category.DONE_LATE:
                late.append(task_line(tree, task, states[task.id], day))
    return ResultsContent(states, count(states.values()), area_groups(tree, states), overdue, late)


# --- the service the window calls -------------------------------------------------------
