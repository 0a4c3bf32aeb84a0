"""Long work off the GUI thread, with a progress dialog only when it is slow.

The work function runs in a QThreadPool thread. It must not touch widgets or the
GUI thread's database connection: it gets its own `Services` (opened on the same
file) when it asks for one. Its result or error comes back on the GUI thread.
The busy cursor appears at 300 ms and the progress dialog at 600 ms, so quick
work never flickers a dialog (the way Anki's task manager does it).
"""

from __future__ import annotations

import traceback
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, QRunnable, Qt, QThreadPool, QTimer, Signal
from PySide6.QtGui import QCursor, QGuiApplication
from PySide6.QtWidgets import QProgressDialog, QWidget
from shiboken6 import isValid

from kehoach_desktop.importers.base import ImportFailed
from kehoach_desktop.services import ServiceError, Services
from kehoach_desktop.store import StoreError

EXPECTED_ERRORS = (ServiceError, StoreError, ImportFailed, OSError, ValueError)


class Progress:
    """Handed to the work function: report progress, see cancellation."""

    def __init__(self, signal):
        self._signal = signal
        self.cancelled = False

    def report(self, percent: int, text: str = "") -> None:
        self._signal.emit(int(percent), text)


class _Signals(QObject):
    done = Signal(object)
    failed = Signal(str, object)  # message; the exception when expected (its message is for the user), else None
    progress = Signal(int, str)


class _Job(QRunnable):
    def __init__(self, work: Callable, db_path: Path | None):
        super().__init__()
        self.work = work
        self.db_path = db_path
        self.signals = _Signals()
        self.progress = Progress(self.signals.progress)

    def run(self) -> None:
        try:
            if self.db_path is not None:
                with Services.open(self.db_path) as services:
                    result = self.work(services, self.progress)
            else:
                result = self.work(self.progress)
        except EXPECTED_ERRORS as exc:
            self.signals.failed.emit(str(exc), exc)
        except Exception as exc:  # reported, never a crash of the window
            self.signals.failed.emit(f"{exc}\n\n{traceback.format_exc()}", None)
        else:
            self.signals.done.emit(result)


_running: set[_Job] = set()


def run(
    parent: QWidget,
    title: str,
    work: Callable,
    on_done: Callable[[object], None],
    on_error: Callable[[str, Exception | None], None],
    *,
    db_path: Path | None = None,
) -> _Job:
    """Start `work(progress)` (or `work(services, progress)` with db_path) in the pool."""
    job = _Job(work, db_path)
    dialog = QProgressDialog(title, "Hủy", 0, 100, parent)
    dialog.setWindowTitle(title)
    dialog.setWindowModality(Qt.WindowModality.WindowModal)
    dialog.setMinimumDuration(600)
    dialog.setAutoClose(False)
    dialog.setValue(0)
    dialog.canceled.connect(lambda: setattr(job.progress, "cancelled", True))
    # The timer belongs to the job, not to `parent`: the parent may be closed and
    # deleted while the work still runs.
    busy = job.busy_timer = QTimer()
    busy.setSingleShot(True)
    cursor = {"set": False}

    def wait_cursor() -> None:
        QGuiApplication.setOverrideCursor(QCursor(Qt.CursorShape.WaitCursor))
        cursor["set"] = True

    busy.timeout.connect(wait_cursor)
    busy.start(300)

    def finish() -> bool:
        """Clean up; False when the parent is gone (its callbacks must not run)."""
        busy.stop()
        if cursor["set"]:
            QGuiApplication.restoreOverrideCursor()
        if isValid(dialog):
            dialog.reset()
            dialog.deleteLater()
        _running.discard(job)
        return isValid(parent)

    def report(percent: int, text: str) -> None:
        if isValid(dialog):
            dialog.setValue(percent)
            if text:
                dialog.setLabelText(text)

    job.signals.progress.connect(report)
    job.signals.done.connect(lambda result: finish() and on_done(result))
    job.signals.failed.connect(lambda message, error: finish() and on_error(message, error))
    _running.add(job)
    job.setAutoDelete(False)
    QThreadPool.globalInstance().start(job)
    return job
