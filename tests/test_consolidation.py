"""The consolidation rule (domain/consolidation.py): leads decide, coordinators add
text, later periods never change an earlier one, headings are not counted."""

from __future__ import annotations

import random
from datetime import date, timedelta

import pytest

from kehoach_desktop.domain.consolidation import (
    Answer,
    Category,
    Cut,
    EvidenceRef,
    OfficeDecision,
    Role,
    TaskFacts,
    consolidate,
    consolidate_plan,
    reporting_status,
)
from kehoach_desktop.domain.deadlines import Deadline, DeadlineKind
from kehoach_desktop.domain.judgement import Timeliness
from kehoach_desktop.domain.periods import Period, parse_period
from kehoach_desktop.domain.statuses import Status

NO_DEADLINE = Deadline("", DeadlineKind.UNSPECIFIED)
Q2, Q3, Q4 = Period.quarter(2025, 2), Period.quarter(2025, 3), Period.quarter(2025, 4)
YEAR = Period.whole_year(2025)
_ids = iter(range(1, 1_000_000))


def answer(unit, period: Period, status: Status, *, reported=None, result="", task=1, **extra) -> Answer:
    return Answer(
        id=next(_ids),
        task_id=task,
        unit_id=unit,
        unit_name=f"Đơn vị {unit}" if unit else "",
        period_code=period.code,
        period_start=period.start,
        period_end=period.end,
        reported_on=reported or period.end + timedelta(days=5),
        status=status,
        result=result,
        **extra,
    )


def task(leads=(1,), coordinators=(), deadline=NO_DEADLINE, id=1, parent=None) -> TaskFacts:
    return TaskFacts(id, deadline, tuple(leads), tuple(coordinators), parent)


def test_a_later_period_does_not_change_an_earlier_one():
    answers = [answer(1, Q3, Status.IN_PROGRESS, result="Đang soạn"), answer(1, YEAR, Status.DONE, result="Xong")]
    q3 = consolidate(task(), answers, Cut.for_period(Q3))
    assert (q3.status, q3.result, q3.completed_on) == (Status.IN_PROGRESS, "Đang soạn", None)
    year = consolidate(task(), answers, Cut.for_period(YEAR))
    assert year.status is Status.DONE and year.completed_on == YEAR.end


def test_nine_months_uses_the_quarter_answers():
    answers = [answer(1, Q3, Status.DONE)]
    nine = consolidate(task(), answers, Cut.for_period(parse_period("2025-9T")))
    assert nine.status is Status.DONE


def test_a_coordinating_unit_never_sets_the_status():
    answers = [
        answer(1, Q3, Status.DONE, result="Đã ban hành quyết định"),
        answer(2, Q3, Status.NOT_STARTED, reported=date(2025, 10, 20), result="Chưa nhận được đề nghị"),
    ]
    state = consolidate(task(leads=[1], coordinators=[2]), answers, Cut.for_period(Q3))
    assert state.status is Status.DONE
    assert state.result.splitlines() == [
        "- Đơn vị 1: Đã ban hành quyết định",
        "- Đơn vị 2 (phối hợp): Chưa nhận được đề nghị",
    ]
    assert [c.role for c in state.contributions] == [Role.LEAD, Role.COORDINATE]


def test_done_needs_every_lead_and_takes_the_last_date():
    first = answer(1, Q3, Status.DONE, completed_on=date(2025, 8, 1))
    second = answer(2, Q3, Status.IN_PROGRESS)
    state = consolidate(task(leads=[1, 2]), [first, second], Cut.for_period(Q3))
    assert state.status is Status.IN_PROGRESS
    second_done = answer(2, Q3, Status.DONE, completed_on=date(2025, 9, 10))
    state = consolidate(task(leads=[1, 2]), [first, second, second_done], Cut.for_period(Q3))
    assert (state.status, state.completed_on) == (Status.DONE, date(2025, 9, 10))


def test_one_lead_done_and_one_silent_is_in_progress_with_the_silent_one_missing():
    state = consolidate(task(leads=[1, 2]), [answer(1, Q3, Status.DONE)], Cut.for_period(Q3))
    assert state.status is Status.IN_PROGRESS
    assert state.missing_leads == (2,)


def test_not_reported_is_not_not_started():
    silent = consolidate(task(), [], Cut.for_period(Q3))
    assert (silent.status, silent.category) == (None, Category.NOT_REPORTED)
    assert silent.category.label == "Chưa báo cáo"
    started_nothing = consolidate(task(), [answer(1, Q3, Status.NOT_STARTED)], Cut.for_period(Q3))
    assert started_nothing.category is Category.NOT_STARTED


def test_not_done_only_when_the_leads_say_so_with_their_reason():
    refusal = answer(1, Q3, Status.NOT_DONE, reason="Văn bản trung ương chưa ban hành")
    state = consolidate(task(), [refusal], Cut.for_period(Q3))
    assert (state.category, state.reason) == (Category.CANCELLED, "Văn bản trung ương chưa ban hành")
    coordinator_refusal = answer(2, Q3, Status.NOT_DONE, reason="Không liên quan")
    state = consolidate(task(leads=[1], coordinators=[2]), [coordinator_refusal], Cut.for_period(Q3))
    assert state.category is Category.NOT_REPORTED


def test_a_lead_setting_aside_does_not_undo_the_others_work():
    answers = [answer(1, Q3, Status.DONE), answer(2, Q3, Status.NOT_DONE, reason="Không thuộc phạm vi")]
    assert consolidate(task(leads=[1, 2]), answers, Cut.for_period(Q3)).status is Status.DONE


def test_work_finished_after_the_period_was_in_progress_then():
    late = answer(1, Q3, Status.DONE, reported=date(2025, 10, 15), completed_on=date(2025, 10, 10))
    state = consolidate(task(), [late], Cut.for_period(Q3))
    assert (state.status, state.completed_on) == (Status.IN_PROGRESS, None)
    assert consolidate(task(), [late], Cut.for_period(Q4)).status is Status.DONE


def test_an_answer_given_after_the_period_ends_completes_within_it():
    state = consolidate(task(), [answer(1, Q3, Status.DONE, reported=date(2025, 10, 3))], Cut.for_period(Q3))
    assert (state.status, state.completed_on) == (Status.DONE, Q3.end)


def test_lateness_is_judged_on_the_period_end():
    due = Deadline("Trước ngày 31/8/2025", DeadlineKind.DATE, (date(2025, 8, 31),))
    overdue = consolidate(task(deadline=due), [answer(1, Q3, Status.IN_PROGRESS)], Cut.for_period(Q3))
    assert overdue.category is Category.OVERDUE
    silent = consolidate(task(deadline=due), [], Cut.for_period(Q3))
    assert silent.category is Category.OVERDUE
    late = consolidate(task(deadline=due), [answer(1, Q3, Status.DONE)], Cut.for_period(Q3))
    assert late.category is Category.DONE_LATE
    before = consolidate(task(deadline=due), [], Cut.for_period(Q2))
    assert before.category is Category.NOT_REPORTED and before.timeliness is Timeliness.NONE


def test_the_office_decision_holds_until_a_lead_answers_for_a_later_period():
    unit_says = answer(1, Q3, Status.DONE, reported=date(2025, 10, 20))
    office = OfficeDecision(1, 1, Q3.code, Q3.end, date(2025, 10, 10), Status.IN_PROGRESS, "Chưa có văn bản kiểm chứng")
    state = consolidate(task(), [unit_says], Cut.for_period(Q3), [office])
    assert state.status is Status.IN_PROGRESS and state.set_by_office
    assert state.label == "Đang thực hiện (do Văn phòng xác định)"
    assert consolidate(task(), [unit_says], Cut.for_period(Q2), [office]).category is Category.NOT_REPORTED
    later = answer(1, Q4, Status.DONE)
    year = consolidate(task(), [unit_says, later], Cut.for_period(YEAR), [office])
    assert year.status is Status.DONE and not year.set_by_office


def test_an_office_record_without_unit_stands_for_the_leads():
    office_entry = answer(None, Q3, Status.IN_PROGRESS, result="Theo báo cáo miệng")
    state = consolidate(task(leads=[1, 2]), [office_entry], Cut.for_period(Q3))
    assert state.status is Status.IN_PROGRESS and state.missing_leads == ()
    newer = answer(1, Q3, Status.DONE, reported=date(2025, 10, 30))
    state = consolidate(task(leads=[1]), [office_entry, newer], Cut.for_period(Q3))
    assert state.status is Status.DONE


def test_the_window_sees_answers_known_on_its_day():
    december = answer(1, Q4, Status.DONE, reported=date(2025, 12, 20))
    assert consolidate(task(), [december], Cut.known_on(date(2025, 12, 21))).status is Status.DONE
    assert consolidate(task(), [december], Cut.known_on(date(2025, 12, 19))).status is None


def test_headings_are_not_counted_and_show_their_subtasks():
    tasks = [task(id=3), task(id=31, parent=3), task(id=32, parent=3), task(id=33, parent=3), task(id=4)]
    answers = {31: [answer(1, Q3, Status.DONE, task=31)], 32: [answer(1, Q3, Status.DONE, task=32)],
               33: [answer(1, Q3, Status.IN_PROGRESS, task=33)]}  # fmt: skip
    states = consolidate_plan(tasks, answers, Cut.for_period(Q3))
    assert set(states.tasks) == {31, 32, 33, 4}
    assert states.headings[3].label == "2/3 hoàn thành"
    counts = states.counts()
    assert counts.total == 4 and counts.done == 2 and counts[Category.NOT_REPORTED] == 1


def test_evidence_is_gathered_once():
    paper = EvidenceRef("12/BC-SNNMT", date(2025, 9, 5), "Báo cáo kết quả")
    answers = [answer(1, Q3, Status.DONE, evidence=(paper,)), answer(2, Q3, Status.DONE, evidence=(paper,))]
    state = consolidate(task(leads=[1, 2]), answers, Cut.for_period(Q3))
    assert [e.line for e in state.evidence] == ["Số 12/BC-SNNMT ngày 05/09/2025 – Báo cáo kết quả"]


def test_reporting_status_counts_answers_within_the_period():
    answers = [answer(1, Q3, Status.DONE, task=10), answer(1, Q2, Status.DONE, task=11), answer(2, Q4, Status.DONE, task=10)]
    status = reporting_status({1: [10, 11], 2: [10], 3: [11]}, answers, parse_period("2025-9T"))
    assert (status[1].assigned, status[1].answered) == (2, 2)
    assert not status[2].reported and status[2].label == "Chưa báo cáo"
    assert not status[3].reported


# --- the property: later answers never change an earlier period ----------------------------

PERIODS = [Period.month(2025, m) for m in range(1, 13)] + [Period.quarter(2025, q) for q in range(1, 5)] + [
    Period.half(2025, 1), Period.half(2025, 2), Period.nine_months(2025), YEAR,
]  # fmt: skip


def _random_answer(rng: random.Random, task_id: int) -> Answer:
    period = rng.choice(PERIODS)
    return answer(
        rng.choice([None, 1, 2, 3, 4]),
        period,
        rng.choice(list(Status)),
        reported=period.end + timedelta(days=rng.randint(-20, 40)),
        result=rng.choice(["", "Đã triển khai", "Đã hoàn thành", "Đang rà soát"]),
        completed_on=rng.choice([None, period.end - timedelta(days=rng.randint(0, 60))]),
        reason=rng.choice(["", "Không còn phù hợp"]),
        task=task_id,
    )


@pytest.mark.parametrize("seed", range(300))
def test_an_earlier_period_reads_the_same_after_any_later_answers(seed):
    rng = random.Random(seed)
    due = date(2025, rng.randint(1, 12), rng.randint(1, 28))
    facts = [
        TaskFacts(1, Deadline("", DeadlineKind.DATE, (due,)), (1, 2), (3,)),
        TaskFacts(2, NO_DEADLINE, (), ()),
        TaskFacts(3, NO_DEADLINE, (4,), (1,), parent_id=None),
        TaskFacts(31, NO_DEADLINE, (2,), (), parent_id=3),
    ]
    earlier = rng.choice(PERIODS)
    history = {t.id: [_random_answer(rng, t.id) for _ in range(rng.randint(0, 6))] for t in facts}
    decisions = {1: [OfficeDecision(1, 1, earlier.code, earlier.end, earlier.end, Status.IN_PROGRESS, "x")]} if seed % 3 == 0 else {}
    before = consolidate_plan(facts, _admitted_for(history, earlier), Cut.for_period(earlier), decisions)
    later = {t.id: history[t.id] + [_later_answer(rng, t.id, earlier) for _ in range(rng.randint(1, 5))] for t in facts}
    after = consolidate_plan(facts, later, Cut.for_period(earlier), decisions)
    assert before.tasks == after.tasks
    assert before.headings == after.headings
    assert before.counts().to_json() == after.counts().to_json()


def _admitted_for(history, period):
    """What was known when the period was reported: nothing for later periods yet."""
    return {task: [a for a in answers if a.period_end <= period.end] for task, answers in history.items()}


def _later_answer(rng: random.Random, task_id: int, earlier: Period) -> Answer:
    later = [p for p in PERIODS if p.end > earlier.end] or [Period.whole_year(2026)]
    period = rng.choice(later)
    status = rng.choice(list(Status))
    return answer(rng.choice([None, 1, 2, 3, 4]), period, status, result="Kết quả kỳ sau", task=task_id)
