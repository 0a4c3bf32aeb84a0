"""The header a report opens with, before anyone edits it.

Who receives what (Kính gửi, Nơi nhận) and who signs come from one place each:
- `addressees(plans)`: the outside bodies a báo cáo goes up to (today: the
  plan's governing body and Sở Nội vụ; the organization work replaces it);
- `noi_nhan(...)`: Nơi nhận built from those bodies and the signer, then
  "Lưu: VT, VP" (never copied from the plan, whose list was for the plan);
- the signer block: the office's settings (`SIGNER_KEYS`), else the plan's.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

from kehoach_desktop.domain.models import Plan, Unit
from kehoach_desktop.domain.periods import Period
from kehoach_desktop.domain.text import fold, tidy_line
from kehoach_desktop.reports.model import ReportHeader
from kehoach_desktop.reports.texts import issuer_code

DEFAULT_ARCHIVE = "VT, VP"  # Văn thư, and the Văn phòng that drafts these reports
DIRECTOR_INFORMED = "Giám đốc Sở (để b/c)"
DEPUTIES = "Các Phó Giám đốc Sở"
ALL_UNITS = "Các phòng, đơn vị thuộc Sở"
HOME_AFFAIRS = "Sở Nội vụ"
SIGNER_KEYS = ("signer_title", "signer_name")  # report_setting keys


@dataclass
class HeaderContext:
    """What a kind's default header is made from."""

    plans: list[Plan]
    period: Period | None
    as_of: date
    units: list[Unit] = field(default_factory=list)
    settings: dict[str, str] = field(default_factory=dict)  # the office's report settings

    @property
    def plan(self) -> Plan:
        return self.plans[0]

    @property
    def issuer_code(self) -> str:
        return self.plan.issuer_abbr or issuer_code(self.plan.doc_number)


def base_header(context: HeaderContext) -> ReportHeader:
    """What every kind shares: bodies, place, year, the signer, "Lưu: VT, VP"."""
    plan = context.plan
    title, name = signer(context)
    return ReportHeader(
        governing_body=plan.governing_body,
        issuer=plan.issuer,
        place=plan.place,
        year=date.today().year,
        signer_title=title,
        signer_name=name,
        archive=DEFAULT_ARCHIVE,
    )


def signer(context: HeaderContext) -> tuple[str, str]:
    """(title lines, name): the office's settings when set, else the plan's signer."""
    title = context.settings.get("signer_title", "").strip()
    name = context.settings.get("signer_name", "").strip()
    if title:
        return title, name
    return context.plan.signer_title, name or context.plan.signer_name


def symbol(type_code: str, issuer: str) -> str:
    return f"{type_code}-{issuer}" if issuer else type_code


def addressees(plans: list[Plan]) -> list[str]:
    """The outside bodies a báo cáo is sent up to: the plans' governing body
    ("UBND TỈNH KHÁNH HÒA" → "UBND tỉnh Khánh Hòa") and Sở Nội vụ (which follows
    the reform work), unless the issuer is Sở Nội vụ itself."""
    bodies = []
    for plan in plans:
        body = governing_name(plan.governing_body)
        if body and body not in bodies:
            bodies.append(body)
    if not any(fold(plan.issuer) == fold(HOME_AFFAIRS) for plan in plans):
        bodies.append(HOME_AFFAIRS)
    return bodies


_LEVELS = {"tinh": "tỉnh", "thanh pho": "thành phố", "huyen": "huyện", "quan": "quận", "thi xa": "thị xã"}


def governing_name(text: str) -> str:
    """A governing body as written in a sentence: "UBND TỈNH KHÁNH HÒA" →
    "UBND tỉnh Khánh Hòa"; a name already in normal case is kept."""
    text = tidy_line(text)
    letters = [ch for ch in text if ch.isalpha()]
    if not letters or not all(ch.isupper() for ch in letters):
        return text
    words = text.split(" ")
    out = []
    for index, word in enumerate(words):
        if len(word) <= 5 and word.isupper() and fold(word) in ("ubnd", "hdnd", "ub", "ubmttq"):
            out.append(word)
        elif fold(word) in _LEVELS and index > 0:
            out.append(_LEVELS[fold(word)])
        else:
            out.append(word[:1] + word[1:].lower())
    return " ".join(out)


_AUTHORITY = re.compile(r"^(KT|TL|TM|Q|TUQ)\.", re.IGNORECASE)


def director_signs(signer_title: str) -> bool:
    """The Giám đốc signs in person (no KT./TL./TM./Q./TUQ.)."""
    first = tidy_line(signer_title.split("\n", 1)[0]) if signer_title else ""
    return bool(first) and not _AUTHORITY.match(first) and "giam doc" in fold(first) and "pho" not in fold(first)


def noi_nhan(*, kinh_gui: list[str], signer_title: str, internal: bool) -> list[str]:
    """Nơi nhận before "Lưu": the Kính gửi bodies are "Như trên" (the layout adds
    it); the Giám đốc is informed unless he signs; an internal list also goes to
    the units."""
    entries: list[str] = []
    if director_signs(signer_title):
        if internal:
            entries.append(DEPUTIES)
    else:
        entries.append(DIRECTOR_INFORMED)
    if internal and not kinh_gui:
        entries.append(ALL_UNITS)
    return entries
