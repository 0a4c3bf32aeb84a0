"""File and folder names the program makes: safe on Windows, in NFC.

File names are a way in too (a Vietnamese name typed on a Mac arrives in NFD),
and Windows refuses < > : " / \\ | ? * and control characters, names ending in a
dot or a space, and the device names CON, PRN, AUX, NUL, COM0–9, LPT0–9 (with
any extension: "con.pdf" is the console too).
"""

from __future__ import annotations

import re
import unicodedata

_FORBIDDEN = re.compile(r'[<>:"/\\|?*\x00-\x1f]')
RESERVED = {"con", "prn", "aux", "nul", *(f"com{i}" for i in range(10)), *(f"lpt{i}" for i in range(10))}


def safe_file_stem(text: str, limit: int = 120, fallback_prefix: str = "Báo cáo") -> str:
    """A name Windows accepts, in NFC, at most `limit` characters."""
    stem = unicodedata.normalize("NFC", _FORBIDDEN.sub(" ", text))
    stem = re.sub(r"\s+", " ", stem).strip().rstrip(". ")[:limit].rstrip(". ")
    if not stem or stem.casefold() in RESERVED:
        stem = f"{fallback_prefix} {stem}".strip()
    return stem


def safe_file_name(name: str, limit: int = 80, fallback: str = "Tài liệu") -> str:
    """A file name with its extension kept: the stem made safe (safe_file_stem; a
    reserved stem such as «CON» is prefixed), the extension lower-case letters and digits."""
    name = unicodedata.normalize("NFC", name)
    stem, dot, extension = name.rpartition(".")
    if not dot or not stem.strip() or not re.fullmatch(r"[A-Za-z0-9]{1,10}", extension):
        stem, extension = name, ""
    extension = extension.lower()
    stem = safe_file_stem(stem, max(limit - len(extension) - 1, 10), fallback)
    return f"{stem}.{extension}" if extension else stem
