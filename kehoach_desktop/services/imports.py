"""Importing a plan: read a file or pasted text into a draft, then save it whole.

`preview` reads and interprets without touching the database, so the window
can show what will be imported (sections, tasks, warnings) and the command
line can do a dry run. `import_draft` saves the draft in one transaction and
refuses, unless told otherwise, a plan whose content is already there.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from kehoach_desktop.domain.drafts import PlanDraft
from kehoach_desktop.importers.base import ImportFailed
from kehoach_desktop.importers.cells import tidy_text
from kehoach_desktop.importers.interpret import interpret
from kehoach_desktop.importers.reader import digest, read_path
from kehoach_desktop.importers.text_reader import read_text
from kehoach_desktop.services.errors import ServiceError
from kehoach_desktop.services.outcome import Outcome
from kehoach_desktop.services.plans import MAX_YEAR, MIN_YEAR, PlanService, PlanSummary
from kehoach_desktop.store import Store

PASTED_SOURCE = "văn bản dán vào"


class ImportFileError(ServiceError):
    """The file or text cannot be imported (the message names it and says why)."""


class DuplicatePlanError(ServiceError):
    """The same plan content is already in the database."""

    def __init__(self, message: str, existing: list[PlanSummary]):
        super().__init__(message)
        self.existing = existing


class ImportService:
    def __init__(self, store: Store, before_save: Callable[[], object] | None = None):
        self.store = store
        self.plans = PlanService(store)
        # Called before a plan is saved (the Services facade passes the automatic
        # backup); it raises to stop the import.
        self.before_save = before_save

    def preview(
        self, path: Path | str | None = None, text: str | None = None, year: int | None = None,
        source_name: str | None = None,
    ) -> PlanDraft:  # fmt: skip
        """The plan in a file (`path`) or in pasted `text`, read but not saved."""
        return read_plan(path=path, text=text, year=year, source_name=source_name)

    def duplicates(self, draft: PlanDraft) -> list[PlanSummary]:
        """Plans already in the database with the same content as the draft."""
        fingerprint = draft.plan.source_digest or digest(draft)
        # One indexed look-up; the plan list (every plan, with its task count) only
        # when there is a duplicate to describe.
        if not self.plans.has_digest(fingerprint):
            return []
        return self.plans.find_by_digest(fingerprint)

    def import_draft(self, draft: PlanDraft, allow_duplicate: bool = False) -> Outcome[int]:
        """Save the draft as a new plan (one transaction); the value is its id, the undo
        removes it again with the units it added to the directory."""
        draft.plan.source_digest = draft.plan.source_digest or digest(draft)
        if self.before_save is not None and (allow_duplicate or not self.duplicates(draft)):
            self.before_save()
        with self.store.write():
            existing = self.duplicates(draft)
            if existing and not allow_duplicate:
                raise DuplicatePlanError(_duplicate_message(existing), existing)
            return self.plans.create(draft, tidy_text=tidy_text)


def read_plan(
    path: Path | str | None = None, text: str | None = None, year: int | None = None,
    source_name: str | None = None,
) -> PlanDraft:  # fmt: skip
    """A file (`path`) or pasted `text` read into a draft; needs no database."""
    if (path is None) == (text is None):
        raise ValueError("read_plan() needs either path or text")
    if year is not None and not MIN_YEAR <= year <= MAX_YEAR:
        raise ImportFileError(f"Năm của kế hoạch phải từ {MIN_YEAR} đến {MAX_YEAR} (đang là «{year}»).")
    name = source_name or (Path(path).name if path is not None else PASTED_SOURCE)
    try:
        doc = read_path(path) if path is not None else read_text(text or "", name)
    except ImportFailed as exc:
        raise ImportFileError(str(exc)) from exc
    except Exception as exc:  # a reader tripping over a malformed file: say which file
        raise ImportFileError(f"Không đọc được «{name}»: tệp bị hỏng hoặc có cấu trúc lạ ({exc}).") from exc
    try:
        draft = interpret(doc, year)
    except ImportFailed as exc:
        raise ImportFileError(str(exc)) from exc
    draft.plan.source_name = name
    draft.plan.source_digest = digest(draft)
    return draft


def _duplicate_message(existing: list[PlanSummary]) -> str:
    named = "; ".join(
        f"số {plan.id} «{plan.title or plan.doc_number or '(chưa có trích yếu)'}» năm {plan.year}" for plan in existing
    )
    return f"Kế hoạch này đã được nhập trước đây ({named}). Không nhập lại để tránh trùng."
