"""`units`: the organization of the Sở (its units, collectives, outside bodies)."""

from __future__ import annotations

import argparse
from pathlib import Path

from kehoach_desktop.cli.common import UsageError, add_db_option, db_path, open_services, print_json
from kehoach_desktop.services import Services


def register(commands) -> None:
    units = commands.add_parser("units", help="cơ cấu tổ chức của Sở: đơn vị, nhóm đơn vị, cơ quan bên ngoài")
    actions = units.add_subparsers(dest="units_action", metavar="VIỆC", required=True)
    listing = actions.add_parser("list", help="liệt kê đơn vị, nhóm đơn vị (kèm thành viên) và cơ quan bên ngoài")
    add_db_option(listing)
    listing.add_argument("--json", action="store_true", help="in dạng JSON (một danh sách)")
    listing.set_defaults(handler=run_list)
    load = actions.add_parser(
        "import", help="khai báo các đơn vị của Sở từ tệp .txt (mỗi dòng «Tên; viết tắt; loại») hoặc .xlsx"
    )
    add_db_option(load)
    load.add_argument("file", type=Path, metavar="FILE")
    load.add_argument("--name", default="", metavar="TÊN", help="tên Sở, ví dụ «Sở Nông nghiệp và Môi trường»")
    load.add_argument("--abbr", default="", metavar="VIẾT_TẮT", help="tên viết tắt của Sở, ví dụ SNNMT")
    load.add_argument("--governing-body", default="", metavar="CƠ_QUAN", help="cơ quan chủ quản, ví dụ «UBND tỉnh Khánh Hòa»")
    load.set_defaults(handler=run_import)


def run_list(args: argparse.Namespace) -> int:
    with open_services(args) as services:
        listing = services.organization.listing()
    if args.json:
        print_json([entry.to_json() for entry in listing])
        return 0
    if not listing:
        print("Danh mục chưa có đơn vị nào.")
    for entry in listing:
        kind = entry.unit_type.label if entry.unit_type else entry.kind.label
        members = f" — gồm: {', '.join(entry.members)}" if entry.members else ""
        print(f"{entry.id}\t{kind}\t{entry.tasks} nhiệm vụ\t{entry.name}{members}")
    return 0


def run_import(args: argparse.Namespace) -> int:
    from kehoach_desktop.importers.base import ImportFailed
    from kehoach_desktop.importers.units_list import read_units_file

    if not args.file.is_file():
        raise UsageError(f"Không tìm thấy tệp {args.file}.")
    try:
        lines, problems = read_units_file(args.file)
    except ImportFailed as exc:
        raise UsageError(str(exc)) from exc
    if problems:
        raise UsageError("\n".join(f"{args.file.name}: {problem.message}" for problem in problems))
    with Services.open(db_path(args)) as services:  # the first step of a new database may be this
        result = services.organization.set_up(
            lines, name=args.name, abbreviation=args.abbr, governing_body=args.governing_body
        )
    print(f"Đã khai báo {len(lines)} đơn vị: thêm mới {len(result.added)}, cập nhật {len(result.updated)}.")
    if result.collectives:
        print("Đã tạo các nhóm: " + "; ".join(result.collectives) + ".")
    return 0
