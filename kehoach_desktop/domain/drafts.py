"""A plan as read from a file, before it is saved: what importers produce.

Units are still names here; saving links them to the unit directory.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from kehoach_desktop.domain.areas import OTHER
from kehoach_desktop.domain.models import Plan


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
class PlanDraft:
    plan: Plan
    sections: list[SectionDraft] = field(default_factory=list)
    warnings: list[ImportWarning] = field(default_factory=list)

    def all_sections(self) -> list[SectionDraft]:
        out: list[SectionDraft] = []
        for section in self.sections:
            out.append(section)
            out.extend(section.subsections)
        return out

    def task_count(self) -> int:
        def count(tasks: list[TaskDraft]) -> int:
            return sum(1 + count(task.children) for task in tasks)

        return sum(count(section.tasks) for section in self.all_sections())
