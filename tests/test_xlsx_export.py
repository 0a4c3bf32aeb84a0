"""The tracking table (bảng theo dõi) as .xlsx, on a real sample plan."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import openpyxl
import pytest

from conftest import load_sample_json
from test_forms import SOFFICE, build_plan, needs_libreoffice, soffice_convert, task_by
from kehoach_desktop.cli.main import main
from kehoach_desktop.domain.models import Evidence, ProgressUpdate
from kehoach_desktop.domain.statuses import Status
from kehoach_desktop.domain.text import tidy
from kehoach_desktop.exporters.xlsx_export import (
    MAX_CELL_CHARS,
    TRACKING_COLUMNS,
    TrackingRow,
    TrackingSection,
    TrackingTable,
    write_tracking_table,
)

SAMPLE = "000_36db36a684822c51"
HEADER = [title for title, _ in TRACKING_COLUMNS]


@pytest.fixture
def plan(services) -> int:
    return build_plan(services)


def read_table(path: Path):
    wb = openpyxl.load_workbook(path)
    ws = wb.active
    header_row = next(row for row in range(1, 10) if ws.cell(row, 1).value == "TT")
    return wb, ws, header_row


def row_of(ws, header_row: int, content: str):
    return next(row for row in ws.iter_rows(min_row=header_row + 1) if row[1].value == content)


def unit(services, name: str) -> int:
    return services.units.find(name)


def test_table_layout_and_print_setup(services, plan, tmp_path):
    path = tmp_path / "theo-doi.xlsx"
    assert services.forms.export_tracking_table(plan, "2025-Q3", path) == []
    wb, ws, header_row = read_table(path)
    assert [cell.value for cell in ws[header_row]] == HEADER
    assert ws.freeze_panes == f"A{header_row + 1}"
    assert ws.auto_filter.ref == f"A{header_row}:L{ws.max_row}"
    assert ws.print_title_rows == f"${header_row}:${header_row}"
    assert ws.page_setup.orientation == "landscape"
    assert int(ws.page_setup.paperSize) == 8  # A3: one page wide at 9 pt or more (A4 would print it at 6 pt)
    assert (ws.page_setup.fitToWidth, ws.page_setup.fitToHeight) == (1, 0)
    assert ws.sheet_properties.pageSetUpPr.fitToPage
    assert ws["A1"].value == "BẢNG THEO DÕI TIẾN ĐỘ THỰC HIỆN KẾ HOẠCH"
    assert "Kỳ báo cáo: quý III năm 2025" in ws["A3"].value
    assert ws.cell(header_row + 2, 2).alignment.wrap_text  # the first task (a section row before it)
    assert ws.column_dimensions["B"].width > ws.column_dimensions["A"].width

    # Sections and tasks exactly as in the Phụ lục, sub-tasks numbered and indented.
    sample = load_sample_json(SAMPLE)
    expected = []
    for section in sample["sections"]:
        expected.append(("section", f"{section['ordinal']}. {section['title']}"))
        expected.extend(("task", item["number"], tidy(item["content"])) for item in section["items"])
    found = []
    for row in ws.iter_rows(min_row=header_row + 1):
        if f"A{row[0].row}" in {str(r).split(":")[0] for r in ws.merged_cells.ranges}:
            found.append(("section", row[0].value))
        else:
            found.append(("task", row[0].value or "", row[1].value))
    assert found == expected
    sub = row_of(ws, header_row, tidy(sample["sections"][3]["items"][3]["content"]))  # IV 3.1
    assert sub[0].value == "3.1" and sub[1].alignment.indent > 0
    parent = row_of(ws, header_row, tidy(sample["sections"][3]["items"][2]["content"]))  # IV 3
    assert parent[1].font.b and not sub[1].font.b


def test_values_for_the_period(services, plan, tmp_path):
    office, finance = unit(services, "Văn phòng Sở"), unit(services, "Phòng Kế hoạch – Tài chính")
    on_time = task_by(services, plan, "IV", "2")  # "Trước ngày 25/7/2025"
    late = task_by(services, plan, "VI", "2")  # "Trước ngày 30/11/2025"
    monthly = task_by(services, plan, "III", "2")
    earlier = task_by(services, plan, "III", "3")
    silent = task_by(services, plan, "III", "4")
    record = services.progress.record
    record(ProgressUpdate(task_id=on_time.id, period="2025-Q3", status=Status.DONE, percent=100, result="Xong đúng hạn",
                          reported_on=date(2025, 7, 20), unit_id=office,
                          evidence=[Evidence(doc_number="12/BC-SXD", issued_on=date(2025, 7, 18), summary="Kết quả rà soát")]))
    record(ProgressUpdate(task_id=late.id, period="2025-Q4", status=Status.DONE, percent=100, result="Xong muộn",
                          reported_on=date(2025, 12, 10), unit_id=office))
    record(ProgressUpdate(task_id=monthly.id, period="2025-07", status=Status.IN_PROGRESS, percent=20, result="Tháng 7",
                          reported_on=date(2025, 7, 25), unit_id=office,
                          evidence=[Evidence(summary="Công văn tháng 7")]))
    record(ProgressUpdate(task_id=monthly.id, period="2025-08", status=Status.IN_PROGRESS, percent=60, result="Tháng 8",
                          difficulties="Thiếu người", reported_on=date(2025, 8, 25), unit_id=office))
    record(ProgressUpdate(task_id=monthly.id, period="2025-10", status=Status.DONE, percent=100, result="Tháng 10",
                          reported_on=date(2025, 10, 25), unit_id=office))
    record(ProgressUpdate(task_id=earlier.id, period="2025-05", status=Status.IN_PROGRESS, percent=10,
                          result="Báo cáo tháng 5", reported_on=date(2025, 5, 25), unit_id=finance))
    path = tmp_path / "q3.xlsx"
    services.forms.export_tracking_table(plan, "2025-Q3", path)
    _, ws, header_row = read_table(path)
    column = {title: index for index, title in enumerate(HEADER)}

    def values(task, *names):
        row = row_of(ws, header_row, task.content)
        return tuple(row[column[name]].value for name in names)

    assert values(on_time, "Trạng thái", "Tỷ lệ hoàn thành (%)", "Kết quả thực hiện", "Tài liệu kiểm chứng") == (
        "Hoàn thành", 100, "Xong đúng hạn", "Số 12/BC-SXD ngày 18/07/2025 – Kết quả rà soát",
    )  # fmt: skip
    due_cell = row_of(ws, header_row, on_time.content)[column["Hạn (ngày)"]]
    assert due_cell.value.date() == date(2025, 7, 25) and due_cell.number_format == "dd/mm/yyyy"
    # Quarter III: the latest month inside it, the evidence of every report inside it.
    assert values(monthly, "Trạng thái", "Tỷ lệ hoàn thành (%)", "Kết quả thực hiện", "Khó khăn, vướng mắc") == (
        "Đang thực hiện", 60, "Tháng 8", "Thiếu người",
    )  # fmt: skip
    assert values(monthly, "Tài liệu kiểm chứng", "Ghi chú") == (
        "Công văn tháng 7", "Số liệu theo báo cáo tháng 08 năm 2025",
    )  # fmt: skip
    assert values(earlier, "Trạng thái", "Kết quả thực hiện", "Ghi chú") == (
        "Đang thực hiện", "Báo cáo tháng 5",
        "Số liệu theo báo cáo tháng 05 năm 2025 (chưa có báo cáo kỳ này)",
    )  # fmt: skip
    assert values(late, "Trạng thái", "Kết quả thực hiện", "Ghi chú") == (
        "Chưa triển khai", None, "Chưa có báo cáo trong kỳ",
    )  # fmt: skip
    assert values(silent, "Trạng thái", "Kết quả thực hiện") == ("Chưa triển khai", None)
    assert values(silent, "Đơn vị chủ trì", "Đơn vị phối hợp") == (
        "Văn phòng Sở", "Các phòng, đơn vị trực thuộc Sở",
    )  # fmt: skip

    # The year: "Hoàn thành trễ hạn" derived from the deadline and the day it was reported done.
    year = tmp_path / "nam.xlsx"
    services.forms.export_tracking_table(plan, "2025", year)
    _, ws, header_row = read_table(year)
    assert values(late, "Trạng thái") == ("Hoàn thành trễ hạn",)
    assert values(on_time, "Trạng thái") == ("Hoàn thành",)
    assert values(monthly, "Trạng thái", "Kết quả thực hiện", "Ghi chú") == (
        "Hoàn thành", "Tháng 10", "Số liệu theo báo cáo tháng 10 năm 2025",
    )  # fmt: skip

    # No period: the task's current status and result, all its evidence.
    now = tmp_path / "hien-tai.xlsx"
    services.forms.export_tracking_table(plan, None, now)
    _, ws, header_row = read_table(now)
    assert "Tình hình đến ngày" in ws["A3"].value
    assert values(monthly, "Trạng thái", "Kết quả thực hiện", "Tài liệu kiểm chứng") == (
        "Hoàn thành", "Tháng 10", "Công văn tháng 7",
    )  # fmt: skip
    assert values(late, "Trạng thái") == ("Hoàn thành trễ hạn",)


def test_formula_like_text_is_written_as_text(services, plan, tmp_path):
    texts = ["=SUM(A1:A3) là tổng", "+84 258 3822 555", "-1 nhiệm vụ", "@Văn phòng Sở", "=", "#N/A"]
    tasks = [task_by(services, plan, "III", str(n)) for n in range(1, 6)] + [task_by(services, plan, "IV", "1")]
    for task, text in zip(tasks, texts):
        services.tasks.update(task.id, content=text)
    services.progress.record(ProgressUpdate(task_id=tasks[0].id, period="2025-Q3", result="=1+1", unit_id=None))
    path = tmp_path / "cong-thuc.xlsx"
    services.forms.export_tracking_table(plan, "2025-Q3", path)
    _, ws, header_row = read_table(path)
    cells = {row[1].value: row for row in ws.iter_rows(min_row=header_row + 1)}
    for text in texts:
        cell = cells[text][1]
        assert (cell.value, cell.data_type, cell.quotePrefix) == (text, "s", True)
    result = cells[texts[0]][HEADER.index("Kết quả thực hiện")]
    assert (result.value, result.data_type) == ("=1+1", "s")
    formulas = [c.coordinate for row in ws.iter_rows() for c in row if c.data_type == "f"]
    assert formulas == []


def test_text_excel_cannot_hold_is_cleaned_and_reported(tmp_path):
    long_text = "Rà soát thủ tục hành chính. " * 1500  # 42,000 characters
    table = TrackingTable(
        title_lines=["BẢNG THEO DÕI"],
        sections=[TrackingSection("I. THỬ", rows=[
            TrackingRow(number="1", content="Dòng một\x0bdòng hai\x07 chuông"),
            TrackingRow(number="2", content="\tBắt đầu bằng tab", result="\rBắt đầu bằng CR"),
            TrackingRow(number="3", content=long_text),
        ])],
    )  # fmt: skip
    path = tmp_path / "ban.xlsx"
    notes = write_tracking_table(table, path)
    messages = [str(note) for note in notes]
    assert len(messages) == 2
    assert "ô B5" in messages[0] and "\\x07, \\x0b" in messages[0]
    assert "ô B7" in messages[1] and "42.000" in messages[1] and "32.767" in messages[1]
    ws = openpyxl.load_workbook(path).active
    assert ws["B5"].value == "Dòng một\ndòng hai chuông"
    assert (ws["B6"].value, ws["I6"].value) == ("\tBắt đầu bằng tab", "\rBắt đầu bằng CR")
    assert ws["B6"].quotePrefix and ws["I6"].quotePrefix
    assert ws["B7"].value == long_text[:MAX_CELL_CHARS]


def test_cli_export_xlsx(services, plan, db_path, tmp_path, capsys):
    path = tmp_path / "bang.xlsx"
    code = main(["export", "xlsx", "--plan", str(plan), "--period", "2025-Q3", "-o", str(path), "--db", str(db_path)])
    out = capsys.readouterr().out
    assert code == 0 and out.strip() == str(path)
    _, ws, header_row = read_table(path)
    assert ws.max_row - header_row == 75 + 12  # tasks + section rows
    code = main(["export", "xlsx", "--plan", "99", "-o", str(tmp_path / "x.xlsx"), "--db", str(db_path)])
    assert code == 2 and "Không có kế hoạch số 99" in capsys.readouterr().err
    code = main(["export", "xlsx", "--plan", str(plan), "--period", "Q3", "-o", str(tmp_path / "x.xlsx"), "--db", str(db_path)])
    assert code == 2 and "Không hiểu kỳ báo cáo «Q3»" in capsys.readouterr().err
    assert not (tmp_path / "x.xlsx").exists()


def test_unwritable_target_is_a_clear_error(services, plan, tmp_path):
    from kehoach_desktop.services import ServiceError

    with pytest.raises(ServiceError, match="Không có thư mục"):
        services.forms.export_tracking_table(plan, None, tmp_path / "khong-co" / "bang.xlsx")
    folder = tmp_path / "la-thu-muc.xlsx"
    folder.mkdir()
    with pytest.raises(ServiceError, match="Không ghi được tệp"):
        services.forms.export_tracking_table(plan, None, folder)
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".~")] == []


@needs_libreoffice
def test_libreoffice_prints_the_table(services, plan, tmp_path):
    import pdfplumber

    assert SOFFICE
    path = tmp_path / "theo-doi.xlsx"
    services.forms.export_tracking_table(plan, "2025-Q3", path)
    pdf = soffice_convert(path, "pdf", tmp_path / "pdf", tmp_path / "profile")
    with pdfplumber.open(pdf) as document:
        assert len(document.pages) >= 2
        assert all(page.width > page.height for page in document.pages)  # A4 landscape
        texts = [page.extract_text() or "" for page in document.pages]
    assert "BẢNG THEO DÕI TIẾN ĐỘ THỰC HIỆN KẾ HOẠCH" in texts[0]
    assert all("Nội dung nhiệm vụ" in text for text in texts)  # the header row on every page
    assert "CẢI THIỆN CHỈ SỐ HÀI LÒNG" in "\n".join(texts)
