# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'main_window.ui'
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
from PySide6.QtWidgets import (QAbstractItemView, QApplication, QCheckBox, QComboBox,
    QDateEdit, QFrame, QHBoxLayout, QHeaderView,
    QLabel, QLineEdit, QMainWindow, QMenuBar,
    QSizePolicy, QSplitter, QStatusBar, QTextBrowser,
    QToolButton, QTreeView, QVBoxLayout, QWidget)

class Ui_MainWindow(object):
    def setupUi(self, MainWindow):
        if not MainWindow.objectName():
            MainWindow.setObjectName(u"MainWindow")
        MainWindow.resize(1280, 800)
        self.centralWidget = QWidget(MainWindow)
        self.centralWidget.setObjectName(u"centralWidget")
        self.centralLayout = QVBoxLayout(self.centralWidget)
        self.centralLayout.setSpacing(6)
        self.centralLayout.setObjectName(u"centralLayout")
        self.centralLayout.setContentsMargins(8, 6, 8, 4)
        self.summaryBanner = QFrame(self.centralWidget)
        self.summaryBanner.setObjectName(u"summaryBanner")
        sizePolicy = QSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)
        sizePolicy.setHorizontalStretch(0)
        sizePolicy.setVerticalStretch(0)
        sizePolicy.setHeightForWidth(self.summaryBanner.sizePolicy().hasHeightForWidth())
        self.summaryBanner.setSizePolicy(sizePolicy)
        self.summaryBanner.setFrameShape(QFrame.StyledPanel)
        self.summaryBanner.setStyleSheet(u"#summaryBanner { background: #fff8e1; border: 1px solid #f0d58c; border-radius: 3px; }")
        self.summaryLayout = QHBoxLayout(self.summaryBanner)
        self.summaryLayout.setObjectName(u"summaryLayout")
        self.summaryLayout.setContentsMargins(-1, 4, -1, 4)
        self.summaryIcon = QLabel(self.summaryBanner)
        self.summaryIcon.setObjectName(u"summaryIcon")

        self.summaryLayout.addWidget(self.summaryIcon)

        self.summaryLabel = QLabel(self.summaryBanner)
        self.summaryLabel.setObjectName(u"summaryLabel")
        self.summaryLabel.setWordWrap(True)
        self.summaryLabel.setTextInteractionFlags(Qt.LinksAccessibleByMouse|Qt.TextSelectableByMouse)
        sizePolicy1 = QSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        sizePolicy1.setHorizontalStretch(1)
        sizePolicy1.setVerticalStretch(0)
        sizePolicy1.setHeightForWidth(self.summaryLabel.sizePolicy().hasHeightForWidth())
        self.summaryLabel.setSizePolicy(sizePolicy1)

        self.summaryLayout.addWidget(self.summaryLabel)

        self.summaryCloseButton = QToolButton(self.summaryBanner)
        self.summaryCloseButton.setObjectName(u"summaryCloseButton")
        self.summaryCloseButton.setAutoRaise(True)

        self.summaryLayout.addWidget(self.summaryCloseButton)


        self.centralLayout.addWidget(self.summaryBanner)

        self.selectorLayout = QHBoxLayout()
        self.selectorLayout.setObjectName(u"selectorLayout")
        self.planLabel = QLabel(self.centralWidget)
        self.planLabel.setObjectName(u"planLabel")

        self.selectorLayout.addWidget(self.planLabel)

        self.planCombo = QComboBox(self.centralWidget)
        self.planCombo.setObjectName(u"planCombo")
        sizePolicy2 = QSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        sizePolicy2.setHorizontalStretch(3)
        sizePolicy2.setVerticalStretch(0)
        sizePolicy2.setHeightForWidth(self.planCombo.sizePolicy().hasHeightForWidth())
        self.planCombo.setSizePolicy(sizePolicy2)
        self.planCombo.setSizeAdjustPolicy(QComboBox.AdjustToMinimumContentsLengthWithIcon)
        self.planCombo.setMinimumContentsLength(30)

        self.selectorLayout.addWidget(self.planCombo)

        self.viewLabel = QLabel(self.centralWidget)
        self.viewLabel.setObjectName(u"viewLabel")

        self.selectorLayout.addWidget(self.viewLabel)

        self.viewCombo = QComboBox(self.centralWidget)
        self.viewCombo.setObjectName(u"viewCombo")

        self.selectorLayout.addWidget(self.viewCombo)

        self.asOfLabel = QLabel(self.centralWidget)
        self.asOfLabel.setObjectName(u"asOfLabel")

        self.selectorLayout.addWidget(self.asOfLabel)

        self.asOfEdit = QDateEdit(self.centralWidget)
        self.asOfEdit.setObjectName(u"asOfEdit")
        self.asOfEdit.setCalendarPopup(True)

        self.selectorLayout.addWidget(self.asOfEdit)


        self.centralLayout.addLayout(self.selectorLayout)

        self.filterLayout = QHBoxLayout()
        self.filterLayout.setObjectName(u"filterLayout")
        self.searchEdit = QLineEdit(self.centralWidget)
        self.searchEdit.setObjectName(u"searchEdit")
        self.searchEdit.setClearButtonEnabled(True)
        sizePolicy2.setHeightForWidth(self.searchEdit.sizePolicy().hasHeightForWidth())
        self.searchEdit.setSizePolicy(sizePolicy2)

        self.filterLayout.addWidget(self.searchEdit)

        self.unitFilter = QComboBox(self.centralWidget)
        self.unitFilter.setObjectName(u"unitFilter")
        self.unitFilter.setSizeAdjustPolicy(QComboBox.AdjustToMinimumContentsLengthWithIcon)
        self.unitFilter.setMinimumContentsLength(18)

        self.filterLayout.addWidget(self.unitFilter)

        self.statusFilter = QComboBox(self.centralWidget)
        self.statusFilter.setObjectName(u"statusFilter")

        self.filterLayout.addWidget(self.statusFilter)

        self.areaFilter = QComboBox(self.centralWidget)
        self.areaFilter.setObjectName(u"areaFilter")
        self.areaFilter.setSizeAdjustPolicy(QComboBox.AdjustToMinimumContentsLengthWithIcon)
        self.areaFilter.setMinimumContentsLength(14)

        self.filterLayout.addWidget(self.areaFilter)

        self.overdueToggle = QCheckBox(self.centralWidget)
        self.overdueToggle.setObjectName(u"overdueToggle")

        self.filterLayout.addWidget(self.overdueToggle)

        self.dueSoonToggle = QCheckBox(self.centralWidget)
        self.dueSoonToggle.setObjectName(u"dueSoonToggle")

        self.filterLayout.addWidget(self.dueSoonToggle)


        self.centralLayout.addLayout(self.filterLayout)

        self.mainSplitter = QSplitter(self.centralWidget)
        self.mainSplitter.setObjectName(u"mainSplitter")
        self.mainSplitter.setOrientation(Qt.Horizontal)
        self.mainSplitter.setChildrenCollapsible(False)
        self.taskTree = QTreeView(self.mainSplitter)
        self.taskTree.setObjectName(u"taskTree")
        self.taskTree.setAlternatingRowColors(True)
        self.taskTree.setSelectionMode(QAbstractItemView.SingleSelection)
        self.taskTree.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.taskTree.setEditTriggers(QAbstractItemView.NoEditTriggers)
        self.taskTree.setUniformRowHeights(False)
        self.taskTree.setSortingEnabled(True)
        self.taskTree.setWordWrap(True)
        self.taskTree.setContextMenuPolicy(Qt.CustomContextMenu)
        self.mainSplitter.addWidget(self.taskTree)
        self.detailView = QTextBrowser(self.mainSplitter)
        self.detailView.setObjectName(u"detailView")
        self.detailView.setOpenLinks(False)
        self.mainSplitter.addWidget(self.detailView)

        self.centralLayout.addWidget(self.mainSplitter)

        self.centralLayout.setStretch(3, 1)
        MainWindow.setCentralWidget(self.centralWidget)
        self.menuBar = QMenuBar(MainWindow)
        self.menuBar.setObjectName(u"menuBar")
        MainWindow.setMenuBar(self.menuBar)
        self.statusBar = QStatusBar(MainWindow)
        self.statusBar.setObjectName(u"statusBar")
        MainWindow.setStatusBar(self.statusBar)
#if QT_CONFIG(shortcut)
        self.planLabel.setBuddy(self.planCombo)
        self.viewLabel.setBuddy(self.viewCombo)
        self.asOfLabel.setBuddy(self.asOfEdit)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(MainWindow)
    # setupUi

    def retranslateUi(self, MainWindow):
        MainWindow.setWindowTitle(QCoreApplication.translate("MainWindow", u"Theo d\u00f5i K\u1ebf ho\u1ea1ch CCHC", None))
        self.summaryLabel.setText("")
        self.summaryCloseButton.setText(QCoreApplication.translate("MainWindow", u"\u0110\u00f3ng", None))
#if QT_CONFIG(tooltip)
        self.summaryCloseButton.setToolTip(QCoreApplication.translate("MainWindow", u"\u1ea8n th\u00f4ng b\u00e1o n\u00e0y", None))
#endif // QT_CONFIG(tooltip)
        self.planLabel.setText(QCoreApplication.translate("MainWindow", u"&K\u1ebf ho\u1ea1ch:", None))
#if QT_CONFIG(tooltip)
        self.planCombo.setToolTip(QCoreApplication.translate("MainWindow", u"Ch\u1ecdn k\u1ebf ho\u1ea1ch, ho\u1eb7c t\u1ea5t c\u1ea3 k\u1ebf ho\u1ea1ch c\u1ee7a m\u1ed9t n\u0103m", None))
#endif // QT_CONFIG(tooltip)
        self.viewLabel.setText(QCoreApplication.translate("MainWindow", u"&Xem theo:", None))
#if QT_CONFIG(tooltip)
        self.viewCombo.setToolTip(QCoreApplication.translate("MainWindow", u"C\u00e1ch nh\u00f3m c\u00e1c nhi\u1ec7m v\u1ee5", None))
#endif // QT_CONFIG(tooltip)
        self.asOfLabel.setText(QCoreApplication.translate("MainWindow", u"&Ng\u00e0y t\u00ednh:", None))
        self.asOfEdit.setDisplayFormat(QCoreApplication.translate("MainWindow", u"dd/MM/yyyy", None))
#if QT_CONFIG(tooltip)
        self.asOfEdit.setToolTip(QCoreApplication.translate("MainWindow", u"Ng\u00e0y d\u00f9ng \u0111\u1ec3 t\u00ednh nhi\u1ec7m v\u1ee5 qu\u00e1 h\u1ea1n v\u00e0 s\u1eafp \u0111\u1ebfn h\u1ea1n", None))
#endif // QT_CONFIG(tooltip)
        self.searchEdit.setPlaceholderText(QCoreApplication.translate("MainWindow", u"T\u00ecm nhi\u1ec7m v\u1ee5, k\u1ebft qu\u1ea3, ghi ch\u00fa, \u0111\u01a1n v\u1ecb\u2026 (Ctrl+F; g\u00f5 kh\u00f4ng d\u1ea5u c\u0169ng \u0111\u01b0\u1ee3c)", None))
#if QT_CONFIG(tooltip)
        self.unitFilter.setToolTip(QCoreApplication.translate("MainWindow", u"Ch\u1ec9 hi\u1ec7n nhi\u1ec7m v\u1ee5 c\u1ee7a \u0111\u01a1n v\u1ecb n\u00e0y", None))
#endif // QT_CONFIG(tooltip)
#if QT_CONFIG(tooltip)
        self.statusFilter.setToolTip(QCoreApplication.translate("MainWindow", u"Ch\u1ec9 hi\u1ec7n nhi\u1ec7m v\u1ee5 c\u00f3 tr\u1ea1ng th\u00e1i n\u00e0y", None))
#endif // QT_CONFIG(tooltip)
#if QT_CONFIG(tooltip)
        self.areaFilter.setToolTip(QCoreApplication.translate("MainWindow", u"Ch\u1ec9 hi\u1ec7n nhi\u1ec7m v\u1ee5 thu\u1ed9c l\u0129nh v\u1ef1c n\u00e0y", None))
#endif // QT_CONFIG(tooltip)
        self.overdueToggle.setText(QCoreApplication.translate("MainWindow", u"&Qu\u00e1 h\u1ea1n", None))
        self.dueSoonToggle.setText(QCoreApplication.translate("MainWindow", u"&S\u1eafp \u0111\u1ebfn h\u1ea1n (7 ng\u00e0y)", None))
        self.detailView.setPlaceholderText(QCoreApplication.translate("MainWindow", u"Ch\u1ecdn m\u1ed9t nhi\u1ec7m v\u1ee5 \u0111\u1ec3 xem chi ti\u1ebft.", None))
    # retranslateUi

