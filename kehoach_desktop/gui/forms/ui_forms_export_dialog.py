# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'forms_export_dialog.ui'
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
    QLineEdit, QListWidget, QListWidgetItem, QPushButton,
    QRadioButton, QSizePolicy, QSpacerItem, QVBoxLayout,
    QWidget)

from kehoach_desktop.gui.period_picker import PeriodPicker

class Ui_FormsExportDialog(object):
    def setupUi(self, FormsExportDialog):
        if not FormsExportDialog.objectName():
            FormsExportDialog.setObjectName(u"FormsExportDialog")
        FormsExportDialog.resize(760, 420)
        self.dialogLayout = QVBoxLayout(FormsExportDialog)
        self.dialogLayout.setObjectName(u"dialogLayout")
        self.form = QFormLayout()
        self.form.setObjectName(u"form")
        self.form.setFieldGrowthPolicy(QFormLayout.AllNonFixedFieldsGrow)
        self.planLabel = QLabel(FormsExportDialog)
        self.planLabel.setObjectName(u"planLabel")

        self.form.setWidget(0, QFormLayout.ItemRole.LabelRole, self.planLabel)

        self.planCombo = QComboBox(FormsExportDialog)
        self.planCombo.setObjectName(u"planCombo")
        self.planCombo.setSizeAdjustPolicy(QComboBox.AdjustToMinimumContentsLengthWithIcon)
        self.planCombo.setMinimumContentsLength(40)

        self.form.setWidget(0, QFormLayout.ItemRole.FieldRole, self.planCombo)

        self.periodLabel = QLabel(FormsExportDialog)
        self.periodLabel.setObjectName(u"periodLabel")

        self.form.setWidget(1, QFormLayout.ItemRole.LabelRole, self.periodLabel)

        self.periodPicker = PeriodPicker(FormsExportDialog)
        self.periodPicker.setObjectName(u"periodPicker")

        self.form.setWidget(1, QFormLayout.ItemRole.FieldRole, self.periodPicker)

        self.layoutLabel = QLabel(FormsExportDialog)
        self.layoutLabel.setObjectName(u"layoutLabel")

        self.form.setWidget(2, QFormLayout.ItemRole.LabelRole, self.layoutLabel)

        self.layoutChoice = QHBoxLayout()
        self.layoutChoice.setObjectName(u"layoutChoice")
        self.perUnitRadio = QRadioButton(FormsExportDialog)
        self.perUnitRadio.setObjectName(u"perUnitRadio")
        self.perUnitRadio.setChecked(True)

        self.layoutChoice.addWidget(self.perUnitRadio)

        self.oneWorkbookRadio = QRadioButton(FormsExportDialog)
        self.oneWorkbookRadio.setObjectName(u"oneWorkbookRadio")

        self.layoutChoice.addWidget(self.oneWorkbookRadio)

        self.layoutSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.layoutChoice.addItem(self.layoutSpacer)


        self.form.setLayout(2, QFormLayout.ItemRole.FieldRole, self.layoutChoice)

        self.folderLabel = QLabel(FormsExportDialog)
        self.folderLabel.setObjectName(u"folderLabel")

        self.form.setWidget(3, QFormLayout.ItemRole.LabelRole, self.folderLabel)

        self.folderLayout = QHBoxLayout()
        self.folderLayout.setObjectName(u"folderLayout")
        self.folderEdit = QLineEdit(FormsExportDialog)
        self.folderEdit.setObjectName(u"folderEdit")

        self.folderLayout.addWidget(self.folderEdit)

        self.browseButton = QPushButton(FormsExportDialog)
        self.browseButton.setObjectName(u"browseButton")

        self.folderLayout.addWidget(self.browseButton)


        self.form.setLayout(3, QFormLayout.ItemRole.FieldRole, self.folderLayout)


        self.dialogLayout.addLayout(self.form)

        self.unitsCaption = QLabel(FormsExportDialog)
        self.unitsCaption.setObjectName(u"unitsCaption")

        self.dialogLayout.addWidget(self.unitsCaption)

        self.unitList = QListWidget(FormsExportDialog)
        self.unitList.setObjectName(u"unitList")

        self.dialogLayout.addWidget(self.unitList)

        self.hintLabel = QLabel(FormsExportDialog)
        self.hintLabel.setObjectName(u"hintLabel")
        self.hintLabel.setWordWrap(True)
        self.hintLabel.setTextFormat(Qt.PlainText)

        self.dialogLayout.addWidget(self.hintLabel)

        self.errorLabel = QLabel(FormsExportDialog)
        self.errorLabel.setObjectName(u"errorLabel")
        self.errorLabel.setWordWrap(True)
        self.errorLabel.setTextFormat(Qt.PlainText)

        self.dialogLayout.addWidget(self.errorLabel)

        self.buttonBox = QDialogButtonBox(FormsExportDialog)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setStandardButtons(QDialogButtonBox.Cancel|QDialogButtonBox.Ok)

        self.dialogLayout.addWidget(self.buttonBox)

#if QT_CONFIG(shortcut)
        self.planLabel.setBuddy(self.planCombo)
        self.periodLabel.setBuddy(self.periodPicker)
        self.folderLabel.setBuddy(self.folderEdit)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(FormsExportDialog)
    # setupUi

    def retranslateUi(self, FormsExportDialog):
        FormsExportDialog.setWindowTitle(QCoreApplication.translate("FormsExportDialog", u"G\u1eedi phi\u1ebfu b\u00e1o c\u00e1o cho c\u00e1c \u0111\u01a1n v\u1ecb", None))
        self.planLabel.setText(QCoreApplication.translate("FormsExportDialog", u"&K\u1ebf ho\u1ea1ch:", None))
        self.periodLabel.setText(QCoreApplication.translate("FormsExportDialog", u"K\u1ef3 &b\u00e1o c\u00e1o:", None))
        self.layoutLabel.setText(QCoreApplication.translate("FormsExportDialog", u"C\u00e1ch ghi:", None))
        self.perUnitRadio.setText(QCoreApplication.translate("FormsExportDialog", u"M\u1ed7i \u0111\u01a1n v\u1ecb m\u1ed9t &t\u1ec7p", None))
        self.oneWorkbookRadio.setText(QCoreApplication.translate("FormsExportDialog", u"M\u1ed9t t\u1ec7p, m\u1ed7i \u0111\u01a1n v\u1ecb m\u1ed9t t&rang t\u00ednh", None))
        self.folderLabel.setText(QCoreApplication.translate("FormsExportDialog", u"Th\u01b0 &m\u1ee5c ghi:", None))
        self.browseButton.setText(QCoreApplication.translate("FormsExportDialog", u"&Ch\u1ecdn\u2026", None))
        self.unitsCaption.setText(QCoreApplication.translate("FormsExportDialog", u"C\u00e1c \u0111\u01a1n v\u1ecb nh\u1eadn phi\u1ebfu (nhi\u1ec7m v\u1ee5 ch\u1ee7 tr\u00ec v\u00e0 ph\u1ed1i h\u1ee3p c\u1ee7a t\u1eebng \u0111\u01a1n v\u1ecb):", None))
        self.hintLabel.setText(QCoreApplication.translate("FormsExportDialog", u"\u0110\u01a1n v\u1ecb ch\u1ec9 \u0111i\u1ec1n v\u00e0o c\u00e1c \u00f4 m\u00e0u v\u00e0ng (Tr\u1ea1ng th\u00e1i, % ho\u00e0n th\u00e0nh, K\u1ebft qu\u1ea3 th\u1ef1c hi\u1ec7n, T\u00e0i li\u1ec7u ki\u1ec3m ch\u1ee9ng, Kh\u00f3 kh\u0103n, v\u01b0\u1edbng m\u1eafc) r\u1ed3i g\u1eedi l\u1ea1i t\u1ec7p; t\u1ec7p \u0111\u00e3 c\u00f3 trong th\u01b0 m\u1ee5c kh\u00f4ng b\u1ecb ghi \u0111\u00e8.", None))
        self.errorLabel.setStyleSheet(QCoreApplication.translate("FormsExportDialog", u"color: #b71c1c;", None))
    # retranslateUi

