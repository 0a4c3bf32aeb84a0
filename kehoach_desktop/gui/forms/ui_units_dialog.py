# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'units_dialog.ui'
##
## Created by: Qt User Interface Compiler version 6.12.0
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import (QCoreApplication, QDate, QDateTime, QLocale,
    QMetaObject, QObject, QPoint, QRect,
    QSize, QTime, QUrl, Qt)
from PySide6.QtGui import (QBrush, QColor, QConicalGradient, QCursor,
    QFont, QFontDatabase, QGradient, QIcon,
    QImage, QKeySequence, QLinearGradient, QPainter,
    QPalette, QPixmap, QRadialGradient, QTransform)
from PySide6.QtWidgets import (QAbstractButton, QAbstractItemView, QApplication, QDialog,
    QDialogButtonBox, QHBoxLayout, QHeaderView, QLineEdit,
    QPushButton, QSizePolicy, QSpacerItem, QTableWidget,
    QTableWidgetItem, QVBoxLayout, QWidget)

class Ui_UnitsDialog(object):
    def setupUi(self, UnitsDialog):
        if not UnitsDialog.objectName():
            UnitsDialog.setObjectName(u"UnitsDialog")
        UnitsDialog.resize(820, 560)
        self.dialogLayout = QVBoxLayout(UnitsDialog)
        self.dialogLayout.setObjectName(u"dialogLayout")
        self.searchEdit = QLineEdit(UnitsDialog)
        self.searchEdit.setObjectName(u"searchEdit")
        self.searchEdit.setClearButtonEnabled(True)

        self.dialogLayout.addWidget(self.searchEdit)

        self.unitTable = QTableWidget(UnitsDialog)
        if (self.unitTable.columnCount() < 5):
            self.unitTable.setColumnCount(5)
        __qtablewidgetitem = QTableWidgetItem()
        self.unitTable.setHorizontalHeaderItem(0, __qtablewidgetitem)
        __qtablewidgetitem1 = QTableWidgetItem()
        self.unitTable.setHorizontalHeaderItem(1, __qtablewidgetitem1)
        __qtablewidgetitem2 = QTableWidgetItem()
        self.unitTable.setHorizontalHeaderItem(2, __qtablewidgetitem2)
        __qtablewidgetitem3 = QTableWidgetItem()
        self.unitTable.setHorizontalHeaderItem(3, __qtablewidgetitem3)
        __qtablewidgetitem4 = QTableWidgetItem()
        self.unitTable.setHorizontalHeaderItem(4, __qtablewidgetitem4)
        self.unitTable.setObjectName(u"unitTable")
        self.unitTable.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.unitTable.setSelectionMode(QAbstractItemView.SingleSelection)
        self.unitTable.setEditTriggers(QAbstractItemView.NoEditTriggers)
        self.unitTable.setSortingEnabled(True)
        self.unitTable.setColumnCount(5)

        self.dialogLayout.addWidget(self.unitTable)

        self.buttons = QHBoxLayout()
        self.buttons.setObjectName(u"buttons")
        self.addButton = QPushButton(UnitsDialog)
        self.addButton.setObjectName(u"addButton")

        self.buttons.addWidget(self.addButton)

        self.editButton = QPushButton(UnitsDialog)
        self.editButton.setObjectName(u"editButton")

        self.buttons.addWidget(self.editButton)

        self.mergeButton = QPushButton(UnitsDialog)
        self.mergeButton.setObjectName(u"mergeButton")

        self.buttons.addWidget(self.mergeButton)

        self.deleteButton = QPushButton(UnitsDialog)
        self.deleteButton.setObjectName(u"deleteButton")

        self.buttons.addWidget(self.deleteButton)

        self.spacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.buttons.addItem(self.spacer)

        self.buttonBox = QDialogButtonBox(UnitsDialog)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setStandardButtons(QDialogButtonBox.Close)

        self.buttons.addWidget(self.buttonBox)


        self.dialogLayout.addLayout(self.buttons)


        self.retranslateUi(UnitsDialog)
    # setupUi

    def retranslateUi(self, UnitsDialog):
        UnitsDialog.setWindowTitle(QCoreApplication.translate("UnitsDialog", u"Danh m\u1ee5c \u0111\u01a1n v\u1ecb", None))
        self.searchEdit.setPlaceholderText(QCoreApplication.translate("UnitsDialog", u"T\u00ecm \u0111\u01a1n v\u1ecb\u2026", None))
        ___qtablewidgetitem = self.unitTable.horizontalHeaderItem(0)
        ___qtablewidgetitem.setText(QCoreApplication.translate("UnitsDialog", u"T\u00ean \u0111\u01a1n v\u1ecb", None))
        ___qtablewidgetitem1 = self.unitTable.horizontalHeaderItem(1)
        ___qtablewidgetitem1.setText(QCoreApplication.translate("UnitsDialog", u"T\u00ean vi\u1ebft t\u1eaft", None))
        ___qtablewidgetitem2 = self.unitTable.horizontalHeaderItem(2)
        ___qtablewidgetitem2.setText(QCoreApplication.translate("UnitsDialog", u"Lo\u1ea1i", None))
        ___qtablewidgetitem3 = self.unitTable.horizontalHeaderItem(3)
        ___qtablewidgetitem3.setText(QCoreApplication.translate("UnitsDialog", u"S\u1ed1 nhi\u1ec7m v\u1ee5", None))
        ___qtablewidgetitem4 = self.unitTable.horizontalHeaderItem(4)
        ___qtablewidgetitem4.setText(QCoreApplication.translate("UnitsDialog", u"T\u00ean g\u1ecdi kh\u00e1c", None))
        self.addButton.setText(QCoreApplication.translate("UnitsDialog", u"&Th\u00eam\u2026", None))
        self.editButton.setText(QCoreApplication.translate("UnitsDialog", u"&S\u1eeda, \u0111\u1ed5i t\u00ean\u2026", None))
        self.mergeButton.setText(QCoreApplication.translate("UnitsDialog", u"&G\u1ed9p v\u00e0o \u0111\u01a1n v\u1ecb kh\u00e1c\u2026", None))
        self.deleteButton.setText(QCoreApplication.translate("UnitsDialog", u"&X\u00f3a", None))
    # retranslateUi

