# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'plan_info_dialog.ui'
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
from PySide6.QtWidgets import (QAbstractButton, QApplication, QCheckBox, QDateEdit,
    QDialog, QDialogButtonBox, QFormLayout, QHBoxLayout,
    QLabel, QLineEdit, QPlainTextEdit, QSizePolicy,
    QSpinBox, QVBoxLayout, QWidget)

class Ui_PlanInfoDialog(object):
    def setupUi(self, PlanInfoDialog):
        if not PlanInfoDialog.objectName():
            PlanInfoDialog.setObjectName(u"PlanInfoDialog")
        PlanInfoDialog.resize(760, 700)
        self.dialogLayout = QVBoxLayout(PlanInfoDialog)
        self.dialogLayout.setObjectName(u"dialogLayout")
        self.form = QFormLayout()
        self.form.setObjectName(u"form")
        self.form.setFieldGrowthPolicy(QFormLayout.AllNonFixedFieldsGrow)
        self.governingLabel = QLabel(PlanInfoDialog)
        self.governingLabel.setObjectName(u"governingLabel")

        self.form.setWidget(0, QFormLayout.ItemRole.LabelRole, self.governingLabel)

        self.governingEdit = QLineEdit(PlanInfoDialog)
        self.governingEdit.setObjectName(u"governingEdit")

        self.form.setWidget(0, QFormLayout.ItemRole.FieldRole, self.governingEdit)

        self.issuerLabel = QLabel(PlanInfoDialog)
        self.issuerLabel.setObjectName(u"issuerLabel")

        self.form.setWidget(1, QFormLayout.ItemRole.LabelRole, self.issuerLabel)

        self.issuerLayout = QHBoxLayout()
        self.issuerLayout.setObjectName(u"issuerLayout")
        self.issuerEdit = QLineEdit(PlanInfoDialog)
        self.issuerEdit.setObjectName(u"issuerEdit")

        self.issuerLayout.addWidget(self.issuerEdit)

        self.abbrLabel = QLabel(PlanInfoDialog)
        self.abbrLabel.setObjectName(u"abbrLabel")

        self.issuerLayout.addWidget(self.abbrLabel)

        self.abbrEdit = QLineEdit(PlanInfoDialog)
        self.abbrEdit.setObjectName(u"abbrEdit")
        self.abbrEdit.setMaximumWidth(110)

        self.issuerLayout.addWidget(self.abbrEdit)


        self.form.setLayout(1, QFormLayout.ItemRole.FieldRole, self.issuerLayout)

        self.numberLabel = QLabel(PlanInfoDialog)
        self.numberLabel.setObjectName(u"numberLabel")

        self.form.setWidget(2, QFormLayout.ItemRole.LabelRole, self.numberLabel)

        self.numberEdit = QLineEdit(PlanInfoDialog)
        self.numberEdit.setObjectName(u"numberEdit")

        self.form.setWidget(2, QFormLayout.ItemRole.FieldRole, self.numberEdit)

        self.placeLabel = QLabel(PlanInfoDialog)
        self.placeLabel.setObjectName(u"placeLabel")

        self.form.setWidget(3, QFormLayout.ItemRole.LabelRole, self.placeLabel)

        self.placeLayout = QHBoxLayout()
        self.placeLayout.setObjectName(u"placeLayout")
        self.placeEdit = QLineEdit(PlanInfoDialog)
        self.placeEdit.setObjectName(u"placeEdit")

        self.placeLayout.addWidget(self.placeEdit)

        self.dateCheck = QCheckBox(PlanInfoDialog)
        self.dateCheck.setObjectName(u"dateCheck")

        self.placeLayout.addWidget(self.dateCheck)

        self.dateEdit = QDateEdit(PlanInfoDialog)
        self.dateEdit.setObjectName(u"dateEdit")
        self.dateEdit.setCalendarPopup(True)

        self.placeLayout.addWidget(self.dateEdit)

        self.yearLabel = QLabel(PlanInfoDialog)
        self.yearLabel.setObjectName(u"yearLabel")

        self.placeLayout.addWidget(self.yearLabel)

        self.yearSpin = QSpinBox(PlanInfoDialog)
        self.yearSpin.setObjectName(u"yearSpin")
        self.yearSpin.setMinimum(2000)
        self.yearSpin.setMaximum(2100)

        self.placeLayout.addWidget(self.yearSpin)


        self.form.setLayout(3, QFormLayout.ItemRole.FieldRole, self.placeLayout)

        self.titleLabel = QLabel(PlanInfoDialog)
        self.titleLabel.setObjectName(u"titleLabel")

        self.form.setWidget(4, QFormLayout.ItemRole.LabelRole, self.titleLabel)

        self.titleEdit = QPlainTextEdit(PlanInfoDialog)
        self.titleEdit.setObjectName(u"titleEdit")
        self.titleEdit.setTabChangesFocus(True)
        self.titleEdit.setMaximumHeight(70)

        self.form.setWidget(4, QFormLayout.ItemRole.FieldRole, self.titleEdit)

        self.signerTitleLabel = QLabel(PlanInfoDialog)
        self.signerTitleLabel.setObjectName(u"signerTitleLabel")

        self.form.setWidget(5, QFormLayout.ItemRole.LabelRole, self.signerTitleLabel)

        self.signerTitleEdit = QPlainTextEdit(PlanInfoDialog)
        self.signerTitleEdit.setObjectName(u"signerTitleEdit")
        self.signerTitleEdit.setTabChangesFocus(True)
        self.signerTitleEdit.setMaximumHeight(52)

        self.form.setWidget(5, QFormLayout.ItemRole.FieldRole, self.signerTitleEdit)

        self.signerNameLabel = QLabel(PlanInfoDialog)
        self.signerNameLabel.setObjectName(u"signerNameLabel")

        self.form.setWidget(6, QFormLayout.ItemRole.LabelRole, self.signerNameLabel)

        self.signerNameEdit = QLineEdit(PlanInfoDialog)
        self.signerNameEdit.setObjectName(u"signerNameEdit")

        self.form.setWidget(6, QFormLayout.ItemRole.FieldRole, self.signerNameEdit)

        self.recipientsLabel = QLabel(PlanInfoDialog)
        self.recipientsLabel.setObjectName(u"recipientsLabel")

        self.form.setWidget(7, QFormLayout.ItemRole.LabelRole, self.recipientsLabel)

        self.recipientsEdit = QPlainTextEdit(PlanInfoDialog)
        self.recipientsEdit.setObjectName(u"recipientsEdit")
        self.recipientsEdit.setTabChangesFocus(True)

        self.form.setWidget(7, QFormLayout.ItemRole.FieldRole, self.recipientsEdit)

        self.basesLabel = QLabel(PlanInfoDialog)
        self.basesLabel.setObjectName(u"basesLabel")

        self.form.setWidget(8, QFormLayout.ItemRole.LabelRole, self.basesLabel)

        self.basesEdit = QPlainTextEdit(PlanInfoDialog)
        self.basesEdit.setObjectName(u"basesEdit")
        self.basesEdit.setTabChangesFocus(True)

        self.form.setWidget(8, QFormLayout.ItemRole.FieldRole, self.basesEdit)


        self.dialogLayout.addLayout(self.form)

        self.errorLabel = QLabel(PlanInfoDialog)
        self.errorLabel.setObjectName(u"errorLabel")
        self.errorLabel.setWordWrap(True)
        self.errorLabel.setStyleSheet(u"color: #b71c1c;")

        self.dialogLayout.addWidget(self.errorLabel)

        self.buttonBox = QDialogButtonBox(PlanInfoDialog)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setStandardButtons(QDialogButtonBox.Cancel|QDialogButtonBox.Save)

        self.dialogLayout.addWidget(self.buttonBox)

#if QT_CONFIG(shortcut)
        self.governingLabel.setBuddy(self.governingEdit)
        self.issuerLabel.setBuddy(self.issuerEdit)
        self.abbrLabel.setBuddy(self.abbrEdit)
        self.numberLabel.setBuddy(self.numberEdit)
        self.placeLabel.setBuddy(self.placeEdit)
        self.yearLabel.setBuddy(self.yearSpin)
        self.titleLabel.setBuddy(self.titleEdit)
        self.signerTitleLabel.setBuddy(self.signerTitleEdit)
        self.signerNameLabel.setBuddy(self.signerNameEdit)
        self.recipientsLabel.setBuddy(self.recipientsEdit)
        self.basesLabel.setBuddy(self.basesEdit)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(PlanInfoDialog)
    # setupUi

    def retranslateUi(self, PlanInfoDialog):
        PlanInfoDialog.setWindowTitle(QCoreApplication.translate("PlanInfoDialog", u"Th\u00f4ng tin k\u1ebf ho\u1ea1ch", None))
        self.governingLabel.setText(QCoreApplication.translate("PlanInfoDialog", u"C\u01a1 quan &ch\u1ee7 qu\u1ea3n:", None))
        self.governingEdit.setPlaceholderText(QCoreApplication.translate("PlanInfoDialog", u"UBND T\u1ec8NH KH\u00c1NH H\u00d2A", None))
        self.issuerLabel.setText(QCoreApplication.translate("PlanInfoDialog", u"C\u01a1 quan &ban h\u00e0nh:", None))
        self.issuerEdit.setPlaceholderText(QCoreApplication.translate("PlanInfoDialog", u"S\u1edf X\u00e2y d\u1ef1ng", None))
        self.abbrLabel.setText(QCoreApplication.translate("PlanInfoDialog", u"&Vi\u1ebft t\u1eaft:", None))
        self.abbrEdit.setPlaceholderText(QCoreApplication.translate("PlanInfoDialog", u"SXD", None))
        self.numberLabel.setText(QCoreApplication.translate("PlanInfoDialog", u"&S\u1ed1, k\u00fd hi\u1ec7u:", None))
        self.numberEdit.setPlaceholderText(QCoreApplication.translate("PlanInfoDialog", u"/KH-SXD (\u0111\u1ec3 tr\u1ed1ng s\u1ed1 n\u1ebfu ch\u01b0a c\u00f3)", None))
        self.placeLabel.setText(QCoreApplication.translate("PlanInfoDialog", u"\u0110\u1ecba &danh:", None))
        self.placeEdit.setPlaceholderText(QCoreApplication.translate("PlanInfoDialog", u"Kh\u00e1nh H\u00f2a", None))
        self.dateCheck.setText(QCoreApplication.translate("PlanInfoDialog", u"&Ng\u00e0y ban h\u00e0nh:", None))
        self.dateEdit.setDisplayFormat(QCoreApplication.translate("PlanInfoDialog", u"dd/MM/yyyy", None))
        self.yearLabel.setText(QCoreApplication.translate("PlanInfoDialog", u"&N\u0103m k\u1ebf ho\u1ea1ch:", None))
        self.titleLabel.setText(QCoreApplication.translate("PlanInfoDialog", u"&Tr\u00edch y\u1ebfu:", None))
        self.signerTitleLabel.setText(QCoreApplication.translate("PlanInfoDialog", u"C&h\u1ee9c v\u1ee5 ng\u01b0\u1eddi k\u00fd:", None))
        self.signerTitleEdit.setPlaceholderText(QCoreApplication.translate("PlanInfoDialog", u"KT. GI\u00c1M \u0110\u1ed0C\n"
"PH\u00d3 GI\u00c1M \u0110\u1ed0C", None))
        self.signerNameLabel.setText(QCoreApplication.translate("PlanInfoDialog", u"T\u00ean ng\u01b0\u1eddi &k\u00fd:", None))
        self.recipientsLabel.setText(QCoreApplication.translate("PlanInfoDialog", u"N\u01a1i &nh\u1eadn (m\u1ed7i d\u00f2ng m\u1ed9t n\u01a1i):", None))
        self.recipientsEdit.setPlaceholderText(QCoreApplication.translate("PlanInfoDialog", u"- UBND t\u1ec9nh;\n"
"- S\u1edf N\u1ed9i v\u1ee5;\n"
"- L\u01b0u: VT, VP.", None))
        self.basesLabel.setText(QCoreApplication.translate("PlanInfoDialog", u"C\u0103&n c\u1ee9 (m\u1ed7i d\u00f2ng m\u1ed9t c\u0103n c\u1ee9):", None))
    # retranslateUi

