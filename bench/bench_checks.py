"""What the checks around opening and closing the database cost (issue 14), by size.

For generated databases of 75, 2,000 and 10,000 tasks it prints the best of
several runs of each check store/verify.py and store/close_record.py make, on
a read-only connection as Store.open does, against the floor of the check the
program made before (quick_check):
- quick_check (before: the only check at open; misses index damage);
- integrity_check (now, at every open for writing);
- foreign_key_check;
- the UTF-8 scan of every text value (now, when the clean-close record does not vouch);
- SHA-256 of the file (now, at open and at a clean close);
- Store.open + close, whole, a normal start (the record matches) and a start after
  a crash (no record: every check runs).

    python bench/bench_checks.py [--runs N]
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(REPO), str(REPO / "bench")]

from generate import generated_database  # noqa: E402
from kehoach_desktop.store import Store, close_record, verify  # noqa: E402
from kehoach_desktop.store.backup import close_record_path, open_read_only  # noqa: E402

SIZES = (75, 2000, 10_000)


def best(action, runs: int) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        action()
        times.append(time.perf_counter() - start)
    return min(times) * 1000


def pragma(path: Path, name: str):
    def run() -> None:
        conn = open_read_only(path)
        try:
            conn.execute(f"PRAGMA {name}").fetchall()
        finally:
            conn.close()

    return run


def utf8_scan(path: Path):
    def run() -> None:
        conn = open_read_only(path)
        try:
            assert verify.invalid_text(conn) == []
        finally:
            conn.close()

    return run


def open_close(path: Path, *, crashed: bool):
    def run() -> None:
        if crashed:
            close_record_path(path).unlink(missing_ok=True)
        Store.open(path).close()

    return run


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="kehoach-bench-"))
    print(f"{'tasks':>6} {'file':>8} | {'quick':>7} {'integrity':>9} {'fk':>6} {'utf8':>6} {'sha256':>7} | "
          f"{'open+close':>10} {'after crash':>11} | integrity ÷ quick")  # fmt: skip
    for size in SIZES:
        path = folder / f"k{size}.db"
        generated_database(path, size)
        figures = [
            best(pragma(path, "quick_check"), args.runs),
            best(pragma(path, "integrity_check"), args.runs),
            best(pragma(path, "foreign_key_check"), args.runs),
            best(utf8_scan(path), args.runs),
            best(lambda: close_record.digest(path), args.runs),
            best(open_close(path, crashed=False), args.runs),
            best(open_close(path, crashed=True), args.runs),
        ]
        q, i, f, u, h, o, c = figures
        print(f"{size:>6} {path.stat().st_size // 1024:>6}kB | {q:>5.1f}ms {i:>7.1f}ms {f:>4.1f}ms {u:>4.1f}ms "
              f"{h:>5.1f}ms | {o:>8.1f}ms {c:>9.1f}ms | {i / q:.1f}×")  # fmt: skip


if __name__ == "__main__":
    main()
