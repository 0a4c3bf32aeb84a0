"""Filtering and sorting the task tree.

The filter is a plain predicate over a task Node (no Qt in the test of a row),
so the same predicate gives the status bar's totals without walking the view.
Groups show when a task under them matches; a parent task that does not match
still shows above a matching sub-task, as context.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QAbstractItemModel, QModelIndex, Qt

from kehoach_desktop.domain.statuses import Timeliness, matches_filter
from kehoach_desktop.domain.text import fold
from kehoach_desktop.gui.tree_model import COLUMNS, Node, TaskTreeModel, sort_key

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


class TaskFilterProxy(QAbstractItemModel):
    """Filter and sort over the task tree, with the mapping built in one Python pass.

    QSortFilterProxyModel calls back into a Python source model for every row,
    many times over (with 10,000 tasks, one keystroke made 14 million parent()
    calls). Here the filter runs once per task node and the visible tree is built
    directly; the view then asks only for the rows it needs.

    Its indexes point at the source's own nodes: without a filter or a sort the
    rows are the source's (nothing is built); with one, each shown group keeps the
    list of its shown children and each shown node its row. It is a plain item
    model (not a QAbstractProxyModel), so the view's per-row questions that need no
    Python (flags) stay in C++: laying out 10,000 rows calls Python twice per row.
    """

    def __init__(self, parent=None):
        super().__init__(parent)
        self._source: TaskTreeModel | None = None
        self._filter = TaskFilter()
        self._sort_column = -1
        self._sort_order = Qt.SortOrder.AscendingOrder
        # None: the source's rows as they are. Else: id(node) -> shown children / row.
        self._children: dict[int, list[Node]] | None = None
        self._rows: dict[int, int] | None = None
        self._matching: list[Node] = []
        self._matching_ids: set[int] = set()
        self._keep: set[int] | None = None  # the rows shown when filtered (matches and their context)
        self._saved: list[tuple[QModelIndex, Node, int]] = []

    # --- source and rebuilding ------------------------------------------------------------

    def sourceModel(self) -> TaskTreeModel | None:  # noqa: N802 (Qt naming)
        return self._source

    @property
    def _root_node(self) -> Node | None:
        return self._source.root if self._source is not None else None

    def setSourceModel(self, model: TaskTreeModel) -> None:  # noqa: N802 (Qt naming)
        self.beginResetModel()
        self._source = model
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
        self.endResetModel()

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
        if self._filter.words and not node.search_key and self._source is not None:
            self._source.search_keys()
        return self._filter.accepts(node) != (id(node) in self._matching_ids)

    def _layout_about_to_change(self, *_args) -> None:
        self.layoutAboutToBeChanged.emit()
        self._saved = [(index, index.internalPointer(), index.column()) for index in self.persistentIndexList()]

    def _layout_changed(self, *_args) -> None:
        self._rebuild()
        old, new = [], []
        for index, node, column in self._saved:
            old.append(index)
            new.append(self._index_of(node, column))
        self._saved = []
        self.changePersistentIndexList(old, new)
        self.layoutChanged.emit()

    @property
    def task_filter(self) -> TaskFilter:
        return self._filter

    def set_filter(self, task_filter: TaskFilter) -> None:
        """Show the rows `task_filter` accepts. When the same rows show as before (a word
        typed that every shown task already has), nothing is laid out again."""
        if task_filter == self._filter:
            return
        self._filter = task_filter
        keep = self._match()
        if keep == self._keep and self._source is not None:
            return
        self.beginResetModel()
        self._keep = keep
        self._build_rows()
        self.endResetModel()

    def sort(self, column: int, order=Qt.SortOrder.AscendingOrder) -> None:
        self._sort_column, self._sort_order = column, order
        self._reset()

    def _reset(self) -> None:
        self.beginResetModel()
        self._rebuild()
        self.endResetModel()

    def _rebuild(self) -> None:
        self._keep = self._match()
        self._build_rows()

    def _match(self) -> set[int] | None:
        """Find the matching task rows; returns the ids of the rows to show (matches and
        the groups and parent tasks above them), None when every row shows."""
        model = self._source
        if model is None:
            self._matching, self._matching_ids = [], set()
            return None
        task_filter = self._filter
        if not task_filter.active:
            self._matching = list(model.task_nodes())
            self._matching_ids = set(map(id, self._matching))
            return None
        if task_filter.words:
            model.search_keys()  # made once, on the first search
        self._matching = [node for node in model.task_nodes() if task_filter.accepts(node)]
        keep = self._matching_ids = set(map(id, self._matching))
        keep = set(keep)
        for node in self._matching:  # groups and parent tasks above a match show as context
            holder = node.parent
            while holder is not None and id(holder) not in keep:
                keep.add(id(holder))
                holder = holder.parent
        return keep

    def _build_rows(self) -> None:
        self._children = self._rows = None
        if self._source is not None and (self._keep is not None or self._sort_column >= 0):
            self._children, self._rows = {}, {}
            self._add_children(self._source.root, self._keep)

    def _add_children(self, node: Node, keep: set[int] | None) -> None:
        assert self._children is not None and self._rows is not None
        children = node.children if keep is None else [c for c in node.children if id(c) in keep]
        if self._sort_column >= 0 and children and children[0].is_task:
            reverse = self._sort_order == Qt.SortOrder.DescendingOrder
            children = sorted(children, key=lambda c: (sort_key(c, self._sort_column), c.order), reverse=reverse)
        self._children[id(node)] = children
        rows = self._rows
        for position, child in enumerate(children):
            rows[id(child)] = position
            if child.children:
                self._add_children(child, keep)

    # --- where a node shows ---------------------------------------------------------------

    def _kids(self, node: Node) -> list[Node]:
        return node.children if self._children is None else self._children.get(id(node), _NONE)

    def _index_of(self, node: Node, column: int = 0) -> QModelIndex:
        """The proxy index of a source node; invalid when it is not shown."""
        if self._source is None or node is self._source.root:
            return QModelIndex()
        if self._rows is None:
            return self.createIndex(node.row, column, node)
        row = self._rows.get(id(node))
        return QModelIndex() if row is None else self.createIndex(row, column, node)

    # --- the Qt model interface ------------------------------------------------------------------

    def index(self, row: int, column: int, parent=QModelIndex()) -> QModelIndex:
        # Called once per shown row whenever the view lays its rows out: kept short.
        holder = parent.internalPointer() if parent.isValid() else self._root_node
        if holder is None:
            return QModelIndex()
        kids = holder.children if self._children is None else self._children.get(id(holder), _NONE)
        if 0 <= row < len(kids) and 0 <= column < COLUMN_COUNT:
            return self.createIndex(row, column, kids[row])
        return QModelIndex()

    def parent(self, index=QModelIndex()):  # type: ignore[override]
        if not index.isValid():
            return QModelIndex()
        holder = index.internalPointer().parent
        return QModelIndex() if holder is None else self._index_of(holder)

    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: N802
        if self._source is None:
            return 0
        if parent.isValid():
            return len(self._kids(parent.internalPointer())) if parent.column() == 0 else 0
        return len(self._kids(self._source.root))

    def columnCount(self, parent=QModelIndex()) -> int:  # noqa: N802
        return COLUMN_COUNT

    def hasChildren(self, parent=QModelIndex()) -> bool:  # noqa: N802
        # Called once per shown row whenever the view lays its rows out: kept short.
        if parent.isValid():
            if parent.column() != 0:
                return False
            holder = parent.internalPointer()
        else:
            holder = self._root_node
        if holder is None:
            return False
        if self._children is None:
            return bool(holder.children)
        return bool(self._children.get(id(holder)))

    def data(self, index: QModelIndex, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or self._source is None:
            return None
        return self._source.node_data(index.internalPointer(), index.column(), role)

    def headerData(self, section: int, orientation, role=Qt.ItemDataRole.DisplayRole):  # noqa: N802
        return self._source.headerData(section, orientation, role) if self._source is not None else None

    def mapToSource(self, proxy_index: QModelIndex) -> QModelIndex:  # noqa: N802
        if not proxy_index.isValid() or self._source is None:
            return QModelIndex()
        return self._source.node_index(proxy_index.internalPointer(), proxy_index.column())

    def mapFromSource(self, source_index: QModelIndex) -> QModelIndex:  # noqa: N802
        if not source_index.isValid():
            return QModelIndex()
        return self._index_of(source_index.internalPointer(), source_index.column())

    def matching_nodes(self) -> list[Node]:
        """The task rows the filter accepts (not the context rows shown around them)."""
        return list(self._matching)

    def expandable_indexes(self) -> list[QModelIndex]:
        """Every row with children (groups and parent tasks), parents before children."""
        out: list[QModelIndex] = []
        if self._source is None:
            return out
        stack = [self._source.root]
        while stack:
            holder = stack.pop()
            for row, child in enumerate(self._kids(holder)):
                if self._kids(child):
                    out.append(self.createIndex(row, 0, child))
                    stack.append(child)
        return out


_NONE: list[Node] = []
COLUMN_COUNT = len(COLUMNS)


def sort_printed_order(view, proxy: TaskFilterProxy) -> None:
    """Back to the order of the plan as printed (no column sorted)."""
    proxy.sort(-1)
    view.header().setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
