"""The unit directory (danh mục đơn vị): find, create, rename, merge, delete."""

from __future__ import annotations

from typing import TYPE_CHECKING

from kehoach_desktop.domain.models import Unit, UnitKind
from kehoach_desktop.domain.text import tidy_line
from kehoach_desktop.domain.units import guess_kind, unit_key
from kehoach_desktop.services.errors import NotFoundError, ServiceError
from kehoach_desktop.store import Store
from kehoach_desktop.store import repository as repo

if TYPE_CHECKING:
    import sqlite_utils


class UnitService:
    def __init__(self, store: Store):
        self.store = store

    def list_units(self) -> list[Unit]:
        return repo.load_units(self.store.db)

    def get(self, unit_id: int) -> Unit:
        for unit in self.list_units():
            if unit.id == unit_id:
                return unit
        raise NotFoundError(f"Không tìm thấy đơn vị số {unit_id}.")

    def usage_counts(self) -> dict[int, int]:
        """How many task links each unit has."""
        rows = self.store.db.query("SELECT unit_id, count(*) AS n FROM task_unit GROUP BY unit_id")
        return {row["unit_id"]: row["n"] for row in rows}

    def find(self, name: str) -> int | None:
        """The id of the unit called `name` (or one of its aliases), spelling variants aside."""
        return find_unit(self.store.db, name)

    def resolve(self, name: str, kind: UnitKind | None = None) -> int:
        """The unit called `name`, created when the directory has none."""
        with self.store.write() as db:
            return resolve_unit(db, name, kind)

    def create(self, name: str, short_name: str = "", kind: UnitKind | None = None) -> int:
        name = _clean_name(name)
        with self.store.write() as db:
            if find_unit(db, name) is not None:
                raise ServiceError(f"Danh mục đã có đơn vị «{name}».")
            return _insert(db, name, short_name, kind or guess_kind(name))

    def update(self, unit_id: int, *, name: str, short_name: str = "", kind: UnitKind) -> None:
        """Rename a unit; the old name stays as an alias so imports still find it."""
        name = _clean_name(name)
        with self.store.write() as db:
            old = self._row(db, unit_id)
            other = find_unit(db, name)
            if other is not None and other != unit_id:
                raise ServiceError(f"Danh mục đã có đơn vị «{name}»; hãy gộp hai đơn vị thay vì đổi tên.")
            db["unit"].update(
                unit_id,
                {"name": name, "short_name": tidy_line(short_name), "kind": kind.value, "match_key": unit_key(name)},
            )
            db.execute("DELETE FROM unit_alias WHERE match_key = ?", [unit_key(name)])
            if unit_key(old["name"]) != unit_key(name):
                _add_alias(db, unit_id, old["name"])

    def set_aliases(self, unit_id: int, aliases: list[str]) -> None:
        with self.store.write() as db:
            self._row(db, unit_id)
            db.execute("DELETE FROM unit_alias WHERE unit_id = ?", [unit_id])
            for alias in aliases:
                owner = find_unit(db, alias)
                if owner is not None and owner != unit_id:
                    raise ServiceError(f"Tên «{alias}» đã thuộc về một đơn vị khác.")
                if owner is None:
                    _add_alias(db, unit_id, alias)

    def merge(self, source_id: int, target_id: int) -> None:
        """Move every task of `source` to `target`, keep its names as aliases, drop it."""
        if source_id == target_id:
            raise ServiceError("Không thể gộp một đơn vị vào chính nó.")
        with self.store.write() as db:
            source = self._row(db, source_id)
            self._row(db, target_id)
            # A task linked to both in one role keeps the target's link only.
            db.execute(
                "DELETE FROM task_unit WHERE unit_id = ? AND EXISTS (SELECT 1 FROM task_unit t "
                "WHERE t.task_id = task_unit.task_id AND t.role = task_unit.role AND t.unit_id = ?)",
                [source_id, target_id],
            )
            db.execute("UPDATE task_unit SET unit_id = ? WHERE unit_id = ?", [target_id, source_id])
            db.execute("UPDATE progress_update SET unit_id = ? WHERE unit_id = ?", [target_id, source_id])
            db.execute("UPDATE unit_alias SET unit_id = ? WHERE unit_id = ?", [target_id, source_id])
            db.execute("DELETE FROM unit WHERE id = ?", [source_id])
            _add_alias(db, target_id, source["name"])

    def delete(self, unit_id: int) -> None:
        """Delete a unit no task uses."""
        with self.store.write() as db:
            row = self._row(db, unit_id)
            used = db.execute("SELECT count(*) FROM task_unit WHERE unit_id = ?", [unit_id]).fetchone()[0]
            if used:
                raise ServiceError(
                    f"Không xóa được «{row['name']}»: đơn vị đang được giao {used} nhiệm vụ. "
                    "Hãy gộp vào đơn vị khác hoặc bỏ phân công trước."
                )
            db.execute("DELETE FROM unit WHERE id = ?", [unit_id])

    @staticmethod
    def _row(db: sqlite_utils.Database, unit_id: int) -> dict:
        rows = list(db.query("SELECT * FROM unit WHERE id = ?", [unit_id]))
        if not rows:
            raise NotFoundError(f"Không tìm thấy đơn vị số {unit_id}.")
        return rows[0]


def _clean_name(name: str) -> str:
    name = tidy_line(name)
    if not unit_key(name):
        raise ServiceError("Tên đơn vị không được để trống.")
    return name


def find_unit(db: sqlite_utils.Database, name: str) -> int | None:
    key = unit_key(name)
    if not key:
        return None
    row = db.execute("SELECT id FROM unit WHERE match_key = ?", [key]).fetchone()
    if row:
        return row[0]
    row = db.execute("SELECT unit_id FROM unit_alias WHERE match_key = ?", [key]).fetchone()
    return row[0] if row else None


def resolve_unit(db: sqlite_utils.Database, name: str, kind: UnitKind | None = None) -> int:
    """Inside a write transaction: the unit's id, creating it when new."""
    found = find_unit(db, name)
    if found is not None:
        return found
    name = _clean_name(name)
    return _insert(db, name, "", kind or guess_kind(name))


def _insert(db: sqlite_utils.Database, name: str, short_name: str, kind: UnitKind) -> int:
    return db["unit"].insert(
        {"name": name, "short_name": tidy_line(short_name), "kind": kind.value, "match_key": unit_key(name)}
    ).last_pk


def _add_alias(db: sqlite_utils.Database, unit_id: int, alias: str) -> None:
    alias = tidy_line(alias)
    key = unit_key(alias)
    if key and find_unit(db, alias) is None:
        db["unit_alias"].insert({"unit_id": unit_id, "alias": alias, "match_key": key})
