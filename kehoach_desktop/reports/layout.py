"""The parts of a document in the format of Nghị định 30/2020/NĐ-CP, for reportlab.

Numbers come from shared/docs/nd30.md (Phụ lục I of the decree): A4, margins
20/20/30/15 mm (the decree's lower bounds), Times New Roman (or its metric twin),
header in two columns of 66/99 mm, rules of the lengths the decree gives, page
numbers centred in the top margin from page 2 and restarted in each appendix,
landscape pages for the appendix tables.

The header, the title and the signature block are drawn line by line from
measured text (`Block`), so every rule's length and every baseline is exactly
where the decree puts it; the body and the tables are ordinary Platypus
flowables.
"""

from __future__ import annotations

from dataclasses import dataclass

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY, TA_LEFT
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import (
    BaseDocTemplate,
    Flowable,
    Frame,
    KeepTogether,
    LongTable,
    NextPageTemplate,
    PageBreak,
    PageTemplate,
    Paragraph,
    Spacer,
    TableStyle,
)

from kehoach_desktop.reports.document import Column as TableColumn
from kehoach_desktop.reports.document import SectionRow, TotalRow
from kehoach_desktop.reports.fonts import FontFamily
from kehoach_desktop.reports.texts import (
    QUOC_HIEU,
    TIEU_NGU,
    esc,
    kinh_gui_lines,
    recipient_lines,
    upper,
)

# --- page -----------------------------------------------------------------------------

PORTRAIT = A4
LANDSCAPE = landscape(A4)


@dataclass(frozen=True)
class Margins:
    top: float = 20 * mm
    bottom: float = 20 * mm
    left: float = 30 * mm
    right: float = 15 * mm


MARGINS = Margins()  # ND30: top 20–25, bottom 20–25, left 30–35, right 15–20 mm
PAGE_NUMBER_BASELINE = 14 * mm  # from the top edge: inside the top margin, like Word's 10 mm header
TEXT_WIDTH = PORTRAIT[0] - MARGINS.left - MARGINS.right  # 165 mm
LANDSCAPE_TEXT_WIDTH = LANDSCAPE[0] - MARGINS.left - MARGINS.right  # 252 mm

# --- sizes (pt), all inside the decree's ranges -----------------------------------------

QUOC_HIEU_SIZE = 13
TIEU_NGU_SIZE = 14
ORG_SIZE = 13  # cơ quan chủ quản (regular) and cơ quan ban hành (bold)
SO_SIZE = 13
DATE_SIZE = 14  # 13 when a long place name does not fit the column
TYPE_SIZE = 14  # tên loại
TITLE_SIZE = 14  # trích yếu
VV_SIZE = 12  # trích yếu of a công văn
BODY_SIZE = 14
SIGN_SIZE = 14
NOI_NHAN_LABEL_SIZE = 12
NOI_NHAN_SIZE = 11
PAGE_NUMBER_SIZE = 14
CELL_SIZE = 12  # tables
SINGLE = 1.15  # Word's "single" line spacing for Times New Roman
BODY_LEADING = 18  # 1.12 × single at 14 pt (allowed: 16.1–24.15)
FIRST_INDENT = 10 * mm
PARAGRAPH_SPACE = 6

HEADER_COLUMNS = (66 * mm, 99 * mm)  # ≈ 40/60 %, as in the decree's sample forms
SIGN_COLUMNS = (70 * mm, 95 * mm)
RULE_WIDTH = 0.5
RULE_GAP = 0.7  # × size, from a baseline down to its rule: well clear of descenders and the dấu nặng
ISSUER_RULE_SHARE = 0.4  # 1/3 to 1/2 of the line above it
TITLE_RULE_SHARE = 0.4
SIGNATURE_SPACE = 28 * mm  # between the title lines and the name
BLOCK_GAP = 12  # one blank line between header, title, body and signature


# --- text measuring ---------------------------------------------------------------------


def text_width(text: str, font: str, size: float) -> float:
    return stringWidth(text, font, size)


def wrap_text(text: str, font: str, size: float, width: float) -> list[str]:
    """Greedy line breaking at spaces; explicit line breaks kept; a word too long
    for the line is cut between characters rather than left overflowing."""
    lines: list[str] = []
    for paragraph in (text or "").split("\n"):
        current = ""
        for word in _words(paragraph):
            candidate = f"{current} {word}" if current else word
            if text_width(candidate, font, size) <= width:
                current = candidate
                continue
            if current:
                lines.append(current)
            current = word
            while text_width(current, font, size) > width and len(current) > 1:
                cut = _fitting_prefix(current, font, size, width)
                lines.append(current[:cut])
                current = current[cut:]
        lines.append(current)
    return lines


def _words(text: str) -> list[str]:
    """Words split at ordinary spaces only: a no-break space (a gap left for the
    Văn thư) stays inside its word."""
    return [word for word in text.replace("\t", " ").split(" ") if word]


def _fitting_prefix(word: str, font: str, size: float, width: float) -> int:
    cut = 1
    while cut < len(word) and text_width(word[: cut + 1], font, size) <= width:
        cut += 1
    return cut


def balanced_wrap(text: str, font: str, size: float, width: float) -> list[str]:
    """As few lines as greedy breaking needs, but of even lengths (a title broken
    "SỞ NÔNG NGHIỆP / VÀ MÔI TRƯỜNG", not "SỞ NÔNG NGHIỆP VÀ MÔI / TRƯỜNG")."""
    lines = wrap_text(text, font, size, width)
    if len(lines) <= 1 or "\n" in text:
        return lines
    low = max(text_width(word, font, size) for word in _words(text))
    high = width
    for _ in range(24):
        middle = (low + high) / 2
        if len(wrap_text(text, font, size, middle)) <= len(lines):
            high = middle
        else:
            low = middle
    return wrap_text(text, font, size, high)


# --- a block of measured lines and rules -------------------------------------------------


class Block(Flowable):
    """Text lines and horizontal rules at computed places; never split across pages.

    Coordinates: x from the frame's left edge, y downward from the block's top.
    """

    def __init__(self, width: float):
        super().__init__()
        self.width = width
        self.height = 0.0
        self.texts: list[tuple[float, float, str, str, float, str]] = []
        self.rules: list[tuple[float, float, float]] = []

    def add_text(self, x: float, baseline: float, text: str, font: str, size: float, align: str) -> None:
        self.texts.append((x, baseline, text, font, size, align))
        self.height = max(self.height, baseline + 0.3 * size)

    def add_rule(self, x0: float, x1: float, y: float) -> None:
        self.rules.append((x0, x1, y))
        self.height = max(self.height, y + RULE_WIDTH)

    def wrap(self, available_width, available_height):
        return self.width, self.height

    def draw(self) -> None:
        canvas = self.canv
        canvas.setFillColor(colors.black)
        for x, baseline, text, font, size, align in self.texts:
            canvas.setFont(font, size)
            y = self.height - baseline
            if align == "centre":
                canvas.drawCentredString(x, y, text)
            else:
                canvas.drawString(x, y, text)
        canvas.setStrokeColor(colors.black)
        canvas.setLineWidth(RULE_WIDTH)
        for x0, x1, y in self.rules:
            canvas.line(x0, self.height - y, x1, self.height - y)


class Column:
    """Stacks centred (or left-aligned) lines in one column of a Block."""

    def __init__(self, block: Block, left: float, width: float, top: float = 0.0):
        self.block = block
        self.left = left
        self.width = width
        self.baseline: float | None = None  # of the last line
        self.top = top
        self.last_widths: list[float] = []  # widths of the lines of the last add()

    @property
    def centre(self) -> float:
        return self.left + self.width / 2

    def next_baseline(self, size: float, space_before: float = 0.0) -> float:
        if self.baseline is None:
            return self.top + space_before + size
        return self.baseline + space_before + SINGLE * size

    def add(
        self, text: str, font: str, size: float, *, align: str = "centre", space_before: float = 0.0,
        balanced: bool = True, indent: float = 0.0, hanging: float = 0.0,
    ) -> list[str]:  # fmt: skip
        """Lay out `text` (wrapped to the column); returns its lines."""
        width = self.width - indent
        if align == "centre":
            lines = (balanced_wrap if balanced else wrap_text)(text, font, size, width)
        else:
            lines = _hanging_wrap(text, font, size, width, hanging)
        self.last_widths = []
        for index, line in enumerate(lines):
            baseline = self.next_baseline(size, space_before if index == 0 else 0.0)
            if align == "centre":
                self.block.add_text(self.centre, baseline, line, font, size, "centre")
            else:
                x = self.left + indent + (hanging if index else 0.0)
                self.block.add_text(x, baseline, line, font, size, "left")
            self.last_widths.append(text_width(line, font, size))
            self.baseline = baseline
        return lines

    def rule_under(self, length: float, size: float) -> float:
        """A rule of `length`, centred under the last line; returns its y."""
        y = (self.baseline or 0.0) + RULE_GAP * size
        self.block.add_rule(self.centre - length / 2, self.centre + length / 2, y)
        return y


def _hanging_wrap(text: str, font: str, size: float, width: float, hanging: float) -> list[str]:
    first = wrap_text(text, font, size, width)
    if len(first) <= 1 or not hanging:
        return first
    head = first[0]
    rest = text[len(head):].strip()
    return [head] + wrap_text(rest, font, size, width - hanging)


# --- the header (ô 1–5b) ---------------------------------------------------------------------


def header_block(
    family: FontFamily,
    *,
    governing_body: str,
    issuer: str,
    so_text: str | None,
    date_text: str,
    vv_text: str | None = None,
    width: float = TEXT_WIDTH,
) -> Block:
    """Tên cơ quan | Quốc hiệu và Tiêu ngữ; Số | địa danh, ngày; (V/v under Số).

    Rules: under the Tiêu ngữ as long as its line; under the issuer 1/3–1/2 of its
    (longest) line, centred.
    """
    block = Block(width)
    left_width, right_width = _header_columns(width)
    left = Column(block, 0.0, left_width)
    right = Column(block, left_width, right_width)

    right.add(QUOC_HIEU, family.bold, QUOC_HIEU_SIZE)
    right.add(TIEU_NGU, family.bold, TIEU_NGU_SIZE)
    right_rule = right.rule_under(text_width(TIEU_NGU, family.bold, TIEU_NGU_SIZE), TIEU_NGU_SIZE)

    if governing_body:
        left.add(upper(governing_body), family.regular, ORG_SIZE)
    left_rule = 0.0
    if issuer:
        left.add(upper(issuer), family.bold, ORG_SIZE)
        left_rule = left.rule_under(ISSUER_RULE_SHARE * max(left.last_widths), ORG_SIZE)

    row_top = max(left_rule, right_rule) + 9
    left.baseline = right.baseline = None
    left.top = right.top = row_top
    if so_text:
        left.add(so_text, family.regular, SO_SIZE, balanced=False)
    date_size = DATE_SIZE if text_width(date_text, family.italic, DATE_SIZE) <= right_width else SO_SIZE
    right.top = row_top + (SO_SIZE - date_size)  # the same baseline as "Số:"
    right.add(date_text, family.italic, date_size)
    if vv_text:
        left.add(vv_text, family.regular, VV_SIZE, space_before=6)
    block.height += 2
    return block


def _header_columns(width: float) -> tuple[float, float]:
    share = HEADER_COLUMNS[0] / (HEADER_COLUMNS[0] + HEADER_COLUMNS[1])
    return width * share, width * (1 - share)


# --- tên loại and trích yếu (ô 5a) -----------------------------------------------------------


def title_block(family: FontFamily, type_name: str | None, title: str, width: float = TEXT_WIDTH) -> Block:
    """ "KẾ HOẠCH" / trích yếu (bold), and a rule 1/3–1/2 of its longest line."""
    block = Block(width)
    column = Column(block, 0.0, width, top=BLOCK_GAP)
    if type_name:
        column.add(upper(type_name), family.bold, TYPE_SIZE)
    if title:
        column.add(title, family.bold, TITLE_SIZE)
    widths = column.last_widths or [text_width(upper(type_name or ""), family.bold, TYPE_SIZE)]
    rule_y = column.rule_under(TITLE_RULE_SHARE * max(widths), TITLE_SIZE)
    block.height = rule_y + BLOCK_GAP
    return block


# --- Kính gửi (ô 9a) --------------------------------------------------------------------------


KINH_GUI_X = 35 * mm  # Mẫu 1.5: ≈ 35 mm from the left text edge


def kinh_gui_block(family: FontFamily, names: list[str], width: float = TEXT_WIDTH) -> Block | None:
    lines = kinh_gui_lines(names)
    if not lines:
        return None
    block = Block(width)
    label = "Kính gửi: "
    label_x = KINH_GUI_X if len(lines) > 1 or text_width(label + lines[0], family.regular, BODY_SIZE) < width - KINH_GUI_X else 0
    block.add_text(label_x, BLOCK_GAP + BODY_SIZE, label.strip(), family.regular, BODY_SIZE, "left")
    list_x = label_x + text_width(label, family.regular, BODY_SIZE)
    column = Column(block, list_x, width - list_x, top=BLOCK_GAP)
    for line in lines:
        hanging = text_width("- ", family.regular, BODY_SIZE) if line.startswith("- ") else 0.0
        column.add(line, family.regular, BODY_SIZE, align="left", hanging=hanging)
    block.height = (column.baseline or 0) + 0.3 * BODY_SIZE + 6
    return block


# --- signature and Nơi nhận (ô 7, ô 9b) ------------------------------------------------------------


def signature_block(
    family: FontFamily,
    *,
    signer_title: str,
    signer_name: str,
    recipients: list[str] | None,
    archive: str,
    as_above: bool = False,
    width: float = TEXT_WIDTH,
) -> Block:
    """Nơi nhận (left, level with the first title line) | authority, title, space, name.

    One Block, so the title lines are never separated from the name.
    `recipients=None` prints no Nơi nhận at all.
    """
    block = Block(width)
    left_width = width * SIGN_COLUMNS[0] / sum(SIGN_COLUMNS)
    left = Column(block, 0.0, left_width - 3 * mm, top=BLOCK_GAP)
    right = Column(block, left_width, width - left_width, top=BLOCK_GAP)
    first_baseline = BLOCK_GAP + SIGN_SIZE
    if recipients is not None:
        block.add_text(0.0, first_baseline, "Nơi nhận:", family.bold_italic, NOI_NHAN_LABEL_SIZE, "left")
        left.baseline = first_baseline
        dash = text_width("- ", family.regular, NOI_NHAN_SIZE)
        for line in recipient_lines(recipients, archive, as_above=as_above):
            left.add(line, family.regular, NOI_NHAN_SIZE, align="left", hanging=dash)
    title_lines = [upper(line) for line in (signer_title or "").split("\n") if line.strip()]
    for line in title_lines:
        right.add(line, family.bold, SIGN_SIZE)
    if signer_name:
        name_baseline = (right.baseline or first_baseline) + SIGNATURE_SPACE
        right.baseline = name_baseline - SINGLE * SIGN_SIZE
        right.add(signer_name, family.bold, SIGN_SIZE)
    block.height += 4
    return block


# --- appendix heading (Mẫu 2.1) -------------------------------------------------------------------


def appendix_heading(
    family: FontFamily, numeral: str, title_lines: list[str], attached_to: str, width: float
) -> Block:
    """ "Phụ lục [I]" / TITLE / "(Kèm theo … )" / a short rule."""
    block = Block(width)
    column = Column(block, 0.0, width)
    column.add(f"Phụ lục {numeral}".strip(), family.bold, TYPE_SIZE)
    for line in title_lines:
        column.add(upper(line), family.bold, TITLE_SIZE)
    size = TITLE_SIZE
    if attached_to:
        column.add(attached_to, family.italic, 13)
        size = 13
    rule_length = min(max(max(column.last_widths) / 3, 25 * mm), 60 * mm)
    rule_y = column.rule_under(rule_length, size)
    block.height = rule_y + BLOCK_GAP
    return block


# --- paragraphs -------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Styles:
    body: ParagraphStyle
    heading: ParagraphStyle  # "I. KẾT QUẢ THỰC HIỆN"
    subheading: ParagraphStyle  # "1. Kết quả chung"
    legal_basis: ParagraphStyle
    cell: ParagraphStyle
    cell_centre: ParagraphStyle
    cell_head: ParagraphStyle
    cell_section: ParagraphStyle
    caption: ParagraphStyle


def make_styles(family: FontFamily) -> Styles:
    body = ParagraphStyle(
        "body", fontName=family.regular, fontSize=BODY_SIZE, leading=BODY_LEADING, alignment=TA_JUSTIFY,
        firstLineIndent=FIRST_INDENT, spaceBefore=PARAGRAPH_SPACE, textColor=colors.black,
    )  # fmt: skip
    heading = ParagraphStyle("heading", parent=body, fontName=family.bold, keepWithNext=1, alignment=TA_LEFT)
    cell = ParagraphStyle(
        "cell", fontName=family.regular, fontSize=CELL_SIZE, leading=round(SINGLE * CELL_SIZE, 1),
        alignment=TA_LEFT, textColor=colors.black,
    )  # fmt: skip
    return Styles(
        body=body,
        heading=heading,
        subheading=ParagraphStyle("subheading", parent=heading),
        legal_basis=ParagraphStyle("legal_basis", parent=body, fontName=family.italic),
        cell=cell,
        cell_centre=ParagraphStyle("cell_centre", parent=cell, alignment=TA_CENTER),
        cell_head=ParagraphStyle("cell_head", parent=cell, fontName=family.bold, alignment=TA_CENTER),
        cell_section=ParagraphStyle("cell_section", parent=cell, fontName=family.bold),
        caption=ParagraphStyle("caption", parent=body, fontName=family.bold, alignment=TA_CENTER, firstLineIndent=0),
    )


def paragraph(markup: str, style: ParagraphStyle) -> Paragraph:
    return Paragraph(markup, style)


def text_paragraph(text: str, style: ParagraphStyle) -> Paragraph:
    """Plain user text (escaped; line breaks kept)."""
    return Paragraph(esc(text).replace("\n", "<br/>"), style)


# --- tables -------------------------------------------------------------------------------------------


MIN_SPLIT = 2 * SINGLE * CELL_SIZE + 6  # a row splits only if two lines of it fit on the page


def data_table(
    styles: Styles, columns: list[TableColumn], rows: list, width: float, *, fit_to_text: bool = True
) -> LongTable:
    """A bordered table with its header row repeated on every page. A row that
    does not fit the rest of the page continues on the next one (as Word's "allow
    row to break across pages"), so a long cell is split, never cut off.

    `fit_to_text` shares the width out by how much text each column holds (its
    weight sets the balance), so a column of long sentences is not squeezed."""
    widths = column_widths(columns, rows, width, fit_to_text, styles.cell.fontName)
    data = [[Paragraph(esc(column.title), styles.cell_head) for column in columns]]
    commands = [
        # Empty cells are strings drawn in the cell font: without this, Helvetica (not embedded).
        ("FONT", (0, 0), (-1, -1), styles.cell.fontName, CELL_SIZE),
        ("GRID", (0, 0), (-1, -1), RULE_WIDTH, colors.black),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("VALIGN", (0, 0), (-1, 0), "MIDDLE"),
        ("LEFTPADDING", (0, 0), (-1, -1), 3),
        ("RIGHTPADDING", (0, 0), (-1, -1), 3),
        ("TOPPADDING", (0, 0), (-1, -1), 2),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
    ]
    for row in rows:
        index = len(data)
        if isinstance(row, SectionRow):
            data.append([Paragraph(esc(row.text), styles.cell_section)] + [""] * (len(columns) - 1))
            commands.append(("SPAN", (0, index), (-1, index)))
            continue
        bold = isinstance(row, TotalRow)
        cells = []
        for column, value in zip(columns, row.cells if bold else row):
            style = (styles.cell_head if column.centred else styles.cell_section) if bold else (
                styles.cell_centre if column.centred else styles.cell
            )
            cells.append(Paragraph(esc(value).replace("\n", "<br/>"), style) if value else "")
        data.append(cells)
    table = RuledTable(data, colWidths=widths, repeatRows=1, splitByRow=0, splitInRow=MIN_SPLIT, hAlign="LEFT")
    table.setStyle(TableStyle(commands))
    return table


class RuledTable(LongTable):
    """A table whose pages are each closed by a rule, with the repeated header
    ruled off from the part of a row continued from the page before, and whose
    section rows ("I. CẢI CÁCH THỂ CHẾ") never stay alone at the foot of a page.

    (reportlab leaves out the grid line where it splits a row across pages.)"""

    def split(self, available_width, available_height):
        parts = super().split(available_width, available_height)
        if len(parts) != 2:
            return parts
        orphans = _trailing_section_rows(parts[0], self.repeatRows)
        if orphans:
            kept = len(parts[0]._cellvalues)
            height = sum(self._rowHeights[kept - orphans : kept])
            shorter = super().split(available_width, available_height - height)
            if len(shorter) == 2 and len(shorter[0]._cellvalues) > self.repeatRows:
                parts = shorter
        first, rest = parts
        first.setStyle([("LINEBELOW", (0, -1), (-1, -1), RULE_WIDTH, colors.black)])
        if self.repeatRows and len(rest._cellvalues) > self.repeatRows:
            header = self.repeatRows - 1
            rest.setStyle([("LINEBELOW", (0, header), (-1, header), RULE_WIDTH, colors.black)])
        return parts


def _trailing_section_rows(table: LongTable, repeat_rows: int) -> int:
    """How many section rows end this piece of a table (a heading with nothing under it)."""
    count = 0
    for row in reversed(table._cellvalues[repeat_rows:]):
        first = row[0]
        if isinstance(first, Paragraph) and first.style.name == "cell_section" and not any(row[1:]):
            count += 1
        else:
            break
    return count


def column_widths(
    columns: list[TableColumn], rows: list, width: float, fit_to_text: bool, font: str = "Times-Roman"
) -> list[float]:
    task_rows = [row for row in rows if isinstance(row, list)]
    minimums = [
        min(max(column.min_width, _longest_word(task_rows, i, font) + CELL_PADDING), MAX_MIN_WIDTH, width / len(columns))
        for i, column in enumerate(columns)
    ]
    total = sum(column.weight for column in columns)
    widths = _with_minimums([width * column.weight / total for column in columns], minimums)
    if fit_to_text and task_rows:
        widths = _fit_to_text(widths, minimums, task_rows, font)
    return widths


MAX_MIN_WIDTH = 40 * mm


def _longest_word(rows: list, column: int, font: str) -> float:
    """The widest word of a column (a date, a document number), not to be broken."""
    words = {word for row in rows for word in (row[column] or "").split() if len(word) > 6}
    return max((stringWidth(word, font, CELL_SIZE) for word in words), default=0.0)


FIT_SAMPLE_ROWS = 120  # enough rows to judge a plan's columns; keeps the search fast
FIT_MOVES = (3 * mm, 12 * mm)  # small steps, and bigger ones to get over plateaus
CELL_PADDING = 6  # left + right


def _fit_to_text(widths: list[float], minimums: list[float], rows: list, font: str) -> list[float]:
    """Move width between columns while that makes the table shorter (the estimated
    sum of its row heights: each row is as tall as its fullest cell)."""
    step = max(1, len(rows) // FIT_SAMPLE_ROWS)
    sample = rows[::step]
    # Each cell as the widths of its written lines, measured once.
    cells = [
        [[stringWidth(line, font, CELL_SIZE) * 1.08 for line in (row[i] or "").split("\n")] if row[i] else []
         for row in sample]
        for i in range(len(widths))
    ]  # fmt: skip

    def lines(column: int, width: float) -> list[int]:
        room = max(width - CELL_PADDING, 1.0)
        return [sum(max(1, -(-int(w) // int(room))) for w in cell) for cell in cells[column]]

    current = [lines(i, w) for i, w in enumerate(widths)]
    height = sum(map(max, zip(*current)))
    for _ in range(60):
        best = None
        for move in FIT_MOVES:
            for source in range(len(widths)):
                if widths[source] - move < minimums[source]:
                    continue
                shrunk = lines(source, widths[source] - move)
                for target in range(len(widths)):
                    if target == source:
                        continue
                    trial = list(current)
                    trial[source] = shrunk
                    trial[target] = lines(target, widths[target] + move)
                    trial_height = sum(map(max, zip(*trial)))
                    if trial_height < height and (best is None or trial_height < best[0]):
                        best = (trial_height, move, source, target, trial)
        if best is None:
            break
        height, move, source, target, current = best
        widths[source] -= move
        widths[target] += move
    return widths


def _with_minimums(widths: list[float], minimums: list[float]) -> list[float]:
    """Raise narrow columns to their minimum, taking the room from the wider ones."""
    widths = list(widths)
    for _ in range(len(widths)):
        short = [i for i, w in enumerate(widths) if w < minimums[i] - 0.01]
        if not short:
            break
        needed = sum(minimums[i] - widths[i] for i in short)
        free = [i for i in range(len(widths)) if i not in short and widths[i] > minimums[i]]
        spare = sum(widths[i] - minimums[i] for i in free)
        for i in short:
            widths[i] = minimums[i]
        for i in free:
            widths[i] -= needed * (widths[i] - minimums[i]) / spare
    return widths


# --- the document --------------------------------------------------------------------------------------


class RestartNumbering(Flowable):
    """Marks the page it lands on as page 1 of a new numbering (each Phụ lục)."""

    def __init__(self, document: OfficialDocument):
        super().__init__()
        self.document = document
        self.width = self.height = 0

    def wrap(self, available_width, available_height):
        return 0, 0

    def draw(self) -> None:
        self.document.number_origin = self.canv.getPageNumber()


class OfficialDocument(BaseDocTemplate):
    """A4 portrait pages, landscape pages for wide tables, ND30 page numbers."""

    def __init__(self, target, family: FontFamily, *, title: str = "", author: str = "", on_page=None):
        super().__init__(
            target,
            pagesize=PORTRAIT,
            leftMargin=MARGINS.left,
            rightMargin=MARGINS.right,
            topMargin=MARGINS.top,
            bottomMargin=MARGINS.bottom,
            title=title,
            author=author,
            creator="kehoach-desktop",
            initialFontName=family.regular,  # no stray Helvetica in the file
            initialFontSize=BODY_SIZE,
        )
        self.family = family
        self.on_page = on_page  # called with the number of pages finished; may raise to cancel
        self.number_origin = 1
        self.page_numbers: list[tuple[int, int]] = []  # (physical page, printed number)
        self.addPageTemplates([self._template("portrait", PORTRAIT), self._template("landscape", LANDSCAPE)])

    def _template(self, name: str, size: tuple[float, float]) -> PageTemplate:
        width, height = size
        frame = Frame(
            MARGINS.left, MARGINS.bottom, width - MARGINS.left - MARGINS.right,
            height - MARGINS.top - MARGINS.bottom, leftPadding=0, rightPadding=0, topPadding=0,
            bottomPadding=0, id=f"{name}-frame",
        )  # fmt: skip
        return PageTemplate(id=name, frames=[frame], pagesize=size, onPageEnd=self._number_page)

    def _number_page(self, canvas, document) -> None:
        """Arabic numbers centred in the top margin; the first page (of the
        document, and of each appendix) shows none."""
        physical = canvas.getPageNumber()
        if self.on_page is not None:
            self.on_page(physical)
        number = physical - self.number_origin + 1
        if number < 2:
            return
        width, height = canvas._pagesize
        centre = MARGINS.left + (width - MARGINS.left - MARGINS.right) / 2
        canvas.saveState()
        canvas.setFillColor(colors.black)
        canvas.setFont(self.family.regular, PAGE_NUMBER_SIZE)
        canvas.drawCentredString(centre, height - PAGE_NUMBER_BASELINE, str(number))
        canvas.restoreState()
        self.page_numbers.append((physical, number))


def landscape_section(document: OfficialDocument, content: list) -> list:
    """Flowables that start a Phụ lục on a new landscape page with its own numbering."""
    return [NextPageTemplate("landscape"), PageBreak(), RestartNumbering(document), *content]


def keep_with_signature(body: list, signature: Flowable) -> list:
    """The signature is never alone on a page: the last paragraph goes with it
    (a table is left to split; only its text after it would be kept)."""
    if not body:
        return [signature]
    if not isinstance(body[-1], Paragraph):
        return body + [signature]
    return body[:-1] + [KeepTogether([body[-1], signature])]

