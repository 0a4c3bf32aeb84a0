"""SQL of the organization: the Sở's profile, its units and collectives (the unit
table), the collectives' hand-chosen members, and the outside bodies."""

from __future__ import annotations

import json
import sqlite3
from collections import defaultdict

from kehoach_desktop.domain.organization import (
    Collective,
    DirectoryEntry,
    EntryKind,
    OrgUnit,
    OutsideBody,
    UnitType,
    standard_code_of,
)
from kehoach_desktop.domain.units import unit_key

PROFILE_KEYS = {
    "name": "organization.name",
    "abbreviation": "organization.abbreviation",
    "governing_body": "organization.governing_body",
}
SET_UP_KEY = "organization.set_up"

_UNIT_COLUMNS = "id, name, short_name, kind, unit_type, position, active, head_title, contact, member_types, reviewed"


# --- profile -------------------------------------------------------------------------------


def load_profile(conn: sqlite3.Connection) -> dict[str, str]:
    stored = dict(conn.execute("SELECT key, value FROM app_meta WHERE key LIKE 'organization.%'").fetchall())
    profile = {field: stored.get(key, "") for field, key in PROFILE_KEYS.items()}
    profile["set_up"] = stored.get(SET_UP_KEY, "")
    return profile


def save_meta(conn: sqlite3.Connection, key: str, value: str) -> None:
    conn.execute(
        "INSERT INTO app_meta (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value",
        [key, value],
    )


# --- units and collectives --------------------------------------------------------------------


def _aliases(conn: sqlite3.Connection) -> dict[int, list[str]]:
    found: dict[int, list[str]] = defaultdict(list)
    for unit_id, alias in conn.execute("SELECT unit_id, alias FROM unit_alias ORDER BY id"):
        found[unit_id].append(alias)
    return found


def _members(conn: sqlite3.Connection) -> dict[int, tuple[set[int], set[int]]]:
    found: dict[int, tuple[set[int], set[int]]] = defaultdict(lambda: (set(), set()))
    for collective_id, unit_id, included in conn.execute("SELECT collective_id, unit_id, included FROM collective_member"):
        (found[collective_id][0] if included else found[collective_id][1]).add(unit_id)
    return found


def _rows(conn: sqlite3.Connection, kind: str) -> list[tuple]:
    return conn.execute(
        f"SELECT {_UNIT_COLUMNS} FROM unit WHERE kind = ? ORDER BY position, name COLLATE NOCASE, id", [kind]
    ).fetchall()


def load_units(conn: sqlite3.Connection) -> list[OrgUnit]:
    return [
        OrgUnit(
            id=row[0], name=row[1], short_name=row[2], unit_type=UnitType(row[4]), position=row[5],
            active=bool(row[6]), head_title=row[7], contact=row[8],
        )  # fmt: skip
        for row in _rows(conn, "unit")
    ]


def load_collectives(conn: sqlite3.Connection) -> list[Collective]:
    aliases, members = _aliases(conn), _members(conn)
    out = []
    for row in _rows(conn, "group"):
        included, excluded = members.get(row[0], (set(), set()))
        out.append(
            Collective(
                id=row[0],
                name=row[1],
                member_types=frozenset(UnitType(value) for value in json.loads(row[9])),
                included=frozenset(included),
                excluded=frozenset(excluded),
                aliases=tuple(aliases.get(row[0], ())),
            )
        )
    return out


def unit_aliases(conn: sqlite3.Connection) -> dict[int, list[str]]:
    return _aliases(conn)


def reviewed_ids(conn: sqlite3.Connection) -> set[int]:
    return {row[0] for row in conn.execute("SELECT id FROM unit WHERE reviewed = 1")}


def insert_entry(
    conn: sqlite3.Connection,
    name: str,
    *,
    kind: str,
    short_name: str = "",
    unit_type: UnitType = UnitType.KHAC,
    member_types: frozenset[UnitType] = frozenset(),
    reviewed: bool = True,
) -> int:
    """A new unit (kind 'unit') or collective (kind 'group'), last in the order."""
    position = conn.execute("SELECT coalesce(max(position), 0) + 1 FROM unit").fetchone()[0]
    cursor = conn.execute(
        "INSERT INTO unit (name, short_name, kind, match_key, unit_type, position, member_types, reviewed) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        [name, short_name, kind, unit_key(name), unit_type.value, position,
         json.dumps(sorted(t.value for t in member_types)), int(reviewed)],
    )  # fmt: skip
    return int(cursor.lastrowid or 0)


UNIT_FIELDS = ("name", "short_name", "unit_type", "position", "active", "head_title", "contact", "reviewed")


def update_entry(conn: sqlite3.Connection, entry_id: int, values: dict) -> None:
    """Change some of UNIT_FIELDS (and member_types) of a unit or collective."""
    row = dict(values)
    if "unit_type" in row:
        row["unit_type"] = UnitType(row["unit_type"]).value
    if "member_types" in row:
        row["member_types"] = json.dumps(sorted(UnitType(t).value for t in row["member_types"]))
    if "name" in row:
        row["match_key"] = unit_key(row["name"])
    for flag in ("active", "reviewed"):
        if flag in row:
            row[flag] = int(bool(row[flag]))
    if not row:
        return
    assignments = ", ".join(f"{name} = ?" for name in row)
    conn.execute(f"UPDATE unit SET {assignments} WHERE id = ?", [*row.values(), entry_id])


def entry_row(conn: sqlite3.Connection, entry_id: int) -> dict | None:
    cursor = conn.execute(f"SELECT {_UNIT_COLUMNS} FROM unit WHERE id = ?", [entry_id])
    row = cursor.fetchone()
    return dict(zip([c[0] for c in cursor.description], row)) if row else None


def set_members(conn: sqlite3.Connection, collective_id: int, included: set[int], excluded: set[int]) -> None:
    conn.execute("DELETE FROM collective_member WHERE collective_id = ?", [collective_id])
    conn.executemany(
        "INSERT INTO collective_member (collective_id, unit_id, included) VALUES (?, ?, ?)",
        [(collective_id, unit_id, 1) for unit_id in sorted(included)]
        + [(collective_id, unit_id, 0) for unit_id in sorted(excluded - included)],
    )


def member_rows(conn: sqlite3.Connection, collective_id: int) -> list[tuple[int, int]]:
    return conn.execute(
        "SELECT unit_id, included FROM collective_member WHERE collective_id = ? ORDER BY unit_id", [collective_id]
    ).fetchall()


def reorder(conn: sqlite3.Connection, ordered_ids: list[int]) -> None:
    conn.executemany("UPDATE unit SET position = ? WHERE id = ?", [(i, uid) for i, uid in enumerate(ordered_ids, 1)])


def task_counts(conn: sqlite3.Connection) -> dict[int, int]:
    """Tasks linked to each entry, in any role."""
    return dict(conn.execute("SELECT unit_id, count(DISTINCT task_id) FROM task_unit GROUP BY unit_id").fetchall())


def link_rows(conn: sqlite3.Connection, unit_id: int) -> list[tuple]:
    return conn.execute("SELECT task_id, unit_id, role, position FROM task_unit WHERE unit_id = ?", [unit_id]).fetchall()


def add_alias(conn: sqlite3.Connection, unit_id: int, alias: str) -> None:
    key = unit_key(alias)
    if not key:
        return
    taken = conn.execute(
        "SELECT 1 FROM unit WHERE match_key = ? UNION SELECT 1 FROM unit_alias WHERE match_key = ?", [key, key]
    ).fetchone()
    if not taken:
        conn.execute("INSERT INTO unit_alias (unit_id, alias, match_key) VALUES (?, ?, ?)", [unit_id, alias, key])


# --- outside bodies -----------------------------------------------------------------------------


def load_outside(conn: sqlite3.Connection) -> list[OutsideBody]:
    rows = conn.execute(
        "SELECT id, name, short_name, aliases, position, reports_to FROM outside_body ORDER BY position, id"
    ).fetchall()
    return [OutsideBody(r[0], r[1], r[2], tuple(json.loads(r[3])), r[4], bool(r[5])) for r in rows]


def insert_outside(conn: sqlite3.Connection, body: OutsideBody) -> int:
    position = body.position or conn.execute("SELECT coalesce(max(position), 0) + 1 FROM outside_body").fetchone()[0]
    cursor = conn.execute(
        "INSERT INTO outside_body (name, short_name, match_key, aliases, position, reports_to) VALUES (?, ?, ?, ?, ?, ?)",
        [body.name, body.short_name, unit_key(body.name), json.dumps(list(body.aliases), ensure_ascii=False),
         position, int(body.reports_to)],
    )  # fmt: skip
    return int(cursor.lastrowid or 0)


def update_outside(conn: sqlite3.Connection, body: OutsideBody) -> None:
    conn.execute(
        "UPDATE outside_body SET name = ?, short_name = ?, match_key = ?, aliases = ?, position = ?, reports_to = ? "
        "WHERE id = ?",
        [body.name, body.short_name, unit_key(body.name), json.dumps(list(body.aliases), ensure_ascii=False),
         body.position, int(body.reports_to), body.id],
    )  # fmt: skip


def delete_outside(conn: sqlite3.Connection, body_id: int) -> None:
    conn.execute("DELETE FROM outside_body WHERE id = ?", [body_id])


def outside_row(conn: sqlite3.Connection, body_id: int) -> OutsideBody | None:
    for body in load_outside(conn):
        if body.id == body_id:
            return body
    return None


# --- the directory as the classifier sees it --------------------------------------------------------


def directory_entries(conn: sqlite3.Connection) -> list[DirectoryEntry]:
    aliases = _aliases(conn)
    entries = [
        DirectoryEntry(unit.id, EntryKind.UNIT, unit.name, unit.short_name, tuple(aliases.get(unit.id, ())))
        for unit in load_units(conn)
    ]
    entries += [
        DirectoryEntry(c.id, EntryKind.COLLECTIVE, c.name, "", c.aliases, standard_code_of(c.member_types))
        for c in load_collectives(conn)
    ]
    entries += [
        DirectoryEntry(b.id, EntryKind.OUTSIDE, b.name, b.short_name, b.aliases) for b in load_outside(conn)
    ]
    return entries
