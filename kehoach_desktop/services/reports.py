"""Reports: what a report prints, read from the database; the last header used.

Threading: `prepare()` reads the database and must run on the thread that owns
this Store (the GUI thread; it takes a few queries). Its result is a plain
`ReportData` that `kehoach_desktop.reports.render_pdf()` turns into PDF bytes on
any thread. `make_pdf()` does both, for the command line.

Header prefill (`default_header`): the plan gives the issuer, place, signer and
Nơi nhận; the last report of the same kind, when there is one, overrides the
fields a person keeps from one report to the next (STICKY_FIELDS: signer, Nơi
nhận, Kính gửi, ký hiệu, …). The number and the date stay blank, as the decree's
templates leave them for the Văn thư. For the plan itself the plan's own header
wins and the saved one only fills its blanks.
"""

from __future__ import annotations

import difflib
import json
from datetime import date
from pathlib import Path

from kehoach_desktop.domain.models import Plan, Unit, UnitKind
from kehoach_desktop.domain.periods import Period
from kehoach_desktop.domain.units import unit_key
from kehoach_desktop.reports.model import ReportData, ReportHeader, ReportKind, ReportRequest
from kehoach_desktop.reports.texts import (
    issuer_code,
    lower_first,
    short_date,
    split_archive,
    split_doc_number,
    without_trailing_year,
    year_in,
)
from kehoach_desktop.services import statistics
from kehoach_desktop.services.errors import NotFoundError, ServiceError
from kehoach_desktop.services.plans import PlanService
from kehoach_desktop.services.statistics import StatisticsService
from kehoach_desktop.store import Store
from kehoach_desktop.store import report_headers
from kehoach_desktop.store.units import find_unit, load_units
from kehoach_desktop.store.database import now_text

DEFAULT_ARCHIVE = "VT, VP"  # Văn thư, and the Văn phòng that drafts these reports
LEADERSHIP = "Lãnh đạo Sở (để b/c)"
ALL_UNITS = "Các phòng, đơn vị thuộc Sở"


class ReportService:
    def __init__(self, store: Store):
        self.store = store
        self.plans = PlanService(store)
        self.statistics = StatisticsService(store)

    # --- what a request names ---------------------------------------------------------

    def plan_ids_of_year(self, year: int) -> list[int]:
        """"Tất cả kế hoạch năm YYYY"."""
        ids = [summary.id for summary in self.plans.list_plans() if summary.year == year]
        if not ids:
            raise ServiceError(f"Không có kế hoạch nào của năm {year}.")
        return sorted(ids)

    def find_unit(self, name: str) -> Unit:
        """The unit called `name` (spelling and tone-mark variants aside); an unknown
        name raises ServiceError listing the closest names in the directory."""
        units = repo_units(self.store)
        found = find_unit(self.store.conn, name)
        if found is not None:
            return next(unit for unit in units if unit.id == found)
        wanted = unit_key(name)
        by_key = {unit_key(unit.name): unit.name for unit in units}
        close = [by_key[key] for key in difflib.get_close_matches(wanted, list(by_key), n=5, cutoff=0.5)]
        close += [unit.name for unit in units if wanted and wanted in unit_key(unit.name) and unit.name not in close]
        message = f"Không có đơn vị «{name}» trong danh mục."
        if close:
            message += " Tên gần giống: " + "; ".join(f"«{item}»" for item in close[:5]) + "."
        raise ServiceError(message)

    # --- headers ----------------------------------------------------------------------

    def last_header(self, kind: ReportKind) -> ReportHeader | None:
        data = report_headers.load(self.store.conn, ReportKind(kind).value)
        if data is None:
            return None
        try:
            return ReportHeader.from_json(json.loads(data))
        except (ValueError, TypeError):  # a damaged entry is only a lost prefill
            return None

    def save_header(self, kind: ReportKind, header: ReportHeader) -> None:
        """Remember the header used, to prefill the next report of this kind."""
        data = json.dumps(header.normalised().to_json(), ensure_ascii=False)
        with self.store.write() as conn:
            report_headers.save(conn, ReportKind(kind).value, data, now_text())

    def default_header(
        self, kind: ReportKind, plan_ids: list[int], *, period: Period | None = None,
        as_of: date | None = None, unit_id: int | None = None,
    ) -> ReportHeader:  # fmt: skip
        """The header the dialog opens with (see the module docstring)."""
        kind = ReportKind(kind)
        plans = [self.plans.get(plan_id) for plan_id in plan_ids]
        if not plans:
            raise ServiceError("Chưa chọn kế hoạch nào.")
        unit = self._unit(unit_id) if unit_id is not None else None
        header = _plan_header(kind, plans, period, as_of or date.today(), unit)
        saved = self.last_header(kind)
        if saved:
            header = header.with_sticky_from(saved, only_blanks=kind is ReportKind.PLAN)
        return header.normalised()

    # --- making reports ----------------------------------------------------------------

    def prepare(self, request: ReportRequest) -> ReportData:
        """Everything the report prints, checked and read from the database."""
        kind = ReportKind(request.kind)
        ids = _check_plans(kind, request.plan_ids)
        if kind.needs_period and request.period is None:
            raise ServiceError("Báo cáo kết quả cần chọn kỳ báo cáo (tháng, quý, 6 tháng, 9 tháng, năm hoặc từ ngày đến ngày).")
        if kind.needs_unit and request.unit_id is None:
            raise ServiceError("Công văn đôn đốc cần chọn đơn vị nhận.")
        as_of = request.as_of or date.today()
        tree = self.plans.tree(ids)
        unit = self._unit(request.unit_id) if request.unit_id is not None else None
        header = request.header or self.default_header(
            kind, ids, period=request.period, as_of=as_of, unit_id=request.unit_id
        )
        cutoff = request.period.end if request.period and kind in (ReportKind.RESULTS, ReportKind.UNIT_STATS) else as_of
        data = ReportData(kind, header.normalised(), tree, cutoff, request.period, soon_days=request.soon_days)
        if kind is not ReportKind.PLAN:
            states = self.statistics.states(tree, cutoff, request.soon_days)
            data.content = self._content(kind, tree, states, cutoff, unit)
        return data

    def make_pdf(
        self, request: ReportRequest, path: Path | str | None = None, *, remember_header: bool = False,
        prefer_system_font: bool | None = None, on_page=None,
    ) -> bytes:  # fmt: skip
        """Prepare and render; write to `path` when given (whole, or not at all);
        returns the PDF bytes. `remember_header` saves the header used as the
        prefill of the next report of its kind; `on_page` see render_pdf()."""
        from kehoach_desktop.reports import render_pdf

        data = self.prepare(request)
        content = render_pdf(data, prefer_system_font=prefer_system_font, on_page=on_page)
        if path is not None:
            _write_whole(Path(path), content)
        if remember_header:
            self.save_header(data.kind, data.header)
        return content

    def _content(self, kind, tree, states, cutoff: date, unit: Unit | None):
        if kind is ReportKind.RESULTS:
            return statistics.results_content(tree, states, cutoff)
        if kind is ReportKind.ATTENTION:  # one unit's list when a unit is chosen
            lines = statistics.attention_by_unit(tree, states, cutoff, unit.id if unit else None)
            return statistics.AttentionContent(states, lines)
        if kind is ReportKind.REMINDER:
            assert unit is not None  # prepare() refuses a reminder without a unit
            return self._reminder(tree, states, cutoff, unit)
        groups = {u.id for u in repo_units(self.store) if u.kind is UnitKind.GROUP}
        units = statistics.unit_statistics(tree, states, groups)
        return statistics.UnitStatsContent(states, units, statistics.count(states.values()))

    def _reminder(self, tree, states, cutoff: date, unit: Unit) -> statistics.ReminderContent:
        led = statistics.attention_by_unit(tree, states, cutoff, unit.id)
        lines = led[0] if led else statistics.UnitLines(unit.id, unit.name)
        coordinated = statistics.coordinated_attention(tree, states, cutoff, unit.id)
        if not lines.count and not coordinated:
            raise ServiceError(
                f"Đơn vị «{unit.name}» không có nhiệm vụ quá hạn hoặc sắp đến hạn tính đến ngày "
                f"{short_date(cutoff)}: không cần công văn đôn đốc."
            )
        return statistics.ReminderContent(unit.id, unit.name, lines, coordinated)

    def _unit(self, unit_id: int) -> Unit:
        for unit in repo_units(self.store):
            if unit.id == unit_id:
                return unit
        raise NotFoundError(f"Không tìm thấy đơn vị số {unit_id}.")


def repo_units(store: Store) -> list[Unit]:
    return load_units(store.conn)


def _check_plans(kind: ReportKind, plan_ids: list[int]) -> list[int]:
    ids = list(dict.fromkeys(plan_ids or []))
    if not ids:
        raise ServiceError("Chưa chọn kế hoạch nào.")
    if kind.single_plan and len(ids) > 1:
        raise ServiceError("Mỗi lần chỉ in được một kế hoạch; hãy chọn một kế hoạch.")
    return ids


def _write_whole(path: Path, content: bytes) -> None:
    from kehoach_desktop.reports import save_pdf

    try:
        save_pdf(content, path)
    except OSError as exc:
        raise ServiceError(f"Không ghi được tệp {path}: {exc.strerror or exc}.") from exc


# --- the header a plan gives ------------------------------------------------------------------


def _plan_header(kind: ReportKind, plans: list[Plan], period: Period | None, as_of: date, unit: Unit | None) -> ReportHeader:
    plan = plans[0]
    code = plan.issuer_abbr or issuer_code(plan.doc_number)
    recipients, archive = split_archive(plan.recipients)
    header = ReportHeader(
        governing_body=plan.governing_body,
        issuer=plan.issuer,
        place=plan.place,
        year=date.today().year,
        signer_title=plan.signer_title,
        signer_name=plan.signer_name,
        archive=DEFAULT_ARCHIVE,
    )
    if kind is ReportKind.PLAN:
        header.number, header.symbol = split_doc_number(plan.doc_number)
        header.symbol = header.symbol or _symbol("KH", code)
        header.issued_on = plan.issued_on
        header.year = plan.issued_on.year if plan.issued_on else (year_in(plan.date_text) or plan.year)
        header.title = plan.title
        header.legal_bases = list(plan.legal_bases)
        header.recipients = recipients
        header.archive = archive or "VT"
    elif kind is ReportKind.RESULTS:
        header.symbol = _symbol("BC", code)
        header.title = results_title(plans, period)
        header.recipients = recipients or [LEADERSHIP, ALL_UNITS]
        header.opening = results_opening(plans, period)
    elif kind is ReportKind.ATTENTION:
        header.title = f"Nhiệm vụ quá hạn và sắp đến hạn tính đến ngày {short_date(as_of)}"
        header.recipients = [LEADERSHIP, ALL_UNITS]
    elif kind is ReportKind.REMINDER:
        header.symbol = f"{code}-VP" if code else "VP"
        header.title = reminder_subject(plans)
        header.kinh_gui = [unit.name] if unit else []
        header.recipients = ["Như trên", "Giám đốc Sở (để b/c)"]
        header.opening = reminder_opening(plans, plan.issuer, unit, as_of)
        header.closing = reminder_closing(plan.issuer, unit)
    elif kind is ReportKind.UNIT_STATS:
        header.symbol = _symbol("BC", code)
        when = period.label if period else f"tính đến ngày {short_date(as_of)}"
        header.title = f"Thống kê tình hình thực hiện nhiệm vụ theo đơn vị {when}"
        header.recipients = [LEADERSHIP, ALL_UNITS]
    return header


def _symbol(type_code: str, issuer: str) -> str:
    return f"{type_code}-{issuer}" if issuer else type_code


def results_title(plans: list[Plan], period: Period | None) -> str:
    label = period.label if period else ""
    if len(plans) > 1:
        return f"Kết quả thực hiện các Kế hoạch cải cách hành chính {label}".strip()
    title = plans[0].title
    if period:
        title = without_trailing_year(title, period.year)
    subject = f"Kế hoạch {lower_first(title)}" if title else "Kế hoạch"
    return f"Kết quả thực hiện {subject} {label}".strip()


def results_opening(plans: list[Plan], period: Period | None) -> str:
    from kehoach_desktop.reports.parts import plans_citation

    issuer = plans[0].issuer or "cơ quan"
    label = period.label if period else ""
    return f"Thực hiện {plans_citation(plans)}, {issuer} báo cáo kết quả thực hiện {label} như sau:"


def reminder_subject(plans: list[Plan]) -> str:
    from kehoach_desktop.reports.parts import plan_number

    if len(plans) == 1 and plan_number(plans[0]):
        return f"đôn đốc thực hiện nhiệm vụ theo Kế hoạch số {plan_number(plans[0])}"
    years = sorted({plan.year for plan in plans})
    year = f" năm {years[-1]}" if years else ""
    return f"đôn đốc thực hiện nhiệm vụ quá hạn, sắp đến hạn{year}"


def reminder_opening(plans: list[Plan], issuer: str, unit: Unit | None, as_of: date) -> str:
    from kehoach_desktop.reports.parts import plans_citation

    whom = unit.name if unit else "đơn vị"
    return (
        f"Thực hiện {plans_citation(plans)}, qua theo dõi tình hình thực hiện đến ngày {short_date(as_of)}, "
        f"{issuer or 'cơ quan'} nhận thấy {whom} còn một số nhiệm vụ quá hạn hoặc sắp đến hạn chưa hoàn thành, "
        "cụ thể như sau:"
    )


def reminder_closing(issuer: str, unit: Unit | None) -> str:
    whom = unit.name if unit else "đơn vị"
    return (
        f"{issuer or 'Cơ quan'} đề nghị {whom} khẩn trương triển khai thực hiện, hoàn thành các nhiệm vụ nêu trên; "
        "báo cáo kết quả thực hiện về Văn phòng Sở trong thời hạn 05 ngày làm việc kể từ ngày nhận được "
        "Công văn này để tổng hợp, báo cáo Giám đốc Sở."
    )

