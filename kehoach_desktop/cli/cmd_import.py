"""`import FILE`: a plan from .docx, .xlsx or text (`-`: from standard input).

Prints the new plan's id on standard output (only the number) and the warnings
on standard error. `--dry-run` prints what would be imported and writes nothing.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from kehoach_desktop.cli.common import UsageError, add_db_option, db_path
from kehoach_desktop.domain.areas import area
from kehoach_desktop.domain.drafts import PlanDraft, SectionDraft
from kehoach_desktop.domain.text import tidy_line
from kehoach_desktop.importers.base import ImportFailed
from kehoach_desktop.importers.text_reader import decode
from kehoach_desktop.services import Services
from kehoach_desktop.services.imports import DuplicatePlanError, ImportService, read_plan
from kehoach_desktop.store import Store

STDIN_NAME = "văn bản từ đầu vào chuẩn"


def register(commands) -> None:
    parser = commands.add_parser("import", help="nhập một kế hoạch từ tệp .docx, .xlsx hoặc văn bản")
    parser.add_argument(
        "file", metavar="FILE", help="tệp kế hoạch (.docx, .xlsx, .txt, .md); «-»: đọc văn bản từ đầu vào chuẩn"
    )
    add_db_option(parser)
    parser.add_argument("--year", type=int, metavar="YYYY", help="năm của kế hoạch (khi văn bản không ghi rõ)")
    parser.add_argument("--dry-run", action="store_true", help="chỉ in những gì sẽ được nhập, không ghi gì")
    parser.add_argument(
        "--allow-duplicate", action="store_true", help="vẫn nhập khi kế hoạch này đã được nhập trước đây"
    )
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    # Read and understand the file before opening the database: a bad file leaves
    # no trace, not even a new empty database.
    draft = _preview(args)
    _print_warnings(draft)
    if args.dry_run:
        _print_summary(draft, _existing_duplicates(args, draft))
        return 0
    with Services.open(db_path(args)) as services:
        try:
            plan_id = services.imports.import_draft(draft, allow_duplicate=args.allow_duplicate).value
        except DuplicatePlanError as exc:
            raise UsageError(_duplicate_message(args, exc)) from exc
    print(plan_id)
    return 0


def _preview(args: argparse.Namespace) -> PlanDraft:
    if args.file == "-":
        try:
            text = decode(sys.stdin.buffer.read(), STDIN_NAME)
        except ImportFailed as exc:
            raise UsageError(str(exc)) from exc
        return read_plan(text=text, year=args.year, source_name=STDIN_NAME)
    return read_plan(path=Path(args.file), year=args.year)


def _existing_duplicates(args: argparse.Namespace, draft: PlanDraft) -> list:
    path = db_path(args)
    if not path.exists():
        return []
    with Store.open(path, readonly=True) as store:
        return ImportService(store).duplicates(draft)


def _print_warnings(draft: PlanDraft) -> None:
    for warning in draft.warnings:
        print(f"Cảnh báo: {warning}", file=sys.stderr)


def _print_summary(draft: PlanDraft, duplicates: list) -> None:
    plan = draft.plan
    print(f"Tệp: {plan.source_name}")
    print(f"Kế hoạch: {plan.display_name}")
    print(f"Năm: {plan.year}")
    for section in draft.sections:
        _print_section(section, "")
        for sub in section.subsections:
            _print_section(sub, "    ")
    print(f"Tổng cộng: {len(draft.all_sections())} mục, {draft.task_count()} nhiệm vụ.")
    print(f"{len(draft.warnings)} cảnh báo (in ở trên)." if draft.warnings else "Không có cảnh báo.")
    for plan_summary in duplicates:
        print(f"Lưu ý: nội dung này đã có trong dữ liệu (kế hoạch số {plan_summary.id}, «{plan_summary.title}»).")
    print("Chạy thử: chưa ghi gì vào dữ liệu.")


def _print_section(section: SectionDraft, indent: str) -> None:
    count = _count(section)
    title = tidy_line(section.title)
    label = f"{section.ordinal}. {title}" if section.ordinal else title or "(mục không tên)"
    print(f"{indent}{label} — {area(section.area_code).name} — {count} nhiệm vụ")


def _count(section: SectionDraft) -> int:
    def count(tasks) -> int:
        return sum(1 + count(task.children) for task in tasks)

    return count(section.tasks)


def _duplicate_message(args: argparse.Namespace, exc: DuplicatePlanError) -> str:
    return f"{exc} Nếu vẫn muốn nhập thành một kế hoạch mới, chạy lại lệnh với --allow-duplicate."
