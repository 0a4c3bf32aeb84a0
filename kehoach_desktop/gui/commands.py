"""Undoable writes on the window's QUndoStack.

Every write of the services returns its undo (the rows it touched, as they were:
services/outcome.py). One command class serves them all: undo() puts the rows
back through the session, which gives the redo in return, and so on. The write
itself is done by `MainWindow.perform` before the command is pushed, so a
refused write (bad input) never lands on the stack; the command's first redo()
does nothing.
"""

from __future__ import annotations

import sys
from typing import Protocol

from PySide6.QtGui import QUndoCommand

from kehoach_desktop import errorlog
from kehoach_desktop.gui.session import Session
from kehoach_desktop.services import Outcome, Undo


class EditContext(Protocol):
    session: Session

    def focus_task(self, task_id: int | None) -> None: ...

    def report_error(self, message: str) -> None: ...


class WriteCommand(QUndoCommand):
    """One write, undoable and redoable; `focus_undone` / `focus_done` are the tasks to
    select after undoing / redoing it (None: keep the selection)."""

    def __init__(
        self,
        ctx: EditContext,
        text: str,
        outcome: Outcome[object],
        *,
        focus_undone: int | None = None,
        focus_done: int | None = None,
    ):
        super().__init__(text)
        assert outcome.undo is not None, "a write without an undo cannot go on the stack"
        self.ctx = ctx
        self._undo: Undo | None = outcome.undo
        self._redo: Undo | None = None
        self._first_redo = True
        self.focus_undone = focus_undone
        self.focus_done = focus_done

    def redo(self) -> None:
        if self._first_redo:  # done already by the window before the push
            self._first_redo = False
            return
        if self._redo is not None and self._guarded(lambda: self._run_redo()):
            self.ctx.focus_task(self.focus_done)

    def undo(self) -> None:
        if self._undo is not None and self._guarded(lambda: self._run_undo()):
            self.ctx.focus_task(self.focus_undone)

    def _run_undo(self) -> None:
        assert self._undo is not None
        with self.ctx.session.services.store.acting_as("undo", self.text()):
            self._redo = self.ctx.session.put_back(self._undo).undo

    def _run_redo(self) -> None:
        assert self._redo is not None
        with self.ctx.session.services.store.acting_as("redo", self.text()):
            self._undo = self.ctx.session.put_back(self._redo).undo

    def _guarded(self, step) -> bool:
        """Run the step; when it fails (the data changed since, the disk refused …) the
        error is logged, told to the user, and the command dropped from the stack."""
        try:
            step()
        except Exception as exc:
            errorlog.write(type(exc), exc, sys.exc_info()[2])
            self.setObsolete(True)
            self.ctx.report_error(f"Không thực hiện được «{self.text()}»: {exc}")
            return False
        return True


class EditOrganization(QUndoCommand):
    """A visit to the organization dialog, undone and redone whole: units, names,
    collectives and their members, outside bodies, and the task links they moved
    (services/organization.py: the directory is small, it is put back whole)."""

    def __init__(self, ctx: EditContext, before, after):
        super().__init__("Sửa cơ cấu tổ chức, danh mục đơn vị")
        self.ctx, self.before, self.after = ctx, before, after
        self._first_redo = True

    def redo(self) -> None:
        if self._first_redo:  # done already in the dialog
            self._first_redo = False
            return
        self._put_back(self.after, "redo")

    def undo(self) -> None:
        self._put_back(self.before, "undo")

    def _put_back(self, snapshot, source: str) -> None:
        services = self.ctx.session.services
        try:
            with services.store.acting_as(source, self.text()):
                services.organization.put_back(snapshot)
        except Exception as exc:
            errorlog.write(type(exc), exc, sys.exc_info()[2])
            self.setObsolete(True)
            self.ctx.report_error(f"Không thực hiện được «{self.text()}»: {exc}")
            return
        self.ctx.session.announce(services.organization.changes(self.before, self.after))
