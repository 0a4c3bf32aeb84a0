"""A layout that places its widgets in a row and wraps them onto the next line when
the row is too narrow (Qt's "Flow Layout" example), so a bar of filters or a
period chooser never forces its window wider than a small screen.

An item with a horizontal stretch factor (`add_widget(w, stretch=1)`) takes the
room left on its line, so a search box grows on a wide window and stays readable.
"""

from __future__ import annotations

from PySide6.QtCore import QMargins, QPoint, QRect, QSize, Qt
from PySide6.QtWidgets import QLayout, QLayoutItem, QSizePolicy, QStyle, QWidget, QWidgetItem


class FlowLayout(QLayout):
    def __init__(self, parent: QWidget | None = None, spacing: int = -1):
        super().__init__(parent)
        self._items: list[QLayoutItem] = []
        self._stretch: dict[int, int] = {}  # id(item) -> stretch
        self._spacing = spacing

    # --- filling ---------------------------------------------------------------------------

    def addItem(self, item: QLayoutItem) -> None:  # noqa: N802 (Qt naming)
        self._items.append(item)

    def add_widget(self, widget: QWidget, stretch: int = 0) -> None:
        self.addChildWidget(widget)
        item = QWidgetItem(widget)
        self._items.append(item)
        if stretch:
            self._stretch[id(item)] = stretch
        self.invalidate()

    def count(self) -> int:
        return len(self._items)

    def itemAt(self, index: int) -> QLayoutItem | None:  # noqa: N802
        return self._items[index] if 0 <= index < len(self._items) else None

    def takeAt(self, index: int) -> QLayoutItem | None:  # noqa: N802
        if 0 <= index < len(self._items):
            item = self._items.pop(index)
            self._stretch.pop(id(item), None)
            return item
        return None

    # --- sizes -----------------------------------------------------------------------------

    def expandingDirections(self) -> Qt.Orientation:  # noqa: N802
        return Qt.Orientation(0)

    def hasHeightForWidth(self) -> bool:  # noqa: N802
        return True

    def heightForWidth(self, width: int) -> int:  # noqa: N802
        return self._arrange(QRect(0, 0, width, 0), apply=False)

    def setGeometry(self, rect: QRect) -> None:  # noqa: N802
        super().setGeometry(rect)
        self._arrange(rect, apply=True)

    def sizeHint(self) -> QSize:  # noqa: N802
        """One line of everything: what the layout would like."""
        width, height = 0, 0
        for item in self._visible():
            hint = item.sizeHint()
            width += hint.width() + (self._gap(item, Qt.Orientation.Horizontal) if width else 0)
            height = max(height, hint.height())
        return QSize(width, height) + self._margin_size()

    def minimumSize(self) -> QSize:  # noqa: N802
        """The widest single item: narrower than that nothing can wrap."""
        size = QSize()
        for item in self._visible():
            size = size.expandedTo(item.minimumSize())
        return size + self._margin_size()

    # --- placing ---------------------------------------------------------------------------

    def _visible(self) -> list[QLayoutItem]:
        return [item for item in self._items if not item.isEmpty()]

    def _margin_size(self) -> QSize:
        margins: QMargins = self.contentsMargins()
        return QSize(margins.left() + margins.right(), margins.top() + margins.bottom())

    def _gap(self, item: QLayoutItem, orientation: Qt.Orientation) -> int:
        if self._spacing >= 0:
            return self._spacing
        widget = item.widget()
        style = widget.style() if widget is not None else None
        if style is None:
            return 6
        kind = QSizePolicy.ControlType.PushButton
        gap = style.layoutSpacing(kind, kind, orientation)
        return gap if gap >= 0 else style.pixelMetric(QStyle.PixelMetric.PM_LayoutHorizontalSpacing)

    def _lines(self, width: int) -> list[list[QLayoutItem]]:
        lines: list[list[QLayoutItem]] = [[]]
        used = 0
        for item in self._visible():
            hint = item.sizeHint().width()
            gap = self._gap(item, Qt.Orientation.Horizontal) if lines[-1] else 0
            if lines[-1] and used + gap + hint > width:
                lines.append([])
                used, gap = 0, 0
            lines[-1].append(item)
            used += gap + hint
        return [line for line in lines if line]

    def _arrange(self, rect: QRect, apply: bool) -> int:
        margins = self.contentsMargins()
        area = rect.adjusted(margins.left(), margins.top(), -margins.right(), -margins.bottom())
        y = area.y()
        for line in self._lines(area.width()):
            widths = [max(item.minimumSize().width(), min(item.sizeHint().width(), area.width())) for item in line]
            gaps = [self._gap(item, Qt.Orientation.Horizontal) for item in line[1:]]
            spare = area.width() - sum(widths) - sum(gaps)
            stretches = [self._stretch.get(id(item), 0) for item in line]
            if spare > 0 and any(stretches):
                total = sum(stretches)
                widths = [w + spare * s // total for w, s in zip(widths, stretches)]
            height = max(item.sizeHint().height() for item in line)
            x = area.x()
            for index, (item, width) in enumerate(zip(line, widths)):
                if apply:
                    item_height = height if item.expandingDirections() & Qt.Orientation.Vertical else item.sizeHint().height()
                    item.setGeometry(QRect(QPoint(x, y + (height - item_height) // 2), QSize(width, item_height)))
                x += width + (gaps[index] if index < len(gaps) else 0)
            y += height + self._gap(line[0], Qt.Orientation.Vertical)
        if y > area.y():
            y -= self._gap(self._items[0], Qt.Orientation.Vertical) if self._items else 0
        return y - rect.y() + margins.bottom()
