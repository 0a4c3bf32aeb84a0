"""The organization of a Sở: its own units, the collectives plans name, and the
outside bodies it reports to.

A plan's assignment column holds phrases. Each phrase is one of:

* a **unit** of the Sở (Văn phòng Sở, Thanh tra Sở, a phòng, a chi cục, a trung
  tâm ...): it receives forms and is counted;
* a **collective** ("Các phòng, đơn vị thuộc và trực thuộc Sở", "Các phòng chuyên
  môn"): work given to every member unit (giao chung). The standard collectives
  are defined by unit type, so they stay current as units are added;
* an **outside body** (UBND tỉnh, Sở Nội vụ, a Bộ ...): never a unit, never
  counted; the Kính gửi and Nơi nhận of reports.

This module is pure: it classifies names and computes members. The store keeps
the organization; the services apply it.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from enum import Enum

from kehoach_desktop.domain.text import fold, tidy_line


class EntryKind(str, Enum):
    """What a name in the unit directory stands for."""

    UNIT = "unit"
    COLLECTIVE = "collective"
    OUTSIDE = "outside"

    @property
    def label(self) -> str:
        return _ENTRY_LABELS[self]


_ENTRY_LABELS = {
    EntryKind.UNIT: "Đơn vị của Sở",
    EntryKind.COLLECTIVE: "Nhóm đơn vị (giao chung)",
    EntryKind.OUTSIDE: "Cơ quan bên ngoài",
}


class UnitType(str, Enum):
    """The kind of a unit of the Sở, which decides the standard collectives it is in."""

    PHONG = "phong"  # Văn phòng, Thanh tra, phòng chuyên môn, nghiệp vụ
    CHI_CUC = "chi_cuc"
    SU_NGHIEP = "su_nghiep"  # đơn vị sự nghiệp: trung tâm, ban quản lý, cảng vụ, trạm ...
    KHAC = "khac"

    @property
    def label(self) -> str:
        return _TYPE_LABELS[self]

    @classmethod
    def from_text(cls, text: str) -> UnitType:
        """A code or a Vietnamese word for the type ("phòng", "Chi cục", "ĐVSN" ...)."""
        key = _words(text)
        for unit_type, spellings in _TYPE_SPELLINGS.items():
            if key in spellings:
                return unit_type
        raise ValueError(
            f"Không hiểu loại đơn vị «{tidy_line(text)}»: hãy ghi phòng, chi cục, đơn vị sự nghiệp hoặc khác."
        )


_TYPE_LABELS = {
    UnitType.PHONG: "Phòng",
    UnitType.CHI_CUC: "Chi cục",
    UnitType.SU_NGHIEP: "Đơn vị sự nghiệp",
    UnitType.KHAC: "Khác",
}
_TYPE_SPELLINGS = {
    UnitType.PHONG: {"phong", "phong chuyen mon", "phong ban", "van phong", "thanh tra", "p"},
    UnitType.CHI_CUC: {"chi cuc", "chi_cuc", "cc"},
    UnitType.SU_NGHIEP: {"don vi su nghiep", "su nghiep", "su_nghiep", "dvsn", "trung tam", "sn"},
    UnitType.KHAC: {"khac", "k", ""},
}

# --- words ---------------------------------------------------------------------------

_NOT_WORD = re.compile(r"[^0-9a-z]+")


def _words(text: str) -> str:
    """Folded words separated by single spaces: "Phòng Kế hoạch – Tài chính" → "phong ke hoach tai chinh"."""
    return _NOT_WORD.sub(" ", fold(text)).strip()


def _starts(words: str, *prefixes: str) -> bool:
    return any(words == p or words.startswith(p + " ") for p in prefixes)


# --- the type of a unit, from its name ---------------------------------------------------

_SU_NGHIEP_HEADS = (
    "trung tam", "ban quan ly", "cang vu", "tram", "vien", "truong", "benh vien", "quy",
    "hat kiem lam", "vuon quoc gia", "khu bao ton", "bao", "tap chi", "dai", "nha van hoa",
    "thu vien", "bao tang", "doan", "lien doan", "ban", "hat", "doi",
)  # fmt: skip
_PHONG_HEADS = ("van phong", "thanh tra", "phong", "p", "vp", "ttr", "bo phan")


def infer_unit_type(name: str) -> UnitType:
    """Guess a unit's type from its name; the user can change it."""
    words = _words(name)
    if _starts(words, "chi cuc"):
        return UnitType.CHI_CUC
    if _starts(words, "ban giam doc", "ban lanh dao"):
        return UnitType.KHAC
    if _starts(words, *_PHONG_HEADS):
        return UnitType.PHONG
    if _starts(words, *_SU_NGHIEP_HEADS):
        return UnitType.SU_NGHIEP
    return UnitType.KHAC


# --- standard collectives ---------------------------------------------------------------


@dataclass(frozen=True)
class StandardCollective:
    code: str
    name: str
    member_types: frozenset[UnitType]


ALL_TYPES = frozenset(UnitType)
STANDARD_COLLECTIVES = (
    StandardCollective("all", "Các phòng, đơn vị thuộc và trực thuộc Sở", ALL_TYPES),
    StandardCollective("phong", "Các phòng chuyên môn thuộc Sở", frozenset({UnitType.PHONG})),
    StandardCollective(
        "truc_thuoc", "Các đơn vị trực thuộc Sở", frozenset({UnitType.CHI_CUC, UnitType.SU_NGHIEP})
    ),
    StandardCollective("su_nghiep", "Các đơn vị sự nghiệp trực thuộc Sở", frozenset({UnitType.SU_NGHIEP})),
    StandardCollective("chi_cuc", "Các chi cục trực thuộc Sở", frozenset({UnitType.CHI_CUC})),
)
STANDARD_BY_CODE = {c.code: c for c in STANDARD_COLLECTIVES}

_COLLECTIVE_START = ("tat ca cac", "toan the cac", "tat ca", "toan the", "cac", "nhung")
# Words that say nothing about which units: where they belong, what they will do.
_FILLER = re.compile(
    r"\b(?:thuoc va truc thuoc|thuoc|truc thuoc|so|tinh|nganh|cua|co lien quan|lien quan|"
    r"tren dia ban|theo chuc nang(?: nhiem vu)?(?: duoc giao)?|theo nhiem vu(?: duoc giao)?|"
    r"trong pham vi(?: chuc nang)?|chuc nang nhiem vu|duoc giao|khac|con lai)\b"
)
_TRAILING_VERBS = re.compile(
    r"\b(?:thuc hien|phoi hop|chu tri|trien khai|tham muu|to chuc thuc hien|chiu trach nhiem|"
    r"cung cap|bao cao|theo doi)\b.*$"
)
# "… thuộc Sở Tài nguyên và Môi trường": whose units they are, not which.
_OF_THE_DEPARTMENT = re.compile(r"\b(?:thuoc va truc thuoc|truc thuoc|thuoc) so\b.*$")
_OUTSIDE_NOUN = re.compile(r"\b(?:so|bo|huyen|xa|phuong|nganh|dia phuong|tinh|doanh nghiep)\b")
# Nouns naming sorts of units, longest first; each maps to the unit types it covers.
_NOUNS = (
    ("don vi su nghiep cong lap", "su_nghiep"),
    ("don vi su nghiep", "su_nghiep"),
    ("phong chuyen mon nghiep vu", "phong"),
    ("phong chuyen mon", "phong"),
    ("phong nghiep vu", "phong"),
    ("phong ban", "phong"),
    ("chi cuc", "chi_cuc"),
    ("trung tam", "su_nghiep"),
    ("ban quan ly", "su_nghiep"),
    ("phong", "phong"),
    ("ban", "phong"),
    ("don vi", "unit"),
    ("co quan", "unit"),
    ("bo phan", "phong"),
    ("chuyen mon", ""),
    ("nghiep vu", ""),
)
# Plural nouns for bodies outside the Sở: "các sở, ban, ngành", "UBND các huyện".
_OUTSIDE_PLURALS = ("so", "bo", "huyen", "xa", "phuong", "thi xa", "thanh pho", "dia phuong", "doan the",
                    "dia phuong", "hoi", "to chuc", "doanh nghiep", "ngan hang", "co so")  # fmt: skip


def standard_collective_of(phrase: str) -> StandardCollective | None:
    """Which standard collective a plan's phrase means, whatever the spelling:
    "Các phòng, đơn vị trực thuộc Sở", "tất cả các phòng, ban thuộc sở thực hiện",
    "Các Phòng chuyên môn thuộc Sở" ... None when the phrase is not one."""
    words = _words(phrase)
    for start in _COLLECTIVE_START:
        if _starts(words, start):
            rest = words[len(start) :].strip()
            break
    else:
        return None
    truc_thuoc = bool(re.search(r"\btruc thuoc\b", rest)) and not re.search(r"\bthuoc va truc thuoc\b", rest)
    rest = _OF_THE_DEPARTMENT.sub("", rest)
    if _OUTSIDE_NOUN.search(rest):
        return None  # "các sở, ban, ngành": other departments, not the Sở's units
    rest = _TRAILING_VERBS.sub("", rest)
    rest = _FILLER.sub(" ", rest)
    found: set[str] = set()
    leftover = f" {rest} "
    for noun, sort in _NOUNS:
        pattern = f" {noun} "
        while pattern in leftover:
            leftover = leftover.replace(pattern, " ", 1)
            if sort:
                found.add(sort)
    if leftover.strip() or not found:
        return None  # other words: a list of named bodies, or something outside ("các sở")
    return STANDARD_BY_CODE[_collective_code(found, truc_thuoc)]


def _collective_code(sorts: set[str], truc_thuoc: bool) -> str:
    if sorts == {"phong"}:
        return "phong"
    if sorts == {"su_nghiep"}:
        return "su_nghiep"
    if sorts == {"chi_cuc"}:
        return "chi_cuc"
    if sorts <= {"chi_cuc", "su_nghiep"}:
        return "truc_thuoc"
    if sorts == {"unit"} and truc_thuoc:
        return "truc_thuoc"  # "Các đơn vị trực thuộc Sở": chi cục and đơn vị sự nghiệp
    return "all"


# --- outside bodies ----------------------------------------------------------------------

_OUTSIDE_HEADS = (
    "ubnd", "uy ban nhan dan", "hdnd", "hoi dong nhan dan", "tinh uy", "thanh uy", "huyen uy",
    "chinh phu", "thu tuong", "van phong chinh phu", "van phong ubnd", "van phong uy ban",
    "van phong tinh uy", "van phong doan dai bieu", "doan dai bieu", "quoc hoi", "bo", "cuc",
    "tong cuc", "ban chi dao", "ban tuyen giao", "ban to chuc", "ban dan van", "ban noi chinh",
    "uy ban mat tran", "mat tran", "cong an", "bo chi huy", "kho bac", "ngan hang", "toa an",
    "vien kiem sat", "kiem toan", "bao hiem xa hoi", "cuc thue", "chi cuc thue", "hai quan",
    "lien doan lao dong", "tinh doan", "hoi", "thanh tra tinh", "thanh tra chinh phu",
    "trung tam phuc vu hanh chinh cong", "ban quan ly khu kinh te", "dai phat thanh",
    "bao khanh hoa", "cac so", "cac bo", "cac co quan trung uong", "dia phuong", "uy ban",
    "van phong bo", "van phong quoc hoi", "van phong chu tich nuoc", "van phong trung uong",
)  # fmt: skip
# Words a unit of a provincial Sở never has in its name.
_NATIONAL = re.compile(r"\b(?:trung uong|chinh phu|quoc hoi|viet nam|toi cao)\b|\bquoc gia\b(?<!vuon quoc gia)")


def looks_outside(name: str, own_name: str = "") -> bool:
    """A body outside the Sở: UBND tỉnh, Sở Nội vụ (when the Sở is another one), a Bộ,
    "Các sở, ban, ngành" ... `own_name` is the Sở's own name ("Sở Nông nghiệp và Môi
    trường"), which is not outside."""
    words = _words(name)
    if not words:
        return False
    if own_name and _same_department(words, _words(own_name)):
        return False
    if _starts(words, "so") and not _starts(words, "so ban nganh"):
        return True  # another Sở
    if _starts(words, "bo phan"):
        return False
    if _starts(words, *_OUTSIDE_HEADS) or _NATIONAL.search(words):
        return not _starts(words, "ban quan ly du an") or "tinh" in words.split()
    if _starts(words, "cac", "tat ca cac"):
        tail = _OF_THE_DEPARTMENT.sub("", words.split(" ", 1)[1] if " " in words else "")
        tail_words = f" {tail.removeprefix('cac ').strip()} "
        return any(f" {plural} " in tail_words for plural in _OUTSIDE_PLURALS)
    return False


def _same_department(words: str, own: str) -> bool:
    return bool(own) and (words == own or words == f"{own} tinh" or words.startswith(own + " tinh "))


def is_own_department(name: str, own_name: str, own_abbreviation: str = "") -> bool:
    """The Sở itself, named in a plan ("Sở Nông nghiệp và Môi trường", "Sở NN&MT")."""
    words = _words(name)
    if own_name and _same_department(words, _words(own_name)):
        return True
    if own_abbreviation:
        abbr = _words(own_abbreviation).replace(" ", "")
        return words.replace(" ", "") in (abbr, "so" + abbr.removeprefix("s"))
    return False


# --- matching spellings, abbreviations and near-duplicates ---------------------------------

_ABBREVIATED_WORDS = {"vp": "van phong", "ttr": "thanh tra", "tt": "trung tam", "p": "phong", "cc": "chi cuc"}
_PLACE_FILLERS = re.compile(r"\b(?:tinh|thanh pho|tp|truc thuoc so|thuoc so|truc thuoc|thuoc)\b")


def comparison_key(name: str, place: str = "") -> str:
    """A key two spellings of one unit share even when they differ by the province
    or "thuộc Sở" ("Trung tâm Dịch vụ Việc làm Khánh Hòa" / "… tỉnh Khánh Hòa")."""
    words = _words(name)
    if place:
        place_words = _words(place)
        if place_words:
            words = re.sub(rf"\b{re.escape(place_words)}\b", " ", words)
    words = _PLACE_FILLERS.sub(" ", words)
    if words.endswith(" so") and not _starts(words, "so"):
        words = words[: -len(" so")]
    return " ".join(words.split())


def initials(name: str, place: str = "") -> str:
    """First letters of the words of a name without its place ("Trung tâm Dịch vụ
    Việc làm Khánh Hòa" → "ttdvvl")."""
    return "".join(word[0] for word in comparison_key(name, place).split())


def abbreviation_matches(short: str, name: str, place: str = "") -> bool:
    """True when `short` abbreviates `name`: "TTDVVL", "KH-TC", "P.KHTC", "VP Sở", "TTr Sở"."""
    short_words = _words(short).split()
    if not short_words:
        return False
    expanded = " ".join(_ABBREVIATED_WORDS.get(word, word) for word in short_words)
    if comparison_key(expanded, place) == comparison_key(name, place):
        return True
    letters = "".join(short_words)
    if len(letters) < 2 or any(len(word) > 6 for word in short_words):
        return False
    full = initials(name, place)
    without_head = initials(re.sub(r"^(?:phong|van phong|chi cuc)\s+", "", comparison_key(name, place)))
    return letters in (full, without_head) or letters.removesuffix("s") in (full, without_head)


@dataclass(frozen=True)
class MergeSuggestion:
    """Two directory names that are probably one unit."""

    keep_id: int
    merge_id: int
    reason: str


def suggest_merges(entries: Sequence[tuple[int, str, str]], place: str = "") -> list[MergeSuggestion]:
    """Pairs of entries (id, name, short name) that look like one unit: the same name
    but for the province or "thuộc Sở", or one written as the other's abbreviation.
    The longer (fuller) name is kept."""
    suggestions: list[MergeSuggestion] = []
    seen: set[frozenset[int]] = set()
    for i, (id_a, name_a, short_a) in enumerate(entries):
        for id_b, name_b, short_b in entries[i + 1 :]:
            reason = _same_unit_reason(name_a, short_a, name_b, short_b, place)
            pair = frozenset((id_a, id_b))
            if reason and pair not in seen:
                seen.add(pair)
                keep, merge = (id_a, id_b) if len(name_a) >= len(name_b) else (id_b, id_a)
                suggestions.append(MergeSuggestion(keep, merge, reason))
    return suggestions


def _same_unit_reason(name_a: str, short_a: str, name_b: str, short_b: str, place: str) -> str:
    if comparison_key(name_a, place) and comparison_key(name_a, place) == comparison_key(name_b, place):
        return "cùng tên, chỉ khác cách ghi địa danh hoặc «thuộc Sở»"
    for short, name in ((name_a, name_b), (name_b, name_a), (short_a, name_b), (short_b, name_a)):
        if short and len(_words(short).split()) <= 3 and abbreviation_matches(short, name, place):
            return f"«{tidy_line(short)}» là tên viết tắt của «{tidy_line(name)}»"
    return ""


# --- the organization --------------------------------------------------------------------


@dataclass
class OrgUnit:
    id: int
    name: str
    unit_type: UnitType = UnitType.KHAC
    short_name: str = ""
    position: int = 0
    active: bool = True
    head_title: str = ""  # "Chánh Văn phòng", "Trưởng phòng", "Giám đốc"
    contact: str = ""


@dataclass
class Collective:
    id: int
    name: str
    member_types: frozenset[UnitType] = frozenset()  # the standard rule; empty: chosen members only
    included: frozenset[int] = frozenset()  # units added by hand
    excluded: frozenset[int] = frozenset()  # units taken out by hand
    aliases: tuple[str, ...] = ()

    def members(self, units: Iterable[OrgUnit]) -> list[OrgUnit]:
        """The active units the collective stands for, in the organization's order."""
        chosen = [
            unit
            for unit in units
            if unit.active
            and unit.id not in self.excluded
            and (unit.unit_type in self.member_types or unit.id in self.included)
        ]
        return sorted(chosen, key=lambda unit: (unit.position, fold(unit.name)))


@dataclass
class Organization:
    """The Sở: name, abbreviation, governing body, units and collectives."""

    name: str = ""
    abbreviation: str = ""
    governing_body: str = ""  # "UBND tỉnh Khánh Hòa"
    units: list[OrgUnit] = field(default_factory=list)
    collectives: list[Collective] = field(default_factory=list)

    @property
    def place(self) -> str:
        """The province, from the governing body ("UBND tỉnh Khánh Hòa" → "Khánh Hòa")."""
        match = re.search(r"(?:tỉnh|thành phố|TP\.?)\s+(.+)$", tidy_line(self.governing_body), re.IGNORECASE)
        return match.group(1) if match else ""

    def active_units(self) -> list[OrgUnit]:
        return sorted((u for u in self.units if u.active), key=lambda u: (u.position, fold(u.name)))

    def members_of(self, collective_id: int) -> list[OrgUnit]:
        for collective in self.collectives:
            if collective.id == collective_id:
                return collective.members(self.units)
        return []

    def is_collective(self, entry_id: int) -> bool:
        return any(collective.id == entry_id for collective in self.collectives)

    def real_units_of(self, entry_id: int) -> list[int]:
        """The real units an entry of the directory stands for: itself when it is a
        unit, its members when it is a collective, nothing otherwise."""
        for unit in self.units:
            if unit.id == entry_id:
                return [unit.id] if unit.active else []
        return [unit.id for unit in self.members_of(entry_id)]


# --- a pasted or typed list of units ------------------------------------------------------


@dataclass(frozen=True)
class UnitLine:
    name: str
    short_name: str
    unit_type: UnitType
    line: int


@dataclass(frozen=True)
class LineProblem:
    line: int
    message: str


_NUMBERING = re.compile(r"^\s*(?:[-+•*–]|\d+[.)]|[a-zđ][.)]|[IVX]+[.)])\s*", re.IGNORECASE)


def parse_unit_lines(text: str) -> tuple[list[UnitLine], list[LineProblem]]:
    """Units from text, one per line: "Tên" or "Tên; viết tắt; loại" (a tab works as well
    as ";"). Numbering and bullets in front are dropped; blank lines skipped; a name
    given twice is kept once. The type is inferred from the name when not given."""
    units: list[UnitLine] = []
    problems: list[LineProblem] = []
    seen: set[str] = set()
    for number, raw in enumerate(text.splitlines(), start=1):
        parts = [tidy_line(part) for part in re.split(r"[;\t]", raw)]
        name = _NUMBERING.sub("", parts[0]) if parts else ""
        if not _words(name):
            if any(parts[1:]):
                problems.append(LineProblem(number, f"Dòng {number}: thiếu tên đơn vị."))
            continue
        short = parts[1] if len(parts) > 1 else ""
        try:
            unit_type = UnitType.from_text(parts[2]) if len(parts) > 2 and parts[2] else infer_unit_type(name)
        except ValueError as exc:
            problems.append(LineProblem(number, f"Dòng {number}: {exc}"))
            continue
        key = _words(name)
        if key in seen:
            continue
        seen.add(key)
        units.append(UnitLine(name, short, unit_type, number))
    return units, problems


# --- outside bodies and the directory as a whole ------------------------------------------


@dataclass
class OutsideBody:
    id: int
    name: str
    short_name: str = ""
    aliases: tuple[str, ...] = ()
    position: int = 0
    reports_to: bool = False  # the office reports to it: a Kính gửi of reports


@dataclass(frozen=True)
class DirectoryEntry:
    """A name the program knows: a unit, a collective or an outside body."""

    id: int
    kind: EntryKind
    name: str
    short_name: str = ""
    aliases: tuple[str, ...] = ()
    collective_code: str = ""  # the standard collective a collective's rule is, if any

    def spellings(self) -> list[str]:
        return [self.name, *([self.short_name] if self.short_name else []), *self.aliases]


class Resolution(str, Enum):
    """What an assignment phrase of a plan is understood as."""

    UNIT = "unit"
    COLLECTIVE = "collective"
    OUTSIDE = "outside"
    UNKNOWN = "unknown"  # chưa rõ: the user decides
    IGNORE = "ignore"  # not an assignee at all

    @property
    def label(self) -> str:
        return _RESOLUTION_LABELS[self]


_RESOLUTION_LABELS = {
    Resolution.UNIT: "Đơn vị của Sở",
    Resolution.COLLECTIVE: "Nhóm đơn vị (giao chung)",
    Resolution.OUTSIDE: "Cơ quan bên ngoài",
    Resolution.UNKNOWN: "Chưa rõ",
    Resolution.IGNORE: "Bỏ qua",
}


@dataclass(frozen=True)
class PhraseChoice:
    """How one phrase maps: to an existing entry (`entry_id`), or to a new one
    (`new_name`, with its unit type or standard collective)."""

    phrase: str
    resolution: Resolution
    entry_id: int | None = None
    new_name: str = ""
    unit_type: UnitType = UnitType.KHAC
    collective_code: str = ""
    note: str = ""

    @property
    def target_name(self) -> str:
        return self.new_name or self.phrase


def _key(text: str) -> str:
    return _words(text)


def classify_phrase(
    phrase: str,
    entries: Sequence[DirectoryEntry],
    own_name: str = "",
    own_abbreviation: str = "",
    place: str = "",
) -> PhraseChoice:
    """What a plan's assignment phrase is, given what the directory holds:
    a known spelling first, then a near-duplicate or abbreviation of a unit, the Sở
    itself or a standard collective (giao chung), an outside body, else "chưa rõ"
    with the unit type the name suggests."""
    key = _key(phrase)
    for entry in entries:
        if any(_key(spelling) == key for spelling in entry.spellings()):
            return PhraseChoice(phrase, Resolution(entry.kind.value), entry.id)
    for entry in entries:
        if entry.kind is EntryKind.UNIT:
            reason = _same_unit_reason(phrase, "", entry.name, entry.short_name, place)
            if reason:
                return PhraseChoice(phrase, Resolution.UNIT, entry.id, note=reason)
    if own_name and is_own_department(phrase, own_name, own_abbreviation):
        return _collective_choice(phrase, STANDARD_BY_CODE["all"], entries, "tên của chính Sở: giao chung cho mọi đơn vị")
    standard = standard_collective_of(phrase)
    if standard is not None:
        return _collective_choice(phrase, standard, entries, "")
    if looks_outside(phrase, own_name):
        for entry in entries:
            if entry.kind is EntryKind.OUTSIDE and comparison_key(entry.name, place) == comparison_key(phrase, place):
                return PhraseChoice(phrase, Resolution.OUTSIDE, entry.id)
        return PhraseChoice(phrase, Resolution.OUTSIDE, new_name=tidy_line(phrase))
    return PhraseChoice(phrase, Resolution.UNKNOWN, new_name=tidy_line(phrase), unit_type=infer_unit_type(phrase))


def _collective_choice(
    phrase: str, standard: StandardCollective, entries: Sequence[DirectoryEntry], note: str
) -> PhraseChoice:
    for entry in entries:
        if entry.kind is EntryKind.COLLECTIVE and entry.collective_code == standard.code:
            return PhraseChoice(phrase, Resolution.COLLECTIVE, entry.id, collective_code=standard.code, note=note)
    return PhraseChoice(phrase, Resolution.COLLECTIVE, new_name=standard.name, collective_code=standard.code, note=note)


def standard_code_of(member_types: Iterable[UnitType]) -> str:
    """The standard collective whose rule is exactly these types ('' when none)."""
    wanted = frozenset(member_types)
    for standard in STANDARD_COLLECTIVES:
        if standard.member_types == wanted:
            return standard.code
    return ""
