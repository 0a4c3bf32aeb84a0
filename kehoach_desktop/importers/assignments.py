"""Who does a task: unit names in the lead / coordinating texts, and the split
of a combined "Phân công (chủ trì/phối hợp) và cách thức thực hiện" column.

Both rest on one scanner (`_mentions`) that reads a cell word by word:

* A unit name starts at a head word ("Văn phòng", "Phòng", "Thanh tra",
  "Trung tâm", "Chi cục", "Ban", "Bộ phận", "Sở", "UBND", "Bộ", "Bệnh viện" ...)
  that is followed by a name ("Sở Nội vụ", not "lãnh đạo Sở"), or at a group
  phrase ("Các phòng", "các cơ quan, đơn vị" ...).
* It ends where the sentence goes on: punctuation (":", ";", "(", "." ...), a
  verb or preposition that never belongs to a name ("chủ trì", "phối hợp",
  "thường xuyên", "đôn đốc", "có trách nhiệm", "trong", "về" ...), or any
  lowercase word after a word that closes a name ("... thuộc Sở", "... tỉnh
  Khánh Hòa", an abbreviation like "CNTT").
* Names inside a document citation ("Quyết định số 09/2021/QĐ-UBND ... của UBND
  tỉnh") and people ("Chủ tịch UBND tỉnh", "Chánh Văn phòng Sở") are skipped.

Each name also gets the place it stands in its sentence, which decides whether
the text assigns it work (see `unit_names`) and which role (see
`split_assignment`).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

from kehoach_desktop.domain.text import tidy
from kehoach_desktop.domain.units import unit_key
from kehoach_desktop.importers.cells import tidy_text

# ---------------------------------------------------------------------------
# Tokens


class _Token:
    """A word or punctuation mark (a plain class with slots: a cell's text makes
    hundreds of them, and a frozen dataclass costs several times more to build)."""

    __slots__ = ("text", "start", "end", "is_word", "low")

    def __init__(self, text: str, start: int, end: int, is_word: bool, low: str):
        self.text = text
        self.start = start
        self.end = end
        self.is_word = is_word
        self.low = low  # _canon(text): what words are compared by

    def __repr__(self) -> str:
        return f"_Token({self.text!r}, {self.start}, {self.end}, {self.is_word}, {self.low!r})"

    @property
    def cap(self) -> bool:
        return self.is_word and self.text[0].isupper()

    @property
    def abbreviation(self) -> bool:
        """"CNTT", "TNMT", "KH-TC", "GD&ĐT": two capitals or more, no lowercase."""
        letters = [ch for ch in self.text if ch.isalpha()]
        return self.is_word and len(letters) >= 2 and all(ch.isupper() for ch in letters)


_TOKEN = re.compile(r"[^\W_]+(?:[-/&.'][^\W_]+)*|\n|[^\w\s]")
_BULLET = re.compile(r"^[ \t]*(?:[-+•*–—]|[a-zđ]\)|\d+[.)])[ \t]*", re.MULTILINE)


def _tokens(text: str) -> list[_Token]:
    """Words and punctuation marks; a line's bullet ("-", "+", "•", "a)") becomes "bullet"."""
    tokens: list[_Token] = []
    append, canon = tokens.append, _canon  # a long cell makes thousands of tokens
    for m in _TOKEN.finditer(_BULLET.sub(lambda b: "\u2022 ".rjust(len(b.group())), text)):
        word = m.group()
        start, end = m.span()
        if word == "\u2022":
            append(_Token("bullet", start, end, False, "bullet"))
        else:
            append(_Token(word, start, end, word[0].isalnum(), canon(word)))
    return tokens


def _old_tone_placements() -> dict[str, str]:
    """"oà" → "òa", "uỷ" → "ủy" ...: one spelling for words with both placements."""
    mapping = {}
    for first, second in (("o", "a"), ("o", "e"), ("u", "y")):
        for tone in ("\u0300", "\u0301", "\u0309", "\u0303", "\u0323"):
            old = first + unicodedata.normalize("NFC", second + tone)
            mapping[old] = unicodedata.normalize("NFC", first + tone) + second
    return mapping


_TONES = _old_tone_placements()
_OLD_TONE = re.compile("|".join(_TONES))


@lru_cache(maxsize=16384)
def _canon(word: str) -> str:
    """Lower case NFC with one tone placement: how words are compared here.

    Diacritics are kept on purpose: "sở" is a department, "số" a number.
    """
    return _OLD_TONE.sub(lambda m: _TONES[m.group()], unicodedata.normalize("NFC", word).lower())


class _PhraseSet:
    """Word sequences looked up by their first word (longest first)."""

    def __init__(self, items: tuple[str, ...]):
        self.by_first: dict[str, list[tuple[str, ...]]] = {}
        for phrase in sorted((tuple(_canon(item).split()) for item in items), key=len, reverse=True):
            self.by_first.setdefault(phrase[0], []).append(phrase)
        self.lengths = sorted({len(p) for ps in self.by_first.values() for p in ps}, reverse=True)


def _phrases(*items: str) -> _PhraseSet:
    return _PhraseSet(items)


def _words_at(tokens: list[_Token], i: int, words: tuple[str, ...]) -> bool:
    return i >= 0 and i + len(words) <= len(tokens) and all(
        tokens[i + k].is_word and tokens[i + k].low == word for k, word in enumerate(words)
    )


def _phrase_at(tokens: list[_Token], i: int, phrases: _PhraseSet) -> int:
    """Length (in words) of the longest phrase that starts at token i, 0 when none."""
    if i >= len(tokens) or not tokens[i].is_word:
        return 0
    for phrase in phrases.by_first.get(tokens[i].low, ()):
        if _words_at(tokens, i, phrase):
            return len(phrase)
    return 0


def _phrase_before(tokens: list[_Token], i: int, phrases: _PhraseSet) -> int:
    """Length of the longest phrase that ends just before token i, 0 when none."""
    for length in phrases.lengths:
        start = i - length
        if start >= 0 and tokens[start].is_word and any(
            len(phrase) == length and _words_at(tokens, start, phrase)
            for phrase in phrases.by_first.get(tokens[start].low, ())
        ):
            return length
    return 0


# ---------------------------------------------------------------------------
# Vocabulary (compared with _canon, so lower case with diacritics)

# Head words of a unit's own name, with what must follow them.
_HEAD_RULES: dict[tuple[str, ...], str] = {
    tuple(_canon(words).split()): rule
    for words, rule in (
        ("ủy ban nhân dân", "council"),
        ("hội đồng nhân dân", "council"),
        ("bảo hiểm xã hội", "place_or_name"),
        ("văn phòng", "office"),
        ("thanh tra", "inspectorate"),
        ("trung tâm", "name"),
        ("chi cục", "name"),
        ("chi nhánh", "name"),
        ("bệnh viện", "name"),
        ("liên đoàn", "name"),
        ("ủy ban", "name"),
        ("bộ phận", "any"),
        ("kho bạc", "any"),
        ("hội đồng", "name"),
        ("công an", "place_or_name"),
        ("ubnd", "council"),
        ("hđnd", "council"),
        ("vp", "office"),
        ("ttr", "inspectorate"),
        ("phòng", "room"),
        ("sở", "name"),
        ("ban", "board"),
        ("bộ", "ministry"),
        ("cục", "capital_name"),
        ("viện", "capital_name"),
        ("trường", "capital_name"),
        ("trạm", "name"),
        ("đài", "capital_name"),
        ("hạt", "capital_name"),
        ("đội", "capital_name"),
        ("quỹ", "capital_name"),
    )
}
_HEADS = _PhraseSet(tuple(" ".join(words) for words in _HEAD_RULES))
_HEAD_ABBREVIATIONS = {"vp", "ttr", "ubnd", "hđnd"}  # only as written in capitals
_GROUP_START = _phrases("tất cả các", "toàn thể các", "các", "toàn thể", "những")
_GROUP_NOUNS = _phrases(
    "phòng ban", "phòng", "đơn vị", "cơ quan", "ban", "ngành", "sở", "bộ phận", "bộ",
    "chi cục", "trung tâm", "bệnh viện", "trường", "trạm", "địa phương", "đoàn thể",
    "huyện", "hạt", "đội", "cơ sở y tế", "cơ sở giáo dục",
)
_NOT_GROUP_AFTER = {"trường": {"hợp"}, "bộ": {"chỉ", "tiêu", "thủ", "hồ", "máy", "luật"},
                    "phòng": {"chống", "ngừa", "họp"}, "ban": {"hành"}}
# After a comma inside a group ("Các phòng, đơn vị ..."), these go on with it.
_GROUP_CONTINUE = _phrases(
    "đơn vị", "phòng", "cơ quan", "ban", "ngành", "sở", "bộ", "chi cục", "trung tâm",
    "bộ phận", "địa phương", "đoàn thể", "thị xã", "thành phố", "huyện", "xã", "phường",
    "thị trấn", "trường", "bệnh viện", "trạm", "tổ chức", "hội",
)
_PLACE_WORDS = {"tỉnh", "huyện", "xã", "phường", "quận", "thành phố", "thị xã", "thị trấn"}
_NAME_CLOSERS = {"sở", "tỉnh", "huyện", "xã", "phường", "quận"}
_AFTER_CLOSER = _phrases("thuộc", "trực thuộc", "liên quan", "có liên quan")
_COUNCIL_NEXT = {"tỉnh", "huyện", "xã", "thành", "thị", "phường", "quận", "các", "cấp"}

# Words that end a name wherever they stand (a name never contains them).
_STOP = _phrases(
    "chủ trì", "phối hợp", "thực hiện", "triển khai", "theo dõi", "đôn đốc", "đơn đốc",
    "tổng hợp", "tham mưu", "báo cáo", "rà soát", "đề xuất", "đề nghị", "kiến nghị",
    "chịu trách nhiệm", "đầu mối", "nghiên cứu", "cập nhật", "cung cấp", "công khai",
    "niêm yết", "căn cứ", "ban hành", "sử dụng", "tăng cường", "nâng cao", "xử lý",
    "tạo lập", "số hóa", "kết nối", "đăng tải", "chấn chỉnh", "kiểm tra", "hướng dẫn",
    "chỉ đạo", "đánh giá", "công bố", "trả lời", "hoàn thành", "bảo đảm", "đảm bảo",
    "tiếp tục", "vi phạm", "chủ động", "kịp thời", "định kỳ", "đồng thời", "tiến hành",
    "chuẩn bị", "liên hệ", "làm việc", "làm đầu mối", "gặp", "lấy", "đưa", "gửi",
    "nộp", "khi", "trong", "để", "về", "trước", "sau", "theo", "tại", "cho", "với",
    "đối với", "nếu", "phải", "được", "là", "đã", "sẽ", "đang", "cần", "qua",
    "thông qua", "đúng", "nhằm", "từ", "đến", "tới", "bằng", "do", "bởi", "vào",
    "trên", "dưới", "giữa", "cùng", "mà", "thì", "nên", "vì", "nhưng", "hằng", "mỗi",
    "từng", "ngay", "luôn", "cũng", "còn", "vẫn", "chưa", "không", "đề ra", "thẩm tra",
    "tham gia",
)
# Verbs that also occur inside names ("Phòng Quản lý xây dựng", "Bộ phận tiếp
# nhận và trả kết quả"): they end a name only when it is not a proper name
# still going on (a group phrase, or after "... thuộc Sở").
_WEAK_STOP = _phrases(
    "xây dựng", "quản lý", "kiểm soát", "thẩm định", "giám sát", "đào tạo", "bồi dưỡng",
    "phát triển", "đầu tư", "tiếp nhận", "giải quyết", "tổ chức", "thường xuyên", "hàng",
    "tuyên truyền", "phổ biến", "thống kê", "kiểm định", "giám định", "dịch vụ", "hỗ trợ",
)
# Nouns a verb takes as its object: after "xây dựng", "tổ chức" ... they show the
# sentence has gone on ("... xây dựng dự thảo", "... tổ chức hội nghị").
_OBJECTS = _phrases(
    "dự thảo", "hồ sơ", "danh mục", "quy trình", "nội dung", "phương án", "giải pháp",
    "kinh phí", "tài liệu", "việc", "hội nghị", "lớp", "đoàn", "cuộc",
)
_PEOPLE = _phrases(
    "lãnh đạo", "giám đốc", "phó giám đốc", "chủ tịch", "phó chủ tịch", "trưởng",
    "phó trưởng", "phó", "chánh", "phó chánh", "thủ trưởng", "thủ tướng", "người đứng đầu",
    "cán bộ", "công chức", "viên chức", "chuyên viên", "nhân viên", "kế toán", "đại diện",
    "ban giám đốc", "ban lãnh đạo",
)
_BOARD_NOT_UNIT = {"giám", "lãnh"}  # "Ban Giám đốc", "Ban Lãnh đạo" are people
_DOCUMENTS = _phrases(
    "kế hoạch", "quyết định", "nghị định", "nghị quyết", "thông tư", "chỉ thị", "công văn",
    "văn bản", "luật", "bộ luật", "đề án", "chương trình", "quy chế", "quy định",
    "hướng dẫn", "thông báo", "báo cáo", "tờ trình", "công điện",
)
_CITATION_END = {",", ";", ":", "(", ")", ".", "\n"}
_RELATED = _phrases("có liên quan")
_CIVIL_SERVANTS = _phrases("viên chức")

# What stands just before a name, and what it makes of the name.
_BEFORE_COORDINATE = _phrases(
    "phối hợp với", "phối hợp", "cùng với", "cùng", "sự phối hợp của",
)
_BEFORE_RECIPIENT = _phrases(
    "gửi về", "về", "cho", "gửi", "đến", "tới", "qua", "thông qua", "báo cáo", "nộp",
    "trình", "đề nghị", "kiến nghị", "tại", "hướng dẫn của", "đề nghị của", "yêu cầu của",
    "chỉ đạo của", "ý kiến của",
)
_BEFORE_AGENT = _phrases("giao cho", "giao", "do", "bởi")
# Units being guided or chased: the doers, counted only when the text names no
# one else ("Giám đốc Sở chỉ đạo Văn phòng Sở thực hiện").
_BEFORE_DIRECTED = _phrases("hướng dẫn", "chỉ đạo", "đôn đốc", "đơn đốc", "yêu cầu", "nhắc nhở")
_OPENERS = _phrases("trường hợp", "nếu", "khi", "sau khi", "đồng thời", "riêng")
_LIST_GLUE = {",", ";", "và", "hoặc", "–", "-", "—", "/"}
_CLAUSE_START = {None, "\n", ";", ".", ":", "(", "bullet"}


# ---------------------------------------------------------------------------
# The scanner


@dataclass
class _Mention:
    text: str
    first: int  # index of the first token
    last: int  # index of the last token
    place: str  # start | comma | list | coordinate | recipient | agent | directed | other


def _is_head(tokens: list[_Token], i: int) -> int:
    """Number of head tokens when a unit's own name starts at token i, else 0."""
    if i >= len(tokens) or not tokens[i].is_word:
        return 0
    for words in _HEADS.by_first.get(tokens[i].low, ()):
        n = len(words)
        if not _words_at(tokens, i, words):
            continue
        if words[0] in _HEAD_ABBREVIATIONS and not tokens[i].abbreviation and words[0] != "ttr":
            continue
        nxt = tokens[i + n] if i + n < len(tokens) else None
        if nxt is not None and nxt.is_word and _head_rule_holds(_HEAD_RULES[words], tokens[i], nxt):
            return n
    return 0


def _head_rule_holds(rule: str, head: _Token, nxt: _Token) -> bool:
    name_next = nxt.cap or nxt.abbreviation
    if rule == "name":
        return name_next
    if rule == "capital_name":
        return head.cap and name_next
    if rule == "office":
        return name_next or nxt.low in {"sở", "ubnd", "ủy", "hđnd", "chính"}
    if rule == "inspectorate":
        return name_next or nxt.low in {"sở", "tỉnh", "huyện", "bộ"}
    if rule == "room":
        return name_next or (head.cap and nxt.low == "chuyên")
    if rule == "council":
        return name_next or nxt.low in _COUNCIL_NEXT
    if rule == "place_or_name":
        return name_next or nxt.low in _PLACE_WORDS
    if rule == "board":
        return head.text in ("Ban", "ban") and name_next and nxt.low not in _BOARD_NOT_UNIT
    if rule == "ministry":
        return head.text == "Bộ" and name_next and nxt.low not in _NOT_GROUP_AFTER["bộ"]
    return not _phrase_at([nxt], 0, _STOP)  # "any"


def _is_group(tokens: list[_Token], i: int) -> int:
    """Number of tokens of "các <unit noun>" starting at i, else 0."""
    n = _phrase_at(tokens, i, _GROUP_START)
    if not n:
        return 0
    m = _phrase_at(tokens, i + n, _GROUP_NOUNS)
    if not m:
        return 0
    noun = " ".join(t.low for t in tokens[i + n : i + n + m])
    after = tokens[i + n + m] if i + n + m < len(tokens) else None
    if after is not None and after.is_word and after.low in _NOT_GROUP_AFTER.get(noun, ()):
        return 0
    return n + m


def _name_end(tokens: list[_Token], head_last: int, group: bool) -> int:
    """Index of the last token of the name whose head ends at `head_last`.

    After a unit's own head ("Văn phòng", "Bộ phận" ...) the next word always
    belongs to the name: the head was only accepted because of it.
    """
    last = head_last if group else head_last + 1
    group = group or tokens[last].low == "các"
    proper = not group
    place_run = False
    k = last + 1
    while k < len(tokens):
        tok, prev = tokens[k], tokens[last]
        if not tok.is_word:
            step = _punct_step(tokens, k, group)
            if not step:
                break
            last, k = k + step - 1, k + step
            place_run = False
            continue
        if tok.cap:
            place_run = prev.low in _PLACE_WORDS or (place_run and prev.cap)
            proper = True
            last, k = k, k + 1
            continue
        closed = prev.low in _NAME_CLOSERS or prev.abbreviation or place_run
        n = _lowercase_step(tokens, k, closed, proper)
        if not n:
            break
        group = group or tok.low == "các"
        place_run = False
        last, k = k + n - 1, k + n
    return last


def _lowercase_step(tokens: list[_Token], k: int, closed: bool, proper: bool) -> int:
    """How many lowercase words at k go on with the name (0: the name ends)."""
    tok = tokens[k]
    nxt = tokens[k + 1] if k + 1 < len(tokens) else None
    if tok.low == "có":
        return 3 if _phrase_at(tokens, k, _RELATED) else 0
    if tok.low in ("và", "hoặc"):
        if tokens[k - 1].low in ("hđnd", "nhân") and nxt is not None and nxt.low in ("ubnd", "ủy"):
            return 1  # "Văn phòng HĐND và UBND tỉnh" is one office
        if nxt is None or not nxt.is_word or _starts_name(tokens, k + 1):
            return 0
        if nxt.cap:
            return 1
        if _phrase_at(tokens, k + 1, _AFTER_CLOSER):
            return 1
        if closed or not proper or _phrase_at(tokens, k + 1, _STOP):
            return 0
        return 1
    if tok.low == "của":
        return 1 if nxt is not None and nxt.low == "sở" else 0
    if closed:
        after_abbreviation = tokens[k - 1].abbreviation and tok.low in _PLACE_WORDS
        return 1 if after_abbreviation else _phrase_at(tokens, k, _AFTER_CLOSER)  # "Văn phòng UBND tỉnh"
    if _phrase_at(tokens, k, _STOP):
        return 0
    weak = _phrase_at(tokens, k, _WEAK_STOP)
    if weak:
        # "Phòng Quản lý xây dựng" goes on; "... Tài chính xây dựng kế hoạch" does not.
        object_follows = _phrase_at(tokens, k + weak, _OBJECTS) or _phrase_at(tokens, k + weak, _DOCUMENTS)
        return weak if proper and not object_follows else 0
    return 1


def _punct_step(tokens: list[_Token], k: int, group: bool) -> int:
    """How many tokens from punctuation k on go on with the name (0: it ends)."""
    tok = tokens[k]
    nxt = tokens[k + 1] if k + 1 < len(tokens) else None
    if nxt is None or not nxt.is_word:
        return 0
    if tok.text in ("–", "-", "—"):
        return 1 if nxt.cap else 0  # "Phòng Kế hoạch – Tài chính"
    if tok.text != ",":
        return 0
    more = _phrase_at(tokens, k + 1, _GROUP_CONTINUE)
    if group and more and not _is_head(tokens, k + 1):
        return 1 + more  # "Các phòng, đơn vị ...", "Các Chi cục, Trung tâm trực thuộc Sở"
    if tokens[k - 1].low == "chức" and tokens[k - 2].low == "công" and _phrase_at(
        tokens, k + 1, _CIVIL_SERVANTS
    ):
        return 3  # "Phòng Tổ chức, Biên chế và Công chức, viên chức"
    if not group and nxt.cap and not _starts_name(tokens, k + 1) and not _phrase_at(tokens, k + 1, _DOCUMENTS):
        return 1  # "Phòng Tổ chức, Biên chế ..."
    return 0


def _starts_name(tokens: list[_Token], i: int) -> bool:
    return bool(_is_head(tokens, i) or _is_group(tokens, i))


def _citation_end(tokens: list[_Token], i: int) -> int:
    """Where a document citation starting at token i ends (i when none starts there).

    "Quyết định số ...", "Kế hoạch số ...", or a capitalised document word inside a
    sentence ("theo Kế hoạch Sở TNMT"). It runs, with its number, date and
    issuer ("... của UBND tỉnh"), to the next punctuation that ends a phrase or
    the next word that goes on with the sentence ("... và theo hướng dẫn của").
    """
    n = _phrase_at(tokens, i, _DOCUMENTS)
    if not n:
        return i
    numbered = i + n < len(tokens) and tokens[i + n].low == "số"
    mid_sentence = i > 0 and tokens[i - 1].is_word
    if not (numbered or (tokens[i].cap and mid_sentence)):
        return i
    j = i + n
    while j < len(tokens) and tokens[j].text not in _CITATION_END and not (
        tokens[j].is_word and not tokens[j].cap and _phrase_at(tokens, j, _STOP)
    ):
        j += 1
    return j


def _mentions(text: str) -> tuple[list[_Token], list[_Mention]]:
    """Every unit name in `text` (tidied) with its place; people and names
    inside document citations left out."""
    tokens = _tokens(text)
    found: list[_Mention] = []
    i = 0
    while i < len(tokens):
        if not tokens[i].is_word or tokens[i].low not in _STARTING_WORDS:
            i += 1  # starts no citation, group or name: most words
            continue
        cited = _citation_end(tokens, i)
        if cited > i:
            i = cited
            continue
        group = _is_group(tokens, i)
        head = group or _is_head(tokens, i)
        if not head:
            i += 1
            continue
        last = _name_end(tokens, i + head - 1, bool(group))
        if not _phrase_before(tokens, i, _PEOPLE):
            name = _tidy_name(text[tokens[i].start : tokens[last].end])
            found.append(_Mention(name, i, last, _place(tokens, i, found)))
        i = last + 1
    return tokens, found


# The words a citation, a group phrase or a unit's own name can start with.
_STARTING_WORDS = frozenset(_DOCUMENTS.by_first) | frozenset(_GROUP_START.by_first) | frozenset(_HEADS.by_first)


def _tidy_name(name: str) -> str:
    return re.sub(r"\s+", " ", name).strip(" ,;:.-–—")


def _place(tokens: list[_Token], i: int, earlier: list[_Mention]) -> str:
    """Where the name starting at token i stands in its sentence."""
    if earlier and all(
        t.text in _LIST_GLUE or t.low in _LIST_GLUE for t in tokens[earlier[-1].last + 1 : i]
    ):
        return "list"
    prev = tokens[i - 1].text if i > 0 else None
    if prev in _CLAUSE_START:
        return "start"
    if prev == ",":
        return "comma"
    if _phrase_before(tokens, i, _OPENERS):
        return "start"  # "Trường hợp Văn phòng Sở ...", "Đồng thời, Thanh tra Sở ..."
    if _phrase_before(tokens, i, _BEFORE_COORDINATE):
        return "coordinate"
    if _phrase_before(tokens, i, _BEFORE_AGENT):
        return "agent"
    if _phrase_before(tokens, i, _BEFORE_RECIPIENT):
        return "recipient"
    if _phrase_before(tokens, i, _BEFORE_DIRECTED):
        return "directed"
    return "other"


def _resolved(mentions: list[_Mention]) -> list[_Mention]:
    """Mentions with "list" replaced by the place of the name the list started with."""
    out: list[_Mention] = []
    for mention in mentions:
        place = out[-1].place if mention.place == "list" and out else mention.place
        out.append(_Mention(mention.text, mention.first, mention.last, place))
    return out


def _unique(names: list[str]) -> list[str]:
    seen: set[str] = set()
    out = []
    for name in names:
        key = unit_key(name)
        if key and key not in seen:
            seen.add(key)
            out.append(name)
    return out


def _capitalised(name: str) -> str:
    return name[:1].upper() + name[1:]


# ---------------------------------------------------------------------------
# Public functions


_HTML_BREAK = re.compile(r"<\s*(?:br|/p|/div|/li)\s*/?\s*>", re.IGNORECASE)
_HTML_TAG = re.compile(r"<\s*/?\s*[a-zA-Z][^<>]{0,80}>")


def _clean(text: str) -> str:
    """Tidied text; HTML fragments left in cells ("<br>", "<p>") as line breaks."""
    return tidy_text(_HTML_TAG.sub(" ", _HTML_BREAK.sub("\n", text or "")))


def unit_names(text: str) -> list[str]:
    """The unit names a lead or coordinating text mentions, in order, without repeats.

    Names are NFC, as written, tidied (one space, no trailing punctuation, the
    first letter in capitals: "các phòng ..." mid-sentence gives "Các phòng ...").
    A name counts where the text gives the unit a part in the work: as the one
    acting ("Văn phòng Sở đôn đốc ..."), in a list, after "phối hợp (với)" /
    "cùng", as the one reports go to or come through ("báo cáo Sở Nội vụ", "về
    Văn phòng Sở", "(qua Văn phòng Sở)", "tại Bộ phận Một cửa"), as the one
    guiding ("theo hướng dẫn của Sở Nội vụ") or as the one tasked ("giao ...",
    "do ..."). Not counted: a unit only owning something ("thẩm quyền của Sở
    TNMT"), the object of chasing or guidance ("hướng dẫn các phòng, đơn vị"), the
    giver of a task ("nhiệm vụ UBND tỉnh giao"), names inside a document citation,
    and people ("Lãnh đạo Sở", "Chủ tịch UBND tỉnh").
    Group phrases ("Các phòng, đơn vị trực thuộc Sở") are names too.
    """
    return list(_unit_names(text or ""))


# The same lead / coordinating text comes back on task after task ("Văn phòng
# Sở", "Các phòng, đơn vị"): each distinct text is read once.
@lru_cache(maxsize=4096)
def _unit_names(text: str) -> tuple[str, ...]:
    text = _clean(text)
    if not text:
        return ()
    _, mentions = _mentions(text)
    mentions = _resolved(mentions)
    taking_part = [m for m in mentions if m.place not in ("other", "directed")]
    if not taking_part:
        taking_part = [m for m in mentions if m.place == "directed"]
    return tuple(_unique([_capitalised(m.text) for m in taking_part]))


@lru_cache(maxsize=1024)
def split_assignment(text: str) -> tuple[str, str]:
    """(lead part, coordinating part) of a combined assignment cell; ("", "") when
    the text does not say who does the work.

    With labels ("Đơn vị chủ trì: ...", "Chủ trì: ... Phối hợp: ...", "Đơn vị
    thực hiện: ...") the parts are the labelled texts. Otherwise the parts are the
    unit names as written, several joined by "; ", read from the sentences:

    * "X chủ trì ..." → X leads; "X chủ trì, phối hợp (với) Y ..." → Y coordinates;
    * "X phối hợp ..." → X coordinates; "X phối hợp (với) Y <việc>" → Y leads;
    * "X chủ trì, Y phối hợp" and "X chủ trì; Y phối hợp" → X leads, Y coordinates;
    * sentences without those words ("- X: tổng hợp ...; - Y: ..."): when some
      sentence says "chủ trì", the others coordinate; when some says "phối hợp",
      the others lead; when none says either, the units of the first sentence
      lead and those of later sentences coordinate (the main actor is written
      first; the office that follows up comes after);
    * a unit named only as the one reports go to is not given a role here.
    A unit never appears in both parts (lead wins).
    """
    text = _clean(text)
    if not text:
        return "", ""
    labels = list(_LABEL.finditer(text))
    before_labels = text[: labels[0].start()] if labels else text
    lead, coordinate = _sentence_roles(before_labels) if before_labels.strip() else ([], [])
    if labels:
        labelled_lead, labelled_coordinate = _labelled_parts(text, labels)
        lead += labelled_lead
        coordinate += labelled_coordinate
    lead_keys = {unit_key(name) for name in lead}
    coordinate = [name for name in _unique(coordinate) if unit_key(name) not in lead_keys]
    return "; ".join(_unique(lead)), "; ".join(coordinate)


def assignment_units(text: str) -> tuple[list[str], list[str]]:
    """(lead unit names, coordinating unit names) of a combined assignment cell:
    `unit_names` of each part of `split_assignment`, no unit in both."""
    lead_text, coordinate_text = split_assignment(text)
    lead = unit_names(lead_text)
    keys = {unit_key(name) for name in lead}
    return lead, [name for name in unit_names(coordinate_text) if unit_key(name) not in keys]


_ABBREVIATIONS: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (re.compile(pattern), replacement)
    for pattern, replacement in (
        (r"^VP\b", "Văn phòng"),
        (r"^TTr\b", "Thanh tra"),
        (r"^BP\b", "Bộ phận"),
        (r"^TT(?= [A-ZĐ]{2,})", "Trung tâm"),
        (r"\bKH\s*[-–&/]?\s*TC\b|\bKHTC\b", "Kế hoạch – Tài chính"),
        (r"\bKH\s*[-–&/]?\s*ĐT\b", "Kế hoạch – Đầu tư"),
        (r"\bTCCB\b", "Tổ chức cán bộ"),
        (r"\bTC\s*[-–]\s*HC\b|\bTCHC\b", "Tổ chức – Hành chính"),
        (r"\bCNTT\b", "Công nghệ thông tin"),
        (r"\bTN\s*(?:&|và)\s*TKQ\b", "tiếp nhận và trả kết quả"),
        (r"\bHCC\b", "Hành chính công"),
    )
)


@lru_cache(maxsize=4096)
def canonical_unit_name(name: str) -> str:
    """The name with the usual abbreviations written out ("VP Sở" → "Văn phòng Sở",
    "Phòng KH-TC" → "Phòng Kế hoạch – Tài chính", "TT CNTT" → "Trung tâm Công nghệ
    thông tin"), so two spellings of one unit can be matched. "UBND", "HĐND" and
    department abbreviations ("Sở TNMT") are kept: they are how units are named."""
    out = _tidy_name(tidy(name).replace("\n", " "))
    for pattern, replacement in _ABBREVIATIONS:
        out = pattern.sub(replacement, out)
    return out


# ---------------------------------------------------------------------------
# split_assignment helpers

_LABEL = re.compile(
    r"(?:^|(?<=[\n;.,]))\s*(?:[-+•]\s*)?"
    r"(?:(?:đơn vị|cơ quan|bộ phận)\s+)?(chủ trì|phối hợp|thực hiện)(?:\s+thực hiện)?\s*:",
    re.IGNORECASE,
)


def _labelled_parts(text: str, labels: list[re.Match[str]]) -> tuple[list[str], list[str]]:
    """The texts after "Chủ trì:" / "Đơn vị thực hiện:" (lead) and "Phối hợp:"."""
    lead: list[str] = []
    coordinate: list[str] = []
    for n, label in enumerate(labels):
        end = labels[n + 1].start() if n + 1 < len(labels) else len(text)
        value = _tidy_name(text[label.end() : end].strip())
        if value:
            (coordinate if label.group(1).lower() == "phối hợp" else lead).append(value)
    return lead, coordinate


def _sentence_roles(text: str) -> tuple[list[str], list[str]]:
    tokens, mentions = _mentions(text)
    mentions = _resolved(mentions)
    clauses = _clauses(tokens, mentions)
    if not clauses:  # "Giám đốc Sở chỉ đạo Văn phòng Sở thực hiện"
        return [m.text for m in mentions if m.place == "directed"], []
    return _roles(clauses)


@dataclass
class _Clause:
    subjects: list[_Mention]
    role: str = ""  # lead | coordinate | assigns (gives the task) | "" (the text does not say)
    leads: list[_Mention] | None = None  # named in the clause as leading
    coordinates: list[_Mention] | None = None  # named in the clause as coordinating


_SUBJECT_PLACES = {"start", "comma", "agent"}


def _clauses(tokens: list[_Token], mentions: list[_Mention]) -> list[_Clause]:
    """Sentences with the units they are about; a line without a unit at its
    start goes on with the sentence before it."""
    groups: list[tuple[list[_Mention], list[_Mention], int]] = []  # subjects, others, predicate start
    for mention in mentions:
        is_subject = mention.place in _SUBJECT_PLACES
        if is_subject and groups and groups[-1][1] == [] and _only_glue(tokens, groups[-1][0][-1].last, mention.first):
            groups[-1][0].append(mention)
        elif is_subject:
            groups.append(([mention], [], mention.last + 1))
        elif groups:
            groups[-1][1].append(mention)
    clauses = []
    for n, (subjects, others, predicate_start) in enumerate(groups):
        predicate_end = groups[n + 1][0][0].first if n + 1 < len(groups) else len(tokens)
        clauses.append(_clause(tokens, subjects, others, predicate_start, predicate_end))
    return clauses


def _only_glue(tokens: list[_Token], after: int, before: int) -> bool:
    return all(
        t.text in _LIST_GLUE or t.low in _LIST_GLUE or t.text in ("\n", "bullet", "(", ")")
        for t in tokens[after + 1 : before]
    )


_ROLE_WORDS = _phrases("chủ trì", "phối hợp")
_NOT_A_ROLE_AFTER = _phrases("việc", "sự", "công tác", "tăng cường")


def _clause(
    tokens: list[_Token], subjects: list[_Mention], others: list[_Mention], start: int, end: int
) -> _Clause:
    """The role the first sentence of a clause gives its subjects (and names it)."""
    clause = _Clause(subjects)
    if start < end and tokens[start].low == "giao":
        clause.role = "assigns"  # "UBND tỉnh giao Sở Y tế chủ trì": UBND tỉnh is no party
        return clause
    for k in range(start, end):
        if tokens[k].text in (".", ";", "\n"):
            break
        if tokens[k].low not in _ROLE_WORDS.by_first:
            continue  # no role word starts here (what _phrase_at would find)
        n = _phrase_at(tokens, k, _ROLE_WORDS)
        if not n or _phrase_before(tokens, k, _NOT_A_ROLE_AFTER):
            continue
        named = [m for m in others if m.place == "coordinate" and m.first > k]
        if tokens[k].low == "chủ":  # "X chủ trì, phối hợp với Y"
            clause.role, clause.coordinates = "lead", named
        elif named and named[0].first in _right_after(tokens, k + n):  # "X phối hợp với Y làm"
            clause.role, clause.leads = "coordinate", named
        else:  # "X phối hợp thẩm định"
            clause.role = "coordinate"
        break
    return clause


def _right_after(tokens: list[_Token], k: int) -> set[int]:
    """Where a name right after "phối hợp" starts: at k, or after a "với" at k."""
    return {k, k + 1} if k < len(tokens) and tokens[k].low == "với" else {k}


def _roles(clauses: list[_Clause]) -> tuple[list[str], list[str]]:
    said = {clause.role for clause in clauses}
    if "lead" in said:
        unmarked = "coordinate"
    elif "coordinate" in said:
        unmarked = "lead"
    else:
        unmarked = ""
    lead: list[str] = []
    coordinate: list[str] = []
    doers = [clause for clause in clauses if clause.role != "assigns"]
    for n, clause in enumerate(doers):
        role = clause.role or unmarked or ("lead" if n == 0 else "coordinate")
        (lead if role == "lead" else coordinate).extend(m.text for m in clause.subjects)
        lead.extend(m.text for m in clause.leads or [])
        coordinate.extend(m.text for m in clause.coordinates or [])
    return lead, coordinate
