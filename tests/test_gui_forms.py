"""The periodic reporting round-trip through the real window (pytest-qt, offscreen):
forms out through the menu, filled with openpyxl as a unit would, dropped back on
the window, previewed, applied (and undone); the status panel and the detail
section follow.

The plan is sample 000 with the units test_forms.py links (Văn phòng Sở, Thanh
tra Sở, Phòng Kế hoạch – Tài chính, and the group of all units).
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import openpyxl
import pytest
from PySide6.QtCore import QMimeData, QPointF, Qt, QTimer, QUrl
from PySide6.QtGui import QDropEvent, QKeySequence
from PySide6.QtWidgets import QApplication

from test_forms import (
    FINANCE, HISTORY_TABLES, INSPECTORATE, OFFICE, build_plan, fill, form_of, form_rows, snapshot, task_by,
)
from conftest import sample_file
from kehoach_desktop.domain.models import ProgressUpdate
from kehoach_desktop.domain.periods import Period
from kehoach_desktop.domain.statuses import Status
from kehoach_desktop.exporters import unit_forms as form
from kehoach_desktop.gui import forms_actions, forms_dialogs
from kehoach_desktop.gui.forms_dialogs import FilesWrittenDialog, FormsExportDialog, FormsImportDialog, TrackingExportDialog
from kehoach_desktop.gui.import_dialog import ImportDialog
from kehoach_desktop.services import ServiceError

AS_OF = date(2025, 7, 20)
Q3 = Period.quarter(2025, 3)
WAIT = 30_000


# --- fixtures and helpers --------------------------------------------------------------------------


@pytest.fixture
def plan(services) -> int:
    return build_plan(services)


@pytest.fixture
def window(qtbot, services, db_path, plan):
    from kehoach_desktop.gui.main_window import MainWindow

    win = MainWindow(services, db_path, as_of=AS_OF)
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    return win


@pytest.fixture
def opened_folders(monkeypatch) -> list[Path]:
    """«Mở thư mục» records the folder instead of starting a file manager."""
    opened: list[Path] = []
    monkeypatch.setattr(forms_dialogs, "open_folder", opened.append)
    return opened


def when_modal(kind, handler, seen: dict | None = None):
    """Run handler(dialog) once a modal dialog of `kind` is up (from inside its exec())."""

    def act():
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, kind):
            QTimer.singleShot(20, act)
            return
        try:
            handler(dialog)
        except BaseException as exc:  # an assertion inside exec(): close, then fail the test
            if seen is not None:
                seen["error"] = exc
            dialog.reject()

    QTimer.singleShot(0, act)


def check(seen: dict) -> None:
    if "error" in seen:
        raise seen["error"]


def send_forms(qtbot, window, folder: Path, opened: list[Path], one_workbook: bool = False) -> tuple[list[Path], dict]:
    seen: dict = {}

    def fill_export(dialog: FormsExportDialog):
        dialog.ui.periodPicker.set_period(Q3)
        dialog.ui.folderEdit.setText(str(folder))
        if one_workbook:
            dialog.ui.oneWorkbookRadio.setChecked(True)
        seen["units"] = [dialog.ui.unitList.item(i).text() for i in range(dialog.ui.unitList.count())]
        dialog.ok_button.click()

    def read_result(dialog: FilesWrittenDialog):
        seen["files"] = [dialog.ui.fileList.item(i).toolTip() for i in range(dialog.ui.fileList.count())]
        seen["message"] = dialog.ui.messageLabel.text()
        dialog.open_button.click()

    when_modal(FormsExportDialog, fill_export, seen)
    when_modal(FilesWrittenDialog, read_result, seen)
    window.forms_actions.send_action.trigger()
    check(seen)
    return [Path(path) for path in seen["files"]], seen


def drop(window, paths: list[Path]) -> None:
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(path)) for path in paths])
    event = QDropEvent(QPointF(20, 20), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton,
                       Qt.KeyboardModifier.NoModifier)  # fmt: skip
    window.dropEvent(event)


def tab_texts(dialog: FormsImportDialog) -> list[str]:
    tabs = dialog.ui.resultTabs
    return [tabs.tabText(i) for i in range(tabs.count())]


def rows(tree) -> list[list[str]]:
    """Each row's full texts (the cells show them broken into lines)."""

    def full(item, column):
        text = item.data(column, Qt.ItemDataRole.UserRole)
        return text if isinstance(text, str) else item.text(column)

    items = [tree.topLevelItem(r) for r in range(tree.topLevelItemCount())]
    return [[full(item, c) for c in range(tree.columnCount())] for item in items]


def wait_preview(qtbot, dialog: FormsImportDialog) -> None:
    qtbot.waitUntil(lambda: dialog.matched is not None and not dialog.busy, timeout=WAIT)


def node_of(window, task_id: int):
    return next(node for node in window.model.task_nodes() if node.task.id == task_id)


# --- the round trip ------------------------------------------------------------------------------------


def test_forms_out_filled_dropped_back_applied_and_undone(qtbot, window, services, plan, tmp_path, opened_folders):
    folder = tmp_path / "phieu"
    paths, seen = send_forms(qtbot, window, folder, opened_folders)
    assert sorted(path.name for path in paths) == sorted(
        f"Báo cáo 2025-Q3 - {unit}.xlsx" for unit in (OFFICE, INSPECTORATE, FINANCE)
    )
    assert all(path.is_file() for path in paths)
    assert [line.split(" — ")[0] for line in seen["units"]] == [FINANCE, INSPECTORATE, OFFICE]
    assert "quý III năm 2025" in seen["message"]
    assert opened_folders == [folder]
    assert window.forms_actions.panel.period() == Q3  # the round just sent is the one the panel follows

    office_tasks = [task_by(services, plan, "III", n) for n in ("2", "3")]
    shared = task_by(services, plan, "III", "1")  # led by Văn phòng Sở and Thanh tra Sở
    formula_text = "=SUM(A1:A3) là chữ, không phải công thức; đã rà soát 12 văn bản"
    fill(form_of(paths, OFFICE), {
        office_tasks[0].id: {"status": "Hoàn thành", "percent": 100, "result": formula_text,
                             "evidence": "Số 12/BC-SXD ngày 05/6/2025 về kết quả rà soát văn bản"},
        office_tasks[1].id: {"status": "Đang thực hiện", "percent": 40, "result": "Đang xây dựng quy chế phối hợp",
                             "difficulties": "Thiếu nhân lực chuyên trách"},
        shared.id: {"status": "Đang thực hiện", "percent": 60, "result": "Văn phòng đã rà soát 3/5 thủ tục"},
    })  # fmt: skip
    fill(form_of(paths, INSPECTORATE), {shared.id: {"status": "Đang thực hiện", "percent": 50,
                                                    "result": "Thanh tra đang kiểm tra hồ sơ"}})  # fmt: skip
    before = snapshot(services)

    seen = {}

    def preview_and_apply(dialog: FormsImportDialog):
        wait_preview(qtbot, dialog)
        seen["tabs"] = tab_texts(dialog)
        seen["files"] = rows(dialog.ui.fileTree)
        seen["new"] = rows(dialog.ui.newTree)
        seen["ok_before"] = dialog.ok_button.isEnabled()
        seen["check_enabled"] = dialog.ui.acceptConflictsCheck.isEnabled()
        dialog.ok_button.click()

    when_modal(FormsImportDialog, preview_and_apply, seen)
    drop(window, [form_of(paths, OFFICE), form_of(paths, INSPECTORATE)])
    qtbot.waitUntil(lambda: window.undo_stack.count() == 1 or "error" in seen, timeout=WAIT)
    check(seen)
    assert seen["tabs"] == ["Lỗi (0)", "Xung đột (0)", "Mới (4)", "Thay đổi (0)", "Lưu ý (0)", "Không đổi (0)"]
    assert seen["ok_before"] and not seen["check_enabled"]
    assert {row[0] for row in seen["files"]} == {form_of(paths, OFFICE).name, form_of(paths, INSPECTORATE).name}
    assert all(row[2] == "quý III năm 2025" for row in seen["files"])
    by_task = {row[1].split(" ", 1)[0] + row[0]: row for row in seen["new"]}
    assert len(by_task) == 4
    formula_row = next(row for row in seen["new"] if row[5] == formula_text)
    assert formula_row[0] == OFFICE and formula_row[3] == "Hoàn thành" and formula_row[4] == "100"
    assert formula_row[6].startswith("Số 12/BC-SXD ngày 05/06/2025")
    assert f"«{form_of(paths, OFFICE).name}»" in formula_row[8] and "dòng" in formula_row[8]

    # Recorded: the text typed as text, Vietnamese intact, the tree and details reloaded.
    [update] = services.progress.history(office_tasks[0].id)
    assert (update.status, update.percent, update.result, update.period) == (Status.DONE, 100, formula_text, "2025-Q3")
    assert node_of(window, office_tasks[0].id).task.status is Status.DONE
    assert node_of(window, office_tasks[1].id).task.status is Status.IN_PROGRESS
    assert "Đã nhập 4 báo cáo mới" in window.statusBar().currentMessage()

    window.select_task(shared.id)
    details = window.ui.detailView.toPlainText()
    assert "Báo cáo của các đơn vị — kỳ báo cáo gần nhất: quý III năm 2025" in details
    assert "Văn phòng đã rà soát 3/5 thủ tục" in details and "Thanh tra đang kiểm tra hồ sơ" in details
    assert "Kết quả chung: Đang thực hiện, 50%" in details  # the least advanced lead answer

    panel = window.forms_actions.panel
    window.forms_actions.panel_action.trigger()
    qtbot.waitUntil(lambda: panel.groups() != {}, timeout=WAIT)
    assert panel.groups() == {"Đã báo cáo": [INSPECTORATE, OFFICE], "Chưa báo cáo": [FINANCE]}
    assert "2/3 đơn vị đã báo cáo" in panel.ui.summaryLabel.text()

    # Undo puts everything back as it was; redo records it again.
    window.undo_action.trigger()
    assert snapshot(services, history=False) == {k: v for k, v in before.items() if k not in HISTORY_TABLES}
    assert node_of(window, office_tasks[0].id).task.status is Status.NOT_STARTED
    qtbot.waitUntil(lambda: panel.groups().get("Đã báo cáo") == [], timeout=WAIT)
    assert panel.groups()["Chưa báo cáo"] == [FINANCE, INSPECTORATE, OFFICE]
    window.redo_action.trigger()
    assert services.progress.history(office_tasks[0].id)[0].result == formula_text
    assert node_of(window, office_tasks[0].id).task.status is Status.DONE
    qtbot.waitUntil(lambda: panel.groups().get("Đã báo cáo") == [INSPECTORATE, OFFICE], timeout=WAIT)


def test_conflicting_forms_need_the_tick_and_cancel_writes_nothing(qtbot, window, services, plan, tmp_path,
                                                                    opened_folders, monkeypatch):  # fmt: skip
    paths, _ = send_forms(qtbot, window, tmp_path / "phieu", opened_folders)
    shared = task_by(services, plan, "III", "1")
    fill(form_of(paths, OFFICE), {shared.id: {"status": "Hoàn thành", "percent": 100, "result": "VP đã xong"}})
    fill(form_of(paths, INSPECTORATE), {shared.id: {"status": "Đang thực hiện", "percent": 70}})
    chosen = [form_of(paths, OFFICE), form_of(paths, INSPECTORATE)]
    monkeypatch.setattr(forms_dialogs, "choose_form_files", lambda parent, folder="": chosen)
    before = snapshot(services)
    seen = {}

    def look_then_cancel(dialog: FormsImportDialog):
        wait_preview(qtbot, dialog)
        seen["tabs"] = tab_texts(dialog)
        seen["current"] = dialog.ui.resultTabs.tabText(dialog.ui.resultTabs.currentIndex())
        seen["conflicts"] = rows(dialog.ui.conflictsTree)
        seen["ok_unticked"] = dialog.ok_button.isEnabled()
        seen["status_unticked"] = dialog.ui.statusLabel.text()
        dialog.ui.acceptConflictsCheck.setChecked(True)
        seen["ok_ticked"] = dialog.ok_button.isEnabled()
        dialog.ui.buttonBox.rejected.emit()

    when_modal(FormsImportDialog, look_then_cancel, seen)
    window.forms_actions.import_action.trigger()
    check(seen)
    assert seen["tabs"][:4] == ["Lỗi (0)", "Xung đột (1)", "Mới (2)", "Thay đổi (0)"]
    assert seen["current"] == "Xung đột (1)"
    [(message, where)] = seen["conflicts"]
    assert "Các đơn vị chủ trì báo cáo khác nhau" in message
    assert "Thanh tra Sở: Đang thực hiện 70%" in message and "Văn phòng Sở: Hoàn thành 100%" in message
    assert where == "Kỳ quý III năm 2025"
    assert seen["ok_unticked"] is False and "Vẫn ghi các mục có xung đột" in seen["status_unticked"]
    assert seen["ok_ticked"] is True
    assert snapshot(services) == before
    assert window.undo_stack.count() == 0


def test_tampered_form_is_an_error_until_left_out(qtbot, window, services, plan, tmp_path, opened_folders):
    paths, _ = send_forms(qtbot, window, tmp_path / "phieu", opened_folders)
    finance_task = next(iter(form_rows(form_of(paths, FINANCE))))
    office_task = task_by(services, plan, "III", "2")
    fill(form_of(paths, FINANCE), {finance_task: {"status": "Hoàn thành", "result": "Đã giải ngân"}})
    fill(form_of(paths, OFFICE), {office_task.id: {"status": "Đang thực hiện", "result": "Đang rà soát"}})
    tampered = form_of(paths, FINANCE)
    book = openpyxl.load_workbook(tampered)
    identity = book[form.IDENTITY_SHEET]
    identity["A3"].value = identity["A3"].value.replace('"period":"2025-Q3"', '"period":"2025-Q4"')
    book.save(tampered)
    before = snapshot(services)
    seen = {}

    def inspect(dialog: FormsImportDialog):
        wait_preview(qtbot, dialog)
        seen["tabs"] = tab_texts(dialog)
        seen["errors"] = rows(dialog.ui.errorsTree)
        seen["ok"] = dialog.ok_button.isEnabled()
        seen["status"] = dialog.ui.statusLabel.text()
        dialog.ui.acceptConflictsCheck.setChecked(True)  # no help against an error
        seen["ok_ticked"] = dialog.ok_button.isEnabled()
        seen["snapshot_while_open"] = snapshot(services)
        # Leave the tampered file out: the rest can be recorded.
        row = [dialog.ui.fileTree.topLevelItem(i).text(0) for i in range(2)].index(tampered.name)
        dialog.ui.fileTree.topLevelItem(row).setSelected(True)
        dialog.ui.removeButton.click()
        wait_preview(qtbot, dialog)
        seen["tabs_after"] = tab_texts(dialog)
        seen["ok_after"] = dialog.ok_button.isEnabled()
        dialog.ok_button.click()

    when_modal(FormsImportDialog, inspect, seen)
    drop(window, [tampered, form_of(paths, OFFICE)])
    qtbot.waitUntil(lambda: window.undo_stack.count() == 1 or "error" in seen, timeout=WAIT)
    check(seen)
    assert seen["tabs"][:3] == ["Lỗi (1)", "Xung đột (0)", "Mới (1)"]
    [(message, where)] = seen["errors"]
    assert "Trang định danh của mẫu báo cáo đã bị sửa" in message and where == f"Tệp «{tampered.name}»"
    assert seen["ok"] is False and seen["ok_ticked"] is False and "Còn 1 lỗi" in seen["status"]
    assert seen["snapshot_while_open"] == before
    assert seen["tabs_after"][:3] == ["Lỗi (0)", "Xung đột (0)", "Mới (1)"] and seen["ok_after"]
    assert [u.result for u in services.progress.history(office_task.id)] == ["Đang rà soát"]
    assert services.progress.history(finance_task) == []


def test_changed_answer_shows_old_and_new(qtbot, window, services, plan, tmp_path, opened_folders):
    paths, _ = send_forms(qtbot, window, tmp_path / "phieu", opened_folders)
    task = task_by(services, plan, "III", "2")
    path = form_of(paths, OFFICE)
    fill(path, {task.id: {"status": "Đang thực hiện", "percent": 50, "result": "Đã rà soát 5 văn bản"}})
    services.forms.apply(services.forms.preview_import([path]))
    window.load_view()
    fill(path, {task.id: {"status": "Hoàn thành", "percent": 100}})
    seen = {}

    def inspect(dialog: FormsImportDialog):
        wait_preview(qtbot, dialog)
        seen["changed"] = rows(dialog.ui.changedTree)
        dialog.ok_button.click()

    when_modal(FormsImportDialog, inspect, seen)
    drop(window, [path])
    qtbot.waitUntil(lambda: window.undo_stack.count() == 1 or "error" in seen, timeout=WAIT)
    check(seen)
    [(unit, _label, changes, old, new, where)] = seen["changed"]
    assert unit == OFFICE
    assert changes.splitlines() == ["Trạng thái: «Đang thực hiện» → «Hoàn thành»", "% hoàn thành: 50% → 100%"]
    assert old.startswith("Đang thực hiện, 50%") and new.startswith("Hoàn thành, 100%")
    assert "dòng" in where
    window.undo_action.trigger()
    [back] = services.progress.history(task.id)
    assert (back.status, back.percent) == (Status.IN_PROGRESS, 50)


def test_form_for_another_period_is_flagged_by_the_period_chosen(qtbot, window, services, plan, tmp_path):
    q3 = services.forms.export_forms(plan, "2025-Q3", tmp_path / "q3")
    q2 = services.forms.export_forms(plan, "2025-Q2", tmp_path / "q2")
    task = task_by(services, plan, "III", "2")
    fill(form_of(q3, OFFICE), {task.id: {"status": "Hoàn thành"}})
    fill(form_of(q3, INSPECTORATE), {task_by(services, plan, "III", "1").id: {"status": "Hoàn thành"}})
    fill(form_of(q2, FINANCE), {next(iter(form_rows(form_of(q2, FINANCE)))): {"status": "Đang thực hiện"}})
    before = snapshot(services)
    seen = {}

    def inspect(dialog: FormsImportDialog):
        wait_preview(qtbot, dialog)
        combo = dialog.ui.periodCombo
        seen["choices"] = [combo.itemText(i) for i in range(combo.count())]
        seen["chosen"] = combo.currentText()
        seen["conflicts"] = rows(dialog.ui.conflictsTree)
        combo.setCurrentIndex(0)
        combo.activated.emit(0)  # "không kiểm tra": each form counts for its own period
        wait_preview(qtbot, dialog)
        seen["conflicts_unchecked"] = rows(dialog.ui.conflictsTree)
        dialog.reject()

    when_modal(FormsImportDialog, inspect, seen)
    drop(window, [form_of(q3, OFFICE), form_of(q3, INSPECTORATE), form_of(q2, FINANCE)])
    qtbot.waitUntil(lambda: "conflicts_unchecked" in seen or "error" in seen, timeout=WAIT)
    check(seen)
    assert seen["choices"] == [forms_dialogs.NO_PERIOD_CHECK, "quý II năm 2025", "quý III năm 2025"]
    assert seen["chosen"] == "quý III năm 2025"  # most of the forms are for it
    [(message, where)] = seen["conflicts"]
    assert "Mẫu báo cáo cho kỳ quý II năm 2025, không phải kỳ đang nhập (quý III năm 2025)" in message
    assert form_of(q2, FINANCE).name in where
    assert seen["conflicts_unchecked"] == []
    qtbot.waitUntil(lambda: QApplication.activeModalWidget() is None)
    assert snapshot(services) == before


# --- drops that are not forms -------------------------------------------------------------------------


def test_plan_workbook_dropped_still_goes_to_the_plan_import(qtbot, window, services, plan, tmp_path):
    plan_xlsx = sample_file("000_36db36a684822c51", ".xlsx")
    [form_path] = services.forms.export_forms(plan, "2025-Q3", tmp_path, one_workbook=True)
    assert forms_actions.looks_like_form(form_path)
    assert not forms_actions.looks_like_form(plan_xlsx)
    fake = tmp_path / "gia.xlsx"
    fake.write_text("không phải Excel", encoding="utf-8")
    assert not forms_actions.looks_like_form(fake)
    seen = {}

    def see_import(dialog: ImportDialog):
        seen["file"] = dialog.ui.fileEdit.text()
        # Its preview job answers to the dialog: let it finish before closing.
        qtbot.waitUntil(lambda: dialog.draft is not None, timeout=WAIT)
        seen["tasks"] = dialog.draft.task_count()
        dialog.reject()

    when_modal(ImportDialog, see_import, seen)
    drop(window, [plan_xlsx])
    check(seen)
    assert seen["file"] == str(plan_xlsx) and seen["tasks"] == 75


# --- the tracking table ---------------------------------------------------------------------------------


def test_tracking_table_exported_through_the_menu(qtbot, window, services, plan, tmp_path, opened_folders):
    task = task_by(services, plan, "III", "2")
    office = services.units.find(OFFICE)
    services.progress.record(ProgressUpdate(task_id=task.id, period="2025-Q3", status=Status.IN_PROGRESS, percent=30,
                                            result="=1+1 vẫn là chữ: đã rà soát", unit_id=office))  # fmt: skip
    window.load_view()
    target = tmp_path / "xuat" / "theo doi.xlsx"
    target.parent.mkdir()
    seen = {}

    def fill_dialog(dialog: TrackingExportDialog):
        seen["plan"] = dialog.ui.planCombo.currentData()
        seen["suggested"] = dialog.ui.fileEdit.text()
        dialog.ui.periodPicker.set_period(Q3)
        dialog.ui.fileEdit.setText(str(target))
        dialog.ok_button.click()

    def done(dialog: FilesWrittenDialog):
        seen["message"] = dialog.ui.messageLabel.text()
        dialog.open_button.click()

    when_modal(TrackingExportDialog, fill_dialog, seen)
    when_modal(FilesWrittenDialog, done, seen)
    window.forms_actions.tracking_action.trigger()
    check(seen)
    assert seen["plan"] == plan and seen["suggested"].endswith(".xlsx")
    assert str(target) in seen["message"] and opened_folders == [target.parent]
    book = openpyxl.load_workbook(target)
    cells = [cell for row in book.active.iter_rows() for cell in row if cell.value == "=1+1 vẫn là chữ: đã rà soát"]
    assert len(cells) == 1 and cells[0].data_type == "s"


def test_tracking_export_refuses_a_missing_folder(qtbot, window, tmp_path):
    seen = {}

    def fill_dialog(dialog: TrackingExportDialog):
        dialog.ui.fileEdit.setText(str(tmp_path / "khong co" / "bang.xlsx"))
        dialog.ok_button.click()
        seen["error"] = dialog.ui.errorLabel.text()
        seen["open"] = dialog.isVisible()
        dialog.reject()

    when_modal(TrackingExportDialog, fill_dialog, {})
    window.forms_actions.tracking_action.trigger()
    assert "khong co" in seen["error"] and "không có" in seen["error"] and seen["open"]


# --- the panel and the detail section -------------------------------------------------------------------


def test_panel_period_drives_the_detail_section(qtbot, window, services, plan):
    task = task_by(services, plan, "III", "2")
    office = services.units.find(OFFICE)
    for period, result in (("2025-06", "Tháng 6: đã lập kế hoạch"), ("2025-07", "Tháng 7: đang rà soát")):
        services.progress.record(ProgressUpdate(task_id=task.id, period=period, status=Status.IN_PROGRESS,
                                                result=result, unit_id=office))  # fmt: skip
    window.load_view()
    window.select_task(task.id)
    text = window.ui.detailView.toPlainText()
    assert "kỳ báo cáo gần nhất: tháng 07 năm 2025" in text and "Tháng 7: đang rà soát" in text

    panel = window.forms_actions.panel
    assert panel.period() == Period.month(2025, 6)  # first use: the month just ended before the window's date
    window.forms_actions.panel_action.trigger()
    panel.set_period(Period.month(2025, 6))
    text = window.ui.detailView.toPlainText()
    assert "Báo cáo của các đơn vị — kỳ tháng 06 năm 2025" in text and "Tháng 6: đã lập kế hoạch" in text
    qtbot.waitUntil(lambda: panel.groups().get("Đã báo cáo") == [OFFICE], timeout=WAIT)
    panel.set_period(Period.month(2025, 5))
    text = window.ui.detailView.toPlainText()
    assert "Chưa đơn vị nào báo cáo nhiệm vụ này trong kỳ" in text
    assert "Chưa báo cáo: " in text and OFFICE in text
    qtbot.waitUntil(lambda: panel.groups().get("Đã báo cáo") == [], timeout=WAIT)
    assert window.settings.value(forms_actions.PERIOD_KEY) == "2025-05"


def test_menu_and_shortcuts(window):
    actions = window.forms_actions
    titles = [action.text() for action in window.menuBar().actions()]
    assert titles.index("Báo &cáo định kỳ") == titles.index("&Báo cáo") + 1
    assert [a.text() for a in actions.menu.actions() if a.text()] == [
        "&Xuất bảng theo dõi ra Excel…", "&Gửi phiếu báo cáo cho các đơn vị…", "&Nhập phiếu báo cáo của đơn vị…",
        "Tình &hình báo cáo",
    ]  # fmt: skip
    view_menu = next(a.menu() for a in window.menuBar().actions() if a.text() == "&Xem")
    assert actions.panel_action in view_menu.actions()
    ours = {actions.tracking_action, actions.send_action, actions.import_action, actions.panel_action}
    others = [a for a in window.findChildren(type(actions.send_action)) if a not in ours]
    taken = {key.toString() for a in others for key in a.shortcuts()}
    for action in ours:
        assert action.shortcut() != QKeySequence() and action.shortcut().toString() not in taken, action.text()


# --- undo refuses to overwrite later changes ------------------------------------------------------------


def test_put_back_refuses_when_progress_changed_since(services, plan):
    task = task_by(services, plan, "III", "2")
    recorded = services.progress.record(ProgressUpdate(task_id=task.id, period="2025-Q3", status=Status.DONE, percent=100))
    undone = services.undo.put_back(recorded.undo)
    assert services.progress.history(task.id) == [] and services.tasks.get(task.id).status is Status.NOT_STARTED
    redone = services.undo.put_back(undone.undo)
    assert len(services.progress.history(task.id)) == 1 and services.tasks.get(task.id).status is Status.DONE
    services.progress.record(ProgressUpdate(task_id=task.id, period="2025-Q4", status=Status.DONE))
    later = snapshot(services)
    with pytest.raises(ServiceError, match="đã thay đổi"):
        services.undo.put_back(redone.undo)
    assert snapshot(services) == later


def test_undo_after_a_later_report_is_refused_with_a_message(qtbot, window, services, plan, tmp_path, monkeypatch):
    task = task_by(services, plan, "III", "2")
    path = form_of(services.forms.export_forms(plan, "2025-Q3", tmp_path), OFFICE)
    fill(path, {task.id: {"status": "Đang thực hiện", "result": "Đang rà soát"}})
    seen = {}
    when_modal(FormsImportDialog, lambda dialog: (wait_preview(qtbot, dialog), dialog.ok_button.click()), seen)
    window.forms_actions.import_forms([path])
    check(seen)
    assert window.undo_stack.count() == 1
    services.progress.record(ProgressUpdate(task_id=task.id, period="2025-Q3", status=Status.DONE))  # outside the window
    later = snapshot(services)
    errors = []
    monkeypatch.setattr(window, "report_error", errors.append)
    window.undo_action.trigger()
    assert len(errors) == 1 and "đã thay đổi sau đó" in errors[0]
    assert snapshot(services) == later


def test_reading_stops_when_the_user_cancels(services, plan, tmp_path):
    class Cancelled:
        cancelled = True

        def report(self, percent, text=""):
            raise AssertionError("nothing is read once cancelled")

    paths = list(services.forms.export_forms(plan, "2025-Q3", tmp_path))
    with pytest.raises(forms_dialogs.ReadingCancelled, match="Đã dừng đọc"):
        forms_dialogs.read_and_match(services, Cancelled(), paths, {}, forms_dialogs.AUTO)
