"""Reports: what a report prints, read from the database; the last header used;
the office's report settings; the sentences rewritten by hand.

Every kind-specific choice is in reports/registry.py (`kind.spec`): this
service only reads what a spec asks for and hands it over.

Threading: `prepare()` reads the database and must run on the thread that owns
this Store (the GUI thread; it takes a few queries). Its result is a plain
`ReportData` that `kehoach_desktop.reports.render_pdf()` / `render_docx()` turn
into a file on any thread. `make_file()` does both, for the command line.

Header prefill (`default_header`): the kind's `header_defaults` (the plan, the
office's signer settings, Kính gửi and Nơi nhận from reports/headers.py); the
last report of the same kind, when there is one, overrides the fields a person
keeps from one report to the next (STICKY_FIELDS); the sentences rewritten for
this very report (same kind, plans, period, units) come back as `edits`. The
number and the date stay blank, as the decree's templates leave them for the
Văn thư. For the plan itself the plan's own header wins.
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from kehoach_desktop.domain.models import Unit, UnitKind
from kehoach_desktop.domain.periods import Period
from kehoach_desktop.domain.text import fold
from kehoach_desktop.domain.units import unit_key
from kehoach_desktop.reports.headers import SIGNER_KEYS, HeaderContext
from kehoach_desktop.reports.model import ReportData, ReportHeader, ReportInputError, ReportKind, ReportRequest
from kehoach_desktop.reports.registry import Inputs
from kehoach_desktop.reports.texts import short_date
from kehoach_desktop.services.errors import NotFoundError, ServiceError
from kehoach_desktop.services.plans import PlanService
from kehoach_desktop.services.statistics import StatisticsService
from kehoach_desktop.store import Store, report_store
from kehoach_desktop.store.units import find_unit, load_units

@dataclass
class BatchResult:
    """One letter per late unit: the files written, and the units left out."""

    files: list[Path]
    units: list[str]
    skipped: list[str]


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

    # --- settings, headers, edits ------------------------------------------------------

    def settings(self) -> dict[str, str]:
        """The office's report settings (the signer block: SIGNER_KEYS)."""
        return report_store.load_settings(self.store.conn)

    def save_signer(self, signer_title: str, signer_name: str) -> None:
        """The signer every report opens with from now on ("KT. GIÁM ĐỐC\nPHÓ GIÁM ĐỐC", name)."""
        lines = [line.strip() for line in (signer_title or "").splitlines() if line.strip()]
        values = dict(zip(SIGNER_KEYS, ("\n".join(lines), (signer_name or "").strip())))
        with self.store.write():
            report_store.save_settings(self.store.conn, values)

    def last_header(self, kind: ReportKind) -> ReportHeader | None:
        data = report_store.load_header(self.store.conn, ReportKind(kind).value)
        if data is None:
            return None
        try:
            return ReportHeader.from_json(data)
        except (ValueError, TypeError):  # a damaged entry is only a lost prefill
            return None

    def save_header(self, kind: ReportKind, header: ReportHeader, request: ReportRequest | None = None) -> None:
        """Remember the header used, to prefill the next report of this kind, and
        the sentences rewritten by hand for this report (`request`)."""
        header = header.normalised()
        data = header.to_json()
        data["edits"] = {}
        with self.store.write():
            report_store.save_header(self.store.conn, ReportKind(kind).value, data)
            if request is not None:
                report_store.save_edits(self.store.conn, request.identity(), header.edits)

    def saved_edits(self, request: ReportRequest) -> dict[str, str]:
        return report_store.load_edits(self.store.conn, request.identity())

    def default_header(
        self, kind: ReportKind, plan_ids: list[int], *, period: Period | None = None,
        as_of: date | None = None, unit_id: int | None = None, unit_ids: list[int] | None = None,
    ) -> ReportHeader:  # fmt: skip
        """The header the dialog opens with (see the module docstring)."""
        spec = ReportKind(kind).spec
        plans = [self.plans.get(plan_id) for plan_id in plan_ids]
        if not plans:
            raise ServiceError("Chưa chọn kế hoạch nào.")
        request = ReportRequest(spec.kind, list(plan_ids), period=period, as_of=as_of, unit_id=unit_id,
                                unit_ids=list(unit_ids or []))  # fmt: skip
        units = [self._unit(uid) for uid in request.units()]
        context = HeaderContext(plans, period, as_of or date.today(), units, self.settings())
        header = spec.header_defaults(context)
        saved = self.last_header(spec.kind)
        if saved:
            header = header.with_sticky_from(saved, only_blanks=spec.own_header_wins)
            if not spec.own_header_wins and context.settings.get("signer_title"):
                header.signer_title, header.signer_name = context.settings["signer_title"], context.settings.get("signer_name", "")
        if not spec.has_kinh_gui:
            header.kinh_gui = []
        if spec.has_kinh_gui and units:  # the letter goes to the units chosen now
            header.kinh_gui = [unit.name for unit in units]
        header.edits = self.saved_edits(request)
        return header.normalised()

    # --- making reports ----------------------------------------------------------------

    def prepare(self, request: ReportRequest) -> ReportData:
        """Everything the report prints, checked and read from the database."""
        spec = ReportKind(request.kind).spec
        ids = _check_plans(spec, request.plan_ids)
        if spec.needs_period and request.period is None:
            raise ServiceError(f"{spec.name} cần chọn kỳ báo cáo (tháng, quý, 6 tháng, 9 tháng, năm hoặc từ ngày đến ngày).")
        if spec.needs_unit and not request.units():
            raise ServiceError(f"{spec.name} cần chọn đơn vị nhận.")
        as_of = request.as_of or date.today()
        tree = self.plans.tree(ids)
        units = [self._unit(uid) for uid in request.units()]
        header = request.header or self.default_header(
            spec.kind, ids, period=request.period, as_of=as_of, unit_id=request.unit_id, unit_ids=request.unit_ids
        )
        cutoff = request.period.end if request.period and spec.uses_period else as_of
        data = ReportData(spec.kind, header.normalised(), tree, cutoff, request.period, soon_days=request.soon_days)
        if spec.has_content:
            states = self.statistics.states(tree, cutoff, request.soon_days)
            inputs = Inputs(tree, states, cutoff, request.period, units, self._group_ids(), soon_days=request.soon_days)
            if spec.needs_facts:
                from kehoach_desktop.services.report_facts import task_facts

                inputs.facts = task_facts(self.store.conn, tree, states, cutoff)
            try:
                data.content = spec.prepare(inputs)
            except ReportInputError as exc:
                raise ServiceError(str(exc)) from None
        return data

    def make_file(
        self, request: ReportRequest, path: Path | str | None = None, *, suffix: str | None = None,
        remember_header: bool = False, prefer_system_font: bool | None = None, on_page=None,
    ) -> bytes:  # fmt: skip
        """Prepare and render as PDF, or as .docx when the file (or `suffix`) says
        so; write to `path` when given (whole, or not at all); returns the bytes.
        `remember_header` saves the header used as the prefill of the next report
        of its kind; `on_page` see render_pdf()."""
        from kehoach_desktop.reports import render

        data = self.prepare(request)
        kind_of_file = suffix or (Path(path).suffix if path is not None else ".pdf")
        content = render(data, kind_of_file, prefer_system_font=prefer_system_font, on_page=on_page)
        if path is not None:
            _write_whole(Path(path), content)
        if remember_header:
            self.save_header(data.kind, data.header, request)
        return content

    def make_pdf(self, request: ReportRequest, path: Path | str | None = None, **options) -> bytes:
        return self.make_file(request, path, suffix=".pdf", **options)

    def make_docx(self, request: ReportRequest, path: Path | str | None = None, **options) -> bytes:
        return self.make_file(request, path, suffix=".docx", **options)

    # --- đôn đốc many units at once ----------------------------------------------------------

    def late_units(self, plan_ids: list[int], as_of: date, soon_days: int | None = None) -> list[Unit]:
        """The real units (not collectives) with an overdue or
        due-soon task they lead or coordinate, in name order."""
        from kehoach_desktop.domain import summaries as statistics

        tree = self.plans.tree(_check_plans(ReportKind.REMINDER.spec, plan_ids))
        states = self.statistics.states(tree, as_of, *(() if soon_days is None else (soon_days,)))
        late: set[int] = set()
        for unit_lines in statistics.attention_by_unit(tree, states, as_of):
            if unit_lines.unit_id is not None:
                late.add(unit_lines.unit_id)
        for task in tree.tasks:
            if task.id is not None and statistics.needs_attention(states[task.id]):
                late.update(link.unit_id for link in task.units)
        units = [unit for unit in repo_units(self.store) if unit.id in late and unit.kind is not UnitKind.GROUP]
        return sorted(units, key=lambda unit: fold(unit.name))

    def remind_each(
        self, plan_ids: list[int], as_of: date, folder: Path | str, *, unit_ids: list[int] | None = None,
        header: ReportHeader | None = None, prefer_system_font: bool | None = None,
    ) -> BatchResult:  # fmt: skip
        """One công văn đôn đốc per late unit (or per unit of `unit_ids`), each as
        PDF and .docx in `folder`: don-doc-<unit>-<date>.pdf / .docx. `header`
        (from the dialog) gives the shared fields; each letter gets its own Kính
        gửi, opening and closing."""
        from kehoach_desktop.reports import render_docx, render_pdf

        units = [self._unit(uid) for uid in unit_ids] if unit_ids else self.late_units(plan_ids, as_of)
        if not units:
            raise ServiceError(f"Không có đơn vị nào có nhiệm vụ quá hạn hoặc sắp đến hạn tính đến ngày {short_date(as_of)}.")
        folder = Path(folder)
        files, done, skipped = [], [], []
        for unit in units:
            request = ReportRequest(ReportKind.REMINDER, list(plan_ids), as_of=as_of, unit_id=unit.id)
            own = self.default_header(ReportKind.REMINDER, plan_ids, as_of=as_of, unit_id=unit.id)
            if header is not None:
                own = _shared_fields(header, own)
            request.header = own
            try:
                data = self.prepare(request)
            except ServiceError:
                skipped.append(unit.name)
                continue
            stem = f"don-doc-{_slug(unit.name)}-{as_of.isoformat()}"
            for suffix, content in ((".pdf", render_pdf(data, prefer_system_font=prefer_system_font)),
                                    (".docx", render_docx(data))):  # fmt: skip
                path = folder / f"{stem}{suffix}"
                _write_whole(path, content)
                files.append(path)
            done.append(unit.name)
        if not done:
            raise ServiceError("Không đơn vị nào cần công văn đôn đốc.")
        return BatchResult(files, done, skipped)

    # --- helpers ---------------------------------------------------------------------------------

    def _group_ids(self) -> set[int]:
        return {unit.id for unit in repo_units(self.store) if unit.kind is UnitKind.GROUP and unit.id is not None}

    def _unit(self, unit_id: int) -> Unit:
        for unit in repo_units(self.store):
            if unit.id == unit_id:
                return unit
        raise NotFoundError(f"Không tìm thấy đơn vị số {unit_id}.")


SHARED_FIELDS = ("governing_body", "issuer", "number", "symbol", "place", "issued_on", "year", "archive",
                 "signer_title", "signer_name")  # fmt: skip


def _shared_fields(chosen: ReportHeader, own: ReportHeader) -> ReportHeader:
    """A unit's own letter header with the fields the person set for all letters."""
    for name in SHARED_FIELDS:
        setattr(own, name, getattr(chosen, name))
    return own


def _slug(text: str) -> str:
    import re

    return re.sub(r"[^a-z0-9]+", "-", fold(text)).strip("-")


def repo_units(store: Store) -> list[Unit]:
    return load_units(store.conn)


def _check_plans(spec, plan_ids: list[int]) -> list[int]:
    ids = list(dict.fromkeys(plan_ids or []))
    if not ids:
        raise ServiceError("Chưa chọn kế hoạch nào.")
    if spec.single_plan and len(ids) > 1:
        raise ServiceError("Mỗi lần chỉ in được một kế hoạch; hãy chọn một kế hoạch.")
    return ids


def _write_whole(path: Path, content: bytes) -> None:
    from kehoach_desktop.reports import save_file

    try:
        save_file(content, path)
    except OSError as exc:
        raise ServiceError(f"Không ghi được tệp {path}: {exc.strerror or exc}.") from exc
