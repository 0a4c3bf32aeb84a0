"""Hostile inputs (issue 14): every one refused with exit 2 and a message naming the
limit, in bounded memory, before python-docx or openpyxl builds it; nothing written.

Each file goes through the command line in a child process under an address-space
limit, which reports its own peak resident memory; the peak must stay within
200 MB of the same child importing a normal plan. Time is measured by
bench/bench_hostile.py (each refusal well under 2 s); here a generous guard only
catches a hang.
"""

from __future__ import annotations

import hashlib
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

import hostile_files
from conftest import load_sample_json, sample_file
from sample_drafts import draft_from_sample, link_units
from kehoach_desktop.importers import limits
from kehoach_desktop.services import Services

REPO = Path(__file__).resolve().parents[1]
ADDRESS_SPACE = 1536 << 20
ABOVE_OWN_USE_KB = 200 * 1024
HANG_GUARD_S = 120

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="resource limits and /proc are POSIX/Linux")

LIMITED_CLI = textwrap.dedent(
    """
    import resource, sys
    resource.setrlimit(resource.RLIMIT_AS, ({limit}, {limit}))
    from kehoach_desktop.cli.main import main

    def peak_kb():
        with open("/proc/self/status") as status:
            return next(int(line.split()[1]) for line in status if line.startswith("VmHWM:"))

    try:
        code = main(sys.argv[1:])
    finally:
        print("peak-kb", peak_kb(), file=sys.stderr, flush=True)
    sys.exit(code)
    """
)


def run_cli(*argv, stdin: bytes | None = None) -> tuple[int, str, str, int]:
    """(exit status, stdout, stderr without the peak line, peak kB)."""
    result = subprocess.run(
        [sys.executable, "-c", LIMITED_CLI.format(limit=ADDRESS_SPACE), *map(str, argv)],
        input=stdin, capture_output=True, timeout=HANG_GUARD_S, cwd=REPO,
    )  # fmt: skip
    err = result.stderr.decode("utf-8", errors="replace").strip().splitlines()
    peak = int(err[-1].split()[1])
    return result.returncode, result.stdout.decode("utf-8", errors="replace"), "\n".join(err[:-1]), peak


def snapshot(folder: Path) -> dict[str, str]:
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() if p.is_file() else "/" for p in sorted(folder.iterdir())}


@pytest.fixture(scope="module")
def database(tmp_path_factory) -> Path:
    """A closed database with sample 004, its units linked (forms can be made)."""
    path = tmp_path_factory.mktemp("db") / "kehoach.db"
    with Services.open(path) as services:
        services.plans.create(link_units(draft_from_sample(load_sample_json(hostile_files.SAMPLE))))
    return path


@pytest.fixture(scope="module")
def own_use_kb(database) -> int:
    """The peak of the same child importing a normal plan (dry run): the program's own use."""
    code, _out, err, peak = run_cli("import", sample_file(hostile_files.SAMPLE, ".docx"), "--dry-run")
    assert code == 0, err
    return peak


@pytest.fixture(scope="module")
def plans(tmp_path_factory) -> dict[str, tuple[Path, str]]:
    return hostile_files.make_plans(tmp_path_factory.mktemp("hostile"))


@pytest.fixture(scope="module")
def forms(tmp_path_factory, database) -> dict[str, tuple[Path, str]]:
    folder = tmp_path_factory.mktemp("forms")
    with Services.open(database) as services:
        [plan] = services.plans.list_plans()
        [form, *_] = services.forms.export_forms(plan.id, "2025-Q3", folder / "mau")
    return hostile_files.make_forms(folder / "hostile", Path(form))


@pytest.mark.parametrize("name", sorted(hostile_files.PLANS))
def test_a_hostile_plan_is_refused_naming_the_limit(name, plans, database, own_use_kb):
    path, words = plans[name]
    before = snapshot(database.parent)
    code, out, err, peak = run_cli("import", path, "--db", database)
    assert code == 2, err
    assert err.startswith(f"Lỗi: Không nhập được tệp «{name}»: "), err
    assert words in err, err
    assert "Traceback" not in err and out == ""
    assert peak - own_use_kb < ABOVE_OWN_USE_KB, f"{name}: {peak // 1024} MB, own use {own_use_kb // 1024} MB"
    assert snapshot(database.parent) == before  # the database untouched, nothing beside it


@pytest.mark.parametrize("name", sorted(hostile_files.FORMS))
def test_a_hostile_unit_form_is_refused_naming_the_limit(name, forms, database, own_use_kb):
    path, words = forms[name]
    before = snapshot(database.parent)
    code, out, err, peak = run_cli("forms", "import", path, "--db", database)
    assert code == 2, err
    assert f"Không đọc được tệp «{name}»: " in out and words in out, out
    assert "Chưa nhập gì" in err and "Traceback" not in err + out
    assert peak - own_use_kb < ABOVE_OWN_USE_KB, f"{name}: {peak // 1024} MB"
    assert snapshot(database.parent) == before


def test_pasted_text_beyond_the_limits_is_refused(database):
    code, out, err, _peak = run_cli("import", "-", "--db", database, stdin=hostile_files.text_many_lines())
    assert code == 2 and "150.001 dòng (tối đa 100.000 dòng)" in err and out == ""


def test_every_real_sample_is_within_the_limits():
    """The limits are far from what offices send: every sample plan passes."""
    samples = Path(sample_file(hostile_files.SAMPLE, ".docx")).parent
    found = sorted(samples.glob("*.docx")) + sorted(samples.glob("*.xlsx"))
    found += sorted(samples.glob("more*/*.docx")) + sorted(samples.glob("more*/*.xlsx"))
    assert len(found) >= 6
    for path in found:
        limits.check_package(path, path.suffix[1:])
    for path in sorted(samples.glob("*.txt")):
        limits.check_text(path.read_text(encoding="utf-8"), path.name)


def test_the_limits_are_in_the_readme():
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    for number in (limits.MAX_ROWS, limits.MAX_CELLS, limits.MAX_MERGED_CELLS, limits.MAX_CELL_TEXT):
        assert f"{number:,}".replace(",", ".") in readme
    assert f"{limits.MAX_COLUMNS} cột" in readme
