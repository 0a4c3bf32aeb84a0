"""Danh sách nhiệm vụ quá hạn và sắp đến hạn as of a date, grouped by lead unit:
the list for the Monday briefing (giao ban sáng thứ hai)."""

from __future__ import annotations

from kehoach_desktop.reports import parts
from kehoach_desktop.reports.document import MM, Column, Document, Para, SectionRow, Table, editable, opening_blocks, signature_of
from kehoach_desktop.reports.headers import HeaderContext, base_header, noi_nhan
from kehoach_desktop.reports.model import ReportData, ReportHeader
from kehoach_desktop.reports.texts import short_date, with_end_mark

TYPE_NAME = "Danh sách"
CLOSING = (
    "Đề nghị các đơn vị chủ trì khẩn trương thực hiện các nhiệm vụ quá hạn, chủ động hoàn thành "
    "các nhiệm vụ sắp đến hạn và báo cáo kết quả về Văn phòng Sở để tổng hợp, báo cáo lãnh đạo Sở."
)


def timing(line) -> str:
    """ "Quá hạn 12 ngày", "Còn 3 ngày", "Đến hạn hôm nay"."""
    if line.state.timeliness.value == "overdue":
        return f"Quá hạn {line.days} ngày"
    if line.days == 0:
        return "Đến hạn hôm nay"
    return f"Còn {line.days} ngày"


def columns(several_plans: bool) -> list[Column]:
    cols = [
        Column("TT", 8, True, 9 * MM),
        Column("Nhiệm vụ", 70, min_width=60 * MM),
        Column("Tiến độ", 28, True, 24 * MM),
        Column("Hạn", 18, True, 21 * MM),
        Column("Tình trạng", 22, True, 22 * MM),
    ]
    if several_plans:
        cols.insert(2, Column("Kế hoạch", 22, min_width=22 * MM))
    return cols


def rows(data: ReportData) -> list:
    several = len(data.tree.plans) > 1
    out: list = []
    for number, unit in enumerate(data.content.units, 1):
        out.append(SectionRow(f"{number}. {unit.name} ({_counts(unit)})"))
        for index, line in enumerate(unit.overdue + unit.due_soon, 1):
            status = line.state.status.label
            row = [str(index), line.task.content, line.task.schedule_text, short_date(line.due), f"{timing(line)}\n({status})"]
            if several:
                row.insert(2, parts.plan_ref(line.plan))
            out.append(row)
    return out


def _counts(unit) -> str:
    words = []
    if unit.overdue:
        words.append(f"{len(unit.overdue)} quá hạn")
    if unit.due_soon:
        words.append(f"{len(unit.due_soon)} sắp đến hạn")
    return ", ".join(words)


def summary(data: ReportData, soon_days: int) -> str:
    content = data.content
    plans = parts.plans_citation(data.tree.plans)
    if not content.units:
        return with_end_mark(
            f"Tính đến ngày {short_date(data.cutoff)}, {plans} không có nhiệm vụ nào quá hạn hoặc sắp đến hạn"
        )
    return (
        f"Tính đến ngày {short_date(data.cutoff)}, {plans} có {content.overdue_count} nhiệm vụ quá hạn "
        f"chưa hoàn thành và {content.due_soon_count} nhiệm vụ sắp đến hạn (trong {soon_days} ngày tới), "
        f"thuộc {len(content.units)} đơn vị chủ trì, cụ thể như sau (một nhiệm vụ có nhiều đơn vị chủ trì "
        "được liệt kê ở từng đơn vị):"
    )


def build(data: ReportData) -> Document:
    header, edits = data.header, data.header.edits
    document = Document("", header.issuer)
    document.add(*opening_blocks(header, type_name=TYPE_NAME))
    document.add(*parts.free_text(header.opening))
    document.add(editable("summary", "Câu tổng hợp", summary(data, data.soon_days), edits))
    if data.content.units:
        document.add(Table(columns(len(data.tree.plans) > 1), rows(data)))
        document.add(editable("closing", "Câu đề nghị", with_end_mark(CLOSING), edits))
    document.add(signature_of(header))
    return document


def header_defaults(context: HeaderContext) -> ReportHeader:
    header = base_header(context)
    header.title = f"Nhiệm vụ quá hạn và sắp đến hạn tính đến ngày {short_date(context.as_of)}"
    header.recipients = noi_nhan(kinh_gui=[], signer_title=header.signer_title, internal=True)
    return header


def prepare(inputs):
    """Overdue and due-soon tasks by lead unit (one unit's when a unit is chosen)."""
    from kehoach_desktop.domain import summaries as statistics

    unit_id = inputs.units[0].id if inputs.units else None
    lines = statistics.attention_by_unit(inputs.tree, inputs.states, inputs.cutoff, unit_id)
    return statistics.AttentionContent(inputs.states, lines)
