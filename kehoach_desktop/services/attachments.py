"""Evidence files (tài liệu kiểm chứng) kept with the data, in tai-lieu/ beside the
database, by plan and task (issue 16; the design is in store/attachments.py).

- `keep_files(task_id, evidence)`: before a progress update is saved, each chosen
  file is copied in and the evidence item carries where it went.
- `where(evidence)`: the file to open, and whether it is there.
- `adopt()`: evidence recorded as a bare path (before files were kept) whose file
  still exists is copied in, in one undoable write; those whose file is gone are
  counted, not an error.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from enum import Enum
from pathlib import Path

from kehoach_desktop.domain.file_names import safe_file_name, safe_file_stem
from kehoach_desktop.domain.models import Evidence
from kehoach_desktop.services.errors import NotFoundError, ServiceError
from kehoach_desktop.services.outcome import Outcome, Recording
from kehoach_desktop.store import Store
from kehoach_desktop.store import attachments as kept_files
from kehoach_desktop.store import plans as plan_rows
from kehoach_desktop.store import tasks as task_rows

PLAN_FOLDER_CHARS = 40  # Windows paths: %LOCALAPPDATA%\KeHoachDesktop\tai-lieu\<40>\<40>\<80> < 260
TASK_FOLDER_CHARS = 40
FILE_NAME_CHARS = 80


class FileState(str, Enum):
    KEPT = "kept"  # copied into tai-lieu/, there
    MISSING = "missing"  # listed as kept, but the file is gone
    OUTSIDE = "outside"  # only a path (recorded before files were kept); the file is there
    OUTSIDE_MISSING = "outside_missing"  # only a path, and nothing is there any more
    NONE = "none"

    @property
    def label(self) -> str:
        return {
            "kept": "", "missing": "không còn tệp trong thư mục tai-lieu",
            "outside": "tệp chưa được chép vào thư mục dữ liệu", "outside_missing": "không còn tệp ở chỗ cũ",
            "none": "",
        }[self.value]  # fmt: skip

    @property
    def present(self) -> bool:
        return self in (FileState.KEPT, FileState.OUTSIDE)


@dataclass(frozen=True)
class FileOnDisk:
    path: Path | None
    state: FileState


@dataclass(frozen=True)
class AdoptCounts:
    copied: int
    missing: list[str]  # the paths of files that are gone (evidence kept, flagged)


class AttachmentService:
    def __init__(self, store: Store):
        self.store = store

    @property
    def folder(self) -> Path:
        return kept_files.folder_of(self.store.path)

    # --- keeping files -------------------------------------------------------------------------

    def keep_files(self, task_id: int, evidence: list[Evidence]) -> list[Evidence]:
        """The items with a chosen file not yet kept, copied into the task's folder (outside
        any transaction: files are append-only, so a write that fails later leaves only an
        unlisted file). ServiceError when a file cannot be read or written."""
        wanted = [item for item in evidence if item.file_path and not item.stored_path]
        if not wanted:
            return evidence
        place = self.place(task_id)
        done: dict[str, kept_files.Kept] = {}
        out = []
        for item in evidence:
            if item in wanted:
                kept = done.get(item.file_path) or self._keep(Path(item.file_path), place)
                done[item.file_path] = kept
                item = replace(item, stored_path=kept.stored_path, file_size=kept.size, file_sha256=kept.sha256)
            out.append(item)
        return out

    def _keep(self, source: Path, place: str) -> kept_files.Kept:
        try:
            return kept_files.keep(source, self.folder, place, safe_file_name(source.name, FILE_NAME_CHARS))
        except kept_files.AttachmentError as exc:
            raise ServiceError(f"Chưa lưu: {exc}") from exc

    def place(self, task_id: int) -> str:
        """"<plan>/<task>" under tai-lieu/: ids first (unique, stable), then words to recognise them."""
        task = task_rows.load_task(self.store.conn, task_id)
        if task is None:
            raise NotFoundError(f"Không tìm thấy nhiệm vụ số {task_id}.")
        plan = plan_rows.load_plan(self.store.conn, task.plan_id) if task.plan_id is not None else None
        plan_words = (plan.doc_number or plan.title) if plan else ""
        plan_folder = safe_file_stem(f"KH{task.plan_id} {plan_words}", PLAN_FOLDER_CHARS, "KH")
        task_folder = safe_file_stem(f"NV{task.id} {task.number} {task.content}", TASK_FOLDER_CHARS, "NV")
        return f"{plan_folder}/{task_folder}"

    # --- finding them ----------------------------------------------------------------------------

    def where(self, evidence: Evidence) -> FileOnDisk:
        if evidence.stored_path:
            try:
                path = kept_files.resolve(self.folder, evidence.stored_path)
            except ValueError:
                return FileOnDisk(None, FileState.MISSING)
            return FileOnDisk(path, FileState.KEPT if path.is_file() else FileState.MISSING)
        if evidence.file_path:
            path = Path(evidence.file_path)
            return FileOnDisk(path, FileState.OUTSIDE if path.is_file() else FileState.OUTSIDE_MISSING)
        return FileOnDisk(None, FileState.NONE)

    # --- evidence recorded as a path only ----------------------------------------------------------

    def waiting(self) -> tuple[int, int]:
        """(path-only evidence whose file is there, whose file is gone)."""
        rows = kept_files.path_only(self.store.conn)
        there = sum(1 for _id, _task, path in rows if Path(path).is_file())
        return there, len(rows) - there

    def path_only(self) -> list[str]:
        """The paths of the evidence files recorded as a bare path, not copied in."""
        return [path for _id, _task, path in kept_files.path_only(self.store.conn)]

    def adopt(self) -> Outcome[AdoptCounts]:
        """Copy in every path-only evidence file that still exists; one write (undo puts
        the rows back as they were; the copies stay, unlisted)."""
        rows = kept_files.path_only(self.store.conn)
        copies: dict[int, kept_files.Kept] = {}
        missing = []
        for evidence_id, task_id, path in rows:
            source = Path(path)
            if not source.is_file():
                missing.append(path)
                continue
            try:
                copies[evidence_id] = self._keep(source, self.place(task_id))
            except ServiceError:
                missing.append(path)  # unreadable now: stays a path, counted with the gone ones
        with self.store.acting_as("attachments"), self.store.write() as conn:
            ids = sorted(copies)
            recording = Recording(conn, [("evidence", "id", ids)])
            for evidence_id in ids:
                kept_files.set_kept(conn, evidence_id, copies[evidence_id])
            return recording.finish(AdoptCounts(len(ids), missing))
