"""`export FORMAT`: a plan written to a file."""

from __future__ import annotations

import argparse
from pathlib import Path

from kehoach_desktop.cli.common import add_db_option, open_services, write_text
from kehoach_desktop.exporters import json_export


def register(commands) -> None:
    export = commands.add_parser("export", help="xuất một kế hoạch ra tệp")
    formats = export.add_subparsers(dest="format", metavar="ĐỊNH_DẠNG", required=True)
    as_json = formats.add_parser("json", help="kế hoạch dạng JSON (mục, nhiệm vụ, đơn vị, hạn)")
    as_json.add_argument("--plan", type=int, required=True, metavar="ID", help="số của kế hoạch (xem lệnh plans)")
    add_db_option(as_json)
    as_json.add_argument("-o", "--output", type=Path, metavar="FILE", help="tệp ghi ra (mặc định: màn hình)")
    as_json.set_defaults(handler=run_export_json)


def run_export_json(args: argparse.Namespace) -> int:
    with open_services(args, must_exist=True) as services:
        tree = services.plans.tree(args.plan)
        data = json_export.plan_to_json(tree, args.plan)
    write_text(json_export.dumps(data), args.output)
    return 0
