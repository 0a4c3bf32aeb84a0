"""The meanings users gave column headers when importing (table column_choice).

Read before a table is interpreted, so that a header the user has mapped once
("Hồ sơ" → Kết quả, sản phẩm) is read the same way in the next plan.
"""

from __future__ import annotations

import sqlite3

from kehoach_desktop.store.database import now_text


def load(conn: sqlite3.Connection) -> dict[str, str]:
    """{folded header words: meaning code}."""
    return {row[0]: row[1] for row in conn.execute("SELECT header_key, meaning FROM column_choice")}


def save(conn: sqlite3.Connection, choices: dict[str, str]) -> None:
    """Remember (or replace) the meaning of each header."""
    stamp = now_text()
    conn.executemany(
        "INSERT INTO column_choice (header_key, meaning, updated_at) VALUES (?, ?, ?) "
        "ON CONFLICT(header_key) DO UPDATE SET meaning = excluded.meaning, updated_at = excluded.updated_at",
        [(key, meaning, stamp) for key, meaning in choices.items() if key],
    )
