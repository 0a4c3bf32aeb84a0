"""Which column of a task table is which, from the words of its header.

Headers are compared folded (no diacritics, no case, punctuation and spacing
ignored), so "Kết quả/ sản phẩm", "KẾT QUẢ / SẢN PHẨM" and "Ket qua san pham"
are one name. Columns may come in any order; a header may take two rows
("Đơn vị" over "Chủ trì" | "Phối hợp"); the header may sit below title rows.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from dataclasses import field as dataclass_field
from enum import Enum

from kehoach_desktop.domain.text import tidy_line
from kehoach_desktop.importers.cells import fold_text

HEADER_SEARCH_ROWS = 25  # a header sits near the top, below at most a few title rows
MAX_EXTRA_WORDS = 3  # "Thời hạn thực hiện (ngày/tháng)" is a deadline; a sentence is not a header


class Field(str, Enum):
    NUMBER = "number"
    CONTENT = "content"
    SCHEDULE = "schedule"
    LEAD = "lead"
    COORDINATE = "coordinate"
    ASSIGNMENT = "assignment"  # "Phân công (chủ trì/phối hợp) và cách thức thực hiện"
    OUTPUT = "output"
    NOTE = "note"
    TARGET = "target"


# Exact names (folded, words only). Longer forms are matched by their start below.
_EXACT = {
    Field.NUMBER: ("tt", "stt", "so tt", "so thu tu", "thu tu", "tt stt", "no"),
    Field.CONTENT: (
        "nhiem vu", "nhiem vu cu the", "noi dung cong viec", "noi dung", "noi dung nhiem vu",
        "ten nhiem vu", "nhiem vu giai phap", "giai phap", "cong viec", "nhiem vu cong viec",
        "noi dung thuc hien", "nhiem vu giai phap cu the", "chi tieu", "ten chi tieu",
        "noi dung chi tieu", "tieu chi", "noi dung tieu chi",
    ),
    Field.SCHEDULE: (
        "tien do", "thoi han", "thoi gian", "thoi han thuc hien", "thoi gian thuc hien",
        "tien do thuc hien", "thoi gian hoan thanh", "tien do hoan thanh", "thoi han hoan thanh",
        "han hoan thanh", "moc thoi gian",
    ),
    Field.LEAD: (
        "don vi thuc hien", "don vi chu tri", "co quan chu tri", "chu tri", "co quan thuc hien",
        "don vi chu tri thuc hien", "co quan don vi chu tri", "bo phan chu tri", "bo phan thuc hien",
        "phong chu tri", "don vi thuc hien chu tri", "co quan don vi thuc hien",
    ),
    Field.COORDINATE: (
        "don vi phoi hop", "co quan phoi hop", "phoi hop", "don vi phoi hop thuc hien",
        "co quan don vi phoi hop", "bo phan phoi hop",
    ),
    Field.OUTPUT: (
        "ket qua", "san pham", "ket qua san pham", "san pham ket qua", "ket qua dau ra",
        "san pham dau ra", "ket qua du kien", "ket qua can dat", "san pham du kien",
        "hinh thuc san pham", "ket qua san pham dau ra",
    ),
    Field.NOTE: ("ghi chu",),
}  # fmt: skip
# "Kết quả thực hiện" is what was done (a progress report), not the plan's expected output.
_NOT_OUTPUT = ("ket qua thuc hien", "ket qua dat duoc", "tinh hinh thuc hien")
_WORDS = re.compile(r"[^0-9a-z%]+")
# Last resort for a short header not listed above ("Các nhiệm vụ", "Thời điểm hoàn
# thành", "Trách nhiệm thực hiện"): the first rule whose words it contains. Who
# does the work comes before what, because "Đơn vị thực hiện nhiệm vụ" names units.
_CONTAINS: tuple[tuple[Field, re.Pattern], ...] = tuple(
    (field, re.compile(r"\b(" + "|".join(phrases) + r")\b"))
    for field, phrases in (
        (Field.ASSIGNMENT, ("trach nhiem",)),
        (Field.COORDINATE, ("phoi hop",)),
        (Field.LEAD, ("chu tri", r"(don vi|co quan|bo phan)( \w+)* thuc hien")),
        (Field.SCHEDULE, ("tien do", "thoi han", "thoi gian", "thoi diem", "han chot")),
        (Field.NOTE, ("ghi chu",)),
        (Field.OUTPUT, ("san pham", "ket qua")),
        (Field.CONTENT, ("nhiem vu", "noi dung", "cong viec", "giai phap", "hoat dong")),
    )
)
MAX_HEADER_WORDS = 7


def header_key(text: str) -> str:
    """The words of a header cell: "Kết quả/ sản phẩm" → "ket qua san pham"."""
    return _WORDS.sub(" ", fold_text(text)).strip()


@lru_cache(maxsize=4096)
def field_of(text: str, loose: bool = True) -> Field | None:
    """The field a header cell names, or None for a column the program does not know.
    `loose=False`: only the listed names (and those names followed by a few words)."""
    key = header_key(text)
    if not key:
        return None
    if "phan cong" in key or ("chu tri" in key and "phoi hop" in key):
        return Field.ASSIGNMENT
    exact = _EXACT_FIELD.get(key)
    if exact is not None:
        return exact
    if key.startswith("chi tieu"):  # "Chỉ tiêu năm 2025 (%)": a measurable target
        return Field.TARGET
    if any(key.startswith(name) for name in _NOT_OUTPUT):
        return None
    words = key.split(" ")  # header_key leaves single spaces between words
    # "Thời hạn thực hiện (ngày/tháng)", "Ghi chú khác": a known name and a few words more
    near = _name_and_a_few_words(words)
    if near is not None:
        return near
    if loose and len(words) <= MAX_HEADER_WORDS:
        for field, pattern in _CONTAINS:
            if pattern.search(key):
                return field
    return None


# Every cell of every row is asked whether it repeats the header: the names are
# looked up, not scanned one by one.
_FIELD_ORDER = {field: order for order, field in enumerate(_EXACT)}
_EXACT_FIELD: dict[str, Field] = {}  # name → the first field listing it
_NEAR_FIELD: dict[str, Field] = {}  # the same for names that take a few words more
for _field, _names in _EXACT.items():
    for _name in _names:
        _EXACT_FIELD.setdefault(_name, _field)
        if _field is not Field.NUMBER and len(_name) > 4:
            _NEAR_FIELD.setdefault(_name, _field)


def _name_and_a_few_words(words: list[str]) -> Field | None:
    """The first field (in _EXACT's order) with a name that the key's words start
    with, followed by 1 to MAX_EXTRA_WORDS words more."""
    found = [
        _NEAR_FIELD.get(" ".join(words[:size]))
        for size in range(max(1, len(words) - MAX_EXTRA_WORDS), len(words))
    ]
    found = [field for field in found if field is not None]
    return min(found, key=_FIELD_ORDER.__getitem__) if found else None


@dataclass
class TableColumns:
    """A recognised header: where it is and what each column holds."""

    first_row: int  # index of the header's (first) row in the table
    row_count: int  # 1, or 2 for a two-row header
    fields: list[Field | None]  # per column; None: a column kept in the note
    titles: list[str]  # per column, the header text as printed
    sub_keys: list[str] = dataclass_field(default_factory=list)  # a two-row header's second row, folded

    def index(self, field: Field) -> int | None:
        return self.fields.index(field) if field in self.fields else None

    @property
    def width(self) -> int:
        return len(self.fields)

    @property
    def unknown(self) -> list[int]:
        return [i for i, f in enumerate(self.fields) if f is None and self.titles[i]]


def find_header(rows: list[list[str]]) -> TableColumns | None:
    """The task-table header among the first rows, or None."""
    for index, cells in enumerate(rows[:HEADER_SEARCH_ROWS]):
        if not _looks_like_header(cells):
            continue
        below = rows[index + 1] if index + 1 < len(rows) else []
        return _with_second_row(index, cells, below)
    return None


def _looks_like_header(cells: list[str]) -> bool:
    known = {f for f in (field_of(cell) for cell in cells) if f is not None}
    listed = [f for f in (field_of(cell, loose=False) for cell in cells) if f is not None]
    has_content = Field.CONTENT in known or Field.TARGET in known
    # Task text plus what makes it a task: a deadline, a unit, an expected output;
    # two of the names as listed, so that a task row that happens to say "công
    # việc" and "chủ trì" is not taken for a header.
    essentials = known - {Field.CONTENT, Field.TARGET, Field.NUMBER, Field.NOTE}
    return has_content and bool(essentials) and len(listed) >= 2


def _with_second_row(index: int, top: list[str], below: list[str]) -> TableColumns:
    """Read a two-row header when the row below names sub-columns ("Chủ trì" | "Phối hợp")."""
    if not _is_sub_header(top, below):
        titles = [tidy_line(cell) for cell in top]
        return _resolved(TableColumns(index, 1, [field_of(t) for t in titles], titles))
    width = max(len(top), len(below))
    top = top + [""] * (width - len(top))
    below = below + [""] * (width - len(below))
    spread = _spread(top)  # a merged top cell has its text in its first column only
    titles = [_joined_title(tidy_line(t), tidy_line(s)) for t, s in zip(spread, below)]
    fields = [_two_row_field(t, s) for t, s in zip(spread, below)]
    return _resolved(TableColumns(index, 2, fields, titles, [header_key(s) for s in below]))


def _spread(top: list[str]) -> list[str]:
    out, last = [], ""
    for cell in top:
        last = cell if cell.strip() else last
        out.append(cell if cell.strip() else last)
    return out


def _two_row_field(top: str, sub: str) -> Field | None:
    if not sub.strip():
        return field_of(top)
    return field_of(sub) or field_of(f"{top} {sub}") or field_of(top)


def _joined_title(top: str, sub: str) -> str:
    if top and sub and header_key(top) != header_key(sub):
        return f"{top} – {sub}"
    return top or sub


def _is_sub_header(top: list[str], below: list[str]) -> bool:
    """The row under a header is its second row when it names sub-columns: short
    labels, each either under an empty (merged) top cell or a column name itself,
    at least one of them under an empty top cell or splitting a named column."""
    texts = [cell.strip() for cell in below]
    if not any(texts) or any(len(text) > 40 for text in texts):
        return False
    padded = top + [""] * (len(below) - len(top))
    under_blank = False
    for text, above in zip(texts, padded):
        if not text:
            continue
        if not above.strip():
            under_blank = True
        elif field_of(text) is None:
            return False  # text under a named column that names nothing: a data row
    return under_blank and any(field_of(text) for text in texts if text)


def _resolved(columns: TableColumns) -> TableColumns:
    """One column per field: the first wins, later ones are kept as notes.

    "Chỉ tiêu" is the task text when the table has no other task column, and a
    target beside a "Nhiệm vụ" column.
    """
    fields = list(columns.fields)
    if Field.CONTENT not in fields and Field.TARGET in fields:
        fields[fields.index(Field.TARGET)] = Field.CONTENT
    elif Field.CONTENT in fields:
        first_content = fields.index(Field.CONTENT)
        for i, field in enumerate(fields):
            if field is Field.CONTENT and i != first_content and header_key(columns.titles[i]).startswith("chi tieu"):
                fields[i] = Field.TARGET
    seen: set[Field] = set()
    for i, field in enumerate(fields):
        if field is None:
            continue
        if field in seen:
            fields[i] = None
        seen.add(field)
    if Field.NUMBER not in seen and fields and fields[0] is None and not header_key(columns.titles[0]):
        fields[0] = Field.NUMBER  # an unnamed first column holds the numbers
    columns.fields = fields
    return columns


def same_header(columns: TableColumns, cells: list[str]) -> bool:
    """A header row printed again (at a page break, or at the top of a continued table)."""
    fields = {field_of(cell) for cell in cells}
    if Field.CONTENT not in fields and Field.TARGET not in fields:
        return False
    named = [(i, f) for i, f in enumerate(columns.fields) if f is not None]
    hits = sum(1 for i, f in named if i < len(cells) and field_of(cells[i]) is f)
    return hits >= max(2, (len(named) + 1) // 2)


def is_column_numbers(cells: list[str]) -> bool:
    """A row numbering the columns: "1 2 3 4 5" or "(1) (2) (3)", "A B C" under a header."""
    texts = [cell.strip() for cell in cells if cell.strip()]
    if len(texts) < 3:
        return False
    numbers = [re.fullmatch(r"\(?(\d{1,2})\)?", text) for text in texts]
    if all(numbers):
        values = [int(m.group(1)) for m in numbers]
        return values == list(range(values[0], values[0] + len(values)))
    letters = [re.fullmatch(r"\(?([A-Z])\)?", text) for text in texts]
    if all(letters):
        codes = [ord(m.group(1)) for m in letters]
        return codes == list(range(codes[0], codes[0] + len(codes)))
    return False
