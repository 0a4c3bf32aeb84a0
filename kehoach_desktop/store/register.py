"""SQL of the register of issued documents (Sổ văn bản đã phát hành)."""

from __future__ import annotations

import json
import sqlite3
from datetime import date

from kehoach_desktop.domain.register import IssuedDocument, IssuedSummary

_SUMMARY_COLUMNS = "id, kind, kind_label, number, symbol, issued_on, title, period, plan_ids, figures, created_at"


def insert(conn: sqlite3.Connection, document: IssuedDocument, created_at: str) -> int:
    cursor = conn.execute(
        "INSERT INTO issued_document (kind, kind_label, number, symbol, issued_on, title, period, plan_ids, "
        "figures, pdf, docx, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [
            document.kind,
            document.kind_label,
            document.number,
            document.symbol,
            document.issued_on.isoformat(),
            document.title,
            document.period,
            json.dumps(list(document.plan_ids)),
            json.dumps(document.figures, ensure_ascii=False, sort_keys=True),
            document.pdf,
            document.docx,
            created_at,
        ],
    )
    return int(cursor.lastrowid or 0)


def summaries(conn: sqlite3.Connection) -> list[IssuedSummary]:
    """Every entry, newest first, without the documents' bytes."""
    rows = conn.execute(f"SELECT {_SUMMARY_COLUMNS} FROM issued_document ORDER BY issued_on DESC, id DESC")
    return [_summary(row) for row in rows]


def load(conn: sqlite3.Connection, document_id: int) -> IssuedDocument | None:
    row = conn.execute(f"SELECT {_SUMMARY_COLUMNS}, pdf, docx FROM issued_document WHERE id = ?", [document_id]).fetchone()
    if row is None:
        return None
    summary = _summary(row[:-2])
    return IssuedDocument.from_summary(summary, pdf=bytes(row[-2]), docx=bytes(row[-1]) if row[-1] is not None else None)


def delete(conn: sqlite3.Connection, document_id: int) -> None:
    conn.execute("DELETE FROM issued_document WHERE id = ?", [document_id])


def _summary(row: tuple) -> IssuedSummary:
    return IssuedSummary(
        id=row[0],
        kind=row[1],
        kind_label=row[2],
        number=row[3],
        symbol=row[4],
        issued_on=date.fromisoformat(row[5]),
        title=row[6],
        period=row[7],
        plan_ids=tuple(json.loads(row[8])),
        figures=json.loads(row[9]),
        created_at=row[10],
    )
