"""Tasks: add, edit, assign units, move, delete and restore (for undo).

Every method is one transaction and returns what its inverse needs, so the
window's QUndoStack can undo and redo without knowing any SQL.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

from kehoach_desktop.domain import deadlines
from kehoach_desktop.domain.models import Task, TaskUnit
from kehoach_desktop.domain.statuses import Status
from kehoach_desktop.domain.text import tidy, tidy_line
from kehoach_desktop.services.errors import NotFoundError, ServiceError
from kehoach_desktop.store import Store
from kehoach_desktop.store import repository as repo

if TYPE_CHECKING:
    import sqlite_utils

MULTILINE_FIELDS = (
    "content", "schedule_text", "output", "note", "target", "lead_text",
    "coordinate_text", "assignment_raw", "status_reason", "result",
)  # fmt: skip
EDITABLE_FIELDS = MULTILINE_FIELDS + ("number", "status", "completed_on")


@dataclass(frozen=True)
class TaskSnapshot:
    """A task with its sub-tasks, unit links, progress and evidence, as rows."""

    tasks: list[dict]
    links: list[dict]
    progress: list[dict]
    evidence: list[dict]


class TaskService:
    def __init__(self, store: Store):
        self.store = store

    def get(self, task_id: int) -> Task:
        task = repo.load_task(self.store.db, task_id)
        if task is None:
            raise NotFoundError(f"Không tìm thấy nhiệm vụ số {task_id}; có thể nó đã bị xóa.")
        return task

    def add(
        self,
        section_id: int,
        parent_id: int | None = None,
        position: int | None = None,
        units: list[TaskUnit] | None = None,
        **values,
    ) -> int:
        """A new task (with its unit links) at the end of its section, or under
        `parent_id`, or at `position` — in one transaction."""
        with self.store.write() as db:
            section = _section(db, section_id)
            if parent_id is not None:
                parent = _task_row(db, parent_id)
                if parent["section_id"] != section_id:
                    raise ServiceError("Nhiệm vụ cha phải thuộc cùng mục với nhiệm vụ con.")
            end = _next_position(db, section_id, parent_id)
            task = Task(plan_id=section["plan_id"], section_id=section_id, parent_id=parent_id, position=end)
            _apply(task, values, _plan_year(db, section["plan_id"]))
            task_id = db["task"].insert(repo.task_row(task)).last_pk
            if position is not None:
                _place(db, section_id, parent_id, task_id, position)
            if units:
                repo.replace_links(db, task_id, units)
        return task_id

    def update(self, task_id: int, **values) -> dict:
        """Change fields; returns their previous values, ready to pass back for undo."""
        unknown = set(values) - set(EDITABLE_FIELDS)
        if unknown:
            raise ValueError(f"not editable task fields: {sorted(unknown)}")
        with self.store.write() as db:
            task = _load(db, task_id)
            before = {name: getattr(task, name) for name in values}
            _apply(task, values, _plan_year(db, task.plan_id))
            row = repo.task_row(task)
            changed = {name: row[name] for name in row if name in values}
            if "schedule_text" in values:
                changed.update(deadline=row["deadline"], due_last=row["due_last"])
            db["task"].update(task_id, changed)
        return before

    def edit(
        self,
        task_id: int,
        values: dict | None = None,
        units: list[TaskUnit] | None = None,
        place: tuple | None = None,
    ) -> tuple[dict, list[TaskUnit] | None, tuple | None]:
        """Fields, unit links and place (section_id, parent_id, index) changed in one
        transaction. Returns the previous (values, units, place): edit() with them undoes it."""
        with self.store.write():
            old_place = self.move(task_id, section_id=place[0], parent_id=place[1], position=place[2]) if place else None
            old_values = self.update(task_id, **values) if values else {}
            old_units = self.set_units(task_id, units) if units is not None else None
        return old_values, old_units, old_place

    def set_units(self, task_id: int, links: list[TaskUnit]) -> list[TaskUnit]:
        """Replace the task's unit links; returns the previous ones."""
        with self.store.write() as db:
            task = _load(db, task_id)
            repo.replace_links(db, task_id, links)
        return task.units

    def move(self, task_id: int, *, section_id: int, parent_id: int | None, position: int) -> tuple:
        """Put the task (with its sub-tasks) at index `position` among its new siblings.

        Returns the old place as (section_id, parent_id, index): moving back there undoes it.
        """
        with self.store.write() as db:
            row = _task_row(db, task_id)
            old_index = _sibling_ids(db, row["section_id"], row["parent_id"]).index(task_id)
            old = (row["section_id"], row["parent_id"], old_index)
            section = _section(db, section_id)
            if section["plan_id"] != row["plan_id"]:
                raise ServiceError("Chỉ chuyển được nhiệm vụ trong cùng một kế hoạch.")
            descendants = _subtree_ids(db, task_id)
            if parent_id is not None:
                if parent_id == task_id or parent_id in descendants:
                    raise ServiceError("Không thể đặt một nhiệm vụ vào bên trong chính nó.")
                if _task_row(db, parent_id)["section_id"] != section_id:
                    raise ServiceError("Nhiệm vụ cha phải thuộc cùng mục với nhiệm vụ con.")
            for descendant in descendants:
                db["task"].update(descendant, {"section_id": section_id})
            db["task"].update(task_id, {"section_id": section_id, "parent_id": parent_id})
            _place(db, section_id, parent_id, task_id, position)
        return old

    def siblings(self, task_id: int) -> list[int]:
        """Ids of the task and its siblings, in order."""
        row = _task_row(self.store.db, task_id)
        return _sibling_ids(self.store.db, row["section_id"], row["parent_id"])

    def siblings_in(self, section_id: int, parent_id: int | None) -> list[int]:
        """Ids of the tasks directly under (section, parent), in order."""
        return _sibling_ids(self.store.db, section_id, parent_id)

    def delete(self, task_id: int) -> TaskSnapshot:
        """Delete the task and its sub-tasks; the snapshot brings them back."""
        with self.store.write() as db:
            snapshot = self.snapshot(task_id)
            db.execute("DELETE FROM task WHERE id = ?", [task_id])
        return snapshot

    def snapshot(self, task_id: int) -> TaskSnapshot:
        db = self.store.db
        _task_row(db, task_id)
        ids = [task_id] + _subtree_ids(db, task_id)
        marks = ",".join("?" * len(ids))

        def rows(sql: str) -> list[dict]:
            return list(db.query(sql.format(marks=marks), ids))

        return TaskSnapshot(
            tasks=rows("SELECT * FROM task WHERE id IN ({marks})"),
            links=rows("SELECT * FROM task_unit WHERE task_id IN ({marks})"),
            progress=rows("SELECT * FROM progress_update WHERE task_id IN ({marks})"),
            evidence=rows("SELECT * FROM evidence WHERE task_id IN ({marks})"),
        )

    def restore(self, snapshot: TaskSnapshot) -> None:
        """Put deleted tasks back exactly as they were (same ids, places, links, history)."""
        by_id = {row["id"]: row for row in snapshot.tasks}
        ordered = sorted(snapshot.tasks, key=lambda row: _depth(row, by_id))
        with self.store.write() as db:
            for row in ordered:
                db["task"].insert(row)
            for table, rows in (
                ("task_unit", snapshot.links),
                ("progress_update", snapshot.progress),
                ("evidence", snapshot.evidence),
            ):
                if rows:
                    db[table].insert_all(rows)


def _apply(task: Task, values: dict, plan_year: int) -> None:
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


def _load(db: sqlite_utils.Database, task_id: int) -> Task:
    task = repo.load_task(db, task_id)
    if task is None:
        raise NotFoundError(f"Không tìm thấy nhiệm vụ số {task_id}; có thể nó đã bị xóa.")
    return task


def _task_row(db: sqlite_utils.Database, task_id: int) -> dict:
    rows = list(db.query("SELECT * FROM task WHERE id = ?", [task_id]))
    if not rows:
        raise NotFoundError(f"Không tìm thấy nhiệm vụ số {task_id}; có thể nó đã bị xóa.")
    return rows[0]


def _section(db: sqlite_utils.Database, section_id: int) -> dict:
    rows = list(db.query("SELECT * FROM section WHERE id = ?", [section_id]))
    if not rows:
        raise NotFoundError(f"Không tìm thấy mục số {section_id} của kế hoạch.")
    return rows[0]


def _plan_year(db: sqlite_utils.Database, plan_id: int) -> int:
    return db.execute("SELECT year FROM plan WHERE id = ?", [plan_id]).fetchone()[0]


def _sibling_ids(db: sqlite_utils.Database, section_id: int, parent_id: int | None) -> list[int]:
    rows = db.execute(
        "SELECT id FROM task WHERE section_id = ? AND parent_id IS ? ORDER BY position, id",
        [section_id, parent_id],
    )
    return [row[0] for row in rows]


def _next_position(db: sqlite_utils.Database, section_id: int, parent_id: int | None) -> int:
    row = db.execute(
        "SELECT max(position) FROM task WHERE section_id = ? AND parent_id IS ?", [section_id, parent_id]
    ).fetchone()
    return 0 if row[0] is None else row[0] + 1


def _place(db: sqlite_utils.Database, section_id: int, parent_id: int | None, task_id: int, index: int) -> None:
    """Renumber the siblings 0, 1, 2 ... with the task at `index`."""
    order = [sibling for sibling in _sibling_ids(db, section_id, parent_id) if sibling != task_id]
    order.insert(max(0, min(index, len(order))), task_id)
    for position, sibling in enumerate(order):
        db.execute("UPDATE task SET position = ? WHERE id = ? AND position IS NOT ?", [position, sibling, position])


def _subtree_ids(db: sqlite_utils.Database, task_id: int) -> list[int]:
    rows = db.execute(
        "WITH RECURSIVE sub(id) AS (SELECT id FROM task WHERE parent_id = ? "
        "UNION ALL SELECT t.id FROM task t JOIN sub ON t.parent_id = sub.id) SELECT id FROM sub",
        [task_id],
    )
    return [row[0] for row in rows]


def _depth(row: dict, by_id: dict[int, dict]) -> int:
    depth = 0
    while row["parent_id"] in by_id:
        row = by_id[row["parent_id"]]
        depth += 1
    return depth
