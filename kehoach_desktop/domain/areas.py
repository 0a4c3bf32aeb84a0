"""The canonical reform areas (lĩnh vực) every plan section is tagged with.

A plan keeps its own section titles and order as printed; the area tag lets
tasks of several plans be grouped and counted together. Codes are stable: they
are stored in the database and written in exports.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Area:
    code: str
    name: str
    short_name: str
    is_core: bool  # one of the six reform areas of Nghị quyết 76/NQ-CP


AREAS: tuple[Area, ...] = (
    Area("the_che", "Cải cách thể chế", "Thể chế", True),
    Area("tthc", "Cải cách thủ tục hành chính", "Thủ tục hành chính", True),
    Area("bo_may", "Cải cách tổ chức bộ máy", "Tổ chức bộ máy", True),
    Area("cong_vu", "Cải cách chế độ công vụ", "Chế độ công vụ", True),
    Area("tai_chinh", "Cải cách tài chính công", "Tài chính công", True),
    Area("chinh_quyen_so", "Xây dựng chính quyền điện tử, chính quyền số", "Chính quyền số", True),
    Area("chi_dao", "Công tác chỉ đạo, điều hành", "Chỉ đạo điều hành", False),
    Area("tuyen_truyen", "Công tác tuyên truyền", "Tuyên truyền", False),
    Area("tac_dong", "Tác động của cải cách hành chính", "Tác động", False),
    Area("hai_long", "Chỉ số hài lòng", "Hài lòng", False),
    Area("diem_thuong", "Điểm thưởng", "Điểm thưởng", False),
    Area("diem_tru", "Điểm trừ", "Điểm trừ", False),
    Area("khac", "Khác", "Khác", False),
)

OTHER = "khac"
_BY_CODE = {area.code: area for area in AREAS}


def area(code: str) -> Area:
    """The area with this code; unknown codes raise KeyError."""
    return _BY_CODE[code]


def is_area_code(code: str) -> bool:
    return code in _BY_CODE


def area_order(code: str) -> int:
    """Position in the catalog: core areas first, "khác" last."""
    return AREAS.index(_BY_CODE.get(code, _BY_CODE[OTHER]))
