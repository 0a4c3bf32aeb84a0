"""Help: F1 and Trợ giúp › Hướng dẫn sử dụng open the offline guide; its pictures are the
program's own; an empty database shows «Bắt đầu» with the first steps."""

from __future__ import annotations

import re
from datetime import date
from html.parser import HTMLParser

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QTextDocument

from conftest import REPO, load_sample_json, sample_file
from sample_drafts import draft_from_sample, link_units
from kehoach_desktop import resources
from kehoach_desktop.gui.help_window import guide_path
from kehoach_desktop.gui.ui_audit import english_words

GUIDE_SECTIONS = ("bat-dau", "cua-so", "nhap-ke-hoach", "don-vi", "tim-loc", "sua-nhiem-vu", "tien-do", "phieu",
                  "bao-cao", "ky-bao-cao", "sao-luu", "phim-tat")  # fmt: skip


class _Guide(HTMLParser):
    def __init__(self):
        super().__init__()
        self.images, self.anchors, self.links, self.text = [], [], [], []
        self.in_style = False

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        self.in_style = tag == "style"
        if tag == "img":
            self.images.append(attrs["src"])
        elif tag == "a" and "name" in attrs:
            self.anchors.append(attrs["name"])
        elif tag == "a" and "href" in attrs:
            self.links.append(attrs["href"])

    def handle_endtag(self, tag):
        self.in_style = False

    def handle_data(self, data):
        if not self.in_style:  # the style sheet is CSS, not words on screen
            self.text.append(data)


@pytest.fixture(scope="module")
def guide() -> _Guide:
    parsed = _Guide()
    parsed.feed(guide_path().read_text(encoding="utf-8"))
    return parsed


def test_the_guide_covers_the_main_tasks_and_its_links_lead_somewhere(guide):
    assert list(guide.anchors) == list(GUIDE_SECTIONS)
    for link in guide.links:
        assert link.startswith("#") and link[1:] in guide.anchors, link


def test_the_guide_is_vietnamese_only(guide):
    text = " ".join(guide.text)
    assert english_words(text) == []
    assert "Bắt đầu" in text and "Cập nhật tiến độ" in text


def test_every_picture_of_the_guide_is_there_and_made_by_the_picture_script(guide):
    import importlib.util

    spec = importlib.util.spec_from_file_location("make_help_pictures", REPO / "tools" / "make_help_pictures.py")
    script = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(script)
    folder = resources.folder("resources") / "help"
    made = {f"hinh/{name}" for name, *_ in script.PICTURES}
    assert set(guide.images) == made  # every picture shown is made by the script, and every one made is shown
    for image in guide.images:
        assert (folder / image).stat().st_size > 5000, image
    on_disk = {f"hinh/{path.name}" for path in (folder / "hinh").glob("*.png")}
    assert on_disk == made


def test_the_picture_script_uses_the_programs_screenshot_command():
    source = (REPO / "tools" / "make_help_pictures.py").read_text(encoding="utf-8")
    assert '"--screenshot"' in source and '"--part"' in source and '"kehoach_desktop"' in source


# --- in the window -----------------------------------------------------------------------------------


@pytest.fixture
def window(qtbot, services, db_path):
    from kehoach_desktop.gui.main_window import MainWindow

    services.plans.create(link_units(draft_from_sample(load_sample_json("000_36db36a684822c51"))))
    win = MainWindow(services, db_path, as_of=date(2025, 7, 20))
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    return win


@pytest.fixture
def empty_window(qtbot, services, db_path):
    from kehoach_desktop.gui.main_window import MainWindow

    win = MainWindow(services, db_path, as_of=date(2025, 7, 20))
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    return win


def _help(window):
    return window.ux_actions.help_window


def test_f1_opens_the_guide_with_its_pictures(qtbot, window):
    assert _help(window) is None
    window.activateWindow()
    qtbot.keyClick(window.ui.taskTree, Qt.Key.Key_F1)
    qtbot.waitUntil(lambda: _help(window) is not None and _help(window).isVisible(), timeout=3000)
    browser = _help(window).browser
    assert "Hướng dẫn sử dụng" in browser.toPlainText() and "Nhập kế hoạch" in browser.toPlainText()
    assert not _help(window).isModal()
    document = browser.document()
    for name in ("hinh/cua-so-chinh.png", "hinh/tien-do.png"):
        image = document.resource(QTextDocument.ResourceType.ImageResource, browser.source().resolved(name))
        assert image is not None and not image.isNull(), name


def test_the_help_menu_offers_the_guide_before_about(window):
    menu = window.help_menu
    texts = [action.text() for action in menu.actions() if not action.isSeparator()]
    assert texts == ["&Hướng dẫn sử dụng", "&Giới thiệu"]
    assert window.ux_actions.help_action.shortcut().toString() == "F1"
    menu.actions()[0].trigger()
    assert _help(window).isVisible()


def test_an_empty_database_shows_the_first_steps(qtbot, empty_window, services):
    from kehoach_desktop.gui.start_page import STEPS

    page = empty_window.ux_actions.start_page
    assert page.isVisible() and not empty_window.ui.mainSplitter.isVisible()
    text = " ".join(label.text() for label in page.findChildren(type(empty_window.ui.planLabel)))
    for _step, heading, _text, _button in STEPS:
        assert heading in text
    assert [h for _s, h, _t, _b in STEPS] == ["Nhập kế hoạch", "Khai báo cơ cấu tổ chức", "Gửi phiếu cho đơn vị"]
    assert page.buttons["import"].isEnabled() and page.buttons["organization"].isEnabled()
    assert not page.buttons["forms"].isEnabled()  # a form needs a plan

    services.imports.import_draft(services.imports.preview(sample_file("004_38c702dbea58b40f", ".xlsx")))
    empty_window.reload_plans()
    assert not page.isVisible() and empty_window.ui.mainSplitter.isVisible()


def test_the_organization_step_opens_the_set_up_of_the_units(qtbot, empty_window):
    from PySide6.QtWidgets import QApplication

    from kehoach_desktop.gui.organization_dialog import UnitListDialog

    seen = {}

    def look():
        dialog = QApplication.activeModalWidget()
        seen["dialog"] = type(dialog)
        dialog.reject()

    from PySide6.QtCore import QTimer

    QTimer.singleShot(50, look)
    empty_window.ux_actions.start_page.buttons["organization"].click()
    assert seen["dialog"] is UnitListDialog


def test_f1_on_the_start_page_opens_the_guide_at_bắt_đầu(qtbot, empty_window):
    empty_window.ux_actions.open_help()
    browser = _help(empty_window).browser
    cursor_text = browser.cursorForPosition(browser.viewport().rect().topLeft()).block().text()
    assert re.search("Bắt đầu", cursor_text)
