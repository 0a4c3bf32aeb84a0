"""One plan read for matching forms and consolidating answers: its tree, the unit
directory, who is given what (domain.answers), and its progress updates."""

from __future__ import annotations

import sqlite3

from kehoach_desktop.domain.answers import UNASSIGNED_TIER, Assignment, assignments, reporters
from kehoach_desktop.domain.models import ProgressUpdate, Role, Section, Task, Unit
from kehoach_desktop.domain.text import numbered
from kehoach_desktop.domain.tree import PlanTree
from kehoach_desktop.store import Store
from kehoach_desktop.store import plans as plan_rows
from kehoach_desktop.store import progress as progress_rows
from kehoach_desktop.store import tasks as task_rows
from kehoach_desktop.store import units as unit_rows


class PlanContext:
    """A plan read once for matching and consolidating.

    With `task_id`, only that task is read (its links and progress), with the
    plan's sections and the units reporting on the plan: enough to consolidate
    one task without reading 10,000 (the window's detail panel)."""

    def __init__(self, store: Store, plan_id: int, task_id: int | None = None):
        conn = store.conn
        self.plan_id = plan_id
        plan = plan_rows.load_plan(conn, plan_id)
        assert plan is not None, plan_id  # callers check the plan exists first
        tasks = task_rows.load_tasks(conn, [plan_id]) if task_id is None else task_rows.load_tasks_by_id(conn, [task_id])
        self.tree = PlanTree([plan], plan_rows.load_sections(conn, [plan_id]), tasks)
        self.plan = plan
        self.created_at = plan_rows.created_at(conn, plan_id)
        self.units: dict[int, Unit] = {unit.id: unit for unit in unit_rows.load_units(conn)}
        self.walk: list[tuple[Section, Task, int]] = list(self.tree.plan_walk(plan_id)) if task_id is None else []
        self.task_by_id: dict[int, Task] = {task.id: task for task in tasks}
        # Who gets a form depends on every task of the plan, even when only one is read.
        linked = tasks if task_id is None else [_linked_to_plan(conn, plan_id)]
        self.reporters = reporters(linked, self.units)
        reporting = set(self.reporters)
        self.assignments: dict[int, dict[int, Assignment]] = {
            task_id_: assignments(task, reporting, self.units) for task_id_, task in self.task_by_id.items()
        }
        self.progress: dict[int, list[ProgressUpdate]] = progress_rows.load_plan_progress(conn, plan_id, task_id)

    def assignment(self, task_id: int, unit_id: int | None) -> Assignment | None:
        return self.assignments.get(task_id, {}).get(unit_id) if unit_id is not None else None

    def tier(self, task_id: int, unit_id: int | None) -> int:
        found = self.assignment(task_id, unit_id)
        return found.tier if found else UNASSIGNED_TIER

    def direct_leads(self, task_id: int) -> set[int]:
        return {
            unit_id for unit_id, given in self.assignments.get(task_id, {}).items()
            if given.role is Role.LEAD and not given.via
        }  # fmt: skip

    def section_label(self, section_id: int) -> str:
        section = self.tree.section_by_id[section_id]
        return numbered(section.ordinal, section.title)


def _linked_to_plan(conn: sqlite3.Connection, plan_id: int) -> Task:
    """A stand-in task linked to every unit any task of the plan is linked to."""
    from kehoach_desktop.domain.models import TaskUnit

    return Task(units=[TaskUnit(unit_id, Role.LEAD) for unit_id in unit_rows.linked_to_plan(conn, plan_id)])
