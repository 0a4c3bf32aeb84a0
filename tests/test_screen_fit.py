"""Every window and dialog usable on an office laptop: 1366×768 at 100% and 150%, and
1920×1080 at 150%; buttons always visible; restored geometry clamped to today's screen;
--screenshot at 150% shows the whole window."""

from __future__ import annotations

import os
import subprocess
import sys
from datetime import date

import pytest
from PySide6.QtCore import QByteArray, QRect, QSize
from PySide6.QtWidgets import QLabel, QLineEdit, QPushButton, QScrollArea, QWidget

from conftest import load_sample_json
from sample_drafts import draft_from_sample, link_units
from kehoach_desktop.gui import screen_fit, ui_audit
from kehoach_desktop.gui.flow_layout import FlowLayout

SCREENS = {
    "1366×768, 100%": (1366, 768, 1.0),
    "1366×768, 150%": (1366, 768, 1.5),
    "1920×1080, 150%": (1920, 1080, 1.5),
}


@pytest.fixture
def plan(services):
    return services.plans.create(link_units(draft_from_sample(load_sample_json("000_36db36a684822c51")))).value


def open_window(qtbot, services, db_path):
    from kehoach_desktop.gui.main_window import MainWindow

    window = MainWindow(services, db_path, as_of=date(2025, 7, 20))
    qtbot.addWidget(window)
    window.show()
    return window


@pytest.mark.parametrize("screen", list(SCREENS))
def test_the_main_window_and_every_dialog_fit_with_their_buttons_visible(qtbot, services, db_path, plan, tmp_path,
                                                                         screen):  # fmt: skip
    with screen_fit.simulated_screen(*SCREENS[screen]) as area:
        window = open_window(qtbot, services, db_path)
        window.select_task(window.model.task_nodes()[0].task.id)
        assert window.width() <= area.width() and window.height() <= area.height()
        problems = [problem for name, part in ui_audit.main_window_parts(window)
                    for problem in ui_audit.fit_problems(part, name)]  # fmt: skip
        opened = 0
        for name, dialog in ui_audit.dialog_tour(window, tmp_path):
            problems += ui_audit.fit_problems(dialog, name)
            opened += 1
    assert opened >= 25
    assert problems == []


def test_long_forms_scroll_and_their_buttons_stay_below(qtbot, services, db_path, plan):
    from kehoach_desktop.gui.task_dialog import TaskDialog

    with screen_fit.simulated_screen(1366, 768, 1.5):
        window = open_window(qtbot, services, db_path)
        task = window.model.task_nodes()[0].task
        dialog = TaskDialog(window, services, window.model.tree, window.model.tree.plan_by_id[task.plan_id],
                            task=services.tasks.get(task.id))  # fmt: skip
        qtbot.addWidget(dialog)
        dialog.show()
        scroll = dialog.findChild(QScrollArea, screen_fit.SCROLL_NAME)
        assert scroll is not None and scroll.isAncestorOf(dialog.ui.tabs)
        assert not scroll.isAncestorOf(dialog.ui.buttonBox) and not scroll.isAncestorOf(dialog.ui.errorLabel)
        assert dialog.height() <= screen_fit.room(dialog).height()
        assert dialog.ui.tabs.minimumSizeHint().height() > scroll.viewport().height()  # it does need to scroll
        for button in dialog.ui.buttonBox.buttons():
            assert screen_fit.visible_in(button, dialog)


def test_a_remembered_geometry_is_clamped_when_the_screen_got_smaller(qtbot, services, db_path, plan):
    window = open_window(qtbot, services, db_path)
    window.resize(1400, 860)
    window.close()  # remembers 1400×860
    assert isinstance(window.settings.value("window/geometry"), QByteArray)
    with screen_fit.simulated_screen(1366, 768, 1.5):
        again = open_window(qtbot, services, db_path)
        room = screen_fit.room(again)
        assert again.width() <= room.width() and again.height() <= room.height()


def test_fit_window_and_clamp(qtbot):
    widget = QWidget()
    qtbot.addWidget(widget)
    with screen_fit.simulated_screen(1024, 700, 1.0, taskbar=0):
        screen_fit.fit_window(widget, QSize(1400, 860))
        frame = screen_fit.FRAME
        assert widget.size() == QSize(1024 - frame.left() - frame.right(), 700 - frame.top() - frame.bottom())
        screen_fit.fit_window(widget, QSize(600, 400))
        assert widget.size() == QSize(600, 400)
    assert screen_fit.simulated_area(1366, 768, 1.5) == QRect(0, 0, 910, 485)


def test_a_flow_layout_wraps_when_narrow_and_stretches_when_wide(qtbot):
    holder = QWidget()
    qtbot.addWidget(holder)
    flow = FlowLayout(holder)
    flow.setContentsMargins(0, 0, 0, 0)
    search = QLineEdit()
    search.setMinimumWidth(200)
    buttons = [QPushButton(f"Nút số {n}") for n in range(4)]
    flow.add_widget(search, stretch=1)
    for button in buttons:
        flow.add_widget(button)
    holder.resize(1200, flow.heightForWidth(1200))
    holder.show()
    one_line = flow.heightForWidth(1200)
    assert all(button.y() == search.y() for button in buttons)
    assert search.width() > search.sizeHint().width()  # took the spare room
    assert flow.heightForWidth(300) > 2 * one_line  # wraps onto several lines
    assert flow.minimumSize().width() == max(search.minimumSizeHint().width(), 200,
                                             *(b.minimumSizeHint().width() for b in buttons))  # fmt: skip


def test_the_detail_panel_never_breaks_a_word(qtbot, services, db_path, plan):
    from PySide6.QtGui import QTextOption

    from kehoach_desktop.domain.models import ProgressUpdate
    from kehoach_desktop.domain.statuses import Status

    window = open_window(qtbot, services, db_path)
    task = window.model.task_nodes()[0].task
    services.progress.record(ProgressUpdate(task_id=task.id, period="2025-Q2", status=Status.IN_PROGRESS, percent=50,
                                            result="Đang triển khai", reported_on=date(2025, 11, 10)))  # fmt: skip
    window.load_view()
    window.select_task(task.id)
    view = window.ui.detailView
    assert view.wordWrapMode() == QTextOption.WrapMode.WordWrap
    view.resize(220, 600)  # a narrow panel beside the F8 panel
    assert broken_words(view.document()) == []


def broken_words(document) -> list[str]:
    """Lines of the laid-out document that end in the middle of a word ("Trạn|g thái")."""
    document.setTextWidth(document.textWidth())
    found = []
    block = document.begin()
    while block.isValid():
        layout, text = block.layout(), block.text()
        for number in range(layout.lineCount() - 1):
            end = layout.lineAt(number).textStart() + layout.lineAt(number).textLength()
            if 0 < end < len(text) and text[end - 1].isalnum() and text[end].isalnum():
                found.append(f"{text[:end]}|{text[end:]}")
        block = block.next()
    return found


def test_screenshot_at_150_percent_shows_the_whole_window(tmp_path, services, plan, db_path):
    from PySide6.QtGui import QImage

    services.close()
    out = tmp_path / "cua-so.png"
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "QT_SCALE_FACTOR": "1.5"}
    command = [sys.executable, "-m", "kehoach_desktop", "--db", str(db_path), "--screenshot", str(out)]
    result = subprocess.run([*command, "--size", "1366x768"], capture_output=True, text=True, timeout=120, env=env)
    assert result.returncode == 0, result.stderr
    image = QImage(str(out))
    assert (image.width(), image.height()) == (1366, 768)
    too_small = subprocess.run([*command, "--size", "500x300"], capture_output=True, text=True, timeout=120, env=env)
    assert too_small.returncode == 1 and "không thu được vào" in too_small.stderr  # no cut-off picture


def test_a_dialog_without_a_layout_or_already_wrapped_is_left_alone(qtbot):
    from PySide6.QtWidgets import QDialog, QVBoxLayout

    bare = QDialog()
    qtbot.addWidget(bare)
    assert screen_fit.wrap_in_scroll_area(bare) is None
    dialog = QDialog()
    qtbot.addWidget(dialog)
    layout = QVBoxLayout(dialog)
    label = QLabel("Nội dung")
    layout.addWidget(label)
    assert screen_fit.wrap_in_scroll_area(dialog) is not None
    assert screen_fit.wrap_in_scroll_area(dialog) is None
    assert dialog.findChild(QScrollArea).isAncestorOf(label)
