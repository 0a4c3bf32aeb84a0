"""Regenerate ui_<name>.py from every ui/<name>.ui with pyside6-uic."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

from kehoach_desktop import resources

HERE = Path(__file__).resolve().parent


def uic_command() -> list[str]:
    found = shutil.which("pyside6-uic") or shutil.which("pyside6-uic", path=str(Path(sys.executable).parent))
    if not found:
        raise SystemExit("pyside6-uic not found (it comes with PySide6-Essentials)")
    return [found]


def generate(form: Path, target: Path) -> None:
    subprocess.run([*uic_command(), "--no-autoconnection", str(form), "-o", str(target)], check=True)


def main() -> int:
    for form in sorted(resources.folder("ui").glob("*.ui")):
        target = HERE / f"ui_{form.stem}.py"
        generate(form, target)
        print(target)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
