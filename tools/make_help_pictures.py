"""Make the pictures of the user's guide (resources/help/hinh/*.png) with the program itself.

    python tools/make_help_pictures.py

Each picture is `kehoach-desktop --db … --screenshot … --part …` on the demo plan
(or an empty database for «Bắt đầu»), so after a change to the window the guide
is brought up to date by running this again. The demo is built as of DAY and the
window computes as of DAY, so the same program makes the same pictures.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
TARGET = ROOT / "resources" / "help" / "hinh"
DAY = date(2025, 11, 20)

# (file, database, part, size in pixels)
PICTURES = (
    ("cua-so-chinh.png", "demo", "cua-so", "1100x700"),
    ("bat-dau.png", "empty", "cua-so", "1000x560"),
    ("nhap-ke-hoach.png", "demo", "nhap", "1000x640"),
    ("sua-nhiem-vu.png", "demo", "nhiem-vu", "1000x640"),
    ("tien-do.png", "demo", "tien-do", "1000x640"),
    ("tinh-hinh-bao-cao.png", "demo", "tinh-hinh-bao-cao", "1100x700"),
    ("gui-phieu.png", "demo", "phieu", "1000x640"),
    ("bao-cao.png", "demo", "bao-cao", "1000x640"),
)


def main() -> int:
    sys.path.insert(0, str(ROOT))
    from kehoach_desktop.services.demo import build_demo_database

    TARGET.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="kehoach-hinh-") as folder:
        env = {**os.environ, "QT_SCALE_FACTOR": "1"}
        if sys.platform.startswith("linux") and not env.get("DISPLAY"):
            env["QT_QPA_PLATFORM"] = "offscreen"
        databases = {"demo": Path(folder) / "mau.db", "empty": Path(folder) / "trong.db"}
        build_demo_database(databases["demo"], today=DAY)
        warm_up = [(f"{database}.png", database, "cua-so", "800x600") for database in databases]
        for name, database, part, size in [*warm_up, *PICTURES]:  # the warm-up takes the day's backups
            target = TARGET / name if (name, database, part, size) in PICTURES else Path(folder) / name
            command = [sys.executable, "-m", "kehoach_desktop", "--db", str(databases[database]),
                       "--as-of", DAY.isoformat(), "--screenshot", str(target), "--size", size, "--part", part]
            settings = {"KEHOACH_DATA_DIR": str(Path(folder) / f"du-lieu-{name}")}  # a fresh window state each
            result = subprocess.run(command, env={**env, **settings}, capture_output=True, text=True, timeout=180)
            if result.returncode != 0:
                print(f"{name}: lỗi {result.returncode}\n{result.stderr}", file=sys.stderr)
                return 1
            print(f"{name}: {target.stat().st_size // 1024} KB")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
