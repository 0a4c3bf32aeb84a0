"""«Hướng dẫn sử dụng»: the offline guide (resources/help/huong-dan.html) in a window.

F1 and Trợ giúp › Hướng dẫn sử dụng open it. The guide is plain HTML read by a
QTextBrowser: links inside it move between its sections, links to the web open
in the system's browser, and its pictures (resources/help/hinh/) are made by the
program itself (`python tools/make_help_pictures.py`, through `--screenshot`).
"""

from __future__ import annotations

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QTextBrowser, QVBoxLayout, QWidget

from kehoach_desktop import resources
from kehoach_desktop.gui import screen_fit

GUIDE = "huong-dan.html"
TITLE = "Hướng dẫn sử dụng"


def guide_path():
    return resources.path("resources", "help", GUIDE)


class HelpWindow(QDialog):
    """Not modal: the user reads it beside the window while doing the step."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("helpWindow")
        self.setWindowTitle(TITLE)
        self.setModal(False)
        layout = QVBoxLayout(self)
        self.browser = QTextBrowser(self)
        self.browser.setObjectName("helpBrowser")
        self.browser.setOpenLinks(False)  # _follow decides: the guide's own links here, the web outside
        self.browser.anchorClicked.connect(self._follow)
        guide = guide_path()
        self.browser.setSearchPaths([str(guide.parent)])
        self.browser.setSource(QUrl.fromLocalFile(str(guide)))
        layout.addWidget(self.browser, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText("Đó&ng")
        buttons.rejected.connect(self.close)
        layout.addWidget(buttons)
        self.resize(900, 760)
        screen_fit.fit_dialog(self, scroll=False)

    def show_section(self, anchor: str = "") -> None:
        if anchor:
            self.browser.scrollToAnchor(anchor)
        else:
            self.browser.verticalScrollBar().setValue(0)
        self.show()
        self.raise_()
        self.activateWindow()

    def _follow(self, url: QUrl) -> None:
        if url.scheme() in ("http", "https", "mailto"):
            QDesktopServices.openUrl(url)
        elif url.hasFragment() and (not url.path() or url.fileName() == GUIDE):
            self.browser.scrollToAnchor(url.fragment())
        else:
            self.browser.setSource(self.browser.source().resolved(url))
