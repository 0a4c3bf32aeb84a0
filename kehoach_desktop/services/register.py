"""The register of issued documents: keep, list, search, reopen."""

from __future__ import annotations

from kehoach_desktop.domain.register import IssuedDocument, IssuedSummary, is_issued
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
        with self.store.write() as db:
            return sql.insert(db.conn, document, now_text())

    def entries(self, query: str = "") -> list[IssuedSummary]:
        """Newest first; `query` filters without diacritics."""
        found = sql.summaries(self.store.conn)
        return [entry for entry in found if entry.matches(query)] if query.strip() else found

    def get(self, document_id: int) -> IssuedDocument:
        document = sql.load(self.store.conn, document_id)
        if document is None:
            raise NotFoundError(f"Không tìm thấy văn bản số {document_id} trong sổ văn bản đã phát hành.")
        return document
