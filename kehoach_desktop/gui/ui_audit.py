"""Checks on everything the user can see: only Vietnamese words, and a fit on a small screen.

`dialog_tour(window)` opens every window and dialog of the program (not modal:
they are built and shown, never exec()'d) on a window that has a plan and a
selected task. `english_in(widget)` walks a window: titles, labels, buttons,
tooltips, menus and their shortcuts, headers, list items, placeholders, the
calendar's names and the standard context menus (text fields, spin boxes,
scroll bars), and returns each English word it finds from ENGLISH_WORDS.
`fit_problems(widget)` says what does not fit the screen being simulated.

Used by the self-test (checks «Chỉ tiếng Việt» and «Vừa màn hình nhỏ») and by
tests/test_vietnamese.py and tests/test_screen_fit.py.
"""

from __future__ import annotations

import re
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import shiboken6
from PySide6.QtCore import QBuffer, QByteArray, QCoreApplication, QEvent, QEventLoop, QModelIndex, Qt, QTimer
from PySide6.QtGui import QAction, QContextMenuEvent, QKeySequence, QPageSize, QPainter, QPdfWriter
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QApplication,
    QCalendarWidget,
    QComboBox,
    QDialog,
    QFileDialog,
    QGroupBox,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMainWindow,
    QMenu,
    QMessageBox,
    QPlainTextEdit,
    QProgressDialog,
    QScrollBar,
    QTabBar,
    QTextEdit,
    QWidget,
)

from kehoach_desktop.gui import screen_fit

# English words Qt or a careless string could put on screen. Whole words, any case.
# Not here: words that are also Vietnamese written without marks ("to", "in", "do", "no",
# "an", "con", "ban", "thu", "may", "mar"), key names printed on keys (Ctrl, Shift, Alt,
# Del, Esc, Enter, F1…), units (mm, pt, cm) and names (Excel, Word, PDF, Qt, PAR INDEX).
ENGLISH_WORDS = frozenset(
    """
    undo redo cut copy paste delete select all ok cancel close save open yes apply reset help discard
    abort retry ignore restore defaults don't without saving print preview printer properties options
    page pages setup portrait landscape zoom fit width height margins margin paper size name type date
    modified look files file folder directory directories back forward parent create new list view detail
    details show hide scroll here left right top bottom up down edge step float previous next first last
    copies collate color grayscale duplex output settings location remove rename drive computer shortcut
    sidebar unknown choose value automatic custom current selection range even odd reverse job banner
    advanced press empty error warning information question about tab kind bytes link location true false
    monday tuesday wednesday thursday friday saturday sunday january february march april june july
    august september october november december mon tue wed fri sat sun jan feb apr jun jul aug
    sep oct nov dec am pm what's this recent places hidden
    """.split()
)
_WORD = re.compile(r"[\w']+")
_TAG = re.compile(r"<[^>]+>")


def english_words(text: str) -> list[str]:
    """The words of `text` (HTML tags and & accelerators left out) that are in ENGLISH_WORDS."""
    plain = _TAG.sub(" ", text or "").replace("&&", "\0").replace("&", "").replace("\0", "&")
    return [word for word in _WORD.findall(plain) if word.lower() in ENGLISH_WORDS]


# --- what a window shows -----------------------------------------------------------------------


def shown_texts(root: QWidget) -> Iterator[tuple[str, str]]:
    """(where, text) for every text a window puts on screen, hidden parts included."""
    yield f"{_name(root)}: tiêu đề", root.windowTitle()
    for widget in [root, *root.findChildren(QWidget)]:
        if not shiboken6.isValid(widget):
            continue
        where = _name(widget)
        for label, text in _widget_texts(widget):
            yield f"{where}: {label}", text
        for action in widget.actions():
            yield from _action_texts(action, where)
    if isinstance(root, QMainWindow):
        for action in root.menuBar().actions():
            yield from _action_texts(action, "thanh menu")


def _name(widget: QWidget) -> str:
    return widget.objectName() or type(widget).__name__


def _widget_texts(widget: QWidget) -> Iterator[tuple[str, str]]:
    yield "chú thích", widget.toolTip()
    yield "tên truy cập", widget.accessibleName()
    yield "gợi ý", widget.statusTip()
    if isinstance(widget, QLabel):
        yield "nhãn", widget.text()
    elif isinstance(widget, QAbstractButton):
        yield "nút", widget.text()
    elif isinstance(widget, QGroupBox):
        yield "khung", widget.title()
    elif isinstance(widget, QTabBar):
        for index in range(widget.count()):
            yield "thẻ", widget.tabText(index)
    elif isinstance(widget, QComboBox):
        yield "ô chọn", widget.placeholderText()
        for index in range(widget.count()):
            yield "mục chọn", widget.itemText(index)
    elif isinstance(widget, QLineEdit):
        yield "ô nhập", widget.placeholderText()
    elif isinstance(widget, (QPlainTextEdit, QTextEdit)):
        yield "ô văn bản", widget.placeholderText()
    elif isinstance(widget, QAbstractSpinBox):
        yield "ô số", " ".join((widget.specialValueText(), getattr(widget, "suffix", lambda: "")(),
                                getattr(widget, "prefix", lambda: "")()))  # fmt: skip
    elif isinstance(widget, QAbstractItemView):
        yield from _header_texts(widget)
    elif isinstance(widget, QCalendarWidget):
        yield from calendar_texts(widget)
    if widget.isWindow() and widget is not widget.window():
        yield "tiêu đề", widget.windowTitle()


def _header_texts(view: QAbstractItemView) -> Iterator[tuple[str, str]]:
    model = view.model()
    try:
        columns = model.columnCount(QModelIndex()) if model is not None else 0
    except TypeError:  # a list model: one column, no header
        return
    for column in range(min(columns, 40)):
        yield "tiêu đề cột", str(model.headerData(column, Qt.Orientation.Horizontal) or "")


def _action_texts(action: QAction, where: str) -> Iterator[tuple[str, str]]:
    if action.isSeparator():
        return
    yield f"{where}: lệnh", action.text()
    yield f"{where}: chú thích lệnh", action.toolTip()
    yield f"{where}: gợi ý lệnh", action.statusTip()
    for shortcut in action.shortcuts():
        yield f"{where}: phím tắt", shortcut.toString(QKeySequence.SequenceFormat.NativeText)
    menu = action.menu()
    if isinstance(menu, QMenu):
        yield f"{where}: menu", menu.title()
        for child in menu.actions():
            yield from _action_texts(child, f"{where} › {action.text()}")


def calendar_texts(calendar: QCalendarWidget) -> Iterator[tuple[str, str]]:
    """The month and day names a calendar draws (they come from its locale)."""
    locale = calendar.locale()
    for month in range(1, 13):
        yield "lịch: tháng", locale.standaloneMonthName(month)
        yield "lịch: tháng", locale.monthName(month, locale.FormatType.ShortFormat)
    for day in range(1, 8):
        yield "lịch: thứ", locale.dayName(day, locale.FormatType.ShortFormat)
        yield "lịch: thứ", locale.standaloneDayName(day, locale.FormatType.NarrowFormat)
    view = calendar.findChild(QAbstractItemView)
    if view is not None and view.model() is not None:
        model = view.model()
        for column in range(model.columnCount()):
            yield "lịch: tiêu đề", str(model.data(model.index(0, column)) or "")


# --- standard context menus ------------------------------------------------------------------------


def context_menu_texts(widget: QWidget) -> list[str]:
    """The texts of the context menu Qt gives this widget (edit fields, spin boxes, scroll bars)."""
    if isinstance(widget, (QLineEdit, QPlainTextEdit, QTextEdit)):
        menu = widget.createStandardContextMenu()
        try:
            return _menu_texts(menu)
        finally:
            menu.deleteLater()
    if isinstance(widget, (QAbstractSpinBox, QScrollBar)):
        return _popup_texts(widget)
    return []


def _menu_texts(menu: QMenu) -> list[str]:
    texts = [menu.title()]
    for action in menu.actions():
        texts += [text for _, text in _action_texts(action, "")]
    return texts


def _popup_texts(widget: QWidget) -> list[str]:
    """Send a context-menu event; read the menu that pops up (exec() or popup()), then close it."""
    seen: list[str] = []
    state = {"left": 40}

    def read() -> None:
        popup = QApplication.activePopupWidget()
        if isinstance(popup, QMenu):
            seen.extend(_menu_texts(popup) or [""])
            popup.close()
            state["left"] = 0
        elif state["left"] > 0:
            state["left"] -= 1
            QTimer.singleShot(10, read)

    QTimer.singleShot(0, read)
    centre = widget.rect().center()
    event = QContextMenuEvent(QContextMenuEvent.Reason.Mouse, centre, widget.mapToGlobal(centre))
    QCoreApplication.sendEvent(widget, event)
    while state["left"] > 0:  # a menu shown with popup() is read here, after sendEvent returned
        QCoreApplication.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 20)
        time.sleep(0.005)
    return seen


def context_menus(root: QWidget) -> Iterator[tuple[str, str]]:
    """One standard context menu per kind of field in the window (they are all alike)."""
    done: set[tuple] = set()
    for widget in [root, *root.findChildren(QWidget)]:
        if not shiboken6.isValid(widget):  # deleted by an earlier menu (its own temporary widgets)
            continue
        if widget.contextMenuPolicy() != Qt.ContextMenuPolicy.DefaultContextMenu:
            continue
        if not isinstance(widget, (QLineEdit, QPlainTextEdit, QTextEdit, QAbstractSpinBox, QScrollBar)):
            continue
        if isinstance(widget, (QAbstractSpinBox, QScrollBar)) and not widget.isVisible():
            continue  # a hidden one cannot be clicked (and shows no menu to read)
        kind = (type(widget).__name__, getattr(widget, "isReadOnly", lambda: False)())
        if kind in done:
            continue
        done.add(kind)
        for text in context_menu_texts(widget):
            yield f"{_name(widget)}: menu chuột phải", text


def english_in(root: QWidget, menus: bool = True) -> list[str]:
    """Every English word on `root`, as "where: word «text»" (empty: all Vietnamese)."""
    found: dict[str, str] = {}  # text -> the first place it shows
    texts = list(shown_texts(root)) + (list(context_menus(root)) if menus else [])
    for where, text in texts:
        words = english_words(text)
        if words and text not in found:
            found[text] = f"{where}: {', '.join(sorted(set(words)))} «{text[:80]}»"
    return sorted(found.values())


# --- fitting ----------------------------------------------------------------------------------------


def fit_problems(window: QWidget, name: str = "") -> list[str]:
    """What of `window` does not fit the (simulated) screen: its size, its minimum,
    a button box outside the window or inside the scrolling part."""
    name = name or window.windowTitle() or _name(window)
    room = screen_fit.room(window)
    problems = []
    minimum = window.minimumSizeHint().expandedTo(window.minimumSize())
    if window.width() > room.width() or window.height() > room.height():
        problems.append(f"{name}: cỡ {window.width()}×{window.height()} lớn hơn chỗ trống {room.width()}×{room.height()}")
    if minimum.width() > room.width() or minimum.height() > room.height():
        problems.append(f"{name}: cỡ nhỏ nhất {minimum.width()}×{minimum.height()} lớn hơn {room.width()}×{room.height()}")
    for box in screen_fit.button_rows(window):
        for button in box.buttons():
            if not button.isVisibleTo(window):
                continue
            if not screen_fit.visible_in(button, window) or not screen_fit.outside_scroll_area(button):
                problems.append(f"{name}: nút «{button.text().replace('&', '')}» không luôn nhìn thấy")
    return problems


# --- every window and dialog ----------------------------------------------------------------------------


def small_pdf() -> bytes:
    """A one-page PDF (for the preview window), drawn by Qt itself."""
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QBuffer.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer)
    writer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    painter = QPainter(writer)
    painter.drawText(200, 200, "Bản xem thử")
    painter.end()
    buffer.close()
    return bytes(data.data())


def dialog_tour(window, folder: Path) -> Iterator[tuple[str, QWidget]]:
    """Build and show each window and dialog in turn; yields (name, widget); closes
    each after the caller looked at it. `window` must show a plan with a task
    selected; `folder` is a writable folder for the dialogs that name files."""
    for name, make in _dialog_makers(window, folder):
        widget = make()
        widget.show()
        QCoreApplication.processEvents()
        try:
            yield name, widget
        finally:
            _close(widget)


def _close(widget: QWidget) -> None:
    waits = 250
    while getattr(widget, "busy", False) and waits:  # a dialog whose background job runs: let it finish
        QCoreApplication.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 20)
        time.sleep(0.02)
        waits -= 1
    if isinstance(widget, QDialog):
        widget.done(QDialog.DialogCode.Rejected)
    widget.hide()
    widget.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


def _dialog_makers(window, folder: Path) -> list[tuple[str, Callable[[], QWidget]]]:
    from kehoach_desktop.gui import unsaved
    from kehoach_desktop.gui.backup_dialog import BackupDialog
    from kehoach_desktop.gui.forms_dialogs import (
        FilesWrittenDialog,
        FormsExportDialog,
        FormsImportDialog,
        TrackingExportDialog,
    )
    from kehoach_desktop.gui.help_window import HelpWindow
    from kehoach_desktop.gui.import_dialog import ImportDialog
    from kehoach_desktop.gui.pdf_preview import PdfPreview
    from kehoach_desktop.gui.plan_info_dialog import PlanInfoDialog
    from kehoach_desktop.gui.progress_dialog import ProgressDialog
    from kehoach_desktop.gui.report_dialog import Focus, ReportDialog
    from kehoach_desktop.gui.task_dialog import TaskDialog
    from kehoach_desktop.gui.organization_dialog import OrganizationDialog, UnitListDialog
    from kehoach_desktop.gui.register_window import RegisterWindow
    from kehoach_desktop.gui.widgets import confirm_box
    from kehoach_desktop.reports.model import ReportKind

    services, tree = window.services, window.model.tree
    task = window.current_task()
    if task is None:
        raise ValueError("the tour needs a window with a task selected")
    plan = tree.plan_by_id[task.plan_id]
    section = tree.section_by_id[task.section_id]
    period = window.forms_actions.remembered_period()
    focus = Focus([plan.id], window.as_of, plan.id)
    written = folder / "bang-theo-doi.xlsx"
    makers: list[tuple[str, Callable[[], QWidget]]] = [
        ("Sửa nhiệm vụ", lambda: TaskDialog(window, services, tree, plan, task=services.tasks.get(task.id))),
        ("Thêm nhiệm vụ", lambda: TaskDialog(window, services, tree, plan, section=section)),
        ("Cập nhật tiến độ", lambda: ProgressDialog(window, services, services.tasks.get(task.id), today=window.as_of)),
        ("Thông tin kế hoạch", lambda: PlanInfoDialog(window, services.plans.get(plan.id))),
        ("Danh mục đơn vị", lambda: OrganizationDialog(window, services)),
        ("Cơ cấu tổ chức của Sở", lambda: UnitListDialog(window, services, plan_units=["Văn phòng Sở"], plan_header=plan)),
        ("Sổ văn bản đã phát hành", lambda: RegisterWindow(window, services)),
        ("Nhập kế hoạch", lambda: ImportDialog(window, window.db_path, None, services)),
    ]
    makers += [(kind.label, lambda k=kind: ReportDialog(window, services, k, focus)) for kind in ReportKind]
    makers += [
        ("Xem trước báo cáo", lambda: PdfPreview(window, small_pdf(), title="Xem trước", file_name="bao-cao.pdf")),
        ("Xuất bảng theo dõi", lambda: TrackingExportDialog(window, services, window.db_path, plan.id, period, folder)),
        ("Gửi phiếu báo cáo", lambda: FormsExportDialog(window, services, window.db_path, plan.id, period, folder)),
        ("Nhập phiếu báo cáo", lambda: FormsImportDialog(window, window.db_path, [], str(folder))),
        ("Đã ghi tệp", lambda: FilesWrittenDialog(window, "Đã ghi tệp", "Đã ghi:", [written], [])),
        ("Khôi phục dữ liệu", lambda: BackupDialog(window, window.db_path)),
        ("Hướng dẫn sử dụng", lambda: HelpWindow(window)),
        ("Hỏi trước khi xóa", lambda: confirm_box(window, "Xóa kế hoạch", "Xóa kế hoạch?", "Xóa kế hoạch")[0]),
        ("Chưa lưu thay đổi", lambda: unsaved.question_box(window)[0]),
        ("Hỏi một tên", lambda: _input_dialog(window)),
        ("Đang làm việc", lambda: QProgressDialog("Đang làm…", "", 0, 100, window)),
        ("Chọn tệp (Qt vẽ)", lambda: _file_dialog(window, folder)),
    ]
    makers += [(f"Thông báo ({', '.join(names)})", lambda n=names: _standard_box(window, n))
               for names in STANDARD_BUTTON_SETS]
    print_dialog = _print_dialog_maker(window)
    if print_dialog is not None:
        makers.append(("In (Qt vẽ)", print_dialog))
    return makers


STANDARD_BUTTON_SETS = (
    ("Ok", "Cancel", "Help"),
    ("Yes", "No", "YesToAll", "NoToAll", "Abort"),
    ("Save", "Discard", "SaveAll", "Close"),
    ("Open", "Apply", "Reset", "RestoreDefaults"),
    ("Retry", "Ignore"),
)


def _standard_box(parent, names: tuple[str, ...]) -> QMessageBox:
    """A message box with Qt's standard buttons (translated by Qt, not by the program)."""
    box = QMessageBox(QMessageBox.Icon.Warning, "Không thực hiện được", "Thông báo", parent=parent)
    buttons = QMessageBox.StandardButton(0)
    for name in names:
        buttons |= getattr(QMessageBox.StandardButton, name)
    box.setStandardButtons(buttons)
    box.setDetailedText("Chi tiết")
    return box


def _input_dialog(parent) -> QInputDialog:
    dialog = QInputDialog(parent)
    dialog.setWindowTitle("Thêm đơn vị")
    dialog.setLabelText("Tên đơn vị:")
    return dialog


def _file_dialog(parent, folder: Path) -> QFileDialog:
    dialog = QFileDialog(parent, "Chọn tệp", str(folder), "Tệp Excel (*.xlsx)")
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog, True)
    return dialog


def _print_dialog_maker(parent):
    """Qt's own print dialog where Qt draws it. On Windows and macOS the system draws it,
    and showing it opens the system's dialog modally (a self-test must never wait for a click)."""
    if sys.platform in ("win32", "darwin"):
        return None
    try:
        from PySide6.QtPrintSupport import QPrintDialog, QPrinter
    except ImportError:
        return None

    def make():
        printer = QPrinter()
        dialog = QPrintDialog(printer, parent)
        dialog.kept_printer = printer  # the dialog only points at it
        return dialog

    return make


def main_window_parts(window) -> Iterator[tuple[str, QWidget]]:
    """The main window as it opens, then with the F8 panel."""
    yield "Cửa sổ chính", window
    panel = getattr(getattr(window, "forms_actions", None), "panel", None)
    if panel is not None:
        was_visible = panel.isVisible()
        panel.show()
        QCoreApplication.processEvents()
        try:
            yield "Cửa sổ chính với bảng Tình hình báo cáo (F8)", window
        finally:
            panel.setVisible(was_visible)

