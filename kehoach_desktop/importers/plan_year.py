"""The plan's year: given by the user, printed in the header, or read off the table."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence

from kehoach_desktop.domain.drafts import ImportWarning, PlanDraft, TaskDraft
from kehoach_desktop.importers.base import ImportFailed, RawDocument

_YEAR = re.compile(r"(?<!\d)(20\d\d)(?!\d)")
_YEAR_AFTER_NAM = re.compile(r"năm\s+(20\d\d)(?!\d)", re.IGNORECASE)
# "Khánh Hòa, ngày 12 tháng 5 năm 2025", "ngày / /2025", "ngày tháng năm 2025"
_DATE_LINE = re.compile(r"ngày\b.{0,25}(tháng|/).{0,15}?(20\d\d)(?!\d)", re.IGNORECASE)


def find_year(
    given: int | None, doc: RawDocument, draft: PlanDraft, warnings: list[ImportWarning], titles: Sequence[str] = (),
) -> int:  # fmt: skip
    """The year given, else the one the document prints (header fields, the title
    rows above the table, a date line), else the one most of its text names."""
    if given:
        return given
    header = doc.header
    if header.year:
        return header.year
    for text in (header.title, header.date_text, *header.appendix_heading, header.doc_number, *titles):
        year = _year_in(text)
        if year:
            return year
    lines = [*doc.text_lines, *header.body]
    for line in lines:
        match = _DATE_LINE.search(line) if len(line) < 120 else None
        if match:
            return int(match.group(2))
    guessed = _most_common([m for line in lines for m in _YEAR_AFTER_NAM.findall(line)])
    where = "nội dung văn bản"
    if not guessed:
        schedules = [task.schedule_text for task in _tasks(draft)]
        guessed = _most_common([m for text in schedules for m in _YEAR.findall(text)])
        where = "các thời hạn trong bảng nhiệm vụ"
    if guessed:
        warnings.append(ImportWarning(
            f"Văn bản không ghi rõ năm của kế hoạch; đã lấy năm {guessed} theo {where}. "
            "Nếu sai, hãy sửa năm của kế hoạch."))  # fmt: skip
        return guessed
    raise ImportFailed(
        f"Tệp «{doc.source_name}»: không tìm thấy năm của kế hoạch (trong tên, ngày ban hành hay các thời hạn). "
        "Hãy cho biết năm, ví dụ với tùy chọn --year 2025."
    )


def _year_in(text: str) -> int | None:
    if not text:
        return None
    match = _YEAR_AFTER_NAM.search(text)
    if match:
        return int(match.group(1))
    years = _YEAR.findall(text)
    return int(years[-1]) if years else None


def _most_common(years: list[str]) -> int | None:
    if not years:
        return None
    return int(Counter(years).most_common(1)[0][0])


def _tasks(draft: PlanDraft) -> list[TaskDraft]:
    out: list[TaskDraft] = []

    def walk(tasks: list[TaskDraft]) -> None:
        for task in tasks:
            out.append(task)
            walk(task.children)

    for section in draft.all_sections():
        walk(section.tasks)
    return out
