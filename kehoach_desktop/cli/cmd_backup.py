"""`backup` and `restore`: a verified copy of the database anywhere; putting one back.

`backup [-o FILE]` copies with SQLite's backup API (a consistent copy even
while the window is open); without -o the copy goes to the backups folder next
to the database. `restore --list` shows the backups there, newest first, with
what each holds; `restore FILE|NUMBER` puts one back after copying the current
data aside (see services/backups.py).
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from kehoach_desktop.cli.common import UsageError, add_db_option, db_path
from kehoach_desktop.services import Services
from kehoach_desktop.services.backups import BackupInfo, default_copy_name, inspect_backup, list_backups, restore
from kehoach_desktop.store import Store
from kehoach_desktop.store.backup import backup_dir


def register(commands) -> None:
    backup = commands.add_parser("backup", help="sao lưu tệp dữ liệu (một bản sao đã kiểm tra, ra bất kỳ đâu)")
    add_db_option(backup)
    backup.add_argument(
        "-o", "--output", metavar="FILE",
        help="tệp sao lưu hoặc thư mục để lưu (mặc định: thư mục sao-luu cạnh tệp dữ liệu)",
    )  # fmt: skip
    backup.set_defaults(handler=run_backup)

    restore_parser = commands.add_parser("restore", help="khôi phục dữ liệu từ một bản sao lưu")
    add_db_option(restore_parser)
    restore_parser.add_argument(
        "backup", nargs="?", metavar="FILE|SỐ", help="tệp sao lưu, hoặc số thứ tự trong danh sách --list"
    )
    restore_parser.add_argument("--list", action="store_true", help="liệt kê các bản sao lưu cạnh tệp dữ liệu")
    restore_parser.set_defaults(handler=run_restore)


def run_backup(args: argparse.Namespace) -> int:
    path = db_path(args)
    if not path.exists():
        raise UsageError(f"Không tìm thấy tệp dữ liệu {path}.")
    target = _target(args.output, path)
    # Read-only: a copy never migrates or otherwise changes the file it copies.
    missing: list[str] = []
    with Services(Store.open(path, readonly=True)) as services:
        made = services.backups.make_copy(target, missing)
    info = inspect_backup(made)
    print(made)
    carried = f", {info.files} tệp tài liệu kiểm chứng" if info.files else ""
    print(f"Đã sao lưu {info.plans} kế hoạch, {info.tasks} nhiệm vụ{carried}; bản sao đã được kiểm tra toàn vẹn.")
    for stored in missing:
        print(f"Lưu ý: tệp {stored} không còn trong thư mục dữ liệu nên không có trong bản sao.", file=sys.stderr)
    return 0


def _target(output: str | None, path: Path) -> Path:
    """-o FILE, or a default name inside -o FOLDER (existing, or written with a
    trailing slash), or inside the backups folder without -o."""
    if output is None:
        return backup_dir(path) / default_copy_name(path)
    target = Path(output)
    if target.is_dir() or output.endswith(("/", os.sep)):
        return target / default_copy_name(path)
    return target


def run_restore(args: argparse.Namespace) -> int:
    path = db_path(args)
    if args.list:
        if args.backup:
            raise UsageError("Dùng --list riêng, hoặc chỉ tên tệp / số thứ tự bản sao lưu cần khôi phục.")
        return _print_list(path)
    if not args.backup:
        raise UsageError("Hãy cho biết bản sao lưu cần khôi phục (tên tệp, hoặc số thứ tự trong «restore --list»).")
    chosen = _chosen_backup(path, args.backup)
    outcome = restore(path, chosen)
    with Services.open(path) as services:  # migrates a copy made by an older version, as usual
        plans = services.plans.list_plans()
    info = inspect_backup(chosen, path)
    print(f"Đã khôi phục dữ liệu từ bản sao lưu {chosen} ({info.when}).")
    print(f"Dữ liệu hiện có: {len(plans)} kế hoạch, {sum(p.task_count for p in plans)} nhiệm vụ.")
    if outcome.aside is not None:
        print(f"Các tệp dữ liệu trước khi khôi phục được giữ nguyên trong {outcome.aside}.")
    return 0


def _chosen_backup(path: Path, text: str) -> Path:
    if text.isdigit() and not Path(text).exists():
        backups = list_backups(path)
        number = int(text)
        if not 1 <= number <= len(backups):
            raise UsageError(
                f"Không có bản sao lưu số {number}: thư mục {backup_dir(path)} có {len(backups)} bản "
                "(xem bằng «restore --list»)."
            )
        return backups[number - 1].path
    chosen = Path(text)
    if not chosen.is_file():
        raise UsageError(f"Không tìm thấy tệp sao lưu {chosen}.")
    return chosen


def _print_list(path: Path) -> int:
    backups = list_backups(path)
    if not backups:
        print(f"Chưa có bản sao lưu nào trong {backup_dir(path)}.")
        return 0
    print(f"Các bản sao lưu trong {backup_dir(path)} (mới nhất trước):")
    for number, info in enumerate(backups, start=1):
        print(f"{number:>3}  {info.when}  {_what(info)}  {info.kind_label}  {info.path.name}")
    return 0


def _what(info: BackupInfo) -> str:
    if not info.usable:
        return f"KHÔNG DÙNG ĐƯỢC: {info.problem}"
    return f"{info.plans} kế hoạch, {info.tasks} nhiệm vụ"
