"""PDF reports in the format of Nghị định 30/2020/NĐ-CP (reportlab; no Qt, no database).

Two steps, so the window can keep the database on its own thread:

    data = services.reports.prepare(ReportRequest(ReportKind.RESULTS, [plan_id], period=...))
    pdf = render_pdf(data)            # bytes; safe on a worker thread
    write_pdf(data, "bao-cao.pdf")    # or straight to a file (written whole, then renamed)

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
    FREE_TEXT_PARTS,
    STICKY_FIELDS,
    ReportData,
    ReportHeader,
    ReportKind,
    ReportRequest,
)


_MODULES = {
    ReportKind.PLAN: "ke_hoach",
    ReportKind.RESULTS: "bao_cao",
    ReportKind.ATTENTION: "qua_han",
    ReportKind.REMINDER: "don_doc",
    ReportKind.UNIT_STATS: "thong_ke",
}


def _builder(kind: ReportKind):
    """The kind's module's build(document, data, family, styles) -> flowables."""
    from importlib import import_module

    return import_module(f"kehoach_desktop.reports.{_MODULES[kind]}").build


def render_pdf(
    data: ReportData, *, prefer_system_font: bool | None = None, on_page: Callable[[int], None] | None = None
) -> bytes:
    """The report as PDF bytes. `prefer_system_font=False` forces the bundled font.

    `on_page(pages_done)` is called as each page is finished (for a progress
    display); an exception it raises stops the work (to cancel)."""
    from kehoach_desktop.reports import layout
    from kehoach_desktop.reports.fonts import register_fonts

    family = register_fonts(prefer_system_font)
    styles = layout.make_styles(family)
    buffer = io.BytesIO()
    header = data.header
    title = f"{data.kind.label}: {header.title}" if header.title else data.kind.label
    document = layout.OfficialDocument(buffer, family, title=title, author=header.issuer, on_page=on_page)
    story = _builder(data.kind)(document, data, family, styles)
    document.build(story)
    return buffer.getvalue()


def write_pdf(data: ReportData, path: Path | str, *, prefer_system_font: bool | None = None) -> Path:
    """Render and write the file whole: a failure never leaves half a PDF behind."""
    return save_pdf(render_pdf(data, prefer_system_font=prefer_system_font), path)


def save_pdf(content: bytes, path: Path | str) -> Path:
    """Write to a temporary file beside `path`, then rename it into place (OSError on failure)."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = temporary_beside(path.parent, ".tmp-", ".pdf")  # not mkstemp: 0600
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(content)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
    return path
