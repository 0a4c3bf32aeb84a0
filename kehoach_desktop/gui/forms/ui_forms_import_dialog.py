# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'forms_import_dialog.ui'
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
from PySide6.QtWidgets import (QAbstractButton, QAbstractItemView, QApplication, QCheckBox,
    QComboBox, QDialog, QDialogButtonBox, QHBoxLayout,
    QHeaderView, QLabel, QPushButton, QSizePolicy,
    QSpacerItem, QTabWidget, QTreeWidget, QTreeWidgetItem,
    QVBoxLayout, QWidget)

class Ui_FormsImportDialog(object):
    def setupUi(self, FormsImportDialog):
        if not FormsImportDialog.objectName():
            FormsImportDialog.setObjectName(u"FormsImportDialog")
        FormsImportDialog.resize(1100, 760)
        FormsImportDialog.setAcceptDrops(True)
        self.dialogLayout = QVBoxLayout(FormsImportDialog)
        self.dialogLayout.setObjectName(u"dialogLayout")
        self.filesBar = QHBoxLayout()
        self.filesBar.setObjectName(u"filesBar")
        self.filesLabel = QLabel(FormsImportDialog)
        self.filesLabel.setObjectName(u"filesLabel")

        self.filesBar.addWidget(self.filesLabel)

        self.filesSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.filesBar.addItem(self.filesSpacer)

        self.addButton = QPushButton(FormsImportDialog)
        self.addButton.setObjectName(u"addButton")

        self.filesBar.addWidget(self.addButton)

        self.removeButton = QPushButton(FormsImportDialog)
        self.removeButton.setObjectName(u"removeButton")

        self.filesBar.addWidget(self.removeButton)


        self.dialogLayout.addLayout(self.filesBar)

        self.fileTree = QTreeWidget(FormsImportDialog)
        self.fileTree.setObjectName(u"fileTree")
        self.fileTree.setMaximumHeight(130)
        self.fileTree.setRootIsDecorated(False)
        self.fileTree.setAlternatingRowColors(True)
        self.fileTree.setSelectionMode(QAbstractItemView.ExtendedSelection)

        self.dialogLayout.addWidget(self.fileTree)

        self.periodBar = QHBoxLayout()
        self.periodBar.setObjectName(u"periodBar")
        self.periodLabel = QLabel(FormsImportDialog)
        self.periodLabel.setObjectName(u"periodLabel")

        self.periodBar.addWidget(self.periodLabel)

        self.periodCombo = QComboBox(FormsImportDialog)
        self.periodCombo.setObjectName(u"periodCombo")
        self.periodCombo.setSizeAdjustPolicy(QComboBox.AdjustToMinimumContentsLengthWithIcon)
        self.periodCombo.setMinimumContentsLength(32)

        self.periodBar.addWidget(self.periodCombo)

        self.periodHint = QLabel(FormsImportDialog)
        self.periodHint.setObjectName(u"periodHint")

        self.periodBar.addWidget(self.periodHint)

        self.periodSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.periodBar.addItem(self.periodSpacer)


        self.dialogLayout.addLayout(self.periodBar)

        self.summaryLabel = QLabel(FormsImportDialog)
        self.summaryLabel.setObjectName(u"summaryLabel")
        self.summaryLabel.setWordWrap(True)
        self.summaryLabel.setTextFormat(Qt.PlainText)

        self.dialogLayout.addWidget(self.summaryLabel)

        self.resultTabs = QTabWidget(FormsImportDialog)
        self.resultTabs.setObjectName(u"resultTabs")
        self.errorsTab = QWidget()
        self.errorsTab.setObjectName(u"errorsTab")
        self.errorsTabLayout = QVBoxLayout(self.errorsTab)
        self.errorsTabLayout.setObjectName(u"errorsTabLayout")
        self.errorsTabExplain = QLabel(self.errorsTab)
        self.errorsTabExplain.setObjectName(u"errorsTabExplain")
        self.errorsTabExplain.setWordWrap(True)
        self.errorsTabExplain.setTextFormat(Qt.PlainText)

        self.errorsTabLayout.addWidget(self.errorsTabExplain)

        self.errorsTree = QTreeWidget(self.errorsTab)
        self.errorsTree.setObjectName(u"errorsTree")
        self.errorsTree.setAlternatingRowColors(True)
        self.errorsTree.setWordWrap(True)
        self.errorsTree.setRootIsDecorated(False)
        self.errorsTree.setUniformRowHeights(False)

        self.errorsTabLayout.addWidget(self.errorsTree)

        self.resultTabs.addTab(self.errorsTab, "")
        self.conflictsTab = QWidget()
        self.conflictsTab.setObjectName(u"conflictsTab")
        self.conflictsTabLayout = QVBoxLayout(self.conflictsTab)
        self.conflictsTabLayout.setObjectName(u"conflictsTabLayout")
        self.conflictsTabExplain = QLabel(self.conflictsTab)
        self.conflictsTabExplain.setObjectName(u"conflictsTabExplain")
        self.conflictsTabExplain.setWordWrap(True)
        self.conflictsTabExplain.setTextFormat(Qt.PlainText)

        self.conflictsTabLayout.addWidget(self.conflictsTabExplain)

        self.conflictsTree = QTreeWidget(self.conflictsTab)
        self.conflictsTree.setObjectName(u"conflictsTree")
        self.conflictsTree.setAlternatingRowColors(True)
        self.conflictsTree.setWordWrap(True)
        self.conflictsTree.setRootIsDecorated(False)
        self.conflictsTree.setUniformRowHeights(False)

        self.conflictsTabLayout.addWidget(self.conflictsTree)

        self.resultTabs.addTab(self.conflictsTab, "")
        self.newTab = QWidget()
        self.newTab.setObjectName(u"newTab")
        self.newTabLayout = QVBoxLayout(self.newTab)
        self.newTabLayout.setObjectName(u"newTabLayout")
        self.newTabExplain = QLabel(self.newTab)
        self.newTabExplain.setObjectName(u"newTabExplain")
        self.newTabExplain.setWordWrap(True)
        self.newTabExplain.setTextFormat(Qt.PlainText)

        self.newTabLayout.addWidget(self.newTabExplain)

        self.newTree = QTreeWidget(self.newTab)
        self.newTree.setObjectName(u"newTree")
        self.newTree.setAlternatingRowColors(True)
        self.newTree.setWordWrap(True)
        self.newTree.setRootIsDecorated(False)
        self.newTree.setUniformRowHeights(False)

        self.newTabLayout.addWidget(self.newTree)

        self.resultTabs.addTab(self.newTab, "")
        self.changedTab = QWidget()
        self.changedTab.setObjectName(u"changedTab")
        self.changedTabLayout = QVBoxLayout(self.changedTab)
        self.changedTabLayout.setObjectName(u"changedTabLayout")
        self.changedTabExplain = QLabel(self.changedTab)
        self.changedTabExplain.setObjectName(u"changedTabExplain")
        self.changedTabExplain.setWordWrap(True)
        self.changedTabExplain.setTextFormat(Qt.PlainText)

        self.changedTabLayout.addWidget(self.changedTabExplain)

        self.changedTree = QTreeWidget(self.changedTab)
        self.changedTree.setObjectName(u"changedTree")
        self.changedTree.setAlternatingRowColors(True)
        self.changedTree.setWordWrap(True)
        self.changedTree.setRootIsDecorated(False)
        self.changedTree.setUniformRowHeights(False)

        self.changedTabLayout.addWidget(self.changedTree)

        self.resultTabs.addTab(self.changedTab, "")
        self.notesTab = QWidget()
        self.notesTab.setObjectName(u"notesTab")
        self.notesTabLayout = QVBoxLayout(self.notesTab)
        self.notesTabLayout.setObjectName(u"notesTabLayout")
        self.notesTabExplain = QLabel(self.notesTab)
        self.notesTabExplain.setObjectName(u"notesTabExplain")
        self.notesTabExplain.setWordWrap(True)
        self.notesTabExplain.setTextFormat(Qt.PlainText)

        self.notesTabLayout.addWidget(self.notesTabExplain)

        self.notesTree = QTreeWidget(self.notesTab)
        self.notesTree.setObjectName(u"notesTree")
        self.notesTree.setAlternatingRowColors(True)
        self.notesTree.setWordWrap(True)
        self.notesTree.setRootIsDecorated(False)
        self.notesTree.setUniformRowHeights(False)

        self.notesTabLayout.addWidget(self.notesTree)

        self.resultTabs.addTab(self.notesTab, "")
        self.unchangedTab = QWidget()
        self.unchangedTab.setObjectName(u"unchangedTab")
        self.unchangedTabLayout = QVBoxLayout(self.unchangedTab)
        self.unchangedTabLayout.setObjectName(u"unchangedTabLayout")
        self.unchangedTabExplain = QLabel(self.unchangedTab)
        self.unchangedTabExplain.setObjectName(u"unchangedTabExplain")
        self.unchangedTabExplain.setWordWrap(True)
        self.unchangedTabExplain.setTextFormat(Qt.PlainText)

        self.unchangedTabLayout.addWidget(self.unchangedTabExplain)

        self.unchangedTree = QTreeWidget(self.unchangedTab)
        self.unchangedTree.setObjectName(u"unchangedTree")
        self.unchangedTree.setAlternatingRowColors(True)
        self.unchangedTree.setWordWrap(True)
        self.unchangedTree.setRootIsDecorated(False)
        self.unchangedTree.setUniformRowHeights(False)

        self.unchangedTabLayout.addWidget(self.unchangedTree)

        self.resultTabs.addTab(self.unchangedTab, "")

        self.dialogLayout.addWidget(self.resultTabs)

        self.acceptConflictsCheck = QCheckBox(FormsImportDialog)
        self.acceptConflictsCheck.setObjectName(u"acceptConflictsCheck")

        self.dialogLayout.addWidget(self.acceptConflictsCheck)

        self.statusLabel = QLabel(FormsImportDialog)
        self.statusLabel.setObjectName(u"statusLabel")
        self.statusLabel.setWordWrap(True)
        self.statusLabel.setTextFormat(Qt.PlainText)

        self.dialogLayout.addWidget(self.statusLabel)

        self.buttonBox = QDialogButtonBox(FormsImportDialog)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setStandardButtons(QDialogButtonBox.Cancel|QDialogButtonBox.Ok)

        self.dialogLayout.addWidget(self.buttonBox)

#if QT_CONFIG(shortcut)
        self.filesLabel.setBuddy(self.fileTree)
        self.periodLabel.setBuddy(self.periodCombo)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(FormsImportDialog)
    # setupUi

    def retranslateUi(self, FormsImportDialog):
        FormsImportDialog.setWindowTitle(QCoreApplication.translate("FormsImportDialog", u"Nh\u1eadp phi\u1ebfu b\u00e1o c\u00e1o c\u1ee7a \u0111\u01a1n v\u1ecb", None))
        self.filesLabel.setText(QCoreApplication.translate("FormsImportDialog", u"C\u00e1c t\u1ec7p &phi\u1ebfu b\u00e1o c\u00e1o (c\u00f3 th\u1ec3 k\u00e9o th\u00eam t\u1ec7p v\u00e0o \u0111\u00e2y):", None))
        self.addButton.setText(QCoreApplication.translate("FormsImportDialog", u"&Th\u00eam t\u1ec7p\u2026", None))
        self.removeButton.setText(QCoreApplication.translate("FormsImportDialog", u"&B\u1ecf t\u1ec7p \u0111\u00e3 ch\u1ecdn", None))
        ___qtreewidgetitem = self.fileTree.headerItem()
        ___qtreewidgetitem.setText(4, QCoreApplication.translate("FormsImportDialog", u"\u0110\u00e3 \u0111i\u1ec1n", None))
        ___qtreewidgetitem.setText(3, QCoreApplication.translate("FormsImportDialog", u"\u0110\u01a1n v\u1ecb", None))
        ___qtreewidgetitem.setText(2, QCoreApplication.translate("FormsImportDialog", u"K\u1ef3 b\u00e1o c\u00e1o", None))
        ___qtreewidgetitem.setText(1, QCoreApplication.translate("FormsImportDialog", u"K\u1ebf ho\u1ea1ch", None))
        ___qtreewidgetitem.setText(0, QCoreApplication.translate("FormsImportDialog", u"T\u1ec7p", None))
        self.periodLabel.setText(QCoreApplication.translate("FormsImportDialog", u"&K\u1ef3 \u0111ang nh\u1eadp:", None))
        self.periodHint.setText(QCoreApplication.translate("FormsImportDialog", u"(phi\u1ebfu c\u1ee7a k\u1ef3 kh\u00e1c \u0111\u01b0\u1ee3c b\u00e1o l\u00e0 xung \u0111\u1ed9t)", None))
        self.summaryLabel.setStyleSheet(QCoreApplication.translate("FormsImportDialog", u"font-weight: bold;", None))
        self.errorsTabExplain.setText(QCoreApplication.translate("FormsImportDialog", u"Nh\u1eefng ch\u1ed7 ch\u01b0\u01a1ng tr\u00ecnh kh\u00f4ng ghi \u0111\u01b0\u1ee3c: t\u1ec7p kh\u00f4ng \u0111\u1ecdc \u0111\u01b0\u1ee3c ho\u1eb7c kh\u00f4ng ph\u1ea3i phi\u1ebfu b\u00e1o c\u00e1o, trang \u0111\u1ecbnh danh b\u1ecb s\u1eeda, gi\u00e1 tr\u1ecb \u0111i\u1ec1n sai. Khi c\u00f2n l\u1ed7i th\u00ec kh\u00f4ng ghi g\u00ec c\u1ea3: h\u00e3y \u0111\u1ec1 ngh\u1ecb \u0111\u01a1n v\u1ecb s\u1eeda v\u00e0 g\u1eedi l\u1ea1i, ho\u1eb7c b\u1ecf t\u1ec7p l\u1ed7i ra kh\u1ecfi danh s\u00e1ch (n\u00fat \u00abB\u1ecf t\u1ec7p \u0111\u00e3 ch\u1ecdn\u00bb) r\u1ed3i ghi c\u00e1c t\u1ec7p c\u00f2n l\u1ea1i.", None))
        ___qtreewidgetitem1 = self.errorsTree.headerItem()
        ___qtreewidgetitem1.setText(1, QCoreApplication.translate("FormsImportDialog", u"\u1ede \u0111\u00e2u", None))
        ___qtreewidgetitem1.setText(0, QCoreApplication.translate("FormsImportDialog", u"V\u1ea5n \u0111\u1ec1", None))
        self.resultTabs.setTabText(self.resultTabs.indexOf(self.errorsTab), QCoreApplication.translate("FormsImportDialog", u"L\u1ed7i", None))
        self.conflictsTabExplain.setText(QCoreApplication.translate("FormsImportDialog", u"Nh\u1eefng \u0111i\u1ec3m c\u1ea7n xem tr\u01b0\u1edbc khi ghi: c\u00e1c \u0111\u01a1n v\u1ecb ch\u1ee7 tr\u00ec b\u00e1o c\u00e1o kh\u00e1c nhau v\u1ec1 m\u1ed9t nhi\u1ec7m v\u1ee5, phi\u1ebfu c\u1ee7a k\u1ebf ho\u1ea1ch ho\u1eb7c k\u1ef3 kh\u00e1c, nhi\u1ec7m v\u1ee5 kh\u00f4ng c\u00f2n trong k\u1ebf ho\u1ea1ch, \u00f4 b\u1ecb kh\u00f3a \u0111\u00e3 b\u1ecb s\u1eeda. Ch\u1ec9 ghi \u0111\u01b0\u1ee3c khi \u0111\u00e3 \u0111\u00e1nh d\u1ea5u \u00abV\u1eabn ghi c\u00e1c m\u1ee5c c\u00f3 xung \u0111\u1ed9t\u00bb; m\u1ed7i d\u00f2ng n\u00f3i r\u00f5 khi \u0111\u00f3 ch\u01b0\u01a1ng tr\u00ecnh l\u00e0m g\u00ec.", None))
        ___qtreewidgetitem2 = self.conflictsTree.headerItem()
        ___qtreewidgetitem2.setText(1, QCoreApplication.translate("FormsImportDialog", u"\u1ede \u0111\u00e2u", None))
        ___qtreewidgetitem2.setText(0, QCoreApplication.translate("FormsImportDialog", u"V\u1ea5n \u0111\u1ec1", None))
        self.resultTabs.setTabText(self.resultTabs.indexOf(self.conflictsTab), QCoreApplication.translate("FormsImportDialog", u"Xung \u0111\u1ed9t", None))
        self.newTabExplain.setText(QCoreApplication.translate("FormsImportDialog", u"B\u00e1o c\u00e1o c\u1ee7a \u0111\u01a1n v\u1ecb v\u1ec1 nhi\u1ec7m v\u1ee5 trong k\u1ef3 n\u00e0y ch\u01b0a c\u00f3 trong d\u1eef li\u1ec7u; s\u1ebd \u0111\u01b0\u1ee3c ghi th\u00eam.", None))
        ___qtreewidgetitem3 = self.newTree.headerItem()
        ___qtreewidgetitem3.setText(8, QCoreApplication.translate("FormsImportDialog", u"L\u1ea5y t\u1eeb", None))
        ___qtreewidgetitem3.setText(7, QCoreApplication.translate("FormsImportDialog", u"Kh\u00f3 kh\u0103n, v\u01b0\u1edbng m\u1eafc", None))
        ___qtreewidgetitem3.setText(6, QCoreApplication.translate("FormsImportDialog", u"T\u00e0i li\u1ec7u ki\u1ec3m ch\u1ee9ng", None))
        ___qtreewidgetitem3.setText(5, QCoreApplication.translate("FormsImportDialog", u"K\u1ebft qu\u1ea3 th\u1ef1c hi\u1ec7n", None))
        ___qtreewidgetitem3.setText(4, QCoreApplication.translate("FormsImportDialog", u"%", None))
        ___qtreewidgetitem3.setText(3, QCoreApplication.translate("FormsImportDialog", u"Tr\u1ea1ng th\u00e1i", None))
        ___qtreewidgetitem3.setText(2, QCoreApplication.translate("FormsImportDialog", u"Vai tr\u00f2", None))
        ___qtreewidgetitem3.setText(1, QCoreApplication.translate("FormsImportDialog", u"Nhi\u1ec7m v\u1ee5", None))
        ___qtreewidgetitem3.setText(0, QCoreApplication.translate("FormsImportDialog", u"\u0110\u01a1n v\u1ecb", None))
        self.resultTabs.setTabText(self.resultTabs.indexOf(self.newTab), QCoreApplication.translate("FormsImportDialog", u"M\u1edbi", None))
        self.changedTabExplain.setText(QCoreApplication.translate("FormsImportDialog", u"\u0110\u01a1n v\u1ecb \u0111\u00e3 c\u00f3 b\u00e1o c\u00e1o v\u1ec1 nhi\u1ec7m v\u1ee5 trong k\u1ef3 n\u00e0y; b\u00e1o c\u00e1o trong t\u1ec7p kh\u00e1c v\u1edbi b\u00e1o c\u00e1o \u0111\u00e3 ghi v\u00e0 s\u1ebd thay th\u1ebf n\u00f3 (c\u1ed9t \u00abTr\u01b0\u1edbc \u0111\u00e2y\u00bb l\u00e0 b\u00e1o c\u00e1o \u0111ang c\u00f3, c\u1ed9t \u00abNay\u00bb l\u00e0 b\u00e1o c\u00e1o trong t\u1ec7p).", None))
        ___qtreewidgetitem4 = self.changedTree.headerItem()
        ___qtreewidgetitem4.setText(5, QCoreApplication.translate("FormsImportDialog", u"L\u1ea5y t\u1eeb", None))
        ___qtreewidgetitem4.setText(4, QCoreApplication.translate("FormsImportDialog", u"Nay", None))
        ___qtreewidgetitem4.setText(3, QCoreApplication.translate("FormsImportDialog", u"Tr\u01b0\u1edbc \u0111\u00e2y", None))
        ___qtreewidgetitem4.setText(2, QCoreApplication.translate("FormsImportDialog", u"Thay \u0111\u1ed5i", None))
        ___qtreewidgetitem4.setText(1, QCoreApplication.translate("FormsImportDialog", u"Nhi\u1ec7m v\u1ee5", None))
        ___qtreewidgetitem4.setText(0, QCoreApplication.translate("FormsImportDialog", u"\u0110\u01a1n v\u1ecb", None))
        self.resultTabs.setTabText(self.resultTabs.indexOf(self.changedTab), QCoreApplication.translate("FormsImportDialog", u"Thay \u0111\u1ed5i", None))
        self.notesTabExplain.setText(QCoreApplication.translate("FormsImportDialog", u"Th\u00f4ng tin th\u00eam, kh\u00f4ng c\u1ea3n tr\u1edf vi\u1ec7c ghi.", None))
        ___qtreewidgetitem5 = self.notesTree.headerItem()
        ___qtreewidgetitem5.setText(1, QCoreApplication.translate("FormsImportDialog", u"\u1ede \u0111\u00e2u", None))
        ___qtreewidgetitem5.setText(0, QCoreApplication.translate("FormsImportDialog", u"V\u1ea5n \u0111\u1ec1", None))
        self.resultTabs.setTabText(self.resultTabs.indexOf(self.notesTab), QCoreApplication.translate("FormsImportDialog", u"L\u01b0u \u00fd", None))
        self.unchangedTabExplain.setText(QCoreApplication.translate("FormsImportDialog", u"B\u00e1o c\u00e1o gi\u1ed1ng h\u1ec7t b\u00e1o c\u00e1o \u0111\u00e3 c\u00f3 trong d\u1eef li\u1ec7u; kh\u00f4ng ghi l\u1ea1i.", None))
        ___qtreewidgetitem6 = self.unchangedTree.headerItem()
        ___qtreewidgetitem6.setText(8, QCoreApplication.translate("FormsImportDialog", u"L\u1ea5y t\u1eeb", None))
        ___qtreewidgetitem6.setText(7, QCoreApplication.translate("FormsImportDialog", u"Kh\u00f3 kh\u0103n, v\u01b0\u1edbng m\u1eafc", None))
        ___qtreewidgetitem6.setText(6, QCoreApplication.translate("FormsImportDialog", u"T\u00e0i li\u1ec7u ki\u1ec3m ch\u1ee9ng", None))
        ___qtreewidgetitem6.setText(5, QCoreApplication.translate("FormsImportDialog", u"K\u1ebft qu\u1ea3 th\u1ef1c hi\u1ec7n", None))
        ___qtreewidgetitem6.setText(4, QCoreApplication.translate("FormsImportDialog", u"%", None))
        ___qtreewidgetitem6.setText(3, QCoreApplication.translate("FormsImportDialog", u"Tr\u1ea1ng th\u00e1i", None))
        ___qtreewidgetitem6.setText(2, QCoreApplication.translate("FormsImportDialog", u"Vai tr\u00f2", None))
        ___qtreewidgetitem6.setText(1, QCoreApplication.translate("FormsImportDialog", u"Nhi\u1ec7m v\u1ee5", None))
        ___qtreewidgetitem6.setText(0, QCoreApplication.translate("FormsImportDialog", u"\u0110\u01a1n v\u1ecb", None))
        self.resultTabs.setTabText(self.resultTabs.indexOf(self.unchangedTab), QCoreApplication.translate("FormsImportDialog", u"Kh\u00f4ng \u0111\u1ed5i", None))
        self.acceptConflictsCheck.setText(QCoreApplication.translate("FormsImportDialog", u"&V\u1eabn ghi c\u00e1c m\u1ee5c c\u00f3 xung \u0111\u1ed9t", None))
    # retranslateUi

