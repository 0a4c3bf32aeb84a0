"""Filtering and sorting the task tree.

The filter is a plain predicate over a task Node (no Qt in the test of a row),
so the same predicate gives the status bar's totals without walking the view.
Groups show when a task under them matches (recursive filtering); a parent task
that does not match still shows above a matching sub-task, as context.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from PySide6.QtCore import QModelIndex, QSortFilterProxyModel, Qt

from kehoach_desktop.domain.judgement import Timeliness
from kehoach_desktop.domain.statuses import Status
from kehoach_desktop.domain.text import fold
from kehoach_desktop.gui.tree_model import NODE_ROLE, SORT_ROLE, Node

# The status filter's choices: stored statuses plus the derived "Hoàn thành trễ hạn".
STATUS_CHOICES = (
    ("not_started", "Chưa triển khai"),
    ("in_progress", "Đang thực hiện"),
    ("done", "Hoàn thành"),
    ("done_late", "Hoàn thành trễ hạn"),
    ("not_done", "Không thực hiện"),
)


@dataclass(frozen=True)
class TaskFilter:
    words: tuple[str, ...] = ()
    unit_id: int | None = None
    status: str | None = None
    area_code: str | None = None
    overdue: bool = False
    due_soon: bool = False
    _unused: tuple = field(default=(), repr=False)

    @classmethod
    def build(cls, text: str = "", **kwargs) -> TaskFilter:
        return cls(words=tuple(fold(text).split()), **kwargs)

    @property
    def active(self) -> bool:
        return bool(self.words or self.unit_id is not None or self.status or self.area_code
                    or self.overdue or self.due_soon)  # fmt: skip

    def accepts(self, node: Node) -> bool:
        if self.unit_id is not None and self.unit_id not in node.unit_ids:
            return False
        if self.area_code and node.area_code != self.area_code:
            return False
        if self.status and not _has_status(node, self.status):
            return False
        if self.overdue or self.due_soon:
            wanted = {Timeliness.OVERDUE} if self.overdue else set()
            if self.due_soon:
                wanted.add(Timeliness.DUE_SOON)
            if node.timeliness not in wanted:
                return False
        key = node.search_key
        return all(word in key for word in self.words)


def _has_status(node: Node, status: str) -> bool:
    if status == "done_late":
        return node.timeliness is Timeliness.DONE_LATE
    if status == "done":
        return node.task.status is Status.DONE and node.timeliness is not Timeliness.DONE_LATE
    return node.task.status.value == status


class TaskFilterProxy(QSortFilterProxyModel):
    def __init__(self, parent=None):
        super().__init__(parent)
        self._filter = TaskFilter()
        self.setRecursiveFilteringEnabled(True)
        self.setSortRole(SORT_ROLE)
        self.setDynamicSortFilter(False)

    @property
    def task_filter(self) -> TaskFilter:
        return self._filter

    def set_filter(self, task_filter: TaskFilter) -> None:
        if task_filter != self._filter:
            self.beginFilterChange()
            self._filter = task_filter
            self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def filterAcceptsRow(self, source_row: int, source_parent: QModelIndex) -> bool:
        if not self._filter.active:
            return True
        model = self.sourceModel()
        node: Node = model.index(source_row, 0, source_parent).internalPointer()
        return node.is_task and self._filter.accepts(node)

    def lessThan(self, left: QModelIndex, right: QModelIndex) -> bool:
        left_node: Node = left.data(NODE_ROLE)
        right_node: Node = right.data(NODE_ROLE)
        if not (left_node.is_task and right_node.is_task):
            return left_node.order < right_node.order  # groups keep their printed/catalog order
        left_key, right_key = left.data(SORT_ROLE), right.data(SORT_ROLE)
        if left_key == right_key:
            return left_node.order < right_node.order
        return left_key < right_key

    def matching_nodes(self) -> list[Node]:
        """The task rows the filter accepts (not the context rows shown around them)."""
        nodes = self.sourceModel().task_nodes()
        if not self._filter.active:
            return list(nodes)
        return [node for node in nodes if self._filter.accepts(node)]


def sort_printed_order(view, proxy: TaskFilterProxy) -> None:
    """Back to the order of the plan as printed (no column sorted)."""
    proxy.sort(-1)
    view.header().setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
