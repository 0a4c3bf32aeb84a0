"""Pasted text, or a .txt / .md file, read into tables and header lines.

What users paste:
- rows copied from Word or Excel: cells separated by tabs (Excel puts a cell
  holding line breaks in double quotes);
- Markdown tables: "| TT | Nhiệm vụ | … |" with a "|---|" line under the header;
- text extracted from a PDF: tab-separated rows where a blank line marks a page
  break (the header row is printed again after it and a long row may go on in
  the next one), with HTML fragments in cells and a cell's "- " items run
  together on one line.
A line without a tab between two table lines is a row of one cell (a section
title merged across the row). Lines outside the tables are the document's own
text: its header (cơ quan, số ký hiệu, trích yếu …) is read from them.
"""

from __future__ import annotations

import re
from pathlib import Path

from kehoach_desktop.importers import limits
from kehoach_desktop.importers.base import ImportFailed, RawDocument, RawRow, RawTable
from kehoach_desktop.importers.cells import html_to_lines, split_inline_items
from kehoach_desktop.importers.columns import find_header
from kehoach_desktop.importers.document_header import read_header
from kehoach_desktop.importers.rows import number_kind, ordinal_of

MAX_TEXT_BYTES = 20 * 1024 * 1024
LAYOUT_MAX_COLUMNS = 3  # a table without a task header this small is the header's layout
LAYOUT_MAX_ROWS = 6
MAX_QUOTED_LINES = 100  # lines one quoted Excel cell may take
_PIPE_ROW = re.compile(r"^\s*\|.*\|\s*$")
_PIPE_RULE = re.compile(r"^\s*\|?\s*:?-{3,}:?\s*(\|\s*:?-{3,}:?\s*)*\|?\s*$")
_PAGE_NUMBER = re.compile(r"^\s*[-–]?\s*(trang\s+)?\d{1,3}\s*(/\s*\d{1,3})?\s*[-–]?\s*$", re.IGNORECASE)
_BOLD = re.compile(r"\*\*(.+?)\*\*|__(.+?)__")
_MD_HEADING = re.compile(r"^#{1,6}\s+")


def read(path: Path | str) -> RawDocument:
    """A .txt / .md file: decoded, then read like pasted text."""
    path = Path(path)
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise ImportFailed(f"Không đọc được tệp «{path.name}»: {exc.strerror or exc}.") from exc
    return read_text(decode(data, path.name), path.name)


def decode(data: bytes, name: str) -> str:
    """UTF-8 (with or without BOM), UTF-16 with BOM, else the Windows code pages."""
    if len(data) > MAX_TEXT_BYTES:
        raise ImportFailed(
            f"Tệp «{name}» quá lớn ({len(data) // (1024 * 1024)} MB) để là một kế hoạch dạng văn bản."
        )
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError as exc:
            raise ImportFailed(f"Tệp «{name}» ghi là UTF-16 nhưng nội dung bị hỏng.") from exc
    if data.startswith(b"%PDF"):
        raise ImportFailed(
            f"Tệp «{name}» là tệp PDF. Hãy mở tệp PDF, chọn và sao chép bảng nhiệm vụ rồi dán vào "
            "chương trình, hoặc lưu văn bản gốc dạng .docx."
        )
    if b"\x00" in data[:65536]:
        raise ImportFailed(f"Tệp «{name}» không phải tệp văn bản (có vẻ là tệp nhị phân): không nhập được.")
    for encoding in ("utf-8-sig", "cp1258", "cp1252"):
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        if _looks_binary(text):
            break
        return text
    raise ImportFailed(
        f"Tệp «{name}» không đọc được như văn bản (không phải UTF-8 hay bảng mã Windows tiếng Việt). "
        "Hãy lưu lại tệp với bảng mã UTF-8."
    )


def _looks_binary(text: str) -> bool:
    sample = text[:65536]
    controls = sum(1 for ch in sample if ord(ch) < 32 and ch not in "\t\n\r\f\v")
    return controls > max(8, len(sample) // 200)


def read_text(text: str, source_name: str) -> RawDocument:
    """Tables and header lines in pasted text (see module doc)."""
    text = (text or "").lstrip("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    limits.check_text(text, source_name)
    if not text.strip():
        raise ImportFailed(f"«{source_name}» trống: không có gì để nhập.")
    blocks = _blocks(_logical_lines(text))
    tables = [block for block in blocks if isinstance(block, RawTable)]
    header_lines: list[str] = []  # in the document's order, for the header reader
    for position, block in enumerate(blocks):
        if isinstance(block, str):
            header_lines += [_plain(block)] if block.strip() else []
            continue
        block.merges_known = False
        block.heading = _line_above(blocks, position)
        columns = find_header([row.cells for row in block.rows])
        if columns is None:  # a layout table (the header's two columns), or a table to guess
            header_lines += [cell for row in block.rows for cell in row.cells if cell.strip()]
            width = max(len(row.cells) for row in block.rows)
            block.layout = width <= LAYOUT_MAX_COLUMNS and len(block.rows) <= LAYOUT_MAX_ROWS
        else:
            start = columns.first_row + columns.row_count
            block.rows[start:] = _rejoin_broken_rows(block.rows[start:], columns.width)
    return RawDocument(
        source_name=source_name,
        tables=tables,
        header=read_header(header_lines),
        text_lines=header_lines,
    )


# ---------------------------------------------------------------- lines


def _logical_lines(text: str) -> list[tuple[int, str]]:
    """(line number, line), with a row whose quoted cell holds line breaks joined back."""
    raw = text.split("\n")
    out: list[tuple[int, str]] = []
    i = 0
    while i < len(raw):
        line, used = raw[i], 1
        if "\t" in line:
            while _quote_left_open(line) and used < MAX_QUOTED_LINES and i + used < len(raw):
                line += "\n" + raw[i + used]
                used += 1
            if _quote_left_open(line):  # never closed: the quote was a plain character
                line, used = raw[i], 1
        out.append((i + 1, line))
        i += used
    return out


def _tsv_cells(line: str) -> list[str]:
    """The cells of a tab-separated row. Excel puts a cell in quotes when it holds a
    line break, a tab or a quote, doubling inner quotes; other quotes are text."""
    cells: list[str] = []
    i, n = 0, len(line)
    while True:
        if line.startswith('"', i):
            close = _closing_quote(line, i + 1)
            if close is not None and (close + 1 == n or line[close + 1] == "\t"):
                body = line[i + 1 : close]
                if "\n" in body or "\t" in body or '""' in body:
                    cells.append(body.replace('""', '"'))
                    if close + 1 == n:
                        return cells
                    i = close + 2
                    continue
        tab = line.find("\t", i)
        if tab == -1:
            cells.append(line[i:])
            return cells
        cells.append(line[i:tab])
        i = tab + 1


def _closing_quote(line: str, start: int) -> int | None:
    """Where a quoted cell opened before `start` closes ('""' is a quote inside it)."""
    j = start
    while True:
        k = line.find('"', j)
        if k == -1:
            return None
        if line.startswith('""', k):
            j = k + 2
            continue
        return k


def _quote_left_open(line: str) -> bool:
    """A cell opens a quote that this (joined) line does not close."""
    i, n = 0, len(line)
    while i <= n:
        if line.startswith('"', i):
            close = _closing_quote(line, i + 1)
            if close is None:
                return True
            i = close + 1
        tab = line.find("\t", i)
        if tab == -1:
            return False
        i = tab + 1
    return False


def _kind(line: str) -> str:
    if not line.strip():
        return "blank"
    if _PIPE_RULE.match(line) and "|" in line:
        return "rule"
    if _PIPE_ROW.match(line) and line.count("|") >= 3:
        return "pipe"
    return "tab" if "\t" in line else "text"


# ---------------------------------------------------------------- tables


def _blocks(lines: list[tuple[int, str]]) -> list[str | RawTable]:
    """The text in order: lines outside tables, and tables."""
    kinds = [_kind(line) for _, line in lines]
    blocks: list[str | RawTable] = []
    count = 0
    rows: list[RawRow] = []
    gap = False
    for index, ((number, line), kind) in enumerate(zip(lines, kinds)):
        if kind in ("tab", "pipe"):
            cells = _pipe_cells(line) if kind == "pipe" else _tsv_cells(line)
            rows.append(RawRow([_cell(c, kind) for c in cells], f"dòng {number}", after_break=gap and bool(rows)))
            gap = False
        elif kind == "rule" and rows:
            continue
        elif rows and (kind == "blank" or _PAGE_NUMBER.match(line)) and _table_goes_on(kinds, index):
            gap = True
        elif rows and kind == "text" and _sandwiched(kinds, index):
            rows.append(RawRow([_cell(line, "text")], f"dòng {number}", spans_whole_row=True, after_break=gap))
            gap = False
        else:
            if rows:
                count += 1
                blocks.append(RawTable(rows, _label(count)))
                rows, gap = [], False
            blocks.append(line)
    if rows:
        blocks.append(RawTable(rows, _label(count + 1)))
    return blocks


def _line_above(blocks: list[str | RawTable], position: int) -> str:
    """The text line printed right above a table (one blank line may stand between)."""
    blanks = 0
    for block in reversed(blocks[:position]):
        if not isinstance(block, str):
            return ""
        if block.strip():
            return _plain(block)
        blanks += 1
        if blanks > 1:
            return ""
    return ""


def _label(number: int) -> str:
    return f"bảng {number} của văn bản"


def _table_goes_on(kinds: list[str], index: int) -> bool:
    """Blank lines (and page numbers) inside a table are page breaks when table rows follow."""
    for kind in kinds[index + 1 :]:
        if kind in ("tab", "pipe"):
            return True
        if kind != "blank":
            return False
    return False


def _sandwiched(kinds: list[str], index: int) -> bool:
    """One line without tabs between table rows: a row of one merged cell."""
    before = next((k for k in reversed(kinds[:index]) if k != "blank"), "")
    after = next((k for k in kinds[index + 1 :] if k != "blank"), "")
    return before in ("tab", "pipe") and after in ("tab", "pipe")


def _rejoin_broken_rows(rows: list[RawRow], width: int) -> list[RawRow]:
    """Word copies a cell's paragraphs as separate lines, cutting its row in pieces:
    "1<Tab>first paragraph" / "second paragraph<Tab>Thường xuyên<Tab>…". Pieces
    that add up to exactly one row of the table's width are joined back."""
    out: list[RawRow] = []
    i = 0
    while i < len(rows):
        joined, used = _rejoined(rows, i, width)
        out.append(joined)
        i += used
    return out


def _rejoined(rows: list[RawRow], start: int, width: int) -> tuple[RawRow, int]:
    row = rows[start]
    if not 2 <= len(row.cells) < width:
        return row, 1
    cells = list(row.cells)
    end = start + 1
    while len(cells) < width and end < len(rows):
        piece = rows[end]
        if piece.after_break or _starts_a_row(piece) or len(cells) + len(piece.cells) - 1 > width:
            break
        cells[-1] = f"{cells[-1]}\n{piece.cells[0]}" if cells[-1] else piece.cells[0]
        cells += piece.cells[1:]
        end += 1
    if len(cells) != width or end == start + 1:
        return row, 1
    return RawRow(cells, row.where, after_break=row.after_break), end - start


def _starts_a_row(row: RawRow) -> bool:
    first = row.cells[0]
    numbered = number_kind(first) in ("arabic", "letter", "bullet") or ordinal_of(first) is not None
    return len(row.cells) > 1 and numbered


def _pipe_cells(line: str) -> list[str]:
    inner = line.strip()[1:-1]
    return [cell.replace("\\|", "|").strip() for cell in re.split(r"(?<!\\)\|", inner)]


def _cell(text: str, kind: str) -> str:
    """HTML to lines, a flattened cell's "- " items back on lines of their own."""
    if kind == "pipe":
        text = _BOLD.sub(lambda m: m.group(1) or m.group(2), text)
    return split_inline_items(html_to_lines(text.strip()))


def _plain(line: str) -> str:
    """A header line without Markdown emphasis or heading marks."""
    return _BOLD.sub(lambda m: m.group(1) or m.group(2), _MD_HEADING.sub("", line)).strip()
