"""Evidence files in the window (pytest-qt, offscreen): chosen in Cập nhật tiến độ and
opened from there, copied into tai-lieu/ on Lưu, listed under the task's details and
opened from there with the system viewer, a missing one flagged; copied and restored
with a backup; path-only evidence copied in at open and by Tệp › Chép tài liệu…."""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QUrl
from PySide6.QtWidgets import QDialogButtonBox, QFileDialog, QMessageBox

from test_backup_gui import click, message_box, when_modal
from test_evidence_files import PDF, chosen_file, path_only, report
from test_services import first_task, small_draft
from kehoach_desktop.gui import backup_actions, evidence_files
from kehoach_desktop.gui.progress_dialog import ProgressDialog
from kehoach_desktop.services import Services
from kehoach_desktop.services.attachments import FileState

AS_OF = date(2025, 7, 20)


@pytest.fixture
def opened_urls(monkeypatch) -> list[QUrl]:
    """QDesktopServices.openUrl records the URL instead of starting a viewer."""
    urls: list[QUrl] = []
    monkeypatch.setattr(evidence_files.QDesktopServices, "openUrl", lambda url: urls.append(url) or True)
    return urls


@pytest.fixture
def warnings(monkeypatch) -> list[str]:
    seen: list[str] = []
    monkeypatch.setattr(evidence_files.QMessageBox, "warning", lambda parent, title, text: seen.append(text))
    return seen


def make_window(qtbot, services, db_path):
    from kehoach_desktop.gui.main_window import MainWindow

    window = MainWindow(services, db_path, as_of=AS_OF)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    return window


@pytest.fixture
def task_id(services) -> int:
    return first_task(services, services.plans.create(small_draft()).value)[1].id


@pytest.fixture
def window(qtbot, services, db_path, task_id):
    return make_window(qtbot, services, db_path)


def test_a_file_chosen_in_the_progress_dialog_is_opened_there_and_kept_on_save(
    qtbot, window, services, task_id, tmp_path, monkeypatch, opened_urls
):
    source = chosen_file(tmp_path / "Tải về", "Quyết định 12 QĐ-SXD.pdf")
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *args, **kwargs: (str(source), ""))
    window.select_task(task_id)
    seen = {}

    def fill(dialog: ProgressDialog) -> None:
        ui = dialog.ui
        ui.addEvidenceButton.click()
        ui.evidenceTable.item(0, 0).setText("12/QĐ-SXD") if ui.evidenceTable.item(0, 0) else None
        ui.chooseFileButton.click()
        ui.openFileButton.click()
        seen["opened"] = list(opened_urls)
        ui.buttonBox.button(QDialogButtonBox.StandardButton.Save).click()

    when_modal(qtbot, lambda w: isinstance(w, ProgressDialog), fill)
    window.progress_action.trigger()
    assert [url.toLocalFile() for url in seen["opened"]] == [str(source)]
    [item] = services.progress.evidence(task_id)
    kept = services.attachments.where(item)
    assert kept.state is FileState.KEPT and kept.path.read_bytes() == PDF
    assert kept.path.is_relative_to(window.db_path.parent / "tai-lieu")
    assert window.undo_stack.count() == 1


def test_the_detail_panel_lists_the_files_opens_them_and_flags_a_missing_one(
    qtbot, window, services, task_id, tmp_path, opened_urls, warnings
):
    report(services, task_id, chosen_file(tmp_path, "biên bản họp.pdf"), chosen_file(tmp_path, "ảnh.jpg", b"jpg"))
    first, second = services.progress.evidence(task_id)
    window.select_task(task_id)
    window.show_details()
    html = window.ui.detailView.toHtml()
    assert "Tệp tài liệu kiểm chứng" in window.ui.detailView.toPlainText()
    assert f"tai-lieu:{first.id}" in html and f"tai-lieu:{second.id}" in html
    window.ui.detailView.anchorClicked.emit(QUrl(f"tai-lieu:{first.id}"))
    assert [url.toLocalFile() for url in opened_urls] == [str(services.attachments.where(first).path)]

    services.attachments.where(second).path.unlink()
    window.show_details()
    assert "ảnh.jpg (không còn tệp trong thư mục tai-lieu)" in window.ui.detailView.toPlainText()
    window.ui.detailView.anchorClicked.emit(QUrl(f"tai-lieu:{second.id}"))
    assert len(opened_urls) == 1 and "không còn tệp trong thư mục tai-lieu" in warnings[0]


def test_files_go_with_a_copy_and_come_back_with_its_restore(qtbot, window, services, task_id, tmp_path, monkeypatch):
    report(services, task_id, chosen_file(tmp_path / "goc", "tờ trình.pdf"))
    target = tmp_path / "USB" / "sao lưu.db"
    monkeypatch.setattr(backup_actions, "ask_copy_target", lambda win: target)
    done = click("OK")
    when_modal(qtbot, message_box("Đã sao lưu toàn bộ dữ liệu"), done)
    window.backup_actions.backup_action.trigger()
    assert "kèm 1 tệp tài liệu kiểm chứng" in done.seen["text"] and "một tệp duy nhất" in done.seen["text"]

    shutil.rmtree(window.db_path.parent / "tai-lieu")  # lost, or this is another machine
    when_modal(qtbot, message_box("Đã khôi phục dữ liệu"), click("OK"))
    assert backup_actions.restore_into_window(window, target)
    [item] = window.services.progress.evidence(task_id)
    assert window.services.attachments.where(item).state is FileState.KEPT


def test_path_only_evidence_is_copied_in_at_open_and_by_the_menu(qtbot, services, db_path, task_id, tmp_path):
    there = chosen_file(tmp_path / "cũ", "công văn.pdf", b"old")
    path_only(services, task_id, there)
    path_only(services, task_id, tmp_path / "đã mất.pdf")
    window = make_window(qtbot, services, db_path)
    qtbot.waitUntil(lambda: window.undo_stack.count() == 1)
    assert window.undo_stack.undoText() == "Chép tài liệu kiểm chứng vào thư mục dữ liệu"
    assert "Đã chép 1 tệp tài liệu kiểm chứng" in window.statusBar().currentMessage()
    assert services.attachments.waiting() == (0, 1)

    texts = [action.text() for action in window.file_menu.actions() if not action.isSeparator()]
    assert texts[-4:] == ["Chép tài liệu kiểm &chứng vào thư mục dữ liệu…", "&Sao lưu dữ liệu…",
                          "&Khôi phục từ bản sao lưu…", "T&hoát"]  # fmt: skip
    done = click("OK")
    when_modal(qtbot, lambda w: isinstance(w, QMessageBox) and "Tài liệu kiểm chứng" == w.windowTitle(), done)
    window.evidence_actions.adopt_action.trigger()
    assert "Không có tệp nào cần chép" in done.seen["text"]
    assert "1 tệp không còn ở chỗ cũ" in done.seen["text"] and "đã mất.pdf" in done.seen["text"]
