"""Builds tests/data/v1_database.db: a database of schema version 1 (db/001 only) with data.

The committed file is what the first released program wrote; the migration test
opens a copy with the current program and checks every value below is there.
Regenerate only if db/001_initial.sql itself was wrong (it must never change):

    python tests/data/v1_database.py

Content: sample plan 000 (75 tasks, units linked from the lead/coordinate text),
three progress updates with evidence, a unit alias, app_meta untouched.
"""

from __future__ import annotations

import sqlite3
import sys
from datetime import date
from pathlib import Path

HERE = Path(__file__).resolve().parent
TESTS = HERE.parent
FIXTURE = HERE / "v1_database.db"
SAMPLE = "000_36db36a684822c51"

# (task number, period, status, percent, result, evidence number, evidence date)
PROGRESS = [
    ("1", "2025-Q1", "in_progress", 40, "Đã rà soát 12/30 văn bản quy phạm pháp luật.", "", None),
    ("1", "2025-Q2", "done", 100, "Hoàn thành rà soát; đề xuất sửa đổi 3 văn bản.", "125/BC-SXD", date(2025, 6, 20)),
    ("2", "2025-Q2", "not_done", None, "Chưa triển khai do chờ hướng dẫn của Bộ.", "", None),
]
UNIT_ALIAS = ("Văn phòng Sở", "VP Sở")
REPORTED_ON = date(2025, 6, 25)


def build(path: Path) -> None:
    sys.path[:0] = [str(TESTS), str(TESTS.parent)]
    from conftest import load_sample_json
    from sample_drafts import draft_from_sample, link_units

    from kehoach_desktop.domain.models import Evidence, ProgressUpdate
    from kehoach_desktop.domain.statuses import Status
    from kehoach_desktop.services import Services
    from kehoach_desktop.store import migrations

    first = migrations.available()[:1]
    migrations.available = lambda: first  # the program as it was at schema version 1
    draft = link_units(draft_from_sample(load_sample_json(SAMPLE)))
    for leftover in path.parent.glob(path.name + "*"):
        leftover.unlink()
    with Services.open(path) as services:
        assert services.store.schema_version == 1
        plan_id = services.plans.create(draft).value
        by_number: dict = {}
        for task in services.plans.tree(plan_id).tasks:  # the first task printed with each number
            by_number.setdefault(task.number, task)
        for number, period, status, percent, result, evidence_number, evidence_date in PROGRESS:
            evidence = [Evidence(doc_number=evidence_number, issued_on=evidence_date, summary=result)] \
                if evidence_number else []  # fmt: skip
            services.progress.record(ProgressUpdate(
                task_id=by_number[number].id, period=period, status=Status(status), percent=percent,
                result=result, reported_on=REPORTED_ON, evidence=evidence,
            ))  # fmt: skip
        unit_id = services.units.find(UNIT_ALIAS[0])
        services.units.set_aliases(unit_id, [UNIT_ALIAS[1]])
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("PRAGMA journal_mode = DELETE")  # one self-contained file
    conn.execute("VACUUM")
    conn.close()


if __name__ == "__main__":
    build(FIXTURE)
    print(FIXTURE, FIXTURE.stat().st_size)
