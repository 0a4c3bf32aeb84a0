"""The window's speed with the demo plan and with 10,000 tasks, each figure against a floor
measured in the same run.

- start-up to a filled window (a fresh process each time), as a ratio to a bare
  PySide6 window with an empty QTreeView started the same way;
- one filter keystroke at 10,000 tasks;
- an edit at 10,000 tasks: from OK in the edit dialog to the tree showing the new
  text (floor: the service's write alone);
- undo of that edit (floor: putting the rows back alone);
- a progress update at 10,000 tasks: from Lưu in the progress dialog to the tree
  showing the new result (floor: the service's write alone).

Every figure is the median of at least 5 runs. Run: python bench/bench_window.py
(--json prints one JSON object instead of the table).
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from generate import generated_database  # noqa: E402

RUNS = 7
AS_OF = "2025-07-20"
FLOOR = """
import time, sys
t0 = time.perf_counter()
from PySide6.QtWidgets import QApplication, QMainWindow, QTreeView
from PySide6.QtGui import QStandardItemModel
app = QApplication([])
w = QMainWindow(); tree = QTreeView(); tree.setModel(QStandardItemModel()); w.setCentralWidget(tree)
w.resize(1400, 900); w.show(); app.processEvents()
print(time.perf_counter() - t0)
"""
PROGRAM = """
import time, sys
t0 = time.perf_counter()
from pathlib import Path
from datetime import date
from kehoach_desktop.gui.app import application
from kehoach_desktop.gui.main_window import MainWindow
from kehoach_desktop.services import Services
app = application()
services = Services.open(Path(sys.argv[1]))
w = MainWindow(services, Path(sys.argv[1]), as_of=date.fromisoformat(sys.argv[2]))
w.resize(1400, 900); w.show(); app.processEvents()
assert w.proxy.rowCount() > 0
print(time.perf_counter() - t0)
"""


def timed(code: str, *args: str) -> float:
    """Median seconds of `code` run in fresh processes (it prints its own time).

    A first run, not counted, leaves every module compiled (as an installed program
    has it: pip and PyInstaller ship compiled modules), for the floor and the program alike."""
    env = {**os.environ, "QT_QPA_PLATFORM": os.environ.get("QT_QPA_PLATFORM", "offscreen"),
           "KEHOACH_DATA_DIR": tempfile.mkdtemp()}  # fmt: skip
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    subprocess.run([sys.executable, "-c", code, *args], capture_output=True, text=True, env=env, check=True)
    runs = []
    for _ in range(RUNS):
        out = subprocess.run([sys.executable, "-c", code, *args], capture_output=True, text=True, env=env, check=True)
        runs.append(float(out.stdout.strip().splitlines()[-1]))
    return statistics.median(runs)


# --- in one process: the window open on 10,000 tasks ----------------------------------------------


class Session:
    """The window on a database, idle; helpers that time one interaction."""

    def __init__(self, db: Path):
        from datetime import date

        from kehoach_desktop.gui.app import application
        from kehoach_desktop.gui.main_window import MainWindow
        from kehoach_desktop.services import Services

        self.app = application()
        self.window = MainWindow(Services.open(db), db, as_of=date.fromisoformat(AS_OF))
        self.window.resize(1400, 900)
        self.window.show()
        self.idle(1.0)  # let the window finish its idle work (search texts, the rest of the tasks)

    def idle(self, seconds: float) -> None:
        until = time.perf_counter() + seconds
        while time.perf_counter() < until:
            self.app.processEvents()

    def close(self) -> None:
        self.window.close()
        self.window.session.close()

    def shown_text(self, task_id: int, column: int) -> str:
        index = self.window.proxy.mapFromSource(self.window.model.index_of_task(task_id))
        return self.window.proxy.index(index.row(), column, index.parent()).data()

    def through_dialog(self, open_dialog: Callable[[], None], fill: Callable[[object], None]) -> float:
        """Seconds from the dialog's OK to the window idle again (painted)."""
        from PySide6.QtCore import QTimer
        from PySide6.QtWidgets import QApplication, QDialogButtonBox

        started = {}

        def answer() -> None:
            dialog = QApplication.activeModalWidget()
            if dialog is None:
                QTimer.singleShot(5, answer)
                return
            fill(dialog)
            box = dialog.findChild(QDialogButtonBox)
            button = box.button(QDialogButtonBox.StandardButton.Ok) or box.button(QDialogButtonBox.StandardButton.Save)
            started["at"] = time.perf_counter()
            button.click()

        QTimer.singleShot(0, answer)
        open_dialog()
        self.app.processEvents()
        return time.perf_counter() - started["at"]


def keystroke(bench: Session) -> float:
    """One filter keystroke (the search box's filter applied), median."""
    window = bench.window
    times = []
    for text in ("t", "th", "thu", "thu t", "thu tu", "thu tuc", "c", "cong", ""):
        window.ui.searchEdit.blockSignals(True)
        window.ui.searchEdit.setText(text)
        window.ui.searchEdit.blockSignals(False)
        start = time.perf_counter()
        window.apply_filter()
        bench.app.processEvents()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def edits(bench: Session) -> dict[str, float]:
    """Edit, undo and progress update of a task in the middle of the plan (medians), and
    the same writes done by the services alone (their floors)."""
    from kehoach_desktop.domain.models import ProgressUpdate
    from kehoach_desktop.gui.tree_model import COL_CONTENT, COL_RESULT

    window = bench.window
    task = window.model.task_nodes()[len(window.model.task_nodes()) // 2].task
    window.select_task(task.id)
    edit, undo, progress = [], [], []
    for run in range(RUNS):
        text = f"Nội dung sửa lần {run} — rà soát thủ tục hành chính"
        edit.append(bench.through_dialog(window.edit_task, lambda d, t=text: d.ui.contentEdit.setPlainText(t)))
        assert bench.shown_text(task.id, COL_CONTENT) == text
        start = time.perf_counter()
        window.undo_action.trigger()
        bench.app.processEvents()
        undo.append(time.perf_counter() - start)
        assert bench.shown_text(task.id, COL_CONTENT) != text
        result = f"Kết quả báo cáo lần {run}"
        progress.append(bench.through_dialog(window.record_progress, lambda d, r=result: d.ui.resultEdit.setPlainText(r)))
        assert bench.shown_text(task.id, COL_RESULT) == result
    services = window.services
    write, put_back, record = [], [], []
    for run in range(RUNS):
        start = time.perf_counter()
        outcome = services.tasks.edit(task.id, {"content": f"Ghi thẳng lần {run}"})
        write.append(time.perf_counter() - start)
        start = time.perf_counter()
        services.undo.put_back(outcome.undo)
        put_back.append(time.perf_counter() - start)
        start = time.perf_counter()
        services.progress.record(ProgressUpdate(task_id=task.id, period="2025-07", result=f"Ghi thẳng {run}"))
        record.append(time.perf_counter() - start)
    return {
        "edit_10k_ms": ms(edit), "undo_10k_ms": ms(undo), "progress_10k_ms": ms(progress),
        "edit_10k_floor_ms": ms(write), "undo_10k_floor_ms": ms(put_back), "progress_10k_floor_ms": ms(record),
    }  # fmt: skip


def ms(seconds: list[float]) -> float:
    return round(statistics.median(seconds) * 1000, 1)


def measure() -> dict[str, float]:
    from kehoach_desktop.services.demo import build_demo_database

    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    os.environ["KEHOACH_DATA_DIR"] = tempfile.mkdtemp()
    folder = Path(tempfile.mkdtemp())
    demo, big = folder / "demo.db", folder / "big.db"
    build_demo_database(demo)
    generated_database(big, 10_000)
    floor = timed(FLOOR)
    demo_start = timed(PROGRAM, str(demo), AS_OF)
    big_start = timed(PROGRAM, str(big), AS_OF)
    figures = {
        "startup_demo_ratio": round(demo_start / floor, 2),
        "startup_10k_ratio": round(big_start / floor, 2),
        "startup_floor_ms": round(floor * 1000, 1),
        "startup_demo_ms": round(demo_start * 1000, 1),
        "startup_10k_ms": round(big_start * 1000, 1),
    }
    bench = Session(big)
    try:
        figures["keystroke_10k_ms"] = round(keystroke(bench) * 1000, 1)
        figures.update(edits(bench))
    finally:
        bench.close()
    return figures


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--json", action="store_true", help="print one JSON object")
    args = parser.parse_args()
    figures = measure()
    if args.json:
        print(json.dumps(figures))
        return
    print(f"floor: bare PySide6 window with an empty tree: {figures['startup_floor_ms']:.0f} ms (median of {RUNS})")
    print(f"start-up to a filled window, demo plan: {figures['startup_demo_ms']:.0f} ms = "
          f"{figures['startup_demo_ratio']:.2f}× floor")  # fmt: skip
    print(f"start-up to a filled window, 10.000 tasks: {figures['startup_10k_ms']:.0f} ms = "
          f"{figures['startup_10k_ratio']:.2f}× floor")  # fmt: skip
    print(f"one filter keystroke, 10.000 tasks: {figures['keystroke_10k_ms']:.1f} ms")
    for name, label in (("edit", "edit (OK → tree shows it)"), ("undo", "undo"), ("progress", "progress update")):
        print(f"{label}, 10.000 tasks: {figures[name + '_10k_ms']:.1f} ms "
              f"(the write alone: {figures[name + '_10k_floor_ms']:.1f} ms)")  # fmt: skip


if __name__ == "__main__":
    main()
