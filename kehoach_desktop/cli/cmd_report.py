"""`report KIND`: a report in the official format (Nghị định 30/2020/NĐ-CP), as
PDF or Word (.docx, by the output file's name). What each kind asks for is in
reports/registry.py; `don-doc --each-late-unit -o DIR` writes one letter per
late unit (PDF and .docx) into a folder."""

from __future__ import annotations

import argparse
from datetime import date
from pathlib import Path

from kehoach_desktop.cli.common import UsageError, add_db_option, open_services
from kehoach_desktop.domain.periods import HELP as PERIOD_HELP
from kehoach_desktop.domain.periods import Period, parse_period
from kehoach_desktop.reports.model import ReportKind, ReportRequest
from kehoach_desktop.reports.registry import all_specs

KIND_HELP = "; ".join(f"{spec.kind.value}: {spec.label[0].lower()}{spec.label[1:]}" for spec in all_specs())
SUFFIXES = (".pdf", ".docx")


def register(commands) -> None:
    report = commands.add_parser(
        "report", help="in báo cáo (PDF hoặc Word .docx) đúng thể thức Nghị định 30/2020/NĐ-CP", description=KIND_HELP
    )
    report.add_argument("kind", metavar="LOẠI", choices=[spec.kind.value for spec in all_specs()], help=KIND_HELP)
    plans = report.add_mutually_exclusive_group(required=True)
    plans.add_argument("--plan", type=int, action="append", metavar="ID", help="số của kế hoạch (lặp lại để gộp nhiều kế hoạch)")
    plans.add_argument("--year", type=int, metavar="YYYY", help="tất cả kế hoạch của năm YYYY")
    report.add_argument("--period", metavar="KỲ", help="kỳ báo cáo: " + PERIOD_HELP)
    report.add_argument("--from", dest="start", metavar="YYYY-MM-DD", help="kỳ báo cáo từ ngày")
    report.add_argument("--to", dest="end", metavar="YYYY-MM-DD", help="kỳ báo cáo đến ngày")
    report.add_argument("--as-of", dest="as_of", metavar="YYYY-MM-DD", help="ngày tính quá hạn (mặc định: hôm nay)")
    report.add_argument(
        "--unit", metavar="TÊN", action="append",
        help="đơn vị nhận công văn đôn đốc (don-doc; lặp lại để gửi một công văn cho nhiều đơn vị), "
        "hoặc chỉ một đơn vị (qua-han)",
    )  # fmt: skip
    report.add_argument(
        "--each-late-unit", action="store_true",
        help="don-doc: mỗi đơn vị có nhiệm vụ quá hạn, sắp đến hạn một công văn (PDF và .docx) ghi vào thư mục -o",
    )  # fmt: skip
    report.add_argument(
        "--font", choices=("auto", "bundled"), default="auto",
        help="auto: Times New Roman nếu máy có, bundled: phông Liberation Serif kèm chương trình",
    )  # fmt: skip
    add_db_option(report)
    report.add_argument("-o", "--output", type=Path, required=True, metavar="FILE.pdf|FILE.docx|DIR",
                        help="tệp ghi ra: .pdf hoặc .docx (thư mục với --each-late-unit)")  # fmt: skip
    report.set_defaults(handler=run_report)


def run_report(args: argparse.Namespace) -> int:
    spec = ReportKind(args.kind).spec
    period = _period(args)
    if spec.needs_period and period is None:
        raise UsageError(f"{spec.name} ({spec.kind.value}) cần kỳ báo cáo: --period KỲ hoặc --from NGÀY --to NGÀY. " + PERIOD_HELP)
    units = args.unit or []
    if units and not spec.uses_unit:
        allowed = ", ".join(item.kind.value for item in all_specs() if item.uses_unit)
        raise UsageError(f"Tùy chọn --unit chỉ dùng với {allowed}.")
    if len(units) > 1 and not spec.several_units:
        raise UsageError(f"{spec.kind.value} chỉ nhận một đơn vị (--unit).")
    if args.each_late_unit and not spec.several_units:
        raise UsageError("Tùy chọn --each-late-unit chỉ dùng với don-doc.")
    if spec.needs_unit and not units and not args.each_late_unit:
        raise UsageError(f"{spec.name} ({spec.kind.value}) cần tên đơn vị nhận: --unit \"Tên đơn vị\" "
                         "(hoặc --each-late-unit -o THƯ_MỤC).")  # fmt: skip
    if not args.each_late_unit and args.output.suffix.lower() not in SUFFIXES:
        raise UsageError(f"Tệp ghi ra phải có đuôi .pdf hoặc .docx: «{args.output}».")
    as_of = _date(args.as_of, "--as-of") if args.as_of else None
    font = False if args.font == "bundled" else None
    with open_services(args, must_exist=True) as services:
        plan_ids = services.reports.plan_ids_of_year(args.year) if args.year is not None else args.plan
        unit_ids = [services.reports.find_unit(name).id for name in units]
        if args.each_late_unit:
            batch = services.reports.remind_each(plan_ids, as_of or date.today(), args.output, unit_ids=unit_ids or None,
                                                 prefer_system_font=font)  # fmt: skip
            print(f"Đã ghi {len(batch.units)} công văn đôn đốc ({len(batch.files)} tệp) vào {args.output}.")
            if batch.skipped:
                print("Không cần đôn đốc: " + "; ".join(batch.skipped) + ".")
            return 0
        request = ReportRequest(spec.kind, plan_ids, period=period, as_of=as_of,
                                unit_id=unit_ids[0] if unit_ids else None, unit_ids=unit_ids[1:])  # fmt: skip
        content = services.reports.make_file(request, args.output, prefer_system_font=font)
    if args.output.suffix.lower() == ".docx":
        print(f"Đã ghi {args.output} (Word, {len(content) // 1024 + 1} KB).")
    else:
        print(f"Đã ghi {args.output} ({content.count(b'/Type /Page') - content.count(b'/Type /Pages')} trang).")
    return 0


def _period(args: argparse.Namespace) -> Period | None:
    if args.period and (args.start or args.end):
        raise UsageError("Chỉ dùng một cách ghi kỳ báo cáo: --period, hoặc --from và --to.")
    if args.period:
        return parse_period(args.period)
    if args.start or args.end:
        if not (args.start and args.end):
            raise UsageError("Kỳ báo cáo từ ngày đến ngày cần cả --from và --to.")
        return Period.between(_date(args.start, "--from"), _date(args.end, "--to"))
    return None


def _date(text: str, option: str) -> date:
    try:
        return date.fromisoformat(text.strip())
    except ValueError:
        raise UsageError(f"Ngày không hợp lệ ở {option}: «{text}». Viết theo dạng YYYY-MM-DD, ví dụ 2025-09-30.") from None
