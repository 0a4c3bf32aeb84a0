"""The tables the reports keep: the last header of each kind, the office's
report settings, the sentences rewritten by hand per report; and what the
report's narrative reads from the units' answers (progress and evidence).

Plain SQL on the connection (no sqlite-utils), so the types are what they say.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date

from kehoach_desktop.store.database import now_text


def _rows(db, sql: str, params=()) -> list:
    return list(db.execute(sql, list(params)).fetchall())


# --- the last header of each kind -----------------------------------------------------------


def load_header(db, kind: str) -> dict | None:
    rows = _rows(db, "SELECT data FROM report_header WHERE kind = ?", [kind])
    return _json(rows[0][0]) if rows else None


def save_header(db, kind: str, data: dict) -> None:
    db.execute(
        "INSERT INTO report_header (kind, data, updated_at) VALUES (?, ?, ?) "
        "ON CONFLICT(kind) DO UPDATE SET data = excluded.data, updated_at = excluded.updated_at",
        [kind, json.dumps(data, ensure_ascii=False), now_text()],
    )


# --- settings --------------------------------------------------------------------------------


def load_settings(db) -> dict[str, str]:
    return {row[0]: row[1] for row in _rows(db, "SELECT key, value FROM report_setting")}


def save_settings(db, values: dict[str, str]) -> None:
    for key, value in values.items():
        db.execute(
            "INSERT INTO report_setting (key, value, updated_at) VALUES (?, ?, ?) "
            "ON CONFLICT(key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at",
            [key, value, now_text()],
        )


# --- sentences rewritten by hand ---------------------------------------------------------------


def load_edits(db, report: str) -> dict[str, str]:
    rows = _rows(db, "SELECT data FROM report_text WHERE report = ?", [report])
    data = _json(rows[0][0]) if rows else None
    return {str(key): str(text) for key, text in (data or {}).items()}


def save_edits(db, report: str, edits: dict[str, str]) -> None:
    if not edits:
        db.execute("DELETE FROM report_text WHERE report = ?", [report])
        return
    db.execute(
        "INSERT INTO report_text (report, data, updated_at) VALUES (?, ?, ?) "
        "ON CONFLICT(report) DO UPDATE SET data = excluded.data, updated_at = excluded.updated_at",
        [report, json.dumps(edits, ensure_ascii=False), now_text()],
    )


def _json(text: str) -> dict | None:
    try:
        data = json.loads(text)
    except (TypeError, ValueError):  # a damaged entry is only a lost prefill
        return None
    return data if isinstance(data, dict) else None


# --- the units' answers, for the narrative -----------------------------------------------------


@dataclass(frozen=True)
class AnswerRow:
    """A unit's latest answer on a task known by the cut-off day."""

    task_id: int
    unit_id: int | None
    unit_name: str
    status: str
    result: str
    difficulties: str
    period_end: date
    progress_id: int


def latest_answers(db, plan_ids: list[int], cutoff: date) -> list[AnswerRow]:
    """Per (task, unit), its latest progress update for a period ended by `cutoff`
    or reported by then (the same "known on" rule as the report's statuses)."""
    if not plan_ids:
        return []
    marks = ",".join("?" * len(plan_ids))
    day = cutoff.isoformat()
    sql = (
        "SELECT p.id, p.task_id, p.unit_id, COALESCE(u.name, ''), p.status, p.result, p.difficulties, "
        "p.period_end, p.reported_on FROM progress_update p JOIN task t ON t.id = p.task_id "
        f"LEFT JOIN unit u ON u.id = p.unit_id WHERE t.plan_id IN ({marks}) "
        "AND (p.period_end <= ? OR p.reported_on <= ?) ORDER BY p.period_end, p.reported_on, p.id"
    )
    latest: dict[tuple, AnswerRow] = {}
    for row in _rows(db, sql, [*plan_ids, day, day]):
        answer = AnswerRow(row[1], row[2], row[3], row[4], row[5] or "", row[6] or "", date.fromisoformat(row[7]), row[0])
        latest[(answer.task_id, answer.unit_id)] = answer  # later rows win
    return list(latest.values())


@dataclass(frozen=True)
class EvidenceRow:
    task_id: int
    progress_id: int | None
    doc_number: str
    issued_on: date | None
    summary: str


def evidence_of(db, plan_ids: list[int]) -> list[EvidenceRow]:
    if not plan_ids:
        return []
    marks = ",".join("?" * len(plan_ids))
    sql = (
        "SELECT e.task_id, e.progress_id, e.doc_number, e.issued_on, e.summary FROM evidence e "
        f"JOIN task t ON t.id = e.task_id WHERE t.plan_id IN ({marks}) ORDER BY e.id"
    )
    return [
        EvidenceRow(row[0], row[1], row[2] or "", date.fromisoformat(row[3]) if row[3] else None, row[4] or "")
        for row in _rows(db, sql, plan_ids)
    ]
