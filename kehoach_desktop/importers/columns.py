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
    """What a column holds. The values are the codes of domain.drafts.COLUMN_MEANINGS
    (the names shown to the user, the codes of `import --columns`)."""

    NUMBER = "number"
    CONTENT = "content"
    SCHEDULE = "schedule"
    LEAD = "lead"
    COORDINATE = "coordinate"
    ASSIGNMENT = "assignment"  # "Phân công (chủ trì/phối hợp) và cách thức thực hiện"
    OUTPUT = "output"
    TARGET = "target"
    NOTE = "note"
    EXTRA = "extra"  # a column the program has no field for: kept as a named extra field
    IGNORE = "ignore"  # not imported


# How sure a header name is: listed as it is, listed with a few words more, or
# only containing a telling word. The surest column of a field wins it.
EXACT, NEAR, LOOSE = 3, 2, 1


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
# Progress columns: how far the work has got, not what it is to produce. ("Kết quả
# thực hiện" is a task's output column in the plans that have it, and is read so.)
_NOT_OUTPUT = ("tinh hinh thuc hien",)
_WORDS = re.compile(r"[^0-9a-z%]+")
# Last resort for a short header not listed above ("Các nhiệm vụ", "Thời điểm hoàn
# thành", "Trách nhiệm thực hiện"): the first rule whose words it contains. Who
# does the work comes before what, because "Đơn vị thực hiện nhiệm vụ" names units.
_CONTAINS: tuple[tuple[Field, re.Pattern], ...] = tuple(
    (field, re.compile(r"\b(" + "|".join(phrases) + r")\b"))
    for field, phrases in (
        # "Đơn vị chịu trách nhiệm phổ biến", "Cơ quan soạn thảo": the body that does it
        (Field.LEAD, (r"(don vi|co quan|bo phan)( \w+)* chiu trach nhiem", "soan thao")),
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


def field_of(text: str, loose: bool = True) -> Field | None:
    """The field a header cell names, or None for a column the program does not know.
    `loose=False`: only the listed names (and those names followed by a few words)."""
    field, strength = named_field(text)
    return field if strength > LOOSE or (loose and strength) else None


@lru_cache(maxsize=4096)
def named_field(text: str) -> tuple[Field | None, int]:
    """(field, how sure: EXACT, NEAR, LOOSE) for a header cell; (None, 0) when it names none."""
    key = header_key(text)
    if not key:
        return None, 0
    words = key.split(" ")  # header_key leaves single spaces between words
    if "nguoi" in words:  # "Người đứng đầu chịu trách nhiệm": a person, not a unit
        return None, 0
    if "phan cong" in key or ("chu tri" in key and "phoi hop" in key):
        return Field.ASSIGNMENT, EXACT
    exact = _EXACT_FIELD.get(key)
    if exact is not None:
        return exact, EXACT
    if key.startswith("chi tieu"):  # "Chỉ tiêu năm 2025 (%)": a measurable target
        return Field.TARGET, NEAR
    if any(key.startswith(name) for name in _NOT_OUTPUT):
        return None, 0
    # "Thời hạn thực hiện (ngày/tháng)", "Ghi chú khác": a known name and a few words more
    near = _name_and_a_few_words(words)
    if near is not None:
        return near, NEAR
    if len(words) <= MAX_HEADER_WORDS:
        if words[0] == "ten" and len(words) > 1:  # "Tên văn bản", "Tên thông tin thống kê"
            return Field.CONTENT, LOOSE
        for field, pattern in _CONTAINS:
            if pattern.search(key):
                return field, LOOSE
    return None, 0


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
    hits = [field for field in found if field is not None]
    return min(hits, key=_FIELD_ORDER.__getitem__) if hits else None


# Where a column's meaning came from, for the preview.
GUESSED, REMEMBERED, CHOSEN = "guessed", "remembered", "chosen"


@dataclass
class TableColumns:
    """The task table's header: where it is and what each column holds."""

    first_row: int  # index of the header's (first) row in the table
    row_count: int  # 1, or 2 for a two-row header; 0 when the table has no header row
    fields: list[Field]  # per column
    titles: list[str]  # per column, the header text as printed ("" when none)
    sub_keys: list[str] = dataclass_field(default_factory=list)  # a two-row header's second row, folded
    origins: list[str] = dataclass_field(default_factory=list)  # per column: GUESSED, REMEMBERED or CHOSEN
    recognised: bool = True  # False: no header was recognised; the columns are a guess from the data

    def index(self, field: Field) -> int | None:
        return self.fields.index(field) if field in self.fields else None

    def indexes(self, field: Field) -> list[int]:
        return [i for i, f in enumerate(self.fields) if f is field]

    def indexes_of(self, *fields: Field) -> list[int]:
        return [i for i, f in enumerate(self.fields) if f in fields]

    @property
    def width(self) -> int:
        return len(self.fields)

    def title(self, index: int) -> str:
        """The column's header as printed, or "Cột N" when it has none."""
        text = self.titles[index] if index < len(self.titles) else ""
        return text or f"Cột {index + 1}"


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
    return has_content and bool(essentials) and len(listed) >= 2 and not _has_long_cell(cells)


def _has_long_cell(cells: list[str]) -> bool:
    return any(len(cell) > 120 for cell in cells)


def _with_second_row(index: int, top: list[str], below: list[str]) -> TableColumns:
    """Read a two-row header when the row below names sub-columns ("Chủ trì" | "Phối hợp")."""
    if not _is_sub_header(top, below):
        titles = [tidy_line(cell) for cell in top]
        return _resolved(TableColumns(index, 1, [], titles), [named_field(t) for t in titles])
    width = max(len(top), len(below))
    top = top + [""] * (width - len(top))
    below = below + [""] * (width - len(below))
    spread = _spread(top)  # a merged top cell has its text in its first column only
    # A top cell over several named sub-columns only groups them ("Phân công thực hiện").
    grouping = [sum(1 for t, s in zip(spread, below) if t == top_text and s.strip()) > 1 for top_text in spread]
    titles = [_joined_title(tidy_line(t), tidy_line(s), g) for t, s, g in zip(spread, below, grouping)]
    named = [_two_row_field(t, s, g) for t, s, g in zip(spread, below, grouping)]
    return _resolved(TableColumns(index, 2, [], titles, [header_key(s) for s in below]), named)


def _spread(top: list[str]) -> list[str]:
    out, last = [], ""
    for cell in top:
        last = cell if cell.strip() else last
        out.append(cell if cell.strip() else last)
    return out


def _two_row_field(top: str, sub: str, grouping: bool) -> tuple[Field | None, int]:
    if not sub.strip():
        return named_field(top)
    for text in (sub, f"{top} {sub}") if grouping else (sub, f"{top} {sub}", top):
        found = named_field(text)
        if found[0] is not None:
            return found
    return None, 0


def _joined_title(top: str, sub: str, grouping: bool) -> str:
    """A sub-column's title: its own under a parent that only groups several columns
    ("Phân công thực hiện" over "Cơ quan chủ trì" | "Cơ quan phối hợp" …); else
    "parent – sub" ("Đơn vị thực hiện – Chủ trì")."""
    if not (top and sub) or header_key(top) == header_key(sub):
        return top or sub
    if grouping and named_field(top)[0] in (None, Field.ASSIGNMENT):
        return sub
    return f"{top} – {sub}"


def _is_sub_header(top: list[str], below: list[str]) -> bool:
    """The row under a header is its second row when it names sub-columns: short
    labels, each either under an empty (merged) top cell or a column name itself,
    at least one of them under an empty top cell or splitting a named column."""
    texts = [cell.strip() for cell in below]
    if not any(texts) or any(len(text) > 40 for text in texts):
        return False
    padded = top + [""] * (len(below) - len(top))
    under_blank = False
    for i, (text, above) in enumerate(zip(texts, padded)):
        if not text:
            continue
        if not above.strip():
            under_blank = True
        elif field_of(text) is None and not (i + 1 < len(padded) and not padded[i + 1].strip()):
            # Text naming nothing under a named column of its own: a data row. (Under
            # the first column of a parent merged over several, it is a sub-column.)
            return False
    return under_blank and any(field_of(text) for text in texts if text)


def _resolved(columns: TableColumns, named: list[tuple[Field | None, int]]) -> TableColumns:
    """One column per field: the surest name wins it (the first among equals); the
    other columns, and those naming nothing, are extra columns.

    "Chỉ tiêu" is the task text when the table has no other task column, and a
    target beside a "Nhiệm vụ" column.
    """
    fields = [field for field, _ in named]
    strength = [sure for _, sure in named]
    if Field.CONTENT not in fields and Field.TARGET in fields:
        fields[fields.index(Field.TARGET)] = Field.CONTENT
    elif Field.CONTENT in fields:
        first_content = fields.index(Field.CONTENT)
        for i, field in enumerate(fields):
            if field is Field.CONTENT and i != first_content and header_key(columns.titles[i]).startswith("chi tieu"):
                fields[i] = Field.TARGET
    winner: dict[Field, int] = {}
    for i, field in enumerate(fields):
        if field is not None and (field not in winner or strength[i] > strength[winner[field]]):
            winner[field] = i
    resolved = [field if field is not None and winner[field] == i else Field.EXTRA for i, field in enumerate(fields)]
    if Field.NUMBER not in winner and resolved and not header_key(columns.titles[0]):
        resolved[0] = Field.NUMBER  # an unnamed first column holds the numbers
    columns.fields = resolved
    columns.origins = [GUESSED] * len(resolved)
    return columns


def with_choices(columns: TableColumns, chosen: dict[int, Field], remembered: dict[str, Field]) -> TableColumns:
    """The columns with the user's choices: `chosen` by column index (this import),
    `remembered` by header words (earlier imports). A field the user gives a column
    is taken from the guessed column that had it."""
    fields = list(columns.fields)
    origins = list(columns.origins) or [GUESSED] * len(fields)
    picks: dict[int, tuple[Field, str]] = {}
    for i, title in enumerate(columns.titles[: len(fields)]):
        key = header_key(title)
        if key and key in remembered:
            picks[i] = (remembered[key], REMEMBERED)
    for i, field in chosen.items():
        if 0 <= i < len(fields):
            picks[i] = (field, CHOSEN)
    given = {field for field, _ in picks.values() if field not in (Field.EXTRA, Field.IGNORE, Field.NOTE)}
    for i, field in enumerate(fields):
        if i not in picks and field in given:
            fields[i] = Field.EXTRA  # the user moved this field to another column
    for i, (field, origin) in picks.items():
        fields[i], origins[i] = field, origin
    return TableColumns(columns.first_row, columns.row_count, fields, list(columns.titles), list(columns.sub_keys),
                        origins, columns.recognised)  # fmt: skip


def guess_columns(rows: list[list[str]]) -> TableColumns:
    """Columns for a table whose header names no task columns: its first row of short
    texts is taken as the header (or none), each column guessed from its name, and
    the task text from the data when no column names it."""
    width = max((len(cells) for cells in rows), default=0)
    header_index = next(
        (i for i, cells in enumerate(rows[:5]) if _could_be_titles(cells)), None
    )
    titles = [tidy_line(c) for c in rows[header_index]] if header_index is not None else []
    titles = (titles + [""] * width)[:width]
    columns = _resolved(TableColumns(header_index or 0, 0 if header_index is None else 1, [], titles),
                        [named_field(t) for t in titles])  # fmt: skip
    columns.recognised = False
    body = rows[(header_index + 1) if header_index is not None else 0 :]
    if Field.CONTENT not in columns.fields:
        _guess_content(columns, body)
    if Field.NUMBER not in columns.fields and columns.fields and columns.fields[0] is Field.EXTRA:
        if _mostly_numbers([cells[0] for cells in body if cells]):
            columns.fields[0] = Field.NUMBER
    return columns


def _could_be_titles(cells: list[str]) -> bool:
    texts = [c.strip() for c in cells if c.strip()]
    return len(texts) >= 2 and all(len(t) <= 80 and not re.fullmatch(r"[\d.()IVX]+", t) for t in texts)


def _guess_content(columns: TableColumns, body: list[list[str]]) -> None:
    """The task text: a column titled "Tên …"/"Nội dung …", else the first extra
    column right of the numbers, else the one with the longest texts."""
    candidates = [i for i, f in enumerate(columns.fields) if f is Field.EXTRA]
    if not candidates:
        return
    number = columns.index(Field.NUMBER)
    after_number = [i for i in candidates if number is not None and i == number + 1]
    if after_number:
        columns.fields[after_number[0]] = Field.CONTENT
        return

    def average_length(i: int) -> float:
        texts = [cells[i] for cells in body if i < len(cells) and cells[i].strip()]
        return sum(len(t) for t in texts) / len(texts) if texts else 0.0

    columns.fields[max(candidates, key=average_length)] = Field.CONTENT


def _mostly_numbers(texts: list[str]) -> bool:
    filled = [t.strip() for t in texts if t.strip()]
    numbers = [t for t in filled if re.fullmatch(r"\d{1,3}(\.\d{1,3})*\.?", t)]
    return bool(filled) and len(numbers) * 2 >= len(filled)


def same_header(columns: TableColumns, cells: list[str]) -> bool:
    """A header row printed again (at a page break, at the top of a continued table,
    or under a part's title, where it may be laid out a column off: "Nội dung"
    merged over the TT and task columns)."""
    if columns.row_count == 0:
        return False
    texts = [cell for cell in cells if cell.strip()]
    if len(texts) < 2 or any(len(text) > 80 for text in texts):
        return False
    named_here = [field_of(text, loose=False) or field_of(text) for text in texts]
    if Field.CONTENT not in named_here and Field.TARGET not in named_here:
        return False
    own = {f for f in columns.fields if f not in (Field.EXTRA, Field.IGNORE)}
    in_place = sum(1 for i, f in enumerate(columns.fields) if f in own and i < len(cells) and field_of(cells[i]) is f)
    if in_place >= max(2, (len(own) + 1) // 2):
        return True
    # Laid out differently: nearly every cell a header name, most of them the table's.
    matching = sum(1 for f in named_here if f is not None)
    return matching >= len(texts) - 1 and matching >= max(2, (len(own) + 1) // 2)


def is_column_numbers(cells: list[str]) -> bool:
    """A row numbering the columns: "1 2 3 4 5" or "(1) (2) (3)", "A B C" under a header."""
    texts = [cell.strip() for cell in cells if cell.strip()]
    if len(texts) < 3:
        return False
    numbers = [re.fullmatch(r"\(?(\d{1,2})\)?", text) for text in texts]
    if all(numbers):
        values = [int(m.group(1)) for m in numbers if m]
        return values == list(range(values[0], values[0] + len(values)))
    labels = [re.fullmatch(r"\(?([A-Z]|\d{1,2})\)?", text) for text in texts]
    if all(labels):  # "A B C …", or "A B 1 2 3 4" (letters for the text columns, then numbers)
        return _labels_in_order([m.group(1) for m in labels if m])
    return False


def _labels_in_order(labels: list[str]) -> bool:
    letters = [label for label in labels if label.isalpha()]
    numbers = [int(label) for label in labels if label.isdigit()]
    if labels[: len(letters)] != letters:
        return False  # letters come first
    letters_run = [ord(c) for c in letters] == list(range(ord(letters[0]), ord(letters[0]) + len(letters))) if letters else True
    numbers_run = numbers == list(range(numbers[0], numbers[0] + len(numbers))) if numbers else True
    return letters_run and numbers_run and len(letters) + len(numbers) >= 3
