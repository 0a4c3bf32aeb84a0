"""How long the reporting round-trip takes on the largest sample plan.

The plan (000, 75 tasks) is saved with the units its lead/coordinate texts name
(as tests/test_forms.py does), optionally repeated `--scale` times to make a
bigger plan. Then, timed: the tracking table; the unit forms (one file per
unit, and one workbook); every form filled completely as a unit would (not
timed); reading them back (preview); applying (one transaction); the
"đã báo cáo / chưa báo cáo" view.

    python bench/bench_forms.py [--scale N]
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "tests"))

import openpyxl  # noqa: E402

from kehoach_desktop.exporters import unit_forms as form  # noqa: E402
from kehoach_desktop.services import Services  # noqa: E402
from sample_drafts import draft_from_sample  # noqa: E402
from test_forms import SAMPLE, names_in, walk  # noqa: E402
from conftest import load_sample_json  # noqa: E402

PERIOD = "2025-Q3"


def build(services: Services, scale: int) -> int:
    draft = draft_from_sample(load_sample_json(SAMPLE))
    sections = list(draft.sections)
    for copy in range(1, scale):
        fresh = draft_from_sample(load_sample_json(SAMPLE)).sections
        for section in fresh:
            section.ordinal = f"{section.ordinal}-{copy + 1}"
        sections.extend(fresh)
    draft.sections = sections
    for section in draft.all_sections():
        for task in walk(section.tasks):
            task.lead_units = names_in(task.lead_text)
            task.coordinate_units = [n for n in names_in(task.coordinate_text) if n not in task.lead_units]
    return services.plans.create(draft).value


def fill_all(path: Path) -> int:
    wb = openpyxl.load_workbook(path)
    rows = 0
    for ws in wb.worksheets:
        if ws.title == form.IDENTITY_SHEET:
            continue
        for row in range(1, ws.max_row + 1):
            key = ws.cell(row, form.KEY_COL).value
            if isinstance(key, str) and key.startswith("T"):
                ws.cell(row, form.STATUS_COL).value = "Đang thực hiện"
                ws.cell(row, form.PERCENT_COL).value = 50
                ws.cell(row, form.RESULT_COL).value = "Đã triển khai thực hiện theo kế hoạch; " * 5
                ws.cell(row, form.EVIDENCE_COL).value = "Số 12/BC-SXD ngày 05/6/2025 về kết quả thực hiện"
                rows += 1
    wb.save(path)
    return rows


def timed(label: str, action):
    start = time.perf_counter()
    result = action()
    print(f"{label:<48} {time.perf_counter() - start:8.2f} s")
    return result


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--scale", type=int, default=1, help="repeat the sample plan N times")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        with Services.open(root / "bench.db") as services:
            plan = build(services, args.scale)
            tasks = services.plans.list_plans()[0].task_count
            print(f"plan: {tasks} tasks ({SAMPLE} × {args.scale})")
            timed("tracking table (.xlsx)", lambda: services.forms.export_tracking_table(plan, PERIOD, root / "t.xlsx"))
            paths = timed("forms, one file per unit", lambda: services.forms.export_forms(plan, PERIOD, root / "f"))
            timed("forms, one workbook", lambda: services.forms.export_forms(plan, PERIOD, root / "w", True))
            rows = sum(fill_all(path) for path in paths)
            print(f"filled: {len(paths)} files, {rows} rows")
            preview = timed("read back and preview (all files)", lambda: services.forms.preview_import(paths, plan, PERIOD))
            print(f"  new {len(preview.new)}, conflicts {len(preview.conflicts)}, errors {len(preview.errors)}")
            timed("apply (one transaction)", lambda: services.forms.apply(preview, accept_conflicts=True))
            timed("reporting status", lambda: services.forms.reporting_status(plan, PERIOD))
            again = timed("preview again (all unchanged)", lambda: services.forms.preview_import(paths, plan, PERIOD))
            print(f"  unchanged {len(again.unchanged)}")


if __name__ == "__main__":
    main()
