"""`issued`: the register of issued documents (Sổ văn bản đã phát hành)."""

from __future__ import annotations

import argparse
from pathlib import Path

from kehoach_desktop.cli.common import UsageError, add_db_option, open_services, print_json


def register(commands) -> None:
    issued = commands.add_parser("issued", help="sổ văn bản đã phát hành: xem, tìm, lấy lại bản đã in")
    actions = issued.add_subparsers(dest="issued_action", metavar="VIỆC", required=True)
    listing = actions.add_parser("list", help="liệt kê các văn bản đã phát hành, mới nhất trước")
    add_db_option(listing)
    listing.add_argument("--search", metavar="TỪ", default="", help="chỉ các văn bản có những từ này (không cần dấu)")
    listing.add_argument("--json", action="store_true", help="in dạng JSON, mỗi văn bản một dòng")
    listing.set_defaults(handler=run_list)
    save = actions.add_parser("save", help="ghi lại đúng bản đã phát hành ra tệp .pdf (hoặc .docx)")
    add_db_option(save)
    save.add_argument("id", type=int, metavar="SỐ", help="số thứ tự trong sổ (cột đầu của «issued list»)")
    save.add_argument("-o", "--output", type=Path, required=True, metavar="FILE")
    save.set_defaults(handler=run_save)


def run_list(args: argparse.Namespace) -> int:
    with open_services(args, must_exist=True) as services:
        entries = services.register.entries(args.search)
    for entry in entries:
        if args.json:
            print_json(
                {"id": entry.id, "kind": entry.kind, "reference": entry.reference, "issued_on": entry.issued_on.isoformat(),
                 "title": entry.title, "period": entry.period, "plan_ids": list(entry.plan_ids),
                 "figures": entry.figures}  # fmt: skip
            )
        else:
            print(f"{entry.id}\t{entry.reference}\t{entry.issued_on:%d/%m/%Y}\t{entry.kind_label}\t{entry.title}")
    if not entries and not args.json:
        print("Sổ chưa có văn bản nào." if not args.search else "Không có văn bản nào khớp.")
    return 0


def run_save(args: argparse.Namespace) -> int:
    with open_services(args, must_exist=True) as services:
        document = services.register.get(args.id)
    suffix = args.output.suffix.lower()
    if suffix == ".docx":
        if document.docx is None:
            raise UsageError(f"Văn bản số {args.id} được lưu sổ không kèm bản Word; hãy lấy bản .pdf.")
        data = document.docx
    elif suffix == ".pdf":
        data = document.pdf
    else:
        raise UsageError("Tệp ra phải có đuôi .pdf hoặc .docx.")
    try:
        args.output.write_bytes(data)
    except OSError as exc:
        raise UsageError(f"Không ghi được tệp {args.output}: {exc.strerror}.") from exc
    print(f"Đã ghi {args.output} ({document.reference}, ngày {document.issued_on:%d/%m/%Y}).")
    return 0
