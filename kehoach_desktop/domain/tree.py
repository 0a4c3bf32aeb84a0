"""One or several plans with their sections and tasks, indexed for walking in printed order."""

from __future__ import annotations

from bisect import insort
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, field

from kehoach_desktop.domain.models import Plan, Section, Task


@dataclass
class PlanTree:
    plans: list[Plan]
    sections: list[Section]
    tasks: list[Task]
    _sections_by_parent: dict = field(init=False, repr=False)
    _tasks_by_parent: dict = field(init=False, repr=False)

    def __post_init__(self) -> None:
        self.plan_by_id = {plan.id: plan for plan in self.plans}
        self.section_by_id = {section.id: section for section in self.sections}
        self.task_by_id = {task.id: task for task in self.tasks}
        self._place_in_list = {task.id: index for index, task in enumerate(self.tasks)}
        self._sections_by_parent = defaultdict(list)
        for section in sorted(self.sections, key=lambda s: (s.position, s.id)):
            self._sections_by_parent[(section.plan_id, section.parent_id)].append(section)
        self._tasks_by_parent = defaultdict(list)
        for task in sorted(self.tasks, key=_order):
            self._tasks_by_parent[(task.section_id, task.parent_id)].append(task)

    def top_sections(self, plan_id: int) -> list[Section]:
        return self._sections_by_parent.get((plan_id, None), [])

    def subsections(self, section: Section) -> list[Section]:
        return self._sections_by_parent.get((section.plan_id, section.id), [])

    def with_descendants(self, section: Section) -> list[Section]:
        """The section and its sub-sections at any depth, as printed."""
        out = [section]
        for sub in self.subsections(section):
            out.extend(self.with_descendants(sub))
        return out

    def ordered_sections(self, plan_id: int) -> list[Section]:
        """Sections as printed: each followed by its sub-sections, at any depth (III, III.1, III.1.1)."""
        return [found for top in self.top_sections(plan_id) for found in self.with_descendants(top)]

    def section_tasks(self, section: Section) -> list[Task]:
        """The section's top-level tasks, in order."""
        return self._tasks_by_parent.get((section.id, None), [])

    def children(self, task: Task) -> list[Task]:
        return self._tasks_by_parent.get((task.section_id, task.id), [])

    def walk(self, task: Task, depth: int = 0) -> Iterator[tuple[Task, int]]:
        yield task, depth
        for child in self.children(task):
            yield from self.walk(child, depth + 1)

    def section_walk(self, section: Section) -> Iterator[tuple[Task, int]]:
        """Every task of a section (not its sub-sections) with its depth, as printed."""
        for task in self.section_tasks(section):
            yield from self.walk(task)

    def plan_walk(self, plan_id: int) -> Iterator[tuple[Section, Task, int]]:
        for section in self.ordered_sections(plan_id):
            for task, depth in self.section_walk(section):
                yield section, task, depth

    def area_of(self, task: Task) -> str:
        return self.section_by_id[task.section_id].area_code

    # --- keeping it current after a change (the window does not read the plans again) ---

    def put(self, task: Task) -> Task | None:
        """Add the task, or replace the one with its id (keeping its place in `tasks`);
        returns the one replaced."""
        old = self.task_by_id.get(task.id)
        if old is None:
            self._place_in_list[task.id] = len(self.tasks)
            self.tasks.append(task)
        else:
            self.tasks[self._place_in_list[task.id]] = task
            _remove_same(self._tasks_by_parent[(old.section_id, old.parent_id)], old)
        self.task_by_id[task.id] = task
        insort(self._tasks_by_parent[(task.section_id, task.parent_id)], task, key=_order)
        return old

    def drop(self, task_id: int) -> Task | None:
        """Remove the task with this id (its sub-tasks stay until dropped too); returns it."""
        old = self.task_by_id.pop(task_id, None)
        if old is not None:
            del self.tasks[self._place_in_list.pop(task_id)]
            self._place_in_list = {task.id: index for index, task in enumerate(self.tasks)}
            _remove_same(self._tasks_by_parent[(old.section_id, old.parent_id)], old)
        return old


def _remove_same(tasks: list[Task], task: Task) -> None:
    """list.remove by identity: a dataclass's == compares every field of every task before it."""
    del tasks[next(index for index, item in enumerate(tasks) if item is task)]


def _order(task: Task) -> tuple[int, int]:
    return (task.position, task.id)
