"""The journal of changes to tasks: one entry per changed field, what it was, what
it became, when, and through what (an edit, a unit's form, an import, an undo)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from kehoach_desktop.domain.statuses import Status
from kehoach_desktop.domain.text import fold

FIELD_LABELS = {
    "number": "Số thứ tự",
    "content": "Nội dung nhiệm vụ",
    "schedule_text": "Tiến độ, thời hạn",
    "output": "Kết quả, sản phẩm",
    "note": "Ghi chú",
    "target": "Chỉ tiêu",
    "lead_text": "Đơn vị chủ trì (như ghi trong kế hoạch)",
    "coordinate_text": "Đơn vị phối hợp (như ghi trong kế hoạch)",
    "assignment_raw": "Phân công (như ghi trong kế hoạch)",
    "status": "Trạng thái",
    "status_reason": "Lý do không thực hiện",
    "completed_on": "Ngày hoàn thành",
    "result": "Kết quả thực hiện",
    "section_id": "Mục của kế hoạch",
    "parent_id": "Nhiệm vụ cha",
    "+task": "Thêm nhiệm vụ",
    "-task": "Xóa nhiệm vụ",
    "+lead": "Giao chủ trì",
    "-lead": "Bỏ giao chủ trì",
    "+coordinate": "Giao phối hợp",
    "-coordinate": "Bỏ giao phối hợp",
    "+progress": "Ghi nhận báo cáo tiến độ",
    "-progress": "Bỏ báo cáo tiến độ",
    "+plan": "Nhập kế hoạch",
    "-plan": "Xóa kế hoạch",
}
SOURCE_LABELS = {
    "edit": "Sửa trực tiếp",
    "import": "Nhập kế hoạch",
    "form": "Phiếu báo cáo của đơn vị",
    "undo": "Hoàn tác",
    "redo": "Làm lại",
    "organization": "Sửa danh mục đơn vị",
    "restore": "Khôi phục",
    "office": "Văn phòng xác định",
}


@dataclass(frozen=True)
class JournalEntry:
    id: int
    task_id: int | None
    plan_id: int
    field: str
    old: str | None
    new: str | None
    at: str  # local time, ISO
    source: str
    detail: str = ""
    task_number: str | None = None
    task_content: str | None = None

    @property
    def field_label(self) -> str:
        return FIELD_LABELS.get(self.field, self.field)

    @property
    def source_label(self) -> str:
        label = SOURCE_LABELS.get(self.source, self.source)
        return f"{label}: {self.detail}" if self.detail else label

    @property
    def when(self) -> str:
        """dd/mm/yyyy hh:mm."""
        try:
            return datetime.fromisoformat(self.at).strftime("%d/%m/%Y %H:%M")
        except ValueError:
            return self.at

    @property
    def old_text(self) -> str:
        return shown_value(self.field, self.old)

    @property
    def new_text(self) -> str:
        return shown_value(self.field, self.new)

    @property
    def change(self) -> str:
        """"old → new", or just what was added or removed."""
        if self.field.startswith("+"):
            return self.new_text
        if self.field.startswith("-"):
            return self.old_text
        return f"{self.old_text or '(trống)'} → {self.new_text or '(trống)'}"

    def matches(self, query: str) -> bool:
        text = fold(" ".join(
            part or "" for part in (self.field_label, self.old_text, self.new_text, self.source_label,
                                    self.task_number, self.task_content, self.when)
        ))  # fmt: skip
        return all(word in text for word in fold(query).split())

    def to_json(self) -> dict:
        return {
            "id": self.id, "task_id": self.task_id, "plan_id": self.plan_id, "field": self.field,
            "field_label": self.field_label, "old": self.old, "new": self.new, "at": self.at,
            "source": self.source, "detail": self.detail,
        }  # fmt: skip


def shown_value(field: str, value: str | None) -> str:
    """A stored value in words: statuses by their labels, dates dd/mm/yyyy, a progress
    answer as "kỳ – trạng thái – đơn vị – kết quả"."""
    if value is None:
        return ""
    if field == "status":
        try:
            return Status(value).label
        except ValueError:
            return value
    if field == "completed_on":
        try:
            return f"{date.fromisoformat(value):%d/%m/%Y}"
        except ValueError:
            return value
    if field.endswith("progress"):
        parts = value.split(" | ", 3)
        if len(parts) == 4:
            period, status, unit, result = parts
            try:
                status = Status(status).label
            except ValueError:
                pass
            return " – ".join(part for part in (period, status, unit, result) if part)
    return value
