"""What a report is asked for and what it prints: plain objects, no database, no Qt.

The window builds a `ReportRequest` (kind, plans, period or date, unit, header),
`ReportService.prepare()` turns it into a `ReportData` (everything read from the
database), and `kehoach_desktop.reports.render_pdf()` lays that out as PDF bytes,
safe to run on a worker thread.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field, fields
from datetime import date
from enum import Enum
from typing import Any

from kehoach_desktop.domain.judgement import DUE_SOON_DAYS
from kehoach_desktop.domain.periods import Period
from kehoach_desktop.domain.text import nfc


class ReportKind(str, Enum):
    PLAN = "ke-hoach"  # the plan itself, with its Phụ lục
    RESULTS = "bao-cao"  # Báo cáo kết quả thực hiện Kế hoạch, for a period
    ATTENTION = "qua-han"  # Danh sách nhiệm vụ quá hạn và sắp đến hạn, as of a date
    REMINDER = "don-doc"  # Công văn đôn đốc to one unit
    UNIT_STATS = "thong-ke"  # Thống kê theo đơn vị, with a bar chart

    @property
    def spec(self):
        """This kind's entry in reports/registry.py."""
        from kehoach_desktop.reports.registry import spec

        return spec(self)

    @property
    def label(self) -> str:
        return self.spec.label

    @property
    def needs_period(self) -> bool:
        return self.spec.needs_period

    @property
    def needs_unit(self) -> bool:
        return self.spec.needs_unit

    @property
    def single_plan(self) -> bool:
        return self.spec.single_plan


class ReportInputError(ValueError):
    """What was asked for cannot make this report (message in Vietnamese)."""


# Fields a report copies from the last report of the same kind (the dialog's prefill).
# The number, the date, the trích yếu and the free text belong to one report only.
STICKY_FIELDS = (
    "governing_body", "issuer", "symbol", "place", "kinh_gui", "recipients", "archive",
    "signer_title", "signer_name",
)  # fmt: skip

@dataclass
class ReportHeader:
    """Everything a report prints that a person may change before signing.

    Lists hold one entry per line, without the "- " and ";" the layout adds.
    Blank number or date leave the gaps the decree's templates leave
    ("Số:      /BC-SXD", "ngày      tháng      năm 2025").
    """

    governing_body: str = ""  # cơ quan chủ quản: "UBND TỈNH KHÁNH HÒA"
    issuer: str = ""  # cơ quan ban hành: "Sở Xây dựng"
    number: str = ""  # số, filled by the Văn thư: "" or "7" (printed "07")
    symbol: str = ""  # ký hiệu: "BC-SXD", "SXD-VP" (công văn); "" prints no "Số:" line
    place: str = ""  # địa danh: "Khánh Hòa"
    issued_on: date | None = None
    year: int | None = None  # printed after "năm" while the date is blank
    title: str = ""  # trích yếu; for a công văn the text after "V/v "
    legal_bases: list[str] = field(default_factory=list)  # căn cứ
    kinh_gui: list[str] = field(default_factory=list)  # Kính gửi
    recipients: list[str] = field(default_factory=list)  # Nơi nhận, before "Lưu"
    archive: str = "VT"  # "- Lưu: VT, VP."
    signer_title: str = ""  # authority and title lines: "KT. GIÁM ĐỐC\nPHÓ GIÁM ĐỐC"
    signer_name: str = ""
    opening: str = ""  # free text; paragraphs separated by line breaks
    remarks: str = ""
    directions: str = ""
    closing: str = ""
    # Generated sentences rewritten by hand: Para key → text (reports/document.py).
    edits: dict[str, str] = field(default_factory=dict)

    def normalised(self) -> ReportHeader:
        """Every text in NFC, surrounding spaces trimmed, blank list entries dropped."""
        values = {}
        for item in fields(self):
            value = getattr(self, item.name)
            if isinstance(value, str):
                value = nfc(value).strip()
            elif isinstance(value, list):
                value = [nfc(str(entry)).strip() for entry in value if str(entry).strip()]
            elif isinstance(value, dict):
                value = {str(key): nfc(str(text)).strip() for key, text in value.items() if str(text).strip()}
            values[item.name] = value
        return ReportHeader(**values)

    def to_json(self) -> dict:
        data = asdict(self)
        data["issued_on"] = self.issued_on.isoformat() if self.issued_on else None
        return data

    @classmethod
    def from_json(cls, data: dict) -> ReportHeader:
        """Unknown keys (from a newer program) are ignored; missing ones take defaults."""
        known = {item.name for item in fields(cls)}
        values = {key: value for key, value in data.items() if key in known}
        if values.get("issued_on"):
            values["issued_on"] = date.fromisoformat(values["issued_on"])
        return cls(**values).normalised()

    def with_sticky_from(self, other: ReportHeader, *, only_blanks: bool = False) -> ReportHeader:
        """This header with the sticky fields of `other` (a saved one) laid over it."""
        values = asdict(self)
        for name in STICKY_FIELDS:
            theirs = getattr(other, name)
            if not theirs:
                continue
            if only_blanks and getattr(self, name):
                continue
            values[name] = list(theirs) if isinstance(theirs, list) else theirs
        values["issued_on"] = self.issued_on
        values["edits"] = dict(self.edits)
        return ReportHeader(**values)


@dataclass
class ReportRequest:
    """What the user asked for. `header=None` uses ReportService.default_header()."""

    kind: ReportKind
    plan_ids: list[int]
    period: Period | None = None  # bao-cao (and optionally thong-ke)
    as_of: date | None = None  # qua-han, don-doc, thong-ke; default today
    unit_id: int | None = None  # don-doc (or qua-han: one unit's list)
    header: ReportHeader | None = None
    soon_days: int = DUE_SOON_DAYS
    unit_ids: list[int] = field(default_factory=list)  # don-doc: one letter to several units

    def units(self) -> list[int]:
        """Every unit asked for (unit_id first), without repeats."""
        ids = ([self.unit_id] if self.unit_id is not None else []) + list(self.unit_ids)
        return list(dict.fromkeys(ids))

    def identity(self) -> str:
        """Which report this is, to remember its hand-edited sentences: the kind,
        the plans, the period (or date) and the units."""
        parts = [ReportKind(self.kind).value, ",".join(map(str, sorted(set(self.plan_ids))))]
        if self.period is not None:
            parts.append(self.period.code)
        elif self.as_of is not None and ReportKind(self.kind).spec.uses_as_of:
            parts.append(self.as_of.isoformat())
        if self.units():
            parts.append(",".join(map(str, sorted(self.units()))))
        return "|".join(parts)


@dataclass
class ReportData:
    """Everything one report prints, read from the database beforehand.

    `content` is the kind's own summary (see services.statistics): None for the
    plan itself, ResultsContent, AttentionContent, ReminderContent or UnitStatsContent.
    """

    kind: ReportKind
    header: ReportHeader
    tree: Any  # domain.tree.PlanTree of the plans reported on
    cutoff: date  # statuses and deadlines are judged as of this day
    period: Period | None = None
    content: Any = None
    soon_days: int = DUE_SOON_DAYS  # "sắp đến hạn": due within this many days
