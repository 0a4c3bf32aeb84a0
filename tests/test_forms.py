"""Unit report forms: out to the units, filled as a unit would, back in.

The plan is a real sample (000: Sở Nông nghiệp và Môi trường, 75 tasks) saved
through the services; its JSON has only the lead/coordinate texts, so the
fixture links the obvious units those texts name.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import unicodedata
from datetime import date
from pathlib import Path

import openpyxl
import pytest

from conftest import load_sample_json, sample_file
from sample_drafts import draft_from_sample
from kehoach_desktop.cli.main import main
from kehoach_desktop.domain.models import Role
from kehoach_desktop.domain.statuses import Status
from kehoach_desktop.domain.text import fold
from kehoach_desktop.exporters import unit_forms as form
from kehoach_desktop.importers import forms_reader
from kehoach_desktop.importers.forms_reader import Level, parse_evidence
from kehoach_desktop.services import ServiceError, Services
from kehoach_desktop.services import forms_matcher as forms_service

SAMPLE = "000_36db36a684822c51"
PERIOD = "2025-Q3"
OFFICE = "Văn phòng Sở"
INSPECTORATE = "Thanh tra Sở"
FINANCE = "Phòng Kế hoạch – Tài chính"
GROUP = "Các phòng, đơn vị trực thuộc Sở"
ANSWER_COLUMNS = {
    "status": form.STATUS_COL,
    "percent": form.PERCENT_COL,
    "result": form.RESULT_COL,
    "evidence": form.EVIDENCE_COL,
    "difficulties": form.DIFFICULTIES_COL,
}


# --- fixtures and helpers ------------------------------------------------------------------


def names_in(text: str) -> list[str]:
    """The units a lead/coordinate text obviously names."""
    folded = fold(text)
    names = []
    if "van phong so" in folded:
        names.append(OFFICE)
    if "cac phong" in folded or "cac don vi" in folded:
        names.append(GROUP)
    if "ke hoach" in folded and "tai chinh" in folded:
        names.append(FINANCE)
    if "thanh tra" in folded:
        names.append(INSPECTORATE)
    return names


def walk(tasks):
    for task in tasks:
        yield task
        yield from walk(task.children)


def build_plan(services: Services) -> int:
    draft = draft_from_sample(load_sample_json(SAMPLE))
    for section in draft.all_sections():
        for task in walk(section.tasks):
            task.lead_units = names_in(task.lead_text)
            task.coordinate_units = [name for name in names_in(task.coordinate_text) if name not in task.lead_units]
    shared = draft.sections[2].tasks[0]  # III.1, led by Văn phòng Sở; Thanh tra Sở leads it too
    assert shared.lead_units == [OFFICE]
    shared.lead_units.append(INSPECTORATE)
    return services.plans.create(draft).value


@pytest.fixture
def plan(services) -> int:
    return build_plan(services)


def task_by(services, plan_id: int, section_ordinal: str, number: str):
    tree = services.plans.tree(plan_id)
    return next(
        task for section, task, _ in tree.plan_walk(plan_id)
        if section.ordinal == section_ordinal and task.number == number
    )  # fmt: skip


def export(services, plan_id, folder: Path, period=PERIOD, one_workbook=False) -> list[Path]:
    return list(services.forms.export_forms(plan_id, period, folder, one_workbook))


def form_of(paths: list[Path], unit: str) -> Path:
    [path] = [path for path in paths if path.stem.endswith(f" - {unit}")]
    return path


def form_rows(path: Path, sheet: str | None = None) -> dict[int, int]:
    """task id → row, read from the hidden key column as a unit's Excel would show it."""
    wb = openpyxl.load_workbook(path)
    ws = wb[sheet] if sheet else wb.worksheets[0]
    return {
        int(ws.cell(row, 1).value[1:]): row
        for row in range(1, ws.max_row + 1)
        if isinstance(ws.cell(row, 1).value, str) and ws.cell(row, 1).value.startswith("T")
    }


def fill(path: Path, answers: dict[int, dict], sheet: str | None = None, formulas: bool = False) -> None:
    """Type answers into the unlocked cells, as a unit does in Excel. The answer cells are
    formatted as Text, so Excel keeps "=..." as text: data type "s" here too (unless
    `formulas`, a unit typing into a cell whose format they changed)."""
    wb = openpyxl.load_workbook(path)
    ws = wb[sheet] if sheet else wb.worksheets[0]
    rows = form_rows(path, sheet)
    for task_id, values in answers.items():
        for name, value in values.items():
            cell = ws.cell(rows[task_id], ANSWER_COLUMNS[name])
            assert cell.protection.locked is False
            cell.value = value
            if isinstance(value, str) and not formulas:
                cell.data_type = "s"
    wb.save(path)


HISTORY_TABLES = ("task_journal", "change_context")


def snapshot(services, history: bool = True) -> dict[str, list]:
    """Every row of every table, to prove a refused import changed nothing (or an
    undo put everything back: the journal of changes then grows, `history=False`)."""
    db = services.store.db
    tables = [
        row[0] for row in db.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name"
        )
    ]  # fmt: skip
    return {
        table: db.execute(f"SELECT * FROM [{table}] ORDER BY rowid").fetchall()
        for table in tables
        if history or table not in HISTORY_TABLES
    }


def codes(problems) -> list[str]:
    return [problem.code for problem in problems]


def nfd(text: str) -> str:
    return unicodedata.normalize("NFD", text)


# --- export ---------------------------------------------------------------------------------


def test_forms_one_file_per_unit_with_its_lead_and_coordinate_tasks(services, plan, tmp_path):
    paths = export(services, plan, tmp_path)
    assert sorted(path.name for path in paths) == sorted(
        f"Báo cáo {PERIOD} - {unit}.xlsx" for unit in (OFFICE, INSPECTORATE, FINANCE)
    )
    tree = services.plans.tree(plan)
    tasks = [task for _, task, _ in tree.plan_walk(plan)]
    office_id = services.units.find(OFFICE)
    group_id = services.units.find(GROUP)

    def role_of(task):
        direct = [link.role for link in task.units if link.unit_id == office_id]
        if direct:
            return Role.LEAD if Role.LEAD in direct else Role.COORDINATE
        group = [link.role for link in task.units if link.unit_id == group_id]
        if group:
            return Role.LEAD if Role.LEAD in group else Role.COORDINATE
        return None

    expected_lead = [task.id for task in tasks if role_of(task) is Role.LEAD]
    expected_coordinate = [task.id for task in tasks if role_of(task) is Role.COORDINATE]
    assert expected_lead and expected_coordinate
    wb = openpyxl.load_workbook(form_of(paths, OFFICE))
    ws = wb[OFFICE]
    column_a = [ws.cell(row, 1).value for row in range(1, ws.max_row + 1)]
    column_b = [ws.cell(row, 2).value for row in range(1, ws.max_row + 1)]
    lead_start = column_b.index("A. NHIỆM VỤ ĐƠN VỊ CHỦ TRÌ THỰC HIỆN")
    coordinate_start = column_b.index("B. NHIỆM VỤ ĐƠN VỊ PHỐI HỢP THỰC HIỆN")
    keys = lambda part: [int(v[1:]) for v in part if isinstance(v, str) and v.startswith("T")]  # noqa: E731
    assert keys(column_a[lead_start:coordinate_start]) == expected_lead
    assert keys(column_a[coordinate_start:]) == expected_coordinate
    # Sub-task 3.1 is on the form but its parent 3 is given to nobody: shown above it for context.
    parent, child = task_by(services, plan, "IV", "3"), task_by(services, plan, "IV", "3.1")
    child_row = column_a.index(f"T{child.id}") + 1
    context = ws.cell(child_row - 1, 3)
    assert (ws.cell(child_row - 1, 1).value, ws.cell(child_row - 1, 2).value) == (None, "3")
    assert context.value == parent.content and context.font.i and context.protection.locked
    assert ws.cell(4, 2).value == f"Đơn vị báo cáo: {OFFICE}"
    assert "quý III năm 2025" in ws.cell(3, 2).value


def test_form_protection_validation_and_hidden_identity(services, plan, tmp_path):
    path = form_of(export(services, plan, tmp_path), INSPECTORATE)
    wb = openpyxl.load_workbook(path)
    assert wb.sheetnames == [INSPECTORATE, form.IDENTITY_SHEET]
    assert wb[form.IDENTITY_SHEET].sheet_state == "veryHidden"
    assert wb[form.IDENTITY_SHEET].protection.sheet
    assert wb.security.lockStructure
    ws = wb[INSPECTORATE]
    assert ws.protection.sheet and ws.protection.password  # a guard against slips, not security
    assert ws.column_dimensions["A"].hidden
    rows = list(form_rows(path).values())
    assert rows
    for row in rows:
        for column in range(1, len(form.COLUMNS) + 1):
            locked = ws.cell(row, column).protection.locked
            assert locked is (column not in form.ANSWER_COLS), (row, column)
    assert ws.cell(2, 2).protection.locked and ws.cell(7, form.STATUS_COL).protection.locked
    validations = {dv.type: dv for dv in ws.data_validations.dataValidation}
    statuses = validations["list"]
    assert statuses.formula1 == '"Chưa triển khai,Đang thực hiện,Hoàn thành,Không thực hiện"'
    percent = validations["whole"]
    assert (percent.operator, percent.formula1, percent.formula2) == ("between", "0", "100")
    status_column = openpyxl.utils.get_column_letter(form.STATUS_COL)
    for row in rows:
        assert f"{status_column}{row}" in statuses.sqref
    assert ws.page_setup.orientation == "landscape" and ws.print_title_rows == "$7:$7"


def test_one_workbook_has_a_sheet_per_unit(services, plan, tmp_path):
    [path] = export(services, plan, tmp_path, one_workbook=True)
    assert path.name == f"Báo cáo {PERIOD} - các đơn vị.xlsx"
    wb = openpyxl.load_workbook(path)
    assert wb.sheetnames == [FINANCE, INSPECTORATE, OFFICE, form.IDENTITY_SHEET]
    inspector_task = task_by(services, plan, "III", "1")
    fill(path, {inspector_task.id: {"status": "Đang thực hiện", "result": "Đang rà soát"}}, sheet=INSPECTORATE)
    preview = services.forms.preview_import([path], plan, PERIOD)
    assert [(e.unit_name, e.task_id) for e in preview.new] == [(INSPECTORATE, inspector_task.id)]


def test_export_never_overwrites_a_form_already_there(services, plan, tmp_path):
    first = export(services, plan, tmp_path)
    second = export(services, plan, tmp_path)
    assert not set(first) & set(second)
    assert all(path.exists() for path in first + second)
    assert form_of(second, f"{OFFICE} (2)")


def test_export_needs_a_period_and_units(services, tmp_path):
    from test_services import small_draft

    draft = small_draft()
    draft.sections[0].tasks[0].lead_units = []
    draft.sections[0].tasks[0].coordinate_units = []
    plan_id = services.plans.create(draft).value
    folder = tmp_path / "mau"
    with pytest.raises(ServiceError, match="chưa có nhiệm vụ nào được giao"):
        services.forms.export_forms(plan_id, PERIOD, folder)
    with pytest.raises(ServiceError, match="Không hiểu kỳ báo cáo"):
        services.forms.export_forms(plan_id, "quý 3", folder)
    assert not folder.exists()


# --- the round trip ---------------------------------------------------------------------------


def test_round_trip_records_what_the_unit_typed(services, plan, tmp_path):
    path = form_of(export(services, plan, tmp_path), OFFICE)
    t1, t2, t3, t4 = (task_by(services, plan, "III", n) for n in ("2", "3", "4", "5"))
    answers = {
        t1.id: {
            "status": "Hoàn thành", "percent": 100,
            "result": "=SUM(A1:A3) không phải công thức; đã kiểm tra 12 văn bản",
            "evidence": "Số 12/BC-SXD ngày 05/6/2025 về kết quả rà soát văn bản\nĐăng tin trên Cổng thông tin điện tử của Sở",
        },
        t2.id: {"status": "Đang thực hiện", "percent": 40, "result": "+84 258 3822 đường dây nóng",
                "difficulties": "-thiếu kinh phí"},
        t3.id: {"status": nfd("Không thực hiện"), "difficulties": nfd("Cấp trên đã dừng thực hiện nội dung này")},
        t4.id: {"status": "Đang thực hiện", "percent": "60%", "result": "@Thanh tra phối hợp rà soát"},
    }  # fmt: skip
    fill(path, answers)
    preview = services.forms.preview_import([path], plan, PERIOD)
    assert preview.errors == [] and preview.conflicts == []
    assert sorted(entry.task_id for entry in preview.new) == sorted(answers)
    assert preview.changed == [] and preview.unchanged == []
    counts = services.forms.apply(preview).value
    assert (counts.new, counts.changed, counts.evidence, counts.tasks) == (4, 0, 2, 4)
    assert not services.store.conn.in_transaction

    office = services.units.find(OFFICE)
    [first] = services.progress.history(t1.id)
    assert (first.period, first.unit_id, first.status, first.percent) == (PERIOD, office, Status.DONE, 100)
    assert first.result == answers[t1.id]["result"]  # "=..." came back as the text typed
    assert first.reported_on == date.today()  # the day the unit saved the form
    evidence = sorted(first.evidence, key=lambda e: e.doc_number, reverse=True)
    assert (evidence[0].doc_number, evidence[0].issued_on, evidence[0].summary) == (
        "12/BC-SXD", date(2025, 6, 5), "Kết quả rà soát văn bản",
    )  # fmt: skip
    assert (evidence[1].doc_number, evidence[1].issued_on) == ("", None)
    assert evidence[1].summary == "Đăng tin trên Cổng thông tin điện tử của Sở"
    [second] = services.progress.history(t2.id)
    assert (second.result, second.difficulties, second.percent) == (
        "+84 258 3822 đường dây nóng", "-thiếu kinh phí", 40,
    )  # fmt: skip
    [third] = services.progress.history(t3.id)
    assert third.status is Status.NOT_DONE
    assert third.difficulties == "Cấp trên đã dừng thực hiện nội dung này"  # NFD typed, NFC stored
    assert unicodedata.is_normalized("NFC", third.difficulties)
    [fourth] = services.progress.history(t4.id)
    assert (fourth.result, fourth.percent) == ("@Thanh tra phối hợp rà soát", 60)

    # Each task took the consolidated answer of the period (the latest it has).
    done = services.tasks.get(t1.id)
    assert (done.status, done.result, done.completed_on) == (Status.DONE, answers[t1.id]["result"], date.today())
    cancelled = services.tasks.get(t3.id)
    assert cancelled.status is Status.NOT_DONE
    assert cancelled.status_reason == "Cấp trên đã dừng thực hiện nội dung này"


def test_same_form_again_is_unchanged_and_an_edited_one_replaces(services, plan, tmp_path):
    path = form_of(export(services, plan, tmp_path), OFFICE)
    task = task_by(services, plan, "III", "2")
    fill(path, {task.id: {"status": "Đang thực hiện", "percent": 50, "result": "Đã rà soát 5 văn bản",
                          "evidence": "Số 7/KH-VP ngày 01/7/2025 về rà soát"}})  # fmt: skip
    services.forms.apply(services.forms.preview_import([path], plan, PERIOD))
    before = snapshot(services)

    again = services.forms.preview_import([path], plan, PERIOD)
    assert (len(again.new), len(again.changed), len(again.unchanged)) == (0, 0, 1)
    assert services.forms.apply(again).value.new == 0
    assert snapshot(services) == before

    fill(path, {task.id: {"status": "Hoàn thành", "percent": 100, "evidence": ""}})
    changed = services.forms.preview_import([path], plan, PERIOD)
    [entry] = changed.changed
    assert entry.changes == [
        "Trạng thái: «Đang thực hiện» → «Hoàn thành»",
        "% hoàn thành: 50% → 100%",
        "Tài liệu kiểm chứng: 1 → 0 văn bản",
    ]
    assert services.forms.apply(changed).value.changed == 1
    [update] = services.progress.history(task.id)  # replaced, not added
    assert (update.status, update.percent, update.result, update.evidence) == (
        Status.DONE, 100, "Đã rà soát 5 văn bản", [],
    )  # fmt: skip
    assert services.progress.evidence(task.id) == []
    assert services.tasks.get(task.id).status is Status.DONE


# --- refused or flagged, database unchanged -------------------------------------------------


def assert_refused(services, preview, before, *, accept_would_help: bool):
    with pytest.raises(ServiceError):
        services.forms.apply(preview)
    if not accept_would_help:
        with pytest.raises(ServiceError):
            services.forms.apply(preview, accept_conflicts=True)
    assert snapshot(services) == before
    assert not services.store.conn.in_transaction


def test_tampered_identity_sheet_is_refused(services, plan, tmp_path):
    path = form_of(export(services, plan, tmp_path), OFFICE)
    task = task_by(services, plan, "III", "2")
    fill(path, {task.id: {"status": "Hoàn thành"}})
    wb = openpyxl.load_workbook(path)
    identity = wb[form.IDENTITY_SHEET]
    assert f'"period":"{PERIOD}"' in identity["A3"].value
    identity["A3"].value = identity["A3"].value.replace(f'"period":"{PERIOD}"', '"period":"2025-Q4"')
    wb.save(path)
    before = snapshot(services)
    preview = services.forms.preview_import([path], plan, PERIOD)
    assert codes(preview.errors) == [forms_reader.TAMPERED]
    assert "Trang định danh của mẫu báo cáo đã bị sửa" in str(preview.errors[0])
    assert preview.entries == []
    assert_refused(services, preview, before, accept_would_help=False)


def test_identity_sheet_removed_means_not_a_form(services, plan, tmp_path):
    path = form_of(export(services, plan, tmp_path), OFFICE)
    wb = openpyxl.load_workbook(path)
    wb.security = None
    del wb[form.IDENTITY_SHEET]
    wb.save(path)
    preview = services.forms.preview_import([path])
    assert codes(preview.errors) == [forms_reader.NOT_A_FORM]
    assert "không phải mẫu báo cáo do chương trình xuất" in str(preview.errors[0])


def test_form_for_another_period_is_a_conflict(services, plan, tmp_path):
    path = form_of(export(services, plan, tmp_path, period="2025-Q2"), OFFICE)
    task = task_by(services, plan, "III", "2")
    fill(path, {task.id: {"status": "Hoàn thành", "result": "Xong"}})
    before = snapshot(services)
    preview = services.forms.preview_import([path], plan, PERIOD)
    assert codes(preview.conflicts) == [forms_service.WRONG_PERIOD]
    assert "Mẫu báo cáo cho kỳ quý II năm 2025, không phải kỳ đang nhập (quý III năm 2025)" in str(preview.conflicts[0])
    assert_refused(services, preview, before, accept_would_help=True)
    services.forms.apply(preview, accept_conflicts=True)  # the user agreed: recorded for the form's period
    assert [update.period for update in services.progress.history(task.id)] == ["2025-Q2"]


def test_edited_locked_cell_is_a_conflict(services, plan, tmp_path):
    path = form_of(export(services, plan, tmp_path), OFFICE)
    task = task_by(services, plan, "III", "2")
    row = form_rows(path)[task.id]
    fill(path, {task.id: {"status": "Hoàn thành"}})
    wb = openpyxl.load_workbook(path)
    ws = wb[OFFICE]
    ws.protection.sheet = False  # what a unit does to "fix" the task text
    ws.cell(row, form.CONTENT_COL).value = "Nhiệm vụ đã được sửa lại cho dễ"
    ws.cell(1, 2).value = "MẪU BÁO CÁO (SỬA)"
    wb.save(path)
    before = snapshot(services)
    preview = services.forms.preview_import([path], plan, PERIOD)
    assert codes(preview.conflicts) == [forms_reader.LOCKED_EDITED, forms_reader.LOCKED_EDITED]
    messages = [str(problem) for problem in preview.conflicts]
    assert any(f"dòng {row}" in m and "ô bị khóa đã bị sửa ở cột «Nhiệm vụ»" in m for m in messages)
    [title] = [problem for problem in preview.conflicts if problem.where.endswith("dòng 1")]
    assert "Dòng 1 của mẫu (tiêu đề, đầu bảng" in title.message and "«MẪU BÁO CÁO (SỬA)»" in title.message
    assert_refused(services, preview, before, accept_would_help=True)


def test_two_lead_units_answering_differently_is_a_conflict(services, plan, tmp_path):
    paths = export(services, plan, tmp_path)
    shared = task_by(services, plan, "III", "1")  # led by Văn phòng Sở and Thanh tra Sở
    fill(form_of(paths, OFFICE), {shared.id: {"status": "Hoàn thành", "percent": 100, "result": "VP đã xong"}})
    fill(form_of(paths, INSPECTORATE), {shared.id: {"status": "Đang thực hiện", "percent": 70, "result": "TT còn rà soát"}})
    before = snapshot(services)
    preview = services.forms.preview_import([form_of(paths, OFFICE), form_of(paths, INSPECTORATE)], plan, PERIOD)
    assert codes(preview.conflicts) == [forms_service.UNITS_DISAGREE]
    message = str(preview.conflicts[0])
    assert "Thanh tra Sở: Đang thực hiện 70%" in message and "Văn phòng Sở: Hoàn thành 100%" in message
    assert_refused(services, preview, before, accept_would_help=True)

    services.forms.apply(preview, accept_conflicts=True)
    assert {u.unit_name for u in services.progress.history(shared.id)} == {OFFICE, INSPECTORATE}
    task = services.tasks.get(shared.id)
    assert task.status is Status.IN_PROGRESS  # the least advanced lead answer
    assert task.result == "- Thanh tra Sở: TT còn rà soát\n- Văn phòng Sở: VP đã xong"
    status = services.forms.reporting_status(plan, PERIOD)
    consolidated = next(t for t in status.tasks if t.task_id == shared.id)
    assert [(a.unit_name, a.status) for a in consolidated.answers] == [
        (INSPECTORATE, Status.IN_PROGRESS), (OFFICE, Status.DONE),
    ]  # fmt: skip


def test_a_lead_unit_disagreeing_with_a_stored_answer_is_a_conflict(services, plan, tmp_path):
    paths = export(services, plan, tmp_path)
    shared = task_by(services, plan, "III", "1")
    fill(form_of(paths, OFFICE), {shared.id: {"status": "Hoàn thành"}})
    services.forms.apply(services.forms.preview_import([form_of(paths, OFFICE)], plan, PERIOD))
    fill(form_of(paths, INSPECTORATE), {shared.id: {"status": "Chưa triển khai"}})
    preview = services.forms.preview_import([form_of(paths, INSPECTORATE)], plan, PERIOD)
    assert codes(preview.conflicts) == [forms_service.UNITS_DISAGREE]
    assert "Văn phòng Sở (đã nhập trước): Hoàn thành" in str(preview.conflicts[0])


def test_coordinating_unit_answers_differently_without_conflict(services, plan, tmp_path):
    paths = export(services, plan, tmp_path)
    task = task_by(services, plan, "VII", "1")  # led by the units (group), Phòng KH-TC coordinates
    fill(form_of(paths, FINANCE), {task.id: {"status": "Hoàn thành", "result": "Đã giải ngân 100%"}})
    fill(form_of(paths, OFFICE), {task.id: {"status": "Đang thực hiện", "result": "VP đang giải ngân"}})
    preview = services.forms.preview_import(paths, plan, PERIOD)
    assert preview.conflicts == [] and preview.errors == []
    services.forms.apply(preview)
    assert services.tasks.get(task.id).status is Status.IN_PROGRESS  # the lead (through the group) decides


def test_one_unit_answering_twice(services, plan, tmp_path):
    single = form_of(export(services, plan, tmp_path / "rieng"), OFFICE)
    [book] = export(services, plan, tmp_path / "chung", one_workbook=True)
    task = task_by(services, plan, "III", "2")
    fill(single, {task.id: {"status": "Hoàn thành", "result": "Xong"}})
    fill(book, {task.id: {"status": "Hoàn thành", "result": "Xong"}}, sheet=OFFICE)
    same = services.forms.preview_import([single, book], plan, PERIOD)
    assert same.errors == [] and same.conflicts == []
    assert sorted(codes(same.notes)) == [forms_service.DUPLICATE] + [forms_service.NOTHING_FILLED] * 2
    [duplicate] = [note for note in same.notes if note.code == forms_service.DUPLICATE]
    assert len(same.new) == 1 and "chỉ ghi một lần" in str(duplicate)
    fill(book, {task.id: {"status": "Đang thực hiện"}}, sheet=OFFICE)
    before = snapshot(services)
    different = services.forms.preview_import([single, book], plan, PERIOD)
    assert codes(different.errors) == [forms_service.DUPLICATE]
    assert "Hãy chỉ nhập một trong hai tệp" in str(different.errors[0])
    assert_refused(services, different, before, accept_would_help=False)


def test_task_deleted_since_the_export_is_a_conflict(services, plan, tmp_path):
    path = form_of(export(services, plan, tmp_path), OFFICE)
    kept, gone = task_by(services, plan, "III", "2"), task_by(services, plan, "III", "3")
    fill(path, {kept.id: {"status": "Hoàn thành"}, gone.id: {"status": "Đang thực hiện"}})
    services.tasks.delete(gone.id)
    before = snapshot(services)
    preview = services.forms.preview_import([path], plan, PERIOD)
    assert codes(preview.conflicts) == [forms_service.TASK_GONE]
    assert "không còn trong kế hoạch" in str(preview.conflicts[0])
    assert [entry.task_id for entry in preview.new] == [kept.id]
    assert_refused(services, preview, before, accept_would_help=True)
    services.forms.apply(preview, accept_conflicts=True)
    assert len(services.progress.history(kept.id)) == 1
    assert services.store.db["progress_update"].count == 1


def test_files_that_are_not_forms_are_refused(services, plan, tmp_path):
    text = tmp_path / "bao cao.xlsx"
    text.write_text("Kết quả: đã hoàn thành", encoding="utf-8")
    word = tmp_path / "ke hoach.xlsx"
    shutil.copy(sample_file(SAMPLE, ".docx"), word)
    old = tmp_path / "cu.xlsx"
    old.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 4096)
    other_excel = tmp_path / "phu luc.xlsx"
    shutil.copy(sample_file(SAMPLE, ".xlsx"), other_excel)
    empty = tmp_path / "rong.xlsx"
    empty.write_bytes(b"")
    before = snapshot(services)
    preview = services.forms.preview_import([text, word, old, other_excel, empty], plan, PERIOD)
    assert codes(preview.errors) == [forms_reader.NOT_EXCEL] * 3 + [forms_reader.NOT_A_FORM, forms_reader.NOT_EXCEL]
    messages = [str(problem) for problem in preview.errors]
    assert "«bao cao.xlsx»" in messages[0] and "không phải mẫu báo cáo Excel" in messages[0]
    assert "tài liệu Word" in messages[1]
    assert "«cu.xlsx»" in messages[2]
    assert "«phu luc.xlsx»" in messages[3]
    assert "rỗng" in messages[4]
    assert preview.entries == []
    assert_refused(services, preview, before, accept_would_help=False)


def test_form_from_another_database_is_refused(services, plan, tmp_path):
    with Services.open(tmp_path / "khac.db") as other:
        other_plan = build_plan(other)
        path = form_of(export(other, other_plan, tmp_path / "khac"), OFFICE)
        fill(path, {task_by(other, other_plan, "III", "2").id: {"status": "Hoàn thành"}})
    before = snapshot(services)
    preview = services.forms.preview_import([path])
    assert codes(preview.errors) == [forms_service.UNKNOWN_PLAN]
    assert "không có trong tệp dữ liệu này" in str(preview.errors[0])
    assert_refused(services, preview, before, accept_would_help=False)


def test_bad_values_are_errors_with_their_row(services, plan, tmp_path):
    path = form_of(export(services, plan, tmp_path), OFFICE)
    t1, t2, t3, t4 = (task_by(services, plan, "III", n) for n in ("2", "3", "4", "5"))
    rows = form_rows(path)
    fill(path, {
        t1.id: {"status": "Xong rồi"},
        t2.id: {"status": "Hoàn thành", "percent": 150},
        t3.id: {"status": "Không thực hiện"},
        t4.id: {"result": "Có kết quả nhưng quên chọn trạng thái"},
    })  # fmt: skip
    before = snapshot(services)
    preview = services.forms.preview_import([path], plan, PERIOD)
    assert codes(preview.errors) == [forms_reader.BAD_VALUE] * 4
    messages = [str(problem) for problem in preview.errors]
    assert f"dòng {rows[t1.id]}" in messages[0] and "«Xong rồi» không có trong danh sách" in messages[0]
    assert f"dòng {rows[t2.id]}" in messages[1] and "«150» không phải số nguyên từ 0 đến 100" in messages[1]
    assert "cần ghi lý do" in messages[2]
    assert "chưa chọn Trạng thái" in messages[3]
    assert_refused(services, preview, before, accept_would_help=False)


def test_formula_without_cached_value_is_taken_verbatim_with_a_note(services, plan, tmp_path):
    path = form_of(export(services, plan, tmp_path), OFFICE)
    task = task_by(services, plan, "III", "2")
    fill(path, {task.id: {"status": "Hoàn thành", "result": "=B2&\" đã xong\""}}, formulas=True)
    preview = services.forms.preview_import([path], plan, PERIOD)
    assert codes(preview.notes) == [forms_reader.FORMULA]
    assert "công thức chưa được tính" in str(preview.notes[0])
    assert preview.new[0].update.result == '=B2&" đã xong"'


def test_apply_is_all_or_nothing(services, plan, tmp_path, monkeypatch):
    path = form_of(export(services, plan, tmp_path), OFFICE)
    tasks = [task_by(services, plan, "III", n) for n in ("2", "3", "4")]
    fill(path, {task.id: {"status": "Hoàn thành", "evidence": "Số 1/BC-VP ngày 02/7/2025"} for task in tasks})
    preview = services.forms.preview_import([path], plan, PERIOD)
    before = snapshot(services)
    from kehoach_desktop.services import forms as forms_module

    real, calls = forms_module.record_update, []

    def failing(conn, update):
        calls.append(update)
        if len(calls) == 3:
            raise RuntimeError("ổ đĩa đầy")
        return real(conn, update)

    monkeypatch.setattr(forms_module, "record_update", failing)
    with pytest.raises(RuntimeError):
        services.forms.apply(preview)
    assert len(calls) == 3
    assert snapshot(services) == before
    assert not services.store.conn.in_transaction


def test_database_changed_since_preview_is_refused(services, plan, tmp_path):
    path = form_of(export(services, plan, tmp_path), OFFICE)
    task = task_by(services, plan, "III", "2")
    fill(path, {task.id: {"status": "Hoàn thành"}})
    preview = services.forms.preview_import([path], plan, PERIOD)
    from kehoach_desktop.domain.models import ProgressUpdate

    services.progress.record(
        ProgressUpdate(task_id=task.id, period=PERIOD, status=Status.IN_PROGRESS, unit_id=services.units.find(OFFICE))
    )
    before = snapshot(services)
    with pytest.raises(ServiceError, match="đã thay đổi kể từ lúc xem trước"):
        services.forms.apply(preview)
    assert snapshot(services) == before


# --- who has reported ------------------------------------------------------------------------


def test_reporting_status_lists_reported_and_missing_units(services, plan, tmp_path):
    paths = export(services, plan, tmp_path)
    task = task_by(services, plan, "III", "2")
    fill(form_of(paths, OFFICE), {task.id: {"status": "Đang thực hiện", "percent": 30, "result": "Đang làm"}})
    services.forms.apply(services.forms.preview_import([form_of(paths, OFFICE)], plan, PERIOD))
    status = services.forms.reporting_status(plan, PERIOD)
    assert [unit.unit_name for unit in status.reported] == [OFFICE]
    assert [unit.unit_name for unit in status.not_reported] == [FINANCE, INSPECTORATE]
    office = status.reported[0]
    assert (office.answered, office.label) == (1, "Đã báo cáo")
    assert office.assigned == form_rows(form_of(paths, OFFICE)).__len__()
    entry = next(t for t in status.tasks if t.task_id == task.id)
    assert (entry.status, entry.status_label, entry.percent, entry.result) == (
        Status.IN_PROGRESS, "Đang thực hiện", 30, "Đang làm",
    )  # fmt: skip
    assert [answer.unit_name for answer in entry.answers] == [OFFICE]
    assert FINANCE in entry.missing and INSPECTORATE in entry.missing
    untouched = next(t for t in status.tasks if t.task_id != task.id)
    assert (untouched.status, untouched.status_label) == (None, "Chưa báo cáo")
    assert len(status.tasks) == 75
    other_period = services.forms.reporting_status(plan, "2025-Q4")
    assert other_period.reported == []


# --- evidence text ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Số 12/BC-SXD ngày 05/6/2025 về kết quả CCHC quý II", ("12/BC-SXD", date(2025, 6, 5), "Kết quả CCHC quý II")),
        ("Báo cáo số 125/BC-SNV ngày 05 tháng 6 năm 2025 của Sở Nội vụ",
         ("125/BC-SNV", date(2025, 6, 5), "Báo cáo của Sở Nội vụ")),
        ("- Quyết định số 01/2025/QĐ-UBND ngày 1-7-2025 v/v ban hành quy chế",
         ("01/2025/QĐ-UBND", date(2025, 7, 1), "Quyết định về việc ban hành quy chế")),
        ("Đăng tin trên Cổng thông tin điện tử", ("", None, "Đăng tin trên Cổng thông tin điện tử")),
        ("Kế hoạch ngày 31/02/2025 về rà soát", ("", None, "Kế hoạch ngày 31/02/2025 về rà soát")),
    ],
)  # fmt: skip
def test_evidence_text_is_parsed_where_possible(text, expected):
    [item] = parse_evidence(text)
    assert (item.doc_number, item.issued_on, item.summary) == expected


def test_evidence_one_line_each():
    items = parse_evidence("Số 1/BC-VP ngày 02/7/2025\n\n  Công văn 77/SXD-VP ngày 03/7/2025 đôn đốc  ")
    assert [(e.doc_number, e.issued_on) for e in items] == [("1/BC-VP", date(2025, 7, 2)), ("77/SXD-VP", date(2025, 7, 3))]
    assert items[1].summary == "Công văn đôn đốc"


# --- command line -------------------------------------------------------------------------------


def run(argv, capsys):
    code = main(argv)
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_cli_forms_export_import_and_progress(services, plan, db_path, tmp_path, capsys):
    folder = tmp_path / "mau"
    code, out, _ = run(["forms", "export", "--plan", str(plan), "--period", PERIOD, "-o", str(folder), "--db", str(db_path)], capsys)
    assert code == 0
    paths = [Path(line) for line in out.splitlines()]
    assert sorted(p.name for p in paths) == sorted(p.name for p in folder.iterdir()) and len(paths) == 3
    shared = task_by(services, plan, "III", "1")
    fill(form_of(paths, OFFICE), {shared.id: {"status": "Hoàn thành", "result": "Xong"}})
    fill(form_of(paths, INSPECTORATE), {shared.id: {"status": "Đang thực hiện"}})
    files = [str(form_of(paths, OFFICE)), str(form_of(paths, INSPECTORATE))]
    before = snapshot(services)

    code, out, _ = run(["forms", "import", *files, "--dry-run", "--db", str(db_path)], capsys)
    assert code == 0
    assert "Mới (2):" in out and "Thay đổi (0):" in out and "Xung đột (1):" in out
    assert "Các đơn vị chủ trì báo cáo khác nhau" in out
    code, out, err = run(["forms", "import", *files, "--db", str(db_path)], capsys)
    assert code == 2 and "--accept-conflicts" in err
    assert snapshot(services) == before
    code, out, _ = run(["forms", "import", *files, "--accept-conflicts", "--db", str(db_path)], capsys)
    assert code == 0 and "Đã nhập: 2 báo cáo mới" in out
    assert snapshot(services) != before

    code, out, _ = run(["progress", "--plan", str(plan), "--period", PERIOD, "--json", "--db", str(db_path)], capsys)
    assert code == 0
    data = json.loads(out)
    assert data["period"] == PERIOD and data["period_label"] == "quý III năm 2025"
    reported = {unit["unit"]: unit["reported"] for unit in data["units"]}
    assert reported == {OFFICE: True, INSPECTORATE: True, FINANCE: False}
    task = next(t for t in data["tasks"] if t["task_id"] == shared.id)
    assert task["status"] == "in_progress" and [a["unit"] for a in task["answers"]] == [INSPECTORATE, OFFICE]
    code, out, _ = run(["progress", "--plan", str(plan), "--period", PERIOD, "--db", str(db_path)], capsys)
    assert code == 0 and "Chưa báo cáo (1):" in out and FINANCE in out


def test_cli_import_refuses_bad_files_with_exit_2(services, plan, db_path, tmp_path, capsys):
    bad = tmp_path / "gia.xlsx"
    bad.write_text("không phải Excel", encoding="utf-8")
    before = snapshot(services)
    code, out, err = run(["forms", "import", str(bad), "--accept-conflicts", "--db", str(db_path)], capsys)
    assert code == 2 and "Lỗi (1):" in out and "Chưa nhập gì" in err
    assert snapshot(services) == before


# --- LibreOffice --------------------------------------------------------------------------------

SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")
needs_libreoffice = pytest.mark.skipif(SOFFICE is None, reason="LibreOffice (soffice) is not installed")


def soffice_convert(source: Path, target_format: str, outdir: Path, profile: Path) -> Path:
    outdir.mkdir(parents=True, exist_ok=True)
    result = subprocess.run(
        [SOFFICE, f"-env:UserInstallation={profile.as_uri()}", "--headless", "--convert-to", target_format,
         "--outdir", str(outdir), str(source)],
        capture_output=True, text=True, timeout=240, env={**os.environ, "HOME": str(profile)},
    )  # fmt: skip
    produced = outdir / f"{source.stem}.{target_format.split(':')[0]}"
    assert result.returncode == 0 and produced.exists(), result.stdout + result.stderr
    return produced


@needs_libreoffice
def test_forms_open_in_libreoffice_and_survive_its_save(services, plan, tmp_path):
    import pdfplumber

    paths = export(services, plan, tmp_path / "mau")
    path = form_of(paths, OFFICE)
    pdf = soffice_convert(path, "pdf", tmp_path / "pdf", tmp_path / "profile")
    with pdfplumber.open(pdf) as document:
        first = document.pages[0]
        assert first.width > first.height  # A4 landscape
        text = "\n".join(page.extract_text() or "" for page in document.pages)
    assert "MẪU BÁO CÁO KẾT QUẢ THỰC HIỆN KẾ HOẠCH" in text and f"Đơn vị báo cáo: {OFFICE}" in text
    assert "Kết quả thực hiện" in text

    # A unit working in LibreOffice: fill, save as .xlsx with LibreOffice, send back.
    task = task_by(services, plan, "III", "2")
    fill(path, {task.id: {"status": "Hoàn thành", "percent": 100, "result": "=> Đã rà soát xong",
                          "evidence": "Số 12/BC-SXD ngày 05/6/2025 về kết quả"}})  # fmt: skip
    book = openpyxl.load_workbook(path)
    [date_row] = [r for r in range(1, book[OFFICE].max_row + 1)
                  if str(book[OFFICE].cell(r, form.RESULT_COL).value).startswith("……")]  # fmt: skip
    book[OFFICE].cell(date_row, form.RESULT_COL).value = "Nha Trang, ngày 05 tháng 10 năm 2025"
    book.save(path)
    resaved = soffice_convert(path, "xlsx:Calc MS Excel 2007 XML", tmp_path / "resaved", tmp_path / "profile")
    preview = services.forms.preview_import([resaved], plan, PERIOD)
    assert preview.problems == []  # LibreOffice's save keeps the layout: no row, column or sheet added
    [entry] = preview.new
    assert (entry.update.status, entry.update.percent, entry.update.result) == (Status.DONE, 100, "=> Đã rà soát xong")
    assert [(e.doc_number, e.issued_on) for e in entry.update.evidence] == [("12/BC-SXD", date(2025, 6, 5))]
