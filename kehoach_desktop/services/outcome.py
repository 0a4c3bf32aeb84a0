"""What every write of the services returns: its value, what it changed, how to undo it."""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from typing import Generic, TypeVar

from kehoach_desktop.domain.changes import ChangeSet
from kehoach_desktop.store.snapshots import Scope, Snapshot, absent, capture, changes_between, combine

T = TypeVar("T")


@dataclass(frozen=True)
class Undo:
    """Putting `before` back undoes the write; refused unless the rows are still `after`
    (an undo never overwrites what was written since)."""

    before: Snapshot
    after: Snapshot


@dataclass(frozen=True)
class Outcome(Generic[T]):
    """A write's result: `value` (an id, counts … or None), the ids it changed, and
    its undo (None for writes that are not undone, such as remembering a setting)."""

    value: T
    changes: ChangeSet
    undo: Undo | None = None


class Recording:
    """Inside a write transaction: the rows of the write's scope before it, then after.

    `existing` rows are captured when named, so name them before changing them;
    rows the write creates are named with `created` (they had no row before).
    """

    def __init__(self, conn: sqlite3.Connection, scope: Scope = ()):
        self.conn = conn
        self.before = capture(conn, scope)

    def existing(self, scope: Scope) -> None:
        self.before = combine(self.before, capture(self.conn, scope))

    def created(self, scope: Scope) -> None:
        self.before = combine(self.before, absent(scope))

    def finish(self, value: T) -> Outcome[T]:
        after = capture(self.conn, self.before.scope())
        return Outcome(value, changes_between(self.before, after), Undo(self.before, after))


def no_change(value: T) -> Outcome[T]:
    return Outcome(value, ChangeSet())
