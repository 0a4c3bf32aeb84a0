"""The corpus of bad plan files (tests/data/bad/), each given to `kehoach-desktop import`.

Each one: its own Vietnamese message naming the file, exit status 2, the database
byte-identical with nothing created beside it, in bounded memory (a child process
under an address-space limit reports its peak) and bounded time (a hang guard,
no timing assert). The readers' own tests (test_import_office.py) build such
files in tmp_path one by one; this corpus is the committed set, driven through
the command line the way a user meets it.
"""

from __future__ import annotations

import hashlib
import importlib.util
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from conftest import DATA, load_sample_json
from sample_drafts import draft_from_sample
from kehoach_desktop.services import Services

BAD = DATA / "bad"
REPO = Path(__file__).resolve().parents[1]
ADDRESS_SPACE = 1 << 30  # 1 GB: far above a normal import (~50 MB resident), far below a bomb
PEAK_BOUND_KB = 200 * 1024
HANG_GUARD_S = 120

# file → what its message must say (besides the file's name)
EXPECTED = {
    "rong.docx": "tệp rỗng (0 byte)",
    "rong.xlsx": "tệp rỗng (0 byte)",
    "cat-ngang.docx": "tệp .docx bị hỏng",
    "cat-ngang.xlsx": "tệp .xlsx bị hỏng",
    "pdf-doi-ten.docx": "tệp PDF không có bảng kẻ ô nào",
    "anh-doi-ten.xlsx": "đây là một ảnh (PNG)",
    "mat-khau.docx": "được bảo vệ bằng mật khẩu",
    "mat-khau.xlsx": "được bảo vệ bằng mật khẩu",
    "bom-thuc-the.docx": "DOCTYPE",
    "bom-thuc-the.xlsx": "DOCTYPE",
    "khai-trieu-dong.xlsx": "quá lớn (có dữ liệu tới dòng 1.000.000)",
    "tram-nghin-dong.xlsx": "quá lớn (có dữ liệu tới dòng 20.001)",
    "bom-nen.docx": "dung lượng giải nén bất thường",
}

# Runs the command line in a child that cannot grow past ADDRESS_SPACE, then
# prints its own peak resident memory (kB) as the last line of stderr. On Linux
# VmHWM is this program's own peak; ru_maxrss would include the test runner's
# memory at the fork (Linux keeps it across exec).
LIMITED_CLI = textwrap.dedent(
    """
    import resource, sys
    resource.setrlimit(resource.RLIMIT_AS, ({limit}, {limit}))
    from kehoach_desktop.cli.main import main

    def peak_kb():
        try:
            with open("/proc/self/status") as status:
                return next(int(line.split()[1]) for line in status if line.startswith("VmHWM:"))
        except (OSError, StopIteration):
            return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss

    try:
        code = main(sys.argv[1:])
    finally:
        print("peak-kb", peak_kb(), file=sys.stderr, flush=True)
    sys.exit(code)
    """
)


def _corpus_module():
    spec = importlib.util.spec_from_file_location("bad_corpus", BAD / "corpus.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


CORPUS = _corpus_module()


def test_every_committed_file_has_its_expected_message_and_is_small():
    committed = sorted(p.name for p in BAD.iterdir() if p.suffix in (".docx", ".xlsx"))
    assert committed == sorted(CORPUS.COMMITTED)
    assert set(EXPECTED) == set(CORPUS.COMMITTED) | set(CORPUS.GENERATED)
    assert all((BAD / name).stat().st_size < 64 * 1024 for name in committed)


def test_committed_files_are_what_the_corpus_script_makes(tmp_path):
    """So the folder can be rebuilt, and nobody replaced a file with something else."""
    CORPUS.build_committed(tmp_path)
    for name in ("rong.docx", "cat-ngang.docx", "cat-ngang.xlsx", "anh-doi-ten.xlsx", "mat-khau.xlsx",
                 "bom-thuc-the.docx"):  # fmt: skip  (the others embed a timestamp or a library version)
        assert (tmp_path / name).read_bytes() == (BAD / name).read_bytes(), name


@pytest.fixture(scope="module")
def big_files(tmp_path_factory) -> dict[str, Path]:
    return CORPUS.make_big(tmp_path_factory.mktemp("big"))


@pytest.fixture(scope="module")
def filled_folder(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("db")
    with Services.open(folder / "kehoach.db") as services:
        services.plans.create(draft_from_sample(load_sample_json("004_38c702dbea58b40f")))
    return folder


def _snapshot(folder: Path) -> dict[str, str]:
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(folder.iterdir()) if p.is_file()} | {
        p.name + "/": "" for p in folder.iterdir() if p.is_dir()
    }


@pytest.mark.skipif(sys.platform == "win32", reason="resource limits are POSIX")
@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_bad_file_through_the_import_command(name, big_files, filled_folder):
    path = big_files.get(name) or BAD / name
    db = filled_folder / "kehoach.db"
    before = _snapshot(filled_folder)
    result = subprocess.run(
        [sys.executable, "-c", LIMITED_CLI.format(limit=ADDRESS_SPACE), "import", str(path), "--db", str(db)],
        capture_output=True, text=True, timeout=HANG_GUARD_S, cwd=REPO,
    )  # fmt: skip
    *message_lines, peak_line = result.stderr.strip().splitlines()
    message = "\n".join(message_lines)
    assert result.returncode == 2, result.stderr
    assert message.startswith(f"Lỗi: Không nhập được tệp «{path.name}»: "), message
    assert EXPECTED[name] in message
    assert "Traceback" not in result.stderr and "MemoryError" not in result.stderr
    assert result.stdout == ""
    peak_kb = int(peak_line.split()[1])
    assert peak_kb < PEAK_BOUND_KB, f"{name}: peak {peak_kb // 1024} MB"
    assert _snapshot(filled_folder) == before  # database byte-identical, nothing created beside it
