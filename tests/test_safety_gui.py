"""Issue 14 in the window (pytest-qt): the file replaced while the window has it open,
damage seen during work, a missing database beside its backups, a file changed
between two runs, text that is not UTF-8, and viewing on a read-only mount."""

from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
import sys
import tempfile
from datetime import datetime
from pathlib import Path

import pytest

from safety_support import break_utf8
from test_backup import MEDIUM, add_sample, counts, damage, sha
from test_backup_gui import AS_OF, click, message_box, when_modal
from test_safety import BROKEN_TEXT, other_database
from kehoach_desktop.services import Services
from kehoach_desktop.store import backup as files
from kehoach_desktop.store import close_record

REPO = Path(__file__).resolve().parents[1]


@pytest.fixture
def window(qtbot, db_path):
    from kehoach_desktop.gui.main_window import MainWindow
    from kehoach_desktop.gui.storage_errors import install_error_handler

    services = Services.open(db_path)
    add_sample(services)
    win = MainWindow(services, db_path, as_of=AS_OF)
    qtbot.addWidget(win)
    uninstall = install_error_handler(win)
    win.show()
    qtbot.waitExposed(win)
    yield win
    uninstall()
    try:
        win.services.close()
    except Exception:  # noqa: BLE001  (a test may have closed it, or the file was replaced)
        pass


def _a_task(win):
    return win.model.task_nodes()[0].task


# --- the file replaced while the window has it open ------------------------------------------


@pytest.mark.qt_no_exception_capture
def test_a_file_copied_over_the_open_database_is_noticed_and_left_intact(qtbot, window, db_path, tmp_path):
    from kehoach_desktop.gui.startup import close_database

    other = other_database(tmp_path)
    told = click("Đóng")
    when_modal(qtbot, lambda w: w.objectName() == "databaseReplacedBox", told)
    shutil.copyfile(other, db_path)  # a sync tool puts another copy in its place
    qtbot.waitUntil(lambda: "text" in told.seen, timeout=5000)  # the file watcher noticed at once
    assert "đã bị thay bằng một tệp khác" in told.seen["text"] and "ngừng ghi" in told.seen["text"]
    task = _a_task(window)
    with pytest.raises(Exception) as refused:  # writing stays stopped
        window.services.tasks.update(task.id, content="Sửa sau khi tệp bị thay")
    assert "đã bị thay" in str(refused.value)
    close_database(window.services, headless=True)  # told already: nothing more
    assert db_path.read_bytes() == other.read_bytes()
    assert counts(db_path) == (1, 37)


# --- damage seen during work -----------------------------------------------------------------------


@pytest.mark.qt_no_exception_capture
def test_damage_seen_during_work_stops_writes_and_offers_a_restore(qtbot, window, monkeypatch):
    from kehoach_desktop.gui import backup_actions
    from kehoach_desktop.gui.storage_errors import report_storage_problem

    opened = []
    monkeypatch.setattr(backup_actions, "open_restore", lambda win: opened.append(win) or False)
    offer = click("Khôi phục…")
    when_modal(qtbot, lambda w: w.objectName() == "damagedDuringWorkBox", offer)
    report_storage_problem(window, sqlite3.OperationalError("Could not decode to UTF-8 column 'content'"))
    assert "ngừng ghi" in offer.seen["text"] and "bản sao lưu" in offer.seen["text"]
    assert opened == [window]
    with pytest.raises(Exception, match="ngừng ghi"):
        window.services.units.create("Phòng mới")


# --- at start: a missing database beside its backups -----------------------------------------


@pytest.fixture
def missing_with_backup(db_path):
    with Services.open(db_path) as services:
        add_sample(services)
        services.backups.automatic(files.DAILY, datetime(2025, 7, 5, 8, 15))
    db_path.unlink()
    files.close_record_path(db_path).unlink()
    return db_path


def test_a_missing_database_is_restored_from_its_newest_backup(qtbot, missing_with_backup):
    from kehoach_desktop.gui.startup import open_database

    offer = click("Khôi phục bản sao lưu này")
    when_modal(qtbot, lambda w: w.objectName() == "missingDatabaseBox", offer)
    when_modal(qtbot, message_box("Đã khôi phục dữ liệu"), click("OK"))
    services = open_database(missing_with_backup, headless=False)
    try:
        assert [p.task_count for p in services.plans.list_plans()] == [25]
    finally:
        services.close()
    assert "Không thấy tệp dữ liệu" in offer.seen["text"] and "ngày 05/07/2025 lúc 08:15" in offer.seen["text"]
    assert sorted(offer.seen["buttons"]) == [
        "Chọn bản sao lưu khác…", "Khôi phục bản sao lưu này", "Thoát", "Tạo tệp dữ liệu mới (trống)",
    ]  # fmt: skip


def test_a_missing_database_starts_empty_only_when_asked(qtbot, missing_with_backup):
    from kehoach_desktop.gui.startup import open_database

    when_modal(qtbot, lambda w: w.objectName() == "missingDatabaseBox", click("Thoát"))
    assert open_database(missing_with_backup, headless=False) is None
    assert not missing_with_backup.exists()
    when_modal(qtbot, lambda w: w.objectName() == "missingDatabaseBox", click("Tạo tệp dữ liệu mới (trống)"))
    services = open_database(missing_with_backup, headless=False)
    try:
        assert services.plans.list_plans() == []
    finally:
        services.close()
    assert len(files.automatic_backups(missing_with_backup)) == 1  # the backup is still there


def test_a_missing_database_with_screenshot_exits_2_with_a_message(missing_with_backup, tmp_path):
    result = _start_window(missing_with_backup, tmp_path / "shot.png", tmp_path)
    assert result.returncode == 2
    assert "Không thấy tệp dữ liệu" in result.stderr and "Traceback" not in result.stderr
    assert not missing_with_backup.exists()


def _start_window(db_path: Path, shot: Path, data: Path) -> subprocess.CompletedProcess:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "KEHOACH_DATA_DIR": str(data / "appdata")}
    return subprocess.run(
        [sys.executable, "-m", "kehoach_desktop", "--db", str(db_path), "--screenshot", str(shot)],
        capture_output=True, text=True, timeout=120, env=env, cwd=REPO,
    )  # fmt: skip


# --- at start: damage between two runs, text that is not UTF-8 ---------------------------------


@pytest.fixture
def with_backup(db_path):
    with Services.open(db_path) as services:
        add_sample(services)
        services.backups.automatic(files.DAILY, datetime(2025, 7, 5, 8, 15))
    return db_path


def test_text_that_is_not_utf8_is_offered_the_newest_backup_at_start(qtbot, with_backup):
    from kehoach_desktop.gui.startup import open_database

    break_utf8(with_backup, BROKEN_TEXT)
    damaged_bytes = with_backup.read_bytes()
    offer = click("Khôi phục bản sao lưu này")
    when_modal(qtbot, message_box("Tệp dữ liệu bị hỏng"), offer)
    when_modal(qtbot, message_box("Đã khôi phục dữ liệu"), click("OK"))
    services = open_database(with_backup, headless=False)
    try:
        tree = services.plans.tree([p.id for p in services.plans.list_plans()])
        assert any(task.content.startswith(BROKEN_TEXT) for task in tree.tasks)  # readable again
    finally:
        services.close()
    assert "ngày 05/07/2025 lúc 08:15" in offer.seen["text"]
    [aside] = [p for p in files.backup_dir(with_backup).iterdir() if p.is_dir()]
    assert (aside / "kehoach.db").read_bytes() == damaged_bytes


def test_a_file_changed_between_runs_may_be_kept_when_the_user_knows_why(qtbot, with_backup, tmp_path):
    from kehoach_desktop.gui.startup import open_database

    shutil.copyfile(other_database(tmp_path), with_backup)
    keep = click("Vẫn dùng tệp này")
    when_modal(qtbot, message_box("đã bị thay đổi bên ngoài chương trình"), keep)
    services = open_database(with_backup, headless=False)
    try:
        assert [p.task_count for p in services.plans.list_plans()] == [37]
    finally:
        services.close()
    assert "Khôi phục bản sao lưu này" in keep.seen["buttons"]
    assert close_record.compare(with_backup).matches


def test_random_damage_between_runs_is_refused_at_start(qtbot, with_backup):
    from kehoach_desktop.gui.startup import open_database

    damage(with_backup)
    when_modal(qtbot, message_box("Tệp dữ liệu bị hỏng"), click("Thoát"))
    assert open_database(with_backup, headless=False) is None


# --- a read-only mount ---------------------------------------------------------------------------

CAN_MOUNT = (
    sys.platform.startswith("linux") and os.geteuid() == 0 and shutil.which("unshare") and shutil.which("mount")
)


@pytest.mark.skipif(not CAN_MOUNT, reason="needs root and unshare to make a read-only mount")
def test_viewing_works_on_a_read_only_mount(tmp_path):
    """The window, `plans`, an export and a report on a read-only bind mount (as a
    write-protected USB drive or a read-only share is): all work, with a «chỉ đọc»
    notice; the file is unchanged. Issue 14: all said 'thư mục không tồn tại'."""
    base = Path(tempfile.mkdtemp(prefix="kehoach-ro-"))
    source, mount, out = base / "nguon", base / "o-chi-doc", base / "ra"
    try:
        for folder in (source, mount, out):
            folder.mkdir()
        with Services.open(source / "kehoach.db") as services:
            add_sample(services)
        before = sha(source / "kehoach.db")
        db = mount / "kehoach.db"
        cli = f"{sys.executable} -m kehoach_desktop"
        script = "\n".join([
            "set -u",
            f"mount --bind {source} {mount} && mount -o remount,ro,bind {mount} || exit 90",
            f"touch {mount}/thu 2>/dev/null && exit 91",
            f"{cli} --db {db} --screenshot {out}/xem.png; echo window=$?",
            f"{cli} plans --db {db}; echo plans=$?",
            f"{cli} export xlsx --plan 1 --db {db} -o {out}/bang.xlsx; echo export=$?",
            f"{cli} report ke-hoach --plan 1 --db {db} -o {out}/ke-hoach.pdf; echo report=$?",
            f"{cli} import {REPO}/tests/data/samples/{MEDIUM}.docx --db {db}; echo import=$?",
        ])  # fmt: skip
        env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "KEHOACH_DATA_DIR": str(out / "data")}
        result = subprocess.run(["unshare", "-m", "sh", "-c", script], capture_output=True, text=True,
                                timeout=300, env=env, cwd=REPO)  # fmt: skip
        if result.returncode == 90:
            pytest.skip("bind mounts are not allowed here")
        codes = dict(line.split("=") for line in result.stdout.splitlines() if "=" in line and line[0].isalpha())
        assert codes == {"window": "0", "plans": "0", "export": "0", "report": "0", "import": "2"}, result.stderr
        assert "chỉ đọc" in result.stderr.lower() and "nằm ở nơi chỉ cho phép đọc" in result.stderr
        assert "1\t2025" in result.stdout or "25 nhiệm vụ" in result.stdout
        assert (out / "xem.png").exists() and (out / "bang.xlsx").exists() and (out / "ke-hoach.pdf").exists()
        assert "Traceback" not in result.stderr
        assert sha(source / "kehoach.db") == before
    finally:
        shutil.rmtree(base, ignore_errors=True)
