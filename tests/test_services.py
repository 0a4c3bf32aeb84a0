from datetime import date

import pytest

from conftest import SAMPLE_STEMS, load_sample_json
from sample_drafts import draft_from_sample
from kehoach_desktop.domain.changes import ChangeSet
from kehoach_desktop.domain.deadlines import DeadlineKind
from kehoach_desktop.domain.drafts import PlanDraft, SectionDraft, TaskDraft
from kehoach_desktop.domain.models import Plan, ProgressUpdate, Evidence, Role, TaskUnit, UnitKind
from kehoach_desktop.domain.statuses import Status
from kehoach_desktop.services import NotFoundError, ServiceError


def small_draft(year=2025) -> PlanDraft:
    task = TaskDraft(
        number="1",
        content="Rà soát  thủ tục\u00a0hành chính",
        schedule_text="Trước ngày 25/7/2025",
        lead_units=["Văn phòng Sở"],
        coordinate_units=["Các phòng, đơn vị trực thuộc Sở", "Thanh tra Sở"],
        children=[TaskDraft(number="1.1", content="Việc con")],
    )
    return PlanDraft(
        plan=Plan(year=year, title="Kế hoạch CCHC năm 2025", doc_number="/KH-SXD", recipients=["- Như trên;", " "]),
        sections=[SectionDraft(ordinal="I", title="CẢI CÁCH THỦ TỤC HÀNH CHÍNH", area_code="tthc", tasks=[task])],
    )


def first_task(services, plan_id):
    tree = services.plans.tree(plan_id)
    return tree, next(task for _, task, _ in tree.plan_walk(plan_id))


def assert_no_open_transaction(services):
    assert not services.store.conn.in_transaction


def test_create_plan_saves_tree_units_and_parsed_deadline(services):
    plan_id = services.plans.create(small_draft()).value
    assert_no_open_transaction(services)
    tree, task = first_task(services, plan_id)
    assert task.content == "Rà soát thủ tục hành chính"  # whitespace tidied, words kept
    assert task.unit_names(Role.LEAD) == ["Văn phòng Sở"]
    assert task.unit_names(Role.COORDINATE) == ["Các phòng, đơn vị trực thuộc Sở", "Thanh tra Sở"]
    assert [child.number for child in tree.children(task)] == ["1.1"]
    assert tree.plan_by_id[plan_id].recipients == ["- Như trên;"]
    units = {unit.name: unit for unit in services.units.list_units()}
    assert units["Các phòng, đơn vị trực thuộc Sở"].kind is UnitKind.GROUP
    assert units["Văn phòng Sở"].kind is UnitKind.UNIT
    [summary] = services.plans.list_plans()
    assert (summary.id, summary.year, summary.task_count) == (plan_id, 2025, 2)


def test_units_are_shared_across_plans_despite_spelling(services):
    services.plans.create(small_draft())
    second = small_draft()
    second.sections[0].tasks[0].lead_units = ["VĂN PHÒNG SỞ"]
    services.plans.create(second)
    assert sorted(u.name for u in services.units.list_units()) == [
        "Các phòng, đơn vị trực thuộc Sở", "Thanh tra Sở", "Văn phòng Sở",
    ]  # fmt: skip


def test_bad_year_refused_and_nothing_saved(services):
    with pytest.raises(ServiceError) as error:
        services.plans.create(small_draft(year=0))
    assert "Năm của kế hoạch" in str(error.value)
    assert services.plans.list_plans() == [] and services.units.list_units() == []


def test_failure_midway_through_create_leaves_database_unchanged(services, monkeypatch):
    from kehoach_desktop.services.units import UnitResolver

    calls = {"n": 0}
    real = UnitResolver.__call__

    def failing(self, name, kind=None):
        calls["n"] += 1
        if calls["n"] == 3:
            raise RuntimeError("disk on fire")
        return real(self, name, kind)

    monkeypatch.setattr(UnitResolver, "__call__", failing)
    with pytest.raises(RuntimeError):
        services.plans.create(small_draft())
    store = services.store
    for table in ("plan", "section", "task", "unit", "task_unit"):
        assert store.db[table].count == 0, table
    assert_no_open_transaction(services)


def test_task_update_reparses_deadline_says_what_changed_and_undoes(services):
    plan_id = services.plans.create(small_draft()).value
    _, task = first_task(services, plan_id)
    outcome = services.tasks.update(task.id, schedule_text="Quý III/2025", status=Status.IN_PROGRESS)
    assert outcome.changes == ChangeSet.of(tasks_changed=[task.id])
    changed = services.tasks.get(task.id)
    assert changed.schedule_text == "Quý III/2025"
    assert changed.status is Status.IN_PROGRESS
    assert changed.deadline.due == (date(2025, 9, 30),)
    undone = services.undo.put_back(outcome.undo)
    assert undone.changes == ChangeSet.of(tasks_changed=[task.id])
    restored = services.tasks.get(task.id)
    assert restored.schedule_text == "Trước ngày 25/7/2025" and restored.status is Status.NOT_STARTED
    assert_no_open_transaction(services)


def test_not_done_needs_a_reason(services):
    plan_id = services.plans.create(small_draft()).value
    _, task = first_task(services, plan_id)
    with pytest.raises(ServiceError):
        services.tasks.update(task.id, status=Status.NOT_DONE)
    assert services.tasks.get(task.id).status is Status.NOT_STARTED
    services.tasks.update(task.id, status=Status.NOT_DONE, status_reason="Cấp trên đã dừng")
    assert services.tasks.get(task.id).status is Status.NOT_DONE


def test_plan_year_change_moves_yearless_deadlines(services):
    draft = small_draft()
    draft.sections[0].tasks[0].schedule_text = "Trước ngày 15/5"
    plan_id = services.plans.create(draft).value
    _, task = first_task(services, plan_id)
    assert task.deadline.kind is DeadlineKind.DATE
    assert task.deadline.due == (date(2025, 5, 15),)
    services.plans.update_header(plan_id, year=2026)
    assert services.tasks.get(task.id).deadline.due == (date(2026, 5, 15),)


def test_add_move_and_positions(services):
    plan_id = services.plans.create(small_draft()).value
    tree, first = first_task(services, plan_id)
    section_id = first.section_id
    second = services.tasks.add(section_id, number="2", content="Hai").value
    added = services.tasks.add(section_id, position=0, number="0", content="Không")
    zero = added.value
    assert added.changes.tasks_added == {zero} and added.changes.tasks_changed == {first.id, second}  # renumbered
    assert services.tasks.siblings(first.id) == [zero, first.id, second]
    moved = services.tasks.move(zero, section_id=section_id, parent_id=None, position=2)
    assert services.tasks.siblings(first.id) == [first.id, second, zero]
    services.undo.put_back(moved.undo)
    assert services.tasks.siblings(first.id) == [zero, first.id, second]
    # indent: make "Hai" a sub-task of the first task, then outdent it back
    services.tasks.move(second, section_id=section_id, parent_id=first.id, position=1)
    assert services.tasks.get(second).parent_id == first.id
    with pytest.raises(ServiceError):
        services.tasks.move(first.id, section_id=section_id, parent_id=second, position=0)


def test_delete_and_restore_bring_back_subtasks_links_and_history(services):
    plan_id = services.plans.create(small_draft()).value
    tree, task = first_task(services, plan_id)
    child = tree.children(task)[0]
    unit_id = services.units.find("Văn phòng Sở")
    services.progress.record(
        ProgressUpdate(
            task_id=child.id, period="2025-Q2", status=Status.DONE, percent=100, result="Đã xong",
            reported_on=date(2025, 6, 20), unit_id=unit_id,
            evidence=[Evidence(doc_number="12/BC-SXD", issued_on=date(2025, 6, 19), summary="Báo cáo")],
        )  # fmt: skip
    )
    deleted = services.tasks.delete(task.id)
    assert deleted.changes.tasks_removed == {task.id, child.id} and deleted.changes.progress == {child.id}
    assert services.store.db["task"].count == 0 and services.store.db["evidence"].count == 0
    with pytest.raises(NotFoundError):
        services.tasks.get(task.id)
    services.undo.put_back(deleted.undo)
    again, restored = first_task(services, plan_id)
    assert restored.id == task.id and restored.units == task.units
    assert [c.id for c in again.children(restored)] == [child.id]
    [update] = services.progress.history(child.id)
    assert update.result == "Đã xong" and update.unit_name == "Văn phòng Sở"
    assert [e.doc_number for e in update.evidence] == ["12/BC-SXD"]


def test_progress_update_sets_task_status_only_for_latest_period(services):
    plan_id = services.plans.create(small_draft()).value
    _, task = first_task(services, plan_id)
    services.progress.record(
        ProgressUpdate(task_id=task.id, period="2025-Q3", status=Status.DONE, result="Hoàn thành", reported_on=date(2025, 8, 1))
    )
    done = services.tasks.get(task.id)
    assert (done.status, done.completed_on, done.result) == (Status.DONE, date(2025, 8, 1), "Hoàn thành")
    services.progress.record(
        ProgressUpdate(task_id=task.id, period="2025-Q2", status=Status.IN_PROGRESS, result="Đang làm")
    )
    assert services.tasks.get(task.id).status is Status.DONE
    history = services.progress.history(task.id)
    assert [u.period for u in history] == ["2025-Q3", "2025-Q2"]
    assert [u.period for u in services.progress.history(task.id)] == ["2025-Q3", "2025-Q2"]
    assert services.tasks.get(task.id).status is Status.DONE


def test_undoing_an_update_gives_the_task_back_its_state_and_redo_brings_it_again(services):
    plan_id = services.plans.create(small_draft()).value
    _, task = first_task(services, plan_id)
    recorded = services.progress.record(
        ProgressUpdate(task_id=task.id, period="2025-Q3", status=Status.DONE, result="Xong", reported_on=date(2025, 8, 1),
                       evidence=[Evidence(doc_number="7/BC", summary="Báo cáo")])
    )  # fmt: skip
    assert recorded.changes == ChangeSet.of(tasks_changed=[task.id], progress=[task.id])
    undone = services.undo.put_back(recorded.undo)
    back = services.tasks.get(task.id)
    assert (back.status, back.result, back.completed_on) == (Status.NOT_STARTED, "", None)
    assert services.progress.history(task.id) == [] and services.store.db["evidence"].count == 0
    services.undo.put_back(undone.undo)  # redo
    redone = services.tasks.get(task.id)
    assert (redone.status, redone.result, redone.completed_on) == (Status.DONE, "Xong", date(2025, 8, 1))
    [update] = services.progress.history(task.id)
    assert update.id == recorded.value and [e.doc_number for e in update.evidence] == ["7/BC"]


def test_an_undo_never_overwrites_what_was_written_since(services):
    plan_id = services.plans.create(small_draft()).value
    _, task = first_task(services, plan_id)
    first = services.tasks.update(task.id, content="Lần một")
    services.tasks.update(task.id, content="Lần hai")  # not undone first
    with pytest.raises(ServiceError):
        services.undo.put_back(first.undo)
    assert services.tasks.get(task.id).content == "Lần hai"
    assert_no_open_transaction(services)


@pytest.mark.parametrize("period, percent", [("2025-Q9", None), ("2025-Q1", 120)])
def test_bad_progress_refused(services, period, percent):
    plan_id = services.plans.create(small_draft()).value
    _, task = first_task(services, plan_id)
    with pytest.raises(ServiceError):
        services.progress.record(ProgressUpdate(task_id=task.id, period=period, percent=percent))
    assert services.progress.history(task.id) == []


def test_units_rename_merge_delete(services):
    plan_id = services.plans.create(small_draft()).value
    _, task = first_task(services, plan_id)
    inspect = services.units.find("Thanh tra Sở")
    office = services.units.find("Văn phòng Sở")
    services.units.update(inspect, name="Thanh tra", short_name="TTr", kind=UnitKind.UNIT)
    assert services.units.find("thanh tra so") == inspect  # the old name still finds it
    with pytest.raises(ServiceError):
        services.units.delete(office)  # in use
    services.units.merge(inspect, office)
    links = services.tasks.get(task.id).units
    assert TaskUnit(office, Role.COORDINATE, "Văn phòng Sở") in links
    assert services.units.find("Thanh tra") == office
    spare = services.units.create("Phòng Pháp chế").value
    with pytest.raises(ServiceError):
        services.units.create("phong phap che")
    services.units.delete(spare)
    assert services.units.find("Phòng Pháp chế") is None
    with pytest.raises(ServiceError):
        services.units.merge(office, office)


@pytest.mark.parametrize("stem", SAMPLE_STEMS)
def test_every_sample_plan_can_be_saved_whole(services, stem):
    sample = load_sample_json(stem)
    plan_id = services.plans.create(draft_from_sample(sample)).value
    tree = services.plans.tree(plan_id)
    expected = sum(len(section["items"]) for section in sample["sections"])
    assert len(tree.tasks) == expected
    assert [s.ordinal for s in tree.ordered_sections(plan_id)] == [s["ordinal"] for s in sample["sections"]]


def test_add_saves_the_task_and_its_units_together(services):
    plan_id = services.plans.create(small_draft()).value
    _, task = first_task(services, plan_id)
    office = services.units.find("Văn phòng Sở")
    with pytest.raises(Exception):
        services.tasks.add(task.section_id, units=[TaskUnit(9999, Role.LEAD)], content="Không có đơn vị này")
    assert services.store.db["task"].count == 2  # nothing half-saved
    new_id = services.tasks.add(task.section_id, units=[TaskUnit(office, Role.LEAD)], content="Việc mới").value
    assert services.tasks.get(new_id).unit_names(Role.LEAD) == ["Văn phòng Sở"]


def test_edit_changes_place_fields_and_units_together_or_not_at_all(services):
    plan_id = services.plans.create(small_draft()).value
    tree, task = first_task(services, plan_id)
    child = tree.children(task)[0]
    with pytest.raises(ServiceError):  # the move is fine, the status is refused: nothing changes
        services.tasks.edit(child.id, {"status": Status.NOT_DONE}, None, (child.section_id, None, 0))
    assert services.tasks.get(child.id).parent_id == task.id
    office = services.units.find("Văn phòng Sở")
    edited = services.tasks.edit(child.id, {"content": "Việc con đã sửa"}, [TaskUnit(office, Role.LEAD)], (child.section_id, None, 1))
    moved = services.tasks.get(child.id)
    assert (moved.parent_id, moved.content, moved.unit_names(Role.LEAD)) == (None, "Việc con đã sửa", ["Văn phòng Sở"])
    services.undo.put_back(edited.undo)
    back = services.tasks.get(child.id)
    assert (back.parent_id, back.content, back.units) == (task.id, "Việc con", [])
