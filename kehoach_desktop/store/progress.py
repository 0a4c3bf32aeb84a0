"""Progress updates (per reporting period) and their evidence documents."""

from __future__ import annotations

import sqlite3
from collections import defaultdict
from collections.abc import Sequence
from datetime import date

from kehoach_desktop.domain.models import Evidence, ProgressPoint, ProgressUpdate
from kehoach_desktop.domain.periods import Period
from kehoach_desktop.domain.statuses import Status
from kehoach_desktop.store.rows import Row, insert_row, iso, marks, query, scalar, to_date

_WITH_UNIT_NAME = "SELECT p.*, u.name AS unit_name FROM progress_update p LEFT JOIN unit u ON u.id = p.unit_id "
_NEWEST_FIRST = "ORDER BY p.period_end DESC, p.reported_on DESC, p.id DESC"


def progress_from_row(row: Row) -> ProgressUpdate:
    return ProgressUpdate(
        id=row["id"],
        task_id=row["task_id"],
        period=row["period"],
        status=Status(row["status"]),
        percent=row["percent"],
        result=row["result"],
        difficulties=row["difficulties"],
        reported_on=to_date(row["reported_on"]),
        unit_id=row["unit_id"],
        unit_name=row.get("unit_name") or "",
    )


def evidence_from_row(row: Row) -> Evidence:
    return Evidence(
        id=row["id"],
        task_id=row["task_id"],
        progress_id=row["progress_id"],
        doc_number=row["doc_number"],
        issued_on=to_date(row["issued_on"]),
        summary=row["summary"],
        file_path=row["file_path"],
        stored_path=row.get("stored_path") or "",
        file_size=row.get("file_size"),
        file_sha256=row.get("file_sha256") or "",
    )


def evidence_row(evidence: Evidence) -> Row:
    return {
        "task_id": evidence.task_id,
        "progress_id": evidence.progress_id,
        "doc_number": evidence.doc_number,
        "issued_on": iso(evidence.issued_on),
        "summary": evidence.summary,
        "file_path": evidence.file_path,
        "stored_path": evidence.stored_path,
        "file_size": evidence.file_size,
        "file_sha256": evidence.file_sha256,
    }


# --- reading ---------------------------------------------------------------------------


def load_progress(conn: sqlite3.Connection, task_id: int) -> list[ProgressUpdate]:
    """A task's progress history, newest period first, with its evidence."""
    updates = [progress_from_row(row) for row in query(conn, _WITH_UNIT_NAME + "WHERE p.task_id = ? " + _NEWEST_FIRST, [task_id])]
    by_id = {update.id: update for update in updates}
    for row in query(conn, "SELECT * FROM evidence WHERE task_id = ? ORDER BY id", [task_id]):
        owner = by_id.get(row["progress_id"])
        if owner:
            owner.evidence.append(evidence_from_row(row))
    return updates


def load_task_evidence(conn: sqlite3.Connection, task_id: int) -> list[Evidence]:
    return [evidence_from_row(row) for row in query(conn, "SELECT * FROM evidence WHERE task_id = ? ORDER BY id", [task_id])]


def load_plan_progress(conn: sqlite3.Connection, plan_id: int, task_id: int | None = None) -> dict[int, list[ProgressUpdate]]:
    """Every update of the plan's tasks (or of one of them) with its evidence, newest first per task."""
    where, params = ("t.plan_id = ?", [plan_id]) if task_id is None else ("t.id = ?", [task_id])
    updates: dict[int, list[ProgressUpdate]] = defaultdict(list)
    by_id: dict[int | None, ProgressUpdate] = {}
    sql = _WITH_UNIT_NAME + f"JOIN task t ON t.id = p.task_id WHERE {where} " + _NEWEST_FIRST
    for row in query(conn, sql, params):
        update = progress_from_row(row)
        updates[row["task_id"]].append(update)
        by_id[update.id] = update
    evidence_sql = f"SELECT e.* FROM evidence e JOIN task t ON t.id = e.task_id WHERE {where} ORDER BY e.id"
    for row in query(conn, evidence_sql, params):
        owner = by_id.get(row["progress_id"])
        if owner:
            owner.evidence.append(evidence_from_row(row))
    return updates


def load_points(conn: sqlite3.Connection, plan_ids: Sequence[int]) -> dict[int, list[ProgressPoint]]:
    """Every progress update of the plans' tasks, reduced to a ProgressPoint, by task id (one query)."""
    if not plan_ids:
        return {}
    sql = (
        "SELECT p.id, p.task_id, p.period, p.period_end, p.reported_on, p.status, p.percent, p.result "
        f"FROM progress_update p JOIN task t ON t.id = p.task_id WHERE t.plan_id IN ({marks(plan_ids)})"
    )
    points: dict[int, list[ProgressPoint]] = defaultdict(list)
    for row in conn.execute(sql, list(plan_ids)):
        point = ProgressPoint(
            id=row[0], task_id=row[1], period=row[2], period_end=date.fromisoformat(row[3]),
            reported_on=date.fromisoformat(row[4]), status=Status(row[5]), percent=row[6], result=row[7],
        )  # fmt: skip
        points[point.task_id].append(point)
    return points


def latest_period_end(conn: sqlite3.Connection, task_id: int) -> str | None:
    """The end (ISO date) of the latest period the task has an update for."""
    found = scalar(conn, "SELECT max(period_end) FROM progress_update WHERE task_id = ?", [task_id])
    return str(found) if found else None


# --- writing (inside Store.write()) ----------------------------------------------------------


def insert_update(conn: sqlite3.Connection, update: ProgressUpdate, period: Period, reported_on: date, stamp: str) -> int:
    return insert_row(
        conn,
        "progress_update",
        {
            "task_id": update.task_id,
            "unit_id": update.unit_id,
            "period": period.code,
            "period_start": period.start.isoformat(),
            "period_end": period.end.isoformat(),
            "status": Status(update.status).value,
            "percent": update.percent,
            "result": update.result,
            "difficulties": update.difficulties,
            "reported_on": reported_on.isoformat(),
            "created_at": stamp,
        },
    )


def insert_evidence(conn: sqlite3.Connection, evidence: Evidence) -> int:
    return insert_row(conn, "evidence", evidence_row(evidence))


def delete_update(conn: sqlite3.Connection, update_id: int) -> None:
    """The update with its evidence (ON DELETE CASCADE)."""
    conn.execute("DELETE FROM progress_update WHERE id = ?", [update_id])


def update_ids(conn: sqlite3.Connection, task_ids: Sequence[int]) -> list[int]:
    return [row[0] for row in conn.execute(f"SELECT id FROM progress_update WHERE task_id IN ({marks(task_ids)})", list(task_ids))]
