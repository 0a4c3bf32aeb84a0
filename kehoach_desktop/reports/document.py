"""One report as a list of blocks: the document model both writers read.

A kind's module turns a `ReportData` into a `Document` (what is printed, in
order: header, title or Kính gửi, paragraphs, tables, signature, appendix); then
`pdf_writer` lays it out with reportlab and `docx_writer` writes it as Word
paragraphs, tables and sections. So the PDF and the .docx of one report carry the
same text: there is only one place where the text is made.

Paragraph texts are plain text (NFC) in which `**bold**` marks bold runs; the
writers escape or split them. A paragraph with a `key` is a generated sentence a
person may rewrite in the report dialog: `ReportHeader.edits[key]` replaces it.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from enum import Enum
from typing import Any

from kehoach_desktop.reports.texts import legal_basis_lines, place_date, single_punctuation, so_ky_hieu, upper


MM = 72 / 25.4  # points in a millimetre


class Style(str, Enum):
    BODY = "body"  # justified, first-line indent
    HEADING = "heading"  # "I. KẾT QUẢ THỰC HIỆN" (bold)
    SUBHEADING = "subheading"  # "1. Kết quả chung" (bold)
    LEGAL_BASIS = "legal_basis"  # căn cứ (italic)
    CAPTION = "caption"  # centred, bold


@dataclass
class Header:
    """Tên cơ quan | Quốc hiệu, Tiêu ngữ; Số | địa danh, ngày; V/v (công văn)."""

    governing_body: str
    issuer: str
    so_text: str | None
    date_text: str
    vv_text: str | None = None


@dataclass
class Title:
    """Tên loại (KẾ HOẠCH, BÁO CÁO) and the trích yếu, with the rule under it."""

    type_name: str | None
    title: str


@dataclass
class KinhGui:
    names: list[str]


@dataclass
class Para:
    text: str
    style: Style = Style.BODY
    key: str = ""  # an editable generated sentence
    label: str = ""  # what the dialog calls it ("Lĩnh vực I: kết quả đạt được")


@dataclass(frozen=True)
class Column:
    title: str
    weight: float  # relative width
    centred: bool = False
    min_width: float = 16 * MM  # points; raised to fit the column's longest word


@dataclass(frozen=True)
class SectionRow:
    """A row spanning the whole table: "I. CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH"."""

    text: str


@dataclass(frozen=True)
class TotalRow:
    """A row in bold: "Tổng cộng"."""

    cells: list[str]


@dataclass
class Table:
    columns: list[Column]
    rows: list  # list[str] | SectionRow | TotalRow
    landscape: bool = False  # on the appendix's landscape pages (full landscape width)
    fit_to_text: bool = True  # share the width by how much text each column holds


@dataclass
class Chart:
    """A drawing only the PDF can show (reportlab graphics); the .docx keeps the
    table it is drawn from. `draw(family, width)` returns reportlab Drawings."""

    draw: Callable[[Any, float], list]
    caption: str = ""


@dataclass
class Signature:
    signer_title: str
    signer_name: str
    recipients: list[str] | None  # None: no Nơi nhận at all
    archive: str
    as_above: bool = False  # the document has a Kính gửi: Nơi nhận starts "- Như trên;"


@dataclass
class Appendix:
    """Mẫu 2.1 on landscape pages with its own page numbers."""

    numeral: str
    title_lines: list[str]
    attached_to: str
    blocks: list = field(default_factory=list)


Block = Header | Title | KinhGui | Para | Table | Chart | Signature | Appendix


@dataclass
class Document:
    title: str  # the file's title (PDF metadata, Word core properties)
    author: str
    blocks: list[Block] = field(default_factory=list)

    def add(self, *blocks: Block) -> None:
        """Append blocks; no paragraph keeps doubled punctuation ("như sau:.")."""
        for block in blocks:
            for para in [block] if isinstance(block, Para) else (block.blocks if isinstance(block, Appendix) else []):
                if isinstance(para, Para):
                    para.text = single_punctuation(para.text)
        self.blocks.extend(blocks)

    def editable(self) -> list[Para]:
        """The generated sentences a person may rewrite, in print order."""
        found = [block for block in self.blocks if isinstance(block, Para) and block.key]
        for block in self.blocks:
            if isinstance(block, Appendix):
                found += [inner for inner in block.blocks if isinstance(inner, Para) and inner.key]
        return found


# --- building blocks from a header ------------------------------------------------------------------


def opening_blocks(header, *, type_name: str | None, letter: bool = False) -> list[Block]:
    """Header (ô 1–4), then tên loại + trích yếu (ô 5a) or, for a công văn, the
    V/v under Số (ô 5b) and Kính gửi (ô 9a); then the căn cứ. Any document may
    carry a Kính gửi (a báo cáo sent upward has one, under its title)."""
    so_text = so_ky_hieu(header.number, header.symbol) if header.symbol else None
    blocks: list[Block] = [
        Header(
            governing_body=header.governing_body,
            issuer=header.issuer,
            so_text=so_text,
            date_text=place_date(header.place, header.issued_on, header.year),
            vv_text=f"V/v {header.title}" if letter and header.title else None,
        )
    ]
    if not letter:
        blocks.append(Title(type_name, header.title))
    if header.kinh_gui:
        blocks.append(KinhGui(list(header.kinh_gui)))
    blocks += [Para(line, Style.LEGAL_BASIS) for line in legal_basis_lines(header.legal_bases)]
    return blocks


def signature_of(header, *, with_recipients: bool = True) -> Signature:
    return Signature(
        signer_title="\n".join(upper(line) for line in header.signer_title.split("\n") if line.strip()),
        signer_name=header.signer_name,
        recipients=list(header.recipients) if with_recipients else None,
        archive=header.archive,
        as_above=bool(header.kinh_gui),
    )


def editable(key: str, label: str, generated: str, edits: dict[str, str], style: Style = Style.BODY) -> Para:
    """A generated sentence, or the person's rewrite of it when there is one."""
    text = edits.get(key, generated) if edits else generated
    return Para(text, style, key=key, label=label)


def plain_text(document: Document) -> list[str]:
    """Every text of the document in print order, one entry per line or cell
    (for comparing the PDF with the .docx, and for tests)."""
    from kehoach_desktop.reports.texts import QUOC_HIEU, TIEU_NGU, kinh_gui_lines, recipient_lines

    out: list[str] = []

    def walk(blocks: list) -> None:
        for block in blocks:
            if isinstance(block, Header):
                out.extend(line for line in (upper(block.governing_body), upper(block.issuer), QUOC_HIEU, TIEU_NGU,
                                             block.so_text or "", block.date_text, block.vv_text or "") if line)  # fmt: skip
            elif isinstance(block, Title):
                out.extend(line for line in (upper(block.type_name or ""), block.title) if line)
            elif isinstance(block, KinhGui):
                out.append("Kính gửi:")
                out.extend(kinh_gui_lines(block.names))
            elif isinstance(block, Para):
                out.append(block.text.replace("**", ""))
            elif isinstance(block, Table):
                out.extend(column.title for column in block.columns)
                for row in block.rows:
                    if isinstance(row, SectionRow):
                        out.append(row.text)
                    else:
                        out.extend(cell for cell in (row.cells if isinstance(row, TotalRow) else row) if cell)
            elif isinstance(block, Signature):
                if block.recipients is not None:
                    out.append("Nơi nhận:")
                    out.extend(recipient_lines(block.recipients, block.archive, as_above=block.as_above))
                out.extend(line for line in block.signer_title.split("\n") if line)
                if block.signer_name:
                    out.append(block.signer_name)
            elif isinstance(block, Appendix):
                out.append(f"Phụ lục {block.numeral}".strip())
                out.extend(upper(line) for line in block.title_lines)
                if block.attached_to:
                    out.append(block.attached_to)
                walk(block.blocks)

    walk(document.blocks)
    return out
