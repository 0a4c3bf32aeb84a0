"""How much the journal of changes (Lịch sử thay đổi) grows in a simulated year of
daily use, against the size of the data it records.

The year: the largest sample plan (75 tasks) imported twice (two plans); every
working day (250) the officer edits 20 task fields and records 4 progress
answers; each month 13 units send forms answering on every task they hold
(modelled as one answer per task per unit, 75 × 13 a month, written as the
forms service does: inserts plus the task's status and result); undo of 2 edits
a day. The figure printed is the journal's own pages in the file (dbstat), and
the file's size with and without the journal.

    python bench/bench_journal.py [--days 250]
"""

from __future__ import annotations

import argparse
import random
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from kehoach_desktop.domain.models import ProgressUpdate  # noqa: E402
from kehoach_desktop.domain.statuses import Status  # noqa: E402
from kehoach_desktop.services import Services  # noqa: E402

SAMPLE = Path("/work/shared/samples/000_36db36a684822c51.docx")
FIELDS = ("content", "note", "output", "target", "result", "schedule_text")
UNITS = 13


def simulate(services: Services, days: int, rng: random.Random) -> None:
    sample = SAMPLE if SAMPLE.exists() else REPO.parent / "shared/samples/000_36db36a684822c51.docx"
    for _ in range(2):
        draft = services.imports.preview(sample)
        services.imports.import_draft(draft, allow_duplicate=True)
    tasks = [t for plan in services.plans.list_plans() for t in services.plans.tree([plan.id]).tasks]
    day = date(2025, 1, 2)
    for number in range(days):
        for _ in range(20):
            task = rng.choice(tasks)
            field = rng.choice(FIELDS)
            edited = services.tasks.edit(task.id, {field: f"{getattr(task, field)} (sửa {number})"}, None, None)
            if rng.random() < 0.1:
                with services.store.acting_as("undo", "Sửa nhiệm vụ"):
                    services.undo.put_back(edited.undo)
        for _ in range(4):
            services.progress.record(ProgressUpdate(task_id=rng.choice(tasks).id, period=f"{day.year}-{day.month:02d}",
                                                    status=Status.IN_PROGRESS, result="Đang thực hiện theo kế hoạch"))
        if number % 21 == 20:  # a month of forms
            with services.store.acting_as("form", "13 đơn vị"):
                for task in tasks[:75]:
                    for _unit in range(UNITS):
                        services.progress.record(ProgressUpdate(task_id=task.id, period=f"{day.year}-{day.month:02d}",
                                                                status=Status.IN_PROGRESS, percent=50,
                                                                result="Đã triển khai, đang tổng hợp kết quả"))
        day += timedelta(days=1)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--days", type=int, default=250)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "nam.db"
        start = time.perf_counter()
        with Services.open(path) as services:
            simulate(services, args.days, random.Random(7))
            entries = services.store.conn.execute("SELECT count(*) FROM task_journal").fetchone()[0]
            journal = services.history.size_bytes()
            services.store.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        size = path.stat().st_size
        elapsed = time.perf_counter() - start
        print(f"Simulated {args.days} working days in {elapsed:.1f} s.")
        print(f"Journal: {entries} entries, {journal / 1e6:.2f} MB in the file "
              f"({journal / max(size, 1):.0%} of the {size / 1e6:.2f} MB database).")  # fmt: skip


if __name__ == "__main__":
    main()
