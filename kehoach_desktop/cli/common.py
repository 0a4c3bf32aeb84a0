"""What every sub-command shares: the --db option, opening the services, output."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from kehoach_desktop.services import Services
from kehoach_desktop.store.location import default_db_path


class UsageError(Exception):
    """Bad input on the command line: the message is printed, exit status 2."""


def add_db_option(parser: argparse.ArgumentParser, *, top_level: bool = False) -> None:
    parser.add_argument(
        "--db",
        metavar="PATH",
        type=Path,
        # Sub-commands must not reset a --db given before the sub-command's name.
        default=None if top_level else argparse.SUPPRESS,
        help=f"tệp dữ liệu (mặc định: {default_db_path()})",
    )


def db_path(args: argparse.Namespace) -> Path:
    return args.db if getattr(args, "db", None) else default_db_path()


def open_services(args: argparse.Namespace, *, must_exist: bool = False) -> Services:
    """The services over the chosen database. An explicitly named file must exist.

    A database in a place that cannot be written (a read-only folder, drive or
    mount) is opened for viewing, with a notice on standard error: listing,
    exporting and printing work; a command that writes is refused with a message.
    """
    from kehoach_desktop.store.database import ReadOnlyDatabaseError, open_for_viewing

    path = db_path(args)
    explicit = getattr(args, "db", None) is not None
    if (must_exist or explicit) and not path.exists():
        from kehoach_desktop.cli.cmd_check import missing_message

        raise UsageError(missing_message(path))
    try:
        return Services.open(path)
    except ReadOnlyDatabaseError:
        services = Services(open_for_viewing(path))
        print(f"Lưu ý: tệp dữ liệu {path} nằm ở nơi chỉ cho phép đọc; chỉ đọc, mọi thay đổi sẽ không được lưu.",
              file=sys.stderr)  # fmt: skip
        return services


def nothing_to_open(args: argparse.Namespace) -> bool:
    """No --db, no database at the default place and no backup of one: a first start."""
    from kehoach_desktop.store.backup import has_backups

    path = db_path(args)
    return getattr(args, "db", None) is None and not path.exists() and not has_backups(path)


def print_json(data) -> None:
    print(json.dumps(data, ensure_ascii=False))


def write_text(text: str, output: Path | None) -> None:
    """Write to a file (UTF-8) or to standard output."""
    if output is None:
        sys.stdout.write(text)
        return
    try:
        output.write_text(text, encoding="utf-8")
    except OSError as exc:
        raise UsageError(f"Không ghi được tệp {output}: {exc.strerror}.") from exc
