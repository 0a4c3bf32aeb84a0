"""Consolidation over the database: answers of real units (a collective's members),
per period, with the office's decisions; and older data carried over."""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

import pytest
from test_organization_service import organized as organized  # noqa: F401  (fixture)

from conftest import sample_file
from kehoach_desktop.domain.consolidation import Category, Cut
from kehoach_desktop.domain.models import ProgressUpdate
from kehoach_desktop.domain.periods import parse_period
from kehoach_desktop.domain.statuses import Status
from kehoach_desktop.services import ServiceError, Services

SAMPLE = "000_36db36a684822c51"
Q3, YEAR = parse_period("2025-Q3"), parse_period("2025")


@pytest.fixture
def plan(organized):  # noqa: F811
    plan_id = organized.imports.import_draft(organized.imports.preview(sample_file(SAMPLE, ".docx"))).value
    return organized, plan_id, organized.plans.tree([plan_id])


def unit_id(services: Services, name: str) -> int:
    return next(u.id for u in services.organization.organization().units if u.name == name)


def answer(services, task, unit, period, status, reported, result=""):
    services.progress.record(ProgressUpdate(task_id=task.id, unit_id=unit, period=period, status=status,
                                            reported_on=reported, result=result))  # fmt: skip


def test_a_collective_task_is_done_only_when_every_member_says_so(plan):
    services, _plan_id, tree = plan
    task = next(t for t in tree.tasks if t.content.startswith("Thực hiện giải ngân"))  # Các đơn vị trực thuộc Sở
    members = services.organization.real_units(link.unit_id for link in task.units if link.role.value == "lead")
    assert len(members) == 6
    for unit in members[:-1]:
        answer(services, task, unit, "2025-Q3", Status.DONE, date(2025, 10, 3), "Đã giải ngân 100%")
    state = services.consolidation.states(tree, Cut.for_period(Q3)).tasks[task.id]
    assert state.status is Status.IN_PROGRESS and len(state.missing_leads) == 1
    answer(services, task, members[-1], "2025-Q3", Status.DONE, date(2025, 10, 5), "Xong")
    state = services.consolidation.states(tree, Cut.for_period(Q3)).tasks[task.id]
    assert (state.status, state.completed_on) == (Status.DONE, Q3.end)
    finance = unit_id(services, "Phòng Kế hoạch – Tài chính")
    answer(services, task, finance, "2025-Q3", Status.NOT_STARTED, date(2025, 10, 9), "Chưa nhận đủ hồ sơ")
    state = services.consolidation.states(tree, Cut.for_period(Q3)).tasks[task.id]
    assert state.status is Status.DONE, "a coordinating unit never sets the status"
    assert "- Phòng Kế hoạch – Tài chính (phối hợp): Chưa nhận đủ hồ sơ" in state.result


def test_the_quarter_reads_the_same_after_the_years_answers(plan):
    services, _plan_id, tree = plan
    office = unit_id(services, "Văn phòng Sở")
    led = [t for t in tree.tasks if t.lead_text.startswith("Văn phòng Sở") and not tree.children(t)][:6]
    for task in led:
        answer(services, task, office, "2025-Q3", Status.IN_PROGRESS, date(2025, 10, 2), "Đang làm")
    before = services.consolidation.states(tree, Cut.for_period(Q3))
    for task in led:
        answer(services, task, office, "2025", Status.DONE, date(2025, 12, 22), "Đã xong cả năm")
    after = services.consolidation.states(tree, Cut.for_period(Q3))
    assert before.tasks == after.tasks
    year = services.consolidation.states(tree, Cut.for_period(YEAR))
    assert all(year.tasks[t.id].status is Status.DONE for t in led)


def test_headings_are_apart_and_not_counted(plan):
    services, _plan_id, tree = plan
    states = services.consolidation.states(tree, Cut.for_period(Q3))
    headings = [t for t in tree.tasks if tree.children(t)]
    assert len(headings) == 6 and set(states.headings) == {t.id for t in headings}
    assert states.counts().total == len(tree.tasks) - 6
    counts = states.counts()
    assert counts[Category.NOT_REPORTED] + counts[Category.OVERDUE] == counts.total  # nobody has answered yet
    assert all(not state.reported for state in states.tasks.values())


def test_the_office_decides_for_a_period_and_can_withdraw(plan):
    services, _plan_id, tree = plan
    task = tree.tasks[3]
    with pytest.raises(ServiceError, match="lý do"):
        services.consolidation.decide(task.id, Q3, Status.NOT_DONE)
    decision = services.consolidation.decide(task.id, Q3, Status.DONE, "Đã có văn bản kiểm chứng", date(2025, 9, 20))
    state = services.consolidation.states(tree, Cut.for_period(Q3)).tasks[task.id]
    assert state.set_by_office and state.label.startswith("Hoàn thành") and "do Văn phòng xác định" in state.label
    assert services.consolidation.states(tree, Cut.for_period(parse_period("2025-Q2"))).tasks[task.id].status is None
    withdrawn = services.consolidation.withdraw(decision)
    assert not services.consolidation.states(tree, Cut.for_period(Q3)).tasks[task.id].set_by_office
    services.consolidation.put_back(withdrawn)
    assert services.consolidation.decisions(task.id) == [withdrawn]


def test_a_status_set_before_consolidation_becomes_the_offices_decision(tmp_path):
    source = Path(__file__).parent / "data" / "v1_database.db"
    db = tmp_path / "old.db"
    shutil.copy(source, db)
    with Services.open(db) as services:
        rows = services.store.conn.execute(
            "SELECT t.id, t.status FROM task t WHERE t.status <> 'not_started' "
            "AND NOT EXISTS (SELECT 1 FROM progress_update u WHERE u.task_id = t.id)"
        ).fetchall()
        plan_ids = [p.id for p in services.plans.list_plans()]
        tree = services.plans.tree(plan_ids)
        year = parse_period(str(tree.plans[0].year))
        states = services.consolidation.states(tree, Cut.for_period(year))
        for task_id, status in rows:
            assert states.tasks.get(task_id) is None or states.tasks[task_id].status is Status(status)
            assert states.tasks.get(task_id) is None or states.tasks[task_id].set_by_office
