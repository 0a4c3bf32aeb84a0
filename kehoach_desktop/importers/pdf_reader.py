"""Read a text PDF (a published plan, signed and saved as PDF): its ruled tables as
rows of cell texts, and the text around them.

Library: pypdfium2 (PDFium, the PDF engine of Chrome, compiled; one wheel per
platform, no other dependency). It reads a 40-page appendix with its ruling
lines and text in about 60 ms, as fast as python-docx opens the same plan as
.docx, and opens damaged and odd PDFs the way a browser does. pdfplumber
(pdfminer.six, pure Python) finds the same tables but takes 1–2.5 s for the
same pages, 15–30 times the .docx import, so it stays a test-only tool.

How a table is found:
- ruling lines: every path object that is a thin line or a thin filled
  rectangle (how Word and LibreOffice draw cell borders), and the edges of
  rectangles drawn as outlines, make horizontal and vertical rules;
- rules that touch form a table; the distinct positions of its vertical rules
  are its columns, of its horizontal rules its rows (a grid);
- two neighbouring grid cells without a rule between them are one merged cell:
  across columns its text is in its first column ("" after, as in Word), down
  rows it is given to every row it spans (RawRow.merged_above);
- a cell's text is the text inside its rectangle, its wrapped lines joined
  with spaces (a "- " item keeps its own line);
- a table going on at the top of the next page with the same columns is the
  same table: its first row there is marked after_break, so that a header row
  printed again is dropped and a row cut by the page break is joined
  (interpret.py); a cell merged down to the bottom of the page and empty at
  the top of the next one goes on merged.
Text outside the tables, page by page, is the document's header and body; the
line right above a table is its heading.

A PDF without a text layer (a scan) is refused, saying exactly that; so is one
that needs a password or cannot be opened.
"""

from __future__ import annotations

import ctypes
import logging
import re
from dataclasses import dataclass, field
from pathlib import Path

from kehoach_desktop.domain.text import tidy
from kehoach_desktop.importers import sniff
from kehoach_desktop.importers.base import ImportFailed, RawDocument, RawRow, RawTable
from kehoach_desktop.importers.document_header import read_header
from kehoach_desktop.importers.rows import cell_evidence, continuation_score, join_continued

log = logging.getLogger(__name__)

MAX_PAGES = 500
THIN = 3.0  # points: a line or a filled rectangle this thin is a rule
MIN_RULE = 4.0  # points: shorter marks are not rules
SNAP = 2.0  # points: rules this close are one position
MAX_PATH_SEGMENTS = 64  # a path with more segments is a drawing, not borders
MIN_TEXT_CHARS = 20  # fewer characters in the whole file: no text layer (a scan)
CELL_INSET = 0.8  # points inside a cell's side rules where its text is read
CELL_INSET_Y = 2.5  # points inside its top and bottom rules
SAME_COLUMNS = 3.0  # points: a table on the next page with columns this close goes on
HEADER_ROWS = 3  # rows at the top of a table that a page may print again
OPENING_GAP = 10.0  # points: a line reaching this far past the page's middle on both sides is centred

_LIST_LINE = re.compile(r"^\s*[-+•–]\s")
_GLUED_END = re.compile(r"\S[-/]$")  # "2025-" + "2030": one word cut at a dash or slash
_PARAGRAPH_END = re.compile(r"[.;:!?]$")
_NUMBERED_LINE = re.compile(r"\d{1,2}(\.\d{1,2})*[.)]\s")  # "1. Các nhiệm vụ …": a heading of its own
_NUMBER_PIECE = re.compile(r"[0-9IVXLA-ZĐ.]{1,8}")  # a number or ordinal cut by a narrow column


def read(path: Path) -> RawDocument:
    """The tables and text of a text PDF (see module doc)."""
    path = Path(path)
    import pypdfium2 as pdfium  # imported here: a .docx import never loads PDFium

    try:
        document = pdfium.PdfDocument(str(path))
    except pdfium.PdfiumError as exc:
        raise _open_failure(path, exc) from exc
    try:
        return _read_document(path, document)
    except ImportFailed:
        raise
    except MemoryError as exc:
        raise sniff.fail(path, "tệp quá lớn, không đủ bộ nhớ để đọc.") from exc
    except Exception as exc:  # PDFium, ctypes …: one message for all
        log.warning("cannot read %s", path, exc_info=True)
        raise sniff.fail(path, "tệp PDF bị hỏng hoặc có cấu trúc lạ, không đọc được.") from exc
    finally:
        document.close()


def _open_failure(path: Path, exc: Exception) -> ImportFailed:
    if "password" in str(exc).lower():
        return sniff.fail(path, "tệp PDF được bảo vệ bằng mật khẩu; hãy dùng bản không đặt mật khẩu.")
    return sniff.fail(path, "tệp PDF bị hỏng hoặc không đọc được (có thể tệp chưa tải về hết).")


# ---------------------------------------------------------------- pages


@dataclass
class _Rule:
    at: float  # y of a horizontal rule, x of a vertical one
    start: float
    end: float


@dataclass
class _Grid:
    """One table on one page."""

    xs: list[float]  # column edges, left to right
    ys: list[float]  # row edges, top to bottom (PDF y grows upwards: descending)
    rows: list[RawRow] = field(default_factory=list)
    open_bottom: set[int] = field(default_factory=set)  # columns whose last cell is merged to the bottom

    @property
    def top(self) -> float:
        return self.ys[0]

    @property
    def bottom(self) -> float:
        return self.ys[-1]


def _read_document(path: Path, document) -> RawDocument:
    page_count = len(document)
    if page_count == 0:
        raise sniff.fail(path, "tệp PDF bị hỏng hoặc không có trang nào.")
    if page_count > MAX_PAGES:
        raise sniff.fail(path, f"tệp PDF có {page_count} trang, quá dài cho một kế hoạch (tối đa {MAX_PAGES}).")
    tables: list[RawTable] = []
    lines: list[str] = []
    header_lines: list[str] = []
    chars = 0
    previous: tuple[RawTable, _Grid] | None = None
    for number in range(page_count):
        page = document[number]
        try:
            text_page = page.get_textpage()
            chars += text_page.count_chars()
            grids = _grids(page, _PageText(text_page), number + 1)
            previous = _place_grids(page, text_page, grids, tables, lines, previous, number + 1)
            if not tables:
                header_lines = list(lines)
        finally:
            page.close()
    if chars < MIN_TEXT_CHARS:
        raise sniff.fail(
            path,
            "đây là tệp PDF quét (ảnh chụp các trang), không có lớp chữ nên chương trình không đọc được "
            "nội dung. Hãy dùng tệp Word/Excel gốc của kế hoạch, hoặc tệp PDF xuất trực tiếp từ Word.",
        )
    if not tables:
        raise sniff.fail(
            path,
            "tệp PDF không có bảng kẻ ô nào, nên không tìm thấy bảng nhiệm vụ (chương trình nhận ra bảng "
            "trong PDF nhờ các đường kẻ ô). Hãy dùng tệp Word/Excel gốc của kế hoạch, hoặc chép bảng "
            "nhiệm vụ trong PDF và dán vào cửa sổ Nhập kế hoạch.",
        )
    raw = RawDocument(source_name=path.name, tables=tables, text_lines=lines)
    raw.header = read_header(header_lines or lines)
    raw.header.source_name = path.name
    return raw


def _place_grids(page, text_page, grids: list[_Grid], tables: list[RawTable], lines: list[str],
                 previous: tuple[RawTable, _Grid] | None, page_number: int) -> tuple[RawTable, _Grid] | None:  # fmt: skip
    """Adds the page's tables (or continues the last one) and the text around them."""
    width, height = page.get_size()
    top = height
    if page_number == 1:
        opening, top = _opening_block(text_page, width, height, min([g.top for g in grids] + [height]))
        lines.extend(opening)
    for index, grid in enumerate(grids):
        above = _band_lines(text_page, 0, grid.top, width, top)
        lines.extend(above)
        goes_on = index == 0 and previous is not None and not _real_text(above) and _same_columns(previous[1], grid)
        if goes_on and previous is not None:
            table, last = previous
            _carry_across_page(table.rows, last, grid)
            if grid.rows:
                grid.rows[0].after_break = True  # (the reader joined a row the break cut)
            table.rows.extend(grid.rows)
        else:
            table = RawTable(rows=grid.rows, label=f"bảng {len(tables) + 1} (trang {page_number})", breaks_resolved=True)
            table.heading = next((line for line in reversed(above) if line.strip()), "")
            tables.append(table)
        previous = (table, grid)
        top = grid.bottom
    below = _band_lines(text_page, 0, 0, width, top)
    lines.extend(below)
    if _real_text(below):
        return None  # text after the table: the next page's table is another one
    return previous


def _opening_block(text_page, width: float, height: float, limit: float) -> tuple[list[str], float]:
    """The first page's opening block: the issuing body (and number) on the left,
    the national motto (and place, date) on the right, side by side above the
    centred title. Read as two columns, the left one first, as a Word layout
    table is; returns its lines and where it ends."""
    middle = width / 2
    end = limit
    runs = sorted((text_page.get_rect(i) for i in range(text_page.count_rects())), key=lambda r: -r[3])
    for left, bottom, right, top in runs:
        if top <= limit and left < middle - OPENING_GAP and right > middle + OPENING_GAP:
            end = top  # the first line across the middle: the title
            break
    if end >= height - 1 or not any(r[3] > end + 1 for r in runs):
        return [], height
    end += 1
    return _band_lines(text_page, 0, end, middle, height) + [""] + _band_lines(text_page, middle, end, width, height), end


def _real_text(lines: list[str]) -> bool:
    """Lines other than a page number."""
    return any(line.strip() and not re.fullmatch(r"[-–\s]*\d{1,3}[-–\s]*", line) for line in lines)


def _same_columns(before: _Grid, now: _Grid) -> bool:
    return len(before.xs) == len(now.xs) and all(abs(a - b) <= SAME_COLUMNS for a, b in zip(before.xs, now.xs))


def _carry_across_page(table_rows: list[RawRow], before: _Grid, now: _Grid) -> None:
    """The table going on at the top of a page. A row the page break cut in two
    (its rest starts the page without a number, continuing the sentences above)
    is joined back; a merged cell going on across the break gives its whole text
    to every row it spans: Word and LibreOffice print it once, where it starts,
    and go on with what does not fit."""
    repeated = [_key(row) for row in table_rows[:HEADER_ROWS]]
    while now.rows and _key(now.rows[0]) in repeated:
        del now.rows[0]  # the header printed again at the top of the page
    rows = now.rows
    if not table_rows or not rows:
        return
    last, first = table_rows[-1], rows[0]
    width = min(len(last.cells), len(first.cells))
    if _cut_by_the_break(last, first, number_merged=0 in before.open_bottom):
        del now.rows[0]
        for i in range(width):
            part = first.cells[i]
            whole = join_continued(last.cells[i], part)
            _spread_up(table_rows, i, whole)
            _spread_down(now.rows, i, part, whole)
        return
    for i in sorted(before.open_bottom):
        if i >= width or not last.cells[i]:
            continue
        part = first.cells[i]
        if part and cell_evidence(last.cells[i], part) < 2:
            continue  # a cell of its own: the merged cell ended at the page break
        whole = join_continued(last.cells[i], part)
        _spread_up(table_rows, i, whole)
        first.cells[i] = whole
        first.merged_above = first.merged_above | {i}
        _spread_down(rows[1:], i, part, whole)


def _key(row: RawRow) -> list[str]:
    return [cell.strip() for cell in row.cells]


def _cut_by_the_break(last: RawRow, first: RawRow, number_merged: bool) -> bool:
    """The page's first row is the rest of the previous page's last row: no number,
    and cells that go on with the words above (rows.continuation_score). Under a
    number cell merged across the break, a row without a number may be a new
    item of that number: then only a clear going-on counts (a lower-case start,
    nothing that starts anew)."""
    if first.cells[0]:
        return False
    if not number_merged:
        return continuation_score(last.cells, first.cells, {0}, True) > 0
    votes = [cell_evidence(last.cells[i], text) for i, text in enumerate(first.cells) if i and text and i < len(last.cells)]
    return bool(votes) and max(votes) >= 2 and min(votes) >= 0


def _spread_up(rows: list[RawRow], index: int, whole: str) -> None:
    """The last row's cell and the rows above merged with it get `whole`."""
    for row in reversed(rows):
        row.cells[index] = whole
        if index not in row.merged_above:
            return


def _spread_down(rows: list[RawRow], index: int, part: str, whole: str) -> None:
    """Rows at the top of the page merged with the cell going on (they hold `part`,
    its rest on this page) get `whole`."""
    for row in rows:
        if index not in row.merged_above or row.cells[index] != part:
            return
        row.cells[index] = whole


def _band_lines(text_page, left: float, bottom: float, right: float, top: float) -> list[str]:
    """The paragraphs printed in a band of the page: a line wrapped on a space, or
    followed by one going on in lower case or with a number, joined."""
    if top - bottom < 1:
        return []
    paragraphs: list[str] = []
    wrapped = False
    for line in _lines(text_page.get_text_bounded(left, bottom, right, top)):
        text = line.strip()
        goes_on = (
            paragraphs and not _PARAGRAPH_END.search(paragraphs[-1])
            and (text[:1].islower() or text[:1].isdigit()) and not _NUMBERED_LINE.match(text)
        )  # fmt: skip
        if paragraphs and (wrapped or goes_on):
            paragraphs[-1] += " " + text
        else:
            paragraphs.append(text)
        wrapped = line != line.rstrip()
    return [tidy(paragraph) for paragraph in paragraphs]


# ---------------------------------------------------------------- rules and grids


def _grids(page, text_page, page_number: int) -> list[_Grid]:
    """The page's tables, top to bottom, with their rows read."""
    horizontal, vertical = _rules(page)
    grids = []
    for h_rules, v_rules in _tables(horizontal, vertical):
        grid = _grid(h_rules, v_rules)
        if len(grid.xs) >= 2 and len(grid.ys) >= 2:
            _read_rows(grid, h_rules, v_rules, text_page, page_number)
            if grid.rows:
                grids.append(grid)
    return sorted(grids, key=lambda g: -g.top)


def _rules(page) -> tuple[list[_Rule], list[_Rule]]:
    """The page's horizontal and vertical rules (PDFium's C calls directly: a page
    has hundreds of path objects, and a Python object for each costs more)."""
    import pypdfium2.raw as pdfium_c

    horizontal: list[_Rule] = []
    vertical: list[_Rule] = []
    box = [ctypes.c_float() for _ in range(4)]
    for obj, matrix in _path_objects(pdfium_c, page.raw):
        if not pdfium_c.FPDFPageObj_GetBounds(obj, *box):
            continue
        left, bottom, right, top = _transformed_box([v.value for v in box], matrix)
        width, height = right - left, top - bottom
        if width <= THIN and height >= MIN_RULE:
            vertical.append(_Rule((left + right) / 2, bottom, top))
        elif height <= THIN and width >= MIN_RULE:
            horizontal.append(_Rule((bottom + top) / 2, left, right))
        elif width > THIN and height > THIN:
            _outline_rules(pdfium_c, obj, matrix, horizontal, vertical)
    return _joined(horizontal), _joined(vertical)


_IDENTITY = (1.0, 0.0, 0.0, 1.0, 0.0, 0.0)


def _path_objects(pdfium_c, page, depth: int = 0, matrix=_IDENTITY):
    """(path object, matrix of the forms it sits in) for every path of the page,
    through form XObjects three levels deep."""
    count = pdfium_c.FPDFPage_CountObjects(page) if depth == 0 else pdfium_c.FPDFFormObj_CountObjects(page)
    for index in range(count):
        obj = pdfium_c.FPDFPage_GetObject(page, index) if depth == 0 else pdfium_c.FPDFFormObj_GetObject(page, index)
        kind = pdfium_c.FPDFPageObj_GetType(obj)
        if kind == pdfium_c.FPDF_PAGEOBJ_PATH:
            yield obj, matrix
        elif kind == pdfium_c.FPDF_PAGEOBJ_FORM and depth < 3:
            yield from _path_objects(pdfium_c, obj, depth + 1, _times(_matrix_of(pdfium_c, obj), matrix))


def _matrix_of(pdfium_c, obj) -> tuple[float, ...]:
    found = pdfium_c.FS_MATRIX()
    if not pdfium_c.FPDFPageObj_GetMatrix(obj, found):
        return _IDENTITY
    return (found.a, found.b, found.c, found.d, found.e, found.f)


def _times(inner: tuple[float, ...], outer: tuple[float, ...]) -> tuple[float, ...]:
    a, b, c, d, e, f = inner
    A, B, C, D, E, F = outer
    return (a * A + b * C, a * B + b * D, c * A + d * C, c * B + d * D, e * A + f * C + E, e * B + f * D + F)


def _point(x: float, y: float, matrix: tuple[float, ...]) -> tuple[float, float]:
    a, b, c, d, e, f = matrix
    return a * x + c * y + e, b * x + d * y + f


def _transformed_box(box: list[float], matrix: tuple[float, ...]) -> tuple[float, float, float, float]:
    if matrix == _IDENTITY:
        return box[0], box[1], box[2], box[3]
    corners = [_point(x, y, matrix) for x in (box[0], box[2]) for y in (box[1], box[3])]
    xs, ys = [p[0] for p in corners], [p[1] for p in corners]
    return min(xs), min(ys), max(xs), max(ys)


def _outline_rules(pdfium_c, obj, outer: tuple[float, ...], horizontal: list[_Rule], vertical: list[_Rule]) -> None:
    """The straight sides of a path drawn as an outline (a cell's box, a grid drawn
    in one path)."""
    count = pdfium_c.FPDFPath_CountSegments(obj)
    if count < 2 or count > MAX_PATH_SEGMENTS:
        return
    matrix = _times(_matrix_of(pdfium_c, obj), outer)
    points: list[tuple[float, float, int, bool]] = []
    x, y = ctypes.c_float(), ctypes.c_float()
    for index in range(count):
        segment = pdfium_c.FPDFPath_GetPathSegment(obj, index)
        if not pdfium_c.FPDFPathSegment_GetPoint(segment, x, y):
            return
        kind = pdfium_c.FPDFPathSegment_GetType(segment)
        if kind == pdfium_c.FPDF_SEGMENT_BEZIERTO:
            return  # curves: a drawing, not borders
        px, py = _point(x.value, y.value, matrix)
        points.append((px, py, kind, bool(pdfium_c.FPDFPathSegment_GetClose(segment))))
    start = points[0]
    for (x0, y0, _, _), (x1, y1, kind, closes) in zip(points, points[1:]):
        if kind == pdfium_c.FPDF_SEGMENT_LINETO:
            _add_side(x0, y0, x1, y1, horizontal, vertical)
        if closes:
            _add_side(x1, y1, start[0], start[1], horizontal, vertical)
        if kind == pdfium_c.FPDF_SEGMENT_MOVETO:
            start = (x1, y1, kind, closes)


def _add_side(x0: float, y0: float, x1: float, y1: float, horizontal: list[_Rule], vertical: list[_Rule]) -> None:
    if abs(y0 - y1) <= 0.5 and abs(x0 - x1) >= MIN_RULE:
        horizontal.append(_Rule(y0, min(x0, x1), max(x0, x1)))
    elif abs(x0 - x1) <= 0.5 and abs(y0 - y1) >= MIN_RULE:
        vertical.append(_Rule(x0, min(y0, y1), max(y0, y1)))


def _joined(rules: list[_Rule]) -> list[_Rule]:
    """Rules on one line that touch or overlap, as one rule."""
    out: list[_Rule] = []
    for rule in sorted(rules, key=lambda r: (round(r.at / SNAP), r.start)):
        last = out[-1] if out else None
        if last and abs(last.at - rule.at) <= SNAP and rule.start <= last.end + SNAP:
            last.end = max(last.end, rule.end)
        else:
            out.append(_Rule(rule.at, rule.start, rule.end))
    return out


def _tables(horizontal: list[_Rule], vertical: list[_Rule]) -> list[tuple[list[_Rule], list[_Rule]]]:
    """Rules that touch, grouped: one group per table (at least 2 rules each way)."""
    parent = list(range(len(horizontal) + len(vertical)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    offset = len(horizontal)
    for hi, h in enumerate(horizontal):
        for vi, v in enumerate(vertical):
            if h.start - SNAP <= v.at <= h.end + SNAP and v.start - SNAP <= h.at <= v.end + SNAP:
                parent[find(hi)] = find(offset + vi)
    groups: dict[int, tuple[list[_Rule], list[_Rule]]] = {}
    for hi, h in enumerate(horizontal):
        groups.setdefault(find(hi), ([], []))[0].append(h)
    for vi, v in enumerate(vertical):
        groups.setdefault(find(offset + vi), ([], []))[1].append(v)
    return [(h, v) for h, v in groups.values() if len(h) >= 2 and len(v) >= 2]


def _positions(values: list[float]) -> list[float]:
    out: list[float] = []
    for value in sorted(values):
        if out and value - out[-1] <= SNAP:
            continue
        out.append(value)
    return out


def _grid(h_rules: list[_Rule], v_rules: list[_Rule]) -> _Grid:
    return _Grid(xs=_positions([v.at for v in v_rules]), ys=sorted(_positions([h.at for h in h_rules]), reverse=True))


def _has_rule(rules: list[_Rule], at: float, across: float) -> bool:
    return any(abs(rule.at - at) <= SNAP and rule.start - SNAP <= across <= rule.end + SNAP for rule in rules)


def _read_rows(grid: _Grid, h_rules: list[_Rule], v_rules: list[_Rule], text_page, page_number: int) -> None:
    """The grid's cells merged where no rule parts them, their texts, and the rows."""
    rows, columns = len(grid.ys) - 1, len(grid.xs) - 1
    owner = [[(r, c) for c in range(columns)] for r in range(rows)]  # each grid cell → its merged cell's top-left
    for r in range(rows):
        middle_y = (grid.ys[r] + grid.ys[r + 1]) / 2
        for c in range(columns):
            middle_x = (grid.xs[c] + grid.xs[c + 1]) / 2
            if c > 0 and not _has_rule(v_rules, grid.xs[c], middle_y):
                owner[r][c] = owner[r][c - 1]
            elif r > 0 and not _has_rule(h_rules, grid.ys[r], middle_x):
                owner[r][c] = owner[r - 1][c]
    extent: dict[tuple[int, int], tuple[int, int]] = {}  # top-left → bottom-right
    for r in range(rows):
        for c in range(columns):
            top_left = owner[r][c]
            last = extent.get(top_left, (r, c))
            extent[top_left] = (max(last[0], r), max(last[1], c))
    texts = {
        (r, c): text_page.cell_text(grid.xs[c], grid.ys[r2 + 1], grid.xs[c2 + 1], grid.ys[r])
        for (r, c), (r2, c2) in extent.items()
    }
    grid.open_bottom = {c for (r, c), (r2, _c2) in extent.items() if r2 == rows - 1 and r < rows - 1}
    keep = [c for c in range(columns) if any(texts.get((r, c)) for r in range(rows))]
    for r in range(rows):
        cells, merged = [], set()
        for position, c in enumerate(keep):
            top_left = owner[r][c]
            if top_left == (r, c):
                cells.append(texts[(r, c)])
            elif top_left[0] < r and top_left[1] == c:
                cells.append(texts[top_left])
                merged.add(position)
            else:
                cells.append("")
        if not any(text for i, text in enumerate(cells) if i not in merged):
            continue
        whole = len({owner[r][c] for c in range(columns)}) == 1 and owner[r][0] == (r, 0)
        grid.rows.append(RawRow(cells, f"trang {page_number}, bảng dòng {len(grid.rows) + 1}",
                                spans_whole_row=whole and columns > 1, merged_above=frozenset(merged)))  # fmt: skip


class _PageText:
    """The page's text, read by the cell.

    PDFium gives the characters whose boxes touch a rectangle. A cell's
    rectangle is read a little inside its rules: left and right by CELL_INSET,
    top and bottom by CELL_INSET_Y, so that the marks of the line beyond a rule
    (Vietnamese capitals carry accents that stand above the line, and a row cut
    by a page break starts right under the rule) are not taken in, while the
    cell's own first and last lines, taller than the margin, are."""

    def __init__(self, text_page) -> None:
        self.text_page = text_page

    def cell_text(self, left: float, bottom: float, right: float, top: float) -> str:
        inset_y = min(CELL_INSET_Y, (top - bottom) / 4)
        raw = self.text_page.get_text_bounded(left + CELL_INSET, bottom + inset_y, right - CELL_INSET, top - inset_y)
        return tidy(join_wrapped(_lines(raw)))


def _lines(raw: str) -> list[str]:
    """The printed lines of a piece of text, each with the space it ends on, if any."""
    # PDFium marks a hyphen that ends a line as a control character and joins the
    # line to the next (get_text_bounded gives \x02, get_text_range U+FFFE);
    # Vietnamese is not hyphenated, so it is a printed dash ("NĐ-CP", "2025-2030").
    text = raw.replace("\ufffe", "-").replace("\x02", "-").replace("\r\n", "\n").replace("\r", "\n")
    return [line.lstrip() for line in text.split("\n") if line.strip()]


def join_wrapped(lines: list[str]) -> str:
    """A cell's printed lines as its text. A line that ends on a space was wrapped
    there: joined with a space. Without one, a word cut at a dash or slash
    ("2025-" / "2030", "tỉnh/" / "thành phố" only when printed without a space)
    or a number cut by a narrow column ("ST" / "T", "VII" / "I", "3." / "1") is
    joined back, a line after a sentence's end starts a new line (a paragraph),
    any other is joined with a space. A "- " item always has its own line."""
    out = ""
    wrapped = False  # the line before ended on a space
    for raw in lines:
        line = raw.rstrip()
        if not out:
            out = line
        elif _LIST_LINE.match(line):
            out += "\n" + line
        elif wrapped:
            out += " " + line
        elif _GLUED_END.search(out) or (_NUMBER_PIECE.fullmatch(out) and _NUMBER_PIECE.fullmatch(line)):
            out += line
        elif _PARAGRAPH_END.search(out):
            out += "\n" + line
        else:
            out += " " + line  # (not every PDF keeps the space a line was wrapped on)
        wrapped = raw != line
    return out
