"""Find the program's data folders (ui/, resources/, db/) wherever it runs.

- source tree: beside the package (repo/ui, repo/resources, repo/db);
- installed package: inside it, at kehoach_desktop/_data/ (see pyproject.toml);
- frozen program (PyInstaller): under sys._MEIPASS.
"""

from __future__ import annotations

import sys
from functools import lru_cache
from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent
FOLDERS = ("ui", "resources", "db")


def _candidates() -> list[Path]:
    roots = []
    frozen_root = getattr(sys, "_MEIPASS", None)
    if frozen_root:
        roots.append(Path(frozen_root))
    roots += [_PACKAGE / "_data", _PACKAGE.parent]
    return roots


@lru_cache(maxsize=None)
def folder(name: str) -> Path:
    """The data folder `name` (one of ui, resources, db)."""
    if name not in FOLDERS:
        raise ValueError(f"unknown data folder {name!r}")
    for root in _candidates():
        if (root / name).is_dir():
            return root / name
    raise FileNotFoundError(
        f"Không tìm thấy thư mục dữ liệu «{name}» của chương trình; cài đặt có thể bị hỏng."
    )


def path(name: str, *parts: str) -> Path:
    """A file inside a data folder: path("db", "001_initial.sql")."""
    return folder(name).joinpath(*parts)
