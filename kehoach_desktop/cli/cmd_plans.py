"""`plans`: the plans in the database."""

from __future__ import annotations

import argparse

from kehoach_desktop.cli.common import add_db_option, nothing_to_open, open_services, print_json


def register(commands) -> None:
    plans = commands.add_parser("plans", help="liệt kê các kế hoạch")
    add_db_option(plans)
    plans.add_argument("--json", action="store_true", help="in dạng JSON, mỗi kế hoạch một dòng")
    plans.set_defaults(handler=run_plans)


def run_plans(args: argparse.Namespace) -> int:
    if nothing_to_open(args):
        summaries = []
    else:
        with open_services(args) as services:
            summaries = services.plans.list_plans()
    if args.json:
        for s in summaries:
            print_json(
                {"id": s.id, "year": s.year, "title": s.title, "doc_number": s.doc_number,
                 "issuer": s.issuer, "tasks": s.task_count}  # fmt: skip
            )
    elif not summaries:
        print("Chưa có kế hoạch nào.")
    else:
        for s in summaries:
            print(f"{s.id}\t{s.year}\t{s.doc_number or '—'}\t{s.task_count} nhiệm vụ\t{s.title}")
    return 0
