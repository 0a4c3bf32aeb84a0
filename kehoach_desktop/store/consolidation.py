"""SQL behind consolidation: the units' answers and the office's decisions of some
plans, as domain objects (domain/consolidation.py)."""

from __future__ import annotations

import sqlite3
from collections import defaultdict
from datetime import date

from kehoach_desktop.domain.consolidation import Answer, EvidenceRef, OfficeDecision
from kehoach_desktop.domain.statuses import Status


def _marks(ids: list[int]) -> str:
    return ",".join("?" * len(ids))


def load_answers(conn: sqlite3.Connection, plan_ids: list[int]) -> dict[int, list[Answer]]:
    """Every answer on the plans' tasks, with its evidence, by task id (two queries)."""
    if not plan_ids:
        return {}
    marks = _marks(plan_ids)
    evidence: dict[int, list[EvidenceRef]] = defaultdict(list)
    for progress_id, number, issued, summary in conn.execute(
        f"SELECT e.progress_id, e.doc_number, e.issued_on, e.summary FROM evidence e JOIN task t ON t.id = e.task_id "
        f"WHERE t.plan_id IN ({marks}) AND e.progress_id IS NOT NULL ORDER BY e.id",
        plan_ids,
    ):
        evidence[progress_id].append(EvidenceRef(number, date.fromisoformat(issued) if issued else None, summary))
    answers: dict[int, list[Answer]] = defaultdict(list)
    rows = conn.execute(
        "SELECT p.id, p.task_id, p.unit_id, coalesce(u.name, ''), p.period, p.period_start, p.period_end, "
        "p.reported_on, p.status, p.percent, p.result, p.difficulties FROM progress_update p "
        f"JOIN task t ON t.id = p.task_id LEFT JOIN unit u ON u.id = p.unit_id WHERE t.plan_id IN ({marks})",
        plan_ids,
    )
    for row in rows:
        status = Status(row[8])
        answers[row[1]].append(
            Answer(
                id=row[0], task_id=row[1], unit_id=row[2], unit_name=row[3], period_code=row[4],
                period_start=date.fromisoformat(row[5]), period_end=date.fromisoformat(row[6]),
                reported_on=date.fromisoformat(row[7]), status=status, percent=row[9], result=row[10],
                difficulties=row[11] if status is not Status.NOT_DONE else "",
                reason=row[11] if status is Status.NOT_DONE else "",
                evidence=tuple(evidence.get(row[0], ())),
            )  # fmt: skip
        )
    return answers


def load_decisions(conn: sqlite3.Connection, plan_ids: list[int]) -> dict[int, list[OfficeDecision]]:
    if not plan_ids:
        return {}
    decisions: dict[int, list[OfficeDecision]] = defaultdict(list)
    rows = conn.execute(
        "SELECT d.id, d.task_id, d.period, d.period_end, d.decided_on, d.status, d.note, d.completed_on "
        f"FROM office_decision d JOIN task t ON t.id = d.task_id WHERE t.plan_id IN ({_marks(plan_ids)})",
        plan_ids,
    )
    for row in rows:
        decisions[row[1]].append(_decision(row))
    return decisions


def _decision(row: tuple) -> OfficeDecision:
    return OfficeDecision(
        id=row[0], task_id=row[1], period_code=row[2], period_end=date.fromisoformat(row[3]),
        decided_on=date.fromisoformat(row[4]), status=Status(row[5]), note=row[6],
        completed_on=date.fromisoformat(row[7]) if row[7] else None,
    )  # fmt: skip


def insert_decision(conn: sqlite3.Connection, decision: OfficeDecision, created_at: str) -> int:
    cursor = conn.execute(
        "INSERT INTO office_decision (task_id, period, period_end, decided_on, status, note, completed_on, created_at) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        [decision.task_id, decision.period_code, decision.period_end.isoformat(), decision.decided_on.isoformat(),
         decision.status.value, decision.note,
         decision.completed_on.isoformat() if decision.completed_on else None, created_at],
    )  # fmt: skip
    return int(cursor.lastrowid or 0)


def decision_row(conn: sqlite3.Connection, decision_id: int) -> OfficeDecision | None:
    row = conn.execute(
        "SELECT id, task_id, period, period_end, decided_on, status, note, completed_on FROM office_decision WHERE id = ?",
        [decision_id],
    ).fetchone()
    return _decision(row) if row else None


def delete_decision(conn: sqlite3.Connection, decision_id: int) -> None:
    conn.execute("DELETE FROM office_decision WHERE id = ?", [decision_id])


def restore_decision(conn: sqlite3.Connection, decision: OfficeDecision, created_at: str) -> None:
    """Put a deleted decision back with its own id (undo of a withdrawal)."""
    conn.execute(
        "INSERT INTO office_decision (id, task_id, period, period_end, decided_on, status, note, completed_on, created_at) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [decision.id, decision.task_id, decision.period_code, decision.period_end.isoformat(),
         decision.decided_on.isoformat(), decision.status.value, decision.note,
         decision.completed_on.isoformat() if decision.completed_on else None, created_at],
    )  # fmt: skip
