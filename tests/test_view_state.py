"""Remembered and forgiving: filters, search, the selected task and closed groups survive a
restart; Esc clears the search; an empty result says so with «Xóa bộ lọc»; the detail
panel follows plan switches."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt

from conftest import load_sample_json
from sample_drafts import draft_from_sample, link_units
from kehoach_desktop.gui.tree_model import NODE_ROLE

AS_OF = date(2025, 7, 20)


@pytest.fixture
def two_plans(services):
    first = services.plans.create(link_units(draft_from_sample(load_sample_json("000_36db36a684822c51")))).value
    second = services.plans.create(link_units(draft_from_sample(load_sample_json("004_38c702dbea58b40f")))).value
    return first, second


def open_window(qtbot, services, db_path):
    from kehoach_desktop.gui.main_window import MainWindow

    window = MainWindow(services, db_path, as_of=AS_OF)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    return window


def shown_tasks(window) -> list[int]:
    return [node.task.id for node in window.proxy.matching_nodes()]


def test_filters_search_task_and_closed_groups_survive_a_restart(qtbot, services, db_path, two_plans):
    first, _second = two_plans
    office = services.units.find("Văn phòng Sở")
    window = open_window(qtbot, services, db_path)
    window.reload_plans(select=f"plan:{first}")
    ui = window.ui
    ui.unitFilter.setCurrentIndex(ui.unitFilter.findData(office))
    ui.statusFilter.setCurrentIndex(ui.statusFilter.findData("not_started"))
    ui.dueSoonToggle.setChecked(False)
    ui.searchEdit.setText("thu tuc")
    window.apply_filter()
    shown = shown_tasks(window)
    assert len(shown) >= 2
    window.select_task(shown[1])
    window.close()

    again = open_window(qtbot, services, db_path)
    assert again.ui.searchEdit.text() == "thu tuc"
    assert again.ui.unitFilter.currentData() == office
    assert again.ui.statusFilter.currentData() == "not_started"
    assert shown_tasks(again) == shown
    assert again.current_task_id() == shown[1]
    again.ux_actions.view_state.clear_filters()
    group = again.proxy.index(1, 0)  # the plan's second section
    again.ui.taskTree.setExpanded(group, False)
    closed = group.data(NODE_ROLE).ref
    again.close()

    third = open_window(qtbot, services, db_path)
    assert third.ui.searchEdit.text() == "" and third.ui.unitFilter.currentData() is None
    groups = {node.ref: third.proxy.mapFromSource(third.model.group_index(node)) for node in third.model.iter_groups()}
    assert not third.ui.taskTree.isExpanded(groups[closed])
    assert all(third.ui.taskTree.isExpanded(index) for ref, index in groups.items() if ref != closed)


def test_state_is_kept_per_database_file(qtbot, services, db_path, two_plans, tmp_path):
    from kehoach_desktop.gui.view_state import settings_group

    assert settings_group(db_path) != settings_group(tmp_path / "khac.db")
    window = open_window(qtbot, services, db_path)
    window.ui.searchEdit.setText("hội nghị")
    window.close()
    from kehoach_desktop.services import Services

    with Services.open(tmp_path / "khac.db") as other:
        elsewhere = open_window(qtbot, other, tmp_path / "khac.db")
        assert elsewhere.ui.searchEdit.text() == ""
        elsewhere.close()


def test_escape_clears_the_search(qtbot, services, db_path, two_plans):
    window = open_window(qtbot, services, db_path)
    everything = len(window.proxy.matching_nodes())
    window.ui.searchEdit.setFocus()
    qtbot.keyClicks(window.ui.searchEdit, "hoi nghi")
    window.apply_filter()
    assert 0 < len(window.proxy.matching_nodes()) < everything
    qtbot.keyClick(window.ui.searchEdit, Qt.Key.Key_Escape)
    assert window.ui.searchEdit.text() == ""
    assert len(window.proxy.matching_nodes()) == everything
    window.ui.searchEdit.setText("hoi nghi")
    window.apply_filter()
    window.ui.taskTree.setFocus()
    qtbot.keyClick(window.ui.taskTree, Qt.Key.Key_Escape)  # from the tree too
    assert window.ui.searchEdit.text() == ""


def test_an_empty_result_says_so_and_offers_to_clear_the_filters(qtbot, services, db_path, two_plans):
    window = open_window(qtbot, services, db_path)
    label = window.ux_actions.view_state.empty_label
    assert not label.isVisible()
    window.ui.searchEdit.setText("khong co nhiem vu nao nhu the nay")
    window.ui.overdueToggle.setChecked(True)
    window.apply_filter()
    assert window.proxy.matching_nodes() == []
    assert label.isVisible() and "Không có nhiệm vụ nào khớp" in label.text() and "Xóa bộ lọc" in label.text()
    label.linkActivated.emit("clear")
    assert window.ui.searchEdit.text() == "" and not window.ui.overdueToggle.isChecked()
    assert window.proxy.matching_nodes() and not label.isVisible()


def test_the_detail_panel_follows_a_plan_switch(qtbot, services, db_path, two_plans):
    first, second = two_plans
    window = open_window(qtbot, services, db_path)
    window.reload_plans(select=f"plan:{first}")
    task = window.model.task_nodes()[0].task
    window.select_task(task.id)
    assert task.content[:30] in window.ui.detailView.toPlainText()
    window.ui.planCombo.setCurrentIndex(window.ui.planCombo.findData(("plan", second)))
    assert window.current_task() is None or window.current_task().plan_id == second
    assert task.content[:30] not in window.ui.detailView.toPlainText()
