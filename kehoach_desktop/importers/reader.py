"""Any file the user picks → RawDocument, by what the file really is; and the
fingerprint that tells a plan imported twice."""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

from kehoach_desktop.domain.drafts import PlanDraft, TaskDraft
from kehoach_desktop.importers import docx_reader, office_convert, pdf_reader, sniff, text_reader, xlsx_reader
from kehoach_desktop.importers.base import ImportFailed, RawDocument
from kehoach_desktop.importers.cells import fold_text

_NO_SPACE = re.compile(r"\s+")
_READERS = {
    "docx": docx_reader.read,
    "xlsx": xlsx_reader.read,
    "text": text_reader.read,
    "pdf": pdf_reader.read,
    "doc": lambda path: office_convert.read_converted(path, "doc", docx_reader.read),
    "xls": lambda path: office_convert.read_converted(path, "xls", xlsx_reader.read),
}


def read_path(path: Path | str) -> RawDocument:
    """The tables and header of a .docx, .xlsx, .pdf, .doc, .xls or text file (ImportFailed otherwise)."""
    path = Path(path)
    if not path.is_file():
        raise ImportFailed(f"Không tìm thấy tệp «{path}».")
    return _READERS[sniff.detect(path)](path)


def digest(draft: PlanDraft) -> str:
    """A fingerprint of the plan's content — its sections and tasks, folded and
    without spaces — equal for one plan read from .docx, .xlsx or pasted text."""
    texts: list[str] = []
    for section in draft.all_sections():
        texts += ("section", section.ordinal, section.title)
        for task in _walk(section.tasks):
            texts += (
                "task", task.number, task.content, task.schedule_text, task.lead_text,
                task.coordinate_text, task.assignment_raw, task.output, task.note, task.target,
            )  # fmt: skip
    return hashlib.sha256(_fingerprint_bytes([fold_text(text) for text in texts])).hexdigest()


def _fingerprint_bytes(folded: list[str]) -> bytes:
    """Each text without whitespace, followed by the separator \\x1f (itself
    whitespace, so put in after). One pass over the whole plan rather than one
    per text; the NUL that stands in for the separator meanwhile is no
    whitespace, so no run of it spans two texts."""
    if not folded:
        return b""
    if any("\x00" in text for text in folded):  # the stand-in would be ambiguous
        return b"".join(_NO_SPACE.sub("", text).encode("utf-8") + b"\x1f" for text in folded)
    squeezed = _NO_SPACE.sub("", "\x00".join(folded) + "\x00")
    return squeezed.replace("\x00", "\x1f").encode("utf-8")


def _walk(tasks: list[TaskDraft]):
    for task in tasks:
        yield task
        yield from _walk(task.children)
