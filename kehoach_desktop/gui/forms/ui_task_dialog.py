# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'task_dialog.ui'
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
    QComboBox, QDateEdit, QDialog, QDialogButtonBox,
    QFormLayout, QHBoxLayout, QHeaderView, QLabel,
    QLineEdit, QPlainTextEdit, QPushButton, QSizePolicy,
    QSpacerItem, QTabWidget, QTableWidget, QTableWidgetItem,
    QVBoxLayout, QWidget)

class Ui_TaskDialog(object):
    def setupUi(self, TaskDialog):
        if not TaskDialog.objectName():
            TaskDialog.setObjectName(u"TaskDialog")
        TaskDialog.resize(820, 720)
        self.dialogLayout = QVBoxLayout(TaskDialog)
        self.dialogLayout.setObjectName(u"dialogLayout")
        self.tabs = QTabWidget(TaskDialog)
        self.tabs.setObjectName(u"tabs")
        self.contentTab = QWidget()
        self.contentTab.setObjectName(u"contentTab")
        self.contentForm = QFormLayout(self.contentTab)
        self.contentForm.setObjectName(u"contentForm")
        self.contentForm.setFieldGrowthPolicy(QFormLayout.AllNonFixedFieldsGrow)
        self.sectionLabel = QLabel(self.contentTab)
        self.sectionLabel.setObjectName(u"sectionLabel")

        self.contentForm.setWidget(0, QFormLayout.ItemRole.LabelRole, self.sectionLabel)

        self.sectionCombo = QComboBox(self.contentTab)
        self.sectionCombo.setObjectName(u"sectionCombo")

        self.contentForm.setWidget(0, QFormLayout.ItemRole.FieldRole, self.sectionCombo)

        self.parentLabel = QLabel(self.contentTab)
        self.parentLabel.setObjectName(u"parentLabel")

        self.contentForm.setWidget(1, QFormLayout.ItemRole.LabelRole, self.parentLabel)

        self.parentCombo = QComboBox(self.contentTab)
        self.parentCombo.setObjectName(u"parentCombo")

        self.contentForm.setWidget(1, QFormLayout.ItemRole.FieldRole, self.parentCombo)

        self.numberLabel = QLabel(self.contentTab)
        self.numberLabel.setObjectName(u"numberLabel")

        self.contentForm.setWidget(2, QFormLayout.ItemRole.LabelRole, self.numberLabel)

        self.numberEdit = QLineEdit(self.contentTab)
        self.numberEdit.setObjectName(u"numberEdit")
        self.numberEdit.setMaximumWidth(120)

        self.contentForm.setWidget(2, QFormLayout.ItemRole.FieldRole, self.numberEdit)

        self.contentLabel = QLabel(self.contentTab)
        self.contentLabel.setObjectName(u"contentLabel")

        self.contentForm.setWidget(3, QFormLayout.ItemRole.LabelRole, self.contentLabel)

        self.contentEdit = QPlainTextEdit(self.contentTab)
        self.contentEdit.setObjectName(u"contentEdit")
        self.contentEdit.setTabChangesFocus(True)

        self.contentForm.setWidget(3, QFormLayout.ItemRole.FieldRole, self.contentEdit)

        self.scheduleLabel = QLabel(self.contentTab)
        self.scheduleLabel.setObjectName(u"scheduleLabel")

        self.contentForm.setWidget(4, QFormLayout.ItemRole.LabelRole, self.scheduleLabel)

        self.scheduleLayout = QVBoxLayout()
        self.scheduleLayout.setSpacing(2)
        self.scheduleLayout.setObjectName(u"scheduleLayout")
        self.scheduleEdit = QPlainTextEdit(self.contentTab)
        self.scheduleEdit.setObjectName(u"scheduleEdit")
        self.scheduleEdit.setTabChangesFocus(True)
        self.scheduleEdit.setMaximumHeight(60)

        self.scheduleLayout.addWidget(self.scheduleEdit)

        self.deadlineUnderstood = QLabel(self.contentTab)
        self.deadlineUnderstood.setObjectName(u"deadlineUnderstood")

        self.scheduleLayout.addWidget(self.deadlineUnderstood)


        self.contentForm.setLayout(4, QFormLayout.ItemRole.FieldRole, self.scheduleLayout)

        self.outputLabel = QLabel(self.contentTab)
        self.outputLabel.setObjectName(u"outputLabel")

        self.contentForm.setWidget(5, QFormLayout.ItemRole.LabelRole, self.outputLabel)

        self.outputEdit = QPlainTextEdit(self.contentTab)
        self.outputEdit.setObjectName(u"outputEdit")
        self.outputEdit.setTabChangesFocus(True)

        self.contentForm.setWidget(5, QFormLayout.ItemRole.FieldRole, self.outputEdit)

        self.targetLabel = QLabel(self.contentTab)
        self.targetLabel.setObjectName(u"targetLabel")

        self.contentForm.setWidget(6, QFormLayout.ItemRole.LabelRole, self.targetLabel)

        self.targetEdit = QLineEdit(self.contentTab)
        self.targetEdit.setObjectName(u"targetEdit")

        self.contentForm.setWidget(6, QFormLayout.ItemRole.FieldRole, self.targetEdit)

        self.noteLabel = QLabel(self.contentTab)
        self.noteLabel.setObjectName(u"noteLabel")

        self.contentForm.setWidget(7, QFormLayout.ItemRole.LabelRole, self.noteLabel)

        self.noteEdit = QPlainTextEdit(self.contentTab)
        self.noteEdit.setObjectName(u"noteEdit")
        self.noteEdit.setTabChangesFocus(True)
        self.noteEdit.setMaximumHeight(70)

        self.contentForm.setWidget(7, QFormLayout.ItemRole.FieldRole, self.noteEdit)

        self.tabs.addTab(self.contentTab, "")
        self.unitsTab = QWidget()
        self.unitsTab.setObjectName(u"unitsTab")
        self.unitsLayout = QVBoxLayout(self.unitsTab)
        self.unitsLayout.setObjectName(u"unitsLayout")
        self.unitsHint = QLabel(self.unitsTab)
        self.unitsHint.setObjectName(u"unitsHint")
        self.unitsHint.setWordWrap(True)

        self.unitsLayout.addWidget(self.unitsHint)

        self.unitPickLayout = QHBoxLayout()
        self.unitPickLayout.setObjectName(u"unitPickLayout")
        self.unitPicker = QComboBox(self.unitsTab)
        self.unitPicker.setObjectName(u"unitPicker")
        self.unitPicker.setEditable(True)
        self.unitPicker.setInsertPolicy(QComboBox.NoInsert)
        sizePolicy = QSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        sizePolicy.setHorizontalStretch(1)
        sizePolicy.setVerticalStretch(0)
        sizePolicy.setHeightForWidth(self.unitPicker.sizePolicy().hasHeightForWidth())
        self.unitPicker.setSizePolicy(sizePolicy)

        self.unitPickLayout.addWidget(self.unitPicker)

        self.addLeadButton = QPushButton(self.unitsTab)
        self.addLeadButton.setObjectName(u"addLeadButton")

        self.unitPickLayout.addWidget(self.addLeadButton)

        self.addCoordinateButton = QPushButton(self.unitsTab)
        self.addCoordinateButton.setObjectName(u"addCoordinateButton")

        self.unitPickLayout.addWidget(self.addCoordinateButton)


        self.unitsLayout.addLayout(self.unitPickLayout)

        self.unitTable = QTableWidget(self.unitsTab)
        if (self.unitTable.columnCount() < 2):
            self.unitTable.setColumnCount(2)
        __qtablewidgetitem = QTableWidgetItem()
        self.unitTable.setHorizontalHeaderItem(0, __qtablewidgetitem)
        __qtablewidgetitem1 = QTableWidgetItem()
        self.unitTable.setHorizontalHeaderItem(1, __qtablewidgetitem1)
        self.unitTable.setObjectName(u"unitTable")
        self.unitTable.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.unitTable.setEditTriggers(QAbstractItemView.NoEditTriggers)
        self.unitTable.setColumnCount(2)

        self.unitsLayout.addWidget(self.unitTable)

        self.unitButtons = QHBoxLayout()
        self.unitButtons.setObjectName(u"unitButtons")
        self.switchRoleButton = QPushButton(self.unitsTab)
        self.switchRoleButton.setObjectName(u"switchRoleButton")

        self.unitButtons.addWidget(self.switchRoleButton)

        self.removeUnitButton = QPushButton(self.unitsTab)
        self.removeUnitButton.setObjectName(u"removeUnitButton")

        self.unitButtons.addWidget(self.removeUnitButton)

        self.unitSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.unitButtons.addItem(self.unitSpacer)


        self.unitsLayout.addLayout(self.unitButtons)

        self.leadTextLabel = QLabel(self.unitsTab)
        self.leadTextLabel.setObjectName(u"leadTextLabel")

        self.unitsLayout.addWidget(self.leadTextLabel)

        self.leadTextEdit = QPlainTextEdit(self.unitsTab)
        self.leadTextEdit.setObjectName(u"leadTextEdit")
        self.leadTextEdit.setTabChangesFocus(True)
        self.leadTextEdit.setMaximumHeight(60)

        self.unitsLayout.addWidget(self.leadTextEdit)

        self.coordinateTextLabel = QLabel(self.unitsTab)
        self.coordinateTextLabel.setObjectName(u"coordinateTextLabel")

        self.unitsLayout.addWidget(self.coordinateTextLabel)

        self.coordinateTextEdit = QPlainTextEdit(self.unitsTab)
        self.coordinateTextEdit.setObjectName(u"coordinateTextEdit")
        self.coordinateTextEdit.setTabChangesFocus(True)
        self.coordinateTextEdit.setMaximumHeight(60)

        self.unitsLayout.addWidget(self.coordinateTextEdit)

        self.tabs.addTab(self.unitsTab, "")
        self.statusTab = QWidget()
        self.statusTab.setObjectName(u"statusTab")
        self.statusForm = QFormLayout(self.statusTab)
        self.statusForm.setObjectName(u"statusForm")
        self.statusForm.setFieldGrowthPolicy(QFormLayout.AllNonFixedFieldsGrow)
        self.statusLabel = QLabel(self.statusTab)
        self.statusLabel.setObjectName(u"statusLabel")

        self.statusForm.setWidget(0, QFormLayout.ItemRole.LabelRole, self.statusLabel)

        self.statusCombo = QComboBox(self.statusTab)
        self.statusCombo.setObjectName(u"statusCombo")

        self.statusForm.setWidget(0, QFormLayout.ItemRole.FieldRole, self.statusCombo)

        self.reasonLabel = QLabel(self.statusTab)
        self.reasonLabel.setObjectName(u"reasonLabel")

        self.statusForm.setWidget(1, QFormLayout.ItemRole.LabelRole, self.reasonLabel)

        self.reasonEdit = QLineEdit(self.statusTab)
        self.reasonEdit.setObjectName(u"reasonEdit")

        self.statusForm.setWidget(1, QFormLayout.ItemRole.FieldRole, self.reasonEdit)

        self.completedCheck = QCheckBox(self.statusTab)
        self.completedCheck.setObjectName(u"completedCheck")

        self.statusForm.setWidget(2, QFormLayout.ItemRole.LabelRole, self.completedCheck)

        self.completedEdit = QDateEdit(self.statusTab)
        self.completedEdit.setObjectName(u"completedEdit")
        self.completedEdit.setCalendarPopup(True)

        self.statusForm.setWidget(2, QFormLayout.ItemRole.FieldRole, self.completedEdit)

        self.resultLabel = QLabel(self.statusTab)
        self.resultLabel.setObjectName(u"resultLabel")

        self.statusForm.setWidget(3, QFormLayout.ItemRole.LabelRole, self.resultLabel)

        self.resultEdit = QPlainTextEdit(self.statusTab)
        self.resultEdit.setObjectName(u"resultEdit")
        self.resultEdit.setTabChangesFocus(True)

        self.statusForm.setWidget(3, QFormLayout.ItemRole.FieldRole, self.resultEdit)

        self.tabs.addTab(self.statusTab, "")

        self.dialogLayout.addWidget(self.tabs)

        self.errorLabel = QLabel(TaskDialog)
        self.errorLabel.setObjectName(u"errorLabel")
        self.errorLabel.setWordWrap(True)
        self.errorLabel.setStyleSheet(u"color: #b71c1c;")

        self.dialogLayout.addWidget(self.errorLabel)

        self.buttonBox = QDialogButtonBox(TaskDialog)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setStandardButtons(QDialogButtonBox.Cancel|QDialogButtonBox.Save)

        self.dialogLayout.addWidget(self.buttonBox)

#if QT_CONFIG(shortcut)
        self.sectionLabel.setBuddy(self.sectionCombo)
        self.parentLabel.setBuddy(self.parentCombo)
        self.numberLabel.setBuddy(self.numberEdit)
        self.contentLabel.setBuddy(self.contentEdit)
        self.scheduleLabel.setBuddy(self.scheduleEdit)
        self.outputLabel.setBuddy(self.outputEdit)
        self.targetLabel.setBuddy(self.targetEdit)
        self.noteLabel.setBuddy(self.noteEdit)
        self.statusLabel.setBuddy(self.statusCombo)
        self.reasonLabel.setBuddy(self.reasonEdit)
        self.resultLabel.setBuddy(self.resultEdit)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(TaskDialog)

        self.tabs.setCurrentIndex(0)

    # setupUi

    def retranslateUi(self, TaskDialog):
        TaskDialog.setWindowTitle(QCoreApplication.translate("TaskDialog", u"Nhi\u1ec7m v\u1ee5", None))
        self.sectionLabel.setText(QCoreApplication.translate("TaskDialog", u"&M\u1ee5c:", None))
        self.parentLabel.setText(QCoreApplication.translate("TaskDialog", u"Nhi\u1ec7m v\u1ee5 &cha:", None))
        self.numberLabel.setText(QCoreApplication.translate("TaskDialog", u"&TT:", None))
        self.contentLabel.setText(QCoreApplication.translate("TaskDialog", u"&Nhi\u1ec7m v\u1ee5:", None))
        self.scheduleLabel.setText(QCoreApplication.translate("TaskDialog", u"Ti\u1ebfn \u0111\u1ed9 (&th\u1eddi h\u1ea1n):", None))
        self.scheduleEdit.setPlaceholderText(QCoreApplication.translate("TaskDialog", u"V\u00ed d\u1ee5: Tr\u01b0\u1edbc ng\u00e0y 25/7/2025 \u00b7 Qu\u00fd II/2025 \u00b7 ng\u00e0y 25 h\u1eb1ng th\u00e1ng \u00b7 Th\u01b0\u1eddng xuy\u00ean", None))
        self.deadlineUnderstood.setText(QCoreApplication.translate("TaskDialog", u"\u2192", None))
        self.outputLabel.setText(QCoreApplication.translate("TaskDialog", u"&K\u1ebft qu\u1ea3/s\u1ea3n ph\u1ea9m:", None))
        self.targetLabel.setText(QCoreApplication.translate("TaskDialog", u"Ch\u1ec9 ti\u00ea&u:", None))
        self.noteLabel.setText(QCoreApplication.translate("TaskDialog", u"&Ghi ch\u00fa:", None))
        self.tabs.setTabText(self.tabs.indexOf(self.contentTab), QCoreApplication.translate("TaskDialog", u"&N\u1ed9i dung", None))
        self.unitsHint.setText(QCoreApplication.translate("TaskDialog", u"Ch\u1ecdn \u0111\u01a1n v\u1ecb trong danh m\u1ee5c, ho\u1eb7c g\u00f5 t\u00ean m\u1edbi r\u1ed3i b\u1ea5m Th\u00eam (\u0111\u01a1n v\u1ecb m\u1edbi \u0111\u01b0\u1ee3c th\u00eam v\u00e0o danh m\u1ee5c khi l\u01b0u).", None))
        self.addLeadButton.setText(QCoreApplication.translate("TaskDialog", u"Th\u00eam l\u00e0m &ch\u1ee7 tr\u00ec", None))
        self.addCoordinateButton.setText(QCoreApplication.translate("TaskDialog", u"Th\u00eam l\u00e0m &ph\u1ed1i h\u1ee3p", None))
        ___qtablewidgetitem = self.unitTable.horizontalHeaderItem(0)
        ___qtablewidgetitem.setText(QCoreApplication.translate("TaskDialog", u"\u0110\u01a1n v\u1ecb", None))
        ___qtablewidgetitem1 = self.unitTable.horizontalHeaderItem(1)
        ___qtablewidgetitem1.setText(QCoreApplication.translate("TaskDialog", u"Vai tr\u00f2", None))
        self.switchRoleButton.setText(QCoreApplication.translate("TaskDialog", u"\u0110\u1ed5i &vai tr\u00f2", None))
        self.removeUnitButton.setText(QCoreApplication.translate("TaskDialog", u"&B\u1ecf \u0111\u01a1n v\u1ecb", None))
        self.leadTextLabel.setText(QCoreApplication.translate("TaskDialog", u"C\u1ed9t \u00ab\u0110\u01a1n v\u1ecb ch\u1ee7 tr\u00ec\u00bb nh\u01b0 b\u1ea3n in:", None))
        self.coordinateTextLabel.setText(QCoreApplication.translate("TaskDialog", u"C\u1ed9t \u00ab\u0110\u01a1n v\u1ecb ph\u1ed1i h\u1ee3p\u00bb nh\u01b0 b\u1ea3n in:", None))
        self.tabs.setTabText(self.tabs.indexOf(self.unitsTab), QCoreApplication.translate("TaskDialog", u"\u0110\u01a1n &v\u1ecb", None))
        self.statusLabel.setText(QCoreApplication.translate("TaskDialog", u"Tr\u1ea1ng th&\u00e1i:", None))
        self.reasonLabel.setText(QCoreApplication.translate("TaskDialog", u"&L\u00fd do kh\u00f4ng th\u1ef1c hi\u1ec7n:", None))
        self.completedCheck.setText(QCoreApplication.translate("TaskDialog", u"Ng\u00e0y &ho\u00e0n th\u00e0nh:", None))
        self.completedEdit.setDisplayFormat(QCoreApplication.translate("TaskDialog", u"dd/MM/yyyy", None))
        self.resultLabel.setText(QCoreApplication.translate("TaskDialog", u"&K\u1ebft qu\u1ea3 th\u1ef1c hi\u1ec7n:", None))
        self.tabs.setTabText(self.tabs.indexOf(self.statusTab), QCoreApplication.translate("TaskDialog", u"&Tr\u1ea1ng th\u00e1i", None))
    # retranslateUi

