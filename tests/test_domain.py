from datetime import date

import pytest

from kehoach_desktop.domain.areas import AREAS, OTHER, area, area_order, is_area_code
from kehoach_desktop.domain.deadlines import Deadline, DeadlineKind, Frequency, Recurrence
from kehoach_desktop.domain.judgement import Timeliness, judge, status_label
from kehoach_desktop.domain.models import UnitKind
from kehoach_desktop.domain.periods import Period, PeriodError, PeriodKind, parse_period
from kehoach_desktop.domain.statuses import Status
from kehoach_desktop.domain.units import guess_kind, unit_key


# --- areas ---------------------------------------------------------------------------


def test_area_catalog_has_the_six_reform_areas_first_and_other_last():
    core = [a.code for a in AREAS if a.is_core]
    assert core == ["the_che", "tthc", "bo_may", "cong_vu", "tai_chinh", "chinh_quyen_so"]
    assert AREAS[-1].code == OTHER
    assert len({a.code for a in AREAS}) == len(AREAS)
    assert area("tthc").name == "Cải cách thủ tục hành chính"
    assert area_order("the_che") < area_order("hai_long") < area_order("khac")
    assert area_order("no-such-code") == area_order(OTHER)
    assert not is_area_code("no-such-code")
    for required in ("chi_dao", "tuyen_truyen", "tac_dong", "hai_long", "diem_thuong", "diem_tru"):
        assert is_area_code(required)


# --- periods -------------------------------------------------------------------------


@pytest.mark.parametrize(
    "code, kind, start, end, label",
    [
        ("2025-11", PeriodKind.MONTH, date(2025, 11, 1), date(2025, 11, 30), "tháng 11 năm 2025"),
        ("2024-02", PeriodKind.MONTH, date(2024, 2, 1), date(2024, 2, 29), "tháng 02 năm 2024"),
        ("2025-Q3", PeriodKind.QUARTER, date(2025, 7, 1), date(2025, 9, 30), "quý III năm 2025"),
        ("2025-q1", PeriodKind.QUARTER, date(2025, 1, 1), date(2025, 3, 31), "quý I năm 2025"),
        ("2025-H1", PeriodKind.HALF, date(2025, 1, 1), date(2025, 6, 30), "6 tháng đầu năm 2025"),
        ("2025-H2", PeriodKind.HALF, date(2025, 7, 1), date(2025, 12, 31), "6 tháng cuối năm 2025"),
        ("2025-9T", PeriodKind.NINE_MONTHS, date(2025, 1, 1), date(2025, 9, 30), "9 tháng năm 2025"),
        ("2025", PeriodKind.YEAR, date(2025, 1, 1), date(2025, 12, 31), "năm 2025"),
        (
            "2025-03-01..2025-05-31",
            PeriodKind.CUSTOM,
            date(2025, 3, 1),
            date(2025, 5, 31),
            "từ ngày 01/03/2025 đến ngày 31/05/2025",
        ),
    ],
)
def test_period_codes(code, kind, start, end, label):
    period = parse_period(code)
    assert (period.kind, period.start, period.end, period.label) == (kind, start, end, label)
    assert parse_period(period.code) == period


@pytest.mark.parametrize("bad", ["", "2025-13", "2025-Q5", "2025-H3", "25", "quý 3", "2025-06-01..2025-05-01"])
def test_bad_period_codes_give_a_vietnamese_message(bad):
    with pytest.raises(PeriodError) as error:
        parse_period(bad)
    assert "kỳ báo cáo" in str(error.value).lower()


def test_period_contains():
    q3 = Period.quarter(2025, 3)
    assert q3.contains(date(2025, 7, 1)) and q3.contains(date(2025, 9, 30))
    assert not q3.contains(date(2025, 10, 1))


# --- deadlines (types; the parser has its own tests) ----------------------------------


def test_recurrence_dates_in_year():
    monthly = Recurrence(Frequency.MONTHLY, day=31)
    dates = monthly.dates_in_year(2025)
    assert len(dates) == 12 and dates[1] == date(2025, 2, 28) and dates[-1] == date(2025, 12, 31)
    quarterly = Recurrence(Frequency.QUARTERLY, day=14, month_in_period="last")
    assert quarterly.dates_in_year(2024) == (
        date(2024, 3, 14), date(2024, 6, 14), date(2024, 9, 14), date(2024, 12, 14),
    )  # fmt: skip
    mondays = Recurrence(Frequency.WEEKLY, weekday=0).dates_in_year(2025)
    assert all(d.weekday() == 0 and d.year == 2025 for d in mondays) and len(mondays) == 52
    assert Recurrence(Frequency.MONTHLY).dates_in_year(2025) == ()


def test_deadline_json_round_trip_and_words():
    deadline = Deadline(
        "ngày 25 hằng tháng",
        DeadlineKind.RECURRING,
        Recurrence(Frequency.MONTHLY, day=25).dates_in_year(2025),
        Recurrence(Frequency.MONTHLY, day=25),
    )
    assert Deadline.from_json(deadline.text, deadline.to_json()) == deadline
    assert deadline.describe() == "Hằng tháng, ngày 25"
    dated = Deadline("Trước ngày 25/7/2025", DeadlineKind.DATE, (date(2025, 7, 25),))
    assert dated.describe() == "Hạn: 25/07/2025"
    assert Deadline("Thường xuyên", DeadlineKind.ONGOING).describe() == "Thường xuyên"


# --- judgement -----------------------------------------------------------------------

DUE = Deadline("Trước ngày 25/7/2025", DeadlineKind.DATE, (date(2025, 7, 25),))


@pytest.mark.parametrize(
    "status, completed, as_of, expected",
    [
        (Status.IN_PROGRESS, None, date(2025, 7, 1), Timeliness.NONE),
        (Status.IN_PROGRESS, None, date(2025, 7, 18), Timeliness.DUE_SOON),
        (Status.NOT_STARTED, None, date(2025, 7, 25), Timeliness.DUE_SOON),
        (Status.NOT_STARTED, None, date(2025, 7, 26), Timeliness.OVERDUE),
        (Status.DONE, date(2025, 7, 25), date(2025, 12, 31), Timeliness.DONE_ON_TIME),
        (Status.DONE, date(2025, 7, 26), date(2025, 12, 31), Timeliness.DONE_LATE),
        (Status.NOT_DONE, None, date(2025, 12, 31), Timeliness.CANCELLED),
    ],
)
def test_judge_fixed_deadline(status, completed, as_of, expected):
    assert judge(DUE, status, completed, as_of) is expected


def test_done_late_is_derived_label():
    late = judge(DUE, Status.DONE, date(2025, 8, 1), date(2025, 8, 2))
    assert status_label(Status.DONE, late) == "Hoàn thành trễ hạn"
    assert status_label(Status.DONE, Timeliness.DONE_ON_TIME) == "Hoàn thành"


def test_recurring_and_ongoing_are_never_overdue_at_task_level():
    monthly = Recurrence(Frequency.MONTHLY, day=25)
    recurring = Deadline("ngày 25 hằng tháng", DeadlineKind.RECURRING, monthly.dates_in_year(2025), monthly)
    assert judge(recurring, Status.IN_PROGRESS, None, date(2025, 6, 20)) is Timeliness.DUE_SOON
    assert judge(recurring, Status.IN_PROGRESS, None, date(2025, 6, 10)) is Timeliness.NONE
    ongoing = Deadline("Thường xuyên", DeadlineKind.ONGOING)
    assert judge(ongoing, Status.NOT_STARTED, None, date(2030, 1, 1)) is Timeliness.NONE


def test_dates_kind_is_overdue_only_after_the_last_date_but_due_soon_before_each():
    two = Deadline("...", DeadlineKind.DATES, (date(2025, 6, 5), date(2025, 11, 15)))
    assert judge(two, Status.IN_PROGRESS, None, date(2025, 6, 1)) is Timeliness.DUE_SOON
    assert judge(two, Status.IN_PROGRESS, None, date(2025, 7, 1)) is Timeliness.NONE
    assert judge(two, Status.IN_PROGRESS, None, date(2025, 11, 16)) is Timeliness.OVERDUE


# --- statuses and units ----------------------------------------------------------------


def test_status_from_label_accepts_codes_and_words():
    assert Status.from_label("Đang thực hiện") is Status.IN_PROGRESS
    assert Status.from_label("dang thuc hien") is Status.IN_PROGRESS
    assert Status.from_label("done") is Status.DONE
    assert Status.from_label("Hoàn thành trễ hạn") is Status.DONE
    with pytest.raises(ValueError):
        Status.from_label("xong rồi")


def test_unit_key_equal_for_spelling_variants():
    assert unit_key("Phòng Kế hoạch – Tài chính") == unit_key("phong ke hoach - tai chinh")
    assert unit_key("Văn phòng Sở") == unit_key("VĂN PHÒNG SỞ.")
    assert unit_key("Thanh tra Sở") != unit_key("Văn phòng Sở")


def test_group_phrases_are_groups():
    assert guess_kind("Các phòng, đơn vị trực thuộc Sở") is UnitKind.GROUP
    assert guess_kind("Văn phòng Sở") is UnitKind.UNIT


def test_weekly_deadline_is_due_soon_only_the_day_before():
    weekly = Recurrence(Frequency.WEEKLY, weekday=0)  # thứ hai
    deadline = Deadline("Sáng thứ hai hàng tuần", DeadlineKind.RECURRING, weekly.dates_in_year(2025), weekly)
    assert judge(deadline, Status.IN_PROGRESS, None, date(2025, 7, 16)) is Timeliness.NONE  # Wednesday
    assert judge(deadline, Status.IN_PROGRESS, None, date(2025, 7, 20)) is Timeliness.DUE_SOON  # Sunday
    assert judge(deadline, Status.IN_PROGRESS, None, date(2025, 7, 21)) is Timeliness.DUE_SOON  # the Monday
