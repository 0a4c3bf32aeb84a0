"""SQL of the journal of changes to tasks (written by the triggers of db/005_journal.sql)."""

from __future__ import annotations

import sqlite3

from kehoach_desktop.domain.journal import JournalEntry

_COLUMNS = "j.id, j.task_id, j.plan_id, j.field, j.old, j.new, j.at, j.source, j.detail, t.number, t.content"


def entries(conn: sqlite3.Connection, plan_ids: list[int], task_id: int | None = None, limit: int = 5000) -> list[JournalEntry]:
    """Newest first."""
    marks = ",".join("?" * len(plan_ids))
    sql = f"SELECT {_COLUMNS} FROM task_journal j LEFT JOIN task t ON t.id = j.task_id WHERE j.plan_id IN ({marks})"
    params: list = list(plan_ids)
    if task_id is not None:
        sql += " AND j.task_id = ?"
        params.append(task_id)
    sql += " ORDER BY j.id DESC LIMIT ?"
    params.append(limit)
    return [JournalEntry(*row) for row in conn.execute(sql, params)]


def add_plan_entry(conn: sqlite3.Connection, plan_id: int, field: str, old: str | None, new: str | None) -> None:
    """An entry about a whole plan (imported, deleted): no task."""
    conn.execute(
        "INSERT INTO task_journal (task_id, plan_id, field, old, new, source, detail) "
        "SELECT NULL, ?, ?, ?, ?, source, detail FROM change_context",
        [plan_id, field, old, new],
    )


def size_bytes(conn: sqlite3.Connection) -> int:
    """Bytes the journal's table and index take in the file (dbstat when SQLite has it)."""
    try:
        row = conn.execute(
            "SELECT sum(pgsize) FROM dbstat WHERE name IN ('task_journal', 'task_journal_task')"
        ).fetchone()
        return int(row[0] or 0)
    except sqlite3.OperationalError:
        row = conn.execute(
            "SELECT sum(length(field) + coalesce(length(old), 0) + coalesce(length(new), 0) + length(at) "
            "+ length(source) + length(detail) + 24) FROM task_journal"
        ).fetchone()
        return int(row[0] or 0)
