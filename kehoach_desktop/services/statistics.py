"""The states and counts of the plans' tasks, read from the database (the rules are
domain/summaries.py)."""

from __future__ import annotations

from datetime import date

from kehoach_desktop.domain.judgement import DUE_SOON_DAYS
from kehoach_desktop.domain.summaries import Counts, TaskState, count, states_as_of
from kehoach_desktop.domain.tree import PlanTree
from kehoach_desktop.store import Store
from kehoach_desktop.store import progress as progress_rows


class StatisticsService:
    def __init__(self, store: Store):
        self.store = store

    def states(self, tree: PlanTree, day: date, soon_days: int = DUE_SOON_DAYS) -> dict[int, TaskState]:
        """Each task of the tree as it stood on `day`."""
        points = progress_rows.load_points(self.store.conn, [plan.id for plan in tree.plans])
        return states_as_of(tree, points, day, soon_days)

    def summary(self, plan_ids: list[int], day: date | None = None) -> Counts:
        """The counts for the status bar: the plans' tasks by category on `day` (today)."""
        from kehoach_desktop.services.plans import PlanService

        tree = PlanService(self.store).tree(plan_ids)
        return count(self.states(tree, day or date.today()).values())
