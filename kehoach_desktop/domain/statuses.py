"""Task statuses. Only what a person decides is stored; lateness is derived."""

from __future__ import annotations

from enum import Enum


class Status(str, Enum):
    NOT_STARTED = "not_started"
    IN_PROGRESS = "in_progress"
    DONE = "done"
    NOT_DONE = "not_done"  # Không thực hiện, with a reason

    @property
    def label(self) -> str:
        return STATUS_LABELS[self]

    @classmethod
    def from_label(cls, text: str) -> "Status":
        """Accept a code or a Vietnamese label (any case, with or without marks)."""
        from kehoach_desktop.domain.text import fold

        key = fold(text)
        for status in cls:
            if key in (status.value, fold(status.label)):
                return status
        if key == fold(DONE_LATE_LABEL):
            return cls.DONE
        raise ValueError(f"Trạng thái không hợp lệ: «{text}»")


STATUS_LABELS = {
    Status.NOT_STARTED: "Chưa triển khai",
    Status.IN_PROGRESS: "Đang thực hiện",
    Status.DONE: "Hoàn thành",
    Status.NOT_DONE: "Không thực hiện",
}

# Shown for a DONE task finished after its deadline; never stored.
DONE_LATE_LABEL = "Hoàn thành trễ hạn"
