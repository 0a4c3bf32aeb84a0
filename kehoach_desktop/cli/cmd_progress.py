"""`progress`: who has reported for a period, and each task's consolidated answer."""

from __future__ import annotations

import argparse

from kehoach_desktop.cli.cmd_forms import PERIOD_HELP
from kehoach_desktop.cli.common import add_db_option, open_services, print_json
from kehoach_desktop.domain.statuses import NOT_REPORTED_LABEL, REPORTED_LABEL


def register(commands) -> None:
    parser = commands.add_parser("progress", help="tình hình báo cáo của các đơn vị trong một kỳ")
    parser.add_argument("--plan", type=int, required=True, metavar="ID", help="số của kế hoạch (xem lệnh plans)")
    parser.add_argument("--period", required=True, metavar="KỲ", help=PERIOD_HELP)
    parser.add_argument("--json", action="store_true", help="in dạng JSON (một đối tượng)")
    add_db_option(parser)
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    with open_services(args, must_exist=True) as services:
        status = services.forms.reporting_status(args.plan, args.period)
    if args.json:
        print_json(status.to_json())
        return 0
    print(f"Kỳ báo cáo: {status.period_label}")
    for title, units in ((REPORTED_LABEL, status.reported), (NOT_REPORTED_LABEL, status.not_reported)):
        print(f"{title} ({len(units)}):")
        for unit in units:
            print(f"  - {unit.unit_name}: {unit.answered}/{unit.assigned} nhiệm vụ")
    print("Nhiệm vụ:")
    for task in status.tasks:
        percent = f", {task.percent}%" if task.percent is not None else ""
        print(f"  {task.number or '-'}\t{task.status_label}{percent}\t{task.content[:80]}")
        for answer in task.answers:
            result = answer.result.replace("\n", " ")[:100]
            print(f"      {answer.unit_name} ({answer.role_label}): {answer.status_label}. {result}")
    return 0
