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


def confirm(parent: QWidget, title: str, message: str, yes: str = "Đồng ý", no: str = "Hủy") -> bool:
    box = QMessageBox(QMessageBox.Icon.Question, title, message, parent=parent)
    yes_button = box.addButton(yes, QMessageBox.ButtonRole.AcceptRole)
    box.addButton(no, QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(yes_button)
    box.exec()
    return box.clickedButton() is yes_button
