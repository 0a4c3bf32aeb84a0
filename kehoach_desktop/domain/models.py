"""The plan, its sections and tasks, the unit directory, progress and evidence.

Plain dataclasses: the store fills them, services change them, the GUI and the
reports read them. An id is 0 until the object is saved (SQLite's ids start at 1).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from enum import Enum

from kehoach_desktop.domain.areas import OTHER
from kehoach_desktop.domain.deadlines import Deadline, DeadlineKind
from kehoach_desktop.domain.statuses import Status


class Role(str, Enum):
    LEAD = "lead"  # Đơn vị chủ trì / thực hiện
    COORDINATE = "coordinate"  # Đơn vị phối hợp

    @property
    def label(self) -> str:
        return "Chủ trì" if self is Role.LEAD else "Phối hợp"


class UnitKind(str, Enum):
    UNIT = "unit"  # one phòng / đơn vị
    GROUP = "group"  # "Các phòng, đơn vị trực thuộc Sở": work assigned to many at once


@dataclass
class Plan:
    """A Kế hoạch with the header fields its reports print."""

    id: int = 0
    year: int = 0
    title: str = ""  # trích yếu
    governing_body: str = ""  # cơ quan chủ quản: "UBND TỈNH KHÁNH HÒA"
    issuer: str = ""  # cơ quan ban hành: "Sở Xây dựng"
    issuer_abbr: str = ""  # "SXD"
    doc_number: str = ""  # số ký hiệu: "/KH-SXD" (number may be blank) or "125/KH-SXD"
    place: str = ""  # địa danh: "Khánh Hòa"
    issued_on: date | None = None
    date_text: str = ""  # the date as printed: "ngày tháng năm 2025"
    signer_title: str = ""  # may be two lines: "KT. GIÁM ĐỐC\nPHÓ GIÁM ĐỐC"
    signer_name: str = ""
    recipients: list[str] = field(default_factory=list)  # nơi nhận
    legal_bases: list[str] = field(default_factory=list)  # căn cứ
    body: list[str] = field(default_factory=list)  # the document's own paragraphs
    columns: list[str] = field(default_factory=list)  # the appendix headers as printed
    appendix_heading: list[str] = field(default_factory=list)
    source_name: str = ""  # the file it was imported from
    source_digest: str = ""  # fingerprint of the imported content (duplicate check)

    @property
    def display_name(self) -> str:
        number = self.doc_number.strip()
        title = self.title or "(chưa có trích yếu)"
        return f"{number} – {title}" if number and not number.startswith("/") else title


@dataclass
class Section:
    """A section of the appendix as printed ("I. CẢI CÁCH THỂ CHẾ"), tagged with an area."""

    id: int = 0
    plan_id: int = 0
    parent_id: int | None = None  # "B" → "I", "II" ... in plans with parts
    ordinal: str = ""
    title: str = ""
    area_code: str = OTHER
    position: int = 0


@dataclass
class Unit:
    id: int = 0
    name: str = ""
    short_name: str = ""
    kind: UnitKind = UnitKind.UNIT
    aliases: list[str] = field(default_factory=list)


@dataclass
class TaskUnit:
    """A task–unit link."""

    unit_id: int
    role: Role
    unit_name: str = ""


@dataclass
class Task:
    id: int = 0
    plan_id: int = 0
    section_id: int = 0
    parent_id: int | None = None  # sub-tasks 3.1, 3.2 hang under task 3
    position: int = 0  # order among siblings
    number: str = ""  # as printed: "3", "3.1", or ""
    content: str = ""
    schedule_text: str = ""  # Tiến độ as written
    deadline: Deadline = field(default_factory=lambda: Deadline("", DeadlineKind.UNSPECIFIED))
    output: str = ""  # Kết quả/sản phẩm
    note: str = ""
    target: str = ""  # Chỉ tiêu
    lead_text: str = ""  # the lead column verbatim
    coordinate_text: str = ""  # the coordinating column verbatim
    assignment_raw: str = ""  # a combined "Phân công ..." column verbatim
    status: Status = Status.NOT_STARTED
    status_reason: str = ""  # why "Không thực hiện"
    completed_on: date | None = None
    result: str = ""  # Kết quả thực hiện (latest, consolidated)
    units: list[TaskUnit] = field(default_factory=list)
    # Columns of the imported table the program has no field for: (header, text), as printed.
    extras: list[tuple[str, str]] = field(default_factory=list)

    def unit_names(self, role: Role) -> list[str]:
        return [link.unit_name for link in self.units if link.role is role]


@dataclass
class Evidence:
    """A tài liệu kiểm chứng: the document proving the work was done."""

    id: int = 0
    task_id: int = 0
    progress_id: int | None = None
    doc_number: str = ""  # số/ký hiệu
    issued_on: date | None = None
    summary: str = ""  # trích yếu
    file_path: str = ""  # the file the user chose (an absolute path), as chosen
    stored_path: str = ""  # its copy kept with the data: "tai-lieu/…/…", relative to the database's folder
    file_size: int | None = None
    file_sha256: str = ""

    @property
    def has_file(self) -> bool:
        return bool(self.stored_path or self.file_path)

    @property
    def file_name(self) -> str:
        """The file's name as shown: the kept copy's, else the chosen one's."""
        return (self.stored_path or self.file_path).replace("\\", "/").rsplit("/", 1)[-1]


@dataclass
class ProgressUpdate:
    """What a unit reported on a task for one reporting period."""

    id: int = 0
    task_id: int = 0
    period: str = ""  # Period code: "2025-Q3"
    status: Status = Status.IN_PROGRESS
    percent: int | None = None
    result: str = ""
    difficulties: str = ""  # Khó khăn, vướng mắc
    reported_on: date | None = None
    unit_id: int | None = None
    unit_name: str = ""
    evidence: list[Evidence] = field(default_factory=list)


@dataclass(frozen=True)
class ProgressPoint:
    """One progress update, reduced to what a task's status on a day depends on."""

    id: int
    task_id: int
    period: str
    period_end: date
    reported_on: date
    status: Status
    percent: int | None
    result: str

    def known_on(self, day: date) -> bool:
        return self.period_end <= day or self.reported_on <= day

    def order_key(self) -> tuple[date, date, int]:
        return (self.period_end, self.reported_on, self.id)
