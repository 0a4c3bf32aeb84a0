import json
import os
import shutil
import subprocess
import sys

import pytest

from kehoach_desktop import __version__
from kehoach_desktop.cli.main import main
from kehoach_desktop.store import Store
from kehoach_desktop.store.migrations import latest_version


def run(argv, capsys):
    code = main(argv)
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_version(capsys):
    with pytest.raises(SystemExit) as exit_info:
        main(["--version"])
    assert exit_info.value.code == 0
    assert __version__ in capsys.readouterr().out


def test_deadline_prints_one_json_object_per_text(capsys):
    code, out, _ = run(["deadline", "Thường xuyên", "", "--year", "2025"], capsys)
    assert code == 0
    lines = [json.loads(line) for line in out.splitlines()]
    assert [line["text"] for line in lines] == ["Thường xuyên", ""]
    assert lines[0]["kind"] == "ongoing" and lines[1]["kind"] == "unspecified"
    assert all(set(line) == {"text", "kind", "due", "recurrence"} for line in lines)


def test_plans_lists_and_json(services, db_path, capsys):
    from test_services import small_draft

    plan_id = services.plans.create(small_draft()).value
    code, out, _ = run(["plans", "--db", str(db_path)], capsys)
    assert code == 0 and "Kế hoạch CCHC năm 2025" in out and "2 nhiệm vụ" in out
    code, out, _ = run(["--db", str(db_path), "plans", "--json"], capsys)  # --db before the command
    assert json.loads(out) == {
        "id": plan_id, "year": 2025, "title": "Kế hoạch CCHC năm 2025",
        "doc_number": "/KH-SXD", "issuer": "", "tasks": 2,
    }  # fmt: skip


def test_plans_on_missing_explicit_db_is_usage_error(tmp_path, capsys):
    code, _, err = run(["plans", "--db", str(tmp_path / "nope.db")], capsys)
    assert code == 2 and "Không tìm thấy tệp dữ liệu" in err
    assert not (tmp_path / "nope.db").exists()


def test_plans_with_no_database_yet(capsys):
    code, out, _ = run(["plans"], capsys)
    assert code == 0 and "Chưa có kế hoạch nào" in out


def test_usage_errors_are_vietnamese_exit_2(capsys):
    with pytest.raises(SystemExit) as exit_info:
        main(["export", "json"])
    assert exit_info.value.code == 2
    assert "thiếu tham số bắt buộc: --plan" in capsys.readouterr().err
    with pytest.raises(SystemExit) as exit_info:
        main(["khong-co-lenh-nay"])
    assert exit_info.value.code == 2
    assert "lựa chọn không hợp lệ" in capsys.readouterr().err


def test_check_sound_file(db_path, capsys):
    Store.open(db_path).close()
    code, out, _ = run(["check", "--db", str(db_path)], capsys)
    assert code == 0 and "tốt" in out and f"Phiên bản lược đồ: {latest_version()}" in out


def test_check_damaged_file_exits_1_and_leaves_it(tmp_path, capsys):
    path = tmp_path / "hong.db"
    Store.open(path).close()
    data = bytearray(path.read_bytes())
    data[100:4096] = b"\xff" * (4096 - 100)  # smash the schema page
    path.write_bytes(bytes(data))
    code, out, _ = run(["check", "--db", str(path)], capsys)
    assert code == 1 and "BỊ HỎNG" in out
    assert path.read_bytes() == bytes(data)


def test_check_missing_file_is_usage_error(tmp_path, capsys):
    code, _, err = run(["check", "--db", str(tmp_path / "nope.db")], capsys)
    assert code == 2 and "Không tìm thấy" in err


def test_unexpected_error_gives_message_not_traceback(services, db_path, capsys, monkeypatch):
    from kehoach_desktop.cli import cmd_plans

    def explode(args):
        raise ZeroDivisionError("chia cho không")

    monkeypatch.setattr(cmd_plans, "run_plans", explode)
    parser_argv = ["plans", "--db", str(db_path)]
    from kehoach_desktop.cli import main as main_module

    parser = main_module.build_parser()
    args = parser.parse_args(parser_argv)
    args.handler = explode
    monkeypatch.setattr(main_module, "build_parser", lambda: _FixedParser(args))
    code, _, err = run(parser_argv, capsys)
    assert code == 1
    assert "Lỗi không mong đợi: chia cho không" in err and "Traceback" not in err


class _FixedParser:
    def __init__(self, args):
        self.args = args

    def parse_args(self, argv):
        return self.args


def test_installed_console_script_runs():
    """The `kehoach-desktop` command an install puts on PATH works (in a subprocess)."""
    script = shutil.which("kehoach-desktop", path=os.path.dirname(sys.executable) + os.pathsep + os.environ["PATH"])
    assert script, "kehoach-desktop is not installed next to this Python"
    result = subprocess.run(
        [script, "deadline", "Trước ngày 25/7/2025", "--year", "2025"],
        capture_output=True, text=True, encoding="utf-8", timeout=60,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["text"] == "Trước ngày 25/7/2025"
