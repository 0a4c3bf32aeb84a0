"""Fuzz (issue 14): a few hundred seeded mutations of the real inputs — the sample plan
as .docx, .xlsx and text, and a unit form — each through the command line.

Every one ends in exit 0 (the mutation left a readable file) or exit 2 with a
Vietnamese message; never a traceback, never exit 1; a refused one leaves the
database folder byte-identical. All run in one child process under an
address-space limit, whose peak resident memory must stay within 200 MB of its
own use after a normal import; a generous guard per case catches a hang (time is
measured by bench/bench_hostile.py, not asserted here).

More cases: KEHOACH_FUZZ_CASES=1000 pytest tests/test_fuzz.py (per kind).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from conftest import load_sample_json, sample_file
from sample_drafts import draft_from_sample, link_units
from kehoach_desktop.services import Services

REPO = Path(__file__).resolve().parents[1]
SAMPLE = "004_38c702dbea58b40f"
SEED = 20250714
PER_KIND = int(os.environ.get("KEHOACH_FUZZ_CASES", "75"))
ADDRESS_SPACE = 2048 << 20
ABOVE_OWN_USE_KB = 200 * 1024
CASE_GUARD_S = 30

CHILD = textwrap.dedent(
    """
    import contextlib, io, json, resource, sys
    resource.setrlimit(resource.RLIMIT_AS, ({limit}, {limit}))
    sys.path[:0] = [{tests!r}, {repo!r}]
    import fuzz_inputs
    from kehoach_desktop.cli.main import main

    def peak_kb():
        with open("/proc/self/status") as status:
            return next(int(line.split()[1]) for line in status if line.startswith("VmHWM:"))

    args = json.loads(sys.argv[1])
    with contextlib.redirect_stdout(io.StringIO()):
        assert main(["import", args["normal"], "--dry-run"]) == 0
    print(json.dumps({{"own_use_kb": peak_kb()}}), flush=True)
    fuzz_inputs.run(args["seed"], {{k: fuzz_inputs.Path(v) for k, v in args["sources"].items()}}, args["counts"],
                    fuzz_inputs.Path(args["folder"]), fuzz_inputs.Path(args["db"]))
    print(json.dumps({{"peak_kb": peak_kb()}}), flush=True)
    """
)


@pytest.mark.skipif(sys.platform == "win32", reason="resource limits and /proc are POSIX/Linux")
def test_mutated_inputs_end_in_exit_0_or_a_message(tmp_path):
    db = tmp_path / "du-lieu" / "kehoach.db"
    with Services.open(db) as services:
        plan = services.plans.create(link_units(draft_from_sample(load_sample_json(SAMPLE)))).value
        [form, *_] = services.forms.export_forms(plan, "2025-Q3", tmp_path / "mau")
    text = tmp_path / "ke-hoach.txt"
    text.write_bytes(sample_file(SAMPLE, ".txt").read_bytes())
    sources = {"docx": sample_file(SAMPLE, ".docx"), "xlsx": sample_file(SAMPLE, ".xlsx"), "form": Path(form),
               "text": text}  # fmt: skip
    counts = {"docx": PER_KIND, "xlsx": PER_KIND, "form": PER_KIND, "text": PER_KIND // 3}
    arguments = {"seed": SEED, "sources": {k: str(v) for k, v in sources.items()}, "counts": counts,
                 "folder": str(tmp_path / "fuzz"), "db": str(db), "normal": str(sources["docx"])}  # fmt: skip
    script = CHILD.format(limit=ADDRESS_SPACE, tests=str(REPO / "tests"), repo=str(REPO))
    total = sum(counts.values())
    child = subprocess.run(
        [sys.executable, "-c", script, json.dumps(arguments)],
        capture_output=True, text=True, timeout=CASE_GUARD_S * total, cwd=REPO,
    )  # fmt: skip
    assert child.returncode == 0, child.stderr[-3000:]
    assert "Traceback" not in child.stderr, child.stderr[-3000:]  # nothing escaped to the terminal
    lines = [json.loads(line) for line in child.stdout.splitlines()]
    own_use, *results, peak = lines
    assert len(results) == total
    codes: dict = {}
    for result in results:
        code, out, err = result["code"], result["out"], result["err"]
        codes[code] = codes.get(code, 0) + 1
        assert code in (0, 2), result
        assert "Traceback" not in out + err, result
        assert result["seconds"] < CASE_GUARD_S, result
        if code == 2:
            message = err.strip().splitlines()[0] if err.strip() else ""
            assert message.startswith("Lỗi: ") and len(message) > 20, result
            assert result["unchanged"], result  # a refused input changes nothing
    assert codes.get(2, 0) >= total // 4 and codes.get(0, 0) >= 1, codes  # the mutations did bite, and not all
    assert peak["peak_kb"] - own_use["own_use_kb"] < ABOVE_OWN_USE_KB, (peak, own_use)
