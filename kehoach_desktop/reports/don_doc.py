"""Công văn đôn đốc (Mẫu 1.5) to one unit: no type name, "V/v đôn đốc …" under
Số, Kính gửi the unit, its overdue and due-soon tasks, Nơi nhận "- Như trên;"."""

from __future__ import annotations

from kehoach_desktop.reports import layout, parts
from kehoach_desktop.reports.model import ReportData
from kehoach_desktop.reports.texts import esc, paragraphs, short_date, with_end_mark


def overdue_item(line) -> str:
    return (
        f"- {line.task.content} (tiến độ: {line.task.schedule_text or 'không ghi'}; "
        f"hạn {short_date(line.due)}, đã quá hạn {line.days} ngày)."
    )


def due_soon_item(line) -> str:
    left = "đến hạn hôm nay" if line.days == 0 else f"còn {line.days} ngày"
    return f"- {line.task.content} (tiến độ: {line.task.schedule_text or 'không ghi'}; hạn {short_date(line.due)}, {left})."


def coordinated_item(line) -> str:
    lead = parts.lead_of(line.task) or "đơn vị chủ trì"
    state = f"quá hạn {line.days} ngày" if line.state.timeliness.value == "overdue" else f"hạn {short_date(line.due)}"
    return f"- {line.task.content} (chủ trì: {lead}; {state})."


def body(data: ReportData, styles: layout.Styles) -> list:
    content, header = data.content, data.header
    story = parts.free_text(header.opening, styles.body)
    sections = [
        ("Các nhiệm vụ đã quá hạn nhưng chưa hoàn thành", [overdue_item(line) for line in content.led.overdue]),
        ("Các nhiệm vụ sắp đến hạn", [due_soon_item(line) for line in content.led.due_soon]),
        ("Các nhiệm vụ đơn vị phối hợp thực hiện", [coordinated_item(line) for line in content.coordinated]),
    ]
    number = 0
    for title, items in sections:
        if not items:
            continue
        number += 1
        story.append(layout.paragraph(esc(f"{number}. {title} ({len(items)} nhiệm vụ)"), styles.subheading))
        story += [layout.paragraph(esc(item), styles.body) for item in items]
    closing = paragraphs(header.closing)
    if closing:
        closing[-1] = with_end_mark(closing[-1])
        story += [layout.paragraph(esc(text), styles.body) for text in closing]
    else:
        story.append(layout.paragraph(esc(with_end_mark("Đề nghị đơn vị khẩn trương thực hiện")), styles.body))
    return story


def build(document: layout.OfficialDocument, data: ReportData, family, styles: layout.Styles) -> list:
    header = data.header
    story = parts.opening(family, styles, header, type_name=None, letter=True)
    story += parts.closing(family, header, body(data, styles))
    return story
