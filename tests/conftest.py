"""Shared fixtures: a fresh database, the real sample plans."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

REPO = Path(__file__).resolve().parents[1]
DATA = Path(__file__).resolve().parent / "data"
# ../shared/samples beside the checkout (CI, the main tree), or beside the folder
# of worktrees (a helper's worktree in wt/NAME); tests/data/samples otherwise.
SAMPLES = next(
    (path for path in (REPO.parent / "shared" / "samples", REPO.parent.parent / "shared" / "samples") if path.is_dir()),
    REPO.parent / "shared" / "samples",
)
SAMPLE_STEMS = ("000_36db36a684822c51", "002_faa90e4ac40fa61c", "004_38c702dbea58b40f")


def sample_file(stem: str, suffix: str) -> Path:
    """A sample plan file: ../shared/samples when present, else the copy in tests/data/samples."""
    for folder in (SAMPLES, DATA / "samples"):
        path = folder / f"{stem}{suffix}"
        if path.exists():
            return path
    raise FileNotFoundError(f"sample {stem}{suffix} is in neither {SAMPLES} nor {DATA / 'samples'}")


def other_plans() -> list[Path]:
    """The plans of ../shared/samples/more*/ (path without suffix), [] where absent."""
    return sorted(path.with_suffix("") for path in SAMPLES.glob("more*/*.json") if not path.stem.endswith("_deadlines")
                  and not path.name.startswith("deadlines_"))  # fmt: skip


def load_sample_json(stem: str) -> dict:
    return json.loads(sample_file(stem, ".json").read_text(encoding="utf-8"))


@pytest.fixture(autouse=True)
def _isolated_data_dir(tmp_path_factory, monkeypatch):
    """No test touches the user's real data folder."""
    monkeypatch.setenv("KEHOACH_DATA_DIR", str(tmp_path_factory.mktemp("appdata")))


@pytest.fixture
def db_path(tmp_path) -> Path:
    return tmp_path / "kehoach.db"


@pytest.fixture
def services(db_path):
    from kehoach_desktop.services import Services

    with Services.open(db_path) as opened:
        yield opened


def pytest_terminal_summary(terminalreporter):
    """The agreement of each sample file measured in this run (tests/agreement.py)."""
    from agreement import MEASURED, table

    if MEASURED:
        terminalreporter.section("import agreement with the samples' truth")
        for line in table(MEASURED):
            terminalreporter.write_line(line)
