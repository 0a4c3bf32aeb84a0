"""Undo by putting rows back: a snapshot of the rows a write touches, taken inside it.

A write knows which rows it may touch (its scope: "the task rows of these ids",
"the unit links of this task", "the progress updates of these tasks" …). It
captures them before it changes anything and again at the end. Putting the
"before" rows back undoes it; the rows that were replaced are the redo. This is
the one undo mechanism of the program: task edits with the units they created,
moves, deletions, progress updates, unit-directory edits, plan import and plan
deletion all go back this way, each in one transaction.

Rows a write creates (a new task, a plan just imported) belong to its scope as
ids that had no row before: putting "before" back deletes them.

The diff between two snapshots of one scope also says what changed (a
ChangeSet), the same way for a write and for its undo.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from kehoach_desktop.domain.changes import ChangeSet
from kehoach_desktop.store.rows import Row, marks, rows_in

# Tables in the order their rows may be inserted (parents first).
TABLE_ORDER = (
    "plan", "section", "unit", "unit_alias", "collective_member", "outside_body", "task", "task_unit",
    "progress_update", "evidence", "office_decision",
)  # fmt: skip
PRIMARY_KEYS: dict[str, tuple[str, ...]] = {
    "task_unit": ("task_id", "unit_id", "role"),
    "collective_member": ("collective_id", "unit_id"),
}
# Columns pointing at a row of the same table: such rows go in parents first.
SELF_REFERENCES = {"task": "parent_id", "section": "parent_id"}


def primary_key(table: str) -> tuple[str, ...]:
    return PRIMARY_KEYS.get(table, ("id",))


@dataclass(frozen=True)
class Part:
    """Every row of `table` whose `column` is one of `keys` (possibly none of them yet)."""

    table: str
    column: str
    keys: tuple[int, ...]
    rows: tuple[Row, ...]

    def by_key(self) -> dict[tuple, Row]:
        key = primary_key(self.table)
        return {tuple(row[name] for name in key): row for row in self.rows}


@dataclass(frozen=True)
class Snapshot:
    parts: tuple[Part, ...]

    def scope(self) -> list[tuple[str, str, tuple[int, ...]]]:
        return [(part.table, part.column, part.keys) for part in self.parts]

    def __bool__(self) -> bool:
        return bool(self.parts)


Scope = Iterable[tuple[str, str, Iterable[int]]]


def capture(conn: sqlite3.Connection, scope: Scope) -> Snapshot:
    """The rows of `scope` as they are now."""
    parts = []
    for table, column, keys in scope:
        ids = tuple(sorted(set(keys)))
        order = ", ".join(primary_key(table))
        parts.append(Part(table, column, ids, tuple(rows_in(conn, table, column, ids, order)) if ids else ()))
    return Snapshot(tuple(sorted(parts, key=lambda part: TABLE_ORDER.index(part.table))))


def absent(scope: Scope) -> Snapshot:
    """The scope as it was before rows with those keys existed (nothing)."""
    parts = [Part(table, column, tuple(sorted(set(keys))), ()) for table, column, keys in scope]
    return Snapshot(tuple(sorted(parts, key=lambda part: TABLE_ORDER.index(part.table))))


def combine(*snapshots: Snapshot) -> Snapshot:
    parts = [part for snapshot in snapshots for part in snapshot.parts]
    return Snapshot(tuple(sorted(parts, key=lambda part: TABLE_ORDER.index(part.table))))


def put_back(conn: sqlite3.Connection, snapshot: Snapshot, current: Snapshot | None = None) -> Snapshot:
    """Inside Store.write(): make the rows of the snapshot's scope exactly the snapshot's.
    Returns the rows it replaced (putting those back undoes this).

    Rows present in both are updated first (a sub-task moves back under its parent
    before anything is deleted), then rows the snapshot does not have are deleted
    (children first: a name freed before it is given back), then missing rows are
    inserted (parents first). Foreign keys are checked at the end of the
    transaction, when every row is in place: a COMMIT that would break one fails
    and rolls everything back.
    `current`: the scope captured just before, when the caller has it already.
    """
    if current is None:
        current = capture(conn, snapshot.scope())
    conn.execute("PRAGMA defer_foreign_keys = ON")
    plans = [(part.table, part.by_key(), now.by_key()) for part, now in zip(snapshot.parts, current.parts)]
    for table, wanted, now in plans:
        for key, row in wanted.items():
            if key in now and now[key] != row:
                _update(conn, table, key, row)
    for table, wanted, now in reversed(plans):
        for key in now:
            if key not in wanted:
                _delete(conn, table, key)
    for table, wanted, now in plans:
        for row in _parents_first(table, [row for key, row in wanted.items() if key not in now]):
            _insert(conn, table, row)
    return current


def changes_between(before: Snapshot, after: Snapshot) -> ChangeSet:
    """What going from `before` to `after` (two snapshots of one scope) changed."""
    added: set[int] = set()
    changed: set[int] = set()
    removed: set[int] = set()
    plans: set[int] = set()
    units: set[int] = set()
    progress: set[int] = set()
    for old_part, new_part in zip(before.parts, after.parts):
        old, new = old_part.by_key(), new_part.by_key()
        differing = [key for key in old.keys() | new.keys() if old.get(key) != new.get(key)]
        rows = [row for key in differing for row in (old.get(key), new.get(key)) if row is not None]
        table = old_part.table
        if table == "task":
            for key in differing:
                (added if key not in old else removed if key not in new else changed).add(key[0])
        elif table == "task_unit":
            changed.update(row["task_id"] for row in rows)
        elif table in ("progress_update", "evidence"):
            progress.update(row["task_id"] for row in rows)
        elif table == "plan":
            plans.update(key[0] for key in differing)
        elif table == "section":
            plans.update(row["plan_id"] for row in rows)
        elif table == "unit":
            units.update(key[0] for key in differing)
        elif table == "unit_alias":
            units.update(row["unit_id"] for row in rows)
    return ChangeSet.of(
        tasks_added=added, tasks_changed=changed, tasks_removed=removed, plans=plans, units=units, progress=progress
    )


def same(a: Snapshot, b: Snapshot) -> bool:
    """Two snapshots of one scope hold the same rows."""
    return all(x.by_key() == y.by_key() for x, y in zip(a.parts, b.parts)) and len(a.parts) == len(b.parts)


def _parents_first(table: str, rows: Sequence[Row]) -> list[Row]:
    reference = SELF_REFERENCES.get(table)
    if reference is None or len(rows) < 2:
        return list(rows)
    by_id = {row["id"]: row for row in rows}

    def depth(row: Row) -> int:
        level = 0
        while row[reference] in by_id and level <= len(by_id):
            row = by_id[row[reference]]
            level += 1
        return level

    return sorted(rows, key=depth)


def _where(table: str) -> str:
    return " AND ".join(f'"{name}" = ?' for name in primary_key(table))


def _update(conn: sqlite3.Connection, table: str, key: tuple, row: Row) -> None:
    assignments = ", ".join(f'"{name}" = ?' for name in row)
    conn.execute(f'UPDATE "{table}" SET {assignments} WHERE {_where(table)}', [*row.values(), *key])


def _insert(conn: sqlite3.Connection, table: str, row: Row) -> None:
    names = ", ".join(f'"{name}"' for name in row)
    conn.execute(f'INSERT INTO "{table}" ({names}) VALUES ({marks(list(row))})', list(row.values()))


def _delete(conn: sqlite3.Connection, table: str, key: tuple) -> None:
    conn.execute(f'DELETE FROM "{table}" WHERE {_where(table)}', list(key))
