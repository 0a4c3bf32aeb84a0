"""The main window: plan selector, task tree, filters, detail panel, menus, undo.

The window is composed of the Designer form (ui/main_window.ui) and the parts
in this package: the session (the open database, announcing every change), the
model (tree_model), the filter (filter_proxy), the detail HTML (detail_panel),
the undoable writes (commands), the backup, periodic-reporting and report parts
(built here, each given the menu it fills) and one module per dialog.

Every write goes through `perform` (or `push_done` for one made on a worker):
the session announces what changed, and the tree updates those rows in place.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtCore import QByteArray, QEvent, QModelIndex, QSize, Qt, QTimer
from PySide6.QtGui import QAction, QKeySequence, QUndoStack
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QLabel, QMainWindow, QMenu, QMessageBox

from kehoach_desktop import APP_TITLE, __version__
from kehoach_desktop.domain.areas import AREAS
from kehoach_desktop.domain.changes import ChangeSet
from kehoach_desktop.domain.judgement import DUE_SOON_DAYS
from kehoach_desktop.domain.models import Task
from kehoach_desktop.domain.statuses import ALL_STATUSES_LABEL, FILTER_CHOICES, Status, Timeliness
from kehoach_desktop.gui import commands, icons, screen_fit
from kehoach_desktop.gui.backup_actions import BackupActions
from kehoach_desktop.gui.commands import WriteCommand
from kehoach_desktop.gui.detail_panel import task_html
from kehoach_desktop.gui.evidence_files import EvidenceActions
from kehoach_desktop.gui.filter_proxy import TaskFilter, TaskFilterProxy, sort_printed_order
from kehoach_desktop.gui.forms.ui_main_window import Ui_MainWindow
from kehoach_desktop.gui.forms_actions import FormsActions
from kehoach_desktop.gui.report_actions import ReportActions
from kehoach_desktop.gui.session import Session
from kehoach_desktop.gui.ux_actions import UxActions
from kehoach_desktop.gui.settings import open_settings, value
from kehoach_desktop.gui.tree_model import COLUMNS, COL_CONTENT, NODE_ROLE, Node, TaskTreeModel, Updater, ViewMode
from kehoach_desktop.gui.widgets import VIETNAMESE, confirm, from_qdate, show_error, to_qdate
from kehoach_desktop.services import Outcome, ServiceError, Services

DEFAULT_WIDTHS = (118, 400, 150, 84, 170, 170, 150, 240)
# At start, the tasks read before the window first shows (the first sections as printed,
# enough to fill the screen); the rest are read right after the first paint.
FIRST_SCREEN_TASKS = 200

Focus = int | None | Callable[[Outcome[Any]], int | None]


class MainWindow(QMainWindow):
    def __init__(self, services: Services, db_path: Path, as_of: date | None = None):
        super().__init__()
        self.ui = Ui_MainWindow()
        self.ui.setupUi(self)
        self.session = Session(services, db_path, self)
        self.db_path = Path(db_path)
        self.settings = open_settings()
        self.undo_stack = QUndoStack(self)
        self.model = TaskTreeModel(self)
        self.updater = Updater(self.model)
        self.proxy = TaskFilterProxy(self)
        self.proxy.setSourceModel(self.model)
        self._filter_timer = QTimer(self, singleShot=True, interval=120)
        self._filter_timer.timeout.connect(self.apply_filter)
        self._search_keys_timer = QTimer(self, singleShot=True, interval=300)
        self._search_keys_timer.timeout.connect(self.model.search_keys)
        self.setWindowIcon(icons.app_icon())
        self.setAcceptDrops(True)
        self._setup_tree()
        self._setup_selectors(as_of or date.today())
        self._setup_filters()
        self._create_actions()
        self._create_menus()
        self._setup_status_bar()
        self._first_screen = True  # the first load reads only what the first screen shows
        self._partial = False  # the tree holds the first screen's tasks only
        self._summary_wanted = False
        self._create_parts()
        self.session.changed.connect(self._changed)
        self.session.reopened.connect(self._reopened)
        self.ui.taskTree.viewport().installEventFilter(self)
        self.ui.summaryCloseButton.clicked.connect(self.ui.summaryBanner.hide)
        self.ui.summaryLabel.linkActivated.connect(self._show_summary_tasks)
        self.ui.summaryIcon.setPixmap(icons.icon("due_soon").pixmap(16, 16))
        self.restore_state()
        self.reload_plans(select=value(self.settings, "view/plan"))
        self.update_window_title()

    # --- set-up -------------------------------------------------------------------------------

    def _setup_tree(self) -> None:
        tree = self.ui.taskTree
        tree.setModel(self.proxy)
        tree.setUniformRowHeights(True)  # one line per row: fast with 10,000 rows; full text in tooltips
        tree.setWordWrap(False)
        tree.setTextElideMode(Qt.TextElideMode.ElideRight)
        tree.setExpandsOnDoubleClick(False)
        tree.setIndentation(14)
        tree.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        header = tree.header()
        header.setSectionsMovable(True)
        header.setStretchLastSection(False)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        for column, width in enumerate(DEFAULT_WIDTHS):
            header.resizeSection(column, width)
        header.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        header.customContextMenuRequested.connect(self._header_menu)
        header.setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
        tree.selectionModel().currentRowChanged.connect(self._current_changed)
        tree.activated.connect(lambda _index: self.edit_task())
        tree.customContextMenuRequested.connect(self._tree_menu)
        # Every rebuild of the proxy (reload, filter, sort) keeps the groups the user closed.
        self._collapsed: set = set()
        self.proxy.modelAboutToBeReset.connect(self._remember_collapsed)
        self.proxy.modelReset.connect(self._after_reset)
        self.ui.mainSplitter.setStretchFactor(0, 3)
        self.ui.mainSplitter.setStretchFactor(1, 1)
        self.ui.mainSplitter.setSizes([1000, 340])

    def _setup_selectors(self, as_of: date) -> None:
        ui = self.ui
        for mode in ViewMode:
            ui.viewCombo.addItem(mode.label, mode.value)
        mode = value(self.settings, "view/mode")
        ui.viewCombo.setCurrentIndex(max(0, ui.viewCombo.findData(mode)))
        ui.asOfEdit.setLocale(VIETNAMESE)
        ui.asOfEdit.calendarWidget().setLocale(VIETNAMESE)
        ui.asOfEdit.setDate(to_qdate(as_of))
        for signal in (ui.planCombo.currentIndexChanged, ui.viewCombo.currentIndexChanged, ui.asOfEdit.dateChanged):
            signal.connect(lambda *_: self.load_view())

    def _setup_filters(self) -> None:
        ui = self.ui
        ui.statusFilter.addItem(ALL_STATUSES_LABEL, None)
        for code, label in FILTER_CHOICES:
            ui.statusFilter.addItem(label, code)
        ui.areaFilter.addItem("Mọi lĩnh vực", None)
        for item in AREAS:
            ui.areaFilter.addItem(item.short_name, item.code)
        self.reload_unit_filter()
        ui.searchEdit.textChanged.connect(lambda: self._filter_timer.start())
        for combo in (ui.unitFilter, ui.statusFilter, ui.areaFilter):
            combo.currentIndexChanged.connect(self.apply_filter)
        ui.overdueToggle.toggled.connect(self.apply_filter)
        ui.dueSoonToggle.toggled.connect(self.apply_filter)

    def _setup_status_bar(self) -> None:
        self.totals_label = QLabel()
        self.as_of_label = QLabel()
        self.ui.statusBar.addWidget(self.totals_label, 1)
        self.ui.statusBar.addPermanentWidget(self.as_of_label)

    def _action(self, text: str, slot, shortcut=None, tip: str = "", icon: str | None = None) -> QAction:
        action = QAction(text, self)
        if shortcut:
            keys = shortcut if isinstance(shortcut, list) else [shortcut]
            action.setShortcuts([QKeySequence(key) for key in keys])
        if tip:
            action.setStatusTip(tip)
            action.setToolTip(tip)
        if icon:
            action.setIcon(icons.icon(icon))
        action.triggered.connect(slot)
        return action

    def _create_actions(self) -> None:
        key = QKeySequence.StandardKey
        self.import_action = self._action("&Nhập kế hoạch…", self.open_import, "Ctrl+I",
                                          "Nhập kế hoạch từ tệp Word, Excel hoặc bảng dán vào")  # fmt: skip
        self.plan_info_action = self._action("&Thông tin kế hoạch…", self.edit_plan_info, "Ctrl+Shift+I")
        self.delete_plan_action = self._action("&Xóa kế hoạch…", self.delete_plan)
        self.units_action = self._action("&Danh mục đơn vị…", self.open_units, "Ctrl+Shift+U")
        self.quit_action = self._action("T&hoát", self.close, key.Quit)
        self.undo_action = self.undo_stack.createUndoAction(self, "&Hoàn tác")
        self.undo_action.setShortcuts([QKeySequence("Ctrl+Z")])
        self.redo_action = self.undo_stack.createRedoAction(self, "&Làm lại")
        self.redo_action.setShortcuts([QKeySequence("Ctrl+Y"), QKeySequence("Ctrl+Shift+Z")])
        self.new_task_action = self._action("&Thêm nhiệm vụ…", self.add_task, "Ctrl+N")
        self.new_subtask_action = self._action("Thêm nhiệm vụ &con…", self.add_subtask, "Ctrl+Shift+N")
        self.edit_task_action = self._action("&Sửa nhiệm vụ…", self.edit_task, "F2", "Sửa nhiệm vụ (Enter hoặc F2)")
        self.delete_task_action = self._action("&Xóa nhiệm vụ", self.delete_task, "Delete")
        self.delete_task_action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.ui.taskTree.addAction(self.delete_task_action)
        self.move_up_action = self._action("Chuyển &lên", lambda: self.move_task(-1), "Ctrl+Up")
        self.move_down_action = self._action("Chuyển &xuống", lambda: self.move_task(+1), "Ctrl+Down")
        self.indent_action = self._action("Làm nhiệm vụ co&n (thụt vào)", self.indent_task, "Ctrl+Right")
        self.outdent_action = self._action("Đưa ra &ngoài (thụt ra)", self.outdent_task, "Ctrl+Left")
        self.progress_action = self._action("&Cập nhật tiến độ…", self.record_progress, "Ctrl+U", icon="in_progress")
        self.find_action = self._action("&Tìm", self.focus_search, key.Find)
        self.printed_order_action = self._action("Thứ tự như &bản in", self.printed_order)
        self.expand_action = self._action("&Mở rộng tất cả", lambda: self.expand(set()))
        self.collapse_action = self._action("Th&u gọn tất cả", self.collapse_to_groups)
        self.summary_action = self._action("Thông báo &quá hạn, sắp đến hạn", self.show_summary)
        self.view_actions = []
        for number, mode in enumerate(ViewMode, start=1):
            action = self._action(f"Theo {mode.label.lower()}", lambda _=False, m=mode: self.set_mode(m), f"Ctrl+{number}")
            self.view_actions.append(action)
        self.about_action = self._action("&Giới thiệu", self.about)

    def _create_menus(self) -> None:
        bar = self.ui.menuBar
        file_menu = bar.addMenu("&Tệp")
        for action in (self.import_action, self.plan_info_action, self.delete_plan_action, None, self.quit_action):
            file_menu.addSeparator() if action is None else file_menu.addAction(action)
        self.file_menu = file_menu
        edit_menu = bar.addMenu("&Sửa")
        for action in (self.undo_action, self.redo_action, None, self.new_task_action, self.new_subtask_action,
                       self.edit_task_action, self.delete_task_action, None, self.move_up_action,
                       self.move_down_action, self.indent_action, self.outdent_action, None,
                       self.progress_action):  # fmt: skip
            edit_menu.addSeparator() if action is None else edit_menu.addAction(action)
        view_menu = bar.addMenu("&Xem")
        for action in (self.find_action, None, *self.view_actions, None, self.printed_order_action,
                       self.expand_action, self.collapse_action, None, self.summary_action):  # fmt: skip
            view_menu.addSeparator() if action is None else view_menu.addAction(action)
        self.columns_menu = view_menu.addMenu("&Cột hiển thị")
        self.columns_menu.aboutToShow.connect(lambda: self._fill_columns_menu(self.columns_menu))
        self.view_menu = view_menu
        self.catalog_menu = bar.addMenu("&Danh mục")
        self.catalog_menu.addAction(self.units_action)
        self.reports_menu = bar.addMenu("&Báo cáo")
        self.reports_menu.setObjectName("reportsMenu")
        self.periodic_menu = bar.addMenu("Báo &cáo định kỳ")
        self.periodic_menu.setObjectName("periodicReportsMenu")
        self.help_menu = bar.addMenu("Trợ &giúp")
        self.help_menu.addAction(self.about_action)
        toolbar = self.addToolBar("Thanh công cụ")
        toolbar.setObjectName("mainToolbar")
        toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        for action in (self.import_action, self.new_task_action, self.edit_task_action, self.progress_action,
                       self.undo_action, self.redo_action):  # fmt: skip
            toolbar.addAction(action)

    def _create_parts(self) -> None:
        """The parts in their own modules, each given what it fills. Files dropped on
        the window are offered to each drop handler in turn (one returning True takes
        them; else they are imported as a plan); each detail section adds HTML under
        a task's details."""
        self.backup_actions = BackupActions(self, self.file_menu, before=self.quit_action)
        self.forms_actions = FormsActions(self, self.periodic_menu, self.view_menu)
        self.report_actions = ReportActions(self, self.reports_menu)
        # fit, remembered view, help, start page (issue 16); after the others, whose actions it uses
        self.ux_actions = UxActions(self, self.help_menu, self.catalog_menu)
        self.evidence_actions = EvidenceActions(self, self.file_menu, before=self.backup_actions.backup_action)
        self.drop_handlers: list[Callable[[list[Path]], bool]] = [self.forms_actions.take_dropped]
        self.detail_sections: list[Callable[[Task], str]] = [
            self.forms_actions.detail_section, self.evidence_actions.detail_section,
        ]  # fmt: skip

    @property
    def services(self) -> Services:
        """The services of the file open now (the session may reopen it)."""
        return self.session.services

    # --- state --------------------------------------------------------------------------------

    def restore_state(self) -> None:
        fit_geometry = lambda saved: screen_fit.restore_geometry(self, saved)  # noqa: E731 (clamped to today's screen)
        for key, setter in (("window/geometry", fit_geometry), ("window/state", self.restoreState),
                            ("window/splitter", self.ui.mainSplitter.restoreState),
                            ("tree/header", self.ui.taskTree.header().restoreState)):  # fmt: skip
            stored = self.settings.value(key)
            if isinstance(stored, QByteArray) and not stored.isEmpty():
                setter(stored)
        if self.settings.value("window/geometry") is None:
            screen_fit.fit_window(self, QSize(1400, 860))

    def save_state(self) -> None:
        self.settings.setValue("window/geometry", self.saveGeometry())
        self.settings.setValue("window/state", self.saveState())
        self.settings.setValue("window/splitter", self.ui.mainSplitter.saveState())
        self.settings.setValue("tree/header", self.ui.taskTree.header().saveState())
        self.settings.setValue("view/mode", self.ui.viewCombo.currentData())
        selection = self.ui.planCombo.currentData()
        self.settings.setValue("view/plan", f"{selection[0]}:{selection[1]}" if selection else "")
        self.settings.sync()

    def closeEvent(self, event) -> None:  # noqa: N802
        self.save_state()
        super().closeEvent(event)

    # --- plans and the view -------------------------------------------------------------------------------

    @property
    def as_of(self) -> date:
        return from_qdate(self.ui.asOfEdit.date())

    @property
    def mode(self) -> ViewMode:
        return ViewMode(self.ui.viewCombo.currentData())

    def reload_plans(self, select: str | None = None) -> None:
        """Fill the plan selector: each year's "all plans" entry, then its plans."""
        combo = self.ui.planCombo
        previous = select or self._selection_key()
        combo.blockSignals(True)
        combo.clear()
        plans = self.services.plans.list_plans()
        for year in sorted({p.year for p in plans}, reverse=True):
            of_year = [p for p in plans if p.year == year]
            combo.addItem(f"Tất cả kế hoạch năm {year} ({len(of_year)} kế hoạch)", ("year", year))
            for summary in of_year:
                label = summary.title or summary.doc_number or f"Kế hoạch số {summary.id}"
                combo.addItem(f"    {label}", ("plan", summary.id))
                combo.setItemData(combo.count() - 1, summary.title, Qt.ItemDataRole.ToolTipRole)
        index = self._index_for_key(previous) if previous else -1
        if index < 0 and plans:
            index = 1 if len([p for p in plans if p.year == plans[0].year]) == 1 else 0
        combo.setCurrentIndex(max(index, 0) if plans else -1)
        combo.blockSignals(False)
        self._update_enabled()
        self.load_view()

    def _selection_key(self) -> str:
        data = self.ui.planCombo.currentData()
        return f"{data[0]}:{data[1]}" if data else ""

    def _index_for_key(self, key: str) -> int:
        for index in range(self.ui.planCombo.count()):
            data = self.ui.planCombo.itemData(index)
            if data and f"{data[0]}:{data[1]}" == key:
                return index
        return -1

    def selected_plan_ids(self) -> list[int]:
        data = self.ui.planCombo.currentData()
        if not data:
            return []
        if data[0] == "plan":
            return [data[1]]
        return [p.id for p in self.services.plans.list_plans() if p.year == data[1]]

    def load_view(self, keep_task: int | None = None) -> None:
        """(Re)build the tree from the database, keeping the selection and open groups.

        The first time, with many tasks, only the first screen's tasks are read; the
        rest follow once the window has painted (`eventFilter`)."""
        if keep_task is None:
            keep_task = self.current_task_id()
        ids = self.selected_plan_ids()
        tree = None
        if self._first_screen and self.mode is ViewMode.BY_PLAN:
            tree = self.services.plans.first_screen(ids, FIRST_SCREEN_TASKS)
        self._first_screen = False
        self._partial = tree is not None
        self.model.partial = self._partial
        self.model.load(tree or self.services.plans.tree(ids), self.mode, self.as_of)
        self.update_totals()
        # Fold the search texts while the user reads, not on the first keystroke.
        self._search_keys_timer.start()
        if keep_task is not None:
            self.select_task(keep_task)
        self.as_of_label.setText(f"Ngày tính: {self.as_of:%d/%m/%Y}")
        self._update_enabled()
        self.update_window_title()

    def _collapsed_groups(self) -> set:
        collapsed = set()
        for node in self.model.iter_groups():
            index = self.proxy.mapFromSource(self.model.group_index(node))
            if index.isValid() and not self.ui.taskTree.isExpanded(index):
                collapsed.add(node.ref)
        return collapsed

    def set_mode(self, mode: ViewMode) -> None:
        self.ui.viewCombo.setCurrentIndex(self.ui.viewCombo.findData(mode.value))

    def _remember_collapsed(self) -> None:
        self._collapsed = self._collapsed_groups()

    def _after_reset(self) -> None:
        self.expand(set() if self.proxy.task_filter.active else self._collapsed)

    # --- filtering --------------------------------------------------------------------------------

    def reload_unit_filter(self) -> None:
        combo = self.ui.unitFilter
        current = combo.currentData()
        combo.blockSignals(True)
        combo.clear()
        combo.addItem("Mọi đơn vị", None)
        for unit in self.services.units.list_units():
            combo.addItem(unit.name, unit.id)
        combo.setCurrentIndex(max(0, combo.findData(current)))
        combo.blockSignals(False)

    def current_filter(self) -> TaskFilter:
        ui = self.ui
        return TaskFilter.build(
            ui.searchEdit.text(),
            unit_id=ui.unitFilter.currentData(),
            status=ui.statusFilter.currentData(),
            area_code=ui.areaFilter.currentData(),
            overdue=ui.overdueToggle.isChecked(),
            due_soon=ui.dueSoonToggle.isChecked(),
        )

    def apply_filter(self) -> None:
        self.proxy.set_filter(self.current_filter())
        self.update_totals()

    def expand(self, collapsed: set) -> None:
        """Open every group and parent task, except the groups the user had closed.

        Only rows with children are touched: expandAll() would visit 10,000 rows."""
        tree = self.ui.taskTree
        for index in self.proxy.expandable_indexes():
            node: Node = index.data(NODE_ROLE)
            tree.setExpanded(index, node.is_task or node.ref not in collapsed)

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 (Qt naming)
        """After the first paint of a partly read tree, read the rest."""
        if self._partial and watched is self.ui.taskTree.viewport() and event.type() == QEvent.Type.Paint:
            QTimer.singleShot(0, self._load_rest)
        return super().eventFilter(watched, event)

    def _load_rest(self) -> None:
        if self._partial:
            self.load_view()
            if self._summary_wanted:
                self.show_summary()

    def update_totals(self) -> None:
        if self._partial:
            self.totals_label.setText("Đang đọc các nhiệm vụ…")
            return
        if self.proxy.task_filter.active:
            tally = Counter((key, value) for node in self.proxy.matching_nodes()
                            for key, value in (("timeliness", node.timeliness), ("status", node.task.status)))  # fmt: skip
        else:
            tally = self.model.tally  # kept current by the model: no walk over every row
        shown = "Đang hiện" if self.proxy.task_filter.active else "Tổng"
        total = sum(count for (key, _), count in tally.items() if key == "status")
        done = tally[("timeliness", Timeliness.DONE_ON_TIME)] + tally[("timeliness", Timeliness.DONE_LATE)]
        doing = tally[("status", Status.IN_PROGRESS)]
        overdue = tally[("timeliness", Timeliness.OVERDUE)]
        self.totals_label.setText(
            f"{shown}: {total} nhiệm vụ · hoàn thành {done} · đang thực hiện {doing} · quá hạn {overdue}"
        )

    def focus_search(self) -> None:
        self.ui.searchEdit.setFocus()
        self.ui.searchEdit.selectAll()

    def printed_order(self) -> None:
        sort_printed_order(self.ui.taskTree, self.proxy)

    def collapse_to_groups(self) -> None:
        self.ui.taskTree.collapseAll()
        for row in range(self.proxy.rowCount()):
            self.ui.taskTree.expand(self.proxy.index(row, 0))

    # --- the summary banner ------------------------------------------------------------------

    def show_summary(self) -> None:
        self._summary_wanted = self._partial  # shown once every task is read
        if self._partial:
            return
        tally = self.model.tally
        overdue, soon = tally[("timeliness", Timeliness.OVERDUE)], tally[("timeliness", Timeliness.DUE_SOON)]
        if not self.model.task_nodes():
            self.ui.summaryBanner.hide()
            return
        if overdue or soon:
            text = (f"Tính đến ngày {self.as_of:%d/%m/%Y}: <b>{overdue}</b> nhiệm vụ quá hạn, <b>{soon}</b> nhiệm vụ "
                    f"sắp đến hạn trong {DUE_SOON_DAYS} ngày tới. <a href='show'>Xem các nhiệm vụ này</a>")  # fmt: skip
            self.ui.summaryIcon.setPixmap(icons.icon("overdue" if overdue else "due_soon").pixmap(16, 16))
        else:
            text = f"Tính đến ngày {self.as_of:%d/%m/%Y}: không có nhiệm vụ quá hạn hay sắp đến hạn."
            self.ui.summaryIcon.setPixmap(icons.icon("done").pixmap(16, 16))
        self.ui.summaryLabel.setText(text)
        self.ui.summaryBanner.show()

    def _show_summary_tasks(self, _link: str = "") -> None:
        self.ui.overdueToggle.setChecked(True)
        self.ui.dueSoonToggle.setChecked(True)

    # --- selection and details -------------------------------------------------------------------

    def current_node(self) -> Node | None:
        index = self.ui.taskTree.currentIndex()
        return index.data(NODE_ROLE) if index.isValid() else None

    def current_task(self) -> Task | None:
        node = self.current_node()
        return node.task if node is not None and node.is_task else None

    def current_task_id(self) -> int | None:
        task = self.current_task()
        return task.id if task else None

    def select_task(self, task_id: int) -> bool:
        source = self.model.index_of_task(task_id)
        index = self.proxy.mapFromSource(source)
        if not index.isValid():
            return False
        tree = self.ui.taskTree
        tree.setCurrentIndex(index)
        tree.scrollTo(index, QAbstractItemView.ScrollHint.EnsureVisible)
        return True

    def _current_changed(self, *args) -> None:
        self._update_enabled()
        self.show_details()

    def show_details(self) -> None:
        task = self.current_task()
        view = self.ui.detailView
        if task is None:
            view.clear()
            return
        tree = self.model.tree
        section = tree.section_by_id[task.section_id]
        plan = tree.plan_by_id[task.plan_id]
        html = task_html(task, section, plan, self.services.progress.history(task.id), self.as_of)
        view.setHtml(html + "".join(section_html(task) for section_html in self.detail_sections))

    def _update_enabled(self) -> None:
        has_plans = self.ui.planCombo.count() > 0
        task = self.current_task()
        single_plan = len(self.selected_plan_ids()) == 1
        for action in (self.edit_task_action, self.delete_task_action, self.progress_action,
                       self.new_subtask_action, self.move_up_action, self.move_down_action,
                       self.indent_action, self.outdent_action):  # fmt: skip
            action.setEnabled(task is not None)
        self.new_task_action.setEnabled(has_plans)
        self.plan_info_action.setEnabled(single_plan or task is not None)
        self.delete_plan_action.setEnabled(single_plan)

    # --- menus on the tree and header ------------------------------------------------------------

    def _tree_menu(self, position) -> None:
        menu = QMenu(self)
        for action in (self.edit_task_action, self.progress_action, None, self.new_task_action,
                       self.new_subtask_action, self.delete_task_action, None, self.move_up_action,
                       self.move_down_action, self.indent_action, self.outdent_action):  # fmt: skip
            menu.addSeparator() if action is None else menu.addAction(action)
        menu.exec(self.ui.taskTree.viewport().mapToGlobal(position))

    def _header_menu(self, position) -> None:
        menu = QMenu(self)
        self._fill_columns_menu(menu)
        menu.exec(self.ui.taskTree.header().mapToGlobal(position))

    def _fill_columns_menu(self, menu: QMenu) -> None:
        menu.clear()
        header = self.ui.taskTree.header()
        for column, name in enumerate(COLUMNS):
            action = menu.addAction(name)
            action.setCheckable(True)
            action.setChecked(not header.isSectionHidden(column))
            action.setEnabled(column != COL_CONTENT)  # the task text always shows
            action.toggled.connect(lambda shown, c=column: header.setSectionHidden(c, not shown))

    # --- writes: performed, announced, undoable ---------------------------------------------------

    def perform(
        self,
        text: str,
        write: Callable[[Services], Outcome[Any]],
        *,
        focus_undone: int | None = None,
        focus_done: Focus = None,
        report: Callable[[str], None] | None = None,
    ) -> Outcome[Any] | None:
        """Do one write and put it on the undo stack as `text`.

        A refused write (ServiceError: bad input, the database unchanged) is told to
        the user (`report`, else a message box on the window) and returns None; a
        storage failure (disk full, file gone) goes on to the window's handler of
        those. After the write, and after each undo or redo of it, the session
        announces what changed and the task `focus_done` / `focus_undone` is selected
        (`focus_done` may be a function of the outcome: the id of a new task).
        """
        try:
            outcome = self.session.write(write)
        except ServiceError as exc:
            (report or self.report_error)(str(exc))
            return None
        self.push_done(text, outcome, focus_undone=focus_undone, focus_done=focus_done, announce=False)
        return outcome

    def push_done(
        self, text: str, outcome: Outcome[Any], *, focus_undone: int | None = None, focus_done: Focus = None,
        announce: bool = True,
    ) -> None:  # fmt: skip
        """A write already done (on a worker, with its own connection): announce it and
        make it undoable."""
        if announce:
            self.session.announce(outcome.changes)
        done = focus_done(outcome) if callable(focus_done) else focus_done
        if outcome.undo is not None:
            self.undo_stack.push(WriteCommand(self, text, outcome, focus_undone=focus_undone, focus_done=done))
        self.focus_task(done)

    def focus_task(self, task_id: int | None) -> None:
        if task_id is not None:
            self.select_task(task_id)

    def report_error(self, message: str) -> None:
        show_error(self, message)

    def _changed(self, changes: ChangeSet) -> None:
        """Every part of the window that shows what changed, updated in place."""
        if changes.units:
            self.reload_unit_filter()
        if changes.plans or self._partial:
            self.reload_plans()
        else:
            ids = set(changes.tasks_added | changes.tasks_changed)
            if changes.units:
                ids |= self.model.task_ids_linked_to(changes.units)
            tasks = self.services.tasks.get_many(ids) if ids else []
            if not self.updater.apply(tasks, changes.tasks_removed):
                self.load_view()
        self.update_totals()
        if self.ui.summaryBanner.isVisible():
            self.show_summary()
        current = self.current_task_id()
        if current is not None and (current in changes.tasks or current in changes.progress or changes.units):
            self.show_details()
        self._update_enabled()

    def _reopened(self) -> None:
        """The file was replaced (a backup restored): everything again. The undo steps
        named rows of the data replaced, so they go."""
        self.undo_stack.clear()
        self.reload_unit_filter()
        self.reload_plans()
        self.show_summary()

    @staticmethod
    def _run_dialog(dialog) -> bool:
        """exec() a dialog; it is deleted once control returns to the event loop,
        so the caller can still read its fields now."""
        try:
            return bool(dialog.exec())
        finally:
            dialog.deleteLater()

    def _plan_for_new_task(self):
        """(plan, section, parent task) a new task goes into, from the selection."""
        tree = self.model.tree
        task = self.current_task()
        node = self.current_node()
        if task is not None:
            return tree.plan_by_id[task.plan_id], tree.section_by_id[task.section_id], task
        if node is not None and node.ref[:1] == ("section",):
            section = tree.section_by_id[node.ref[1]]
            return tree.plan_by_id[section.plan_id], section, None
        for plan in tree.plans:
            sections = tree.ordered_sections(plan.id)
            if sections:
                return plan, sections[0], None
        return None, None, None

    def add_task(self, as_child: bool = False) -> None:
        from kehoach_desktop.gui.task_dialog import TaskDialog

        plan, section, selected = self._plan_for_new_task()
        if plan is None:
            show_error(self, "Kế hoạch chưa có mục nào để thêm nhiệm vụ. Hãy nhập kế hoạch trước.")
            return
        parent_task = selected if as_child else (self.model.tree.task_by_id.get(selected.parent_id) if selected else None)
        dialog = TaskDialog(self, self.services, self.model.tree, plan, section=section, parent_task=parent_task)
        if not self._run_dialog(dialog):
            return
        edit = dialog.result_edit()
        siblings_after = None
        if selected is not None and not as_child and edit.section_id == selected.section_id \
                and edit.parent_id == selected.parent_id:  # fmt: skip
            siblings_after = self.services.tasks.siblings(selected.id).index(selected.id) + 1
        self.perform(
            "Thêm nhiệm vụ",
            lambda services: services.tasks.add(edit.section_id, edit.parent_id, siblings_after, edit.units, **edit.values),
            focus_undone=selected.id if selected else None,
            focus_done=lambda outcome: outcome.value,
        )

    def add_subtask(self) -> None:
        self.add_task(as_child=True)

    def edit_task(self) -> None:
        from kehoach_desktop.gui.task_dialog import TaskDialog

        task = self.current_task()
        if task is None:
            node = self.current_node()
            if node is not None:
                index = self.ui.taskTree.currentIndex()
                self.ui.taskTree.setExpanded(index, not self.ui.taskTree.isExpanded(index))
            return
        task = self.services.tasks.get(task.id)
        plan = self.model.tree.plan_by_id[task.plan_id]
        dialog = TaskDialog(self, self.services, self.model.tree, plan, task=task)
        if not self._run_dialog(dialog):
            return
        edit = dialog.result_edit()
        new = {name: v for name, v in edit.values.items() if v != getattr(task, name)}
        units_changed = edit.units_differ(task)
        moved = (edit.section_id, edit.parent_id) != (task.section_id, task.parent_id)
        if not (new or units_changed or moved):
            return
        place = None
        if moved:
            place = (edit.section_id, edit.parent_id, len(self.services.tasks.siblings_in(edit.section_id, edit.parent_id)))
        self.perform(
            "Sửa nhiệm vụ",
            lambda services: services.tasks.edit(task.id, new, edit.units if units_changed else None, place),
            focus_undone=task.id,
            focus_done=task.id,
        )

    def delete_task(self) -> None:
        task = self.current_task()
        if task is None:
            return
        children = len(self.model.tree.children(task))
        extra = f" cùng {children} nhiệm vụ con" if children else ""
        if not confirm(self, "Xóa nhiệm vụ", f"Xóa nhiệm vụ «{task.number} {task.content[:80]}»{extra}?\n"
                                             "Có thể hoàn tác bằng Ctrl+Z.", yes="Xóa"):  # fmt: skip
            return
        neighbour = self._neighbour_of(task)
        self.perform(
            "Xóa nhiệm vụ", lambda services: services.tasks.delete(task.id), focus_undone=task.id, focus_done=neighbour
        )

    def _neighbour_of(self, task: Task) -> int | None:
        siblings = self.services.tasks.siblings(task.id)
        index = siblings.index(task.id)
        if index + 1 < len(siblings):
            return siblings[index + 1]
        if index > 0:
            return siblings[index - 1]
        return task.parent_id

    def _move(self, text: str, task: Task, section_id: int, parent_id: int | None, position: int) -> None:
        self.perform(
            text,
            lambda services: services.tasks.move(task.id, section_id=section_id, parent_id=parent_id, position=position),
            focus_undone=task.id,
            focus_done=task.id,
        )

    def move_task(self, step: int) -> None:
        task = self.current_task()
        if task is None:
            return
        siblings = self.services.tasks.siblings(task.id)
        index = siblings.index(task.id) + step
        if 0 <= index < len(siblings):
            self._move("Chuyển nhiệm vụ", task, task.section_id, task.parent_id, index)

    def indent_task(self) -> None:
        """Make the task a sub-task of the sibling above it."""
        task = self.current_task()
        if task is None:
            return
        siblings = self.services.tasks.siblings(task.id)
        index = siblings.index(task.id)
        if index == 0:
            show_error(self, "Không có nhiệm vụ nào ở trên để làm nhiệm vụ cha.")
            return
        new_parent = siblings[index - 1]
        end = len(self.services.tasks.siblings_in(task.section_id, new_parent))
        self._move("Thụt vào thành nhiệm vụ con", task, task.section_id, new_parent, end)

    def outdent_task(self) -> None:
        """Make a sub-task a sibling of its parent, just after it."""
        task = self.current_task()
        if task is None or task.parent_id is None:
            return
        parent = self.services.tasks.get(task.parent_id)
        position = self.services.tasks.siblings(parent.id).index(parent.id) + 1
        self._move("Đưa ra ngoài", task, task.section_id, parent.parent_id, position)

    def record_progress(self) -> None:
        from kehoach_desktop.gui.progress_dialog import ProgressDialog

        task = self.current_task()
        if task is None:
            return
        dialog = ProgressDialog(self, self.services, self.services.tasks.get(task.id), today=self.as_of)
        if not self._run_dialog(dialog):
            return
        update = dialog.result_update()
        self.perform(
            "Cập nhật tiến độ", lambda services: services.progress.record(update), focus_undone=task.id, focus_done=task.id
        )

    # --- plans -----------------------------------------------------------------------------------

    def _plan_in_focus(self):
        ids = self.selected_plan_ids()
        task = self.current_task()
        plan_id = task.plan_id if task else (ids[0] if len(ids) == 1 else None)
        return self.services.plans.get(plan_id) if plan_id else None

    def edit_plan_info(self) -> None:
        from kehoach_desktop.gui.plan_info_dialog import PlanInfoDialog

        plan = self._plan_in_focus()
        if plan is None:
            return
        dialog = PlanInfoDialog(self, plan)
        if not self._run_dialog(dialog):
            return
        new = dialog.changes()
        if new:
            self.perform("Sửa thông tin kế hoạch", lambda services: services.plans.update_header(plan.id, **new))

    def delete_plan(self) -> None:
        plan = self._plan_in_focus()
        if plan is None:
            return
        message = (f"Xóa kế hoạch «{plan.title or plan.doc_number}» cùng mọi nhiệm vụ, tiến độ và tài liệu "
                   "kiểm chứng của nó? Có thể hoàn tác bằng Ctrl+Z (bản sao lưu tự động vẫn còn).")  # fmt: skip
        if confirm(self, "Xóa kế hoạch", message, yes="Xóa kế hoạch"):
            self.perform("Xóa kế hoạch", lambda services: services.plans.delete(plan.id))

    def set_up_organization(self) -> None:
        """Khai báo cơ cấu tổ chức: from a list while the Sở has no organization yet;
        the directory dialog afterwards. One undo step either way."""
        from kehoach_desktop.gui.organization_dialog import UnitListDialog

        if self.services.organization.is_set_up():
            self.open_units()
            return
        before = self.services.organization.snapshot()
        dialog = UnitListDialog(self, self.services, plan_units=self._plan_unit_names())
        if self._run_dialog(dialog) and dialog.applied:
            self._organization_edited(before)

    def _plan_unit_names(self) -> list[str]:
        return [e.name for e in self.services.organization.listing() if e.kind.value == "unit"]

    def open_units(self) -> None:
        """Danh mục đơn vị (the organization): the whole visit is one step of the undo."""
        from kehoach_desktop.gui.organization_dialog import OrganizationDialog

        before = self.services.organization.snapshot()
        dialog = OrganizationDialog(self, self.services)
        self._run_dialog(dialog)
        if dialog.changed:
            self._organization_edited(before)

    def _organization_edited(self, before) -> None:
        after = self.services.organization.snapshot()
        self.undo_stack.push(commands.EditOrganization(self, before, after))
        self.session.announce(self.services.organization.changes(before, after))

    def open_import(self, initial_file: Path | None = None) -> None:
        from kehoach_desktop.gui.import_dialog import ImportDialog

        dialog = ImportDialog(self, self.db_path, initial_file if isinstance(initial_file, Path) else None, self.services)
        if self._run_dialog(dialog) and dialog.imported is not None:
            self.push_done("Nhập kế hoạch", dialog.imported)
            self.reload_plans(select=f"plan:{dialog.imported.value}")
            self.statusBar().showMessage("Đã nhập kế hoạch. Hoàn tác: Ctrl+Z.", 5000)

    def dragEnterEvent(self, event) -> None:  # noqa: N802
        if event.mimeData().hasUrls():
            event.acceptProposedAction()

    def dropEvent(self, event) -> None:  # noqa: N802
        files = [Path(url.toLocalFile()) for url in event.mimeData().urls() if url.isLocalFile()]
        if files:
            self.open_files(files)

    def open_files(self, files: list[Path]) -> None:
        """Files dropped on the window: a part that knows them takes them, else import a plan."""
        for handler in self.drop_handlers:
            if handler(files):
                return
        self.open_import(files[0])

    # --- misc ------------------------------------------------------------------------------------

    def update_window_title(self) -> None:
        self.setWindowTitle(f"{self.ui.planCombo.currentText().strip() or 'Chưa có kế hoạch'} — {APP_TITLE}")

    def about(self) -> None:
        QMessageBox.about(
            self,
            "Giới thiệu",
            f"<b>{APP_TITLE}</b> — phiên bản {__version__}<br><br>"
            "Theo dõi, đôn đốc và tổng hợp việc thực hiện các Kế hoạch cải cách hành chính của Sở; "
            "in báo cáo theo thể thức Nghị định 30/2020/NĐ-CP.<br><br>"
            f"Tệp dữ liệu: {self.db_path}",
        )
