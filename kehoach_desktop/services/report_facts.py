"""The adapter that feeds the báo cáo's narrative (reports/narrative.py).

ONE function, `task_facts()`, turns today's data into the narrative's plain
input: per task, its outcome for the period (the report's category, from
services.statistics) and each unit's latest answer known by the cut-off day
(result, difficulties, reason, evidence documents). When the consolidation
module decides a task's state and its units' answers, it replaces this
function; nothing else changes.
"""

from __future__ import annotations

from collections import defaultdict
from datetime import date

from kehoach_desktop.domain.models import Role, Task
from kehoach_desktop.domain.statuses import Status
from kehoach_desktop.domain.tree import PlanTree
from kehoach_desktop.domain.text import tidy_line
from kehoach_desktop.reports.narrative import Outcome, TaskFacts, UnitAnswer, in_sentence, join_items
from kehoach_desktop.reports.texts import lower_first, short_date
from kehoach_desktop.store import report_store


def task_facts(conn, tree: PlanTree, states: dict, cutoff: date) -> dict[int, TaskFacts]:
    plan_ids = [plan.id for plan in tree.plans if plan.id is not None]
    answers: dict[int, list[report_store.AnswerRow]] = defaultdict(list)
    for answer in report_store.latest_answers(conn, plan_ids, cutoff):
        answers[answer.task_id].append(answer)
    documents: dict[tuple[int, int | None], list[str]] = defaultdict(list)
    for evidence in report_store.evidence_of(conn, plan_ids):
        documents[(evidence.task_id, evidence.progress_id)].append(_document(evidence))
    facts: dict[int, TaskFacts] = {}
    for task in tree.tasks:
        assert task.id is not None  # a stored task
        state = states[task.id]
        rows = answers.get(task.id, [])
        if any(row.unit_id is not None for row in rows):  # the units' own answers beat the office's note
            rows = [row for row in rows if row.unit_id is not None]
        unit_answers = tuple(_answer(task, row, documents) for row in rows)
        if not unit_answers and (task.result or task.status_reason):  # the office's own record
            unit_answers = (UnitAnswer(_leads(task), Role.LEAD, task.result, "", task.status_reason,
                                       tuple(documents.get((task.id, None), ()))),)  # fmt: skip
        due = task.deadline.final_due
        days = (cutoff - due).days if due and state.category.value == "overdue" else 0
        facts[task.id] = TaskFacts(task, Outcome(state.category.value), unit_answers, state.completed_on, due, days)
    return facts


def _answer(task: Task, row, documents) -> UnitAnswer:
    roles = {link.role for link in task.units if row.unit_id is not None and link.unit_id == row.unit_id}
    role = Role.COORDINATE if roles == {Role.COORDINATE} else Role.LEAD
    name = row.unit_name or _leads(task)
    reason = task.status_reason if row.status == Status.NOT_DONE.value else ""
    evidence = tuple(documents.get((task.id, row.progress_id), ()))
    return UnitAnswer(name, role, row.result, row.difficulties, reason, evidence)


def _leads(task: Task) -> str:
    """The lead units as one subject: "Văn phòng Sở và các phòng, đơn vị thuộc Sở"."""
    names = task.unit_names(Role.LEAD)
    if not names:
        return tidy_line(task.lead_text) or "Đơn vị chủ trì"
    return join_items(names[:1] + [in_sentence(name) for name in names[1:]])


def _document(row) -> str:
    """ "số 12/KH-SNNMT ngày 05/03/2025 về kế hoạch triển khai …"."""
    parts = [f"số {row.doc_number}" if row.doc_number else "văn bản"]
    if row.issued_on:
        parts.append(f"ngày {short_date(row.issued_on)}")
    if row.summary:
        parts.append(f"về {lower_first(row.summary)}")
    return " ".join(parts)
