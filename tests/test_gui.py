"""The real window, driven with pytest-qt (QT_QPA_PLATFORM=offscreen)."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import QModelIndex, Qt, QTimer
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox

from conftest import load_sample_json
from sample_drafts import draft_from_sample, link_units
from kehoach_desktop.domain.judgement import Timeliness
from kehoach_desktop.domain.models import Role
from kehoach_desktop.domain.statuses import Status
from kehoach_desktop.gui.filter_proxy import TaskFilter, TaskFilterProxy
from kehoach_desktop.gui.tree_model import COL_CONTENT, COL_DUE, COL_NUMBER, COL_STATUS, NODE_ROLE, TaskTreeModel, ViewMode

AS_OF = date(2025, 7, 20)


@pytest.fixture
def sample_plan(services):
    """Sample 000 (75 tasks) with units linked the way the importer links them."""
    return services.plans.create(link_units(draft_from_sample(load_sample_json("000_36db36a684822c51")))).value


@pytest.fixture
def window(qtbot, services, db_path, sample_plan):
    from kehoach_desktop.gui.main_window import MainWindow

    win = MainWindow(services, db_path, as_of=AS_OF)
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    return win


def visible_tasks(win) -> list:
    """Task nodes shown in the tree (walking the proxy), in order."""
    out = []

    def walk(parent: QModelIndex):
        for row in range(win.proxy.rowCount(parent)):
            index = win.proxy.index(row, 0, parent)
            node = index.data(NODE_ROLE)
            if node.is_task:
                out.append(node)
            walk(index)

    walk(QModelIndex())
    return out


def answer_dialog(qtbot, handler, attempts: int = 250):
    """Run handler(dialog) on the next modal dialog, from inside its exec().

    Gives up after ~5 s so a dialog that never opens cannot leave a timer
    answering some later test's dialog."""

    def act(left: int):
        dialog = QApplication.activeModalWidget()
        if dialog is None:
            if left:
                QTimer.singleShot(20, lambda: act(left - 1))
            return
        handler(dialog)

    QTimer.singleShot(0, lambda: act(attempts))


def reactivate(qtbot, win) -> None:
    """Give the main window the keyboard again after a modal dialog (the offscreen
    platform leaves the closed dialog as the active window until it is deleted)."""
    from PySide6.QtCore import QCoreApplication, QEvent

    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    win.windowHandle().requestActivate()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is win)
    win.ui.taskTree.setFocus()


# --- the model ---------------------------------------------------------------------------------


@pytest.mark.parametrize("mode", list(ViewMode))
def test_model_passes_qtmodeltester(qtmodeltester, services, sample_plan, mode):
    model = TaskTreeModel()
    model.load(services.plans.tree(sample_plan), mode, AS_OF)
    qtmodeltester.check(model)
    proxy = TaskFilterProxy()
    proxy.setSourceModel(model)
    proxy.set_filter(TaskFilter.build("thu tuc"))
    qtmodeltester.check(proxy)


def test_by_area_view_groups_in_catalog_order(services, sample_plan):
    model = TaskTreeModel()
    model.load(services.plans.tree(sample_plan), ViewMode.BY_AREA, AS_OF)
    titles = [model.index(row, 0).data(NODE_ROLE).title for row in range(model.rowCount())]
    assert all(model.index(row, COL_CONTENT).data().startswith(title) for row, title in enumerate(titles))
    assert titles[:6] == [
        "Cải cách thể chế", "Cải cách thủ tục hành chính", "Cải cách tổ chức bộ máy",
        "Cải cách chế độ công vụ", "Cải cách tài chính công", "Xây dựng chính quyền điện tử, chính quyền số",
    ] or len(titles) < 6  # fmt: skip
    assert sum(model.index(row, 0).data(NODE_ROLE).task_count for row in range(model.rowCount())) == 75


def test_by_unit_view_lists_each_units_tasks(services, sample_plan):
    model = TaskTreeModel()
    model.load(services.plans.tree(sample_plan), ViewMode.BY_UNIT, AS_OF)
    groups = {model.index(r, 0).data(NODE_ROLE).title: model.index(r, 0) for r in range(model.rowCount())}
    assert set(groups) == {"Văn phòng Sở", "Các phòng, đơn vị trực thuộc Sở"}
    office = groups["Văn phòng Sở"]
    for row in range(model.rowCount(office)):
        task = model.index(row, 0, office).data(NODE_ROLE).task
        assert any(link.unit_name == "Văn phòng Sở" for link in task.units)


# --- the window ----------------------------------------------------------------------------------


def test_window_shows_plan_sections_and_totals(window):
    tree = window.ui.taskTree
    first = window.proxy.index(0, 0)
    assert first.data() == "I"
    caption = first.siblingAtColumn(COL_CONTENT).data()
    assert caption.startswith("CÔNG TÁC CHỈ ĐẠO ĐIỀU HÀNH") and "5 nhiệm vụ" in caption
    assert tree.isExpanded(first)
    assert len(visible_tasks(window)) == 75
    assert window.totals_label.text().startswith("Tổng: 75 nhiệm vụ")
    assert "Cải thiện và nâng cao" in window.windowTitle()


def test_search_without_diacritics_finds_vietnamese_text(qtbot, window):
    window.ui.searchEdit.setText("thu tuc hanh chinh")
    qtbot.waitUntil(lambda: window.proxy.task_filter.words == ("thu", "tuc", "hanh", "chinh"))
    shown = visible_tasks(window)
    matching = window.proxy.matching_nodes()
    assert matching and all(word in n.search_key for n in matching for word in ("thu", "tuc", "hanh", "chinh"))
    excluded = [n for n in window.model.task_nodes() if n not in matching]
    assert excluded and all("tuc" not in n.search_key or "hanh" not in n.search_key
                            or "chinh" not in n.search_key or "thu" not in n.search_key for n in excluded)  # fmt: skip
    assert any("thủ tục hành chính" in n.task.content.lower() for n in matching)
    assert set(map(id, matching)) <= set(map(id, shown))
    assert window.totals_label.text().startswith(f"Đang hiện: {len(matching)} nhiệm vụ")
    window.ui.searchEdit.setText("THỦ TỤC HÀNH CHÍNH")  # marks and case ignored either way
    qtbot.waitUntil(lambda: window.proxy.task_filter.words == ("thu", "tuc", "hanh", "chinh"))
    assert len(window.proxy.matching_nodes()) == len(matching)


def test_filter_by_unit(qtbot, window, services):
    office = services.units.find("Văn phòng Sở")
    combo = window.ui.unitFilter
    combo.setCurrentIndex(combo.findData(office))
    shown = window.proxy.matching_nodes()
    assert shown and all(office in node.unit_ids for node in shown)
    assert len(shown) < 75
    combo.setCurrentIndex(0)
    assert len(window.proxy.matching_nodes()) == 75


def test_overdue_task_marked_as_of_the_chosen_date(qtbot, window):
    """IV.2 is due 25/7/2025: due soon on 20/07, overdue on 26/07."""

    def row_of_iv2():
        for node in window.model.task_nodes():
            if node.task.schedule_text == "Trước ngày 25/7/2025":
                return node
        raise AssertionError("IV.2 not found")

    node = row_of_iv2()
    assert node.timeliness is Timeliness.DUE_SOON
    window.ui.asOfEdit.setDate(date(2025, 7, 26))
    node = row_of_iv2()
    assert node.timeliness is Timeliness.OVERDUE
    index = window.model.index_of_task(node.task.id)
    assert "Quá hạn" in index.siblingAtColumn(COL_STATUS).data()
    assert index.siblingAtColumn(COL_NUMBER).data(Qt.ItemDataRole.DecorationRole) is not None
    assert index.siblingAtColumn(COL_CONTENT).data(Qt.ItemDataRole.ForegroundRole).color().name() == "#b71c1c"
    assert index.siblingAtColumn(COL_DUE).data() == "25/07/2025"
    window.ui.overdueToggle.setChecked(True)
    overdue = window.proxy.matching_nodes()
    assert [n.task.id for n in overdue] == [node.task.id]


def _select_task_with(window, text: str):
    node = next(n for n in window.model.task_nodes() if n.task.content.startswith(text))
    assert window.select_task(node.task.id)
    return node.task


def test_edit_task_through_dialog_then_undo_and_redo(qtbot, window, services):
    task = _select_task_with(window, "Đăng tải nội dung, thông tin CCHC")

    def fill(dialog):
        dialog.ui.scheduleEdit.setPlainText("Trước ngày 15/8/2025")
        assert dialog.ui.deadlineUnderstood.text() == "→ Hạn: 15/08/2025"
        dialog.ui.resultEdit.setPlainText("Đã đăng 12 tin bài")
        dialog.ui.buttonBox.accepted.emit()

    answer_dialog(qtbot, fill)
    window.edit_task_action.trigger()
    index = window.model.index_of_task(task.id)
    assert index.siblingAtColumn(COL_DUE).data() == "15/08/2025"
    assert services.tasks.get(task.id).result == "Đã đăng 12 tin bài"
    assert window.current_task_id() == task.id

    window.undo_action.trigger()
    assert services.tasks.get(task.id).schedule_text == "Thường xuyên"
    assert window.model.index_of_task(task.id).siblingAtColumn(COL_DUE).data() == ""
    window.redo_action.trigger()
    assert services.tasks.get(task.id).schedule_text == "Trước ngày 15/8/2025"
    assert window.model.index_of_task(task.id).siblingAtColumn(COL_DUE).data() == "15/08/2025"


def test_keyboard_shortcuts_undo_redo(qtbot, window, services):
    task = _select_task_with(window, "Đăng tải nội dung, thông tin CCHC")

    def fill(dialog):
        dialog.ui.contentEdit.setPlainText("Nội dung mới")
        dialog.ui.buttonBox.accepted.emit()

    answer_dialog(qtbot, fill)
    reactivate(qtbot, window)
    qtbot.keyClick(window.ui.taskTree, Qt.Key.Key_F2)
    assert services.tasks.get(task.id).content == "Nội dung mới"
    reactivate(qtbot, window)
    qtbot.keyClick(window.ui.taskTree, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert services.tasks.get(task.id).content.startswith("Đăng tải nội dung")
    qtbot.keyClick(window.ui.taskTree, Qt.Key.Key_Y, Qt.KeyboardModifier.ControlModifier)
    assert services.tasks.get(task.id).content == "Nội dung mới"


def test_add_delete_and_move_are_undoable(qtbot, window, services):
    task = _select_task_with(window, "Đăng tải nội dung, thông tin CCHC")
    before = len(window.model.task_nodes())

    def fill(dialog):
        dialog.ui.numberEdit.setText("1a")
        dialog.ui.contentEdit.setPlainText("Nhiệm vụ thêm mới")
        dialog.ui.unitPicker.setEditText("Phòng Pháp chế")
        dialog.ui.addLeadButton.click()
        dialog.ui.buttonBox.accepted.emit()

    answer_dialog(qtbot, fill)
    window.new_task_action.trigger()
    assert len(window.model.task_nodes()) == before + 1
    new_id = window.current_task_id()
    new = services.tasks.get(new_id)
    assert new.content == "Nhiệm vụ thêm mới" and new.unit_names(new.units[0].role) == ["Phòng Pháp chế"]
    assert services.tasks.siblings(task.id).index(new_id) == services.tasks.siblings(task.id).index(task.id) + 1
    window.undo_action.trigger()
    assert len(window.model.task_nodes()) == before

    window.select_task(task.id)
    order = services.tasks.siblings(task.id)
    window.move_down_action.trigger()
    assert services.tasks.siblings(task.id).index(task.id) == order.index(task.id) + 1
    window.undo_action.trigger()
    assert services.tasks.siblings(task.id) == order

    window.select_task(task.id)
    monkey_confirm = QMessageBox.question  # the delete confirmation is our own box: answer it
    answer_dialog(qtbot, lambda box: box.buttons()[0].click())
    window.delete_task_action.trigger()
    assert len(window.model.task_nodes()) == before - 1
    window.undo_action.trigger()
    assert len(window.model.task_nodes()) == before
    assert services.tasks.get(task.id).content == task.content
    assert monkey_confirm is QMessageBox.question


def test_indent_and_outdent(qtbot, window, services):
    task = _select_task_with(window, "Tổ chức các Hội nghị, hội thảo tập huấn")
    above = services.tasks.siblings(task.id)[services.tasks.siblings(task.id).index(task.id) - 1]
    window.indent_action.trigger()
    assert services.tasks.get(task.id).parent_id == above
    window.select_task(task.id)
    window.outdent_action.trigger()
    assert services.tasks.get(task.id).parent_id is None
    window.undo_action.trigger()
    assert services.tasks.get(task.id).parent_id == above


def test_record_progress_through_dialog(qtbot, window, services):
    task = _select_task_with(window, "Tổ chức các Hội nghị, hội thảo tập huấn")

    def fill(dialog):
        from kehoach_desktop.domain.periods import Period

        dialog.ui.periodPicker.set_period(Period.quarter(2025, 2))
        dialog.ui.statusCombo.setCurrentIndex(dialog.ui.statusCombo.findData("done"))
        dialog.ui.percentSpin.setValue(100)
        dialog.ui.resultEdit.setPlainText("Đã tổ chức 02 hội nghị tập huấn")
        dialog.ui.addEvidenceButton.click()
        table = dialog.ui.evidenceTable
        from PySide6.QtWidgets import QTableWidgetItem

        for column, text in enumerate(("15/KH-SNNMT", "10/06/2025", "Kế hoạch tập huấn CCHC")):
            table.setItem(0, column, QTableWidgetItem(text))
        dialog.ui.buttonBox.accepted.emit()

    answer_dialog(qtbot, fill)
    window.progress_action.trigger()
    [update] = services.progress.history(task.id)
    assert update.period == "2025-Q2" and update.percent == 100
    assert update.evidence[0].doc_number == "15/KH-SNNMT" and update.evidence[0].issued_on == date(2025, 6, 10)
    assert services.tasks.get(task.id).status is Status.DONE
    html = window.ui.detailView.toHtml()
    assert "quý II năm 2025" in html and "Đã tổ chức 02 hội nghị tập huấn" in html
    window.undo_action.trigger()
    assert services.progress.history(task.id) == []
    assert services.tasks.get(task.id).status is Status.NOT_STARTED


def test_detail_panel_shows_deadline_as_understood(window):
    _select_task_with(window, "Tiếp tục rà soát, đơn giản hóa TTHC")
    html = window.ui.detailView.toPlainText()
    assert "Trước ngày 25/7/2025" in html and "→ Hạn: 25/07/2025" in html
    assert "Sắp đến hạn" in html


def test_plan_info_dialog_edits_header_with_undo(qtbot, window, services, sample_plan):
    def fill(dialog):
        dialog.ui.numberEdit.setText("125/KH-SNNMT")
        dialog.ui.recipientsEdit.setPlainText("- UBND tỉnh;\n- Lưu: VT, VP.")
        dialog.ui.buttonBox.accepted.emit()

    answer_dialog(qtbot, fill)
    window.plan_info_action.trigger()
    plan = services.plans.get(sample_plan)
    assert plan.doc_number == "125/KH-SNNMT" and plan.recipients == ["- UBND tỉnh;", "- Lưu: VT, VP."]
    window.undo_action.trigger()
    assert services.plans.get(sample_plan).doc_number == "/KH-SNNMT"


def test_view_modes_and_state_are_remembered(qtbot, services, db_path, sample_plan):
    from kehoach_desktop.gui.main_window import MainWindow

    first = MainWindow(services, db_path, as_of=AS_OF)
    qtbot.addWidget(first)
    first.set_mode(ViewMode.BY_UNIT)
    first.ui.taskTree.header().resizeSection(COL_CONTENT, 333)
    first.resize(1111, 777)
    first.close()
    second = MainWindow(services, db_path, as_of=AS_OF)
    qtbot.addWidget(second)
    assert second.mode is ViewMode.BY_UNIT
    assert second.ui.taskTree.header().sectionSize(COL_CONTENT) == 333
    assert second.selected_plan_ids() == [sample_plan]


def test_summary_banner_counts_as_of_date(window):
    window.show_summary()
    assert window.ui.summaryBanner.isVisible()
    assert "1</b> nhiệm vụ sắp đến hạn" in window.ui.summaryLabel.text()
    window.ui.summaryCloseButton.click()
    assert not window.ui.summaryBanner.isVisible()


def test_screenshot_command(tmp_path, db_path, services, sample_plan):
    import subprocess
    import sys

    out = tmp_path / "shot.png"
    services.close()
    result = subprocess.run(
        [sys.executable, "-m", "kehoach_desktop", "--db", str(db_path), "--screenshot", str(out), "--size", "1200x800"],
        capture_output=True, text=True, timeout=120, env={**__import__("os").environ, "QT_QPA_PLATFORM": "offscreen"},
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    from PySide6.QtGui import QImage

    image = QImage(str(out))
    assert (image.width(), image.height()) == (1200, 800)


# --- import through the window ---------------------------------------------------------------


@pytest.fixture
def empty_window(qtbot, services, db_path):
    from kehoach_desktop.gui.main_window import MainWindow

    win = MainWindow(services, db_path, as_of=AS_OF)
    qtbot.addWidget(win)
    win.show()
    return win


@pytest.mark.parametrize("suffix", [".docx", ".xlsx", ".txt"])
def test_import_sample_through_the_import_dialog(qtbot, empty_window, services, suffix):
    from conftest import sample_file

    path = sample_file("004_38c702dbea58b40f", suffix)
    seen = {}

    def drive(dialog):
        dialog.ui.fileEdit.setText(str(path))
        dialog.ui.previewButton.click()
        qtbot.waitUntil(lambda: dialog.draft is not None, timeout=20000)
        seen["summary"] = dialog.ui.summaryLabel.text()
        seen["top"] = [dialog.ui.previewTree.topLevelItem(i).text(0) for i in range(dialog.ui.previewTree.topLevelItemCount())]
        assert dialog.ok_button.isEnabled()
        dialog.ok_button.click()

    answer_dialog(qtbot, drive)
    empty_window.import_action.trigger()
    assert "25 nhiệm vụ" in seen["summary"]
    assert seen["top"] == ["A", "B"]
    assert len(empty_window.model.task_nodes()) == 25
    assert [p.task_count for p in services.plans.list_plans()] == [25]


def test_import_dialog_shows_a_bad_file_message_and_imports_nothing(qtbot, empty_window, services, tmp_path):
    bad = tmp_path / "ke-hoach.docx"
    bad.write_bytes(b"%PDF-1.7 not really a word file")
    seen = {}

    def drive(dialog):
        dialog.ui.fileEdit.setText(str(bad))
        dialog.ui.previewButton.click()
        qtbot.waitUntil(lambda: dialog.ui.summaryLabel.text() not in ("", "Đang đọc…"), timeout=20000)
        seen["summary"] = dialog.ui.summaryLabel.text()
        seen["ok"] = dialog.ok_button.isEnabled()
        dialog.reject()

    answer_dialog(qtbot, drive)
    empty_window.import_action.trigger()
    assert "ke-hoach.docx" in seen["summary"] and "PDF" in seen["summary"]
    assert seen["ok"] is False
    assert services.plans.list_plans() == []


def test_pasted_table_is_imported(qtbot, empty_window, services):
    pasted = (
        "TT\tNhiệm vụ\tThời hạn\tĐơn vị chủ trì\tĐơn vị phối hợp\n"
        "I\tCẢI CÁCH THỦ TỤC HÀNH CHÍNH\n"
        "1\tRà soát, đơn giản hóa thủ tục hành chính\tTrước ngày 30/9/2025\tVăn phòng Sở\tThanh tra Sở\n"
        "2\tCông khai thủ tục hành chính\tThường xuyên\tVăn phòng Sở\t\n"
    )

    def drive(dialog):
        dialog.ui.sourceTabs.setCurrentIndex(1)
        dialog.ui.pasteEdit.setPlainText(pasted)
        dialog.ui.yearSpin.setValue(2025)
        dialog.ui.previewButton.click()
        qtbot.waitUntil(lambda: dialog.draft is not None, timeout=20000)
        dialog.ok_button.click()

    answer_dialog(qtbot, drive)
    empty_window.import_action.trigger()
    tasks = [node.task for node in empty_window.model.task_nodes()]
    assert [t.content for t in tasks] == ["Rà soát, đơn giản hóa thủ tục hành chính", "Công khai thủ tục hành chính"]
    assert tasks[0].deadline.describe() == "Hạn: 30/09/2025"
    assert tasks[0].unit_names(Role.LEAD) == ["Văn phòng Sở"]
    assert tasks[0].unit_names(Role.COORDINATE) == ["Thanh tra Sở"]


def test_demo_opens_a_filled_window(tmp_path):
    """README's first command: `kehoach-desktop --demo` (here with --screenshot to end it)."""
    import os
    import subprocess
    import sys

    out = tmp_path / "demo.png"
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "KEHOACH_DATA_DIR": str(tmp_path / "data")}
    result = subprocess.run(
        [sys.executable, "-m", "kehoach_desktop", "--demo", "--screenshot", str(out)],
        capture_output=True, text=True, timeout=120, env=env,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert out.stat().st_size > 10_000
    demo_db = tmp_path / "data" / "demo" / "kehoach-demo.db"
    from kehoach_desktop.services import Services

    with Services.open(demo_db) as services:
        [plan] = services.plans.list_plans()
        assert plan.task_count == 75


def test_sorting_by_due_date_then_back_to_printed_order(qtbot, window):
    section = window.proxy.index(3, 0)  # IV. CẢI CÁCH THỦ TỤC HÀNH CHÍNH
    printed = [window.proxy.index(r, COL_NUMBER, section).data() for r in range(window.proxy.rowCount(section))]
    window.ui.taskTree.sortByColumn(COL_DUE, Qt.SortOrder.AscendingOrder)
    section = window.proxy.index(3, 0)
    dues = [window.proxy.index(r, COL_DUE, section).data() for r in range(window.proxy.rowCount(section))]
    keys = [(d[6:], d[3:5], d[:2]) if d else ("9999",) for d in dues]
    assert keys == sorted(keys) and dues[0] == "25/07/2025"
    assert window.ui.taskTree.isExpanded(section)  # sorting keeps the groups open
    window.printed_order_action.trigger()
    section = window.proxy.index(3, 0)
    assert [window.proxy.index(r, COL_NUMBER, section).data() for r in range(window.proxy.rowCount(section))] == printed


def test_hiding_a_column_from_the_header_menu(window):
    from PySide6.QtWidgets import QMenu

    menu = QMenu()
    window._fill_columns_menu(menu)
    result_action = next(a for a in menu.actions() if a.text() == "Kết quả")
    result_action.setChecked(False)
    assert window.ui.taskTree.header().isSectionHidden(7)
    content_action = next(a for a in menu.actions() if a.text() == "Nhiệm vụ")
    assert not content_action.isEnabled()


def test_units_dialog_merges_and_refuses_to_delete_a_unit_in_use(qtbot, window, services):
    from unittest import mock

    from kehoach_desktop.gui.organization_dialog import OrganizationDialog

    services.units.create("VP Sở Nông nghiệp")
    dialog = OrganizationDialog(window, services)
    qtbot.addWidget(dialog)
    tab = dialog.units
    office = services.units.find("Văn phòng Sở")
    spare = services.units.find("VP Sở Nông nghiệp")
    shown = {}
    tab.select(office)
    with mock.patch("kehoach_desktop.gui.organization_dialog.confirm", return_value=True), \
            mock.patch("kehoach_desktop.gui.organization_dialog.show_error",
                       lambda parent, message: shown.setdefault("text", message)):  # fmt: skip
        tab.delete_unit()
    assert "đang được giao" in shown["text"]
    assert services.units.find("Văn phòng Sở") == office
    tab.select(spare)
    with mock.patch("kehoach_desktop.gui.organization_dialog.QInputDialog.getItem", return_value=("Văn phòng Sở", True)):
        tab.merge_unit()
    assert services.units.find("VP Sở Nông nghiệp") == office  # kept as another name
    assert dialog.changed


def test_an_organization_edit_is_one_undo_step_with_its_task_links(qtbot, window, services):
    from unittest import mock

    office = services.units.find("Văn phòng Sở")
    links = lambda: services.store.conn.execute(  # noqa: E731
        "SELECT count(*) FROM task_unit WHERE unit_id = ?", [office]).fetchone()[0]  # fmt: skip
    held = links()
    assert held > 0

    def edit(dialog):
        services.organization.make_outside(office)
        dialog.changed = True
        return 0

    with mock.patch("kehoach_desktop.gui.organization_dialog.OrganizationDialog.exec", edit):
        window.open_units()
    assert links() == 0 and window.undo_stack.undoText() == "Sửa cơ cấu tổ chức, danh mục đơn vị"
    window.undo_action.trigger()
    assert links() == held and services.units.find("Văn phòng Sở") == office
    window.redo_action.trigger()
    assert links() == 0


def test_closing_a_dialog_while_its_background_work_runs_is_safe(qtbot, window):
    """The work finishes after its dialog is gone: no crash, no callback on dead widgets."""
    import threading

    from PySide6.QtWidgets import QDialog as Dialog

    from kehoach_desktop.gui import background

    release = threading.Event()
    calls = []
    owner = Dialog(window)
    owner.show()

    def work(progress):
        release.wait(5)
        return 42

    job = background.run(owner, "Đang làm…", work, calls.append, lambda m, e: calls.append(m))
    owner.close()
    owner.deleteLater()
    qtbot.wait(50)
    release.set()
    qtbot.waitUntil(lambda: job not in background._running, timeout=5000)
    assert calls == []


def test_an_unexpected_error_in_the_window_is_logged_and_told(qtbot, window, monkeypatch, tmp_path):
    from kehoach_desktop.gui import app as app_module

    monkeypatch.setenv("KEHOACH_DATA_DIR", str(tmp_path))
    shown = {}
    monkeypatch.setattr(app_module.QMessageBox, "critical", lambda parent, title, text: shown.setdefault("text", text))
    try:
        raise ZeroDivisionError("chia cho không")
    except ZeroDivisionError:
        import sys

        app_module.report_unexpected(*sys.exc_info())
    assert "Đã xảy ra lỗi không mong đợi: chia cho không" in shown["text"]
    log = (tmp_path / "kehoach-desktop.log").read_text(encoding="utf-8")
    assert "ZeroDivisionError: chia cho không" in log and "Traceback" in log
