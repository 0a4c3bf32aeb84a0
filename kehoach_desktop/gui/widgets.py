"""Small helpers the dialogs share."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, QLocale
from PySide6.QtWidgets import QComboBox, QDateEdit, QMessageBox, QWidget

VIETNAMESE = QLocale(QLocale.Language.Vietnamese, QLocale.Country.Vietnam)


def to_qdate(value: date) -> QDate:
    return QDate(value.year, value.month, value.day)


def from_qdate(value: QDate) -> date:
    return date(value.year(), value.month(), value.day())


def setup_date_edit(edit: QDateEdit, value: date | None = None) -> None:
    """dd/mm/yyyy, Vietnamese calendar popup."""
    edit.setLocale(VIETNAMESE)
    edit.setDisplayFormat("dd/MM/yyyy")
    edit.setCalendarPopup(True)
    edit.calendarWidget().setLocale(VIETNAMESE)
    edit.setDate(to_qdate(value or date.today()))


def select_data(combo: QComboBox, data) -> None:
    index = combo.findData(data)
    if index >= 0:
        combo.setCurrentIndex(index)


def show_error(parent: QWidget, message: str, title: str = "Không thực hiện được") -> None:
    QMessageBox.warning(parent, title, message)


def confirm_box(parent: QWidget, title: str, message: str, yes: str = "Đồng ý", no: str = "Hủy"):
    """The question `confirm` asks: (box, yes button, no button)."""
    box = QMessageBox(QMessageBox.Icon.Question, title, message, parent=parent)
    yes_button = box.addButton(yes, QMessageBox.ButtonRole.AcceptRole)
    no_button = box.addButton(no, QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(no_button)
    box.setEscapeButton(no_button)
    return box, yes_button, no_button


def confirm(parent: QWidget, title: str, message: str, yes: str = "Đồng ý", no: str = "Hủy") -> bool:
    """Ask before an action that deletes, replaces or duplicates data. Enter and
    Esc choose `no` (Hủy): a slip of the Enter key must never destroy anything."""
    box, yes_button, _no_button = confirm_box(parent, title, message, yes, no)
    box.exec()
    return box.clickedButton() is yes_button
