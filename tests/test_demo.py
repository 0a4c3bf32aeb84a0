"""The demo database: the shipped sample plan, imported, with work under way."""

from __future__ import annotations

from collections import Counter
from datetime import date

import pytest

from kehoach_desktop.domain.judgement import Timeliness, judge
from kehoach_desktop.services import Services, ServiceError
from kehoach_desktop.services.demo import build_demo_database, demo_plan_path


@pytest.mark.parametrize("today", [date(2026, 11, 22), date(2026, 3, 10), date(2027, 9, 1)])
def test_demo_plan_is_lived_in_as_of_today(tmp_path, today):
    path = tmp_path / "demo.db"
    plan_id = build_demo_database(path, today=today)
    with Services.open(path) as services:
        tree = services.plans.tree(plan_id)
        plan = tree.plan_by_id[plan_id]
        tasks = [task for _, task, _ in tree.plan_walk(plan_id)]
        standing = Counter(judge(t.deadline, t.status, t.completed_on, today) for t in tasks)
        assert len(tasks) == 75 and plan.year in (today.year, today.year - 1)
        assert f"năm {plan.year}" in plan.title
        for kind in (Timeliness.DONE_ON_TIME, Timeliness.DONE_LATE, Timeliness.OVERDUE):
            assert standing[kind] >= 1, kind
        assert standing[Timeliness.DONE_ON_TIME] > standing[Timeliness.OVERDUE]  # mostly on track
        reported = [t for t in tasks if services.progress.history(t.id)]
        assert all(u.reported_on <= today for t in reported for u in services.progress.history(t.id))
        assert any(services.progress.evidence(t.id) for t in reported)
        assert {"Văn phòng Sở", "Phòng Kế hoạch – Tài chính"} <= {u.name for u in services.units.list_units()}


def test_demo_ships_the_sample_plan_and_never_overwrites(tmp_path):
    assert demo_plan_path().read_bytes()[:2] == b"PK"
    path = tmp_path / "mine.db"
    path.write_bytes(b"my data")
    with pytest.raises(ServiceError, match="đã có"):
        build_demo_database(path)
    assert path.read_bytes() == b"my data"
