"""Copies of the database made with SQLite's online backup API.

Copying the live file is not a backup under WAL (safety.md): the backup API
writes a consistent copy to a temporary name, the copy is checked, and only
then renamed into place, so a full disk never leaves a half file behind.
"""

from __future__ import annotations

import os
import sqlite3
from datetime import datetime
from pathlib import Path

BACKUP_FOLDER = "sao-luu"


def backup_dir(db_path: Path) -> Path:
    """The backups folder next to the database."""
    return db_path.parent / BACKUP_FOLDER


def timestamp() -> str:
    return datetime.now().strftime("%Y%m%d-%H%M%S")


def backup_to(conn: sqlite3.Connection, target: Path) -> Path:
    """Write a verified copy of the database behind `conn` to `target`."""
    target = Path(target)
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = target.with_name(target.name + ".tmp")
    try:
        destination = sqlite3.connect(str(partial))
        try:
            conn.backup(destination)
            result = destination.execute("PRAGMA integrity_check").fetchone()[0]
        finally:
            destination.close()
        if result != "ok":
            raise sqlite3.DatabaseError(f"backup copy failed its check: {result}")
        os.replace(partial, target)
    finally:
        if partial.exists():
            partial.unlink()
    return target
