"""Undoable edits (QUndoStack). Each command calls services; the services return
what the inverse needs (previous values, snapshots, old places).

The first action is done by the caller before the command is pushed, so a
refused edit (bad input) never lands on the stack; the command's first redo()
is therefore a no-op.
"""

from __future__ import annotations

from typing import Protocol

from PySide6.QtGui import QUndoCommand

from kehoach_desktop.domain.models import ProgressUpdate, TaskUnit
from kehoach_desktop.services import Services


class EditContext(Protocol):
    services: Services

    def after_change(self, task_id: int | None, structural: bool) -> None: ...

    def report_error(self, message: str) -> None: ...


class _ServiceCommand(QUndoCommand):
    structural = False

    def __init__(self, ctx: EditContext, text: str):
        super().__init__(text)
        self.ctx = ctx
        self._done_by_caller = True
        self.focus_task: int | None = None

    def redo(self) -> None:
        if self._done_by_caller:
            self._done_by_caller = False
        else:
            with self.ctx.services.store.acting_as("redo", self.text()):
                self._guarded(self.apply)
        self.ctx.after_change(self.focus_task, self.structural)

    def undo(self) -> None:
        with self.ctx.services.store.acting_as("undo", self.text()):
            self._guarded(self.revert)
        self.ctx.after_change(self.focus_task, self.structural)

    def _guarded(self, step) -> None:
        try:
            step()
        except Exception as exc:  # the data changed under us (e.g. another window); drop the step
            self.setObsolete(True)
            self.ctx.report_error(f"Không thực hiện được «{self.text()}»: {exc}")

    def apply(self) -> None:
        raise NotImplementedError

    def revert(self) -> None:
        raise NotImplementedError


class EditTask(_ServiceCommand):
    """Field changes, unit links and (optionally) a new place, as one step."""

    def __init__(self, ctx, task_id: int, new: dict, old: dict, new_units=None, old_units=None,
                 new_place=None, old_place=None):  # fmt: skip
        super().__init__(ctx, "Sửa nhiệm vụ")
        self.task_id = self.focus_task = task_id
        self.new, self.old = new, old
        self.new_units: list[TaskUnit] | None = new_units
        self.old_units: list[TaskUnit] | None = old_units
        self.new_place, self.old_place = new_place, old_place
        self.structural = new_place is not None or new_units is not None

    def apply(self) -> None:
        self._set(self.new, self.new_units, self.new_place)

    def revert(self) -> None:
        self._set(self.old, self.old_units, self.old_place)

    def _set(self, values: dict, units, place) -> None:
        self.ctx.services.tasks.edit(self.task_id, values, units, place)


class AddTask(_ServiceCommand):
    structural = True

    def __init__(self, ctx, task_id: int):
        super().__init__(ctx, "Thêm nhiệm vụ")
        self.focus_task = task_id
        self.snapshot = None

    def apply(self) -> None:
        self.ctx.services.tasks.restore(self.snapshot)

    def revert(self) -> None:
        self.snapshot = self.ctx.services.tasks.delete(self.focus_task)


class DeleteTask(_ServiceCommand):
    structural = True

    def __init__(self, ctx, snapshot, neighbour: int | None):
        super().__init__(ctx, "Xóa nhiệm vụ")
        self.snapshot = snapshot
        self.task_id = snapshot.tasks[0]["id"]
        self.neighbour = neighbour
        self.focus_task = neighbour

    def apply(self) -> None:
        self.snapshot = self.ctx.services.tasks.delete(self.task_id)
        self.focus_task = self.neighbour

    def revert(self) -> None:
        self.ctx.services.tasks.restore(self.snapshot)
        self.focus_task = self.task_id


class MoveTask(_ServiceCommand):
    structural = True

    def __init__(self, ctx, text: str, task_id: int, new_place: tuple, old_place: tuple):
        super().__init__(ctx, text)
        self.focus_task = task_id
        self.new_place, self.old_place = new_place, old_place

    def apply(self) -> None:
        self._move(self.new_place)

    def revert(self) -> None:
        self._move(self.old_place)

    def _move(self, place: tuple) -> None:
        self.ctx.services.tasks.move(self.focus_task, section_id=place[0], parent_id=place[1], position=place[2])


class RecordProgress(_ServiceCommand):
    def __init__(self, ctx, update: ProgressUpdate, update_id: int, task_before: dict):
        super().__init__(ctx, "Cập nhật tiến độ")
        self.focus_task = update.task_id
        self.update_id = update_id
        self.task_before = task_before
        self.snapshot = None

    def apply(self) -> None:
        self.ctx.services.progress.restore(self.snapshot)

    def revert(self) -> None:
        self.snapshot = self.ctx.services.progress.delete(self.update_id, task_state=self.task_before)


class EditPlanHeader(_ServiceCommand):
    structural = True  # the year can move deadlines; titles show in the tree

    def __init__(self, ctx, plan_id: int, new: dict, old: dict):
        super().__init__(ctx, "Sửa thông tin kế hoạch")
        self.plan_id, self.new, self.old = plan_id, new, old

    def apply(self) -> None:
        self.ctx.services.plans.update_header(self.plan_id, **self.new)

    def revert(self) -> None:
        self.ctx.services.plans.update_header(self.plan_id, **self.old)


class EditOrganization(_ServiceCommand):
    """A visit to the organization dialog, undone and redone whole: units, aliases,
    collectives and their members, outside bodies, and the task links they moved."""

    structural = True

    def __init__(self, ctx, before, after):
        super().__init__(ctx, "Sửa cơ cấu tổ chức, danh mục đơn vị")
        self.before, self.after = before, after

    def apply(self) -> None:
        self.ctx.services.organization.put_back(self.after)

    def revert(self) -> None:
        self.ctx.services.organization.put_back(self.before)
