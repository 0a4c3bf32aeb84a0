"""Any file the user picks → RawDocument, by what the file really is; and the
fingerprint that tells a plan imported twice."""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

from kehoach_desktop.domain.drafts import PlanDraft, TaskDraft
from kehoach_desktop.domain.text import fold
from kehoach_desktop.importers import docx_reader, sniff, text_reader, xlsx_reader
from kehoach_desktop.importers.base import ImportFailed, RawDocument

_NO_SPACE = re.compile(r"\s+")
_READERS = {"docx": docx_reader.read, "xlsx": xlsx_reader.read, "text": text_reader.read}


def read_path(path: Path | str) -> RawDocument:
    """The tables and header of a .docx, .xlsx or text file (ImportFailed otherwise)."""
    path = Path(path)
    if not path.is_file():
        raise ImportFailed(f"Không tìm thấy tệp «{path}».")
    kind = sniff.detect(path)
    return _READERS[kind](path)


def digest(draft: PlanDraft) -> str:
    """A fingerprint of the plan's content — its sections and tasks, folded and
    without spaces — equal for one plan read from .docx, .xlsx or pasted text."""
    hasher = hashlib.sha256()
    for section in draft.all_sections():
        _feed(hasher, "section", section.ordinal, section.title)
        for task in _walk(section.tasks):
            _feed(
                hasher, "task", task.number, task.content, task.schedule_text, task.lead_text,
                task.coordinate_text, task.assignment_raw, task.output, task.note, task.target,
            )  # fmt: skip
    return hasher.hexdigest()


def _feed(hasher, *texts: str) -> None:
    for text in texts:
        hasher.update(_NO_SPACE.sub("", fold(text)).encode("utf-8"))
        hasher.update(b"\x1f")


def _walk(tasks: list[TaskDraft]):
    for task in tasks:
        yield task
        yield from _walk(task.children)
