"""Evidence files kept with the data (issue 16, item 5): an attached tài liệu kiểm chứng
is copied into tai-lieu/<plan>/<task>/ beside the database; the copies the user makes
carry the files and a restore (here or on another machine) writes them back; automatic
copies find them where they are (the folder is append-only); a missing file is
flagged, not an error; evidence recorded as a bare path is copied in by one action.
Windows users: names with Vietnamese letters and spaces, NFC, no reserved names."""

from __future__ import annotations

import hashlib
import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import unicodedata
from pathlib import Path

import pytest

from test_services import first_task, small_draft
from kehoach_desktop.domain.file_names import safe_file_name
from kehoach_desktop.domain.models import Evidence, ProgressUpdate
from kehoach_desktop.domain.statuses import Status
from kehoach_desktop.services import ServiceError, Services
from kehoach_desktop.services.attachments import FileState
from kehoach_desktop.services.backups import restore
from kehoach_desktop.store import attachments
from kehoach_desktop.store import backup as files
from kehoach_desktop.store.database import integrity_report

REPO = Path(__file__).resolve().parents[1]

PDF = b"%PDF-1.4\n% Quyet dinh so 12/QD-SXD\n" + bytes(range(256)) * 40


@pytest.fixture
def task(services):
    plan_id = services.plans.create(small_draft()).value
    return first_task(services, plan_id)[1]


def chosen_file(folder: Path, name: str, content: bytes = PDF) -> Path:
    """A file the user picks outside the data folder (a Downloads folder, a USB drive)."""
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_bytes(content)
    return path


def report(services, task_id: int, *paths: Path, result: str = "Đã ban hành quyết định") -> int:
    evidence = [Evidence(doc_number=f"{n}/QĐ-SXD", summary="Quyết định", file_path=str(p)) for n, p in enumerate(paths, 1)]
    update = ProgressUpdate(task_id=task_id, period="2025-Q3", status=Status.IN_PROGRESS, result=result, evidence=evidence)
    return services.progress.record(update).value


def sha(content: bytes) -> str:
    return hashlib.sha256(content).hexdigest()


def rows(db: Path) -> list[tuple]:
    conn = sqlite3.connect(db)
    try:
        return conn.execute("SELECT stored_path, file_sha256, file_size, file_path FROM evidence ORDER BY id").fetchall()
    finally:
        conn.close()


def carried(db: Path) -> int:
    conn = files.open_read_only(db)
    try:
        return conn.execute("SELECT count(*) FROM evidence_content").fetchone()[0]
    finally:
        conn.close()


# --- attaching ----------------------------------------------------------------------------------


def test_an_attached_file_is_copied_by_plan_and_task(services, task, db_path, tmp_path):
    name = unicodedata.normalize("NFD", "Quyết định số 12 phê duyệt.PDF")  # as a Mac or a zip names it
    source = chosen_file(tmp_path / "Tải về" / "Hồ sơ Quý III", name)
    report(services, task.id, source)
    [item] = services.progress.evidence(task.id)
    assert item.file_path == str(source)  # what the user chose, kept for information
    folder = db_path.parent
    kept = attachments.resolve(folder, item.stored_path)
    assert item.stored_path.startswith("tai-lieu/KH")
    plan_part, task_part, file_part = item.stored_path.split("/")[1:]
    assert plan_part.startswith("KH1 ") and "KH-SXD" in plan_part and task_part.startswith(f"NV{task.id} 1 Rà soát")
    assert file_part == "Quyết định số 12 phê duyệt.pdf" and unicodedata.is_normalized("NFC", item.stored_path)
    assert kept.read_bytes() == PDF and (item.file_size, item.file_sha256) == (len(PDF), sha(PDF))
    assert services.attachments.where(item).state is FileState.KEPT
    source.unlink()  # the original may go: the data keeps its copy
    assert services.attachments.where(item).path == kept and kept.is_file()


def test_names_windows_refuses_and_a_name_taken_are_made_safe(services, task, tmp_path):
    con = chosen_file(tmp_path / "a", "con.pdf", b"first")
    again = chosen_file(tmp_path / "b", "con.pdf", b"second, another file with the same name")
    same = chosen_file(tmp_path / "c", "con.pdf", b"first")
    report(services, task.id, con, again, same)
    stored = [item.stored_path.rsplit("/", 1)[1] for item in services.progress.evidence(task.id)]
    assert stored == ["Tài liệu con.pdf", "Tài liệu con (2).pdf", "Tài liệu con.pdf"]  # same content: one file
    assert safe_file_name('Báo cáo: "quý 3" / 2025?.docx') == "Báo cáo quý 3 2025.docx"
    assert safe_file_name("LPT1") == "Tài liệu LPT1" and safe_file_name("ghi chú. .") == "ghi chú"
    assert len(safe_file_name("Kế hoạch " * 40 + ".pdf")) <= 80


def test_a_file_that_cannot_be_read_refuses_the_update_with_the_data_unchanged(services, task, tmp_path):
    before = services.store.db["progress_update"].count
    with pytest.raises(ServiceError, match="Không đọc được tệp .*không còn ở đó"):
        report(services, task.id, tmp_path / "không có.pdf")
    assert services.store.db["progress_update"].count == before and not services.store.conn.in_transaction


def test_undo_keeps_the_file_so_redo_finds_it(services, task, tmp_path):
    outcome = services.progress.record(ProgressUpdate(
        task_id=task.id, period="2025-Q3", status=Status.DONE, percent=100,
        evidence=[Evidence(summary="Biên bản", file_path=str(chosen_file(tmp_path, "biên bản.pdf")))],
    ))  # fmt: skip
    [item] = services.progress.evidence(task.id)
    redo = services.undo.put_back(outcome.undo)
    assert services.progress.evidence(task.id) == []
    assert attachments.resolve(services.attachments.folder, item.stored_path).is_file()  # append-only
    services.undo.put_back(redo.undo)
    assert services.attachments.where(services.progress.evidence(task.id)[0]).state is FileState.KEPT


def test_a_missing_file_is_flagged_not_an_error(services, task, tmp_path):
    report(services, task.id, chosen_file(tmp_path, "kế hoạch.pdf"))
    [item] = services.progress.evidence(task.id)
    attachments.resolve(services.attachments.folder, item.stored_path).unlink()  # deleted by hand
    found = services.attachments.where(item)
    assert found.state is FileState.MISSING and not found.state.present
    assert found.state.label == "không còn tệp trong thư mục tai-lieu"
    assert services.progress.history(task.id)[0].evidence[0].stored_path == item.stored_path


# --- backups and restore ------------------------------------------------------------------------------


def test_a_copy_the_user_makes_carries_the_files_and_restores_them_on_another_machine(services, task, db_path, tmp_path):
    report(services, task.id, chosen_file(tmp_path / "src", "Quyết định 12.pdf"),
           chosen_file(tmp_path / "src", "Ảnh chụp buổi họp.jpg", b"\xff\xd8 jpeg"))  # fmt: skip
    usb = tmp_path / "USB" / "sao lưu tháng 10.db"
    missing: list[str] = []
    services.backups.make_copy(usb, missing)
    assert carried(usb) == 2 and missing == []
    assert carried(db_path) == 0  # the database in use stays small

    other = tmp_path / "máy khác" / "Dữ liệu KH" / "kehoach.db"  # another machine: only the one file came
    with Services.open(other):
        pass
    restore(other, usb)
    with Services.open(other) as moved:
        items = moved.progress.evidence(task.id)
        assert [moved.attachments.where(item).state for item in items] == [FileState.KEPT] * 2
        assert moved.attachments.where(items[0]).path.read_bytes() == PDF
        assert moved.attachments.where(items[0]).path.is_relative_to(other.parent / "tai-lieu")
    assert carried(other) == 0 and other.stat().st_size < usb.stat().st_size


def test_a_restore_never_overwrites_a_file_of_the_same_name(services, task, db_path, tmp_path):
    report(services, task.id, chosen_file(tmp_path / "v1", "báo cáo.pdf", b"version one"))
    copy = services.backups.make_copy(tmp_path / "copy.db")
    [item] = services.progress.evidence(task.id)
    path = attachments.resolve(db_path.parent, item.stored_path)
    path.unlink()
    path.write_bytes(b"another file the user put there since")
    services.close()
    restore(db_path, copy)
    with Services.open(db_path) as back:
        [restored] = back.progress.evidence(task.id)
        assert restored.stored_path.endswith("báo cáo (2).pdf")
        assert back.attachments.where(restored).path.read_bytes() == b"version one"
    assert path.read_bytes() == b"another file the user put there since"


def test_an_automatic_copy_finds_its_files_in_place(services, task, db_path, tmp_path):
    report(services, task.id, chosen_file(tmp_path, "tờ trình.pdf"))
    automatic = services.backups.automatic(files.DAILY)
    assert carried(automatic) == 0  # thirty of them would hold every scan thirty times
    services.tasks.delete(task.id)
    services.close()
    restore(db_path, automatic)
    with Services.open(db_path) as back:
        [item] = back.progress.evidence(task.id)
        assert back.attachments.where(item).state is FileState.KEPT


def test_a_copy_with_a_path_outside_tai_lieu_writes_nothing_outside(services, task, db_path, tmp_path):
    report(services, task.id, chosen_file(tmp_path, "x.pdf", b"payload"))
    copy = services.backups.make_copy(tmp_path / "copy.db")
    conn = sqlite3.connect(copy)
    conn.execute("UPDATE evidence SET stored_path = '../../thoat ra.pdf'")
    conn.commit()
    conn.close()
    services.close()
    target = tmp_path / "moi" / "kehoach.db"
    restore(target, copy)
    assert not (tmp_path / "thoat ra.pdf").exists() and not (target.parent.parent / "thoat ra.pdf").exists()
    [(stored, *_)] = rows(target)
    assert stored == "tai-lieu/khoi-phuc/thoat ra.pdf"
    assert (target.parent / stored).read_bytes() == b"payload"


def test_a_copy_names_files_that_are_gone(services, task, tmp_path):
    report(services, task.id, chosen_file(tmp_path, "a.pdf", b"a"), chosen_file(tmp_path, "b.pdf", b"b"))
    gone = services.progress.evidence(task.id)[1]
    attachments.resolve(services.attachments.folder, gone.stored_path).unlink()
    missing: list[str] = []
    copy = services.backups.make_copy(tmp_path / "copy.db", missing)
    assert missing == [gone.stored_path] and carried(copy) == 1


KILL_AT_STEP = """
import os, signal, sys
sys.path[:0] = [{repo!r}]
from kehoach_desktop.services.backups import restore
from kehoach_desktop.store import backup

def hook(step):
    if step == {step!r}:
        os.kill(os.getpid(), signal.SIGKILL)

backup.STEP_HOOK = hook
restore({db!r}, {copy!r})
"""


@pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL is POSIX")
@pytest.mark.parametrize(
    "step, state",
    [("unpacking", FileState.MISSING), ("moving-aside", FileState.KEPT), ("renaming", FileState.KEPT),
     ("restored", FileState.KEPT)],
)  # fmt: skip
def test_a_restore_killed_at_a_step_is_finished_or_undone_with_its_files(services, task, db_path, tmp_path, step, state):
    """A copy carrying a file whose kept copy is gone here: killed before it is written
    back, the restore is undone and the file flagged missing; killed later, the file is
    there whether the restore was finished or undone (the old rows name the same file)."""
    report(services, task.id, chosen_file(tmp_path, "hồ sơ.pdf", b"kept content"))
    copy = services.backups.make_copy(tmp_path / "copy.db")
    kept = attachments.resolve(db_path.parent, services.progress.evidence(task.id)[0].stored_path)
    shutil.rmtree(db_path.parent / "tai-lieu")
    services.close()
    script = KILL_AT_STEP.format(repo=str(REPO), step=step, db=str(db_path), copy=str(copy))
    child = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=60)
    assert child.returncode == -signal.SIGKILL, child.stderr
    with Services.open(db_path) as opened:  # the next start
        [item] = opened.progress.evidence(task.id)
        assert opened.attachments.where(item).state is state
    assert integrity_report(db_path) == [] and not files.restore_marker(db_path).exists()
    if state is FileState.KEPT:
        assert kept.read_bytes() == b"kept content"
    assert not list(db_path.parent.rglob("*.tmp"))


# --- path-only evidence -----------------------------------------------------------------------------


def path_only(services, task_id: int, path: Path) -> None:
    """Evidence as recorded before files were kept: an absolute path only."""
    with services.store.write() as conn:
        update_id = conn.execute(
            "INSERT INTO progress_update (task_id, period, period_start, period_end, status, result, reported_on, "
            "created_at) VALUES (?, '2025-Q2', '2025-04-01', '2025-06-30', 'in_progress', '', '2025-06-30', '')",
            [task_id],
        ).lastrowid
        conn.execute(
            "INSERT INTO evidence (task_id, progress_id, summary, file_path) VALUES (?, ?, 'Cũ', ?)",
            [task_id, update_id, str(path)],
        )


def test_path_only_evidence_is_copied_in_by_one_action(services, task, tmp_path):
    there = chosen_file(tmp_path / "Tài liệu cũ", "công văn 5.pdf", b"old but there")
    path_only(services, task.id, there)
    path_only(services, task.id, tmp_path / "đã xóa.pdf")
    assert services.attachments.waiting() == (1, 1)
    outcome = services.attachments.adopt()
    assert outcome.value.copied == 1 and outcome.value.missing == [str(tmp_path / "đã xóa.pdf")]
    states = {item.file_path: services.attachments.where(item).state for item in services.progress.evidence(task.id)}
    assert states == {str(there): FileState.KEPT, str(tmp_path / "đã xóa.pdf"): FileState.OUTSIDE_MISSING}
    assert services.attachments.waiting() == (0, 1)
    services.undo.put_back(outcome.undo)
    assert services.attachments.waiting() == (1, 1)


def test_partial_files_of_a_killed_write_are_removed_at_the_next_start(services, task, db_path, tmp_path):
    report(services, task.id, chosen_file(tmp_path, "a.pdf"))
    folder = attachments.resolve(db_path.parent, services.progress.evidence(task.id)[0].stored_path).parent
    dead = 999_999_999
    partial = folder / f"b.pdf.{dead}.tmp"
    partial.write_bytes(b"half")
    services.close()
    with Services.open(db_path):
        pass
    assert not partial.exists() and (folder / "a.pdf").exists()
    assert os.getpid() != dead
