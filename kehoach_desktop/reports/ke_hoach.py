"""Kế hoạch: the plan itself (Mẫu 1.4), then its Phụ lục of tasks on landscape pages."""

from __future__ import annotations

import re
from dataclasses import dataclass

from kehoach_desktop.domain.models import Plan, Task
from kehoach_desktop.domain.text import fold
from kehoach_desktop.domain.tree import PlanTree
from kehoach_desktop.reports import parts
from kehoach_desktop.reports.document import MM as mm
from kehoach_desktop.reports.document import Appendix, Column, Document, SectionRow, Table, opening_blocks, signature_of
from kehoach_desktop.reports.headers import HeaderContext, base_header, symbol
from kehoach_desktop.reports.model import ReportData, ReportHeader
from kehoach_desktop.reports.texts import split_archive, split_doc_number, year_in

TYPE_NAME = "Kế hoạch"
NO_BODY = "Nhiệm vụ, giải pháp cụ thể, tiến độ và trách nhiệm thực hiện theo Phụ lục kèm theo Kế hoạch này."
DEFAULT_APPENDIX_TITLE = "NHIỆM VỤ CỤ THỂ, TIẾN ĐỘ VÀ TRÁCH NHIỆM THỰC HIỆN"


@dataclass(frozen=True)
class Field:
    name: str  # Task attribute
    title: str  # default column title
    weight: float  # relative width
    centred: bool = False
    min_width: float = 18 * mm


FIELDS = {
    "number": Field("number", "TT", 11, True, 11 * mm),
    "content": Field("content", "Nhiệm vụ", 72, min_width=50 * mm),
    "schedule_text": Field("schedule_text", "Tiến độ", 30, True),
    "lead_text": Field("lead_text", "Đơn vị chủ trì", 34),
    "coordinate_text": Field("coordinate_text", "Đơn vị phối hợp", 34),
    "assignment_raw": Field("assignment_raw", "Phân công thực hiện", 62),
    "output": Field("output", "Kết quả/sản phẩm", 48),
    "target": Field("target", "Chỉ tiêu", 30),
    "note": Field("note", "Ghi chú", 24),
}
DEFAULT_ORDER = ("number", "content", "schedule_text", "lead_text", "coordinate_text", "assignment_raw",
                 "output", "target", "note")  # fmt: skip

# A plan's own column title → the task field it holds (first match wins, folded words).
_TITLE_RULES = (
    (re.compile(r"^(s?tt|so tt|so thu tu)$"), "number"),
    (re.compile(r"phan cong"), "assignment_raw"),
    (re.compile(r"phoi hop"), "coordinate_text"),
    (re.compile(r"tien do|thoi han|thoi gian"), "schedule_text"),
    (re.compile(r"chu tri|thuc hien|don vi"), "lead_text"),
    (re.compile(r"chi tieu"), "target"),
    (re.compile(r"ket qua|san pham"), "output"),
    (re.compile(r"ghi chu"), "note"),
    (re.compile(r"nhiem vu|noi dung|cong viec|giai phap"), "content"),
)


def column_field(title: str) -> str | None:
    key = fold(title).strip(" .:")
    for pattern, name in _TITLE_RULES:
        if pattern.search(key):
            return name
    return None


def plan_columns(plan: Plan, tasks: list[Task]) -> list[tuple[str, Column]]:
    """The plan's own columns, in its order and with its titles, each mapped to a
    task field; fields that hold text but have no column are added at the end.
    Returns (task field, column) pairs."""
    chosen: dict[str, str] = {}
    for title in plan.columns:
        name = column_field(title)
        if name and name not in chosen:
            chosen[name] = title
    used = {name for name in FIELDS if any(getattr(task, name) for task in tasks)}
    if "assignment_raw" in chosen or ("assignment_raw" in used and not used & {"lead_text", "coordinate_text"}):
        used -= {"lead_text", "coordinate_text"}
    for name in ("number", "content", "schedule_text"):
        used.add(name)
    order = [name for name in chosen if name in used or name in ("number", "content", "schedule_text")]
    order += [name for name in DEFAULT_ORDER if name in used and name not in order]
    return [
        (name, _column(FIELDS[name], chosen.get(name, FIELDS[name].title)))
        for name in order
    ]


def _column(field: Field, title: str) -> Column:
    return Column(title, field.weight, field.centred, field.min_width)


def appendix_rows(tree: PlanTree, plan: Plan, names: list[str]) -> list:
    rows: list = []
    assert plan.id is not None  # a stored plan
    for section in tree.ordered_sections(plan.id):
        rows.append(SectionRow(parts.section_label(section)))
        for task, _depth in tree.section_walk(section):
            rows.append([getattr(task, name) for name in names])
    return rows


def appendix_title(plan: Plan) -> list[str]:
    """The plan's own appendix title lines, without its "PHỤ LỤC" and "(Kèm theo …)"."""
    lines = []
    for entry in plan.appendix_heading:
        for line in entry.split("\n"):
            line = line.strip()
            if not line or line.startswith("(") or re.fullmatch(r"phu luc\s*[ivx\d]*", fold(line)):
                continue
            lines.append(line)
    return lines or [DEFAULT_APPENDIX_TITLE]


def build(data: ReportData) -> Document:
    plan = data.tree.plans[0]
    header = data.header
    document = Document("", header.issuer)
    document.add(*opening_blocks(header, type_name=TYPE_NAME))
    texts = parts.end_last_paragraph(list(plan.body) or [NO_BODY])
    document.add(*[parts.body_paragraph(text) for text in texts])
    document.add(signature_of(header))

    pairs = plan_columns(plan, data.tree.tasks)
    names = [name for name, _ in pairs]
    columns = [column for _, column in pairs]
    table = Table(columns, appendix_rows(data.tree, plan, names), landscape=True)
    document.add(Appendix("", appendix_title(plan), parts.attached_line(TYPE_NAME, header), [table]))
    return document



def header_defaults(context: HeaderContext) -> ReportHeader:
    """The plan's own header: its number, date, căn cứ, Nơi nhận and signer."""
    plan = context.plan
    header = base_header(context)
    header.number, header.symbol = split_doc_number(plan.doc_number)
    header.symbol = header.symbol or symbol("KH", context.issuer_code)
    header.issued_on = plan.issued_on
    header.year = plan.issued_on.year if plan.issued_on else (year_in(plan.date_text) or plan.year)
    header.title = plan.title
    header.legal_bases = list(plan.legal_bases)
    header.recipients, archive = split_archive(plan.recipients)
    header.archive = archive or "VT"
    if plan.signer_title:  # the plan as it was signed
        header.signer_title, header.signer_name = plan.signer_title, plan.signer_name
    return header
