"""Backups and restores, below the window: automatic copies, copies made anywhere,
the restore list, restoring (the stale -wal trap of safety.md), damaged files,
and the `backup`, `restore` and `check` commands."""

from __future__ import annotations

import hashlib
import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import textwrap
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest

from conftest import load_sample_json
from sample_drafts import draft_from_sample
from kehoach_desktop.cli.main import main
from kehoach_desktop.services import Services
from kehoach_desktop.services import backups as backups_module
from kehoach_desktop.services.backups import BackupFailed, inspect_backup, list_backups, newest_good_backup, restore
from kehoach_desktop.store import DamagedDatabaseError, Store
from kehoach_desktop.store import backup as files
from kehoach_desktop.store.database import connect, integrity_report

REPO = Path(__file__).resolve().parents[1]
SMALL, MEDIUM = "004_38c702dbea58b40f", "002_faa90e4ac40fa61c"  # 25 and 37 tasks


def sha(path: Path) -> str:
    return hashlib.sha256(Path(path).read_bytes()).hexdigest()


def add_sample(services: Services, stem: str = SMALL) -> int:
    return services.plans.create(draft_from_sample(load_sample_json(stem))).value


def counts(path: Path) -> tuple[int, int]:
    """(plans, tasks) in a database file, read without changing it."""
    conn = files.open_read_only(path)
    try:
        return tuple(conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0] for table in ("plan", "task"))
    finally:
        conn.close()


def damage(path: Path, how: str = "pages") -> None:
    """Overwrite part of a closed database file.

    "pages": bytes inside b-tree pages (quick_check lists problems);
    "schema": page 1 after the header (quick_check itself raises "malformed")."""
    conn = files.open_read_only(path)
    try:
        page_size = conn.execute("PRAGMA page_size").fetchone()[0]
        root = conn.execute("SELECT rootpage FROM sqlite_master WHERE name = 'task'").fetchone()[0]
    finally:
        conn.close()
    data = bytearray(Path(path).read_bytes())
    if how == "schema":
        data[100:page_size] = b"\xa5" * (page_size - 100)
    else:  # the task table's root page: no longer a b-tree page
        start = (root - 1) * page_size
        data[start : start + page_size] = b"\xff" * page_size
    Path(path).write_bytes(bytes(data))


@pytest.fixture
def filled(db_path) -> Path:
    """A closed database holding sample 004 (1 plan, 25 tasks)."""
    with Services.open(db_path) as services:
        add_sample(services)
    return db_path


# --- automatic copies --------------------------------------------------------------------------


def test_daily_backup_once_a_day(filled):
    monday, tuesday = date(2025, 7, 7), date(2025, 7, 8)
    with Services.open(filled) as services:
        first = services.backups.daily(today=monday)
        assert first is not None and first.name.startswith("kehoach-hang-ngay-20250707-")
        assert services.backups.daily(today=monday) is None  # the same day: nothing more
        add_sample(services, MEDIUM)
        second = services.backups.daily(today=tuesday)
    assert second is not None and "-hang-ngay-20250708-" in second.name
    assert counts(first) == (1, 25) and counts(second) == (2, 62)
    assert [p.name for p in files.automatic_backups(filled)] == [second.name, first.name]


def test_an_empty_database_gets_no_automatic_copy(services, db_path):
    assert services.backups.daily() is None
    assert services.backups.before_import() is None
    assert not files.backup_dir(db_path).exists()


def test_copies_are_single_verified_files_even_with_changes_only_in_the_wal(db_path, tmp_path):
    with Services.open(db_path) as services:
        services.store.execute("PRAGMA wal_autocheckpoint = 0")  # everything stays in the -wal
        add_sample(services)
        assert Path(f"{db_path}-wal").stat().st_size > 0
        copy = services.backups.make_copy(tmp_path / "usb" / "ban-sao.db")
        # The live .db alone is not a backup (safety.md): it does not even have the rows yet.
        raw = tmp_path / "raw.db"
        raw.write_bytes(db_path.read_bytes())
        with pytest.raises(sqlite3.Error):
            counts(raw)
    assert counts(copy) == (1, 25)
    assert sorted(p.name for p in copy.parent.iterdir()) == ["ban-sao.db"]  # no -wal, no .tmp
    assert copy.read_bytes()[18:20] == b"\x01\x01"  # rollback journal: one self-contained file
    assert integrity_report(copy) == []


def test_thirty_automatic_copies_kept_and_nothing_else_deleted(filled, tmp_path):
    folder = files.backup_dir(filled)
    folder.mkdir()
    mine = folder / "kehoach-ban-cua-toi.db"  # saved here by the user
    mine.write_bytes(b"my own copy")
    other_db = folder / "khac-hang-ngay-20200101-000000.db"  # another database's copy
    other_db.write_bytes(b"x")
    aside = folder / "kehoach-truoc-khoi-phuc-20200101-000000"
    aside.mkdir()
    (aside / "kehoach.db").write_bytes(b"moved aside")
    elsewhere = tmp_path / "usb" / "kehoach-20200101-0000.db"
    start = datetime(2025, 1, 1, 8, 0)
    with Services.open(filled) as services:
        services.backups.make_copy(elsewhere)
        made = [services.backups.automatic(files.DAILY, start + timedelta(days=n)) for n in range(33)]
        made.append(services.backups.automatic(files.BEFORE_IMPORT, start + timedelta(days=40)))
    kept = files.automatic_backups(filled)
    assert len(kept) == files.KEEP_AUTOMATIC == 30
    assert kept == list(reversed(made))[:30]  # the newest ones
    assert not any(path.exists() for path in made[:4])
    assert mine.read_bytes() == b"my own copy" and other_db.exists() and (aside / "kehoach.db").exists()
    assert elsewhere.exists()


def test_import_makes_a_copy_first_except_for_an_empty_database_or_a_refused_duplicate(db_path):
    draft = lambda stem: draft_from_sample(load_sample_json(stem))  # noqa: E731
    with Services.open(db_path) as services:
        services.imports.import_draft(draft(SMALL))
        assert files.automatic_backups(db_path) == []  # nothing to lose before the first plan
        services.imports.import_draft(draft(MEDIUM))
        [before] = files.automatic_backups(db_path)
        assert "-truoc-nhap-" in before.name and counts(before) == (1, 25)
        with pytest.raises(backups_module.ServiceError, match="đã được nhập"):
            services.imports.import_draft(draft(MEDIUM))
        assert files.automatic_backups(db_path) == [before]


def test_import_is_refused_when_the_copy_cannot_be_made(filled):
    files.backup_dir(filled).write_bytes(b"")  # a file where the backups folder should be
    with Services.open(filled) as services:
        with pytest.raises(BackupFailed) as failure:
            services.imports.import_draft(draft_from_sample(load_sample_json(MEDIUM)))
        assert [p.task_count for p in services.plans.list_plans()] == [25]
        assert not services.store.conn.in_transaction
    message = str(failure.value)
    assert message.startswith("Chưa nhập kế hoạch") and "sao lưu" in message and "không thay đổi" in message


def test_copy_anywhere_refuses_to_overwrite_the_live_file(filled):
    with Services.open(filled) as services:
        with pytest.raises(BackupFailed, match="chính tệp dữ liệu"):
            services.backups.make_copy(filled)


def test_copy_to_a_full_disk_leaves_no_partial_file(filled, tmp_path, monkeypatch):
    """The backup API fills the target page by page; a failure must leave nothing behind."""
    real_connect = sqlite3.connect

    def small_disk(target, *args, **kwargs):
        conn = real_connect(target, *args, **kwargs)
        if str(target).endswith(".tmp"):
            conn.execute("PRAGMA max_page_count = 5")
        return conn

    monkeypatch.setattr(files.sqlite3, "connect", small_disk)
    target = tmp_path / "usb" / "ban-sao.db"
    with Services.open(filled) as services:
        with pytest.raises(BackupFailed) as failure:
            services.backups.make_copy(target)
    assert "đã đầy" in str(failure.value) and "không thay đổi" in str(failure.value)
    assert list(target.parent.iterdir()) == []


# --- the restore list --------------------------------------------------------------------------


def test_list_shows_date_kind_and_counts_and_marks_damaged_copies(filled):
    with Services.open(filled) as services:
        older = services.backups.automatic(files.DAILY, datetime(2025, 7, 1, 9, 30))
        add_sample(services, MEDIUM)
        newer = services.backups.automatic(files.BEFORE_IMPORT, datetime(2025, 7, 2, 14, 5))
        broken = services.backups.automatic(files.DAILY, datetime(2025, 7, 3, 8, 0))
    damage(broken)
    listed = list_backups(filled)
    assert [info.path for info in listed] == [broken, newer, older]
    assert [(info.when, info.kind_label, info.plans, info.tasks) for info in listed[1:]] == [
        ("02/07/2025 14:05", "Trước khi nhập kế hoạch", 2, 62),
        ("01/07/2025 09:30", "Tự động hằng ngày", 1, 25),
    ]
    assert not listed[0].usable and "hỏng" in listed[0].problem
    assert newest_good_backup(filled).path == newer
    assert listed[1].describe() == "ngày 02/07/2025 lúc 14:05 (2 kế hoạch, 62 nhiệm vụ)"
    # Reading the list changed nothing and left nothing beside the copies.
    assert sorted(p.name for p in files.backup_dir(filled).iterdir()) == sorted(p.name for p in (broken, newer, older))


def test_a_file_that_is_not_our_database_is_listed_as_unusable(tmp_path):
    other = tmp_path / "khac.db"
    conn = sqlite3.connect(other)
    conn.execute("CREATE TABLE customers (id INTEGER)")
    conn.commit()
    conn.close()
    assert "không phải tệp dữ liệu" in inspect_backup(other).problem
    text = tmp_path / "ghi-chu.db"
    text.write_text("không phải cơ sở dữ liệu", encoding="utf-8")
    assert "hỏng" in inspect_backup(text).problem


# --- restoring ---------------------------------------------------------------------------------


def _kill_after_commit(db_path: Path, stem: str) -> None:
    """A child adds a plan with checkpoints off, then dies by SIGKILL: the plan
    lives only in the -wal left beside the file."""
    script = textwrap.dedent(
        f"""
        import sys
        sys.path[:0] = [{str(REPO / "tests")!r}, {str(REPO)!r}]
        from conftest import load_sample_json
        from sample_drafts import draft_from_sample
        from kehoach_desktop.services import Services
        services = Services.open({str(db_path)!r})
        services.store.execute("PRAGMA wal_autocheckpoint = 0")
        services.plans.create(draft_from_sample(load_sample_json({stem!r})))
        print("committed", flush=True)
        import time; time.sleep(60)
        """
    )
    child = subprocess.Popen([sys.executable, "-c", script], stdout=subprocess.PIPE, text=True)
    try:
        assert child.stdout.readline().strip() == "committed"
    finally:
        child.send_signal(signal.SIGKILL)
        child.wait()


@pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL is POSIX")
def test_restore_with_a_stale_wal_beside_the_file(filled, tmp_path):
    """safety.md: a backup copied over the .db is undone by the old -wal beside it.
    The restore moves .db, -wal and -shm aside together; nothing is lost."""
    with Services.open(filled) as services:
        backup = services.backups.make_copy(tmp_path / "ban-sao.db")
    _kill_after_commit(filled, MEDIUM)
    wal = Path(f"{filled}-wal")
    assert wal.stat().st_size > 0
    # The trap, reproduced on a copy of the files: copying the backup over the .db.
    trap = tmp_path / "bay"
    trap.mkdir()
    (trap / "kehoach.db").write_bytes(backup.read_bytes())
    (trap / "kehoach.db-wal").write_bytes(wal.read_bytes())
    conn = connect(trap / "kehoach.db")  # the way the program opens a file
    try:
        trapped = conn.execute("SELECT count(*) FROM plan").fetchone()[0]
    except sqlite3.Error:
        trapped = "damaged"
    finally:
        conn.close()
    assert trapped != 1  # the backup held one plan: the old -wal silently undid the restore

    outcome = restore(filled, backup)
    assert counts(filled) == (1, 25)
    assert not wal.exists() and not Path(f"{filled}-shm").exists()
    assert sorted(p.name for p in outcome.aside.iterdir()) == ["kehoach.db", "kehoach.db-shm", "kehoach.db-wal"]
    assert counts(outcome.aside / "kehoach.db") == (2, 62)  # the replaced data, -wal included, kept
    [before] = [p for p in files.automatic_backups(filled) if "-truoc-khoi-phuc-" in p.name]
    assert counts(before) == (2, 62)  # and a verified copy of it in the list
    with Services.open(filled) as services:
        assert [p.task_count for p in services.plans.list_plans()] == [25]
        services.units.create("Phòng mới sau khi khôi phục")  # writable as usual
    assert integrity_report(filled) == []


def test_restore_of_a_damaged_backup_is_refused_and_changes_nothing(filled):
    with Services.open(filled) as services:
        backup = services.backups.automatic(files.DAILY)
    damage(backup)
    before = sha(filled)
    with pytest.raises(BackupFailed) as failure:
        restore(filled, backup)
    assert "hỏng" in str(failure.value) and "không thay đổi" in str(failure.value)
    assert sha(filled) == before
    assert [p.name for p in files.backup_dir(filled).iterdir()] == [backup.name]  # no copy, nothing moved


def test_restore_over_a_damaged_file_keeps_it_aside_unchanged(filled):
    with Services.open(filled) as services:
        backup = services.backups.automatic(files.DAILY)
    damage(filled, "schema")
    damaged_bytes = filled.read_bytes()
    with pytest.raises(DamagedDatabaseError):
        Store.open(filled)
    assert filled.read_bytes() == damaged_bytes  # opening for writing wrote nothing
    outcome = restore(filled, backup)
    assert outcome.aside.name.startswith("kehoach-hong-")
    assert (outcome.aside / "kehoach.db").read_bytes() == damaged_bytes
    assert counts(filled) == (1, 25)


def test_restore_is_refused_while_another_window_has_the_database(filled, tmp_path):
    with Services.open(filled) as services:
        backup = services.backups.make_copy(tmp_path / "ban-sao.db")
    holder = _hold_lock(filled)
    try:
        before = sha(filled)
        with pytest.raises(BackupFailed, match="cửa sổ khác"):
            restore(filled, backup)
        assert sha(filled) == before
    finally:
        holder.kill()
        holder.wait()
    restore(filled, backup)  # the holder is gone: its stale lock does not block


def _hold_lock(db_path: Path) -> subprocess.Popen:
    """A child process holding the window's lock on `db_path` (what a running window does)."""
    script = textwrap.dedent(
        f"""
        import sys, time
        from PySide6.QtCore import QCoreApplication, QLockFile
        app = QCoreApplication([])
        lock = QLockFile({str(files.lock_file_path(db_path))!r})
        print("locked" if lock.tryLock(0) else "busy", flush=True)
        time.sleep(60)
        """
    )
    child = subprocess.Popen([sys.executable, "-c", script], stdout=subprocess.PIPE, text=True)
    assert child.stdout.readline().strip() == "locked"
    return child


# --- damage is found before writing ----------------------------------------------------------


@pytest.mark.parametrize("how", ["pages", "schema"])
def test_damaged_file_is_never_opened_for_writing(filled, how):
    damage(filled, how)
    before = sha(filled)
    with pytest.raises(DamagedDatabaseError) as failure:
        Services.open(filled)
    assert "bị hỏng" in str(failure.value) and "không ghi gì" in str(failure.value)
    assert sha(filled) == before
    wal = Path(f"{filled}-wal")  # a read-only look may leave an empty one, never a frame
    assert not wal.exists() or wal.stat().st_size == 0


# --- the commands ------------------------------------------------------------------------------


def run(argv, capsys):
    code = main([str(a) for a in argv])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_backup_command_anywhere_and_by_default_next_to_the_database(filled, tmp_path, capsys):
    code, out, _ = run(["backup", "--db", filled, "-o", tmp_path / "usb" / "ban-sao.db"], capsys)
    assert code == 0 and "1 kế hoạch, 25 nhiệm vụ" in out
    assert counts(tmp_path / "usb" / "ban-sao.db") == (1, 25)
    code, out, _ = run(["backup", "--db", filled, "-o", f"{tmp_path / 'thu-muc'}{os.sep}"], capsys)
    [made] = (tmp_path / "thu-muc").iterdir()
    assert code == 0 and made.name.startswith("kehoach-") and str(made) in out
    code, out, _ = run(["backup", "--db", filled], capsys)
    [default] = files.backup_dir(filled).iterdir()
    assert code == 0 and default.name.startswith("kehoach-") and files.parse_automatic(default, filled) is None


def test_backup_command_on_a_missing_database(tmp_path, capsys):
    code, _, err = run(["backup", "--db", tmp_path / "khong-co.db"], capsys)
    assert code == 2 and "Không tìm thấy tệp dữ liệu" in err


def test_restore_command_lists_and_restores_by_number(filled, capsys):
    with Services.open(filled) as services:
        services.backups.automatic(files.DAILY, datetime(2025, 7, 1, 9, 30))
        add_sample(services, MEDIUM)
    code, out, _ = run(["restore", "--list", "--db", filled], capsys)
    assert code == 0
    line = "  1  01/07/2025 09:30  1 kế hoạch, 25 nhiệm vụ  Tự động hằng ngày  kehoach-hang-ngay-20250701-093000.db"
    assert line in out.splitlines()
    code, out, _ = run(["restore", "1", "--db", filled], capsys)
    assert code == 0 and "Dữ liệu hiện có: 1 kế hoạch, 25 nhiệm vụ." in out and "được giữ nguyên trong" in out
    assert counts(filled) == (1, 25)
    code, _, err = run(["restore", "9", "--db", filled], capsys)
    assert code == 2 and "Không có bản sao lưu số 9" in err


def test_restore_command_refuses_a_damaged_backup(filled, tmp_path, capsys):
    broken = tmp_path / "hong.db"
    with Services.open(filled) as services:
        services.backups.make_copy(broken)
    damage(broken)
    before = sha(filled)
    code, _, err = run(["restore", broken, "--db", filled], capsys)
    assert code == 2 and "Không khôi phục được từ «hong.db»" in err and "không thay đổi" in err
    assert sha(filled) == before


@pytest.mark.parametrize("how", ["pages", "schema"])
def test_check_exits_1_on_damage_even_when_quick_check_raises(filled, how, capsys):
    with Services.open(filled) as services:
        services.backups.automatic(files.DAILY, datetime(2025, 7, 1, 9, 30))
    damage(filled, how)
    before = sha(filled)
    code, out, _ = run(["check", "--db", filled], capsys)
    assert code == 1 and "BỊ HỎNG" in out
    assert "Bản sao lưu tốt gần nhất: kehoach-hang-ngay-20250701-093000.db, ngày 01/07/2025 lúc 09:30" in out
    assert f'kehoach-desktop restore 1 --db "{filled}"' in out
    assert sha(filled) == before
    code, out, _ = run(["restore", "1", "--db", filled], capsys)
    assert code == 0
    code, out, _ = run(["check", "--db", filled], capsys)
    assert code == 0 and "Kiểm tra toàn vẹn: tốt" in out


def test_check_without_a_good_backup_says_where_to_look(filled, capsys):
    damage(filled, "schema")
    code, out, _ = run(["check", "--db", filled], capsys)
    assert code == 1 and "Không có bản sao lưu nào dùng được" in out and "restore ĐƯỜNG_DẪN_BẢN_SAO_LƯU" in out


@pytest.mark.parametrize("how", ["renamed", "deleted"])
def test_a_write_after_the_folder_disappeared_is_refused_and_the_data_can_be_saved(tmp_path, how):
    """On Linux SQLite would go on writing into a deleted file, to lose it all at close."""
    from kehoach_desktop.store.database import DatabaseMovedError

    folder = tmp_path / "o-usb"
    services = Services.open(folder / "kehoach.db")
    try:
        add_sample(services)
        if how == "renamed":
            folder.rename(tmp_path / "ten-moi")
        else:
            shutil.rmtree(folder)
        with pytest.raises(DatabaseMovedError) as refused:
            services.units.create("Phòng mới")
        assert "Không còn thấy tệp dữ liệu" in str(refused.value) and "chưa được lưu" in str(refused.value)
        assert not services.store.conn.in_transaction
        assert len(services.plans.list_plans()) == 1  # still readable
        rescued = services.backups.make_copy(tmp_path / "cuu.db")  # from the open connection
    finally:
        services.close()
    assert counts(rescued) == (1, 25)
    if how == "renamed":
        assert counts(tmp_path / "ten-moi" / "kehoach.db") == (1, 25)


def test_restoring_the_oldest_of_thirty_copies(filled):
    """The "before restore" copy makes 31: the one being restored must not be pruned first."""
    start = datetime(2025, 1, 1, 8, 0)
    with Services.open(filled) as services:
        oldest = services.backups.automatic(files.DAILY, start)
        add_sample(services, MEDIUM)
        for day in range(1, files.KEEP_AUTOMATIC):
            services.backups.automatic(files.DAILY, start + timedelta(days=day))
    assert len(files.automatic_backups(filled)) == 30
    restore(filled, oldest)
    assert counts(filled) == (1, 25)
    kept = files.automatic_backups(filled)
    assert len(kept) == 30 and "-truoc-khoi-phuc-" in kept[0].name and counts(kept[0]) == (2, 62)
