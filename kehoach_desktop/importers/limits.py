"""The limits every file the program reads stays within, checked before any library parses it.

Plans (.docx, .xlsx, text) and unit forms alike. openpyxl and python-docx build
the whole document in memory, and a small file can describe an enormous one:
a 17 kB workbook whose merged ranges cover a billion cells, a 706 kB document
whose column spans make a table millions of cells wide, a lone cell at
XFD1048576 that makes a form reader walk a million rows (issue 14: tens of
seconds, gigabytes, or MemoryError). So before python-docx or openpyxl sees a
package, every XML part is read once here with expat, streaming (a few kB at a
time, nothing kept), counting what the libraries and readers would build; the
file is refused, with a Vietnamese message naming the limit, as soon as one is
crossed. sniff.inspect_package has already checked the ZIP (sizes, entry count,
DOCTYPE declarations) and the kind of file.

The limits (documented in README, «Giới hạn tệp nhập»):
"""

from __future__ import annotations

import re
import zipfile
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from xml.parsers import expat

from kehoach_desktop.importers.base import ImportFailed

MAX_ROWS = 20_000  # rows of one sheet; rows of all the tables of a document
MAX_COLUMNS = 200  # columns of a sheet; grid columns of a table row (column spans included)
MAX_CELLS = 200_000  # cells of a workbook or a document, as the readers lay them out
MAX_MERGED_CELLS = 100_000  # cells covered by merged ranges, all sheets together
MAX_MERGED_RANGES = 10_000
MAX_CELL_TEXT = 32_767  # characters in one cell (Excel's own limit)
MAX_TEXT = 5_000_000  # characters of text in the whole file
MAX_TABLE_DEPTH = 10  # tables inside tables
MAX_SHEETS = 255
MAX_ELEMENTS = 1_000_000  # XML elements of all the parts together
MAX_XML_BYTES = 40 * 1024 * 1024  # XML parts together, uncompressed
MAX_LINES = 100_000  # lines of a text plan
MAX_LINE = 100_000  # characters in one line of a text plan

CHUNK = 64 * 1024
XLSX_MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
W_MAIN = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
REL_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
PKG_REL_NS = "http://schemas.openxmlformats.org/package/2006/relationships"

_CELL_REF = re.compile(r"^\$?([A-Za-z]{1,3})\$?(\d{1,7})$")
_RANGE = re.compile(r"^\$?([A-Za-z]{1,3})\$?(\d{1,7}):\$?([A-Za-z]{1,3})\$?(\d{1,7})$")


class LimitExceeded(ImportFailed):
    """The file is beyond a documented limit; the message names the file and the limit."""


def _grouped(number: int) -> str:
    return f"{number:,}".replace(",", ".")


def _refuse(path: Path | str, reason: str) -> LimitExceeded:
    return LimitExceeded(
        f"Không nhập được tệp «{Path(path).name}»: {reason}; chương trình không đọc tiếp để tránh treo máy. "
        "Hãy chép riêng bảng nhiệm vụ sang một tệp mới (hoặc xóa các dòng, cột thừa và các ô gộp thừa) rồi nhập tệp đó."
    )


# ---------------------------------------------------------------- text


def check_text(text: str, source_name: str) -> None:
    """Refuse pasted text, or a decoded .txt/.md file, beyond the text limits."""
    if len(text) > MAX_TEXT:
        raise _refuse(source_name, f"văn bản quá dài ({_grouped(len(text))} ký tự; tối đa {_grouped(MAX_TEXT)})")
    lines = text.count("\n") + 1
    if lines > MAX_LINES:
        raise _refuse(source_name, f"văn bản có {_grouped(lines)} dòng (tối đa {_grouped(MAX_LINES)} dòng)")
    for number, line in enumerate(text.split("\n"), start=1):
        if len(line) > MAX_LINE:
            raise _refuse(
                source_name, f"dòng {_grouped(number)} dài {_grouped(len(line))} ký tự (tối đa {_grouped(MAX_LINE)})"
            )
        if line.count("\t") >= MAX_COLUMNS:
            raise _refuse(
                source_name, f"dòng {_grouped(number)} có hơn {MAX_COLUMNS} cột (tối đa {MAX_COLUMNS} cột)"
            )


# ---------------------------------------------------------------- packages


@dataclass
class _Budget:
    """What the whole package has used so far."""

    path: Path
    elements: int = 0
    cells: int = 0
    text: int = 0
    merged_cells: int = 0
    merged_ranges: int = 0

    def element(self) -> None:
        self.elements += 1
        if self.elements > MAX_ELEMENTS:
            raise _refuse(self.path, f"tệp có hơn {_grouped(MAX_ELEMENTS)} thành phần XML (tối đa "
                                     f"{_grouped(MAX_ELEMENTS)}), bất thường với một tài liệu Word/Excel")  # fmt: skip

    def cell(self, where: str) -> None:
        self.cells += 1
        if self.cells > MAX_CELLS:
            raise _refuse(self.path, f"{where}: tệp có hơn {_grouped(MAX_CELLS)} ô (tối đa {_grouped(MAX_CELLS)} ô)")

    def characters(self, count: int) -> None:
        self.text += count
        if self.text > MAX_TEXT:
            raise _refuse(self.path, f"tệp có hơn {_grouped(MAX_TEXT)} ký tự chữ (tối đa {_grouped(MAX_TEXT)})")


def check_package(path: Path | str, kind: str) -> None:
    """Refuse a .docx or .xlsx (a plan or a unit form) beyond the limits.

    `kind` is what sniff found ("docx" / "xlsx"; anything else is not checked
    here). LimitExceeded (an ImportFailed) names the limit; a package too
    broken to scan is left to the reader, which says it is damaged.

    The parts the readers walk (the document, the sheets, the shared strings)
    are parsed with expat; the others (styles, themes, settings: parsed whole
    by the libraries, never walked) only have their tags counted, at the speed
    of bytes.count, against the element budget."""
    path = Path(path)
    if kind not in ("docx", "xlsx"):
        return
    try:
        with zipfile.ZipFile(path) as archive:
            parts = [info for info in archive.infolist() if _is_xml(info.filename)]
            declared = sum(info.file_size for info in parts)
            if declared > MAX_XML_BYTES:
                raise _refuse(path, f"phần nội dung XML của tệp giải nén ra {declared // (1024 * 1024)} MB "
                                    f"(tối đa {MAX_XML_BYTES // (1024 * 1024)} MB)")  # fmt: skip
            budget = _Budget(path)
            scanner = _XlsxScan(path, archive, budget) if kind == "xlsx" else _DocxScan(path, budget)
            for info in sorted(parts, key=scanner.order):
                handlers = scanner.handlers(info.filename)
                if handlers is None:
                    _count_tags(archive, info, budget)
                else:
                    _stream(archive, info, handlers, budget)
    except (LimitExceeded, MemoryError):
        raise
    except ImportFailed:
        raise
    except Exception:  # a damaged package: not this module's verdict (the reader words it)
        return


def _is_xml(name: str) -> bool:
    return name.lower().endswith((".xml", ".rels", ".vml"))


@dataclass
class _Handlers:
    """What to call for the elements (by their full "namespace local" name) of one part."""

    start: dict[str, Callable[[dict], None]] = field(default_factory=dict)
    end: dict[str, Callable[[], None]] = field(default_factory=dict)
    text: Callable[[str], None] | None = None


def _stream(archive: zipfile.ZipFile, info: zipfile.ZipInfo, handlers: _Handlers, budget: _Budget) -> None:
    parser = expat.ParserCreate(namespace_separator=" ")
    parser.buffer_text = True
    parser.buffer_size = CHUNK
    on_start, on_end = handlers.start, handlers.end

    def start(name: str, attributes: dict) -> None:
        budget.elements += 1
        if budget.elements > MAX_ELEMENTS:
            budget.element()  # raises, with the message
        handler = on_start.get(name)
        if handler is not None:
            handler(attributes)

    def end(name: str) -> None:
        handler = on_end.get(name)
        if handler is not None:
            handler()

    def refuse_declarations(*_args) -> None:
        raise _refuse(budget.path, f"phần «{info.filename}» khai báo DOCTYPE/ENTITY")

    parser.StartElementHandler = start
    if on_end:
        parser.EndElementHandler = end
    if handlers.text is not None:
        parser.CharacterDataHandler = handlers.text
    parser.StartDoctypeDeclHandler = refuse_declarations
    parser.EntityDeclHandler = refuse_declarations
    parser.SetParamEntityParsing(expat.XML_PARAM_ENTITY_PARSING_NEVER)
    with archive.open(info) as stream:
        while chunk := stream.read(CHUNK):
            parser.Parse(chunk, False)
        parser.Parse(b"", True)


def _count_tags(archive: zipfile.ZipFile, info: zipfile.ZipInfo, budget: _Budget) -> None:
    """Elements of a part no reader walks, counted from its start tags (an upper
    bound: comments and declarations count too)."""
    with archive.open(info) as stream:
        while chunk := stream.read(CHUNK * 16):
            budget.elements += chunk.count(b"<") - chunk.count(b"</")
            if budget.elements > MAX_ELEMENTS:
                budget.element()


def _column_number(letters: str) -> int:
    number = 0
    for letter in letters.upper():
        number = number * 26 + ord(letter) - 64
    return number


# ---------------------------------------------------------------- .xlsx

X = XLSX_MAIN + " "


class _XlsxScan:
    """Sheets: cell positions, cells, merged ranges, text; shared strings: text."""

    def __init__(self, path: Path, archive: zipfile.ZipFile, budget: _Budget):
        self.path = path
        self.budget = budget
        self.names = _sheet_names(archive, budget)
        if len(self.names) > MAX_SHEETS:
            raise _refuse(path, f"sổ tính có {_grouped(len(self.names))} trang tính (tối đa {MAX_SHEETS})")

    @staticmethod
    def order(info: zipfile.ZipInfo) -> tuple[int, str]:
        # Sheets first: what makes a workbook too big is most often there.
        return (0 if info.filename.startswith("xl/worksheets/") else 1, info.filename)

    def handlers(self, part: str) -> _Handlers | None:
        if re.match(r"^xl/worksheets/[^/]+\.xml$", part):
            return _SheetScan(self.path, self.names.get(part, part.rsplit("/", 1)[-1]), self.budget).handlers()
        if part == "xl/sharedStrings.xml":
            return _SharedStrings(self.path, self.budget).handlers()
        return None


def _sheet_names(archive: zipfile.ZipFile, budget: _Budget) -> dict[str, str]:
    """{part name: sheet name}, read from the workbook and its relationships (streaming)."""
    names = set(archive.namelist())
    sheets: list[tuple[str, str]] = []
    targets: dict[str, str] = {}

    def sheet(attributes: dict) -> None:
        if len(sheets) <= MAX_SHEETS:
            sheets.append((attributes.get(f"{REL_NS} id", ""), attributes.get("name", "")))

    def relationship(attributes: dict) -> None:
        if len(targets) <= MAX_SHEETS * 4:
            target = attributes.get("Target", "")
            targets[attributes.get("Id", "")] = target.lstrip("/") if target.startswith("/") else f"xl/{target}"

    for part, handlers in (
        ("xl/workbook.xml", _Handlers(start={X + "sheet": sheet})),
        ("xl/_rels/workbook.xml.rels", _Handlers(start={f"{PKG_REL_NS} Relationship": relationship})),
    ):
        if part in names:
            _stream(archive, archive.getinfo(part), handlers, budget)
    return {targets[rel]: name for rel, name in sheets if rel in targets}


class _SheetScan:
    def __init__(self, path: Path, name: str, budget: _Budget):
        self.path, self.name, self.budget = path, name, budget
        self.row = 0
        self.column = 0
        self.cell_has_value = False
        self.in_text = False
        self.cell_text = 0

    def handlers(self) -> _Handlers:
        start: dict[str, Callable[[dict], None]] = {
            X + "row": self.start_row, X + "c": self.start_cell, X + "mergeCell": self.merged,
        }  # fmt: skip
        end: dict[str, Callable[[], None]] = {X + "c": self.end_cell}
        for tag in ("v", "t", "f"):
            start[X + tag] = self.start_text
            end[X + tag] = self.end_text
        return _Handlers(start, end, self.text)

    def start_row(self, attributes: dict) -> None:
        number = attributes.get("r", "")
        self.row = int(number) if number.isdigit() and len(number) < 9 else self.row + 1
        self.column = 0

    def start_cell(self, attributes: dict) -> None:
        self.budget.cell(f"trang tính «{self.name}»")
        reference = _CELL_REF.match(attributes.get("r", ""))
        if reference:
            self.column, self.row = _column_number(reference[1]), int(reference[2])
        else:
            self.column += 1
        self.cell_has_value = False
        self.cell_text = 0

    def end_cell(self) -> None:
        if self.row <= MAX_ROWS and self.column <= MAX_COLUMNS:
            return
        what = "có dữ liệu" if self.cell_has_value else "có ô (trống, có định dạng)"
        place = f"tới dòng {_grouped(self.row)}" if self.row > MAX_ROWS else f"tới cột thứ {_grouped(self.column)}"
        raise _refuse(self.path, f"trang tính «{self.name}» quá lớn ({what} {place}); chương trình nhận tối đa "
                                 f"{_grouped(MAX_ROWS)} dòng và {MAX_COLUMNS} cột cho một trang tính")  # fmt: skip

    def start_text(self, attributes: dict) -> None:
        self.in_text = True
        self.cell_has_value = True

    def end_text(self) -> None:
        self.in_text = False

    def text(self, data: str) -> None:
        if self.in_text:
            self.cell_text += len(data)
            self.budget.characters(len(data))
            if self.cell_text > MAX_CELL_TEXT:
                raise _refuse(self.path, f"trang tính «{self.name}», ô ở dòng {_grouped(self.row)} có hơn "
                                         f"{_grouped(MAX_CELL_TEXT)} ký tự (giới hạn của một ô)")  # fmt: skip

    def merged(self, attributes: dict) -> None:
        reference = attributes.get("ref", "")
        match = _RANGE.match(reference)
        if not match:
            return
        first_column, first_row = _column_number(match[1]), int(match[2])
        last_column, last_row = _column_number(match[3]), int(match[4])
        budget = self.budget
        budget.merged_ranges += 1
        budget.merged_cells += (abs(last_row - first_row) + 1) * (abs(last_column - first_column) + 1)
        if max(first_row, last_row) > MAX_ROWS or max(first_column, last_column) > MAX_COLUMNS:
            raise _refuse(self.path, f"trang tính «{self.name}» có vùng gộp ô {reference} vượt quá "
                                     f"{_grouped(MAX_ROWS)} dòng, {MAX_COLUMNS} cột")  # fmt: skip
        if budget.merged_cells > MAX_MERGED_CELLS:
            raise _refuse(self.path, f"các vùng gộp ô phủ hơn {_grouped(MAX_MERGED_CELLS)} ô (tối đa "
                                     f"{_grouped(MAX_MERGED_CELLS)} ô gộp)")  # fmt: skip
        if budget.merged_ranges > MAX_MERGED_RANGES:
            raise _refuse(self.path, f"tệp có hơn {_grouped(MAX_MERGED_RANGES)} vùng gộp ô (tối đa "
                                     f"{_grouped(MAX_MERGED_RANGES)})")  # fmt: skip


class _SharedStrings:
    def __init__(self, path: Path, budget: _Budget):
        self.path, self.budget = path, budget
        self.strings = 0
        self.in_text = False
        self.length = 0

    def handlers(self) -> _Handlers:
        return _Handlers({X + "si": self.start_string, X + "t": self.start_text}, {X + "t": self.end_text}, self.text)

    def start_string(self, attributes: dict) -> None:
        self.strings += 1
        self.length = 0
        if self.strings > MAX_CELLS:
            raise _refuse(self.path, f"tệp có hơn {_grouped(MAX_CELLS)} chuỗi chữ (tối đa {_grouped(MAX_CELLS)})")

    def start_text(self, attributes: dict) -> None:
        self.in_text = True

    def end_text(self) -> None:
        self.in_text = False

    def text(self, data: str) -> None:
        if self.in_text:
            self.length += len(data)
            self.budget.characters(len(data))
            if self.length > MAX_CELL_TEXT:
                raise _refuse(self.path, f"một ô có hơn {_grouped(MAX_CELL_TEXT)} ký tự (giới hạn của một ô)")


# ---------------------------------------------------------------- .docx

W = W_MAIN + " "


@dataclass
class _Table:
    grid_columns: int = 0
    rows: int = 0
    widest: int = 0


@dataclass
class _DocxScan:
    """The document's tables: rows, grid width (spans included), cells laid out,
    nesting; text (per cell and in all)."""

    path: Path
    budget: _Budget
    tables: list[_Table] = field(default_factory=list)
    rows: int = 0
    row_width: int = 0
    laid_out: int = 0  # cells the reader lays out: rows x widest row, per table
    in_text: bool = False
    cell_text: list[int] = field(default_factory=list)

    @staticmethod
    def order(info: zipfile.ZipInfo) -> tuple[int, str]:
        return (0 if info.filename == "word/document.xml" else 1, info.filename)

    def handlers(self, part: str) -> _Handlers | None:
        if part != "word/document.xml":
            return None
        start: dict[str, Callable[[dict], None]] = {
            W + "tbl": self.start_table, W + "tr": self.start_row, W + "tc": self.start_cell,
            W + "gridCol": self.grid_column, W + "gridSpan": self.span, W + "gridBefore": self.gap,
            W + "gridAfter": self.gap, W + "t": self.start_text,
        }  # fmt: skip
        end: dict[str, Callable[[], None]] = {
            W + "tbl": self.end_table, W + "tr": self.end_row, W + "tc": self.end_cell, W + "t": self.end_text,
        }  # fmt: skip
        return _Handlers(start, end, self.text)

    def start_table(self, attributes: dict) -> None:
        self.tables.append(_Table())
        if len(self.tables) > MAX_TABLE_DEPTH:
            raise _refuse(self.path, f"có bảng lồng trong bảng quá {MAX_TABLE_DEPTH} tầng (tối đa {MAX_TABLE_DEPTH})")

    def end_table(self) -> None:
        if not self.tables:
            return
        table = self.tables.pop()
        self.laid_out += table.rows * max(table.widest, table.grid_columns)
        if self.laid_out > MAX_CELLS:
            self._too_many_laid_out()

    def _too_many_laid_out(self) -> None:
        raise _refuse(self.path, f"các bảng trải ra hơn {_grouped(MAX_CELLS)} ô (tối đa {_grouped(MAX_CELLS)} ô, "
                                 "tính cả ô gộp)")  # fmt: skip

    def start_row(self, attributes: dict) -> None:
        if not self.tables:
            return
        self.rows += 1
        self.tables[-1].rows += 1
        self.row_width = 0
        if self.rows > MAX_ROWS:
            raise _refuse(self.path, f"các bảng có hơn {_grouped(MAX_ROWS)} dòng (tối đa {_grouped(MAX_ROWS)} "
                                     "dòng cho cả tài liệu)")  # fmt: skip

    def end_row(self) -> None:
        if not self.tables:
            return
        table = self.tables[-1]
        table.widest = max(table.widest, self.row_width)
        if self.laid_out + table.rows * max(table.widest, table.grid_columns) > MAX_CELLS:
            self._too_many_laid_out()

    def start_cell(self, attributes: dict) -> None:
        self.budget.cell("bảng")
        self.row_width += 1
        self.cell_text.append(0)
        self._check_width(self.row_width, "có dòng rộng")

    def end_cell(self) -> None:
        if self.cell_text:
            self.cell_text.pop()

    def grid_column(self, attributes: dict) -> None:
        if self.tables:
            self.tables[-1].grid_columns += 1
            self._check_width(self.tables[-1].grid_columns, "có lưới")

    def span(self, attributes: dict) -> None:
        self.row_width += _span(attributes.get(W + "val", "1")) - 1
        self._check_width(self.row_width, "có dòng rộng")

    def gap(self, attributes: dict) -> None:
        self.row_width += _span(attributes.get(W + "val", "0"), least=0)
        self._check_width(self.row_width, "có dòng rộng")

    def start_text(self, attributes: dict) -> None:
        self.in_text = True

    def end_text(self) -> None:
        self.in_text = False

    def text(self, data: str) -> None:
        if not self.in_text:
            return
        self.budget.characters(len(data))
        if self.cell_text:
            self.cell_text[-1] += len(data)
            if self.cell_text[-1] > MAX_CELL_TEXT:
                raise _refuse(self.path, f"một ô của bảng có hơn {_grouped(MAX_CELL_TEXT)} ký tự (giới hạn của một ô)")

    def _check_width(self, width: int, what: str) -> None:
        if width > MAX_COLUMNS:
            raise _refuse(self.path, f"một bảng {what} hơn {MAX_COLUMNS} cột (tính cả ô gộp ngang; tối đa "
                                     f"{MAX_COLUMNS} cột)")  # fmt: skip


def _span(text: str, least: int = 1) -> int:
    if len(text) > 9:
        return MAX_COLUMNS + 1
    try:
        return max(least, int(text))
    except ValueError:
        return least
