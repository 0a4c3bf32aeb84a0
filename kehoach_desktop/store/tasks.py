"""Tasks and their unit links: rows to objects and back, and every statement on them.

Loaders read a whole plan (or several) in a handful of queries, never one query
per row: the window shows 10,000 tasks at once.
"""

from __future__ import annotations

import json
import sqlite3
from collections import defaultdict
from collections.abc import Iterable, Sequence

from kehoach_desktop.domain.deadlines import Deadline
from kehoach_desktop.domain.models import Role, Task, TaskUnit
from kehoach_desktop.domain.statuses import Status
from kehoach_desktop.store.rows import CHUNK, Row, chunks, column, insert_row, insert_rows, iso, marks, query, to_date

TASK_TEXT_FIELDS = (
    "number", "content", "schedule_text", "output", "note", "target", "lead_text",
    "coordinate_text", "assignment_raw", "status_reason", "result",
)  # fmt: skip
# The task fields a progress update sets (and puts back on undo).
PROGRESS_FIELDS = ("status", "result", "completed_on", "status_reason")


def task_row(task: Task) -> Row:
    row: Row = {name: getattr(task, name) for name in TASK_TEXT_FIELDS}
    row.update(
        plan_id=task.plan_id,
        section_id=task.section_id,
        parent_id=task.parent_id,
        position=task.position,
        deadline=json.dumps(task.deadline.to_json(), ensure_ascii=False),
        due_last=iso(task.deadline.due[-1] if task.deadline.due else None),
        status=task.status.value,
        completed_on=iso(task.completed_on),
    )
    if task.extras:  # (only then: the column's default is the empty list)
        row["extra"] = json.dumps([list(pair) for pair in task.extras], ensure_ascii=False)
    return row


def task_from_row(row: Row) -> Task:
    task = Task(
        id=row["id"],
        plan_id=row["plan_id"],
        section_id=row["section_id"],
        parent_id=row["parent_id"],
        position=row["position"],
        deadline=_deadline(row["schedule_text"], row["deadline"]),
        status=Status(row["status"]),
        completed_on=to_date(row["completed_on"]),
    )
    for name in TASK_TEXT_FIELDS:
        setattr(task, name, row[name])
    task.extras = [(str(title), str(text)) for title, text in json.loads(row.get("extra") or "[]")]
    return task


# The same deadline text is read many times over in a plan ("Thường xuyên", "Quý III/2025"):
# a Deadline is immutable, so one object serves every task with the same text and stored meaning.
_DEADLINES: dict[tuple[str, str], Deadline] = {}


def _deadline(text: str, stored: str) -> Deadline:
    key = (text, stored)
    found = _DEADLINES.get(key)
    if found is None:
        if len(_DEADLINES) > 4096:
            _DEADLINES.clear()
        found = _DEADLINES[key] = Deadline.from_json(text, json.loads(stored))
    return found


def _read_tasks(conn: sqlite3.Connection, sql: str, params: Sequence[object]) -> list[Task]:
    """Tasks from rows, without a dict per row (10,000 of them at a time)."""
    cursor = conn.execute(sql, params)
    at = {column[0]: index for index, column in enumerate(cursor.description)}
    texts = [(name, at[name]) for name in TASK_TEXT_FIELDS]
    id_, plan, section, parent, position = at["id"], at["plan_id"], at["section_id"], at["parent_id"], at["position"]
    schedule, stored, status, completed = at["schedule_text"], at["deadline"], at["status"], at["completed_on"]
    extra = at.get("extra")
    statuses = {status_.value: status_ for status_ in Status}
    tasks = []
    for row in cursor:
        task = Task(
            id=row[id_], plan_id=row[plan], section_id=row[section], parent_id=row[parent], position=row[position],
            deadline=_deadline(row[schedule], row[stored]), status=statuses[row[status]],
            completed_on=to_date(row[completed]),
        )  # fmt: skip
        for name, index in texts:
            setattr(task, name, row[index])
        if extra is not None and row[extra] and row[extra] != "[]":  # extra columns kept from the plan
            task.extras = [(str(title), str(text)) for title, text in json.loads(row[extra])]
        tasks.append(task)
    return tasks


# --- reading --------------------------------------------------------------------------


def load_tasks(conn: sqlite3.Connection, plan_ids: Sequence[int]) -> list[Task]:
    """Every task of the plans with its unit links, in section then tree order."""
    ids = list(plan_ids)
    plans = marks(ids)
    sql = f"SELECT * FROM task WHERE plan_id IN ({plans}) ORDER BY plan_id, section_id, position, id"
    tasks = _read_tasks(conn, sql, ids)
    links = load_links(conn, f"SELECT id FROM task WHERE plan_id IN ({plans})", ids)
    for task in tasks:
        task.units = links.get(task.id, [])
    return tasks


def load_tasks_in_sections(conn: sqlite3.Connection, section_ids: Sequence[int], limit: int = -1) -> list[Task]:
    """The tasks of the sections (not their sub-sections) with their unit links, at most
    `limit` of them (-1: all), the first sections' first."""
    ids = list(section_ids)
    sections = marks(ids)
    sql = f"SELECT * FROM task WHERE section_id IN ({sections}) ORDER BY section_id, position, id LIMIT ?"
    tasks = _read_tasks(conn, sql, [*ids, limit])
    if 0 <= limit <= CHUNK:
        links = load_links(conn, marks(tasks), [task.id for task in tasks]) if tasks else {}
    else:
        links = load_links(conn, f"SELECT id FROM task WHERE section_id IN ({sections})", ids)
    for task in tasks:
        task.units = links.get(task.id, [])
    return tasks


def section_counts(conn: sqlite3.Connection, plan_ids: Sequence[int]) -> dict[int, int]:
    """section id → how many tasks it has (its sub-sections' apart)."""
    ids = list(plan_ids)
    sql = f"SELECT section_id, count(*) FROM task WHERE plan_id IN ({marks(ids)}) GROUP BY section_id"
    return {row[0]: row[1] for row in conn.execute(sql, ids)}


def load_tasks_by_id(conn: sqlite3.Connection, task_ids: Iterable[int]) -> list[Task]:
    """The tasks with these ids that exist, with their unit links."""
    tasks: list[Task] = []
    for part in chunks(task_ids):
        found = _read_tasks(conn, f"SELECT * FROM task WHERE id IN ({marks(part)})", part)
        links = load_links(conn, marks(part), part)
        for task in found:
            task.units = links.get(task.id, [])
        tasks += found
    return tasks


def load_task(conn: sqlite3.Connection, task_id: int) -> Task | None:
    found = load_tasks_by_id(conn, [task_id])
    return found[0] if found else None


def load_links(conn: sqlite3.Connection, task_ids_sql: str, params: Sequence[object]) -> dict[int, list[TaskUnit]]:
    """Unit links of the tasks `task_ids_sql` selects (a sub-query or a list of marks)."""
    sql = (
        "SELECT tu.task_id, tu.unit_id, tu.role, u.name FROM task_unit tu "
        "JOIN unit u ON u.id = tu.unit_id "
        f"WHERE tu.task_id IN ({task_ids_sql}) ORDER BY tu.task_id, tu.role, tu.position"
    )
    links: dict[int, list[TaskUnit]] = defaultdict(list)
    roles = {role.value: role for role in Role}
    for task_id, unit_id, role, name in conn.execute(sql, params):
        links[task_id].append(TaskUnit(unit_id, roles[role], name))
    return links


def task_place(conn: sqlite3.Connection, task_id: int) -> Row | None:
    """{plan_id, section_id, parent_id, position} of the task, None when it is gone."""
    cursor = conn.execute("SELECT plan_id, section_id, parent_id, position FROM task WHERE id = ?", [task_id])
    row = cursor.fetchone()
    return dict(zip(("plan_id", "section_id", "parent_id", "position"), row)) if row else None


def progress_fields(conn: sqlite3.Connection, task_id: int) -> Row | None:
    """The task fields progress updates set (PROGRESS_FIELDS), None when the task is gone."""
    cursor = conn.execute(f"SELECT {', '.join(PROGRESS_FIELDS)} FROM task WHERE id = ?", [task_id])
    row = cursor.fetchone()
    return dict(zip(PROGRESS_FIELDS, row)) if row else None


def sibling_ids(conn: sqlite3.Connection, section_id: int, parent_id: int | None) -> list[int]:
    """Ids of the tasks directly under (section, parent), in order."""
    return column(
        conn, "SELECT id FROM task WHERE section_id = ? AND parent_id IS ? ORDER BY position, id", [section_id, parent_id]
    )


def next_position(conn: sqlite3.Connection, section_id: int, parent_id: int | None) -> int:
    row = conn.execute(
        "SELECT max(position) FROM task WHERE section_id = ? AND parent_id IS ?", [section_id, parent_id]
    ).fetchone()
    return 0 if row[0] is None else row[0] + 1


def subtree_ids(conn: sqlite3.Connection, task_id: int) -> list[int]:
    """Ids of every task below `task_id` (children, their children …)."""
    return column(
        conn,
        "WITH RECURSIVE sub(id) AS (SELECT id FROM task WHERE parent_id = ? "
        "UNION ALL SELECT t.id FROM task t JOIN sub ON t.parent_id = sub.id) SELECT id FROM sub",
        [task_id],
    )


def plan_task_ids(conn: sqlite3.Connection, plan_id: int) -> list[int]:
    return column(conn, "SELECT id FROM task WHERE plan_id = ? ORDER BY id", [plan_id])


def plan_task_rows(conn: sqlite3.Connection, plan_id: int) -> list[Row]:
    return query(conn, "SELECT * FROM task WHERE plan_id = ? ORDER BY id", [plan_id])


def ids_linked_to(conn: sqlite3.Connection, unit_ids: Iterable[int]) -> list[int]:
    """Tasks linked (in any role) to one of the units."""
    ids = list(unit_ids)
    return column(conn, f"SELECT DISTINCT task_id FROM task_unit WHERE unit_id IN ({marks(ids)})", ids)


# --- writing (inside Store.write()) ------------------------------------------------------


def insert_task(conn: sqlite3.Connection, task: Task) -> int:
    return insert_row(conn, "task", task_row(task))


def update_task(conn: sqlite3.Connection, task_id: int, values: Row) -> None:
    if values:
        assignments = ", ".join(f'"{name}" = ?' for name in values)
        conn.execute(f"UPDATE task SET {assignments} WHERE id = ?", [*values.values(), task_id])


def delete_task(conn: sqlite3.Connection, task_id: int) -> None:
    """The task with its sub-tasks, links, progress and evidence (ON DELETE CASCADE)."""
    conn.execute("DELETE FROM task WHERE id = ?", [task_id])


def set_section(conn: sqlite3.Connection, task_ids: Iterable[int], section_id: int) -> None:
    conn.executemany("UPDATE task SET section_id = ? WHERE id = ?", [(section_id, task_id) for task_id in task_ids])


def renumber(conn: sqlite3.Connection, ordered_ids: Sequence[int]) -> None:
    """Positions 0, 1, 2 … in the given order (rows already right are not written)."""
    conn.executemany(
        "UPDATE task SET position = ? WHERE id = ? AND position IS NOT ?",
        [(position, task_id, position) for position, task_id in enumerate(ordered_ids)],
    )


def replace_links(conn: sqlite3.Connection, task_id: int, links: Iterable[TaskUnit]) -> None:
    conn.execute("DELETE FROM task_unit WHERE task_id = ?", [task_id])
    insert_rows(conn, "task_unit", link_rows(task_id, links))


def link_rows(task_id: int, links: Iterable[TaskUnit]) -> list[Row]:
    """The task_unit rows of a task's links: a unit once per role, at the place it
    was first named."""
    rows: list[Row] = []
    seen: set[tuple[int, Role]] = set()
    for position, link in enumerate(links):
        key = (link.unit_id, link.role)
        if key not in seen:
            seen.add(key)
            rows.append({"task_id": task_id, "unit_id": link.unit_id, "role": link.role.value, "position": position})
    return rows
