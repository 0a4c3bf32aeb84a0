"""How fast, and in how little memory, each hostile input of issue 14 is refused.

Every file of tests/hostile_files.py (plans and unit forms) goes through the
command line (`import FILE --dry-run`, `forms import FILE`) in a child process
under a 2 GB address-space limit, which reports its wall time and its peak
resident memory. The floor, measured in the same run: the same child importing
the normal sample plan (.docx). The aim (issue 14): every refusal under 2 s and
under 200 MB above that floor.

`--before` also runs each file with importers/limits.py switched off (what the
program did before it), each under a 120 s guard: expect minutes and gigabytes.

    python bench/bench_hostile.py [--before]
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import textwrap
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(REPO), str(REPO / "tests")]

import hostile_files  # noqa: E402
from conftest import load_sample_json, sample_file  # noqa: E402
from sample_drafts import draft_from_sample, link_units  # noqa: E402

from kehoach_desktop.services import Services  # noqa: E402

LIMIT = 2 << 30
GUARD_S = 120
AIM_S, AIM_MB = 2.0, 200

CHILD = textwrap.dedent(
    """
    import contextlib, io, json, resource, sys, time
    resource.setrlimit(resource.RLIMIT_AS, ({limit}, {limit}))
    if {before}:
        from kehoach_desktop.importers import limits
        limits.check_package = lambda *args: None
        limits.check_text = lambda *args: None
    from kehoach_desktop.cli.main import main
    started = time.perf_counter()
    with contextlib.redirect_stdout(io.StringIO()) as out, contextlib.redirect_stderr(io.StringIO()) as err:
        try:
            code = main(sys.argv[1:])
        except MemoryError:
            code = "MemoryError"
    took = time.perf_counter() - started
    peak = next(int(l.split()[1]) for l in open("/proc/self/status") if l.startswith("VmHWM:"))
    message = (err.getvalue() + out.getvalue()).strip().splitlines()
    print(json.dumps({{"code": code, "seconds": took, "peak_mb": peak / 1024,
                      "message": next((l for l in message if "Lỗi" in l or "Không" in l), "")[:110]}}))
    """
)


def measure(argv: list[str], before: bool = False) -> dict:
    script = CHILD.format(limit=LIMIT, before=before)
    try:
        result = subprocess.run([sys.executable, "-c", script, *argv], capture_output=True, text=True,
                                timeout=GUARD_S, cwd=REPO)  # fmt: skip
    except subprocess.TimeoutExpired:
        return {"code": "timeout", "seconds": GUARD_S, "peak_mb": float("nan"), "message": f"> {GUARD_S} s"}
    lines = result.stdout.strip().splitlines()
    if result.returncode not in (0, 1, 2) or not lines:
        return {"code": f"died {result.returncode}", "seconds": float("nan"), "peak_mb": float("nan"),
                "message": result.stderr.strip().splitlines()[-1][:110] if result.stderr.strip() else ""}  # fmt: skip
    return json.loads(lines[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--before", action="store_true", help="also run each file without the limits")
    args = parser.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="kehoach-hostile-"))
    db = folder / "kehoach.db"
    with Services.open(db) as services:
        plan = services.plans.create(link_units(draft_from_sample(load_sample_json(hostile_files.SAMPLE))))
        [form, *_] = services.forms.export_forms(plan, "2025-Q3", folder / "mau")
    made = {name: (path, "import") for name, (path, _words) in hostile_files.make_plans(folder / "plans").items()}
    made |= {name: (path, "forms") for name, (path, _w) in hostile_files.make_forms(folder / "forms", Path(form)).items()}
    floor = measure(["import", str(sample_file(hostile_files.SAMPLE, ".docx")), "--dry-run"])
    print(f"Floor: importing the sample plan (.docx, dry run): {floor['seconds']:.2f} s, {floor['peak_mb']:.0f} MB")
    print(f"{'file':28} {'size':>8} | {'exit':>4} {'time':>7} {'above floor':>11} | message")
    worst_time = worst_memory = 0.0
    for name, (path, how) in made.items():
        argv = ["import", str(path), "--dry-run"] if how == "import" else ["forms", "import", str(path), "--db", str(db)]
        result = measure(argv)
        above = result["peak_mb"] - floor["peak_mb"]
        worst_time, worst_memory = max(worst_time, result["seconds"]), max(worst_memory, above)
        print(f"{name:28} {path.stat().st_size // 1024:>6}kB | {result['code']!s:>4} {result['seconds']:>6.2f}s "
              f"{above:>9.0f}MB | {result['message']}")  # fmt: skip
        if args.before:
            old = measure(argv, before=True)
            print(f"{'  without the limits':28} {'':>8} | {old['code']!s:>4} {old['seconds']:>6.2f}s "
                  f"{old['peak_mb'] - floor['peak_mb']:>9.0f}MB | {old['message']}")  # fmt: skip
    verdict = "within" if worst_time < AIM_S and worst_memory < AIM_MB else "OUTSIDE"
    print(f"Slowest refusal {worst_time:.2f} s, most memory {worst_memory:.0f} MB above the floor: {verdict} the aim "
          f"({AIM_S:.0f} s, {AIM_MB} MB).")  # fmt: skip


if __name__ == "__main__":
    main()
