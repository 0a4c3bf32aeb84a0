"""Reporting periods (kỳ báo cáo): month, quarter, 6 months, 9 months, year, or a range.

Written on the command line as 2025-11, 2025-Q3, 2025-H1, 2025-9T, 2025, or
2025-03-01..2025-05-31.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date
from enum import Enum

ROMAN = ("I", "II", "III", "IV")


class PeriodError(ValueError):
    """A period written in a way the program does not read (message in Vietnamese)."""


class PeriodKind(str, Enum):
    MONTH = "month"
    QUARTER = "quarter"
    HALF = "half"
    NINE_MONTHS = "nine_months"
    YEAR = "year"
    CUSTOM = "custom"


@dataclass(frozen=True)
class Period:
    kind: PeriodKind
    start: date
    end: date
    index: int = 0  # month 1..12, quarter 1..4, half 1..2

    @property
    def year(self) -> int:
        return self.end.year

    @property
    def code(self) -> str:
        y = self.start.year
        if self.kind is PeriodKind.MONTH:
            return f"{y}-{self.index:02d}"
        if self.kind is PeriodKind.QUARTER:
            return f"{y}-Q{self.index}"
        if self.kind is PeriodKind.HALF:
            return f"{y}-H{self.index}"
        if self.kind is PeriodKind.NINE_MONTHS:
            return f"{y}-9T"
        if self.kind is PeriodKind.YEAR:
            return str(y)
        return f"{self.start.isoformat()}..{self.end.isoformat()}"

    @property
    def label(self) -> str:
        """Vietnamese words, as in a report title: "quý III năm 2025"."""
        y = self.start.year
        if self.kind is PeriodKind.MONTH:
            return f"tháng {self.index:02d} năm {y}"
        if self.kind is PeriodKind.QUARTER:
            return f"quý {ROMAN[self.index - 1]} năm {y}"
        if self.kind is PeriodKind.HALF:
            return f"6 tháng {'đầu' if self.index == 1 else 'cuối'} năm {y}"
        if self.kind is PeriodKind.NINE_MONTHS:
            return f"9 tháng năm {y}"
        if self.kind is PeriodKind.YEAR:
            return f"năm {y}"
        return f"từ ngày {self.start:%d/%m/%Y} đến ngày {self.end:%d/%m/%Y}"

    def contains(self, day: date) -> bool:
        return self.start <= day <= self.end

    @classmethod
    def month(cls, year: int, month: int) -> Period:
        return cls(PeriodKind.MONTH, date(year, month, 1), _month_end(year, month), month)

    @classmethod
    def quarter(cls, year: int, quarter: int) -> Period:
        first = 3 * quarter - 2
        return cls(PeriodKind.QUARTER, date(year, first, 1), _month_end(year, first + 2), quarter)

    @classmethod
    def half(cls, year: int, half: int) -> Period:
        first = 1 if half == 1 else 7
        return cls(PeriodKind.HALF, date(year, first, 1), _month_end(year, first + 5), half)

    @classmethod
    def nine_months(cls, year: int) -> Period:
        return cls(PeriodKind.NINE_MONTHS, date(year, 1, 1), date(year, 9, 30))

    @classmethod
    def whole_year(cls, year: int) -> Period:
        return cls(PeriodKind.YEAR, date(year, 1, 1), date(year, 12, 31))

    @classmethod
    def between(cls, start: date, end: date) -> Period:
        if end < start:
            raise PeriodError(
                f"Kỳ báo cáo không hợp lệ: ngày kết thúc {end:%d/%m/%Y} "
                f"trước ngày bắt đầu {start:%d/%m/%Y}."
            )
        return cls(PeriodKind.CUSTOM, start, end)


def _month_end(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])


_YEAR = r"(?P<y>\d{4})"
_FORMS = (
    (re.compile(rf"^{_YEAR}-(?P<m>\d{{1,2}})$"), lambda y, m: Period.month(y, _in(m, 1, 12))),
    (re.compile(rf"^{_YEAR}-Q(?P<m>\d)$", re.I), lambda y, m: Period.quarter(y, _in(m, 1, 4))),
    (re.compile(rf"^{_YEAR}-H(?P<m>\d)$", re.I), lambda y, m: Period.half(y, _in(m, 1, 2))),
    (re.compile(rf"^{_YEAR}-9T$", re.I), lambda y, m: Period.nine_months(y)),
    (re.compile(rf"^{_YEAR}$"), lambda y, m: Period.whole_year(y)),
)

HELP = (
    "Viết kỳ báo cáo theo một trong các dạng: 2025-11 (tháng), 2025-Q3 (quý), "
    "2025-H1 (6 tháng đầu năm), 2025-9T (9 tháng), 2025 (năm), "
    "2025-03-01..2025-05-31 (từ ngày đến ngày)."
)


def _in(value: str | None, low: int, high: int) -> int:
    number = int(value or 0)
    if not low <= number <= high:
        raise ValueError
    return number


def parse_period(text: str) -> Period:
    """Read a period code; raise PeriodError with a Vietnamese message otherwise."""
    code = (text or "").strip()
    try:
        if ".." in code:
            first, last = code.split("..", 1)
            return Period.between(date.fromisoformat(first.strip()), date.fromisoformat(last.strip()))
        for pattern, build in _FORMS:
            match = pattern.match(code)
            if match:
                return build(int(match["y"]), match.groupdict().get("m"))
    except PeriodError:
        raise
    except ValueError:
        pass
    raise PeriodError(f"Không hiểu kỳ báo cáo «{code}». {HELP}")


def periods_of_year(year: int, kind: PeriodKind) -> list[Period]:
    """Every period of `kind` in `year`, in order (one for the year and 9 months)."""
    if kind is PeriodKind.MONTH:
        return [Period.month(year, month) for month in range(1, 13)]
    if kind is PeriodKind.QUARTER:
        return [Period.quarter(year, quarter) for quarter in range(1, 5)]
    if kind is PeriodKind.HALF:
        return [Period.half(year, 1), Period.half(year, 2)]
    if kind is PeriodKind.NINE_MONTHS:
        return [Period.nine_months(year)]
    if kind is PeriodKind.YEAR:
        return [Period.whole_year(year)]
    raise ValueError(f"no periods of kind {kind} in a year")


def default_period(plan_year: int, today: date, kind: PeriodKind = PeriodKind.MONTH) -> Period:
    """The period a dialog opens on, the same rule everywhere: the period of `kind`
    that ended last before `today`, or the current one if none has ended yet,
    always within the plan's year.

    A 2025 plan looked at in 2026 opens on its last period (Tháng 12/2025, Quý IV
    2025); looked at on 20/7/2025 on Tháng 6/2025 or Quý II 2025; in January 2025,
    before any period ended, on the current one (Tháng 01/2025, Quý I 2025).
    """
    periods = periods_of_year(plan_year, kind)
    ended = [period for period in periods if period.end < today]
    if ended:
        return ended[-1]
    current = [period for period in periods if period.contains(today)]
    return current[0] if current else periods[0]
