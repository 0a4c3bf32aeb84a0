"""`import` then `export json` reproduces each sample plan, from each of its three forms;
and the command's promises: dry run writes nothing, duplicates are refused, bad
files leave the database as it was."""

from __future__ import annotations

import hashlib
import io
import json
import re
import sqlite3
import struct
import sys
import unicodedata
import zipfile

import pytest

from conftest import SAMPLE_STEMS, load_sample_json, sample_file
from kehoach_desktop.cli.main import main
from kehoach_desktop.services import Services

FORMS = (".txt", ".docx", ".xlsx")
FILLED = "000_36db36a684822c51"  # the sample tests/data also carries
ITEM_FIELDS = ("number", "content", "schedule", "lead", "coordinate", "output", "note", "target")


def norm(text: str | None) -> str:
    """NFC with every run of whitespace (line breaks included) as one space."""
    return re.sub(r"\s+", " ", unicodedata.normalize("NFC", text or "")).strip()


def run(argv, capsys):
    code = main([str(arg) for arg in argv])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def import_and_export(path, db_path, tmp_path, capsys) -> tuple[dict, str]:
    code, out, err = run(["import", path, "--db", db_path], capsys)
    assert code == 0, err
    plan_id = out.strip()
    assert plan_id.isdigit(), out  # only the number on stdout
    exported = tmp_path / "plan.json"
    code, _, err = run(["export", "json", "--plan", plan_id, "--db", db_path, "-o", exported], capsys)
    assert code == 0, err
    return json.loads(exported.read_text(encoding="utf-8")), err


@pytest.mark.parametrize("suffix", FORMS)
@pytest.mark.parametrize("stem", SAMPLE_STEMS)
def test_import_then_export_reproduces_the_sample(stem, suffix, db_path, tmp_path, capsys):
    sample = load_sample_json(stem)
    exported, _ = import_and_export(sample_file(stem, suffix), db_path, tmp_path, capsys)
    got_sections, want_sections = exported["sections"], sample["sections"]
    assert [(s["ordinal"], norm(s["title"]), s.get("parent")) for s in got_sections] == [
        (s["ordinal"], norm(s["title"]), s.get("parent")) for s in want_sections
    ]
    for got, want in zip(got_sections, want_sections):
        assert [item["number"] for item in got["items"]] == [item["number"] for item in want["items"]], want["ordinal"]
        for got_item, want_item in zip(got["items"], want["items"]):
            where = (want["ordinal"], want_item["number"])
            for key in ITEM_FIELDS:
                assert norm(got_item[key]) == norm(want_item.get(key, "")), (*where, key)
            if "assignment_raw" in want_item:
                assert norm(got_item["assignment_raw"]) == norm(want_item["assignment_raw"]), where
    assert exported["columns"] == sample["columns"]
    assert exported["plan"]["year"] == int(re.search(r"20\d\d", json.dumps(sample["plan"]["date_text"])).group())


@pytest.mark.parametrize("stem", SAMPLE_STEMS)
def test_the_same_plan_from_text_and_word_has_one_fingerprint(stem):
    from kehoach_desktop.services.imports import read_plan

    digests = {read_plan(path=sample_file(stem, suffix)).plan.source_digest for suffix in (".txt", ".docx")}
    assert len(digests) == 1


def test_combined_assignment_column_keeps_the_cell_and_leaves_lead_blank(db_path, tmp_path, capsys):
    exported, _ = import_and_export(sample_file("002_faa90e4ac40fa61c", ".txt"), db_path, tmp_path, capsys)
    item = exported["sections"][0]["items"][1]
    assert item["assignment_raw"] == "Văn phòng Sở chủ trì triển khai thực hiện"
    assert item["lead"] == "" and item["coordinate"] == ""


# ---------------------------------------------------------------- dry run, duplicates


def database_state(path) -> tuple[str, dict]:
    """The file's bytes (sha256) and the row count of every table."""
    digest = hashlib.sha256(path.read_bytes()).hexdigest()
    conn = sqlite3.connect(path)
    try:
        tables = [row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]
        counts = {table: conn.execute(f'SELECT count(*) FROM "{table}"').fetchone()[0] for table in tables}
    finally:
        conn.close()
    return digest, counts


@pytest.fixture
def filled_db(db_path):
    """A database holding one imported plan, closed (so its file is stable)."""
    with Services.open(db_path) as services:
        draft = services.imports.preview(path=sample_file(FILLED, ".txt"))
        services.imports.import_draft(draft)
    return db_path


def test_dry_run_prints_the_plan_and_writes_nothing(tmp_path, capsys):
    db = tmp_path / "new.db"
    code, out, _ = run(["import", sample_file("004_38c702dbea58b40f", ".txt"), "--db", db, "--dry-run"], capsys)
    assert code == 0
    assert "B. NÂNG CAO CHỈ SỐ HÀI LÒNG" in out and "Chỉ số hài lòng" in out
    assert "    II. TIÊU CHÍ “THỦ TỤC HÀNH CHÍNH” — Chỉ số hài lòng — 5 nhiệm vụ" in out
    assert "Tổng cộng: 7 mục, 25 nhiệm vụ." in out
    assert not db.exists()


def test_dry_run_on_an_existing_database_changes_nothing_and_notes_the_duplicate(filled_db, capsys):
    before = database_state(filled_db)
    code, out, _ = run(["import", sample_file(FILLED, ".txt"), "--db", filled_db, "--dry-run"], capsys)
    assert code == 0 and "đã có trong dữ liệu (kế hoạch số 1" in out
    assert database_state(filled_db) == before


def test_duplicate_refused_then_accepted_with_allow_duplicate(filled_db, capsys):
    before = database_state(filled_db)
    code, out, err = run(["import", sample_file(FILLED, ".txt"), "--db", filled_db], capsys)
    assert code == 2 and out == ""
    assert "đã được nhập trước đây (số 1" in err and "--allow-duplicate" in err
    assert database_state(filled_db)[1] == before[1]
    code, out, _ = run(["import", sample_file(FILLED, ".txt"), "--db", filled_db, "--allow-duplicate"], capsys)
    assert code == 0 and out.strip() == "2"
    with Services.open(filled_db) as services:
        assert [(p.id, p.task_count) for p in services.plans.list_plans()] == [(1, 75), (2, 75)]


def test_the_same_plan_in_another_form_is_a_duplicate_too(filled_db, capsys):
    code, _, err = run(["import", sample_file(FILLED, ".docx"), "--db", filled_db], capsys)
    assert code == 2 and "đã được nhập trước đây" in err


def test_stdin_dash_reads_pasted_text(db_path, monkeypatch, capsys):
    text = sample_file(FILLED, ".txt").read_bytes()
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(text), encoding="utf-8"))
    code, out, err = run(["import", "-", "--db", db_path], capsys)
    assert code == 0, err
    with Services.open(db_path) as services:
        plan = services.plans.get(int(out))
        assert plan.year == 2025 and plan.source_name == "văn bản từ đầu vào chuẩn"
        assert services.plans.list_plans()[0].task_count == 75


def test_warnings_go_to_stderr_and_the_id_alone_to_stdout(db_path, tmp_path, capsys):
    text = "\n".join([
        "STT\tNhiệm vụ\tThời hạn\tĐơn vị chủ trì\tKinh phí",
        "I\tNHIỆM VỤ RIÊNG CỦA ĐƠN VỊ\t\t\t",
        "1\tTổ chức hội nghị\tQuý II/2025\tVăn phòng Sở\t20 triệu",
    ])  # fmt: skip
    path = tmp_path / "ke-hoach.txt"
    path.write_text(text, encoding="utf-8")
    code, out, err = run(["import", path, "--db", db_path], capsys)
    assert code == 0 and out.strip().isdigit()
    assert "Cột «Kinh phí»" in err and "NHIỆM VỤ RIÊNG CỦA ĐƠN VỊ" in err


# ---------------------------------------------------------------- bad inputs


def no_task_table_docx(path):
    from docx import Document

    document = Document()
    document.add_paragraph("KẾ HOẠCH Cải cách hành chính năm 2025")
    table = document.add_table(rows=2, cols=2)
    table.cell(0, 0).text = "UBND TỈNH KHÁNH HÒA"
    table.cell(0, 1).text = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
    document.save(path)


def encrypted_office_file(path):
    """A minimal OLE compound file holding the streams Office writes for a
    password-protected .xlsx (EncryptionInfo, EncryptedPackage)."""
    end, free, fat_sector = 0xFFFFFFFE, 0xFFFFFFFF, 0xFFFFFFFD
    header = bytearray(512)
    header[0:8] = bytes.fromhex("D0CF11E0A1B11AE1")
    struct.pack_into("<HHHHH", header, 0x18, 0x3E, 3, 0xFFFE, 9, 6)
    struct.pack_into("<IIIIIIII", header, 0x2C, 1, 1, 0, 0x1000, end, 0, end, 0)
    struct.pack_into("<109I", header, 0x4C, 0, *([free] * 108))
    fat = struct.pack("<128I", fat_sector, end, *([free] * 126))

    def entry(name: str, kind: int) -> bytes:
        raw = bytearray(128)
        encoded = (name + "\0").encode("utf-16-le")
        raw[: len(encoded)] = encoded
        struct.pack_into("<HBB", raw, 64, len(encoded), kind, 1)
        struct.pack_into("<III", raw, 68, free, free, free)
        return bytes(raw)

    directory = entry("Root Entry", 5) + entry("EncryptionInfo", 2) + entry("EncryptedPackage", 2) + bytes(128)
    path.write_bytes(bytes(header) + fat + directory)


BAD_INPUTS = {
    "empty file": ("trong.txt", lambda path: path.write_bytes(b"")),
    "text without a table": (
        "ghi-chu.txt",
        lambda path: path.write_text("Kế hoạch năm 2025\n\nCác phòng thực hiện nghiêm túc.\n", encoding="utf-8"),
    ),
    "binary named .txt": ("anh.txt", lambda path: path.write_bytes(bytes(range(256)) * 40)),
    "docx without a task table": ("khong-bang.docx", no_task_table_docx),
    "truncated xlsx": (
        "cat-ngang.xlsx",
        lambda path: path.write_bytes(sample_file(FILLED, ".xlsx").read_bytes()[:6000]),
    ),
    "renamed pdf": ("ke-hoach.docx", lambda path: path.write_bytes(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<<>>\nendobj\n")),
    "password-protected xlsx": ("mat-khau.xlsx", encrypted_office_file),
    "zip that is not office": (
        "nen.xlsx",
        lambda path: zipfile.ZipFile(path, "w").writestr("a.txt", "xin chào"),
    ),
}


@pytest.mark.parametrize("case", sorted(BAD_INPUTS))
def test_bad_input_is_refused_with_a_vietnamese_message_and_the_database_unchanged(case, filled_db, tmp_path, capsys):
    name, make = BAD_INPUTS[case]
    path = tmp_path / name
    make(path)
    before = database_state(filled_db)
    code, out, err = run(["import", path, "--db", filled_db], capsys)
    assert code == 2 and out == ""
    assert err.startswith("Lỗi: ") and name in err
    assert "Traceback" not in err
    assert database_state(filled_db) == before


def test_bad_input_creates_no_database(tmp_path, capsys):
    path = tmp_path / "trong.txt"
    path.write_bytes(b"   \n")
    code, _, err = run(["import", path, "--db", tmp_path / "new.db"], capsys)
    assert code == 2 and "trong.txt" in err
    assert not (tmp_path / "new.db").exists()


def test_text_without_a_table_names_what_was_looked_for(tmp_path, capsys):
    path = tmp_path / "ghi-chu.txt"
    path.write_text("Kế hoạch năm 2025\n\nCác phòng thực hiện nghiêm túc.\n", encoding="utf-8")
    code, _, err = run(["import", path, "--dry-run"], capsys)
    assert code == 2 and "không tìm thấy bảng nhiệm vụ" in err and "«TT»" in err


def test_missing_file_and_bad_year(tmp_path, capsys):
    code, _, err = run(["import", tmp_path / "khong-co.docx", "--dry-run"], capsys)
    assert code == 2 and "khong-co.docx" in err
    code, _, err = run(["import", sample_file(FILLED, ".txt"), "--year", "1999", "--dry-run"], capsys)
    assert code == 2 and "Năm của kế hoạch" in err
