"""The forms import dialog names what lies outside a form's layout and answers whose status
and percentage disagree, each in its tab (Lỗi / Xung đột / Lưu ý) with its file, sheet and
row; the tick «Vẫn ghi các mục có xung đột» records the rest, an error never (pytest-qt)."""

from __future__ import annotations

from test_forms import OFFICE, export, fill, form_of, form_rows, snapshot, task_by
from test_forms_layout import copy_row, table_end, unprotected
from test_gui_forms import WAIT, check, drop, plan, rows, tab_texts, wait_preview, when_modal, window  # noqa: F401
from kehoach_desktop.exporters import unit_forms as form
from kehoach_desktop.gui.forms_dialogs import FormsImportDialog


def test_the_preview_names_rows_sheets_and_percentages_outside_the_form(qtbot, window, services, plan, tmp_path):
    path = form_of(export(services, plan, tmp_path), OFFICE)
    done, doing = task_by(services, plan, "III", "2"), task_by(services, plan, "III", "3")
    fill(path, {done.id: {"status": "Hoàn thành", "percent": 100}, doing.id: {"status": "Đang thực hiện", "percent": 100}})
    row, under = form_rows(path)[done.id], table_end(path) + 1

    def add(ws, wb):
        copy_row(ws, row, ws, under)
        ws.cell(under, form.RESULT_COL).value = "Kết quả ghi ở dòng chép thêm"
        wb.create_sheet("Giải trình")["A1"] = "Giải trình thêm"

    unprotected(path, add)
    before = snapshot(services)
    seen: dict = {}

    def inspect(dialog: FormsImportDialog):
        wait_preview(qtbot, dialog)
        seen["tabs"] = tab_texts(dialog)
        seen["conflicts"] = rows(dialog.ui.conflictsTree)
        seen["notes"] = rows(dialog.ui.notesTree)
        seen["ok"] = dialog.ok_button.isEnabled()
        seen["current"] = dialog.ui.resultTabs.tabText(dialog.ui.resultTabs.currentIndex())
        dialog.ui.acceptConflictsCheck.setChecked(True)
        seen["ok_ticked"] = dialog.ok_button.isEnabled()
        dialog.ok_button.click()

    when_modal(FormsImportDialog, inspect, seen)
    drop(window, [path])
    qtbot.waitUntil(lambda: window.undo_stack.count() == 1 or "error" in seen, timeout=WAIT)
    check(seen)
    assert seen["tabs"][:2] == ["Lỗi (0)", "Xung đột (2)"] and seen["tabs"][4] == "Lưu ý (1)"
    assert seen["current"] == "Xung đột (2)"
    where = {place: message for message, place in seen["conflicts"]}
    sheet = f"Tệp «{path.name}», trang «{OFFICE}»"
    assert "với kết quả khác dòng" in where[f"{sheet}, dòng {under}"]
    assert "không thuộc mẫu báo cáo" in where[f"Tệp «{path.name}», trang «Giải trình»"]
    [(note, note_where)] = seen["notes"]
    assert "Đang thực hiện" in note and note_where == f"{sheet}, dòng {form_rows(path)[doing.id]}"
    assert seen["ok"] is False and seen["ok_ticked"] is True
    assert snapshot(services) != before
    assert [u.result for u in services.progress.history(done.id)] == [""]  # the row in its place, not the copy
