"""The header last used for each kind of report (JSON of reports.model.ReportHeader)."""

from __future__ import annotations

import sqlite3

from kehoach_desktop.store.rows import scalar


def load(conn: sqlite3.Connection, kind: str) -> str | None:
    """The JSON text remembered for `kind`, None when there is none."""
    found = scalar(conn, "SELECT data FROM report_header WHERE kind = ?", [kind])
    return str(found) if found is not None else None


def save(conn: sqlite3.Connection, kind: str, data: str, stamp: str) -> None:
    """Inside Store.write(): remember `data` for `kind` (replacing what was there)."""
    conn.execute(
        "INSERT INTO report_header (kind, data, updated_at) VALUES (?, ?, ?) "
        "ON CONFLICT(kind) DO UPDATE SET data = excluded.data, updated_at = excluded.updated_at",
        [kind, data, stamp],
    )
