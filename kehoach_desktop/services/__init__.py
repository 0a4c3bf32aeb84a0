"""Services: every operation the window and the command line offer.

The GUI calls services; services call the store. Each public method is one
transaction, and raises ServiceError (Vietnamese message) on bad input with the
database unchanged.
"""

from __future__ import annotations

from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING

from kehoach_desktop.services.errors import NotFoundError, ServiceError  # noqa: F401
from kehoach_desktop.services.outcome import Outcome, Undo  # noqa: F401
from kehoach_desktop.services.plans import PlanService
from kehoach_desktop.services.progress import ProgressService
from kehoach_desktop.services.tasks import TaskService
from kehoach_desktop.services.undo import UndoService
from kehoach_desktop.services.units import UnitService
from kehoach_desktop.store import Store

if TYPE_CHECKING:  # loaded on first use (openpyxl, python-docx, reportlab behind them)
    from kehoach_desktop.services.attachments import AttachmentService
    from kehoach_desktop.services.backups import BackupService
    from kehoach_desktop.services.consolidation import ConsolidationService
    from kehoach_desktop.services.history import HistoryService
    from kehoach_desktop.services.organization import OrganizationService
    from kehoach_desktop.services.register import RegisterService
    from kehoach_desktop.services.forms import FormsService
    from kehoach_desktop.services.imports import ImportService
    from kehoach_desktop.services.reports import ReportService
    from kehoach_desktop.services.statistics import StatisticsService


class Services:
    """All services over one open database.

    The services that need openpyxl, python-docx or reportlab are loaded on
    first use: the window opens without paying for libraries it may not need.
    """

    def __init__(self, store: Store):
        self.store = store
        self.plans = PlanService(store)
        self.tasks = TaskService(store)
        self.units = UnitService(store)
        self.progress = ProgressService(store)
        self.undo = UndoService(store)

    @cached_property
    def imports(self) -> ImportService:
        from kehoach_desktop.services.imports import ImportService

        return ImportService(self.store, before_save=self.backups.before_import)

    @cached_property
    def attachments(self) -> AttachmentService:
        from kehoach_desktop.services.attachments import AttachmentService

        return AttachmentService(self.store)

    @cached_property
    def backups(self) -> BackupService:
        from kehoach_desktop.services.backups import BackupService

        return BackupService(self.store)

    @cached_property
    def forms(self) -> FormsService:
        from kehoach_desktop.services.forms import FormsService

        return FormsService(self.store)

    @cached_property
    def organization(self) -> OrganizationService:
        from kehoach_desktop.services.organization import OrganizationService

        return OrganizationService(self.store)

    @cached_property
    def consolidation(self) -> ConsolidationService:
        from kehoach_desktop.services.consolidation import ConsolidationService

        return ConsolidationService(self.store)

    @cached_property
    def history(self) -> HistoryService:
        from kehoach_desktop.services.history import HistoryService

        return HistoryService(self.store)

    @cached_property
    def register(self) -> RegisterService:
        from kehoach_desktop.services.register import RegisterService

        return RegisterService(self.store)

    @cached_property
    def statistics(self) -> StatisticsService:
        from kehoach_desktop.services.statistics import StatisticsService

        return StatisticsService(self.store)

    @cached_property
    def reports(self) -> ReportService:
        from kehoach_desktop.services.reports import ReportService

        return ReportService(self.store)

    @classmethod
    def open(cls, path: Path | str, *, readonly: bool = False) -> Services:
        return cls(Store.open(path, readonly=readonly))

    def close(self) -> None:
        self.store.close()

    def __enter__(self) -> Services:
        return self

    def __exit__(self, *exc_info) -> None:
        self.close()
