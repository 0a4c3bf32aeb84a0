"""What keeping evidence files with the data costs (issue 16), against floors measured
in the same run:
- attaching a 5 MB file to a progress update (copied into tai-lieu/, SHA-256, fsync,
  rename, the row) against copying the file with shutil + fsync;
- a copy the user makes carrying 100 files of 1 MB, against the backup API alone
  (the same database, no files) plus reading the 100 files;
- restoring that copy into an empty folder (the files written back, the staged copy
  emptied and VACUUMed, then the usual restore) against restoring the same database
  without files;
- the size of the copy and of the database in use afterwards.

    python bench/bench_evidence.py [--runs N]
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(REPO), str(REPO / "tests")]

from test_services import first_task, small_draft  # noqa: E402
from kehoach_desktop.domain.models import Evidence, ProgressUpdate  # noqa: E402
from kehoach_desktop.domain.statuses import Status  # noqa: E402
from kehoach_desktop.services import Services  # noqa: E402
from kehoach_desktop.services.backups import restore  # noqa: E402
from kehoach_desktop.store import backup as files  # noqa: E402

MB = 1 << 20


def best(action, runs: int) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        action()
        times.append(time.perf_counter() - start)
    return min(times) * 1000


def update(task_id: int, paths: list[Path]) -> ProgressUpdate:
    evidence = [Evidence(summary=path.stem, file_path=str(path)) for path in paths]
    return ProgressUpdate(task_id=task_id, period="2025-Q3", status=Status.IN_PROGRESS, evidence=evidence)


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=5)
    runs = parser.parse_args().runs
    work = Path(tempfile.mkdtemp(prefix="bench-evidence-"))
    try:
        sources = work / "nguon"
        sources.mkdir()
        big = sources / "quyet dinh 5MB.pdf"
        big.write_bytes(os.urandom(5 * MB))
        small = []
        for number in range(100):
            path = sources / f"tai lieu {number}.pdf"
            path.write_bytes(os.urandom(MB))
            small.append(path)
        db = work / "du lieu" / "kehoach.db"
        with Services.open(db) as services:
            task_id = first_task(services, services.plans.create(small_draft()).value)[1].id
            counter = iter(range(10_000))

            def attach() -> None:
                copy = sources / f"moi {next(counter)}.pdf"  # a new file each run: nothing kept before
                os.link(big, copy) if hasattr(os, "link") else shutil.copyfile(big, copy)
                services.progress.record(update(task_id, [copy]))

            def floor_copy() -> None:
                target = work / f"floor {next(counter)}.pdf"
                shutil.copyfile(big, target)
                with open(target, "rb+") as handle:
                    os.fsync(handle.fileno())

            print(f"attach a 5 MB file: {best(attach, runs):.1f} ms (floor: shutil copy + fsync {best(floor_copy, runs):.1f} ms)")
            plain_copy = work / "plain.db"
            files.backup_to(services.store.conn, plain_copy)
            services.progress.record(update(task_id, small))

            def user_copy() -> None:
                services.backups.make_copy(work / "usb" / "ban sao.db")

            def floor_backup() -> None:  # what cannot be avoided: the copy, and 100 MB read and written once
                files.backup_to(services.store.conn, work / "floor.db")
                with open(work / "floor.bin", "wb") as out:
                    for path in small:
                        out.write(path.read_bytes())
                    out.flush()
                    os.fsync(out.fileno())

            copy_ms, floor_ms = best(user_copy, runs), best(floor_backup, runs)
            print(f"copy carrying 100 files of 1 MB: {copy_ms:.0f} ms (floor: backup API + 100 MB written with fsync {floor_ms:.0f} ms)")
        carried = work / "usb" / "ban sao.db"

        restored_to: list[Path] = []

        def restore_into(source: Path):
            def run() -> None:
                target = work / f"may khac {next(counter)}" / "kehoach.db"
                target.parent.mkdir()
                restore(target, source)
                restored_to.append(target)
            return run

        def floor_restore() -> None:  # the database without files restored, and the 100 files written with fsync
            restore_into(plain_copy)()
            folder = work / f"floor files {next(counter)}"
            folder.mkdir()
            for path in small:
                with open(folder / path.name, "wb") as out:
                    out.write(path.read_bytes())
                    out.flush()
                    os.fsync(out.fileno())

        restore_ms = best(restore_into(carried), runs)
        restored = restored_to[-1]
        restore_floor = best(floor_restore, runs)
        print(f"restore it on another machine: {restore_ms:.0f} ms (floor: restoring the database without files and "
              f"writing the 100 files with fsync {restore_floor:.0f} ms)")
        print(f"sizes: the copy {carried.stat().st_size / MB:.1f} MB; the database in use after the restore "
              f"{restored.stat().st_size / 1024:.0f} KB, its tai-lieu/ {sum(p.stat().st_size for p in (restored.parent / 'tai-lieu').rglob('*') if p.is_file()) / MB:.0f} MB")  # fmt: skip
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
