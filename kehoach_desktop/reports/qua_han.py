"""Danh sách nhiệm vụ quá hạn và sắp đến hạn as of a date, grouped by lead unit:
the list for the Monday briefing (giao ban sáng thứ hai)."""

from __future__ import annotations

from kehoach_desktop.reports import layout, parts
from kehoach_desktop.reports.model import ReportData
from kehoach_desktop.reports.texts import esc, short_date, with_end_mark

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


def columns(several_plans: bool) -> list[layout.TableColumn]:
    cols = [
        layout.TableColumn("TT", 8, True, 9 * layout.mm),
        layout.TableColumn("Nhiệm vụ", 70, min_width=60 * layout.mm),
        layout.TableColumn("Tiến độ", 28, True, 24 * layout.mm),
        layout.TableColumn("Hạn", 18, True, 21 * layout.mm),
        layout.TableColumn("Tình trạng", 22, True, 22 * layout.mm),
    ]
    if several_plans:
        cols.insert(2, layout.TableColumn("Kế hoạch", 22, min_width=22 * layout.mm))
    return cols


def rows(data: ReportData) -> list:
    several = len(data.tree.plans) > 1
    out: list = []
    for number, unit in enumerate(data.content.units, 1):
        out.append(layout.SectionRow(f"{number}. {unit.name} ({_counts(unit)})"))
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


def build(document: layout.OfficialDocument, data: ReportData, family, styles: layout.Styles) -> list:
    header = data.header
    story = parts.opening(family, styles, header, type_name=TYPE_NAME)
    body = parts.free_text(header.opening, styles.body)
    body.append(layout.paragraph(esc(summary(data, data.soon_days)), styles.body))
    if data.content.units:
        body += [layout.Spacer(1, layout.PARAGRAPH_SPACE)]
        body.append(layout.data_table(styles, columns(len(data.tree.plans) > 1), rows(data), layout.TEXT_WIDTH))
        body.append(layout.paragraph(esc(with_end_mark(CLOSING)), styles.body))
    story += parts.closing(family, header, body)
    return story
