"""How long importing each sample plan takes, in each of its forms.

For every sample in ../shared/samples and every form (.txt, .docx, .xlsx) it
prints the median of several runs of:
- read: the file read and understood (sniff, reader, interpreter), nothing saved;
- import: read plus saving the plan into a fresh database (one transaction);
- open: python-docx / openpyxl merely opening the same file, and import ÷ open.

    python bench/bench_import.py [--runs N]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from kehoach_desktop.services import Services  # noqa: E402
from kehoach_desktop.services.imports import read_plan  # noqa: E402

SAMPLES = REPO.parent / "shared" / "samples"
FORMS = (".txt", ".docx", ".xlsx")


def median_seconds(action, runs: int) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        action()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def import_once(path: Path) -> None:
    with tempfile.TemporaryDirectory() as folder:
        with Services.open(Path(folder) / "bench.db") as services:
            services.imports.import_draft(services.imports.preview(path=path))


def open_only(path: Path):
    if path.suffix == ".docx":
        import docx

        return lambda: docx.Document(str(path))
    if path.suffix == ".xlsx":
        import openpyxl

        return lambda: openpyxl.load_workbook(path)
    return None


def empty_database_seconds(runs: int) -> float:
    def create() -> None:
        with tempfile.TemporaryDirectory() as folder:
            Services.open(Path(folder) / "bench.db").close()

    return median_seconds(create, runs)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    stems = sorted({path.stem for path in SAMPLES.glob("*.json") if not path.stem.endswith("_deadlines")})
    print(f"median of {args.runs} runs; a fresh empty database alone takes {empty_database_seconds(args.runs) * 1000:.1f} ms")
    print(f"{'sample':<24}{'form':<7}{'tasks':>6}{'read ms':>10}{'import ms':>11}{'open ms':>9}{'import/open':>13}")
    for stem in stems:
        for suffix in FORMS:
            path = SAMPLES / f"{stem}{suffix}"
            if not path.exists():
                continue
            tasks = read_plan(path=path).task_count()
            read_ms = median_seconds(lambda: read_plan(path=path), args.runs) * 1000
            import_ms = median_seconds(lambda: import_once(path), args.runs) * 1000
            opener = open_only(path)
            if opener:
                open_ms = median_seconds(opener, args.runs) * 1000
                ratio = f"{import_ms / open_ms:.1f}×"
                open_text = f"{open_ms:.1f}"
            else:
                open_text, ratio = "—", "—"
            print(f"{stem:<24}{suffix:<7}{tasks:>6}{read_ms:>10.1f}{import_ms:>11.1f}{open_text:>9}{ratio:>13}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
