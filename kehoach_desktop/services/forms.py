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

(The rules of who reports on what, and of consolidating answers, are in
domain/answers.py; matching filled forms is services/forms_matcher.py.)

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

import sqlite3
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from kehoach_desktop.domain.answers import (
    Assignment,
    combined_text,
    deciding,
    due_date,
    evidence_line,
    latest_per_unit,
    previous_text,
    units_text,
    values_for_period,
)
from kehoach_desktop.domain.judgement import judge
from kehoach_desktop.domain.models import Evidence, ProgressUpdate, Role, Task
from kehoach_desktop.domain.periods import Period, PeriodError, parse_period
from kehoach_desktop.domain.statuses import NOT_REPORTED_LABEL, REPORTED_LABEL, Status, Timeliness, status_label
from kehoach_desktop.domain.text import fold
from kehoach_desktop.exporters import unit_forms, xlsx_export
from kehoach_desktop.exporters.unit_forms import FormsBundle, FormSection, FormTask, UnitFormData
from kehoach_desktop.exporters.xlsx_export import CellNote, ExportError, TrackingRow, TrackingSection, TrackingTable
from kehoach_desktop.importers import forms_reader
from kehoach_desktop.importers.forms_reader import FormFile
from kehoach_desktop.services.errors import ServiceError
from kehoach_desktop.services.forms_matcher import ChangeKind, FormsMatcher, FormsPreview, refusal
from kehoach_desktop.services.outcome import Outcome, Recording
from kehoach_desktop.services.plan_context import PlanContext
from kehoach_desktop.services.plans import PlanService
from kehoach_desktop.services.progress import record_update
from kehoach_desktop.store import Store
from kehoach_desktop.store import forms as form_rows
from kehoach_desktop.store import progress as progress_rows
from kehoach_desktop.store import tasks as task_rows

# Re-exported for the window and the command line, which show answers.
__all__ = ["evidence_line", "FormsService", "ReportingStatus", "TaskConsolidation", "UnitAnswer", "UnitReport"]


class PathList(list[Path]):
    """The files written (a list of Path), with `.notes`: texts changed to fit Excel."""

    def __init__(self, paths: Iterable[Path] = (), notes: list[CellNote] | None = None):
        super().__init__(paths)
        self.notes = notes or []



# --- plain objects handed to the window and the command line -----------------------


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
        return REPORTED_LABEL if self.reported else NOT_REPORTED_LABEL


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



# --- the service ---------------------------------------------------------------------------


# --- the service ---------------------------------------------------------------------------


class FormsService:
    def __init__(self, store: Store):
        self.store = store

    def database_id(self) -> str:
        """This database's own random id (created on first use), carried in every form so a
        form made from another database — even with the same plan id and time — is recognised."""
        found = form_rows.database_id(self.store.conn)
        if found or self.store.readonly:
            return found
        with self.store.write() as conn:
            return form_rows.create_database_id(conn)

    def _context(self, plan_id: int, task_id: int | None = None) -> PlanContext:
        PlanService(self.store).get(plan_id)  # NotFoundError in Vietnamese
        return PlanContext(self.store, plan_id, task_id)

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
        task_id = task.id
        updates = ctx.progress.get(task_id, [])
        values = values_for_period(task, updates, period, lambda update: ctx.tier(task_id, update.unit_id))
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
            due=due_date(task, period),
            lead=units_text(task, Role.LEAD),
            coordinate=units_text(task, Role.COORDINATE),
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
        return FormsMatcher(self.store, expected_plan_id, expected.code if expected else None).match(forms)

    def apply(self, preview: FormsPreview, *, accept_conflicts: bool = False) -> Outcome[ApplyCounts]:
        """Record every new and changed answer in one transaction, or nothing.

        Refused while the preview has errors, or conflicts not accepted; refused
        too when the database changed since the preview (it is matched again
        inside the transaction and must come out the same). Undoing it puts the
        touched tasks' progress back as it was.
        """
        if preview.errors:
            raise ServiceError(refusal("Chưa nhập được vì còn lỗi trong tệp:", preview.errors))
        if preview.conflicts and not accept_conflicts:
            raise ServiceError(refusal("Chưa nhập vì có xung đột cần xem và chấp nhận trước:", preview.conflicts))
        senders = ", ".join(sorted({entry.unit_name for entry in preview.entries if entry.unit_name}))
        with self.store.acting_as("form", senders), self.store.write() as conn:
            fresh = FormsMatcher(self.store, preview.expected_plan_id, preview.expected_period).match(preview.forms)
            if fresh.fingerprint != preview.fingerprint:
                raise ServiceError(
                    "Dữ liệu đã thay đổi kể từ lúc xem trước (có báo cáo hoặc nhiệm vụ vừa được sửa); "
                    "hãy xem trước lại rồi mới nhập."
                )
            todo = [entry for entry in fresh.entries if entry.kind is not ChangeKind.SAME]
            touched = sorted({entry.task_id for entry in todo})
            recording = Recording(
                conn,
                [("task", "id", touched), ("progress_update", "task_id", touched), ("evidence", "task_id", touched)],
            )
            for entry in todo:
                for old_id in entry.replaces:
                    progress_rows.delete_update(conn, old_id)
            for entry in todo:
                record_update(conn, entry.update)
            settled = {(entry.plan_id, entry.task_id, entry.period) for entry in todo}
            contexts: dict[int, PlanContext] = {}
            for plan_id, task_id, period in sorted(settled):
                if plan_id not in contexts:
                    contexts[plan_id] = PlanContext(self.store, plan_id)
                _settle_task(conn, contexts[plan_id], task_id, period)
            counts = ApplyCounts(
                new=len(fresh.new),
                changed=len(fresh.changed),
                unchanged=len(fresh.unchanged),
                evidence=sum(len(entry.update.evidence) for entry in todo),
                tasks=len(settled),
            )
            return recording.finish(counts)

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

    def task_consolidation(self, task_id: int, period: str | Period) -> TaskConsolidation | None:
        """One task's consolidated answer for the period (as in `reporting_status`), read
        without the rest of the plan; None when the task is gone."""
        wanted = _to_period(period)
        if wanted is None:
            raise ServiceError("Cần chọn kỳ báo cáo.")
        task = task_rows.load_task(self.store.conn, task_id)
        if task is None or task.plan_id is None:
            return None
        ctx = self._context(task.plan_id, task_id)
        answers = latest_per_unit([u for u in ctx.progress.get(task_id, []) if u.period == wanted.code])
        return _consolidation(ctx, task.section_id, task, 0, answers, min(date.today(), wanted.end))


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
                units_text=_formunits_text(task, given),
                previous=previous_text(ctx.progress.get(task.id, []), unit_id, period),
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


def _formunits_text(task: Task, given: Assignment) -> str:
    lines = []
    for role, word in ((Role.LEAD, "Chủ trì"), (Role.COORDINATE, "Phối hợp")):
        names = units_text(task, role).replace("\n", "; ")
        if names:
            lines.append(f"{word}: {names}")
    if given.via:
        lines.append(f"(Giao chung: {given.via})")
    return "\n".join(lines)




# --- consolidation into the task and the status view -----------------------------------------


def _settle_task(conn: sqlite3.Connection, ctx: PlanContext, task_id: int, period_code: str) -> None:
    """The task takes the consolidated answer of `period_code` when that period is its latest."""
    period = parse_period(period_code)
    if progress_rows.latest_period_end(conn, task_id) != period.end.isoformat():
        return
    updates = [u for u in ctx.progress.get(task_id, []) if parse_period(u.period).end == period.end]
    answers = latest_per_unit(updates)
    if not answers:
        return

    def tier_of(update: ProgressUpdate) -> int:
        return ctx.tier(task_id, update.unit_id)

    chosen = deciding(answers, tier_of)
    assert chosen is not None  # `answers` is not empty
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
    task_rows.update_task(conn, task_id, changes)


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
    assigned = ctx.assignments.get(task.id, {})
    missing = [
        ctx.units[unit_id].name
        for unit_id in sorted(assigned, key=lambda uid: (ctx.tier(task.id, uid), fold(ctx.units[uid].name)))
        if unit_id not in answered
    ]
    if chosen is None:
        status, label, percent, result = None, NOT_REPORTED_LABEL, None, ""
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



def _to_period(period: str | Period | None) -> Period | None:
    if period is None or isinstance(period, Period):
        return period
    try:
        return parse_period(period)
    except PeriodError as exc:
        raise ServiceError(str(exc)) from exc
