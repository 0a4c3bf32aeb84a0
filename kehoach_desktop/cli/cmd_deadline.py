"""`deadline TEXT...`: how the program reads deadline texts."""

from __future__ import annotations

import argparse
from datetime import date

from kehoach_desktop.cli.common import print_json
from kehoach_desktop.domain import deadlines


def register(commands) -> None:
    parser = commands.add_parser("deadline", help="đọc thử các câu ghi thời hạn (Tiến độ)")
    parser.add_argument("texts", nargs="+", metavar="TEXT", help="câu ghi thời hạn, ví dụ «Trước ngày 25/7/2025»")
    parser.add_argument(
        "--year", type=int, default=date.today().year, metavar="YYYY", help="năm của kế hoạch (mặc định: năm nay)"
    )
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    for text in args.texts:
        deadline = deadlines.parse(text, args.year)
        print_json({"text": deadline.text, **deadline.to_json()})
    return 0
