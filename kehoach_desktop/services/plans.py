"""Plans: list, read whole, save an imported draft, edit the header, delete."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Mapping
from dataclasses import dataclass, fields
from typing import TYPE_CHECKING, Any

from kehoach_desktop.domain import deadlines
from kehoach_desktop.domain.areas import OTHER, is_area_code
from kehoach_desktop.domain.models import Plan, Role, Section, Task, TaskUnit
from kehoach_desktop.domain.text import tidy, tidy_line
from kehoach_desktop.domain.tree import PlanTree
from kehoach_desktop.services.errors import NotFoundError, ServiceError
from kehoach_desktop.services.outcome import Outcome, Recording
from kehoach_desktop.services.units import UnitResolver
from kehoach_desktop.store import Store
from kehoach_desktop.store import plans as plan_rows
from kehoach_desktop.store import tasks as task_rows
from kehoach_desktop.store.database import now_text
from kehoach_desktop.store.rows import Row, insert_rows
from kehoach_desktop.store.snapshots import Scope

if TYPE_CHECKING:  # drafts come from the importers; the window opens without them
    from kehoach_desktop.domain.drafts import PlanDraft, SectionDraft, TaskDraft

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
        conn = self.store.conn
        counts = plan_rows.task_counts(conn)
        return [
            PlanSummary(p.id, p.year, p.title, p.doc_number, p.issuer, counts.get(p.id, 0))
            for p in plan_rows.load_plans(conn)
        ]

    def get(self, plan_id: int) -> Plan:
        plan = plan_rows.load_plan(self.store.conn, plan_id)
        if plan is None:
            raise NotFoundError(f"Không có kế hoạch số {plan_id}.")
        return plan

    def tree(self, plan_ids: int | list[int]) -> PlanTree:
        """The plans with all their sections and tasks (a few queries in all)."""
        ids = [plan_ids] if isinstance(plan_ids, int) else list(plan_ids)
        plans = [self.get(plan_id) for plan_id in ids]
        if not ids:
            return PlanTree([], [], [])
        conn = self.store.conn
        return PlanTree(plans, plan_rows.load_sections(conn, ids), task_rows.load_tasks(conn, ids))

    def first_screen(self, plan_ids: list[int], enough: int) -> PlanTree | None:
        """The plans with their sections, and the first `enough` tasks of the first sections
        as printed: what the window's first screen shows, read before the rest. None when
        the plans have no more than `enough` tasks."""
        conn = self.store.conn
        counts = task_rows.section_counts(conn, plan_ids)
        if sum(counts.values()) <= enough:
            return None
        plans = [self.get(plan_id) for plan_id in plan_ids]
        sections = plan_rows.load_sections(conn, plan_ids)
        outline = PlanTree(plans, sections, [])
        chosen, total = [], 0
        for plan_id in plan_ids:
            for section in outline.ordered_sections(plan_id):
                if total >= enough:
                    break
                chosen.append(section.id)
                total += counts.get(section.id, 0)
        return PlanTree(plans, sections, task_rows.load_tasks_in_sections(conn, chosen, enough))

    def find_by_digest(self, digest: str) -> list[PlanSummary]:
        """Plans imported from the same content (to catch an import made twice)."""
        if not digest:
            return []
        ids = plan_rows.ids_with_digest(self.store.conn, digest)
        return [summary for summary in self.list_plans() if summary.id in ids]

    def has_digest(self, digest: str) -> bool:
        return plan_rows.digest_exists(self.store.conn, digest)

    def create(
        self, draft: PlanDraft, tidy_text: Callable[[str | None], str] = tidy,
        unit_ids: Mapping[str, int | None] | None = None,
    ) -> Outcome[int]:  # fmt: skip
        """Save a whole plan in one transaction; the value is its id. Undoing it removes
        the plan and the units its import added to the directory.

        Every text is tidied on the way in with `tidy_text`, domain.text.tidy or
        one that gives the same answers faster (the importers pass theirs, which
        already knows the texts it tidied while reading the file). `unit_ids` says
        which directory entry each assignment phrase links to (None: no link, for
        an outside body or an ignored phrase); phrases it lacks are resolved by name."""
        plan = normalised_plan(draft.plan, tidy_text)
        with self.store.write() as conn:
            recording = Recording(conn)
            plan_id = plan_rows.insert_plan(conn, plan, now_text())
            saver = _PlanSaver(conn, plan, plan_id, tidy_text, unit_ids)
            for position, section in enumerate(draft.sections):
                saver.add_section(section, position, parent_id=None)
            insert_rows(conn, "task_unit", saver.links)
            recording.created(plan_scope(conn, plan_id))
            recording.created([("unit", "id", saver.units.created)])
            return recording.finish(plan_id)

    def update_header(self, plan_id: int, **changes: Any) -> Outcome[None]:
        """Change header fields (HEADER_FIELDS); a new year re-reads the deadlines without one."""
        unknown = set(changes) - set(HEADER_FIELDS)
        if unknown:
            raise ValueError(f"not header fields: {sorted(unknown)}")
        plan = self.get(plan_id)
        before = {name: getattr(plan, name) for name in changes}
        for name, value in changes.items():
            setattr(plan, name, value)
        plan = normalised_plan(plan)
        row = plan_rows.plan_row(plan)
        new_year = "year" in changes and changes["year"] != before["year"]
        with self.store.write() as conn:
            scope: Scope = [("plan", "id", [plan_id])] + ([("task", "plan_id", [plan_id])] if new_year else [])
            recording = Recording(conn, scope)
            plan_rows.update_plan(conn, plan_id, {**{name: row[name] for name in changes}, "updated_at": now_text()})
            if new_year:
                _reparse_deadlines(conn, plan_id, plan.year)
            return recording.finish(None)

    def delete(self, plan_id: int) -> Outcome[None]:
        """The plan with its sections, tasks, unit links, progress and evidence (undoable)."""
        self.get(plan_id)
        with self.store.write() as conn:
            recording = Recording(conn, plan_scope(conn, plan_id))
            plan_rows.delete_plan(conn, plan_id)
            return recording.finish(None)


def plan_scope(conn: sqlite3.Connection, plan_id: int) -> Scope:
    """Every row of a plan: what deleting it removes, and putting it back restores."""
    task_ids = task_rows.plan_task_ids(conn, plan_id)
    return [
        ("plan", "id", [plan_id]),
        ("section", "plan_id", [plan_id]),
        ("task", "plan_id", [plan_id]),
        ("task_unit", "task_id", task_ids),
        ("progress_update", "task_id", task_ids),
        ("evidence", "task_id", task_ids),
        ("office_decision", "task_id", task_ids),
    ]


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

    def __init__(self, conn: sqlite3.Connection, plan: Plan, plan_id: int, tidy_text: Callable[[str | None], str],
                 unit_ids: Mapping[str, int | None] | None = None):  # fmt: skip
        self.conn = conn
        self.plan = plan
        self.plan_id = plan_id
        self.tidy = tidy_text
        self.links: list[Row] = []
        self.units = UnitResolver(conn)
        # Phrases already resolved by the organization (None: not an assignee).
        self._unit_ids: dict[str, int | None] = dict(unit_ids or {})
        self._deadlines: dict[str, deadlines.Deadline] = {}

    def add_section(self, draft: SectionDraft, position: int, parent_id: int | None) -> None:
        area_code = draft.area_code if is_area_code(draft.area_code) else OTHER
        section = Section(
            plan_id=self.plan_id, parent_id=parent_id, ordinal=tidy_line(draft.ordinal),
            title=self.tidy(draft.title), area_code=area_code, position=position,
        )  # fmt: skip
        section_id = plan_rows.insert_section(self.conn, section)
        for task_position, task in enumerate(draft.tasks):
            self.add_task(section_id, task, task_position, parent_id=None)
        for sub_position, sub in enumerate(draft.subsections):
            self.add_section(sub, sub_position, parent_id=section_id)

    def add_task(self, section_id: int, draft: TaskDraft, position: int, parent_id: int | None) -> None:
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
        task_id = task_rows.insert_task(self.conn, task)
        links = [TaskUnit(unit, Role.LEAD) for name in draft.lead_units if (unit := self._unit_id(name)) is not None]
        links += [
            TaskUnit(unit, Role.COORDINATE) for name in draft.coordinate_units if (unit := self._unit_id(name)) is not None
        ]
        self.links += task_rows.link_rows(task_id, links)
        for child_position, child in enumerate(draft.children):
            self.add_task(section_id, child, child_position, parent_id=task_id)

    def _deadline(self, schedule_text: str) -> deadlines.Deadline:
        found = self._deadlines.get(schedule_text)
        if found is None:
            found = self._deadlines[schedule_text] = deadlines.parse(schedule_text, self.plan.year)
        return found

    def _unit_id(self, name: str) -> int | None:
        if name not in self._unit_ids:
            self._unit_ids[name] = self.units(name)
        return self._unit_ids[name]

def _reparse_deadlines(conn: sqlite3.Connection, plan_id: int, year: int) -> None:
    """Deadlines without a year of their own follow the plan's year."""
    for row in task_rows.plan_task_rows(conn, plan_id):
        task = task_rows.task_from_row(row)
        task.deadline = deadlines.parse(task.schedule_text, year)
        new = task_rows.task_row(task)
        task_rows.update_task(conn, row["id"], {"deadline": new["deadline"], "due_last": new["due_last"]})
