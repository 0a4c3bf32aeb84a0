"""The báo cáo's sentences, composed as an officer would write them.

Pure functions over a plain input, so whatever decides a task's state and its
units' answers for a period can feed them: today the adapter
`services.report_facts.task_facts()` (from the progress updates); later the
consolidation module. Per task (`TaskFacts`): its outcome for the period and
each unit's answer (`UnitAnswer`: name, lead or coordinate, result text,
difficulties, reason, evidence documents).

- `achievements()`: per lĩnh vực, what was achieved, by lead unit, naming the
  documents issued where units gave them;
- `shortcomings()`: per lĩnh vực, the late and not-done tasks with the units'
  reasons and difficulties;
- `focus_tasks()`: the tasks due in the next period ("nhiệm vụ trọng tâm kỳ tới").
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, timedelta
from enum import Enum

from kehoach_desktop.domain.models import Role, Task
from kehoach_desktop.domain.periods import Period, PeriodKind
from kehoach_desktop.domain.text import fold, tidy_line
from kehoach_desktop.reports.texts import lower_first, short_date


class Outcome(str, Enum):
    """A task's state for the period (the report's categories)."""

    DONE_ON_TIME = "done_on_time"
    DONE_LATE = "done_late"
    IN_PROGRESS = "in_progress"
    NOT_STARTED = "not_started"
    OVERDUE = "overdue"
    CANCELLED = "cancelled"  # không thực hiện

    @property
    def done(self) -> bool:
        return self in (Outcome.DONE_ON_TIME, Outcome.DONE_LATE)


@dataclass(frozen=True)
class UnitAnswer:
    unit: str
    role: Role
    result: str = ""
    difficulties: str = ""
    reason: str = ""  # why it was not done, or late
    evidence: tuple[str, ...] = ()  # "Kế hoạch số 12/KH-SNNMT ngày 05/3/2025"


@dataclass(frozen=True)
class TaskFacts:
    task: Task
    outcome: Outcome
    answers: tuple[UnitAnswer, ...] = ()
    completed_on: date | None = None
    due: date | None = None  # the deadline passed (overdue) or the final one
    days_late: int = 0

    def of_role(self, role: Role) -> list[UnitAnswer]:
        return [answer for answer in self.answers if answer.role is role]


@dataclass
class AreaFacts:
    """One lĩnh vực of the report and its tasks' facts, in print order."""

    key: str
    label: str  # "I. CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH" or "Cải cách thể chế"
    tasks: list[TaskFacts] = field(default_factory=list)


# --- small wording helpers ------------------------------------------------------------------


_COMMON_FIRST_WORDS = {"cac", "nhung", "tat", "moi", "toan"}  # "Các phòng …", "Tất cả …", "Toàn thể …"


def in_sentence(name: str) -> str:
    """A unit's name inside a sentence: a collective starts in lower case
    ("nhận thấy các phòng, đơn vị …"); a proper name keeps its capitals
    ("Văn phòng Sở", "Phòng Kế hoạch – Tài chính")."""
    name = tidy_line(name)
    first = name.split(" ", 1)[0] if name else ""
    if fold(first) in _COMMON_FIRST_WORDS:
        return name[0].lower() + name[1:]
    return name


def clause(text: str) -> str:
    """Text to be used inside a sentence: one line, no bullet or final stop,
    first letter in lower case (unless it starts with an acronym)."""
    lines = [re.sub(r"^[-–—•+*]\s*", "", line.strip()) for line in (text or "").split("\n")]
    joined = "; ".join(lower_first(line.rstrip(" .;:,")) for line in lines if line.strip(" .;:,-"))
    return tidy_line(joined)


def task_phrase(task: Task, limit: int = 180) -> str:
    """The task named inside a sentence: its content as a clause, shortened at a
    word when very long."""
    text = clause(task.content)
    if len(text) <= limit:
        return text
    return text[:limit].rsplit(" ", 1)[0].rstrip(" ,;") + " …"


def sentence(text: str) -> str:
    """Capital first letter, exactly one final stop."""
    text = tidy_line(text).rstrip(" .;:,")
    return (text[0].upper() + text[1:] + ".") if text else ""


def join_items(items: list[str]) -> str:
    items = [item for item in items if item]
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + " và " + items[-1]


# --- I. what was achieved, per lĩnh vực -----------------------------------------------------------


def area_counts(area: AreaFacts) -> str:
    """ "hoàn thành 3/5 nhiệm vụ (1 nhiệm vụ trễ hạn), 1 nhiệm vụ đang thực hiện, …"."""
    total = len(area.tasks)
    by = {outcome: sum(1 for facts in area.tasks if facts.outcome is outcome) for outcome in Outcome}
    done = by[Outcome.DONE_ON_TIME] + by[Outcome.DONE_LATE]
    words = [f"hoàn thành {done}/{total} nhiệm vụ" + (f" ({by[Outcome.DONE_LATE]} nhiệm vụ trễ hạn)" if by[Outcome.DONE_LATE] else "")]
    if by[Outcome.IN_PROGRESS]:
        words.append(f"{by[Outcome.IN_PROGRESS]} nhiệm vụ đang thực hiện")
    if by[Outcome.OVERDUE]:
        words.append(f"{by[Outcome.OVERDUE]} nhiệm vụ quá hạn chưa hoàn thành")
    if by[Outcome.NOT_STARTED]:
        words.append(f"{by[Outcome.NOT_STARTED]} nhiệm vụ chưa triển khai")
    if by[Outcome.CANCELLED]:
        words.append(f"{by[Outcome.CANCELLED]} nhiệm vụ không thực hiện")
    return ", ".join(words)


def achievements(area: AreaFacts) -> str:
    """One paragraph: the area's figures, then each lead unit's results (its
    tasks named, with the documents it issued), then the coordinating units."""
    parts = [sentence(f"Về {lower_first(_area_name(area.label))}, {area_counts(area)}")]
    for unit, items in _by_unit(area, Role.LEAD).items():
        parts.append(_unit_sentence(unit, items))
    helpers = sorted({answer.unit for facts in area.tasks if facts.outcome is not Outcome.CANCELLED
                      for answer in facts.of_role(Role.COORDINATE) if answer.result})  # fmt: skip
    if helpers:
        parts.append(sentence(f"{join_items([in_sentence(name) for name in helpers])} đã phối hợp thực hiện"))
    if len(parts) == 1:
        parts.append("Các đơn vị chưa báo cáo kết quả cụ thể.")
    return " ".join(parts)


def _area_name(label: str) -> str:
    """ "I. CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH" → "công tác chỉ đạo, điều hành"."""
    text = re.sub(r"^[IVXLC\d]+[.)]\s*", "", tidy_line(label))
    letters = [ch for ch in text if ch.isalpha()]
    if letters and all(ch.isupper() for ch in letters):
        text = text.lower()
    return text


def _by_unit(area: AreaFacts, role: Role) -> dict[str, list[tuple[TaskFacts, UnitAnswer]]]:
    """The area's answers with a result, by unit, in the order the units first appear."""
    found: dict[str, list[tuple[TaskFacts, UnitAnswer]]] = {}
    for facts in area.tasks:
        if facts.outcome in (Outcome.CANCELLED, Outcome.NOT_STARTED):
            continue
        for answer in facts.of_role(role):
            if answer.result.strip() or answer.evidence:
                found.setdefault(answer.unit, []).append((facts, answer))
    return found


def _unit_sentence(unit: str, items: list[tuple[TaskFacts, UnitAnswer]]) -> str:
    done = [facts for facts, _ in items if facts.outcome.done]
    verb = f"đã hoàn thành {len(done)} nhiệm vụ" if done else "đang triển khai"
    if done and len(done) < len(items):
        verb += f", đang triển khai {len(items) - len(done)} nhiệm vụ"
    details = [f"{task_phrase(facts.task, 110)} ({clause(answer.result)})" if answer.result.strip()
               else task_phrase(facts.task, 110) for facts, answer in items]  # fmt: skip
    text = f"{unit} {verb}: " + "; ".join(details)
    documents = [doc for _, answer in items for doc in answer.evidence]
    if documents:
        text += f"; đã ban hành {len(documents)} văn bản ({'; '.join(tidy_line(doc).rstrip(' .;') for doc in documents)})"
    return sentence(text)


# --- II. what fell behind, per lĩnh vực -------------------------------------------------------------


BEHIND = (Outcome.OVERDUE, Outcome.DONE_LATE, Outcome.CANCELLED)


def behind(area: AreaFacts) -> list[TaskFacts]:
    return [facts for facts in area.tasks if facts.outcome in BEHIND]


def shortcoming(facts: TaskFacts, lead: str) -> str:
    """ "- Xây dựng … (chủ trì: Văn phòng Sở; hạn 30/6/2025): quá hạn 12 ngày, chưa hoàn thành; lý do: …"."""
    where = [f"chủ trì: {lead}"] if lead else []
    if facts.due:
        where.append(f"hạn {short_date(facts.due)}")
    head = task_phrase(facts.task)
    head = head[0].upper() + head[1:] if head else head
    text = f"- {head}" + (f" ({'; '.join(where)})" if where else "") + f": {_state_words(facts)}"
    reasons = [clause(answer.reason) for answer in facts.of_role(Role.LEAD) if answer.reason.strip()]
    if facts.outcome is Outcome.CANCELLED and not reasons:
        reasons = [clause(facts.task.status_reason)] if facts.task.status_reason.strip() else []
    if reasons:
        text += "; lý do: " + "; ".join(dict.fromkeys(reasons))
    troubles = [
        (f"{answer.unit}: " if len(facts.answers) > 1 else "") + clause(answer.difficulties)
        for answer in facts.answers if answer.difficulties.strip()
    ]  # fmt: skip
    if troubles:
        text += "; khó khăn, vướng mắc: " + "; ".join(dict.fromkeys(troubles))
    return text.rstrip(" .;:,") + "."


def _state_words(facts: TaskFacts) -> str:
    if facts.outcome is Outcome.OVERDUE:
        return f"quá hạn {facts.days_late} ngày, chưa hoàn thành" if facts.days_late else "quá hạn, chưa hoàn thành"
    if facts.outcome is Outcome.DONE_LATE:
        return f"hoàn thành trễ hạn (ngày {short_date(facts.completed_on)})" if facts.completed_on else "hoàn thành trễ hạn"
    return "không thực hiện"


# --- III. the next period ---------------------------------------------------------------------------


def next_period(period: Period) -> Period:
    """The period after `period`, of the same kind (a custom range: the same length)."""
    year = period.year
    if period.kind is PeriodKind.MONTH:
        return Period.month(year + 1, 1) if period.index == 12 else Period.month(year, period.index + 1)
    if period.kind is PeriodKind.QUARTER:
        return Period.quarter(year + 1, 1) if period.index == 4 else Period.quarter(year, period.index + 1)
    if period.kind is PeriodKind.HALF:
        return Period.half(year + 1, 1) if period.index == 2 else Period.half(year, 2)
    if period.kind is PeriodKind.NINE_MONTHS:
        return Period.quarter(year, 4)
    if period.kind is PeriodKind.YEAR:
        return Period.whole_year(year + 1)
    length = period.end - period.start
    start = period.end + timedelta(days=1)
    return Period.between(start, start + length)


def focus_tasks(tasks: list[TaskFacts], following: Period) -> list[TaskFacts]:
    """Unfinished tasks with a due date in the next period, or overdue and still open."""
    chosen = []
    for facts in tasks:
        if facts.outcome.done or facts.outcome is Outcome.CANCELLED:
            continue
        due_dates = facts.task.deadline.due
        if facts.outcome is Outcome.OVERDUE or any(following.contains(day) for day in due_dates):
            chosen.append(facts)
    return chosen


def focus_line(facts: TaskFacts, lead: str, following: Period) -> str:
    """ "- Tổ chức … (chủ trì: Văn phòng Sở; hạn 15/01/2026)."."""
    head = task_phrase(facts.task)
    head = head[0].upper() + head[1:] if head else head
    due = next((day for day in facts.task.deadline.due if following.contains(day)), None)
    where = [f"chủ trì: {lead}"] if lead else []
    if due:
        where.append(f"hạn {short_date(due)}")
    elif facts.outcome is Outcome.OVERDUE:
        where.append("đã quá hạn, cần hoàn thành ngay")
    return f"- {head}" + (f" ({'; '.join(where)})" if where else "") + "."
