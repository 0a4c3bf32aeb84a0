# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'reporting_panel.ui'
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
from PySide6.QtWidgets import (QApplication, QComboBox, QFormLayout, QHBoxLayout,
    QHeaderView, QLabel, QPushButton, QSizePolicy,
    QSpacerItem, QTreeWidget, QTreeWidgetItem, QVBoxLayout,
    QWidget)

from kehoach_desktop.gui.period_picker import PeriodPicker

class Ui_ReportingPanel(object):
    def setupUi(self, ReportingPanel):
        if not ReportingPanel.objectName():
            ReportingPanel.setObjectName(u"ReportingPanel")
        ReportingPanel.resize(380, 560)
        self.panelLayout = QVBoxLayout(ReportingPanel)
        self.panelLayout.setObjectName(u"panelLayout")
        self.form = QFormLayout()
        self.form.setObjectName(u"form")
        self.form.setFieldGrowthPolicy(QFormLayout.AllNonFixedFieldsGrow)
        self.planLabel = QLabel(ReportingPanel)
        self.planLabel.setObjectName(u"planLabel")

        self.form.setWidget(0, QFormLayout.ItemRole.LabelRole, self.planLabel)

        self.planCombo = QComboBox(ReportingPanel)
        self.planCombo.setObjectName(u"planCombo")
        self.planCombo.setSizeAdjustPolicy(QComboBox.AdjustToMinimumContentsLengthWithIcon)
        self.planCombo.setMinimumContentsLength(16)

        self.form.setWidget(0, QFormLayout.ItemRole.FieldRole, self.planCombo)

        self.periodLabel = QLabel(ReportingPanel)
        self.periodLabel.setObjectName(u"periodLabel")

        self.form.setWidget(1, QFormLayout.ItemRole.LabelRole, self.periodLabel)

        self.periodPicker = PeriodPicker(ReportingPanel)
        self.periodPicker.setObjectName(u"periodPicker")

        self.form.setWidget(1, QFormLayout.ItemRole.FieldRole, self.periodPicker)


        self.panelLayout.addLayout(self.form)

        self.summaryLabel = QLabel(ReportingPanel)
        self.summaryLabel.setObjectName(u"summaryLabel")
        self.summaryLabel.setWordWrap(True)
        self.summaryLabel.setTextFormat(Qt.PlainText)

        self.panelLayout.addWidget(self.summaryLabel)

        self.unitTree = QTreeWidget(ReportingPanel)
        self.unitTree.setObjectName(u"unitTree")
        self.unitTree.setAlternatingRowColors(True)

        self.panelLayout.addWidget(self.unitTree)

        self.buttons = QHBoxLayout()
        self.buttons.setObjectName(u"buttons")
        self.sendButton = QPushButton(ReportingPanel)
        self.sendButton.setObjectName(u"sendButton")

        self.buttons.addWidget(self.sendButton)

        self.importButton = QPushButton(ReportingPanel)
        self.importButton.setObjectName(u"importButton")

        self.buttons.addWidget(self.importButton)

        self.buttonsSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.buttons.addItem(self.buttonsSpacer)


        self.panelLayout.addLayout(self.buttons)

#if QT_CONFIG(shortcut)
        self.planLabel.setBuddy(self.planCombo)
        self.periodLabel.setBuddy(self.periodPicker)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(ReportingPanel)
    # setupUi

    def retranslateUi(self, ReportingPanel):
        self.planLabel.setText(QCoreApplication.translate("ReportingPanel", u"K\u1ebf &ho\u1ea1ch:", None))
        self.periodLabel.setText(QCoreApplication.translate("ReportingPanel", u"K\u1ef3 b\u00e1o c\u00e1&o:", None))
        ___qtreewidgetitem = self.unitTree.headerItem()
        ___qtreewidgetitem.setText(2, QCoreApplication.translate("ReportingPanel", u"Ng\u00e0y b\u00e1o c\u00e1o", None))
        ___qtreewidgetitem.setText(1, QCoreApplication.translate("ReportingPanel", u"\u0110\u00e3 b\u00e1o c\u00e1o", None))
        ___qtreewidgetitem.setText(0, QCoreApplication.translate("ReportingPanel", u"\u0110\u01a1n v\u1ecb", None))
#if QT_CONFIG(tooltip)
        self.unitTree.setToolTip(QCoreApplication.translate("ReportingPanel", u"Nh\u1ea5p \u0111\u00fap v\u00e0o m\u1ed9t \u0111\u01a1n v\u1ecb \u0111\u1ec3 l\u1ecdc c\u00e1c nhi\u1ec7m v\u1ee5 c\u1ee7a \u0111\u01a1n v\u1ecb \u0111\u00f3.", None))
#endif // QT_CONFIG(tooltip)
        self.sendButton.setText(QCoreApplication.translate("ReportingPanel", u"G\u1eedi &phi\u1ebfu\u2026", None))
        self.importButton.setText(QCoreApplication.translate("ReportingPanel", u"Nh\u1eadp phi\u1ebf&u\u2026", None))
        pass
    # retranslateUi

