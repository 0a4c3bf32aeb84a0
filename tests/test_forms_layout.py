"""Unit forms that come back with more than the form has — a task row copied under the
table, a row typed in, a column or a sheet added, a row pasted from another unit's form —
and answers whose status and percentage disagree ("Hoàn thành" at 5%). Each is named in
the preview with its file, sheet and row (issue 14, item 10), as an error (refused), a
conflict (imported only when the user agrees, with what happens said) or a note.

Real forms of sample 000, exported by the program and changed with openpyxl the way a
unit changes them in Excel: the sheet's protection taken off first when the change needs it.
"""

from __future__ import annotations

import json
from copy import copy
from pathlib import Path

import openpyxl
import pytest

from test_forms import (
    INSPECTORATE, OFFICE, PERIOD, assert_refused, build_plan, codes, export, fill, form_of, form_rows, run,
    snapshot, task_by,
)  # fmt: skip
from kehoach_desktop.domain.statuses import Status
from kehoach_desktop.exporters import unit_forms as form
from kehoach_desktop.importers import forms_reader
from kehoach_desktop.importers.forms_reader import Level


@pytest.fixture
def plan(services) -> int:
    return build_plan(services)


@pytest.fixture
def office_form(services, plan, tmp_path) -> Path:
    return form_of(export(services, plan, tmp_path), OFFICE)


def unprotected(path: Path, change, sheet: str = OFFICE) -> None:
    """A unit's change beyond the yellow cells: protection off (sheet and workbook), then change(ws, wb)."""
    wb = openpyxl.load_workbook(path)
    wb.security = None
    ws = wb[sheet]
    ws.protection.sheet = False
    change(ws, wb)
    wb.save(path)


def copy_row(source_ws, source: int, target_ws, target: int) -> None:
    """Copy and paste of a whole row: values and formats (the unlocked yellow cells stay unlocked)."""
    for column in range(1, len(form.COLUMNS) + 1):
        cell, pasted = source_ws.cell(source, column), target_ws.cell(target, column)
        pasted.value = cell.value
        pasted._style = copy(cell._style)


def table_end(path: Path) -> int:
    return max(form_rows(path).values())


def preview(services, plan, *paths: Path):
    return services.forms.preview_import(list(paths), plan, PERIOD)


def only(problems, code: str):
    [problem] = [problem for problem in problems if problem.code == code]
    return problem


# --- the form as sent, filled in its own cells: no word ----------------------------------------


def test_answers_and_signature_filled_in_their_cells_give_no_notice(services, plan, office_form):
    task = task_by(services, plan, "III", "2")
    fill(office_form, {task.id: {"status": "Hoàn thành", "percent": 100, "result": "Đã rà soát xong"}})
    wb = openpyxl.load_workbook(office_form)
    ws = wb[OFFICE]
    [date_row] = [r for r in range(1, ws.max_row + 1) if str(ws.cell(r, form.RESULT_COL).value).startswith("……")]
    name_row = date_row + 3 + form.SIGNATURE_ROWS
    for row, column, text in ((date_row, form.RESULT_COL, "Nha Trang, ngày 05 tháng 10 năm 2025"),
                              (name_row, form.NUMBER_COL, "Nguyễn Văn A"), (name_row, form.RESULT_COL, "Trần Thị B")):
        assert ws.cell(row, column).protection.locked is False  # the unit's own cells, typed with protection on
        ws.cell(row, column).value = text
    wb.save(office_form)
    found = preview(services, plan, office_form)
    assert found.problems == []
    assert [entry.task_id for entry in found.new] == [task.id]


# --- a task's row twice ------------------------------------------------------------------------------


def test_a_task_row_copied_under_the_table(services, plan, office_form):
    task = task_by(services, plan, "III", "2")
    fill(office_form, {task.id: {"status": "Đang thực hiện", "percent": 40, "result": "Đã rà soát 5 văn bản"}})
    row, under = form_rows(office_form)[task.id], table_end(office_form) + 1
    unprotected(office_form, lambda ws, wb: copy_row(ws, row, ws, under))

    same = preview(services, plan, office_form)
    assert same.errors == [] and same.conflicts == []
    note = only(same.notes, forms_reader.DUPLICATE_ROW)
    assert note.where == f"Tệp «{office_form.name}», trang «{OFFICE}», dòng {under}"
    assert f"có thêm dòng {under} (chép lại dòng {row}" in note.message and "cùng kết quả; chỉ ghi một lần" in note.message
    assert [(entry.task_id, entry.update.result) for entry in same.new] == [(task.id, "Đã rà soát 5 văn bản")]

    def answer_differently(ws, wb):
        ws.cell(under, form.STATUS_COL).value = "Hoàn thành"
        ws.cell(under, form.PERCENT_COL).value = 100

    unprotected(office_form, answer_differently)
    before = snapshot(services)
    different = preview(services, plan, office_form)
    conflict = only(different.conflicts, forms_reader.DUPLICATE_ROW)
    assert conflict.where.endswith(f"dòng {under}") and conflict.level is Level.CONFLICT
    assert f"chỉ ghi kết quả ở dòng {row}; nội dung dòng {under} không được nhập" in conflict.message
    assert_refused(services, different, before, accept_would_help=True)
    services.forms.apply(different, accept_conflicts=True)
    [recorded] = services.progress.history(task.id)
    assert (recorded.status, recorded.percent) == (Status.IN_PROGRESS, 40)  # the row in its place


def test_results_only_in_the_copied_row_are_taken_from_it_when_agreed(services, plan, office_form):
    task = task_by(services, plan, "III", "3")
    row, under = form_rows(office_form)[task.id], table_end(office_form) + 20  # below the signature

    def paste_and_answer(ws, wb):
        copy_row(ws, row, ws, under)
        ws.cell(under, form.STATUS_COL).value = "Hoàn thành"
        ws.cell(under, form.RESULT_COL).value = "Đã công khai đường dây nóng"

    unprotected(office_form, paste_and_answer)
    found = preview(services, plan, office_form)
    conflict = only(found.conflicts, forms_reader.DUPLICATE_ROW)
    assert f"dòng {row} để trống, kết quả được điền ở dòng {under}" in conflict.message
    [entry] = found.new
    assert (entry.task_id, entry.update.result, entry.where) == (
        task.id, "Đã công khai đường dây nóng", f"Tệp «{office_form.name}», trang «{OFFICE}», dòng {under}",
    )  # fmt: skip
    assert codes(found.conflicts) == [forms_reader.DUPLICATE_ROW]  # the signature block below is not disturbed


def test_a_row_of_another_units_form_pasted_in(services, plan, tmp_path):
    paths = export(services, plan, tmp_path)
    office, inspectorate = form_of(paths, OFFICE), form_of(paths, INSPECTORATE)
    foreign = next(task_id for task_id in form_rows(office) if task_id not in form_rows(inspectorate))
    fill(office, {foreign: {"status": "Hoàn thành", "result": "Văn phòng đã xong"}})
    source = openpyxl.load_workbook(office)[OFFICE]
    under = table_end(inspectorate) + 1
    pasted = lambda ws, wb: copy_row(source, form_rows(office)[foreign], ws, under)  # noqa: E731
    unprotected(inspectorate, pasted, sheet=INSPECTORATE)
    found = preview(services, plan, inspectorate)
    conflict = only(found.conflicts, forms_reader.FOREIGN_ROW)
    assert conflict.where.endswith(f"trang «{INSPECTORATE}», dòng {under}")
    assert "không thuộc trang này" in conflict.message and "không được nhập" in conflict.message
    assert found.entries == [] and found.errors == []


# --- rows, columns, sheets the form does not have ---------------------------------------------------


def test_rows_typed_under_the_table_and_below_the_signature_are_conflicts(services, plan, office_form):
    task = task_by(services, plan, "III", "2")
    fill(office_form, {task.id: {"status": "Hoàn thành", "percent": 100}})
    under = table_end(office_form) + 1
    far = table_end(office_form) + 40

    def type_rows(ws, wb):
        ws.cell(under, form.NUMBER_COL).value = "6"
        ws.cell(under, form.CONTENT_COL).value = "Nhiệm vụ phát sinh: tập huấn nghiệp vụ"
        ws.cell(under, form.STATUS_COL).value = "Hoàn thành"
        ws.cell(under, form.RESULT_COL).value = "Đã tập huấn 50 lượt người"
        ws.cell(far, form.NUMBER_COL).value = "Ghi chú: đơn vị đề nghị gia hạn nhiệm vụ 3 đến quý IV"

    unprotected(office_form, type_rows)
    before = snapshot(services)
    found = preview(services, plan, office_form)
    assert found.errors == []
    first, second = [problem for problem in found.conflicts if problem.code == forms_reader.EXTRA_ROW]
    assert first.where == f"Tệp «{office_form.name}», trang «{OFFICE}», dòng {under}"
    assert "Dòng" in first.message and "không có trong mẫu đã gửi" in first.message
    assert "«Nhiệm vụ phát sinh: tập huấn nghiệp vụ»" in first.message and "Trạng thái «Hoàn thành»" in first.message
    assert second.where.endswith(f"dòng {far}") and "đề nghị gia hạn" in second.message
    assert [entry.task_id for entry in found.new] == [task.id]
    assert_refused(services, found, before, accept_would_help=True)
    services.forms.apply(found, accept_conflicts=True)
    assert services.store.db["progress_update"].count == 1  # the typed rows are not tasks: nothing of them


def test_many_added_rows_are_named_up_to_a_bound_then_counted(services, plan, office_form):
    start = table_end(office_form) + 30

    def type_rows(ws, wb):
        for row in range(start, start + 45):
            ws.cell(row, form.CONTENT_COL).value = f"Dòng thêm {row}"

    unprotected(office_form, type_rows)
    extra = [problem for problem in preview(services, plan, office_form).conflicts if problem.code == forms_reader.EXTRA_ROW]
    assert len(extra) == forms_reader.SHOWN_ROWS + 1
    assert [problem.where.rsplit(" ", 1)[-1] for problem in extra[:-1]] == [
        str(row) for row in range(start, start + forms_reader.SHOWN_ROWS)
    ]  # fmt: skip
    assert extra[-1].message == (
        f"Ngoài {forms_reader.SHOWN_ROWS} dòng nêu trên, còn 25 dòng tương tự (dòng {start + 20} … dòng {start + 44}) "
        "không được nhập."
    )  # fmt: skip


def test_an_added_column_is_a_conflict(services, plan, office_form):
    task = task_by(services, plan, "III", "2")
    fill(office_form, {task.id: {"status": "Đang thực hiện"}})
    row = form_rows(office_form)[task.id]

    def add_column(ws, wb):
        ws.cell(7, 12).value = "Ghi chú của đơn vị"
        ws.cell(row, 12).value = "Cần thêm kinh phí"

    unprotected(office_form, add_column)
    found = preview(services, plan, office_form)
    conflict = only(found.conflicts, forms_reader.EXTRA_COLUMN)
    assert conflict.where == f"Tệp «{office_form.name}», trang «{OFFICE}», cột L"
    assert "Cột L không có trong mẫu nhưng có nội dung ở 2 dòng (dòng 7: cột L «Ghi chú của đơn vị»)" in conflict.message
    assert codes(found.conflicts) == [forms_reader.EXTRA_COLUMN]


def test_added_sheets_are_named(services, plan, office_form):
    task = task_by(services, plan, "III", "2")
    fill(office_form, {task.id: {"status": "Hoàn thành", "percent": 100}})

    def add_sheets(ws, wb):
        notes = wb.create_sheet("Giải trình")
        notes["A1"] = "Giải trình nhiệm vụ chậm tiến độ"
        notes["B3"] = "Do thiếu kinh phí"
        wb.create_sheet("Sheet1")
        wb.copy_worksheet(ws)  # «Văn phòng Sở Copy», the unit's sheet twice

    unprotected(office_form, add_sheets)
    before = snapshot(services)
    found = preview(services, plan, office_form)
    where = lambda name: f"Tệp «{office_form.name}», trang «{name}»"  # noqa: E731
    conflicts = {problem.where: problem for problem in found.conflicts if problem.code == forms_reader.EXTRA_SHEET}
    assert set(conflicts) == {where("Giải trình"), where(f"{OFFICE} Copy")}
    assert "(2 ô; dòng 1: «Giải trình nhiệm vụ chậm tiến độ»)" in conflicts[where("Giải trình")].message
    copied = conflicts[where(f"{OFFICE} Copy")].message
    assert f"{len(form_rows(office_form))} dòng nhiệm vụ: có thể là bản chép của trang đơn vị" in copied
    [empty] = [problem for problem in found.notes if problem.code == forms_reader.EXTRA_SHEET]
    assert empty.where == where("Sheet1") and "để trống; được bỏ qua" in empty.message
    assert_refused(services, found, before, accept_would_help=True)


def test_an_edited_heading_and_a_deleted_one_are_named(services, plan, office_form):
    wb = openpyxl.load_workbook(office_form)
    ws = wb[OFFICE]
    headings = [r for r in range(8, table_end(office_form)) if str(ws.cell(r, form.NUMBER_COL).value or "").startswith("I")]
    edited, deleted = headings[0], headings[1]

    def change(ws, wb):
        ws.cell(edited, form.NUMBER_COL).value = "I. THỂ CHẾ (đơn vị sửa)"
        ws.cell(deleted, form.NUMBER_COL).value = None

    unprotected(office_form, change)
    found = preview(services, plan, office_form)
    messages = {problem.where.rsplit(", ", 1)[-1]: problem.message for problem in found.conflicts}
    assert f"Dòng {edited} của mẫu (tiêu đề, đầu bảng, dòng mục" in messages[f"dòng {edited}"]
    assert "«I. THỂ CHẾ (đơn vị sửa)»" in messages[f"dòng {edited}"]
    assert f"1 dòng tiêu đề, đầu bảng, dòng mục hoặc phần ký của mẫu đã bị xóa hoặc sửa (dòng {deleted}" in (
        messages[f"trang «{OFFICE}»"]
    )


def test_forms_made_before_the_layout_was_recorded_still_read(services, plan, office_form):
    """A form whose identity has no `layout` (made by an earlier version): read as before,
    and task rows copied, columns and sheets added are still named."""
    task = task_by(services, plan, "III", "2")
    fill(office_form, {task.id: {"status": "Hoàn thành", "percent": 100}})
    row, under = form_rows(office_form)[task.id], table_end(office_form) + 1

    def older_identity_and_changes(ws, wb):
        identity = wb[form.IDENTITY_SHEET]
        data = json.loads("".join(str(identity.cell(r, 1).value) for r in range(3, identity.max_row + 1)))
        for sheet in data["sheets"]:
            del sheet["layout"]
        text = form.identity_text(data)
        identity.cell(2, 1).value = form.seal(text)
        for r in range(3, identity.max_row + 1):
            identity.cell(r, 1).value = None
        for index in range(0, len(text), form.JSON_CHUNK):
            identity.cell(3 + index // form.JSON_CHUNK, 1).value = text[index : index + form.JSON_CHUNK]
        copy_row(ws, row, ws, under)
        ws.cell(under, form.STATUS_COL).value = "Đang thực hiện"
        wb.create_sheet("Ghi chú")["A1"] = "Ghi chú thêm"

    unprotected(office_form, older_identity_and_changes)
    found = preview(services, plan, office_form)
    assert found.errors == []
    assert sorted(codes(found.conflicts)) == sorted([forms_reader.DUPLICATE_ROW, forms_reader.EXTRA_SHEET])
    assert [entry.update.status for entry in found.new] == [Status.DONE]


# --- status and percentage ---------------------------------------------------------------------------


def test_status_and_percent_that_disagree(services, plan, office_form):
    t1, t2, t3, t4 = (task_by(services, plan, "III", n) for n in ("2", "3", "4", "5"))
    rows = form_rows(office_form)
    fill(office_form, {
        t1.id: {"status": "Hoàn thành", "percent": 5},
        t2.id: {"status": "Chưa triển khai", "percent": "30%"},
        t3.id: {"status": "Đang thực hiện", "percent": 100},
        t4.id: {"status": "Hoàn thành", "percent": 100},
    })  # fmt: skip
    before = snapshot(services)
    found = preview(services, plan, office_form)
    assert codes(found.errors) == [forms_reader.BAD_VALUE] * 2
    done, not_started = found.errors
    assert done.where.endswith(f"dòng {rows[t1.id]}")
    assert "trạng thái «Hoàn thành» nhưng % hoàn thành là 5%" in done.message
    assert not_started.where.endswith(f"dòng {rows[t2.id]}")
    assert "trạng thái «Chưa triển khai» nhưng % hoàn thành là 30%" in not_started.message
    note = only(found.notes, forms_reader.PERCENT_STATUS)
    assert note.where.endswith(f"dòng {rows[t3.id]}") and "được ghi là Đang thực hiện" in note.message
    assert_refused(services, found, before, accept_would_help=False)

    fill(office_form, {t1.id: {"percent": 100}, t2.id: {"percent": None}})  # the unit corrects its form
    fixed = preview(services, plan, office_form)
    assert fixed.errors == [] and fixed.conflicts == []
    services.forms.apply(fixed)
    assert services.tasks.get(t1.id).status is Status.DONE
    assert services.progress.history(t3.id)[0].status is Status.IN_PROGRESS


# --- the command line ----------------------------------------------------------------------------------


def test_command_line_names_what_is_outside_the_form(services, plan, office_form, db_path, tmp_path, capsys):
    t1, t2 = task_by(services, plan, "III", "2"), task_by(services, plan, "III", "3")
    fill(office_form, {t1.id: {"status": "Hoàn thành", "percent": 100}, t2.id: {"status": "Đang thực hiện"}})
    under = table_end(office_form) + 1

    def add(ws, wb):
        ws.cell(under, form.CONTENT_COL).value = "Tập huấn thêm"
        ws.cell(under, form.RESULT_COL).value = "Đã tập huấn"
        wb.create_sheet("Phụ lục")["C2"] = "Danh sách văn bản"

    unprotected(office_form, add)
    before = snapshot(services)
    argv = ["forms", "import", str(office_form), "--plan", str(plan), "--period", PERIOD, "--db", str(db_path)]
    code, out, _ = run([*argv, "--dry-run"], capsys)
    assert code == 0 and "Xung đột (2):" in out
    assert f"Tệp «{office_form.name}», trang «{OFFICE}», dòng {under}: Dòng {under} không có trong mẫu" in out
    assert f"Tệp «{office_form.name}», trang «Phụ lục»: Trang tính «Phụ lục» không thuộc mẫu" in out
    code, _, err = run(argv, capsys)
    assert code == 2 and "--accept-conflicts" in err and "Traceback" not in err
    assert snapshot(services) == before
    code, out, _ = run([*argv, "--accept-conflicts"], capsys)
    assert code == 0 and "Đã nhập: 2 báo cáo mới" in out

    fill(office_form, {t2.id: {"status": "Hoàn thành", "percent": 5}})
    code, out, err = run(argv, capsys)
    assert code == 2 and "Lỗi (1):" in out and "«Hoàn thành» nhưng % hoàn thành là 5%" in out
    assert "Chưa nhập gì" in err
