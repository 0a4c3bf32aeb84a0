"""Every kind of report, made from the largest real sample and read back with
pdfplumber: page size and orientation, margins, the national header with its
fonts, sizes and rules, page numbers, the appendix table, embedded fonts."""

from __future__ import annotations

import contextlib
import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path

import pdfplumber
import pytest
from pdfminer.pdftypes import resolve1
from reports_support import ATTENTION_DAY, REPORT_PERIOD, add_progress, fill_sample, units_in

from kehoach_desktop.domain.periods import parse_period
from kehoach_desktop.reports import ReportKind, ReportRequest
from kehoach_desktop.reports.layout import HEADER_COLUMNS, MARGINS, TEXT_WIDTH
from kehoach_desktop.reports.texts import QUOC_HIEU, TIEU_NGU
from kehoach_desktop.services import Services

A4 = (595.2756, 841.8898)
MM = 72 / 25.4
EPS = 0.6


@dataclass
class Made:
    kind: ReportKind
    path: Path
    tree: object  # the PlanTree reported on
    pdf: object = None  # the file opened once for all the tests (pages keep their parsed text)

    def open(self):
        if self.pdf is None:
            self.pdf = pdfplumber.open(self.path)
        return contextlib.nullcontext(self.pdf)


@pytest.fixture(scope="module")
def reports(tmp_path_factory) -> dict[ReportKind, Made]:
    folder = tmp_path_factory.mktemp("reports")
    made = {}
    with Services.open(folder / "kehoach.db") as services:
        plan_id = fill_sample(services)
        add_progress(services, plan_id)
        office = services.reports.find_unit("Các phòng, đơn vị trực thuộc Sở").id
        for kind in ReportKind:
            request = ReportRequest(
                kind,
                [plan_id],
                period=parse_period(REPORT_PERIOD) if kind.needs_period else None,
                as_of=ATTENTION_DAY,
                unit_id=office if kind.needs_unit else None,
            )
            path = folder / f"{kind.value}.pdf"
            services.reports.make_pdf(request, path, prefer_system_font=False)
            made[kind] = Made(kind, path, services.plans.tree(plan_id))
    yield made
    for item in made.values():
        if item.pdf is not None:
            item.pdf.close()


ALL_KINDS = list(ReportKind)
WITH_APPENDIX = [ReportKind.PLAN, ReportKind.RESULTS]


def appendix_start(pdf) -> int | None:
    """Index of the page where the Phụ lục begins."""
    for index, page in enumerate(pdf.pages):
        lines = (page.extract_text() or "").split("\n")
        if "Phụ lục" in [line.strip() for line in lines[:2]]:
            return index
    return None


# --- page size, orientation, margins -----------------------------------------------------


@pytest.mark.parametrize("kind", ALL_KINDS, ids=lambda k: k.value)
def test_pages_are_a4_portrait_then_landscape_for_the_appendix(reports, kind):
    with reports[kind].open() as pdf:
        start = appendix_start(pdf)
        if kind in WITH_APPENDIX:
            assert start is not None and start >= 1
        else:
            assert start is None
        for index, page in enumerate(pdf.pages):
            size = (page.width, page.height)
            landscape = start is not None and index >= start
            expected = (A4[1], A4[0]) if landscape else A4
            assert size == pytest.approx(expected, abs=0.05), f"page {index + 1}"  # Word's unit: 1 twip


@pytest.mark.parametrize("kind", ALL_KINDS, ids=lambda k: k.value)
def test_all_text_is_inside_the_margins_except_the_page_number(reports, kind):
    with reports[kind].open() as pdf:
        for index, page in enumerate(pdf.pages):
            right = page.width - MARGINS.right
            bottom = page.height - MARGINS.bottom
            for char in page.chars:
                where = f"page {index + 1}, «{char['text']}» at ({char['x0']:.1f}, {char['top']:.1f})"
                assert char["x0"] >= MARGINS.left - EPS and char["x1"] <= right + EPS, where
                assert char["bottom"] <= bottom + EPS, where
                if char["top"] < MARGINS.top - EPS:  # only the page number lives in the top margin
                    assert char["text"].isdigit(), where


# --- the national header (ô 1–4) -----------------------------------------------------------------


def text_lines(page, x0: float, x1: float, top: float = 0, bottom: float | None = None) -> list[dict]:
    """Lines of text between x0 and x1, each with its chars."""
    region = page.crop((x0, top, x1, bottom or page.height))
    return region.extract_text_lines(return_chars=True, strip=True)


def right_column(page):
    left = MARGINS.left + TEXT_WIDTH * HEADER_COLUMNS[0] / sum(HEADER_COLUMNS)
    return left, MARGINS.left + TEXT_WIDTH


def left_column(page):
    return MARGINS.left, MARGINS.left + TEXT_WIDTH * HEADER_COLUMNS[0] / sum(HEADER_COLUMNS)


@pytest.mark.parametrize("kind", ALL_KINDS, ids=lambda k: k.value)
def test_quoc_hieu_and_tieu_ngu_exact_bold_with_their_sizes(reports, kind):
    with reports[kind].open() as pdf:
        lines = text_lines(pdf.pages[0], *right_column(pdf.pages[0]))
    quoc_hieu, tieu_ngu = lines[0], lines[1]
    assert quoc_hieu["text"] == QUOC_HIEU
    assert tieu_ngu["text"] == TIEU_NGU
    assert unicodedata.is_normalized("NFC", quoc_hieu["text"] + tieu_ngu["text"])
    for line, size in ((quoc_hieu, 13), (tieu_ngu, 14)):
        glyphs = [char for char in line["chars"] if char["text"].strip()]
        assert {char["fontname"].split("+")[-1] for char in glyphs} == {"LiberationSerif-Bold"}
        assert {round(char["size"], 2) for char in glyphs} == {size}
    # single line spacing between them: the Tiêu ngữ right under the Quốc hiệu
    assert 13 <= tieu_ngu["top"] - quoc_hieu["top"] <= 18


def horizontal_rules(page) -> list[dict]:
    return [line for line in page.lines if abs(line["top"] - line["bottom"]) < 0.1]


def rule_below(page, line: dict, x0: float, x1: float) -> dict:
    """The first horizontal rule under a text line, within a column."""
    candidates = [
        rule for rule in horizontal_rules(page)
        if rule["top"] > line["bottom"] - 1 and x0 - 1 <= rule["x0"] and rule["x1"] <= x1 + 1
    ]  # fmt: skip
    return min(candidates, key=lambda rule: rule["top"])


def centre(item: dict) -> float:
    return (item["x0"] + item["x1"]) / 2


@pytest.mark.parametrize("kind", ALL_KINDS, ids=lambda k: k.value)
def test_rule_under_tieu_ngu_is_as_long_as_its_line(reports, kind):
    with reports[kind].open() as pdf:
        page = pdf.pages[0]
        x0, x1 = right_column(page)
        tieu_ngu = text_lines(page, x0, x1)[1]
        rule = rule_below(page, tieu_ngu, x0, x1)
    assert rule["x1"] - rule["x0"] == pytest.approx(tieu_ngu["x1"] - tieu_ngu["x0"], abs=0.5)
    assert centre(rule) == pytest.approx(centre(tieu_ngu), abs=0.5)
    assert 2 <= rule["top"] - tieu_ngu["bottom"] <= 8  # below the descenders, not far off


@pytest.mark.parametrize("kind", ALL_KINDS, ids=lambda k: k.value)
def test_rule_under_the_issuer_is_a_third_to_a_half_of_its_name(reports, kind):
    with reports[kind].open() as pdf:
        page = pdf.pages[0]
        x0, x1 = left_column(page)
        lines = text_lines(page, x0, x1, bottom=MARGINS.top + 80)
        issuer = [line for line in lines if all(c["fontname"].endswith("-Bold") for c in line["chars"] if c["text"].strip())]
        assert [line["text"] for line in issuer] == ["SỞ NÔNG NGHIỆP", "VÀ MÔI TRƯỜNG"]
        governing = lines[0]
        assert governing["text"] == "UBND TỈNH KHÁNH HÒA"
        assert {c["fontname"].split("+")[-1] for c in governing["chars"] if c["text"].strip()} == {"LiberationSerif"}
        rule = rule_below(page, issuer[-1], x0, x1)
    longest = max(issuer, key=lambda line: line["x1"] - line["x0"])
    name_width = longest["x1"] - longest["x0"]
    assert name_width / 3 <= rule["x1"] - rule["x0"] <= name_width / 2
    assert centre(rule) == pytest.approx(centre(longest), abs=0.5)


@pytest.mark.parametrize("kind", [k for k in ALL_KINDS if k is not ReportKind.REMINDER], ids=lambda k: k.value)
def test_type_name_and_trich_yeu_with_its_rule(reports, kind):
    with reports[kind].open() as pdf:
        page = pdf.pages[0]
        lines = text_lines(page, MARGINS.left, MARGINS.left + TEXT_WIDTH)
        type_line = next(line for line in lines if line["text"] in ("KẾ HOẠCH", "BÁO CÁO", "DANH SÁCH"))
        assert {round(c["size"]) for c in type_line["chars"]} == {14}
        index = lines.index(type_line)
        rule = rule_below(page, type_line, MARGINS.left, MARGINS.left + TEXT_WIDTH)
        title = [line for line in lines[index + 1 :] if line["top"] < rule["top"]]
    assert title, "the trích yếu follows the type name"
    for line in title:
        assert all(c["fontname"].endswith("-Bold") and round(c["size"]) == 14 for c in line["chars"] if c["text"].strip())
        assert centre(line) == pytest.approx(MARGINS.left + TEXT_WIDTH / 2, abs=1.5)
    widest = max(line["x1"] - line["x0"] for line in title)
    assert widest / 3 <= rule["x1"] - rule["x0"] <= widest / 2


@pytest.mark.parametrize("kind", ALL_KINDS, ids=lambda k: k.value)
def test_so_and_place_date_share_one_line_with_blanks_left_for_the_van_thu(reports, kind):
    with reports[kind].open() as pdf:
        page = pdf.pages[0]
        dates = [line for line in text_lines(page, *right_column(page)) if "ngày" in line["text"]]
        sos = [line for line in text_lines(page, *left_column(page)) if line["text"].startswith("Số:")]
    date_line = dates[0]
    assert re.fullmatch(r"Khánh Hòa, ngày\s+tháng\s+năm 20\d\d", date_line["text"])
    assert all(c["fontname"].endswith("-Italic") for c in date_line["chars"] if c["text"].strip())
    if kind is ReportKind.ATTENTION:
        assert not sos  # a list carries no number
        return
    so = sos[0]
    assert re.fullmatch(r"Số:\s+/[A-Z]+-[A-Z]+", so["text"])
    assert abs(so["bottom"] - date_line["bottom"]) < 1.5  # the same baseline (13 pt and 14 pt)


# --- page numbers -------------------------------------------------------------------------------


def page_number(page) -> str:
    return "".join(c["text"] for c in page.chars if c["top"] < MARGINS.top)


@pytest.mark.parametrize("kind", ALL_KINDS, ids=lambda k: k.value)
def test_page_numbers_from_page_2_restarting_in_the_appendix(reports, kind):
    with reports[kind].open() as pdf:
        start = appendix_start(pdf)
        main = pdf.pages[:start] if start is not None else pdf.pages
        appendix = pdf.pages[start:] if start is not None else []
        assert page_number(main[0]) == ""
        assert [page_number(page) for page in main[1:]] == [str(n) for n in range(2, len(main) + 1)]
        if appendix:
            assert page_number(appendix[0]) == ""
            assert [page_number(page) for page in appendix[1:]] == [str(n) for n in range(2, len(appendix) + 1)]
        for page in pdf.pages:
            digits = [c for c in page.chars if c["top"] < MARGINS.top]
            if digits:
                text_centre = MARGINS.left + (page.width - MARGINS.left - MARGINS.right) / 2
                assert (digits[0]["x0"] + digits[-1]["x1"]) / 2 == pytest.approx(text_centre, abs=0.5)
                assert {round(c["size"]) for c in digits} == {14}
                assert {c["fontname"].split("+")[-1] for c in digits} == {"LiberationSerif"}


# --- the appendix table ----------------------------------------------------------------------------


def squeeze(text: str) -> str:
    return re.sub(r"\s+", "", unicodedata.normalize("NFC", text))


def column_stream(pages, column: int) -> str:
    """The regular-weight text of one table column over the pages, top to bottom:
    task cells only (the header row and the section rows are bold)."""
    out = []
    for page in pages:
        xs = sorted({round(line["x0"], 1) for line in page.lines if abs(line["x0"] - line["x1"]) < 0.1})
        x0, x1 = xs[column], xs[column + 1]
        region = page.filter(
            lambda obj: obj.get("object_type") == "char"
            and obj["fontname"].split("+")[-1] == "LiberationSerif"
            and obj["x0"] >= x0
            and obj["x1"] <= x1
            and obj["top"] > MARGINS.top
        )
        out.append(region.extract_text())
    return "".join(out)


@pytest.mark.parametrize("kind", WITH_APPENDIX, ids=lambda k: k.value)
def test_every_task_in_the_appendix_exactly_once_in_order_with_its_text_intact(reports, kind):
    made = reports[kind]
    tree = made.tree
    plan = tree.plans[0]
    contents = [task.content for _, task, _ in tree.plan_walk(plan.id)]
    assert len(contents) == 75
    with made.open() as pdf:
        start = appendix_start(pdf)
        stream = column_stream(pdf.pages[start:], 1)
    assert unicodedata.is_normalized("NFC", stream)
    # The content column holds the tasks' texts one after another, nothing else:
    # each task once, in the plan's order, every letter and diacritic as stored.
    assert squeeze(stream) == "".join(squeeze(content) for content in contents)


@pytest.mark.parametrize("kind", WITH_APPENDIX, ids=lambda k: k.value)
def test_appendix_header_row_is_repeated_on_every_page(reports, kind):
    with reports[kind].open() as pdf:
        start = appendix_start(pdf)
        headers = [tuple(header_cells(page)) for page in pdf.pages[start:]]
    assert len(headers) >= 2 and len(set(headers)) == 1
    assert headers[0][:2] == ("TT", "Nhiệm vụ cụ thể" if kind is ReportKind.PLAN else "Nhiệm vụ")


def header_cells(page) -> list[str]:
    """The texts of the table's header row, cell by cell (a title may wrap in its cell)."""
    xs = sorted({round(line["x0"], 1) for line in page.lines if abs(line["x0"] - line["x1"]) < 0.1})
    # Row lines of the table: horizontal lines starting at its left edge.
    rows = sorted({round(line["top"], 1) for line in horizontal_rules(page) if abs(line["x0"] - xs[0]) < 0.5})
    cells = []
    for x0, x1 in zip(xs, xs[1:]):
        region = page.crop((x0, rows[0], x1, rows[1]))
        cells.append(" ".join(region.extract_text().split()))
    return cells


def test_plan_appendix_keeps_the_plans_own_columns(reports):
    with reports[ReportKind.PLAN].open() as pdf:
        cells = header_cells(pdf.pages[appendix_start(pdf)])
    assert cells == ["TT", "Nhiệm vụ cụ thể", "Tiến độ", "Đơn vị thực hiện", "Đơn vị phối hợp", "Kết quả/sản phẩm", "Ghi chú"]


# --- body, signature, Nơi nhận --------------------------------------------------------------------


def main_text(made: Made) -> str:
    with made.open() as pdf:
        start = appendix_start(pdf)
        pages = pdf.pages[:start] if start is not None else pdf.pages
        return "\n".join(page.extract_text() for page in pages)


@pytest.mark.parametrize("kind", ALL_KINDS, ids=lambda k: k.value)
def test_noi_nhan_bold_italic_12_level_with_the_signer_and_list_11_ending_luu(reports, kind):
    with reports[kind].open() as pdf:
        start = appendix_start(pdf)
        page = pdf.pages[(start or len(pdf.pages)) - 1]
        lines = page.extract_text_lines(return_chars=True)
    label = next(line for line in lines if line["text"].startswith("Nơi nhận:"))
    label_chars = [c for c in label["chars"] if c["x1"] < MARGINS.left + 60 and c["text"].strip()]
    assert "".join(c["text"] for c in label_chars) == "Nơinhận:"
    assert {c["fontname"].split("+")[-1] for c in label_chars} == {"LiberationSerif-BoldItalic"}
    assert {round(c["size"]) for c in label_chars} == {12}
    assert label_chars[0]["x0"] == pytest.approx(MARGINS.left, abs=0.5)
    signer = [c for c in label["chars"] if c["x0"] > MARGINS.left + 70 * MM and c["text"].strip()]
    assert signer and all(c["fontname"].endswith("-Bold") and round(c["size"]) == 14 for c in signer)
    assert abs(signer[0]["bottom"] - label_chars[0]["bottom"]) < 1.5  # the same baseline
    items = [line for line in lines if line["text"].startswith("- ") and line["top"] > label["top"] and line["x0"] < MARGINS.left + 1]
    assert items[-1]["text"].startswith("- Lưu: VT")
    assert items[-1]["text"].endswith(".")
    assert all(line["text"].endswith(";") for line in items[:-1])
    assert all(round(c["size"]) == 11 for line in items for c in line["chars"] if c["text"].strip())


def test_signature_block_keeps_the_title_with_the_name(reports):
    for made in reports.values():
        text = main_text(made)
        lines = text.split("\n")
        title = next(i for i, line in enumerate(lines) if line.rstrip().endswith("GIÁM ĐỐC"))
        name = next(i for i, line in enumerate(lines) if "Nguyễn Duy Quang" in line)
        assert 0 < name - title < 8  # same page, a few lines of Nơi nhận between them at most


def test_reminder_is_a_cong_van_with_vv_and_kinh_gui(reports):
    made = reports[ReportKind.REMINDER]
    with made.open() as pdf:
        page = pdf.pages[0]
        left = text_lines(page, *left_column(page), bottom=MARGINS.top + 150)
        everything = page.extract_text()
    so_index = next(i for i, line in enumerate(left) if line["text"].startswith("Số:"))
    assert re.fullmatch(r"Số:\s+/SNNMT-VP", left[so_index]["text"])
    vv = left[so_index + 1]
    assert vv["text"].startswith("V/v đôn đốc thực hiện nhiệm vụ")
    assert {round(c["size"]) for c in vv["chars"]} == {12}
    assert all(not c["fontname"].endswith("-Bold") for c in vv["chars"])
    assert 6 + 12 <= vv["bottom"] - left[so_index]["bottom"] <= 24  # 6 pt below the Số line
    assert "Kính gửi: Các phòng, đơn vị trực thuộc Sở" in everything
    for type_name in ("KẾ HOẠCH", "BÁO CÁO", "CÔNG VĂN"):
        assert type_name not in everything
    assert "- Như trên;" in main_text(made)


def test_results_report_counts_add_up_and_list_the_overdue_tasks(reports):
    text = main_text(reports[ReportKind.RESULTS])
    flat = re.sub(r"\s+", " ", text)
    match = re.search(
        r"tổng số (\d+) nhiệm vụ\. Tính đến ngày 31/12/2025: đã hoàn thành (\d+) nhiệm vụ \([\d,]+%\), trong đó "
        r"hoàn thành đúng hạn (\d+) nhiệm vụ, hoàn thành trễ hạn (\d+) nhiệm vụ; đang thực hiện (\d+) nhiệm vụ; "
        r"chưa triển khai (\d+) nhiệm vụ; quá hạn chưa hoàn thành (\d+) nhiệm vụ; không thực hiện (\d+) nhiệm vụ\.",
        flat,
    )
    assert match, flat[:2000]
    total, done, on_time, late, in_progress, not_started, overdue, cancelled = map(int, match.groups())
    assert total == 75 and done == on_time + late
    assert on_time + late + in_progress + not_started + overdue + cancelled == total
    assert min(on_time, late, in_progress, not_started, overdue, cancelled) >= 1
    assert "I. KẾT QUẢ THỰC HIỆN" in text and "II. TỒN TẠI, HẠN CHẾ" in text
    assert "III. NHIỆM VỤ TRỌNG TÂM KỲ TỚI" in text
    assert f"Còn {overdue} nhiệm vụ quá hạn chưa hoàn thành, {late} nhiệm vụ hoàn thành trễ hạn" in flat
    assert flat.count("quá hạn") >= overdue


def test_attention_list_groups_by_unit_with_days(reports):
    text = main_text(reports[ReportKind.ATTENTION])
    flat = re.sub(r"\s+", " ", text)
    assert "Tính đến ngày 25/11/2025" in flat
    assert re.search(r"1\. Các phòng, đơn vị trực thuộc Sở \(\d+ quá hạn, \d+ sắp đến hạn\)", flat)
    with reports[ReportKind.ATTENTION].open() as pdf:
        timing = squeeze(column_stream(pdf.pages, 4))
    assert re.search(r"Quáhạn\d+ngày", timing) and re.search(r"Còn\d+ngày", timing)


def test_unit_statistics_has_a_chart(reports):
    made = reports[ReportKind.UNIT_STATS]
    with made.open() as pdf:
        rects = [rect for page in pdf.pages for rect in page.rects if rect["height"] > 5 and rect["width"] > 1]
        text = "\n".join(page.extract_text() for page in pdf.pages)
    assert len(rects) >= 3  # bars
    for name in ("Hoàn thành đúng hạn", "Quá hạn", "Văn phòng Sở"):
        assert name in text


# --- fonts ------------------------------------------------------------------------------------------


@pytest.mark.parametrize("kind", ALL_KINDS, ids=lambda k: k.value)
def test_every_font_is_embedded(reports, kind):
    with reports[kind].open() as pdf:
        seen = set()
        for page in pdf.pages:
            fonts = resolve1(page.page_obj.resources.get("Font", {}))
            for font in fonts.values():
                font = resolve1(font)
                descriptor = resolve1(font.get("FontDescriptor"))
                name = str(font.get("BaseFont"))
                assert descriptor is not None and "FontFile2" in descriptor, name
                seen.add(name.split("+")[-1].strip("'/"))
        used = {c["fontname"].split("+")[-1] for page in pdf.pages for c in page.chars}
    assert used <= seen
    assert "Helvetica" not in seen


def test_unit_links_of_the_sample_were_made(reports):
    tree = reports[ReportKind.PLAN].tree
    linked = [task for task in tree.tasks if task.units]
    assert len(linked) >= 60 and units_in("Văn phòng Sở đôn đốc") == ["Văn phòng Sở"]
