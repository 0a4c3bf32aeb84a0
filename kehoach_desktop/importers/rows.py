"""What one row of a task table is: a section title, a task, or the previous row continued.

Section rows carry a Roman numeral (I, II …) or a capital letter (A, B: parts
holding sections) in the number cell with the title in the task cell, or the
whole "I. CẢI CÁCH THỂ CHẾ" in one cell merged across the row.

Continued rows. A PDF page break cuts a long row in two; the text extracted
from it prints the rest on a row of its own whose number cell is empty. A plan
may also hold genuinely unnumbered tasks. `continuation_score` weighs, cell by
cell, the evidence for "rest of the previous row" (> 0) against "a task of its
own" (<= 0):

- +1 the row follows a page break (a repeated header, a blank line in the
  extracted text, the start of the next table);
- +1 the row fills a single cell: a fragment, where a task fills several;
- per filled cell, compared with the same cell of the previous row:
  +2 it starts in lower case ("thời gian giải quyết …" — a sentence going on);
  +1 it starts with a list marker and the previous cell is a list;
  +1 it starts with a capital but the previous cell stops on a word that cannot
     end a sentence ("… các tiện ích mà" + "Trung tâm …");
  -2 it starts with a capital after a cell ending a sentence ("… tổ chức." +
     "Kết quả …"), or repeats the previous cell's whole text ("Trong năm 2025"
     twice: two tasks with the same deadline);
  -3 the previous row left that cell empty: nothing there could run over.
Scores of -1..1 are guesses and produce a warning.
"""

from __future__ import annotations

import re

from kehoach_desktop.importers.cells import fold_text, is_list_item

_ROMAN = re.compile(r"(?=[IVXL])(L?X{0,3})(IX|IV|V?I{0,3})")
_HEADING = re.compile(
    r"^(?:(?:phần|PHẦN|Phần)\s+)?(?P<ordinal>[IVXL]+|[A-Z]|\d{1,2})\s*(?:[.:)]|\s-|\s–)\s*(?P<title>\S.*)$|"
    r"^(?:(?:phần|PHẦN|Phần)\s+)?(?P<ordinal2>[IVXL]+|[A-Z])\s+(?P<title2>[^\s\d].*)$",
    re.DOTALL,
)
_ARABIC = re.compile(r"\d{1,3}[a-z]?(\.\d{1,3})*\.?")
_LOWER_LETTER = re.compile(r"[a-zđ][.)]?")
_BULLET = re.compile(r"[-+•*–]")
_SENTENCE_END = re.compile(r"[.;!?…:]$")
# Words a sentence does not end on: a cell stopping there goes on in the next row.
_DANGLING = {
    "cua", "va", "tai", "theo", "ve", "voi", "cho", "cac", "nhung", "doi", "tren", "trong",
    "hoac", "de", "so", "ngay", "ma", "la", "duoc", "boi", "tu", "den", "o", "khi", "neu",
    "thi", "nham", "qua", "tren", "phai", "co", "mot", "tung",
}  # fmt: skip


def is_roman(text: str) -> bool:
    return bool(text) and bool(_ROMAN.fullmatch(text))


_NESTED_ORDINAL = re.compile(r"(?=[IVXL])L?X{0,3}(?:IX|IV|V?I{0,3})(?:\.\d{1,2})+")


def ordinal_of(number: str) -> str | None:
    """ "II" / "II." / "B" / "B)" / "III.1.2" in a number cell → "II" / "B" /
    "III.1.2"; else None."""
    bare = number.strip().rstrip(".):").strip()
    if is_roman(bare) or re.fullmatch(r"[A-Z]", bare) or _NESTED_ORDINAL.fullmatch(bare):
        return bare
    return None


def is_part_ordinal(ordinal: str) -> bool:
    """A capital letter (A, B …) numbers a part that holds Roman-numbered sections."""
    return bool(re.fullmatch(r"[A-Z]", ordinal)) and not is_roman(ordinal)


def split_heading(text: str) -> tuple[str, str] | None:
    """ "I. CẢI CÁCH THỂ CHẾ" → ("I", "CẢI CÁCH THỂ CHẾ"); "Phần A - ..." → ("A", ...)."""
    match = _HEADING.match(text.strip())
    if not match:
        return None
    ordinal = match.group("ordinal") or match.group("ordinal2")
    title = match.group("title") or match.group("title2")
    if ordinal.isalpha() and not (is_roman(ordinal) or len(ordinal) == 1):
        return None
    return ordinal, title.strip()


def number_kind(number: str) -> str:
    """ "arabic" (3, 3.1, 3.), "letter" (a, b)), "bullet" (-, +), "" (empty) or "other"."""
    text = number.strip()
    if not text:
        return ""
    if _ARABIC.fullmatch(text):
        return "arabic"
    if _LOWER_LETTER.fullmatch(text):
        return "letter"
    if _BULLET.fullmatch(text):
        return "bullet"
    return "other"


def number_key(number: str) -> str:
    """ "3.1." → "3.1", "03" → "3": how sub-numbers find their parent."""
    parts = number.strip().rstrip(".").split(".")
    return ".".join(part.lstrip("0") or "0" for part in parts)


def is_all_caps(text: str) -> bool:
    letters = [ch for ch in text if ch.isalpha()]
    return len(letters) >= 4 and all(ch.isupper() for ch in letters)


def continuation_score(previous: list[str], cells: list[str], skip: set[int], after_break: bool) -> int:
    """> 0: the row continues the previous one; <= 0: a row of its own (see module doc)."""
    filled = [i for i, text in enumerate(cells) if text and i not in skip]
    score = (1 if after_break else 0) + (1 if len(filled) == 1 else 0)
    for i in filled:
        before = previous[i] if i < len(previous) else ""
        score += cell_evidence(before, cells[i])
    return score


def cell_evidence(before: str, text: str) -> int:
    """How much one cell's text reads as the same cell of the row above going on."""
    if not before:
        return -3
    if fold_text(text) == fold_text(before):
        return -2
    first_line = text.split("\n", 1)[0]
    if is_list_item(first_line):
        return 1 if any(is_list_item(line) for line in before.split("\n")) else 0
    first = _first_letter(text)
    if first.islower():
        return 2
    if first.isupper():
        if ends_sentence(before):
            return -2
        return 1 if _last_word(before) in _DANGLING else 0
    return 0


def _first_letter(text: str) -> str:
    for ch in text:
        if ch.isalpha() or ch.isdigit():
            return ch
    return ""


def ends_sentence(text: str) -> bool:
    return bool(_SENTENCE_END.search(text.rstrip().rstrip(")”\"'»").rstrip()))


def _last_word(text: str) -> str:
    words = fold_text(text).split()
    return re.sub(r"[^a-z]", "", words[-1]) if words else ""


def join_continued(before: str, more: str) -> str:
    """The cell's text with the part printed after the page break: the first line
    goes on the same line, unless it starts a new list item."""
    if not before or not more:
        return before or more
    separator = "\n" if is_list_item(more.split("\n", 1)[0]) else " "
    return before + separator + more
