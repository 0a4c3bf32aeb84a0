"""The periodic reporting round-trip: the tracking table out, unit forms out,
the units' filled forms back in, and who has reported.

Who reports on what
-------------------
Forms go to the individual units (kind `unit`) linked to any task of the plan.
A task given to a group ("Các phòng, đơn vị trực thuộc Sở", kind `group`)
appears on the form of every one of those units (in the lead or coordinate
group, as the group's role says), unless the unit is linked to the task
itself, which then decides its role. A plan whose tasks are only given to
groups sends the forms to the groups.

The consolidated answer of a task for a period
----------------------------------------------
Each unit's latest update of that period is its answer. The status (and
percent) come from the deciding answers: the units linked as lead (chủ trì)
when any of them answered, else the units leading through a group, else the
coordinating units. When the deciding answers differ, the least advanced one
counts (Chưa triển khai < Đang thực hiện < Không thực hiện < Hoàn thành): a
task is done when every unit leading it is done. The result lists every
unit's answer, lead units first. Two lead units (linked directly) answering
with different statuses is a conflict the import preview shows.

After an import, each task whose period is its latest takes the consolidated
answer (status, result, completed_on), not merely the last update written.

"For the period" in the tracking table
--------------------------------------
With a period P, each task shows: the updates of P itself when there are
any, else those of the latest period lying inside P (the September report in
a quarter-III table); the evidence of every update inside P. With no update
inside P, the latest update before P's end, marked with its period in
"Ghi chú". With no update at all, the task's own status and result (set by
hand). Without a period: the task's current status and result, the percent
and difficulties of its latest period, and all its evidence. "Hoàn thành trễ
hạn", "Quá hạn" and "Sắp đến hạn" are judged as of P's end (or today, if
earlier; today without a period).

Threads
-------
The methods here use the store's SQLite connection, which belongs to the
thread that opened it. The slow parts are pure functions on plain objects and
may run on any thread: `exporters.xlsx_export.write_tracking_table`,
`exporters.unit_forms.write_forms`, `importers.forms_reader.read_forms`. So the
window can (a) build the data here (`tracking_table`, `forms_bundle`: a few
queries), write on a worker; (b) read files on a worker (`read_forms`) and
call `preview_forms` here; or (c) give a worker its own `Services.open(path)`
and call any method there.
"""

from __future__ import annotations

import hashlib
import uuid
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date
from enum import Enum
from pathlib import Path

from kehoach_desktop.domain.judgement import Timeliness, judge, status_label
from kehoach_desktop.domain.models import Evidence, ProgressUpdate, Role, Task, Unit, UnitKind
from kehoach_desktop.domain.periods import Period, PeriodError, parse_period
from kehoach_desktop.domain.statuses import Status
from kehoach_desktop.domain.text import fold, numbered, tidy
from kehoach_desktop.domain.tree import PlanTree
from kehoach_desktop.domain.units import unit_key
from kehoach_desktop.exporters import unit_forms, xlsx_export
from kehoach_desktop.exporters.unit_forms import FormsBundle, FormSection, FormTask, UnitFormData
from kehoach_desktop.exporters.xlsx_export import CellNote, ExportError, TrackingRow, TrackingSection, TrackingTable
from kehoach_desktop.importers import forms_reader
from kehoach_desktop.importers.forms_reader import FormFile, FormProblem, Level, evidence_keys
from kehoach_desktop.services.errors import ServiceError
from kehoach_desktop.services.plans import PlanService
from kehoach_desktop.services.progress import ProgressService
from kehoach_desktop.services.units import find_unit
from kehoach_desktop.store import Store
from kehoach_desktop.store import repository as repo

# How far along a status is; the least advanced deciding answer wins.
RANK = {Status.NOT_STARTED: 0, Status.IN_PROGRESS: 1, Status.NOT_DONE: 2, Status.DONE: 3}
NOT_REPORTED = "Chưa báo cáo"
DATABASE_ID_KEY = "database_id"  # in app_meta

# Problem codes found here (the reader's are in importers/forms_reader.py).
UNKNOWN_PLAN = "unknown_plan"
WRONG_PLAN = "wrong_plan"
WRONG_PERIOD = "wrong_period"
TASK_GONE = "task_gone"
UNIT_GONE = "unit_gone"
UNITS_DISAGREE = "units_disagree"
DUPLICATE = "duplicate"
NOT_ASSIGNED = "not_assigned"
NOTHING_FILLED = "nothing_filled"


class PathList(list):
    """The files written (a list of Path), with `.notes`: texts changed to fit Excel."""

    def __init__(self, paths=(), notes: list[CellNote] | None = None):
        super().__init__(paths)
        self.notes = notes or []


# --- plain objects handed to the window and the command line -----------------------


class ChangeKind(str, Enum):
    NEW = "new"
    CHANGED = "changed"
    SAME = "same"

    @property
    def label(self) -> str:
        return {"new": "Mới", "changed": "Thay đổi", "same": "Không đổi"}[self.value]


@dataclass
class PreviewEntry:
    """One unit's answer on one task, as the import would record it."""

    kind: ChangeKind
    plan_id: int
    period: str
    task_id: int
    task_label: str
    unit_id: int
    unit_name: str
    role_label: str  # "Chủ trì", "Phối hợp", "Chủ trì (giao chung)", "Không được giao"
    update: ProgressUpdate
    where: str
    replaces: list[int] = field(default_factory=list)  # existing updates of the same task/unit/period
    changes: list[str] = field(default_factory=list)  # what differs from the existing update


@dataclass
class FileSummary:
    path: Path
    plan_id: int | None
    plan_title: str
    period: str
    units: list[str]
    filled_rows: int
    task_rows: int


@dataclass
class FormsPreview:
    files: list[FileSummary]
    entries: list[PreviewEntry]
    problems: list[FormProblem]
    expected_plan_id: int | None
    expected_period: str | None
    forms: list[FormFile]  # what was read; apply matches it again inside its transaction
    fingerprint: str

    def _kind(self, kind: ChangeKind) -> list[PreviewEntry]:
        return [entry for entry in self.entries if entry.kind is kind]

    @property
    def new(self) -> list[PreviewEntry]:
        return self._kind(ChangeKind.NEW)

    @property
    def changed(self) -> list[PreviewEntry]:
        return self._kind(ChangeKind.CHANGED)

    @property
    def unchanged(self) -> list[PreviewEntry]:
        return self._kind(ChangeKind.SAME)

    def _level(self, level: Level) -> list[FormProblem]:
        return [problem for problem in self.problems if problem.level is level]

    @property
    def errors(self) -> list[FormProblem]:
        return self._level(Level.ERROR)

    @property
    def conflicts(self) -> list[FormProblem]:
        return self._level(Level.CONFLICT)

    @property
    def notes(self) -> list[FormProblem]:
        return self._level(Level.NOTE)

    def can_apply(self, accept_conflicts: bool = False) -> bool:
        return not self.errors and (accept_conflicts or not self.conflicts)


@dataclass(frozen=True)
class ApplyCounts:
    new: int
    changed: int
    unchanged: int
    evidence: int
    tasks: int  # tasks whose consolidated answer was settled


@dataclass
class UnitAnswer:
    unit_id: int | None
    unit_name: str
    role_label: str
    status: Status
    status_label: str
    percent: int | None
    result: str
    difficulties: str
    evidence: list[Evidence]
    reported_on: date | None


@dataclass
class TaskConsolidation:
    task_id: int
    number: str
    content: str
    section: str
    depth: int
    status: Status | None  # None: no unit answered for the period
    status_label: str
    percent: int | None
    result: str
    answers: list[UnitAnswer]
    missing: list[str]  # units given the task that have not answered


@dataclass
class UnitReport:
    unit_id: int
    unit_name: str
    assigned: int  # tasks on the unit's form
    answered: int
    last_reported_on: date | None

    @property
    def reported(self) -> bool:
        return self.answered > 0

    @property
    def label(self) -> str:
        return "Đã báo cáo" if self.reported else "Chưa báo cáo"


@dataclass
class ReportingStatus:
    plan_id: int
    period: str
    period_label: str
    units: list[UnitReport]
    tasks: list[TaskConsolidation]

    @property
    def reported(self) -> list[UnitReport]:
        return [unit for unit in self.units if unit.reported]

    @property
    def not_reported(self) -> list[UnitReport]:
        return [unit for unit in self.units if not unit.reported]

    def to_json(self) -> dict:
        def day(value: date | None) -> str | None:
            return value.isoformat() if value else None

        return {
            "plan_id": self.plan_id,
            "period": self.period,
            "period_label": self.period_label,
            "units": [
                {"unit_id": u.unit_id, "unit": u.unit_name, "reported": u.reported, "label": u.label,
                 "assigned": u.assigned, "answered": u.answered, "last_reported_on": day(u.last_reported_on)}
                for u in self.units
            ],  # fmt: skip
            "tasks": [
                {
                    "task_id": t.task_id, "number": t.number, "content": t.content, "section": t.section,
                    "status": t.status.value if t.status else None, "status_label": t.status_label,
                    "percent": t.percent, "result": t.result, "missing": t.missing,
                    "answers": [
                        {"unit_id": a.unit_id, "unit": a.unit_name, "role": a.role_label,
                         "status": a.status.value, "status_label": a.status_label, "percent": a.percent,
                         "result": a.result, "difficulties": a.difficulties,
                         "evidence": [evidence_line(e) for e in a.evidence],
                         "reported_on": day(a.reported_on)}
                        for a in t.answers
                    ],
                }
                for t in self.tasks
            ],  # fmt: skip
        }


# --- who is given what ---------------------------------------------------------------


@dataclass(frozen=True)
class Assignment:
    role: Role
    via: str = ""  # the group's name when given through a group

    @property
    def tier(self) -> int:
        """0 linked as lead, 1 lead through a group, 2 coordinating."""
        if self.role is Role.LEAD:
            return 1 if self.via else 0
        return 2

    @property
    def label(self) -> str:
        return f"{self.role.label} (giao chung)" if self.via else self.role.label


UNASSIGNED_TIER = 3


class PlanContext:
    """One plan read for matching and consolidating: tree, units, assignments, progress."""

    def __init__(self, store: Store, plan_id: int):
        db = store.db
        self.plan_id = plan_id
        self.tree: PlanTree = PlanService(store).tree(plan_id)
        self.plan = self.tree.plan_by_id[plan_id]
        self.created_at = db.execute("SELECT created_at FROM plan WHERE id = ?", [plan_id]).fetchone()[0]
        self.units: dict[int, Unit] = {unit.id: unit for unit in repo.load_units(db)}
        self.walk = list(self.tree.plan_walk(plan_id))
        self.task_by_id: dict[int, Task] = {task.id: task for _, task, _ in self.walk}
        self.reporters = self._reporters()
        self.assignments = self._assignments()
        self.progress = _plan_progress(db, plan_id)

    def _reporters(self) -> list[int]:
        linked = {link.unit_id for task in self.task_by_id.values() for link in task.units}
        singles = [uid for uid in linked if self.units[uid].kind is UnitKind.UNIT]
        chosen = singles or list(linked)
        return sorted(chosen, key=lambda uid: fold(self.units[uid].name))

    def _assignments(self) -> dict[int, dict[int, Assignment]]:
        """task id → unit id → how the unit is given the task."""
        reporters = set(self.reporters)
        result: dict[int, dict[int, Assignment]] = {}
        for task in self.task_by_id.values():
            direct: dict[int, Assignment] = {}
            group_roles: list[tuple[Role, str]] = []
            for link in task.units:
                if link.unit_id in reporters:
                    if link.unit_id not in direct or link.role is Role.LEAD:
                        direct[link.unit_id] = Assignment(link.role)
                else:
                    group_roles.append((link.role, self.units[link.unit_id].name))
            given = dict(direct)
            if group_roles:
                leads = [name for role, name in group_roles if role is Role.LEAD]
                via = Assignment(Role.LEAD, leads[0]) if leads else Assignment(Role.COORDINATE, group_roles[0][1])
                for unit_id in reporters:
                    given.setdefault(unit_id, via)
            result[task.id] = given
        return result

    def assignment(self, task_id: int, unit_id: int | None) -> Assignment | None:
        return self.assignments.get(task_id, {}).get(unit_id)

    def tier(self, task_id: int, unit_id: int | None) -> int:
        found = self.assignment(task_id, unit_id)
        return found.tier if found else UNASSIGNED_TIER

    def direct_leads(self, task_id: int) -> set[int]:
        return {
            unit_id for unit_id, given in self.assignments.get(task_id, {}).items()
            if given.role is Role.LEAD and not given.via
        }  # fmt: skip

    def section_label(self, section_id: int) -> str:
        section = self.tree.section_by_id[section_id]
        return numbered(section.ordinal, section.title)


def _plan_progress(db, plan_id: int) -> dict[int, list[ProgressUpdate]]:
    """Every update of the plan's tasks with its evidence, newest first per task."""
    updates: dict[int, list[ProgressUpdate]] = defaultdict(list)
    by_id: dict[int, ProgressUpdate] = {}
    rows = db.query(
        "SELECT p.*, u.name AS unit_name FROM progress_update p JOIN task t ON t.id = p.task_id "
        "LEFT JOIN unit u ON u.id = p.unit_id WHERE t.plan_id = ? "
        "ORDER BY p.period_end DESC, p.reported_on DESC, p.id DESC",
        [plan_id],
    )
    for row in rows:
        update = repo.progress_from_row(row)
        updates[update.task_id].append(update)
        by_id[update.id] = update
    evidence_rows = db.query(
        "SELECT e.* FROM evidence e JOIN task t ON t.id = e.task_id WHERE t.plan_id = ? ORDER BY e.id", [plan_id]
    )
    for row in evidence_rows:
        owner = by_id.get(row["progress_id"])
        if owner:
            owner.evidence.append(repo.evidence_from_row(row))
    return updates


# --- consolidation ---------------------------------------------------------------------


def latest_per_unit(updates: list[ProgressUpdate]) -> list[ProgressUpdate]:
    """Each unit's newest update among `updates` (which come newest first)."""
    seen: set = set()
    out = []
    for update in updates:
        if update.unit_id not in seen:
            seen.add(update.unit_id)
            out.append(update)
    return out


def deciding(answers: list[ProgressUpdate], tier_of) -> ProgressUpdate | None:
    """The answer that sets the task's status: best tier, then least advanced."""
    if not answers:
        return None
    best = min(tier_of(answer) for answer in answers)
    candidates = [answer for answer in answers if tier_of(answer) == best]
    return min(candidates, key=lambda answer: RANK[answer.status])


def combined_text(answers: list[ProgressUpdate], tier_of, attribute: str) -> str:
    """One answer's text as is; several as "- Unit: text" lines, lead units first."""
    texts = [
        (tier_of(answer), fold(answer.unit_name), answer.unit_name, getattr(answer, attribute))
        for answer in answers
        if getattr(answer, attribute)
    ]
    texts.sort()
    if len(answers) <= 1 or len(texts) == 0:
        return texts[0][3] if texts else ""
    return "\n".join(f"- {name or 'Không rõ đơn vị'}: {text}" for _, _, name, text in texts)


def evidence_line(evidence: Evidence) -> str:
    """"Số 12/BC-SXD ngày 05/06/2025 – Kết quả ..." (the parts there are)."""
    head = " ".join(
        part for part in (
            f"Số {evidence.doc_number}" if evidence.doc_number else "",
            f"ngày {evidence.issued_on:%d/%m/%Y}" if evidence.issued_on else "",
        ) if part
    )  # fmt: skip
    if head and evidence.summary:
        return f"{head} – {evidence.summary}"
    return head or evidence.summary


def _unique_evidence(updates: list[ProgressUpdate]) -> list[Evidence]:
    seen, out = set(), []
    for update in sorted(updates, key=lambda u: u.id or 0):
        for item in update.evidence:
            key = evidence_keys([item])
            if key not in seen:
                seen.add(key)
                out.append(item)
    return out


def _period_of(code: str) -> Period:
    return parse_period(code)


def _to_period(period: str | Period | None) -> Period | None:
    if period is None or isinstance(period, Period):
        return period
    try:
        return parse_period(period)
    except PeriodError as exc:
        raise ServiceError(str(exc)) from exc


# --- the service ---------------------------------------------------------------------------


class FormsService:
    def __init__(self, store: Store):
        self.store = store
        self.progress = ProgressService(store)

    def database_id(self) -> str:
        """This database's own random id (created on first use), carried in every form so a
        form made from another database — even with the same plan id and time — is recognised."""
        row = self.store.db.execute("SELECT value FROM app_meta WHERE key = ?", [DATABASE_ID_KEY]).fetchone()
        if row or self.store.readonly:
            return row[0] if row else ""
        with self.store.write() as db:
            db.execute(
                "INSERT OR IGNORE INTO app_meta (key, value) VALUES (?, ?)", [DATABASE_ID_KEY, uuid.uuid4().hex]
            )
            return db.execute("SELECT value FROM app_meta WHERE key = ?", [DATABASE_ID_KEY]).fetchone()[0]

    def _context(self, plan_id: int) -> PlanContext:
        PlanService(self.store).get(plan_id)  # NotFoundError in Vietnamese
        return PlanContext(self.store, plan_id)

    # --- the tracking table ---------------------------------------------------------

    def tracking_table(self, plan_id: int, period: str | Period | None = None) -> TrackingTable:
        """The plan's tasks by section with the values for the period (see the module text)."""
        wanted = _to_period(period)
        ctx = self._context(plan_id)
        today = date.today()
        as_of = min(today, wanted.end) if wanted else today
        sections: list[TrackingSection] = []
        extra_columns: list[str] = []
        for section in ctx.tree.ordered_sections(plan_id):
            entry = TrackingSection(ctx.section_label(section.id), 1 if section.parent_id else 0)
            for task, depth in ctx.tree.section_walk(section):
                entry.rows.append(self._tracking_row(ctx, task, depth, wanted, as_of))
                extra_columns += [title for title, _ in task.extras if title not in extra_columns]
            sections.append(entry)
        lines = [
            "BẢNG THEO DÕI TIẾN ĐỘ THỰC HIỆN KẾ HOẠCH",
            ctx.plan.display_name,
            (f"Kỳ báo cáo: {wanted.label}" if wanted else "Tình hình đến ngày " + today.strftime("%d/%m/%Y"))
            + f" (xuất ngày {today:%d/%m/%Y})",
        ]
        return TrackingTable(title_lines=lines, sections=sections, extra_columns=extra_columns)

    def export_tracking_table(self, plan_id: int, period: str | Period | None, path: Path | str) -> list[CellNote]:
        """Write the tracking table; returns the texts changed to fit Excel (reported to the user)."""
        table = self.tracking_table(plan_id, period)
        try:
            return xlsx_export.write_tracking_table(table, Path(path))
        except ExportError as exc:
            raise ServiceError(str(exc)) from exc

    def _tracking_row(
        self, ctx: PlanContext, task: Task, depth: int, period: Period | None, as_of: date
    ) -> TrackingRow:
        updates = ctx.progress.get(task.id, [])
        values = _values_for_period(ctx, task, updates, period)
        timeliness = judge(task.deadline, values.status, values.completed_on, as_of)
        notes = [timeliness.label] if timeliness in (Timeliness.OVERDUE, Timeliness.DUE_SOON) else []
        if values.source:
            notes.append(values.source)
        return TrackingRow(
            number=task.number,
            content=task.content,
            depth=depth,
            has_children=bool(ctx.tree.children(task)),
            schedule_text=task.schedule_text,
            due=_due_date(task, period),
            lead=_units_text(task, Role.LEAD),
            coordinate=_units_text(task, Role.COORDINATE),
            status_label=status_label(values.status, timeliness),
            percent=values.percent,
            result=values.result,
            evidence="\n".join(evidence_line(item) for item in values.evidence),
            difficulties=values.difficulties,
            note="\n".join(notes),
            extras=dict(task.extras),
        )

    # --- unit forms ------------------------------------------------------------------

    def forms_bundle(self, plan_id: int, period: str | Period) -> FormsBundle:
        """What the forms of the period carry, unit by unit (no file written)."""
        wanted = _to_period(period)
        if wanted is None:
            raise ServiceError("Cần chọn kỳ báo cáo để xuất mẫu báo cáo cho các đơn vị.")
        ctx = self._context(plan_id)
        bundle = FormsBundle(
            plan_id=plan_id,
            plan_created_at=ctx.created_at,
            database_id=self.database_id(),
            plan_title=ctx.plan.title,
            plan_display=ctx.plan.display_name,
            period_code=wanted.code,
            period_label=wanted.label,
            period_range=f"từ ngày {wanted.start:%d/%m/%Y} đến ngày {wanted.end:%d/%m/%Y}",
        )
        for unit_id in ctx.reporters:
            unit = ctx.units[unit_id]
            data = UnitFormData(unit_id=unit_id, unit_name=unit.name, sheet_name=unit.short_name or unit.name)
            data.lead = _form_sections(ctx, unit_id, wanted, Role.LEAD)
            data.coordinate = _form_sections(ctx, unit_id, wanted, Role.COORDINATE)
            if data.task_count():
                bundle.units.append(data)
        return bundle

    def export_forms(
        self, plan_id: int, period: str | Period, folder: Path | str, one_workbook: bool = False
    ) -> PathList:
        """Write the forms; returns their paths (a list, with `.notes` for texts changed to fit Excel)."""
        bundle = self.forms_bundle(plan_id, period)
        if not bundle.units:
            raise ServiceError(
                "Kế hoạch chưa có nhiệm vụ nào được giao cho đơn vị trong danh mục; hãy phân công đơn vị "
                "chủ trì, phối hợp trước khi xuất mẫu báo cáo."
            )
        folder = Path(folder)
        try:
            folder.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise ServiceError(f"Không tạo được thư mục {folder}: {exc.strerror or exc}.") from exc
        try:
            written = unit_forms.write_forms(bundle, folder, one_workbook)
        except ExportError as exc:
            raise ServiceError(str(exc)) from exc
        return PathList(written.paths, written.notes)

    # --- forms back in -----------------------------------------------------------------

    def preview_import(
        self, paths: list[Path | str], expected_plan_id: int | None = None, expected_period: str | None = None
    ) -> FormsPreview:
        """Read the files and say what importing them would do; writes nothing."""
        return self.preview_forms(forms_reader.read_forms(paths), expected_plan_id, expected_period)

    def preview_forms(
        self, forms: list[FormFile], expected_plan_id: int | None = None, expected_period: str | None = None
    ) -> FormsPreview:
        """Like preview_import, for files already read (read_forms may run on a worker thread)."""
        expected = _to_period(expected_period)
        if expected_plan_id is not None:
            PlanService(self.store).get(expected_plan_id)
        return _Matcher(self.store, expected_plan_id, expected.code if expected else None).match(forms)

    def apply(self, preview: FormsPreview, *, accept_conflicts: bool = False) -> ApplyCounts:
        """Record every new and changed answer in one transaction, or nothing.

        Refused while the preview has errors, or conflicts not accepted; refused
        too when the database changed since the preview (it is matched again
        inside the transaction and must come out the same).
        """
        if preview.errors:
            raise ServiceError(_refusal("Chưa nhập được vì còn lỗi trong tệp:", preview.errors))
        if preview.conflicts and not accept_conflicts:
            raise ServiceError(
                _refusal("Chưa nhập vì có xung đột cần xem và chấp nhận trước:", preview.conflicts)
            )
        senders = ", ".join(sorted({entry.unit_name for entry in preview.entries if entry.unit_name}))
        with self.store.acting_as("form", senders), self.store.write() as db:
            fresh = _Matcher(self.store, preview.expected_plan_id, preview.expected_period).match(preview.forms)
            if fresh.fingerprint != preview.fingerprint:
                raise ServiceError(
                    "Dữ liệu đã thay đổi kể từ lúc xem trước (có báo cáo hoặc nhiệm vụ vừa được sửa); "
                    "hãy xem trước lại rồi mới nhập."
                )
            todo = [entry for entry in fresh.entries if entry.kind is not ChangeKind.SAME]
            for entry in todo:
                for old_id in entry.replaces:
                    db.execute("DELETE FROM progress_update WHERE id = ?", [old_id])
            for entry in todo:
                self.progress.record(entry.update)
            settled = {(entry.plan_id, entry.task_id, entry.period) for entry in todo}
            contexts: dict[int, PlanContext] = {}
            for plan_id, task_id, period in sorted(settled):
                if plan_id not in contexts:
                    contexts[plan_id] = PlanContext(self.store, plan_id)
                _settle_task(db, contexts[plan_id], task_id, period)
        return ApplyCounts(
            new=len(fresh.new),
            changed=len(fresh.changed),
            unchanged=len(fresh.unchanged),
            evidence=sum(len(entry.update.evidence) for entry in todo),
            tasks=len(settled),
        )

    # --- who has reported ----------------------------------------------------------------

    def reporting_status(self, plan_id: int, period: str | Period) -> ReportingStatus:
        """Which units have reported for the period (đã / chưa báo cáo), and each task's
        consolidated answer with every unit's own answer."""
        wanted = _to_period(period)
        if wanted is None:
            raise ServiceError("Cần chọn kỳ báo cáo.")
        ctx = self._context(plan_id)
        as_of = min(date.today(), wanted.end)
        assigned: dict[int, int] = defaultdict(int)
        answered: dict[int, int] = defaultdict(int)
        last_on: dict[int, date] = {}
        tasks: list[TaskConsolidation] = []
        for section, task, depth in ctx.walk:
            given = ctx.assignments.get(task.id, {})
            for unit_id in given:
                assigned[unit_id] += 1
            answers = latest_per_unit([u for u in ctx.progress.get(task.id, []) if u.period == wanted.code])
            for answer in answers:
                if answer.unit_id is None:
                    continue
                answered[answer.unit_id] += 1
                if answer.reported_on and answer.reported_on > last_on.get(answer.unit_id, date.min):
                    last_on[answer.unit_id] = answer.reported_on
            tasks.append(_consolidation(ctx, section.id, task, depth, answers, as_of))
        unit_ids = set(assigned) | set(answered)
        units = [
            UnitReport(uid, ctx.units[uid].name, assigned.get(uid, 0), answered.get(uid, 0), last_on.get(uid))
            for uid in unit_ids
            if uid in ctx.units
        ]
        units.sort(key=lambda unit: fold(unit.unit_name))
        return ReportingStatus(plan_id, wanted.code, wanted.label, units, tasks)


# --- period values (tracking table) ----------------------------------------------------


@dataclass
class _Values:
    status: Status
    percent: int | None
    result: str
    difficulties: str
    evidence: list[Evidence]
    completed_on: date | None
    source: str = ""  # "Số liệu theo báo cáo tháng 08 năm 2025"


def _values_for_period(ctx: PlanContext, task: Task, updates: list[ProgressUpdate], period: Period | None) -> _Values:
    def tier_of(update: ProgressUpdate) -> int:
        return ctx.tier(task.id, update.unit_id)

    if period is None:
        latest = _latest_period_group(updates)
        chosen = deciding(latest, tier_of)
        return _Values(
            task.status, chosen.percent if chosen else None, task.result,
            combined_text(latest, tier_of, "difficulties"), _unique_evidence(updates), task.completed_on,
        )  # fmt: skip
    spans = {update.period: _period_of(update.period) for update in updates}
    inside = [u for u in updates if period.start <= spans[u.period].start and spans[u.period].end <= period.end]
    exact = [u for u in inside if u.period == period.code]
    if exact or inside:
        group = latest_per_unit(exact) if exact else _latest_period_group(inside)
        source = "" if exact else f"Số liệu theo báo cáo {_period_of(group[0].period).label}"
        evidence = _unique_evidence(inside)
    else:
        earlier = [u for u in updates if spans[u.period].end <= period.end]
        if not earlier:
            if updates:  # reports exist, but only for later periods
                return _Values(Status.NOT_STARTED, None, "", "", [], None, "Chưa có báo cáo trong kỳ")
            return _Values(task.status, None, task.result, "", [], task.completed_on)
        group = _latest_period_group(earlier)
        source = f"Số liệu theo báo cáo {_period_of(group[0].period).label} (chưa có báo cáo kỳ này)"
        evidence = []
    chosen = deciding(group, tier_of)
    done_dates = [
        u.reported_on for u in updates
        if u.status is Status.DONE and u.reported_on and spans[u.period].end <= period.end
    ]  # fmt: skip
    completed = min(done_dates) if chosen.status is Status.DONE and done_dates else None
    return _Values(
        chosen.status, chosen.percent, combined_text(group, tier_of, "result"),
        combined_text(group, tier_of, "difficulties"), evidence, completed, source,
    )  # fmt: skip


def _latest_period_group(updates: list[ProgressUpdate]) -> list[ProgressUpdate]:
    """Each unit's answer for the latest period among `updates` (the longest one on a tie)."""
    if not updates:
        return []
    spans = {update.period: _period_of(update.period) for update in updates}
    code = max(spans, key=lambda c: (spans[c].end, spans[c].end - spans[c].start))
    return latest_per_unit([update for update in updates if update.period == code])


def _due_date(task: Task, period: Period | None) -> date | None:
    """The date the task is judged against: its final due date; for a recurring
    deadline, its last date inside the period."""
    if task.deadline.final_due:
        return task.deadline.final_due
    recurrence = task.deadline.recurrence
    if period is None or recurrence is None:
        return None
    years = range(period.start.year, period.end.year + 1)
    dates = [day for year in years for day in recurrence.dates_in_year(year) if period.contains(day)]
    return max(dates) if dates else None


def _units_text(task: Task, role: Role) -> str:
    names = task.unit_names(role)
    if names:
        return "\n".join(names)
    if role is Role.LEAD:
        return task.lead_text or task.assignment_raw
    return task.coordinate_text


# --- form contents -------------------------------------------------------------------------


def _form_sections(ctx: PlanContext, unit_id: int, period: Period, role: Role) -> list[FormSection]:
    sections: list[FormSection] = []
    current: FormSection | None = None
    shown: set[int] = set()
    for section, task, depth in ctx.walk:
        given = ctx.assignment(task.id, unit_id)
        if given is None or given.role is not role:
            continue
        if current is None or current.label != ctx.section_label(section.id):
            current = FormSection(ctx.section_label(section.id))
            sections.append(current)
        for ancestor, ancestor_depth in _missing_ancestors(ctx, task, depth, shown):
            current.tasks.append(
                FormTask(ancestor.id, ancestor.number, ancestor.content, depth=ancestor_depth, context_only=True)
            )
            shown.add(ancestor.id)
        shown.add(task.id)
        current.tasks.append(
            FormTask(
                task_id=task.id,
                number=task.number,
                content=task.content,
                schedule_text=task.schedule_text,
                units_text=_form_units_text(task, given),
                previous=_previous_text(ctx.progress.get(task.id, []), unit_id, period),
                depth=depth,
            )
        )
    return sections


def _missing_ancestors(ctx: PlanContext, task: Task, depth: int, shown: set[int]) -> list[tuple[Task, int]]:
    chain = []
    parent_id, level = task.parent_id, depth - 1
    while parent_id is not None and parent_id not in shown:
        parent = ctx.task_by_id[parent_id]
        chain.append((parent, level))
        parent_id, level = parent.parent_id, level - 1
    return list(reversed(chain))


def _form_units_text(task: Task, given: Assignment) -> str:
    lines = []
    for role, word in ((Role.LEAD, "Chủ trì"), (Role.COORDINATE, "Phối hợp")):
        names = _units_text(task, role).replace("\n", "; ")
        if names:
            lines.append(f"{word}: {names}")
    if given.via:
        lines.append(f"(Giao chung: {given.via})")
    return "\n".join(lines)


def _previous_text(updates: list[ProgressUpdate], unit_id: int, period: Period) -> str:
    """The unit's latest answer for an earlier period (updates come newest first)."""
    for update in updates:
        if update.unit_id != unit_id or update.period == period.code:
            continue
        span = _period_of(update.period)
        if span.end > period.end:
            continue
        head = f"{span.label[:1].upper()}{span.label[1:]}: {update.status.label}"
        if update.percent is not None:
            head += f", {update.percent}%"
        return f"{head}\n{update.result}" if update.result else head
    return ""


# --- matching forms against the database -------------------------------------------------


class _Matcher:
    def __init__(self, store: Store, expected_plan_id: int | None, expected_period: str | None):
        self.store = store
        self.expected_plan_id = expected_plan_id
        self.expected_period = expected_period
        self.contexts: dict[int, PlanContext] = {}
        self.problems: list[FormProblem] = []
        self.entries: list[PreviewEntry] = []

    def match(self, forms: list[FormFile]) -> FormsPreview:
        db = self.store.db
        plans = {row["id"]: row for row in db.query("SELECT id, created_at, title FROM plan")}
        row = db.execute("SELECT value FROM app_meta WHERE key = ?", [DATABASE_ID_KEY]).fetchone()
        self.database_id = row[0] if row else ""
        files = []
        for form in forms:
            self.problems.extend(form.problems)
            files.append(_summary(form))
            if form.identified:
                self._match_file(form, plans)
        self._merge_duplicates()
        self._find_disagreements()
        return FormsPreview(
            files=files,
            entries=self.entries,
            problems=self.problems,
            expected_plan_id=self.expected_plan_id,
            expected_period=self.expected_period,
            forms=forms,
            fingerprint=self._fingerprint(),
        )

    def _match_file(self, form: FormFile, plans: dict) -> None:
        where = f"Tệp «{form.name}»"
        plan = plans.get(form.plan_id)
        if plan is None or plan["created_at"] != form.plan_created_at or form.database_id != self.database_id:
            self.problems.append(
                FormProblem(
                    UNKNOWN_PLAN, Level.ERROR,
                    f"Mẫu báo cáo thuộc kế hoạch «{form.plan_title}» không có trong tệp dữ liệu này "
                    "(kế hoạch đã bị xóa, hoặc mẫu được xuất từ máy hoặc tệp dữ liệu khác).",
                    where,
                )  # fmt: skip
            )
            return
        if self.expected_plan_id is not None and form.plan_id != self.expected_plan_id:
            expected_title = plans[self.expected_plan_id]["title"] if self.expected_plan_id in plans else ""
            self.problems.append(
                FormProblem(
                    WRONG_PLAN, Level.CONFLICT,
                    f"Mẫu báo cáo của kế hoạch «{form.plan_title}», không phải kế hoạch đang nhập "
                    f"«{expected_title}»; nếu chấp nhận, kết quả được ghi cho kế hoạch của mẫu.",
                    where,
                )  # fmt: skip
            )
        try:
            period = _period_of(form.period)
        except PeriodError:
            self.problems.append(
                FormProblem(forms_reader.TAMPERED, Level.ERROR, "Kỳ báo cáo ghi trong mẫu không hợp lệ.", where)
            )
            return
        if self.expected_period and period.code != self.expected_period:
            expected = _period_of(self.expected_period)
            self.problems.append(
                FormProblem(
                    WRONG_PERIOD, Level.CONFLICT,
                    f"Mẫu báo cáo cho kỳ {period.label}, không phải kỳ đang nhập ({expected.label}); "
                    "nếu chấp nhận, kết quả được ghi cho kỳ của mẫu.",
                    where,
                )  # fmt: skip
            )
        if form.plan_id not in self.contexts:
            self.contexts[form.plan_id] = PlanContext(self.store, form.plan_id)
        ctx = self.contexts[form.plan_id]
        for sheet in form.sheets:
            self._match_sheet(ctx, form, sheet, period)

    def _match_sheet(self, ctx: PlanContext, form: FormFile, sheet, period: Period) -> None:
        where = f"Tệp «{form.name}», trang «{sheet.name}»"
        unit = self._unit(ctx, sheet, where)
        if unit is None:
            return
        if not sheet.answers:
            self.problems.append(
                FormProblem(NOTHING_FILLED, Level.NOTE, f"Đơn vị {unit.name} chưa điền kết quả nhiệm vụ nào.", where)
            )
        reported_on = form_date(form)
        for answer in sheet.answers:
            if answer.status is None:
                continue  # already an error from the reader
            task = ctx.task_by_id.get(answer.task_id)
            if task is None:
                self.problems.append(
                    FormProblem(
                        TASK_GONE, Level.CONFLICT,
                        f"Nhiệm vụ «{answer.task_label}» không còn trong kế hoạch (đã bị xóa sau khi xuất mẫu); "
                        "kết quả của dòng này sẽ bị bỏ qua.",
                        answer.where, answer.task_id,
                    )  # fmt: skip
                )
                continue
            given = ctx.assignment(task.id, unit.id)
            if given is None:
                self.problems.append(
                    FormProblem(
                        NOT_ASSIGNED, Level.NOTE,
                        f"Đơn vị {unit.name} hiện không được giao nhiệm vụ «{answer.task_label}»; "
                        "kết quả vẫn được ghi nhận.",
                        answer.where, task.id,
                    )  # fmt: skip
                )
            self.entries.append(self._entry(ctx, form, unit, answer, task, given, period, reported_on))

    def _unit(self, ctx: PlanContext, sheet, where: str) -> Unit | None:
        by_id = ctx.units.get(sheet.unit_id)
        key = unit_key(sheet.unit_name)
        if by_id and key in {unit_key(by_id.name), *map(unit_key, by_id.aliases)}:
            return by_id
        found = find_unit(self.store.db, sheet.unit_name)
        unit = ctx.units.get(found) if found is not None else by_id
        if unit is None:
            self.problems.append(
                FormProblem(
                    UNIT_GONE, Level.CONFLICT,
                    f"Đơn vị «{sheet.unit_name}» không còn trong danh mục đơn vị; "
                    "kết quả của trang này sẽ bị bỏ qua.",
                    where,
                )  # fmt: skip
            )
            return None
        if unit.name != sheet.unit_name:
            self.problems.append(
                FormProblem(
                    NOT_ASSIGNED, Level.NOTE,
                    f"Mẫu ghi đơn vị «{sheet.unit_name}», nay trong danh mục là «{unit.name}»; "
                    f"kết quả được ghi cho «{unit.name}».",
                    where,
                )  # fmt: skip
            )
        return unit

    def _entry(self, ctx, form, unit, answer, task, given, period, reported_on) -> PreviewEntry:
        update = ProgressUpdate(
            task_id=task.id,
            period=period.code,
            status=answer.status,
            percent=answer.percent,
            result=answer.result,
            difficulties=answer.difficulties,
            reported_on=reported_on,
            unit_id=unit.id,
            unit_name=unit.name,
            evidence=[
                Evidence(doc_number=e.doc_number, issued_on=e.issued_on, summary=e.summary) for e in answer.evidence
            ],
        )
        existing = [u for u in ctx.progress.get(task.id, []) if u.unit_id == unit.id and u.period == period.code]
        kind, changes = ChangeKind.NEW, []
        if existing:
            changes = _differences(existing[0], update)
            kind = ChangeKind.CHANGED if changes or len(existing) > 1 else ChangeKind.SAME
            if kind is ChangeKind.CHANGED and not changes:
                changes = ["gộp các báo cáo trùng của cùng đơn vị trong kỳ thành một"]
        return PreviewEntry(
            kind=kind,
            plan_id=ctx.plan_id,
            period=period.code,
            task_id=task.id,
            task_label=answer.task_label,
            unit_id=unit.id,
            unit_name=unit.name,
            role_label=given.label if given else "Không được giao",
            update=update,
            where=answer.where,
            replaces=[u.id for u in existing] if kind is ChangeKind.CHANGED else [],
            changes=changes,
        )

    def _merge_duplicates(self) -> None:
        """One unit's answer on one task twice in the batch: the same → kept once; different → error."""
        groups: dict[tuple, list[PreviewEntry]] = defaultdict(list)
        for entry in self.entries:
            groups[(entry.task_id, entry.unit_id, entry.period)].append(entry)
        kept = []
        for entries in groups.values():
            first = entries[0]
            kept.append(first)
            for other in entries[1:]:
                same = _answer_values(other.update) == _answer_values(first.update)
                self.problems.append(
                    FormProblem(
                        DUPLICATE, Level.NOTE if same else Level.ERROR,
                        f"Đơn vị {first.unit_name} báo cáo nhiệm vụ «{first.task_label}» hai lần ({first.where} và "
                        f"{other.where})" + ("; nội dung giống nhau nên chỉ ghi một lần." if same else
                        " với nội dung khác nhau. Hãy chỉ nhập một trong hai tệp."),
                        other.where, first.task_id,
                    )  # fmt: skip
                )
        order = {id(entry): index for index, entry in enumerate(self.entries)}
        self.entries = sorted(kept, key=lambda entry: order[id(entry)])

    def _find_disagreements(self) -> None:
        """Lead units (linked directly) of one task giving different statuses for one period."""
        by_task: dict[tuple, list[PreviewEntry]] = defaultdict(list)
        for entry in self.entries:
            by_task[(entry.plan_id, entry.task_id, entry.period)].append(entry)
        for (plan_id, task_id, period), entries in by_task.items():
            ctx = self.contexts[plan_id]
            leads = ctx.direct_leads(task_id)
            answers = {
                e.unit_id: (e.unit_name, e.update.status, e.update.percent) for e in entries if e.unit_id in leads
            }
            if not answers:
                continue
            stored = latest_per_unit([u for u in ctx.progress.get(task_id, []) if u.period == period])
            for update in stored:
                if update.unit_id in leads and update.unit_id not in answers:
                    answers[update.unit_id] = (update.unit_name + " (đã nhập trước)", update.status, update.percent)
            if len({status for _, status, _ in answers.values()}) < 2:
                continue
            listed = "; ".join(
                f"{name}: {status.label}" + (f" {percent}%" if percent is not None else "")
                for name, status, percent in sorted(answers.values(), key=lambda a: fold(a[0]))
            )
            self.problems.append(
                FormProblem(
                    UNITS_DISAGREE, Level.CONFLICT,
                    f"Các đơn vị chủ trì báo cáo khác nhau về nhiệm vụ «{entries[0].task_label}» ({listed}). "
                    "Nếu chấp nhận, trạng thái chung lấy theo báo cáo thấp nhất.",
                    f"Kỳ {_period_of(period).label}", task_id,
                )  # fmt: skip
            )

    def _fingerprint(self) -> str:
        parts = [
            (e.kind.value, e.plan_id, e.period, e.task_id, e.unit_id, tuple(e.replaces), _answer_values(e.update))
            for e in self.entries
        ]
        parts.append(tuple((p.code, p.level.value, p.where, p.message) for p in self.problems))
        return hashlib.sha256(repr(parts).encode("utf-8")).hexdigest()


def _summary(form: FormFile) -> FileSummary:
    return FileSummary(
        path=form.path,
        plan_id=form.plan_id,
        plan_title=form.plan_title,
        period=form.period,
        units=[sheet.unit_name for sheet in form.sheets],
        filled_rows=sum(len(sheet.answers) for sheet in form.sheets),
        task_rows=sum(sheet.task_rows for sheet in form.sheets),
    )


def form_date(form: FormFile) -> date:
    """The day the unit saved the form (the file's own "modified" date), never in the future."""
    saved = form.saved_on
    today = date.today()
    return saved if saved and saved <= today else today


def _answer_values(update: ProgressUpdate) -> tuple:
    return (
        update.status, update.percent, tidy(update.result), tidy(update.difficulties), evidence_keys(update.evidence)
    )


def _differences(old: ProgressUpdate, new: ProgressUpdate) -> list[str]:
    changes = []
    if old.status is not new.status:
        changes.append(f"Trạng thái: «{old.status.label}» → «{new.status.label}»")
    if old.percent != new.percent:
        show = lambda value: "trống" if value is None else f"{value}%"  # noqa: E731
        changes.append(f"% hoàn thành: {show(old.percent)} → {show(new.percent)}")
    if tidy(old.result) != tidy(new.result):
        changes.append("Kết quả thực hiện: nội dung mới")
    if evidence_keys(old.evidence) != evidence_keys(new.evidence):
        changes.append(f"Tài liệu kiểm chứng: {len(old.evidence)} → {len(new.evidence)} văn bản")
    if tidy(old.difficulties) != tidy(new.difficulties):
        changes.append("Khó khăn, vướng mắc: nội dung mới")
    return changes


def _refusal(head: str, problems: list[FormProblem]) -> str:
    shown = [f"- {problem}" for problem in problems[:10]]
    if len(problems) > 10:
        shown.append(f"- … và {len(problems) - 10} vấn đề khác.")
    return "\n".join([head, *shown])


# --- consolidation into the task and the status view -----------------------------------------


def _settle_task(db, ctx: PlanContext, task_id: int, period_code: str) -> None:
    """The task takes the consolidated answer of `period_code` when that period is its latest."""
    period = _period_of(period_code)
    latest = db.execute("SELECT max(period_end) FROM progress_update WHERE task_id = ?", [task_id]).fetchone()[0]
    if latest != period.end.isoformat():
        return
    updates = [u for u in ctx.progress.get(task_id, []) if _period_of(u.period).end == period.end]
    answers = latest_per_unit(updates)
    if not answers:
        return

    def tier_of(update: ProgressUpdate) -> int:
        return ctx.tier(task_id, update.unit_id)

    chosen = deciding(answers, tier_of)
    task = ctx.task_by_id[task_id]
    completed = task.completed_on.isoformat() if task.completed_on else None
    if chosen.status is Status.DONE and not completed:
        completed = (chosen.reported_on or date.today()).isoformat()
    elif chosen.status is not Status.DONE:
        completed = None
    changes = {
        "status": chosen.status.value,
        "result": combined_text(answers, tier_of, "result"),
        "completed_on": completed,
    }
    if chosen.status is Status.NOT_DONE and not task.status_reason:
        changes["status_reason"] = chosen.difficulties
    db["task"].update(task_id, changes)


def _consolidation(
    ctx: PlanContext, section_id: int, task: Task, depth: int, answers: list[ProgressUpdate], as_of: date
) -> TaskConsolidation:
    def tier_of(update: ProgressUpdate) -> int:
        return ctx.tier(task.id, update.unit_id)

    chosen = deciding(answers, tier_of)
    unit_answers = []
    for answer in sorted(answers, key=lambda a: (tier_of(a), fold(a.unit_name))):
        given = ctx.assignment(task.id, answer.unit_id)
        done_on = answer.reported_on if answer.status is Status.DONE else None
        unit_answers.append(
            UnitAnswer(
                unit_id=answer.unit_id,
                unit_name=answer.unit_name,
                role_label=given.label if given else "Không được giao",
                status=answer.status,
                status_label=status_label(answer.status, judge(task.deadline, answer.status, done_on, as_of)),
                percent=answer.percent,
                result=answer.result,
                difficulties=answer.difficulties,
                evidence=answer.evidence,
                reported_on=answer.reported_on,
            )
        )
    answered = {answer.unit_id for answer in answers}
    given = ctx.assignments.get(task.id, {})
    missing = [
        ctx.units[unit_id].name
        for unit_id in sorted(given, key=lambda uid: (ctx.tier(task.id, uid), fold(ctx.units[uid].name)))
        if unit_id not in answered
    ]
    if chosen is None:
        status, label, percent, result = None, NOT_REPORTED, None, ""
    else:
        done_on = min((a.reported_on for a in answers if a.status is Status.DONE and a.reported_on), default=None)
        status = chosen.status
        label = status_label(status, judge(task.deadline, status, done_on if status is Status.DONE else None, as_of))
        percent, result = chosen.percent, combined_text(answers, tier_of, "result")
    return TaskConsolidation(
        task_id=task.id, number=task.number, content=task.content, section=ctx.section_label(section_id),
        depth=depth, status=status, status_label=label, percent=percent, result=result,
        answers=unit_answers, missing=missing,
    )  # fmt: skip

