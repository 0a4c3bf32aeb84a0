"""Tag a plan's section title with the canonical area (lĩnh vực) by its words.

Titles are matched on their folded words (``domain.text.fold``: no diacritics,
``đ``→``d``, lower case, old and new tone placement alike) with punctuation turned
into spaces, so "CHỈ ĐẠO, ĐIỀU HÀNH" and "chỉ đạo điều hành" read the same and
the typos real plans carry ("ĐIỂM THUỜNG", "ĐIỂM TRƯ", "PHẤN ĐÁU") fold to the
right words.

How a title is placed, in order:

1. A sub-section whose parent's area is known takes the parent's area (the SIPAS
   criteria under "NÂNG CAO CHỈ SỐ HÀI LÒNG ..." stay ``hai_long`` even when a
   criterion is called "THỦ TỤC HÀNH CHÍNH").
2. Decisive words, wherever they stand: điểm thưởng / điểm trừ, chỉ số hài lòng /
   SIPAS / sự phục vụ, tác động của CCHC; when several are named, the first one
   wins. So a title naming both điểm thưởng and điểm trừ ("ĐIỂM THƯỞNG/TRỪ") goes
   to ``diem_thuong`` (named first; the tasks of such sections in real plans are
   the bonus-point ones), and "CHỈ SỐ HÀI LÒNG" beats any area word after it.
3. Area words (thể chế, TTHC, bộ máy, công vụ, tài chính công, chính quyền số,
   chỉ đạo điều hành, tuyên truyền, the SIPAS criterion names): when several
   areas are named, the one named first wins, as the head of a Vietnamese noun
   phrase comes first ("TUYÊN TRUYỀN VỀ CẢI CÁCH TTHC" is tuyên truyền).
4. Weak words, only when nothing above matched: cán bộ / công chức / viên chức
   (công vụ), vi phạm (điểm trừ).
5. A general title about the whole reform ("NÂNG CAO CHỈ SỐ CẢI CÁCH HÀNH CHÍNH
   NĂM 2025", "PAR INDEX", "NHIỆM VỤ KHÁC") gives ("khac", True): it was
   understood, and it deliberately belongs to no single area.
6. Anything else gives ("khac", False) so the importer can say it could not
   place the section.
"""

from __future__ import annotations

import re

from kehoach_desktop.domain.areas import OTHER, is_area_code
from kehoach_desktop.importers.cells import fold_text

_NOT_WORD = re.compile(r"[^0-9a-z]+")

# Folded word patterns; "\b" boundaries work because punctuation became spaces.
_DECISIVE: tuple[tuple[str, str], ...] = (
    ("diem_thuong", r"\bdiem (thuong|cong)\b|\btieu chi thuong\b"),
    ("diem_tru", r"\bdiem tru\b|\btru diem\b|\bbi tru\b"),
    ("hai_long", r"\bhai long\b|\bsipas\b|\bsu phuc vu\b"),
    (
        "tac_dong",
        r"\btac dong (cua )?(cong tac )?(cai cach hanh chinh|cchc|cai cach)\b"
        r"|\btac dong\b.*\b(phat trien|kinh te|kt xh)\b",
    ),
)

_AREA_WORDS: tuple[tuple[str, str], ...] = (
    (
        "chi_dao",
        r"\bchi dao (va )?dieu hanh\b|\bcong tac chi dao\b"
        r"|\bkiem tra (cong tac )?(cai cach hanh chinh|cchc)\b",
    ),
    ("tuyen_truyen", r"\btuyen truyen\b"),
    (
        "the_che",
        r"\bthe che\b|\bvbqppl\b|\bvan ban quy pham\b|\bquy pham phap luat\b"
        r"|\bphap luat\b|\bphap che\b",
    ),
    (
        "tthc",
        r"\bthu tuc hanh chinh\b|\btthc\b|\bmot cua\b|\bpakn\b|\bphan anh kien nghi\b",
    ),
    (
        "bo_may",
        r"\bbo may\b|\bbien che\b|\bphan cap quan ly\b|\bsap xep (lai )?to chuc\b",
    ),
    ("cong_vu", r"\bcong vu\b|\bvi tri viec lam\b|\bdoi ngu\b"),
    (
        "tai_chinh",
        r"\btai chinh\b|\bdau tu cong\b|\bngan sach\b|\btai san cong\b",
    ),
    (
        "chinh_quyen_so",
        r"\bchinh (quyen|phu) (dien tu|so)\b|\bchuyen doi so\b"
        r"|\bhien dai hoa (nen )?hanh chinh\b|\bcong nghe thong tin\b|\bcntt\b"
        r"|\bdich vu cong truc tuyen\b|\bso hoa\b|\biso\b",
    ),
    # The SIPAS criteria by their names, when no parent section says so.
    (
        "hai_long",
        r"\btiep can dich vu\b|\bket qua giai quyet cong viec\b|\bthong tin phan hoi\b",
    ),
)

_WEAK: tuple[tuple[str, str], ...] = (
    ("cong_vu", r"\bcan bo\b|\bcong chuc\b|\bvien chuc\b"),
    ("diem_tru", r"\bvi pham\b(?! (phap luat|hanh chinh))"),
)

_GENERAL = re.compile(
    r"\bcai cach hanh chinh\b|\bcchc\b|\bpar index\b|\bchi so cai cach\b"
    r"|\bnhiem vu (chung|khac)\b|\bnoi dung khac\b"
)

_COMPILED = {
    tier: tuple((code, re.compile(pattern)) for code, pattern in rules)
    for tier, rules in (("decisive", _DECISIVE), ("area", _AREA_WORDS), ("weak", _WEAK))
}


def title_words(title: str) -> str:
    """The folded words of a title, punctuation as single spaces."""
    return _NOT_WORD.sub(" ", fold_text(title)).strip()


def classify_area(title: str, parent_area: str | None = None) -> tuple[str, bool]:
    """(area code, recognised) for a section title; unplaced gives ("khac", False).

    `parent_area` is the area of the section this one sits under (None for a
    top-level section). When it is a known area other than "khac", the
    sub-section belongs to it whatever its own words say; when it is None,
    "khac" or not an area code, the title's own words decide.
    The rules and their order are in the module docstring.
    """
    if parent_area and parent_area != OTHER and is_area_code(parent_area):
        return parent_area, True
    words = title_words(title)
    if not words:
        return OTHER, False
    for tier in ("decisive", "area", "weak"):
        code = _first_named(words, _COMPILED[tier])
        if code:
            return code, True
    return OTHER, bool(_GENERAL.search(words))


def _first_named(words: str, rules: tuple[tuple[str, re.Pattern[str]], ...]) -> str | None:
    """The area whose words start earliest in the title (ties: the rule listed first)."""
    best: tuple[int, int, str] | None = None
    for order, (code, pattern) in enumerate(rules):
        match = pattern.search(words)
        if match and (best is None or (match.start(), order) < best[:2]):
            best = (match.start(), order, code)
    return best[2] if best else None
