"""The header data of an official document (Nghị định 30/2020/NĐ-CP layout) from its lines.

The readers hand over the lines outside the task table in reading order: the
.docx its paragraphs and layout tables, the .xlsx the title rows above the
table, the text reader the lines above the first table row. The layout is
recognised by landmarks, not positions:

    UBND TỈNH KHÁNH HÒA                 CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM      ← head
    SỞ NÔNG NGHIỆP VÀ MÔI TRƯỜNG        Độc lập - Tự do - Hạnh phúc
    Số: /KH-SNNMT                       Khánh Hòa, ngày tháng năm 2025
                         KẾ HOẠCH                                               ← title
              Cải thiện và nâng cao Chỉ số ...
    Căn cứ ...                                                                  ← body
    I. MỤC TIÊU, YÊU CẦU ...
    Nơi nhận:                           KT. GIÁM ĐỐC                            ← closing
    - UBND tỉnh;                        PHÓ GIÁM ĐỐC
    - Lưu: VT.                          Nguyễn Văn A
    PHỤ LỤC / NHIỆM VỤ, GIẢI PHÁP ...                                           ← appendix
    (Kèm theo Kế hoạch số /KH-SNNMT ngày ... của Sở Nông nghiệp và Môi trường)

Any part may be missing (an appendix alone, title rows of a sheet): the fields
it would give stay empty. Lines may hold "\\n" (a cell, a paragraph with line
breaks) and tabs (a left and a right block on one line): both split lines.
Markdown emphasis ("**") and HTML tags left by text extraction are removed.
"""

from __future__ import annotations

import re
from datetime import date

from kehoach_desktop.domain.models import Plan
from kehoach_desktop.domain.text import tidy_line
from kehoach_desktop.importers.cells import fold_text

_MARKUP = re.compile(r"\*\*|</?[A-Za-z][^<>]{0,200}>")
_SEPARATOR = re.compile(r"^[\s_\-–—=*.·]+$")
_TABS = re.compile(r"\t+")
_TABLE_START = re.compile(r"^(s[oố]\s*)?s?tt$")

_AGENCY_WORDS = (
    "so", "ban", "van phong", "thanh tra", "trung tam", "chi cuc", "tong cuc", "cuc", "phong",
    "vien", "truong", "benh vien", "dang uy", "doan", "hoi", "uy ban", "ubnd", "bo", "kho bac",
    "cong an", "bo chi huy", "quy", "dai", "bao", "ban quan ly",
)
_ADMIN_LEVELS = ("tinh", "thanh pho", "huyen", "xa", "phuong", "thi xa", "quan", "thi tran")
_PEOPLES_BODIES = ("uy ban nhan dan", "hoi dong nhan dan")
_SIGNER_PREFIX = re.compile(r"^(kt|tm|tl|tuq|q|ktl|k/t|t/m)\s*[./]?\s+")
_SIGNER_WORDS = re.compile(
    r"^(pho\s+)?(giam doc|chu tich|truong|chanh|bi thu|tong giam doc|vien truong|"
    r"hieu truong|thu truong|bo truong|cuc truong|chi cuc truong|ke toan truong)\b"
)
_PLACE_DATE = re.compile(r"^(?P<place>[^\W\d_][^,;:()]{1,60}?)\s*,\s*(?P<date>ng[àa]y\b.*)$", re.I)
_NUMBER_LINE = re.compile(r"^số\s*[:.]?\s*(?P<number>\S*\s*/\s*\S.*)$", re.I)
_REFERENCE_NUMBER = re.compile(r"\bsố\s+(?P<number>[0-9A-Za-zĐđ.]*\s*/\s*[^\s,;()]+)", re.I)
_REFERENCE_DATE = re.compile(r"\b(?P<date>ngày\b.*?)(?=\s+của\b|\)|$)", re.I)
_AGENCY_PHRASE = re.compile(
    r"\b(?P<name>(?:Sở|Ban(?!\s+hành)|Văn phòng|Thanh tra|Trung tâm|Chi cục|Cục|Ủy ban nhân dân|"
    r"Uỷ ban nhân dân|UBND|Bộ|Kho bạc)\s.+?)"
    r"(?=\s+(?:năm|ngày|về|số|xây dựng|ban hành|tại|trong|đến|theo|thực hiện|như sau)\b|[).,;:]|$)"
)
_COMPLETE_DATE = (
    re.compile(r"ngày\s+(\d{1,2})\s+tháng\s+(\d{1,2})\s+năm\s+(\d{4})", re.I),
    re.compile(r"ngày\s+(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*(\d{4})", re.I),
)
_YEAR = re.compile(r"\bnăm\s+(\d{4})\b|/(\d{4})\b", re.I)
_HORIZON_BEFORE = re.compile(r"\b(?:den|toi|tam nhin|sau)\s*$")
_ACRONYMS = {"ubnd", "hdnd", "cchc", "tthc", "mttq", "tnhh", "ttg", "cp"}
_NAME_CONNECTORS = {"và", "-", "–", "&"}
_MULTI_WORD_AGENCIES = (
    "uy ban nhan dan", "hoi dong nhan dan", "van phong", "thanh tra", "trung tam", "chi cuc",
    "tong cuc", "kho bac",
)


def read_header(lines: list[str]) -> Plan:
    """The plan's header fields that the lines show; every other field is left empty."""
    return _HeaderScan(_prepare(lines)).plan()


# ---------------------------------------------------------------- lines


def _prepare(lines: list[str]) -> list[str]:
    """One printed line per item ("" for a gap), markup removed, up to the task table."""
    out: list[str] = []
    for raw in lines:
        for physical in str(raw or "").replace("\r", "\n").split("\n"):
            if _starts_table(physical):
                return out
            for segment in _TABS.split(physical):
                clean = tidy_line(_MARKUP.sub("", segment))
                out.append("" if _SEPARATOR.match(clean or " ") else clean)
    return out


def _starts_table(line: str) -> bool:
    """A tab- or pipe-separated header row starting with TT/STT: the task table begins."""
    cells = [cell.strip() for cell in re.split(r"\t|\|", line.strip().strip("|"))]
    return len(cells) >= 3 and bool(_TABLE_START.match(fold_text(cells[0])))


def _is_upper(line: str) -> bool:
    letters = [ch for ch in set(line) if ch.isalpha()]  # each distinct character once: body lines are long
    return bool(letters) and all(ch.isupper() for ch in letters)


def _is_motto(line: str) -> bool:
    folded = fold_text(line)
    return folded.startswith("cong hoa xa hoi chu nghia") or (
        "doc lap" in folded and "tu do" in folded and "hanh phuc" in folded
    )


def _is_plan_word(line: str) -> bool:
    return _is_upper(line) and fold_text(line).replace(" ", "") == "kehoach"


def _is_appendix_word(line: str) -> bool:
    return bool(re.match(r"^phu luc(\s+([0-9]+|[ivxlc]+|so\s+\S+))?\s*:?$", fold_text(line)))


def _is_reference(line: str) -> bool:
    folded = fold_text(line)
    return line.startswith("(") and ("kem theo" in folded or "ban hanh theo" in folded)


def _is_recipients_heading(line: str) -> bool:
    return fold_text(line).startswith("noi nhan")


def _is_signer_title(line: str) -> bool:
    if not _is_upper(line) or len(line) > 70:
        return False
    folded = fold_text(line)
    prefixed = _SIGNER_PREFIX.match(folded)
    return bool(prefixed) or bool(_SIGNER_WORDS.match(folded))


def _is_list_item(line: str) -> bool:
    return line[:1] in ("-", "+", "•", "–", "*")


def _is_legal_basis(line: str) -> bool:
    return fold_text(line).startswith("can cu ")


def _is_name(line: str) -> bool:
    """A signer's name: 2–6 capitalised words, no digits or punctuation of a sentence."""
    words = line.split()
    if not 2 <= len(words) <= 6 or len(line) > 50 or any(ch.isdigit() for ch in line):
        return False
    if any(ch in line for ch in ":;,()/"):
        return False
    return all(word[0].isupper() for word in words) and not _is_upper(line)


# ---------------------------------------------------------------- scan


class _HeaderScan:
    def __init__(self, lines: list[str]) -> None:
        self.lines = lines
        self.count = len(lines)
        self._printed_issuer = ""  # the cơ quan ban hành line(s) of the head, upper case
        self._reference = ""  # "Kèm theo Kế hoạch số ... của ..." under the appendix title

    def _find(self, test, start: int = 0, end: int | None = None) -> int | None:
        for index in range(start, self.count if end is None else min(end, self.count)):
            if self.lines[index] and test(self.lines[index]):
                return index
        return None

    def _next_filled(self, start: int) -> int | None:
        return self._find(lambda _line: True, start)

    # -- regions

    def plan(self) -> Plan:
        plan = Plan()
        plan_word = self._find(_is_plan_word)
        title_lines, after_title = self._title(plan_word)
        body_start = after_title if plan_word is not None else self.count
        recipients_at = self._find(_is_recipients_heading, body_start if plan_word is not None else 0)
        signer_at = self._find(_is_signer_title, body_start if plan_word is not None else 0)
        closing_candidates = [i for i in (recipients_at, signer_at) if i is not None]
        closing_start = min(closing_candidates) if closing_candidates else None
        signer = self._signer(signer_at)
        appendix_start = self._appendix_start(plan_word, closing_start, signer)
        ends = [i for i in (closing_start, appendix_start) if i is not None]
        body_end = min(ends + [self.count]) if plan_word is not None else body_start
        head_marks = [i for i in (plan_word, closing_start, appendix_start) if i is not None]
        head_marks.append(self._find(_is_legal_basis) or self.count)
        head_end = min(head_marks)

        self._read_head(plan, head_end)
        plan.title = " ".join(title_lines)
        self._read_body(plan, body_start, body_end)
        if recipients_at is not None:
            plan.recipients = self._recipients(recipients_at, appendix_start or self.count)
        if signer is not None:
            plan.signer_title, plan.signer_name = signer[0], signer[1]
        if appendix_start is not None:
            plan.appendix_heading = self._appendix_heading(appendix_start)
        self._fill_from_reference(plan)
        plan.issuer = self._issuer(plan, head_end)
        plan.issuer_abbr = _abbreviation(plan.doc_number)
        plan.issued_on = _complete_date(plan.date_text)
        plan.year = self._year(plan)
        return plan

    def _title(self, plan_word: int | None) -> tuple[list[str], int]:
        """The trích yếu: the line after KẾ HOẠCH, with the lines that continue it."""
        if plan_word is None:
            return [], self.count
        first = self._next_filled(plan_word + 1)
        if first is None or _is_legal_basis(self.lines[first]):
            return [], plan_word + 1
        title = [self.lines[first]]
        index = first + 1
        while index < self.count:
            line = self.lines[index]
            # A title printed in capitals over several lines (a PDF's lines) goes on in capitals.
            in_capitals = _is_upper(line) and _is_upper(title[-1]) and not title[-1].endswith((".", ":"))
            continues = line and (line[0].islower() or title[-1].endswith((",", " và", " của")) or in_capitals)
            if not continues or _is_legal_basis(line):
                break
            title.append(line)
            index += 1
        return title, index

    def _appendix_start(self, plan_word, closing_start, signer) -> int | None:
        search_from = closing_start if closing_start is not None else (plan_word or 0)
        marked = self._find(_is_appendix_word, search_from)
        if marked is not None:
            return marked
        if signer is not None and signer[2] is not None:
            return self._next_filled(signer[2] + 1)
        reference = self._find(_is_reference, search_from)
        if reference is None:
            return None
        # The appendix title: the upper-case lines just above "(Kèm theo ...)".
        start = reference
        index = reference - 1
        while index >= search_from and index >= reference - 8:
            line = self.lines[index]
            if line and not _is_upper(line):
                break
            if line:
                start = index
            index -= 1
        if plan_word is not None and start <= plan_word:
            return reference
        return start

    # -- head

    def _read_head(self, plan: Plan, end: int) -> None:
        agency: list[str] = []
        document_marks = 0
        previous = ""
        for line in self.lines[:end]:
            if not line:
                continue
            after_motto, previous = _is_motto(previous), line
            if _is_motto(line) or (after_motto and fold_text(line) == "viet nam"):
                document_marks += 1  # ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA" / "VIỆT NAM" on two lines)
                continue
            number = _NUMBER_LINE.match(line)
            if number and not plan.doc_number:
                plan.doc_number = number.group("number").strip()
                document_marks += 1
                continue
            place_date = _PLACE_DATE.match(line)
            if place_date and not plan.date_text:
                plan.place = place_date.group("place").strip()
                plan.date_text = place_date.group("date").strip()
                document_marks += 1
                continue
            if _is_upper(line):
                agency.append(line)
        if document_marks:
            plan.governing_body, self._printed_issuer = _split_agencies(agency)

    # -- body

    def _read_body(self, plan: Plan, start: int, end: int) -> None:
        for line in self.lines[start:end]:
            if not line:
                continue
            if _is_legal_basis(line):
                plan.legal_bases.append(line)
            else:
                plan.body.append(line)

    # -- closing

    def _recipients(self, heading: int, end: int) -> list[str]:
        recipients: list[str] = []
        rest = self.lines[heading].split(":", 1)[1].strip() if ":" in self.lines[heading] else ""
        if rest and _is_list_item(rest):
            recipients.append(rest)
        previous_blank = False
        for line in self.lines[heading + 1 : end]:
            if not line:
                previous_blank = True
                continue
            if _is_list_item(line):
                recipients.append(line)
            elif (
                recipients
                and not previous_blank
                and not recipients[-1].endswith((";", "."))
                and not _is_upper(line)
                and not _is_name(line)
            ):
                recipients[-1] = f"{recipients[-1]} {line}"
            previous_blank = False
        return recipients

    def _signer(self, first: int | None) -> tuple[str, str, int | None] | None:
        """(title lines joined by "\\n", name, index of the name line)."""
        if first is None:
            return None
        titles = [self.lines[first]]
        name, name_at = "", None
        gap = False
        for index in range(first + 1, min(first + 12, self.count)):
            line = self.lines[index]
            if not line:
                gap = True
                continue
            if _is_list_item(line) or (line.startswith("(") and line.endswith(")")):
                continue
            if _is_signer_title(line) or (not gap and _is_upper(line) and len(line) <= 50
                                           and not _is_appendix_word(line)):
                if len(titles) < 3:
                    titles.append(line)
                    continue
                break
            if _is_name(line):
                name, name_at = line, index
            break
        return "\n".join(titles), name, name_at

    # -- appendix

    def _appendix_heading(self, start: int) -> list[str]:
        groups: list[str] = []
        current: list[str] = []
        in_reference = False

        def flush() -> None:
            if current:
                groups.append("\n".join(current) if not in_reference else " ".join(current))
                current.clear()

        for line in self.lines[start:]:
            if not line:
                if not in_reference:
                    flush()
                continue
            if in_reference:
                current.append(line)
                if line.endswith(")"):
                    flush()
                    in_reference = False
                continue
            if _is_appendix_word(line) or line.startswith("("):
                flush()
                current.append(line)
                if line.startswith("(") and not line.endswith(")"):
                    in_reference = True
                else:
                    flush()
                continue
            current.append(line)
        flush()
        return groups

    def _fill_from_reference(self, plan: Plan) -> None:
        """An appendix alone still says which plan it belongs to: "(Kèm theo Kế hoạch số ...)"."""
        reference = next((g for g in plan.appendix_heading if _is_reference(g)), "")
        if not reference:
            return
        inner = reference.strip("()")
        if not plan.doc_number:
            number = _REFERENCE_NUMBER.search(inner)
            if number:
                plan.doc_number = re.sub(r"\s*/\s*", "/", number.group("number")).strip()
        if not plan.date_text:
            found = _REFERENCE_DATE.search(inner)
            if found:
                plan.date_text = found.group("date").strip()
        self._reference = inner

    # -- issuer

    def _issuer(self, plan: Plan, head_end: int) -> str:
        text_lines = [line for line in self.lines[head_end:] if line]
        if self._printed_issuer:
            found = _find_words(text_lines, self._printed_issuer.split())
            return found or _title_case(self._printed_issuer)
        abbreviation = _abbreviation(plan.doc_number)
        if abbreviation:
            found = _find_by_initials(text_lines, abbreviation)
            if found:
                return found
        # "... của Sở Nội vụ)" names the issuer; otherwise any agency name in the line.
        owner = self._reference.rsplit(" của ", 1)[-1] if " của " in self._reference else ""
        for text in (owner, self._reference):
            phrase = _AGENCY_PHRASE.search(text) if text else None
            if phrase:
                return phrase.group("name").strip()
        return ""

    def _year(self, plan: Plan) -> int:
        """The year the plan is for: named in its title or appendix heading, else
        the year it was issued. A horizon ("đến năm 2035", "tầm nhìn đến năm
        2030") and the "(Ban hành kèm theo … năm 2025)" line are not it."""
        heading = " ".join(line for line in plan.appendix_heading if not line.lstrip().startswith("("))
        for text in (plan.title, heading, plan.date_text):
            years = [
                int(m[1] or m[2]) for m in _YEAR.finditer(text)
                if not _HORIZON_BEFORE.search(fold_text(text[max(0, m.start() - 20) : m.start()]))
            ]  # fmt: skip
            if years:
                return years[-1]
        return 0


# ---------------------------------------------------------------- helpers


def _split_agencies(lines: list[str]) -> tuple[str, str]:
    """(cơ quan chủ quản, cơ quan ban hành) from the upper-case lines of the head."""
    merged: list[str] = []
    for line in lines:
        previous = fold_text(merged[-1]) if merged else ""
        folded = fold_text(line)
        continues_people_body = previous in _PEOPLES_BODIES and folded.startswith(_ADMIN_LEVELS)
        continues_name = merged and (folded.startswith(("va ", "- ", "– ")) or previous.endswith((" va", ",")))
        if continues_people_body or continues_name:
            merged[-1] = f"{merged[-1]} {line}"
        else:
            merged.append(line)
    if not merged:
        return "", ""
    if len(merged) == 1:
        return "", merged[0]
    for index in range(1, len(merged)):
        if _starts_with_agency_word(merged[index]):
            return " ".join(merged[:index]), " ".join(merged[index:])
    return merged[0], " ".join(merged[1:])


def _starts_with_agency_word(line: str) -> bool:
    folded = fold_text(line)
    return any(folded == word or folded.startswith(word + " ") for word in _AGENCY_WORDS)


def _tokens(lines: list[str]) -> list[str]:
    return [token for line in lines for token in line.split()]


def _bare(token: str) -> str:
    return token.strip("()[]{}.,;:!?\"'“”‘’")


def _find_words(lines: list[str], words: list[str]) -> str:
    """The words as printed elsewhere in the document (their case), or ""."""
    wanted = [fold_text(_bare(word)) for word in words if _bare(word)]
    tokens = _tokens(lines)
    # The document's whole text: each word folded only when the scan reaches it.
    for start in range(len(tokens) - len(wanted) + 1):
        if all(fold_text(_bare(tokens[start + k])) == word for k, word in enumerate(wanted)):
            found = _joined(tokens[start : start + len(wanted)])
            if not _is_upper(found):  # running text, not another upper-case heading
                return found
    return ""


def _joined(tokens: list[str]) -> str:
    return " ".join(tokens[:-1] + [_bare(tokens[-1])])


def _find_by_initials(lines: list[str], abbreviation: str) -> str:
    """The agency name whose initials spell the abbreviation: SNNMT → Sở Nông nghiệp và Môi trường."""
    wanted = fold_text(abbreviation).replace(" ", "")
    tokens = _tokens(lines)
    for start, token in enumerate(tokens):
        if not _starts_with_agency_word(_bare(token)) or not _bare(token)[:1].isupper():
            continue
        initials = ""
        for end in range(start, min(start + 2 * len(wanted) + 2, len(tokens))):
            word = _bare(tokens[end])
            if word.lower() in _NAME_CONNECTORS or not word:
                continue
            initials += fold_text(word[0])
            if initials != wanted[: len(initials)]:
                break
            if initials == wanted:
                found = _joined(tokens[start : end + 1])
                if not _is_upper(found):
                    return found
                break
            if tokens[end].endswith((")", ";", ".")):
                break
    return ""


def _title_case(printed: str) -> str:
    """An upper-case agency name in the way it is written in running text:
    "SỞ TÀI NGUYÊN VÀ MÔI TRƯỜNG" → "Sở Tài nguyên và Môi trường", "ỦY BAN NHÂN DÂN
    TỈNH KHÁNH HÒA" → "Ủy ban nhân dân tỉnh Khánh Hòa". Only a fallback for when the
    document never writes the name in running text."""
    words = printed.split()
    lead = next((len(w.split()) for w in _MULTI_WORD_AGENCIES if fold_text(" ".join(words)).startswith(w + " ")), 1)
    out: list[str] = []
    capitalise_next = False
    place_name = False  # after "tỉnh", "huyện" ...: a proper name, every word capitalised
    for index, word in enumerate(words):
        lower = word.lower()
        folded = fold_text(_bare(word))
        if folded in _ACRONYMS:
            out.append(word)
        elif lower in _NAME_CONNECTORS or (index > 0 and folded in _ADMIN_LEVELS and not place_name):
            out.append(lower)
            place_name = folded in _ADMIN_LEVELS
        elif index in (0, lead) or capitalise_next or place_name:
            out.append(lower[:1].upper() + lower[1:])
        else:
            out.append(lower)
        capitalise_next = lower in _NAME_CONNECTORS or word.endswith(",")
    return " ".join(out)


def _abbreviation(doc_number: str) -> str:
    """"/KH-SNNMT" → "SNNMT"; "125/QĐ-UBND" → "UBND"."""
    if "/" not in doc_number:
        return ""
    after = doc_number.split("/", 1)[1]
    return after.split("-", 1)[1].strip() if "-" in after else ""


def _complete_date(date_text: str) -> date | None:
    for pattern in _COMPLETE_DATE:
        found = pattern.search(date_text)
        if found:
            day, month, year = (int(group) for group in found.groups())
            try:
                return date(year, month, day)
            except ValueError:
                return None
    return None
