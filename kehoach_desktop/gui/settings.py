"""Window state and preferences (QSettings), kept in an .ini file in the data folder.

One file next to the database folder rather than the registry: tests redirect
it with KEHOACH_DATA_DIR, and a user moving to a new machine can copy it.
"""

from __future__ import annotations

from PySide6.QtCore import QSettings

from kehoach_desktop.store.location import data_dir

DEFAULTS = {
    "view/mode": "plan",
    "view/plan": "",
    "window/summary_hidden_on": "",
}


def open_settings() -> QSettings:
    folder = data_dir()
    folder.mkdir(parents=True, exist_ok=True)
    return QSettings(str(folder / "settings.ini"), QSettings.Format.IniFormat)


def value(settings: QSettings, key: str):
    return settings.value(key, DEFAULTS.get(key))
