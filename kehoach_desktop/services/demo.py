"""A demo database: a real plan, imported from resources/demo/, that looks worked on.

`kehoach-desktop --demo` opens the window on a fresh one, so a new user sees at
once what the program does with a plan: tasks done on time, done late, overdue,
in progress and due soon, with progress reports and evidence documents.

The shipped plan is a real 2025 plan. So that its deadlines fall around today
whatever the date, the demo moves the plan's own years (the plan year and the
years either side of it) to the demo year: this year when at least a few of its
deadlines have passed by today, otherwise last year. Older years (the dates of
the laws it cites) stay.
"""

from __future__ import annotations

import copy
import re
from dataclasses import fields
from datetime import date, timedelta
from pathlib import Path

from kehoach_desktop import resources
from kehoach_desktop.domain import deadlines
from kehoach_desktop.domain.deadlines import DeadlineKind
from kehoach_desktop.domain.drafts import PlanDraft, TaskDraft
from kehoach_desktop.domain.models import Evidence, ProgressUpdate, Role, Task
from kehoach_desktop.domain.periods import Period
from kehoach_desktop.domain.statuses import Status
from kehoach_desktop.services import Services
from kehoach_desktop.services.errors import ServiceError
from kehoach_desktop.services.imports import read_plan

DEMO_FILE = "ke-hoach-mau.docx"
_TASK_TEXTS = ("content", "schedule_text", "output", "note", "target", "lead_text", "coordinate_text", "assignment_raw")
MIN_PASSED_DEADLINES = 3  # enough to show one task done on time, one late, one overdue
_YEAR = re.compile(r"(?<!\d)(20\d\d)(?!\d)")


def demo_plan_path() -> Path:
    return resources.path("resources", "demo", DEMO_FILE)


def build_demo_database(path: Path | str, today: date | None = None) -> int:
    """Create a new database at `path` holding the demo plan; returns the plan's id.

    `path` must not exist yet (the demo never overwrites anyone's data). On any
    failure the half-built file is removed.
    """
    path = Path(path)
    if path.exists():
        raise ServiceError(f"Tệp {path} đã có; dữ liệu mẫu chỉ được tạo vào một tệp mới.")
    today = today or date.today()
    draft = _dated_for(read_plan(path=demo_plan_path()), today)
    draft.plan.source_name = f"{DEMO_FILE} (dữ liệu mẫu)"
    try:
        with Services.open(path) as services:
            plan_id = services.imports.import_draft(draft).value
            _work_on(services, plan_id, today)
    except BaseException:
        for leftover in (path, Path(f"{path}-wal"), Path(f"{path}-shm")):
            leftover.unlink(missing_ok=True)
        raise
    return plan_id


# ---------------------------------------------------------------- the years


def _dated_for(draft: PlanDraft, today: date) -> PlanDraft:
    """The plan moved to this year, or to last year when too little of this year's
    plan would be due yet to show late and overdue work."""
    for year in (today.year, today.year - 1):
        moved = copy.deepcopy(draft)
        _move_to_year(moved, year)
        passed = [t for s in moved.all_sections() for t in _walk(s.tasks) if _passed(t, year, today)]
        if len(passed) >= MIN_PASSED_DEADLINES:
            break
    return moved


def _passed(task: TaskDraft, year: int, today: date) -> bool:
    due = deadlines.parse(task.schedule_text, year).final_due
    return due is not None and due < today


def _move_to_year(draft: PlanDraft, year: int) -> None:
    shift = year - draft.plan.year
    if not shift:
        return
    own_years = {draft.plan.year - 1, draft.plan.year, draft.plan.year + 1}

    def moved(text: str) -> str:
        return _YEAR.sub(lambda m: str(int(m[1]) + shift) if int(m[1]) in own_years else m[1], text)

    for field in fields(draft.plan):
        value = getattr(draft.plan, field.name)
        if isinstance(value, str):
            setattr(draft.plan, field.name, moved(value))
        elif isinstance(value, list) and all(isinstance(item, str) for item in value):
            setattr(draft.plan, field.name, [moved(item) for item in value])
    draft.plan.year = year
    draft.plan.issued_on = None
    for section in draft.all_sections():
        section.title = moved(section.title)
        for task in _walk(section.tasks):
            for name in _TASK_TEXTS:
                setattr(task, name, moved(getattr(task, name)))


def _walk(tasks: list[TaskDraft]):
    for task in tasks:
        yield task
        yield from _walk(task.children)


# ---------------------------------------------------------------- the work done


def _work_on(services: Services, plan_id: int, today: date) -> None:
    """Progress as an office following the plan would have it: of the tasks past
    their deadline most done, some late, some overdue; of the others some done
    early, some under way, some not started; ongoing work reported on."""
    tree = services.plans.tree(plan_id)
    leaves = [task for _, task, _ in tree.plan_walk(plan_id) if not tree.children(task)]
    past = [t for t in leaves if t.deadline.final_due and t.deadline.final_due < today]
    ahead = [t for t in leaves if t.deadline.final_due and t.deadline.final_due >= today]
    ongoing = [t for t in leaves if t.deadline.kind in (DeadlineKind.ONGOING, DeadlineKind.RECURRING)]
    plans = [
        (past, ("overdue", "on_time", "late", "on_time", "on_time", "on_time")),
        (ahead, ("early", "under_way", "not_started")),
        (ongoing, ("reported", "reported", "not_started")),
    ]
    for tasks, cycle in plans:
        for index, task in enumerate(tasks):
            for update in _updates(task, cycle[index % len(cycle)], today):
                services.progress.record(update)


def _updates(task: Task, how: str, today: date) -> list[ProgressUpdate]:
    unit = next((link.unit_id for link in task.units if link.role is Role.LEAD), None)
    due = task.deadline.final_due or today  # the tasks passed here all have a final date
    if how in ("on_time", "late", "early"):
        finished = {"on_time": due - timedelta(days=3), "late": due + timedelta(days=12)}.get(how, today - timedelta(days=15))
        finished = min(finished, today)
        result = "Đã hoàn thành; văn bản đã gửi đúng nơi nhận."
        return [_update(task, unit, finished, Status.DONE, 100, result, evidence=_evidence(task, finished))]
    if how == "overdue":
        reported = min(today, max(due - timedelta(days=20), date(due.year, 1, 1)))
        return [_update(task, unit, reported, Status.IN_PROGRESS, 50, "Đang tổng hợp số liệu, dự thảo văn bản.",
                        "Chờ số liệu của các đơn vị.")]  # fmt: skip
    if how == "under_way":
        return [_update(task, unit, today - timedelta(days=5), Status.IN_PROGRESS, 40,
                        "Đã xây dựng dự thảo, đang lấy ý kiến các phòng, đơn vị.")]  # fmt: skip
    if how == "reported":
        return [_update(task, unit, today - timedelta(days=10), Status.IN_PROGRESS, None,
                        "Thực hiện thường xuyên; đã báo cáo kết quả trong kỳ.")]  # fmt: skip
    return []


def _update(
    task: Task, unit_id: int | None, reported: date, status: Status, percent: int | None, result: str,
    difficulties: str = "", evidence: list[Evidence] | None = None,
) -> ProgressUpdate:  # fmt: skip
    quarter = Period.quarter(reported.year, (reported.month - 1) // 3 + 1)
    return ProgressUpdate(
        task_id=task.id, period=quarter.code, status=status, percent=percent, result=result,
        difficulties=difficulties, reported_on=reported, unit_id=unit_id, evidence=evidence or [],
    )  # fmt: skip


def _evidence(task: Task, issued: date) -> list[Evidence]:
    number = 100 + (task.id)
    summary = f"Báo cáo kết quả thực hiện: {task.content[:80]}"
    return [Evidence(doc_number=f"{number}/BC-SNNMT", issued_on=issued, summary=summary)]
