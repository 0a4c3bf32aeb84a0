# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'import_dialog.ui'
##
## Created by: Qt User Interface Compiler version 6.11.3
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
    QLineEdit, QListWidget, QListWidgetItem, QPlainTextEdit,
    QPushButton, QSizePolicy, QSpacerItem, QSpinBox,
    QSplitter, QTabWidget, QTableWidget, QTableWidgetItem,
    QTreeWidget, QTreeWidgetItem, QVBoxLayout, QWidget)

class Ui_ImportDialog(object):
    def setupUi(self, ImportDialog):
        if not ImportDialog.objectName():
            ImportDialog.setObjectName(u"ImportDialog")
        ImportDialog.resize(980, 700)
        ImportDialog.setAcceptDrops(True)
        self.dialogLayout = QVBoxLayout(ImportDialog)
        self.dialogLayout.setObjectName(u"dialogLayout")
        self.sourceTabs = QTabWidget(ImportDialog)
        self.sourceTabs.setObjectName(u"sourceTabs")
        self.sourceTabs.setMaximumHeight(230)
        self.fileTab = QWidget()
        self.fileTab.setObjectName(u"fileTab")
        self.fileLayout = QHBoxLayout(self.fileTab)
        self.fileLayout.setObjectName(u"fileLayout")
        self.fileEdit = QLineEdit(self.fileTab)
        self.fileEdit.setObjectName(u"fileEdit")

        self.fileLayout.addWidget(self.fileEdit)

        self.browseButton = QPushButton(self.fileTab)
        self.browseButton.setObjectName(u"browseButton")

        self.fileLayout.addWidget(self.browseButton)

        self.sourceTabs.addTab(self.fileTab, "")
        self.pasteTab = QWidget()
        self.pasteTab.setObjectName(u"pasteTab")
        self.pasteLayout = QVBoxLayout(self.pasteTab)
        self.pasteLayout.setObjectName(u"pasteLayout")
        self.pasteEdit = QPlainTextEdit(self.pasteTab)
        self.pasteEdit.setObjectName(u"pasteEdit")

        self.pasteLayout.addWidget(self.pasteEdit)

        self.sourceTabs.addTab(self.pasteTab, "")

        self.dialogLayout.addWidget(self.sourceTabs)

        self.optionsLayout = QHBoxLayout()
        self.optionsLayout.setObjectName(u"optionsLayout")
        self.yearLabel = QLabel(ImportDialog)
        self.yearLabel.setObjectName(u"yearLabel")

        self.optionsLayout.addWidget(self.yearLabel)

        self.yearSpin = QSpinBox(ImportDialog)
        self.yearSpin.setObjectName(u"yearSpin")
        self.yearSpin.setMinimum(1999)
        self.yearSpin.setMaximum(2100)

        self.optionsLayout.addWidget(self.yearSpin)

        self.previewButton = QPushButton(ImportDialog)
        self.previewButton.setObjectName(u"previewButton")

        self.optionsLayout.addWidget(self.previewButton)

        self.optionsSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.optionsLayout.addItem(self.optionsSpacer)


        self.dialogLayout.addLayout(self.optionsLayout)

        self.summaryLabel = QLabel(ImportDialog)
        self.summaryLabel.setObjectName(u"summaryLabel")
        self.summaryLabel.setWordWrap(True)
        self.summaryLabel.setTextFormat(Qt.PlainText)

        self.dialogLayout.addWidget(self.summaryLabel)

        self.previewSplitter = QSplitter(ImportDialog)
        self.previewSplitter.setObjectName(u"previewSplitter")
        self.previewSplitter.setOrientation(Qt.Vertical)
        self.columnsPane = QWidget(self.previewSplitter)
        self.columnsPane.setObjectName(u"columnsPane")
        self.columnsLayout = QVBoxLayout(self.columnsPane)
        self.columnsLayout.setObjectName(u"columnsLayout")
        self.columnsLayout.setContentsMargins(0, 0, 0, 0)
        self.columnsLabel = QLabel(self.columnsPane)
        self.columnsLabel.setObjectName(u"columnsLabel")
        self.columnsLabel.setWordWrap(True)

        self.columnsLayout.addWidget(self.columnsLabel)

        self.columnsTable = QTableWidget(self.columnsPane)
        if (self.columnsTable.columnCount() < 3):
            self.columnsTable.setColumnCount(3)
        __qtablewidgetitem = QTableWidgetItem()
        self.columnsTable.setHorizontalHeaderItem(0, __qtablewidgetitem)
        __qtablewidgetitem1 = QTableWidgetItem()
        self.columnsTable.setHorizontalHeaderItem(1, __qtablewidgetitem1)
        __qtablewidgetitem2 = QTableWidgetItem()
        self.columnsTable.setHorizontalHeaderItem(2, __qtablewidgetitem2)
        self.columnsTable.setObjectName(u"columnsTable")
        self.columnsTable.setAlternatingRowColors(True)
        self.columnsTable.setSelectionMode(QAbstractItemView.NoSelection)
        self.columnsTable.setWordWrap(False)

        self.columnsLayout.addWidget(self.columnsTable)

        self.previewSplitter.addWidget(self.columnsPane)
        self.previewTree = QTreeWidget(self.previewSplitter)
        self.previewTree.setObjectName(u"previewTree")
        self.previewTree.setAlternatingRowColors(True)
        self.previewTree.setWordWrap(True)
        self.previewSplitter.addWidget(self.previewTree)
        self.warningList = QListWidget(self.previewSplitter)
        self.warningList.setObjectName(u"warningList")
        self.previewSplitter.addWidget(self.warningList)

        self.dialogLayout.addWidget(self.previewSplitter)

        self.buttonBox = QDialogButtonBox(ImportDialog)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setStandardButtons(QDialogButtonBox.Cancel|QDialogButtonBox.Ok)

        self.dialogLayout.addWidget(self.buttonBox)

#if QT_CONFIG(shortcut)
        self.yearLabel.setBuddy(self.yearSpin)
        self.columnsLabel.setBuddy(self.columnsTable)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(ImportDialog)
    # setupUi

    def retranslateUi(self, ImportDialog):
        ImportDialog.setWindowTitle(QCoreApplication.translate("ImportDialog", u"Nh\u1eadp k\u1ebf ho\u1ea1ch", None))
        self.fileEdit.setPlaceholderText(QCoreApplication.translate("ImportDialog", u"Ch\u1ecdn t\u1ec7p, ho\u1eb7c k\u00e9o t\u1ec7p v\u00e0o c\u1eeda s\u1ed5 n\u00e0y", None))
        self.browseButton.setText(QCoreApplication.translate("ImportDialog", u"&Ch\u1ecdn t\u1ec7p\u2026", None))
        self.sourceTabs.setTabText(self.sourceTabs.indexOf(self.fileTab), QCoreApplication.translate("ImportDialog", u"T\u1eeb &t\u1ec7p (.docx, .xlsx, .pdf, .doc, .xls, .txt)", None))
        self.pasteEdit.setPlaceholderText(QCoreApplication.translate("ImportDialog", u"D\u00e1n b\u1ea3ng nhi\u1ec7m v\u1ee5 \u0111\u00e3 sao ch\u00e9p t\u1eeb Word, Excel, PDF ho\u1eb7c trang web (c\u00f3 d\u00f2ng ti\u00eau \u0111\u1ec1 c\u1ed9t: TT, Nhi\u1ec7m v\u1ee5, Ti\u1ebfn \u0111\u1ed9, \u0110\u01a1n v\u1ecb\u2026)", None))
        self.sourceTabs.setTabText(self.sourceTabs.indexOf(self.pasteTab), QCoreApplication.translate("ImportDialog", u"&D\u00e1n b\u1ea3ng", None))
        self.yearLabel.setText(QCoreApplication.translate("ImportDialog", u"&N\u0103m k\u1ebf ho\u1ea1ch:", None))
        self.yearSpin.setSpecialValueText(QCoreApplication.translate("ImportDialog", u"t\u1ef1 nh\u1eadn", None))
        self.previewButton.setText(QCoreApplication.translate("ImportDialog", u"&Xem tr\u01b0\u1edbc", None))
        self.columnsLabel.setText(QCoreApplication.translate("ImportDialog", u"C\u00e1c &c\u1ed9t c\u1ee7a b\u1ea3ng nhi\u1ec7m v\u1ee5 \u2014 ch\u01b0\u01a1ng tr\u00ecnh hi\u1ec3u m\u1ed7i c\u1ed9t nh\u01b0 sau; n\u1ebfu sai, ch\u1ecdn l\u1ea1i ngh\u0129a c\u1ee7a c\u1ed9t (l\u1ef1a ch\u1ecdn \u0111\u01b0\u1ee3c nh\u1edb cho c\u00e1c b\u1ea3ng c\u00f3 c\u00f9ng t\u00ean c\u1ed9t):", None))
        ___qtablewidgetitem = self.columnsTable.horizontalHeaderItem(0)
        ___qtablewidgetitem.setText(QCoreApplication.translate("ImportDialog", u"C\u1ed9t trong b\u1ea3ng", None))
        ___qtablewidgetitem1 = self.columnsTable.horizontalHeaderItem(1)
        ___qtablewidgetitem1.setText(QCoreApplication.translate("ImportDialog", u"Ngh\u0129a", None))
        ___qtablewidgetitem2 = self.columnsTable.horizontalHeaderItem(2)
        ___qtablewidgetitem2.setText(QCoreApplication.translate("ImportDialog", u"N\u1ed9i dung \u00f4 \u0111\u1ea7u ti\u00ean", None))
        ___qtreewidgetitem = self.previewTree.headerItem()
        ___qtreewidgetitem.setText(4, QCoreApplication.translate("ImportDialog", u"Ph\u1ed1i h\u1ee3p", None))
        ___qtreewidgetitem.setText(3, QCoreApplication.translate("ImportDialog", u"Ch\u1ee7 tr\u00ec", None))
        ___qtreewidgetitem.setText(2, QCoreApplication.translate("ImportDialog", u"Ti\u1ebfn \u0111\u1ed9", None))
        ___qtreewidgetitem.setText(1, QCoreApplication.translate("ImportDialog", u"Nhi\u1ec7m v\u1ee5", None))
        ___qtreewidgetitem.setText(0, QCoreApplication.translate("ImportDialog", u"TT / M\u1ee5c", None))
    # retranslateUi

