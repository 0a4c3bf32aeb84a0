"""A plan as JSON, in the shape of the hand-checked sample files.

Stable: later work compares imports against the samples through this. The
shape (documented in README):

    {"format": "kehoach-desktop/plan", "version": 1,
     "plan": {...header...},
     "columns": [...],
     "sections": [{"ordinal", "title", "parent" (ordinal, only for sub-sections),
                   "area", "area_name",
                   "items": [{"number", "content", "schedule", "lead", "coordinate",
                              "output", "note", "target", ["assignment_raw"], ["extra"],
                              "id", "parent_id", "depth",
                              "deadline": {"kind", "due", "recurrence"},
                              "lead_units", "coordinate_units",
                              "status", "completed_on", "result"}]}]}

Items are a flat list in printed order; a sub-task (3.1) follows its parent
(3) with depth 1 and parent_id set.
"""

from __future__ import annotations

from typing import Any

import json

from kehoach_desktop.domain.areas import area
from kehoach_desktop.domain.models import Plan, Role, Section, Task
from kehoach_desktop.domain.tree import PlanTree

FORMAT = "kehoach-desktop/plan"
VERSION = 1


def plan_header(plan: Plan) -> dict:
    return {
        "id": plan.id,
        "year": plan.year,
        "title": plan.title,
        "doc_number": plan.doc_number,
        "governing_body": plan.governing_body,
        "issuer": plan.issuer,
        "issuer_abbr": plan.issuer_abbr,
        "place": plan.place,
        "date_text": plan.date_text,
        "issued_on": plan.issued_on.isoformat() if plan.issued_on else None,
        "signer_title": plan.signer_title,
        "signer_name": plan.signer_name,
        "recipients": plan.recipients,
        "legal_bases": plan.legal_bases,
    }


def task_item(task: Task, depth: int) -> dict[str, Any]:
    item: dict[str, Any] = {
        "number": task.number,
        "content": task.content,
        "schedule": task.schedule_text,
        "lead": task.lead_text,
        "coordinate": task.coordinate_text,
        "output": task.output,
        "note": task.note,
        "target": task.target,
    }
    if task.assignment_raw:
        item["assignment_raw"] = task.assignment_raw
    if task.extras:
        item["extra"] = dict(task.extras)  # the plan's columns without a field: header → text
    item.update(
        id=task.id,
        parent_id=task.parent_id,
        depth=depth,
        deadline=task.deadline.to_json(),
        lead_units=task.unit_names(Role.LEAD),
        coordinate_units=task.unit_names(Role.COORDINATE),
        status=task.status.value,
        completed_on=task.completed_on.isoformat() if task.completed_on else None,
        result=task.result,
    )
    return item


def section_entry(tree: PlanTree, section: Section) -> dict[str, Any]:
    entry: dict[str, Any] = {"ordinal": section.ordinal, "title": section.title}
    if section.parent_id is not None:
        entry["parent"] = tree.section_by_id[section.parent_id].ordinal
    entry.update(area=section.area_code, area_name=area(section.area_code).name)
    entry["items"] = [task_item(task, depth) for task, depth in tree.section_walk(section)]
    return entry


def plan_to_json(tree: PlanTree, plan_id: int) -> dict:
    plan = tree.plan_by_id[plan_id]
    return {
        "format": FORMAT,
        "version": VERSION,
        "plan": plan_header(plan),
        "columns": plan.columns,
        "sections": [section_entry(tree, section) for section in tree.ordered_sections(plan_id)],
    }


def dumps(data: dict) -> str:
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"
