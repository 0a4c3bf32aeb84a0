"""Unit names: the key two spellings of one unit share, and group phrases."""

from __future__ import annotations

import re

from kehoach_desktop.domain.models import UnitKind
from kehoach_desktop.domain.text import fold

_NOT_WORD = re.compile(r"[^0-9a-z]+")
_GROUP_START = ("cac ", "tat ca ", "toan the ")


def unit_key(name: str) -> str:
    """Equal for "Phòng Kế hoạch – Tài chính" and "phong ke hoach - tai chinh"."""
    return _NOT_WORD.sub(" ", fold(name)).strip()


def guess_kind(name: str) -> UnitKind:
    """A phrase naming many units at once ("Các phòng, đơn vị trực thuộc Sở") is a group."""
    return UnitKind.GROUP if fold(name).startswith(_GROUP_START) else UnitKind.UNIT
