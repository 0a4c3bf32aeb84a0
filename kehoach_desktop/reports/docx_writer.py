"""The document model (reports/document.py) as a Word document, in Word's own terms.

ND30 (shared/docs/nd30.md) as Word expresses it: A4 sections with margins
20/20/30/15 mm; Times New Roman 13–14 (Word has it: nothing embedded); the
national header as a borderless two-column table whose rules are paragraph
borders as long as the decree says; page numbers from page 2 as a PAGE field
in the header ("different first page"); the Phụ lục in its own landscape
section that restarts the numbering, its table's header row repeated on each
page; Nơi nhận and the signature as a borderless table. Every text is a real
paragraph in a named style, so a clerk can edit a sentence and the layout holds.

Widths and rule lengths are measured with the same metrics as the PDF
(reports/layout.py), so both come out alike.
"""

from __future__ import annotations

import io
import re

from docx import Document as new_docx
from docx.enum.section import WD_ORIENT, WD_SECTION
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.table import WD_TABLE_ALIGNMENT, WD_TABLE_DIRECTION  # noqa: F401
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_LINE_SPACING
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Emu, Pt

from kehoach_desktop.reports import layout
from kehoach_desktop.reports.document import (
    Appendix,
    Chart,
    Document,
    Header,
    KinhGui,
    Para,
    SectionRow,
    Signature,
    Style,
    Table,
    Title,
    TotalRow,
)
from kehoach_desktop.reports.texts import QUOC_HIEU, TIEU_NGU, kinh_gui_lines, nfc, recipient_lines, upper

FONT = "Times New Roman"
ASCENT = 0.891  # Times New Roman's (and Liberation Serif's) ascent over its size: where a baseline falls


def _measuring_faces() -> tuple[str, str, str]:
    """reportlab names of the bundled Liberation Serif (the same advance widths as
    Times New Roman, and every Vietnamese letter): regular, bold, italic."""
    from kehoach_desktop.reports.fonts import register_fonts

    family = register_fonts(False)
    return family.regular, family.bold, family.italic
EMU_PER_POINT = 12700
WIDTH_FONT, WIDTH_BOLD, WIDTH_ITALIC = "Times-Roman", "Times-Bold", "Times-Italic"  # set by render()

STYLE_IDS = {  # ASCII ids for the Vietnamese style names a clerk sees in Word
    "Nội dung": "NoiDung", "Đề mục": "DeMuc", "Tiểu mục": "TieuMuc", "Căn cứ": "CanCu", "Chú thích": "ChuThich",
    "Ô bảng": "OBang", "Tiêu đề bảng": "TieuDeBang", "Thể thức": "TheThuc",
}
STYLE_NAMES = {
    Style.BODY: "Nội dung",
    Style.HEADING: "Đề mục",
    Style.SUBHEADING: "Tiểu mục",
    Style.LEGAL_BASIS: "Căn cứ",
    Style.CAPTION: "Chú thích",
}
CELL_STYLE = "Ô bảng"
CELL_HEAD_STYLE = "Tiêu đề bảng"
PLAIN_STYLE = "Thể thức"  # header, title, signature lines: no indent, no spacing


def pt(points: float) -> Emu:
    return Emu(int(round(points * EMU_PER_POINT)))


def render(document: Document) -> bytes:
    global WIDTH_FONT, WIDTH_BOLD, WIDTH_ITALIC
    WIDTH_FONT, WIDTH_BOLD, WIDTH_ITALIC = _measuring_faces()
    word = new_docx()
    word.core_properties.title = nfc(document.title)
    word.core_properties.author = nfc(document.author)
    word.core_properties.comments = "kehoach-desktop"
    _styles(word)
    section = word.sections[0]
    _page(section, landscape=False)
    body = word.element.body
    for paragraph in list(body.iterchildren(qn("w:p"))):  # the template's empty first paragraph
        body.remove(paragraph)
    writer = _Writer(word)
    for block in document.blocks:
        writer.block(block)
    out = io.BytesIO()
    word.save(out)
    return out.getvalue()


# --- page setup ----------------------------------------------------------------------------------


def _page(section, *, landscape: bool, restart_numbering: bool = False) -> None:
    width, height = (layout.LANDSCAPE if landscape else layout.PORTRAIT)
    section.orientation = WD_ORIENT.LANDSCAPE if landscape else WD_ORIENT.PORTRAIT
    section.page_width, section.page_height = pt(width), pt(height)
    margins = layout.MARGINS
    section.top_margin, section.bottom_margin = pt(margins.top), pt(margins.bottom)
    section.left_margin, section.right_margin = pt(margins.left), pt(margins.right)
    section.header_distance = pt(10 * layout.mm)  # as the decree's own Word files
    section.footer_distance = pt(10 * layout.mm)
    section.different_first_page_header_footer = True  # page 1 shows no number
    if restart_numbering:
        _restart_numbering(section)
    header = section.header
    header.is_linked_to_previous = False
    paragraph = header.paragraphs[0]
    paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    _page_field(paragraph)
    first = section.first_page_header
    first.is_linked_to_previous = False


def _restart_numbering(section) -> None:
    sect_pr = section._sectPr
    number_type = sect_pr.find(qn("w:pgNumType"))
    if number_type is None:
        number_type = OxmlElement("w:pgNumType")
        successors = ("w:cols", "w:formProt", "w:vAlign", "w:noEndnote", "w:titlePg", "w:textDirection",
                      "w:bidi", "w:rtlGutter", "w:docGrid", "w:printerSettings")  # fmt: skip
        sect_pr.insert_element_before(number_type, *successors)
    number_type.set(qn("w:start"), "1")


def _page_field(paragraph) -> None:
    """A PAGE field, 14 pt regular (Arabic digits, centred in the top margin)."""
    for kind, text in (("begin", None), ("instr", " PAGE "), ("separate", None), ("text", "2"), ("end", None)):
        run = paragraph.add_run()
        _font(run, layout.PAGE_NUMBER_SIZE)
        if kind == "instr":
            instr = OxmlElement("w:instrText")
            instr.set(qn("xml:space"), "preserve")
            instr.text = text
            run._r.append(instr)
        elif kind == "text":
            run.text = text
        else:
            char = OxmlElement("w:fldChar")
            char.set(qn("w:fldCharType"), kind)
            run._r.append(char)


# --- styles ------------------------------------------------------------------------------------------


def _styles(word) -> None:
    styles = word.styles
    normal = styles["Normal"]
    _style_font(normal, layout.BODY_SIZE)
    normal.paragraph_format.space_before = Pt(0)
    normal.paragraph_format.space_after = Pt(0)
    normal.paragraph_format.line_spacing = 1.0

    plain = _add_style(styles, PLAIN_STYLE)
    plain.base_style = normal
    plain.paragraph_format.line_spacing = 1.0

    body = _add_style(styles, STYLE_NAMES[Style.BODY])
    body.base_style = normal
    fmt = body.paragraph_format
    fmt.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
    fmt.first_line_indent = pt(layout.FIRST_INDENT)
    fmt.space_before = Pt(layout.PARAGRAPH_SPACE)
    fmt.line_spacing_rule = WD_LINE_SPACING.EXACTLY
    fmt.line_spacing = Pt(layout.BODY_LEADING)
    fmt.widow_control = True

    for style, bold, italic in ((Style.HEADING, True, False), (Style.SUBHEADING, True, False),
                                (Style.LEGAL_BASIS, False, True), (Style.CAPTION, True, False)):  # fmt: skip
        named = _add_style(styles, STYLE_NAMES[style])
        named.base_style = body
        named.font.bold = bold
        named.font.italic = italic
        if style in (Style.HEADING, Style.SUBHEADING):
            named.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.LEFT
            named.paragraph_format.keep_with_next = True
        if style is Style.CAPTION:
            named.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.CENTER
            named.paragraph_format.first_line_indent = Pt(0)

    cell = _add_style(styles, CELL_STYLE)
    cell.base_style = normal
    _style_font(cell, layout.CELL_SIZE)
    cell.paragraph_format.line_spacing = 1.0
    head = _add_style(styles, CELL_HEAD_STYLE)
    head.base_style = cell
    head.font.bold = True
    head.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.CENTER


def _add_style(styles, name: str):
    style = styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
    style.style_id = STYLE_IDS[name]
    style.quick_style = True
    return style


def _style_font(style, size: float) -> None:
    style.font.name = FONT
    style.font.size = Pt(size)
    fonts = style.element.get_or_add_rPr().get_or_add_rFonts()
    for attribute in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):
        fonts.set(qn(attribute), FONT)


def _font(run, size: float | None = None, *, bold: bool | None = None, italic: bool | None = None) -> None:
    if size is not None:
        run.font.size = Pt(size)
    if bold is not None:
        run.font.bold = bold
    if italic is not None:
        run.font.italic = italic


# --- the writer ----------------------------------------------------------------------------------------


class _Writer:
    def __init__(self, word):
        self.word = word
        self.width = layout.TEXT_WIDTH

    def block(self, block) -> None:
        if isinstance(block, Header):
            self.header(block)
        elif isinstance(block, Title):
            self.title(block)
        elif isinstance(block, KinhGui):
            self.kinh_gui(block)
        elif isinstance(block, Para):
            self.paragraph(block)
        elif isinstance(block, Table):
            self.table(block)
        elif isinstance(block, Signature):
            self.signature(block)
        elif isinstance(block, Appendix):
            self.appendix(block)
        elif isinstance(block, Chart):
            return  # drawn in the PDF only; the table it is drawn from is in both
        else:
            raise TypeError(f"unknown block {block!r}")

    # --- paragraphs

    def paragraph(self, block: Para):
        paragraph = _paragraph(self.word, STYLE_NAMES[block.style])
        _runs(paragraph, block.text)
        return paragraph

    def plain(self, container, text: str, size: float, *, bold=False, italic=False, centre=True,
              space_before: float = 0.0):  # fmt: skip
        paragraph = _paragraph(container, PLAIN_STYLE)
        paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER if centre else WD_ALIGN_PARAGRAPH.LEFT
        if space_before:
            paragraph.paragraph_format.space_before = Pt(space_before)
        if text:
            run = paragraph.add_run()
            _font(run, size, bold=bold, italic=italic)
            for index, line in enumerate(nfc(text).split("\n")):
                if index:
                    run.add_break()  # where the PDF breaks the line (balanced lines)
                run.add_text(line)
        else:
            _empty_size(paragraph, size)
        return paragraph

    def rule(self, container, length: float, column_width: float, *, space_before: float = 0.0):
        """A rule of `length` centred in a column: an empty 2 pt paragraph whose
        bottom border is drawn between its indents."""
        paragraph = _paragraph(container, PLAIN_STYLE)
        side = max(0.0, (column_width - length) / 2)
        fmt = paragraph.paragraph_format
        fmt.left_indent = pt(side)
        fmt.right_indent = pt(side)
        fmt.space_before = Pt(space_before)
        fmt.line_spacing_rule = WD_LINE_SPACING.EXACTLY
        fmt.line_spacing = Pt(2)
        _empty_size(paragraph, 2)
        _bottom_border(paragraph)
        return paragraph

    # --- the header (ô 1–5b)

    def header(self, block: Header) -> None:
        left_width, right_width = _header_columns(self.width)
        table = _borderless_table(self.word, 2, [left_width, right_width], top=2)  # clear of the top margin
        top_left, top_right = table.rows[0].cells
        bottom_left, bottom_right = table.rows[1].cells
        for cell in (top_left, top_right, bottom_left, bottom_right):
            _clear(cell)
        if block.governing_body:
            self.plain(top_left, upper(block.governing_body), layout.ORG_SIZE)
        if block.issuer:
            issuer = upper(block.issuer)
            lines = layout.balanced_wrap(issuer, WIDTH_BOLD, layout.ORG_SIZE, left_width)
            self.plain(top_left, "\n".join(lines), layout.ORG_SIZE, bold=True)  # broken where the PDF breaks it
            widest = max(layout.text_width(line, WIDTH_BOLD, layout.ORG_SIZE) for line in lines)
            self.rule(top_left, layout.ISSUER_RULE_SHARE * widest, left_width, space_before=2)
        self.plain(top_right, QUOC_HIEU, layout.QUOC_HIEU_SIZE, bold=True)
        self.plain(top_right, TIEU_NGU, layout.TIEU_NGU_SIZE, bold=True)
        self.rule(top_right, layout.text_width(TIEU_NGU, WIDTH_BOLD, layout.TIEU_NGU_SIZE), right_width, space_before=2)
        date_size = layout.DATE_SIZE if layout.text_width(block.date_text, WIDTH_ITALIC, layout.DATE_SIZE) <= right_width else layout.SO_SIZE
        if block.so_text:
            self.plain(bottom_left, block.so_text, layout.SO_SIZE, space_before=6)
        else:
            self.plain(bottom_left, "", layout.SO_SIZE, space_before=6)
        if block.vv_text:
            self.plain(bottom_left, block.vv_text, layout.VV_SIZE, space_before=6)
        self.plain(bottom_right, block.date_text, date_size, italic=True,
                   space_before=6 + ASCENT * (layout.SO_SIZE - date_size))  # the same baseline as "Số:"

    # --- tên loại, trích yếu (ô 5a)

    def title(self, block: Title) -> None:
        self.plain(self.word, "", layout.TITLE_SIZE)  # one blank line under the header
        if block.type_name:
            self.plain(self.word, upper(block.type_name), layout.TYPE_SIZE, bold=True)
        widths = []
        if block.title:
            lines = layout.balanced_wrap(block.title, WIDTH_BOLD, layout.TITLE_SIZE, self.width)
            paragraph = self.plain(self.word, "\n".join(lines), layout.TITLE_SIZE, bold=True)
            paragraph.paragraph_format.keep_with_next = True
            widths = [layout.text_width(line, WIDTH_BOLD, layout.TITLE_SIZE) for line in lines]
        if not widths:
            widths = [layout.text_width(upper(block.type_name or ""), WIDTH_BOLD, layout.TYPE_SIZE)]
        self.rule(self.word, layout.TITLE_RULE_SHARE * max(widths), self.width, space_before=3)
        self.plain(self.word, "", layout.BODY_SIZE)

    # --- Kính gửi (ô 9a)

    def kinh_gui(self, block: KinhGui) -> None:
        lines = kinh_gui_lines(block.names)
        if not lines:
            return
        label = "Kính gửi: "
        label_width = layout.text_width(label, WIDTH_FONT, layout.BODY_SIZE)
        start = layout.KINH_GUI_X
        for index, line in enumerate(lines):
            paragraph = _paragraph(self.word, PLAIN_STYLE)
            fmt = paragraph.paragraph_format
            fmt.left_indent = pt(start + label_width)
            fmt.space_before = Pt(layout.BLOCK_GAP if index == 0 else 0)
            if index == 0:
                fmt.first_line_indent = pt(-label_width)
                _font(paragraph.add_run(label), layout.BODY_SIZE)
            _font(paragraph.add_run(nfc(line)), layout.BODY_SIZE)

    # --- tables

    def table(self, block: Table, width: float | None = None) -> None:
        width = width or (layout.LANDSCAPE_TEXT_WIDTH if block.landscape else self.width)
        widths = layout.column_widths(block.columns, block.rows, width, block.fit_to_text)
        spacer = _paragraph(self.word, PLAIN_STYLE)
        _empty_size(spacer, layout.PARAGRAPH_SPACE)
        table = self.word.add_table(rows=1, cols=len(block.columns))
        table.style = self.word.styles["Table Grid"]
        _fixed_widths(table, widths)
        _cell_margins(table, left=3, right=3, top=2, bottom=2)
        heading = table.rows[0]
        _repeat_header(heading)
        for cell, column in zip(heading.cells, block.columns):
            _cell_text(cell, column.title, CELL_HEAD_STYLE)
            _vertical_centre(cell)
        for row in block.rows:
            if isinstance(row, SectionRow):
                [merged] = _add_row(table, widths, span_all=True)
                _cell_text(merged, row.text, CELL_STYLE, bold=True)
                continue
            cells = _add_row(table, widths)
            values = row.cells if isinstance(row, TotalRow) else row
            for cell, column, value in zip(cells, block.columns, values):
                style = CELL_HEAD_STYLE if isinstance(row, TotalRow) and column.centred else CELL_STYLE
                _cell_text(cell, value or "", style, bold=isinstance(row, TotalRow),
                           centre=column.centred)  # fmt: skip

    # --- Nơi nhận and the signature (ô 7, ô 9b)

    def signature(self, block: Signature) -> None:
        children = [child for child in self.word.element.body if child.tag != qn("w:sectPr")]
        last = children[-1] if children else None
        if last is not None and last.tag == qn("w:p"):  # the last sentence goes with the signature
            last.get_or_add_pPr().get_or_add_keepNext()
        left_width = self.width * layout.SIGN_COLUMNS[0] / sum(layout.SIGN_COLUMNS)
        table = _borderless_table(self.word, 1, [left_width, self.width - left_width], keep_together=True)
        left, right = table.rows[0].cells
        _clear(left)
        _clear(right)
        if block.recipients is not None:
            self.plain(left, "Nơi nhận:", layout.NOI_NHAN_LABEL_SIZE, bold=True, italic=True, centre=False,
                       space_before=layout.BLOCK_GAP)  # fmt: skip
            dash = layout.text_width("- ", WIDTH_FONT, layout.NOI_NHAN_SIZE)
            for line in recipient_lines(block.recipients, block.archive, as_above=block.as_above):
                paragraph = self.plain(left, line, layout.NOI_NHAN_SIZE, centre=False)
                paragraph.paragraph_format.left_indent = pt(dash)
                paragraph.paragraph_format.first_line_indent = pt(-dash)
        else:
            self.plain(left, "", layout.NOI_NHAN_SIZE)
        titles = [line for line in block.signer_title.split("\n") if line.strip()]
        for index, line in enumerate(titles):
            paragraph = self.plain(right, line, layout.SIGN_SIZE, bold=True,
                                   space_before=_level_with_label() if index == 0 else 0)  # fmt: skip
            paragraph.paragraph_format.keep_with_next = True
        if block.signer_name:
            gap = layout.SIGNATURE_SPACE - layout.SINGLE * layout.SIGN_SIZE
            self.plain(right, block.signer_name, layout.SIGN_SIZE, bold=True, space_before=gap)

    # --- the Phụ lục (Mẫu 2.1), in its own landscape section

    def appendix(self, block: Appendix) -> None:
        section = self.word.add_section(WD_SECTION.NEW_PAGE)
        _page(section, landscape=True, restart_numbering=True)
        width = layout.LANDSCAPE_TEXT_WIDTH
        self.plain(self.word, f"Phụ lục {block.numeral}".strip(), layout.TYPE_SIZE, bold=True, space_before=2)
        for line in block.title_lines:
            self.plain(self.word, upper(line), layout.TITLE_SIZE, bold=True)
        widths = [layout.text_width(upper(line), WIDTH_BOLD, layout.TITLE_SIZE) for line in block.title_lines]
        if block.attached_to:
            self.plain(self.word, block.attached_to, 13, italic=True)
            widths = [layout.text_width(block.attached_to, WIDTH_ITALIC, 13)]
        length = min(max(max(widths or [0.0]) / 3, 25 * layout.mm), 60 * layout.mm)
        self.rule(self.word, length, width, space_before=3)
        for inner in block.blocks:
            if isinstance(inner, Table):
                self.table(inner, width)
            else:
                self.block(inner)


def _level_with_label() -> float:
    """Space before the signer's first line so that its baseline is level with
    "Nơi nhận:" (12 pt, BLOCK_GAP before it)."""
    return layout.BLOCK_GAP - ASCENT * (layout.SIGN_SIZE - layout.NOI_NHAN_LABEL_SIZE)


# --- XML helpers ------------------------------------------------------------------------------------


_BOLD = re.compile(r"\*\*(.+?)\*\*")


def _runs(paragraph, text: str) -> None:
    """Text with **bold** parts as separate runs."""
    position = 0
    text = nfc(text)
    for match in _BOLD.finditer(text):
        if match.start() > position:
            paragraph.add_run(text[position : match.start()])
        paragraph.add_run(match.group(1)).bold = True
        position = match.end()
    if position < len(text):
        paragraph.add_run(text[position:])


def _empty_size(paragraph, size: float) -> None:
    """An empty paragraph is as tall as its mark's font size."""
    r_pr = paragraph._p.get_or_add_pPr()
    mark = r_pr.find(qn("w:rPr"))
    if mark is None:
        mark = OxmlElement("w:rPr")
        r_pr.append(mark)
    for tag in ("w:sz", "w:szCs"):
        element = OxmlElement(tag)
        element.set(qn("w:val"), str(int(round(size * 2))))
        mark.append(element)


_PPR_AFTER_BORDER = ("w:shd", "w:tabs", "w:suppressAutoHyphens", "w:kinsoku", "w:wordWrap", "w:overflowPunct",
                     "w:topLinePunct", "w:autoSpaceDE", "w:autoSpaceDN", "w:bidi", "w:adjustRightInd",
                     "w:snapToGrid", "w:spacing", "w:ind", "w:contextualSpacing", "w:mirrorIndents",
                     "w:suppressOverlap", "w:jc", "w:textDirection", "w:textAlignment", "w:textboxTightWrap",
                     "w:outlineLvl", "w:divId", "w:cnfStyle", "w:rPr", "w:sectPr", "w:pPrChange")  # fmt: skip


def _bottom_border(paragraph) -> None:
    p_pr = paragraph._p.get_or_add_pPr()
    borders = OxmlElement("w:pBdr")
    bottom = OxmlElement("w:bottom")
    for key, value in (("w:val", "single"), ("w:sz", "4"), ("w:space", "0"), ("w:color", "000000")):
        bottom.set(qn(key), value)
    borders.append(bottom)
    p_pr.insert_element_before(borders, *_PPR_AFTER_BORDER)


def _header_columns(width: float) -> tuple[float, float]:
    share = layout.HEADER_COLUMNS[0] / sum(layout.HEADER_COLUMNS)
    return width * share, width * (1 - share)


def _borderless_table(word, rows: int, widths: list[float], *, keep_together: bool = False, top: float = 0):
    table = word.add_table(rows=rows, cols=len(widths))
    _fixed_widths(table, widths)
    borders = OxmlElement("w:tblBorders")
    for side in ("top", "left", "bottom", "right", "insideH", "insideV"):
        element = OxmlElement(f"w:{side}")
        element.set(qn("w:val"), "nil")
        borders.append(element)
    _table_property(table, borders)
    _cell_margins(table, left=0, right=0, top=top, bottom=0)
    for row in table.rows:
        _cant_split(row)
    return table


def _fixed_widths(table, widths: list[float]) -> None:
    table.autofit = False
    table.alignment = WD_TABLE_ALIGNMENT.LEFT
    layout_element = OxmlElement("w:tblLayout")
    layout_element.set(qn("w:type"), "fixed")
    _table_property(table, layout_element)
    width_element = OxmlElement("w:tblW")
    width_element.set(qn("w:type"), "dxa")
    width_element.set(qn("w:w"), str(int(round(sum(widths) * 20))))
    _table_property(table, width_element)
    indent = OxmlElement("w:tblInd")
    indent.set(qn("w:w"), "0")
    indent.set(qn("w:type"), "dxa")
    _table_property(table, indent)
    grid = table._tbl.tblGrid
    for column, width in zip(grid.findall(qn("w:gridCol")), widths):
        column.set(qn("w:w"), str(int(round(width * 20))))
    for row in table.rows:
        for cell, width in zip(row.cells, widths):
            cell.width = pt(width)
    table._column_widths = widths


_TBL_PR_ORDER = ("w:tblStyle", "w:tblpPr", "w:tblOverlap", "w:bidiVisual", "w:tblStyleRowBandSize",
                 "w:tblStyleColBandSize", "w:tblW", "w:jc", "w:tblCellSpacing", "w:tblInd", "w:tblBorders",
                 "w:shd", "w:tblLayout", "w:tblCellMar", "w:tblLook", "w:tblCaption", "w:tblDescription")  # fmt: skip


def _table_property(table, element) -> None:
    """Set a table property in the place the schema gives it (Word is strict)."""
    tbl_pr = table._tbl.tblPr
    old = tbl_pr.find(element.tag)
    if old is not None:
        tbl_pr.remove(old)
    tag = element.tag.split("}")[1]
    successors = _TBL_PR_ORDER[_TBL_PR_ORDER.index(f"w:{tag}") + 1 :]
    tbl_pr.insert_element_before(element, *successors)


def _cell_margins(table, *, left: float, right: float, top: float, bottom: float) -> None:
    margins = OxmlElement("w:tblCellMar")
    for side, value in (("top", top), ("left", left), ("bottom", bottom), ("right", right)):
        element = OxmlElement(f"w:{side}")
        element.set(qn("w:w"), str(int(round(value * 20))))
        element.set(qn("w:type"), "dxa")
        margins.append(element)
    _table_property(table, margins)


def _repeat_header(row) -> None:
    tr_pr = row._tr.get_or_add_trPr()
    element = OxmlElement("w:tblHeader")
    element.set(qn("w:val"), "true")
    tr_pr.append(element)
    _cant_split(row)


def _cant_split(row) -> None:
    tr_pr = row._tr.get_or_add_trPr()
    element = OxmlElement("w:cantSplit")
    element.set(qn("w:val"), "true")
    tr_pr.insert(0, element)


def _paragraph(container, style_name: str):
    """A new paragraph in a named style, set by its id (python-docx's lookup by
    name scans every style each time)."""
    paragraph = container.add_paragraph()
    paragraph._p.get_or_add_pPr().style = STYLE_IDS[style_name]
    return paragraph


def _add_row(table, widths: list[float], *, span_all: bool = False) -> list:
    """A new row at the end of the table, as its cells (python-docx's add_row and
    row.cells walk the whole table each time: quadratic for a long Phụ lục).
    Task rows may break across pages (a long cell continues on the next page)."""
    from docx.table import _Cell

    tr = table._tbl.add_tr()
    spans = [sum(widths)] if span_all else widths
    cells = []
    for width in spans:
        tc = tr.add_tc()
        tc.width = pt(width)
        cells.append(_Cell(tc, table))
    if span_all and len(widths) > 1:
        span = OxmlElement("w:gridSpan")
        span.set(qn("w:val"), str(len(widths)))
        tcpr = tr.tc_lst[0].get_or_add_tcPr()
        tcpr.insert_element_before(span, "w:vMerge", "w:tcBorders", "w:shd", "w:noWrap", "w:tcMar",
                                   "w:textDirection", "w:tcFitText", "w:vAlign", "w:hideMark")  # fmt: skip
    return cells


def _clear(cell) -> None:
    """A new cell holds one empty paragraph: drop it (content is added after)."""
    for paragraph in list(cell._tc.iterchildren(qn("w:p"))):
        cell._tc.remove(paragraph)


def _cell_text(cell, text: str, style: str, *, bold: bool = False, centre: bool = False) -> None:
    _clear(cell)
    for line in (nfc(text).split("\n") if text else [""]):
        paragraph = _paragraph(cell, style)
        if centre:
            paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
        if line:
            run = paragraph.add_run(line)
            if bold:
                run.bold = True
    width = getattr(cell, "width", None)
    if width is None:
        pass


def _vertical_centre(cell) -> None:
    tc_pr = cell._tc.get_or_add_tcPr()
    element = OxmlElement("w:vAlign")
    element.set(qn("w:val"), "center")
    tc_pr.append(element)
