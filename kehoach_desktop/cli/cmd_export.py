"""`export FORMAT`: a plan written to a file."""

from __future__ import annotations

import argparse
import sys
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
    as_xlsx = formats.add_parser("xlsx", help="bảng theo dõi tiến độ dạng Excel (theo mục, có kết quả của kỳ)")
    as_xlsx.add_argument("--plan", type=int, required=True, metavar="ID", help="số của kế hoạch (xem lệnh plans)")
    as_xlsx.add_argument(
        "--period", metavar="KỲ", help="kỳ báo cáo: 2025-11, 2025-Q3, 2025-H1, 2025-9T, 2025 (mặc định: tình hình hiện tại)"
    )
    add_db_option(as_xlsx)
    as_xlsx.add_argument("-o", "--output", type=Path, required=True, metavar="FILE", help="tệp .xlsx ghi ra")
    as_xlsx.set_defaults(handler=run_export_xlsx)


def run_export_json(args: argparse.Namespace) -> int:
    with open_services(args, must_exist=True) as services:
        tree = services.plans.tree(args.plan)
        data = json_export.plan_to_json(tree, args.plan)
    write_text(json_export.dumps(data), args.output)
    return 0


def run_export_xlsx(args: argparse.Namespace) -> int:
    with open_services(args, must_exist=True) as services:
        notes = services.forms.export_tracking_table(args.plan, args.period, args.output)
    for note in notes:
        print(f"Lưu ý: {note}", file=sys.stderr)
    print(args.output)
    return 0
