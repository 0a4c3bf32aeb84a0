"""Excel that prints legibly: the tracking table and the unit forms of sample 000
never print text under 9 pt, judged from the workbook's page setup and column
widths as Excel applies them; one page wide only where that keeps 9 pt,
otherwise more pages with the header rows (and the task columns) repeated;
row heights follow the text; the form ends with the place/date line and the
unit head's signature block."""

from __future__ import annotations

import openpyxl
import pytest
from openpyxl.utils import column_index_from_string, get_column_letter
from test_forms import PERIOD, build_plan

from kehoach_desktop.exporters.xlsx_export import (
    DEFAULT_WIDTH,
    LINE_POINTS,
    TrackingRow,
    TrackingSection,
    TrackingTable,
    write_tracking_table,
)

PAPER_WIDTH = {9: 841.89, 8: 1190.55}  # landscape A4, A3 (points)


def printed_points(ws) -> float:
    """The size of the smallest text on paper: its font size times the scale Excel
    prints at (fit to one page wide: the printable width over the columns' width)."""
    area = ws.print_area.replace("$", "").split("!")[-1]
    first, last = area.split(":")
    first_col = column_index_from_string("".join(ch for ch in first if ch.isalpha()))
    last_col = column_index_from_string("".join(ch for ch in last if ch.isalpha()))
    last_row = int("".join(ch for ch in last if ch.isdigit()))
    width = sum(
        (7 * (ws.column_dimensions[get_column_letter(c)].width or DEFAULT_WIDTH) + 5) * 0.75
        for c in range(first_col, last_col + 1) if not ws.column_dimensions[get_column_letter(c)].hidden
    )  # fmt: skip
    setup = ws.page_setup
    assert setup.orientation == "landscape" and int(setup.paperSize) in PAPER_WIDTH
    printable = PAPER_WIDTH[int(setup.paperSize)] - 72 * (ws.page_margins.left + ws.page_margins.right)
    if ws.sheet_properties.pageSetUpPr.fitToPage:
        assert (setup.fitToWidth, setup.fitToHeight) == (1, 0)
        scale = min(1.0, printable / width)
    else:
        scale = (setup.scale or 100) / 100
    sizes = [
        cell.font.sz for row in ws.iter_rows(min_row=1, max_row=last_row, min_col=first_col, max_col=last_col)
        for cell in row if cell.value is not None
    ]  # fmt: skip
    return min(sizes) * scale


def test_sample_tracking_table_prints_at_9_pt_or_more(services, tmp_path):
    plan_id = build_plan(services)
    path = tmp_path / "theo-doi.xlsx"
    services.forms.export_tracking_table(plan_id, PERIOD, path)
    ws = openpyxl.load_workbook(path).active
    assert printed_points(ws) >= 9
    assert ws.print_title_rows


def test_sample_unit_forms_print_at_9_pt_or_more_and_end_with_the_signature(services, tmp_path):
    plan_id = build_plan(services)
    paths = list(services.forms.export_forms(plan_id, PERIOD, tmp_path / "phieu"))
    assert paths
    for path in paths:
        wb = openpyxl.load_workbook(path)
        for ws in [sheet for sheet in wb.worksheets if sheet.sheet_state == "visible"]:
            assert printed_points(ws) >= 9, ws.title
            values = [cell.value for row in ws.iter_rows() for cell in row if isinstance(cell.value, str)]
            assert values[-5:] == [
                "…………, ngày …… tháng …… năm 2025", "NGƯỜI LẬP BIỂU", "THỦ TRƯỞNG ĐƠN VỊ", "(Ký, ghi rõ họ tên)",
                "(Ký, ghi rõ họ tên, đóng dấu)",
            ]
            last_row = int(ws.print_area.split(":")[-1].lstrip("$ABCDEFGHIJKLMNOPQRSTUVWXYZ").replace("$", ""))
            signature_rows = [cell.row for row in ws.iter_rows() for cell in row if cell.value == "THỦ TRƯỞNG ĐƠN VỊ"]
            assert signature_rows and signature_rows[0] < last_row  # printed, with room under it to sign
            date_cell = next(cell for row in ws.iter_rows() for cell in row if str(cell.value).startswith("…………, ngày"))
            assert date_cell.protection.locked is False  # the unit writes its place and date


def long_table() -> TrackingTable:
    rows = [
        TrackingRow(number=str(i), content=("Nội dung nhiệm vụ rất dài cần xuống dòng nhiều lần " * 6).strip(),
                    schedule_text="Trước 30/6/2025", lead="Văn phòng Sở", status_label="Đang thực hiện",
                    result="Kết quả " * 40)
        for i in range(1, 4)
    ]  # fmt: skip
    return TrackingTable(title_lines=["BẢNG THEO DÕI"], sections=[TrackingSection("I. THỬ", rows=rows)])


def test_on_a4_the_table_continues_on_more_pages_at_a_legible_scale(tmp_path):
    path = tmp_path / "a4.xlsx"
    try:
        write_tracking_table(long_table(), path, paper="A4")
    except TypeError:
        pytest.fail("write_tracking_table(paper=...) is missing")
    ws = openpyxl.load_workbook(path).active
    assert int(ws.page_setup.paperSize) == 9
    assert not ws.sheet_properties.pageSetUpPr.fitToPage  # fitting A4 wide would print 6 pt
    assert printed_points(ws) >= 9
    assert ws.print_title_rows and ws.print_title_cols  # header rows and the task columns on every page
    header_row = next(row for row in range(1, 10) if ws.cell(row, 1).value == "TT")
    for row in range(header_row + 2, header_row + 5):  # row heights follow the text
        assert ws.row_dimensions[row].height >= 4 * LINE_POINTS
