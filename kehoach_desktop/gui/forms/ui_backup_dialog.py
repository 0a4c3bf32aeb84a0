# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'backup_dialog.ui'
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
    QDialogButtonBox, QHBoxLayout, QHeaderView, QLabel,
    QPushButton, QSizePolicy, QSpacerItem, QTableWidget,
    QTableWidgetItem, QVBoxLayout, QWidget)

class Ui_BackupDialog(object):
    def setupUi(self, BackupDialog):
        if not BackupDialog.objectName():
            BackupDialog.setObjectName(u"BackupDialog")
        BackupDialog.resize(860, 480)
        self.dialogLayout = QVBoxLayout(BackupDialog)
        self.dialogLayout.setObjectName(u"dialogLayout")
        self.infoLabel = QLabel(BackupDialog)
        self.infoLabel.setObjectName(u"infoLabel")
        self.infoLabel.setWordWrap(True)

        self.dialogLayout.addWidget(self.infoLabel)

        self.backupTable = QTableWidget(BackupDialog)
        if (self.backupTable.columnCount() < 5):
            self.backupTable.setColumnCount(5)
        __qtablewidgetitem = QTableWidgetItem()
        self.backupTable.setHorizontalHeaderItem(0, __qtablewidgetitem)
        __qtablewidgetitem1 = QTableWidgetItem()
        self.backupTable.setHorizontalHeaderItem(1, __qtablewidgetitem1)
        __qtablewidgetitem2 = QTableWidgetItem()
        self.backupTable.setHorizontalHeaderItem(2, __qtablewidgetitem2)
        __qtablewidgetitem3 = QTableWidgetItem()
        self.backupTable.setHorizontalHeaderItem(3, __qtablewidgetitem3)
        __qtablewidgetitem4 = QTableWidgetItem()
        self.backupTable.setHorizontalHeaderItem(4, __qtablewidgetitem4)
        self.backupTable.setObjectName(u"backupTable")
        self.backupTable.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.backupTable.setSelectionMode(QAbstractItemView.SingleSelection)
        self.backupTable.setEditTriggers(QAbstractItemView.NoEditTriggers)
        self.backupTable.setColumnCount(5)

        self.dialogLayout.addWidget(self.backupTable)

        self.folderLabel = QLabel(BackupDialog)
        self.folderLabel.setObjectName(u"folderLabel")
        self.folderLabel.setWordWrap(True)
        self.folderLabel.setTextInteractionFlags(Qt.TextSelectableByMouse)

        self.dialogLayout.addWidget(self.folderLabel)

        self.buttons = QHBoxLayout()
        self.buttons.setObjectName(u"buttons")
        self.otherFileButton = QPushButton(BackupDialog)
        self.otherFileButton.setObjectName(u"otherFileButton")

        self.buttons.addWidget(self.otherFileButton)

        self.spacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.buttons.addItem(self.spacer)

        self.buttonBox = QDialogButtonBox(BackupDialog)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setStandardButtons(QDialogButtonBox.Cancel|QDialogButtonBox.Ok)

        self.buttons.addWidget(self.buttonBox)


        self.dialogLayout.addLayout(self.buttons)


        self.retranslateUi(BackupDialog)
    # setupUi

    def retranslateUi(self, BackupDialog):
        BackupDialog.setWindowTitle(QCoreApplication.translate("BackupDialog", u"Kh\u00f4i ph\u1ee5c t\u1eeb b\u1ea3n sao l\u01b0u", None))
        self.infoLabel.setText(QCoreApplication.translate("BackupDialog", u"Ch\u1ecdn b\u1ea3n sao l\u01b0u c\u1ea7n kh\u00f4i ph\u1ee5c. D\u1eef li\u1ec7u \u0111ang d\u00f9ng s\u1ebd \u0111\u01b0\u1ee3c thay b\u1eb1ng b\u1ea3n \u0111\u00e3 ch\u1ecdn; tr\u01b0\u1edbc \u0111\u00f3 ch\u01b0\u01a1ng tr\u00ecnh sao l\u01b0u d\u1eef li\u1ec7u \u0111ang d\u00f9ng (\u00abTr\u01b0\u1edbc khi kh\u00f4i ph\u1ee5c\u00bb), n\u00ean v\u1eabn l\u1ea5y l\u1ea1i \u0111\u01b0\u1ee3c.", None))
        ___qtablewidgetitem = self.backupTable.horizontalHeaderItem(0)
        ___qtablewidgetitem.setText(QCoreApplication.translate("BackupDialog", u"Th\u1eddi \u0111i\u1ec3m sao l\u01b0u", None))
        ___qtablewidgetitem1 = self.backupTable.horizontalHeaderItem(1)
        ___qtablewidgetitem1.setText(QCoreApplication.translate("BackupDialog", u"Lo\u1ea1i", None))
        ___qtablewidgetitem2 = self.backupTable.horizontalHeaderItem(2)
        ___qtablewidgetitem2.setText(QCoreApplication.translate("BackupDialog", u"S\u1ed1 k\u1ebf ho\u1ea1ch", None))
        ___qtablewidgetitem3 = self.backupTable.horizontalHeaderItem(3)
        ___qtablewidgetitem3.setText(QCoreApplication.translate("BackupDialog", u"S\u1ed1 nhi\u1ec7m v\u1ee5", None))
        ___qtablewidgetitem4 = self.backupTable.horizontalHeaderItem(4)
        ___qtablewidgetitem4.setText(QCoreApplication.translate("BackupDialog", u"T\u00ecnh tr\u1ea1ng", None))
        self.otherFileButton.setText(QCoreApplication.translate("BackupDialog", u"Ch\u1ecdn &t\u1ec7p sao l\u01b0u kh\u00e1c\u2026", None))
    # retranslateUi

