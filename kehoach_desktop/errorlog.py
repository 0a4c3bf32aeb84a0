"""The log of unexpected errors, in the data folder: what support asks the user to send.

Library code logs a warning with its traceback when it turns an error into a
message for the user (a reader refusing a damaged file, ...). Without a handler
Python prints such a record, traceback and all, on the terminal ("last resort"),
before the Vietnamese message. `install_logging()` sends warnings, and Python's
`warnings`, to this log instead: the terminal shows only the message.
"""

from __future__ import annotations

import logging
import traceback
from datetime import datetime

from kehoach_desktop import __version__

LOG_NAME = "kehoach-desktop.log"


def log_path():
    from kehoach_desktop.store.location import data_dir

    return data_dir() / LOG_NAME


def _append(text: str) -> str:
    path = log_path()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with path.open("a", encoding="utf-8") as log:
            log.write(f"--- {datetime.now():%Y-%m-%d %H:%M:%S} kehoach-desktop {__version__}\n")
            log.write(text if text.endswith("\n") else text + "\n")
    except OSError:
        return "(không ghi được nhật ký lỗi)"
    return str(path)


def write(exc_type, exc, tb) -> str:
    """Append the error with its traceback; returns the log's path (or a note why not)."""
    return _append("".join(traceback.format_exception(exc_type, exc, tb)))


class _LogFileHandler(logging.Handler):
    """Appends each record (with its traceback) to the log; never fails loudly."""

    def emit(self, record: logging.LogRecord) -> None:
        try:
            _append(f"{record.levelname} {record.name}: {self.format(record)}")
        except Exception:  # a log that cannot be written must not disturb the program
            pass


def install_logging() -> None:
    """Warnings and errors of the program and its libraries go to the log file,
    never to the terminal. Idempotent."""
    root = logging.getLogger()
    if not any(isinstance(handler, _LogFileHandler) for handler in root.handlers):
        handler = _LogFileHandler(logging.WARNING)
        handler.setFormatter(logging.Formatter("%(message)s"))
        root.addHandler(handler)
    logging.captureWarnings(True)
