# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'report_dialog.ui'
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
from PySide6.QtWidgets import (QAbstractButton, QApplication, QCheckBox, QComboBox,
    QDateEdit, QDialog, QDialogButtonBox, QFormLayout,
    QFrame, QHBoxLayout, QLabel, QLineEdit,
    QPlainTextEdit, QScrollArea, QSizePolicy, QSpacerItem,
    QSpinBox, QTabWidget, QVBoxLayout, QWidget)

from kehoach_desktop.gui.period_picker import PeriodPicker

class Ui_ReportDialog(object):
    def setupUi(self, ReportDialog):
        if not ReportDialog.objectName():
            ReportDialog.setObjectName(u"ReportDialog")
        ReportDialog.resize(860, 700)
        self.dialogLayout = QVBoxLayout(ReportDialog)
        self.dialogLayout.setObjectName(u"dialogLayout")
        self.requestForm = QFormLayout()
        self.requestForm.setObjectName(u"requestForm")
        self.requestForm.setFieldGrowthPolicy(QFormLayout.AllNonFixedFieldsGrow)
        self.kindLabel = QLabel(ReportDialog)
        self.kindLabel.setObjectName(u"kindLabel")

        self.requestForm.setWidget(0, QFormLayout.ItemRole.LabelRole, self.kindLabel)

        self.kindCombo = QComboBox(ReportDialog)
        self.kindCombo.setObjectName(u"kindCombo")

        self.requestForm.setWidget(0, QFormLayout.ItemRole.FieldRole, self.kindCombo)

        self.planLabel = QLabel(ReportDialog)
        self.planLabel.setObjectName(u"planLabel")

        self.requestForm.setWidget(1, QFormLayout.ItemRole.LabelRole, self.planLabel)

        self.planCombo = QComboBox(ReportDialog)
        self.planCombo.setObjectName(u"planCombo")
        self.planCombo.setSizeAdjustPolicy(QComboBox.AdjustToMinimumContentsLengthWithIcon)
        self.planCombo.setMinimumContentsLength(40)

        self.requestForm.setWidget(1, QFormLayout.ItemRole.FieldRole, self.planCombo)

        self.periodLabel = QLabel(ReportDialog)
        self.periodLabel.setObjectName(u"periodLabel")

        self.requestForm.setWidget(2, QFormLayout.ItemRole.LabelRole, self.periodLabel)

        self.periodPicker = PeriodPicker(ReportDialog)
        self.periodPicker.setObjectName(u"periodPicker")

        self.requestForm.setWidget(2, QFormLayout.ItemRole.FieldRole, self.periodPicker)

        self.asOfLabel = QLabel(ReportDialog)
        self.asOfLabel.setObjectName(u"asOfLabel")

        self.requestForm.setWidget(3, QFormLayout.ItemRole.LabelRole, self.asOfLabel)

        self.asOfLayout = QHBoxLayout()
        self.asOfLayout.setObjectName(u"asOfLayout")
        self.asOfEdit = QDateEdit(ReportDialog)
        self.asOfEdit.setObjectName(u"asOfEdit")
        self.asOfEdit.setCalendarPopup(True)

        self.asOfLayout.addWidget(self.asOfEdit)

        self.asOfHint = QLabel(ReportDialog)
        self.asOfHint.setObjectName(u"asOfHint")
        self.asOfHint.setTextFormat(Qt.PlainText)

        self.asOfLayout.addWidget(self.asOfHint)

        self.asOfSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.asOfLayout.addItem(self.asOfSpacer)


        self.requestForm.setLayout(3, QFormLayout.ItemRole.FieldRole, self.asOfLayout)

        self.unitLabel = QLabel(ReportDialog)
        self.unitLabel.setObjectName(u"unitLabel")

        self.requestForm.setWidget(4, QFormLayout.ItemRole.LabelRole, self.unitLabel)

        self.unitCombo = QComboBox(ReportDialog)
        self.unitCombo.setObjectName(u"unitCombo")
        self.unitCombo.setEditable(True)
        self.unitCombo.setInsertPolicy(QComboBox.NoInsert)

        self.requestForm.setWidget(4, QFormLayout.ItemRole.FieldRole, self.unitCombo)

        self.unitHint = QLabel(ReportDialog)
        self.unitHint.setObjectName(u"unitHint")
        self.unitHint.setTextFormat(Qt.PlainText)
        self.unitHint.setWordWrap(True)

        self.requestForm.setWidget(5, QFormLayout.ItemRole.FieldRole, self.unitHint)


        self.dialogLayout.addLayout(self.requestForm)

        self.tabs = QTabWidget(ReportDialog)
        self.tabs.setObjectName(u"tabs")
        self.headerTab = QWidget()
        self.headerTab.setObjectName(u"headerTab")
        self.headerTabLayout = QVBoxLayout(self.headerTab)
        self.headerTabLayout.setObjectName(u"headerTabLayout")
        self.headerTabLayout.setContentsMargins(0, 0, 0, 0)
        self.headerScroll = QScrollArea(self.headerTab)
        self.headerScroll.setObjectName(u"headerScroll")
        self.headerScroll.setFrameShape(QFrame.NoFrame)
        self.headerScroll.setWidgetResizable(True)
        self.headerPanel = QWidget()
        self.headerPanel.setObjectName(u"headerPanel")
        self.headerForm = QFormLayout(self.headerPanel)
        self.headerForm.setObjectName(u"headerForm")
        self.headerForm.setFieldGrowthPolicy(QFormLayout.AllNonFixedFieldsGrow)
        self.governingLabel = QLabel(self.headerPanel)
        self.governingLabel.setObjectName(u"governingLabel")

        self.headerForm.setWidget(0, QFormLayout.ItemRole.LabelRole, self.governingLabel)

        self.governingEdit = QLineEdit(self.headerPanel)
        self.governingEdit.setObjectName(u"governingEdit")

        self.headerForm.setWidget(0, QFormLayout.ItemRole.FieldRole, self.governingEdit)

        self.issuerLabel = QLabel(self.headerPanel)
        self.issuerLabel.setObjectName(u"issuerLabel")

        self.headerForm.setWidget(1, QFormLayout.ItemRole.LabelRole, self.issuerLabel)

        self.issuerEdit = QLineEdit(self.headerPanel)
        self.issuerEdit.setObjectName(u"issuerEdit")

        self.headerForm.setWidget(1, QFormLayout.ItemRole.FieldRole, self.issuerEdit)

        self.numberLabel = QLabel(self.headerPanel)
        self.numberLabel.setObjectName(u"numberLabel")

        self.headerForm.setWidget(2, QFormLayout.ItemRole.LabelRole, self.numberLabel)

        self.numberLayout = QHBoxLayout()
        self.numberLayout.setObjectName(u"numberLayout")
        self.numberEdit = QLineEdit(self.headerPanel)
        self.numberEdit.setObjectName(u"numberEdit")
        self.numberEdit.setMaximumWidth(90)

        self.numberLayout.addWidget(self.numberEdit)

        self.slashLabel = QLabel(self.headerPanel)
        self.slashLabel.setObjectName(u"slashLabel")

        self.numberLayout.addWidget(self.slashLabel)

        self.symbolEdit = QLineEdit(self.headerPanel)
        self.symbolEdit.setObjectName(u"symbolEdit")

        self.numberLayout.addWidget(self.symbolEdit)


        self.headerForm.setLayout(2, QFormLayout.ItemRole.FieldRole, self.numberLayout)

        self.placeLabel = QLabel(self.headerPanel)
        self.placeLabel.setObjectName(u"placeLabel")

        self.headerForm.setWidget(3, QFormLayout.ItemRole.LabelRole, self.placeLabel)

        self.placeEdit = QLineEdit(self.headerPanel)
        self.placeEdit.setObjectName(u"placeEdit")

        self.headerForm.setWidget(3, QFormLayout.ItemRole.FieldRole, self.placeEdit)

        self.dateLabel = QLabel(self.headerPanel)
        self.dateLabel.setObjectName(u"dateLabel")

        self.headerForm.setWidget(4, QFormLayout.ItemRole.LabelRole, self.dateLabel)

        self.dateLayout = QHBoxLayout()
        self.dateLayout.setObjectName(u"dateLayout")
        self.dateEdit = QDateEdit(self.headerPanel)
        self.dateEdit.setObjectName(u"dateEdit")
        self.dateEdit.setCalendarPopup(True)

        self.dateLayout.addWidget(self.dateEdit)

        self.dateBlankCheck = QCheckBox(self.headerPanel)
        self.dateBlankCheck.setObjectName(u"dateBlankCheck")

        self.dateLayout.addWidget(self.dateBlankCheck)

        self.yearLabel = QLabel(self.headerPanel)
        self.yearLabel.setObjectName(u"yearLabel")

        self.dateLayout.addWidget(self.yearLabel)

        self.yearSpin = QSpinBox(self.headerPanel)
        self.yearSpin.setObjectName(u"yearSpin")
        self.yearSpin.setMinimum(2000)
        self.yearSpin.setMaximum(2100)

        self.dateLayout.addWidget(self.yearSpin)

        self.dateSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.dateLayout.addItem(self.dateSpacer)


        self.headerForm.setLayout(4, QFormLayout.ItemRole.FieldRole, self.dateLayout)

        self.titleLabel = QLabel(self.headerPanel)
        self.titleLabel.setObjectName(u"titleLabel")

        self.headerForm.setWidget(5, QFormLayout.ItemRole.LabelRole, self.titleLabel)

        self.titleEdit = QPlainTextEdit(self.headerPanel)
        self.titleEdit.setObjectName(u"titleEdit")
        self.titleEdit.setTabChangesFocus(True)
        self.titleEdit.setMaximumHeight(60)

        self.headerForm.setWidget(5, QFormLayout.ItemRole.FieldRole, self.titleEdit)

        self.basesLabel = QLabel(self.headerPanel)
        self.basesLabel.setObjectName(u"basesLabel")

        self.headerForm.setWidget(6, QFormLayout.ItemRole.LabelRole, self.basesLabel)

        self.basesEdit = QPlainTextEdit(self.headerPanel)
        self.basesEdit.setObjectName(u"basesEdit")
        self.basesEdit.setTabChangesFocus(True)
        self.basesEdit.setMaximumHeight(90)

        self.headerForm.setWidget(6, QFormLayout.ItemRole.FieldRole, self.basesEdit)

        self.kinhGuiLabel = QLabel(self.headerPanel)
        self.kinhGuiLabel.setObjectName(u"kinhGuiLabel")

        self.headerForm.setWidget(7, QFormLayout.ItemRole.LabelRole, self.kinhGuiLabel)

        self.kinhGuiEdit = QPlainTextEdit(self.headerPanel)
        self.kinhGuiEdit.setObjectName(u"kinhGuiEdit")
        self.kinhGuiEdit.setTabChangesFocus(True)
        self.kinhGuiEdit.setMaximumHeight(60)

        self.headerForm.setWidget(7, QFormLayout.ItemRole.FieldRole, self.kinhGuiEdit)

        self.recipientsLabel = QLabel(self.headerPanel)
        self.recipientsLabel.setObjectName(u"recipientsLabel")

        self.headerForm.setWidget(8, QFormLayout.ItemRole.LabelRole, self.recipientsLabel)

        self.recipientsEdit = QPlainTextEdit(self.headerPanel)
        self.recipientsEdit.setObjectName(u"recipientsEdit")
        self.recipientsEdit.setTabChangesFocus(True)
        self.recipientsEdit.setMaximumHeight(90)

        self.headerForm.setWidget(8, QFormLayout.ItemRole.FieldRole, self.recipientsEdit)

        self.archiveLabel = QLabel(self.headerPanel)
        self.archiveLabel.setObjectName(u"archiveLabel")

        self.headerForm.setWidget(9, QFormLayout.ItemRole.LabelRole, self.archiveLabel)

        self.archiveEdit = QLineEdit(self.headerPanel)
        self.archiveEdit.setObjectName(u"archiveEdit")

        self.headerForm.setWidget(9, QFormLayout.ItemRole.FieldRole, self.archiveEdit)

        self.signerTitleLabel = QLabel(self.headerPanel)
        self.signerTitleLabel.setObjectName(u"signerTitleLabel")

        self.headerForm.setWidget(10, QFormLayout.ItemRole.LabelRole, self.signerTitleLabel)

        self.signerTitleEdit = QPlainTextEdit(self.headerPanel)
        self.signerTitleEdit.setObjectName(u"signerTitleEdit")
        self.signerTitleEdit.setTabChangesFocus(True)
        self.signerTitleEdit.setMaximumHeight(60)

        self.headerForm.setWidget(10, QFormLayout.ItemRole.FieldRole, self.signerTitleEdit)

        self.signerNameLabel = QLabel(self.headerPanel)
        self.signerNameLabel.setObjectName(u"signerNameLabel")

        self.headerForm.setWidget(11, QFormLayout.ItemRole.LabelRole, self.signerNameLabel)

        self.signerNameEdit = QLineEdit(self.headerPanel)
        self.signerNameEdit.setObjectName(u"signerNameEdit")

        self.headerForm.setWidget(11, QFormLayout.ItemRole.FieldRole, self.signerNameEdit)

        self.headerScroll.setWidget(self.headerPanel)

        self.headerTabLayout.addWidget(self.headerScroll)

        self.tabs.addTab(self.headerTab, "")
        self.textTab = QWidget()
        self.textTab.setObjectName(u"textTab")
        self.textForm = QFormLayout(self.textTab)
        self.textForm.setObjectName(u"textForm")
        self.textForm.setFieldGrowthPolicy(QFormLayout.AllNonFixedFieldsGrow)
        self.textHint = QLabel(self.textTab)
        self.textHint.setObjectName(u"textHint")
        self.textHint.setWordWrap(True)
        self.textHint.setTextFormat(Qt.PlainText)

        self.textForm.setWidget(0, QFormLayout.ItemRole.SpanningRole, self.textHint)

        self.openingLabel = QLabel(self.textTab)
        self.openingLabel.setObjectName(u"openingLabel")

        self.textForm.setWidget(1, QFormLayout.ItemRole.LabelRole, self.openingLabel)

        self.openingEdit = QPlainTextEdit(self.textTab)
        self.openingEdit.setObjectName(u"openingEdit")
        self.openingEdit.setTabChangesFocus(True)

        self.textForm.setWidget(1, QFormLayout.ItemRole.FieldRole, self.openingEdit)

        self.remarksLabel = QLabel(self.textTab)
        self.remarksLabel.setObjectName(u"remarksLabel")

        self.textForm.setWidget(2, QFormLayout.ItemRole.LabelRole, self.remarksLabel)

        self.remarksEdit = QPlainTextEdit(self.textTab)
        self.remarksEdit.setObjectName(u"remarksEdit")
        self.remarksEdit.setTabChangesFocus(True)

        self.textForm.setWidget(2, QFormLayout.ItemRole.FieldRole, self.remarksEdit)

        self.directionsLabel = QLabel(self.textTab)
        self.directionsLabel.setObjectName(u"directionsLabel")

        self.textForm.setWidget(3, QFormLayout.ItemRole.LabelRole, self.directionsLabel)

        self.directionsEdit = QPlainTextEdit(self.textTab)
        self.directionsEdit.setObjectName(u"directionsEdit")
        self.directionsEdit.setTabChangesFocus(True)

        self.textForm.setWidget(3, QFormLayout.ItemRole.FieldRole, self.directionsEdit)

        self.closingLabel = QLabel(self.textTab)
        self.closingLabel.setObjectName(u"closingLabel")

        self.textForm.setWidget(4, QFormLayout.ItemRole.LabelRole, self.closingLabel)

        self.closingEdit = QPlainTextEdit(self.textTab)
        self.closingEdit.setObjectName(u"closingEdit")
        self.closingEdit.setTabChangesFocus(True)

        self.textForm.setWidget(4, QFormLayout.ItemRole.FieldRole, self.closingEdit)

        self.tabs.addTab(self.textTab, "")

        self.dialogLayout.addWidget(self.tabs)

        self.errorLabel = QLabel(ReportDialog)
        self.errorLabel.setObjectName(u"errorLabel")
        self.errorLabel.setWordWrap(True)
        self.errorLabel.setTextFormat(Qt.PlainText)
        self.errorLabel.setStyleSheet(u"color: #b71c1c;")

        self.dialogLayout.addWidget(self.errorLabel)

        self.buttonBox = QDialogButtonBox(ReportDialog)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setStandardButtons(QDialogButtonBox.Cancel|QDialogButtonBox.Ok)

        self.dialogLayout.addWidget(self.buttonBox)

#if QT_CONFIG(shortcut)
        self.kindLabel.setBuddy(self.kindCombo)
        self.planLabel.setBuddy(self.planCombo)
        self.periodLabel.setBuddy(self.periodPicker)
        self.asOfLabel.setBuddy(self.asOfEdit)
        self.unitLabel.setBuddy(self.unitCombo)
        self.governingLabel.setBuddy(self.governingEdit)
        self.issuerLabel.setBuddy(self.issuerEdit)
        self.numberLabel.setBuddy(self.numberEdit)
        self.placeLabel.setBuddy(self.placeEdit)
        self.dateLabel.setBuddy(self.dateEdit)
        self.yearLabel.setBuddy(self.yearSpin)
        self.titleLabel.setBuddy(self.titleEdit)
        self.basesLabel.setBuddy(self.basesEdit)
        self.kinhGuiLabel.setBuddy(self.kinhGuiEdit)
        self.recipientsLabel.setBuddy(self.recipientsEdit)
        self.archiveLabel.setBuddy(self.archiveEdit)
        self.signerTitleLabel.setBuddy(self.signerTitleEdit)
        self.signerNameLabel.setBuddy(self.signerNameEdit)
        self.openingLabel.setBuddy(self.openingEdit)
        self.remarksLabel.setBuddy(self.remarksEdit)
        self.directionsLabel.setBuddy(self.directionsEdit)
        self.closingLabel.setBuddy(self.closingEdit)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.kindCombo, self.planCombo)
        QWidget.setTabOrder(self.planCombo, self.periodPicker)
        QWidget.setTabOrder(self.periodPicker, self.asOfEdit)
        QWidget.setTabOrder(self.asOfEdit, self.unitCombo)
        QWidget.setTabOrder(self.unitCombo, self.tabs)
        QWidget.setTabOrder(self.tabs, self.governingEdit)
        QWidget.setTabOrder(self.governingEdit, self.issuerEdit)
        QWidget.setTabOrder(self.issuerEdit, self.numberEdit)
        QWidget.setTabOrder(self.numberEdit, self.symbolEdit)
        QWidget.setTabOrder(self.symbolEdit, self.placeEdit)
        QWidget.setTabOrder(self.placeEdit, self.dateEdit)
        QWidget.setTabOrder(self.dateEdit, self.dateBlankCheck)
        QWidget.setTabOrder(self.dateBlankCheck, self.yearSpin)
        QWidget.setTabOrder(self.yearSpin, self.titleEdit)
        QWidget.setTabOrder(self.titleEdit, self.basesEdit)
        QWidget.setTabOrder(self.basesEdit, self.kinhGuiEdit)
        QWidget.setTabOrder(self.kinhGuiEdit, self.recipientsEdit)
        QWidget.setTabOrder(self.recipientsEdit, self.archiveEdit)
        QWidget.setTabOrder(self.archiveEdit, self.signerTitleEdit)
        QWidget.setTabOrder(self.signerTitleEdit, self.signerNameEdit)
        QWidget.setTabOrder(self.signerNameEdit, self.openingEdit)
        QWidget.setTabOrder(self.openingEdit, self.remarksEdit)
        QWidget.setTabOrder(self.remarksEdit, self.directionsEdit)
        QWidget.setTabOrder(self.directionsEdit, self.closingEdit)

        self.retranslateUi(ReportDialog)

        self.tabs.setCurrentIndex(0)

    # setupUi

    def retranslateUi(self, ReportDialog):
        ReportDialog.setWindowTitle(QCoreApplication.translate("ReportDialog", u"B\u00e1o c\u00e1o", None))
        self.kindLabel.setText(QCoreApplication.translate("ReportDialog", u"&Lo\u1ea1i b\u00e1o c\u00e1o:", None))
        self.planLabel.setText(QCoreApplication.translate("ReportDialog", u"&K\u1ebf ho\u1ea1ch:", None))
        self.periodLabel.setText(QCoreApplication.translate("ReportDialog", u"K\u1ef3 &b\u00e1o c\u00e1o:", None))
        self.asOfLabel.setText(QCoreApplication.translate("ReportDialog", u"&T\u00ednh \u0111\u1ebfn ng\u00e0y:", None))
        self.asOfEdit.setDisplayFormat(QCoreApplication.translate("ReportDialog", u"dd/MM/yyyy", None))
        self.unitLabel.setText(QCoreApplication.translate("ReportDialog", u"\u0110\u01a1n &v\u1ecb:", None))
        self.governingLabel.setText(QCoreApplication.translate("ReportDialog", u"C\u01a1 quan &ch\u1ee7 qu\u1ea3n:", None))
        self.governingEdit.setPlaceholderText(QCoreApplication.translate("ReportDialog", u"UBND T\u1ec8NH KH\u00c1NH H\u00d2A", None))
        self.issuerLabel.setText(QCoreApplication.translate("ReportDialog", u"C\u01a1 &quan ban h\u00e0nh:", None))
        self.issuerEdit.setPlaceholderText(QCoreApplication.translate("ReportDialog", u"S\u1edf X\u00e2y d\u1ef1ng", None))
        self.numberLabel.setText(QCoreApplication.translate("ReportDialog", u"&S\u1ed1, k\u00fd hi\u1ec7u:", None))
        self.numberEdit.setPlaceholderText(QCoreApplication.translate("ReportDialog", u"\u0111\u1ec3 tr\u1ed1ng", None))
#if QT_CONFIG(tooltip)
        self.numberEdit.setToolTip(QCoreApplication.translate("ReportDialog", u"V\u0103n th\u01b0 ghi s\u1ed1 khi ban h\u00e0nh; \u0111\u1ec3 tr\u1ed1ng th\u00ec in \u00abS\u1ed1:      /BC-\u2026\u00bb.", None))
#endif // QT_CONFIG(tooltip)
        self.slashLabel.setText(QCoreApplication.translate("ReportDialog", u"/", None))
        self.symbolEdit.setPlaceholderText(QCoreApplication.translate("ReportDialog", u"BC-SXD", None))
#if QT_CONFIG(tooltip)
        self.symbolEdit.setToolTip(QCoreApplication.translate("ReportDialog", u"K\u00fd hi\u1ec7u: vi\u1ebft t\u1eaft t\u00ean lo\u1ea1i v\u00e0 c\u01a1 quan ban h\u00e0nh; \u0111\u1ec3 tr\u1ed1ng th\u00ec kh\u00f4ng in d\u00f2ng \u00abS\u1ed1:\u00bb.", None))
#endif // QT_CONFIG(tooltip)
        self.placeLabel.setText(QCoreApplication.translate("ReportDialog", u"\u0110\u1ecba &danh:", None))
        self.placeEdit.setPlaceholderText(QCoreApplication.translate("ReportDialog", u"Kh\u00e1nh H\u00f2a", None))
        self.dateLabel.setText(QCoreApplication.translate("ReportDialog", u"Ng\u00e0y v\u0103n b\u1ea3n:", None))
        self.dateEdit.setDisplayFormat(QCoreApplication.translate("ReportDialog", u"dd/MM/yyyy", None))
        self.dateBlankCheck.setText(QCoreApplication.translate("ReportDialog", u"\u0110\u1ec3 t&r\u1ed1ng (\u00abng\u00e0y \u2026 th\u00e1ng \u2026 n\u0103m\u00bb, V\u0103n th\u01b0 ghi)", None))
        self.yearLabel.setText(QCoreApplication.translate("ReportDialog", u"n\u0103m", None))
        self.titleLabel.setText(QCoreApplication.translate("ReportDialog", u"Tr\u00edch &y\u1ebfu:", None))
        self.basesLabel.setText(QCoreApplication.translate("ReportDialog", u"C\u0103n c\u1ee9 (m\u1ed7i d\u00f2ng m\u1ed9t c\u0103n c\u1ee9):", None))
        self.kinhGuiLabel.setText(QCoreApplication.translate("ReportDialog", u"K\u00ednh &g\u1eedi (m\u1ed7i d\u00f2ng m\u1ed9t n\u01a1i):", None))
        self.recipientsLabel.setText(QCoreApplication.translate("ReportDialog", u"N\u01a1&i nh\u1eadn (m\u1ed7i d\u00f2ng m\u1ed9t n\u01a1i):", None))
        self.recipientsEdit.setPlaceholderText(QCoreApplication.translate("ReportDialog", u"UBND t\u1ec9nh\n"
"S\u1edf N\u1ed9i v\u1ee5", None))
        self.archiveLabel.setText(QCoreApplication.translate("ReportDialog", u"L\u01b0u:", None))
        self.archiveEdit.setPlaceholderText(QCoreApplication.translate("ReportDialog", u"VT, VP", None))
        self.signerTitleLabel.setText(QCoreApplication.translate("ReportDialog", u"Ch\u1ee9c v\u1ee5 &ng\u01b0\u1eddi k\u00fd:", None))
        self.signerTitleEdit.setPlaceholderText(QCoreApplication.translate("ReportDialog", u"KT. GI\u00c1M \u0110\u1ed0C\n"
"PH\u00d3 GI\u00c1M \u0110\u1ed0C", None))
        self.signerNameLabel.setText(QCoreApplication.translate("ReportDialog", u"T\u00ean ng\u01b0\u1eddi &k\u00fd:", None))
        self.tabs.setTabText(self.tabs.indexOf(self.headerTab), QCoreApplication.translate("ReportDialog", u"Th&\u00f4ng tin v\u0103n b\u1ea3n", None))
        self.textHint.setText(QCoreApplication.translate("ReportDialog", u"M\u1ed7i d\u00f2ng l\u00e0 m\u1ed9t \u0111o\u1ea1n v\u0103n (in c\u0103n \u0111\u1ec1u hai l\u1ec1, th\u1ee5t \u0111\u1ea7u d\u00f2ng). Vi\u1ebft **ch\u1eef \u0111\u1eadm** gi\u1eefa hai c\u1eb7p d\u1ea5u sao. \u0110\u1ec3 tr\u1ed1ng ph\u1ea7n n\u00e0o th\u00ec ph\u1ea7n \u0111\u00f3 in theo m\u1eb7c \u0111\u1ecbnh ho\u1eb7c b\u1ecf qua.", None))
        self.tabs.setTabText(self.tabs.indexOf(self.textTab), QCoreApplication.translate("ReportDialog", u"N\u1ed9i d&ung t\u1ef1 so\u1ea1n", None))
    # retranslateUi

