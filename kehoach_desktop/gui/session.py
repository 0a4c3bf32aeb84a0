"""The open database, as the window's parts see it: one owner that announces every change.

The session owns the `Services` of the open file. Every write made through it
(`write`, `put_back`, or `announce` for a write made on a worker thread with its
own connection) is followed by `changed(ChangeSet)`: the tree, the detail panel,
the banner, the status bar, the unit filter and the reporting panel update what
they show of those ids, without reading everything again. When the file itself
is replaced (a backup restored) the session opens it anew and says `reopened()`:
the parts read everything again. Parts hold the session, never the services, so
they always use the file open now.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

from PySide6.QtCore import QObject, Signal

from kehoach_desktop.domain.changes import ChangeSet
from kehoach_desktop.services import Outcome, Services, Undo

T = TypeVar("T")


class Session(QObject):
    changed = Signal(object)  # ChangeSet
    reopened = Signal()

    def __init__(self, services: Services, db_path: Path, parent: QObject | None = None):
        super().__init__(parent)
        self._services = services
        self.db_path = Path(db_path)

    @property
    def services(self) -> Services:
        return self._services

    @property
    def readonly(self) -> bool:
        return self._services.store.readonly

    def write(self, action: Callable[[Services], Outcome[T]]) -> Outcome[T]:
        """Run one write of the services and announce what it changed."""
        outcome = action(self._services)
        self.announce(outcome.changes)
        return outcome

    def put_back(self, undo: Undo) -> Outcome[None]:
        """Undo (or redo) a write; the outcome's undo goes the other way."""
        return self.write(lambda services: services.undo.put_back(undo))

    def announce(self, changes: ChangeSet) -> None:
        """Tell every part what changed (also for writes made with another connection)."""
        if not changes.empty:
            self.changed.emit(changes)

    def reopen(self, services: Services) -> None:
        """The file was replaced and opened anew: use `services` from now on (the old
        ones must be closed already) and let every part read everything again."""
        self._services = services
        self.reopened.emit()

    def close(self) -> None:
        self._services.close()
