"""`kehoach-desktop`: open the window, or run a sub-command.

Exit status: 0 success; 2 bad input or usage (a Vietnamese message on stderr);
1 an unexpected error (its message, and the details in the log file).
"""

from __future__ import annotations

import pkgutil
import sqlite3
import sys
from datetime import date
from importlib import import_module

from kehoach_desktop import __version__, errorlog
from kehoach_desktop.cli.common import UsageError, add_db_option
from kehoach_desktop.cli.vietnamese_argparse import ArgumentParser
from kehoach_desktop.domain.periods import PeriodError
from kehoach_desktop.services.errors import ServiceError
from kehoach_desktop.store import DamagedDatabaseError, StoreError
from kehoach_desktop.store.database import MissingDatabaseError, describe_sqlite_error


def command_modules() -> list[str]:
    """Every cli/cmd_*.py module; each adds its sub-commands with register(subparsers)."""
    package = import_module("kehoach_desktop.cli")
    names = sorted(info.name for info in pkgutil.iter_modules(package.__path__) if info.name.startswith("cmd_"))
    return [f"kehoach_desktop.cli.{name}" for name in names]


EXIT_OK, EXIT_ERROR, EXIT_USAGE = 0, 1, 2


def build_parser() -> ArgumentParser:
    parser = ArgumentParser(
        prog="kehoach-desktop",
        description="Theo dõi, đôn đốc và báo cáo thực hiện Kế hoạch cải cách hành chính. "
        "Không có lệnh con: mở cửa sổ chương trình.",
    )
    parser.add_argument("--version", action="version", version=f"kehoach-desktop {__version__}")
    add_db_option(parser, top_level=True)
    add_window_options(parser)
    add_selftest_option(parser)
    commands = parser.add_subparsers(dest="command", metavar="LỆNH", parser_class=ArgumentParser)
    for name in command_modules():
        import_module(name).register(commands)
    return parser


def add_window_options(parser) -> None:
    """How the window starts (no sub-command)."""
    parser.add_argument("--demo", action="store_true", help="mở cửa sổ trên một bản dữ liệu mẫu mới tạo")
    parser.add_argument("--screenshot", metavar="OUT.png", help="chụp cửa sổ khi đã hiện đủ dữ liệu rồi thoát")
    parser.add_argument("--size", metavar="RỘNGxCAO", help="kích thước cửa sổ khi chụp (mặc định 1400x900)")
    parser.add_argument(
        "--part", metavar="PHẦN", help="khi chụp: chỉ chụp một phần (cua-so, tinh-hinh-bao-cao, nhiem-vu, tien-do, "
        "bao-cao, phieu, nhap)",
    )  # fmt: skip
    parser.add_argument(
        "--as-of", type=date.fromisoformat, metavar="YYYY-MM-DD", help="ngày tính quá hạn, sắp đến hạn (mặc định: hôm nay)"
    )


def add_selftest_option(parser) -> None:
    parser.add_argument(
        "--selftest", action="store_true",
        help="tự kiểm tra chương trình (dữ liệu mẫu trong thư mục tạm, không đụng dữ liệu thật) rồi thoát",
    )  # fmt: skip


def _use_utf8_console() -> None:
    """Vietnamese on a Windows console set to a legacy code page must not crash printing."""
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.reconfigure(encoding="utf-8", errors="replace")
        except (AttributeError, ValueError):
            pass


def main(argv: list[str] | None = None) -> int:
    _use_utf8_console()
    errorlog.install_logging()
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.selftest:
        from kehoach_desktop.selftest import run as run_selftest

        return run_selftest()
    handler = getattr(args, "handler", None)
    if handler is None:
        return open_window(args)
    try:
        return handler(args)
    except (DamagedDatabaseError, MissingDatabaseError) as exc:
        return _damaged(exc, args)
    except (UsageError, ServiceError, StoreError, PeriodError) as exc:
        print(f"Lỗi: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except sqlite3.Error as exc:
        return _database_error(exc, args)
    except KeyboardInterrupt:
        return EXIT_ERROR
    except MemoryError:
        print("Lỗi: không đủ bộ nhớ để làm việc này; dữ liệu đã lưu không bị ảnh hưởng.", file=sys.stderr)
        return EXIT_ERROR
    except Exception as exc:  # the last line of defence: a message, not a traceback
        log = errorlog.write(*sys.exc_info())
        print(f"Lỗi không mong đợi: {exc}. Chi tiết đã ghi vào {log}.", file=sys.stderr)
        return EXIT_ERROR


# What the environment did, not the program: a message and exit status 2.
ENVIRONMENT_ERRORS = ("locked", "busy", "full", "readonly", "read-only", "unable to open", "disk i/o")


def _database_error(exc: sqlite3.Error, args) -> int:
    from kehoach_desktop.store.verify import is_damage_error

    path = _db_path(args)
    if is_damage_error(exc):
        return _damaged(DamagedDatabaseError(f"Tệp dữ liệu {path} bị hỏng (SQLite báo: {exc})."), args)
    print(f"Lỗi: {describe_sqlite_error(exc, path)}", file=sys.stderr)
    if any(word in str(exc).lower() for word in ENVIRONMENT_ERRORS):
        return EXIT_USAGE
    errorlog.write(*sys.exc_info())
    return EXIT_ERROR


def _damaged(exc: StoreError, args) -> int:
    """A damaged (or missing) database: what was found, and the newest good backup to restore."""
    from kehoach_desktop.cli.cmd_check import recovery_lines

    print(f"Lỗi: {exc}", file=sys.stderr)
    for line in recovery_lines(_db_path(args)):
        print(line, file=sys.stderr)
    return EXIT_USAGE


def _db_path(args):
    from kehoach_desktop.cli.common import db_path

    return db_path(args)


def open_window(args) -> int:
    try:
        gui = import_module("kehoach_desktop.gui.app")
    except ImportError as exc:
        print(f"Không mở được cửa sổ chương trình: {exc}", file=sys.stderr)
        return EXIT_ERROR
    return gui.run(args)


def main_gui() -> int:
    """Entry point of the windowed program (no console on Windows)."""
    return main()


if __name__ == "__main__":
    raise SystemExit(main())
