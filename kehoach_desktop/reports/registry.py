"""Every report kind, in one table: what it asks for and where it is made.

The report dialog, the service and the command line read `spec(kind)` instead
of testing the kind. A kind's module (reports/<module>.py) provides:

- `header_defaults(context: HeaderContext) -> ReportHeader` — the prefill;
- `prepare(inputs: Inputs) -> content` (optional) — what it prints, from the
  tree, the task states and the units' facts the service read;
- `build(data: ReportData) -> Document` — the document model, which
  `pdf_writer` and `docx_writer` both write.

A new kind is one new module plus one line in SPECS (and its ReportKind value).
The modules are imported on first use, so the window does not pay for them.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from importlib import import_module
from types import ModuleType
from typing import Any

from kehoach_desktop.domain.judgement import DUE_SOON_DAYS
from kehoach_desktop.domain.models import Unit
from kehoach_desktop.domain.periods import Period
from kehoach_desktop.reports.model import ReportKind


@dataclass
class Inputs:
    """What the service read for a kind's `prepare`."""

    tree: Any  # domain.tree.PlanTree
    states: dict  # task id → domain.summaries.TaskState
    cutoff: date
    period: Period | None = None
    units: list[Unit] = field(default_factory=list)  # the units asked for
    group_ids: set[int] = field(default_factory=set)  # units that are collectives
    facts: dict = field(default_factory=dict)  # task id → narrative.TaskFacts (when `needs_facts`)
    soon_days: int = DUE_SOON_DAYS


@dataclass(frozen=True)
class ReportSpec:
    kind: ReportKind
    module: str  # reports/<module>.py
    label: str  # "Báo cáo kết quả thực hiện Kế hoạch"
    menu_text: str
    tip: str
    shortcut: str | None = None
    needs_period: bool = False
    period_optional: bool = False  # a period may replace the date (statistics by period)
    needs_unit: bool = False
    unit_optional: bool = False  # one unit or all of them
    several_units: bool = False  # one letter to several units, or one per late unit
    single_plan: bool = False  # only one plan at a time
    uses_as_of: bool = True  # judged as of a date (when no period decides)
    letter: bool = False  # a công văn: "V/v" title, Kính gửi the recipients
    has_kinh_gui: bool = False  # Kính gửi is printed and editable
    legal_bases: bool = False  # căn cứ are printed and editable
    own_header_wins: bool = False  # the plan's own header beats the last one used
    needs_facts: bool = False  # prepare() reads the units' answers (narrative)
    free_text: tuple[tuple[str, str], ...] = ()  # (ReportHeader field, label in the dialog)
    pages_per_task: float = 1 / 40  # for the progress bar
    noun: str = ""  # how messages name it ("Công văn đôn đốc"); the label when blank

    @property
    def name(self) -> str:
        return self.noun or self.label

    @property
    def uses_period(self) -> bool:
        return self.needs_period or self.period_optional

    @property
    def uses_unit(self) -> bool:
        return self.needs_unit or self.unit_optional

    def implementation(self) -> ModuleType:
        return import_module(f"kehoach_desktop.reports.{self.module}")

    @property
    def has_content(self) -> bool:
        """The kind prints more than the plan: the service reads states and units for it."""
        return hasattr(self.implementation(), "prepare")

    def header_defaults(self, context):
        return self.implementation().header_defaults(context)

    def prepare(self, inputs: Inputs) -> Any:
        make = getattr(self.implementation(), "prepare", None)
        return make(inputs) if make else None

    def document(self, data):
        """The document model, titled for the file's properties."""
        document = self.implementation().build(data)
        document.title = f"{self.label}: {data.header.title}" if data.header.title else self.label
        return document

    def expected_pages(self, task_count: int) -> int:
        return 1 + int(task_count * self.pages_per_task)


SPECS: dict[ReportKind, ReportSpec] = {spec.kind: spec for spec in (
    ReportSpec(ReportKind.PLAN, "ke_hoach", "Kế hoạch (kèm Phụ lục nhiệm vụ)", "&Kế hoạch (bản in)…",
               "In kế hoạch đang chọn, kèm Phụ lục nhiệm vụ", "Ctrl+P", single_plan=True, uses_as_of=False,
               legal_bases=True, own_header_wins=True, pages_per_task=1 / 3),
    ReportSpec(ReportKind.RESULTS, "bao_cao", "Báo cáo kết quả thực hiện Kế hoạch", "&Báo cáo kết quả thực hiện…",
               "Báo cáo kết quả thực hiện Kế hoạch theo kỳ: tháng, quý, 6 tháng, 9 tháng, năm", "Ctrl+R",
               needs_period=True, uses_as_of=False, has_kinh_gui=True, needs_facts=True,
               free_text=(("opening", "Đoạn mở đầu"), ("remarks", "Tồn tại, hạn chế (bổ sung)"),
                          ("directions", "Nhiệm vụ kỳ tới, kiến nghị (bổ sung)")), pages_per_task=1 / 5,
               noun="Báo cáo kết quả"),
    ReportSpec(ReportKind.ATTENTION, "qua_han", "Danh sách nhiệm vụ quá hạn và sắp đến hạn",
               "Danh sách nhiệm vụ &quá hạn, sắp đến hạn…", "Danh sách theo đơn vị, cho cuộc họp giao ban",
               "Ctrl+Shift+Q", unit_optional=True, free_text=(("opening", "Đoạn mở đầu"),)),
    ReportSpec(ReportKind.REMINDER, "don_doc", "Công văn đôn đốc đơn vị", "Công văn đôn đốc đơn &vị…",
               "Công văn đôn đốc đơn vị có nhiệm vụ quá hạn (một hoặc nhiều đơn vị)", needs_unit=True,
               several_units=True, letter=True, has_kinh_gui=True,
               free_text=(("opening", "Đoạn mở đầu"), ("closing", "Đề nghị (đoạn kết)")), noun="Công văn đôn đốc"),
    ReportSpec(ReportKind.UNIT_STATS, "thong_ke", "Thống kê theo đơn vị", "&Thống kê theo đơn vị…",
               "Thống kê theo đơn vị, có biểu đồ", period_optional=True,
               free_text=(("opening", "Đoạn mở đầu"), ("remarks", "Nhận xét"))),
)}  # fmt: skip


def spec(kind: ReportKind | str) -> ReportSpec:
    return SPECS[ReportKind(kind)]


def all_specs() -> list[ReportSpec]:
    return list(SPECS.values())
