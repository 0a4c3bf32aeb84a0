"""Unit names: the key two spellings of one unit share, and group phrases."""

from __future__ import annotations

import re

from kehoach_desktop.domain.models import UnitKind
from kehoach_desktop.domain.text import fold

_NOT_WORD = re.compile(r"[^0-9a-z]+")
_GROUP_START = ("cac ", "tat ca ", "toan the ", "nhung ")
# "UBND các huyện, thị xã ...", "Trung tâm Y tế các huyện": one name for many units.
_MANY_INSIDE = re.compile(
    r"\bcac (huyen|thi xa|xa|phuong|dia phuong|don vi|phong|co quan|so|nganh|truong|benh vien"
    r"|tram|chi cuc|trung tam)\b"
)
# "Phòng, đơn vị liên quan", "Cơ quan, đơn vị thuộc Sở": plural without "các".
_PLURAL_START = re.compile(r"^(phong|co quan|don vi|so|ban), (don vi|ban|nganh|phong|co quan)\b")


def unit_key(name: str) -> str:
    """Equal for "Phòng Kế hoạch – Tài chính" and "phong ke hoach - tai chinh"."""
    return _NOT_WORD.sub(" ", fold(name)).strip()


def guess_kind(name: str) -> UnitKind:
    """A phrase naming many units at once ("Các phòng, đơn vị trực thuộc Sở", "UBND
    các huyện, thị xã, thành phố", "Phòng, đơn vị liên quan") is a group."""
    folded = fold(name)
    many = folded.startswith(_GROUP_START) or _MANY_INSIDE.search(folded) or _PLURAL_START.match(folded)
    return UnitKind.GROUP if many else UnitKind.UNIT
