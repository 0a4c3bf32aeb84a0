"""A database written by the first schema version opens in the current program with
all its data: tests/data/v1_database.db (built by tests/data/v1_database.py with
db/001 only, and committed, so a later change to an old migration is caught too)."""

from __future__ import annotations

import importlib.util
import json
import shutil
import sqlite3
from pathlib import Path

import pytest

from conftest import DATA, load_sample_json
from kehoach_desktop.cli.main import main
from kehoach_desktop.domain.models import Role
from kehoach_desktop.domain.text import tidy
from kehoach_desktop.services import Services
from kehoach_desktop.services.backups import restore
from kehoach_desktop.store import backup as files
from kehoach_desktop.store.database import integrity_report
from kehoach_desktop.store.migrations import available, latest_version

FIXTURE = DATA / "v1_database.db"
ITEM_FIELDS = ("number", "content", "schedule", "lead", "coordinate", "output", "note")


def _builder():
    spec = importlib.util.spec_from_file_location("v1_database", DATA / "v1_database.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


V1 = _builder()


@pytest.fixture
def v1_copy(tmp_path) -> Path:
    path = tmp_path / "kehoach.db"
    shutil.copyfile(FIXTURE, path)
    return path


def test_the_fixture_is_a_version_1_file_with_only_the_first_schema():
    conn = sqlite3.connect(f"{FIXTURE.resolve().as_uri()}?mode=ro&immutable=1", uri=True)
    try:
        assert conn.execute("PRAGMA user_version").fetchone()[0] == 1
        tables = {row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    finally:
        conn.close()
    first_schema = available()[0].path.read_text(encoding="utf-8")
    assert tables == {name for name in tables if f"CREATE TABLE {name} " in first_schema}
    assert latest_version() > 1  # there is something to migrate


def test_a_version_1_database_opens_with_all_its_data(v1_copy, tmp_path, capsys):
    original = v1_copy.read_bytes()
    with Services.open(v1_copy) as services:
        assert services.store.schema_version == latest_version()
        [plan] = services.plans.list_plans()
        tree = services.plans.tree(plan.id)
        assert plan.task_count == len(tree.tasks) == 75
        first_with_number = {}
        for task in tree.tasks:
            first_with_number.setdefault(task.number, task)
        for number, period, status, percent, result, evidence_number, evidence_date in V1.PROGRESS:
            task = first_with_number[number]
            [update] = [u for u in services.progress.history(task.id) if u.period == period]
            assert (update.status.value, update.percent, update.result) == (status, percent, result)
            assert update.reported_on == V1.REPORTED_ON
            if evidence_number:
                [evidence] = update.evidence
                assert (evidence.doc_number, evidence.issued_on) == (evidence_number, evidence_date)
        done = first_with_number["1"]
        assert (done.status.value, done.completed_on, done.result) == ("done", V1.REPORTED_ON, V1.PROGRESS[1][4])
        assert first_with_number["2"].status.value == "not_done"
        assert services.units.find(V1.UNIT_ALIAS[1]) == services.units.find(V1.UNIT_ALIAS[0])
        linked = [t for t in tree.tasks if "Văn phòng Sở" in t.unit_names(Role.LEAD)]
        assert linked and all("Văn phòng Sở" in t.lead_text or "Văn phòng sở" in t.lead_text for t in linked)
        plan_id = plan.id
        services.units.create("Phòng mới")  # and the upgraded file takes new writes
    # Every printed field of every task, against the sample's hand-checked JSON.
    out = tmp_path / "plan.json"
    assert main(["export", "json", "--plan", str(plan_id), "--db", str(v1_copy), "-o", str(out)]) == 0
    exported = json.loads(out.read_text(encoding="utf-8"))
    sample = load_sample_json(V1.SAMPLE)
    assert exported["plan"]["title"] == tidy(sample["plan"]["title"])
    got = [(s["ordinal"], item[key]) for s in exported["sections"] for item in s["items"] for key in ITEM_FIELDS]
    want = [(s["ordinal"], tidy(item[key])) for s in sample["sections"] for item in s["items"] for key in ITEM_FIELDS]
    assert got == want
    assert integrity_report(v1_copy) == []
    # The file as it was is kept aside, unchanged in content.
    [aside] = files.automatic_backups(v1_copy)
    assert aside.name.startswith("kehoach-truoc-nang-cap-v1-")
    copy = sqlite3.connect(f"{aside.resolve().as_uri()}?mode=ro&immutable=1", uri=True)
    try:
        assert copy.execute("PRAGMA user_version").fetchone()[0] == 1
        assert copy.execute("SELECT count(*) FROM task").fetchone()[0] == 75
        assert "report_header" not in {r[0] for r in copy.execute("SELECT name FROM sqlite_master")}
    finally:
        copy.close()
    assert FIXTURE.read_bytes() == original  # the committed fixture itself is never touched


def test_restoring_a_backup_made_by_version_1_migrates_it(db_path):
    with Services.open(db_path) as services:
        services.units.create("Đơn vị sẽ được thay")
    outcome = restore(db_path, FIXTURE)
    assert outcome.aside is not None
    with Services.open(db_path) as services:
        assert services.store.schema_version == latest_version()
        assert [p.task_count for p in services.plans.list_plans()] == [75]
        assert services.units.find("Đơn vị sẽ được thay") is None
    kinds = sorted(files.parse_automatic(p, db_path).kind for p in files.automatic_backups(db_path))
    assert kinds == ["truoc-khoi-phuc", "truoc-nang-cap-v1"]

