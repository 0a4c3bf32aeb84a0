"""A generated plan of 500 tasks, some with a cell longer than a whole page: the
appendix splits such cells across pages (never cuts them) and still holds every
task exactly once."""

from __future__ import annotations

import pdfplumber
import pytest
from reports_support import generated_draft
from test_reports_pdf import MARGINS, appendix_start, column_stream, header_cells, page_number, squeeze

from kehoach_desktop.reports import ReportKind, ReportRequest
from kehoach_desktop.services import Services


@pytest.fixture(scope="module")
def long_plan(tmp_path_factory):
    folder = tmp_path_factory.mktemp("long")
    with Services.open(folder / "kehoach.db") as services:
        plan_id = services.plans.create(generated_draft(500)).value
        path = folder / "ke-hoach.pdf"
        services.reports.make_pdf(ReportRequest(ReportKind.PLAN, [plan_id]), path, prefer_system_font=False)
        tree = services.plans.tree(plan_id)
    with pdfplumber.open(path) as pdf:
        start = appendix_start(pdf)
        pages = pdf.pages[start:]
        texts = [squeeze(column_stream([page], 1)) for page in pages]  # the task column, page by page
        yield tree, pdf, pages, texts


def test_every_one_of_500_tasks_is_in_the_appendix_once_in_order(long_plan):
    tree, _, _, texts = long_plan
    contents = [task.content for _, task, _ in tree.plan_walk(tree.plans[0].id)]
    assert len(contents) == 500
    assert "".join(texts) == "".join(squeeze(content) for content in contents)


def test_a_cell_longer_than_a_page_continues_over_several_pages(long_plan):
    tree, _, _, texts = long_plan
    long_task = next(task for task in tree.tasks if task.content.startswith("Nhiệm vụ số 7: "))
    assert len(long_task.content) > 7000
    first = next(index for index, text in enumerate(texts) if "Nhiệmvụsố7:" in text)
    after = next(index for index, text in enumerate(texts) if "Nhiệmvụsố8:" in text)
    # It starts on one page, fills at least one whole page, and task 8 follows it:
    # the text is carried over, not cut at the foot of the page.
    assert after - first >= 2
    assert set(texts[first + 1]) <= set(squeeze(long_task.content))
    assert squeeze(long_task.content) in "".join(texts[first : after + 1])


def test_long_appendix_pages_are_landscape_numbered_and_inside_the_margins(long_plan):
    _, _, pages, _ = long_plan
    assert len(pages) > 100
    assert [page_number(page) for page in pages] == [""] + [str(n) for n in range(2, len(pages) + 1)]
    headers = {tuple(header_cells(page)) for page in pages}
    assert headers == {("TT", "Nhiệm vụ", "Tiến độ", "Đơn vị chủ trì", "Đơn vị phối hợp", "Kết quả/sản phẩm")}
    for page in pages:
        assert page.width > page.height
        for char in page.chars:
            assert MARGINS.left - 0.6 <= char["x0"] and char["x1"] <= page.width - MARGINS.right + 0.6
            assert char["bottom"] <= page.height - MARGINS.bottom + 0.6
