"""Tasks: add, edit (fields, unit links, place), move, delete.

Every change is one transaction and returns its Outcome: the ids it changed and
its undo. Units named for a task that the directory lacks are created inside the
same transaction, so undoing the edit removes them too.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from kehoach_desktop.domain import deadlines
from kehoach_desktop.domain.models import Role, Section, Task, TaskUnit
from kehoach_desktop.domain.statuses import Status
from kehoach_desktop.domain.text import tidy, tidy_line
from kehoach_desktop.services.errors import NotFoundError, ServiceError
from kehoach_desktop.services.outcome import Outcome, Recording
from kehoach_desktop.services.units import UnitResolver
from kehoach_desktop.store import Store
from kehoach_desktop.store import plans as plan_rows
from kehoach_desktop.store import tasks as task_rows
from kehoach_desktop.store.rows import Row

MULTILINE_FIELDS = (
    "content", "schedule_text", "output", "note", "target", "lead_text",
    "coordinate_text", "assignment_raw", "status_reason", "result",
)  # fmt: skip
EDITABLE_FIELDS = MULTILINE_FIELDS + ("number", "status", "completed_on")


@dataclass(frozen=True)
class UnitRef:
    """A unit chosen for a task by its name: found in the directory, created when new."""

    name: str
    role: Role


UnitChoice = TaskUnit | UnitRef
Place = tuple[int, int | None, int]  # (section id, parent task id, index among the siblings)


class TaskService:
    def __init__(self, store: Store):
        self.store = store

    # --- reading ---------------------------------------------------------------------------

    def get(self, task_id: int) -> Task:
        task = task_rows.load_task(self.store.conn, task_id)
        if task is None:
            raise _gone(task_id)
        return task

    def get_many(self, task_ids: Iterable[int]) -> list[Task]:
        """The tasks with these ids that still exist, with their unit links."""
        return task_rows.load_tasks_by_id(self.store.conn, task_ids)

    def siblings(self, task_id: int) -> list[int]:
        """Ids of the task and its siblings, in order."""
        place = _place_of(self.store.conn, task_id)
        return task_rows.sibling_ids(self.store.conn, place["section_id"], place["parent_id"])

    def siblings_in(self, section_id: int, parent_id: int | None) -> list[int]:
        """Ids of the tasks directly under (section, parent), in order."""
        return task_rows.sibling_ids(self.store.conn, section_id, parent_id)

    # --- writing ---------------------------------------------------------------------------

    def add(
        self,
        section_id: int,
        parent_id: int | None = None,
        position: int | None = None,
        units: Sequence[UnitChoice] = (),
        **values: Any,
    ) -> Outcome[int]:
        """A new task (with its unit links) at the end of its section, or under
        `parent_id`, or at `position` — in one transaction. The value is its id."""
        with self.store.write() as conn:
            section = _section(conn, section_id)
            if parent_id is not None and _place_of(conn, parent_id)["section_id"] != section_id:
                raise ServiceError("Nhiệm vụ cha phải thuộc cùng mục với nhiệm vụ con.")
            recording = Recording(conn, [("task", "section_id", [section_id])])
            end = task_rows.next_position(conn, section_id, parent_id)
            task = Task(plan_id=section.plan_id, section_id=section_id, parent_id=parent_id, position=end)
            _apply(task, values, plan_rows.year_of(conn, task.plan_id))
            task_id = task_rows.insert_task(conn, task)
            if position is not None:
                _put_at(conn, section_id, parent_id, task_id, position)
            resolver = UnitResolver(conn)
            task_rows.replace_links(conn, task_id, _links(units, resolver))
            recording.created([("task_unit", "task_id", [task_id]), ("unit", "id", resolver.created)])
            return recording.finish(task_id)

    def update(self, task_id: int, **values: Any) -> Outcome[None]:
        """Change fields (see EDITABLE_FIELDS)."""
        return self.edit(task_id, values)

    def set_units(self, task_id: int, links: Sequence[UnitChoice]) -> Outcome[None]:
        """Replace the task's unit links."""
        return self.edit(task_id, units=links)

    def edit(
        self,
        task_id: int,
        values: Mapping[str, Any] | None = None,
        units: Sequence[UnitChoice] | None = None,
        place: Place | None = None,
    ) -> Outcome[None]:
        """Fields, unit links and place (section id, parent id, index) changed in one
        transaction, with the units named for the first time created in it."""
        unknown = set(values or {}) - set(EDITABLE_FIELDS)
        if unknown:
            raise ValueError(f"not editable task fields: {sorted(unknown)}")
        with self.store.write() as conn:
            old = _place_of(conn, task_id)
            # A move renumbers siblings (and carries sub-tasks) in both sections; an edit in place touches one row.
            rows = ("task", "section_id", [old["section_id"], place[0]]) if place else ("task", "id", [task_id])
            recording = Recording(conn, [rows, ("task_unit", "task_id", [task_id])])
            if place is not None:
                _move(conn, task_id, *place)
            if values:
                _update(conn, task_id, values)
            if units is not None:
                resolver = UnitResolver(conn)
                task_rows.replace_links(conn, task_id, _links(units, resolver))
                recording.created([("unit", "id", resolver.created)])
            return recording.finish(None)

    def move(self, task_id: int, *, section_id: int, parent_id: int | None, position: int) -> Outcome[None]:
        """Put the task (with its sub-tasks) at index `position` among its new siblings."""
        return self.edit(task_id, place=(section_id, parent_id, position))

    def delete(self, task_id: int) -> Outcome[None]:
        """Delete the task with its sub-tasks, unit links, progress and evidence."""
        with self.store.write() as conn:
            _place_of(conn, task_id)
            ids = [task_id, *task_rows.subtree_ids(conn, task_id)]
            recording = Recording(
                conn,
                [("task", "id", ids), ("task_unit", "task_id", ids), ("progress_update", "task_id", ids),
                 ("evidence", "task_id", ids)],
            )  # fmt: skip
            task_rows.delete_task(conn, task_id)
            return recording.finish(None)


# --- the steps, inside the caller's transaction -----------------------------------------------


def _apply(task: Task, values: Mapping[str, Any], plan_year: int) -> None:
    """Set normalised values on the task; re-read the deadline when its text changes."""
    for name, value in values.items():
        if name in MULTILINE_FIELDS:
            value = tidy(value)
        elif name == "number":
            value = tidy_line(value)
        elif name == "status":
            value = Status(value)
        elif name == "completed_on" and value is not None and not isinstance(value, date):
            raise ServiceError("Ngày hoàn thành không hợp lệ.")
        setattr(task, name, value)
    if "schedule_text" in values:
        task.deadline = deadlines.parse(task.schedule_text, plan_year)
    if task.status is Status.NOT_DONE and not task.status_reason:
        raise ServiceError("Nhiệm vụ «Không thực hiện» cần ghi rõ lý do.")


def _update(conn: sqlite3.Connection, task_id: int, values: Mapping[str, Any]) -> None:
    task = task_rows.load_task(conn, task_id)
    if task is None:
        raise _gone(task_id)
    _apply(task, values, plan_rows.year_of(conn, task.plan_id))
    row = task_rows.task_row(task)
    changed = {name: row[name] for name in row if name in values}
    if "schedule_text" in values:
        changed.update(deadline=row["deadline"], due_last=row["due_last"])
    task_rows.update_task(conn, task_id, changed)


def _move(conn: sqlite3.Connection, task_id: int, section_id: int, parent_id: int | None, position: int) -> None:
    row = _place_of(conn, task_id)
    section = _section(conn, section_id)
    if section.plan_id != row["plan_id"]:
        raise ServiceError("Chỉ chuyển được nhiệm vụ trong cùng một kế hoạch.")
    descendants = task_rows.subtree_ids(conn, task_id)
    if parent_id is not None:
        if parent_id == task_id or parent_id in descendants:
            raise ServiceError("Không thể đặt một nhiệm vụ vào bên trong chính nó.")
        if _place_of(conn, parent_id)["section_id"] != section_id:
            raise ServiceError("Nhiệm vụ cha phải thuộc cùng mục với nhiệm vụ con.")
    task_rows.set_section(conn, descendants, section_id)
    task_rows.update_task(conn, task_id, {"section_id": section_id, "parent_id": parent_id})
    _put_at(conn, section_id, parent_id, task_id, position)


def _put_at(conn: sqlite3.Connection, section_id: int, parent_id: int | None, task_id: int, index: int) -> None:
    """Renumber the siblings 0, 1, 2 ... with the task at `index`."""
    order = [sibling for sibling in task_rows.sibling_ids(conn, section_id, parent_id) if sibling != task_id]
    order.insert(max(0, min(index, len(order))), task_id)
    task_rows.renumber(conn, order)


def _links(units: Sequence[UnitChoice], resolve: UnitResolver) -> list[TaskUnit]:
    return [
        unit if isinstance(unit, TaskUnit) else TaskUnit(resolve(unit.name), unit.role, unit.name) for unit in units
    ]


def _place_of(conn: sqlite3.Connection, task_id: int) -> Row:
    place = task_rows.task_place(conn, task_id)
    if place is None:
        raise _gone(task_id)
    return place


def _section(conn: sqlite3.Connection, section_id: int) -> Section:
    section = plan_rows.load_section(conn, section_id)
    if section is None:
        raise NotFoundError(f"Không tìm thấy mục số {section_id} của kế hoạch.")
    return section


def _gone(task_id: int) -> NotFoundError:
    return NotFoundError(f"Không tìm thấy nhiệm vụ số {task_id}; có thể nó đã bị xóa.")
