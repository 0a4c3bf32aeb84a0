"""The window's report part (menu items, dialogs). install(window) adds it to the main window."""

from __future__ import annotations


def install(window) -> None:
    """Nothing yet."""
