"""Undo and redo of any write: its rows put back as they were (store.snapshots)."""

from __future__ import annotations

import sqlite3

from kehoach_desktop.services.errors import ServiceError
from kehoach_desktop.services.outcome import Outcome, Undo
from kehoach_desktop.store import Store
from kehoach_desktop.store.snapshots import capture, changes_between, put_back, same

CHANGED_SINCE = (
    "Dữ liệu liên quan đã thay đổi sau đó (có thao tác khác vừa sửa cùng các nhiệm vụ, đơn vị hay báo cáo), "
    "nên không đưa về như trước được."
)


class UndoService:
    def __init__(self, store: Store):
        self.store = store

    def put_back(self, undo: Undo) -> Outcome[None]:
        """Write `undo.before` again, in one transaction. Refused (database unchanged)
        unless the rows are still `undo.after`. The outcome's undo is the redo."""
        try:
            with self.store.write() as conn:
                current = capture(conn, undo.before.scope())
                if not same(current, undo.after):
                    raise ServiceError(CHANGED_SINCE)
                put_back(conn, undo.before, current)
        except sqlite3.IntegrityError as exc:  # a row put back would break a link (checked at COMMIT)
            raise ServiceError(f"{CHANGED_SINCE} ({exc})") from exc
        return Outcome(None, changes_between(current, undo.before), Undo(current, undo.before))
