"""How long importing each sample plan takes, in each of its forms.

For every sample in ../shared/samples (and with --all, more*/ too) and every
form (.txt, .docx, .xlsx, .pdf) it prints the median of several runs of:
- read: the file read and understood (sniff, reader, interpreter), nothing saved;
- import: what the officer waits for after picking the file: read plus saving
  the plan (the automatic backup check, the duplicate check, one transaction)
  into the open database. Each run gets a new empty database, opened before the
  clock starts and closed after it stops: opening the database is not part of
  an import (the window has it open), and is printed on its own;
- open: python-docx / openpyxl merely opening the same file
  (docx.Document(path), openpyxl.load_workbook(path): the plain library open;
  for a PDF, PDFium opening it and loading each page's text), and import ÷ open.

Then, for every plan that has both, its PDF against its .docx (read and import
times, and their ratio), and the largest ratio among the plans of 15-25 pages:
the aim is that a 20-page plan's PDF imports in under 3× its .docx.

Fair to both sides: the file is read once before timing (so both find it in
the OS cache), the import and the library open take turns run by run (a busy
machine slows both alike), gc.collect() runs before every timed run, and the
importers' memo caches are emptied before every import run, so each one reads
its file as the first import after starting the program does.

    python bench/bench_import.py [--runs N] [--all]
"""

from __future__ import annotations

import argparse
import gc
import statistics
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from kehoach_desktop.services import Services  # noqa: E402
from kehoach_desktop.services.imports import read_plan  # noqa: E402

# ../shared/samples beside the checkout, or beside the folder of worktrees.
SAMPLES = next(
    (p for p in (REPO.parent / "shared" / "samples", REPO.parent.parent / "shared" / "samples") if p.is_dir()),
    REPO.parent / "shared" / "samples",
)
FORMS = (".txt", ".docx", ".xlsx", ".pdf")
TWENTY_PAGES = range(15, 26)  # the plans the PDF ÷ .docx aim is read on
PDF_AIM = 3.0


def timed(action, before=None) -> float:
    """Seconds `action()` takes; `before()` runs first, off the clock."""
    if before is not None:
        before()
    gc.collect()
    start = time.perf_counter()
    action()
    return time.perf_counter() - start


def clear_importer_caches() -> None:
    """Empty every memo cache of the importers (functools caches, tidy_text)."""
    for name, module in list(sys.modules.items()):
        if name.startswith("kehoach_desktop.importers") and module is not None:
            for value in vars(module).values():
                if not isinstance(value, type) and callable(getattr(value, "cache_clear", None)):
                    value.cache_clear()


class ImportRun:
    """One import into a new empty database; the database is made before the
    clock starts and removed after it stops."""

    def __init__(self, path: Path):
        self.path = path
        self.folder: tempfile.TemporaryDirectory | None = None
        self.services: Services | None = None

    def prepare(self) -> None:
        clear_importer_caches()
        self.folder = tempfile.TemporaryDirectory()
        self.services = Services.open(Path(self.folder.name) / "bench.db")
        self.services.imports  # noqa: B018 - the service itself, not the import, is set up here

    def run(self) -> None:
        imports = self.services.imports
        imports.import_draft(imports.preview(path=self.path))

    def finish(self) -> None:
        self.services.close()
        self.folder.cleanup()


def import_with_new_database(path: Path) -> None:
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
    if path.suffix == ".pdf":
        return lambda: pdf_open(path)
    return None


def pdf_open(path: Path) -> int:
    """PDFium opening the file and each page's text layer: the floor of reading it."""
    import pypdfium2

    document = pypdfium2.PdfDocument(str(path))
    try:
        for index in range(len(document)):
            page = document[index]
            page.get_textpage().close()
            page.close()
        return len(document)
    finally:
        document.close()


def empty_database_seconds(runs: int) -> float:
    def create() -> None:
        with tempfile.TemporaryDirectory() as folder:
            Services.open(Path(folder) / "bench.db").close()

    return statistics.median(timed(create) for _ in range(runs))


def measure(path: Path, runs: int) -> dict[str, float | None]:
    """Median milliseconds of read, import, import with a new database, and the library open."""
    opener = open_only(path)
    import_run = ImportRun(path)
    import_run.prepare()  # a warm-up of each, off the record
    import_run.run()
    import_run.finish()
    if opener:
        opener()
    times: dict[str, list[float]] = {"read": [], "import": [], "new_db": [], "open": []}
    for _ in range(runs):
        times["read"].append(timed(lambda: read_plan(path=path), clear_importer_caches))
        import_run.prepare()
        times["import"].append(timed(import_run.run))
        import_run.finish()
        times["new_db"].append(timed(lambda: import_with_new_database(path), clear_importer_caches))
        if opener:
            times["open"].append(timed(opener))
    return {key: statistics.median(values) * 1000 if values else None for key, values in times.items()}


def plan_bases(include_others: bool) -> list[Path]:
    """Each plan's path without a suffix: the top samples, and more*/ when asked."""
    found = [path.with_suffix("") for path in SAMPLES.glob("*.json") if not path.stem.endswith("_deadlines")]
    if include_others:
        found += [
            path.with_suffix("") for path in SAMPLES.glob("more*/*.json")
            if not path.stem.endswith("_deadlines") and not path.name.startswith("deadlines_")
        ]  # fmt: skip
    return sorted(found, key=lambda base: base.name)


def pdf_against_docx(bases: list[Path], runs: int) -> None:
    print()
    print("PDF against .docx of the same plan (read = file read and understood; import = read + save)")
    print(f"{'plan':<36}{'pages':>6}{'docx ms':>9}{'pdf ms':>9}{'read ×':>8}{'import ×':>10}")
    worst = 0.0
    for base in bases:
        pdf, word = base.with_name(base.name + ".pdf"), base.with_name(base.name + ".docx")
        if not (pdf.exists() and word.exists()):
            continue
        pages = pdf_open(pdf)
        times = {path.suffix: measure(path, runs) for path in (word, pdf)}
        read_ratio = times[".pdf"]["read"] / times[".docx"]["read"]
        import_ratio = times[".pdf"]["import"] / times[".docx"]["import"]
        if pages in TWENTY_PAGES:
            worst = max(worst, import_ratio)
        print(
            f"{base.name[:36]:<36}{pages:>6}{times['.docx']['read']:>9.1f}{times['.pdf']['read']:>9.1f}"
            f"{read_ratio:>7.2f}×{import_ratio:>9.2f}×"
        )
    if worst:
        verdict = "under" if worst < PDF_AIM else "OVER"
        print(f"largest PDF ÷ .docx import among plans of {TWENTY_PAGES.start}-{TWENTY_PAGES.stop - 1} pages: "
              f"{worst:.2f}× ({verdict} the aim of {PDF_AIM:.0f}×)")  # fmt: skip


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--all", action="store_true", help="the plans of more*/ too")
    args = parser.parse_args()
    bases = plan_bases(args.all)
    print(
        f"median of {args.runs} runs; a fresh empty database alone takes "
        f"{empty_database_seconds(args.runs) * 1000:.1f} ms"
    )
    print(
        f"{'sample':<24}{'form':<7}{'tasks':>6}{'read ms':>10}{'import ms':>11}{'+new db':>9}"
        f"{'open ms':>9}{'import/open':>13}"
    )
    for base in bases:
        stem = base.name[:24]
        for suffix in FORMS:
            path = base.with_name(base.name + suffix)
            if not path.exists():
                continue
            tasks = read_plan(path=path).task_count()
            ms = measure(path, args.runs)
            if ms["open"] is not None:
                open_text, ratio = f"{ms['open']:.1f}", f"{ms['import'] / ms['open']:.1f}×"
            else:
                open_text, ratio = "—", "—"
            print(
                f"{stem:<24}{suffix:<7}{tasks:>6}{ms['read']:>10.1f}{ms['import']:>11.1f}{ms['new_db']:>9.1f}"
                f"{open_text:>9}{ratio:>13}"
            )
    pdf_against_docx(bases, args.runs)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
