"""`history`: the journal of changes to a plan's tasks (Lịch sử thay đổi)."""

from __future__ import annotations

import argparse

from kehoach_desktop.cli.common import add_db_option, open_services, print_json


def register(commands) -> None:
    history = commands.add_parser("history", help="lịch sử thay đổi các nhiệm vụ của một kế hoạch")
    add_db_option(history)
    history.add_argument("--plan", type=int, required=True, metavar="ID", help="số của kế hoạch (xem lệnh plans)")
    history.add_argument("--task", type=int, metavar="ID", help="chỉ một nhiệm vụ")
    history.add_argument("--search", default="", metavar="TỪ", help="chỉ các thay đổi có những từ này (không cần dấu)")
    history.add_argument("--json", action="store_true", help="in dạng JSON, mỗi thay đổi một dòng")
    history.set_defaults(handler=run_history)


def run_history(args: argparse.Namespace) -> int:
    with open_services(args, must_exist=True) as services:
        services.plans.get(args.plan)
        entries = services.history.entries([args.plan], args.task, args.search)
    for entry in entries:
        if args.json:
            print_json(entry.to_json())
        else:
            task = f"{entry.task_number or ''} {(entry.task_content or '')[:50]}".strip() or "(cả kế hoạch)"
            print(f"{entry.when}\t{task}\t{entry.field_label}: {entry.change}\t{entry.source_label}")
    if not entries and not args.json:
        print("Chưa có thay đổi nào." if not args.search else "Không có thay đổi nào khớp.")
    return 0
