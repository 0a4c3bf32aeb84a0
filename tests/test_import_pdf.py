"""PDF plans (importers/pdf_reader.py) and Word 97–2003 / Excel 97–2003 files
through LibreOffice (importers/office_convert.py).

The samples' PDFs are measured with the other forms in test_import_agreement.py;
here: PDFs made on the spot (a table over several pages with its header
repeated and a merged cell, a scan, a PDF without a table), and .doc / .xls
made from the samples with LibreOffice where it is installed."""

from __future__ import annotations

import json
import shutil
import subprocess

import pytest
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.platypus import Paragraph, SimpleDocTemplate, Table, TableStyle
from reportlab.pdfgen import canvas

from agreement import agreement
from conftest import sample_file
from kehoach_desktop import resources
from kehoach_desktop.importers import office_convert, pdf_reader, sniff
from kehoach_desktop.importers.base import ImportFailed
from kehoach_desktop.services.imports import ImportFileError, read_plan


def _font() -> str:
    fonts = sorted(resources.folder("resources").rglob("*.ttf"))
    regular = next((f for f in fonts if "Regular" in f.name or "regular" in f.name), fonts[0])
    pdfmetrics.registerFont(TTFont("KhPdfTest", str(regular)))
    return "KhPdfTest"


def _table_pdf(path, rows, spans=()) -> None:
    font = _font()
    style = ParagraphStyle("cell", fontName=font, fontSize=10, leading=12)
    data = [[Paragraph(text, style) for text in row] for row in rows]
    table = Table(data, colWidths=[40, 330, 120, 140], repeatRows=1)
    commands = [("GRID", (0, 0), (-1, -1), 0.5, "black"), ("VALIGN", (0, 0), (-1, -1), "TOP")]
    commands += [("SPAN", start, end) for start, end in spans]
    table.setStyle(TableStyle(commands))
    title = Paragraph("KẾ HOẠCH cải cách hành chính năm 2025", style)
    SimpleDocTemplate(str(path), pagesize=landscape(A4)).build([title, table])


def test_a_table_over_pages_with_its_header_again_and_a_merged_cell(tmp_path):
    rows = [["TT", "Nhiệm vụ", "Tiến độ", "Đơn vị chủ trì"], ["I", "CẢI CÁCH THỂ CHẾ", "", ""]]
    rows += [[str(n), f"Rà soát nhóm văn bản số {n} của Sở và đề xuất sửa đổi", "Quý II/2025", "Văn phòng Sở"]
             for n in range(1, 41)]  # fmt: skip
    rows[3][3] = "Thanh tra Sở"
    path = tmp_path / "ke-hoach.pdf"
    # Row 3's unit merged down over rows 3-5 (the task numbers 2-4).
    _table_pdf(path, rows, spans=[((1, 1), (3, 1)), ((3, 3), (3, 5))])
    assert sniff.detect(path) == "pdf"
    raw = pdf_reader.read(path)
    assert len(raw.tables) == 1  # one table over several pages
    draft = read_plan(path=path)
    tasks = draft.sections[0].tasks
    assert [(s.ordinal, s.title) for s in draft.sections] == [("I", "CẢI CÁCH THỂ CHẾ")]
    assert [t.number for t in tasks] == [str(n) for n in range(1, 41)]  # the repeated headers are no tasks
    assert [t.lead_text for t in tasks[1:4]] == ["Thanh tra Sở"] * 3  # the merged cell in each row it spans
    assert tasks[5].lead_text == "Văn phòng Sở"
    assert tasks[39].content == "Rà soát nhóm văn bản số 40 của Sở và đề xuất sửa đổi"
    assert draft.plan.year == 2025


def test_a_scanned_pdf_is_refused_saying_so(tmp_path):
    path = tmp_path / "ban-quet.pdf"
    page = canvas.Canvas(str(path), pagesize=A4)
    page.rect(50, 50, 400, 600, fill=1)  # an image stands for the scanned page: no text at all
    page.showPage()
    page.save()
    with pytest.raises(ImportFailed, match="PDF quét.*không có lớp chữ"):
        pdf_reader.read(path)


def test_a_pdf_with_text_and_no_table_is_refused_saying_so(tmp_path):
    path = tmp_path / "cong-van.pdf"
    page = canvas.Canvas(str(path), pagesize=A4)
    page.setFont(_font(), 12)
    for line in range(20):
        page.drawString(60, 780 - 20 * line, f"Dòng văn bản thứ {line} của công văn, không có bảng nào.")
    page.save()
    with pytest.raises(ImportFileError, match="không có bảng kẻ ô nào"):
        read_plan(path=path)


def test_a_damaged_pdf_is_refused(tmp_path):
    path = tmp_path / "hong.pdf"
    path.write_bytes(sample_file("004_38c702dbea58b40f", ".pdf").read_bytes()[:3000])
    with pytest.raises(ImportFailed, match="tệp PDF bị hỏng"):
        pdf_reader.read(path)


# ---------------------------------------------------------------- .doc and .xls through LibreOffice

needs_soffice = pytest.mark.skipif(office_convert.find_soffice() is None, reason="LibreOffice (soffice) is not installed")


def _convert(source, target: str, folder) -> object:
    """Made with LibreOffice for the test; a .doc by way of .odt (LibreOffice 7 writes
    a .docx's tables into a .doc only that way)."""
    soffice = office_convert.find_soffice()
    if target == "doc":
        subprocess.run([soffice, "--headless", "--convert-to", "odt", "--outdir", str(folder), str(source)],
                       check=True, capture_output=True, timeout=120)  # fmt: skip
        source = folder / (source.stem + ".odt")
    subprocess.run([soffice, "--headless", "--convert-to", target, "--outdir", str(folder), str(source)],
                   check=True, capture_output=True, timeout=120)  # fmt: skip
    return folder / f"{source.stem}.{target}"


@needs_soffice
@pytest.mark.parametrize("suffix, target", [(".docx", "doc"), (".xlsx", "xls")])
def test_old_word_and_excel_files_are_read_through_libreoffice(suffix, target, tmp_path):
    stem = "004_38c702dbea58b40f"
    made = tmp_path / "lam"
    made.mkdir()
    old = _convert(sample_file(stem, suffix), target, made)
    assert sniff.detect(old) == target
    draft = read_plan(path=old)
    assert draft.plan.source_name == old.name
    truth = json.loads(sample_file(stem, ".json").read_text(encoding="utf-8"))
    assert agreement(truth, draft).value >= 0.97


@needs_soffice
def test_a_doc_libreoffice_cannot_convert_is_refused_saying_so(tmp_path):
    from test_import_office import _ole_file

    path = tmp_path / "cu.doc"
    path.write_bytes(_ole_file({"WordDocument": b"\xec\xa5" + b"\0" * 600}))
    with pytest.raises(ImportFileError, match="LibreOffice không chuyển được tệp sang .docx"):
        read_plan(path=path)


def test_libreoffice_is_looked_for_in_its_usual_folders(tmp_path, monkeypatch):
    program = tmp_path / "LibreOffice" / "program"
    program.mkdir(parents=True)
    (program / "soffice.exe").write_bytes(b"")
    monkeypatch.setattr(shutil, "which", lambda name: None)
    monkeypatch.setenv("ProgramFiles", str(tmp_path))
    assert office_convert.find_soffice() == str(program / "soffice.exe")
