"""Progress updates per reporting period, with their evidence documents."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from kehoach_desktop.domain.models import Evidence, ProgressUpdate
from kehoach_desktop.domain.periods import PeriodError, parse_period
from kehoach_desktop.domain.statuses import Status
from kehoach_desktop.domain.text import tidy, tidy_line
from kehoach_desktop.services.errors import NotFoundError, ServiceError
from kehoach_desktop.store import Store
from kehoach_desktop.store import repository as repo
from kehoach_desktop.store.database import now_text


@dataclass(frozen=True)
class ProgressSnapshot:
    update: dict
    evidence: list[dict]
    task_state: dict  # the task's status/result/completed_on while the update was there


class ProgressService:
    def __init__(self, store: Store):
        self.store = store

    def history(self, task_id: int) -> list[ProgressUpdate]:
        return repo.load_progress(self.store.db, task_id)

    def evidence(self, task_id: int) -> list[Evidence]:
        return repo.load_task_evidence(self.store.db, task_id)

    def record(self, update: ProgressUpdate) -> int:
        """Save an update (and its evidence). The task takes its status and result
        when the update is for the latest period the task has."""
        try:
            period = parse_period(update.period)
        except PeriodError as exc:
            raise ServiceError(str(exc)) from exc
        if update.percent is not None and not 0 <= update.percent <= 100:
            raise ServiceError("Tỷ lệ hoàn thành phải từ 0 đến 100%.")
        with self.store.write() as db:
            task_rows = list(db.query("SELECT * FROM task WHERE id = ?", [update.task_id]))
            if not task_rows:
                raise NotFoundError(f"Không tìm thấy nhiệm vụ số {update.task_id}.")
            reported_on = update.reported_on or date.today()
            update_id = db["progress_update"].insert(
                {
                    "task_id": update.task_id,
                    "unit_id": update.unit_id,
                    "period": period.code,
                    "period_start": period.start.isoformat(),
                    "period_end": period.end.isoformat(),
                    "status": Status(update.status).value,
                    "percent": update.percent,
                    "result": tidy(update.result),
                    "difficulties": tidy(update.difficulties),
                    "reported_on": reported_on.isoformat(),
                    "created_at": now_text(),
                }
            ).last_pk
            for evidence in update.evidence:
                row = repo.evidence_row(evidence)
                row.update(task_id=update.task_id, progress_id=update_id)
                row.update(doc_number=tidy_line(row["doc_number"]), summary=tidy(row["summary"]))
                db["evidence"].insert(row)
            latest = db.execute(
                "SELECT max(period_end) FROM progress_update WHERE task_id = ?", [update.task_id]
            ).fetchone()[0]
            if latest == period.end.isoformat():
                task = task_rows[0]
                completed = task["completed_on"]
                if update.status == Status.DONE and not completed:
                    completed = reported_on.isoformat()
                elif update.status != Status.DONE:
                    completed = None
                db["task"].update(
                    update.task_id,
                    {"status": Status(update.status).value, "result": tidy(update.result), "completed_on": completed},
                )
        return update_id

    def task_state(self, task_id: int) -> dict:
        """The task fields an update may change, to give back on undo."""
        row = self.store.execute("SELECT status, result, completed_on FROM task WHERE id = ?", [task_id]).fetchone()
        if row is None:
            raise NotFoundError(f"Không tìm thấy nhiệm vụ số {task_id}.")
        return dict(zip(("status", "result", "completed_on"), row))

    def delete(self, update_id: int, task_state: dict | None = None) -> ProgressSnapshot:
        """Delete an update; `task_state` (from task_state() before it was recorded)
        puts the task back as it was."""
        with self.store.write() as db:
            rows = list(db.query("SELECT * FROM progress_update WHERE id = ?", [update_id]))
            if not rows:
                raise NotFoundError(f"Không tìm thấy báo cáo tiến độ số {update_id}.")
            evidence = list(db.query("SELECT * FROM evidence WHERE progress_id = ?", [update_id]))
            task = db.execute(
                "SELECT status, result, completed_on FROM task WHERE id = ?", [rows[0]["task_id"]]
            ).fetchone()
            db.execute("DELETE FROM progress_update WHERE id = ?", [update_id])
            if task_state is not None:
                db["task"].update(rows[0]["task_id"], task_state)
        return ProgressSnapshot(rows[0], evidence, dict(zip(("status", "result", "completed_on"), task)))

    def restore(self, snapshot: ProgressSnapshot) -> None:
        with self.store.write() as db:
            db["progress_update"].insert(snapshot.update)
            if snapshot.evidence:
                db["evidence"].insert_all(snapshot.evidence)
            db["task"].update(snapshot.update["task_id"], snapshot.task_state)

    def state(self, task_ids) -> ProgressState:
        """The whole progress of `task_ids` as it is now (see ProgressState)."""
        return _progress_state(self.store.db, task_ids)

    def put_back(self, state: ProgressState, expected: ProgressState | None = None) -> None:
        """Make the tasks' progress exactly `state` again, in one transaction.

        With `expected`, refused (database unchanged) unless the tasks' progress is
        still `expected`: an undo never overwrites what was recorded since.
        Evidence attached to a task without an update is not touched.
        """
        if not state.task_ids:
            return
        with self.store.write() as db:
            current = _progress_state(db, state.task_ids)
            if len(current.tasks) != len(state.tasks):
                raise NotFoundError("Một số nhiệm vụ đã bị xóa nên không đưa tiến độ về như trước được.")
            if expected is not None and current != expected:
                raise ServiceError(
                    "Tiến độ của các nhiệm vụ này đã thay đổi sau đó (có báo cáo vừa được nhập hoặc sửa), "
                    "nên không đưa về như trước được."
                )
            marks = ",".join("?" * len(state.task_ids))
            db.execute(f"DELETE FROM progress_update WHERE task_id IN ({marks})", list(state.task_ids))
            if state.updates:
                db["progress_update"].insert_all([dict(row) for row in state.updates])
            if state.evidence:
                db["evidence"].insert_all([dict(row) for row in state.evidence])
            for row in state.tasks:
                db["task"].update(row["id"], {name: row[name] for name in TASK_PROGRESS_FIELDS})


# --- the whole progress of some tasks, to put back (undo of a batch such as a forms import) ---

TASK_PROGRESS_FIELDS = ("status", "result", "completed_on", "status_reason")


@dataclass(frozen=True)
class ProgressState:
    """Every progress update of some tasks (with the updates' evidence) and the task
    fields updates set, as rows: what `put_back` writes again."""

    task_ids: tuple[int, ...]
    updates: tuple[dict, ...]
    evidence: tuple[dict, ...]
    tasks: tuple[dict, ...]


def _progress_state(db, task_ids) -> ProgressState:
    ids = tuple(sorted(set(task_ids)))
    if not ids:
        return ProgressState((), (), (), ())
    marks = ",".join("?" * len(ids))
    fields = ", ".join(TASK_PROGRESS_FIELDS)
    return ProgressState(
        ids,
        tuple(db.query(f"SELECT * FROM progress_update WHERE task_id IN ({marks}) ORDER BY id", ids)),
        tuple(
            db.query(
                f"SELECT e.* FROM evidence e JOIN progress_update p ON p.id = e.progress_id "
                f"WHERE p.task_id IN ({marks}) ORDER BY e.id",
                ids,
            )
        ),
        tuple(db.query(f"SELECT id, {fields} FROM task WHERE id IN ({marks}) ORDER BY id", ids)),
    )
