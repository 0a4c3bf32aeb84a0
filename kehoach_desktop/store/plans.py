"""Plans and their sections: rows to objects and back, and every statement on them."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Sequence

from kehoach_desktop.domain.models import Plan, Section
from kehoach_desktop.store.rows import Row, insert_row, iso, marks, query, query_one, scalar, to_date, update_row

PLAN_LIST_FIELDS = ("recipients", "legal_bases", "body", "columns", "appendix_heading")
PLAN_TEXT_FIELDS = (
    "title", "governing_body", "issuer", "issuer_abbr", "doc_number", "place", "date_text",
    "signer_title", "signer_name", "source_name", "source_digest",
)  # fmt: skip


# --- plans ---------------------------------------------------------------------------


def plan_row(plan: Plan) -> Row:
    row: Row = {name: getattr(plan, name) for name in PLAN_TEXT_FIELDS}
    row.update({name: json.dumps(getattr(plan, name), ensure_ascii=False) for name in PLAN_LIST_FIELDS})
    row["year"] = plan.year
    row["issued_on"] = iso(plan.issued_on)
    return row


def plan_from_row(row: Row) -> Plan:
    plan = Plan(id=row["id"], year=row["year"], issued_on=to_date(row["issued_on"]))
    for name in PLAN_TEXT_FIELDS:
        setattr(plan, name, row[name])
    for name in PLAN_LIST_FIELDS:
        setattr(plan, name, json.loads(row[name]))
    return plan


def load_plan(conn: sqlite3.Connection, plan_id: int) -> Plan | None:
    row = query_one(conn, "SELECT * FROM plan WHERE id = ?", [plan_id])
    return plan_from_row(row) if row else None


def load_plans(conn: sqlite3.Connection) -> list[Plan]:
    return [plan_from_row(row) for row in query(conn, "SELECT * FROM plan ORDER BY year DESC, id")]


def task_counts(conn: sqlite3.Connection) -> dict[int, int]:
    return {row[0]: row[1] for row in conn.execute("SELECT plan_id, count(*) FROM task GROUP BY plan_id")}


def identities(conn: sqlite3.Connection) -> dict[int, Row]:
    """id → {id, created_at, title} of every plan (what a unit form names its plan by)."""
    return {row["id"]: row for row in query(conn, "SELECT id, created_at, title FROM plan")}


def created_at(conn: sqlite3.Connection, plan_id: int) -> str:
    return str(scalar(conn, "SELECT created_at FROM plan WHERE id = ?", [plan_id]) or "")


def year_of(conn: sqlite3.Connection, plan_id: int) -> int:
    return int(scalar(conn, "SELECT year FROM plan WHERE id = ?", [plan_id]))


def ids_with_digest(conn: sqlite3.Connection, digest: str) -> set[int]:
    return {row[0] for row in conn.execute("SELECT id FROM plan WHERE source_digest = ?", [digest])}


def digest_exists(conn: sqlite3.Connection, digest: str) -> bool:
    return conn.execute("SELECT 1 FROM plan WHERE source_digest = ? LIMIT 1", [digest]).fetchone() is not None


def insert_plan(conn: sqlite3.Connection, plan: Plan, stamp: str) -> int:
    return insert_row(conn, "plan", {**plan_row(plan), "created_at": stamp, "updated_at": stamp})


def update_plan(conn: sqlite3.Connection, plan_id: int, values: Row) -> None:
    update_row(conn, "plan", plan_id, values)


def delete_plan(conn: sqlite3.Connection, plan_id: int) -> None:
    """The plan with its sections, tasks, unit links, progress and evidence (ON DELETE CASCADE)."""
    conn.execute("DELETE FROM plan WHERE id = ?", [plan_id])


# --- sections -----------------------------------------------------------------------------


def section_from_row(row: Row) -> Section:
    return Section(
        id=row["id"],
        plan_id=row["plan_id"],
        parent_id=row["parent_id"],
        ordinal=row["ordinal"],
        title=row["title"],
        area_code=row["area_code"],
        position=row["position"],
    )


def load_sections(conn: sqlite3.Connection, plan_ids: Sequence[int]) -> list[Section]:
    """Sections of the plans, each plan's in printed order."""
    sql = f"SELECT * FROM section WHERE plan_id IN ({marks(plan_ids)}) ORDER BY plan_id, position, id"
    return [section_from_row(row) for row in query(conn, sql, list(plan_ids))]


def load_section(conn: sqlite3.Connection, section_id: int) -> Section | None:
    row = query_one(conn, "SELECT * FROM section WHERE id = ?", [section_id])
    return section_from_row(row) if row else None


def insert_section(conn: sqlite3.Connection, section: Section) -> int:
    return insert_row(
        conn,
        "section",
        {
            "plan_id": section.plan_id,
            "parent_id": section.parent_id,
            "ordinal": section.ordinal,
            "title": section.title,
            "area_code": section.area_code,
            "position": section.position,
        },
    )


def section_ids(conn: sqlite3.Connection, plan_id: int) -> list[int]:
    return [row[0] for row in conn.execute("SELECT id FROM section WHERE plan_id = ?", [plan_id])]
