# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'pdf_preview.ui'
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
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtWidgets import (QApplication, QComboBox, QDialog, QHBoxLayout,
    QLabel, QPushButton, QSizePolicy, QSpacerItem,
    QSpinBox, QToolButton, QVBoxLayout, QWidget)

class Ui_PdfPreview(object):
    def setupUi(self, PdfPreview):
        if not PdfPreview.objectName():
            PdfPreview.setObjectName(u"PdfPreview")
        PdfPreview.resize(980, 900)
        self.previewLayout = QVBoxLayout(PdfPreview)
        self.previewLayout.setObjectName(u"previewLayout")
        self.toolLayout = QHBoxLayout()
        self.toolLayout.setObjectName(u"toolLayout")
        self.saveButton = QPushButton(PdfPreview)
        self.saveButton.setObjectName(u"saveButton")
        self.saveButton.setAutoDefault(False)

        self.toolLayout.addWidget(self.saveButton)

        self.wordButton = QPushButton(PdfPreview)
        self.wordButton.setObjectName(u"wordButton")
        self.wordButton.setAutoDefault(False)

        self.toolLayout.addWidget(self.wordButton)

        self.printButton = QPushButton(PdfPreview)
        self.printButton.setObjectName(u"printButton")
        self.printButton.setAutoDefault(False)

        self.toolLayout.addWidget(self.printButton)

        self.editButton = QPushButton(PdfPreview)
        self.editButton.setObjectName(u"editButton")
        self.editButton.setAutoDefault(False)

        self.toolLayout.addWidget(self.editButton)

        self.toolSpacer1 = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.toolLayout.addItem(self.toolSpacer1)

        self.pageLabel = QLabel(PdfPreview)
        self.pageLabel.setObjectName(u"pageLabel")

        self.toolLayout.addWidget(self.pageLabel)

        self.pageSpin = QSpinBox(PdfPreview)
        self.pageSpin.setObjectName(u"pageSpin")
        self.pageSpin.setMinimum(1)
        self.pageSpin.setKeyboardTracking(False)

        self.toolLayout.addWidget(self.pageSpin)

        self.pageCountLabel = QLabel(PdfPreview)
        self.pageCountLabel.setObjectName(u"pageCountLabel")
        self.pageCountLabel.setTextFormat(Qt.PlainText)

        self.toolLayout.addWidget(self.pageCountLabel)

        self.toolSpacer2 = QSpacerItem(20, 10, QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Minimum)

        self.toolLayout.addItem(self.toolSpacer2)

        self.zoomOutButton = QToolButton(PdfPreview)
        self.zoomOutButton.setObjectName(u"zoomOutButton")

        self.toolLayout.addWidget(self.zoomOutButton)

        self.zoomCombo = QComboBox(PdfPreview)
        self.zoomCombo.setObjectName(u"zoomCombo")

        self.toolLayout.addWidget(self.zoomCombo)

        self.zoomInButton = QToolButton(PdfPreview)
        self.zoomInButton.setObjectName(u"zoomInButton")

        self.toolLayout.addWidget(self.zoomInButton)

        self.toolSpacer3 = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.toolLayout.addItem(self.toolSpacer3)

        self.closeButton = QPushButton(PdfPreview)
        self.closeButton.setObjectName(u"closeButton")
        self.closeButton.setAutoDefault(False)

        self.toolLayout.addWidget(self.closeButton)


        self.previewLayout.addLayout(self.toolLayout)

        self.pdfView = QPdfView(PdfPreview)
        self.pdfView.setObjectName(u"pdfView")

        self.previewLayout.addWidget(self.pdfView)

        self.statusLabel = QLabel(PdfPreview)
        self.statusLabel.setObjectName(u"statusLabel")
        self.statusLabel.setTextFormat(Qt.PlainText)
        self.statusLabel.setWordWrap(True)

        self.previewLayout.addWidget(self.statusLabel)

#if QT_CONFIG(shortcut)
        self.pageLabel.setBuddy(self.pageSpin)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(PdfPreview)
    # setupUi

    def retranslateUi(self, PdfPreview):
        PdfPreview.setWindowTitle(QCoreApplication.translate("PdfPreview", u"Xem tr\u01b0\u1edbc", None))
        self.saveButton.setText(QCoreApplication.translate("PdfPreview", u"L\u01b0u &PDF\u2026", None))
#if QT_CONFIG(tooltip)
        self.saveButton.setToolTip(QCoreApplication.translate("PdfPreview", u"L\u01b0u th\u00e0nh t\u1ec7p PDF (Ctrl+S)", None))
#endif // QT_CONFIG(tooltip)
        self.wordButton.setText(QCoreApplication.translate("PdfPreview", u"L\u01b0u &Word\u2026", None))
#if QT_CONFIG(tooltip)
        self.wordButton.setToolTip(QCoreApplication.translate("PdfPreview", u"L\u01b0u th\u00e0nh t\u1ec7p Word (.docx) \u0111\u1ec3 s\u1eeda c\u00e2u ch\u1eef tr\u01b0\u1edbc khi tr\u00ecnh k\u00fd", None))
#endif // QT_CONFIG(tooltip)
        self.printButton.setText(QCoreApplication.translate("PdfPreview", u"&In\u2026", None))
#if QT_CONFIG(tooltip)
        self.printButton.setToolTip(QCoreApplication.translate("PdfPreview", u"In ra m\u00e1y in (Ctrl+P)", None))
#endif // QT_CONFIG(tooltip)
        self.editButton.setText(QCoreApplication.translate("PdfPreview", u"&S\u1eeda th\u00f4ng tin\u2026", None))
#if QT_CONFIG(tooltip)
        self.editButton.setToolTip(QCoreApplication.translate("PdfPreview", u"S\u1eeda s\u1ed1, ng\u00e0y, ng\u01b0\u1eddi k\u00fd, n\u01a1i nh\u1eadn, n\u1ed9i dung r\u1ed3i t\u1ea1o l\u1ea1i", None))
#endif // QT_CONFIG(tooltip)
        self.pageLabel.setText(QCoreApplication.translate("PdfPreview", u"&Trang", None))
        self.zoomOutButton.setText(QCoreApplication.translate("PdfPreview", u"\u2212", None))
#if QT_CONFIG(tooltip)
        self.zoomOutButton.setToolTip(QCoreApplication.translate("PdfPreview", u"Thu nh\u1ecf (Ctrl+-)", None))
#endif // QT_CONFIG(tooltip)
#if QT_CONFIG(accessibility)
        self.zoomCombo.setAccessibleName(QCoreApplication.translate("PdfPreview", u"C\u1ee1 xem", None))
#endif // QT_CONFIG(accessibility)
        self.zoomInButton.setText(QCoreApplication.translate("PdfPreview", u"+", None))
#if QT_CONFIG(tooltip)
        self.zoomInButton.setToolTip(QCoreApplication.translate("PdfPreview", u"Ph\u00f3ng to (Ctrl++)", None))
#endif // QT_CONFIG(tooltip)
        self.closeButton.setText(QCoreApplication.translate("PdfPreview", u"\u0110\u00f3n&g", None))
    # retranslateUi

