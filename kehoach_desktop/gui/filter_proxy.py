"""Filtering and sorting the task tree.

The filter is a plain predicate over a task Node (no Qt in the test of a row),
so the same predicate gives the status bar's totals without walking the view.
Groups show when a task under them matches; a parent task that does not match
still shows above a matching sub-task, as context.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QAbstractProxyModel, QModelIndex, Qt

from kehoach_desktop.domain.statuses import Timeliness, matches_filter
from kehoach_desktop.domain.text import fold
from kehoach_desktop.gui.tree_model import COLUMNS, FLAGS, Node, sort_key

@dataclass(frozen=True)
class TaskFilter:
    words: tuple[str, ...] = ()
    unit_id: int | None = None
    status: str | None = None
    area_code: str | None = None
    overdue: bool = False
    due_soon: bool = False

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
        if self.status and not matches_filter(self.status, node.task.status, node.timeliness):
            return False
        if self.overdue or self.due_soon:
            wanted = {Timeliness.OVERDUE} if self.overdue else set()
            if self.due_soon:
                wanted.add(Timeliness.DUE_SOON)
            if node.timeliness not in wanted:
                return False
        key = node.search_key
        return all(word in key for word in self.words)


class _Row:
    """One row of the proxy: a source node, and the proxy's own children list."""

    __slots__ = ("node", "parent", "children", "row")

    def __init__(self, node: Node | None, parent: _Row | None, row: int = 0):
        self.node = node
        self.parent = parent
        self.children: list[_Row] = []
        self.row = row


class TaskFilterProxy(QAbstractProxyModel):
    """Filter and sort over the task tree, with the mapping built in one Python pass.

    QSortFilterProxyModel calls back into a Python source model for every row,
    many times over (with 10,000 tasks, one keystroke made 14 million parent()
    calls). Here the filter runs once per task node and the visible tree is built
    directly; the view then asks only for the rows it shows.
    """

    def __init__(self, parent=None):
        super().__init__(parent)
        self._filter = TaskFilter()
        self._sort_column = -1
        self._sort_order = Qt.SortOrder.AscendingOrder
        self._root = _Row(None, None)
        self._rows: dict[int, _Row] = {}  # id(source node) -> row
        self._matching: list[Node] = []
        self._matching_ids: set[int] = set()
        self._saved: list[tuple[QModelIndex, Node, int]] = []

    # --- source and rebuilding ------------------------------------------------------------

    def setSourceModel(self, model) -> None:  # noqa: N802 (Qt naming)
        super().setSourceModel(model)
        model.modelAboutToBeReset.connect(self.beginResetModel)
        model.modelReset.connect(self._source_reset)
        model.dataChanged.connect(self._source_data_changed)
        # Rows the source inserts, removes or moves (an edit that changed a task's place):
        # the proxy lays its rows out again, keeping every open group and the selection.
        for about in (model.rowsAboutToBeInserted, model.rowsAboutToBeRemoved, model.rowsAboutToBeMoved,
                      model.layoutAboutToBeChanged):  # fmt: skip
            about.connect(self._layout_about_to_change)
        for done in (model.rowsInserted, model.rowsRemoved, model.rowsMoved, model.layoutChanged):
            done.connect(self._layout_changed)
        self._rebuild()

    def _source_reset(self) -> None:
        self._rebuild()
        self.endResetModel()

    def _source_data_changed(self, top_left, bottom_right, roles=()) -> None:
        node = top_left.internalPointer()
        if node is not None and node.is_task and self._moves_on_change(node):
            self._layout_about_to_change()
            self._layout_changed()
            return
        first, last = self.mapFromSource(top_left), self.mapFromSource(bottom_right)
        if first.isValid() and last.isValid():
            self.dataChanged.emit(first, last, roles)

    def _moves_on_change(self, node: Node) -> bool:
        """A changed row that now falls in or out of the filter, or may sort elsewhere."""
        if self._sort_column >= 0:
            return True
        if not self._filter.active:
            return False
        if self._filter.words and not node.search_key:
            self.sourceModel().search_keys()
        return self._filter.accepts(node) != (id(node) in self._matching_ids)

    def _layout_about_to_change(self, *_args) -> None:
        self.layoutAboutToBeChanged.emit()
        self._saved = [(index, index.internalPointer().node, index.column()) for index in self.persistentIndexList()]

    def _layout_changed(self, *_args) -> None:
        old_root = self._root  # alive until the old indexes are mapped: their pointers must not be reused
        self._rebuild()
        old, new = [], []
        for index, node, column in self._saved:
            row = self._rows.get(id(node))
            old.append(index)
            new.append(self.createIndex(row.row, column, row) if row is not None and row.node is node else QModelIndex())
        self._saved = []
        self.changePersistentIndexList(old, new)
        del old_root
        self.layoutChanged.emit()

    @property
    def task_filter(self) -> TaskFilter:
        return self._filter

    def set_filter(self, task_filter: TaskFilter) -> None:
        if task_filter != self._filter:
            self._filter = task_filter
            self._reset()

    def sort(self, column: int, order=Qt.SortOrder.AscendingOrder) -> None:
        self._sort_column, self._sort_order = column, order
        self._reset()

    def _reset(self) -> None:
        self.beginResetModel()
        self._rebuild()
        self.endResetModel()

    def _rebuild(self) -> None:
        model = self.sourceModel()
        self._root = _Row(None, None)
        self._rows = {}
        if model is None:
            self._matching = []
            self._matching_ids = set()
            return
        task_filter = self._filter
        if task_filter.words:
            model.search_keys()  # made once, on the first search
        if task_filter.active:
            self._matching = [node for node in model.task_nodes() if task_filter.accepts(node)]
            keep = set(map(id, self._matching))
            for node in self._matching:  # groups and parent tasks above a match show as context
                holder = node.parent
                while holder is not None and id(holder) not in keep:
                    keep.add(id(holder))
                    holder = holder.parent
        else:
            self._matching = list(model.task_nodes())
            keep = None
        self._matching_ids = set(map(id, self._matching))
        self._add_children(self._root, model.root, keep)

    def _add_children(self, row: _Row, node: Node, keep: set | None) -> None:
        children = node.children if keep is None else [c for c in node.children if id(c) in keep]
        if self._sort_column >= 0 and children and children[0].is_task:
            reverse = self._sort_order == Qt.SortOrder.DescendingOrder
            children = sorted(children, key=lambda c: (sort_key(c, self._sort_column), c.order), reverse=reverse)
        for position, child in enumerate(children):
            child_row = _Row(child, row, position)
            row.children.append(child_row)
            self._rows[id(child)] = child_row
            if child.children:
                self._add_children(child_row, child, keep)

    # --- the Qt proxy interface --------------------------------------------------------------

    def index(self, row: int, column: int, parent=QModelIndex()) -> QModelIndex:
        holder = parent.internalPointer() if parent.isValid() else self._root
        if 0 <= row < len(holder.children) and 0 <= column < self.columnCount():
            return self.createIndex(row, column, holder.children[row])
        return QModelIndex()

    def parent(self, index=QModelIndex()):  # type: ignore[override]
        if not index.isValid():
            return QModelIndex()
        holder = index.internalPointer().parent
        if holder is None or holder is self._root:
            return QModelIndex()
        return self.createIndex(holder.row, 0, holder)

    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: N802
        if parent.isValid():
            return len(parent.internalPointer().children) if parent.column() == 0 else 0
        return len(self._root.children)

    def columnCount(self, parent=QModelIndex()) -> int:  # noqa: N802
        return len(COLUMNS)

    def hasChildren(self, parent=QModelIndex()) -> bool:  # noqa: N802
        return self.rowCount(parent) > 0

    def data(self, index: QModelIndex, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        return self.sourceModel().node_data(index.internalPointer().node, index.column(), role)

    def flags(self, index: QModelIndex):
        return FLAGS if index.isValid() else Qt.ItemFlag.NoItemFlags

    def headerData(self, section: int, orientation, role=Qt.ItemDataRole.DisplayRole):  # noqa: N802
        return self.sourceModel().headerData(section, orientation, role)

    def mapToSource(self, proxy_index: QModelIndex) -> QModelIndex:  # noqa: N802
        if not proxy_index.isValid():
            return QModelIndex()
        return self.sourceModel().node_index(proxy_index.internalPointer().node, proxy_index.column())

    def mapFromSource(self, source_index: QModelIndex) -> QModelIndex:  # noqa: N802
        if not source_index.isValid():
            return QModelIndex()
        row = self._rows.get(id(source_index.internalPointer()))
        if row is None:
            return QModelIndex()
        return self.createIndex(row.row, source_index.column(), row)

    def matching_nodes(self) -> list[Node]:
        """The task rows the filter accepts (not the context rows shown around them)."""
        return list(self._matching)

    def expandable_indexes(self) -> list[QModelIndex]:
        """Every row with children (groups and parent tasks), parents before children."""
        out: list[QModelIndex] = []
        stack = [self._root]
        while stack:
            holder = stack.pop()
            for child in holder.children:
                if child.children:
                    out.append(self.createIndex(child.row, 0, child))
                    stack.append(child)
        return out


def sort_printed_order(view, proxy: TaskFilterProxy) -> None:
    """Back to the order of the plan as printed (no column sorted)."""
    proxy.sort(-1)
    view.header().setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
