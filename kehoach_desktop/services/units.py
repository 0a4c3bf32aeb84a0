"""The unit directory (danh mục đơn vị): find, create, rename, merge, delete.

Every change is one transaction and returns its Outcome: what changed and how to
undo it (the unit rows, their aliases and the links they had are put back).
"""

from __future__ import annotations

import sqlite3

from kehoach_desktop.domain.models import Unit, UnitKind
from kehoach_desktop.domain.text import tidy_line
from kehoach_desktop.domain.units import guess_kind, unit_key
from kehoach_desktop.services.errors import NotFoundError, ServiceError
from kehoach_desktop.services.outcome import Outcome, Recording
from kehoach_desktop.store import Store
from kehoach_desktop.store import units as unit_rows
from kehoach_desktop.store.rows import Row


class UnitService:
    def __init__(self, store: Store):
        self.store = store

    def list_units(self) -> list[Unit]:
        return unit_rows.load_units(self.store.conn)

    def get(self, unit_id: int) -> Unit:
        for unit in self.list_units():
            if unit.id == unit_id:
                return unit
        raise NotFoundError(f"Không tìm thấy đơn vị số {unit_id}.")

    def usage_counts(self) -> dict[int, int]:
        """How many task links each unit has."""
        return unit_rows.usage_counts(self.store.conn)

    def find(self, name: str) -> int | None:
        """The id of the unit called `name` (or one of its aliases), spelling variants aside."""
        return unit_rows.find_unit(self.store.conn, name)

    def create(self, name: str, short_name: str = "", kind: UnitKind | None = None) -> Outcome[int]:
        name = _clean_name(name)
        with self.store.write() as conn:
            if unit_rows.find_unit(conn, name) is not None:
                raise ServiceError(f"Danh mục đã có đơn vị «{name}».")
            recording = Recording(conn)
            unit_id = unit_rows.insert_unit(conn, name, tidy_line(short_name), kind or guess_kind(name))
            recording.created([("unit", "id", [unit_id])])
            return recording.finish(unit_id)

    def update(self, unit_id: int, *, name: str, short_name: str = "", kind: UnitKind) -> Outcome[None]:
        """Rename a unit; the old name stays as an alias so imports still find it."""
        name = _clean_name(name)
        with self.store.write() as conn:
            old = _row(conn, unit_id)
            other = unit_rows.find_unit(conn, name)
            if other is not None and other != unit_id:
                raise ServiceError(f"Danh mục đã có đơn vị «{name}»; hãy gộp hai đơn vị thay vì đổi tên.")
            recording = Recording(conn, _directory_scope(conn, [unit_id]))
            unit_rows.update_unit(conn, unit_id, name, tidy_line(short_name), kind)
            unit_rows.delete_alias_named(conn, name)
            if unit_key(old["name"]) != unit_key(name):
                _add_alias(conn, unit_id, old["name"])
            return recording.finish(None)

    def set_aliases(self, unit_id: int, aliases: list[str]) -> Outcome[None]:
        with self.store.write() as conn:
            _row(conn, unit_id)
            recording = Recording(conn, _directory_scope(conn, [unit_id]))
            unit_rows.delete_aliases(conn, unit_id)
            for alias in aliases:
                owner = unit_rows.find_unit(conn, alias)
                if owner is not None and owner != unit_id:
                    raise ServiceError(f"Tên «{alias}» đã thuộc về một đơn vị khác.")
                if owner is None:
                    _add_alias(conn, unit_id, alias)
            return recording.finish(None)

    def merge(self, source_id: int, target_id: int) -> Outcome[None]:
        """Move every task of `source` to `target`, keep its names as aliases, drop it."""
        if source_id == target_id:
            raise ServiceError("Không thể gộp một đơn vị vào chính nó.")
        with self.store.write() as conn:
            source = _row(conn, source_id)
            _row(conn, target_id)
            recording = Recording(conn, _directory_scope(conn, [source_id, target_id], with_links=True))
            unit_rows.move_links(conn, source_id, target_id)
            unit_rows.delete_unit(conn, source_id)
            _add_alias(conn, target_id, source["name"])
            return recording.finish(None)

    def delete(self, unit_id: int) -> Outcome[None]:
        """Delete a unit no task uses."""
        with self.store.write() as conn:
            row = _row(conn, unit_id)
            used = unit_rows.link_count(conn, unit_id)
            if used:
                raise ServiceError(
                    f"Không xóa được «{row['name']}»: đơn vị đang được giao {used} nhiệm vụ. "
                    "Hãy gộp vào đơn vị khác hoặc bỏ phân công trước."
                )
            recording = Recording(conn, _directory_scope(conn, [unit_id], with_links=True))
            unit_rows.delete_unit(conn, unit_id)
            return recording.finish(None)


class UnitResolver:
    """Inside a write: unit names to ids, creating the units the directory lacks.

    `created` lists the ids made (the write's undo removes them again); a name met
    twice is looked up once.
    """

    def __init__(self, conn: sqlite3.Connection):
        self.conn = conn
        self.created: list[int] = []
        self._ids: dict[str, int] = {}

    def __call__(self, name: str, kind: UnitKind | None = None) -> int:
        found = self._ids.get(name)
        if found is None:
            found = unit_rows.find_unit(self.conn, name)
            if found is None:
                clean = _clean_name(name)
                found = unit_rows.insert_unit(self.conn, clean, "", kind or guess_kind(clean))
                self.created.append(found)
            self._ids[name] = found
        return found


def _directory_scope(
    conn: sqlite3.Connection, unit_ids: list[int], with_links: bool = False
) -> list[tuple[str, str, list[int]]]:
    """The units' rows, their aliases and (for a merge or a deletion) what points at them.
    Progress updates go by their own ids: a deleted unit's updates lose their unit
    (ON DELETE SET NULL), and putting them back must find them."""
    scope = [("unit", "id", unit_ids), ("unit_alias", "unit_id", unit_ids)]
    if with_links:
        scope += [
            ("task_unit", "unit_id", unit_ids),
            ("progress_update", "id", unit_rows.progress_ids(conn, unit_ids)),
        ]
    return scope


def _row(conn: sqlite3.Connection, unit_id: int) -> Row:
    row = unit_rows.unit_row(conn, unit_id)
    if row is None:
        raise NotFoundError(f"Không tìm thấy đơn vị số {unit_id}.")
    return row


def _clean_name(name: str) -> str:
    name = tidy_line(name)
    if not unit_key(name):
        raise ServiceError("Tên đơn vị không được để trống.")
    return name


def _add_alias(conn: sqlite3.Connection, unit_id: int, alias: str) -> None:
    alias = tidy_line(alias)
    if unit_key(alias) and unit_rows.find_unit(conn, alias) is None:
        unit_rows.insert_alias(conn, unit_id, alias)
