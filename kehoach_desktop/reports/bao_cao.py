"""Báo cáo kết quả thực hiện Kế hoạch for a period (Mẫu 1.4), with its Phụ lục.

I. Kết quả thực hiện — the counts overall and per lĩnh vực, as a table and in
words; II. Tồn tại, hạn chế — the overdue and late tasks with their units;
III. Phương hướng, kiến nghị — the user's text. The Phụ lục lists every task with
its status and result for the period, grouped by lĩnh vực, on landscape pages.
"""

from __future__ import annotations

from kehoach_desktop.reports import layout, parts
from kehoach_desktop.reports.model import ReportData
from kehoach_desktop.reports.texts import esc, percent, short_date

TYPE_NAME = "Báo cáo"
PLACEHOLDER = "…" * 60  # a line to fill in by hand when no text was given


def count_columns(with_cancelled: bool) -> list[layout.TableColumn]:
    narrow = dict(min_width=14 * layout.mm)
    columns = [
        layout.TableColumn("TT", 8, True, 9 * layout.mm),
        layout.TableColumn("Lĩnh vực", 48, min_width=45 * layout.mm),
        layout.TableColumn("Tổng số", 12, True, **narrow),
        layout.TableColumn("Hoàn thành đúng hạn", 16, True, **narrow),
        layout.TableColumn("Hoàn thành trễ hạn", 16, True, **narrow),
        layout.TableColumn("Đang thực hiện", 16, True, **narrow),
        layout.TableColumn("Chưa triển khai", 16, True, **narrow),
        layout.TableColumn("Quá hạn", 14, True, **narrow),
    ]
    if with_cancelled:
        columns.append(layout.TableColumn("Không thực hiện", 16, True, **narrow))
    return columns


def _category_numbers(counts, with_cancelled: bool) -> list[str]:
    from kehoach_desktop.domain.statuses import Category

    shown = [Category.DONE_ON_TIME, Category.DONE_LATE, Category.IN_PROGRESS, Category.NOT_STARTED, Category.OVERDUE]
    if with_cancelled:
        shown.append(Category.CANCELLED)
    return [str(counts.total)] + [str(counts[category]) for category in shown]


def counts_table(styles: layout.Styles, content) -> layout.LongTable:
    """The counts per lĩnh vực; the columns add up to "Tổng số" (a "Không thực hiện"
    column appears when some task was cancelled)."""
    from kehoach_desktop.domain.statuses import Category

    cancelled = content.totals[Category.CANCELLED] > 0
    rows = [
        [str(index), group.label, *_category_numbers(group.counts, cancelled)]
        for index, group in enumerate(content.groups, 1)
    ]
    rows.append(layout.TotalRow(["", "Tổng cộng", *_category_numbers(content.totals, cancelled)]))
    return layout.data_table(styles, count_columns(cancelled), rows, layout.TEXT_WIDTH, fit_to_text=False)


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


def group_sentence(group) -> str:
    from kehoach_desktop.domain.statuses import Category

    counts = group.counts
    text = (
        f"- {group.label}: {counts.total} nhiệm vụ; hoàn thành {counts.done} "
        f"(đúng hạn {counts[Category.DONE_ON_TIME]}, trễ hạn {counts[Category.DONE_LATE]}); "
        f"đang thực hiện {counts[Category.IN_PROGRESS]}; chưa triển khai {counts[Category.NOT_STARTED]}; "
        f"quá hạn {counts[Category.OVERDUE]}"
    )
    if counts[Category.CANCELLED]:
        text += f"; không thực hiện {counts[Category.CANCELLED]}"
    return text + "."


def overdue_sentence(line) -> str:
    lead = parts.lead_of(line.task) or "chưa xác định"
    return (
        f"- {line.task.content} (tiến độ: {line.task.schedule_text or 'không ghi'}; "
        f"đơn vị chủ trì: {lead}; quá hạn {line.days} ngày)."
    )


def late_sentence(line) -> str:
    lead = parts.lead_of(line.task) or "chưa xác định"
    due = short_date(line.task.deadline.final_due)
    return (
        f"- {line.task.content} (hạn: {due}; hoàn thành ngày {short_date(line.state.completed_on)}; "
        f"đơn vị chủ trì: {lead})."
    )


def body(data: ReportData, styles: layout.Styles) -> list:
    content, header = data.content, data.header
    subject = "Kế hoạch" if len(data.tree.plans) == 1 else f"Các kế hoạch ({len(data.tree.plans)} kế hoạch)"
    story = parts.free_text(header.opening, styles.body)
    story.append(layout.paragraph("I. KẾT QUẢ THỰC HIỆN", styles.heading))
    story.append(layout.paragraph("1. Kết quả chung", styles.subheading))
    story.append(layout.paragraph(esc(counts_sentence(content.totals, data.cutoff, subject=subject)), styles.body))
    story.append(layout.paragraph("2. Kết quả theo lĩnh vực", styles.subheading))
    story.append(layout.paragraph("Kết quả thực hiện các nhiệm vụ theo từng lĩnh vực như sau:", styles.body))
    story += [layout.Spacer(1, layout.PARAGRAPH_SPACE), counts_table(styles, content)]
    story += [layout.paragraph(esc(group_sentence(group)), styles.body) for group in content.groups]
    story.append(
        layout.paragraph(
            "Kết quả thực hiện từng nhiệm vụ tại Phụ lục kèm theo Báo cáo này.", styles.body
        )
    )

    story.append(layout.paragraph("II. TỒN TẠI, HẠN CHẾ", styles.heading))
    story.append(layout.paragraph(f"1. Nhiệm vụ quá hạn chưa hoàn thành ({len(content.overdue)} nhiệm vụ)", styles.subheading))
    if content.overdue:
        story += [layout.paragraph(esc(overdue_sentence(line)), styles.body) for line in content.overdue]
    else:
        story.append(layout.paragraph("Không có nhiệm vụ quá hạn chưa hoàn thành.", styles.body))
    story.append(layout.paragraph(f"2. Nhiệm vụ hoàn thành trễ hạn ({len(content.done_late)} nhiệm vụ)", styles.subheading))
    if content.done_late:
        story += [layout.paragraph(esc(late_sentence(line)), styles.body) for line in content.done_late]
    else:
        story.append(layout.paragraph("Không có nhiệm vụ hoàn thành trễ hạn.", styles.body))
    story += parts.free_text(header.remarks, styles.body)

    story.append(layout.paragraph("III. PHƯƠNG HƯỚNG, KIẾN NGHỊ", styles.heading))
    directions = parts.end_last_paragraph([line for line in header.directions.split("\n") if line.strip()])
    if directions:
        story += [layout.paragraph(esc(text), styles.body) for text in directions]
    else:
        story += [layout.paragraph(PLACEHOLDER, styles.body), layout.paragraph(PLACEHOLDER + "./.", styles.body)]
    return story


# --- the Phụ lục ---------------------------------------------------------------------------


def appendix_columns() -> list[layout.TableColumn]:
    return [
        layout.TableColumn("TT", 10, True, 11 * layout.mm),
        layout.TableColumn("Nhiệm vụ", 70, min_width=55 * layout.mm),
        layout.TableColumn("Tiến độ", 28, True),
        layout.TableColumn("Đơn vị chủ trì", 34),
        layout.TableColumn("Tình trạng", 26, True, 26 * layout.mm),
        layout.TableColumn("Kết quả thực hiện", 60),
    ]


def status_cell(state) -> str:
    text = state.label
    if state.completed_on:
        text += f"\n(ngày {short_date(state.completed_on)})"
    return text


def appendix_rows(data: ReportData) -> list:
    content = data.content
    several = len(data.tree.plans) > 1
    rows: list = []
    for group_number, group in enumerate(content.groups, 1):
        if several:
            rows.append(layout.SectionRow(f"{_roman(group_number)}. {group.label.upper()}"))
        for section, tasks in group.sections:
            if several:
                rows.append(layout.SectionRow(f"{parts.section_label(section)} ({parts.plan_ref(data.tree.plan_by_id[section.plan_id])})"))
            else:
                rows.append(layout.SectionRow(parts.section_label(section)))
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


def build(document: layout.OfficialDocument, data: ReportData, family, styles: layout.Styles) -> list:
    header = data.header
    story = parts.opening(family, styles, header, type_name=TYPE_NAME)
    story += parts.closing(family, header, body(data, styles))
    period = data.period.label if data.period else ""
    title = [f"Kết quả thực hiện các nhiệm vụ {period}".strip()]
    width = layout.LANDSCAPE_TEXT_WIDTH
    appendix = [
        layout.appendix_heading(family, "", title, parts.attached_line(TYPE_NAME, header), width),
        layout.data_table(styles, appendix_columns(), appendix_rows(data), width),
    ]
    story += layout.landscape_section(document, appendix)
    return story
