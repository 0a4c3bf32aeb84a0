"""Units' answers for a reporting period: who is given what, and what the answers add up to.

Pure rules on plain objects (no database): the forms service reads the plan and
its progress, then asks these. A later rewrite of consolidation replaces the
deciding rule; until then it is the one documented in services/forms.py.

Who reports on what
-------------------
Forms go to the individual units (kind `unit`) linked to any task of the plan.
A task given to a group ("Các phòng, đơn vị trực thuộc Sở", kind `group`)
appears on the form of every one of those units (in the lead or coordinate
group, as the group's role says), unless the unit is linked to the task
itself, which then decides its role. A plan whose tasks are only given to
groups sends the forms to the groups.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date

from kehoach_desktop.domain.models import Evidence, ProgressUpdate, Role, Task, Unit, UnitKind
from kehoach_desktop.domain.periods import Period, parse_period
from kehoach_desktop.domain.statuses import Status
from kehoach_desktop.domain.text import fold, tidy

# How far along a status is; the least advanced deciding answer wins.
RANK = {Status.NOT_STARTED: 0, Status.IN_PROGRESS: 1, Status.NOT_DONE: 2, Status.DONE: 3}

TierOf = Callable[[ProgressUpdate], int]


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


def reporters(tasks: Iterable[Task], units: dict[int, Unit]) -> list[int]:
    """The units that get a form: the individual units linked to any of the tasks,
    else (a plan given only to groups) the groups; by name."""
    linked = {link.unit_id for task in tasks for link in task.units}
    singles = [uid for uid in linked if units[uid].kind is UnitKind.UNIT]
    chosen = singles or list(linked)
    return sorted(chosen, key=lambda uid: fold(units[uid].name))


def assignments(task: Task, reporting: set[int], units: dict[int, Unit]) -> dict[int, Assignment]:
    """unit id → how the unit is given the task (directly, or through a group)."""
    direct: dict[int, Assignment] = {}
    group_roles: list[tuple[Role, str]] = []
    for link in task.units:
        if link.unit_id in reporting:
            if link.unit_id not in direct or link.role is Role.LEAD:
                direct[link.unit_id] = Assignment(link.role)
        else:
            group_roles.append((link.role, units[link.unit_id].name))
    given = dict(direct)
    if group_roles:
        leads = [name for role, name in group_roles if role is Role.LEAD]
        via = Assignment(Role.LEAD, leads[0]) if leads else Assignment(Role.COORDINATE, group_roles[0][1])
        for unit_id in reporting:
            given.setdefault(unit_id, via)
    return given


# --- consolidation ---------------------------------------------------------------------


def latest_per_unit(updates: list[ProgressUpdate]) -> list[ProgressUpdate]:
    """Each unit's newest update among `updates` (which come newest first)."""
    seen: set[int | None] = set()
    out = []
    for update in updates:
        if update.unit_id not in seen:
            seen.add(update.unit_id)
            out.append(update)
    return out


def deciding(answers: list[ProgressUpdate], tier_of: TierOf) -> ProgressUpdate | None:
    """The answer that sets the task's status: best tier, then least advanced."""
    if not answers:
        return None
    best = min(tier_of(answer) for answer in answers)
    candidates = [answer for answer in answers if tier_of(answer) == best]
    return min(candidates, key=lambda answer: RANK[answer.status])


def combined_text(answers: list[ProgressUpdate], tier_of: TierOf, attribute: str) -> str:
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


def evidence_keys(items: list[Evidence]) -> tuple[tuple[str, date, str], ...]:
    """What makes two evidence lists the same, for "changed or not"."""
    return tuple(sorted((fold(e.doc_number), e.issued_on or date.min, fold(e.summary)) for e in items))


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


def unique_evidence(updates: list[ProgressUpdate]) -> list[Evidence]:
    seen, out = set(), []
    for update in sorted(updates, key=lambda u: u.id):
        for item in update.evidence:
            key = evidence_keys([item])
            if key not in seen:
                seen.add(key)
                out.append(item)
    return out


def latest_period_group(updates: list[ProgressUpdate]) -> list[ProgressUpdate]:
    """Each unit's answer for the latest period among `updates` (the longest one on a tie)."""
    if not updates:
        return []
    spans = {update.period: parse_period(update.period) for update in updates}
    code = max(spans, key=lambda c: (spans[c].end, spans[c].end - spans[c].start))
    return latest_per_unit([update for update in updates if update.period == code])


def due_date(task: Task, period: Period | None) -> date | None:
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


def units_text(task: Task, role: Role) -> str:
    names = task.unit_names(role)
    if names:
        return "\n".join(names)
    if role is Role.LEAD:
        return task.lead_text or task.assignment_raw
    return task.coordinate_text


def previous_text(updates: list[ProgressUpdate], unit_id: int, period: Period) -> str:
    """The unit's latest answer for an earlier period (updates come newest first)."""
    for update in updates:
        if update.unit_id != unit_id or update.period == period.code:
            continue
        span = parse_period(update.period)
        if span.end > period.end:
            continue
        head = f"{span.label[:1].upper()}{span.label[1:]}: {update.status.label}"
        if update.percent is not None:
            head += f", {update.percent}%"
        return f"{head}\n{update.result}" if update.result else head
    return ""


@dataclass(frozen=True)
class PercentMismatch:
    """A status and a percentage that contradict each other in one answer."""

    refused: bool  # True: the answer cannot be recorded as it is
    text: str  # Vietnamese, to follow «Nhiệm vụ «…»: »


def percent_mismatch(status: Status, percent: int | None) -> PercentMismatch | None:
    """Hoàn thành below 100% or Chưa triển khai above 0% say two different things (the
    consolidation would count the first as 100% and the second as 0%): refused. Đang thực
    hiện at 100% is recorded as in progress, with a word."""
    if percent is None:
        return None
    done, started, doing = Status.DONE.label, Status.NOT_STARTED.label, Status.IN_PROGRESS.label
    if status is Status.DONE and percent < 100:
        return PercentMismatch(
            True,
            f"trạng thái «{done}» nhưng % hoàn thành là {percent}% (đã xong thì ghi 100% hoặc để trống; "
            f"còn dở thì chọn «{doing}»)",
        )
    if status is Status.NOT_STARTED and percent > 0:
        return PercentMismatch(
            True,
            f"trạng thái «{started}» nhưng % hoàn thành là {percent}% (đã làm được một phần thì chọn «{doing}»)",
        )
    if status is Status.IN_PROGRESS and percent == 100:
        return PercentMismatch(
            False, f"trạng thái «{doing}» với 100%: được ghi là {doing}; nếu đã xong, đơn vị cần chọn «{done}»"
        )
    return None


def answer_values(update: ProgressUpdate) -> tuple[object, ...]:
    return (
        update.status, update.percent, tidy(update.result), tidy(update.difficulties), evidence_keys(update.evidence)
    )


def differences(old: ProgressUpdate, new: ProgressUpdate) -> list[str]:
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


# --- "for the period" (the tracking table) ---------------------------------------------


@dataclass
class PeriodValues:
    """What the tracking table shows of a task for a period."""

    status: Status
    percent: int | None
    result: str
    difficulties: str
    evidence: list[Evidence]
    completed_on: date | None
    source: str = ""  # "Số liệu theo báo cáo tháng 08 năm 2025"


def values_for_period(
    task: Task, updates: list[ProgressUpdate], period: Period | None, tier_of: TierOf
) -> PeriodValues:
    """The task's values "for the period" P (the rule in services/forms.py)."""
    if period is None:
        latest = latest_period_group(updates)
        chosen = deciding(latest, tier_of)
        return PeriodValues(
            task.status, chosen.percent if chosen else None, task.result,
            combined_text(latest, tier_of, "difficulties"), unique_evidence(updates), task.completed_on,
        )  # fmt: skip
    spans = {update.period: parse_period(update.period) for update in updates}
    inside = [u for u in updates if period.start <= spans[u.period].start and spans[u.period].end <= period.end]
    exact = [u for u in inside if u.period == period.code]
    if exact or inside:
        group = latest_per_unit(exact) if exact else latest_period_group(inside)
        source = "" if exact else f"Số liệu theo báo cáo {parse_period(group[0].period).label}"
        evidence = unique_evidence(inside)
    else:
        earlier = [u for u in updates if spans[u.period].end <= period.end]
        if not earlier:
            if updates:  # reports exist, but only for later periods
                return PeriodValues(Status.NOT_STARTED, None, "", "", [], None, "Chưa có báo cáo trong kỳ")
            return PeriodValues(task.status, None, task.result, "", [], task.completed_on)
        group = latest_period_group(earlier)
        source = f"Số liệu theo báo cáo {parse_period(group[0].period).label} (chưa có báo cáo kỳ này)"
        evidence = []
    chosen = deciding(group, tier_of)
    assert chosen is not None  # `group` has at least one update here
    done_dates = [
        u.reported_on for u in updates
        if u.status is Status.DONE and u.reported_on and spans[u.period].end <= period.end
    ]  # fmt: skip
    completed = min(done_dates) if chosen.status is Status.DONE and done_dates else None
    return PeriodValues(
        chosen.status, chosen.percent, combined_text(group, tier_of, "result"),
        combined_text(group, tier_of, "difficulties"), evidence, completed, source,
    )  # fmt: skip

