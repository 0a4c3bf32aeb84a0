"""How closely an imported plan agrees with a sample's hand-checked JSON (tests and bench).

The one measure used everywhere (tests/test_import_agreement.py asserts it,
bench/bench_import.py prints it):

- Items are compared in printed order. The imported items are aligned with the
  truth's by their task text (difflib over the folded first words), so one
  missing or one extra row costs that row only, not every row after it.
- Each truth item scores one point per field: number, content, schedule, lead,
  coordinate, output, note, target (and assignment_raw where the truth has a
  combined assignment column), plus one for its section (ordinal, title and
  parent's ordinal). Texts are compared after NFC and with every run of
  whitespace as one space: a cell's line breaks are layout, not content.
- A truth item no imported item matches scores 0 of its points; an imported
  item matching no truth item adds its points to the total with 0 scored (a
  header row taken for a task costs as much as a task lost).
- Sections (ordinal, title, parent) are aligned the same way, one point each.
- Columns the program keeps as named extra fields are compared with the
  truth's `note` as the samples' READMEs write them: the note column's text
  first, then a table's single extra column as plain text, or each of several
  extra columns as a line "Tiêu đề cột: text".

agreement = points scored / points possible, in [0, 1].
"""

from __future__ import annotations

import difflib
import re
import unicodedata
from dataclasses import dataclass, field

from kehoach_desktop.domain.drafts import PlanDraft, SectionDraft, TaskDraft
from kehoach_desktop.domain.text import fold

BASE_FIELDS = ("number", "content", "schedule", "lead", "coordinate", "output", "note", "target")


def norm(text: str | None) -> str:
    """NFC with every run of whitespace (line breaks included) as one space."""
    return re.sub(r"\s+", " ", unicodedata.normalize("NFC", text or "")).strip()


@dataclass
class Result:
    scored: int = 0
    possible: int = 0
    misses: list[str] = field(default_factory=list)  # "III/2 schedule: 'got' != 'want'"

    @property
    def value(self) -> float:
        return self.scored / self.possible if self.possible else 1.0


# ---------------------------------------------------------------- the two sides as flat lists


def truth_items(sample: dict) -> tuple[list[dict], list[tuple]]:
    """(items with their "section" key, sections as (ordinal, title, parent))."""
    items, sections = [], []
    for section in sample["sections"]:
        key = (norm(section["ordinal"]), norm(section["title"]), norm(section.get("parent", "")))
        sections.append(key)
        for item in section["items"]:
            items.append({**item, "section": key})
    return items, sections


def draft_items(draft: PlanDraft) -> tuple[list[dict], list[tuple]]:
    items: list[dict] = []
    sections: list[tuple] = []
    extra_titles = _extra_titles(draft)

    def walk_sections(section_list: list[SectionDraft], parent: str) -> None:
        for section in section_list:
            key = (norm(section.ordinal), norm(section.title), norm(parent))
            sections.append(key)
            walk_tasks(section.tasks, key)
            walk_sections(section.subsections, section.ordinal)

    def walk_tasks(tasks: list[TaskDraft], key: tuple) -> None:
        for task in tasks:
            items.append(_task_item(task, key, extra_titles))
            walk_tasks(task.children, key)

    walk_sections(draft.sections, "")
    return items, sections


def _extra_titles(draft: PlanDraft) -> list[str]:
    titles: list[str] = []
    for section in _all_sections(draft.sections):
        for task in _all_tasks(section.tasks):
            for title in getattr(task, "extras", {}) or {}:
                if title not in titles:
                    titles.append(title)
    return titles


def _all_sections(sections: list[SectionDraft]):
    for section in sections:
        yield section
        yield from _all_sections(section.subsections)


def _all_tasks(tasks: list[TaskDraft]):
    for task in tasks:
        yield task
        yield from _all_tasks(task.children)


def _task_item(task: TaskDraft, section: tuple, extra_titles: list[str]) -> dict:
    extras = getattr(task, "extras", {}) or {}
    notes = [task.note] if task.note else []
    if len(extra_titles) == 1:
        notes += [value for value in extras.values() if value]
    else:
        notes += [f"{title}: {value}" for title, value in extras.items() if value]
    return {
        "number": task.number, "content": task.content, "schedule": task.schedule_text,
        "lead": task.lead_text, "coordinate": task.coordinate_text, "output": task.output,
        "note": "\n".join(notes), "target": task.target, "assignment_raw": task.assignment_raw,
        "section": section,
    }  # fmt: skip


# ---------------------------------------------------------------- the measure


def agreement(sample: dict, draft: PlanDraft) -> Result:
    want_items, want_sections = truth_items(sample)
    got_items, got_sections = draft_items(draft)
    fields = list(BASE_FIELDS) + (["assignment_raw"] if any("assignment_raw" in i for i in want_items) else [])
    points = len(fields) + 1  # + the item's section
    result = Result()
    for want, got in _aligned(want_items, got_items, lambda item: _key(item["content"])):
        result.possible += points
        if want is None or got is None:
            shown = want or got
            result.misses.append(f"{'extra' if want is None else 'missing'} item {shown['number']!r} "
                                 f"{norm(shown['content'])[:50]!r}")  # fmt: skip
            continue
        where = f"{want['section'][0]}/{want['number']}"
        for name in fields:
            if norm(got.get(name, "")) == norm(want.get(name, "")):
                result.scored += 1
            else:
                result.misses.append(f"{where} {name}: {norm(got.get(name))[:60]!r} != {norm(want.get(name))[:60]!r}")
        if got["section"] == want["section"]:
            result.scored += 1
        else:
            result.misses.append(f"{where} section: {got['section']} != {want['section']}")
    for want, got in _aligned(want_sections, got_sections, lambda s: _key(s[1]) or s[0]):
        result.possible += 1
        if want is not None and got == want:
            result.scored += 1
        else:
            result.misses.append(f"section {got} != {want}")
    return result


def _key(text: str) -> str:
    return " ".join(fold(text or "").split()[:12])


def _aligned(want: list, got: list, key):
    """Pairs (want, got) in order; None on the side that has no partner."""
    matcher = difflib.SequenceMatcher(None, [key(w) for w in want], [key(g) for g in got], autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal" or (tag == "replace" and i2 - i1 == j2 - j1):
            yield from zip(want[i1:i2], got[j1:j2])
            continue
        common = min(i2 - i1, j2 - j1) if tag == "replace" else 0
        yield from zip(want[i1 : i1 + common], got[j1 : j1 + common])
        for w in want[i1 + common : i2]:
            yield w, None
        for g in got[j1 + common : j2]:
            yield None, g


# Filled by the tests that measure a file (tests/test_import_agreement.py) and
# printed at the end of the run (conftest.pytest_terminal_summary).
MEASURED: dict[tuple[str, str], float] = {}


def table(measured: dict[tuple[str, str], float]) -> list[str]:
    """Per-file agreement as text lines: one row per plan, one column per form."""
    forms = sorted({form for _, form in measured}, key=[".docx", ".xlsx", ".txt", ".pdf", ".doc", ".xls"].index)
    stems = sorted({stem for stem, _ in measured})
    lines = ["plan".ljust(36) + "".join(form.rjust(8) for form in forms)]
    for stem in stems:
        cells = [f"{measured[(stem, form)]:.3f}" if (stem, form) in measured else "-" for form in forms]
        lines.append(stem[:36].ljust(36) + "".join(cell.rjust(8) for cell in cells))
    return lines
