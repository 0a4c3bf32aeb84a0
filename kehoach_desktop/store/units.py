"""The unit directory: units, their other names (aliases), and what links to them."""

from __future__ import annotations

import sqlite3
from collections import defaultdict

from kehoach_desktop.domain.models import Unit, UnitKind
from kehoach_desktop.domain.units import unit_key
from kehoach_desktop.store.rows import Row, column, insert_row, marks, query, query_one, scalar


def unit_from_row(row: Row, aliases: list[str]) -> Unit:
    return Unit(
        id=row["id"],
        name=row["name"],
        short_name=row["short_name"],
        kind=UnitKind(row["kind"]),
        aliases=aliases,
    )


def load_units(conn: sqlite3.Connection) -> list[Unit]:
    """Every unit with its aliases, by name."""
    aliases: dict[int, list[str]] = defaultdict(list)
    for unit_id, alias in conn.execute("SELECT unit_id, alias FROM unit_alias ORDER BY id"):
        aliases[unit_id].append(alias)
    return [
        unit_from_row(row, aliases.get(row["id"], []))
        for row in query(conn, "SELECT * FROM unit ORDER BY name COLLATE NOCASE")
    ]


def unit_row(conn: sqlite3.Connection, unit_id: int) -> Row | None:
    return query_one(conn, "SELECT * FROM unit WHERE id = ?", [unit_id])


def find_unit(conn: sqlite3.Connection, name: str) -> int | None:
    """The id of the unit called `name` or having it as an alias, spelling variants aside."""
    key = unit_key(name)
    if not key:
        return None
    found = scalar(conn, "SELECT id FROM unit WHERE match_key = ?", [key])
    if found is None:
        found = scalar(conn, "SELECT unit_id FROM unit_alias WHERE match_key = ?", [key])
    return found


def usage_counts(conn: sqlite3.Connection) -> dict[int, int]:
    """How many task links each unit has."""
    return {row[0]: row[1] for row in conn.execute("SELECT unit_id, count(*) FROM task_unit GROUP BY unit_id")}


def link_count(conn: sqlite3.Connection, unit_id: int) -> int:
    return int(scalar(conn, "SELECT count(*) FROM task_unit WHERE unit_id = ?", [unit_id]))


def linked_to_plan(conn: sqlite3.Connection, plan_id: int) -> list[int]:
    """Units linked to any task of the plan."""
    return column(
        conn,
        "SELECT DISTINCT tu.unit_id FROM task_unit tu JOIN task t ON t.id = tu.task_id WHERE t.plan_id = ?",
        [plan_id],
    )


def progress_ids(conn: sqlite3.Connection, unit_ids: list[int]) -> list[int]:
    """Progress updates reported by one of the units."""
    return column(conn, f"SELECT id FROM progress_update WHERE unit_id IN ({marks(unit_ids)})", unit_ids)


def alias_ids(conn: sqlite3.Connection, unit_id: int) -> list[int]:
    return column(conn, "SELECT id FROM unit_alias WHERE unit_id = ?", [unit_id])


def insert_unit(conn: sqlite3.Connection, name: str, short_name: str, kind: UnitKind) -> int:
    return insert_row(
        conn, "unit", {"name": name, "short_name": short_name, "kind": kind.value, "match_key": unit_key(name)}
    )


def update_unit(conn: sqlite3.Connection, unit_id: int, name: str, short_name: str, kind: UnitKind) -> None:
    conn.execute(
        "UPDATE unit SET name = ?, short_name = ?, kind = ?, match_key = ? WHERE id = ?",
        [name, short_name, kind.value, unit_key(name), unit_id],
    )


def delete_unit(conn: sqlite3.Connection, unit_id: int) -> None:
    conn.execute("DELETE FROM unit WHERE id = ?", [unit_id])


def insert_alias(conn: sqlite3.Connection, unit_id: int, alias: str) -> int:
    return insert_row(conn, "unit_alias", {"unit_id": unit_id, "alias": alias, "match_key": unit_key(alias)})


def delete_aliases(conn: sqlite3.Connection, unit_id: int) -> None:
    conn.execute("DELETE FROM unit_alias WHERE unit_id = ?", [unit_id])


def delete_alias_named(conn: sqlite3.Connection, name: str) -> None:
    conn.execute("DELETE FROM unit_alias WHERE match_key = ?", [unit_key(name)])


def move_links(conn: sqlite3.Connection, source_id: int, target_id: int) -> None:
    """Every task, progress update and alias of `source` goes to `target`; a task linked
    to both in one role keeps the target's link only."""
    conn.execute(
        "DELETE FROM task_unit WHERE unit_id = ? AND EXISTS (SELECT 1 FROM task_unit t "
        "WHERE t.task_id = task_unit.task_id AND t.role = task_unit.role AND t.unit_id = ?)",
        [source_id, target_id],
    )
    conn.execute("UPDATE task_unit SET unit_id = ? WHERE unit_id = ?", [target_id, source_id])
    conn.execute("UPDATE progress_update SET unit_id = ? WHERE unit_id = ?", [target_id, source_id])
    conn.execute("UPDATE unit_alias SET unit_id = ? WHERE unit_id = ?", [target_id, source_id])
