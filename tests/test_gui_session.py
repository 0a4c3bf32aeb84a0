"""The window learns of changes from its session: rows change in place, undo is whole,
and every part (tree, detail panel, reporting panel, unit filter) follows without a reload."""

from __future__ import annotations

import random
from datetime import date

import pytest
from PySide6.QtCore import QModelIndex

from test_gui import AS_OF, _select_task_with, answer_dialog, sample_plan, window  # noqa: F401 (fixtures)
from kehoach_desktop.domain.areas import AREAS
from kehoach_desktop.domain.drafts import PlanDraft, SectionDraft, TaskDraft
from kehoach_desktop.domain.models import Plan, ProgressUpdate, Role
from kehoach_desktop.domain.periods import Period
from kehoach_desktop.domain.statuses import Status
from kehoach_desktop.gui.tree_model import COL_CONTENT, COL_LEAD, COL_RESULT, ViewMode

UNITS = ("Văn phòng Sở", "Thanh tra Sở", "Phòng Kế hoạch – Tài chính", "Các phòng, đơn vị trực thuộc Sở")


def big_draft(task_count: int) -> PlanDraft:
    """A plan of `task_count` tasks over every area, a few with sub-tasks, each with units."""
    rng = random.Random(15)
    sections = [SectionDraft(ordinal=str(n + 1), title=a.name.upper(), area_code=a.code) for n, a in enumerate(AREAS)]
    for index in range(task_count):
        section = sections[index % len(sections)]
        lead = rng.choice(UNITS)
        task = TaskDraft(number=str(len(section.tasks) + 1), content=f"Rà soát thủ tục hành chính số {index}",
                         schedule_text=rng.choice(("Trước ngày 30/6/2025", "Quý III/2025", "Thường xuyên")),
                         lead_text=lead, lead_units=[lead], coordinate_units=[rng.choice(UNITS)])  # fmt: skip
        section.tasks.append(task)
    plan = Plan(year=2025, title=f"Kế hoạch thử {task_count} nhiệm vụ", doc_number="/KH-THU")
    return PlanDraft(plan=plan, sections=sections)


class Signals:
    """What a model emitted: resets, layout changes, structural changes, changed rows."""

    def __init__(self, model):
        self.model = model
        self.events: list[str] = []
        self.changed: list[tuple[QModelIndex, QModelIndex]] = []
        for name in ("modelAboutToBeReset", "layoutAboutToBeChanged", "rowsAboutToBeInserted",
                     "rowsAboutToBeRemoved", "rowsAboutToBeMoved"):  # fmt: skip
            getattr(model, name).connect(lambda *_, n=name: self.events.append(n))
        model.dataChanged.connect(lambda first, last, *_: self.changed.append((first, last)))

    def clear(self) -> None:
        self.events.clear()
        self.changed.clear()

    def changed_nodes(self) -> set[int]:
        return {id(first.internalPointer()) for first, last in self.changed}


@pytest.fixture(scope="module")
def big_db(tmp_path_factory):
    from kehoach_desktop.services import Services

    path = tmp_path_factory.mktemp("lon") / "kehoach.db"
    with Services.open(path) as services:
        services.plans.create(big_draft(10_000))
    return path


@pytest.fixture
def big_window(qtbot, big_db, tmp_path):
    import shutil

    from kehoach_desktop.gui.main_window import MainWindow
    from kehoach_desktop.services import Services

    path = tmp_path / "kehoach.db"
    shutil.copy(big_db, path)
    services = Services.open(path)
    window = MainWindow(services, path, as_of=AS_OF)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    qtbot.waitUntil(lambda: len(window.model.task_nodes()) == 10_000)  # the rest follows the first screen
    yield window
    window.session.close()


def test_a_big_plan_shows_its_first_screen_then_every_task(qtbot, big_db):
    from PySide6.QtWidgets import QApplication

    from kehoach_desktop.gui.main_window import FIRST_SCREEN_TASKS, MainWindow
    from kehoach_desktop.services import Services

    window = MainWindow(Services.open(big_db), big_db, as_of=AS_OF)
    qtbot.addWidget(window)
    first = len(window.model.task_nodes())
    assert first == FIRST_SCREEN_TASKS  # the first tasks of the first section, as printed
    assert window.totals_label.text() == "Đang đọc các nhiệm vụ…"
    assert window.proxy.rowCount() == 13 and window.proxy.rowCount(window.proxy.index(0, 0)) == first
    window.show_summary()  # asked before every task is read: shown once they are
    assert not window.ui.summaryBanner.isVisible()
    window.show()
    qtbot.waitUntil(lambda: len(window.model.task_nodes()) == 10_000)
    assert window.totals_label.text().startswith("Tổng: 10000 nhiệm vụ")
    qtbot.waitUntil(window.ui.summaryBanner.isVisible)
    assert "nhiệm vụ quá hạn" in window.ui.summaryLabel.text()
    QApplication.processEvents()
    window.session.close()


def shown(window, task_id: int, column: int) -> str:
    index = window.proxy.mapFromSource(window.model.index_of_task(task_id))
    return window.proxy.index(index.row(), column, index.parent()).data()


def test_an_edit_at_10000_tasks_changes_only_the_edited_row_and_undo_too(qtbot, big_window):
    window = big_window
    assert len(window.model.task_nodes()) == 10_000
    node = window.model.task_nodes()[5_000]
    original = node.task.content
    window.select_task(node.task.id)
    source, view = Signals(window.model), Signals(window.proxy)

    def fill(dialog):
        dialog.ui.contentEdit.setPlainText("Nội dung đã sửa qua hộp thoại")
        dialog.ui.buttonBox.accepted.emit()

    answer_dialog(qtbot, fill)
    window.edit_task_action.trigger()
    assert shown(window, node.task.id, COL_CONTENT) == "Nội dung đã sửa qua hộp thoại"
    for signals in (source, view):
        assert signals.events == []  # no reset, no layout change, no row inserted, moved or removed
        assert signals.changed_nodes() == {id(node)}  # the edited row, and only it
        assert all(first.row() == last.row() == first.row() for first, last in signals.changed)
    assert window.model.nodes_of_task(node.task.id) == [node]  # the same row object, updated
    source.clear()
    view.clear()

    window.undo_action.trigger()
    assert shown(window, node.task.id, COL_CONTENT) == node.task.content == original
    assert source.events == view.events == []
    assert source.changed_nodes() == view.changed_nodes() == {id(node)}
    assert window.current_task_id() == node.task.id


def test_undo_of_an_edit_removes_the_units_it_added_to_the_directory(qtbot, window, services):
    task = _select_task_with(window, "Đăng tải nội dung, thông tin CCHC")
    units_before = [unit.name for unit in services.units.list_units()]

    def fill(dialog):
        dialog.ui.unitPicker.setEditText("Trung tâm Chuyển đổi số mới lập")
        dialog.ui.addLeadButton.click()
        dialog.ui.buttonBox.accepted.emit()

    answer_dialog(qtbot, fill)
    window.edit_task_action.trigger()
    new = services.units.find("Trung tâm Chuyển đổi số mới lập")
    assert new is not None and "Trung tâm Chuyển đổi số mới lập" in services.tasks.get(task.id).unit_names(Role.LEAD)
    assert window.ui.unitFilter.findData(new) >= 0  # the unit filter follows the directory
    assert "Trung tâm Chuyển đổi số mới lập" in shown(window, task.id, COL_LEAD)

    window.undo_action.trigger()
    assert [unit.name for unit in services.units.list_units()] == units_before  # the unit went with the edit
    assert services.units.find("Trung tâm Chuyển đổi số mới lập") is None
    assert window.ui.unitFilter.findData(new) < 0
    assert "Trung tâm Chuyển đổi số mới lập" not in shown(window, task.id, COL_LEAD)

    window.redo_action.trigger()
    assert services.units.find("Trung tâm Chuyển đổi số mới lập") is not None
    assert "Trung tâm Chuyển đổi số mới lập" in shown(window, task.id, COL_LEAD)


def test_a_progress_update_reaches_the_panels_without_a_reload(qtbot, window, services):
    task = _select_task_with(window, "Tổ chức các Hội nghị, hội thảo tập huấn")
    office = next(link.unit_id for link in task.units if link.role is Role.LEAD)
    panel = window.forms_actions.panel
    window.forms_actions.panel_action.trigger()  # the dock «Tình hình báo cáo»
    panel.set_plan(task.plan_id)
    panel.set_period(Period.quarter(2025, 2))
    qtbot.waitUntil(lambda: bool(panel.groups().get("Chưa báo cáo")), timeout=3000)
    lead_name = services.units.get(office).name
    assert lead_name in panel.groups()["Chưa báo cáo"]
    source = Signals(window.model)

    def fill(dialog):
        dialog.ui.periodPicker.set_period(Period.quarter(2025, 2))
        dialog.ui.unitCombo.setCurrentIndex(dialog.ui.unitCombo.findData(office))
        dialog.ui.statusCombo.setCurrentIndex(dialog.ui.statusCombo.findData("done"))
        dialog.ui.resultEdit.setPlainText("Đã tổ chức hội nghị tập huấn quý II")
        dialog.ui.buttonBox.accepted.emit()

    answer_dialog(qtbot, fill)
    window.progress_action.trigger()
    assert source.events == []  # the tree was not rebuilt
    assert shown(window, task.id, COL_RESULT) == "Đã tổ chức hội nghị tập huấn quý II"
    qtbot.waitUntil(lambda: lead_name in panel.groups().get("Đã báo cáo", []), timeout=3000)
    html = window.ui.detailView.toPlainText()
    assert "Đã tổ chức hội nghị tập huấn quý II" in html and "Báo cáo của các đơn vị" in html

    window.undo_action.trigger()
    qtbot.waitUntil(lambda: lead_name in panel.groups().get("Chưa báo cáo", []), timeout=3000)
    assert services.tasks.get(task.id).status is not Status.DONE
    assert "Đã tổ chức hội nghị tập huấn quý II" not in window.ui.detailView.toPlainText()


@pytest.mark.parametrize("mode", list(ViewMode))
def test_models_stay_consistent_through_edits_moves_and_undo(qtbot, qtmodeltester, window, services, mode):
    """qtmodeltester watches both models while rows change, move, appear and go."""
    window.set_mode(mode)
    qtmodeltester.check(window.model)
    qtmodeltester.check(window.proxy)
    task = _select_task_with(window, "Tổ chức các Hội nghị, hội thảo tập huấn")
    window.indent_action.trigger()
    window.select_task(task.id)
    window.outdent_action.trigger()
    window.select_task(task.id)
    window.move_down_action.trigger()
    services_task = services.tasks.get(task.id)
    assert services_task.parent_id is None
    for _ in range(3):
        window.undo_action.trigger()
    assert services.tasks.get(task.id).parent_id is None
    answer_dialog(qtbot, lambda box: box.buttons()[0].click())
    window.select_task(task.id)
    window.delete_task_action.trigger()
    window.undo_action.trigger()
    window.redo_action.trigger()
    window.undo_action.trigger()
    services.progress.record(ProgressUpdate(task_id=task.id, period="2025-Q2", status=Status.IN_PROGRESS,
                                            reported_on=date(2025, 6, 1)))  # fmt: skip
    window.load_view()
    qtmodeltester.check(window.model)
    qtmodeltester.check(window.proxy)


def test_a_keystroke_that_shows_the_same_rows_lays_nothing_out_again(qtbot, big_window):
    from kehoach_desktop.gui.filter_proxy import TaskFilter

    window = big_window
    window.proxy.set_filter(TaskFilter.build("so 12"))  # "số 12", "số 120" … "số 1299"
    matching = {id(node) for node in window.proxy.matching_nodes()}
    assert 0 < len(matching) < 10_000
    view = Signals(window.proxy)
    window.proxy.set_filter(TaskFilter.build("so 12 ra soat"))  # every one of them says "Rà soát"
    assert view.events == [] and {id(node) for node in window.proxy.matching_nodes()} == matching
    window.proxy.set_filter(TaskFilter.build("so 123"))  # fewer rows: laid out again
    assert view.events == ["modelAboutToBeReset"]
    assert len(window.proxy.matching_nodes()) < len(matching)
