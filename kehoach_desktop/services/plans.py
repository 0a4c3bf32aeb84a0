"""Plans: list, read whole, save an imported draft, edit the header, delete."""

from __future__ import annotations

from dataclasses import dataclass, fields
from typing import TYPE_CHECKING

from kehoach_desktop.domain import deadlines
from kehoach_desktop.domain.areas import OTHER, is_area_code
from kehoach_desktop.domain.drafts import PlanDraft, SectionDraft, TaskDraft
from kehoach_desktop.domain.models import Plan, Role, Task, TaskUnit
from kehoach_desktop.domain.text import tidy, tidy_line
from kehoach_desktop.domain.tree import PlanTree
from kehoach_desktop.services.errors import NotFoundError, ServiceError
from kehoach_desktop.services.units import resolve_unit
from kehoach_desktop.store import Store
from kehoach_desktop.store import repository as repo
from kehoach_desktop.store.database import now_text

if TYPE_CHECKING:
    import sqlite_utils

# Header fields a user may edit in the "Thông tin kế hoạch" dialog.
HEADER_FIELDS = (
    "year", "title", "governing_body", "issuer", "issuer_abbr", "doc_number", "place",
    "issued_on", "date_text", "signer_title", "signer_name", "recipients", "legal_bases",
)  # fmt: skip
MIN_YEAR, MAX_YEAR = 2000, 2100


@dataclass(frozen=True)
class PlanSummary:
    id: int
    year: int
    title: str
    doc_number: str
    issuer: str
    task_count: int


class PlanService:
    def __init__(self, store: Store):
        self.store = store

    def list_plans(self) -> list[PlanSummary]:
        counts = repo.task_counts(self.store.db)
        return [
            PlanSummary(p.id, p.year, p.title, p.doc_number, p.issuer, counts.get(p.id, 0))
            for p in repo.load_plans(self.store.db)
        ]

    def get(self, plan_id: int) -> Plan:
        plan = repo.load_plan(self.store.db, plan_id)
        if plan is None:
            raise NotFoundError(f"Không có kế hoạch số {plan_id}.")
        return plan

    def tree(self, plan_ids: int | list[int]) -> PlanTree:
        """The plans with all their sections and tasks (a few queries in all)."""
        ids = [plan_ids] if isinstance(plan_ids, int) else list(plan_ids)
        plans = [self.get(plan_id) for plan_id in ids]
        if not ids:
            return PlanTree([], [], [])
        db = self.store.db
        return PlanTree(plans, repo.load_sections(db, ids), repo.load_tasks(db, ids))

    def find_by_digest(self, digest: str) -> list[PlanSummary]:
        """Plans imported from the same content (to catch an import made twice)."""
        if not digest:
            return []
        rows = self.store.execute("SELECT id FROM plan WHERE source_digest = ?", [digest])
        ids = {row[0] for row in rows}
        return [summary for summary in self.list_plans() if summary.id in ids]

    def create(self, draft: PlanDraft) -> int:
        """Save a whole plan in one transaction; returns its id."""
        plan = normalised_plan(draft.plan)
        with self.store.write() as db:
            stamp = now_text()
            plan_id = db["plan"].insert({**repo.plan_row(plan), "created_at": stamp, "updated_at": stamp}).last_pk
            for position, section in enumerate(draft.sections):
                self._insert_section(db, plan, plan_id, section, position, parent_id=None)
        return plan_id

    def _insert_section(
        self, db: sqlite_utils.Database, plan: Plan, plan_id: int, draft: SectionDraft, position: int, parent_id
    ) -> None:
        area_code = draft.area_code if is_area_code(draft.area_code) else OTHER
        section_id = db["section"].insert(
            {
                "plan_id": plan_id,
                "parent_id": parent_id,
                "ordinal": tidy_line(draft.ordinal),
                "title": tidy(draft.title),
                "area_code": area_code,
                "position": position,
            }
        ).last_pk
        for task_position, task in enumerate(draft.tasks):
            self._insert_task(db, plan, plan_id, section_id, task, task_position, parent_id=None)
        for sub_position, sub in enumerate(draft.subsections):
            self._insert_section(db, plan, plan_id, sub, sub_position, parent_id=section_id)

    def _insert_task(
        self, db, plan: Plan, plan_id: int, section_id: int, draft: TaskDraft, position: int, parent_id
    ) -> None:
        task = Task(
            plan_id=plan_id,
            section_id=section_id,
            parent_id=parent_id,
            position=position,
            number=tidy_line(draft.number),
            content=tidy(draft.content),
            schedule_text=tidy(draft.schedule_text),
            output=tidy(draft.output),
            note=tidy(draft.note),
            target=tidy(draft.target),
            lead_text=tidy(draft.lead_text),
            coordinate_text=tidy(draft.coordinate_text),
            assignment_raw=tidy(draft.assignment_raw),
        )
        task.deadline = deadlines.parse(task.schedule_text, plan.year)
        task_id = db["task"].insert(repo.task_row(task)).last_pk
        links = [TaskUnit(resolve_unit(db, name), Role.LEAD) for name in draft.lead_units]
        links += [TaskUnit(resolve_unit(db, name), Role.COORDINATE) for name in draft.coordinate_units]
        repo.replace_links(db, task_id, links)
        for child_position, child in enumerate(draft.children):
            self._insert_task(db, plan, plan_id, section_id, child, child_position, parent_id=task_id)

    def update_header(self, plan_id: int, **changes) -> dict:
        """Change header fields; returns their previous values (for undo)."""
        unknown = set(changes) - set(HEADER_FIELDS)
        if unknown:
            raise ValueError(f"not header fields: {sorted(unknown)}")
        plan = self.get(plan_id)
        before = {name: getattr(plan, name) for name in changes}
        for name, value in changes.items():
            setattr(plan, name, value)
        plan = normalised_plan(plan)
        row = repo.plan_row(plan)
        with self.store.write() as db:
            db["plan"].update(plan_id, {**{name: row[name] for name in changes}, "updated_at": now_text()})
            if "year" in changes and changes["year"] != before["year"]:
                _reparse_deadlines(db, plan_id, plan.year)
        return before

    def delete(self, plan_id: int) -> None:
        self.get(plan_id)
        with self.store.write() as db:
            db.execute("DELETE FROM plan WHERE id = ?", [plan_id])


def normalised_plan(plan: Plan) -> Plan:
    """The plan with every text NFC and tidied, lists without blank lines, year checked."""
    values = {}
    for field in fields(Plan):
        value = getattr(plan, field.name)
        if isinstance(value, str) and field.name not in ("source_digest",):
            value = tidy(value) if field.name in ("signer_title", "title") else tidy_line(value)
        elif isinstance(value, list):
            value = [tidy(item) for item in value if tidy(item)]
        values[field.name] = value
    result = Plan(**values)
    if not isinstance(result.year, int) or not MIN_YEAR <= result.year <= MAX_YEAR:
        raise ServiceError(f"Năm của kế hoạch phải từ {MIN_YEAR} đến {MAX_YEAR} (đang là «{result.year}»).")
    return result


def _reparse_deadlines(db: sqlite_utils.Database, plan_id: int, year: int) -> None:
    """Deadlines without a year of their own follow the plan's year."""
    for row in db.query("SELECT * FROM task WHERE plan_id = ?", [plan_id]):
        task = repo.task_from_row(row)
        task.deadline = deadlines.parse(task.schedule_text, year)
        new = repo.task_row(task)
        db["task"].update(task.id, {"deadline": new["deadline"], "due_last": new["due_last"]})
