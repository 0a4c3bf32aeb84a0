"""Icons from resources/icons, loaded once."""

from __future__ import annotations

from functools import lru_cache

from PySide6.QtGui import QIcon

from kehoach_desktop import resources
from kehoach_desktop.domain.statuses import Timeliness
from kehoach_desktop.domain.statuses import Status

_BY_TIMELINESS = {
    Timeliness.OVERDUE: "overdue",
    Timeliness.DUE_SOON: "due_soon",
    Timeliness.DONE_ON_TIME: "done",
    Timeliness.DONE_LATE: "done_late",
    Timeliness.CANCELLED: "not_done",
}


@lru_cache(maxsize=None)
def icon(name: str) -> QIcon:
    return QIcon(str(resources.path("resources", "icons", f"{name}.svg")))


def for_timeliness(timeliness: Timeliness, status: Status) -> QIcon | None:
    name = _BY_TIMELINESS.get(timeliness)
    if name is None and status is Status.IN_PROGRESS:
        name = "in_progress"
    return icon(name) if name else None


def app_icon() -> QIcon:
    return icon("app")
