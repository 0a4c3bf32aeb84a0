"""Every report kind as .docx, read back with python-docx: page setup and margins
of each section, fonts and styles, the borderless header table and its rules,
the landscape Phụ lục section, every task once, and the same text as the PDF of
the same report."""

from __future__ import annotations

import io
import re
import unicodedata
from collections import Counter

import pdfplumber
import pytest
from docx import Document as open_docx
from docx.oxml.ns import qn
from reports_support import ATTENTION_DAY, REPORT_PERIOD, add_progress, fill_sample

from kehoach_desktop.domain.periods import parse_period
from kehoach_desktop.reports import ReportKind, ReportRequest, document_of
from kehoach_desktop.reports.document import plain_text
from kehoach_desktop.reports.fonts import register_fonts
from kehoach_desktop.reports.layout import MARGINS
from kehoach_desktop.reports.texts import QUOC_HIEU, TIEU_NGU
from kehoach_desktop.services import Services

MM = 72 / 25.4
EMU = 12700  # per point
WITH_APPENDIX = [ReportKind.PLAN, ReportKind.RESULTS]
ALL_KINDS = list(ReportKind)


@pytest.fixture(scope="module")
def made(tmp_path_factory):
    """kind → (docx bytes, pdf bytes, plain text of the document model, tree)."""
    folder = tmp_path_factory.mktemp("docx")
    out = {}
    with Services.open(folder / "kehoach.db") as services:
        plan_id = fill_sample(services)
        add_progress(services, plan_id)
        office = services.reports.find_unit("Các phòng, đơn vị trực thuộc Sở").id
        for kind in ReportKind:
            request = ReportRequest(kind, [plan_id], period=parse_period(REPORT_PERIOD) if kind.needs_period else None,
                                    as_of=ATTENTION_DAY, unit_id=office if kind.needs_unit else None)  # fmt: skip
            path = folder / f"{kind.value}.docx"
            docx = services.reports.make_file(request, path)
            assert path.read_bytes() == docx
            pdf = services.reports.make_pdf(request, prefer_system_font=False)
            model = plain_text(document_of(services.reports.prepare(request)))
            out[kind] = (open_docx(io.BytesIO(docx)), pdf, model, services.plans.tree(plan_id))
    return out


def points(length) -> float:
    return length / EMU


# --- sections ------------------------------------------------------------------------------------


@pytest.mark.parametrize("kind", ALL_KINDS, ids=lambda k: k.value)
def test_sections_are_a4_with_the_decrees_margins_and_the_appendix_landscape(made, kind):
    document = made[kind][0]
    sections = document.sections
    assert len(sections) == (2 if kind in WITH_APPENDIX else 1)
    for index, section in enumerate(sections):
        landscape = index == 1
        size = (points(section.page_width), points(section.page_height))
        assert size == pytest.approx((841.89, 595.28) if landscape else (595.28, 841.89), abs=0.05)
        assert section.orientation == (1 if landscape else 0)
        margins = [points(getattr(section, f"{side}_margin")) for side in ("top", "bottom", "left", "right")]
        assert margins == pytest.approx([MARGINS.top, MARGINS.bottom, MARGINS.left, MARGINS.right], abs=0.05)
        assert 20 * MM <= margins[0] <= 25 * MM and 30 * MM <= margins[2] <= 35 * MM and 15 * MM - 0.05 <= margins[3] <= 20 * MM
        assert section.different_first_page_header_footer  # page 1 (of the text, of the Phụ lục) unnumbered
        header_xml = section.header._element.xml
        assert "PAGE" in header_xml and 'w:fldCharType="begin"' in header_xml
        assert section.first_page_header.paragraphs[0].text == ""
    if kind in WITH_APPENDIX:
        restart = sections[1]._sectPr.find(qn("w:pgNumType"))
        assert restart is not None and restart.get(qn("w:start")) == "1"  # the Phụ lục is numbered on its own


# --- fonts and styles --------------------------------------------------------------------------------


@pytest.mark.parametrize("kind", ALL_KINDS, ids=lambda k: k.value)
def test_times_new_roman_13_to_14_in_named_styles(made, kind):
    document = made[kind][0]
    normal = document.styles["Normal"]
    assert normal.font.name == "Times New Roman" and normal.font.size.pt == 14
    fonts = normal.element.rPr.rFonts
    assert {fonts.get(qn(f"w:{a}")) for a in ("ascii", "hAnsi", "cs", "eastAsia")} == {"Times New Roman"}
    body = document.styles["Nội dung"]
    assert body.paragraph_format.first_line_indent.mm == pytest.approx(10, abs=0.1)
    assert body.paragraph_format.alignment == 3  # justified
    assert body.paragraph_format.space_before.pt >= 6
    assert 16.1 <= body.paragraph_format.line_spacing.pt <= 24.15
    xml = document.element.xml
    assert "w:rFonts" not in xml.split("<w:body>")[1]  # no run names another typeface
    sizes = {int(size) / 2 for size in re.findall(r'<w:sz w:val="(\d+)"/>', xml)}
    assert sizes <= {2, 6, 11, 12, 13, 14}  # 2 and 6: the empty paragraphs that carry rules and gaps
    styles_used = Counter(p.style.name for p in document.paragraphs)
    assert styles_used["Nội dung"] >= 1  # the body is real paragraphs in a named style


# --- the header table (ô 1–4) --------------------------------------------------------------------------


def liberation_width(text: str, size: float, bold: bool = True) -> float:
    from reportlab.pdfbase.pdfmetrics import stringWidth

    family = register_fonts(False)
    return stringWidth(text, family.bold if bold else family.regular, size)


@pytest.mark.parametrize("kind", ALL_KINDS, ids=lambda k: k.value)
def test_header_is_a_borderless_two_column_table_with_the_rules(made, kind):
    document = made[kind][0]
    first = document.element.body[0]
    assert first.tag == qn("w:tbl")
    table = document.tables[0]
    widths = [int(col.get(qn("w:w"))) / 20 for col in table._tbl.tblGrid.findall(qn("w:gridCol"))]
    assert len(widths) == 2 and sum(widths) == pytest.approx(165 * MM, abs=0.5)
    assert widths[0] / sum(widths) == pytest.approx(0.4, abs=0.01)
    borders = table._tbl.tblPr.find(qn("w:tblBorders"))
    assert {child.get(qn("w:val")) for child in borders} == {"nil"}
    right = table.rows[0].cells[1].paragraphs
    assert [p.text for p in right[:2]] == [QUOC_HIEU, TIEU_NGU]
    assert [(r.bold, r.font.size.pt) for p in right[:2] for r in p.runs] == [(True, 13), (True, 14)]
    rule = right[2]
    border = rule._p.pPr.find(qn("w:pBdr")).find(qn("w:bottom"))
    assert border.get(qn("w:val")) == "single"
    indent = rule.paragraph_format
    length = widths[1] - indent.left_indent.pt - indent.right_indent.pt
    assert length == pytest.approx(liberation_width(TIEU_NGU, 14), abs=1)  # as long as the Tiêu ngữ
    left = table.rows[0].cells[0].paragraphs
    assert left[0].text == "UBND TỈNH KHÁNH HÒA" and not left[0].runs[0].bold
    issuer = left[1]
    assert issuer.text.replace("\n", " ") == "SỞ NÔNG NGHIỆP VÀ MÔI TRƯỜNG" and issuer.runs[0].bold
    widest = max(liberation_width(line, 13) for line in issuer.text.split("\n"))
    issuer_rule = left[2].paragraph_format
    rule_length = widths[0] - issuer_rule.left_indent.pt - issuer_rule.right_indent.pt
    assert widest / 3 <= rule_length <= widest / 2
    so, date_line = table.rows[1].cells[0].paragraphs[0], table.rows[1].cells[1].paragraphs[0]
    assert date_line.text.startswith("Khánh Hòa, ngày") and date_line.runs[0].italic
    if kind is not ReportKind.ATTENTION:
        assert re.fullmatch(r"Số:\s+/[A-Z]+-[A-Z]+", so.text)


# --- the Phụ lục ----------------------------------------------------------------------------------------


def content_column(table) -> list[str]:
    """The texts of the task rows' second cell (section rows span the table)."""
    out = []
    for row in table.rows[1:]:
        cells = row._tr.findall(qn("w:tc"))
        if len(cells) < 3:
            continue
        out.append("\n".join(p.text for p in row.cells[1].paragraphs))
    return out


@pytest.mark.parametrize("kind", WITH_APPENDIX, ids=lambda k: k.value)
def test_appendix_table_repeats_its_header_and_holds_every_task_once(made, kind):
    document, _pdf, _model, tree = made[kind]
    table = document.tables[-1]
    header_row = table.rows[0]._tr
    assert header_row.trPr.find(qn("w:tblHeader")) is not None
    assert [c.text for c in table.rows[0].cells[:2]] == ["TT", "Nhiệm vụ cụ thể" if kind is ReportKind.PLAN else "Nhiệm vụ"]
    # the table sits in the landscape section: after the portrait section's break
    body = list(document.element.body)
    break_at = next(i for i, el in enumerate(body) if el.tag == qn("w:p") and el.find(".//" + qn("w:sectPr")) is not None)
    assert body.index(table._tbl) > break_at
    plan = tree.plans[0]
    contents = [unicodedata.normalize("NFC", task.content) for _, task, _ in tree.plan_walk(plan.id)]
    assert len(contents) == 75
    assert content_column(table) == contents


# --- the same text as the PDF ----------------------------------------------------------------------------


def docx_words(document) -> Counter:
    texts = []
    for element in document.element.body.iter():
        if element.tag == qn("w:t") and element.text:
            texts.append(element.text)
        elif element.tag == qn("w:br"):
            texts.append(" ")
        elif element.tag == qn("w:p"):
            texts.append(" ")
    return Counter("".join(texts).split())


def pdf_words(content: bytes) -> Counter:
    words: Counter = Counter()
    with pdfplumber.open(io.BytesIO(content)) as pdf:
        for page in pdf.pages:
            body = page.filter(lambda obj: obj.get("object_type") != "char" or obj["top"] >= MARGINS.top)
            words.update((body.extract_text() or "").split())
    return words


@pytest.mark.parametrize("kind", ALL_KINDS, ids=lambda k: k.value)
def test_docx_and_pdf_carry_the_same_text(made, kind):
    document, pdf, model, _tree = made[kind]
    in_word, in_pdf = docx_words(document), pdf_words(pdf)
    assert in_word == Counter(" ".join(model).split())  # the .docx is the document model, word for word
    for table in document.tables:  # the PDF repeats a table's header row on each page it spans
        header = Counter(" ".join(cell.text for cell in table.rows[0].cells).split())
        if table._tbl.tblPr.find(qn("w:tblBorders")) is not None or not header:
            continue  # the header and signature tables
        repeats = min((in_pdf[word] - in_word[word]) // count for word, count in header.items())
        for _ in range(max(0, repeats)):
            in_pdf -= header
    if kind is ReportKind.UNIT_STATS:  # the PDF adds the chart's labels (legend, axis, unit names)
        assert not in_word - in_pdf
    else:
        assert in_word == in_pdf


@pytest.mark.parametrize("kind", ALL_KINDS, ids=lambda k: k.value)
def test_signature_and_noi_nhan_are_a_borderless_table(made, kind):
    document = made[kind][0]
    table = next(t for t in document.tables if any("Nơi nhận:" in p.text for p in t.rows[0].cells[0].paragraphs))
    borders = table._tbl.tblPr.find(qn("w:tblBorders"))
    assert {child.get(qn("w:val")) for child in borders} == {"nil"}
    left, right = table.rows[0].cells
    label = left.paragraphs[0]
    assert label.text == "Nơi nhận:" and label.runs[0].bold and label.runs[0].italic and label.runs[0].font.size.pt == 12
    lines = [p.text for p in left.paragraphs[1:]]
    assert lines[-1].startswith("- Lưu: VT") and lines[-1].endswith(".")
    assert all(line.endswith(";") for line in lines[:-1])
    assert [p.text for p in right.paragraphs if p.text][-1] == "Nguyễn Duy Quang"
