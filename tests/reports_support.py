"""Databases for the report tests and the benchmark: the real sample plans with
units, areas, progress and statuses, and a generated plan of many long tasks.

The unit links and area tags are set here by a small table of known names
(the importers' own splitting is tested elsewhere), so every report category
is non-empty whatever the importers do.
"""

from __future__ import annotations

from datetime import date, timedelta

from kehoach_desktop.domain.drafts import PlanDraft, SectionDraft, TaskDraft
from kehoach_desktop.domain.models import Plan, ProgressUpdate
from kehoach_desktop.domain.statuses import Status
from kehoach_desktop.domain.text import fold

LARGEST = "000_36db36a684822c51"

# Unit names that occur in the samples' lead / coordinate / assignment texts.
KNOWN_UNITS = (
    "Văn phòng Sở",
    "Phòng Kế hoạch – Tài chính",
    "Các phòng, đơn vị trực thuộc Sở",
    "Thanh tra Sở",
    "Trung tâm CNTT TNMT",
    "Văn phòng Đăng ký Đất đai",
    "Phòng Cải cách hành chính và Văn thư lưu trữ",
    "Phòng Tổ chức, Biên chế và Công chức, viên chức",
    "Trung tâm Dịch vụ Việc làm Khánh Hòa",
    "Trung tâm Phục vụ Hành chính công tỉnh Khánh Hòa",
    "Bộ phận tiếp nhận và trả kết quả Sở Nội vụ",
    "Các phòng chuyên môn thuộc Sở",
    "Các đơn vị sự nghiệp trực thuộc Sở",
)

AREA_WORDS = (
    ("the che", "the_che"), ("thu tuc hanh chinh", "tthc"), ("bo may", "bo_may"),
    ("cong vu", "cong_vu"), ("tai chinh cong", "tai_chinh"), ("chinh quyen", "chinh_quyen_so"),
    ("chi dao", "chi_dao"), ("tuyen truyen", "tuyen_truyen"), ("tac dong", "tac_dong"),
    ("hai long", "hai_long"), ("tiep can dich vu", "hai_long"), ("phuc vu", "hai_long"),
    ("diem thuong", "diem_thuong"), ("diem tru", "diem_tru"), ("vi pham", "diem_tru"),
)  # fmt: skip


def load_sample(stem: str) -> dict:
    from conftest import load_sample_json

    return load_sample_json(stem)


def units_in(text: str) -> list[str]:
    folded = fold(text)
    return [name for name in KNOWN_UNITS if fold(name) in folded]


def area_of(title: str) -> str:
    folded = fold(title)
    return next((code for words, code in AREA_WORDS if words in folded), "khac")


def sample_draft(stem: str) -> PlanDraft:
    """The sample as a draft, with its document text, units and areas filled in."""
    from sample_drafts import draft_from_sample

    sample = load_sample(stem)
    draft = draft_from_sample(sample)
    document = sample.get("document", {})
    draft.plan.body = [line for line in document.get("narrative", []) if line.strip()]
    draft.plan.recipients = list(document.get("recipients") or [])
    draft.plan.appendix_heading = list(document.get("appendix_heading") or [])
    for section in draft.all_sections():
        section.area_code = area_of(section.title)
        for task in _walk(section.tasks):
            lead = units_in(task.lead_text) or units_in(task.assignment_raw)[:1]
            task.lead_units = lead
            task.coordinate_units = [name for name in units_in(task.coordinate_text) if name not in lead]
    return draft


def _walk(tasks: list[TaskDraft]):
    for task in tasks:
        yield task
        yield from _walk(task.children)


def fill_sample(services, stem: str = LARGEST) -> int:
    return services.plans.create(sample_draft(stem)).value


# Statuses spread over the tasks so every category of a report is non-empty.
REPORT_PERIOD = "2025"  # Báo cáo năm 2025: statuses as of 31/12/2025
REPORT_DAY = date(2025, 12, 31)
ATTENTION_DAY = date(2025, 11, 25)  # tasks due 30/11 are "sắp đến hạn", those due 15/11 overdue


def quarter_of(day: date) -> str:
    return f"{day.year}-Q{(day.month - 1) // 3 + 1}"


def add_progress(services, plan_id: int, report_day: date = REPORT_DAY) -> dict[str, list[int]]:
    """Progress updates and statuses for the plan's tasks, cycling through the
    cases; returns the task ids of each case."""
    tree = services.plans.tree(plan_id)
    cases: dict[str, list[int]] = {
        name: [] for name in ("on_time", "late", "overdue", "overdue_started", "in_progress", "not_started",
                              "later", "cancelled")
    }  # fmt: skip
    fixed = [t for t in tree.tasks if t.deadline.final_due and t.deadline.final_due < report_day]
    others = [t for t in tree.tasks if t not in fixed]
    for index, task in enumerate(fixed):
        due = task.deadline.final_due
        case = ("on_time", "late", "overdue", "overdue_started")[index % 4]
        if case == "on_time":
            _record(services, task, quarter_of(due), Status.DONE, due, "Đã hoàn thành, có văn bản kiểm chứng")
        elif case == "late":
            late = min(due + timedelta(days=10), report_day)
            _record(services, task, quarter_of(late), Status.DONE, late, "Hoàn thành sau thời hạn")
        elif case == "overdue_started":
            _record(services, task, quarter_of(due), Status.IN_PROGRESS, due - timedelta(days=5), "Đang triển khai")
        cases[case].append(task.id)
    for index, task in enumerate(others):
        case = ("in_progress", "not_started", "later", "on_time")[index % 4]
        if case == "in_progress":
            _record(services, task, quarter_of(report_day), Status.IN_PROGRESS, report_day - timedelta(days=11),
                    "Đang thực hiện theo kế hoạch")  # fmt: skip
        elif case == "later":  # done, but reported only for the next period
            after = report_day + timedelta(days=10)
            _record(services, task, quarter_of(after), Status.DONE, after, "Hoàn thành trong kỳ sau")
        elif case == "on_time":
            _record(services, task, "2025-Q3", Status.DONE, date(2025, 9, 25), "Hoàn thành")
        cases[case].append(task.id)
    cancelled = (cases["not_started"] or cases["overdue"]).pop()
    services.tasks.update(cancelled, status=Status.NOT_DONE, status_reason="Cấp trên đã bãi bỏ nhiệm vụ")
    cases["cancelled"].append(cancelled)
    return cases


def _record(services, task, period: str, status: Status, reported_on: date, result: str) -> None:
    services.progress.record(
        ProgressUpdate(task_id=task.id, period=period, status=status, result=result, reported_on=reported_on)
    )


# --- a generated plan with long cells ---------------------------------------------------------


LONG_WORDS = (
    "Rà soát, cập nhật, công khai đầy đủ thủ tục hành chính thuộc thẩm quyền giải quyết; "
    "số hóa hồ sơ, kết quả giải quyết thủ tục hành chính; bảo đảm tỷ lệ hồ sơ trực tuyến toàn trình "
    "đạt chỉ tiêu được giao và phản hồi kịp thời phản ánh, kiến nghị của người dân, doanh nghiệp. "
)


def generated_draft(task_count: int = 500, year: int = 2025) -> PlanDraft:
    """A plan of `task_count` tasks in 10 sections; every 50th task has a cell longer
    than a landscape page (it must continue on the next page, not be cut)."""
    plan = Plan(
        year=year,
        title=f"Kế hoạch thử nghiệm {task_count} nhiệm vụ năm {year}",
        doc_number="/KH-SXD",
        issuer="Sở Xây dựng",
        governing_body="UBND TỈNH KHÁNH HÒA",
        place="Khánh Hòa",
        date_text=f"ngày tháng năm {year}",
        signer_title="KT. GIÁM ĐỐC\nPHÓ GIÁM ĐỐC",
        signer_name="Trần Văn Ấn",
        columns=["TT", "Nhiệm vụ", "Tiến độ", "Đơn vị chủ trì", "Đơn vị phối hợp", "Kết quả/sản phẩm", "Ghi chú"],
        recipients=["- UBND tỉnh;", "- Sở Nội vụ;", "- Lưu: VT, VP."],
    )
    draft = PlanDraft(plan=plan)
    units = KNOWN_UNITS[:6]
    per_section = task_count // 10
    for s in range(10):
        section = SectionDraft(ordinal=_roman(s + 1), title=f"LĨNH VỰC THỬ NGHIỆM SỐ {s + 1}", area_code="khac")
        for k in range(per_section):
            number = s * per_section + k + 1
            repeat = 28 if number % 50 == 7 else 1 + number % 3
            section.tasks.append(
                TaskDraft(
                    number=str(k + 1),
                    content=f"Nhiệm vụ số {number}: " + LONG_WORDS * repeat,
                    schedule_text=f"Trước ngày {1 + number % 28:02d}/{1 + number % 12}/{year}",
                    lead_text=units[number % len(units)],
                    coordinate_text=units[(number + 1) % len(units)],
                    output=f"Báo cáo kết quả thực hiện nhiệm vụ {number}",
                    lead_units=[units[number % len(units)]],
                    coordinate_units=[units[(number + 1) % len(units)]],
                )
            )
        draft.sections.append(section)
    return draft


def _roman(n: int) -> str:
    numerals = ((10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I"))
    out = ""
    for value, letter in numerals:
        while n >= value:
            out += letter
            n -= value
    return out
