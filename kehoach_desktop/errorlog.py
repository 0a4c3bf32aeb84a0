"""The log of unexpected errors, in the data folder: what support asks the user to send."""

from __future__ import annotations

import traceback
from datetime import datetime

from kehoach_desktop import __version__

LOG_NAME = "kehoach-desktop.log"


def write(exc_type, exc, tb) -> str:
    """Append the error with its traceback; returns the log's path (or a note why not)."""
    from kehoach_desktop.store.location import data_dir

    path = data_dir() / LOG_NAME
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with path.open("a", encoding="utf-8") as log:
            log.write(f"--- {datetime.now():%Y-%m-%d %H:%M:%S} kehoach-desktop {__version__}\n")
            log.write("".join(traceback.format_exception(exc_type, exc, tb)))
    except OSError:
        return "(không ghi được nhật ký lỗi)"
    return str(path)
