"""Cell text as readers hand it over, made into plain lines.

Cells copied out of web pages and PDFs carry HTML fragments (`<p>`, `<ul>`,
`<li>`, `<br>`); text extracted from a PDF has lost the paragraph breaks inside
a cell, so its "- " items run on one line. Both become one item per line here;
no word is changed.
"""

from __future__ import annotations

import html
import re

from kehoach_desktop.domain.text import fold, tidy

# Only these tags are taken as markup, so "<5%" or "<Tên đơn vị>" in a cell stay text.
_BLOCK_TAGS = "p|div|ul|ol|li|br|tr|table|h[1-6]"
_INLINE_TAGS = "span|strong|b|i|em|u|font|sup|sub|a|td|th|tbody|thead"
_TAG = re.compile(rf"<\s*(/?)\s*({_BLOCK_TAGS}|{_INLINE_TAGS})\b[^<>]*?/?\s*>", re.IGNORECASE)
_LIST_MARKER = re.compile(r"^[-+•*–]\s")

# An item marker inside a line: "- " or "+ " after a sentence end or a space,
# followed by the item's first character.
_INLINE_ITEM = re.compile(r"(?<=\S)(\s+|(?<=[.;:!?)]))([-+])\s+(?=\S)")
_SENTENCE_END = re.compile(r"[.;:!?)]$")
# Words that make up department names written with a hyphen ("Phòng Kế hoạch - Tài
# chính", "Tổ chức - Hành chính"): a " - " between two of them is part of a name.
_NAME_HALVES = {
    "ke hoach", "tai chinh", "to chuc", "hanh chinh", "tong hop", "can bo", "van hoa",
    "xa hoi", "kinh te", "thi dua", "khen thuong", "phap che", "thanh tra", "nhan su",
    "tai vu", "ky thuat", "nghiep vu", "dau tu", "quy hoach", "ke toan",
}  # fmt: skip


def has_markup(text: str) -> bool:
    return bool(_TAG.search(text or ""))


def html_to_lines(text: str) -> str:
    """HTML fragments in a cell → one paragraph / list item per line.

    A `<li>` without a marker of its own gets "- ", the way the list is drawn.
    Text without any of the known tags is returned unchanged.
    """
    if not has_markup(text):
        return text

    def replace(match: re.Match) -> str:
        closing, name = match.group(1), match.group(2).lower()
        if name == "li" and not closing:
            return "\n\x00"  # where an item starts; its marker is decided below
        return "\n" if re.fullmatch(_BLOCK_TAGS, name) else ""

    lines = []
    for line in html.unescape(_TAG.sub(replace, text)).split("\n"):
        if line.startswith("\x00"):
            item = line[1:].strip()
            line = item if not item or _LIST_MARKER.match(item) else f"- {item}"
        lines.append(line)
    return "\n".join(lines)


def split_inline_items(text: str) -> str:
    """Put each "- " / "+ " item of a flattened cell on its own line.

    Extracted PDF text joins a cell's paragraphs with spaces: "... đúng hạn. - Công
    chức ...". A marker starts a new item when it follows a sentence end, or, in a
    cell that is a list (its first line starts with a marker), when the item starts
    with a capital or a digit. "thi đua - khen thưởng" and "Phòng Kế hoạch - Tài
    chính" stay as they are.
    """
    return "\n".join(_split_line(line) for line in text.split("\n"))


def _split_line(line: str) -> str:
    is_list = bool(_LIST_MARKER.match(line.strip()))
    out, start = [], 0
    for match in _INLINE_ITEM.finditer(line):
        before, after = line[: match.start()].rstrip(), line[match.end() :]
        if not _starts_item(before, after, is_list):
            continue
        out.append(line[start : match.start()].rstrip())
        start = match.start() + len(match.group(1))
    out.append(line[start:])
    return "\n".join(part for part in out if part.strip())


def _starts_item(before: str, after: str, is_list: bool) -> bool:
    first = after[:1]
    if not (first.isupper() or first.isdigit() or first in "“\"(«"):
        return False
    if _SENTENCE_END.search(before):
        return True
    if first.isdigit() and before[-1:].isdigit():  # "2021 - 2025", "5 - 10%"
        return False
    return is_list and not _inside_name(before, after)


def _inside_name(before: str, after: str) -> bool:
    left = " ".join(fold_text(before).split()[-2:])
    right = " ".join(fold_text(after).split()[:2])
    return left in _NAME_HALVES and right in _NAME_HALVES


def clean_cell(text: str | None) -> str:
    """A cell's text: HTML turned into lines, then tidied (NFC, spaces, no blank lines)."""
    return tidy_text(html_to_lines(text or ""))


class _Memo:
    """A text function that remembers its answers, bounded: emptied when it
    holds LIMIT texts. `idempotent`: f(f(x)) == f(x), so each answer is also
    remembered as its own answer."""

    LIMIT = 20_000

    def __init__(self, function, *, idempotent: bool = False) -> None:
        self._function = function
        self._idempotent = idempotent
        self._known: dict[str, str] = {}

    def __call__(self, text: str | None) -> str:
        if not text:
            return ""
        found = self._known.get(text)
        if found is None:
            if len(self._known) >= self.LIMIT:
                self._known.clear()
            found = self._known[text] = self._function(text)
            if self._idempotent:
                self._known[found] = found
        return found

    def cache_clear(self) -> None:
        self._known.clear()


# A cell's text is tidied by its reader, again as the interpreter cleans the
# cell, again as it fills the task, again when units are read from it; it is
# folded to find the header, to weigh a continued row, for the fingerprint, and
# a header line by every landmark test: each of those is now a lookup.
tidy_text = _Memo(tidy, idempotent=True)
fold_text = _Memo(fold)


def is_list_item(line: str) -> bool:
    return bool(_LIST_MARKER.match(line))
