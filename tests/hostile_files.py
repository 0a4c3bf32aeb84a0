"""Hostile inputs of issue 14, made at test time: small files that describe enormous ones.

Each is a real sample (plan or unit form) with one thing added: huge merged
ranges, column spans, too many rows, a lone far cell, a giant cell, deep
nesting, a flood of XML elements. `make_all(folder, form)` writes them all and
returns {name: (path, the words its refusal must contain)}.
"""

from __future__ import annotations

import io
import re
import zipfile
from pathlib import Path

from conftest import sample_file

SAMPLE = "004_38c702dbea58b40f"
W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def rewrite(source: Path | bytes, changes: dict[str, object]) -> bytes:
    """The package with some parts replaced: a value is new bytes/str, or a function
    from the old text to the new one."""
    data = source.read_bytes() if isinstance(source, Path) else source
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as old, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as new:
        names = old.namelist()
        for name in names:
            content: object = old.read(name)
            change = changes.get(name)
            if callable(change):
                content = change(content.decode("utf-8"))
            elif change is not None:
                content = change
            new.writestr(name, content.encode("utf-8") if isinstance(content, str) else content)
        for name, content in changes.items():
            if name not in names and not callable(content):
                new.writestr(name, content.encode("utf-8") if isinstance(content, str) else content)
    return out.getvalue()


# ---------------------------------------------------------------- plans (.docx)


def _with_table(table_xml: str) -> bytes:
    def add(document: str) -> str:
        at = document.rfind("<w:sectPr")
        at = at if at >= 0 else document.rfind("</w:body>")
        return document[:at] + table_xml + document[at:]

    return rewrite(sample_file(SAMPLE, ".docx"), {"word/document.xml": add})


def _row(cells: str) -> str:
    return f"<w:tr>{cells}</w:tr>"


def _cell(text: str = "", properties: str = "") -> str:
    return f"<w:tc>{f'<w:tcPr>{properties}</w:tcPr>' if properties else ''}<w:p><w:r><w:t>{text}</w:t></w:r></w:p></w:tc>"


def _varied(number: int) -> str:
    """Text that does not compress 100 to 1 (sniff refuses parts that do)."""
    return f"{(number * 2654435761) % 4294967296:08x}"


def docx_column_spans() -> bytes:
    """Issue 14: a 706 kB document whose cells span a thousand columns each (77 s, 2.3 GB)."""
    rows = "".join(
        _row("".join(_cell(_varied(row * 10 + n), '<w:gridSpan w:val="1000"/>') for n in range(10)))
        for row in range(3000)
    )
    return _with_table(f"<w:tbl>{rows}</w:tbl>")


def docx_many_rows(rows: int = 100_000) -> bytes:
    """Issue 14: a document with 100,000 table rows was accepted."""
    return _with_table("<w:tbl>" + "".join(_row(_cell(str(n)) + _cell("Nhiệm vụ")) for n in range(rows)) + "</w:tbl>")


def docx_deep_nesting(depth: int = 40) -> bytes:
    inner = _cell("trong cùng")
    for _ in range(depth):
        inner = f"<w:tc><w:tbl>{_row(inner)}</w:tbl><w:p/></w:tc>"
    return _with_table(f"<w:tbl>{_row(inner)}</w:tbl>")


def docx_giant_cell() -> bytes:
    return _with_table("<w:tbl>" + _row(_cell("rà soát thủ tục " * 20_000)) + "</w:tbl>")


def docx_element_flood() -> bytes:
    """1.1 million small elements in a part no reader walks (python-docx parses it whole)."""
    flood = "".join(f'<w:s w:i="{_varied(n)[:5]}"/>' for n in range(1_100_000))

    def add(styles: str) -> str:
        return styles.replace("</w:styles>", flood + "</w:styles>")

    return rewrite(sample_file(SAMPLE, ".docx"), {"word/styles.xml": add})


# ---------------------------------------------------------------- plans (.xlsx)


def _with_sheet_change(source: Path | bytes, change) -> bytes:
    return rewrite(source, {"xl/worksheets/sheet1.xml": change})


def _add_merges(sheet: str, ranges: list[str]) -> str:
    merges = f'<mergeCells count="{len(ranges)}">' + "".join(f'<mergeCell ref="{r}"/>' for r in ranges) + "</mergeCells>"
    sheet = re.sub(r"<mergeCells[^>]*>.*?</mergeCells>|<mergeCells[^>]*/>", "", sheet, flags=re.S)
    return sheet.replace("</sheetData>", "</sheetData>" + merges, 1)


def xlsx_merged_rows() -> bytes:
    """Issue 14: a 17 kB workbook whose merged ranges cover whole rows (28-48 s, 1.5 GB)."""
    ranges = [f"A{row}:XFD{row}" for row in range(100, 1100)]
    return _with_sheet_change(sample_file(SAMPLE, ".xlsx"), lambda sheet: _add_merges(sheet, ranges))


def xlsx_merged_area() -> bytes:
    """Merged ranges inside the row and column limits, but covering millions of cells."""
    ranges = [f"A{row}:GR{row + 9}" for row in range(100, 19_000, 10)]
    return _with_sheet_change(sample_file(SAMPLE, ".xlsx"), lambda sheet: _add_merges(sheet, ranges))


def xlsx_far_cell(source: Path | bytes) -> bytes:
    """Issue 14: one cell at XFD1048576 (5 s and 300 MB in the form reader)."""
    far = '<row r="1048576"><c r="XFD1048576" t="inlineStr"><is><t>x</t></is></c></row>'
    return _with_sheet_change(source, lambda sheet: sheet.replace("</sheetData>", far + "</sheetData>", 1))


def xlsx_giant_string() -> bytes:
    giant = '<row r="90"><c r="B90" t="inlineStr"><is><t>' + "rà soát " * 10_000 + "</t></is></c></row>"
    return _with_sheet_change(sample_file(SAMPLE, ".xlsx"), lambda sheet: sheet.replace("</sheetData>", giant + "</sheetData>", 1))


# ---------------------------------------------------------------- unit forms


def form_merged(form: Path) -> bytes:
    """Issue 14: a 23 kB form with merged cells (58 s, 1.2 GB, and accepted)."""
    sheet = _unit_sheet(form)
    ranges = [f"A{row}:XFD{row}" for row in range(200, 1200)]
    return rewrite(form, {sheet: lambda text: _add_merges(text, ranges)})


def form_far_cell(form: Path) -> bytes:
    sheet = _unit_sheet(form)
    far = '<row r="1048576"><c r="XFD1048576" t="inlineStr"><is><t>x</t></is></c></row>'
    return rewrite(form, {sheet: lambda text: text.replace("</sheetData>", far + "</sheetData>", 1)})


def _unit_sheet(form: Path) -> str:
    with zipfile.ZipFile(form) as archive:
        sheets = sorted(n for n in archive.namelist() if re.match(r"xl/worksheets/sheet\d+\.xml$", n))
    return sheets[0]


# ---------------------------------------------------------------- text


def text_long_line() -> bytes:
    return ("STT\tNội dung\n1\t" + "rà soát " * 30_000 + "\n").encode("utf-8")


def text_many_lines() -> bytes:
    return "".join(f"{n}\tNhiệm vụ {n}\n" for n in range(150_000)).encode("utf-8")


def text_many_columns() -> bytes:
    return ("\t".join(["x"] * 500) + "\n").encode("utf-8")


PLANS = {
    "cot-gop-ngang.docx": (docx_column_spans, "cột (tính cả ô gộp ngang"),
    "tram-nghin-dong-bang.docx": (docx_many_rows, "các bảng có hơn 20.000 dòng"),
    "bang-long-sau.docx": (docx_deep_nesting, "bảng lồng trong bảng quá 10 tầng"),
    "o-khong-lo.docx": (docx_giant_cell, "hơn 32.767 ký tự"),
    "lu-the-xml.docx": (docx_element_flood, "hơn 1.000.000 thành phần XML"),
    "gop-ca-dong.xlsx": (xlsx_merged_rows, "vùng gộp ô A100:XFD100"),
    "gop-dien-rong.xlsx": (xlsx_merged_area, "các vùng gộp ô phủ hơn 100.000 ô"),
    "o-tan-cung.xlsx": (lambda: xlsx_far_cell(sample_file(SAMPLE, ".xlsx")), "có dữ liệu tới dòng 1.048.576"),
    "chuoi-khong-lo.xlsx": (xlsx_giant_string, "hơn 32.767 ký tự"),
    "dong-dai.txt": (text_long_line, "ký tự (tối đa 100.000)"),
    "qua-nhieu-dong.txt": (text_many_lines, "150.001 dòng"),
    "qua-nhieu-cot.txt": (text_many_columns, "hơn 200 cột"),
}

FORMS = {
    "mau-gop-o.xlsx": (form_merged, "vùng gộp ô A200:XFD200"),
    "mau-o-tan-cung.xlsx": (form_far_cell, "có dữ liệu tới dòng 1.048.576"),
}


def make_plans(folder: Path) -> dict[str, tuple[Path, str]]:
    folder.mkdir(parents=True, exist_ok=True)
    made = {}
    for name, (build, words) in PLANS.items():
        path = folder / name
        path.write_bytes(build())
        made[name] = (path, words)
    return made


def make_forms(folder: Path, form: Path) -> dict[str, tuple[Path, str]]:
    folder.mkdir(parents=True, exist_ok=True)
    made = {}
    for name, (build, words) in FORMS.items():
        path = folder / name
        path.write_bytes(build(form))
        made[name] = (path, words)
    return made
