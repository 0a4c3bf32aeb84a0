"""Progress updates per reporting period, with their evidence documents."""

from __future__ import annotations

import sqlite3
from dataclasses import replace
from datetime import date

from kehoach_desktop.domain.models import Evidence, ProgressUpdate
from kehoach_desktop.domain.periods import PeriodError, parse_period
from kehoach_desktop.domain.statuses import Status
from kehoach_desktop.domain.text import tidy, tidy_line
from kehoach_desktop.services.errors import NotFoundError, ServiceError
from kehoach_desktop.services.outcome import Outcome, Recording
from kehoach_desktop.store import Store
from kehoach_desktop.store import progress as progress_rows
from kehoach_desktop.store import tasks as task_rows
from kehoach_desktop.store.database import now_text


class ProgressService:
    def __init__(self, store: Store):
        self.store = store

    def history(self, task_id: int) -> list[ProgressUpdate]:
        return progress_rows.load_progress(self.store.conn, task_id)

    def evidence(self, task_id: int) -> list[Evidence]:
        return progress_rows.load_task_evidence(self.store.conn, task_id)

    def record(self, update: ProgressUpdate) -> Outcome[int]:
        """Save an update (and its evidence); the value is its id. The task takes its
        status and result when the update is for the latest period the task has.
        Evidence files chosen are first copied into tai-lieu/ (services/attachments.py)."""
        from kehoach_desktop.services.attachments import AttachmentService

        if any(item.file_path and not item.stored_path for item in update.evidence):
            update = replace(update, evidence=AttachmentService(self.store).keep_files(update.task_id, update.evidence))
        with self.store.write() as conn:
            # The task's whole progress: an undo is refused once another update came after.
            task = [update.task_id]
            recording = Recording(conn, [("task", "id", task), ("progress_update", "task_id", task), ("evidence", "task_id", task)])
            update_id = record_update(conn, update)
            return recording.finish(update_id)


def record_update(conn: sqlite3.Connection, update: ProgressUpdate) -> int:
    """Inside a write: the rule of `ProgressService.record`, without its undo."""
    try:
        period = parse_period(update.period)
    except PeriodError as exc:
        raise ServiceError(str(exc)) from exc
    if update.percent is not None and not 0 <= update.percent <= 100:
        raise ServiceError("Tỷ lệ hoàn thành phải từ 0 đến 100%.")
    task = task_rows.progress_fields(conn, update.task_id)
    if task is None:
        raise NotFoundError(f"Không tìm thấy nhiệm vụ số {update.task_id}.")
    reported_on = update.reported_on or date.today()
    result = tidy(update.result)
    clean = ProgressUpdate(
        task_id=update.task_id, period=period.code, status=update.status, percent=update.percent, result=result,
        difficulties=tidy(update.difficulties), unit_id=update.unit_id,
    )  # fmt: skip
    update_id = progress_rows.insert_update(conn, clean, period, reported_on, now_text())
    for evidence in update.evidence:
        progress_rows.insert_evidence(
            conn,
            Evidence(
                task_id=update.task_id, progress_id=update_id, doc_number=tidy_line(evidence.doc_number),
                issued_on=evidence.issued_on, summary=tidy(evidence.summary), file_path=evidence.file_path,
                stored_path=evidence.stored_path, file_size=evidence.file_size, file_sha256=evidence.file_sha256,
            ),
        )  # fmt: skip
    if progress_rows.latest_period_end(conn, update.task_id) == period.end.isoformat():
        status = Status(update.status)
        completed = task["completed_on"]
        if status is Status.DONE and not completed:
            completed = reported_on.isoformat()
        elif status is not Status.DONE:
            completed = None
        task_rows.update_task(
            conn, update.task_id, {"status": status.value, "result": result, "completed_on": completed}
        )
    return update_id
