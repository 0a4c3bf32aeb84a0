"""Esc or ✕ on an editing dialog with unsaved changes asks first: Lưu / Không lưu / Hủy.

One call in a dialog's constructor, once its fields are filled:

    unsaved.guard(self, snapshot=self._values, save=self._accept)

`snapshot()` returns the fields' values (anything comparable); the guard takes
one when it is installed and compares at Esc or ✕. "Lưu" runs `save` (the
dialog's own OK path, which may refuse and keep the dialog open), "Không lưu"
closes without saving, "Hủy" goes back to the dialog. The dialog's own Hủy
button still closes at once: pressing it says what the user wants.
"""

from __future__ import annotations

from collections.abc import Callable
from enum import Enum

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import QDialog, QMessageBox, QWidget

TITLE = "Chưa lưu thay đổi"
QUESTION = "Bạn đã sửa nội dung nhưng chưa lưu. Lưu các thay đổi trước khi đóng?"


class Answer(Enum):
    SAVE = "save"
    DISCARD = "discard"
    STAY = "stay"


def question_box(parent: QWidget, message: str = QUESTION):
    """(box, {answer: button}) of the three-way question. Enter saves (nothing is
    lost); Esc stays in the dialog."""
    box = QMessageBox(QMessageBox.Icon.Question, TITLE, message, parent=parent)
    buttons = {
        Answer.SAVE: box.addButton("&Lưu", QMessageBox.ButtonRole.AcceptRole),
        Answer.DISCARD: box.addButton("&Không lưu", QMessageBox.ButtonRole.DestructiveRole),
        Answer.STAY: box.addButton("&Hủy", QMessageBox.ButtonRole.RejectRole),
    }
    box.setDefaultButton(buttons[Answer.SAVE])
    box.setEscapeButton(buttons[Answer.STAY])
    return box, buttons


def ask_unsaved(parent: QWidget, message: str = QUESTION) -> Answer:
    box, buttons = question_box(parent, message)
    box.exec()
    clicked = box.clickedButton()
    return next((answer for answer, button in buttons.items() if button is clicked), Answer.STAY)


class UnsavedGuard(QObject):
    """Watches one dialog's Esc key and close event (see the module's doc)."""

    def __init__(self, dialog: QDialog, snapshot: Callable[[], object], save: Callable[[], None]):
        super().__init__(dialog)
        self.dialog = dialog
        self.snapshot = snapshot
        self.save = save
        self.baseline = snapshot()
        self._asking = False
        dialog.installEventFilter(self)

    def changed(self) -> bool:
        return self.snapshot() != self.baseline

    def reset(self) -> None:
        """The current values become the saved ones (after a save that keeps the dialog open)."""
        self.baseline = self.snapshot()

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 (Qt naming)
        if watched is not self.dialog or self._asking:
            return False
        kind = event.type()
        escape = kind == QEvent.Type.KeyPress and event.key() == Qt.Key.Key_Escape and not event.modifiers()
        if not (escape or kind == QEvent.Type.Close) or not self.dialog.isVisible():
            return False
        if not self.changed():
            return False
        self._asking = True
        try:
            answer = ask_unsaved(self.dialog)
        finally:
            self._asking = False
        if answer is Answer.DISCARD:
            if escape:
                self.dialog.reject()
                return True
            return False  # the close goes on: QDialog.closeEvent rejects the dialog
        if kind == QEvent.Type.Close:
            event.ignore()
        if answer is Answer.SAVE:
            self.save()  # closes the dialog when the values are acceptable
        return True


def guard(dialog: QDialog, snapshot: Callable[[], object], save: Callable[[], None]) -> UnsavedGuard:
    """Install the question on `dialog`; returns the guard (kept alive as the dialog's child)."""
    return UnsavedGuard(dialog, snapshot, save)
