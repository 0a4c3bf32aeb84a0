"""Windows and dialogs that fit the screen they open on.

Office laptops are 1366×768 at 100%, or 1920×1080 at 125–150%: at 150% a 1366×768
screen leaves about 910×485 logical pixels under the taskbar. So:

- `fit_window(window, preferred)`: the preferred size, clamped to the screen's
  available area (less the window frame), placed inside it;
- `restore_geometry(window, saved)`: a remembered geometry, clamped again when
  the screen changed since (a smaller screen, another scale, a missing monitor);
- `fit_dialog(dialog)`: one call in a dialog's constructor. The form goes into a
  scroll area, the buttons at the bottom (and the error line above them) stay
  outside it, so Lưu / Hủy are always visible; the size is clamped on each show.

`simulated_screen(1366, 768, 1.5)` makes every fitting use that screen instead of
the real one: the self-test and the tests check the small-screen case with it,
and `--screenshot --size` draws the window as it looks on a screen of that size.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from PySide6.QtCore import QEvent, QMargins, QObject, QPoint, QRect, QSize
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QDialogButtonBox, QFrame, QLabel, QLayout, QScrollArea, QVBoxLayout, QWidget

TASKBAR = 40  # physical pixels of the Windows taskbar at 100%
# Title bar and borders of a Windows 10/11 window at 100%, used until the window
# has a real frame (offscreen and unshown windows report none).
FRAME = QMargins(8, 31, 8, 8)
FALLBACK = QRect(0, 0, 1024, 700)
SCROLL_NAME = "fitScrollArea"
BODY_NAME = "fitBody"
FOOTER_LABELS = ("errorLabel", "statusLabel")

_simulated: QRect | None = None


# --- the screen -------------------------------------------------------------------------


def available_area(widget: QWidget | None = None) -> QRect:
    """The logical area a window may use: the widget's screen less the taskbar."""
    if _simulated is not None:
        return QRect(_simulated)
    screen = widget.screen() if widget is not None else None
    screen = screen or QGuiApplication.primaryScreen()
    return screen.availableGeometry() if screen is not None else QRect(FALLBACK)


def simulated_area(width: int, height: int, scale: float = 1.0, taskbar: int = TASKBAR) -> QRect:
    """The logical area of a width×height screen (physical pixels) at `scale`, less its taskbar."""
    return QRect(0, 0, int(width / scale), int((height - taskbar) / scale))


@contextmanager
def simulated_screen(width: int, height: int, scale: float = 1.0, taskbar: int = TASKBAR) -> Iterator[QRect]:
    """Fit every window to this screen instead of the real one, meanwhile."""
    global _simulated
    previous = _simulated
    _simulated = simulated_area(width, height, scale, taskbar)
    try:
        yield QRect(_simulated)
    finally:
        _simulated = previous


def simulate(area: QRect | None) -> None:
    """Fit to `area` from now on (None: the real screen again). For --screenshot."""
    global _simulated
    _simulated = QRect(area) if area is not None else None


def frame_margins(window: QWidget) -> QMargins:
    """The window's real frame when it has one, else a Windows frame's size."""
    if window.isVisible():
        frame, inner = window.frameGeometry(), window.geometry()
        real = QMargins(inner.left() - frame.left(), inner.top() - frame.top(),
                        frame.right() - inner.right(), frame.bottom() - inner.bottom())  # fmt: skip
        if real.top() > 0:
            return real
    return QMargins(FRAME)


def room(window: QWidget) -> QSize:
    """The largest client size of `window` whose frame fits the available area."""
    area = available_area(window)
    margins = frame_margins(window)
    return QSize(area.width() - margins.left() - margins.right(), area.height() - margins.top() - margins.bottom())


# --- sizes and places ------------------------------------------------------------------------


def fit_window(window: QWidget, preferred: QSize) -> None:
    """Resize to `preferred`, no larger than the screen allows, and keep it on the screen."""
    window.resize(preferred.boundedTo(room(window)))
    keep_on_screen(window)


def clamp_to_screen(window: QWidget) -> None:
    """Shrink a window larger than the screen and bring it back onto the screen."""
    if window.isMaximized() or window.isFullScreen():
        return
    limit = room(window)
    if window.width() > limit.width() or window.height() > limit.height():
        window.resize(window.size().boundedTo(limit))
    keep_on_screen(window)


def keep_on_screen(window: QWidget) -> None:
    """Move the window (its frame) inside the available area when part of it is outside."""
    if _simulated is not None or not window.isWindow():
        return  # a simulated screen has no place on the real one
    area = available_area(window)
    margins = frame_margins(window)
    frame = window.geometry().marginsAdded(margins)
    if area.contains(frame):
        return
    x = min(max(frame.left(), area.left()), max(area.left(), area.right() - frame.width() + 1))
    y = min(max(frame.top(), area.top()), max(area.top(), area.bottom() - frame.height() + 1))
    window.move(QPoint(x, y))


def restore_geometry(window: QWidget, saved) -> bool:
    """restoreGeometry(saved), then clamp it to today's screen; False when nothing was restored."""
    if saved is None or (hasattr(saved, "isEmpty") and saved.isEmpty()):
        return False
    restored = window.restoreGeometry(saved)
    clamp_to_screen(window)
    return restored


# --- dialogs ------------------------------------------------------------------------------------


class _ClampOnShow(QObject):
    def eventFilter(self, watched, event) -> bool:  # noqa: N802 (Qt naming)
        if event.type() == QEvent.Type.Show and isinstance(watched, QWidget) and watched.isWindow():
            clamp_to_screen(watched)
        return False


def fit_dialog(dialog: QWidget, scroll: bool = True) -> None:
    """Make `dialog` usable on a small screen (see the module's doc). Call it once
    the dialog is built; `scroll=False` for a dialog whose main part scrolls itself."""
    if scroll:
        wrap_in_scroll_area(dialog)
    fit_window(dialog, dialog.size())
    if dialog.findChild(_ClampOnShow) is None:
        dialog.installEventFilter(_ClampOnShow(dialog))


def wrap_in_scroll_area(dialog: QWidget) -> QScrollArea | None:
    """Move the dialog's form into a scroll area; the footer (button box, error line)
    stays below it. Does nothing to a dialog without a layout or already wrapped."""
    layout = dialog.layout()
    if layout is None or dialog.findChild(QScrollArea, SCROLL_NAME) is not None:
        return None
    footer = []
    while layout.count() > 1 and _is_footer(layout.itemAt(layout.count() - 1)):
        footer.insert(0, layout.takeAt(layout.count() - 1))
    margins, spacing = layout.contentsMargins(), layout.spacing()
    body = QWidget()
    body.setObjectName(BODY_NAME)
    body.setLayout(layout)  # takes the layout, and its widgets, from the dialog
    layout.setContentsMargins(0, 0, 0, 0)
    area = QScrollArea()
    area.setObjectName(SCROLL_NAME)
    area.setWidgetResizable(True)
    area.setFrameShape(QFrame.Shape.NoFrame)
    area.setWidget(body)
    outer = QVBoxLayout(dialog)
    outer.setContentsMargins(margins)
    outer.setSpacing(spacing)
    outer.addWidget(area, 1)
    for item in footer:
        if item.widget() is not None:
            outer.addWidget(item.widget())
        elif item.layout() is not None:
            child = item.layout()
            child.setParent(None)
            outer.addLayout(child)
    return area


def _is_footer(item) -> bool:
    widget = item.widget()
    if widget is not None:
        return isinstance(widget, QDialogButtonBox) or (isinstance(widget, QLabel) and widget.objectName() in FOOTER_LABELS)
    child: QLayout | None = item.layout()
    if child is None:
        return False
    return any(isinstance(child.itemAt(i).widget(), QDialogButtonBox) for i in range(child.count()))


def button_rows(dialog: QWidget) -> list[QWidget]:
    """The dialog's button boxes (what must stay visible)."""
    return [box for box in dialog.findChildren(QDialogButtonBox) if box.isVisibleTo(dialog)]


def outside_scroll_area(widget: QWidget) -> bool:
    parent = widget.parentWidget()
    while parent is not None and not parent.isWindow():
        if isinstance(parent, QScrollArea) and parent.objectName() == SCROLL_NAME:
            return False
        parent = parent.parentWidget()
    return True


def visible_in(widget: QWidget, window: QWidget) -> bool:
    """The whole widget lies within the window's client area."""
    top_left = widget.mapTo(window, QPoint(0, 0))
    return window.rect().contains(QRect(top_left, widget.size()))

