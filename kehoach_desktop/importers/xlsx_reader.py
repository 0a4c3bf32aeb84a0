"""Read a .xlsx: every visible sheet as rows of cell texts, as Excel shows them.

Bounded before loading. openpyxl's normal mode loads every cell, and its
read-only mode trusts the sheet's stated <dimension> (a file that lies loses
rows). So before openpyxl sees the file, each worksheet's XML is streamed once
(defusedxml, DTDs forbidden, elements cleared as they pass) counting the rows
and cells really present and the highest row and column holding a value; a
sheet over the limits is refused with its name, as soon as a limit is crossed,
without reading the rest. The same pass notes formula cells that have no
cached value. Only then does openpyxl load the workbook (normal mode,
data_only=True: the values Excel last calculated).

Rows and cells: a merged range's text is in its top-left cell, "" in the cells
to its right; a range merged down several rows gives its text to the first
column of every row it spans (RawRow.merged_above says which); a merge across
all used columns marks the row spans_whole_row. Empty rows,
and empty columns at either side, are left out. Numbers and dates are rendered
the way Excel displays them with the cell's number format (an integer 3 → "3",
3.1 → "3.1", "0.00" → "3.10", "0%" → "85%", dates dd/mm/yyyy), with "." as the
decimal point: the file does not record the user's regional settings.
Hidden sheets are skipped with a warning. The title rows above the table
(rows with fewer than 3 filled cells before the first row with 3) go to
document_header.read_header.
"""

from __future__ import annotations

import logging
import posixpath
import re
import warnings
import zipfile
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path

import defusedxml.ElementTree as SafeET
import openpyxl
from openpyxl.utils import column_index_from_string, get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from kehoach_desktop.domain.drafts import ImportWarning
from kehoach_desktop.domain.text import tidy
from kehoach_desktop.importers import limits, sniff
from kehoach_desktop.importers.base import ImportFailed, RawDocument, RawRow, RawTable
from kehoach_desktop.importers.document_header import read_header

log = logging.getLogger(__name__)

MAX_ROWS = 20_000  # highest row holding a value
MAX_COLUMNS = 200  # highest column holding a value
MAX_CELLS = 500_000  # <c> elements, empty styled ones included: each costs openpyxl memory
MAX_ROW_ELEMENTS = 100_000  # <row> elements, empty ones included
TITLE_ROW_MAX_FILLED = 2
FORMULA_CELLS_LISTED = 10

_CELL_REF = re.compile(r"^\$?([A-Za-z]{1,3})\$?(\d{1,7})$")
_REL_NS = "{http://schemas.openxmlformats.org/package/2006/relationships}"


def read(path: Path) -> RawDocument:
    """Every visible sheet of the .xlsx as a RawTable, and the header data of its title rows."""
    path = Path(path)
    package = sniff.inspect_package(path)
    limits.check_package(path, package.kind)
    if package.kind != "xlsx":
        raise sniff.wrong_kind_message(path, package.kind, "xlsx")
    try:
        scans = _prescan(path, package.main_part)
        workbook = _load(path)
        document = _read_workbook(path, workbook, scans)
    except ImportFailed:
        raise
    except MemoryError as exc:
        raise sniff.fail(path, "tệp quá lớn, không đủ bộ nhớ để đọc.") from exc
    except Exception as exc:  # zipfile, XML, openpyxl descriptors ...: one message for all
        log.warning("cannot read %s", path, exc_info=True)
        raise sniff.corrupt_message(path, "xlsx") from exc
    return document


def _load(path: Path):
    # A file object: openpyxl then does not insist on the extension (never trusted here).
    with open(path, "rb") as handle, warnings.catch_warnings():
        warnings.simplefilter("ignore")  # "extension not supported" and the like
        return openpyxl.load_workbook(handle, read_only=False, data_only=True, keep_links=False)


# ---------------------------------------------------------------- the bounded pre-scan


@dataclass
class _SheetScan:
    name: str
    rows_seen: int = 0
    cells_seen: int = 0
    max_row: int = 0  # highest row index holding a value
    max_column: int = 0
    formulas_without_value: list[str] = field(default_factory=list)


def _prescan(path: Path, workbook_part: str) -> dict[str, _SheetScan]:
    """{sheet name: what its XML really holds}; ImportFailed for a sheet over the limits."""
    scans: dict[str, _SheetScan] = {}
    with zipfile.ZipFile(path) as archive:
        names = set(archive.namelist())
        parts = _sheet_parts(archive, workbook_part, names)
        for part in sorted(name for name in names if re.match(r"^xl/worksheets/[^/]+\.xml$", name)):
            parts.setdefault(part, posixpath.basename(part))
        for part, sheet_name in parts.items():
            if part in names:
                scans[sheet_name] = _scan_sheet(path, archive, part, sheet_name)
    return scans


def _local(tag) -> str:
    return tag.rsplit("}", 1)[-1] if isinstance(tag, str) else ""


def _sheet_parts(archive: zipfile.ZipFile, workbook_part: str, names: set[str]) -> dict[str, str]:
    """{part name: sheet name} from the workbook and its relationships."""
    rels_part = posixpath.join(posixpath.dirname(workbook_part), "_rels",
                               posixpath.basename(workbook_part) + ".rels")
    if workbook_part not in names or rels_part not in names:
        return {}
    workbook = SafeET.fromstring(archive.read(workbook_part), forbid_dtd=True)
    relationships = SafeET.fromstring(archive.read(rels_part), forbid_dtd=True)
    targets = {}
    for rel in relationships.iter(f"{_REL_NS}Relationship"):
        target = rel.get("Target", "")
        if target.startswith("/"):
            resolved = target.lstrip("/")
        else:
            resolved = posixpath.normpath(posixpath.join(posixpath.dirname(workbook_part), target))
        targets[rel.get("Id")] = resolved
    parts: dict[str, str] = {}
    for sheet in workbook.iter():
        if _local(sheet.tag) != "sheet":
            continue
        rel_id = next((value for key, value in sheet.attrib.items() if _local(key) == "id"), None)
        if rel_id in targets:
            parts[targets[rel_id]] = sheet.get("name", "")
    return parts


def _scan_sheet(path: Path, archive: zipfile.ZipFile, part: str, sheet_name: str) -> _SheetScan:
    scan = _SheetScan(sheet_name)
    row_index = 0
    column_index = 0
    with archive.open(part) as stream:
        for event, element in SafeET.iterparse(stream, events=("start", "end"), forbid_dtd=True):
            name = _local(element.tag)
            if event == "start":
                if name == "row":  # before its cells, which may not say their row
                    number = element.get("r") or ""
                    row_index = int(number) if number.isdigit() and len(number) < 9 else row_index + 1
                    column_index = 0
                continue
            if name == "c":
                scan.cells_seen += 1
                reference = _CELL_REF.match(element.get("r", ""))
                if reference:
                    column_index = column_index_from_string(reference.group(1).upper())
                    row_index = int(reference.group(2))
                else:
                    column_index += 1
                _note_cell(scan, element, row_index, column_index)
                element.clear()
            elif name == "row":
                scan.rows_seen += 1
                element.clear()
            else:
                continue
            _check_limits(path, scan)
    return scan


def _note_cell(scan: _SheetScan, cell, row_index: int, column_index: int) -> None:
    children = {_local(child.tag): child for child in cell}
    value = children.get("v")
    has_value = (value is not None and (value.text or "") != "") or "is" in children
    formula = children.get("f")
    if formula is not None and not has_value:
        scan.formulas_without_value.append(f"{get_column_letter(max(column_index, 1))}{row_index}")
    if has_value or formula is not None:
        scan.max_row = max(scan.max_row, row_index)
        scan.max_column = max(scan.max_column, column_index)


def _check_limits(path: Path, scan: _SheetScan) -> None:
    if scan.max_row > MAX_ROWS or scan.rows_seen > MAX_ROW_ELEMENTS:
        detail = f"có dữ liệu tới dòng {_grouped(max(scan.max_row, scan.rows_seen))}"
    elif scan.max_column > MAX_COLUMNS:
        detail = f"có dữ liệu tới cột thứ {_grouped(scan.max_column)}"
    elif scan.cells_seen > MAX_CELLS:
        detail = f"có hơn {_grouped(MAX_CELLS)} ô"
    else:
        return
    raise sniff.fail(
        path,
        f"trang tính «{scan.name}» quá lớn ({detail}); chương trình nhận tối đa "
        f"{_grouped(MAX_ROWS)} dòng và {MAX_COLUMNS} cột cho một bảng kế hoạch. Hãy chép riêng "
        "bảng nhiệm vụ sang một tệp Excel mới (hoặc xóa các dòng, cột thừa ở cuối trang tính) "
        "rồi nhập tệp đó.",
    )


def _grouped(number: int) -> str:
    """1000000 → "1.000.000", as Vietnamese text writes it."""
    return f"{number:,}".replace(",", ".")


# ---------------------------------------------------------------- reading the loaded workbook


def _read_workbook(path: Path, workbook, scans: dict[str, _SheetScan]) -> RawDocument:
    document = RawDocument(source_name=path.name, tables=[])
    header_lines: list[str] = []
    for sheet in workbook.worksheets:
        if not isinstance(sheet, Worksheet):
            continue  # a chart sheet
        label = f"trang tính «{sheet.title}»"
        if sheet.sheet_state != "visible":
            document.warnings.append(
                ImportWarning(f"Bỏ qua trang tính ẩn «{sheet.title}».", where=label)
            )
            continue
        scan = scans.get(sheet.title, _SheetScan(sheet.title))
        table, row_numbers = _read_sheet(sheet, label)
        document.tables.append(table)
        document.warnings.extend(_sheet_warnings(sheet, scan, row_numbers, label))
        header_lines.extend(_title_lines(table))
    document.header = read_header(header_lines)
    document.header.source_name = path.name
    return document


def _read_sheet(sheet: Worksheet, label: str) -> tuple[RawTable, list[int]]:
    """The sheet's table, and the sheet row number of each of its rows."""
    texts: dict[tuple[int, int], str] = {}
    for (row, column), cell in _existing_cells(sheet):
        text = display_text(cell.value, cell.number_format)
        if text:
            texts[(row, column)] = text
    if not texts:
        return RawTable(rows=[], label=label), []
    first_column = min(column for _row, column in texts)
    last_column = max(column for _row, column in texts)
    whole_rows = {
        merged.min_row
        for merged in sheet.merged_cells.ranges
        if merged.min_col <= first_column and merged.max_col >= last_column and last_column > first_column
    }
    carried = _merged_down(sheet, texts)
    rows: list[RawRow] = []
    row_numbers: list[int] = []
    for row in sorted({row for row, _column in texts} | {row for row, _column in carried}):
        cells = [texts.get((row, column), "") for column in range(first_column, last_column + 1)]
        merged = {column - first_column for (r, column) in carried if r == row} if carried else set()
        for index in merged:
            cells[index] = carried[(row, index + first_column)]
        if not any(text for i, text in enumerate(cells) if i not in merged):
            continue  # nothing of its own: only merged cells going on
        rows.append(RawRow(cells=cells, where=f"{label}, dòng {row}", spans_whole_row=row in whole_rows,
                           merged_above=frozenset(merged)))  # fmt: skip
        row_numbers.append(row)
    return RawTable(rows=rows, label=label), row_numbers


def _merged_down(sheet: Worksheet, texts: dict[tuple[int, int], str]) -> dict[tuple[int, int], str]:
    """{(row, column): text} for the rows under the first row of a merged range that
    holds text: the merged cell's value belongs to every row it spans (its first
    column only; the columns it covers to the right stay "")."""
    carried: dict[tuple[int, int], str] = {}
    for merged in sheet.merged_cells.ranges:
        if merged.max_row == merged.min_row:
            continue
        text = texts.get((merged.min_row, merged.min_col), "")
        if not text:
            continue
        for row in range(merged.min_row + 1, min(merged.max_row, merged.min_row + MAX_ROWS) + 1):
            carried[(row, merged.min_col)] = text
    return carried


def _existing_cells(sheet: Worksheet):
    """The cells the file holds. openpyxl's public iterators create a Cell for every
    empty position of the grid they walk; its cell map holds only the real ones."""
    cells = getattr(sheet, "_cells", None)
    if isinstance(cells, dict):
        return list(cells.items())
    return [((cell.row, cell.column), cell) for row in sheet.iter_rows() for cell in row]


def _title_lines(table: RawTable) -> list[str]:
    """The title rows above the table: fewer than 3 filled cells, before the first row with 3."""
    lines: list[str] = []
    for row in table.rows:
        filled = [cell for cell in row.cells if cell]
        if len(filled) > TITLE_ROW_MAX_FILLED:
            break
        lines.extend(filled)
    return lines + [""] if lines else []


def _sheet_warnings(
    sheet: Worksheet, scan: _SheetScan, row_numbers: list[int], label: str
) -> list[ImportWarning]:
    found: list[ImportWarning] = []
    if scan.formulas_without_value:
        listed = ", ".join(scan.formulas_without_value[:FORMULA_CELLS_LISTED])
        more = len(scan.formulas_without_value) - FORMULA_CELLS_LISTED
        if more > 0:
            listed += f" và {more} ô khác"
        found.append(
            ImportWarning(
                f"Các ô công thức {listed} chưa có giá trị đã tính (tệp chưa được Excel tính và lưu "
                "lại), nên được đọc là ô trống. Hãy mở tệp bằng Excel, lưu lại rồi nhập lại nếu "
                "các ô này có nội dung.",
                where=label,
            )
        )
    dimensions = sheet.row_dimensions
    hidden_rows = [str(row) for row in row_numbers if row in dimensions and dimensions[row].hidden]
    if hidden_rows:
        found.append(
            ImportWarning(
                f"Có {len(hidden_rows)} dòng đang bị ẩn (dòng {', '.join(hidden_rows[:10])}"
                f"{' …' if len(hidden_rows) > 10 else ''}); các dòng này vẫn được đọc.",
                where=label,
            )
        )
    return found


# ---------------------------------------------------------------- values as Excel shows them


def display_text(value, number_format: str | None) -> str:
    """A cell's value as Excel displays it (see module doc), tidied."""
    if value is None:
        return ""
    if isinstance(value, str):
        return tidy(value)
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, datetime):
        if value.time() != time(0, 0) and "h" in (number_format or "").lower():
            return value.strftime("%d/%m/%Y %H:%M")
        return value.strftime("%d/%m/%Y")
    if isinstance(value, date):
        return value.strftime("%d/%m/%Y")
    if isinstance(value, time):
        return value.strftime("%H:%M")
    if isinstance(value, timedelta):
        return str(value)
    if isinstance(value, (int, float)):
        return _number_text(value, number_format or "General")
    return tidy(str(value))


_LITERALS = re.compile(r'"[^"]*"|\\.|\[[^\]]*\]|_.|\*.')


def _number_text(value: int | float, number_format: str) -> str:
    section = _LITERALS.sub("", number_format.split(";")[0])
    if (
        number_format == "General"
        or "@" in section
        or not re.search(r"[0#?]", section)
        or re.search(r"[eE][+-]|/", section)
    ):
        return _general(value)
    if "%" in section:
        value = value * 100
    integer_part, _, decimal_part = section.partition(".")
    most = len(re.findall(r"[0#?]", decimal_part))
    least = decimal_part.count("0")
    text = _rounded(value, most)
    if most > least and "." in text:
        keep = len(text.split(".")[1])
        while keep > least and text.endswith("0"):
            text, keep = text[:-1], keep - 1
        text = text.rstrip(".")
    if "," in integer_part:
        whole, dot, fraction = text.partition(".")
        sign = "-" if whole.startswith("-") else ""
        whole = f"{int(whole.lstrip('-') or 0):,}"
        text = f"{sign}{whole}{dot}{fraction}"
    return text + ("%" if "%" in section else "")


def _rounded(value: int | float, decimals: int) -> str:
    """Round half away from zero, as Excel does (Python's round() goes to even)."""
    quantum = Decimal(1).scaleb(-decimals)
    return str(Decimal(repr(value)).quantize(quantum, rounding=ROUND_HALF_UP))


def _general(value: int | float) -> str:
    if isinstance(value, int):
        return str(value)
    if value.is_integer() and abs(value) < 1e15:
        return str(int(value))
    return format(value, ".15g").replace("e", "E")
