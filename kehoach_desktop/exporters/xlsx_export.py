"""The tracking table (bảng theo dõi) as .xlsx, and the safe cell writing every
Excel file of the program goes through.

Facts this rests on (shared/docs/safety.md, checked again on openpyxl 3.1.5):
- openpyxl turns a string beginning with "=" into a formula, and "#N/A" into
  an error value. User text is always written as text: data type "s", and
  `quotePrefix` so that Excel keeps it text when someone edits the cell
  ("+84...", "- Rà soát ...", "@", a tab or CR first). It reads back identical.
- openpyxl raises on C0 control characters (\\x0b from Word line breaks,
  \\x07 ...) and silently cuts text over 32,767 characters. We clean and cut
  ourselves and report every change; an export never aborts on content.

Pure: plain objects in, a file out, no database and no Qt, so the window can
run it on a worker thread.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from openpyxl import Workbook
from openpyxl.cell import Cell
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from kehoach_desktop.domain.text import nfc
from kehoach_desktop.outputs import temporary_beside

MAX_CELL_CHARS = 32_767  # Excel's limit, in UTF-16 code units
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
# What openpyxl refuses: C0 controls except tab, line feed and carriage return.
_ILLEGAL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")
# Word's manual line break (\x0b) and page break (\x0c) mean "new line" to the user.
_LINE_BREAKS = {"\x0b": "\n", "\x0c": "\n"}

THIN = Side(style="thin", color="808080")
BORDER = Border(left=THIN, right=THIN, top=THIN, bottom=THIN)
WRAP_TOP = Alignment(wrap_text=True, vertical="top")
WRAP_CENTER = Alignment(wrap_text=True, vertical="top", horizontal="center")
HEADER_ALIGN = Alignment(wrap_text=True, vertical="center", horizontal="center")
HEADER_FONT = Font(name="Times New Roman", size=12, bold=True)
BODY_FONT = Font(name="Times New Roman", size=12)
BOLD_FONT = Font(name="Times New Roman", size=12, bold=True)
TITLE_FONT = Font(name="Times New Roman", size=14, bold=True)
ITALIC_FONT = Font(name="Times New Roman", size=12, italic=True)
HEADER_FILL = PatternFill("solid", fgColor="D9D9D9")
SECTION_FILL = PatternFill("solid", fgColor="F2F2F2")
DATE_FORMAT = "dd/mm/yyyy"


class ExportError(Exception):
    """The file could not be written; the message (Vietnamese) says why and where."""


@dataclass(frozen=True)
class CellNote:
    """A change made to a text so that Excel accepts it (reported, never hidden)."""

    where: str  # "trang «Theo dõi», ô C12"
    message: str

    def __str__(self) -> str:
        return f"{self.where}: {self.message}"


# --- safe cells ------------------------------------------------------------------


def clean_cell_text(text: str) -> tuple[str, list[str]]:
    """The text as Excel can hold it, and what had to change (Vietnamese)."""
    text = nfc(text)
    changes: list[str] = []
    found = _ILLEGAL.findall(text)
    if found:
        text = _ILLEGAL.sub(lambda match: _LINE_BREAKS.get(match.group(), ""), text)
        codes = ", ".join(sorted({f"\\x{ord(ch):02x}" for ch in found}))
        changes.append(f"đã thay bằng dấu xuống dòng hoặc bỏ {len(found)} ký tự điều khiển ({codes})")
    length = utf16_length(text)
    if length > MAX_CELL_CHARS:
        text = cut_utf16(text, MAX_CELL_CHARS)
        changes.append(
            f"nội dung dài {_thousands(length)} ký tự, quá giới hạn {_thousands(MAX_CELL_CHARS)} ký tự "
            "của một ô Excel: đã cắt bỏ phần cuối"
        )
    return text, changes


def utf16_length(text: str) -> int:
    return len(text.encode("utf-16-le")) // 2


def cut_utf16(text: str, limit: int) -> str:
    """The longest prefix whose UTF-16 length is at most `limit` (never half a character)."""
    if len(text) <= limit // 2:
        return text
    total, end = 0, 0
    for end, ch in enumerate(text):
        total += 2 if ord(ch) > 0xFFFF else 1
        if total > limit:
            return text[:end]
    return text


def _thousands(number: int) -> str:
    return f"{number:,}".replace(",", ".")


class CellWriter:
    """Writes values into a sheet, text always as text; collects what it had to change."""

    def __init__(self, ws: Worksheet, notes: list[CellNote] | None = None):
        self.ws = ws
        self.notes = notes if notes is not None else []

    def text(self, row: int, column: int, value: str | None, **style) -> Cell:
        cell = self.ws.cell(row=row, column=column)
        if value:
            cleaned, changes = clean_cell_text(str(value))
            for change in changes:
                self.notes.append(CellNote(f"trang «{self.ws.title}», ô {cell.coordinate}", change))
            put_text(cell, cleaned)
        _style(cell, style)
        return cell

    def value(self, row: int, column: int, value, **style) -> Cell:
        """A number or a date (never a string: use text())."""
        if isinstance(value, str):
            raise TypeError("use CellWriter.text for strings")
        cell = self.ws.cell(row=row, column=column)
        cell.value = value
        if isinstance(value, date):
            cell.number_format = DATE_FORMAT
        _style(cell, style)
        return cell


def put_text(cell: Cell, text: str) -> None:
    """Store `text` (already clean) as a string cell, whatever it looks like."""
    cell.value = text or None
    if not text:
        return
    if cell.data_type != "s" or text.startswith(FORMULA_STARTS):
        cell.data_type = "s"
        cell.quotePrefix = True


def _style(cell: Cell, style: dict) -> None:
    for name, value in style.items():
        setattr(cell, name, value)


# --- sheet layout -----------------------------------------------------------------


def set_widths(ws: Worksheet, widths: list[float]) -> None:
    for index, width in enumerate(widths, start=1):
        ws.column_dimensions[get_column_letter(index)].width = width


# --- printing: legible on paper ------------------------------------------------------

MIN_PRINTED_POINTS = 9.0  # no text smaller than this on paper
SIDE_MARGIN_INCHES = 0.4
PAPERS = {  # paper → (openpyxl paper size code, width of a landscape page in points)
    "A4": (9, 841.89),
    "A3": (8, 1190.55),
}


def column_points(width: float | None) -> float:
    """An Excel column width (characters of the default font) in points: Excel
    draws 7 pixels per character plus 5 of padding, at 96 pixels per inch."""
    return (7 * (width if width is not None else DEFAULT_WIDTH) + 5) * 0.75


def printed_width(ws: Worksheet, first: int, last: int) -> float:
    """The width in points of the visible columns first..last."""
    total = 0.0
    for column in range(first, last + 1):
        dimension = ws.column_dimensions[get_column_letter(column)]
        if not dimension.hidden:
            total += column_points(dimension.width)
    return total


def printable_width(paper: str) -> float:
    return PAPERS[paper][1] - 2 * 72 * SIDE_MARGIN_INCHES


def smallest_font(ws: Worksheet, first_row: int, last_row: int, first: int, last: int) -> float:
    sizes = [
        float(cell.font.sz) for row in ws.iter_rows(min_row=first_row, max_row=last_row, min_col=first, max_col=last)
        for cell in row if cell.value is not None and cell.font is not None and cell.font.sz
    ]  # fmt: skip
    return min(sizes, default=12.0)


@dataclass(frozen=True)
class PrintChoice:
    paper: str  # "A4" or "A3", landscape
    fit_width: bool  # one page wide (Excel scales down), else columns continue on further pages
    scale: int  # percent, when not fitted

    def printed_points(self, width: float, smallest: float) -> float:
        """The size the smallest text comes out on paper."""
        if self.fit_width:
            return smallest * min(1.0, printable_width(self.paper) / width)
        return smallest * self.scale / 100


def choose_print(width: float, smallest: float, paper: str | None = None) -> PrintChoice:
    """A4 landscape when the table fits it with text of at least 9 pt, else A3;
    one page wide only where that keeps 9 pt, otherwise at the scale that keeps
    9 pt, the columns continuing on more pages (header rows repeated)."""
    least_scale = MIN_PRINTED_POINTS / smallest
    for candidate in (paper,) if paper else ("A4", "A3"):
        if width * least_scale <= printable_width(candidate):
            return PrintChoice(candidate, True, 100)
    chosen = paper or "A3"
    return PrintChoice(chosen, False, min(100, -(-int(least_scale * 1000) // 10)))


def print_setup(ws: Worksheet, header_row: int, columns: int, *, first_column: int = 1, last_row: int | None = None,
                paper: str | None = None, title_columns: str | None = None) -> PrintChoice:  # fmt: skip
    """Landscape, legible (see choose_print), the header row repeated on every page."""
    last_row = last_row or max(ws.max_row, header_row)
    width = printed_width(ws, first_column, columns)
    choice = choose_print(width, smallest_font(ws, 1, last_row, first_column, columns), paper)
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = PAPERS[choice.paper][0]
    ws.sheet_properties.pageSetUpPr.fitToPage = choice.fit_width
    if choice.fit_width:
        ws.page_setup.fitToWidth = 1
        ws.page_setup.fitToHeight = 0  # as many pages as needed
    else:
        ws.page_setup.scale = choice.scale
        if title_columns:  # the task's number and text on every page of the further columns
            ws.print_title_cols = title_columns
    ws.print_title_rows = f"{header_row}:{header_row}"
    ws.page_margins.left = ws.page_margins.right = SIDE_MARGIN_INCHES
    ws.page_margins.top = ws.page_margins.bottom = 0.6
    ws.print_options.horizontalCentered = True
    ws.oddFooter.center.text = "Trang &P/&N"
    ws.print_area = f"{get_column_letter(first_column)}1:{get_column_letter(columns)}{last_row}"
    return choice


def merged_row(writer: CellWriter, row: int, first: int, last: int, text: str, **style) -> None:
    """One text across columns first..last (its height comes from fit_row_heights)."""
    writer.text(row, first, text, **style)
    if last > first:
        writer.ws.merge_cells(start_row=row, start_column=first, end_row=row, end_column=last)


LINE_POINTS = 16.0  # one line of 12 pt Times New Roman, with Excel's and LibreOffice's leading
DEFAULT_WIDTH = 8.43


def fit_row_heights(ws: Worksheet, first_row: int, last_row: int, min_lines: dict[int, int] | None = None) -> None:
    """Set each row's height to show all its wrapped text.

    LibreOffice (checked: 7.4, also when converting to PDF) does not grow rows
    of a file written by openpyxl, and no program grows merged rows, so long
    task texts would print cut or overlapping. The estimate errs on the tall
    side. Rows keep the height they are given; the forms allow resizing rows.
    """
    columns = ws.max_column  # computed by scanning every cell: once, not per row
    widths = {
        column: ws.column_dimensions[get_column_letter(column)].width or DEFAULT_WIDTH
        for column in range(1, columns + 1)
    }
    hidden = {column for column in widths if ws.column_dimensions[get_column_letter(column)].hidden}
    spans: dict[tuple[int, int], float] = {}
    for merged in ws.merged_cells.ranges:
        spans[(merged.min_row, merged.min_col)] = sum(
            widths.get(c, DEFAULT_WIDTH) for c in range(merged.min_col, merged.max_col + 1)
        )
    for cells in ws.iter_rows(min_row=first_row, max_row=last_row, max_col=columns):
        row = cells[0].row
        lines = (min_lines or {}).get(row, 1)
        for cell in cells:
            if not isinstance(cell.value, str) or not cell.value or cell.column in hidden:
                continue
            width = spans.get((row, cell.column), widths.get(cell.column, DEFAULT_WIDTH))
            indent = (cell.alignment.indent or 0) if cell.alignment else 0
            lines = max(lines, text_lines(cell.value, width - indent, bool(cell.font and cell.font.b)))
        ws.row_dimensions[row].height = round(LINE_POINTS * lines + 4, 1)


def text_lines(text: str, width: float, bold: bool = False) -> int:
    """How many lines `text` takes in a wrapped cell `width` characters wide (an upper estimate)."""
    capacity = max(1.0, (width - 1.5) * 0.9)
    total = 0
    for part in text.split("\n"):
        length = len(part) + 0.45 * sum(1 for ch in part if ch.isupper())
        if bold:
            length *= 1.1
        total += max(1, -(-int(length) // int(capacity)) if length > capacity else 1)
    return total


def save_workbook(wb: Workbook, path: Path) -> None:
    """Write through a temporary file in the same folder, then rename into place:
    an interrupted save never leaves half a file under the real name."""
    path = Path(path)
    folder = path.parent if str(path.parent) else Path(".")
    if not folder.is_dir():
        raise ExportError(f"Không có thư mục {folder} để ghi tệp {path.name}.")
    handle, temporary = temporary_beside(folder, ".~", ".xlsx.tmp")  # not mkstemp: 0600
    os.close(handle)
    try:
        wb.save(temporary)
        os.replace(temporary, path)
    except PermissionError as exc:
        raise ExportError(
            f"Không ghi được tệp {path}: tệp đang được mở (ví dụ trong Excel) hoặc thư mục không cho phép ghi. "
            "Hãy đóng tệp rồi thử lại."
        ) from exc
    except OSError as exc:
        raise ExportError(f"Không ghi được tệp {path}: {exc.strerror or exc}.") from exc
    finally:
        if os.path.exists(temporary):
            os.unlink(temporary)


# --- the tracking table -------------------------------------------------------------


@dataclass
class TrackingRow:
    """One task as the table shows it; every value already chosen for the period."""

    number: str
    content: str
    depth: int = 0
    has_children: bool = False
    schedule_text: str = ""
    due: date | None = None  # the parsed date the task is judged against
    lead: str = ""
    coordinate: str = ""
    status_label: str = ""
    percent: int | None = None
    result: str = ""
    evidence: str = ""
    difficulties: str = ""
    note: str = ""  # Quá hạn / Sắp đến hạn, and where the values come from
    extras: dict[str, str] = field(default_factory=dict)  # the plan's own columns: header → text


@dataclass
class TrackingSection:
    label: str  # "I. CẢI CÁCH THỂ CHẾ"
    level: int = 0  # 1 for a sub-section (B → I)
    rows: list[TrackingRow] = field(default_factory=list)


@dataclass
class TrackingTable:
    title_lines: list[str]  # the plan, the period, the date
    sections: list[TrackingSection]
    sheet_title: str = "Theo dõi"
    # Columns of the imported plan the program has no field for ("Nguồn kinh phí"),
    # printed after the tracking columns, in the plan's order.
    extra_columns: list[str] = field(default_factory=list)


EXTRA_COLUMN_WIDTH = 24
TRACKING_COLUMNS = (
    ("TT", 7),
    ("Nội dung nhiệm vụ", 48),
    ("Thời hạn", 20),
    ("Hạn (ngày)", 12),
    ("Đơn vị chủ trì", 22),
    ("Đơn vị phối hợp", 22),
    ("Trạng thái", 15),
    ("Tỷ lệ hoàn thành (%)", 11),
    ("Kết quả thực hiện", 45),
    ("Tài liệu kiểm chứng", 32),
    ("Khó khăn, vướng mắc", 26),
    ("Ghi chú", 18),
)


def write_tracking_table(table: TrackingTable, path: Path | str, *, paper: str | None = None) -> list[CellNote]:
    """Write the table; returns the changes made to texts Excel could not hold."""
    wb = Workbook()
    ws = wb.active
    ws.title = table.sheet_title[:31]
    writer = CellWriter(ws)
    headers = list(TRACKING_COLUMNS) + [(title, EXTRA_COLUMN_WIDTH) for title in table.extra_columns]
    columns = len(headers)
    row = 1
    for index, line in enumerate(table.title_lines):
        font = TITLE_FONT if index == 0 else ITALIC_FONT if index >= 2 else BOLD_FONT
        merged_row(writer, row, 1, columns, line, font=font, alignment=HEADER_ALIGN)
        row += 1
    row += 1
    header_row = row
    for column, (title, _) in enumerate(headers, start=1):
        writer.text(
            header_row, column, title, font=HEADER_FONT, alignment=HEADER_ALIGN, fill=HEADER_FILL, border=BORDER
        )
    row += 1
    for section in table.sections:
        merged_row(
            writer, row, 1, columns, section.label,
            font=BOLD_FONT, alignment=WRAP_TOP, fill=SECTION_FILL, border=BORDER,
        )  # fmt: skip
        row += 1
        for item in section.rows:
            _tracking_row(writer, row, item)
            for offset, title in enumerate(table.extra_columns, start=len(TRACKING_COLUMNS) + 1):
                writer.text(row, offset, item.extras.get(title, ""), font=BODY_FONT, alignment=WRAP_TOP, border=BORDER)
            row += 1
    set_widths(ws, [width for _, width in headers])
    fit_row_heights(ws, 1, row - 1)
    ws.freeze_panes = ws.cell(row=header_row + 1, column=1)
    ws.auto_filter.ref = f"A{header_row}:{get_column_letter(columns)}{max(row - 1, header_row)}"
    print_setup(ws, header_row, columns, paper=paper, title_columns="A:B")
    save_workbook(wb, Path(path))
    return writer.notes


def _tracking_row(writer: CellWriter, row: int, item: TrackingRow) -> None:
    font = BOLD_FONT if item.has_children else BODY_FONT
    body = {"font": BODY_FONT, "alignment": WRAP_TOP, "border": BORDER}
    writer.text(row, 1, item.number, font=font, alignment=WRAP_CENTER, border=BORDER)
    writer.text(
        row, 2, item.content, font=font, border=BORDER,
        alignment=Alignment(wrap_text=True, vertical="top", indent=min(item.depth * 2, 15)),
    )  # fmt: skip
    writer.text(row, 3, item.schedule_text, **body)
    writer.value(row, 4, item.due, font=BODY_FONT, alignment=WRAP_CENTER, border=BORDER)
    writer.text(row, 5, item.lead, **body)
    writer.text(row, 6, item.coordinate, **body)
    writer.text(row, 7, item.status_label, **body)
    writer.value(row, 8, item.percent, font=BODY_FONT, alignment=WRAP_CENTER, border=BORDER)
    writer.text(row, 9, item.result, **body)
    writer.text(row, 10, item.evidence, **body)
    writer.text(row, 11, item.difficulties, **body)
    writer.text(row, 12, item.note, **body)
