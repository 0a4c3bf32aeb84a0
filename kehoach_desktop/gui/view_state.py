"""The window remembers how the user left it, and forgives slips.

- Filters (unit, status, area, quá hạn, sắp đến hạn), the search text, the
  selected task and the groups the user closed survive a restart. They are kept
  per database file (two data files never share a filter that names the other's
  units or tasks).
- Esc in the search box, or in the tree while a search is on, clears the search.
- A filter that matches nothing says so in the tree, with a «Xóa bộ lọc» link.
- The detail panel follows the tree: after a plan switch or a reload that drops
  the selected task it is emptied instead of showing the old plan's task.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import QLabel

EMPTY_RESULT_TEXT = ("Không có nhiệm vụ nào khớp với bộ lọc đang chọn. "
                     "<a href='clear'>Xóa bộ lọc</a> để xem lại mọi nhiệm vụ.")  # fmt: skip
COMBOS = (("unit", "unitFilter"), ("status", "statusFilter"), ("area", "areaFilter"))
TOGGLES = (("overdue", "overdueToggle"), ("due_soon", "dueSoonToggle"))


def settings_group(db_path: Path) -> str:
    """The settings group of one database file: its resolved path, hashed (a path is no key)."""
    try:
        resolved = str(Path(db_path).resolve())
    except OSError:
        resolved = str(db_path)
    return "view-state/" + hashlib.sha1(resolved.encode("utf-8")).hexdigest()[:16]


def _ref_text(ref: tuple) -> str:
    return ":".join(str(part) for part in ref)


class ViewState(QObject):
    def __init__(self, window):
        super().__init__(window)
        self.window = window
        self.group = settings_group(window.db_path)
        self._pending_task: int | None = None
        self._pending_collapsed: set[str] = set()
        self._first_load = True
        ui = window.ui
        self.empty_label = QLabel(EMPTY_RESULT_TEXT)  # above the tree, shown only for an empty result
        self.empty_label.setObjectName("emptyResultLabel")
        self.empty_label.setWordWrap(True)
        self.empty_label.setTextFormat(Qt.TextFormat.RichText)
        self.empty_label.setContentsMargins(4, 6, 4, 6)
        self.empty_label.setStyleSheet("#emptyResultLabel { background: #eef3f9; border-radius: 3px; }")
        self.empty_label.linkActivated.connect(lambda _link: self.clear_filters())
        self.empty_label.hide()
        layout = ui.centralLayout
        layout.insertWidget(layout.indexOf(ui.mainSplitter), self.empty_label)
        for watched in (ui.searchEdit, ui.taskTree):  # Esc
            watched.installEventFilter(self)
        window.proxy.modelReset.connect(self._after_reset)
        window.installEventFilter(self)
        self.restore()

    # --- remembering ----------------------------------------------------------------------

    def _key(self, name: str) -> str:
        return f"{self.group}/{name}"

    def restore(self) -> None:
        """Put back the filters now; the task and closed groups once the tree is filled."""
        ui, settings = self.window.ui, self.window.settings
        for name, widget in COMBOS:
            stored = settings.value(self._key(name))
            combo = getattr(ui, widget)
            if stored not in (None, ""):
                index = combo.findData(stored if name != "unit" else _int_or_none(stored))
                combo.setCurrentIndex(max(0, index))
        for name, widget in TOGGLES:
            getattr(ui, widget).setChecked(settings.value(self._key(name)) in (True, "true", "1"))
        search = settings.value(self._key("search"))
        if isinstance(search, str) and search:
            ui.searchEdit.setText(search)
        self.window.apply_filter()
        self._pending_task = _int_or_none(settings.value(self._key("task")))
        collapsed = settings.value(self._key("collapsed"))
        if isinstance(collapsed, str):
            collapsed = [collapsed]
        self._pending_collapsed = {str(ref) for ref in (collapsed or []) if ref}

    def save(self) -> None:
        ui, settings = self.window.ui, self.window.settings
        for name, widget in COMBOS:
            data = getattr(ui, widget).currentData()
            settings.setValue(self._key(name), "" if data is None else data)
        for name, widget in TOGGLES:
            settings.setValue(self._key(name), getattr(ui, widget).isChecked())
        settings.setValue(self._key("search"), ui.searchEdit.text())
        task_id = self.window.current_task_id()
        settings.setValue(self._key("task"), "" if task_id is None else task_id)
        settings.setValue(self._key("collapsed"), sorted(_ref_text(ref) for ref in self.closed_groups()))

    def closed_groups(self) -> list[tuple]:
        """The refs of the groups (plan, section, area, unit) the user closed in the tree."""
        window, tree = self.window, self.window.ui.taskTree
        closed = []
        for node in window.model.iter_groups():
            index = window.proxy.mapFromSource(window.model.group_index(node))
            if index.isValid() and not tree.isExpanded(index):
                closed.append(node.ref)
        return closed

    def _after_reset(self) -> None:
        if self._first_load and self.window.model.task_nodes():
            self._first_load = False
            self._reopen()
        self.update_empty_result()
        if self.window.current_node() is None:
            self.window.show_details()  # no stale task from the plan shown before

    def _reopen(self) -> None:
        """The first filled tree: close the groups closed last time, select the task."""
        window = self.window
        if not window.proxy.task_filter.active and self._pending_collapsed:
            for node in window.model.iter_groups():
                if _ref_text(node.ref) in self._pending_collapsed:
                    index = window.proxy.mapFromSource(window.model.group_index(node))
                    if index.isValid():
                        window.ui.taskTree.setExpanded(index, False)
        if self._pending_task is not None:
            window.select_task(self._pending_task)
        self._pending_task, self._pending_collapsed = None, set()

    # --- forgiving ---------------------------------------------------------------------------

    def clear_search(self) -> None:
        self.window.ui.searchEdit.clear()
        self.window.apply_filter()

    def clear_filters(self) -> None:
        ui = self.window.ui
        for _name, widget in COMBOS:
            combo = getattr(ui, widget)
            combo.blockSignals(True)
            combo.setCurrentIndex(0)
            combo.blockSignals(False)
        for _name, widget in TOGGLES:
            toggle = getattr(ui, widget)
            toggle.blockSignals(True)
            toggle.setChecked(False)
            toggle.blockSignals(False)
        ui.searchEdit.blockSignals(True)
        ui.searchEdit.clear()
        ui.searchEdit.blockSignals(False)
        self.window.apply_filter()
        ui.taskTree.setFocus()

    def update_empty_result(self) -> None:
        window = self.window
        empty = (window.proxy.task_filter.active and bool(window.model.task_nodes())
                 and not window.proxy.matching_nodes())  # fmt: skip
        self.empty_label.setVisible(empty)

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 (Qt naming)
        kind = event.type()
        ui = self.window.ui
        if watched is self.window and kind == QEvent.Type.Close:
            self.save()
        elif kind == QEvent.Type.KeyPress and watched in (ui.searchEdit, ui.taskTree) and _plain_escape(event):
            if ui.searchEdit.text():  # Esc in the search box, or in the tree while a search is on
                self.clear_search()
                return True
        return False


def _plain_escape(event) -> bool:
    return event.key() == Qt.Key.Key_Escape and not event.modifiers()


def _int_or_none(value) -> int | None:
    try:
        return int(value) if value not in (None, "") else None
    except (TypeError, ValueError):
        return None
