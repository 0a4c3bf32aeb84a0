"""Báo cáo kết quả thực hiện Kế hoạch for a period (Mẫu 1.4), with its Phụ lục.

I. Kết quả thực hiện — the counts overall and per lĩnh vực, as a table and in
words; II. Tồn tại, hạn chế — the overdue and late tasks with their units;
III. Phương hướng, kiến nghị — the user's text. The Phụ lục lists every task with
its status and result for the period, grouped by lĩnh vực, on landscape pages.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from kehoach_desktop.domain.periods import Period
from kehoach_desktop.reports import narrative, parts
from kehoach_desktop.reports.document import (
    MM,
    Appendix,
    Column,
    Document,
    Para,
    SectionRow,
    Style,
    Table,
    TotalRow,
    editable,
    opening_blocks,
    signature_of,
)
from kehoach_desktop.reports.headers import HeaderContext, addressees, base_header, noi_nhan, symbol
from kehoach_desktop.reports.model import ReportData, ReportHeader
from kehoach_desktop.reports.narrative import AreaFacts, TaskFacts
from kehoach_desktop.reports.texts import percent, short_date, with_end_mark

TYPE_NAME = "Báo cáo"


@dataclass
class ResultsReport:
    """What the báo cáo prints: the counts (domain.summaries.ResultsContent),
    each lĩnh vực's tasks with their facts, and the next period."""

    stats: Any  # ResultsContent: totals, groups, overdue, done_late, states
    areas: list[AreaFacts]
    following: Period | None

    @property
    def groups(self):
        return self.stats.groups

    @property
    def totals(self):
        return self.stats.totals

    @property
    def states(self):
        return self.stats.states


def prepare(inputs) -> ResultsReport:
    from kehoach_desktop.domain import summaries as statistics

    stats = statistics.results_content(inputs.tree, inputs.states, inputs.cutoff)
    areas = [
        AreaFacts(group.key, group.label, [inputs.facts[task.id] for task in group.tasks])
        for group in stats.groups
    ]
    following = narrative.next_period(inputs.period) if inputs.period else None
    return ResultsReport(stats, areas, following)


def count_columns(with_cancelled: bool) -> list[Column]:
    narrow = dict(min_width=14 * MM)
    columns = [
        Column("TT", 8, True, 9 * MM),
        Column("Lĩnh vực", 48, min_width=45 * MM),
        Column("Tổng số", 12, True, **narrow),
        Column("Hoàn thành đúng hạn", 16, True, **narrow),
        Column("Hoàn thành trễ hạn", 16, True, **narrow),
        Column("Đang thực hiện", 16, True, **narrow),
        Column("Chưa triển khai", 16, True, **narrow),
        Column("Quá hạn", 14, True, **narrow),
    ]
    if with_cancelled:
        columns.append(Column("Không thực hiện", 16, True, **narrow))
    return columns


def _category_numbers(counts, with_cancelled: bool) -> list[str]:
    from kehoach_desktop.domain.statuses import Category

    shown = [Category.DONE_ON_TIME, Category.DONE_LATE, Category.IN_PROGRESS, Category.NOT_STARTED, Category.OVERDUE]
    if with_cancelled:
        shown.append(Category.CANCELLED)
    return [str(counts.total)] + [str(counts[category]) for category in shown]


def counts_table(content) -> Table:
    """The counts per lĩnh vực; the columns add up to "Tổng số" (a "Không thực hiện"
    column appears when some task was cancelled)."""
    from kehoach_desktop.domain.statuses import Category

    cancelled = content.totals[Category.CANCELLED] > 0
    rows: list = [
        [str(index), group.label, *_category_numbers(group.counts, cancelled)]
        for index, group in enumerate(content.groups, 1)
    ]
    rows.append(TotalRow(["", "Tổng cộng", *_category_numbers(content.totals, cancelled)]))
    return Table(count_columns(cancelled), rows, fit_to_text=False)


def counts_sentence(counts, cutoff, *, subject: str = "Kế hoạch") -> str:
    from kehoach_desktop.domain.statuses import Category

    done = counts.done
    text = (
        f"{subject} có tổng số {counts.total} nhiệm vụ. Tính đến ngày {short_date(cutoff)}: "
        f"đã hoàn thành {done} nhiệm vụ ({percent(counts.share(done))}), trong đó hoàn thành đúng hạn "
        f"{counts[Category.DONE_ON_TIME]} nhiệm vụ, hoàn thành trễ hạn {counts[Category.DONE_LATE]} nhiệm vụ; "
        f"đang thực hiện {counts[Category.IN_PROGRESS]} nhiệm vụ; chưa triển khai {counts[Category.NOT_STARTED]} "
        f"nhiệm vụ; quá hạn chưa hoàn thành {counts[Category.OVERDUE]} nhiệm vụ"
    )
    if counts[Category.CANCELLED]:
        text += f"; không thực hiện {counts[Category.CANCELLED]} nhiệm vụ"
    return text + "."


def body(data: ReportData) -> list:
    report, header, edits = data.content, data.header, data.header.edits
    stats = report.stats
    subject = "Kế hoạch" if len(data.tree.plans) == 1 else f"Các kế hoạch ({len(data.tree.plans)} kế hoạch)"
    blocks: list = parts.free_text(header.opening)
    blocks.append(Para("I. KẾT QUẢ THỰC HIỆN", Style.HEADING))
    blocks.append(Para("1. Kết quả chung", Style.SUBHEADING))
    blocks.append(editable("totals", "Kết quả chung", counts_sentence(stats.totals, data.cutoff, subject=subject), edits))
    blocks.append(Para("2. Kết quả theo lĩnh vực", Style.SUBHEADING))
    blocks.append(Para("Kết quả thực hiện các nhiệm vụ theo từng lĩnh vực:"))
    blocks.append(counts_table(stats))
    for number, area in enumerate(report.areas, 1):
        label = f"Lĩnh vực {_area_short(area, number)}: kết quả đạt được"
        blocks.append(editable(f"area:{area.key}:achieved", label, narrative.achievements(area), edits))
    blocks.append(Para("Kết quả thực hiện từng nhiệm vụ tại Phụ lục kèm theo Báo cáo này."))

    blocks.append(Para("II. TỒN TẠI, HẠN CHẾ, KHÓ KHĂN, VƯỚNG MẮC", Style.HEADING))
    blocks += shortcomings(data)
    blocks += parts.free_text(header.remarks)

    blocks.append(Para("III. NHIỆM VỤ TRỌNG TÂM KỲ TỚI", Style.HEADING))
    blocks += focus(data)
    blocks += parts.free_text(header.directions)
    return parts.end_blocks(blocks)


def _area_short(area: AreaFacts, number: int) -> str:
    return narrative.clause(area.label)[:60] if area.label else str(number)


def shortcomings(data: ReportData) -> list:
    """Per lĩnh vực: the late and not-done tasks with the units' reasons and difficulties."""
    report, edits = data.content, data.header.edits
    stats = report.stats
    overdue, late = len(stats.overdue), len(stats.done_late)
    cancelled = sum(1 for area in report.areas for facts in area.tasks if facts.outcome is narrative.Outcome.CANCELLED)
    if not (overdue or late or cancelled):
        return [editable("behind:none", "Tồn tại, hạn chế", "Các nhiệm vụ đến hạn trong kỳ đều hoàn thành đúng hạn.", edits)]
    summary = (
        f"Còn {overdue} nhiệm vụ quá hạn chưa hoàn thành, {late} nhiệm vụ hoàn thành trễ hạn"
        + (f" và {cancelled} nhiệm vụ không thực hiện" if cancelled else "")
        + ", cụ thể:"
    )
    blocks: list = [editable("behind:summary", "Tồn tại, hạn chế: câu chung", summary, edits)]
    for number, area in enumerate(report.areas, 1):
        items = narrative.behind(area)
        if not items:
            continue
        blocks.append(Para(f"{number}. {_area_title(area)}", Style.SUBHEADING))
        for facts in items:
            key = f"behind:{facts.task.id}"
            text = narrative.shortcoming(facts, parts.lead_of(facts.task))
            blocks.append(editable(key, f"Tồn tại: nhiệm vụ {facts.task.number or facts.task.id}", text, edits))
    return blocks


def _area_title(area: AreaFacts) -> str:
    text = re.sub(r"^[IVXLC\d]+[.)]\s*", "", area.label)
    return text[0].upper() + text[1:] if text else text


def focus(data: ReportData) -> list:
    """III: the tasks due in the next period, then the office's own text."""
    report, edits = data.content, data.header.edits
    following = report.following
    if following is None:
        return []
    tasks = narrative.focus_tasks([facts for area in report.areas for facts in area.tasks], following)
    intro = (
        f"Trong {following.label}, tập trung thực hiện {len(tasks)} nhiệm vụ trọng tâm sau:"
        if tasks else f"Trong {following.label}, tiếp tục thực hiện các nhiệm vụ thường xuyên theo Kế hoạch."
    )
    blocks: list = [editable("focus:intro", "Nhiệm vụ trọng tâm kỳ tới: câu chung", intro, edits)]
    for facts in tasks:
        line = narrative.focus_line(facts, parts.lead_of(facts.task), following)
        blocks.append(editable(f"focus:{facts.task.id}", f"Kỳ tới: nhiệm vụ {facts.task.number or facts.task.id}", line, edits))
    return blocks


# --- the Phụ lục ---------------------------------------------------------------------------


def appendix_columns() -> list[Column]:
    return [
        Column("TT", 10, True, 11 * MM),
        Column("Nhiệm vụ", 70, min_width=55 * MM),
        Column("Tiến độ", 28, True),
        Column("Đơn vị chủ trì", 34),
        Column("Tình trạng", 26, True, 26 * MM),
        Column("Kết quả thực hiện", 60),
    ]


def status_cell(state) -> str:
    text = state.label
    if state.completed_on:
        text += f"\n(ngày {short_date(state.completed_on)})"
    return text


def appendix_rows(data: ReportData) -> list:
    content = data.content.stats
    several = len(data.tree.plans) > 1
    rows: list = []
    for group_number, group in enumerate(content.groups, 1):
        if several:
            rows.append(SectionRow(f"{_roman(group_number)}. {group.label.upper()}"))
        for section, tasks in group.sections:
            if several:
                rows.append(SectionRow(f"{parts.section_label(section)} ({parts.plan_ref(data.tree.plan_by_id[section.plan_id])})"))
            else:
                rows.append(SectionRow(parts.section_label(section)))
            for task, _depth in tasks:
                state = content.states[task.id]
                rows.append([task.number, task.content, task.schedule_text, parts.lead_of(task), status_cell(state), state.result])
    return rows


def _roman(number: int) -> str:
    numerals = ((1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"), (50, "L"),
                (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I"))  # fmt: skip
    out = ""
    for value, letters in numerals:
        while number >= value:
            out += letters
            number -= value
    return out


def build(data: ReportData) -> Document:
    header = data.header
    document = Document("", header.issuer)
    document.add(*opening_blocks(header, type_name=TYPE_NAME))
    document.add(*body(data))
    document.add(signature_of(header))
    period = data.period.label if data.period else ""
    title = [f"Kết quả thực hiện các nhiệm vụ {period}".strip()]
    table = Table(appendix_columns(), appendix_rows(data), landscape=True)
    document.add(Appendix("", title, parts.attached_line(TYPE_NAME, header), [table]))
    return document


def header_defaults(context: HeaderContext) -> ReportHeader:
    """Sent up to the outside bodies (Kính gửi), Nơi nhận "Như trên", the signer."""
    header = base_header(context)
    header.symbol = symbol("BC", context.issuer_code)
    header.title = results_title(context.plans, context.period)
    header.kinh_gui = addressees(context.plans)
    header.recipients = noi_nhan(kinh_gui=header.kinh_gui, signer_title=header.signer_title, internal=False)
    header.opening = results_opening(context.plans, context.period)
    return header


def results_title(plans, period: Period | None) -> str:
    from kehoach_desktop.reports.texts import lower_first, without_trailing_year

    label = period.label if period else ""
    if len(plans) > 1:
        return f"Kết quả thực hiện các Kế hoạch cải cách hành chính {label}".strip()
    title = plans[0].title
    if period:
        title = without_trailing_year(title, period.year)
    subject = f"Kế hoạch {lower_first(title)}" if title else "Kế hoạch"
    return f"Kết quả thực hiện {subject} {label}".strip()


def results_opening(plans, period: Period | None) -> str:
    issuer = plans[0].issuer or "cơ quan"
    label = f" {period.label}" if period else ""
    return f"Thực hiện {parts.plans_citation(plans)}, {issuer} báo cáo kết quả thực hiện{label} như sau:"
