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
   ("Quyết định ngày ...") dates that document, not the task. "Quí" reads as
   "quý"; "năm sau", "(của) năm tiếp theo" as the year after the plan's ("5
   năm sau", "các năm tiếp theo" are not that year).
1. Explicit dates → `date` / `dates`: "dd/mm/yyyy", "d-m-yyyy", "d.m.yyyy",
   "ngày 15 tháng 5 năm 2025", and "dd/mm/yy", "dd/mm" or "ngày 15 tháng 5"
   after a word such as "ngày"/"trước" (then the next written year, else the
   plan's year; "trực 24/7" is no date). A dated
   deliverable beats everything else in the cell ("Thường xuyên ... Riêng báo
   cáo ... trước ngày 25/7/2024" is a date). Dates after "từ"/"sau"/"kể từ"
   are start dates and not due dates; "05 ngày (làm việc) kể từ ngày
   01/7/2025" is that date plus the days (working days skip Sat/Sun only).
   "Trước năm 2030" is 31/12/2029. A window of days ("từ ngày 26/5/2025 đến
   ngày 31/5/2025", "Từ 01/10-30/11/2025") is a `period` due its last day.
   "06-10 ngày làm việc" is a processing time (rule 5), and a day "của năm
   xét tặng" belongs to a year the text does not fix (rule 5; "năm báo cáo"
   is the plan's year).
   Exception: year-less dates with a cadence are a recurrence: "Trước 15/11
   hằng năm" (yearly on 15/11), "định kỳ 6 tháng (trước ngày 30/6), năm
   (trước ngày 25/12)", "báo cáo 6 tháng … và báo cáo năm …", "báo cáo định
   kỳ (trước ngày 15 tháng 12)": the rule keeps those days (`Recurrence.days`).
2. A cadence word → `recurring` ("hằng/hàng/mỗi/định kỳ tuần|tháng|quý|năm",
   "6 tháng/lần", "tháng cuối quý", "tháng cuối kỳ báo cáo"). With several
   cadences the shortest wins ("Định kỳ 6 tháng, hằng năm" is half-yearly).
   A cadence beats the plan's own year: in "Trong năm 2025, định kỳ hằng
   quý" the year only scopes the quarterly task; another year or a span of
   years is a deadline ("hoàn thành trong năm 2026. Thực hiện … hàng năm").
3. Periods → `period`, due at the end of the latest period named ("Quý III
   và quý IV năm 2024" → 31/12/2024; "12/2025" alone is a month; a year or a
   span of years alone in the cell: "2026", "2025 - 2035"). Ranges ("từ tháng
   3 đến tháng 6", "Tháng 10/2025 - tháng 11/2025", "từ tháng 10 đến tháng 4
   năm sau") and adjoining periods form one span; separate periods ("Tháng 6
   và tháng 12 năm 2025", or steps on their own lines: "(tháng 4/2025); …
   (tháng 5/2025)") give `dates`, the end of each. "… sau năm 2028" is when
   later work starts: no deadline.
4. "Thường xuyên", "liên tục", "hằng ngày", only a start date, or a period
   "và các năm tiếp theo" → `ongoing`. The plan's own year does not beat them
   ("Thường xuyên trong năm 2025" is ongoing: the year just repeats the
   plan's scope); a shorter period, another year or a span does ("trong giai
   đoạn 2026 - 2027 và vận hành thường xuyên").
5. References and events → `relative` ("Theo ...", "Sau khi ...", "Khi ...",
   "Kể từ ...", "05 ngày ...", "Đột xuất", "Trước Tết", "nhận được ...", "từ
   tháng 11/2025 đến khi kết thúc …"). Their clause (up to
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
import sys
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

    def search(self, text: str, pos: int = 0, endpos: int = sys.maxsize) -> re.Match[str] | None:
        return self.compiled.search(text, pos, endpos)

    def match(self, text: str, pos: int = 0, endpos: int = sys.maxsize) -> re.Match[str] | None:
        return self.compiled.match(text, pos, endpos)

    def finditer(self, text: str, pos: int = 0, endpos: int = sys.maxsize) -> Iterator[re.Match[str]]:
        return self.compiled.finditer(text, pos, endpos)

    def findall(self, text: str, pos: int = 0, endpos: int = sys.maxsize) -> list[Any]:
        return self.compiled.findall(text, pos, endpos)

    def fullmatch(self, text: str, pos: int = 0, endpos: int = sys.maxsize) -> re.Match[str] | None:
        return self.compiled.fullmatch(text, pos, endpos)

    def sub(self, replacement: str | Callable[[re.Match[str]], str], text: str, count: int = 0) -> str:
        return self.compiled.sub(replacement, text, count)


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
    # Days of the year that fall due besides the rule's own ((month, day), …): the
    # reports of a longer cadence in the same text ("hằng tháng trước ngày 16;
    # tổng kết năm trước ngày 20/11") or a cadence's dated reports ("định kỳ 6
    # tháng (trước ngày 30/6), năm (trước ngày 25/12)").
    days: tuple[tuple[int, int], ...] = ()

    def to_json(self) -> dict:
        data: dict = {"freq": self.freq.value}
        for name in ("day", "weekday", "month_in_period", "month"):
            value = getattr(self, name)
            if value is not None:
                data[name] = value
        if self.days:
            data["days"] = [list(pair) for pair in self.days]
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
            days=tuple((int(month), int(day)) for month, day in data.get("days") or ()),
        )

    def describe(self) -> str:
        """Vietnamese words for the GUI: "Hằng tháng, ngày 25"."""
        rule = self._describe_rule()
        if not self.days:
            return rule
        listed = ", ".join(f"{day:02d}/{month:02d}" for month, day in sorted(self.days))
        return f"{rule}; các ngày {listed} hằng năm" if rule != _FREQUENCY_WORDS[self.freq] else f"{rule}, ngày {listed}"

    def _describe_rule(self) -> str:
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
        that month's last day. The extra `days` are added.
        """
        extra = tuple(_clamped(year, month, day) for month, day in self.days)
        return tuple(sorted(set(self._rule_dates(year)) | set(extra)))

    def _rule_dates(self, year: int) -> tuple[date, ...]:
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
    r"|\b\d{1,3}\s+ngay\b|\bdot\s+xuat\b|\btet\b|\bnhan\s+duoc\b"
    r"|\bcua\s+nam\s+(?!nay\b|sau\b|tiep\b|ke\b|truoc\b|hoc\b|bao cao\b|\d)[a-z])[^,;]*"
)
# "quí" (an old spelling of "quý"), folded.
_QUI = _lazy(r"\bqui\b")
# "năm sau", "(của) năm tiếp theo": the year after the plan's (not "các năm tiếp
# theo", not "5 năm sau").
_NEXT_YEAR = _lazy(r"(?<!cac )(?<!nhung )\b(?:cua\s+)?nam\s+(?:sau|tiep\s+theo|ke\s+tiep)\b(?!\s+khi)")
_COUNTED = _lazy(r"(?<!thang )(?<!ngay )(?<!quy )\b\d{1,2}\s+$")  # a number of years just before
# "X và các năm tiếp theo": right after a year, the work goes on with no end.
_FOLLOWING_YEARS = _lazy(r"\d{4}\s*(?:,|va)?\s*(?:va\s+)?(?:cac|nhung)\s+nam\s+(?:tiep\s+theo|sau|ke\s+tiep|tiep)\b")
# "… đến khi kết thúc Tổng kiểm kê": the end is an event.
_UNTIL_EVENT = _lazy(r"\b(?:den|toi)\s+khi\b")
# "mở rộng sau năm 2028": when later work starts, no deadline.
_AFTER_PERIOD = _lazy(r"\bsau\s+(?=nam\s+\d{4}|thang\s+\d|quy\s)[^,;]*")
# "Trước năm 2030": by the end of the year before.
_BEFORE_YEAR = _lazy(r"\btruoc\s+nam\s+(\d{4})(?!\d)")
# "06-10 ngày làm việc": a number of days, not the date 06/10.
_DAY_COUNT_AFTER = _lazy(r"\s*ngay\b")
# A year-less day "của năm xét tặng": the year is an event's.
_EVENT_YEAR_AFTER = _lazy(r"\s*cua\s+nam\s+(?!nay\b|sau\b|tiep\b|ke\b|truoc\b|hoc\b|bao cao\b|\d)[a-z]")
# ("năm báo cáo", the reporting year, is the plan's.)
# Before a date: "từ (ngày) <a day or date> đến (ngày)": the date ends a window.
_WINDOW_BEFORE = _lazy(r"\btu\s+(?:ngay\s+)?\d[^;]{0,40}?(?:\bden|\btoi|[-–])\s*(?:het\s+)?(?:ngay\s+)?$")
# A bare "định kỳ" ("báo cáo định kỳ (trước ngày 15 tháng 12)").
_PERIODIC = _lazy(r"\bdinh ky\b")
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
    (Frequency.YEARLY, _lazy(
        rf"{_EVERY}nam\b(?!\s*\d)|\bnam\s*/\s*lan\b|\blan\s*/\s*nam\b"
        r"|\bbao cao\s+(?:tong ket\s+)?nam\b(?!\s*\d)")),  # "báo cáo năm": a yearly report
)
# "định kỳ 6 tháng", "06 tháng/lần", "6 tháng một lần": a cadence counted in months.
_MONTHS_CADENCE = _lazy(
    r"(?:\bdinh ky|\bmoi|\bhang)\s+(\d{1,2})\s+thang\b|\b(\d{1,2})\s+thang\s*(?:/|mot|1)\s*lan\b"
    r"|\bbao cao\s+(\d{1,2})\s+thang\b(?!\s+(?:dau|cuoi))"  # "báo cáo 6 tháng": a half-year report
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
# "năm 2025", "giai đoạn 2026 - 2030", or a year alone in a cell ("2026", "2025 - 2035").
_YEAR_LIST = _lazy(
    rf"(?:\b(?:nam|giai doan)\s+|(?:^|(?<=[;(:]))\s*(?=(?:19|20)\d\d\b))\d{{4}}(?!\d)(?:{_JOIN}(?:nam\s+)?\d{{4}}(?!\d))*"
)
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
    window_end: bool = False  # "từ ngày 26 đến ngày 31/5/2025": the end of a window of days


def parse(text: str | None, year: int) -> Deadline:
    """Read a deadline text; `year` is the plan's year, used when a date has none."""
    raw = nfc(text if isinstance(text, str) else "")
    if not raw.strip():
        return Deadline(text=raw, kind=DeadlineKind.UNSPECIFIED)
    if not isinstance(year, int) or not 1 <= year <= 9998:
        year = date.today().year  # a broken plan year must not break reading
    folded = " ; ".join(fold(line) for line in raw.splitlines())
    folded = _spelled_out(folded, year)
    folded = _CITATION.sub(lambda m: " " * len(m[0]), folded)
    hits, folded = _find_dates(folded)
    scoped, referenced = _mask_references(folded)
    scoped = _AFTER_PERIOD.sub(lambda m: " " * len(m[0]), scoped)  # "mở rộng sau năm 2028": a start
    freq = _cadence(scoped, dated=bool(hits))
    due = _due_dates(hits, year)
    if freq is not None and hits and all(hit.year is None and not hit.starts for hit in hits):
        # A cadence with days and no year ("định kỳ 6 tháng (trước ngày 30/6), năm
        # (trước ngày 25/12)"): those days come back each year.
        rule = _recurrence(scoped, freq, hits)
        return Deadline(raw, DeadlineKind.RECURRING, rule.dates_in_year(year), rule)
    if due:
        return _dated(raw, scoped, freq, hits, due, year)
    periods, whole_years = _periods(scoped, year)
    # A whole year other than the plan's own ("trong năm 2026", "giai đoạn 2026 -
    # 2027") is a deadline; the plan's year only scopes the work ("Thường xuyên
    # trong năm 2025", "Trong năm 2025, định kỳ hằng quý").
    scope_only = whole_years and all(day == date(year, 12, 31) for day in periods)
    if freq is not None and not (periods and whole_years and not scope_only):
        rule = _recurrence(scoped, freq, [])
        return Deadline(raw, DeadlineKind.RECURRING, rule.dates_in_year(year), rule)
    if _FOLLOWING_YEARS.search(scoped):
        return Deadline(raw, DeadlineKind.ONGOING)  # "Năm 2026 và các năm tiếp theo": no end
    if _UNTIL_EVENT.search(folded):
        return Deadline(raw, DeadlineKind.RELATIVE)  # "Từ tháng 11/2025 đến khi kết thúc …"
    ongoing = bool(_ONGOING.search(scoped)) or any(hit.starts for hit in hits)
    if periods and _OPEN_START.search(scoped) and not _RANGE_END.search(scoped):
        return Deadline(raw, DeadlineKind.ONGOING)  # "Thực hiện từ tháng 5/2025": a start, no end
    if periods and not (ongoing and scope_only):
        kind = DeadlineKind.PERIOD if len(periods) == 1 else DeadlineKind.DATES
        return Deadline(raw, kind, periods)
    if ongoing:
        return Deadline(raw, DeadlineKind.ONGOING)
    return Deadline(raw, DeadlineKind.RELATIVE if referenced else DeadlineKind.UNSPECIFIED)


def _dated(raw: str, scoped: str, freq: Frequency | None, hits: list[_Hit], due: tuple[date, ...], year: int) -> Deadline:
    """Explicit dates: one date, several, a window of days, or a rule's exception."""
    rule = _recurrence(scoped, freq, []) if freq not in (None, Frequency.YEARLY) else None
    if rule and rule.dates_in_year(year):
        # "ngày 25 hằng tháng (riêng tháng 12 trước ngày 15/12)": the dated
        # exception replaces the rule's date in that month; the rule stays.
        return Deadline(raw, DeadlineKind.RECURRING, _with_exceptions(rule.dates_in_year(year), due), rule)
    ends = [hit for hit in hits if not hit.starts]
    if ends and all(hit.window_end for hit in ends):
        # "Từ ngày 26/5/2025 đến ngày 31/5/2025": a window of days, due its last day.
        return Deadline(raw, DeadlineKind.PERIOD if len(due) == 1 else DeadlineKind.DATES, due)
    return Deadline(raw, DeadlineKind.DATE if len(due) == 1 else DeadlineKind.DATES, due)


def _spelled_out(s: str, year: int) -> str:
    """Words standing for what the rules read: "quí" is "quý"; "năm sau", "(của)
    năm tiếp theo" is the year after the plan's."""
    s = _QUI.sub("quy", s)

    def next_year(m: re.Match) -> str:
        if _COUNTED.search(s, 0, m.start()):
            return m[0]  # "5 năm sau": five years later, not a year
        return f"nam {year + 1}".ljust(len(m[0]))

    return _NEXT_YEAR.sub(next_year, s)


def _find_dates(s: str) -> tuple[list[_Hit], str]:
    """The dates written in `s`, in text order, and `s` with them blanked out."""
    worded = [m for m in _WORDED_DATE.finditer(s) if m[1] or m[4]]  # "6 tháng 1 lần" is not a date
    # "ngày 15 tháng 8 của năm xét tặng": the year is an event's; neither date nor month is known.
    event_year = [m for m in worded if m[4] is None and _EVENT_YEAR_AFTER.match(s, m.end())]
    hits = [_hit(s, m.span(), m[2], m[3], m[4]) for m in worded if m not in event_year]
    s = _blank(s, [m.span() for m in event_year])
    # "Trước năm 2030": before the year, by 31/12/2029.
    hits += [_Hit(m.span(), 31, 12, int(m[1]) - 1) for m in _BEFORE_YEAR.finditer(s)]
    s = _blank(s, [hit.span for hit in hits])
    for m in _NUMERIC_DATE.finditer(s):
        before = s[max(0, m.start() - 40):m.start()]
        if _PERIOD_WORD_BEFORE.search(before) or _DAY_COUNT_AFTER.match(s, m.end()):
            continue  # "tháng 10-11/2025", "06-10 ngày làm việc"
        cued = not before.strip() or _YEARLESS_CUE.search(before) or _YEARLY_AFTER.match(s, m.end())
        if m[4] is None and not cued:  # a short or missing year needs a cue
            continue
        if m[4] is None and m[5] is None and _EVENT_YEAR_AFTER.match(s, m.end()):
            s = _blank(s, [m.span()])
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
    else:
        hit.window_end = bool(_WINDOW_BEFORE.search(s[max(0, span[0] - 60):span[0]]))
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
    """The rule's dates with each dated exception in place of the rule's date that month."""
    months = {(d.year, d.month) for d in exceptions}
    kept = [d for d in rule_dates if (d.year, d.month) not in months]
    return tuple(sorted(set(kept) | set(exceptions)))


def _mask_references(s: str) -> tuple[str, bool]:
    masked = _REFERENCE.sub(lambda m: " " * len(m[0]), s)
    return masked, masked != s


def _cadence(s: str, dated: bool = False) -> Frequency | None:
    """The shortest cadence named in `s`. A report named by its period ("báo cáo 6
    tháng", "báo cáo năm") is one; so is a bare "định kỳ" when days are written
    (each year)."""
    found = [freq for freq, pattern in _CADENCES if pattern.search(s)]
    for m in _MONTHS_CADENCE.finditer(s):
        months = int(m[1] or m[2] or m[3])
        if months in _BY_MONTHS:
            found.append(_BY_MONTHS[months])
    if not found and dated and _PERIODIC.search(s):
        found.append(Frequency.YEARLY)
    order = list(Frequency)
    return min(found, key=order.index) if found else None


def _recurrence(s: str, freq: Frequency, dated: list[_Hit]) -> Recurrence:
    """The rule: its own day (or weekday, month), and the written year-less days."""
    days = tuple(sorted({(hit.month, hit.day) for hit in dated if _safe_date(2000, hit.month, hit.day)}))
    if freq is Frequency.YEARLY and len(days) == 1:
        return Recurrence(freq, day=days[0][1], month=days[0][0])  # "Trước 15/11 hằng năm"
    rule = _rule(s, freq)
    return Recurrence(rule.freq, rule.day, rule.weekday, rule.month_in_period, rule.month, days) if days else rule


def _rule(s: str, freq: Frequency) -> Recurrence:
    if freq is Frequency.WEEKLY:
        return Recurrence(freq, weekday=_weekday(s))
    if freq is Frequency.YEARLY:
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
    spans: list[list] = []  # [begin, finish, clause]
    clause = 0
    for i, (start, _, begin, finish) in enumerate(resolved):
        between = s[resolved[i - 1][1]:start] if i else ""
        clause += ";" in between  # "(tháng 4/2025); - … (tháng 5/2025)": two steps, two deadlines
        if i and _RANGE_GAP.fullmatch(between):
            if spans[-1][0] > finish:  # "từ tháng 10 đến tháng 4 năm 2026": October of the year before
                spans[-1][:2] = [_year_before(spans[-1][0]), _year_before(spans[-1][1])]
            spans[-1][:2] = [min(spans[-1][0], begin), max(spans[-1][1], finish)]
        else:
            spans.append([begin, finish, clause])
    merged: list[list] = []
    for begin, finish, part in sorted(spans):
        if merged and (begin - merged[-1][1]).days <= 1 and part == merged[-1][2]:  # no overflow at 31/12/9999
            merged[-1][1] = max(merged[-1][1], finish)
        else:
            merged.append([begin, finish, part])
    return tuple(sorted({finish for _, finish, _ in merged}))


def _year_before(day: date) -> date:
    return _clamped(day.year - 1, day.month, day.day) if day.year > 1 else day


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
