"""The document model (reports/document.py) laid out as PDF with reportlab,
in the geometry of reports/layout.py."""

from __future__ import annotations

import io
from collections.abc import Callable

from reportlab.platypus import Flowable

from kehoach_desktop.reports import layout
from kehoach_desktop.reports.document import (
    Appendix,
    Chart,
    Document,
    Header,
    KinhGui,
    Para,
    Signature,
    Style,
    Table,
    Title,
)
from kehoach_desktop.reports.fonts import FontFamily, register_fonts
from kehoach_desktop.reports.texts import inline_markup


def render(document: Document, *, prefer_system_font: bool | None = None,
           on_page: Callable[[int], None] | None = None) -> bytes:  # fmt: skip
    family = register_fonts(prefer_system_font)
    styles = layout.make_styles(family)
    buffer = io.BytesIO()
    template = layout.OfficialDocument(buffer, family, title=document.title, author=document.author, on_page=on_page)
    template.build(story(template, family, styles, document.blocks))
    return buffer.getvalue()


def story(template: layout.OfficialDocument, family: FontFamily, styles: layout.Styles, blocks: list) -> list:
    out: list = []
    for block in blocks:
        if isinstance(block, Signature):
            out = layout.keep_with_signature(out, signature(family, block))
        elif isinstance(block, Appendix):
            out += layout.landscape_section(template, appendix(template, family, styles, block))
        else:
            out += flowables(family, styles, block, layout.TEXT_WIDTH)
    return out


def flowables(family: FontFamily, styles: layout.Styles, block, width: float) -> list[Flowable]:
    if isinstance(block, Header):
        return [layout.header_block(family, governing_body=block.governing_body, issuer=block.issuer,
                                    so_text=block.so_text, date_text=block.date_text, vv_text=block.vv_text,
                                    width=width)]  # fmt: skip
    if isinstance(block, Title):
        return [layout.title_block(family, block.type_name, block.title, width)]
    if isinstance(block, KinhGui):
        kinh_gui = layout.kinh_gui_block(family, block.names, width)
        return [kinh_gui] if kinh_gui else []
    if isinstance(block, Para):
        return [layout.paragraph(inline_markup(block.text), paragraph_style(styles, block.style))]
    if isinstance(block, Table):
        table_width = layout.LANDSCAPE_TEXT_WIDTH if block.landscape else width
        table = layout.data_table(styles, block.columns, block.rows, table_width, fit_to_text=block.fit_to_text)
        return [layout.Spacer(1, layout.PARAGRAPH_SPACE), table]
    if isinstance(block, Chart):
        drawings = block.draw(family, width)
        if not drawings:
            return []
        first: list[Flowable] = [layout.Spacer(1, layout.PARAGRAPH_SPACE), drawings[0]]
        rest: list[Flowable] = [item for drawing in drawings[1:] for item in (layout.Spacer(1, layout.PARAGRAPH_SPACE), drawing)]
        return first + rest
    raise TypeError(f"unknown block {block!r}")


def paragraph_style(styles: layout.Styles, style: Style):
    return getattr(styles, style.value)


def signature(family: FontFamily, block: Signature) -> Flowable:
    return layout.signature_block(family, signer_title=block.signer_title, signer_name=block.signer_name,
                                  recipients=block.recipients, archive=block.archive, as_above=block.as_above)  # fmt: skip


def appendix(template, family: FontFamily, styles: layout.Styles, block: Appendix) -> list[Flowable]:
    width = layout.LANDSCAPE_TEXT_WIDTH
    out: list[Flowable] = [layout.appendix_heading(family, block.numeral, block.title_lines, block.attached_to, width)]
    for inner in block.blocks:
        items = flowables(family, styles, inner, width)
        if isinstance(inner, Table) and items and isinstance(items[0], layout.Spacer) and len(out) == 1:
            items = items[1:]  # the heading's own gap is enough
        out += items
    return out
