"""Tables the program does not know: columns guessed, not refused; the meanings the
user gives (preview, `import --columns`), remembered by header; columns without a
field kept as the task's own columns, shown and exported; Word numbering; pasted
text with its header repeated; sections at any depth."""

from __future__ import annotations

import json
import zipfile

import docx
import openpyxl
import pytest
from lxml import etree

from kehoach_desktop.cli.main import main
from kehoach_desktop.importers.base import ImportFailed
from kehoach_desktop.importers.interpret import interpret
from kehoach_desktop.importers.reader import read_path
from kehoach_desktop.importers.text_reader import read_text
from kehoach_desktop.services.imports import ImportFileError, read_plan

T = "\t"


def tsv(*rows) -> str:
    return "\n".join(row if isinstance(row, str) else T.join(row) for row in rows)


def run(argv, capsys):
    code = main([str(arg) for arg in argv])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def word_table(path, rows, heading: str = "") -> None:
    document = docx.Document()
    document.add_paragraph("KẾ HOẠCH cải cách hành chính năm 2025")
    if heading:
        document.add_paragraph(heading)
    table = document.add_table(rows=len(rows), cols=len(rows[0]))
    table.style = "Table Grid"
    for r, row in enumerate(rows):
        for c, text in enumerate(row):
            table.cell(r, c).text = text
    document.save(path)


UNKNOWN = [
    ["TT", "Tên văn bản", "Cơ quan soạn thảo", "Cơ quan trình", "Tiến độ", "Hồ sơ"],
    ["1", "Luật sửa đổi Luật Tổ chức", "Ban soạn thảo", "Ủy ban Thường vụ", "Tháng 02/2025", "Tờ trình, dự thảo"],
    ["2", "Nghị quyết về giải thể Viện", "Ban Công tác đại biểu", "Ban Công tác đại biểu", "Tháng 3/2025", "Tờ trình"],
]


# ---------------------------------------------------------------- unknown headers are read, not refused


def test_a_table_of_unknown_headers_is_read_with_the_columns_it_names(tmp_path):
    path = tmp_path / "luat.docx"
    word_table(path, UNKNOWN)
    draft = read_plan(path=path)
    assert [(c.title, c.meaning) for c in draft.columns] == [
        ("TT", "number"), ("Tên văn bản", "content"), ("Cơ quan soạn thảo", "lead"),
        ("Cơ quan trình", "extra"), ("Tiến độ", "schedule"), ("Hồ sơ", "extra"),
    ]  # fmt: skip
    first = draft.sections[0].tasks[0]
    assert (first.content, first.lead_text, first.schedule_text) == ("Luật sửa đổi Luật Tổ chức", "Ban soạn thảo", "Tháng 02/2025")
    assert first.extras == {"Cơ quan trình": "Ủy ban Thường vụ", "Hồ sơ": "Tờ trình, dự thảo"}
    assert first.note == ""  # not glued into the note any more
    assert draft.columns[1].sample == "Luật sửa đổi Luật Tổ chức"
    assert any("«Cơ quan trình», «Hồ sơ»" in w.message for w in draft.warnings)


def test_a_table_whose_header_names_nothing_is_guessed_and_said(tmp_path):
    path = tmp_path / "la.docx"
    word_table(path, [
        ["Số", "Việc phải làm trong năm", "Ai làm"],
        ["1", "Rà soát toàn bộ thủ tục hành chính của Sở và đề xuất cắt giảm", "Văn phòng Sở"],
        ["2", "Tập huấn nghiệp vụ cho công chức tiếp nhận hồ sơ", "Phòng Tổ chức"],
    ])  # fmt: skip
    draft = read_plan(path=path, year=2025)
    assert [c.meaning for c in draft.columns] == ["number", "content", "extra"]
    assert [t.content for t in draft.sections[0].tasks][0].startswith("Rà soát toàn bộ")
    assert any("Không nhận ra dòng tiêu đề" in w.message and "chọn nghĩa đúng" in w.message for w in draft.warnings)
    chosen = read_plan(path=path, year=2025, columns={2: "lead"})
    assert chosen.sections[0].tasks[1].lead_text == "Phòng Tổ chức"
    assert chosen.columns[2].origin == "chosen"


def test_only_a_document_without_any_table_is_refused(tmp_path):
    with pytest.raises(ImportFailed, match="Trong tệp không có bảng nào"):
        interpret(read_text("KẾ HOẠCH năm 2025\nChỉ có đoạn văn, không có bảng.", "ghi-chu.txt"))
    path = tmp_path / "van-ban.docx"
    document = docx.Document()
    document.add_paragraph("Kế hoạch năm 2025, chỉ có chữ")
    document.save(path)
    with pytest.raises(ImportFileError, match="không tìm thấy bảng nhiệm vụ"):
        read_plan(path=path)


def test_an_unknown_meaning_is_refused_with_the_list_of_meanings(tmp_path):
    path = tmp_path / "luat.docx"
    word_table(path, UNKNOWN)
    with pytest.raises(ImportFileError, match="Không có nghĩa cột «ket qua».*output \\(Kết quả, sản phẩm\\)"):
        read_plan(path=path, columns={5: "ket qua"})


# ---------------------------------------------------------------- the command line, remembered choices


def test_columns_option_then_remembered_for_the_same_headers(tmp_path, capsys):
    path, db = tmp_path / "luat.docx", tmp_path / "kehoach.db"
    word_table(path, UNKNOWN)
    code, out, _ = run(["import", path, "--db", db, "--columns", "6=output,4=Bỏ qua"], capsys)
    assert code == 0 and out.strip().isdigit()
    code, out, _ = run(["export", "json", "--plan", out.strip(), "--db", db], capsys)
    item = json.loads(out)["sections"][0]["items"][0]
    assert item["output"] == "Tờ trình, dự thảo" and "extra" not in item  # «Cơ quan trình» ignored
    other = tmp_path / "khac.docx"
    word_table(other, [UNKNOWN[0], ["1", "Luật Thủ đô", "Bộ Tư pháp", "Chính phủ", "Tháng 5/2025", "Hồ sơ dự án"]])
    code, out, _ = run(["import", other, "--db", db, "--dry-run"], capsys)
    assert code == 0
    assert "6. «Hồ sơ»: Kết quả, sản phẩm [output] (theo lần nhập trước)" in out
    assert "4. «Cơ quan trình»: Bỏ qua [ignore] (theo lần nhập trước)" in out


@pytest.mark.parametrize("bad", ["0=content", "x=content", "2=kết quả", "2"])
def test_a_bad_columns_option_is_a_usage_error(bad, tmp_path, capsys):
    path = tmp_path / "luat.docx"
    word_table(path, UNKNOWN)
    code, _, err = run(["import", path, "--db", tmp_path / "kehoach.db", "--columns", bad], capsys)
    assert code == 2 and "--columns" in err and "Traceback" not in err
    assert not (tmp_path / "kehoach.db").exists()


# ---------------------------------------------------------------- extra columns kept, shown, exported


def test_extra_columns_are_stored_exported_and_shown(services, tmp_path):
    from kehoach_desktop.gui.detail_panel import task_html

    path = tmp_path / "luat.docx"
    word_table(path, UNKNOWN)
    plan_id = services.imports.import_draft(services.imports.preview(path=path)).value
    tree = services.plans.tree(plan_id)
    task = tree.tasks[0]
    assert task.extras == [("Cơ quan trình", "Ủy ban Thường vụ"), ("Hồ sơ", "Tờ trình, dự thảo")]
    section = tree.section_by_id[task.section_id]
    html = task_html(task, section, tree.plans[0], [], tree.plans[0].issued_on or __import__("datetime").date(2025, 6, 1))
    assert "Cơ quan trình" in html and "Ủy ban Thường vụ" in html
    out = tmp_path / "theo-doi.xlsx"
    services.forms.export_tracking_table(plan_id, None, out)
    sheet = openpyxl.load_workbook(out).active
    header_row = next(row for row in sheet.iter_rows(values_only=True) if row[0] == "TT")
    assert list(header_row[-2:]) == ["Cơ quan trình", "Hồ sơ"]
    values = [row for row in sheet.iter_rows(values_only=True) if row[1] == "Luật sửa đổi Luật Tổ chức"][0]
    assert list(values[-2:]) == ["Ủy ban Thường vụ", "Tờ trình, dự thảo"]


# ---------------------------------------------------------------- Word's automatic numbering


NUMBERING = """<w:numbering xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">
 <w:abstractNum w:abstractNumId="7">
  <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/></w:lvl>
  <w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1.%2"/></w:lvl>
  <w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="lowerLetter"/><w:lvlText w:val="%3)"/></w:lvl>
 </w:abstractNum>
 <w:abstractNum w:abstractNumId="8">
  <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="upperRoman"/><w:lvlText w:val="%1."/></w:lvl>
  <w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:isLgl/><w:lvlText w:val="%1.%2."/></w:lvl>
 </w:abstractNum>
 <w:num w:numId="70"><w:abstractNumId w:val="7"/></w:num>
 <w:num w:numId="71"><w:abstractNumId w:val="7"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/></w:lvlOverride></w:num>
 <w:num w:numId="80"><w:abstractNumId w:val="8"/></w:num>
</w:numbering>"""


def _numbered_docx(tmp_path, cells: list[tuple[str, int, str]]):
    """A table whose TT cells are empty numbered paragraphs (numId, ilvl) and whose
    task cells hold text; numbering.xml replaced by NUMBERING."""
    rows = [["TT", "Nhiệm vụ", "Tiến độ", "Đơn vị chủ trì"]] + [["", text, "Năm 2025", "Văn phòng Sở"] for _, _, text in cells]
    path = tmp_path / "so-tu-dong.docx"
    word_table(path, rows)
    document = docx.Document(path)
    w = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
    for row, (num_id, level, _) in zip(document.tables[0].rows[1:], cells):
        paragraph = row.cells[0].paragraphs[0]._p
        properties = paragraph.get_or_add_pPr()
        num_pr = etree.SubElement(properties, w + "numPr")
        etree.SubElement(num_pr, w + "ilvl").set(w + "val", str(level))
        etree.SubElement(num_pr, w + "numId").set(w + "val", num_id)
    document.save(path)
    with zipfile.ZipFile(path) as archive:
        parts = {name: archive.read(name) for name in archive.namelist()}
    parts["word/numbering.xml"] = NUMBERING.encode("utf-8")
    with zipfile.ZipFile(path, "w") as archive:
        for name, data in parts.items():
            archive.writestr(name, data)
    return path


def test_word_numbering_is_printed_as_word_prints_it(tmp_path):
    cells = [
        ("80", 0, "CẢI CÁCH THỂ CHẾ"),  # I.
        ("70", 0, "Rà soát văn bản"),  # 1
        ("70", 1, "Rà soát văn bản của Sở"),  # 1.1
        ("70", 2, "Văn bản quy phạm"),  # a)
        ("70", 2, "Văn bản hành chính"),  # b)
        ("70", 1, "Rà soát văn bản của tỉnh"),  # 1.2
        ("70", 0, "Kiểm tra văn bản"),  # 2
        ("80", 0, "CẢI CÁCH THỦ TỤC"),  # II.
        ("71", 0, "Công khai thủ tục"),  # 1 again: startOverride
        ("70", 0, "Số hóa hồ sơ"),  # 2: the list goes on (one abstract list)
        ("80", 1, "Tiếp nhận hồ sơ"),  # 2.1. (legal numbering: decimals)
    ]
    raw = read_path(_numbered_docx(tmp_path, cells))
    numbers = [row.cells[0] for row in raw.tables[0].rows[1:]]
    assert numbers == ["I", "1", "1.1", "a)", "b)", "1.2", "2", "II", "1", "2", "2.1"]
    draft = interpret(raw)
    assert [(s.ordinal, s.title) for s in draft.sections] == [("I", "CẢI CÁCH THỂ CHẾ"), ("II", "CẢI CÁCH THỦ TỤC")]
    first = draft.sections[0].tasks[0]
    assert (first.number, [c.number for c in first.children]) == ("1", ["1.1", "1.2"])
    assert [t.number for t in draft.sections[1].tasks] == ["1", "2"]


# ---------------------------------------------------------------- pasted text, sections


def test_a_header_repeated_inside_a_pasted_table_is_not_a_task():
    text = tsv(
        ["STT", "Nhiệm vụ, giải pháp", "Đơn vị thực hiện", "Đơn vị phối hợp", "Thời gian thực hiện"],
        ["A", "PHÁT TRIỂN NỀN MÓNG", "", "", ""],
        ["1", "Hoàn thiện thể chế", "Sở Tư pháp", "Các sở", "2026"],
        ["B", "PHÁT TRIỂN KINH TẾ SỐ", "", "", ""],
        ["Nội dung", "Đơn vị thực hiện", "Đơn vị phối hợp", "Thời gian thực hiện", ""],  # a column off
        ["STT", "Nhiệm vụ, giải pháp", "Đơn vị thực hiện", "Đơn vị phối hợp", "Thời gian thực hiện"],
        ["1", "Phát triển doanh nghiệp số", "Sở Khoa học và Công nghệ", "", "2026 - 2030"],
    )
    draft = interpret(read_text(text, "dan.txt"), 2025)
    contents = [t.content for s in draft.all_sections() for t in s.tasks]
    assert contents == ["Hoàn thiện thể chế", "Phát triển doanh nghiệp số"]


def test_sections_at_any_depth_are_stored_and_exported_with_their_parent(services, tmp_path):
    text = tsv(
        ["TT", "Nhiệm vụ", "Cơ quan chủ trì", "Thời gian"],
        ["I", "Hoàn thiện thể chế", "", ""],
        ["1", "Sửa đổi luật", "Bộ Tư pháp", "2025"],
        ["III", "Phát triển nền tảng", "", ""],
        ["III.1", "Nền tảng quốc gia", "", ""],
        ["III.1.1", "Nền tảng dịch vụ công", "", ""],
        ["1", "Cổng dịch vụ công", "Bộ Công an", "Tháng 02/2026"],
        ["III.1.2", "Nền tảng điều hành", "", ""],
        ["2", "Hệ thống báo cáo", "Văn phòng Chính phủ", "2026"],
        ["III.2", "Nền tảng cấp bộ", "", ""],
        ["3", "Nền tảng của bộ", "Các bộ", "2027"],
    )
    draft = services.imports.preview(text=text, year=2025)
    plan_id = services.imports.import_draft(draft).value
    from kehoach_desktop.exporters.json_export import plan_to_json

    exported = plan_to_json(services.plans.tree(plan_id), plan_id)
    assert [(s["ordinal"], s.get("parent")) for s in exported["sections"]] == [
        ("I", None), ("III", None), ("III.1", "III"), ("III.1.1", "III.1"), ("III.1.2", "III.1"), ("III.2", "III"),
    ]  # fmt: skip
    assert [i["number"] for s in exported["sections"] for i in s["items"]] == ["1", "1", "2", "3"]


def test_a_heading_paragraph_above_each_table_is_its_section(tmp_path):
    path = tmp_path / "ba-bang.docx"
    document = docx.Document()
    document.add_paragraph("THÔNG BÁO năm 2025")
    for heading, task in (("1. Các nhiệm vụ quá hạn", "Ban hành chiến lược"), ("2. Các nhiệm vụ đang làm", "Xây dựng đề án")):
        document.add_paragraph(heading)
        table = document.add_table(rows=2, cols=4)
        for c, text in enumerate(["STT", "Nhiệm vụ", "Cơ quan chủ trì thực hiện", "Thời hạn hoàn thành"]):
            table.cell(0, c).text = text
        for c, text in enumerate(["1.", task, "Các bộ", "30/09/2025"]):
            table.cell(1, c).text = text
    document.save(path)
    draft = read_plan(path=path)
    assert [(s.ordinal, s.title, [t.content for t in s.tasks]) for s in draft.sections] == [
        ("1", "Các nhiệm vụ quá hạn", ["Ban hành chiến lược"]), ("2", "Các nhiệm vụ đang làm", ["Xây dựng đề án"]),
    ]  # fmt: skip


def test_rows_under_a_merged_number_are_tasks_with_that_number(tmp_path):
    path = tmp_path / "gop.docx"
    word_table(path, [
        ["STT", "Cơ quan chủ trì", "Nội dung nhiệm vụ", "Thời hạn"],
        ["1", "Bộ Xây dựng", "Hoàn thiện quy định về chất thải", "Năm 2026"],
        ["", "", "Nghiên cứu công trình xanh", "Giai đoạn 2026 - 2030"],
        ["2", "Bộ Công Thương", "Xây dựng lộ trình nhiên liệu", "Năm 2026"],
    ])  # fmt: skip
    document = docx.Document(path)
    table = document.tables[0]
    table.cell(1, 0).merge(table.cell(2, 0))
    table.cell(1, 1).merge(table.cell(2, 1))
    table.cell(1, 0).text, table.cell(1, 1).text = "1", "Bộ Xây dựng"
    document.save(path)
    draft = read_plan(path=path)
    tasks = draft.sections[0].tasks
    assert [(t.number, t.lead_text, t.content) for t in tasks] == [
        ("1", "Bộ Xây dựng", "Hoàn thiện quy định về chất thải"),
        ("1", "Bộ Xây dựng", "Nghiên cứu công trình xanh"),
        ("2", "Bộ Công Thương", "Xây dựng lộ trình nhiên liệu"),
    ]
    assert tasks[1].schedule_text == "Giai đoạn 2026 - 2030"
