"""Forgiving slips: Esc or ✕ with unsaved changes asks «Lưu / Không lưu / Hủy»;
destructive questions answer Hủy to Enter."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from conftest import load_sample_json, sample_file
from sample_drafts import draft_from_sample, link_units
from kehoach_desktop.gui import unsaved

AS_OF = date(2025, 7, 20)


@pytest.fixture
def window(qtbot, services, db_path):
    from kehoach_desktop.gui.main_window import MainWindow

    services.plans.create(link_units(draft_from_sample(load_sample_json("000_36db36a684822c51"))))
    win = MainWindow(services, db_path, as_of=AS_OF)
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    win.select_task(win.model.task_nodes()[0].task.id)
    return win


def on_next_modal(handler, kind=None, attempts: int = 250) -> None:
    """Run handler(widget) on the next modal widget (of `kind`), from inside its exec()."""

    def act(left: int) -> None:
        widget = QApplication.activeModalWidget()
        if widget is None or (kind is not None and not isinstance(widget, kind)):
            if left:
                QTimer.singleShot(20, lambda: act(left - 1))
            return
        handler(widget)

    QTimer.singleShot(0, lambda: act(attempts))


def answer_question(choice: str, seen: dict):
    """Handler for the unsaved-changes box: note its buttons and default, click `choice`."""

    def handler(box: QMessageBox) -> None:
        seen.setdefault("boxes", []).append(box.windowTitle())
        seen["buttons"] = [b.text().replace("&", "") for b in box.buttons()]
        seen["default"] = box.defaultButton().text().replace("&", "")
        [button] = [b for b in box.buttons() if b.text().replace("&", "") == choice]
        button.click()

    return handler


def test_escape_with_changes_in_the_task_dialog_asks_and_hủy_keeps_the_typing(qtbot, window, services):
    task = window.current_task()
    seen: dict = {}

    def edit(dialog) -> None:
        dialog.ui.contentEdit.setPlainText("Nội dung gõ dở")
        on_next_modal(answer_question("Hủy", seen), QMessageBox)
        qtbot.keyClick(dialog.ui.contentEdit, Qt.Key.Key_Escape)
        seen["still_open"] = dialog.isVisible()
        seen["text"] = dialog.ui.contentEdit.toPlainText()
        on_next_modal(answer_question("Không lưu", seen), QMessageBox)
        qtbot.keyClick(dialog, Qt.Key.Key_Escape)
        seen["closed"] = not dialog.isVisible()

    on_next_modal(edit)
    window.edit_task_action.trigger()
    assert seen["boxes"] == [unsaved.TITLE, unsaved.TITLE]
    assert sorted(seen["buttons"]) == sorted(["Lưu", "Không lưu", "Hủy"]) and seen["default"] == "Lưu"
    assert seen["still_open"] and seen["text"] == "Nội dung gõ dở"
    assert seen["closed"]
    assert services.tasks.get(task.id).content == task.content  # «Không lưu»: nothing saved


def test_escape_then_lưu_saves_the_task_like_the_lưu_button(qtbot, window, services):
    task = window.current_task()
    seen: dict = {}

    def edit(dialog) -> None:
        dialog.ui.noteEdit.setPlainText("Ghi chú thêm khi họp giao ban")
        on_next_modal(answer_question("Lưu", seen), QMessageBox)
        qtbot.keyClick(dialog, Qt.Key.Key_Escape)

    on_next_modal(edit)
    window.edit_task_action.trigger()
    assert services.tasks.get(task.id).note == "Ghi chú thêm khi họp giao ban"
    window.undo_action.trigger()  # saved through the same path: undoable
    assert services.tasks.get(task.id).note == task.note


def test_closing_the_progress_dialog_with_changes_asks_and_lưu_records_it(qtbot, window, services):
    task = window.current_task()
    seen: dict = {}

    def report(dialog) -> None:
        dialog.ui.percentSpin.setValue(60)
        dialog.ui.resultEdit.setPlainText("Đã hoàn thành dự thảo")
        on_next_modal(answer_question("Lưu", seen), QMessageBox)
        dialog.close()  # the window's ✕

    on_next_modal(report)
    window.progress_action.trigger()
    assert seen["boxes"] == [unsaved.TITLE]
    [update] = services.progress.history(task.id)
    assert (update.percent, update.result) == (60, "Đã hoàn thành dự thảo")


def test_closing_the_plan_info_dialog_with_changes_and_không_lưu_changes_nothing(qtbot, window, services):
    plan = services.plans.list_plans()[0]
    plan_before = services.plans.get(plan.id)
    seen: dict = {}

    def edit(dialog) -> None:
        dialog.ui.signerNameEdit.setText("Nguyễn Văn Gõ Nhầm")
        on_next_modal(answer_question("Không lưu", seen), QMessageBox)
        dialog.close()
        seen["closed"] = not dialog.isVisible()

    on_next_modal(edit)
    window.plan_info_action.trigger()
    assert seen["boxes"] == [unsaved.TITLE] and seen["closed"]
    assert services.plans.get(plan.id).signer_name == plan_before.signer_name != "Nguyễn Văn Gõ Nhầm"


def test_escape_without_changes_closes_at_once(qtbot, window, monkeypatch):
    asked = []
    monkeypatch.setattr(unsaved, "ask_unsaved", lambda *args: asked.append(args) or unsaved.Answer.DISCARD)
    seen = {}

    def look(dialog) -> None:
        qtbot.keyClick(dialog, Qt.Key.Key_Escape)
        seen["closed"] = not dialog.isVisible()

    for action in (window.edit_task_action, window.progress_action, window.plan_info_action):
        seen.clear()
        on_next_modal(look)
        action.trigger()
        assert seen["closed"], action.text()
    assert asked == []


def test_the_hủy_button_discards_without_a_question(qtbot, window, services, monkeypatch):
    asked = []
    monkeypatch.setattr(unsaved, "ask_unsaved", lambda *args: asked.append(args) or unsaved.Answer.STAY)
    task = window.current_task()

    def cancel(dialog) -> None:
        dialog.ui.contentEdit.setPlainText("Bỏ đi")
        dialog.ui.buttonBox.rejected.emit()

    on_next_modal(cancel)
    window.edit_task_action.trigger()
    assert asked == [] and services.tasks.get(task.id).content == task.content


# --- destructive questions default to Hủy ----------------------------------------------------------------


def press_enter(qtbot, seen: dict):
    """Handler: note the box's title and default button, then press Enter on it."""

    def handler(box: QMessageBox) -> None:
        seen["default"] = box.defaultButton().text().replace("&", "")
        seen["title"] = box.windowTitle()
        qtbot.keyClick(box, Qt.Key.Key_Return)

    return handler


def test_enter_on_xóa_kế_hoạch_keeps_the_plan(qtbot, window, services):
    window.reload_plans(select=f"plan:{services.plans.list_plans()[0].id}")
    seen: dict = {}
    on_next_modal(press_enter(qtbot, seen), QMessageBox)
    window.delete_plan_action.trigger()
    assert seen == {"default": "Hủy", "title": "Xóa kế hoạch"}
    assert len(services.plans.list_plans()) == 1


def test_enter_on_nhập_thêm_imports_no_duplicate(qtbot, window, services):
    path = sample_file("004_38c702dbea58b40f", ".xlsx")
    services.imports.import_draft(services.imports.preview(path))  # the plan is already there
    before = len(services.plans.list_plans())
    seen: dict = {}

    def drive(dialog) -> None:
        dialog.ui.fileEdit.setText(str(path))
        dialog.ui.previewButton.click()
        qtbot.waitUntil(lambda: dialog.draft is not None, timeout=20000)
        on_next_modal(press_enter(qtbot, seen), QMessageBox)
        dialog.ok_button.click()
        qtbot.waitUntil(lambda: "title" in seen, timeout=20000)
        dialog.reject()

    on_next_modal(drive)
    window.import_action.trigger()
    assert seen == {"default": "Hủy", "title": "Kế hoạch đã có"}
    assert len(services.plans.list_plans()) == before


def test_every_confirmation_defaults_and_escapes_to_hủy(qtbot):
    from kehoach_desktop.gui.widgets import confirm_box

    box, yes, no = confirm_box(None, "Gộp đơn vị", "Gộp hai đơn vị?", yes="Gộp")
    qtbot.addWidget(box)
    assert box.defaultButton() is no and box.escapeButton() is no and no.text() == "Hủy"
    assert yes.text() == "Gộp"
