"""Reports (PDF and .docx) in the format of Nghị định 30/2020/NĐ-CP (reportlab; no Qt, no database).

Two steps, so the window can keep the database on its own thread:

    data = services.reports.prepare(ReportRequest(ReportKind.RESULTS, [plan_id], period=...))
    pdf = render_pdf(data)            # bytes; safe on a worker thread
    docx = render_docx(data)          # the same document as Word
    write_pdf(data, "bao-cao.pdf")    # or straight to a file (written whole, then renamed)

Each kind's module builds one document model (reports/document.py) that
pdf_writer and docx_writer both write; reports/registry.py lists the kinds.

`services.reports.make_pdf(request, path)` does both (the command line, or a
worker thread with its own `Services`). Long reports call `on_page(pages_done)`
after each page, for a progress display; raising there cancels.
"""

from __future__ import annotations

import io
import os
from collections.abc import Callable
from pathlib import Path

from kehoach_desktop.outputs import temporary_beside
from kehoach_desktop.reports.model import (  # noqa: F401  (the public API)
    STICKY_FIELDS,
    ReportData,
    ReportHeader,
    ReportInputError,
    ReportKind,
    ReportRequest,
)
from kehoach_desktop.reports.registry import SPECS

# Kind → its module (the packaging check and the self-test read this).
_MODULES = {kind: item.module for kind, item in SPECS.items()}


def document_of(data: ReportData):
    """The report's document model (reports/document.py)."""
    return data.kind.spec.document(data)


def render_pdf(
    data: ReportData, *, prefer_system_font: bool | None = None, on_page: Callable[[int], None] | None = None
) -> bytes:
    """The report as PDF bytes. `prefer_system_font=False` forces the bundled font.

    `on_page(pages_done)` is called as each page is finished (for a progress
    display); an exception it raises stops the work (to cancel)."""
    from kehoach_desktop.reports import pdf_writer

    return pdf_writer.render(document_of(data), prefer_system_font=prefer_system_font, on_page=on_page)


def render_docx(data: ReportData) -> bytes:
    """The same report as a Word document (.docx bytes)."""
    from kehoach_desktop.reports import docx_writer

    return docx_writer.render(document_of(data))


def render(data: ReportData, suffix: str, **options) -> bytes:
    """PDF or .docx by the file's suffix."""
    if suffix.lower() == ".docx":
        return render_docx(data)
    return render_pdf(data, **options)


def write_pdf(data: ReportData, path: Path | str, *, prefer_system_font: bool | None = None) -> Path:
    """Render and write the file whole: a failure never leaves half a PDF behind."""
    return save_pdf(render_pdf(data, prefer_system_font=prefer_system_font), path)


def save_pdf(content: bytes, path: Path | str) -> Path:
    """Write to a temporary file beside `path`, then rename it into place (OSError on failure)."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = temporary_beside(path.parent, ".tmp-", path.suffix or ".pdf")  # not mkstemp: 0600
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(content)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
    return path


save_file = save_pdf  # the same whole-or-nothing write, for a .docx too
