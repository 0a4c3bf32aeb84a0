"""Công văn đôn đốc (Mẫu 1.5) to one unit or to several: no type name, "V/v đôn
đốc …" under Số, Kính gửi the unit(s), their overdue and due-soon tasks, Nơi
nhận "- Như trên;".

Sentences are built from the units' tasks: a task's text becomes one item (its
own bullets joined, never "- - …"), a collective's name is written in lower
case inside a sentence ("nhận thấy các phòng, đơn vị …"), and a letter to the
office itself does not ask it to report to itself.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from kehoach_desktop.domain.models import Plan, Unit
from kehoach_desktop.domain.text import fold
from kehoach_desktop.reports import parts
from kehoach_desktop.reports.document import Document, Para, Style, editable, opening_blocks, signature_of
from kehoach_desktop.reports.headers import HeaderContext, base_header, noi_nhan
from kehoach_desktop.reports.model import ReportData, ReportHeader, ReportInputError
from kehoach_desktop.reports.narrative import clause, in_sentence, join_items
from kehoach_desktop.reports.texts import paragraphs, short_date, with_end_mark

OFFICE = "Văn phòng Sở"  # the unit that drafts these letters and gathers the answers
DIRECTOR = "Giám đốc Sở"


@dataclass
class UnitReminder:
    """One unit's late tasks (domain.summaries: UnitLines and TaskLines)."""

    unit_id: int
    unit_name: str
    led: object  # UnitLines: overdue, due_soon
    coordinated: list

    @property
    def count(self) -> int:
        return self.led.count + len(self.coordinated)  # type: ignore[attr-defined]


def is_office(name: str) -> bool:
    return fold(name).strip() == fold(OFFICE)


def item(task) -> str:
    """A task as the head of a list item: its text as one clause, capital first."""
    text = clause(task.content)
    return text[0].upper() + text[1:] if text else text


def overdue_item(line) -> str:
    return (
        f"- {item(line.task)} (tiến độ: {clause(line.task.schedule_text) or 'không ghi'}; "
        f"hạn {short_date(line.due)}, đã quá hạn {line.days} ngày)."
    )


def due_soon_item(line) -> str:
    left = "đến hạn hôm nay" if line.days == 0 else f"còn {line.days} ngày"
    return f"- {item(line.task)} (tiến độ: {clause(line.task.schedule_text) or 'không ghi'}; hạn {short_date(line.due)}, {left})."


def coordinated_item(line) -> str:
    lead = parts.lead_of(line.task) or "đơn vị chủ trì"
    state = f"quá hạn {line.days} ngày" if line.state.timeliness.value == "overdue" else f"hạn {short_date(line.due)}"
    return f"- {item(line.task)} (chủ trì: {lead}; {state})."


def unit_sections(reminder: UnitReminder) -> list[tuple[str, list[str]]]:
    led = reminder.led
    return [
        ("Các nhiệm vụ đã quá hạn nhưng chưa hoàn thành", [overdue_item(line) for line in led.overdue]),  # type: ignore[attr-defined]
        ("Các nhiệm vụ sắp đến hạn", [due_soon_item(line) for line in led.due_soon]),  # type: ignore[attr-defined]
        ("Các nhiệm vụ đơn vị phối hợp thực hiện", [coordinated_item(line) for line in reminder.coordinated]),
    ]


def body(data: ReportData) -> list:
    reminders: list[UnitReminder] = data.content
    header, edits = data.header, data.header.edits
    blocks: list = parts.free_text(header.opening)
    several = len(reminders) > 1
    for unit_number, reminder in enumerate(reminders, 1):
        if several:
            blocks.append(Para(f"{unit_number}. {reminder.unit_name}", Style.SUBHEADING))
        number = 0
        for title, items in unit_sections(reminder):
            if not items:
                continue
            number += 1
            prefix = f"{unit_number}.{number}." if several else f"{number}."
            blocks.append(Para(f"{prefix} {title} ({len(items)} nhiệm vụ)", Style.SUBHEADING))
            blocks += [
                editable(f"unit:{reminder.unit_id}:{line_key}", f"{reminder.unit_name}: mục {index}", text, edits)
                for index, (line_key, text) in enumerate(_keyed(title, items), 1)
            ]
    closing = paragraphs(header.closing) or [closing_text(data.tree.plans[0].issuer, [r.unit_name for r in reminders])]
    closing[-1] = with_end_mark(closing[-1])
    blocks += [Para(text) for text in closing]
    return blocks


def _keyed(title: str, items: list[str]) -> list[tuple[str, str]]:
    short = fold(title).split()[3] if len(fold(title).split()) > 3 else "x"
    return [(f"{short}:{index}", text) for index, text in enumerate(items, 1)]


def build(data: ReportData) -> Document:
    header = data.header
    document = Document("", header.issuer)
    document.add(*opening_blocks(header, type_name=None, letter=True))
    document.add(*body(data))
    document.add(signature_of(header))
    return document


# --- the letter's own words (header defaults) ---------------------------------------------------


def subject(plans: list[Plan]) -> str:
    if len(plans) == 1 and parts.plan_number(plans[0]):
        return f"đôn đốc thực hiện nhiệm vụ theo Kế hoạch số {parts.plan_number(plans[0])}"
    years = sorted({plan.year for plan in plans})
    year = f" năm {years[-1]}" if years else ""
    return f"đôn đốc thực hiện nhiệm vụ quá hạn, sắp đến hạn{year}"


def opening_text(plans: list[Plan], issuer: str, units: list[Unit], as_of: date) -> str:
    whom = join_items([in_sentence(unit.name) for unit in units]) or "đơn vị"
    still = "còn một số nhiệm vụ quá hạn hoặc sắp đến hạn chưa hoàn thành, cụ thể như sau:"
    return (
        f"Thực hiện {parts.plans_citation(plans)}, qua theo dõi tình hình thực hiện đến ngày {short_date(as_of)}, "
        f"{issuer or 'cơ quan'} nhận thấy {whom} {still}"
    )


def closing_text(issuer: str, unit_names: list[str]) -> str:
    """Đề nghị … báo cáo về Văn phòng Sở; to the office itself: tổng hợp, báo cáo
    Giám đốc Sở (nobody is asked to report to itself)."""
    whom = join_items([in_sentence(name) for name in unit_names]) or "đơn vị"
    text = f"{issuer or 'Cơ quan'} đề nghị {whom} khẩn trương triển khai thực hiện, hoàn thành các nhiệm vụ nêu trên; "
    others = [name for name in unit_names if not is_office(name)]
    if not others:
        return text + f"tổng hợp kết quả thực hiện, báo cáo {DIRECTOR} trong thời hạn 05 ngày làm việc kể từ ngày nhận được Công văn này."
    report = (
        f"báo cáo kết quả thực hiện về {OFFICE} trong thời hạn 05 ngày làm việc kể từ ngày nhận được "
        f"Công văn này để tổng hợp, báo cáo {DIRECTOR}"
    )
    if len(others) < len(unit_names):
        report = f"các đơn vị (trừ {OFFICE}) " + report + f"; {OFFICE} tổng hợp kết quả, báo cáo {DIRECTOR}"
    return text + report + "."


def header_defaults(context: HeaderContext) -> ReportHeader:
    header = base_header(context)
    code = context.issuer_code
    header.symbol = f"{code}-VP" if code else "VP"
    header.title = subject(context.plans)
    header.kinh_gui = [unit.name for unit in context.units]
    header.recipients = noi_nhan(kinh_gui=header.kinh_gui, signer_title=header.signer_title, internal=False)
    header.opening = opening_text(context.plans, context.plan.issuer, context.units, context.as_of)
    header.closing = closing_text(context.plan.issuer, [unit.name for unit in context.units])
    return header


def prepare(inputs) -> list[UnitReminder]:
    """Each unit's overdue and due-soon tasks, led and coordinated; a unit with
    none is an error when it is the only one, and left out among several."""
    reminders = [reminder_for(inputs, unit) for unit in inputs.units]
    kept = [reminder for reminder in reminders if reminder.count]
    if not kept:
        names = join_items([f"«{unit.name}»" for unit in inputs.units]) or "Đơn vị"
        raise ReportInputError(
            f"Đơn vị {names} không có nhiệm vụ quá hạn hoặc sắp đến hạn tính đến ngày "
            f"{short_date(inputs.cutoff)}: không cần công văn đôn đốc."
        )
    return kept


def reminder_for(inputs, unit: Unit) -> UnitReminder:
    from kehoach_desktop.domain import summaries as statistics

    assert unit.id is not None  # a unit of the directory
    led = statistics.attention_by_unit(inputs.tree, inputs.states, inputs.cutoff, unit.id)
    lines = led[0] if led else statistics.UnitLines(unit.id, unit.name)
    coordinated = statistics.coordinated_attention(inputs.tree, inputs.states, inputs.cutoff, unit.id)
    return UnitReminder(unit.id, unit.name, lines, coordinated)
