"""`report KIND`: a report in the official format (Nghị định 30/2020/NĐ-CP), as PDF."""

from __future__ import annotations

import argparse
from datetime import date
from pathlib import Path

from kehoach_desktop.cli.common import UsageError, add_db_option, open_services
from kehoach_desktop.domain.periods import HELP as PERIOD_HELP
from kehoach_desktop.domain.periods import Period, parse_period
from kehoach_desktop.reports.model import ReportKind, ReportRequest

KIND_HELP = (
    "ke-hoach: kế hoạch kèm Phụ lục nhiệm vụ; bao-cao: báo cáo kết quả thực hiện theo kỳ; "
    "qua-han: danh sách nhiệm vụ quá hạn và sắp đến hạn; don-doc: công văn đôn đốc một đơn vị; "
    "thong-ke: thống kê theo đơn vị (có biểu đồ)"
)


def register(commands) -> None:
    report = commands.add_parser(
        "report", help="in báo cáo PDF đúng thể thức Nghị định 30/2020/NĐ-CP", description=KIND_HELP
    )
    report.add_argument("kind", metavar="LOẠI", choices=[kind.value for kind in ReportKind], help=KIND_HELP)
    plans = report.add_mutually_exclusive_group(required=True)
    plans.add_argument("--plan", type=int, action="append", metavar="ID", help="số của kế hoạch (lặp lại để gộp nhiều kế hoạch)")
    plans.add_argument("--year", type=int, metavar="YYYY", help="tất cả kế hoạch của năm YYYY")
    report.add_argument("--period", metavar="KỲ", help="kỳ báo cáo: " + PERIOD_HELP)
    report.add_argument("--from", dest="start", metavar="YYYY-MM-DD", help="kỳ báo cáo từ ngày")
    report.add_argument("--to", dest="end", metavar="YYYY-MM-DD", help="kỳ báo cáo đến ngày")
    report.add_argument("--as-of", dest="as_of", metavar="YYYY-MM-DD", help="ngày tính quá hạn (mặc định: hôm nay)")
    report.add_argument("--unit", metavar="TÊN", help="đơn vị nhận công văn đôn đốc (don-doc), hoặc chỉ một đơn vị (qua-han)")
    report.add_argument(
        "--font", choices=("auto", "bundled"), default="auto",
        help="auto: Times New Roman nếu máy có, bundled: phông Liberation Serif kèm chương trình",
    )  # fmt: skip
    add_db_option(report)
    report.add_argument("-o", "--output", type=Path, required=True, metavar="FILE.pdf", help="tệp PDF ghi ra")
    report.set_defaults(handler=run_report)


def run_report(args: argparse.Namespace) -> int:
    kind = ReportKind(args.kind)
    period = _period(args)
    if kind.needs_period and period is None:
        raise UsageError("Báo cáo kết quả (bao-cao) cần kỳ báo cáo: --period KỲ hoặc --from NGÀY --to NGÀY. " + PERIOD_HELP)
    if args.unit and kind not in (ReportKind.REMINDER, ReportKind.ATTENTION):
        raise UsageError("Tùy chọn --unit chỉ dùng với don-doc và qua-han.")
    if kind.needs_unit and not args.unit:
        raise UsageError("Công văn đôn đốc (don-doc) cần tên đơn vị nhận: --unit \"Tên đơn vị\".")
    as_of = _date(args.as_of, "--as-of") if args.as_of else None
    with open_services(args, must_exist=True) as services:
        plan_ids = services.reports.plan_ids_of_year(args.year) if args.year is not None else args.plan
        unit_id = services.reports.find_unit(args.unit).id if args.unit else None
        request = ReportRequest(kind, plan_ids, period=period, as_of=as_of, unit_id=unit_id)
        content = services.reports.make_pdf(
            request, args.output, prefer_system_font=False if args.font == "bundled" else None
        )
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
