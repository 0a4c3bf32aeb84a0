"""The register of issued documents: keep, list, search, reopen."""

from __future__ import annotations

from typing import Any

from kehoach_desktop.domain.register import IssuedDocument, IssuedSummary, is_issued
from kehoach_desktop.reports.model import ReportData
from kehoach_desktop.services.errors import NotFoundError, ServiceError
from kehoach_desktop.store import Store
from kehoach_desktop.store import register as sql
from kehoach_desktop.store.database import now_text


class RegisterService:
    def __init__(self, store: Store):
        self.store = store

    def keep(self, document: IssuedDocument) -> int:
        """Add an issued document; an earlier entry for the same report stays as it was."""
        if not is_issued(document.number, document.issued_on):
            raise ServiceError("Chỉ lưu vào sổ văn bản đã có số và ngày ban hành.")
        if not document.pdf.startswith(b"%PDF"):
            raise ServiceError("Bản lưu sổ phải là tệp PDF của văn bản.")
        with self.store.write() as conn:
            return sql.insert(conn, document, now_text())

    def issue(self, data: ReportData, pdf: bytes) -> int | None:
        """Keep a report that was saved or printed, when it carries its number and
        date (the Văn thư's part): the PDF as printed, its .docx, and the figures it
        printed. None when the report is not issued yet."""
        from kehoach_desktop.reports import render_docx

        header = data.header
        if not is_issued(header.number, header.issued_on):
            return None
        assert header.issued_on is not None
        document = IssuedDocument(
            id=None, kind=data.kind.value, kind_label=data.kind.label, number=header.number.strip(),
            symbol=header.symbol.strip(), issued_on=header.issued_on, title=header.title,
            period=data.period.code if data.period else "",
            plan_ids=tuple(plan.id for plan in data.tree.plans if plan.id is not None),
            figures=printed_figures(data), pdf=pdf, docx=render_docx(data),
        )  # fmt: skip
        return self.keep(document)

    def entries(self, query: str = "") -> list[IssuedSummary]:
        """Newest first; `query` filters without diacritics."""
        found = sql.summaries(self.store.conn)
        return [entry for entry in found if entry.matches(query)] if query.strip() else found

    def get(self, document_id: int) -> IssuedDocument:
        document = sql.load(self.store.conn, document_id)
        if document is None:
            raise NotFoundError(f"Không tìm thấy văn bản số {document_id} trong sổ văn bản đã phát hành.")
        return document


def printed_figures(data: ReportData) -> dict[str, Any]:
    """The counts a report printed (its totals by category), for the register."""
    totals = getattr(data.content, "totals", None)
    by_category = getattr(totals, "by_category", None)
    if not by_category:
        return {}
    figures = {getattr(category, "value", str(category)): number for category, number in by_category.items()}
    figures["total"] = sum(by_category.values())
    return figures
