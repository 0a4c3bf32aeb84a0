"""Only Vietnamese on screen: Qt's own words come from the project's translation
(resources/translations/qtbase_vi.ts, compiled to .qm), and a walk through every
window, dialog and standard context menu finds no English word."""

from __future__ import annotations

import shutil
import subprocess
import xml.etree.ElementTree as ElementTree
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QLineEdit, QMessageBox, QPlainTextEdit

from conftest import REPO, load_sample_json
from sample_drafts import draft_from_sample, link_units
from kehoach_desktop.gui import qt_translation, ui_audit

TRANSLATIONS = REPO / "resources" / "translations"


@pytest.fixture
def vietnamese(qapp):
    """Qt's strings in Vietnamese for the test (as gui.app.application() does), then back."""
    qt_translation.install(qapp)
    yield qapp
    qt_translation.uninstall(qapp)


def _lrelease() -> str | None:
    import PySide6

    bundled = Path(PySide6.__file__).parent / "lrelease"
    return str(bundled) if bundled.exists() else shutil.which("pyside6-lrelease") or shutil.which("lrelease")


def test_the_compiled_translation_is_the_ts_file_compiled(tmp_path):
    tool = _lrelease()
    if tool is None:
        pytest.skip("lrelease (PySide6) is not installed")
    fresh = tmp_path / "qtbase_vi.qm"
    subprocess.run([tool, "-silent", str(TRANSLATIONS / "qtbase_vi.ts"), "-qm", str(fresh)], check=True, timeout=60)
    assert fresh.read_bytes() == (TRANSLATIONS / "qtbase_vi.qm").read_bytes(), (
        "resources/translations/qtbase_vi.qm is stale: run pyside6-lrelease resources/translations/qtbase_vi.ts "
        "-qm resources/translations/qtbase_vi.qm"
    )


def test_every_translation_is_vietnamese_and_keeps_the_placeholders():
    root = ElementTree.parse(TRANSLATIONS / "qtbase_vi.ts").getroot()
    messages = root.findall("context/message")
    assert len(messages) > 300
    for message in messages:
        source, translation = message.findtext("source"), message.findtext("translation")
        assert translation, source
        assert ui_audit.english_words(translation) == [], (source, translation)
        for marker in ("%1", "%2"):
            assert (marker in source) == (marker in translation), (source, translation)
        assert source.count("&") <= 1 or source.count("&") == translation.count("&")


def test_standard_buttons_context_menus_and_key_names_are_vietnamese(vietnamese, qtbot):
    from PySide6.QtGui import QKeySequence

    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
                               | QDialogButtonBox.StandardButton.Close | QDialogButtonBox.StandardButton.Save)  # fmt: skip
    qtbot.addWidget(buttons)
    assert sorted(b.text().replace("&", "") for b in buttons.buttons()) == sorted(["Đồng ý", "Hủy", "Đóng", "Lưu"])
    edit = QLineEdit()
    qtbot.addWidget(edit)
    menu = [text.split("\t")[0].replace("&", "") for text in ui_audit.context_menu_texts(edit) if text]
    assert {"Hoàn tác", "Làm lại", "Cắt", "Sao chép", "Dán", "Xóa", "Chọn tất cả"} <= set(menu)
    assert QKeySequence("Ctrl+Up").toString(QKeySequence.SequenceFormat.NativeText) == "Ctrl+↑"


def test_the_calendar_speaks_vietnamese(vietnamese, qtbot):
    from PySide6.QtWidgets import QDateEdit

    from kehoach_desktop.gui.widgets import setup_date_edit

    edit = QDateEdit()
    qtbot.addWidget(edit)
    setup_date_edit(edit, date(2025, 7, 20))
    names = [text for _, text in ui_audit.calendar_texts(edit.calendarWidget())]
    assert "Tháng 7" in names or "tháng 7" in names
    assert any("Thứ" in name or name.startswith("T") for name in names)
    assert all(ui_audit.english_words(name) == [] for name in names)


def test_the_english_finder_finds_qt_english_when_the_translation_is_missing(qapp, qtbot):
    """The walk below can fail: without the translation it finds Qt's English."""
    qt_translation.uninstall(qapp)
    box = QMessageBox(QMessageBox.Icon.Warning, "Thông báo", "Nội dung")
    box.setStandardButtons(QMessageBox.StandardButton.Ok | QMessageBox.StandardButton.Cancel)
    qtbot.addWidget(box)
    edit = QPlainTextEdit()
    qtbot.addWidget(edit)
    found = " ".join(ui_audit.english_in(box) + ui_audit.english_in(edit))
    assert "Cancel" in found and "Paste" in found
    assert ui_audit.english_words("Chọn tệp… Select All, Hủy") == ["Select", "All"]
    assert ui_audit.english_words("Thu gọn tất cả; In…; Tổng hợp đến 31/12; Ctrl+Del") == []


def test_no_english_in_any_window_dialog_or_context_menu(vietnamese, qtbot, services, db_path, tmp_path):
    from kehoach_desktop.gui.main_window import MainWindow

    services.plans.create(link_units(draft_from_sample(load_sample_json("000_36db36a684822c51"))))
    window = MainWindow(services, db_path, as_of=date(2025, 7, 20))
    qtbot.addWidget(window)
    window.show()
    window.select_task(window.model.task_nodes()[0].task.id)
    found, walked = [], []
    for name, part in ui_audit.main_window_parts(window):
        found += [f"{name} — {line}" for line in ui_audit.english_in(part)]
        walked.append(name)
    for name, dialog in ui_audit.dialog_tour(window, tmp_path):
        found += [f"{name} — {line}" for line in ui_audit.english_in(dialog)]
        walked.append(name)
    assert len(walked) >= 25 and "Chọn tệp (Qt vẽ)" in walked
    assert found == []
    assert QApplication.activeModalWidget() is None  # the tour never left a dialog waiting
