"""Generated plans for benchmarks: N tasks in sections of every area, with units and deadlines."""

from __future__ import annotations

import random
from pathlib import Path

from kehoach_desktop.domain.areas import AREAS
from kehoach_desktop.domain.drafts import PlanDraft, SectionDraft, TaskDraft
from kehoach_desktop.domain.models import Plan
from kehoach_desktop.services import Services

WORDS = ("rà soát", "thủ tục hành chính", "công khai", "báo cáo", "kiểm tra", "cải cách", "số hóa", "hồ sơ",
         "tuyên truyền", "đánh giá", "công chức", "chỉ số hài lòng", "dịch vụ công trực tuyến", "văn bản")  # fmt: skip
SCHEDULES = ("Trước ngày {d}/{m}/2025", "Quý {q}/2025", "Thường xuyên", "ngày 25 hằng tháng", "Trong năm 2025",
             "Theo quy định", "Tháng {m}/2025")  # fmt: skip
UNITS = ("Văn phòng Sở", "Thanh tra Sở", "Phòng Kế hoạch – Tài chính", "Phòng Pháp chế", "Trung tâm Dịch vụ công",
         "Các phòng, đơn vị trực thuộc Sở", "Chi cục Kiểm lâm", "Phòng Tổ chức cán bộ")  # fmt: skip
QUARTERS = ("I", "II", "III", "IV")


def task_draft(rng: random.Random, number: str) -> TaskDraft:
    schedule = rng.choice(SCHEDULES).format(d=rng.randint(1, 28), m=rng.randint(1, 12), q=rng.choice(QUARTERS))
    lead = rng.choice(UNITS)
    return TaskDraft(
        number=number,
        content=" ".join(rng.choice(WORDS) for _ in range(rng.randint(6, 30))).capitalize(),
        schedule_text=schedule,
        output=" ".join(rng.choice(WORDS) for _ in range(8)),
        lead_text=lead,
        lead_units=[lead],
        coordinate_units=[rng.choice(UNITS)],
    )


def generated_draft(task_count: int, seed: int = 7) -> PlanDraft:
    rng = random.Random(seed)
    sections = [SectionDraft(ordinal=str(i + 1), title=a.name.upper(), area_code=a.code) for i, a in enumerate(AREAS)]
    for index in range(task_count):
        section = sections[index % len(sections)]
        section.tasks.append(task_draft(rng, str(len(section.tasks) + 1)))
    plan = Plan(year=2025, title=f"Kế hoạch thử nghiệm {task_count} nhiệm vụ", doc_number="/KH-TEST")
    return PlanDraft(plan=plan, sections=sections)


def generated_database(path: Path, task_count: int) -> int:
    if path.exists():
        path.unlink()
    with Services.open(path) as services:
        return services.plans.create(generated_draft(task_count)).value
