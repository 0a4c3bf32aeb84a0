"""The window's report part: the "Báo cáo" menu, the report dialog, the preview.

A menu item opens the report dialog with its kind chosen and the window's focus
(the plan or year shown, the date, the unit filtered or the task's lead unit);
"Xem trước" makes the PDF off the GUI thread and opens the preview (Lưu PDF…,
In…, Sửa thông tin…).

The header used is remembered (services.reports.save_header) when the report is
saved or printed, not when it is only previewed: a preview is often a draft, and
the next report of the kind should open with what was actually issued.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMenu

from kehoach_desktop.domain.models import Role
from kehoach_desktop.domain.text import fold
from kehoach_desktop.gui.widgets import show_error
from kehoach_desktop.reports.model import ReportKind, ReportRequest
from kehoach_desktop.services import ServiceError
from kehoach_desktop.store import StoreError

if TYPE_CHECKING:  # the dialog and the preview (QtPdf, QtPrintSupport) load on first use, not with the window
    from kehoach_desktop.gui.pdf_preview import PdfPreview
    from kehoach_desktop.gui.report_dialog import Focus, RenderedReport

def menu_entries() -> tuple:
    """(kind, menu text, shortcut, status tip) of every kind, from reports/registry.py."""
    from kehoach_desktop.reports.registry import all_specs

    return tuple((spec.kind, spec.menu_text, spec.shortcut, spec.tip) for spec in all_specs())


class ReportActions:
    """Built by the main window with the «Báo cáo» menu it fills."""

    def __init__(self, window, menu: QMenu):
        self.window = window
        self.previews: list[PdfPreview] = []
        self.issued: list[RenderedReport] = []  # reports already in the register
        self.actions: dict[ReportKind, QAction] = {}
        for kind, text, shortcut, tip in menu_entries():
            action = QAction(text, window)
            if shortcut:
                action.setShortcut(QKeySequence(shortcut))
            action.setStatusTip(tip)
            action.setToolTip(tip)
            action.triggered.connect(lambda _checked=False, k=kind: self.open(k))
            menu.addAction(action)
            self.actions[kind] = action
        menu.addSeparator()
        self.register_action = QAction("Sổ văn bản đã &phát hành…", window)
        self.register_action.setStatusTip("Các báo cáo đã lưu hoặc in có số và ngày: xem, tìm, in lại đúng bản đã phát hành")
        self.register_action.triggered.connect(self.open_register)
        menu.addAction(self.register_action)
        menu.aboutToShow.connect(self.update_enabled)

    def update_enabled(self) -> None:
        has_plans = self.window.ui.planCombo.count() > 0
        for action in self.actions.values():
            action.setEnabled(has_plans)

    # --- the flow ------------------------------------------------------------------------------

    def open(self, kind: ReportKind) -> None:
        """Menu item → report dialog → preview."""
        if not self.window.services.plans.list_plans():
            show_error(self.window, "Chưa có kế hoạch nào để báo cáo. Hãy nhập kế hoạch trước (Tệp → Nhập kế hoạch…).")
            return
        report = self.ask(kind, parent=self.window)
        if report is not None:
            self.show_preview(report)

    def ask(self, kind: ReportKind, *, parent, request: ReportRequest | None = None) -> RenderedReport | None:
        from kehoach_desktop.gui.report_dialog import ReportDialog

        dialog = ReportDialog(parent, self.window.services, kind, self.focus(), request)
        try:
            dialog.exec()
            return dialog.outcome
        finally:
            dialog.deleteLater()

    def focus(self) -> Focus:
        from kehoach_desktop.gui.report_dialog import Focus

        window = self.window
        task = window.current_task()
        unit_id = window.ui.unitFilter.currentData()
        if unit_id is None and task is not None:
            leads = [link.unit_id for link in task.units if link.role is Role.LEAD]
            unit_id = leads[0] if leads else None
        return Focus(window.selected_plan_ids(), window.as_of, task.plan_id if task else None, unit_id)

    def show_preview(self, report: RenderedReport) -> PdfPreview:
        from kehoach_desktop.gui.pdf_preview import PdfPreview

        preview = PdfPreview(self.window, report.pdf, title=preview_title(report), file_name=self.file_name(report.request),
                             on_edit=self.edit)  # fmt: skip
        preview.report = report
        preview.on_used = lambda: self.remember(preview.report)
        preview.destroyed.connect(lambda *_: self.previews.remove(preview) if preview in self.previews else None)
        self.previews.append(preview)
        preview.show()
        return preview

    def edit(self, preview: PdfPreview) -> None:
        """"Sửa thông tin…": the dialog again on the same request; the preview shows the new PDF."""
        request = preview.report.request
        report = self.ask(request.kind, parent=preview, request=request)
        if report is not None:
            preview.report = report
            preview.show_pdf(report.pdf, title=preview_title(report), file_name=self.file_name(report.request))

    def remember(self, report: RenderedReport) -> None:
        try:
            self.window.services.reports.save_header(report.data.kind, report.data.header, report.request)
        except (ServiceError, StoreError) as exc:  # only a lost prefill: say so, do not stop the user
            self.window.statusBar().showMessage(f"Không ghi nhớ được thông tin văn bản: {exc}", 8000)
        self.keep_issued(report)

    def keep_issued(self, report: RenderedReport) -> None:
        """A report saved or printed with its number and date enters the Sổ văn bản
        đã phát hành, once (saving it again, or printing it, is the same document)."""
        if report in self.issued:
            return
        try:
            entry = self.window.services.register.issue(report.data, report.pdf)
        except (ServiceError, StoreError) as exc:
            self.window.statusBar().showMessage(f"Không ghi được văn bản vào sổ văn bản đã phát hành: {exc}", 8000)
            return
        if entry is not None:
            self.issued.append(report)
            self.window.statusBar().showMessage("Đã ghi văn bản vào Sổ văn bản đã phát hành.", 5000)

    def open_register(self) -> None:
        from kehoach_desktop.gui.register_window import open_register

        open_register(self.window, self.window.services)

    # --- file names ---------------------------------------------------------------------------------

    def file_name(self, request: ReportRequest) -> str:
        return default_file_name(request, self.window.services)


def preview_title(report: RenderedReport) -> str:
    title = report.data.header.title
    return f"{report.data.kind.label}: {title}" if title else report.data.kind.label


def slug(text: str) -> str:
    """File-name words without diacritics: "Văn phòng Sở" → "van-phong-so"."""
    return re.sub(r"[^a-z0-9]+", "-", fold(text)).strip("-")


def code(text: str) -> str:
    """A code kept as written, safe in a file name: "2025-Q3", "KH-SNNMT"."""
    return re.sub(r"[^A-Za-z0-9]+", "-", fold(text) if not text.isascii() else text).strip("-")


def default_file_name(request: ReportRequest, services) -> str:
    """bao-cao-2025-Q3.pdf, qua-han-2025-11-25.pdf, don-doc-van-phong-so-2025-11-25.pdf,
    ke-hoach-15-KH-SNNMT-2025.pdf, …"""
    from kehoach_desktop.reports.texts import split_doc_number  # (xml.sax: 20 ms the window need not pay at start)

    kind = ReportKind(request.kind)
    parts = [kind.value]
    if kind.spec.single_plan:  # named after the plan
        plan = services.plans.get(request.plan_ids[0])
        number, symbol = split_doc_number(plan.doc_number)
        parts += [code(number), code(symbol), str(plan.year)]
    else:
        names = {u.id: u.name for u in services.units.list_units()}
        parts += [slug(names.get(unit_id, "")) for unit_id in request.units()]
        if request.period is not None:
            parts.append(code(request.period.code.replace("..", "-den-")))
        elif request.as_of is not None:
            parts.append(request.as_of.isoformat())
    return "-".join(part for part in parts if part) + ".pdf"
