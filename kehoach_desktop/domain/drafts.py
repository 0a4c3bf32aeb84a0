"""A plan as read from a file, before it is saved: what importers produce.

Units are still names here; saving links them to the unit directory.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from kehoach_desktop.domain.areas import OTHER
from kehoach_desktop.domain.models import Plan

# What a column of a task table may hold: (code, the name the user sees). The codes
# are those of `import --columns "2=content,3=lead"`.
COLUMN_MEANINGS: tuple[tuple[str, str], ...] = (
    ("number", "Số TT"),
    ("content", "Nhiệm vụ"),
    ("schedule", "Tiến độ"),
    ("lead", "Chủ trì"),
    ("coordinate", "Phối hợp"),
    ("assignment", "Chủ trì và phối hợp"),
    ("output", "Kết quả, sản phẩm"),
    ("target", "Chỉ tiêu"),
    ("note", "Ghi chú"),
    ("extra", "Cột khác"),
    ("ignore", "Bỏ qua"),
)
MEANING_NAMES = dict(COLUMN_MEANINGS)


@dataclass
class TaskDraft:
    number: str = ""
    content: str = ""
    schedule_text: str = ""
    output: str = ""
    note: str = ""
    target: str = ""
    lead_text: str = ""
    coordinate_text: str = ""
    assignment_raw: str = ""
    lead_units: list[str] = field(default_factory=list)
    coordinate_units: list[str] = field(default_factory=list)
    children: list[TaskDraft] = field(default_factory=list)
    # Columns the program has no field for, kept as they are: header → text.
    extras: dict[str, str] = field(default_factory=dict)


@dataclass
class SectionDraft:
    ordinal: str = ""
    title: str = ""
    area_code: str = OTHER
    tasks: list[TaskDraft] = field(default_factory=list)
    subsections: list[SectionDraft] = field(default_factory=list)


@dataclass
class ImportWarning:
    """Something the reader had to guess or could not place; shown, never hidden."""

    message: str
    where: str = ""  # "Trang tính «Phụ lục», dòng 12"

    def __str__(self) -> str:
        return f"{self.where}: {self.message}" if self.where else self.message


@dataclass
class ColumnMeaning:
    """One column of the task table as the import reads it, for the preview."""

    title: str  # the header as printed, or "Cột N"
    meaning: str  # a code of COLUMN_MEANINGS
    origin: str = "guessed"  # "guessed" from the header, "remembered" from an earlier import, "chosen" now
    key: str = ""  # the header's words, folded: what a choice is remembered by ("" without a header)
    sample: str = ""  # the column's first filled cell under the header, to show what it holds

    @property
    def meaning_name(self) -> str:
        return MEANING_NAMES.get(self.meaning, self.meaning)


@dataclass
class PlanDraft:
    plan: Plan
    sections: list[SectionDraft] = field(default_factory=list)
    warnings: list[ImportWarning] = field(default_factory=list)
    columns: list[ColumnMeaning] = field(default_factory=list)  # the task table's columns, left to right
    # What the reader found (importers.base.RawDocument), kept so that the columns
    # can be read again with other meanings without reading the file again.
    source: Any = field(default=None, repr=False, compare=False)

    def all_sections(self) -> list[SectionDraft]:
        """Every section in printed order: each followed by its sub-sections, at any depth."""
        out: list[SectionDraft] = []

        def walk(sections: list[SectionDraft]) -> None:
            for section in sections:
                out.append(section)
                walk(section.subsections)

        walk(self.sections)
        return out

    def task_count(self) -> int:
        def count(tasks: list[TaskDraft]) -> int:
            return sum(1 + count(task.children) for task in tasks)

        return sum(count(section.tasks) for section in self.all_sections())
