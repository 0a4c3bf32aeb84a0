"""Deadlines as written in a plan's "Tiến độ" column, and what they mean.

`parse(text, year)` reads the words users write ("Trước ngày 25/7/2025",
"Quý II/2025", "ngày 25 hằng tháng", "Thường xuyên", "Theo quy định" ...) into a
`Deadline`. It never raises. `Deadline.text` is the input verbatim (NFC, not
even stripped); a text it cannot read gets kind `unspecified`. `year` is the plan's year; it stands in wherever the text leaves
the year out.

Matching is done on `fold(text)` (no diacritics, đ→d, lower case), so "hằng",
"hàng", "HANG" and old/new tone placement all read alike.

Precedence, first rule that applies wins:

0. Citations are removed first: a date right after a document number
   ("Kế hoạch số 10583/KH-UBND ngày 30/10/2022") or a document type
   ("Quyết định ngày ...") dates that document, not the task.
1. Explicit dates → `date` / `dates`: "dd/mm/yyyy", "d-m-yyyy", "d.m.yyyy",
   "ngày 15 tháng 5 năm 2025", and "dd/mm/yy", "dd/mm" or "ngày 15 tháng 5"
   after a word such as "ngày"/"trước" (then the next written year, else the
   plan's year; "trực 24/7" is no date). A dated
   deliverable beats everything else in the cell ("Thường xuyên ... Riêng báo
   cáo ... trước ngày 25/7/2024" is a date). Dates after "từ"/"sau"/"kể từ"
   are start dates and not due dates; "05 ngày (làm việc) kể từ ngày
   01/7/2025" is that date plus the days (working days skip Sat/Sun only).
   Exception: a single year-less date with "hằng năm" ("Trước 15/11 hằng
   năm") is a yearly recurrence.
2. A cadence word → `recurring` ("hằng/hàng/mỗi/định kỳ tuần|tháng|quý|năm",
   "6 tháng/lần", "tháng cuối quý", "tháng cuối kỳ báo cáo"). With several
   cadences the shortest wins ("Định kỳ 6 tháng, hằng năm" is half-yearly).
   A cadence beats a period: in "Trong năm 2025, định kỳ hằng quý" the year
   only scopes the quarterly task.
3. Periods → `period`, due at the end of the latest period named ("Quý III
   và quý IV năm 2024" → 31/12/2024; "12/2025" alone is a month). Ranges ("từ tháng 3 đến tháng 6",
   "Tháng 10/2025 - tháng 11/2025") and adjoining periods form one span;
   separate periods ("Tháng 6 và tháng 12 năm 2025") give `dates`, the end of
   each.
4. "Thường xuyên", "liên tục", "hằng ngày", or only a start date → `ongoing`.
   A period of whole years does not beat them ("Thường xuyên trong năm
   2025" is ongoing: the year just repeats the plan's scope); a shorter
   period does.
5. References and events → `relative` ("Theo ...", "Sau khi ...", "Khi ...",
   "Kể từ ...", "05 ngày ...", "Đột xuất", "Trước Tết"). Their clause (up to
   the next , ; or line break) is ignored by rules 2-4, so the year in "Theo
   tiến độ Kế hoạch ... năm 2025" is not a period.
6. Anything else, empty text, or an impossible date ("31/02/2025", left for
   the user to correct rather than guessed) → `unspecified`.

Recurrence days: "trước ngày 12 hàng quý" carries the day in the last month of
each quarter (12/3, 12/6, 12/9, 12/12), as reports are due at a period's end;
"tháng đầu quý (sau)" puts it in the first month. With several days ("từ
ngày 20 đến ngày 25 hằng tháng") the latest is kept. "Tuần đầu tiên của tháng"
is monthly, day 7 (the last day of the first week). "Tháng 12 hằng năm" is
yearly in month 12, due on the month's last day.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any
from datetime import date, timedelta
from enum import Enum

from kehoach_desktop.domain.text import fold, nfc


class DeadlineKind(str, Enum):
    DATE = "date"  # one fixed date: "Trước ngày 25/7/2025"
    DATES = "dates"  # several fixed dates: "... 05/6/2025 ... 15/11/2025"
    PERIOD = "period"  # within a month/quarter/half/year: "Quý II/2025"
    RECURRING = "recurring"  # "ngày 25 hằng tháng", "Định kỳ hàng tháng"
    ONGOING = "ongoing"  # "Thường xuyên"
    RELATIVE = "relative"  # "Trong vòng 05 ngày kể từ ...", "Theo quy định"
    UNSPECIFIED = "unspecified"  # empty, or not understood


class Frequency(str, Enum):
    WEEKLY = "weekly"
    MONTHLY = "monthly"
    QUARTERLY = "quarterly"
    HALF_YEARLY = "half_yearly"
    YEARLY = "yearly"


class _LazyPattern:
    """A regular expression compiled on first use: the dozens here cost ~15 ms to compile,
    and opening the window never parses a deadline (it reads them parsed)."""

    __slots__ = ("_source", "_compiled")

    def __init__(self, source: str):
        self._source = source
        self._compiled: re.Pattern[str] | None = None

    @property
    def compiled(self) -> re.Pattern[str]:
        if self._compiled is None:
            self._compiled = re.compile(self._source)
        return self._compiled

    def search(self, text: str, pos: int = 0) -> re.Match[str] | None:
        return self.compiled.search(text, pos)

    def match(self, text: str, pos: int = 0) -> re.Match[str] | None:
        return self.compiled.match(text, pos)

    def finditer(self, text: str) -> Iterator[re.Match[str]]:
        return self.compiled.finditer(text)

    def findall(self, text: str) -> list[Any]:
        return self.compiled.findall(text)

    def fullmatch(self, text: str) -> re.Match[str] | None:
        return self.compiled.fullmatch(text)

    def sub(self, replacement: str | Callable[[re.Match[str]], str], text: str) -> str:
        return self.compiled.sub(replacement, text)


def _lazy(source: str) -> _LazyPattern:
    return _LazyPattern(source)


WEEKDAY_NAMES = ("thứ hai", "thứ ba", "thứ tư", "thứ năm", "thứ sáu", "thứ bảy", "chủ nhật")

_FREQUENCY_WORDS = {
    Frequency.WEEKLY: "Hằng tuần",
    Frequency.MONTHLY: "Hằng tháng",
    Frequency.QUARTERLY: "Hằng quý",
    Frequency.HALF_YEARLY: "6 tháng một lần",
    Frequency.YEARLY: "Hằng năm",
}

_PERIOD_NOUN = {
    Frequency.QUARTERLY: "quý",
    Frequency.HALF_YEARLY: "kỳ 6 tháng",
    Frequency.YEARLY: "năm",
}


@dataclass(frozen=True)
class Recurrence:
    """A repeating deadline.

    `day` is a day of the month; `weekday` 0 = thứ hai (Monday) … 6 = chủ nhật;
    `month_in_period` says which month of a quarter / half-year carries `day`:
    "first" or "last" (e.g. "ngày 14 của tháng cuối kỳ báo cáo"); for a yearly
    deadline `month` (1..12) names the month.
    """

    freq: Frequency
    day: int | None = None
    weekday: int | None = None
    month_in_period: str | None = None
    month: int | None = None

    def to_json(self) -> dict:
        data: dict = {"freq": self.freq.value}
        for name in ("day", "weekday", "month_in_period", "month"):
            value = getattr(self, name)
            if value is not None:
                data[name] = value
        return data

    @classmethod
    def from_json(cls, data: dict | None) -> Recurrence | None:
        if not data:
            return None
        return cls(
            freq=Frequency(data["freq"]),
            day=data.get("day"),
            weekday=data.get("weekday"),
            month_in_period=data.get("month_in_period"),
            month=data.get("month"),
        )

    def describe(self) -> str:
        """Vietnamese words for the GUI: "Hằng tháng, ngày 25"."""
        words = _FREQUENCY_WORDS[self.freq]
        if self.weekday is not None:
            return f"{words}, {WEEKDAY_NAMES[self.weekday]}"
        if self.freq is Frequency.YEARLY and self.month and self.day is None:
            return f"{words}, tháng {self.month}"
        if self.day is None:
            return words
        if self.freq is Frequency.YEARLY and self.month:
            return f"{words}, ngày {self.day:02d}/{self.month:02d}"
        if self.month_in_period in ("first", "last") and self.freq in _PERIOD_NOUN:
            which = "đầu" if self.month_in_period == "first" else "cuối"
            return f"{words}, ngày {self.day} tháng {which} {_PERIOD_NOUN[self.freq]}"
        return f"{words}, ngày {self.day}"

    def dates_in_year(self, year: int) -> tuple[date, ...]:
        """Every date of `year` this recurrence fixes; () when it fixes no day.

        A yearly recurrence naming only a month ("tháng 12 hằng năm") is due on
        that month's last day.
        """
        if self.weekday is not None:
            day = date(year, 1, 1)
            offset = (self.weekday - day.weekday()) % 7
            first = date.fromordinal(day.toordinal() + offset)
            return tuple(
                date.fromordinal(first.toordinal() + 7 * k)
                for k in range(54)
                if date.fromordinal(first.toordinal() + 7 * k).year == year
            )
        if self.freq is Frequency.YEARLY and self.month and self.day is None:
            return (_clamped(year, self.month, 31),)
        if self.day is None:
            return ()
        months = self._months()
        return tuple(_clamped(year, month, self.day) for month in months)

    def _months(self) -> tuple[int, ...]:
        if self.freq is Frequency.MONTHLY:
            return tuple(range(1, 13))
        if self.freq is Frequency.YEARLY:
            return (self.month or 12,)
        span = 3 if self.freq is Frequency.QUARTERLY else 6
        offset = 0 if self.month_in_period == "first" else span - 1
        return tuple(start + offset for start in range(1, 13, span))


def _clamped(year: int, month: int, day: int) -> date:
    """The date, with a day past the month's end moved to its last day (31 → 30/6)."""
    return date(year, month, min(day, calendar.monthrange(year, month)[1]))


@dataclass(frozen=True)
class Deadline:
    text: str
    kind: DeadlineKind
    due: tuple[date, ...] = ()
    recurrence: Recurrence | None = None

    @property
    def final_due(self) -> date | None:
        """The date after which the task is late, for fixed deadlines; else None."""
        if self.kind in (DeadlineKind.DATE, DeadlineKind.DATES, DeadlineKind.PERIOD) and self.due:
            return self.due[-1]
        return None

    def next_due(self, as_of: date) -> date | None:
        """The first due date on or after `as_of`, if the deadline lists one."""
        return next((d for d in self.due if d >= as_of), None)

    def describe(self) -> str:
        """How the program understood the text, for the line under the editor."""
        if self.kind is DeadlineKind.RECURRING and self.recurrence:
            return self.recurrence.describe()
        if self.kind in (DeadlineKind.DATE, DeadlineKind.PERIOD) and self.due:
            return "Hạn: " + self.due[-1].strftime("%d/%m/%Y")
        if self.kind is DeadlineKind.DATES and self.due:
            return "Các hạn: " + ", ".join(d.strftime("%d/%m/%Y") for d in self.due)
        return _KIND_WORDS[self.kind]

    def to_json(self) -> dict:
        return {
            "kind": self.kind.value,
            "due": [d.isoformat() for d in self.due],
            "recurrence": self.recurrence.to_json() if self.recurrence else None,
        }

    @classmethod
    def from_json(cls, text: str, data: dict) -> Deadline:
        return cls(
            text=text,
            kind=DeadlineKind(data.get("kind", "unspecified")),
            due=tuple(date.fromisoformat(d) for d in data.get("due", ())),
            recurrence=Recurrence.from_json(data.get("recurrence")),
        )


_KIND_WORDS = {
    DeadlineKind.DATE: "Có hạn cụ thể",
    DeadlineKind.DATES: "Nhiều hạn",
    DeadlineKind.PERIOD: "Trong kỳ",
    DeadlineKind.RECURRING: "Định kỳ",
    DeadlineKind.ONGOING: "Thường xuyên",
    DeadlineKind.RELATIVE: "Theo sự kiện hoặc văn bản khác (không có ngày cụ thể)",
    DeadlineKind.UNSPECIFIED: "Chưa xác định hạn",
}


# ---------------------------------------------------------------- parsing
# Every pattern below runs on fold(text): no diacritics, đ→d, lower case, one
# space between words. Lines are joined by " ; " so a line break ends a clause.

_ROMAN = {"i": 1, "ii": 2, "iii": 3, "iv": 4}
_WEEKDAY_WORDS = {"hai": 0, "ba": 1, "tu": 2, "nam": 3, "sau": 4, "bay": 5}
_QUARTER = r"(?:iv|iii|ii|i|[1-4])\b"  # longest Roman numeral first

# A full date as it appears in a citation.
_ANY_DATE = r"(?:\d{1,2}\s?[/.-]\s?\d{1,2}\s?[/.-]\s?\d{4}|\d{1,2}\s+thang\s+\d{1,2}\s+nam\s+\d{4})"
# A cited document and the date it bears: a number with a letter code
# ("số 10583/KH-UBND ngày 30/10/2022", "30/2020/NĐ-CP"), or a document type
# directly followed by its date ("Quyết định ngày 17/01/2024").
_CITATION = _lazy(
    rf"(?:\bso\s+)?\b\d+(?:/\d{{4}})?/[a-z][\w.-]*(?:\s*,?\s*(?:ban hanh\s+)?ngay\s+{_ANY_DATE})?"
    r"|\b(?:ke hoach|quyet dinh|cong van|thong bao|chi thi|nghi quyet|nghi dinh|thong tu|van ban"
    rf"|to trinh)\s+(?:so\s+\d\S*\s+)?ngay\s+{_ANY_DATE}"
)

# dd/mm/yyyy, d-m-yyyy, d.m.yyyy, dd/mm/yy (same separator twice, so that
# "01/10-30/11/2025" is two dates), or dd/mm without the year. The lookarounds
# keep it out of longer numbers: "12/2025" (a month) and "3.1.2" never match.
_NUMERIC_DATE = _lazy(
    r"(?<![\d/.])(\d{1,2})\s?([/.-])\s?(\d{1,2})(?:\s?[/.-]\s?(\d{4})|\s?\2\s?(\d{2}))?(?![\d/])"
)
# "ngày 15 tháng 5 năm 2025", "15 tháng 5 năm 2025", "ngày 15 tháng 5".
_WORDED_DATE = _lazy(
    r"\b(ngay\s+)?(\d{1,2})\s+thang\s+(\d{1,2})(?!\d)(?:\s*(?:nam|/)\s*(\d{4})(?!\d))?"
)
# What may precede a year-less "dd/mm", so that "trực 24/7" or "mục 3.1" are not dates.
_YEARLESS_CUE = _lazy(r"(?:\b(?:ngay|truoc|den|het|han|nhat|va|hoac|tu|vao)|[,;:(–-])\s*$")
# "09/11 hằng năm": a year-less date needs no other cue.
_YEARLY_AFTER = _lazy(r"\s*(?:hang|moi)\s+nam\b")
# "tháng 10-11/2025", "quý 1-2/2025" name months and quarters, not a date.
_PERIOD_WORD_BEFORE = _lazy(r"\b(?:thang|quy)\s*$")
# "05 ngày (làm việc) kể từ ngày 01/7/2025": the date plus that many days.
_OFFSET_BEFORE = _lazy(
    r"\b(\d{1,3})\s+ngay(\s+lam\s+viec)?\s+(?:ke\s+)?(?:tu|sau)(?:\s+ngay)?\s*$"
)
# "từ ngày 01/7/2025", "sau ngày ...", "bắt đầu ...": when work starts, not a due date.
_START_BEFORE = _lazy(r"\b(?:tu|sau|bat dau)(?:\s+ngay)?\s*$")

# A reference to another document, an authority or an event; its clause (up
# to , ; or a line break) says nothing about this task's own timing.
# "tiếp theo" (following) and "theo dõi" (monitor) are not references.
_REFERENCE = _lazy(
    r"(?:(?<!tiep )\btheo\b(?!\s+(?:doi|dinh ky))|\bsau\s+khi\b|\bkhi\b|\bke\s+tu\b"
    r"|\b\d{1,3}\s+ngay\b|\bdot\s+xuat\b|\btet\b)[^,;]*"
)
_ONGOING = _lazy(r"\b(?:thuong xuyen|lien tuc|hang ngay|moi ngay)\b")

_EVERY = r"\b(?:hang|moi|dinh ky)\s+"  # hằng/hàng, mỗi, định kỳ
_CADENCES = (
    (Frequency.WEEKLY, _lazy(rf"{_EVERY}tuan\b|\btuan\s*/\s*lan\b|\blan\s*/\s*tuan\b")),
    (Frequency.MONTHLY, _lazy(
        rf"{_EVERY}thang\b(?!\s*\d)|\blan\s*/\s*thang\b"
        # "tuần đầu tiên của tháng", "tuần cuối tháng": once a month
        r"|\btuan\s+(?:dau|cuoi|thu\s+nhat)(?:\s+tien|\s+cung)?\s+(?:cua\s+)?(?:moi\s+|hang\s+)?"
        r"thang\b(?!\s*\d)")),
    (Frequency.QUARTERLY, _lazy(
        rf"{_EVERY}quy\b(?!\s+{_QUARTER})|\bquy\s*/\s*lan\b|\blan\s*/\s*quy\b"
        # "tháng cuối quý", "tháng cuối kỳ báo cáo" (a quarter, per sample 002), "cuối mỗi quý"
        r"|\bthang\s+(?:dau|cuoi)\s+(?:cua\s+)?(?:moi\s+|hang\s+)?(?:quy|ky)\b"
        rf"|\bcuoi\s+(?:moi\s+|hang\s+)?quy\b(?!\s+{_QUARTER})")),
    (Frequency.YEARLY, _lazy(rf"{_EVERY}nam\b(?!\s*\d)|\bnam\s*/\s*lan\b|\blan\s*/\s*nam\b")),
)
# "định kỳ 6 tháng", "06 tháng/lần", "6 tháng một lần": a cadence counted in months.
_MONTHS_CADENCE = _lazy(
    r"(?:\bdinh ky|\bmoi|\bhang)\s+(\d{1,2})\s+thang\b|\b(\d{1,2})\s+thang\s*(?:/|mot|1)\s*lan\b"
)
_BY_MONTHS = {
    1: Frequency.MONTHLY, 3: Frequency.QUARTERLY, 6: Frequency.HALF_YEARLY, 12: Frequency.YEARLY,
}  # fmt: skip
_WEEKDAY = _lazy(r"\bthu\s+(hai|ba|tu|nam|sau|bay|[2-7])\b|\bchu\s+nhat\b")
# The day a recurrence falls on: "ngày 25", "trước ngày 12", "trước 25".
_DAY = _lazy(r"\b(?:ngay|truoc|den|het)\s+(?:ngay\s+)?(\d{1,2})(?!\d)(?!\s*[/.-]\s*\d)")
_MONTH = _lazy(r"\bthang\s+(\d{1,2})(?!\d)")
_FIRST_MONTH = _lazy(r"\bthang\s+dau\b")
_FIRST_WEEK = _lazy(r"\btuan\s+(?:dau|thu\s+nhat)\b")
_LAST_WEEK = _lazy(r"\btuan\s+cuoi\b")

_TAIL = r"(?:\s*(?:/|-|–|nam)?\s*\d{4}(?!\d))?"  # a period's year: "/2025", " năm 2025"
_JOIN = r"\s*(?:,|va|den(?:\s+het)?|toi|-|–)\s*"  # between the periods of one list
_QUARTER_LIST = _lazy(rf"\bquy\s+{_QUARTER}{_TAIL}(?:{_JOIN}(?:quy\s+)?{_QUARTER}{_TAIL})*")
_MONTH_LIST = _lazy(
    rf"\bthang\s+\d{{1,2}}(?!\d){_TAIL}(?:{_JOIN}(?:thang\s+)?\d{{1,2}}(?!\d){_TAIL})*"
)
_YEAR_LIST = _lazy(rf"\b(?:nam|giai doan)\s+\d{{4}}(?!\d)(?:{_JOIN}(?:nam\s+)?\d{{4}}(?!\d))*")
_QUARTER_ITEM = _lazy(r"\b(iv|iii|ii|i|[1-4])\b(?:\s*(?:/|-|–|nam)?\s*(\d{4})(?!\d))?")
# "12/2025" on its own: a month (document numbers are already removed).
_BARE_MONTH = _lazy(r"(?<![\d/.])(\d{1,2})\s?/\s?(\d{4})(?![\d/])")
_YEAR_ITEM = _lazy(r"\d{4}")
_MONTH_ITEM = _lazy(r"(?<!\d)(\d{1,2})(?!\d)(?:\s*(?:/|-|–|nam)?\s*(\d{4})(?!\d))?")
# "6 tháng đầu năm (2025)", "9 tháng đầu năm", "nửa cuối năm".
_HALF = _lazy(
    r"\b(?:(\d{1,2})\s+thang|nua)\s+(dau|cuoi)\s+(?:cua\s+)?nam\b(?:\s*(?:/|-|–)?\s*(\d{4})(?!\d))?"
)
# "Cả năm", "trong năm", "cuối năm", "hết năm" with no year: the plan's year.
_PLAN_YEAR = _lazy(r"\b(?:ca|trong|suot|cuoi|het)\s+nam\b(?!\s*[/-]?\s*\d)")
# Between two periods, a range: "tháng 3 đến tháng 6", "Quý IV/2024 - Quý I/2025".
_OPEN_START = _lazy(r"\b(?:tu|bat dau(?: tu)?)\s+(?:thang|quy|nam)\b")
_RANGE_END = _lazy(r"\b(?:den|toi)\b|[-–]")
_RANGE_GAP = _lazy(r"\s*(?:-|–|den(?:\s+het)?|toi)\s*(?:(?:thang|quy|nam)\s*)?")


@dataclass
class _Hit:
    """A date written in the text; `year` is None when it was left out."""

    span: tuple[int, int]
    day: int
    month: int
    year: int | None
    starts: bool = False  # "từ ngày ...": when work begins, not a due date
    plus_days: int = 0
    workdays: bool = False


def parse(text: str | None, year: int) -> Deadline:
    """Read a deadline text; `year` is the plan's year, used when a date has none."""
    raw = nfc(text if isinstance(text, str) else "")
    if not raw.strip():
        return Deadline(text=raw, kind=DeadlineKind.UNSPECIFIED)
    if not isinstance(year, int) or not 1 <= year <= 9998:
        year = date.today().year  # a broken plan year must not break reading
    folded = " ; ".join(fold(line) for line in raw.splitlines())
    folded = _CITATION.sub(lambda m: " " * len(m[0]), folded)
    hits, folded = _find_dates(folded)
    scoped, referenced = _mask_references(folded)
    freq = _cadence(scoped)
    due = _due_dates(hits, year)
    yearly = _single_yearless(hits) if freq is Frequency.YEARLY else None
    if due and not yearly:
        rule = _recurrence(scoped, freq, None) if freq not in (None, Frequency.YEARLY) else None
        if rule and rule.dates_in_year(year):
            # "ngày 25 hằng tháng (riêng tháng 12 trước ngày 15/12)": the dated
            # exception replaces the rule's date in that month; the rule stays.
            return Deadline(raw, DeadlineKind.RECURRING, _with_exceptions(rule.dates_in_year(year), due), rule)
        return Deadline(raw, DeadlineKind.DATE if len(due) == 1 else DeadlineKind.DATES, due)
    if freq is not None:
        rule = _recurrence(scoped, freq, yearly)
        return Deadline(raw, DeadlineKind.RECURRING, rule.dates_in_year(year), rule)
    periods, whole_years = _periods(scoped, year)
    ongoing = bool(_ONGOING.search(scoped)) or any(hit.starts for hit in hits)
    if periods and _OPEN_START.search(scoped) and not _RANGE_END.search(scoped):
        return Deadline(raw, DeadlineKind.ONGOING)  # "Thực hiện từ tháng 5/2025": a start, no end
    if periods and not (ongoing and whole_years):
        kind = DeadlineKind.PERIOD if len(periods) == 1 else DeadlineKind.DATES
        return Deadline(raw, kind, periods)
    if ongoing:
        return Deadline(raw, DeadlineKind.ONGOING)
    return Deadline(raw, DeadlineKind.RELATIVE if referenced else DeadlineKind.UNSPECIFIED)


def _find_dates(s: str) -> tuple[list[_Hit], str]:
    """The dates written in `s`, in text order, and `s` with them blanked out."""
    hits = [
        _hit(s, m.span(), m[2], m[3], m[4])
        for m in _WORDED_DATE.finditer(s)
        if m[1] or m[4]  # "6 tháng 1 lần" is not a date
    ]
    s = _blank(s, [hit.span for hit in hits])
    for m in _NUMERIC_DATE.finditer(s):
        before = s[max(0, m.start() - 40):m.start()]
        if _PERIOD_WORD_BEFORE.search(before):
            continue
        cued = not before.strip() or _YEARLESS_CUE.search(before) or _YEARLY_AFTER.match(s, m.end())
        if m[4] is None and not cued:  # a short or missing year needs a cue
            continue
        year = m[4] or (str(2000 + int(m[5])) if m[5] else None)
        hits.append(_hit(s, m.span(), m[1], m[3], year))
    hits.sort(key=lambda hit: hit.span)
    return hits, _blank(s, [hit.span for hit in hits])


def _hit(s: str, span: tuple[int, int], day: str, month: str, year: str | None) -> _Hit:
    before = s[max(0, span[0] - 40):span[0]]
    hit = _Hit(span, int(day), int(month), int(year) if year else None)
    offset = _OFFSET_BEFORE.search(before)
    if offset:
        hit.plus_days, hit.workdays = int(offset[1]), bool(offset[2])
    elif _START_BEFORE.search(before):
        hit.starts = True
    return hit


def _due_dates(hits: list[_Hit], year: int) -> tuple[date, ...]:
    """The valid due dates; a left-out year is the next one written, else the plan's."""
    due, next_year = set(), year
    for hit in reversed(hits):  # Vietnamese writes the year once, on the last date
        next_year = hit.year or next_year
        day = _safe_date(next_year, hit.month, hit.day)
        if day and not hit.starts:
            due.add(_add_days(day, hit.plus_days, hit.workdays))
    return tuple(sorted(d for d in due if d))


def _with_exceptions(rule_dates: tuple[date, ...], exceptions: tuple[date, ...]) -> tuple[date, ...]:
    months = {(d.year, d.month) for d in exceptions}
    kept = [d for d in rule_dates if (d.year, d.month) not in months]
    return tuple(sorted(set(kept) | set(exceptions)))


def _single_yearless(hits: list[_Hit]) -> _Hit | None:
    """The one year-less date of "Trước 15/11 hằng năm", if that is all there is."""
    if len(hits) == 1 and hits[0].year is None and _safe_date(2000, hits[0].month, hits[0].day):
        return hits[0]  # 2000 is a leap year, so 29/02 is accepted
    return None


def _mask_references(s: str) -> tuple[str, bool]:
    masked = _REFERENCE.sub(lambda m: " " * len(m[0]), s)
    return masked, masked != s


def _cadence(s: str) -> Frequency | None:
    """The shortest cadence named in `s`."""
    found = [freq for freq, pattern in _CADENCES if pattern.search(s)]
    for m in _MONTHS_CADENCE.finditer(s):
        months = int(m[1] or m[2])
        if months in _BY_MONTHS:
            found.append(_BY_MONTHS[months])
    order = list(Frequency)
    return min(found, key=order.index) if found else None


def _recurrence(s: str, freq: Frequency, dated: _Hit | None) -> Recurrence:
    if freq is Frequency.WEEKLY:
        return Recurrence(freq, weekday=_weekday(s))
    if freq is Frequency.YEARLY:
        if dated:
            return Recurrence(freq, day=dated.day, month=dated.month)
        months = [int(m[1]) for m in _MONTH.finditer(s) if 1 <= int(m[1]) <= 12]
        return Recurrence(freq, month=months[-1] if months else None)
    days = [int(m[1]) for m in _DAY.finditer(s) if 1 <= int(m[1]) <= 31]
    day = max(days) if days else None  # "từ ngày 20 đến ngày 25": the last day
    if freq is Frequency.MONTHLY:
        if day is None and _FIRST_WEEK.search(s):
            day = 7  # the last day of the month's first week
        elif day is None and _LAST_WEEK.search(s):
            day = 31  # clamped to the month's end
        return Recurrence(freq, day=day)
    if day is None:
        return Recurrence(freq)
    # Reports fall due at a period's end, so a bare "ngày 12 hàng quý" is in its last month.
    which = "first" if _FIRST_MONTH.search(s) else "last"
    return Recurrence(freq, day=day, month_in_period=which)


def _weekday(s: str) -> int | None:
    m = _WEEKDAY.search(s)
    if not m:
        return None
    if m[1] is None:
        return 6  # chủ nhật
    return int(m[1]) - 2 if m[1].isdigit() else _WEEKDAY_WORDS[m[1]]


def _periods(s: str, year: int) -> tuple[tuple[date, ...], bool]:
    """The end of each separate span of periods named in `s`; and whether all are whole years."""
    items: list[tuple[int, int, int, int, int | None]] = []  # as the finders below yield
    work = s
    for found in (_halves, _quarters, _months, _bare_months, _years):
        new = list(found(work))
        items += new
        work = _blank(work, new)  # so "quý II/2025" is not also read as the year 2025
    items += [(m.start(), m.end(), 1, 12, year) for m in _PLAN_YEAR.finditer(work)]
    return _spans_ends(s, sorted(items), year), all(i[2:4] == (1, 12) for i in items)


# Each finder yields (text start, text end, first month, last month, year or None).
def _halves(s: str):
    for m in _HALF.finditer(s):
        count = int(m[1]) if m[1] else 6
        if 1 <= count <= 12:
            first, last = (1, count) if m[2] == "dau" else (13 - count, 12)
            yield m.start(), m.end(), first, last, _int(m[3])


def _quarters(s: str):
    for at, item in _list_items(_QUARTER_LIST, _QUARTER_ITEM, s):
        q = _ROMAN.get(item[1]) or int(item[1])
        yield *at, 3 * q - 2, 3 * q, _int(item[2])


def _months(s: str):
    for at, item in _list_items(_MONTH_LIST, _MONTH_ITEM, s):
        if 1 <= int(item[1]) <= 12:
            yield *at, int(item[1]), int(item[1]), _int(item[2])


def _bare_months(s: str):
    for m in _BARE_MONTH.finditer(s):
        if 1 <= int(m[1]) <= 12:
            yield m.start(), m.end(), int(m[1]), int(m[1]), int(m[2])


def _years(s: str):
    for at, item in _list_items(_YEAR_LIST, _YEAR_ITEM, s):
        yield *at, 1, 12, int(item[0])


def _list_items(listing: _LazyPattern, element: _LazyPattern, s: str):
    """Each element of each list ("quý III và quý IV năm 2024"), with its place in `s`."""
    for m in listing.finditer(s):
        for item in element.finditer(m[0]):
            yield (m.start() + item.start(), m.start() + item.end()), item


def _spans_ends(s: str, items: list, year: int) -> tuple[date, ...]:
    """Join ranges and adjoining periods into spans; the end of each span."""
    resolved, next_year = [], year
    for start, end, first, last, item_year in reversed(items):  # "quý III và quý IV năm 2024"
        next_year = item_year or next_year
        begin, finish = _safe_date(next_year, first, 1), _safe_date(next_year, last, 1)
        if begin and finish:
            resolved.append((start, end, begin, _clamped(finish.year, finish.month, 31)))
    resolved.reverse()
    spans: list[list[date]] = []
    for i, (start, _, begin, finish) in enumerate(resolved):
        if i and _RANGE_GAP.fullmatch(s[resolved[i - 1][1]:start]):
            spans[-1] = [min(spans[-1][0], begin), max(spans[-1][1], finish)]
        else:
            spans.append([begin, finish])
    merged: list[list[date]] = []
    for begin, finish in sorted(spans):
        if merged and (begin - merged[-1][1]).days <= 1:  # no overflow at 31/12/9999
            merged[-1][1] = max(merged[-1][1], finish)
        else:
            merged.append([begin, finish])
    return tuple(sorted({finish for _, finish in merged}))


def _blank(s: str, spans) -> str:
    """`s` with the (start, end, ...) spans replaced by spaces; positions are kept."""
    out, pos = [], 0
    for start, end, *_ in sorted(spans):
        start = max(start, pos)
        if end > start:
            out += [s[pos:start], " " * (end - start)]
            pos = end
    return "".join(out) + s[pos:]


def _int(digits: str | None) -> int | None:
    return int(digits) if digits else None


def _safe_date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except (ValueError, OverflowError):
        return None


def _add_days(day: date, count: int, workdays: bool) -> date | None:
    """`day` plus `count` days; working days skip Saturdays and Sundays (not holidays)."""
    try:
        if not workdays:
            return day + timedelta(days=count)
        while count > 0:
            day += timedelta(days=1)
            count -= day.weekday() < 5
        return day
    except OverflowError:
        return None
