"""Matching filled unit forms against the database: what importing them would record.

The matcher reads each form's identity (database, plan, period, unit sheet) and
each answer, checks them against the plan as it is now, and lists the entries
(new, changed, the same as already recorded) and the problems (errors refuse the
import; conflicts need accepting; notes inform). `FormsService.apply` matches
again inside its transaction and refuses when the outcome differs.
"""

from __future__ import annotations

import hashlib
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date
from enum import Enum
from pathlib import Path

from kehoach_desktop.domain.answers import Assignment, answer_values, differences, latest_per_unit
from kehoach_desktop.domain.models import Evidence, ProgressUpdate, Task, Unit
from kehoach_desktop.domain.periods import Period, PeriodError, parse_period
from kehoach_desktop.domain.text import fold
from kehoach_desktop.domain.units import unit_key
from kehoach_desktop.importers import forms_reader
from kehoach_desktop.importers.forms_reader import FormAnswer, FormFile, FormProblem, FormSheet, Level
from kehoach_desktop.services.plan_context import PlanContext
from kehoach_desktop.store import Store
from kehoach_desktop.store import forms as form_rows
from kehoach_desktop.store import plans as plan_rows
from kehoach_desktop.store import units as unit_rows
from kehoach_desktop.store.rows import Row

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


# --- what an import would do ----------------------------------------------------------


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




class FormsMatcher:
    def __init__(self, store: Store, expected_plan_id: int | None, expected_period: str | None):
        self.store = store
        self.expected_plan_id = expected_plan_id
        self.expected_period = expected_period
        self.contexts: dict[int, PlanContext] = {}
        self.problems: list[FormProblem] = []
        self.entries: list[PreviewEntry] = []

    def match(self, forms: list[FormFile]) -> FormsPreview:
        conn = self.store.conn
        plans = plan_rows.identities(conn)
        self.database_id = form_rows.database_id(conn)
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

    def _match_file(self, form: FormFile, plans: dict[int, Row]) -> None:
        where = f"Tệp «{form.name}»"
        plan_id = form.plan_id
        plan = plans.get(plan_id) if plan_id is not None else None
        if plan_id is None or plan is None or plan["created_at"] != form.plan_created_at or form.database_id != self.database_id:
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
            period = parse_period(form.period)
        except PeriodError:
            self.problems.append(
                FormProblem(forms_reader.TAMPERED, Level.ERROR, "Kỳ báo cáo ghi trong mẫu không hợp lệ.", where)
            )
            return
        if self.expected_period and period.code != self.expected_period:
            expected = parse_period(self.expected_period)
            self.problems.append(
                FormProblem(
                    WRONG_PERIOD, Level.CONFLICT,
                    f"Mẫu báo cáo cho kỳ {period.label}, không phải kỳ đang nhập ({expected.label}); "
                    "nếu chấp nhận, kết quả được ghi cho kỳ của mẫu.",
                    where,
                )  # fmt: skip
            )
        if plan_id not in self.contexts:
            self.contexts[plan_id] = PlanContext(self.store, plan_id)
        ctx = self.contexts[plan_id]
        for sheet in form.sheets:
            self._match_sheet(ctx, form, sheet, period)

    def _match_sheet(self, ctx: PlanContext, form: FormFile, sheet: FormSheet, period: Period) -> None:
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

    def _unit(self, ctx: PlanContext, sheet: FormSheet, where: str) -> Unit | None:
        by_id = ctx.units.get(sheet.unit_id)
        key = unit_key(sheet.unit_name)
        if by_id and key in {unit_key(by_id.name), *map(unit_key, by_id.aliases)}:
            return by_id
        found = unit_rows.find_unit(self.store.conn, sheet.unit_name)
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

    def _entry(
        self, ctx: PlanContext, form: FormFile, unit: Unit, answer: FormAnswer, task: Task,
        given: Assignment | None, period: Period, reported_on: date,
    ) -> PreviewEntry:  # fmt: skip
        assert answer.status is not None  # answers without one are the reader's errors, skipped
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
            changes = differences(existing[0], update)
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
                same = answer_values(other.update) == answer_values(first.update)
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
                    f"Kỳ {parse_period(period).label}", task_id,
                )  # fmt: skip
            )

    def _fingerprint(self) -> str:
        parts: list[object] = [
            (e.kind.value, e.plan_id, e.period, e.task_id, e.unit_id, tuple(e.replaces), answer_values(e.update))
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



def refusal(head: str, problems: list[FormProblem]) -> str:
    shown = [f"- {problem}" for problem in problems[:10]]
    if len(problems) > 10:
        shown.append(f"- … và {len(problems) - 10} vấn đề khác.")
    return "\n".join([head, *shown])

