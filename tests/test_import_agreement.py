"""Every plan of ../shared/samples and more*/ imported from each of its forms agrees
with its hand-checked JSON, field by field (the measure: tests/agreement.py).

The table of per-file agreement is printed at the end of the run."""

from __future__ import annotations

import copy
import json
from pathlib import Path

import pytest

from agreement import MEASURED, agreement, draft_items
from conftest import SAMPLE_STEMS, other_plans, sample_file
from kehoach_desktop.services.imports import read_plan

FORMS = (".docx", ".xlsx", ".txt", ".pdf")
THRESHOLD = 0.97
# The column meanings a user gives where the program's reading differs from the
# truth's (the import preview, `import --columns`): g07's «Hồ sơ» is the dossier
# each bill goes with, what the truth takes as its output.
MAPPINGS = {"g07_ubtvqh_1339_kehoach_luat": {6: "output"}}


def _plans() -> list[tuple[str, Path]]:
    top = [(stem, sample_file(stem, ".json").with_suffix("")) for stem in SAMPLE_STEMS]
    return top + [(path.name, path) for path in other_plans()]


PLANS = _plans()


def _measure(stem: str, base: Path, suffix: str, columns=None) -> tuple[float, list[str]]:
    truth = json.loads(base.with_suffix(".json").read_text(encoding="utf-8"))
    draft = read_plan(path=base.with_name(base.name + suffix), columns=columns)
    result = agreement(truth, draft)
    return result.value, result.misses


def test_the_other_plans_are_there():
    """The 15 plans of more/ and more2/ (the test below would silently shrink without them)."""
    if not other_plans():
        pytest.skip("../shared/samples/more*/ is not beside this checkout")
    assert len(other_plans()) == 15


@pytest.mark.parametrize("suffix", FORMS)
@pytest.mark.parametrize("stem, base", PLANS, ids=[stem[:3] for stem, _ in PLANS])
def test_every_plan_in_every_form_agrees_with_its_truth(stem, base, suffix):
    if not base.with_name(base.name + suffix).exists():
        pytest.skip(f"{stem}{suffix} is not in this checkout's samples")
    value, misses = _measure(stem, base, suffix, MAPPINGS.get(stem))
    MEASURED[(stem, suffix)] = value
    assert value >= THRESHOLD, misses[:12]


def test_the_mapping_a_user_gives_is_what_brings_g07_to_its_truth():
    found = [base for stem, base in PLANS if stem == "g07_ubtvqh_1339_kehoach_luat"]
    if not found:
        pytest.skip("more2/ is not beside this checkout")
    without, misses = _measure("g07", found[0], ".docx")
    assert without < THRESHOLD and any(" output:" in miss for miss in misses)
    with_mapping, _ = _measure("g07", found[0], ".docx", {6: "output"})
    assert with_mapping == 1.0


# ---------------------------------------------------------------- the measure itself


def _sample_and_draft():
    base = sample_file("004_38c702dbea58b40f", ".json").with_suffix("")
    truth = json.loads(base.with_suffix(".json").read_text(encoding="utf-8"))
    return truth, read_plan(path=base.with_suffix(".docx"))


def test_the_measure_counts_a_changed_field_a_lost_task_and_an_extra_one():
    truth, draft = _sample_and_draft()
    assert agreement(truth, draft).value == 1.0
    points = len(draft_items(draft)[0]) * 9 + len(truth["sections"])  # 8 fields + section, per item

    changed = copy.deepcopy(draft)
    changed.sections[0].tasks[0].schedule_text = "Quý IV/2025"
    result = agreement(truth, changed)
    assert result.scored == points - 1 and any("schedule" in miss for miss in result.misses)

    lost = copy.deepcopy(draft)
    del lost.sections[0].tasks[1]
    assert agreement(truth, lost).scored == points - 9

    extra = copy.deepcopy(draft)
    extra.sections[0].tasks.append(copy.deepcopy(extra.sections[0].tasks[0]))
    result = agreement(truth, extra)
    assert (result.scored, result.possible) == (points, points + 9)


def test_the_measure_reads_extra_columns_as_the_truth_writes_them():
    """One extra column: its text is the note; two: «Tiêu đề: text» lines."""
    from kehoach_desktop.domain.drafts import PlanDraft, SectionDraft, TaskDraft
    from kehoach_desktop.domain.models import Plan

    item = {"number": "1", "content": "Việc", "schedule": "", "lead": "", "coordinate": "", "output": ""}
    one = PlanDraft(Plan(), [SectionDraft(tasks=[TaskDraft("1", "Việc", extras={"Nguồn kinh phí": "Ngân sách"})])])
    assert agreement({"sections": [{"ordinal": "", "title": "", "items": [{**item, "note": "Ngân sách"}]}]}, one).value == 1
    two = PlanDraft(Plan(), [SectionDraft(tasks=[TaskDraft("1", "Việc", extras={"A": "x", "B": "y"})])])
    note = "A: x\nB: y"
    assert agreement({"sections": [{"ordinal": "", "title": "", "items": [{**item, "note": note}]}]}, two).value == 1
