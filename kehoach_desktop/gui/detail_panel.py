"""The detail panel: everything about the selected task, as HTML for a QTextBrowser."""

from __future__ import annotations

from datetime import date
from html import escape

from kehoach_desktop.domain.areas import area
from kehoach_desktop.domain.judgement import judge
from kehoach_desktop.domain.statuses import Timeliness, status_label
from kehoach_desktop.domain.models import Plan, ProgressUpdate, Role, Section, Task
from kehoach_desktop.domain.periods import PeriodError, parse_period
from kehoach_desktop.domain.text import numbered

_TIMELINESS_COLOURS = {
    Timeliness.OVERDUE: "#b71c1c",
    Timeliness.DUE_SOON: "#9a5b00",
    Timeliness.DONE_ON_TIME: "#1b5e20",
    Timeliness.DONE_LATE: "#6d5a00",
}


def _text(value: str) -> str:
    return escape(value).replace("\n", "<br>") if value else '<span style="color:#888">—</span>'


def _day(value: date | None) -> str:
    return value.strftime("%d/%m/%Y") if value else "—"


def _row(label: str, value_html: str) -> str:
    return (
        f'<tr><td style="color:#555; padding-right:10px; vertical-align:top; white-space:nowrap">{label}</td>'
        f"<td>{value_html}</td></tr>"
    )


def _period_label(code: str) -> str:
    try:
        return parse_period(code).label
    except PeriodError:
        return code


def task_html(task: Task, section: Section, plan: Plan, history: list[ProgressUpdate], as_of: date) -> str:
    timeliness = judge(task.deadline, task.status, task.completed_on, as_of)
    status = status_label(task.status, timeliness)
    colour = _TIMELINESS_COLOURS.get(timeliness)
    if timeliness in (Timeliness.OVERDUE, Timeliness.DUE_SOON):
        status += f" — {timeliness.label} (tính đến {_day(as_of)})"
    status_html = f'<b style="color:{colour}">{escape(status)}</b>' if colour else f"<b>{escape(status)}</b>"
    if task.status_reason:
        status_html += f"<br>Lý do: {_text(task.status_reason)}"
    number = f"{escape(task.number)}. " if task.number else ""
    parts = [
        f'<p style="color:#555">{escape(plan.title or plan.doc_number)}<br>'
        f"{escape(numbered(section.ordinal, section.title))} · lĩnh vực {escape(area(section.area_code).name)}</p>",
        f"<h3>{number}{_text(task.content)}</h3>",
        "<table>",
        _row("Tiến độ (như bản in)", _text(task.schedule_text)),
        _row("Chương trình hiểu là", escape("→ " + task.deadline.describe())),
        _row("Trạng thái", status_html),
        _row("Ngày hoàn thành", _day(task.completed_on)),
        _row("Chủ trì", _units(task, Role.LEAD, task.lead_text)),
        _row("Phối hợp", _units(task, Role.COORDINATE, task.coordinate_text)),
    ]
    if task.assignment_raw:
        parts.append(_row("Phân công (như bản in)", _text(task.assignment_raw)))
    parts += [
        _row("Kết quả/sản phẩm", _text(task.output)),
        _row("Chỉ tiêu", _text(task.target)) if task.target else "",
        _row("Ghi chú", _text(task.note)) if task.note else "",
        *(_row(escape(title), _text(text)) for title, text in task.extras),  # the plan's own columns
        _row("Kết quả thực hiện", _text(task.result)),
        "</table>",
        "<h4>Tiến độ theo kỳ báo cáo</h4>",
        _history(history),
    ]
    return "".join(parts)


def _units(task: Task, role: Role, printed: str) -> str:
    names = task.unit_names(role)
    linked = escape(", ".join(names)) if names else '<span style="color:#888">chưa gắn đơn vị</span>'
    if printed and printed != ", ".join(names):
        linked += f'<br><span style="color:#555">Như bản in: {_text(printed)}</span>'
    return linked


def _history(history: list[ProgressUpdate]) -> str:
    if not history:
        return '<p style="color:#888">Chưa có báo cáo tiến độ nào.</p>'
    rows = [
        "<table border='1' cellspacing='0' cellpadding='3' style='border-collapse:collapse'>",
        "<tr><th>Kỳ</th><th>Đơn vị</th><th>Trạng thái</th><th>%</th><th>Kết quả</th>"
        "<th>Tài liệu kiểm chứng</th><th>Ngày báo cáo</th></tr>",
    ]
    for update in history:
        evidence = "<br>".join(
            escape(" ".join(filter(None, [e.doc_number, f"ngày {_day(e.issued_on)}" if e.issued_on else "", e.summary])))
            + (f' <a href="tai-lieu:{e.id}">(tệp)</a>' if e.has_file else "")  # gui/evidence_files.py opens it
            for e in update.evidence
        )
        difficulties = f"<br><i>Khó khăn: {_text(update.difficulties)}</i>" if update.difficulties else ""
        rows.append(
            f"<tr><td>{escape(_period_label(update.period))}</td><td>{escape(update.unit_name)}</td>"
            f"<td>{escape(update.status.label)}</td>"
            f"<td>{'' if update.percent is None else update.percent}</td>"
            f"<td>{_text(update.result)}{difficulties}</td><td>{evidence}</td><td>{_day(update.reported_on)}</td></tr>"
        )
    rows.append("</table>")
    return "".join(rows)
