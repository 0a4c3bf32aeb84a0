"""Pieces every report kind shares: the opening (header, title, Kính gửi, căn cứ),
the closing (Nơi nhận and signature), wording about plans and tasks."""

from __future__ import annotations

import re

from kehoach_desktop.domain.models import Plan, Role, Task
from kehoach_desktop.domain.text import numbered, tidy_line
from kehoach_desktop.reports.document import Para, Style
from kehoach_desktop.reports.model import ReportHeader
from kehoach_desktop.reports.texts import (
    date_words,
    lower_first,
    paragraphs,
    short_date,
    so_ky_hieu,
    split_doc_number,
    with_end_mark,
)


def free_text(text: str, style: Style = Style.BODY) -> list[Para]:
    """The user's own text: one paragraph per line."""
    return [Para(line, style) for line in paragraphs(text)]


def end_last_paragraph(texts: list[str]) -> list[str]:
    """The content's last sentence ends with "./."."""
    if texts:
        texts = texts[:-1] + [with_end_mark(texts[-1])]
    return texts


def end_blocks(blocks: list) -> list:
    """The last paragraph of the content ends with "./."."""
    for block in reversed(blocks):
        if isinstance(block, Para):
            block.text = with_end_mark(block.text)
            break
    return blocks


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


def body_paragraph(text: str) -> Para:
    """A paragraph of a plan's own body: "I. MỤC TIÊU" and a short "1. Mục tiêu"
    are headings (bold); everything else is justified body text."""
    line = tidy_line(text)
    letters = [ch for ch in line if ch.isalpha()]
    if _ROMAN_HEADING.match(line) and letters and sum(ch.isupper() for ch in letters) > 0.8 * len(letters):
        return Para(line, Style.HEADING)
    if _NUMBER_HEADING.match(line) and len(line) <= 90 and not line.endswith((".", ";", ":")):
        return Para(line, Style.SUBHEADING)
    return Para(line, Style.BODY)
