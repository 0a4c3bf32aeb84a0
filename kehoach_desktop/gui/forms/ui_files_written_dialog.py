# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'files_written_dialog.ui'
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
from PySide6.QtWidgets import (QAbstractButton, QApplication, QDialog, QDialogButtonBox,
    QLabel, QListWidget, QListWidgetItem, QSizePolicy,
    QVBoxLayout, QWidget)

class Ui_FilesWrittenDialog(object):
    def setupUi(self, FilesWrittenDialog):
        if not FilesWrittenDialog.objectName():
            FilesWrittenDialog.setObjectName(u"FilesWrittenDialog")
        FilesWrittenDialog.resize(700, 380)
        self.dialogLayout = QVBoxLayout(FilesWrittenDialog)
        self.dialogLayout.setObjectName(u"dialogLayout")
        self.messageLabel = QLabel(FilesWrittenDialog)
        self.messageLabel.setObjectName(u"messageLabel")
        self.messageLabel.setWordWrap(True)
        self.messageLabel.setTextFormat(Qt.PlainText)

        self.dialogLayout.addWidget(self.messageLabel)

        self.fileList = QListWidget(FilesWrittenDialog)
        self.fileList.setObjectName(u"fileList")

        self.dialogLayout.addWidget(self.fileList)

        self.notesLabel = QLabel(FilesWrittenDialog)
        self.notesLabel.setObjectName(u"notesLabel")
        self.notesLabel.setWordWrap(True)

        self.dialogLayout.addWidget(self.notesLabel)

        self.notesList = QListWidget(FilesWrittenDialog)
        self.notesList.setObjectName(u"notesList")
        self.notesList.setWordWrap(True)

        self.dialogLayout.addWidget(self.notesList)

        self.buttonBox = QDialogButtonBox(FilesWrittenDialog)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setStandardButtons(QDialogButtonBox.Close)

        self.dialogLayout.addWidget(self.buttonBox)


        self.retranslateUi(FilesWrittenDialog)
    # setupUi

    def retranslateUi(self, FilesWrittenDialog):
        FilesWrittenDialog.setWindowTitle(QCoreApplication.translate("FilesWrittenDialog", u"\u0110\u00e3 ghi t\u1ec7p", None))
        self.notesLabel.setText(QCoreApplication.translate("FilesWrittenDialog", u"M\u1ed9t s\u1ed1 n\u1ed9i dung \u0111\u00e3 \u0111\u01b0\u1ee3c \u0111i\u1ec1u ch\u1ec9nh \u0111\u1ec3 Excel nh\u1eadn \u0111\u01b0\u1ee3c:", None))
    # retranslateUi

