# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'tracking_export_dialog.ui'
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
from PySide6.QtWidgets import (QAbstractButton, QApplication, QComboBox, QDialog,
    QDialogButtonBox, QFormLayout, QHBoxLayout, QLabel,
    QLineEdit, QPushButton, QSizePolicy, QSpacerItem,
    QVBoxLayout, QWidget)

from kehoach_desktop.gui.period_picker import PeriodPicker

class Ui_TrackingExportDialog(object):
    def setupUi(self, TrackingExportDialog):
        if not TrackingExportDialog.objectName():
            TrackingExportDialog.setObjectName(u"TrackingExportDialog")
        TrackingExportDialog.resize(720, 260)
        self.dialogLayout = QVBoxLayout(TrackingExportDialog)
        self.dialogLayout.setObjectName(u"dialogLayout")
        self.form = QFormLayout()
        self.form.setObjectName(u"form")
        self.form.setFieldGrowthPolicy(QFormLayout.AllNonFixedFieldsGrow)
        self.planLabel = QLabel(TrackingExportDialog)
        self.planLabel.setObjectName(u"planLabel")

        self.form.setWidget(0, QFormLayout.ItemRole.LabelRole, self.planLabel)

        self.planCombo = QComboBox(TrackingExportDialog)
        self.planCombo.setObjectName(u"planCombo")
        self.planCombo.setSizeAdjustPolicy(QComboBox.AdjustToMinimumContentsLengthWithIcon)
        self.planCombo.setMinimumContentsLength(40)

        self.form.setWidget(0, QFormLayout.ItemRole.FieldRole, self.planCombo)

        self.periodLabel = QLabel(TrackingExportDialog)
        self.periodLabel.setObjectName(u"periodLabel")

        self.form.setWidget(1, QFormLayout.ItemRole.LabelRole, self.periodLabel)

        self.periodPicker = PeriodPicker(TrackingExportDialog)
        self.periodPicker.setObjectName(u"periodPicker")

        self.form.setWidget(1, QFormLayout.ItemRole.FieldRole, self.periodPicker)

        self.fileLabel = QLabel(TrackingExportDialog)
        self.fileLabel.setObjectName(u"fileLabel")

        self.form.setWidget(2, QFormLayout.ItemRole.LabelRole, self.fileLabel)

        self.fileLayout = QHBoxLayout()
        self.fileLayout.setObjectName(u"fileLayout")
        self.fileEdit = QLineEdit(TrackingExportDialog)
        self.fileEdit.setObjectName(u"fileEdit")

        self.fileLayout.addWidget(self.fileEdit)

        self.browseButton = QPushButton(TrackingExportDialog)
        self.browseButton.setObjectName(u"browseButton")

        self.fileLayout.addWidget(self.browseButton)


        self.form.setLayout(2, QFormLayout.ItemRole.FieldRole, self.fileLayout)


        self.dialogLayout.addLayout(self.form)

        self.hintLabel = QLabel(TrackingExportDialog)
        self.hintLabel.setObjectName(u"hintLabel")
        self.hintLabel.setWordWrap(True)
        self.hintLabel.setTextFormat(Qt.PlainText)

        self.dialogLayout.addWidget(self.hintLabel)

        self.errorLabel = QLabel(TrackingExportDialog)
        self.errorLabel.setObjectName(u"errorLabel")
        self.errorLabel.setWordWrap(True)
        self.errorLabel.setTextFormat(Qt.PlainText)

        self.dialogLayout.addWidget(self.errorLabel)

        self.bottomSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.dialogLayout.addItem(self.bottomSpacer)

        self.buttonBox = QDialogButtonBox(TrackingExportDialog)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setStandardButtons(QDialogButtonBox.Cancel|QDialogButtonBox.Ok)

        self.dialogLayout.addWidget(self.buttonBox)

#if QT_CONFIG(shortcut)
        self.planLabel.setBuddy(self.planCombo)
        self.periodLabel.setBuddy(self.periodPicker)
        self.fileLabel.setBuddy(self.fileEdit)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(TrackingExportDialog)
    # setupUi

    def retranslateUi(self, TrackingExportDialog):
        TrackingExportDialog.setWindowTitle(QCoreApplication.translate("TrackingExportDialog", u"Xu\u1ea5t b\u1ea3ng theo d\u00f5i ra Excel", None))
        self.planLabel.setText(QCoreApplication.translate("TrackingExportDialog", u"&K\u1ebf ho\u1ea1ch:", None))
        self.periodLabel.setText(QCoreApplication.translate("TrackingExportDialog", u"K\u1ef3 &b\u00e1o c\u00e1o:", None))
        self.fileLabel.setText(QCoreApplication.translate("TrackingExportDialog", u"&T\u1ec7p Excel:", None))
        self.browseButton.setText(QCoreApplication.translate("TrackingExportDialog", u"&Ch\u1ecdn\u2026", None))
        self.hintLabel.setText(QCoreApplication.translate("TrackingExportDialog", u"B\u1ea3ng g\u1ed3m c\u00e1c nhi\u1ec7m v\u1ee5 theo t\u1eebng m\u1ee5c nh\u01b0 Ph\u1ee5 l\u1ee5c c\u1ee7a k\u1ebf ho\u1ea1ch, v\u1edbi th\u1eddi h\u1ea1n, \u0111\u01a1n v\u1ecb, tr\u1ea1ng th\u00e1i, % ho\u00e0n th\u00e0nh, k\u1ebft qu\u1ea3 v\u00e0 t\u00e0i li\u1ec7u ki\u1ec3m ch\u1ee9ng c\u1ee7a k\u1ef3 \u0111\u00e3 ch\u1ecdn; in v\u1eeba kh\u1ed5 A4 ngang.", None))
        self.errorLabel.setStyleSheet(QCoreApplication.translate("TrackingExportDialog", u"color: #b71c1c;", None))
    # retranslateUi

