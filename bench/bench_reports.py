"""How long each report takes (PDF, and the same report as .docx), for the largest sample plan and for a generated
plan of 500 tasks (some cells longer than a page).

For every report kind it prints the median of several runs of the whole job a
click starts: read the database (prepare) and lay out the PDF (render). For the
500-task plan it also measures a floor in the same run: reportlab drawing the
same appendix table bare (same cells, fonts and column widths, a plain grid,
repeated header row, split rows, no ND30 layout) and prints the plan report as
a multiple of it.

    python bench/bench_reports.py [--runs N]
"""

from __future__ import annotations

import argparse
import io
import statistics
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "tests"))

from reportlab.lib.pagesizes import A4, landscape  # noqa: E402
from reportlab.lib.styles import ParagraphStyle  # noqa: E402
from reportlab.lib.units import mm  # noqa: E402
from reportlab.platypus import LongTable, Paragraph, SimpleDocTemplate  # noqa: E402
from reports_support import (  # noqa: E402
    ATTENTION_DAY,
    LARGEST,
    REPORT_PERIOD,
    add_progress,
    fill_sample,
    generated_draft,
)

from kehoach_desktop.domain.periods import parse_period  # noqa: E402
from kehoach_desktop.reports import ReportKind, ReportRequest, render_docx, render_pdf  # noqa: E402
from kehoach_desktop.reports.fonts import register_fonts  # noqa: E402
from kehoach_desktop.reports.ke_hoach import plan_columns  # noqa: E402
from kehoach_desktop.reports.layout import column_widths  # noqa: E402
from kehoach_desktop.services import Services  # noqa: E402


def median_seconds(action, runs: int) -> tuple[float, object]:
    times, result = [], None
    for _ in range(runs):
        start = time.perf_counter()
        result = action()
        times.append(time.perf_counter() - start)
    return statistics.median(times), result


def page_count(pdf: bytes) -> int:
    return pdf.count(b"/Type /Page") - pdf.count(b"/Type /Pages")


def request(services: Services, kind: ReportKind, plan_id: int) -> ReportRequest:
    unit = None
    if kind.needs_unit:
        unit = services.reports.find_unit("Các phòng, đơn vị trực thuộc Sở").id
    period = parse_period(REPORT_PERIOD) if kind.needs_period else None
    return ReportRequest(kind, [plan_id], period=period, as_of=ATTENTION_DAY, unit_id=unit)


def bench_plan(services: Services, plan_id: int, label: str, runs: int) -> dict[ReportKind, float]:
    print(label)
    print(f"  {'report':<10} {'prepare':>9} {'render':>9} {'total':>9} {'pages':>6} {'.docx':>9}")
    totals = {}
    for kind in ReportKind:
        req = request(services, kind, plan_id)
        try:
            prepare, data = median_seconds(lambda: services.reports.prepare(req), runs)
        except Exception as exc:  # e.g. a unit with nothing to chase in a generated plan
            print(f"  {kind.value:<10} skipped: {exc}")
            continue
        render, pdf = median_seconds(lambda: render_pdf(data, prefer_system_font=False), runs)
        docx, _ = median_seconds(lambda: render_docx(data), runs)
        totals[kind] = prepare + render
        print(f"  {kind.value:<10} {prepare:8.3f}s {render:8.3f}s {prepare + render:8.3f}s {page_count(pdf):>6} {docx:8.3f}s")
    return totals


def bare_table(tree, plan_id: int) -> bytes:
    """The floor: the plan's appendix table drawn by reportlab alone."""
    family = register_fonts(prefer_system=False)
    plan = tree.plan_by_id[plan_id]
    pairs = plan_columns(plan, tree.tasks)
    cell = ParagraphStyle("cell", fontName=family.regular, fontSize=12, leading=13.8)
    head = ParagraphStyle("head", parent=cell, fontName=family.bold)
    rows = [[getattr(task, name) for name, _ in pairs] for _, task, _ in tree.plan_walk(plan_id)]
    width = landscape(A4)[0] - 45 * mm
    widths = column_widths([column for _, column in pairs], rows, width, True, family.regular)
    data = [[Paragraph(column.title, head) for _, column in pairs]]
    data += [[Paragraph(text.replace("\n", "<br/>"), cell) for text in row] for row in rows]
    table = LongTable(data, colWidths=widths, repeatRows=1, splitByRow=0, splitInRow=30)
    table.setStyle([("GRID", (0, 0), (-1, -1), 0.5, "black"), ("VALIGN", (0, 0), (-1, -1), "TOP")])
    buffer = io.BytesIO()
    SimpleDocTemplate(buffer, pagesize=landscape(A4), leftMargin=30 * mm, rightMargin=15 * mm,
                      topMargin=20 * mm, bottomMargin=20 * mm).build([table])  # fmt: skip
    return buffer.getvalue()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    register_fonts(prefer_system=False)  # registration is a one-off; keep it out of the timings
    with tempfile.TemporaryDirectory() as folder:
        with Services.open(Path(folder) / "bench.db") as services:
            sample = fill_sample(services, LARGEST)
            add_progress(services, sample)
            tasks = len(services.plans.tree(sample).tasks)
            bench_plan(services, sample, f"Largest sample {LARGEST} ({tasks} tasks)", args.runs)
            generated = services.plans.create(generated_draft(500)).value
            add_progress(services, generated)
            totals = bench_plan(services, generated, "Generated plan (500 tasks, long cells)", args.runs)
            tree = services.plans.tree(generated)
            floor, pdf = median_seconds(lambda: bare_table(tree, generated), args.runs)
    print(f"Floor: reportlab drawing the same 500-task table bare: {floor:.3f}s ({page_count(pdf)} pages)")
    print(f"ke-hoach (500 tasks) / floor: {totals[ReportKind.PLAN] / floor:.2f}x")
    if ReportKind.RESULTS in totals:
        print(f"bao-cao (500 tasks) / floor: {totals[ReportKind.RESULTS] / floor:.2f}x")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
