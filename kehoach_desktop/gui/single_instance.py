"""One window per database: a QLockFile next to the database file.

Two windows writing one file would each keep its own view and undo stack and
overwrite the other's work, so a second start on the same file shows a message
and stops. QLockFile writes the owner's process id into the lock file; a lock
left by a killed or crashed program is recognised as stale (that process is
gone) and taken over.
"""

from __future__ import annotations

from enum import Enum
from pathlib import Path

from PySide6.QtCore import QLockFile

from kehoach_desktop.store.backup import lock_file_path

WAIT_MS = 300  # a second start racing the first one's exit gets a moment


class LockState(Enum):
    OWNED = "owned"
    HELD_ELSEWHERE = "held"
    UNAVAILABLE = "unavailable"  # the lock file cannot be created: a read-only place


def already_open_message(db_path: Path) -> str:
    return (
        "Chương trình đang mở tệp dữ liệu này ở một cửa sổ khác:\n"
        f"{db_path}\n\n"
        "Hãy dùng cửa sổ đang mở (tìm trên thanh tác vụ). Mỗi tệp dữ liệu chỉ được mở ở một "
        "cửa sổ, để hai nơi cùng ghi không làm lẫn hay mất dữ liệu; cửa sổ thứ hai này sẽ đóng.\n\n"
        "Nếu chắc chắn không còn cửa sổ nào (ví dụ máy vừa tắt đột ngột), hãy đợi vài giây rồi mở lại."
    )


class DatabaseLock:
    def __init__(self, db_path: Path):
        self.db_path = Path(db_path)
        self.path = lock_file_path(self.db_path)
        self._lock: QLockFile | None = None

    def acquire(self) -> LockState:
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
        except OSError:
            return LockState.UNAVAILABLE
        lock = QLockFile(str(self.path))
        if lock.tryLock(WAIT_MS):
            self._lock = lock
            return LockState.OWNED
        if lock.error() == QLockFile.LockError.LockFailedError:
            return LockState.HELD_ELSEWHERE
        return LockState.UNAVAILABLE

    @property
    def owned(self) -> bool:
        return self._lock is not None

    def release(self) -> None:
        if self._lock is not None:
            self._lock.unlock()
            self._lock = None
