"""Damage of the kinds issue 14 reproduced, made to a closed database file on purpose."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from kehoach_desktop.store import backup as files

# Serial type → bytes of the value (SQLite record format); 8 and 9 are the constants 0 and 1.
_VALUE_SIZES = {0: 0, 1: 1, 2: 2, 3: 3, 4: 4, 5: 6, 6: 8, 7: 8, 8: 0, 9: 0}


def _varint(buf: bytearray, i: int) -> tuple[int, int]:
    value = 0
    for k in range(9):
        byte = buf[i + k]
        if k == 8:
            return (value << 8) | byte, i + 9
        value = (value << 7) | (byte & 0x7F)
        if byte < 0x80:
            return value, i + k + 1
    raise AssertionError("unreachable")


def _page(path: Path, name: str) -> tuple[int, int]:
    conn = sqlite3.connect(f"{Path(path).resolve().as_uri()}?mode=ro&immutable=1", uri=True)
    try:
        page_size = conn.execute("PRAGMA page_size").fetchone()[0]
        root = conn.execute("SELECT rootpage FROM sqlite_master WHERE name = ?", (name,)).fetchone()[0]
    finally:
        conn.close()
    return page_size, root


def damage_index(path: Path, index: str = "task_plan") -> None:
    """Make one entry of `index` point to another row: the b-tree stays well formed
    (quick_check passes), the index no longer matches its table (integrity_check fails)."""
    page_size, root = _page(path, index)
    data = bytearray(Path(path).read_bytes())
    base = (root - 1) * page_size
    assert data[base] == 0x0A, "the index fits one leaf page"
    cells = int.from_bytes(data[base + 3 : base + 5], "big")
    for cell in range(cells):
        start = base + int.from_bytes(data[base + 8 + 2 * cell : base + 10 + 2 * cell], "big")
        _payload, header = _varint(data, start)
        header_size, i = _varint(data, header)
        types = []
        while i < header + header_size:
            kind, i = _varint(data, i)
            types.append(kind)
        if types[-1] == 1:  # the row id, stored in one byte
            offset = header + header_size + sum(_VALUE_SIZES[t] for t in types[:-1])
            data[offset] = (data[offset] + 50) % 128
            Path(path).write_bytes(bytes(data))
            return
    raise AssertionError("no index entry with a one-byte row id")


def break_utf8(path: Path, text: str) -> None:
    """Flip one bit of the last byte of `text` (stored in the file) so that the value is
    no longer valid UTF-8: a continuation byte 10xxxxxx becomes 11xxxxxx."""
    encoded = text.encode("utf-8")
    assert encoded[-1] & 0xC0 == 0x80, "the text must end in a multi-byte character"
    data = bytearray(Path(path).read_bytes())
    at = data.find(encoded)
    assert at >= 0, f"{text!r} is not in the file"
    data[at + len(encoded) - 1] |= 0x40
    Path(path).write_bytes(bytes(data))


def forget_close_record(path: Path) -> None:
    """As after a crash: no record of the last clean close."""
    files.close_record_path(path).unlink(missing_ok=True)
