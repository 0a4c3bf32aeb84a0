"""The window's fit-and-help part (issue 16). install(window) adds:

- the selector and filter bars as rows that wrap on a narrow window (or beside
  the F8 panel), with a search box that never shrinks to a few letters;
- the detail panel wrapping at word boundaries (no "Trạn g thái");
- remembered filters, search, selected task and closed groups; Esc clears the
  search; an empty result says so (gui/view_state.py);
- F1 and Trợ giúp › Hướng dẫn sử dụng (gui/help_window.py);
- the «Bắt đầu» page of an empty database (gui/start_page.py).
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence, QTextOption
from PySide6.QtWidgets import QBoxLayout, QHBoxLayout, QMenu, QWidget

from kehoach_desktop.gui.flow_layout import FlowLayout
from kehoach_desktop.gui.start_page import StartPage, StartPageSwitch, organization_action
from kehoach_desktop.gui.view_state import ViewState

SEARCH_MIN_TEXT = "Tìm nhiệm vụ, kết quả, ghi chú…"
DOCK_SHARE = 0.34


class UxActions:
    def __init__(self, window, help_menu: QMenu, catalog_menu: QMenu):
        self.window = window
        self.help_window = None
        wrap_bars(window)
        window.ui.detailView.setWordWrapMode(QTextOption.WrapMode.WordWrap)
        self.view_state = ViewState(window)
        self.help_action = QAction("&Hướng dẫn sử dụng", window)
        self.help_action.setShortcut(QKeySequence("F1"))
        self.help_action.setStatusTip("Hướng dẫn sử dụng chương trình, từng bước")
        self.help_action.triggered.connect(lambda _checked=False: self.open_help())
        window.addAction(self.help_action)  # F1 works wherever the focus is
        first = help_menu.actions()[0] if help_menu.actions() else None
        help_menu.insertAction(first, self.help_action)
        help_menu.insertSeparator(first)
        self.organization_action = organization_action(window)
        catalog_menu.addAction(self.organization_action)
        steps = {"import": window.import_action, "organization": self.organization_action,
                 "forms": getattr(getattr(window, "forms_actions", None), "send_action", window.import_action)}  # fmt: skip
        self.start_switch = StartPageSwitch(window, lambda: StartPage(steps, self.open_help, window.ui.centralWidget))
        panel = getattr(getattr(window, "forms_actions", None), "panel", None)
        if panel is not None:
            panel.visibilityChanged.connect(lambda visible: visible and keep_dock_narrow(window, panel))

    def open_help(self, anchor: str = "") -> None:
        from kehoach_desktop.gui.help_window import HelpWindow

        if self.help_window is None:
            self.help_window = HelpWindow(self.window)
        if not anchor and self.start_switch.is_shown():
            anchor = "bat-dau"
        self.help_window.show_section(anchor)


    @property
    def start_page(self) -> StartPage | None:
        return self.start_switch.page


def wrap_bars(window) -> None:
    """The selector row and the filter row become rows that wrap (FlowLayout); a
    label stays with its field, the plan list and the search box take the room left."""
    ui = window.ui
    ui.searchEdit.setMinimumWidth(ui.searchEdit.fontMetrics().horizontalAdvance(SEARCH_MIN_TEXT) + 48)
    selector = _flow_in_place(ui.centralLayout, ui.selectorLayout)
    selector.add_widget(_pair(ui.planLabel, ui.planCombo), stretch=1)
    selector.add_widget(_pair(ui.viewLabel, ui.viewCombo))
    selector.add_widget(_pair(ui.asOfLabel, ui.asOfEdit))
    filters = _flow_in_place(ui.centralLayout, ui.filterLayout)
    filters.add_widget(ui.searchEdit, stretch=1)
    for widget in (ui.unitFilter, ui.statusFilter, ui.areaFilter, ui.overdueToggle, ui.dueSoonToggle):
        filters.add_widget(widget)


def keep_dock_narrow(window, dock, share: float = DOCK_SHARE) -> None:
    """A side panel takes at most `share` of the window's width, so the tree and
    the details keep most of a small screen."""
    if dock.isFloating():
        return
    widest = max(dock.minimumSizeHint().width(), int(window.width() * share))
    if dock.width() > widest:
        window.resizeDocks([dock], [widest], Qt.Orientation.Horizontal)


def _flow_in_place(parent: QBoxLayout, old: QBoxLayout) -> FlowLayout:
    """A FlowLayout where `old` was in `parent`; `old` is emptied and removed."""
    position = parent.indexOf(old)
    while old.count():
        old.takeAt(0)
    parent.removeItem(old)
    old.setParent(None)
    holder = QWidget()
    flow = FlowLayout(holder)
    flow.setContentsMargins(0, 0, 0, 0)
    parent.insertWidget(position, holder)
    return flow


def _pair(label, field) -> QWidget:
    pair = QWidget()
    layout = QHBoxLayout(pair)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.addWidget(label)
    layout.addWidget(field, 1)
    return pair



