"""Importing a plan: read a file or pasted text into a draft, then save it whole.

`preview` reads and interprets without touching the database, so the window
can show what will be imported (sections, tasks, warnings) and the command
line can do a dry run. `import_draft` saves the draft in one transaction and
refuses, unless told otherwise, a plan whose content is already there.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

from kehoach_desktop.domain.drafts import MEANING_NAMES, PlanDraft
from kehoach_desktop.domain.organization import PhraseChoice
from kehoach_desktop.importers.base import ImportFailed, RawDocument
from kehoach_desktop.importers.cells import tidy_text
from kehoach_desktop.importers.columns import Field
from kehoach_desktop.importers.interpret import ColumnChoices, interpret
from kehoach_desktop.importers.reader import digest, read_path
from kehoach_desktop.importers.text_reader import read_text
from kehoach_desktop.services.errors import ServiceError
from kehoach_desktop.services.organization import OrganizationService, draft_phrases
from kehoach_desktop.services.outcome import Outcome, Undo
from kehoach_desktop.services.plans import MAX_YEAR, MIN_YEAR, PlanService, PlanSummary
from kehoach_desktop.store import Store, column_choices, journal
from kehoach_desktop.store.snapshots import combine

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
        self.organization = OrganizationService(store)
        # Called before a plan is saved (the Services facade passes the automatic
        # backup); it raises to stop the import.
        self.before_save = before_save

    def preview(
        self, path: Path | str | None = None, text: str | None = None, year: int | None = None,
        source_name: str | None = None, columns: dict[int, str] | None = None,
    ) -> PlanDraft:  # fmt: skip
        """The plan in a file (`path`) or in pasted `text`, read but not saved. The
        column meanings users chose for these headers before are applied, then
        `columns` ({column index from 0: meaning code}) for this import."""
        return read_plan(path=path, text=text, year=year, source_name=source_name,
                         columns=columns, remembered=self.remembered_columns())  # fmt: skip

    def remap(self, draft: PlanDraft, columns: dict[int, str], year: int | None = None) -> PlanDraft:
        """The same file read again with the columns meaning what the user chose
        ({column index from 0: meaning code}); the file is not read again."""
        if not isinstance(draft.source, RawDocument):
            raise ImportFileError("Không còn dữ liệu đã đọc của tệp này; hãy đọc lại tệp.")
        return interpret_document(draft.source, year, columns, self.remembered_columns(), draft.plan.source_name)

    def remembered_columns(self) -> dict[str, str]:
        """{folded header words: meaning code} chosen in earlier imports."""
        return column_choices.load(self.store.conn)

    def duplicates(self, draft: PlanDraft) -> list[PlanSummary]:
        """Plans already in the database with the same content as the draft."""
        fingerprint = draft.plan.source_digest or digest(draft)
        # One indexed look-up; the plan list (every plan, with its task count) only
        # when there is a duplicate to describe.
        if not self.plans.has_digest(fingerprint):
            return []
        return self.plans.find_by_digest(fingerprint)

    def phrases(self, draft: PlanDraft) -> list[PhraseChoice]:
        """What each assignment phrase of the draft is understood as (the review step
        shows them; the user may change any before saving)."""
        return self.organization.classify(draft_phrases(draft))

    def import_draft(
        self, draft: PlanDraft, allow_duplicate: bool = False, choices: Sequence[PhraseChoice] | None = None
    ) -> Outcome[int]:
        """Save the draft as a new plan (one transaction); the value is its id. `choices`
        (from `phrases()`, perhaps corrected) say what each assignment phrase is;
        without them the program's own reading is used. The undo removes the plan
        again with what its import added to the directory (units, collectives,
        outside bodies, other names)."""
        draft.plan.source_digest = draft.plan.source_digest or digest(draft)
        if self.before_save is not None and (allow_duplicate or not self.duplicates(draft)):
            self.before_save()
        with self.store.acting_as("import", draft.plan.source_name), self.store.write() as conn:
            existing = self.duplicates(draft)
            if existing and not allow_duplicate:
                raise DuplicatePlanError(_duplicate_message(existing), existing)
            applied = self.organization.apply_choices(conn, self.phrases(draft) if choices is None else choices)
            created = self.plans.create(draft, tidy_text=tidy_text, unit_ids=applied.unit_ids)
            journal.add_plan_entry(conn, created.value, "+plan", None, draft.plan.title or draft.plan.source_name)
            # The meanings the user chose for this plan's columns, for the next plan.
            column_choices.save(conn, {c.key: c.meaning for c in draft.columns if c.origin == "chosen" and c.key})
            return _with_directory(created, applied.recording.finish(None))


def _with_directory(created: Outcome[int], directory: Outcome[None]) -> Outcome[int]:
    """The plan's outcome and undo widened by what the organization gained."""
    if created.undo is None or directory.undo is None:
        return created
    undo = Undo(combine(directory.undo.before, created.undo.before), combine(directory.undo.after, created.undo.after))
    return Outcome(created.value, created.changes | directory.changes, undo)


def read_plan(
    path: Path | str | None = None, text: str | None = None, year: int | None = None,
    source_name: str | None = None, columns: dict[int, str] | None = None,
    remembered: dict[str, str] | None = None,
) -> PlanDraft:  # fmt: skip
    """A file (`path`) or pasted `text` read into a draft; needs no database.
    `columns`: {column index from 0: meaning code} the user chose for this file;
    `remembered`: {folded header words: meaning code} from earlier imports."""
    if year is not None:
        check_year(year)
    doc = read_document(path=path, text=text, source_name=source_name)
    return interpret_document(doc, year, columns, remembered, doc.source_name)


def check_year(year: int) -> None:
    if not MIN_YEAR <= year <= MAX_YEAR:
        raise ImportFileError(f"Năm của kế hoạch phải từ {MIN_YEAR} đến {MAX_YEAR} (đang là «{year}»).")


def read_document(path: Path | str | None = None, text: str | None = None, source_name: str | None = None) -> RawDocument:
    """What a file (`path`) or pasted `text` holds, before it is understood."""
    if (path is None) == (text is None):
        raise ValueError("read_document() needs either path or text")
    name = source_name or (Path(path).name if path is not None else PASTED_SOURCE)
    try:
        doc = read_path(path) if path is not None else read_text(text or "", name)
    except ImportFailed as exc:
        raise ImportFileError(str(exc)) from exc
    except Exception as exc:  # a reader tripping over a malformed file: say which file
        raise ImportFileError(f"Không đọc được «{name}»: tệp bị hỏng hoặc có cấu trúc lạ ({exc}).") from exc
    doc.source_name = name
    return doc


def interpret_document(
    doc: RawDocument, year: int | None, columns: dict[int, str] | None, remembered: dict[str, str] | None,
    name: str,
) -> PlanDraft:  # fmt: skip
    choices = ColumnChoices(chosen=_meanings(columns or {}), remembered=_meanings(remembered or {}))
    try:
        draft = interpret(doc, year, choices)
    except ImportFailed as exc:
        raise ImportFileError(str(exc)) from exc
    draft.plan.source_name = name
    draft.plan.source_digest = digest(draft)
    return draft


def _meanings(choices: dict) -> dict:
    """Meaning codes as Field values; a code the program does not know is refused."""
    out = {}
    for key, code in choices.items():
        if code not in MEANING_NAMES:
            known = ", ".join(f"{known_code} ({name})" for known_code, name in MEANING_NAMES.items())
            raise ImportFileError(f"Không có nghĩa cột «{code}». Các nghĩa có thể chọn: {known}.")
        out[key] = Field(code)
    return out


def _duplicate_message(existing: list[PlanSummary]) -> str:
    named = "; ".join(
        f"số {plan.id} «{plan.title or plan.doc_number or '(chưa có trích yếu)'}» năm {plan.year}" for plan in existing
    )
    return f"Kế hoạch này đã được nhập trước đây ({named}). Không nhập lại để tránh trùng."
