"""Rows to domain objects and back. The only module that knows the tables' columns.

Loaders read a whole plan (or several) in a handful of queries, never one query
per row: the window shows 10,000 tasks at once.
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Iterable, Sequence
from datetime import date
from typing import TYPE_CHECKING

from kehoach_desktop.domain.deadlines import Deadline
from kehoach_desktop.domain.models import (
    Evidence,
    Plan,
    ProgressUpdate,
    Role,
    Section,
    Task,
    TaskUnit,
    Unit,
    UnitKind,
)
from kehoach_desktop.domain.statuses import Status

if TYPE_CHECKING:
    import sqlite_utils

PLAN_LIST_FIELDS = ("recipients", "legal_bases", "body", "columns", "appendix_heading")
PLAN_TEXT_FIELDS = (
    "title", "governing_body", "issuer", "issuer_abbr", "doc_number", "place", "date_text",
    "signer_title", "signer_name", "source_name", "source_digest",
)  # fmt: skip
TASK_TEXT_FIELDS = (
    "number", "content", "schedule_text", "output", "note", "target", "lead_text",
    "coordinate_text", "assignment_raw", "status_reason", "result",
)  # fmt: skip


def _iso(value: date | None) -> str | None:
    return value.isoformat() if value else None


def _date(value: str | None) -> date | None:
    return date.fromisoformat(value) if value else None


def _placeholders(values: Sequence) -> str:
    return ",".join("?" * len(values))


# --- plans -------------------------------------------------------------------


def plan_row(plan: Plan) -> dict:
    row = {name: getattr(plan, name) for name in PLAN_TEXT_FIELDS}
    row.update({name: json.dumps(getattr(plan, name), ensure_ascii=False) for name in PLAN_LIST_FIELDS})
    row["year"] = plan.year
    row["issued_on"] = _iso(plan.issued_on)
    return row


def plan_from_row(row: dict) -> Plan:
    plan = Plan(id=row["id"], year=row["year"], issued_on=_date(row["issued_on"]))
    for name in PLAN_TEXT_FIELDS:
        setattr(plan, name, row[name])
    for name in PLAN_LIST_FIELDS:
        setattr(plan, name, json.loads(row[name]))
    return plan


def load_plan(db: sqlite_utils.Database, plan_id: int) -> Plan | None:
    rows = list(db.query("SELECT * FROM plan WHERE id = ?", [plan_id]))
    return plan_from_row(rows[0]) if rows else None


def load_plans(db: sqlite_utils.Database) -> list[Plan]:
    return [plan_from_row(row) for row in db.query("SELECT * FROM plan ORDER BY year DESC, id")]


def task_counts(db: sqlite_utils.Database) -> dict[int, int]:
    return {
        row["plan_id"]: row["n"]
        for row in db.query("SELECT plan_id, count(*) AS n FROM task GROUP BY plan_id")
    }


# --- sections ------------------------------------------------------------------


def section_row(section: Section) -> dict:
    return {
        "plan_id": section.plan_id,
        "parent_id": section.parent_id,
        "ordinal": section.ordinal,
        "title": section.title,
        "area_code": section.area_code,
        "position": section.position,
    }


def section_from_row(row: dict) -> Section:
    return Section(
        id=row["id"],
        plan_id=row["plan_id"],
        parent_id=row["parent_id"],
        ordinal=row["ordinal"],
        title=row["title"],
        area_code=row["area_code"],
        position=row["position"],
    )


def load_sections(db: sqlite_utils.Database, plan_ids: Sequence[int]) -> list[Section]:
    """Sections of the plans, each plan's in printed order."""
    sql = (
        f"SELECT * FROM section WHERE plan_id IN ({_placeholders(plan_ids)}) "
        "ORDER BY plan_id, position, id"
    )
    return [section_from_row(row) for row in db.query(sql, list(plan_ids))]


# --- tasks ---------------------------------------------------------------------


def task_row(task: Task) -> dict:
    row = {name: getattr(task, name) for name in TASK_TEXT_FIELDS}
    row.update(
        plan_id=task.plan_id,
        section_id=task.section_id,
        parent_id=task.parent_id,
        position=task.position,
        deadline=json.dumps(task.deadline.to_json(), ensure_ascii=False),
        due_last=_iso(task.deadline.due[-1] if task.deadline.due else None),
        status=task.status.value,
        completed_on=_iso(task.completed_on),
    )
    if task.extras:  # (only then: the column's default is the empty list)
        row["extra"] = json.dumps([list(pair) for pair in task.extras], ensure_ascii=False)
    return row


def task_from_row(row: dict) -> Task:
    task = Task(
        id=row["id"],
        plan_id=row["plan_id"],
        section_id=row["section_id"],
        parent_id=row["parent_id"],
        position=row["position"],
        deadline=Deadline.from_json(row["schedule_text"], json.loads(row["deadline"])),
        status=Status(row["status"]),
        completed_on=_date(row["completed_on"]),
    )
    for name in TASK_TEXT_FIELDS:
        setattr(task, name, row[name])
    task.extras = [(str(title), str(text)) for title, text in json.loads(row.get("extra") or "[]")]
    return task


def load_tasks(db: sqlite_utils.Database, plan_ids: Sequence[int]) -> list[Task]:
    """Every task of the plans with its unit links, in section then tree order."""
    marks = _placeholders(plan_ids)
    tasks = [
        task_from_row(row)
        for row in db.query(
            f"SELECT * FROM task WHERE plan_id IN ({marks}) ORDER BY plan_id, section_id, position, id",
            list(plan_ids),
        )
    ]
    links = load_links(db, f"SELECT id FROM task WHERE plan_id IN ({marks})", list(plan_ids))
    for task in tasks:
        task.units = links.get(task.id, [])
    return tasks


def load_task(db: sqlite_utils.Database, task_id: int) -> Task | None:
    rows = list(db.query("SELECT * FROM task WHERE id = ?", [task_id]))
    if not rows:
        return None
    task = task_from_row(rows[0])
    task.units = load_links(db, "SELECT ?", [task_id]).get(task_id, [])
    return task


def load_links(db: sqlite_utils.Database, task_ids_sql: str, params: list) -> dict[int, list[TaskUnit]]:
    sql = (
        "SELECT tu.task_id, tu.unit_id, tu.role, u.name FROM task_unit tu "
        "JOIN unit u ON u.id = tu.unit_id "
        f"WHERE tu.task_id IN ({task_ids_sql}) ORDER BY tu.task_id, tu.role, tu.position"
    )
    links: dict[int, list[TaskUnit]] = defaultdict(list)
    for row in db.query(sql, params):
        links[row["task_id"]].append(TaskUnit(row["unit_id"], Role(row["role"]), row["name"]))
    return links


def replace_links(db: sqlite_utils.Database, task_id: int, links: Iterable[TaskUnit]) -> None:
    db.execute("DELETE FROM task_unit WHERE task_id = ?", [task_id])
    rows = link_rows(task_id, links)
    if rows:
        db["task_unit"].insert_all(rows)


def link_rows(task_id: int, links: Iterable[TaskUnit]) -> list[dict]:
    """The task_unit rows of a task's links: a unit once per role, at the place it
    was first named."""
    rows, seen = [], set()
    for position, link in enumerate(links):
        key = (link.unit_id, link.role)
        if key not in seen:
            seen.add(key)
            rows.append(
                {"task_id": task_id, "unit_id": link.unit_id, "role": link.role.value, "position": position}
            )
    return rows


# --- fast inserts (inside Store.write()) -------------------------------------------
#
# sqlite-utils' Table.insert() reads the table's schema again on every call
# (table_names, columns, pks): for a plan of a few hundred rows that cost more
# than reading the file. These run plain prepared statements on the
# transaction's connection; SQLite assigns ids exactly as it did before.


def insert_row(db, table: str, row: dict) -> int:
    """Insert one row (column names as the dict's keys); returns its rowid."""
    sql = _insert_sql(table, tuple(row))
    return db.execute(sql, list(row.values())).lastrowid


def insert_rows(db, table: str, rows: list[dict]) -> None:
    """Insert rows that all have the same keys, in order, in one executemany."""
    if not rows:
        return
    columns = tuple(rows[0])
    db.conn.executemany(_insert_sql(table, columns), [[row[name] for name in columns] for row in rows])


_INSERT_SQL: dict[tuple[str, tuple[str, ...]], str] = {}


def _insert_sql(table: str, columns: tuple[str, ...]) -> str:
    sql = _INSERT_SQL.get((table, columns))
    if sql is None:
        names = ", ".join(f'"{name}"' for name in columns)
        sql = f'INSERT INTO "{table}" ({names}) VALUES ({_placeholders(columns)})'
        _INSERT_SQL[(table, columns)] = sql
    return sql


# --- units -----------------------------------------------------------------------


def unit_from_row(row: dict, aliases: list[str]) -> Unit:
    return Unit(
        id=row["id"],
        name=row["name"],
        short_name=row["short_name"],
        kind=UnitKind(row["kind"]),
        aliases=aliases,
    )


def load_units(db: sqlite_utils.Database) -> list[Unit]:
    aliases: dict[int, list[str]] = defaultdict(list)
    for row in db.query("SELECT unit_id, alias FROM unit_alias ORDER BY id"):
        aliases[row["unit_id"]].append(row["alias"])
    return [
        unit_from_row(row, aliases.get(row["id"], []))
        for row in db.query("SELECT * FROM unit ORDER BY name COLLATE NOCASE")
    ]


# --- progress and evidence ---------------------------------------------------------------


def progress_from_row(row: dict) -> ProgressUpdate:
    return ProgressUpdate(
        id=row["id"],
        task_id=row["task_id"],
        period=row["period"],
        status=Status(row["status"]),
        percent=row["percent"],
        result=row["result"],
        difficulties=row["difficulties"],
        reported_on=_date(row["reported_on"]),
        unit_id=row["unit_id"],
        unit_name=row.get("unit_name") or "",
    )


def evidence_from_row(row: dict) -> Evidence:
    return Evidence(
        id=row["id"],
        task_id=row["task_id"],
        progress_id=row["progress_id"],
        doc_number=row["doc_number"],
        issued_on=_date(row["issued_on"]),
        summary=row["summary"],
        file_path=row["file_path"],
    )


def evidence_row(evidence: Evidence) -> dict:
    return {
        "task_id": evidence.task_id,
        "progress_id": evidence.progress_id,
        "doc_number": evidence.doc_number,
        "issued_on": _iso(evidence.issued_on),
        "summary": evidence.summary,
        "file_path": evidence.file_path,
    }


def load_progress(db: sqlite_utils.Database, task_id: int) -> list[ProgressUpdate]:
    """A task's progress history, newest period first, with its evidence."""
    updates = [
        progress_from_row(row)
        for row in db.query(
            "SELECT p.*, u.name AS unit_name FROM progress_update p "
            "LEFT JOIN unit u ON u.id = p.unit_id WHERE p.task_id = ? "
            "ORDER BY p.period_end DESC, p.reported_on DESC, p.id DESC",
            [task_id],
        )
    ]
    by_id = {update.id: update for update in updates}
    for row in db.query("SELECT * FROM evidence WHERE task_id = ? ORDER BY id", [task_id]):
        owner = by_id.get(row["progress_id"])
        if owner:
            owner.evidence.append(evidence_from_row(row))
    return updates


def load_task_evidence(db: sqlite_utils.Database, task_id: int) -> list[Evidence]:
    return [
        evidence_from_row(row)
        for row in db.query("SELECT * FROM evidence WHERE task_id = ? ORDER BY id", [task_id])
    ]
