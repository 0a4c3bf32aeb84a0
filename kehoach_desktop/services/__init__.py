"""Services: every operation the window and the command line offer.

The GUI calls services; services call the store. Each public method is one
transaction, and raises ServiceError (Vietnamese message) on bad input with the
database unchanged.
"""

from __future__ import annotations

from pathlib import Path

from kehoach_desktop.services.errors import NotFoundError, ServiceError  # noqa: F401
from kehoach_desktop.services.plans import PlanService
from kehoach_desktop.services.progress import ProgressService
from kehoach_desktop.services.tasks import TaskService
from kehoach_desktop.services.units import UnitService
from kehoach_desktop.store import Store


class Services:
    """All services over one open database."""

    def __init__(self, store: Store):
        self.store = store
        self.plans = PlanService(store)
        self.tasks = TaskService(store)
        self.units = UnitService(store)
        self.progress = ProgressService(store)

    @classmethod
    def open(cls, path: Path | str, *, readonly: bool = False) -> Services:
        return cls(Store.open(path, readonly=readonly))

    def close(self) -> None:
        self.store.close()

    def __enter__(self) -> Services:
        return self

    def __exit__(self, *exc_info) -> None:
        self.close()
