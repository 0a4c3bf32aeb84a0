"""Start-up to a filled window, and one filter keystroke, with the demo plan and 10,000 tasks.

Each start-up is measured in a fresh process (median of several), as a ratio to a
floor measured the same way in the same run: a bare PySide6 window with an empty
QTreeView. Run: python bench/bench_window.py
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from generate import generated_database  # noqa: E402

RUNS = 5
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
from PySide6.QtWidgets import QApplication
from kehoach_desktop.gui.app import application
from kehoach_desktop.gui.main_window import MainWindow
from kehoach_desktop.services import Services
app = application()
services = Services.open(Path(sys.argv[1]))
w = MainWindow(services, Path(sys.argv[1]), as_of=date(2025, 7, 20))
w.resize(1400, 900); w.show(); app.processEvents()
assert w.proxy.rowCount() > 0
print(time.perf_counter() - t0)
"""


def timed(code: str, *args: str) -> float:
    env = {**os.environ, "QT_QPA_PLATFORM": os.environ.get("QT_QPA_PLATFORM", "offscreen"),
           "KEHOACH_DATA_DIR": tempfile.mkdtemp()}  # fmt: skip
    runs = []
    for _ in range(RUNS):
        out = subprocess.run([sys.executable, "-c", code, *args], capture_output=True, text=True, env=env, check=True)
        runs.append(float(out.stdout.strip().splitlines()[-1]))
    return statistics.median(runs)


def keystroke(db: Path) -> float:
    """One filter keystroke (the search box's filter applied) with the window open, median."""
    from datetime import date

    from kehoach_desktop.gui.app import application
    from kehoach_desktop.gui.main_window import MainWindow
    from kehoach_desktop.services import Services

    app = application()
    services = Services.open(db)
    window = MainWindow(services, db, as_of=date(2025, 7, 20))
    window.show()
    idle_until = time.perf_counter() + 1.0  # let the window finish its idle work (search texts)
    while time.perf_counter() < idle_until:
        app.processEvents()
    times = []
    for text in ("t", "th", "thu", "thu t", "thu tu", "thu tuc", "c", "cong", ""):
        window.ui.searchEdit.blockSignals(True)
        window.ui.searchEdit.setText(text)
        window.ui.searchEdit.blockSignals(False)
        start = time.perf_counter()
        window.apply_filter()
        app.processEvents()
        times.append(time.perf_counter() - start)
    window.close()
    services.close()
    return statistics.median(times)


def main() -> None:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    os.environ["KEHOACH_DATA_DIR"] = tempfile.mkdtemp()
    folder = Path(tempfile.mkdtemp())
    databases = {}
    try:
        from kehoach_desktop.services.demo import build_demo_database

        demo = folder / "demo.db"
        build_demo_database(demo)
        databases["kế hoạch mẫu (demo)"] = demo
    except ImportError:
        print("(demo database not available yet)")
    big = folder / "big.db"
    generated_database(big, 10_000)
    databases["10.000 nhiệm vụ"] = big
    floor = timed(FLOOR)
    print(f"floor: bare PySide6 window with an empty tree: {floor * 1000:.0f} ms (median of {RUNS})")
    for label, path in databases.items():
        seconds = timed(PROGRAM, str(path))
        print(f"start-up to a filled window, {label}: {seconds * 1000:.0f} ms = {seconds / floor:.2f}× floor")
    print(f"one filter keystroke, 10.000 nhiệm vụ: {keystroke(big) * 1000:.1f} ms (median)")


if __name__ == "__main__":
    main()
