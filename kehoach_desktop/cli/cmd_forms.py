"""`forms export` / `forms import`: the units' report forms out and back in."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from kehoach_desktop.cli.common import UsageError, add_db_option, open_services
from kehoach_desktop.domain.periods import parse_period
from kehoach_desktop.services.forms_matcher import FormsPreview, PreviewEntry

ACCEPT_FLAG = "--accept-conflicts"
PERIOD_HELP = "kỳ báo cáo: 2025-11, 2025-Q3, 2025-H1, 2025-9T, 2025"


def register(commands) -> None:
    forms = commands.add_parser("forms", help="mẫu báo cáo của các đơn vị: xuất ra và nhập lại")
    actions = forms.add_subparsers(dest="action", metavar="VIỆC", required=True)

    export = actions.add_parser("export", help="xuất mẫu báo cáo của kỳ cho từng đơn vị")
    export.add_argument("--plan", type=int, required=True, metavar="ID", help="số của kế hoạch (xem lệnh plans)")
    export.add_argument("--period", required=True, metavar="KỲ", help=PERIOD_HELP)
    export.add_argument(
        "--one-workbook", action="store_true", help="một tệp, mỗi đơn vị một trang tính (mặc định: mỗi đơn vị một tệp)"
    )
    export.add_argument("-o", "--output", type=Path, required=True, metavar="DIR", help="thư mục ghi các tệp mẫu")
    add_db_option(export)
    export.set_defaults(handler=run_export)

    load = actions.add_parser("import", help="nhập các mẫu báo cáo đơn vị đã điền")
    load.add_argument("files", nargs="+", type=Path, metavar="FILE", help="các tệp .xlsx đơn vị gửi về")
    load.add_argument("--dry-run", action="store_true", help="chỉ xem trước: mới, thay đổi, xung đột; không ghi gì")
    load.add_argument(
        "--plan", type=int, metavar="ID", help="kế hoạch đang nhập (mẫu của kế hoạch khác bị báo xung đột)"
    )
    load.add_argument("--period", metavar="KỲ", help="kỳ đang nhập (mẫu của kỳ khác bị báo xung đột)")
    load.add_argument(
        ACCEPT_FLAG, action="store_true",
        help="vẫn nhập khi có xung đột (đã xem bản xem trước); lỗi trong tệp thì không bao giờ được bỏ qua",
    )  # fmt: skip
    add_db_option(load)
    load.set_defaults(handler=run_import)


def run_export(args: argparse.Namespace) -> int:
    with open_services(args, must_exist=True) as services:
        paths = services.forms.export_forms(args.plan, args.period, args.output, args.one_workbook)
    for note in paths.notes:
        print(f"Lưu ý: {note}", file=sys.stderr)
    for path in paths:
        print(path)
    return 0


def run_import(args: argparse.Namespace) -> int:
    with open_services(args, must_exist=True) as services:
        preview = services.forms.preview_import(args.files, args.plan, args.period)
        print("\n".join(preview_lines(preview)))
        if args.dry_run:
            return 0
        if preview.errors:
            raise UsageError("Chưa nhập gì: hãy sửa các lỗi trên (hoặc bỏ tệp lỗi ra) rồi nhập lại.")
        if preview.conflicts and not args.accept_conflicts:
            raise UsageError(
                f"Chưa nhập gì vì có xung đột. Xem lại các xung đột trên; nếu đồng ý, chạy lại với {ACCEPT_FLAG}."
            )
        counts = services.forms.apply(preview, accept_conflicts=args.accept_conflicts).value
    print(
        f"Đã nhập: {counts.new} báo cáo mới, {counts.changed} báo cáo thay đổi, "
        f"{counts.evidence} tài liệu kiểm chứng; {counts.tasks} nhiệm vụ được cập nhật kết quả chung."
    )
    return 0


def preview_lines(preview: FormsPreview) -> list[str]:
    """The preview in Vietnamese, grouped: files, new, changed, unchanged, errors, conflicts, notes."""
    lines = [f"Đã đọc {len(preview.files)} tệp:"]
    for summary in preview.files:
        if summary.plan_id is None:
            lines.append(f"  - {summary.path.name}: không đọc được (xem lỗi bên dưới)")
            continue
        period = _period_label(summary.period)
        units = ", ".join(summary.units) or "—"
        lines.append(
            f"  - {summary.path.name}: kế hoạch «{summary.plan_title}», kỳ {period}, đơn vị {units}, "
            f"đã điền {summary.filled_rows}/{summary.task_rows} nhiệm vụ"
        )
    for title, entries in (("Mới", preview.new), ("Thay đổi", preview.changed)):
        lines.append(f"{title} ({len(entries)}):")
        lines.extend(f"  - {_entry_line(entry)}" for entry in entries)
    lines.append(f"Không đổi: {len(preview.unchanged)}")
    for title, problems in (("Lỗi", preview.errors), ("Xung đột", preview.conflicts), ("Lưu ý", preview.notes)):
        if problems:
            lines.append(f"{title} ({len(problems)}):")
            lines.extend(f"  - {problem}" for problem in problems)
    return lines


def _entry_line(entry: PreviewEntry) -> str:
    update = entry.update
    head = f"[{entry.unit_name}] {entry.task_label}: {update.status.label}"
    if update.percent is not None:
        head += f", {update.percent}%"
    if entry.changes:
        head += " (" + "; ".join(entry.changes) + ")"
    return head


def _period_label(code: str) -> str:
    try:
        return parse_period(code).label
    except ValueError:
        return code
