"""The window's periodic reporting part, built by the main window with the menu it fills:

- the menu «Báo cáo định kỳ»: the tracking table to Excel, the unit forms out, the
  filled forms back in (preview, then all or nothing, undoable with Ctrl+Z);
- filled forms dropped on the window open that preview (a plan .xlsx still goes
  to the plan import);
- the dock «Tình hình báo cáo» (Xem menu, F8): units đã / chưa báo cáo in a period,
  refreshed when the session announces a change of progress;
- a detail section: each unit's answer on the selected task.

The period the user last worked with (forms sent, forms loaded, the panel) is
remembered while it lies in the year of the plan in focus; otherwise it is the
default month (gui/period_defaults.py: the month just ended, within the plan's
year), because units report every month ("ngày 25 hằng tháng") and quarters are
a sum of months.
"""

from __future__ import annotations

import zipfile
from pathlib import Path

from PySide6.QtCore import QObject, Qt, QTimer
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMenu

from kehoach_desktop.domain.changes import ChangeSet
from kehoach_desktop.domain.models import Task
from kehoach_desktop.domain.periods import Period
from kehoach_desktop.gui import period_defaults
from kehoach_desktop.gui.period_picker import period_or_none
from kehoach_desktop.gui.reporting_panel import ReportingCache, ReportingPanel, task_section_html

# Kept in step with exporters/unit_forms.py (IDENTITY_SHEET), not imported from it:
# that module pulls in openpyxl, which the window should not load at start.
IDENTITY_SHEET = "_dinh_danh"
PERIOD_KEY = "forms/period"
EXPORT_FOLDER_KEY = "forms/export_folder"
IMPORT_FOLDER_KEY = "forms/import_folder"
MAX_WORKBOOK_XML = 5_000_000  # bytes of xl/workbook.xml read to recognise a form


def looks_like_form(path: Path) -> bool:
    """A unit form, judged cheaply: an .xlsx whose workbook lists the identity sheet.
    A damaged or disguised file is not a form here; the plan import explains it."""
    if path.suffix.lower() != ".xlsx" or not path.is_file():
        return False
    try:
        with zipfile.ZipFile(path) as package:
            info = package.getinfo("xl/workbook.xml")
            if info.file_size > MAX_WORKBOOK_XML:
                return False
            return f'"{IDENTITY_SHEET}"'.encode() in package.read(info)
    except (OSError, KeyError, ValueError, zipfile.BadZipFile, RuntimeError, NotImplementedError):
        return False


class FormsActions(QObject):
    def __init__(self, window, menu: QMenu, view_menu: QMenu):
        """`window`: the main window (its session, selection, settings and `perform`);
        `menu`: the «Báo cáo định kỳ» menu to fill; `view_menu`: where F8 shows the dock."""
        super().__init__(window)
        self.window = window
        self.menu = menu
        self.cache = ReportingCache(window.session)
        self._create_actions()
        for action in (self.tracking_action, None, self.send_action, self.import_action):
            self.menu.addSeparator() if action is None else self.menu.addAction(action)
        self.panel = ReportingPanel(window, self.cache, self.remember_period)
        window.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.panel)
        self.panel.hide()
        self.panel.set_period(self.remembered_period())
        self.panel.ui.sendButton.clicked.connect(self.send_forms)
        self.panel.ui.importButton.clicked.connect(self.import_forms)
        self.panel.period_changed.connect(self._panel_period_changed)
        self.panel.visibilityChanged.connect(lambda _visible: window.show_details())
        self.panel_action = self.panel.toggleViewAction()
        self.panel_action.setText("Tình &hình báo cáo")
        self.panel_action.setShortcut(QKeySequence("F8"))
        self.panel_action.setStatusTip("Hiện hoặc ẩn bảng các đơn vị đã báo cáo, chưa báo cáo trong kỳ")
        view_menu.addSeparator()
        view_menu.addAction(self.panel_action)
        self.menu.addSeparator()
        self.menu.addAction(self.panel_action)
        window.model.modelReset.connect(self._view_reloaded)  # the window shows other plans
        window.session.changed.connect(self._data_changed)
        window.session.reopened.connect(self._reopened)

    # --- set-up -------------------------------------------------------------------------------

    def _action(self, text: str, slot, shortcut: str, tip: str) -> QAction:
        action = QAction(text, self.window)
        action.setShortcut(QKeySequence(shortcut))
        action.setStatusTip(tip)
        action.setToolTip(tip)
        action.triggered.connect(lambda _checked=False: slot())
        return action

    def _create_actions(self) -> None:
        self.tracking_action = self._action(
            "&Xuất bảng theo dõi ra Excel…", self.export_tracking, "Ctrl+Shift+X",
            "Bảng theo dõi tiến độ của kế hoạch theo kỳ báo cáo, dạng Excel",
        )  # fmt: skip
        self.send_action = self._action(
            "&Gửi phiếu báo cáo cho các đơn vị…", self.send_forms, "Ctrl+Shift+G",
            "Mỗi đơn vị một phiếu Excel gồm các nhiệm vụ chủ trì, phối hợp để điền kết quả trong kỳ",
        )  # fmt: skip
        self.import_action = self._action(
            "&Nhập phiếu báo cáo của đơn vị…", self.import_forms, "Ctrl+Shift+R",
            "Đọc các phiếu đơn vị gửi về, xem trước rồi ghi vào dữ liệu",
        )  # fmt: skip

    # --- remembered choices ------------------------------------------------------------------

    def remembered_period(self) -> Period:
        stored = self.window.settings.value(PERIOD_KEY)
        remembered = period_or_none(stored if isinstance(stored, str) else None)
        window, plan_ids = self.window, self._plans_in_focus()
        if period_defaults.in_plan_year(remembered, window.services, plan_ids, window.as_of):
            return remembered
        return period_defaults.month_for(window.services, plan_ids, window.as_of)

    def _plans_in_focus(self) -> list[int]:
        plan_id = self.plan_in_focus()
        return [plan_id] if plan_id is not None else []

    def remember_period(self, code: str) -> None:
        self.window.settings.setValue(PERIOD_KEY, code)

    def _folder(self, key: str) -> Path:
        stored = self.window.settings.value(key)
        if isinstance(stored, str) and stored and Path(stored).is_dir():
            return Path(stored)
        documents = Path.home() / "Documents"
        return documents if documents.is_dir() else Path.home()

    def plan_in_focus(self) -> int | None:
        task = self.window.current_task()
        if task is not None:
            return task.plan_id
        ids = self.window.selected_plan_ids()
        return ids[0] if ids else None

    def _period_for_dialogs(self) -> Period:
        return self.panel.period() or self.remembered_period()

    # --- the tracking table ---------------------------------------------------------------------

    def export_tracking(self) -> None:
        from kehoach_desktop.gui.forms_dialogs import FilesWrittenDialog, TrackingExportDialog

        window = self.window
        dialog = TrackingExportDialog(window, window.services, window.db_path, self.plan_in_focus(),
                                      self._period_for_dialogs(), self._folder(EXPORT_FOLDER_KEY))  # fmt: skip
        if not _run_dialog(dialog) or dialog.written is None:
            return
        path = dialog.written
        window.settings.setValue(EXPORT_FOLDER_KEY, str(path.parent))
        shown = FilesWrittenDialog(window, "Đã xuất bảng theo dõi", f"Đã ghi bảng theo dõi vào tệp:\n{path}",
                                   [path], dialog.notes)  # fmt: skip
        _run_dialog(shown)
        window.statusBar().showMessage(f"Đã xuất bảng theo dõi: {path.name}", 5000)

    # --- forms out -------------------------------------------------------------------------------

    def send_forms(self) -> None:
        from kehoach_desktop.gui.forms_dialogs import FilesWrittenDialog, FormsExportDialog

        window = self.window
        dialog = FormsExportDialog(window, window.services, window.db_path, self.plan_in_focus(),
                                   self._period_for_dialogs(), self._folder(EXPORT_FOLDER_KEY))  # fmt: skip
        if not _run_dialog(dialog) or not dialog.written:
            return
        paths = dialog.written
        window.settings.setValue(EXPORT_FOLDER_KEY, str(paths[0].parent))
        self.panel.set_period(dialog.period)  # the round just started is the one to follow
        count = f"{len(paths)} tệp" if len(paths) > 1 else "1 tệp"
        message = (f"Đã ghi {count} phiếu báo cáo {dialog.period.label} vào thư mục:\n{paths[0].parent}\n"
                   "Gửi mỗi đơn vị tệp của mình; khi nhận lại, chọn «Nhập phiếu báo cáo của đơn vị…» "
                   "hoặc kéo các tệp vào cửa sổ chương trình.")  # fmt: skip
        _run_dialog(FilesWrittenDialog(window, "Đã xuất phiếu báo cáo", message, paths, dialog.notes))
        window.statusBar().showMessage(f"Đã xuất {count} phiếu báo cáo.", 5000)

    # --- forms back in ------------------------------------------------------------------------------

    def import_forms(self, paths: list[Path] | None = None) -> None:
        from kehoach_desktop.gui import forms_dialogs

        window = self.window
        folder = str(self._folder(IMPORT_FOLDER_KEY))
        if paths is None:
            paths = forms_dialogs.choose_form_files(window, folder)
            if not paths:
                return
            window.settings.setValue(IMPORT_FOLDER_KEY, str(paths[0].parent))
        dialog = forms_dialogs.FormsImportDialog(window, window.db_path, list(paths), folder)
        if not _run_dialog(dialog) or dialog.outcome is None:
            return
        outcome = dialog.outcome
        imported_period = period_or_none(outcome.periods[0]) if len(outcome.periods) == 1 else None
        if imported_period is not None:
            self.panel.set_period(imported_period)
        if len(outcome.plan_ids) == 1:
            self.panel.set_plan(outcome.plan_ids[0])
        window.push_done("Nhập phiếu báo cáo của đơn vị", outcome.applied)  # the tree and the panel follow
        counts = outcome.counts
        window.statusBar().showMessage(
            f"Đã nhập {counts.new} báo cáo mới, {counts.changed} báo cáo thay đổi của các đơn vị "
            f"({counts.tasks} nhiệm vụ). Hoàn tác: Ctrl+Z.", 8000
        )  # fmt: skip

    def take_dropped(self, paths: list[Path]) -> bool:
        """Dropped files with a unit form among them open the forms preview."""
        if not any(looks_like_form(path) for path in paths):
            return False
        # After the drop returns: a dialog's event loop inside the drop would hold the
        # source (Explorer) until it closes.
        QTimer.singleShot(0, lambda: self.import_forms(list(paths)))
        return True

    # --- the panel and the detail section ------------------------------------------------------------

    def _data_changed(self, changes: ChangeSet) -> None:
        """What the panel and the detail section show depends on progress, tasks, units
        and plans: forget what was read, and show it again if the panel is open."""
        if changes.progress or changes.tasks or changes.units or changes.plans:
            self.cache.clear()
            if changes.plans:
                self.panel.follow_window()
            else:
                self.panel.schedule_refresh()

    def _reopened(self) -> None:
        self.cache.clear()
        self._view_reloaded()

    def _view_reloaded(self) -> None:
        self.panel.follow_window()
        window = self.window
        if not period_defaults.in_plan_year(self.panel.period(), window.services, self._plans_in_focus(), window.as_of):
            self.panel.set_period(self.remembered_period())  # another year's plan: its own default

    def _panel_period_changed(self) -> None:
        if self.panel.isVisible():
            self.window.show_details()

    def detail_section(self, task: Task) -> str:
        period = self.panel.period() if self.panel.isVisible() else None
        return task_section_html(self.cache, self.window.services, task, period)


def _run_dialog(dialog) -> bool:
    """exec() a dialog, deleted once control returns to the event loop (its fields stay readable now)."""
    try:
        return bool(dialog.exec())
    finally:
        dialog.deleteLater()


