"""What the unit forms carry of the database: its own random id (in app_meta).

A form names its plan by (database id, plan id, plan created_at), so a form made
from another database — even with the same plan id and time — is recognised
(the plans' side of it is store.plans.identities).
"""

from __future__ import annotations

import sqlite3
import uuid

from kehoach_desktop.store.rows import scalar

DATABASE_ID_KEY = "database_id"


def database_id(conn: sqlite3.Connection) -> str:
    """This database's id, "" when it has none yet."""
    return str(scalar(conn, "SELECT value FROM app_meta WHERE key = ?", [DATABASE_ID_KEY]) or "")


def create_database_id(conn: sqlite3.Connection) -> str:
    """Inside Store.write(): the id, made now when there is none."""
    conn.execute("INSERT OR IGNORE INTO app_meta (key, value) VALUES (?, ?)", [DATABASE_ID_KEY, uuid.uuid4().hex])
    return database_id(conn)
