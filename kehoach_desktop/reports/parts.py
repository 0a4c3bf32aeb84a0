"""Pieces every report kind shares: the opening (header, title, Kính gửi, căn cứ),
the closing (Nơi nhận and signature), wording about plans and tasks."""

from __future__ import annotations

import re

from reportlab.platypus import Flowable

from kehoach_desktop.domain.models import Plan, Role, Task
from kehoach_desktop.domain.text import numbered, tidy_line
from kehoach_desktop.reports import layout
from kehoach_desktop.reports.fonts import FontFamily
from kehoach_desktop.reports.model import ReportHeader
from kehoach_desktop.reports.texts import (
    date_words,
    esc,
    inline_markup,
    legal_basis_lines,
    lower_first,
    paragraphs,
    place_date,
    short_date,
    so_ky_hieu,
    split_doc_number,
    with_end_mark,
)


def opening(
    family: FontFamily, styles: layout.Styles, header: ReportHeader, *, type_name: str | None,
    letter: bool = False, width: float = layout.TEXT_WIDTH,
) -> list[Flowable]:  # fmt: skip
    """Header (ô 1–4), then tên loại + trích yếu (ô 5a) or, for a công văn, the
    V/v under Số (ô 5b) and Kính gửi (ô 9a); then the căn cứ."""
    so_text = so_ky_hieu(header.number, header.symbol) if header.symbol else None
    story: list[Flowable] = [
        layout.header_block(
            family,
            governing_body=header.governing_body,
            issuer=header.issuer,
            so_text=so_text,
            date_text=place_date(header.place, header.issued_on, header.year),
            vv_text=f"V/v {header.title}" if letter and header.title else None,
            width=width,
        )
    ]
    if letter:
        block = layout.kinh_gui_block(family, header.kinh_gui, width)
        if block:
            story.append(block)
    else:
        story.append(layout.title_block(family, type_name, header.title, width))
    story += [layout.paragraph(esc(line), styles.legal_basis) for line in legal_basis_lines(header.legal_bases)]
    return story


def closing(family: FontFamily, header: ReportHeader, body: list[Flowable], *, with_recipients: bool = True) -> list:
    """The body with its signature block kept on the page of its last paragraph."""
    signature = layout.signature_block(
        family,
        signer_title=header.signer_title,
        signer_name=header.signer_name,
        recipients=header.recipients if with_recipients else None,
        archive=header.archive,
        as_above=bool(header.kinh_gui),
    )
    return layout.keep_with_signature(body, signature)


def free_text(text: str, style) -> list[Flowable]:
    return [layout.paragraph(inline_markup(line), style) for line in paragraphs(text)]


def end_last_paragraph(texts: list[str]) -> list[str]:
    """The content's last sentence ends with "./."."""
    if texts:
        texts = texts[:-1] + [with_end_mark(texts[-1])]
    return texts


# --- wording about plans ----------------------------------------------------------------


def plan_number(plan: Plan) -> str:
    """ "15/KH-SNNMT", or "" while the plan has no number yet."""
    number, symbol = split_doc_number(plan.doc_number)
    return f"{number}/{symbol}" if number and symbol else ""


def plan_date(plan: Plan) -> str:
    return f"ngày {short_date(plan.issued_on)}" if plan.issued_on else ""


def plan_citation(plan: Plan) -> str:
    """ "Kế hoạch số 15/KH-SNNMT ngày 07/05/2025 của Sở … về cải thiện …"."""
    parts = ["Kế hoạch"]
    if plan_number(plan):
        parts.append(f"số {plan_number(plan)}")
    if plan.issued_on:
        parts.append(plan_date(plan))
    if plan.issuer:
        parts.append(f"của {plan.issuer}")
    if plan.title:
        parts.append(f"về {lower_first(plan.title)}")
    return " ".join(parts)


def plans_citation(plans: list[Plan]) -> str:
    if len(plans) == 1:
        return plan_citation(plans[0])
    years = sorted({plan.year for plan in plans})
    year_text = f" năm {years[0]}" if len(years) == 1 else ""
    return f"các Kế hoạch{year_text} ({len(plans)} kế hoạch)"


def plan_ref(plan: Plan) -> str:
    """A short name for a plan in a table: "Kế hoạch số 15/KH-SXD"; while the
    number is blank "Kế hoạch …/KH-SXD"; else its trích yếu, shortened."""
    number, symbol = split_doc_number(plan.doc_number)
    if symbol:
        return f"Kế hoạch số {number}/{symbol}" if number else f"Kế hoạch …/{symbol}"
    title = tidy_line(plan.title) or f"Kế hoạch năm {plan.year}"
    return title if len(title) <= 60 else title[:58].rsplit(" ", 1)[0] + " …"


def attached_line(type_name: str, header: ReportHeader) -> str:
    """ "(Kèm theo Báo cáo số      /BC-SXD ngày      tháng      năm 2025 của Sở Xây dựng)"."""
    parts = [f"(Kèm theo {type_name}"]
    if header.symbol:
        parts.append("số" + so_ky_hieu(header.number, header.symbol)[len("Số:"):])
    parts.append(date_words(header.issued_on, header.year))
    if header.issuer:
        parts.append(f"của {header.issuer}")
    return " ".join(parts) + ")"


# --- wording about tasks --------------------------------------------------------------------


def section_label(section) -> str:
    return numbered(section.ordinal, section.title)


def lead_of(task: Task) -> str:
    """Who leads the task: the linked units, else the column's own words."""
    names = task.unit_names(Role.LEAD)
    if names:
        return "; ".join(names)
    return task.lead_text or task.assignment_raw


def coordinate_of(task: Task) -> str:
    names = task.unit_names(Role.COORDINATE)
    return "; ".join(names) if names else task.coordinate_text


_ROMAN_HEADING = re.compile(r"^[IVXLC]+\.\s")
_NUMBER_HEADING = re.compile(r"^\d+(\.\d+)*\.\s")


def body_paragraph(text: str, styles: layout.Styles) -> Flowable:
    """A paragraph of a plan's own body: "I. MỤC TIÊU" and a short "1. Mục tiêu"
    are headings (bold); everything else is justified body text."""
    line = tidy_line(text)
    letters = [ch for ch in line if ch.isalpha()]
    if _ROMAN_HEADING.match(line) and letters and sum(ch.isupper() for ch in letters) > 0.8 * len(letters):
        return layout.paragraph(inline_markup(line), styles.heading)
    if _NUMBER_HEADING.match(line) and len(line) <= 90 and not line.endswith((".", ";", ":")):
        return layout.paragraph(inline_markup(line), styles.subheading)
    return layout.paragraph(inline_markup(line), styles.body)
