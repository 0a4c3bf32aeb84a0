# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'progress_dialog.ui'
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
from PySide6.QtWidgets import (QAbstractButton, QApplication, QComboBox, QDateEdit,
    QDialog, QDialogButtonBox, QFormLayout, QGroupBox,
    QHBoxLayout, QHeaderView, QLabel, QPlainTextEdit,
    QPushButton, QSizePolicy, QSpacerItem, QSpinBox,
    QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget)

from kehoach_desktop.gui.period_picker import PeriodPicker

class Ui_ProgressDialog(object):
    def setupUi(self, ProgressDialog):
        if not ProgressDialog.objectName():
            ProgressDialog.setObjectName(u"ProgressDialog")
        ProgressDialog.resize(760, 620)
        self.dialogLayout = QVBoxLayout(ProgressDialog)
        self.dialogLayout.setObjectName(u"dialogLayout")
        self.taskLabel = QLabel(ProgressDialog)
        self.taskLabel.setObjectName(u"taskLabel")
        self.taskLabel.setWordWrap(True)
        self.taskLabel.setTextFormat(Qt.PlainText)

        self.dialogLayout.addWidget(self.taskLabel)

        self.form = QFormLayout()
        self.form.setObjectName(u"form")
        self.form.setFieldGrowthPolicy(QFormLayout.AllNonFixedFieldsGrow)
        self.periodLabel = QLabel(ProgressDialog)
        self.periodLabel.setObjectName(u"periodLabel")

        self.form.setWidget(0, QFormLayout.ItemRole.LabelRole, self.periodLabel)

        self.periodPicker = PeriodPicker(ProgressDialog)
        self.periodPicker.setObjectName(u"periodPicker")

        self.form.setWidget(0, QFormLayout.ItemRole.FieldRole, self.periodPicker)

        self.unitLabel = QLabel(ProgressDialog)
        self.unitLabel.setObjectName(u"unitLabel")

        self.form.setWidget(1, QFormLayout.ItemRole.LabelRole, self.unitLabel)

        self.unitCombo = QComboBox(ProgressDialog)
        self.unitCombo.setObjectName(u"unitCombo")

        self.form.setWidget(1, QFormLayout.ItemRole.FieldRole, self.unitCombo)

        self.statusLabel = QLabel(ProgressDialog)
        self.statusLabel.setObjectName(u"statusLabel")

        self.form.setWidget(2, QFormLayout.ItemRole.LabelRole, self.statusLabel)

        self.statusLayout = QHBoxLayout()
        self.statusLayout.setObjectName(u"statusLayout")
        self.statusCombo = QComboBox(ProgressDialog)
        self.statusCombo.setObjectName(u"statusCombo")

        self.statusLayout.addWidget(self.statusCombo)

        self.percentLabel = QLabel(ProgressDialog)
        self.percentLabel.setObjectName(u"percentLabel")

        self.statusLayout.addWidget(self.percentLabel)

        self.percentSpin = QSpinBox(ProgressDialog)
        self.percentSpin.setObjectName(u"percentSpin")
        self.percentSpin.setMaximum(100)

        self.statusLayout.addWidget(self.percentSpin)

        self.reportedLabel = QLabel(ProgressDialog)
        self.reportedLabel.setObjectName(u"reportedLabel")

        self.statusLayout.addWidget(self.reportedLabel)

        self.reportedEdit = QDateEdit(ProgressDialog)
        self.reportedEdit.setObjectName(u"reportedEdit")
        self.reportedEdit.setCalendarPopup(True)

        self.statusLayout.addWidget(self.reportedEdit)

        self.statusSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.statusLayout.addItem(self.statusSpacer)


        self.form.setLayout(2, QFormLayout.ItemRole.FieldRole, self.statusLayout)

        self.resultLabel = QLabel(ProgressDialog)
        self.resultLabel.setObjectName(u"resultLabel")

        self.form.setWidget(3, QFormLayout.ItemRole.LabelRole, self.resultLabel)

        self.resultEdit = QPlainTextEdit(ProgressDialog)
        self.resultEdit.setObjectName(u"resultEdit")
        self.resultEdit.setTabChangesFocus(True)

        self.form.setWidget(3, QFormLayout.ItemRole.FieldRole, self.resultEdit)

        self.difficultiesLabel = QLabel(ProgressDialog)
        self.difficultiesLabel.setObjectName(u"difficultiesLabel")

        self.form.setWidget(4, QFormLayout.ItemRole.LabelRole, self.difficultiesLabel)

        self.difficultiesEdit = QPlainTextEdit(ProgressDialog)
        self.difficultiesEdit.setObjectName(u"difficultiesEdit")
        self.difficultiesEdit.setTabChangesFocus(True)
        self.difficultiesEdit.setMaximumHeight(70)

        self.form.setWidget(4, QFormLayout.ItemRole.FieldRole, self.difficultiesEdit)


        self.dialogLayout.addLayout(self.form)

        self.evidenceBox = QGroupBox(ProgressDialog)
        self.evidenceBox.setObjectName(u"evidenceBox")
        self.evidenceLayout = QVBoxLayout(self.evidenceBox)
        self.evidenceLayout.setObjectName(u"evidenceLayout")
        self.evidenceTable = QTableWidget(self.evidenceBox)
        if (self.evidenceTable.columnCount() < 4):
            self.evidenceTable.setColumnCount(4)
        __qtablewidgetitem = QTableWidgetItem()
        self.evidenceTable.setHorizontalHeaderItem(0, __qtablewidgetitem)
        __qtablewidgetitem1 = QTableWidgetItem()
        self.evidenceTable.setHorizontalHeaderItem(1, __qtablewidgetitem1)
        __qtablewidgetitem2 = QTableWidgetItem()
        self.evidenceTable.setHorizontalHeaderItem(2, __qtablewidgetitem2)
        __qtablewidgetitem3 = QTableWidgetItem()
        self.evidenceTable.setHorizontalHeaderItem(3, __qtablewidgetitem3)
        self.evidenceTable.setObjectName(u"evidenceTable")
        self.evidenceTable.setColumnCount(4)

        self.evidenceLayout.addWidget(self.evidenceTable)

        self.evidenceButtons = QHBoxLayout()
        self.evidenceButtons.setObjectName(u"evidenceButtons")
        self.addEvidenceButton = QPushButton(self.evidenceBox)
        self.addEvidenceButton.setObjectName(u"addEvidenceButton")

        self.evidenceButtons.addWidget(self.addEvidenceButton)

        self.chooseFileButton = QPushButton(self.evidenceBox)
        self.chooseFileButton.setObjectName(u"chooseFileButton")

        self.evidenceButtons.addWidget(self.chooseFileButton)

        self.openFileButton = QPushButton(self.evidenceBox)
        self.openFileButton.setObjectName(u"openFileButton")

        self.evidenceButtons.addWidget(self.openFileButton)

        self.removeEvidenceButton = QPushButton(self.evidenceBox)
        self.removeEvidenceButton.setObjectName(u"removeEvidenceButton")

        self.evidenceButtons.addWidget(self.removeEvidenceButton)

        self.evidenceSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.evidenceButtons.addItem(self.evidenceSpacer)


        self.evidenceLayout.addLayout(self.evidenceButtons)


        self.dialogLayout.addWidget(self.evidenceBox)

        self.errorLabel = QLabel(ProgressDialog)
        self.errorLabel.setObjectName(u"errorLabel")
        self.errorLabel.setWordWrap(True)
        self.errorLabel.setStyleSheet(u"color: #b71c1c;")

        self.dialogLayout.addWidget(self.errorLabel)

        self.buttonBox = QDialogButtonBox(ProgressDialog)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setStandardButtons(QDialogButtonBox.Cancel|QDialogButtonBox.Save)

        self.dialogLayout.addWidget(self.buttonBox)

#if QT_CONFIG(shortcut)
        self.periodLabel.setBuddy(self.periodPicker)
        self.unitLabel.setBuddy(self.unitCombo)
        self.statusLabel.setBuddy(self.statusCombo)
        self.percentLabel.setBuddy(self.percentSpin)
        self.reportedLabel.setBuddy(self.reportedEdit)
        self.resultLabel.setBuddy(self.resultEdit)
        self.difficultiesLabel.setBuddy(self.difficultiesEdit)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(ProgressDialog)
    # setupUi

    def retranslateUi(self, ProgressDialog):
        ProgressDialog.setWindowTitle(QCoreApplication.translate("ProgressDialog", u"C\u1eadp nh\u1eadt ti\u1ebfn \u0111\u1ed9", None))
        self.periodLabel.setText(QCoreApplication.translate("ProgressDialog", u"&K\u1ef3 b\u00e1o c\u00e1o:", None))
        self.unitLabel.setText(QCoreApplication.translate("ProgressDialog", u"\u0110\u01a1n v\u1ecb &b\u00e1o c\u00e1o:", None))
        self.statusLabel.setText(QCoreApplication.translate("ProgressDialog", u"&Tr\u1ea1ng th\u00e1i:", None))
        self.percentLabel.setText(QCoreApplication.translate("ProgressDialog", u"&Ho\u00e0n th\u00e0nh:", None))
        self.percentSpin.setSuffix(QCoreApplication.translate("ProgressDialog", u" %", None))
        self.reportedLabel.setText(QCoreApplication.translate("ProgressDialog", u"&Ng\u00e0y b\u00e1o c\u00e1o:", None))
        self.reportedEdit.setDisplayFormat(QCoreApplication.translate("ProgressDialog", u"dd/MM/yyyy", None))
        self.resultLabel.setText(QCoreApplication.translate("ProgressDialog", u"K\u1ebft qu\u1ea3 th\u1ef1c &hi\u1ec7n:", None))
        self.difficultiesLabel.setText(QCoreApplication.translate("ProgressDialog", u"Kh\u00f3 kh\u0103n, &v\u01b0\u1edbng m\u1eafc:", None))
        self.evidenceBox.setTitle(QCoreApplication.translate("ProgressDialog", u"T\u00e0i li\u1ec7u &ki\u1ec3m ch\u1ee9ng", None))
        ___qtablewidgetitem = self.evidenceTable.horizontalHeaderItem(0)
        ___qtablewidgetitem.setText(QCoreApplication.translate("ProgressDialog", u"S\u1ed1/k\u00fd hi\u1ec7u", None))
        ___qtablewidgetitem1 = self.evidenceTable.horizontalHeaderItem(1)
        ___qtablewidgetitem1.setText(QCoreApplication.translate("ProgressDialog", u"Ng\u00e0y (dd/mm/yyyy)", None))
        ___qtablewidgetitem2 = self.evidenceTable.horizontalHeaderItem(2)
        ___qtablewidgetitem2.setText(QCoreApplication.translate("ProgressDialog", u"Tr\u00edch y\u1ebfu", None))
        ___qtablewidgetitem3 = self.evidenceTable.horizontalHeaderItem(3)
        ___qtablewidgetitem3.setText(QCoreApplication.translate("ProgressDialog", u"T\u1ec7p \u0111\u00ednh k\u00e8m", None))
        self.addEvidenceButton.setText(QCoreApplication.translate("ProgressDialog", u"Th\u00eam t\u00e0i &li\u1ec7u", None))
        self.chooseFileButton.setText(QCoreApplication.translate("ProgressDialog", u"Ch\u1ecdn &t\u1ec7p\u2026", None))
        self.openFileButton.setText(QCoreApplication.translate("ProgressDialog", u"&M\u1edf t\u1ec7p", None))
#if QT_CONFIG(tooltip)
        self.openFileButton.setToolTip(QCoreApplication.translate("ProgressDialog", u"M\u1edf t\u1ec7p c\u1ee7a t\u00e0i li\u1ec7u \u0111ang ch\u1ecdn b\u1eb1ng ch\u01b0\u01a1ng tr\u00ecnh xem t\u1ec7p c\u1ee7a m\u00e1y (nh\u1ea5p \u0111\u00fap v\u00e0o d\u00f2ng c\u0169ng m\u1edf)", None))
#endif // QT_CONFIG(tooltip)
        self.removeEvidenceButton.setText(QCoreApplication.translate("ProgressDialog", u"&B\u1ecf t\u00e0i li\u1ec7u", None))
    # retranslateUi

