"""Where the user's database lives by default.

Windows: %LOCALAPPDATA%\\KeHoachDesktop (local, never the roaming profile or a
synced folder: SQLite's WAL needs a local disk). Elsewhere: the XDG data folder.
KEHOACH_DATA_DIR overrides both (tests, portable use).
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from kehoach_desktop import APP_NAME

DB_FILE_NAME = "kehoach.db"


def data_dir() -> Path:
    override = os.environ.get("KEHOACH_DATA_DIR")
    if override:
        return Path(override)
    if sys.platform == "win32":
        base = os.environ.get("LOCALAPPDATA") or str(Path.home() / "AppData" / "Local")
        return Path(base) / APP_NAME
    if sys.platform == "darwin":
        return Path.home() / "Library" / "Application Support" / APP_NAME
    base = os.environ.get("XDG_DATA_HOME") or str(Path.home() / ".local" / "share")
    return Path(base) / "kehoach-desktop"


def default_db_path() -> Path:
    return data_dir() / DB_FILE_NAME
