"""The .docx / .xlsx readers, the file sniffer and the document-header reader.

Real samples: the readers must hand the interpreter the task table exactly as
printed (header row, merged section rows, multi-paragraph cells) and the header
data the sample JSON holds. Bad files are built here in tmp_path, each one a
clear Vietnamese ImportFailed naming the file, within a memory bound
(tracemalloc; and one subprocess under an address-space limit).
"""

from __future__ import annotations

import json
import os
import struct
import subprocess
import sys
import textwrap
import tracemalloc
import zipfile
from datetime import date, datetime
from pathlib import Path

import docx
import openpyxl
import pytest

from conftest import SAMPLE_STEMS, load_sample_json, sample_file
from kehoach_desktop.domain.text import tidy
from kehoach_desktop.importers import docx_reader, sniff, xlsx_reader
from kehoach_desktop.importers.base import ImportFailed
from kehoach_desktop.importers.document_header import read_header

HEADER_FIELDS = ("title", "doc_number", "issuer", "place", "date_text", "signer_title", "signer_name")
ITEM_TEXT_FIELDS = ("content", "schedule", "lead", "coordinate", "output", "note", "assignment_raw")
MEMORY_BOUND = 64 * 1024 * 1024  # Python allocations while refusing one bad file


# ---------------------------------------------------------------- helpers


def _task_table(document, columns):
    """The RawTable whose header row is exactly the sample's columns, and that row's index."""
    for table in document.tables:
        for index, row in enumerate(table.rows):
            if row.cells == columns:
                return table, index
    raise AssertionError(f"no table with header {columns} in {[t.label for t in document.tables]}")


def _expected_cell_texts(sample) -> list[str]:
    return [
        tidy(item[key])
        for section in sample["sections"]
        for item in section["items"]
        for key in ITEM_TEXT_FIELDS
        if item.get(key)
    ]


def _text_header_lines(stem: str) -> list[str]:
    """The lines of the extracted text above its first table row."""
    lines = sample_file(stem, ".txt").read_text(encoding="utf-8").split("\n")
    first_row = next(i for i, line in enumerate(lines) if line.count("\t") >= 2)
    return lines[:first_row]


def _assert_plan_fields(plan, sample, *, governing_body: bool) -> None:
    for name in HEADER_FIELDS:
        assert getattr(plan, name) == sample["plan"][name], name
    document = sample["document"]
    if "recipients" in document:
        assert plan.recipients == document["recipients"]
    if governing_body and "governing_body" in document:
        assert plan.governing_body == document["governing_body"]


def _refused(path: Path, read=None) -> str:
    """The ImportFailed message for a bad file, checked for shape and memory."""
    tracemalloc.start()
    try:
        with pytest.raises(ImportFailed) as failure:
            (read or _detect_then_read)(path)
        _current, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    message = str(failure.value)
    assert f"«{path.name}»" in message
    assert message.startswith("Không nhập được tệp")
    assert peak < MEMORY_BOUND, f"{peak / 1e6:.0f} MB traced while refusing {path.name}"
    return message


def _detect_then_read(path: Path):
    kind = sniff.detect(path)
    return {"docx": docx_reader.read, "xlsx": xlsx_reader.read}.get(kind, lambda _p: None)(path)


def _rezip(source: Path, target: Path, replace: dict[str, bytes]) -> Path:
    """A copy of a package with some parts replaced."""
    with zipfile.ZipFile(source) as old, zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as new:
        for info in old.infolist():
            new.writestr(info.filename, replace.get(info.filename, old.read(info.filename)))
    return target


def _ole_file(streams: dict[str, bytes]) -> bytes:
    """A minimal valid OLE compound file (version 3, 512-byte sectors, no mini stream):
    sector 0 is the FAT, sector 1 the directory, then each stream padded to 4096 bytes
    so that it lives in regular sectors."""
    sector = 512
    end_of_chain, free, fat_sector, no_stream = 0xFFFFFFFE, 0xFFFFFFFF, 0xFFFFFFFD, 0xFFFFFFFF
    fat = [fat_sector, end_of_chain]
    data = b""
    starts = []
    for content in streams.values():
        padded = content.ljust(max(4096, -(-len(content) // sector) * sector), b"\0")
        first = 2 + len(data) // sector
        count = len(padded) // sector
        starts.append((first, len(content)))
        fat.extend(first + i + 1 for i in range(count - 1))
        fat.append(end_of_chain)
        data += padded
    assert len(fat) <= sector // 4 and len(streams) <= 3
    fat_bytes = struct.pack(f"<{sector // 4}I", *(fat + [free] * (sector // 4 - len(fat))))

    def entry(name: str, kind: int, child: int, right: int, start: int, size: int) -> bytes:
        encoded = (name + "\0").encode("utf-16-le")
        return (
            encoded.ljust(64, b"\0")
            + struct.pack("<HBB", len(encoded), kind, 1)
            + struct.pack("<III", no_stream, right, child)
            + b"\0" * 16 + b"\0" * 4 + b"\0" * 16
            + struct.pack("<IQ", start, size)
        )

    names = list(streams)
    entries = [entry("Root Entry", 5, 1 if names else no_stream, no_stream, end_of_chain, 0)]
    for index, (name, (start, size)) in enumerate(zip(names, starts), start=1):
        right = index + 1 if index < len(names) else no_stream
        entries.append(entry(name, 2, no_stream, right, start, size))
    directory = b"".join(entries).ljust(sector, b"\0")
    header = (
        sniff.OLE_SIGNATURE + b"\0" * 16
        + struct.pack("<HHHHH", 0x3E, 3, 0xFFFE, 9, 6) + b"\0" * 6
        + struct.pack("<IIIIIIIII", 0, 1, 1, 0, 4096, end_of_chain, 0, end_of_chain, 0)
        + struct.pack("<109I", 0, *([free] * 108))
    )
    assert len(header) == sector
    return header + fat_bytes + directory + data


def _encrypted_xlsx() -> bytes:
    """What Excel writes for a password-protected workbook: an OLE container holding
    EncryptionInfo (agile encryption, version 4.4, XML descriptor) and EncryptedPackage
    (8-byte size, then ciphertext; random bytes here)."""
    descriptor = (
        b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n'
        b'<encryption xmlns="http://schemas.microsoft.com/office/2006/encryption">'
        b'<keyData saltSize="16" blockSize="16" keyBits="256" hashSize="64" '
        b'cipherAlgorithm="AES" cipherChaining="ChainingModeCBC" hashAlgorithm="SHA512"/>'
        b"</encryption>"
    )
    info = struct.pack("<HHI", 4, 4, 0x40) + descriptor
    package = struct.pack("<Q", 9000) + os.urandom(9008)
    return _ole_file({"EncryptionInfo": info, "EncryptedPackage": package})


# ---------------------------------------------------------------- the real samples: tables


@pytest.mark.parametrize("stem", SAMPLE_STEMS)
@pytest.mark.parametrize("suffix", [".docx", ".xlsx"])
def test_sniffer_reads_the_content_not_the_name(stem, suffix, tmp_path):
    real = sample_file(stem, suffix)
    assert sniff.detect(real) == suffix[1:]
    renamed = tmp_path / f"{stem}.txt"
    renamed.write_bytes(real.read_bytes())
    assert sniff.detect(renamed) == suffix[1:]
    assert sniff.detect(sample_file(stem, ".txt")) == "text"


@pytest.mark.parametrize("stem", SAMPLE_STEMS)
@pytest.mark.parametrize("reader,suffix", [(docx_reader.read, ".docx"), (xlsx_reader.read, ".xlsx")])
def test_readers_hand_over_the_task_table_as_printed(stem, reader, suffix):
    sample = load_sample_json(stem)
    document = reader(sample_file(stem, suffix))
    assert document.source_name == f"{stem}{suffix}"
    table, header_index = _task_table(document, sample["columns"])
    width = len(sample["columns"])
    assert all(len(row.cells) == width for row in table.rows)

    # Every text of every item is one cell, verbatim (multi-paragraph cells joined by "\n").
    cells = {cell for row in table.rows for cell in row.cells}
    expected = _expected_cell_texts(sample)
    assert [text for text in expected if text not in cells] == []
    assert sum("\n" in text for text in expected) >= 20  # the samples do have such cells

    # Section rows: the ordinal, then the title in the merged cell, nothing after it.
    body = table.rows[header_index + 1 :]
    for section in sample["sections"]:
        matches = [r for r in body if r.cells[:2] == [section["ordinal"], section["title"]]]
        assert matches, section["title"]
        assert all(cell == "" for cell in matches[0].cells[2:])
        assert "dòng" in matches[0].where and table.label in matches[0].where

    # Items in printed order: the numbers column read top to bottom.
    numbers = [r.cells[0] for r in body if r.cells[0] and r.cells[1]]
    printed = [s["ordinal"] for s in sample["sections"]]
    item_numbers = [n for n in numbers if n not in printed]
    expected_numbers = [i["number"] for s in sample["sections"] for i in s["items"] if i["number"]]
    assert item_numbers == expected_numbers


@pytest.mark.parametrize("stem", SAMPLE_STEMS)
def test_xlsx_title_rows_are_kept_and_span_the_whole_row(stem):
    sample = load_sample_json(stem)
    document = xlsx_reader.read(sample_file(stem, ".xlsx"))
    table, header_index = _task_table(document, sample["columns"])
    titles = table.rows[:header_index]
    assert titles and all(row.spans_whole_row for row in titles)
    assert all(row.cells[0] and not any(row.cells[1:]) for row in titles)
    assert not any(row.spans_whole_row for row in table.rows[header_index:])
    assert table.rows[header_index].where == f"trang tính «Phụ lục», dòng {header_index + 1}"


@pytest.mark.parametrize("stem", SAMPLE_STEMS)
def test_docx_layout_tables_are_tables_too(stem):
    document = docx_reader.read(sample_file(stem, ".docx"))
    labels = [table.label for table in document.tables]
    assert labels == [f"bảng {n}" for n in range(1, len(labels) + 1)]
    if load_sample_json(stem)["document"]["layout"] == "full":
        first = document.tables[0]
        assert first.rows[0].cells[0].startswith("UBND TỈNH KHÁNH HÒA\nSỞ ")


# ---------------------------------------------------------------- the real samples: header data


@pytest.mark.parametrize("stem", SAMPLE_STEMS)
def test_header_from_extracted_text(stem):
    sample = load_sample_json(stem)
    plan = read_header(_text_header_lines(stem))
    _assert_plan_fields(plan, sample, governing_body=False)  # the text has no cơ quan lines


@pytest.mark.parametrize("stem", SAMPLE_STEMS)
def test_header_from_docx(stem):
    sample = load_sample_json(stem)
    plan = docx_reader.read(sample_file(stem, ".docx")).header
    _assert_plan_fields(plan, sample, governing_body=True)
    assert plan.appendix_heading == sample["document"]["appendix_heading"]
    assert plan.source_name == f"{stem}.docx"
    narrative = sample["document"].get("narrative", [])
    assert plan.legal_bases + plan.body == [line.replace("**", "") for line in narrative]


def test_header_details_of_a_full_document():
    plan = docx_reader.read(sample_file("000_36db36a684822c51", ".docx")).header
    assert plan.issuer_abbr == "SNNMT"
    assert plan.year == 2025
    assert plan.issued_on is None  # "ngày tháng năm 2025": not signed yet
    assert plan.legal_bases and plan.legal_bases[0].startswith("Căn cứ Kế hoạch số 5399/KH-UBND")


def test_header_from_xlsx_title_rows():
    # An appendix sheet names its plan in "(Ban hành theo Kế hoạch số ... của Sở Nội vụ)".
    plan = xlsx_reader.read(sample_file("004_38c702dbea58b40f", ".xlsx")).header
    sample = load_sample_json("004_38c702dbea58b40f")["plan"]
    assert (plan.doc_number, plan.issuer, plan.date_text) == (
        sample["doc_number"], sample["issuer"], sample["date_text"])
    assert plan.title == "" and plan.year == 2025
    plan = xlsx_reader.read(sample_file("002_faa90e4ac40fa61c", ".xlsx")).header
    assert plan.issuer == "Sở Tài nguyên và Môi trường"  # "(Kèm theo Kế hoạch ... Sở ... năm 2024)"


def test_header_of_other_layouts():
    lines = [
        "ỦY BAN NHÂN DÂN\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "TỈNH KHÁNH HÒA\tĐộc lập - Tự do - Hạnh phúc",
        "Số: 125/KH-UBND\tKhánh Hòa, ngày 07 tháng 5 năm 2025",
        "KẾ HOẠCH",
        "Cải cách hành chính tỉnh Khánh Hòa",
        "năm 2025",
        "Căn cứ Nghị quyết số 76/NQ-CP ngày 15/7/2021 của Chính phủ;",
        "I. MỤC ĐÍCH, YÊU CẦU",
        "Nơi nhận:\tTM. ỦY BAN NHÂN DÂN",
        "- Bộ Nội vụ;\tKT. CHỦ TỊCH",
        "- Lưu: VT.\tPHÓ CHỦ TỊCH",
        "",
        "Trần Văn B",
    ]
    plan = read_header(lines)
    assert plan.governing_body == ""
    assert plan.issuer == "Ủy ban nhân dân tỉnh Khánh Hòa"  # never written in running text
    assert (plan.doc_number, plan.issuer_abbr) == ("125/KH-UBND", "UBND")
    assert (plan.place, plan.issued_on) == ("Khánh Hòa", date(2025, 5, 7))
    assert plan.title == "Cải cách hành chính tỉnh Khánh Hòa năm 2025"
    assert plan.legal_bases == ["Căn cứ Nghị quyết số 76/NQ-CP ngày 15/7/2021 của Chính phủ;"]
    assert plan.body == ["I. MỤC ĐÍCH, YÊU CẦU"]
    assert plan.recipients == ["- Bộ Nội vụ;", "- Lưu: VT."]
    assert plan.signer_title == "TM. ỦY BAN NHÂN DÂN\nKT. CHỦ TỊCH\nPHÓ CHỦ TỊCH"
    assert plan.signer_name == "Trần Văn B"


def test_header_title_cases_an_issuer_it_cannot_find_in_the_text():
    plan = read_header(["UBND TỈNH KHÁNH HÒA", "SỞ GIÁO DỤC VÀ ĐÀO TẠO", "Số: /KH-SGDĐT"])
    assert (plan.governing_body, plan.issuer) == ("UBND TỈNH KHÁNH HÒA", "Sở Giáo dục và Đào tạo")
    assert plan.issuer_abbr == "SGDĐT"


def test_header_never_fails_on_scraps():
    for lines in ([], [""], ["KẾ HOẠCH"], ["Nơi nhận:"], ["GIÁM ĐỐC"], ["(Kèm theo Kế hoạch số"],
                  ["Số:"], ["PHỤ LỤC"], ["\t\t\t"], ["TT\tNội dung\tThời hạn"]):
        plan = read_header(lines)
        assert plan.title == "" or lines == ["KẾ HOẠCH"]


# ---------------------------------------------------------------- docx details


def test_docx_merges_nesting_and_lists(tmp_path):
    document = docx.Document()
    document.add_paragraph("mục", style="List Bullet")
    table = document.add_table(rows=5, cols=5)
    table.style = "Table Grid"
    for index, text in enumerate(["TT", "Nội dung", "Thời hạn", "Chủ trì", "Phối hợp"]):
        table.cell(0, index).text = text
    table.cell(1, 0).merge(table.cell(1, 4)).text = "I. CẢI CÁCH THỂ CHẾ"
    table.cell(2, 0).text = "1"
    table.cell(2, 1).text = "Việc một\n- ý a"
    table.cell(2, 3).merge(table.cell(3, 3)).text = "Văn phòng Sở"
    table.cell(3, 0).text = "2"
    inner = table.cell(3, 4).add_table(rows=2, cols=2)
    inner.cell(0, 0).text, inner.cell(0, 1).text, inner.cell(1, 0).text = "Phòng A", "30/6", "Phòng B"
    table.cell(4, 0).text = "3"
    table.cell(4, 1).merge(table.cell(4, 2)).text = "Việc ba, gộp hai cột"
    table.cell(4, 3).text = "Thanh tra Sở"
    # Word leaves a vertically merged continuation cell empty; one that is not stays hidden:
    # the merged cell's own text belongs to every row it spans.
    continuation = table.rows[3]._tr.tc_lst[3]
    assert continuation.tcPr.vMerge is not None
    continuation.add_p().add_r().add_t("không in ra")
    path = tmp_path / "gop.docx"
    document.save(path)

    raw = docx_reader.read(path)
    rows = raw.tables[0].rows
    assert [row.spans_whole_row for row in rows] == [False, True, False, False, False]
    assert rows[1].cells == ["I. CẢI CÁCH THỂ CHẾ", "", "", "", ""]
    assert rows[2].cells == ["1", "Việc một\n- ý a", "", "Văn phòng Sở", ""]
    assert rows[3].cells == ["2", "", "", "Văn phòng Sở", "Phòng A | 30/6\nPhòng B"]  # vMerge: the text below too
    assert [row.merged_above for row in rows] == [frozenset(), frozenset(), frozenset(), {3}, frozenset()]
    assert rows[4].cells == ["3", "Việc ba, gộp hai cột", "", "Thanh tra Sở", ""]
    assert raw.tables[1].label == "bảng 1 (bảng lồng 1)"
    assert [row.cells for row in raw.tables[1].rows] == [["Phòng A", "30/6"], ["Phòng B", ""]]


def test_docx_reads_tracked_insertions_and_skips_deletions(tmp_path):
    source = sample_file("004_38c702dbea58b40f", ".docx")
    with zipfile.ZipFile(source) as archive:
        xml = archive.read("word/document.xml").decode("utf-8")
    old = "<w:t>Văn phòng Sở</w:t>"
    assert old in xml
    tracked = (
        '<w:t>Văn phòng</w:t></w:r><w:del w:id="1" w:author="a"><w:r><w:delText> cũ</w:delText></w:r>'
        '</w:del><w:ins w:id="2" w:author="a"><w:r><w:t xml:space="preserve"> Sở (đã sửa)</w:t></w:r>'
        "</w:ins><w:r><w:t></w:t>"
    )
    path = _rezip(source, tmp_path / "sua.docx", {"word/document.xml": xml.replace(old, tracked, 1).encode()})
    cells = [c for t in docx_reader.read(path).tables for r in t.rows for c in r.cells]
    assert "Văn phòng Sở (đã sửa)" in cells and not any("cũ" in c for c in cells)
    # python-docx's own cell text would have lost the inserted words.
    assert "Văn phòng" in [c.text for r in docx.Document(path).tables[0].rows for c in r.cells]


# ---------------------------------------------------------------- xlsx details


def test_numbers_and_dates_as_excel_shows_them():
    show = xlsx_reader.display_text
    assert show(3, "General") == "3"
    assert show(3.0, "General") == "3"
    assert show(3.1, "General") == "3.1"
    assert show(0.1 + 0.2, "General") == "0.3"
    assert show(3.1, "0.00") == "3.10"
    assert show(2.675, "0.00") == "2.68"  # half away from zero, as Excel
    assert show(0.855, "0%") == "86%"
    assert show(1500000, "#,##0") == "1,500,000"
    assert show(7.5, "0.0#") == "7.5"
    assert show(datetime(2025, 9, 5), "dd/mm/yyyy") == "05/09/2025"
    assert show(date(2025, 12, 31), "mm-dd-yy") == "31/12/2025"
    assert show(True, "General") == "TRUE"
    assert show("  Văn  phòng\nSở ", "@") == "Văn phòng\nSở"


def test_xlsx_sheets_formats_formulas_and_hidden_sheets(tmp_path):
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.title = "Kế hoạch"
    sheet.append([None, "PHỤ LỤC"])
    sheet.append([None, "TT", "Nhiệm vụ", "Thời hạn", "Chỉ tiêu"])
    sheet.append([None, 3.1, "Việc", datetime(2025, 7, 25), 0.95])
    sheet["B3"].number_format = "0.00"
    sheet["E3"].number_format = "0%"
    sheet.append([None, 4, "=B3*2", None, None])
    sheet.merge_cells("B1:E1")
    hidden = workbook.create_sheet("Ẩn")
    hidden["A1"] = "không đọc"
    hidden.sheet_state = "hidden"
    path = tmp_path / "bang.xlsx"
    workbook.save(path)

    raw = xlsx_reader.read(path)
    assert [t.label for t in raw.tables] == ["trang tính «Kế hoạch»"]
    rows = raw.tables[0].rows
    assert rows[0].cells == ["PHỤ LỤC", "", "", ""] and rows[0].spans_whole_row  # column A dropped
    assert rows[2].cells == ["3.10", "Việc", "25/07/2025", "95%"]
    assert rows[3].cells == ["4", "", "", ""]  # a formula never calculated: empty ...
    assert rows[3].where == "trang tính «Kế hoạch», dòng 4"
    warnings = [str(w) for w in raw.warnings]
    assert any("C4" in w and "công thức" in w for w in warnings)  # ... and said
    assert any("ẩn «Ẩn»" in w for w in warnings)


# ---------------------------------------------------------------- bad files


@pytest.mark.parametrize(
    "data",
    [
        "TT\tNội dung\n1\tViệc".encode("utf-16"),  # Notepad's "Unicode"
        "\ufeffTT\tNội dung".encode("utf-8"),
        b"TT\tN\xf4\xf2i dung\n1\tVi\xea\xf2c",  # Windows-1258: "Nội dung", "Việc"
        ("| TT | Nội dung |\n" * 5000).encode("utf-8"),  # longer than the sniffed head
    ],
)
def test_text_files_are_text(data, tmp_path):
    path = tmp_path / "dan.xlsx"  # the name says Excel; the content says text
    path.write_bytes(data)
    assert sniff.detect(path) == "text"


def test_empty_and_blank_files(tmp_path):
    empty = tmp_path / "rong.docx"
    empty.write_bytes(b"")
    assert "rỗng" in _refused(empty)
    blank = tmp_path / "trang.txt"
    blank.write_text("  \n\t\n", encoding="utf-8")
    assert "khoảng trắng" in _refused(blank)
    missing = tmp_path / "khong-co.xlsx"
    assert "không tìm thấy" in _refused(missing)


@pytest.mark.parametrize("suffix", [".docx", ".xlsx"])
def test_truncated_packages(suffix, tmp_path):
    data = sample_file(SAMPLE_STEMS[0], suffix).read_bytes()
    for size in (len(data) // 2, len(data) - 30):
        cut = tmp_path / f"cut-{size}{suffix}"
        cut.write_bytes(data[:size])
        message = _refused(cut)
        assert f"tệp {suffix} bị hỏng" in message


@pytest.mark.parametrize("suffix", [".docx", ".xlsx"])
def test_damaged_part_inside_a_package(suffix, tmp_path):
    source = sample_file(SAMPLE_STEMS[2], suffix)
    main = "word/document.xml" if suffix == ".docx" else "xl/worksheets/sheet1.xml"
    with zipfile.ZipFile(source) as archive:
        xml = archive.read(main)
    broken = _rezip(source, tmp_path / f"vo{suffix}", {main: xml[: len(xml) // 2]})
    assert f"tệp {suffix} bị hỏng" in _refused(broken)


def test_pdf_renamed_docx_is_read_as_a_pdf(tmp_path):
    assert sniff.detect(sample_file(SAMPLE_STEMS[2], ".pdf")) == "pdf"
    path = tmp_path / "ke-hoach.docx"
    path.write_bytes(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n")
    assert sniff.detect(path) == "pdf"
    from kehoach_desktop.importers.pdf_reader import read

    assert "tệp PDF bị hỏng" in _refused(path, read)


@pytest.mark.parametrize(
    "stream,expected",
    [("WordDocument", ".docx"), ("Workbook", ".xlsx"), ("Book", ".xlsx")],
)  # (expected[1:-1]: the kind sniffed, "doc" / "xls")
def test_old_office_formats_without_libreoffice(stream, expected, tmp_path, monkeypatch):
    from kehoach_desktop.importers import office_convert, reader

    monkeypatch.setattr(office_convert, "find_soffice", lambda: None)
    path = tmp_path / "cu.doc"
    path.write_bytes(_ole_file({stream: b"\xec\xa5" + b"\0" * 600}))
    assert sniff.ole_stream_names(path) == {"Root Entry", stream}
    assert sniff.detect(path) == expected[1:-1]  # "doc" / "xls"
    message = _refused(path, reader.read_path)
    assert "Lưu thành" in message and expected in message and "LibreOffice" in message


def test_password_protected_xlsx(tmp_path):
    path = tmp_path / "mat-khau.xlsx"
    path.write_bytes(_encrypted_xlsx())
    assert {"EncryptionInfo", "EncryptedPackage"} <= sniff.ole_stream_names(path)
    assert "mật khẩu" in _refused(path)
    # Read directly, bypassing the sniffer: the same message.
    assert "mật khẩu" in _refused(path, xlsx_reader.read)


@pytest.mark.parametrize("reader", [docx_reader.read, xlsx_reader.read])
def test_readers_called_on_the_wrong_kind(reader, tmp_path):
    text = tmp_path / "ke-hoach.docx"
    text.write_text("TT\tNội dung\tThời hạn\n1\tViệc\tQuý II", encoding="utf-8")
    assert "nội dung tệp là văn bản" in _refused(text, reader)
    other = sample_file(SAMPLE_STEMS[0], ".xlsx" if reader is docx_reader.read else ".docx")
    assert "không phải" in _refused(other, reader)


def test_damaged_ole_directory_still_recognised(tmp_path):
    data = bytearray(_encrypted_xlsx())
    data[0x30:0x34] = struct.pack("<I", 999_999)  # directory sector far past the end
    path = tmp_path / "hong.xlsx"
    path.write_bytes(bytes(data))
    assert "mật khẩu" in _refused(path)


@pytest.mark.parametrize(
    "content,expected",
    [
        (b"{\\rtf1\\ansi Ke hoach}", "RTF"),
        (b"\x89PNG\r\n\x1a\n" + b"\0" * 64, "ảnh (PNG)"),
        (b"\xff\xd8\xff\xe0" + b"\0" * 64, "ảnh (JPEG)"),
        (b"<!DOCTYPE html><html><body><table><tr><td>1</td></tr></table></body></html>", "HTML"),
        (bytes(range(256)) * 8, "không phải tài liệu Word"),
        (b"MZ\x90\x00" + b"\0" * 64, "chương trình"),
    ],
)
def test_other_formats(content, expected, tmp_path):
    path = tmp_path / "tep.docx"
    path.write_bytes(content)
    assert expected in _refused(path)


def test_zip_that_is_neither(tmp_path):
    path = tmp_path / "nen.xlsx"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("ghi-chu.txt", "xin chào")
    assert "không phải tài liệu Word" in _refused(path)
    odt = tmp_path / "van-ban.docx"
    with zipfile.ZipFile(odt, "w") as archive:
        archive.writestr("mimetype", "application/vnd.oasis.opendocument.text")
        archive.writestr("content.xml", "<office:document-content/>")
    assert ".docx" in _refused(odt) and "OpenDocument" in _refused(odt)


_BOMB = (
    '<?xml version="1.0"?>\n<!DOCTYPE lolz [<!ENTITY lol "lololololololololololol">'
    + "".join(f'<!ENTITY lol{i} "{("&lol" + str(i - 1) + ";") * 10 if i > 1 else "&lol;" * 10}">'
              for i in range(1, 10))
    + "]>\n"
)


@pytest.mark.parametrize("suffix,part", [(".docx", "word/document.xml"), (".xlsx", "xl/worksheets/sheet1.xml")])
def test_entity_bomb_inside_a_package(suffix, part, tmp_path):
    source = sample_file(SAMPLE_STEMS[2], suffix)
    with zipfile.ZipFile(source) as archive:
        xml = archive.read(part).decode("utf-8")
    body = xml.split("?>", 1)[1] if xml.startswith("<?xml") else xml
    bomb = (_BOMB + body.replace("PHỤ LỤC", "&lol9;", 1)).encode("utf-8")
    path = _rezip(source, tmp_path / f"bom{suffix}", {part: bomb})
    assert "DOCTYPE" in _refused(path)
    # The reader itself refuses too when called without the sniffer.
    reader = docx_reader.read if suffix == ".docx" else xlsx_reader.read
    assert "DOCTYPE" in _refused(path, reader)


def test_external_entity_docx(tmp_path):
    source = sample_file(SAMPLE_STEMS[2], ".docx")
    secret = tmp_path / "bi-mat.txt"
    secret.write_text("MẬT", encoding="utf-8")
    with zipfile.ZipFile(source) as archive:
        xml = archive.read("word/document.xml").decode("utf-8")
    body = xml.split("?>", 1)[1]
    xxe = f'<?xml version="1.0"?><!DOCTYPE w [<!ENTITY x SYSTEM "file://{secret}">]>' + body.replace(
        "PHỤ LỤC", "&x;", 1
    )
    path = _rezip(source, tmp_path / "xxe.docx", {"word/document.xml": xxe.encode("utf-8")})
    assert "DOCTYPE" in _refused(path, docx_reader.read)


def test_zip_declaring_a_huge_part(tmp_path):
    source = sample_file(SAMPLE_STEMS[2], ".xlsx")
    data = bytearray(source.read_bytes())
    # Patch the central directory: the sheet now declares 3 GB uncompressed.
    name = b"xl/worksheets/sheet1.xml"
    entry = data.find(b"PK\x01\x02")
    while entry >= 0:
        name_length = struct.unpack_from("<H", data, entry + 28)[0]
        if data[entry + 46 : entry + 46 + name_length] == name:
            struct.pack_into("<I", data, entry + 24, 3_000_000_000)
        entry = data.find(b"PK\x01\x02", entry + 4)
    path = tmp_path / "khai-gian.xlsx"
    path.write_bytes(bytes(data))
    assert "dung lượng giải nén bất thường" in _refused(path)


def test_zip_bomb_by_ratio(tmp_path):
    path = tmp_path / "bom-nen.docx"
    source = sample_file(SAMPLE_STEMS[2], ".docx")
    with zipfile.ZipFile(source) as old, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as new:
        for info in old.infolist():
            new.writestr(info.filename, old.read(info.filename))
        with new.open("word/media/image1.png", "w") as stream:
            chunk = b"\0" * (1 << 20)
            for _ in range(30):  # 30 MB of zeros: about 30 kB compressed
                stream.write(chunk)
    assert "bất thường" in _refused(path)


def _sheet_xml(rows: str, dimension: str = "A1:G1") -> bytes:
    return (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
        f'<dimension ref="{dimension}"/><sheetData>{rows}</sheetData></worksheet>'
    ).encode("utf-8")


def _with_sheet(tmp_path: Path, name: str, sheet: bytes) -> Path:
    return _rezip(sample_file(SAMPLE_STEMS[2], ".xlsx"), tmp_path / name, {"xl/worksheets/sheet1.xml": sheet})


def test_sheet_declaring_a_million_rows(tmp_path):
    rows = (
        '<row r="1"><c r="A1" t="inlineStr"><is><t>TT</t></is></c></row>'
        '<row r="1000000"><c r="A1000000" t="inlineStr"><is><t>x</t></is></c></row>'
    )
    path = _with_sheet(tmp_path, "trieu-dong.xlsx", _sheet_xml(rows, "A1:G1000000"))
    message = _refused(path)
    assert "trang tính «Phụ lục»" in message and "1.000.000" in message


def test_sheet_with_too_many_real_rows_is_refused_early(tmp_path):
    rows = "".join(f'<row r="{n}"><c r="A{n}"><v>{n}</v></c></row>' for n in range(1, 30_001))
    path = _with_sheet(tmp_path, "nhieu-dong.xlsx", _sheet_xml(rows, "A1:A2"))  # the dimension lies
    message = _refused(path, xlsx_reader.read)
    assert "trang tính «Phụ lục» quá lớn (có dữ liệu tới dòng 20.001)" in message
    assert "tối đa 20.000 dòng và 200 cột" in message and "các dòng, cột thừa" in message


def test_zip_with_too_many_entries(tmp_path):
    path = tmp_path / "nhieu-phan.docx"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("word/document.xml", "<w:document/>")
        for index in range(sniff.MAX_ENTRIES + 1):
            archive.writestr(f"x/{index}", b"")
    assert "10.002 thành phần" in _refused(path)


def test_sheet_with_too_many_columns(tmp_path):
    rows = '<row r="1"><c r="A1"><v>1</v></c><c r="ZZ1"><v>2</v></c></row>'
    path = _with_sheet(tmp_path, "nhieu-cot.xlsx", _sheet_xml(rows))
    assert "cột" in _refused(path)


def test_sheet_without_cell_references_is_read(tmp_path):
    rows = '<row><c t="inlineStr"><is><t>TT</t></is></c><c t="inlineStr"><is><t>Nội dung</t></is></c></row>'
    path = _with_sheet(tmp_path, "khong-toa-do.xlsx", _sheet_xml(rows))
    assert xlsx_reader.read(path).tables[0].rows[0].cells == ["TT", "Nội dung"]


@pytest.mark.skipif(sys.platform == "win32", reason="resource limits are POSIX")
def test_bombs_under_an_address_space_limit(tmp_path):
    """The worst files again, in a child process that cannot grow past 1 GB of address space."""
    test_zip_bomb_by_ratio(tmp_path)
    test_sheet_declaring_a_million_rows(tmp_path)
    test_entity_bomb_inside_a_package(".xlsx", "xl/worksheets/sheet1.xml", tmp_path)
    files = [tmp_path / "bom-nen.docx", tmp_path / "trieu-dong.xlsx", tmp_path / "bom.xlsx"]
    script = textwrap.dedent(
        """
        import json, resource, sys
        resource.setrlimit(resource.RLIMIT_AS, (1 << 30, 1 << 30))
        from pathlib import Path
        from kehoach_desktop.importers import sniff, docx_reader, xlsx_reader
        from kehoach_desktop.importers.base import ImportFailed
        out = []
        for name in sys.argv[1:]:
            path = Path(name)
            try:
                kind = sniff.detect(path)
                {"docx": docx_reader.read, "xlsx": xlsx_reader.read}[kind](path)
                out.append("read")
            except ImportFailed as exc:
                out.append(str(exc))
        print(json.dumps(out))
        """
    )
    result = subprocess.run(
        [sys.executable, "-c", script, *map(str, files)],
        capture_output=True, text=True, check=True, cwd=Path(__file__).resolve().parents[1],
    )
    messages = json.loads(result.stdout)
    assert len(messages) == 3
    assert all(message.startswith("Không nhập được tệp") for message in messages)
    assert [f"«{f.name}»" in m for f, m in zip(files, messages)] == [True] * 3
    # Refused for what they are, before any library tried (not "không đủ bộ nhớ").
    reasons = ("dung lượng giải nén bất thường", "quá lớn (có dữ liệu tới dòng", "DOCTYPE")
    assert [reason in message for reason, message in zip(reasons, messages)] == [True] * 3
