"""Build a PlanDraft from a sample's hand-checked JSON (tests only).

Lets the store and the JSON export be checked against the samples without the
importers: sample JSON → draft → database → export json → compare.
"""

from __future__ import annotations

import re

from kehoach_desktop.domain.drafts import PlanDraft, SectionDraft, TaskDraft
from kehoach_desktop.domain.models import Plan

_YEAR = re.compile(r"(20\d\d)")


def plan_year(sample: dict) -> int:
    texts = [sample["plan"].get("date_text", ""), sample["plan"].get("title", "")]
    texts += sample.get("document", {}).get("appendix_heading", [])
    for text in texts:
        match = _YEAR.search(text or "")
        if match:
            return int(match[1])
    raise ValueError("no year in sample")


def draft_from_sample(sample: dict) -> PlanDraft:
    header = sample["plan"]
    plan = Plan(
        year=plan_year(sample),
        title=header["title"],
        doc_number=header["doc_number"],
        issuer=header["issuer"],
        place=header["place"],
        date_text=header["date_text"],
        signer_title=header["signer_title"],
        signer_name=header["signer_name"],
        governing_body=sample.get("document", {}).get("governing_body", ""),
        columns=sample["columns"],
    )
    draft = PlanDraft(plan=plan)
    by_ordinal: dict[str, SectionDraft] = {}
    for entry in sample["sections"]:
        section = SectionDraft(ordinal=entry["ordinal"], title=entry["title"])
        section.tasks = nest_items(entry["items"])
        parent = by_ordinal.get(entry.get("parent", ""))
        (parent.subsections if parent else draft.sections).append(section)
        if not entry.get("parent"):
            by_ordinal[entry["ordinal"]] = section
    return draft


def nest_items(items: list[dict]) -> list[TaskDraft]:
    """"3.1" after "3" becomes its child; everything else stays at the top."""
    top: list[TaskDraft] = []
    for item in items:
        task = TaskDraft(
            number=item["number"],
            content=item["content"],
            schedule_text=item["schedule"],
            output=item["output"],
            note=item["note"],
            target=item.get("target", ""),
            lead_text=item["lead"],
            coordinate_text=item["coordinate"],
            assignment_raw=item.get("assignment_raw", ""),
        )
        parent = top[-1] if top else None
        if parent and "." in task.number and task.number.split(".")[0] == parent.number:
            parent.children.append(task)
        else:
            top.append(task)
    return top


def units_for(text: str) -> list[str]:
    """The two units every sample names, found the simple way (tests only)."""
    names = []
    if "Văn phòng Sở" in text or "Văn phòng sở" in text:
        names.append("Văn phòng Sở")
    if "Các phòng, đơn vị" in text:
        names.append("Các phòng, đơn vị trực thuộc Sở")
    return names


def link_units(draft: PlanDraft) -> PlanDraft:
    """Give the draft's tasks lead and coordinating units from their texts."""

    def link(tasks: list[TaskDraft]) -> None:
        for task in tasks:
            task.lead_units = units_for(task.lead_text)
            task.coordinate_units = [n for n in units_for(task.coordinate_text) if n not in task.lead_units]
            link(task.children)

    for section in draft.all_sections():
        link(section.tasks)
    return draft
