"""`import FILE`: a plan from .docx, .xlsx, .pdf, .doc/.xls or text (`-`: from standard input).

Prints the new plan's id on standard output (only the number) and the warnings
on standard error. `--dry-run` prints what would be imported (with what each
column of the table was taken for) and writes nothing. `--columns "2=content,
3=lead"` says what a column holds (numbered from 1, as `--dry-run` lists them);
the choices are remembered for tables with the same headers.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from kehoach_desktop.cli.common import UsageError, add_db_option, db_path
from kehoach_desktop.domain.areas import area
from kehoach_desktop.domain.drafts import COLUMN_MEANINGS, PlanDraft, SectionDraft
from kehoach_desktop.domain.text import fold, numbered, tidy_line
from kehoach_desktop.importers.base import ImportFailed
from kehoach_desktop.importers.text_reader import decode
from kehoach_desktop.services import Services
from kehoach_desktop.services.imports import (
    DuplicatePlanError,
    ImportService,
    check_year,
    interpret_document,
    read_document,
)
from kehoach_desktop.store import Store

STDIN_NAME = "văn bản từ đầu vào chuẩn"


def register(commands) -> None:
    parser = commands.add_parser("import", help="nhập một kế hoạch từ tệp .docx, .xlsx, .pdf hoặc văn bản")
    parser.add_argument(
        "file", metavar="FILE",
        help="tệp kế hoạch (.docx, .xlsx, .pdf, .doc, .xls, .txt, .md); «-»: đọc văn bản từ đầu vào chuẩn",
    )  # fmt: skip
    add_db_option(parser)
    parser.add_argument("--year", type=int, metavar="YYYY", help="năm của kế hoạch (khi văn bản không ghi rõ)")
    parser.add_argument("--dry-run", action="store_true", help="chỉ in những gì sẽ được nhập, không ghi gì")
    parser.add_argument(
        "--allow-duplicate", action="store_true", help="vẫn nhập khi kế hoạch này đã được nhập trước đây"
    )
    parser.add_argument(
        "--columns", metavar="N=NGHĨA,…",
        help="nghĩa của các cột trong bảng, đánh số từ 1 (xem bằng --dry-run), ví dụ «2=content,3=lead,7=output». "
        "Nghĩa: " + ", ".join(f"{code} ({name})" for code, name in COLUMN_MEANINGS),
    )  # fmt: skip
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
    columns = parse_columns(args.columns) if args.columns else None
    if args.year is not None:
        check_year(args.year)
    if args.file == "-":
        try:
            text = decode(sys.stdin.buffer.read(), STDIN_NAME)
        except ImportFailed as exc:
            raise UsageError(str(exc)) from exc
        doc = read_document(text=text, source_name=STDIN_NAME)
    else:
        doc = read_document(path=Path(args.file))
    # The database is looked at only once the file is read: a bad file leaves no trace.
    return interpret_document(doc, args.year, columns, _remembered(args), doc.source_name)


def parse_columns(text: str) -> dict[int, str]:
    """ "2=content,3=lead" (or the names shown: "3=Chủ trì") → {1: "content", 2: "lead"} (from 0)."""
    by_name = {fold(name): code for code, name in COLUMN_MEANINGS} | {code: code for code, _ in COLUMN_MEANINGS}
    out: dict[int, str] = {}
    for part in filter(None, (piece.strip() for piece in text.split(","))):
        number, _, meaning = part.partition("=")
        code = by_name.get(fold(meaning.strip()))
        if not number.strip().isdigit() or int(number) < 1 or code is None:
            raise UsageError(
                f"--columns: không hiểu «{part}». Viết SỐ_CỘT=NGHĨA, cột đánh số từ 1, ví dụ «2=content,3=lead»; "
                "nghĩa là một trong: " + ", ".join(f"{c} ({name})" for c, name in COLUMN_MEANINGS) + "."
            )
        out[int(number) - 1] = code
    return out


def _remembered(args: argparse.Namespace) -> dict[str, str]:
    """The column meanings chosen in earlier imports, when the database exists."""
    path = db_path(args)
    if not path.exists():
        return {}
    with Store.open(path, readonly=True) as store:
        return ImportService(store).remembered_columns()


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
    print("Các cột của bảng:")
    for number, column in enumerate(draft.columns, start=1):
        origin = {"chosen": " (đã chọn)", "remembered": " (theo lần nhập trước)"}.get(column.origin, "")
        print(f"    {number}. «{column.title}»: {column.meaning_name} [{column.meaning}]{origin}")
    _print_sections(draft.sections, "")
    print(f"Tổng cộng: {len(draft.all_sections())} mục, {draft.task_count()} nhiệm vụ.")
    print(f"{len(draft.warnings)} cảnh báo (in ở trên)." if draft.warnings else "Không có cảnh báo.")
    for plan_summary in duplicates:
        print(f"Lưu ý: nội dung này đã có trong dữ liệu (kế hoạch số {plan_summary.id}, «{plan_summary.title}»).")
    print("Chạy thử: chưa ghi gì vào dữ liệu.")


def _print_sections(sections: list[SectionDraft], indent: str) -> None:
    for section in sections:
        _print_section(section, indent)
        _print_sections(section.subsections, indent + "    ")


def _print_section(section: SectionDraft, indent: str) -> None:
    count = _count(section)
    title = tidy_line(section.title)
    label = numbered(section.ordinal, title) if section.ordinal else title or "(mục không tên)"
    print(f"{indent}{label} — {area(section.area_code).name} — {count} nhiệm vụ")


def _count(section: SectionDraft) -> int:
    def count(tasks) -> int:
        return sum(1 + count(task.children) for task in tasks)

    return count(section.tasks)


def _duplicate_message(args: argparse.Namespace, exc: DuplicatePlanError) -> str:
    return f"{exc} Nếu vẫn muốn nhập thành một kế hoạch mới, chạy lại lệnh với --allow-duplicate."
