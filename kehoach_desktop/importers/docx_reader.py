"""Read a .docx: every table as rows of cell texts, and the document's header data.

python-docx opens the package (safely: sniff.inspect_package has checked sizes
and refused DOCTYPE declarations first); the text is taken from the XML
directly because python-docx's `Paragraph.text` drops runs inside tracked
insertions, content controls, smart tags and simple fields, and its `row.cells`
hides how a merged cell is laid out on the grid.

Tables: each top-level table is a RawTable "bảng N" (N in document order); a
table nested in a cell is both flattened into that cell's text (one line per
nested row, cells joined by " | ") and emitted as its own RawTable
"bảng N (bảng lồng K)", so a task table put inside a frame table is still found.
A cell merged across columns (gridSpan) has its text in its first grid cell,
"" in the cells it covers; a cell merged down rows (vMerge) has its text in
every row it spans, marked in RawRow.merged_above. Rows with no text of their
own are left out; `where` keeps the row's number in the table as Word counts it.
A table's `heading` is the paragraph right above it, its `layout` flag says it
is a layout table (below). Word's automatic numbering is printed as Word prints
it (`_Numbering`), an empty numbered paragraph (a TT cell) as the number alone.

Header data: the paragraphs and the layout tables (borderless, or small: at most
3 columns and 6 rows) up to the last data table, in reading order, go to
document_header.read_header.
"""

from __future__ import annotations

import logging
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml.parser import parse_xml
from docx.package import Package

from kehoach_desktop.domain.drafts import ImportWarning
from kehoach_desktop.domain.text import tidy
from kehoach_desktop.importers import limits, sniff
from kehoach_desktop.importers.base import ImportFailed, RawDocument, RawRow, RawTable
from kehoach_desktop.importers.document_header import read_header

log = logging.getLogger(__name__)

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
MC = "{http://schemas.openxmlformats.org/markup-compatibility/2006}"

LAYOUT_MAX_COLUMNS = 3
LAYOUT_MAX_ROWS = 6
NESTED_CELL_SEPARATOR = " | "

# Elements whose content is not printed text of the paragraph they sit in.
_SKIPPED = {
    W + "pPr", W + "rPr", W + "del", W + "moveFrom", W + "instrText", W + "delText",
    W + "drawing", W + "pict", W + "object", W + "txbxContent", W + "footnoteReference",
    W + "endnoteReference", W + "commentReference", MC + "Fallback",
}
# Containers that only wrap block content (content controls, custom XML).
_BLOCK_WRAPPERS = {W + "sdt", W + "sdtContent", W + "customXml"}


def read(path: Path) -> RawDocument:
    """Every table of the .docx as a RawTable, and the header data it shows."""
    path = Path(path)
    package = sniff.inspect_package(path)
    limits.check_package(path, package.kind)
    if package.kind != "docx":
        raise sniff.wrong_kind_message(path, package.kind, "docx")
    try:
        body, numbering, styles = _open(path)
        walker = _Walker(_Numbering(numbering, styles))
        walker.walk_body(body)
    except ImportFailed:
        raise
    except MemoryError as exc:
        raise sniff.fail(path, "tệp quá lớn, không đủ bộ nhớ để đọc.") from exc
    except Exception as exc:  # lxml, zipfile, KeyError, ValueError ...: one message for all
        log.warning("cannot read %s", path, exc_info=True)
        raise sniff.corrupt_message(path, "docx") from exc
    document = RawDocument(source_name=path.name, tables=walker.tables, warnings=walker.warnings)
    document.header = read_header(walker.header_lines)
    document.header.source_name = path.name
    return document


def _open(path: Path):
    """(body element, numbering root or None, styles root or None)."""
    package = Package.open(str(path))
    main = package.main_document_part
    root = _element_of(main)
    body = root.find(W + "body")
    if body is None:
        raise ValueError("document without a body")
    return body, _related_root(main, RT.NUMBERING), _related_root(main, RT.STYLES)


def _element_of(part):
    element = getattr(part, "element", None)
    return element if element is not None else parse_xml(part.blob)


def _related_root(part, relationship):
    try:
        return _element_of(part.part_related_by(relationship))
    except KeyError:
        return None


# ---------------------------------------------------------------- walking


@dataclass
class _Walker:
    numbering: _Numbering
    tables: list[RawTable] = field(default_factory=list)
    warnings: list[ImportWarning] = field(default_factory=list)
    header_lines: list[str] = field(default_factory=list)
    _pending_lines: list[str] = field(default_factory=list)
    _skipped_text_boxes: int = 0

    def walk_body(self, body) -> None:
        number = 0
        data_table_seen = False
        for block in _blocks(body):
            if block.tag == W + "p":
                self._pending_lines.append(self.paragraph_text(block))
                continue
            number += 1
            heading = next((line for line in reversed(self._pending_lines) if line.strip()), "")
            table = self.read_table(block, f"bảng {number}")
            table.heading = heading if self._pending_lines else ""
            if _is_layout(block, table):
                table.layout = True
                self._pending_lines.extend(_layout_lines(table))
            else:
                # Lines up to the last data table are header data; later ones
                # (notes under the appendix) are not.
                data_table_seen = True
                self.header_lines.extend(self._pending_lines)
                self._pending_lines = []
        if not data_table_seen:
            self.header_lines.extend(self._pending_lines)
        if self._skipped_text_boxes:
            self.warnings.append(
                ImportWarning(
                    f"Tài liệu có {self._skipped_text_boxes} khung văn bản (text box); chữ trong "
                    "khung không được đọc."
                )
            )

    def read_table(self, tbl, label: str) -> RawTable:
        grid_width = len(tbl.findall(f"{W}tblGrid/{W}gridCol"))
        rows: list[RawRow] = []
        table = RawTable(rows=rows, label=label)
        self.tables.append(table)  # before its nested tables, which are read below
        nested_count = 0
        open_merges: dict[int, str] = {}  # grid column → text of the vertical merge started there
        for index, tr in enumerate(_children(tbl, W + "tr"), start=1):
            cells: list[str] = [""] * _int_val(tr, f"{W}trPr/{W}gridBefore")
            tcs = list(_children(tr, W + "tc"))
            spans_all = False
            merged: set[int] = set()
            for tc in tcs:
                span = max(1, _int_val(tc, f"{W}tcPr/{W}gridSpan", 1))
                column = len(cells)
                merge = _vertical_merge(tc)
                if merge == "continue":
                    text = open_merges.get(column, "")
                    merged.add(column)
                else:
                    text, nested_count = self.cell_text(tc, label, nested_count)
                    if merge == "restart":
                        open_merges[column] = text
                    else:
                        open_merges.pop(column, None)
                if len(tcs) == 1 and not cells and span >= max(grid_width, 2):
                    spans_all = True
                cells.append(text)
                cells.extend([""] * (span - 1))
            cells.extend([""] * _int_val(tr, f"{W}trPr/{W}gridAfter"))
            if any(text for i, text in enumerate(cells) if i not in merged):
                rows.append(RawRow(cells=cells, where=f"{label}, dòng {index}", spans_whole_row=spans_all,
                                   merged_above=frozenset(merged)))  # fmt: skip
        width = max([grid_width] + [len(row.cells) for row in rows])
        for row in rows:
            row.cells.extend([""] * (width - len(row.cells)))
        return table

    def cell_text(self, tc, label: str, nested_count: int) -> tuple[str, int]:
        lines: list[str] = []
        for block in _blocks(tc):
            if block.tag == W + "p":
                lines.append(self.paragraph_text(block))
            else:
                nested_count += 1
                nested = self.read_table(block, f"{label} (bảng lồng {nested_count})")
                for row in nested.rows:
                    lines.append(NESTED_CELL_SEPARATOR.join(cell for cell in row.cells if cell))
        return tidy("\n".join(lines)), nested_count

    def paragraph_text(self, p) -> str:
        parts: list[str] = []
        self._inline_text(p, parts)
        label = self.numbering.label(p)
        text = "".join(parts)
        if not label:
            return text
        if not text.strip():
            # A numbered empty paragraph: Word prints the number alone (a TT cell
            # filled by automatic numbering). "1." is read as the number 1.
            return label.rstrip(".") if label[:1].isalnum() else ""
        return f"{label} {text}"

    def _inline_text(self, element, out: list[str]) -> None:
        for child in element:
            tag = child.tag
            if not isinstance(tag, str) or tag in _SKIPPED:
                if tag == W + "txbxContent" or (tag == W + "drawing" and _has_text_box(child)):
                    self._skipped_text_boxes += 1
                continue
            if tag == W + "t":
                out.append(child.text or "")
            elif tag == W + "tab" or tag == W + "ptab":
                out.append("\t")
            elif tag in (W + "br", W + "cr"):
                out.append("\n")
            elif tag == W + "noBreakHyphen":
                out.append("-")
            elif tag == W + "sym":
                out.append(_symbol(child.get(W + "char", "")))
            elif tag == W + "r" and _is_hidden(child):
                continue
            else:
                self._inline_text(child, out)


def _blocks(container):
    """Paragraphs and tables of a body or cell in order, through content controls."""
    for child in container:
        if child.tag in (W + "p", W + "tbl"):
            yield child
        elif child.tag in _BLOCK_WRAPPERS:
            yield from _blocks(child)


def _children(parent, tag: str):
    """Direct children with a tag, looking through content controls and custom XML."""
    for child in parent:
        if child.tag == tag:
            yield child
        elif child.tag in _BLOCK_WRAPPERS:
            yield from _children(child, tag)


def _int_val(element, path: str, default: int = 0) -> int:
    found = element.find(path)
    if found is None:
        return default
    try:
        return max(0, min(int(found.get(W + "val", default)), 1000))
    except ValueError:
        return default


def _vertical_merge(tc) -> str:
    """"restart" (a merged cell starts here), "continue" (the cell above goes on) or ""."""
    merge = tc.find(f"{W}tcPr/{W}vMerge")
    if merge is None:
        return ""
    return "restart" if merge.get(W + "val", "continue") == "restart" else "continue"


def _is_hidden(run) -> bool:
    vanish = run.find(f"{W}rPr/{W}vanish")
    return vanish is not None and vanish.get(W + "val", "true") not in ("false", "0", "off")


def _has_text_box(drawing) -> bool:
    return any(el.tag == W + "txbxContent" for el in drawing.iter())


def _symbol(code: str) -> str:
    """A w:sym character (Symbol/Wingdings): keep dashes, show anything else as a bullet."""
    try:
        value = int(code, 16)
    except ValueError:
        return ""
    if value >= 0xF000:
        value -= 0xF000
    char = chr(value)
    return char if char in "-–+*" else "•"


# ---------------------------------------------------------------- layout tables


def _is_layout(tbl, table: RawTable) -> bool:
    columns = len(table.rows[0].cells) if table.rows else 0
    small = columns <= LAYOUT_MAX_COLUMNS and len(table.rows) <= LAYOUT_MAX_ROWS
    return small or _borderless(tbl)


def _borderless(tbl) -> bool:
    borders = tbl.find(f"{W}tblPr/{W}tblBorders")
    if borders is None or len(borders) == 0:
        return False
    return all(edge.get(W + "val") in ("nil", "none") for edge in borders)


def _layout_lines(table: RawTable) -> list[str]:
    """A layout table in reading order: row by row, cell by cell, a blank line after each cell."""
    lines: list[str] = []
    for row in table.rows:
        for cell in row.cells:
            if cell:
                lines.extend([cell, ""])
    return lines


# ---------------------------------------------------------------- numbering


_ROMAN = ((1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"),
          (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I"))
_BULLETS_KEPT = "-–—+*•◦▪■○●➢✓"


def _roman(number: int) -> str:
    out = []
    for value, letters in _ROMAN:
        while number >= value:
            out.append(letters)
            number -= value
    return "".join(out)


def _letters(number: int) -> str:
    out = ""
    while number > 0:
        number, rest = divmod(number - 1, 26)
        out = chr(ord("A") + rest) + out
    return out


def _format_number(value: int, fmt: str) -> str:
    if fmt == "upperRoman":
        return _roman(value)
    if fmt == "lowerRoman":
        return _roman(value).lower()
    if fmt == "upperLetter":
        return _letters(value)
    if fmt == "lowerLetter":
        return _letters(value).lower()
    if fmt == "decimalZero":
        return f"{value:02d}"
    if fmt == "none":
        return ""
    return str(value)


@dataclass(frozen=True)
class _Level:
    fmt: str = "decimal"  # numFmt: decimal, upperRoman, lowerLetter, bullet …
    text: str = ""  # lvlText: "%1.", "%1.%2.", "-"
    start: int = 1
    restart: int | None = None  # lvlRestart: restart after this level (1-based); 0 never; None any higher
    legal: bool = False  # isLgl: the higher levels' numbers printed as decimals ("1.1", not "I.1")


class _Numbering:
    """Word's automatic numbering and bullets, rendered as Word prints them
    ("1.", "II.", "a)", "1.2.", "-").

    Counters are kept per abstract list: list instances (w:num) that share one
    continue each other, as in Word; an instance with a start override restarts
    where it is first used. A level restarts after a higher level is used
    (or as lvlRestart says); "%1.%2" prints every level's number in its own
    format (decimals under isLgl). Level definitions overridden in an instance
    are used for that instance.
    """

    def __init__(self, numbering, styles) -> None:
        self._abstract: dict[str, dict[int, _Level]] = {}
        self._num_to_abstract: dict[str, str] = {}
        self._start_overrides: dict[str, dict[int, int]] = {}
        self._level_overrides: dict[str, dict[int, _Level]] = {}
        self._style_num: dict[str, tuple[str, int]] = {}
        self._counters: dict[str, dict[int, int]] = defaultdict(dict)
        self._started: set[str] = set()
        if numbering is not None:
            self._load_numbering(numbering)
        if styles is not None:
            self._load_styles(styles)

    def _load_numbering(self, root) -> None:
        for abstract in root.iter(W + "abstractNum"):
            levels = {_int(lvl.get(W + "ilvl")): _level(lvl) for lvl in abstract.findall(W + "lvl")}
            self._abstract[abstract.get(W + "abstractNumId", "")] = levels
        for num in root.iter(W + "num"):
            num_id = num.get(W + "numId", "")
            self._num_to_abstract[num_id] = _child_val(num, "abstractNumId", "")
            for override in num.findall(W + "lvlOverride"):
                level = _int(override.get(W + "ilvl"))
                start = override.find(W + "startOverride")
                if start is not None:
                    self._start_overrides.setdefault(num_id, {})[level] = _int(start.get(W + "val"), 1)
                definition = override.find(W + "lvl")
                if definition is not None:
                    self._level_overrides.setdefault(num_id, {})[level] = _level(definition)

    def _load_styles(self, root) -> None:
        based_on: dict[str, str] = {}
        direct: dict[str, tuple[str, int]] = {}
        for style in root.iter(W + "style"):
            style_id = style.get(W + "styleId", "")
            parent = style.find(W + "basedOn")
            if parent is not None:
                based_on[style_id] = parent.get(W + "val", "")
            num_pr = style.find(f"{W}pPr/{W}numPr")
            if num_pr is not None:
                direct[style_id] = (_child_val(num_pr, "numId", "0"), _int(_child_val(num_pr, "ilvl", "0")))
        for style_id in based_on.keys() | direct.keys():
            current, hops = style_id, 0
            while current and current not in direct and hops < 10:
                current, hops = based_on.get(current, ""), hops + 1
            if current in direct:
                self._style_num[style_id] = direct[current]

    def label(self, p) -> str:
        """The number or bullet Word prints before the paragraph, "" for none."""
        num_id, level = self._num_pr(p)
        abstract_id = self._num_to_abstract.get(num_id) if num_id and num_id != "0" else None
        if abstract_id is None:
            return ""
        levels = {**self._abstract.get(abstract_id, {}), **self._level_overrides.get(num_id, {})}
        if level not in levels:
            return ""
        if levels[level].fmt == "bullet":
            return _bullet(levels[level].text)
        counters = self._count(num_id, abstract_id, level, levels)
        out = levels[level].text
        for lvl in range(level, -1, -1):
            if f"%{lvl + 1}" in out:
                shown = levels.get(lvl, _Level())
                value = counters.get(lvl, shown.start)
                fmt = "decimal" if levels[level].legal and lvl < level else shown.fmt
                out = out.replace(f"%{lvl + 1}", _format_number(value, fmt))
        return out.strip()

    def _count(self, num_id: str, abstract_id: str, level: int, levels: dict[int, _Level]) -> dict[int, int]:
        counters = self._counters[abstract_id]
        if num_id not in self._started:
            self._started.add(num_id)
            for lvl, start in self._start_overrides.get(num_id, {}).items():
                counters[lvl] = start - 1
        counters[level] = counters.get(level, levels[level].start - 1) + 1
        for deeper in [lvl for lvl in counters if lvl > level]:
            restart = levels.get(deeper, _Level()).restart
            if restart is None or (restart and level <= restart - 1):
                del counters[deeper]
        return counters

    def _num_pr(self, p) -> tuple[str, int]:
        num_pr = p.find(f"{W}pPr/{W}numPr")
        if num_pr is not None:
            return _child_val(num_pr, "numId", "0"), _int(_child_val(num_pr, "ilvl", "0"))
        style = p.find(f"{W}pPr/{W}pStyle")
        if style is not None:
            return self._style_num.get(style.get(W + "val", ""), ("", 0))
        return "", 0


def _level(lvl) -> _Level:
    restart = lvl.find(W + "lvlRestart")
    legal = lvl.find(W + "isLgl")
    return _Level(
        fmt=_child_val(lvl, "numFmt", "decimal"),
        text=_child_val(lvl, "lvlText", ""),
        start=_int(_child_val(lvl, "start", "1"), 1),
        restart=_int(restart.get(W + "val")) if restart is not None else None,
        legal=legal is not None and legal.get(W + "val", "true") not in ("false", "0", "off"),
    )


def _int(value: str | None, default: int = 0) -> int:
    try:
        return max(0, min(int(value or default), 100_000))
    except ValueError:
        return default


def _child_val(element, name: str, default: str) -> str:
    child = element.find(W + name)
    return child.get(W + "val", default) if child is not None else default


def _bullet(text: str) -> str:
    text = text.strip()
    if not text:
        return ""
    char = text[0]
    if 0xF000 <= ord(char) <= 0xF0FF:
        return _symbol(f"{ord(char):X}")
    return char if char in _BULLETS_KEPT else "•"
