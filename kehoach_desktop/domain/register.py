"""The register of issued documents (Sổ văn bản đã phát hành): what the office
sent out, kept as it was printed."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

from kehoach_desktop.domain.text import fold


@dataclass(frozen=True)
class IssuedSummary:
    """An entry of the register, without the document's bytes."""

    id: int | None
    kind: str  # report kind code
    kind_label: str
    number: str
    symbol: str
    issued_on: date
    title: str
    period: str = ""
    plan_ids: tuple[int, ...] = ()
    figures: dict[str, Any] = field(default_factory=dict)
    created_at: str = ""

    @property
    def reference(self) -> str:
        """Số/ký hiệu as printed: "15/BC-SNNMT" (a number under 10 gets its zero: "07")."""
        number = self.number.strip()
        if number.isdigit() and len(number) == 1:
            number = f"0{number}"
        return "/".join(part for part in (number, self.symbol.strip()) if part)

    def matches(self, query: str) -> bool:
        """Search without diacritics over số/ký hiệu, trích yếu, kind and date."""
        haystack = fold(f"{self.reference} {self.title} {self.kind_label} {self.issued_on:%d/%m/%Y} {self.period}")
        return all(word in haystack for word in fold(query).split())


@dataclass(frozen=True)
class IssuedDocument(IssuedSummary):
    pdf: bytes = b""
    docx: bytes | None = None

    @classmethod
    def from_summary(cls, summary: IssuedSummary, *, pdf: bytes, docx: bytes | None = None) -> IssuedDocument:
        values = {name: getattr(summary, name) for name in IssuedSummary.__dataclass_fields__}
        return cls(**values, pdf=pdf, docx=docx)

    @property
    def summary(self) -> IssuedSummary:
        return IssuedSummary(**{name: getattr(self, name) for name in IssuedSummary.__dataclass_fields__})


def is_issued(number: str, issued_on: date | None) -> bool:
    """A document is issued once it carries its number and date (the Văn thư's part)."""
    return bool(number.strip()) and issued_on is not None
