"""Every report's .docx, converted to PDF by LibreOffice, passes the same ND30
layout checks as the program's own PDFs (tests/test_reports_pdf.py): the checks
are imported here and run on the converted files. Skipped where `soffice` is
absent."""

from __future__ import annotations

import shutil
import subprocess

import pytest
from reports_support import ATTENTION_DAY, REPORT_PERIOD, add_progress, fill_sample
from test_reports_pdf import Made

from kehoach_desktop.domain.periods import parse_period
from kehoach_desktop.reports import ReportKind, ReportRequest
from kehoach_desktop.services import Services

SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")
pytestmark = pytest.mark.skipif(SOFFICE is None, reason="LibreOffice (soffice) is not installed")


@pytest.fixture(scope="module")
def reports(tmp_path_factory) -> dict[ReportKind, Made]:
    folder = tmp_path_factory.mktemp("docx")
    made = {}
    with Services.open(folder / "kehoach.db") as services:
        plan_id = fill_sample(services)
        add_progress(services, plan_id)
        office = services.reports.find_unit("Các phòng, đơn vị trực thuộc Sở").id
        for kind in ReportKind:
            request = ReportRequest(kind, [plan_id], period=parse_period(REPORT_PERIOD) if kind.needs_period else None,
                                    as_of=ATTENTION_DAY, unit_id=office if kind.needs_unit else None)  # fmt: skip
            services.reports.make_file(request, folder / f"{kind.value}.docx")
        tree = services.plans.tree(plan_id)
    profile = folder / "lo-profile"
    subprocess.run(
        [SOFFICE, f"-env:UserInstallation=file://{profile}", "--headless", "--convert-to", "pdf", "--outdir",
         str(folder), *[str(folder / f"{kind.value}.docx") for kind in ReportKind]],
        check=True, capture_output=True, timeout=300,
    )  # fmt: skip
    for kind in ReportKind:
        made[kind] = Made(kind, folder / f"{kind.value}.pdf", tree)
    yield made
    for item in made.values():
        if item.pdf is not None:
            item.pdf.close()


from test_reports_pdf import (  # noqa: E402,F401  (the same checks, on LibreOffice's PDFs)
    test_all_text_is_inside_the_margins_except_the_page_number,
    test_appendix_header_row_is_repeated_on_every_page,
    test_every_task_in_the_appendix_exactly_once_in_order_with_its_text_intact,
    test_noi_nhan_bold_italic_12_level_with_the_signer_and_list_11_ending_luu,
    test_page_numbers_from_page_2_restarting_in_the_appendix,
    test_pages_are_a4_portrait_then_landscape_for_the_appendix,
    test_plan_appendix_keeps_the_plans_own_columns,
    test_quoc_hieu_and_tieu_ngu_exact_bold_with_their_sizes,
    test_reminder_is_a_cong_van_with_vv_and_kinh_gui,
    test_results_report_counts_add_up_and_list_the_overdue_tasks,
    test_rule_under_the_issuer_is_a_third_to_a_half_of_its_name,
    test_rule_under_tieu_ngu_is_as_long_as_its_line,
    test_signature_block_keeps_the_title_with_the_name,
    test_so_and_place_date_share_one_line_with_blanks_left_for_the_van_thu,
    test_type_name_and_trich_yeu_with_its_rule,
    test_attention_list_groups_by_unit_with_days,
    test_every_font_is_embedded,
)
