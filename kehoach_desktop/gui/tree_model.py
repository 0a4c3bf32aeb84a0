"""The task tree: a QAbstractItemModel over plans, sections, areas or units and their tasks.

The model is built from a PlanTree in one pass into light Node objects; every
value a row shows (texts, folded search key, judgement) is computed once there,
so painting and filtering 10,000 rows do no database work.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date
from enum import Enum

from PySide6.QtCore import QAbstractItemModel, QModelIndex, Qt
from PySide6.QtGui import QBrush, QColor, QFont

from kehoach_desktop.domain.areas import AREAS
from kehoach_desktop.domain.deadlines import DeadlineKind
from kehoach_desktop.domain.judgement import judge
from kehoach_desktop.domain.statuses import Timeliness, status_label
from kehoach_desktop.domain.models import Role, Task
from kehoach_desktop.domain.text import fold
from kehoach_desktop.domain.tree import PlanTree
from kehoach_desktop.gui import icons


class ViewMode(str, Enum):
    BY_PLAN = "plan"
    BY_AREA = "area"
    BY_UNIT = "unit"

    @property
    def label(self) -> str:
        return {"plan": "Kế hoạch (mục như bản in)", "area": "Lĩnh vực", "unit": "Đơn vị"}[self.value]


COLUMNS = ("TT", "Nhiệm vụ", "Tiến độ", "Hạn", "Chủ trì", "Phối hợp", "Trạng thái", "Kết quả")
COL_NUMBER, COL_CONTENT, COL_SCHEDULE, COL_DUE, COL_LEAD, COL_COORD, COL_STATUS, COL_RESULT = range(8)

NODE_ROLE = Qt.ItemDataRole.UserRole + 1  # the Node behind a row
SORT_ROLE = Qt.ItemDataRole.UserRole + 2  # a value that sorts right (dates, numbers)
TASK_ID_ROLE = Qt.ItemDataRole.UserRole + 3

_COLOURS = {
    Timeliness.OVERDUE: QColor("#b71c1c"),
    Timeliness.DUE_SOON: QColor("#9a5b00"),
    Timeliness.DONE_ON_TIME: QColor("#1b5e20"),
    Timeliness.DONE_LATE: QColor("#6d5a00"),
    Timeliness.CANCELLED: QColor("#616161"),
}
_BACKGROUNDS = {
    Timeliness.OVERDUE: QColor("#fdecea"),
    Timeliness.DUE_SOON: QColor("#fff4e0"),
    Timeliness.DONE_ON_TIME: QColor("#edf7ee"),
    Timeliness.DONE_LATE: QColor("#f7f3e3"),
}


_GROUP_BACKGROUND = QBrush(QColor("#eef2f7"))


class Node:
    """One row: a group (plan, section, area, unit) or a task."""

    __slots__ = ("parent", "children", "row", "task", "title", "label", "order", "ref", "cells", "search_key",
                 "timeliness", "unit_ids", "area_code", "due", "task_count", "overdue_count")  # fmt: skip

    def __init__(self, parent: Node | None, title: str = "", task: Task | None = None, order: int = 0):
        self.parent = parent
        self.children: list[Node] = []
        self.row = 0
        self.task = task
        self.title = title
        self.label = ""  # for groups: the TT column ("I", "A")
        self.order = order
        self.ref: tuple = ()  # for groups: ("plan", id), ("section", id), ("area", code), ("unit", id)
        self.cells: tuple[str, ...] = ()
        self.search_key = ""
        self.timeliness = Timeliness.NONE
        self.unit_ids: frozenset[int] = frozenset()
        self.area_code = ""
        self.due: date | None = None
        self.task_count = 0
        self.overdue_count = 0

    @property
    def is_task(self) -> bool:
        return self.task is not None

    def add(self, child: Node) -> Node:
        child.row = len(self.children)
        self.children.append(child)
        return child


@dataclass
class ModelOptions:
    mode: ViewMode = ViewMode.BY_PLAN
    as_of: date = field(default_factory=date.today)


class TaskTreeModel(QAbstractItemModel):
    def __init__(self, parent=None):
        super().__init__(parent)
        self._root = Node(None)
        self._tree: PlanTree | None = None
        self._options = ModelOptions()
        self._task_nodes: list[Node] = []
        self._nodes_by_task: dict[int, list[Node]] = {}  # a task shows once per unit in the unit view
        self._section_nodes: dict[int, Node] = {}
        self.partial = False  # only the first screen's tasks are read: group counts wait
        # Task rows by ("timeliness", t) and ("status", s), kept current on every change:
        # the status bar and the banner read them instead of walking 10,000 rows.
        self.tally: Counter[tuple[str, object]] = Counter()
        self._bold = QFont()
        self._bold.setBold(True)

    # --- building -------------------------------------------------------------------

    def load(self, tree: PlanTree, mode: ViewMode, as_of: date) -> None:
        self.beginResetModel()
        self._tree = tree
        self._options = ModelOptions(mode, as_of)
        self._root = Node(None)
        self._task_nodes = []
        self._nodes_by_task = {}
        self._section_nodes = {}
        self.tally = Counter()
        builder = {ViewMode.BY_PLAN: self._build_by_plan, ViewMode.BY_AREA: self._build_by_area,
                   ViewMode.BY_UNIT: self._build_by_unit}[mode]  # fmt: skip
        builder(tree)
        self._count_groups(self._root)
        self.endResetModel()

    @property
    def tree(self) -> PlanTree | None:
        return self._tree

    @property
    def mode(self) -> ViewMode:
        return self._options.mode

    @property
    def as_of(self) -> date:
        return self._options.as_of

    def task_nodes(self) -> list[Node]:
        return self._task_nodes

    def _build_by_plan(self, tree: PlanTree) -> None:
        several = len(tree.plans) > 1
        for plan in tree.plans:
            holder = self._root
            if several:
                holder = self._root.add(Node(self._root, plan.title or plan.doc_number, order=len(self._root.children)))
                holder.ref = ("plan", plan.id)
            for section in tree.top_sections(plan.id):
                self._add_section_tree(holder, section, section.position, tree)

    def _add_section_tree(self, holder: Node, section, order: int, tree: PlanTree) -> None:
        """A section with its tasks, then its sub-sections at any depth (III → III.1 → III.1.1)."""
        group = self._section_node(holder, section, order)
        self._add_task_subtrees(group, tree.section_tasks(section), tree)
        for sub in tree.subsections(section):
            self._add_section_tree(group, sub, len(group.children), tree)

    def _section_node(self, holder: Node, section, order: int) -> Node:
        node = holder.add(Node(holder, section.title, order=order))
        node.label = section.ordinal
        node.area_code = section.area_code
        node.ref = ("section", section.id)
        self._section_nodes[section.id] = node
        return node

    def _build_by_area(self, tree: PlanTree) -> None:
        groups = {}
        for order, item in enumerate(AREAS):
            groups[item.code] = Node(self._root, item.name, order=order)
            groups[item.code].area_code = item.code
            groups[item.code].ref = ("area", item.code)
        for plan in tree.plans:
            for section in tree.ordered_sections(plan.id):
                self._add_task_subtrees(groups[section.area_code], tree.section_tasks(section), tree)
        for node in groups.values():
            if node.children:
                self._root.add(node)

    def _build_by_unit(self, tree: PlanTree) -> None:
        by_unit: dict[int, Node] = {}
        for plan in tree.plans:
            for section, task, _depth in tree.plan_walk(plan.id):
                for link in task.units:
                    group = by_unit.get(link.unit_id)
                    if group is None:
                        group = by_unit[link.unit_id] = Node(self._root, link.unit_name)
                        group.ref = ("unit", link.unit_id)
                    if not group.children or group.children[-1].task is not task:
                        self._add_task(group, task, tree)
        for order, group in enumerate(sorted(by_unit.values(), key=lambda n: fold(n.title))):
            group.order = order
            self._root.add(group)

    def _add_task_subtrees(self, parent: Node, tasks: list[Task], tree: PlanTree) -> None:
        for task in tasks:
            node = self._add_task(parent, task, tree)
            self._add_task_subtrees(node, tree.children(task), tree)

    def _add_task(self, parent: Node, task: Task, tree: PlanTree) -> Node:
        node = parent.add(self._new_task_node(parent, task, tree))
        return node

    def _new_task_node(self, parent: Node, task: Task, tree: PlanTree) -> Node:
        node = Node(parent, task=task, order=task.position)
        self._describe(node, tree)
        self._tally(node, +1)
        self._task_nodes.append(node)
        self._nodes_by_task.setdefault(task.id, []).append(node)
        return node

    def _describe(self, node: Node, tree: PlanTree) -> None:
        """What every row needs at once: counts, filters and sorting use these.

        The texts a row shows and its search key are made on first use
        (cells(), search_keys()): at start only the visible rows are drawn."""
        task = node.task
        as_of = self._options.as_of
        node.timeliness = judge(task.deadline, task.status, task.completed_on, as_of)
        node.due = _shown_due(task, as_of)
        node.unit_ids = frozenset(link.unit_id for link in task.units)
        node.area_code = tree.area_of(task)

    def _tally(self, node: Node, sign: int) -> None:
        self.tally[("timeliness", node.timeliness)] += sign
        self.tally[("status", node.task.status)] += sign

    @staticmethod
    def cells(node: Node) -> tuple[str, ...]:
        if not node.cells:
            task = node.task
            status = status_label(task.status, node.timeliness)
            if node.timeliness in (Timeliness.OVERDUE, Timeliness.DUE_SOON):
                status = f"{status} · {node.timeliness.label}"
            node.cells = (
                task.number,
                task.content,
                task.schedule_text,
                node.due.strftime("%d/%m/%Y") if node.due else "",
                ", ".join(task.unit_names(Role.LEAD)) or task.lead_text,
                ", ".join(task.unit_names(Role.COORDINATE)) or task.coordinate_text,
                status,
                task.result,
            )
        return node.cells

    def search_keys(self) -> None:
        """Give every task row its folded search text (content, output, notes, units …)."""
        for node in self._task_nodes:
            if not node.search_key:
                self._search_key(node)

    def _search_key(self, node: Node) -> None:
        task = node.task
        cells = self.cells(node)
        node.search_key = fold(" ".join((task.number, task.content, task.output, task.note, task.target,
                                         task.result, task.schedule_text, task.lead_text,
                                         task.coordinate_text, task.assignment_raw, cells[4], cells[5])))  # fmt: skip

    def tooltip(self, node: Node) -> str:
        plan = self._tree.plan_by_id.get(node.task.plan_id) if self._tree else None
        several = self._tree is not None and len(self._tree.plans) > 1
        return (plan.title + "\n\n" if plan and several else "") + node.task.content

    def _count_groups(self, node: Node) -> tuple[int, int]:
        """Tasks and overdue tasks under each group (sub-tasks included)."""
        total = overdue = 0
        for child in node.children:
            if child.is_task:
                total += 1
                overdue += child.timeliness is Timeliness.OVERDUE
            below = self._count_groups(child)
            total, overdue = total + below[0], overdue + below[1]
        node.task_count, node.overdue_count = total, overdue
        return total, overdue

    # --- the Qt model interface ------------------------------------------------------------

    def index(self, row: int, column: int, parent=QModelIndex()) -> QModelIndex:
        if not self.hasIndex(row, column, parent):
            return QModelIndex()
        node = parent.internalPointer() if parent.isValid() else self._root
        return self.createIndex(row, column, node.children[row])

    def parent(self, index=QModelIndex()):  # type: ignore[override]
        if not index.isValid():
            return QModelIndex()
        node: Node = index.internalPointer()
        holder = node.parent
        if holder is None or holder is self._root:
            return QModelIndex()
        return self.createIndex(holder.row, 0, holder)

    def rowCount(self, parent=QModelIndex()) -> int:
        if parent.isValid():
            if parent.column() > 0:
                return 0
            return len(parent.internalPointer().children)
        return len(self._root.children)

    def columnCount(self, parent=QModelIndex()) -> int:
        return len(COLUMNS)

    def headerData(self, section: int, orientation, role=Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return COLUMNS[section]
        return None

    def data(self, index: QModelIndex, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        return self.node_data(index.internalPointer(), index.column(), role)

    def node_data(self, node: Node, column: int, role):
        """What a row shows; also called directly by the filter proxy (no index needed)."""
        if role == NODE_ROLE:
            return node
        if node.is_task:
            return self._task_data(node, column, role)
        return self._group_data(node, column, role)

    def _task_data(self, node: Node, column: int, role):
        if role == Qt.ItemDataRole.DisplayRole:
            return self.cells(node)[column]
        if role == Qt.ItemDataRole.ToolTipRole:
            text = self.tooltip(node) if column == COL_CONTENT else self.cells(node)[column]
            return text or None
        if role == SORT_ROLE:
            return sort_key(node, column)
        if role == TASK_ID_ROLE:
            return node.task.id
        if role == Qt.ItemDataRole.DecorationRole and column == COL_NUMBER:
            return icons.for_timeliness(node.timeliness, node.task.status)
        if role == Qt.ItemDataRole.ForegroundRole and node.timeliness in _COLOURS:
            return QBrush(_COLOURS[node.timeliness])
        if role == Qt.ItemDataRole.BackgroundRole and node.timeliness in _BACKGROUNDS:
            return QBrush(_BACKGROUNDS[node.timeliness])
        if role == Qt.ItemDataRole.AccessibleTextRole and column == COL_NUMBER:
            return f"{node.task.number} {node.timeliness.label}".strip()
        return None

    def _group_data(self, node: Node, column: int, role):
        """A group row reads like the printed table's section row: "I | CẢI CÁCH THỂ CHẾ (5 nhiệm vụ)"."""
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            if column == COL_NUMBER:
                return node.label
            if column == COL_CONTENT:
                return node.title if self.partial else group_caption(node)
            return None
        if role == Qt.ItemDataRole.FontRole:
            return self._bold
        if role == SORT_ROLE:
            return node.order
        if role == Qt.ItemDataRole.BackgroundRole:
            return _GROUP_BACKGROUND
        return None

    # --- finding rows ------------------------------------------------------------------

    def index_of_task(self, task_id: int) -> QModelIndex:
        """The first row showing the task (a task shows once per unit in the unit view)."""
        nodes = self._nodes_by_task.get(task_id)
        return self.createIndex(nodes[0].row, 0, nodes[0]) if nodes else QModelIndex()

    def nodes_of_task(self, task_id: int) -> list[Node]:
        return list(self._nodes_by_task.get(task_id, ()))

    def task_ids_linked_to(self, unit_ids: Iterable[int]) -> set[int]:
        """Tasks shown now that are linked to one of the units."""
        wanted = set(unit_ids)
        return {node.task.id for node in self._task_nodes if node.unit_ids & wanted}

    def iter_groups(self, node: Node | None = None) -> Iterator[Node]:
        for child in (node or self._root).children:
            if not child.is_task:
                yield child
                yield from self.iter_groups(child)

    def group_index(self, node: Node) -> QModelIndex:
        return self.createIndex(node.row, 0, node)

    def node_index(self, node: Node, column: int = 0) -> QModelIndex:
        return self.createIndex(node.row, column, node) if node is not self._root else QModelIndex()

    @property
    def root(self) -> Node:
        return self._root


def group_caption(node: Node) -> str:
    counts = f"{node.task_count} nhiệm vụ"
    if node.overdue_count:
        counts += f" · {node.overdue_count} quá hạn"
    return f"{node.title}   ({counts})"


def _shown_due(task: Task, as_of: date) -> date | None:
    """The date in the Hạn column: the next due date, else the last one passed."""
    deadline = task.deadline
    upcoming = deadline.next_due(as_of)
    if upcoming:
        return upcoming
    if deadline.kind in (DeadlineKind.DATE, DeadlineKind.DATES, DeadlineKind.PERIOD):
        return deadline.final_due
    return None


def _number_key(number: str) -> tuple:
    parts = []
    for part in number.replace(",", ".").split("."):
        parts.append((0, int(part), "") if part.isdigit() else (1, 0, part))
    return tuple(parts)


def sort_key(node: Node, column: int):
    if column == COL_NUMBER:
        return _number_key(node.task.number)
    if column == COL_DUE:
        return node.due.toordinal() if node.due else 10**7
    return fold(TaskTreeModel.cells(node)[column])



# --- keeping the rows current after a change ---------------------------------------------------


class Updater:
    """Applies changed, added and removed tasks to a TaskTreeModel in place.

    A task whose place did not change is updated where it is (dataChanged, its
    row only, and the counts of the groups above it). In the plan view a task that
    moved, appeared or went away is moved, inserted or removed (beginMoveRows,
    beginInsertRows, beginRemoveRows), so open groups stay open. The area and unit
    views group tasks by what a change may alter (the area, the units): a change
    of place there is left to a reload (`apply` returns False).
    """

    def __init__(self, model: TaskTreeModel):
        self.model = model

    def apply(self, tasks: Iterable[Task], removed: Iterable[int]) -> bool:
        model = self.model
        tree = model.tree
        if tree is None:
            return False
        changed = [task for task in tasks if task.plan_id in tree.plan_by_id]
        gone = [task_id for task_id in removed if task_id in tree.task_by_id]
        in_place = not gone and all(self._same_place(task) for task in changed)
        if not in_place and model.mode is not ViewMode.BY_PLAN:
            return False
        old = {task.id: tree.put(task) for task in changed}
        for task_id in gone:
            tree.drop(task_id)
        if in_place:
            for task in changed:
                self._refresh(task, old[task.id])
            return True
        self._remove(gone)
        self._place(changed, tree)
        for task in changed:
            self._refresh(task, old[task.id])
        self._recount()
        return True

    # --- in place ---------------------------------------------------------------------------

    def _same_place(self, task: Task) -> bool:
        model = self.model
        assert model.tree is not None
        current = model.tree.task_by_id.get(task.id)
        if current is None:
            return False
        same = (current.section_id, current.parent_id, current.position) == (task.section_id, task.parent_id, task.position)
        if model.mode is ViewMode.BY_UNIT:
            same = same and {link.unit_id for link in current.units} == {link.unit_id for link in task.units}
        return same

    def _refresh(self, task: Task, old: Task | None) -> None:
        model = self.model
        assert model.tree is not None
        last = len(COLUMNS) - 1
        for node in model._nodes_by_task.get(task.id, ()):
            before = node.timeliness
            model._tally(node, -1)
            node.task = task
            node.order = task.position
            node.cells = ()
            had_key = bool(node.search_key)
            node.search_key = ""
            model._describe(node, model.tree)
            model._tally(node, +1)
            if had_key:
                model._search_key(node)
            model.dataChanged.emit(model.createIndex(node.row, 0, node), model.createIndex(node.row, last, node))
            if before is not node.timeliness:
                self._update_counts_above(node)

    def _update_counts_above(self, node: Node) -> None:
        model = self.model
        holder = node.parent
        while holder is not None and holder is not model._root:
            if not holder.is_task:
                holder.overdue_count = sum(
                    1 for child in _task_descendants(holder) if child.timeliness is Timeliness.OVERDUE
                )
                index = model.createIndex(holder.row, COL_CONTENT, holder)
                model.dataChanged.emit(index, index)
            holder = holder.parent

    def _recount(self) -> None:
        model = self.model
        model._count_groups(model._root)
        for group in model.iter_groups():
            index = model.createIndex(group.row, COL_CONTENT, group)
            model.dataChanged.emit(index, index)

    # --- structure (the plan view) ---------------------------------------------------------------

    def _remove(self, task_ids: list[int]) -> None:
        model = self.model
        going = set(task_ids)
        for task_id in task_ids:
            for node in model._nodes_by_task.get(task_id, ()):
                holder = node.parent
                if holder is None or (holder.is_task and holder.task.id in going):
                    continue  # goes with its parent
                model.beginRemoveRows(model.node_index(holder), node.row, node.row)
                del holder.children[node.row]
                _renumber(holder)
                model.endRemoveRows()
        dropped = set()
        for task_id in task_ids:
            for node in model._nodes_by_task.pop(task_id, ()):
                dropped.add(id(node))
                model._tally(node, -1)
        model._task_nodes = [node for node in model._task_nodes if id(node) not in dropped]

    def _place(self, tasks: list[Task], tree: PlanTree) -> None:
        """Put each changed or new task under its container (section or parent task), in order."""
        model = self.model
        containers: list[Node] = []
        for task in sorted(tasks, key=lambda t: _depth(t, tree)):
            container = self._container(task)
            if container is None:
                continue
            nodes = model._nodes_by_task.get(task.id)
            if not nodes:
                node = model._new_task_node(container, task, tree)
                row = _insertion_row(container, task)
                model.beginInsertRows(model.node_index(container), row, row)
                container.children.insert(row, node)
                _renumber(container)
                model.endInsertRows()
                node.parent = container
            else:
                node = nodes[0]
                if node.parent is not container:
                    self._move(node, container, _insertion_row(container, task))
            containers.append(container)
        for container in containers:
            self._reorder(container)

    def _container(self, task: Task) -> Node | None:
        model = self.model
        if task.parent_id is None:
            return model._section_nodes.get(task.section_id)
        parents = model._nodes_by_task.get(task.parent_id)
        return parents[0] if parents else None

    def _move(self, node: Node, container: Node, row: int) -> None:
        model = self.model
        holder = node.parent
        assert holder is not None
        destination = row + 1 if holder is container and row > node.row else row
        model.beginMoveRows(model.node_index(holder), node.row, node.row, model.node_index(container), destination)
        del holder.children[node.row]
        _renumber(holder)
        container.children.insert(min(row, len(container.children)), node)
        node.parent = container
        _renumber(container)
        model.endMoveRows()

    def _reorder(self, container: Node) -> None:
        """Task rows in (position, id) order; sub-section rows stay after them."""
        tasks = [child for child in container.children if child.is_task]
        wanted = sorted(tasks, key=lambda child: (child.task.position, child.task.id))
        for target, node in enumerate(wanted):
            if container.children[target] is not node:
                self._move(node, container, target)


def _task_descendants(node: Node) -> Iterator[Node]:
    for child in node.children:
        if child.is_task:
            yield child
        yield from _task_descendants(child)


def _insertion_row(container: Node, task: Task) -> int:
    key = (task.position, task.id)
    return sum(1 for child in container.children if child.is_task and child.task.id != task.id
               and (child.task.position, child.task.id) < key)  # fmt: skip


def _renumber(holder: Node) -> None:
    for row, child in enumerate(holder.children):
        child.row = row


def _depth(task: Task, tree: PlanTree) -> int:
    depth, parent_id = 0, task.parent_id
    while parent_id is not None and parent_id in tree.task_by_id:
        depth += 1
        parent_id = tree.task_by_id[parent_id].parent_id
    return depth
