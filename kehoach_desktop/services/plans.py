"""Plans: list, read whole, save an imported draft, edit the header, delete."""

from __future__ import annotations

from collections.abc import Callable, Mapping
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

    def create(
        self, draft: PlanDraft, tidy_text: Callable[[str | None], str] = tidy,
        unit_ids: Mapping[str, int | None] | None = None,
    ) -> int:  # fmt: skip
        """Save a whole plan in one transaction; returns its id.

        Every text is tidied on the way in with `tidy_text`, domain.text.tidy or
        one that gives the same answers faster (the importers pass theirs, which
        already knows the texts it tidied while reading the file). `unit_ids` says
        which directory entry each assignment phrase links to (None: no link, for
        an outside body or an ignored phrase); phrases it lacks are resolved by name."""
        plan = normalised_plan(draft.plan, tidy_text)
        with self.store.write() as db:
            stamp = now_text()
            plan_id = repo.insert_row(db, "plan", {**repo.plan_row(plan), "created_at": stamp, "updated_at": stamp})
            saver = _PlanSaver(db, plan, plan_id, tidy_text, unit_ids)
            for position, section in enumerate(draft.sections):
                saver.add_section(section, position, parent_id=None)
            repo.insert_rows(db, "task_unit", saver.links)
        return plan_id

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
            db.execute("DELETE FROM task_journal WHERE plan_id = ?", [plan_id])  # its history goes with it


def normalised_plan(plan: Plan, tidy_text: Callable[[str | None], str] = tidy) -> Plan:
    """The plan with every text NFC and tidied, lists without blank lines, year checked
    (`tidy_text`: as PlanService.create)."""
    values = {}
    for field in fields(Plan):
        value = getattr(plan, field.name)
        if isinstance(value, str) and field.name not in ("source_digest",):
            value = tidy_text(value) if field.name in ("signer_title", "title") else tidy_line(value)
        elif isinstance(value, list):
            value = [tidy_text(item) for item in value if tidy_text(item)]
        values[field.name] = value
    result = Plan(**values)
    if not isinstance(result.year, int) or not MIN_YEAR <= result.year <= MAX_YEAR:
        raise ServiceError(f"Năm của kế hoạch phải từ {MIN_YEAR} đến {MAX_YEAR} (đang là «{result.year}»).")
    return result


class _PlanSaver:
    """Writes a draft's sections and tasks in order, one prepared INSERT per row.

    Sections and tasks are inserted where they stand in the tree (a parent before
    its children, which need its id); the unit links of the whole plan go in
    together at the end. A unit name or a deadline text met again is resolved
    or parsed once per plan.
    """

    def __init__(self, db, plan: Plan, plan_id: int, tidy_text: Callable[[str | None], str],
                 unit_ids: Mapping[str, int | None] | None = None):  # fmt: skip
        self.db = db
        self.plan = plan
        self.plan_id = plan_id
        self.tidy = tidy_text
        self.links: list[dict] = []
        self._unit_ids: dict[str, int | None] = dict(unit_ids or {})
        self._deadlines: dict[str, deadlines.Deadline] = {}

    def add_section(self, draft: SectionDraft, position: int, parent_id) -> None:
        area_code = draft.area_code if is_area_code(draft.area_code) else OTHER
        section_id = repo.insert_row(
            self.db,
            "section",
            {
                "plan_id": self.plan_id,
                "parent_id": parent_id,
                "ordinal": tidy_line(draft.ordinal),
                "title": self.tidy(draft.title),
                "area_code": area_code,
                "position": position,
            },
        )
        for task_position, task in enumerate(draft.tasks):
            self.add_task(section_id, task, task_position, parent_id=None)
        for sub_position, sub in enumerate(draft.subsections):
            self.add_section(sub, sub_position, parent_id=section_id)

    def add_task(self, section_id: int, draft: TaskDraft, position: int, parent_id) -> None:
        task = Task(
            plan_id=self.plan_id,
            section_id=section_id,
            parent_id=parent_id,
            position=position,
            number=tidy_line(draft.number),
            content=self.tidy(draft.content),
            schedule_text=self.tidy(draft.schedule_text),
            output=self.tidy(draft.output),
            note=self.tidy(draft.note),
            target=self.tidy(draft.target),
            lead_text=self.tidy(draft.lead_text),
            coordinate_text=self.tidy(draft.coordinate_text),
            assignment_raw=self.tidy(draft.assignment_raw),
            extras=[(tidy_line(title), self.tidy(text)) for title, text in draft.extras.items() if text],
        )
        task.deadline = self._deadline(task.schedule_text)
        task_id = repo.insert_row(self.db, "task", repo.task_row(task))
        links = [TaskUnit(unit, Role.LEAD) for name in draft.lead_units if (unit := self._unit_id(name)) is not None]
        links += [
            TaskUnit(unit, Role.COORDINATE) for name in draft.coordinate_units if (unit := self._unit_id(name)) is not None
        ]
        self.links += repo.link_rows(task_id, links)
        for child_position, child in enumerate(draft.children):
            self.add_task(section_id, child, child_position, parent_id=task_id)

    def _deadline(self, schedule_text: str) -> deadlines.Deadline:
        found = self._deadlines.get(schedule_text)
        if found is None:
            found = self._deadlines[schedule_text] = deadlines.parse(schedule_text, self.plan.year)
        return found

    def _unit_id(self, name: str) -> int | None:
        if name not in self._unit_ids:
            self._unit_ids[name] = resolve_unit(self.db, name)
        return self._unit_ids[name]


def _reparse_deadlines(db: sqlite_utils.Database, plan_id: int, year: int) -> None:
    """Deadlines without a year of their own follow the plan's year."""
    for row in db.query("SELECT * FROM task WHERE plan_id = ?", [plan_id]):
        task = repo.task_from_row(row)
        task.deadline = deadlines.parse(task.schedule_text, year)
        new = repo.task_row(task)
        db["task"].update(task.id, {"deadline": new["deadline"], "due_last": new["due_last"]})
