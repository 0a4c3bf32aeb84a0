"""Backups in the window (pytest-qt): Sao lưu, Khôi phục, a damaged file at start,
one window per database, and the messages when the file cannot be written."""

from __future__ import annotations

import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import tempfile
import textwrap
from datetime import date, datetime
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QUndoCommand
from PySide6.QtWidgets import QApplication, QMessageBox

from test_backup import MEDIUM, SMALL, add_sample, counts, damage, sha
from kehoach_desktop.gui import backup_actions
from kehoach_desktop.gui.single_instance import DatabaseLock, LockState
from kehoach_desktop.services import Services
from kehoach_desktop.store import backup as files
from kehoach_desktop.store import Store

AS_OF = date(2025, 7, 20)
REPO = Path(__file__).resolve().parents[1]


def when_modal(qtbot, accepts, handler, attempts: int = 250) -> None:
    """Run handler(widget) on the first modal widget for which accepts(widget) is true,
    from inside its exec(); waits for it (dialogs open dialogs: a bare "next modal"
    would catch the outer one). Gives up after ~5 s."""

    def act(left: int) -> None:
        widget = QApplication.activeModalWidget()
        if widget is not None and accepts(widget):
            handler(widget)
        elif left:
            QTimer.singleShot(20, lambda: act(left - 1))

    QTimer.singleShot(0, lambda: act(attempts))


def message_box(containing: str):
    return lambda widget: isinstance(widget, QMessageBox) and containing in widget.text()


def click(label: str):
    """Handler: remember the box's text, click its button labelled `label` (ignoring &)."""
    seen: dict = {}

    def handler(box: QMessageBox) -> None:
        seen["text"] = box.text()
        seen["buttons"] = [b.text().replace("&", "") for b in box.buttons()]
        [button] = [b for b in box.buttons() if b.text().replace("&", "") == label]
        button.click()

    handler.seen = seen
    return handler


@pytest.fixture
def opened(db_path) -> Services:
    services = Services.open(db_path)
    add_sample(services)
    yield services
    services.close()


@pytest.fixture
def window(qtbot, opened, db_path):
    from kehoach_desktop.gui.main_window import MainWindow

    win = MainWindow(opened, db_path, as_of=AS_OF)
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    yield win
    win.services.close()


def plan_count(win) -> int:
    return len(win.services.plans.list_plans())


# --- the menu ----------------------------------------------------------------------------------


def test_backup_and_restore_are_in_the_file_menu_before_quit(window):
    texts = [action.text() for action in window.file_menu.actions() if not action.isSeparator()]
    assert texts[-3:] == ["&Sao lưu dữ liệu…", "&Khôi phục từ bản sao lưu…", "T&hoát"]


def test_save_a_copy_anywhere(qtbot, window, tmp_path, monkeypatch):
    target = tmp_path / "usb" / "kehoach-20250720-0930.db"
    monkeypatch.setattr(backup_actions, "ask_copy_target", lambda win: target)
    done = click("OK")
    when_modal(qtbot, message_box("Đã sao lưu toàn bộ dữ liệu"), done)
    window.backup_actions.backup_action.trigger()
    assert counts(target) == (1, 25)
    assert "(1 kế hoạch, 25 nhiệm vụ)" in done.seen["text"] and str(target) in done.seen["text"]
    assert window.settings.value(backup_actions.LAST_FOLDER_KEY) == str(target.parent)


def test_default_name_of_a_copy(window):
    from kehoach_desktop.services.backups import default_copy_name

    assert default_copy_name(window.db_path, datetime(2025, 7, 20, 9, 5)) == "kehoach-20250720-0905.db"


# --- Khôi phục ---------------------------------------------------------------------------------


def test_restore_lists_backups_and_restores_the_chosen_one(qtbot, window, db_path):
    backups = window.services.backups
    older = backups.automatic(files.DAILY, datetime(2025, 7, 1, 9, 30))
    add_sample(window.services, MEDIUM)
    broken = backups.automatic(files.DAILY, datetime(2025, 7, 2, 9, 30))
    damage(broken)
    window.reload_plans()
    window.undo_stack.push(QUndoCommand("một bước đã làm"))
    assert plan_count(window) == 2
    seen = {}

    def choose(dialog) -> None:
        table = dialog.ui.backupTable
        rows = [[table.item(r, c).text() for c in range(5)] for r in range(table.rowCount())]
        seen["rows"] = rows
        seen["broken_flags"] = table.item(0, 0).flags()
        table.selectRow(0)  # the damaged one cannot be chosen
        seen["enabled_on_broken"] = dialog.restore_button.isEnabled()
        table.selectRow(1)
        when_modal(qtbot, message_box("Khôi phục dữ liệu từ bản sao lưu"), confirm)
        dialog.restore_button.click()

    confirm = click("Khôi phục")
    done = click("OK")
    services = window.services  # the connection open before the restore
    when_modal(qtbot, lambda w: w.objectName() == "BackupDialog", choose)
    when_modal(qtbot, message_box("Đã khôi phục dữ liệu"), done)
    window.backup_actions.restore_action.trigger()

    assert seen["rows"][0][:2] == ["02/07/2025 09:30", "Tự động hằng ngày"]
    assert seen["rows"][0][4].startswith("Không dùng được: tệp bị hỏng")
    assert seen["broken_flags"] == Qt.ItemFlag.NoItemFlags and seen["enabled_on_broken"] is False
    assert seen["rows"][1] == ["01/07/2025 09:30", "Tự động hằng ngày", "1", "25", "Dùng được"]
    assert "ngày 01/07/2025 lúc 09:30 (1 kế hoạch, 25 nhiệm vụ)" in confirm.seen["text"]
    # The window now shows the backup's data, on a new connection, with an empty undo stack.
    assert plan_count(window) == 1 and len(window.model.task_nodes()) == 25
    # The session opened the file anew; every part reads through it, none through the old connection.
    assert window.services is not services and window.forms_actions.cache.services is window.services
    assert len(window.services.plans.list_plans()) == 1
    with pytest.raises(sqlite3.ProgrammingError):  # closed: nothing of ours stays open on a replaced file
        services.plans.list_plans()
    assert window.undo_stack.count() == 0
    assert counts(db_path) == (1, 25)
    [before] = [p for p in files.automatic_backups(db_path) if "-truoc-khoi-phuc-" in p.name]
    assert counts(before) == (2, 62)  # what was replaced, as a backup in the list
    assert "1 kế hoạch, 25 nhiệm vụ" in done.seen["text"] and "kehoach-truoc-khoi-phuc-" in done.seen["text"]
    window.services.units.create("Đơn vị mới sau khôi phục")  # and it takes writes


def test_restore_from_a_file_elsewhere(qtbot, window, tmp_path, monkeypatch):
    from kehoach_desktop.gui import backup_dialog

    usb = window.services.backups.make_copy(tmp_path / "usb" / "ban-sao.db")
    add_sample(window.services, MEDIUM)
    monkeypatch.setattr(backup_dialog, "ask_backup_file", lambda parent: usb)

    def choose(dialog) -> None:
        dialog.ui.otherFileButton.click()
        when_modal(qtbot, message_box("Khôi phục dữ liệu từ bản sao lưu"), click("Khôi phục"))
        dialog.restore_button.click()

    when_modal(qtbot, lambda w: w.objectName() == "BackupDialog", choose)
    when_modal(qtbot, message_box("Đã khôi phục dữ liệu"), click("OK"))
    window.backup_actions.restore_action.trigger()
    assert plan_count(window) == 1
    assert usb.exists()  # the user's copy is copied, never moved


def test_a_refused_restore_leaves_the_window_working(qtbot, window, tmp_path):
    """A backup that went bad after it was listed: refused, nothing changed, window reopened."""
    usb = window.services.backups.make_copy(tmp_path / "ban-sao.db")
    damage(usb)
    refused = click("OK")
    when_modal(qtbot, message_box("Không khôi phục được"), refused)
    assert backup_actions.restore_into_window(window, usb) is False
    assert "không thay đổi" in refused.seen["text"]
    assert not files.backup_dir(window.db_path).exists()  # no copy made, nothing moved aside
    assert plan_count(window) == 1 and len(window.model.task_nodes()) == 25
    window.services.units.create("Vẫn ghi được")


# --- a damaged file at start -------------------------------------------------------------------


@pytest.fixture
def damaged_with_backup(db_path):
    with Services.open(db_path) as services:
        add_sample(services)
        good = services.backups.automatic(files.DAILY, datetime(2025, 7, 5, 8, 15))
        add_sample(services, MEDIUM)
    damage(db_path, "schema")
    return db_path, good


def test_damaged_file_at_start_offers_the_newest_good_backup(qtbot, damaged_with_backup):
    from kehoach_desktop.gui.startup import open_database

    path, good = damaged_with_backup
    damaged_bytes = path.read_bytes()
    offer = click("Khôi phục bản sao lưu này")
    done = click("OK")
    when_modal(qtbot, message_box("Tệp dữ liệu bị hỏng"), offer)
    when_modal(qtbot, message_box("Đã khôi phục dữ liệu"), done)
    services = open_database(path, headless=False)
    try:
        assert [p.task_count for p in services.plans.list_plans()] == [25]
        assert not services.store.readonly
    finally:
        services.close()
    text = offer.seen["text"]
    assert "ngày 05/07/2025 lúc 08:15 (1 kế hoạch, 25 nhiệm vụ)" in text
    assert "không ghi gì vào tệp này" in text and "SQLite báo" in text
    assert sorted(offer.seen["buttons"]) == ["Chọn bản sao lưu khác…", "Khôi phục bản sao lưu này", "Thoát"]
    [aside] = [p for p in files.backup_dir(path).iterdir() if p.is_dir()]
    assert aside.name.startswith("kehoach-hong-")
    assert (aside / "kehoach.db").read_bytes() == damaged_bytes  # kept aside, never written
    assert "Tệp hỏng được giữ nguyên" in done.seen["text"]


def test_damaged_file_at_start_quit_changes_nothing(qtbot, damaged_with_backup):
    from kehoach_desktop.gui.startup import open_database

    path, _good = damaged_with_backup
    before = sha(path)
    when_modal(qtbot, message_box("Tệp dữ liệu bị hỏng"), click("Thoát"))
    assert open_database(path, headless=False) is None
    assert sha(path) == before
    assert not [p for p in files.backup_dir(path).iterdir() if p.is_dir()]


def test_damaged_file_at_start_choose_another_backup(qtbot, damaged_with_backup, tmp_path):
    from kehoach_desktop.gui.startup import open_database

    path, good = damaged_with_backup
    shutil.copyfile(good, tmp_path / "cu.db")
    damage(good)  # the only backup in the folder is bad too: nothing to offer first
    offer = click("Chọn bản sao lưu khác…")

    def choose(dialog) -> None:
        assert dialog.damaged and "tệp hỏng được giữ nguyên" in dialog.ui.infoLabel.text()
        assert dialog.restore_button.isEnabled() is False  # nothing usable listed
        from kehoach_desktop.services.backups import inspect_backup

        dialog.set_backups([inspect_backup(tmp_path / "cu.db", path, full=True), *dialog.backups])
        when_modal(qtbot, message_box("Khôi phục dữ liệu từ bản sao lưu"), click("Khôi phục"))
        dialog.restore_button.click()

    when_modal(qtbot, message_box("Tệp dữ liệu bị hỏng"), offer)
    when_modal(qtbot, lambda w: w.objectName() == "BackupDialog", choose)
    when_modal(qtbot, message_box("Đã khôi phục dữ liệu"), click("OK"))
    services = open_database(path, headless=False)
    try:
        assert [p.task_count for p in services.plans.list_plans()] == [25]
    finally:
        services.close()
    assert "Không có bản sao lưu nào dùng được" in offer.seen["text"]
    assert "Khôi phục bản sao lưu này" not in offer.seen["buttons"]


def test_damaged_file_with_screenshot_only_says_so(damaged_with_backup, tmp_path):
    path, good = damaged_with_backup
    before = sha(path)
    result = _start_window(path, tmp_path / "shot.png", tmp_path)
    assert result.returncode == 2
    assert "bị hỏng" in result.stderr and str(good) in result.stderr
    assert sha(path) == before and not (tmp_path / "shot.png").exists()


# --- one window per database -------------------------------------------------------------------


def _start_window(db_path: Path, shot: Path, data: Path, **popen) -> subprocess.CompletedProcess:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "KEHOACH_DATA_DIR": str(data / "appdata")}
    return subprocess.run(
        [sys.executable, "-m", "kehoach_desktop", "--db", str(db_path), "--screenshot", str(shot)],
        capture_output=True, text=True, timeout=120, env=env, cwd=REPO, **popen,
    )  # fmt: skip


def _lock_holder(db_path: Path) -> subprocess.Popen:
    script = textwrap.dedent(
        f"""
        import time
        from PySide6.QtCore import QCoreApplication, QLockFile
        app = QCoreApplication([])
        lock = QLockFile({str(files.lock_file_path(db_path))!r})
        print("locked" if lock.tryLock(0) else "busy", flush=True)
        time.sleep(120)
        """
    )
    child = subprocess.Popen([sys.executable, "-c", script], stdout=subprocess.PIPE, text=True)
    assert child.stdout.readline().strip() == "locked"
    return child


@pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL is POSIX")
def test_second_window_is_refused_and_a_killed_owner_lock_is_recovered(opened, db_path, tmp_path):
    opened.close()
    holder = _lock_holder(db_path)
    try:
        assert DatabaseLock(db_path).acquire() is LockState.HELD_ELSEWHERE
        before = sha(db_path)
        refused = _start_window(db_path, tmp_path / "hai.png", tmp_path)
        assert refused.returncode == 2
        assert "Chương trình đang mở tệp dữ liệu này ở một cửa sổ khác" in refused.stderr
        assert not (tmp_path / "hai.png").exists() and sha(db_path) == before
        assert not files.backup_dir(db_path).exists()  # not even the daily backup: no second writer
    finally:
        holder.send_signal(signal.SIGKILL)
        holder.wait()
    assert files.lock_file_path(db_path).exists()  # left behind by the killed owner
    lock = DatabaseLock(db_path)
    assert lock.acquire() is LockState.OWNED  # stale: its process is gone
    lock.release()
    started = _start_window(db_path, tmp_path / "mot.png", tmp_path)
    assert started.returncode == 0, started.stderr
    assert (tmp_path / "mot.png").exists() and not files.lock_file_path(db_path).exists()
    [daily] = files.automatic_backups(db_path)
    assert "-hang-ngay-" in daily.name and counts(daily) == (1, 25)


# --- when the file cannot be written -----------------------------------------------------------


@pytest.fixture
def error_handler(window):
    from kehoach_desktop.gui.storage_errors import install_error_handler

    uninstall = install_error_handler(window)
    yield
    uninstall()


def _task_with_a_sibling_below(window):
    for node in window.model.task_nodes():
        siblings = window.services.tasks.siblings(node.task.id)
        if siblings.index(node.task.id) + 1 < len(siblings):
            assert window.select_task(node.task.id)
            return node.task, siblings
    raise AssertionError("no task with a sibling below")


@pytest.mark.qt_no_exception_capture
def test_read_only_file_during_work_shows_a_message_and_loses_nothing(qtbot, window, error_handler):
    task, order = _task_with_a_sibling_below(window)
    window.services.store.execute("PRAGMA query_only = 1")  # as if the file had become read-only
    told = click("Đóng")
    when_modal(qtbot, message_box("chỉ cho phép đọc"), told)
    window.move_down_action.trigger()
    assert "Mọi dữ liệu đã lưu trước đó vẫn nguyên vẹn" in told.seen["text"]
    assert told.seen["buttons"] == ["Đóng"]
    assert window.services.tasks.siblings(task.id) == order and window.undo_stack.count() == 0
    assert not window.services.store.conn.in_transaction
    window.services.store.execute("PRAGMA query_only = 0")  # writable again: work goes on
    window.select_task(task.id)
    window.move_down_action.trigger()
    assert window.services.tasks.siblings(task.id).index(task.id) == order.index(task.id) + 1
    assert window.undo_stack.count() == 1


@pytest.mark.qt_no_exception_capture
def test_read_only_place_opens_for_viewing_with_edits_refused(qtbot, db_path, opened):
    from kehoach_desktop.gui.main_window import MainWindow
    from kehoach_desktop.gui.storage_errors import install_error_handler
    from kehoach_desktop.store.database import open_for_viewing

    opened.close()
    before = sha(db_path)
    viewing = Services(open_for_viewing(db_path))
    win = MainWindow(viewing, db_path, as_of=AS_OF)
    qtbot.addWidget(win)
    uninstall = install_error_handler(win)
    try:
        assert len(win.model.task_nodes()) == 25  # everything readable
        task, order = _task_with_a_sibling_below(win)
        told = click("Đóng")
        when_modal(qtbot, message_box("chỉ cho phép đọc"), told)
        win.move_down_action.trigger()
        assert "Vẫn xem và in báo cáo được" in told.seen["text"]
        assert win.services.tasks.siblings(task.id) == order and win.undo_stack.count() == 0
    finally:
        uninstall()
        viewing.close()
    assert sha(db_path) == before


@pytest.mark.qt_no_exception_capture
def test_full_disk_shows_a_message_and_rolls_the_edit_back(qtbot, window, error_handler):
    task, _order = _task_with_a_sibling_below(window)
    store = window.services.store
    store.execute(f"PRAGMA max_page_count = {store.execute('PRAGMA page_count').fetchone()[0]}")

    def fill(dialog) -> None:
        dialog.ui.statusCombo.setCurrentIndex(dialog.ui.statusCombo.findData("done"))
        dialog.ui.resultEdit.setPlainText("Đã hoàn thành; báo cáo chi tiết. " * 2000)  # needs new pages
        dialog.ui.buttonBox.accepted.emit()

    told = click("Đóng")
    when_modal(qtbot, lambda w: w.objectName() == "ProgressDialog", fill)
    when_modal(qtbot, message_box("đã đầy"), told)
    window.progress_action.trigger()
    assert "Thay đổi vừa rồi không được lưu" in told.seen["text"]
    assert "giải phóng chỗ trống" in told.seen["text"]
    assert window.services.progress.history(task.id) == []
    assert window.services.tasks.get(task.id).status == task.status
    assert window.undo_stack.count() == 0 and not store.conn.in_transaction


@pytest.mark.qt_no_exception_capture
def test_deleted_folder_refuses_writes_and_offers_a_rescue_copy(qtbot, tmp_path, monkeypatch):
    from kehoach_desktop.gui.main_window import MainWindow
    from kehoach_desktop.gui.storage_errors import install_error_handler

    folder = tmp_path / "o-usb"
    path = folder / "kehoach.db"
    services = Services.open(path)
    add_sample(services)
    win = MainWindow(services, path, as_of=AS_OF)
    qtbot.addWidget(win)
    uninstall = install_error_handler(win)
    rescue = tmp_path / "cuu" / "kehoach-cuu.db"
    monkeypatch.setattr(backup_actions, "ask_copy_target", lambda window: rescue)
    try:
        task, order = _task_with_a_sibling_below(win)
        shutil.rmtree(folder)  # the folder is deleted (or the USB drive pulled) while open
        told = click("Lưu bản sao…")
        when_modal(qtbot, message_box("Không còn thấy tệp dữ liệu"), told)
        when_modal(qtbot, message_box("Đã sao lưu toàn bộ dữ liệu"), click("OK"))
        win.move_down_action.trigger()
        assert "Thay đổi vừa rồi chưa được lưu" in told.seen["text"]
        assert win.undo_stack.count() == 0
    finally:
        uninstall()
        services.close()
    assert counts(rescue) == (1, 25)  # everything saved before is in the rescue copy
    with Services.open(rescue) as rescued:
        assert rescued.tasks.siblings(task.id) == order  # without the refused move


def test_storage_messages_say_what_happened_what_is_safe_what_to_do(tmp_path):
    import sqlite3

    from kehoach_desktop.gui.storage_errors import storage_message

    path = tmp_path / "kehoach.db"
    path.write_bytes(b"")
    full, rescue = storage_message(sqlite3.OperationalError("database or disk is full"), path)
    assert "đã đầy" in full and "vẫn nguyên vẹn" in full and "giải phóng" in full and not rescue
    read_only, _ = storage_message(sqlite3.OperationalError("attempt to write a readonly database"), path)
    assert "chỉ cho phép đọc" in read_only and "vẫn nguyên vẹn" in read_only and "chép tệp" in read_only
    io, rescue = storage_message(sqlite3.OperationalError("disk I/O error"), path)
    assert "Lỗi đọc/ghi ổ đĩa" in io and rescue
    gone, rescue = storage_message(sqlite3.OperationalError("disk I/O error"), tmp_path / "khong-co.db")
    assert "Không còn thấy tệp dữ liệu" in gone and rescue


# --- a read-only place, for real -------------------------------------------------------------


AS_ROOT = sys.platform != "win32" and os.geteuid() == 0


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX permissions")
@pytest.mark.skipif(AS_ROOT and not shutil.which("setpriv"), reason="as root, needs setpriv to drop privileges")
def test_window_on_a_read_only_folder_opens_for_viewing():
    """A database in a folder the user cannot write: the window opens it for viewing,
    says so, and leaves the folder exactly as it was. Root ignores permissions, so as
    root the window runs as 'nobody' (setpriv); as another user, chmod is enough."""
    base = Path(tempfile.mkdtemp(prefix="kehoach-ro-"))
    folder, out = base / "chi-doc", base / "out"
    try:
        folder.mkdir()
        out.mkdir()
        path = folder / "kehoach.db"
        with Services.open(path) as services:
            add_sample(services)
        for target, mode in ((out, 0o777), (base, 0o755), (path, 0o444), (folder, 0o555)):
            os.chmod(target, mode)
        before, names = sha(path), sorted(p.name for p in folder.iterdir())
        assert names == ["kehoach.db", "kehoach.db-kiem-tra"]  # the file and its clean-close record
        shot = out / "xem.png"
        command = [sys.executable, "-m", "kehoach_desktop", "--db", str(path), "--screenshot", str(shot)]
        if AS_ROOT:
            command = ["setpriv", "--reuid=65534", "--regid=65534", "--clear-groups", *command]
        env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "HOME": str(out), "KEHOACH_DATA_DIR": str(out / "data")}
        result = subprocess.run(command, capture_output=True, text=True, timeout=120, env=env, cwd=out)
        assert result.returncode == 0, result.stderr
        assert "nằm ở nơi chỉ cho phép đọc" in result.stderr and "mọi thay đổi sẽ không được lưu" in result.stderr
        assert shot.exists()
        assert sha(path) == before and sorted(p.name for p in folder.iterdir()) == names
    finally:
        os.chmod(folder, 0o755)
        shutil.rmtree(base, ignore_errors=True)


def test_store_open_refuses_a_read_only_database_for_writing(db_path):
    """What start-up relies on: a read-only connection's error is ReadOnlyDatabaseError."""
    from kehoach_desktop.store.database import ReadOnlyDatabaseError

    Store.open(db_path).close()
    viewing = Store.open(db_path, readonly=True)
    try:
        with pytest.raises(ReadOnlyDatabaseError):
            with viewing.write():
                pass
    finally:
        viewing.close()
