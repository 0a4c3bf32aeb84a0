"""parse(): the real samples, each documented form, spelling variants, and unseen texts."""

from __future__ import annotations

import calendar
import json
import unicodedata
from datetime import date, timedelta
from pathlib import Path

import pytest

from conftest import sample_file

from kehoach_desktop.domain.deadlines import (
    Deadline,
    DeadlineKind,
    Frequency,
    Recurrence,
    parse,
)

UNSEEN = Path(__file__).resolve().parent / "data" / "deadlines_unseen.json"
# The plan year of each sample (its title says "năm 2025" / "năm 2024").
SAMPLE_YEARS = {"000_36db36a684822c51": 2025, "002_faa90e4ac40fa61c": 2024, "004_38c702dbea58b40f": 2025}


def _iso(days) -> list[str]:
    return [d.isoformat() for d in days]


def _sample_cases():
    for stem, year in SAMPLE_YEARS.items():
        path = sample_file(stem, "_deadlines.json")
        for i, entry in enumerate(json.loads(path.read_text(encoding="utf-8"))):
            yield pytest.param(entry, year, id=f"{stem[:3]}-{i}")


@pytest.mark.parametrize(("entry", "year"), list(_sample_cases()))
def test_real_samples(entry, year):
    deadline = parse(entry["schedule"], year)
    assert (deadline.kind.value, _iso(deadline.due)) == (entry["kind"], entry["due"]), entry["note"]


def test_all_three_samples_are_read():
    assert len(list(_sample_cases())) == 13 + 19 + 7


# --- every documented form ------------------------------------------------------------


def _monthly(year: int, day: int) -> list[date]:
    return [date(year, m, min(day, calendar.monthrange(year, m)[1])) for m in range(1, 13)]


def _quarter_ends(year: int, day: int) -> list[date]:
    return [date(year, m, day) for m in (3, 6, 9, 12)]


def _weekdays(year: int, weekday: int) -> list[date]:
    day = date(year, 1, 1) + timedelta((weekday - date(year, 1, 1).weekday()) % 7)
    return [day + timedelta(7 * k) for k in range(54) if (day + timedelta(7 * k)).year == year]


D = date
FORMS = [
    # explicit dates
    ("Trước ngày 25/7/2025", "date", [D(2025, 7, 25)], None),
    ("Trước ngày 05/06/2025", "date", [D(2025, 6, 5)], None),
    ("Trước ngày 25-7-2025", "date", [D(2025, 7, 25)], None),
    ("Trước ngày 25.7.2025", "date", [D(2025, 7, 25)], None),
    ("ngày 15 tháng 5 năm 2025", "date", [D(2025, 5, 15)], None),
    ("Chậm nhất trong ngày 20/12/2025", "date", [D(2025, 12, 20)], None),
    ("trước 15/5/2025", "date", [D(2025, 5, 15)], None),
    ("Ngày 15/12/2024", "date", [D(2024, 12, 15)], None),
    ("Trước 31/12", "date", [D(2025, 12, 31)], None),
    ("Trước ngày 05/6/25", "date", [D(2025, 6, 5)], None),
    ("trước ngày 05/9/2025 và 25/11/2025", "dates", [D(2025, 9, 5), D(2025, 11, 25)], None),
    ("Trước ngày 05/9 và 25/11/2025", "dates", [D(2025, 9, 5), D(2025, 11, 25)], None),
    (
        "Báo cáo 06 tháng trước ngày 05/6/2025 Báo cáo năm trước ngày 15/11/2025",
        "dates", [D(2025, 6, 5), D(2025, 11, 15)], None,
    ),
    ("Thường xuyên\nRiêng báo cáo năm gửi Sở Nội vụ trước ngày 25/7/2025", "date", [D(2025, 7, 25)], None),
    ("Từ 01/10-30/11/2025", "period", [D(2025, 11, 30)], None),  # a window of days: due its last day
    ("Chậm nhất 02 ngày làm việc kể từ ngày 04/7/2025", "date", [D(2025, 7, 8)], None),  # Fri + 2 working days
    # citations are not deadlines
    ("Theo Kế hoạch số 10583/KH-UBND ngày 30/10/2022 của UBND tỉnh", "relative", [], None),
    ("Theo Quyết định số 28/QĐ-STNMT ngày 17/01/2024", "relative", [], None),
    ("Triển khai Kế hoạch số 10583/KH-UBND ngày 30/10/2022 trước ngày 30/6/2025", "date", [D(2025, 6, 30)], None),
    ("Theo Kế hoạch số 12/KH-UBND ngày 15 tháng 01 năm 2025", "relative", [], None),
    # periods
    ("Trong năm 2025", "period", [D(2025, 12, 31)], None),
    ("Năm 2025", "period", [D(2025, 12, 31)], None),
    ("Quý II/2025", "period", [D(2025, 6, 30)], None),
    ("quý 2 năm 2025", "period", [D(2025, 6, 30)], None),
    ("Trong quý III và quý IV năm 2024", "period", [D(2024, 12, 31)], None),
    ("Tháng 12/2025", "period", [D(2025, 12, 31)], None),
    ("trong tháng 3", "period", [D(2025, 3, 31)], None),
    ("Trong tháng 2/2024", "period", [D(2024, 2, 29)], None),
    ("6 tháng đầu năm 2025", "period", [D(2025, 6, 30)], None),
    ("6 tháng cuối năm", "period", [D(2025, 12, 31)], None),
    ("Từ tháng 3 đến tháng 6/2025", "period", [D(2025, 6, 30)], None),
    ("Quý I", "period", [D(2025, 3, 31)], None),
    ("cuối quý II/2025", "period", [D(2025, 6, 30)], None),
    # recurring
    ("Định kỳ hàng tháng", "recurring", [], Recurrence(Frequency.MONTHLY)),
    ("ngày 25 hằng tháng", "recurring", _monthly(2025, 25), Recurrence(Frequency.MONTHLY, day=25)),
    ("trước ngày 25 hàng tháng", "recurring", _monthly(2025, 25), Recurrence(Frequency.MONTHLY, day=25)),
    ("Định kỳ sáng thứ hai hàng tuần", "recurring", _weekdays(2025, 0), Recurrence(Frequency.WEEKLY, weekday=0)),
    ("Thứ 7 hằng tuần", "recurring", _weekdays(2025, 5), Recurrence(Frequency.WEEKLY, weekday=5)),
    ("Chủ nhật hằng tuần", "recurring", _weekdays(2025, 6), Recurrence(Frequency.WEEKLY, weekday=6)),
    ("hàng tuần", "recurring", [], Recurrence(Frequency.WEEKLY)),
    ("hàng quý", "recurring", [], Recurrence(Frequency.QUARTERLY)),
    ("định kỳ hằng quý", "recurring", [], Recurrence(Frequency.QUARTERLY)),
    (
        "trước ngày 12 hàng quý", "recurring", _quarter_ends(2025, 12),
        Recurrence(Frequency.QUARTERLY, day=12, month_in_period="last"),
    ),
    (
        "Báo cáo gửi Sở Nội vụ trong ngày 14 của tháng cuối kỳ báo cáo", "recurring", _quarter_ends(2025, 14),
        Recurrence(Frequency.QUARTERLY, day=14, month_in_period="last"),
    ),
    (
        "chậm nhất vào ngày 18 của tháng cuối quý thuộc kỳ báo cáo", "recurring", _quarter_ends(2025, 18),
        Recurrence(Frequency.QUARTERLY, day=18, month_in_period="last"),
    ),
    ("6 tháng/lần", "recurring", [], Recurrence(Frequency.HALF_YEARLY)),
    ("định kỳ 6 tháng", "recurring", [], Recurrence(Frequency.HALF_YEARLY)),
    ("hàng năm", "recurring", [], Recurrence(Frequency.YEARLY)),
    ("hằng năm", "recurring", [], Recurrence(Frequency.YEARLY)),
    ("tháng 12 hàng năm", "recurring", [D(2025, 12, 31)], Recurrence(Frequency.YEARLY, month=12)),
    ("ngày 15 tháng 12 hằng năm", "recurring", [D(2025, 12, 15)], Recurrence(Frequency.YEARLY, day=15, month=12)),
    ("Hằng quý năm 2025", "recurring", [], Recurrence(Frequency.QUARTERLY)),  # the year only scopes it
    # ongoing
    ("Thường xuyên", "ongoing", [], None),
    ("Thường xuyên, liên tục", "ongoing", [], None),
    ("Thường xuyên, khi có yêu cầu", "ongoing", [], None),
    # relative
    ("Theo quy định", "relative", [], None),
    ("Theo tiến độ Kế hoạch cải cách hành chính của Sở năm 2025", "relative", [], None),
    ("Theo hướng dẫn của Sở Nội vụ", "relative", [], None),
    ("Theo yêu cầu của UBND tỉnh", "relative", [], None),
    ("Trong vòng 05 ngày kể từ ngày thay đổi thông tin", "relative", [], None),
    ("Không quá 45 ngày sau khi TTHC được công bố", "relative", [], None),
    ("05 ngày kể từ ngày nhận được Quyết định công bố", "relative", [], None),
    ("Chậm nhất 02 ngày làm việc từ khi văn bản được ban hành", "relative", [], None),
    ("Ngay sau khi có kết quả", "relative", [], None),
    ("Khi có yêu cầu", "relative", [], None),
    ("Sau khi Kế hoạch được phê duyệt", "relative", [], None),
    ("Trong vòng 05 ngày kể từ ngày 01/7/2025", "date", [D(2025, 7, 6)], None),  # the anchor is written
    # unspecified
    ("", "unspecified", [], None),
    ("   \n ", "unspecified", [], None),
    ("Hoàn thành tốt", "unspecified", [], None),
    ("Trực 24/7", "unspecified", [], None),
]  # fmt: skip


@pytest.mark.parametrize(("text", "kind", "due", "rule"), FORMS, ids=[f[0][:40] for f in FORMS])
def test_documented_forms(text, kind, due, rule):
    deadline = parse(text, 2025 if "2024" not in text else 2024)
    assert deadline.kind.value == kind
    assert list(deadline.due) == due
    assert deadline.recurrence == rule
    assert deadline.text == text


def test_due_is_sorted_without_duplicates():
    deadline = parse("Trước ngày 15/5/2024; trước ngày 01/4/2024; và trước ngày 15/5/2024", 2024)
    assert deadline.due == (date(2024, 4, 1), date(2024, 5, 15))


def test_separate_and_adjoining_periods():
    assert _iso(parse("Tháng 6 và tháng 12 năm 2025", 2025).due) == ["2025-06-30", "2025-12-31"]
    assert parse("Tháng 6 và tháng 12 năm 2025", 2025).kind is DeadlineKind.DATES
    assert parse("Quý I, II", 2025).due == (date(2025, 6, 30),)
    assert parse("Quý IV/2024 - Quý I/2025", 2025).due == (date(2025, 3, 31),)


def test_final_and_next_due():
    deadline = parse("trước ngày 05/9/2025 và 25/11/2025", 2025)
    assert deadline.final_due == date(2025, 11, 25)
    assert deadline.next_due(date(2025, 9, 6)) == date(2025, 11, 25)
    assert parse("ngày 25 hằng tháng", 2025).final_due is None


# --- spelling variants give the same reading ------------------------------------------


def _strip_marks(text: str) -> str:
    decomposed = unicodedata.normalize("NFD", text)
    bare = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return bare.replace("đ", "d").replace("Đ", "D")


def _reading(deadline: Deadline):
    return deadline.kind, deadline.due, deadline.recurrence


VARIANT_TEXTS = [f[0] for f in FORMS if f[0].strip()] + [
    entry.values[0]["schedule"] for entry in _sample_cases() if entry.values[0]["schedule"]
]


@pytest.mark.parametrize("text", VARIANT_TEXTS, ids=[t[:40] for t in VARIANT_TEXTS])
def test_no_marks_upper_case_and_nfd_read_alike(text):
    expected = _reading(parse(text, 2025))
    assert _reading(parse(_strip_marks(text), 2025)) == expected
    assert _reading(parse(text.upper(), 2025)) == expected
    assert _reading(parse(_strip_marks(text).upper(), 2025)) == expected
    assert _reading(parse(unicodedata.normalize("NFD", text), 2025)) == expected


def test_tone_placement_is_irrelevant():
    old = "Theo yêu cầu của UBND tỉnh Khánh Hòa, hằng quý"
    new = "Theo yêu cầu của UBND tỉnh Khánh Hoà, hằng qúy"  # old-style tone placement
    assert _reading(parse(old, 2025)) == _reading(parse(new, 2025))
    assert parse(new, 2025).recurrence == Recurrence(Frequency.QUARTERLY)


def test_text_is_kept_verbatim_in_nfc():
    decomposed = unicodedata.normalize("NFD", "  Trước ngày 25/7/2025 ")
    deadline = parse(decomposed, 2025)
    assert deadline.text == "  Trước ngày 25/7/2025 "
    assert parse("Không hiểu được", 2025).text == "Không hiểu được"


@pytest.mark.parametrize(
    "odd",
    [None, "", "   ", "32/13/2025", "ngày 31/02/2025", "...!?;,-/", "Trước ngày " * 20000,
     "quý I, " * 5000, "1/" * 20000, "\ud800 ngày", "ngày 00/00/0000",
     "Trước ngày 31/12/9999 và 5 ngày kể từ 31/12/9999", "tháng 13/2025 quý V năm 0000", "\x00\x0b\x0c"],
)  # fmt: skip
def test_never_raises(odd):
    for year in (2025, 0, -1, 10**6):
        deadline = parse(odd, year)
        assert isinstance(deadline, Deadline)
    assert parse(odd, 2025).kind in (DeadlineKind.UNSPECIFIED, DeadlineKind.PERIOD, DeadlineKind.DATE)


def test_impossible_dates_are_unspecified():
    for text in ("32/13/2025", "ngày 31/02/2025", "...!?"):
        assert parse(text, 2025).kind is DeadlineKind.UNSPECIFIED


# --- JSON and words -------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    ["Trước ngày 25/7/2025", "ngày 25 hằng tháng", "Định kỳ sáng thứ hai hàng tuần",
     "trước ngày 12 hàng quý", "Thường xuyên", "Theo quy định", "", "Tháng 6 và tháng 12 năm 2025", "tháng 12 hàng năm"],
)  # fmt: skip
def test_json_round_trip(text):
    deadline = parse(text, 2025)
    data = json.loads(json.dumps(deadline.to_json()))
    assert Deadline.from_json(text, data) == deadline


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("Trước ngày 25/7/2025", "Hạn: 25/07/2025"),
        ("Quý II/2025", "Hạn: 30/06/2025"),
        ("ngày 25 hằng tháng", "Hằng tháng, ngày 25"),
        ("Định kỳ sáng thứ hai hàng tuần", "Hằng tuần, thứ hai"),
        ("Thường xuyên", "Thường xuyên"),
        ("trước ngày 12 hàng quý", "Hằng quý, ngày 12 tháng cuối quý"),
        ("tháng 12 hàng năm", "Hằng năm, tháng 12"),
        ("Trước 15/11 hằng năm", "Hằng năm, ngày 15/11"),
        ("Định kỳ hàng tháng", "Hằng tháng"),
        ("trước ngày 05/9/2025 và 25/11/2025", "Các hạn: 05/09/2025, 25/11/2025"),
        ("", "Chưa xác định hạn"),
    ],
)
def test_describe(text, words):
    assert parse(text, 2025).describe() == words


def test_yearly_month_only_recurrence():
    rule = Recurrence(Frequency.YEARLY, month=2)
    assert rule.dates_in_year(2024) == (date(2024, 2, 29),)
    assert rule.describe() == "Hằng năm, tháng 2"


# --- texts of other plans (tests/data/deadlines_unseen.json) ---------------------------

UNSEEN_CASES = json.loads(UNSEEN.read_text(encoding="utf-8"))


def test_unseen_file_is_large_enough():
    assert len(UNSEEN_CASES) >= 40


@pytest.mark.parametrize("entry", UNSEEN_CASES, ids=[e["schedule"][:40] for e in UNSEEN_CASES])
def test_unseen_texts(entry):
    deadline = parse(entry["schedule"], entry["year"])
    assert (deadline.kind.value, _iso(deadline.due)) == (entry["kind"], entry["due"]), entry["note"]
    expected_rule = entry.get("recurrence")
    assert (deadline.recurrence.to_json() if deadline.recurrence else None) == expected_rule


# --- cases found while reviewing the parser ----------------------------------------------


def test_dated_exception_keeps_the_monthly_rule():
    deadline = parse("Trước ngày 25 hằng tháng (riêng tháng 12 trước ngày 15/12/2025)", 2025)
    assert deadline.kind is DeadlineKind.RECURRING
    assert deadline.recurrence == Recurrence(Frequency.MONTHLY, day=25)
    assert len(deadline.due) == 12
    assert deadline.due[-2:] == (date(2025, 11, 25), date(2025, 12, 15))


def test_quarterly_rule_with_a_dated_annual_report():
    deadline = parse("Báo cáo quý trước ngày 15 tháng cuối quý; báo cáo năm trước ngày 10/12/2025", 2025)
    assert deadline.kind is DeadlineKind.RECURRING
    assert _iso(deadline.due) == ["2025-03-15", "2025-06-15", "2025-09-15", "2025-12-10"]


@pytest.mark.parametrize("text", ["Thực hiện từ tháng 5/2025", "Bắt đầu từ quý III/2025"])
def test_a_start_without_an_end_is_ongoing(text):
    assert parse(text, 2025).kind is DeadlineKind.ONGOING


def test_a_range_is_still_a_period():
    deadline = parse("Từ tháng 3 đến tháng 6/2025", 2025)
    assert (deadline.kind, deadline.due) == (DeadlineKind.PERIOD, (date(2025, 6, 30),))


# --- the other plans' deadline texts (../shared/samples/more*/, issue 13) ----------------------


def _other_sets() -> dict[str, list[tuple[dict, int]]]:
    """{set: [(entry, plan year)]}: the more*/ plans' files (more/ scored with 2025, a
    more2/ plan with its own year) and more2/deadlines_YYYY.json (each entry's year)."""
    from conftest import SAMPLES

    sets: dict[str, list[tuple[dict, int]]] = {"plans": [], "deadline set": []}
    for path in sorted(SAMPLES.glob("more*/*_deadlines.json")):
        plan = path.with_name(path.name.replace("_deadlines", ""))
        year = json.loads(plan.read_text(encoding="utf-8"))["plan"].get("year", 2025)
        sets["plans"] += [(entry, year) for entry in json.loads(path.read_text(encoding="utf-8"))]
    for path in sorted(SAMPLES.glob("more2/deadlines_*.json")):
        entries = json.loads(path.read_text(encoding="utf-8"))
        sets["deadline set"] += [(entry, entry.get("year") or int(path.stem[-4:])) for entry in entries]
    return sets


@pytest.mark.parametrize("name", ["plans", "deadline set"])
def test_other_provinces_wordings_are_read_as_an_officer_would(name):
    cases = _other_sets()[name]
    if not cases:
        pytest.skip("../shared/samples/more*/ is not beside this checkout")
    misses = [
        (entry["schedule"], entry["kind"], entry["due"])
        for entry, year in cases
        if (parse(entry["schedule"], year).kind.value, _iso(parse(entry["schedule"], year).due))
        != (entry["kind"], entry["due"])
    ]
    assert 1 - len(misses) / len(cases) >= 0.95, misses
    assert len(cases) >= (100 if name == "plans" else 200)
