"""Consolidation over the database: the tasks' facts (lead and coordinating real
units), the units' answers and the office's decisions, given to the one rule in
domain/consolidation.py; and the office's decisions recorded and withdrawn."""

from __future__ import annotations

from datetime import date

from kehoach_desktop.domain.consolidation import Cut, OfficeDecision, PlanStates, TaskFacts, consolidate_plan
from kehoach_desktop.domain.models import Role, Task
from kehoach_desktop.domain.organization import Organization
from kehoach_desktop.domain.periods import Period
from kehoach_desktop.domain.statuses import Status
from kehoach_desktop.domain.text import tidy
from kehoach_desktop.domain.tree import PlanTree
from kehoach_desktop.services.errors import NotFoundError, ServiceError
from kehoach_desktop.services.organization import OrganizationService
from kehoach_desktop.store import Store
from kehoach_desktop.store import consolidation as sql
from kehoach_desktop.store.database import now_text


class ConsolidationService:
    def __init__(self, store: Store):
        self.store = store
        self.organization = OrganizationService(store)

    def facts(self, tree: PlanTree, org: Organization | None = None) -> list[TaskFacts]:
        """Each task with its lead and coordinating real units (a collective's members)."""
        org = org or self.organization.organization()
        return [task_facts(task, org) for task in tree.tasks]

    def states(self, tree: PlanTree, cut: Cut, org: Organization | None = None) -> PlanStates:
        """Every task of the tree for the cut (counted tasks and headings apart)."""
        org = org or self.organization.organization()
        plan_ids = [plan.id for plan in tree.plans if plan.id is not None]
        conn = self.store.conn
        names = {unit.id: unit.name for unit in org.units}
        return consolidate_plan(
            self.facts(tree, org), sql.load_answers(conn, plan_ids), cut, sql.load_decisions(conn, plan_ids), names
        )

    # --- the office's own word ---------------------------------------------------------------

    def decide(self, task_id: int, period: Period, status: Status, note: str = "",
               completed_on: date | None = None, decided_on: date | None = None) -> int:  # fmt: skip
        """Set a task's status for a period by hand, with a note (undo: withdraw())."""
        if status is Status.NOT_DONE and not tidy(note):
            raise ServiceError("Khi xác định «Không thực hiện», hãy ghi lý do.")
        if status is not Status.DONE and completed_on is not None:
            raise ServiceError("Chỉ nhiệm vụ hoàn thành mới có ngày hoàn thành.")
        decision = OfficeDecision(0, task_id, period.code, period.end, decided_on or date.today(), Status(status),
                                  tidy(note), completed_on)  # fmt: skip
        with self.store.acting_as("office", period.label), self.store.write() as conn:
            if conn.execute("SELECT 1 FROM task WHERE id = ?", [task_id]).fetchone() is None:
                raise NotFoundError(f"Không tìm thấy nhiệm vụ số {task_id}.")
            return sql.insert_decision(conn, decision, now_text())

    def withdraw(self, decision_id: int) -> OfficeDecision:
        with self.store.write() as conn:
            decision = sql.decision_row(conn, decision_id)
            if decision is None:
                raise NotFoundError(f"Không tìm thấy quyết định số {decision_id}.")
            sql.delete_decision(conn, decision_id)
            return decision

    def put_back(self, decision: OfficeDecision) -> None:
        with self.store.write() as conn:
            sql.restore_decision(conn, decision, now_text())

    def decisions(self, task_id: int) -> list[OfficeDecision]:
        plan_row = self.store.conn.execute("SELECT plan_id FROM task WHERE id = ?", [task_id]).fetchone()
        if plan_row is None:
            return []
        return sorted(sql.load_decisions(self.store.conn, [plan_row[0]]).get(task_id, []), key=OfficeDecision.order_key)


def task_facts(task: Task, org: Organization) -> TaskFacts:
    """A task's real units: each linked unit, each member of a linked collective; a
    collective with no members yet stands for itself, so its task is still followed."""
    leads: list[int] = []
    coordinators: list[int] = []
    for link in task.units:
        target = leads if link.role is Role.LEAD else coordinators
        real = org.real_units_of(link.unit_id)
        if not real and org.is_collective(link.unit_id):
            real = [link.unit_id]
        target.extend(unit for unit in real if unit not in target)
    assert task.id is not None
    return TaskFacts(task.id, task.deadline, tuple(leads), tuple(u for u in coordinators if u not in leads), task.parent_id)
