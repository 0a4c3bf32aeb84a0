"""The exact strings of the official format (Nghị định 30/2020/NĐ-CP, Phụ lục I):
Số/ký hiệu, địa danh and date with their leading-zero rules, Nơi nhận lines,
and small helpers to put user text into reportlab markup safely.
"""

from __future__ import annotations

import re
from datetime import date
from xml.sax.saxutils import escape

from kehoach_desktop.domain.text import nfc, tidy, tidy_line

QUOC_HIEU = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"  # spelled as the decree's rule text has it
TIEU_NGU = "Độc lập - Tự do - Hạnh phúc"

NBSP = "\u00a0"  # reportlab collapses ordinary spaces; blanks to fill by hand need these
NUMBER_GAP = NBSP * 8  # "Số:          /KH-SXD": the Văn thư writes the number here
DAY_GAP = NBSP * 6  # "ngày      tháng      năm 2025"
UNKNOWN_PLACE = "……"
END_MARK = "./."  # the content's last sentence ends with it in every sample form


def esc(text: str | None) -> str:
    """User text made safe for a Paragraph (NFC, & < > escaped)."""
    return escape(nfc(text or ""))


def number_text(number: str | int | None) -> str:
    """The document number: below 10 with a leading 0 ("07"); blank stays blank."""
    text = tidy_line(str(number) if number is not None else "")
    if text.isdigit() and int(text) < 10:
        return f"{int(text):02d}"
    return text


def so_ky_hieu(number: str | int | None, symbol: str) -> str:
    """ "Số: 07/BC-SXD", or "Số:" + a gap + "/BC-SXD" while the number is blank.

    The ký hiệu is in capitals with no spaces; its mixed-case codes (TTr, CTr,
    QyĐ) are kept as typed.
    """
    symbol = re.sub(r"\s+", "", nfc(symbol or "")).lstrip("/")
    number = number_text(number)
    if not number:
        return f"Số:{NUMBER_GAP}/{symbol}"
    return f"Số: {number}/{symbol}"


def split_doc_number(doc_number: str) -> tuple[str, str]:
    """ "15/KH-SXD" → ("15", "KH-SXD"); "/KH-SXD" → ("", "KH-SXD"); "KH-SXD" → ("", "KH-SXD")."""
    text = re.sub(r"\s+", "", nfc(doc_number or ""))
    text = re.sub(r"^(Số|số|SỐ):?", "", text)
    if "/" in text:
        number, symbol = text.split("/", 1)
        return number, symbol
    return "", text


def issuer_code(doc_number: str) -> str:
    """The issuing body's abbreviation from a ký hiệu: "/KH-SNNMT" → "SNNMT"."""
    symbol = split_doc_number(doc_number)[1]
    return symbol.split("-", 1)[1] if "-" in symbol else ""


def day_text(day: int) -> str:
    return f"{day:02d}" if day < 10 else str(day)


def month_text(month: int) -> str:
    """Months 1 and 2 take a leading 0; 3 … 12 do not ("tháng 02", "tháng 3")."""
    return f"{month:02d}" if month in (1, 2) else str(month)


def date_words(issued_on: date | None, year: int | None = None) -> str:
    """ "ngày 05 tháng 3 năm 2025", or the gaps left for the Văn thư."""
    if issued_on:
        return f"ngày {day_text(issued_on.day)} tháng {month_text(issued_on.month)} năm {issued_on.year}"
    return f"ngày{DAY_GAP}tháng{DAY_GAP}năm {year if year else DAY_GAP}".rstrip()


def place_date(place: str, issued_on: date | None, year: int | None = None) -> str:
    """ "Khánh Hòa, ngày 05 tháng 3 năm 2025" (ô 4)."""
    return f"{tidy_line(place) or UNKNOWN_PLACE}, {date_words(issued_on, year)}"


def short_date(day: date | None) -> str:
    return day.strftime("%d/%m/%Y") if day else ""


def year_in(text: str) -> int | None:
    match = re.search(r"(20\d\d)", text or "")
    return int(match[1]) if match else None


def clean_entry(line: str) -> str:
    """A list line without its "- " lead and its ";" / "." end."""
    text = tidy_line(line)
    text = re.sub(r"^[-–—•+]\s*", "", text)
    return re.sub(r"[;.,]+$", "", text).strip()


_ARCHIVE = re.compile(r"^lưu\s*:?\s*", re.IGNORECASE)


def split_archive(lines: list[str]) -> tuple[list[str], str]:
    """Nơi nhận lines as imported → (recipients, the text after "Lưu:")."""
    recipients, archive = [], ""
    for line in lines:
        entry = clean_entry(line)
        if not entry or re.fullmatch(r"nơi nhận\s*:?.*", entry, re.IGNORECASE):
            continue
        if _ARCHIVE.match(entry):
            archive = _ARCHIVE.sub("", entry).strip()
        else:
            recipients.append(entry)
    return recipients, archive


def recipient_lines(recipients: list[str], archive: str, *, as_above: bool = False) -> list[str]:
    """The Nơi nhận list: "- X;" each, the last "- Lưu: VT, ….".

    `as_above` (the document has a Kính gửi) starts it with "- Như trên;".
    """
    entries = [clean_entry(line) for line in recipients]
    entries = [entry for entry in entries if entry]
    if as_above and not (entries and entries[0].lower().startswith("như trên")):
        entries.insert(0, "Như trên")
    archive = clean_entry(_ARCHIVE.sub("", clean_entry(archive))) or "VT"
    return [f"- {entry};" for entry in entries] + [f"- Lưu: {archive}."]


def kinh_gui_lines(names: list[str]) -> list[str]:
    """One recipient: as is. Several: "- A;" … "- B." (dashes aligned by the layout)."""
    entries = [clean_entry(name) for name in names if clean_entry(name)]
    if len(entries) <= 1:
        return entries
    return [f"- {entry};" for entry in entries[:-1]] + [f"- {entries[-1]}."]


def legal_basis_lines(lines: list[str]) -> list[str]:
    """Căn cứ: one per line, each ending ";", the last "."; a line that leads
    into the text ("… ban hành Kế hoạch như sau:") keeps its colon alone."""
    entries = [tidy_line(line).rstrip(" ;.,") for line in lines if clean_entry(line)]
    entries = [re.sub(r"^[-–—•+]\s*", "", entry) for entry in entries]
    out = []
    for index, entry in enumerate(entries):
        if entry.endswith(":"):
            out.append(entry)
        else:
            out.append(entry + (";" if index < len(entries) - 1 else "."))
    return out


def single_punctuation(text: str) -> str:
    """No doubled punctuation: "như sau:." → "như sau:", ".;" → ";", ";;" → ";"
    ("./." and "…" are kept)."""
    previous = None
    while previous != text:
        previous = text
        text = re.sub(r"([:;,])\s*\.(?![/.])", r"\1", text)
        text = re.sub(r"(?<![./])\.\s*([;:,])", r"\1", text)
        text = re.sub(r"([;:,])\s*[;:,]", r"\1", text)
        text = re.sub(r"(?<![./…])\.\.(?![./])", ".", text)
    return text


def lower_first(text: str) -> str:
    """ "Cải thiện và …" → "cải thiện và …" (an acronym at the start stays: "PAR INDEX")."""
    text = tidy_line(text)
    if not text:
        return text
    first = text.split(" ", 1)[0]
    if len(first) > 1 and first.isupper():
        return text
    return text[0].lower() + text[1:]


def without_trailing_year(title: str, year: int) -> str:
    """ "… năm 2025" → "…" when the report's own wording repeats the year."""
    return re.sub(rf"[\s,]*(trong\s+)?năm\s+{year}\s*$", "", tidy_line(title), flags=re.IGNORECASE)


def percent(value: float) -> str:
    """Vietnamese decimal comma: 26,7%."""
    return f"{value:.1f}".replace(".", ",").replace(",0", "") + "%"


def paragraphs(text: str) -> list[str]:
    """Free text → its paragraphs (one per line)."""
    return [line for line in tidy(text).split("\n") if line.strip()]


def with_end_mark(text: str) -> str:
    """The last sentence of the content ends with "./."."""
    text = text.rstrip()
    if text.endswith(END_MARK):
        return text
    return text.rstrip(".;:,") + END_MARK


def inline_markup(text: str) -> str:
    """Escaped text with **bold** (as the importers keep it) turned into <b>."""
    return re.sub(r"\*\*(.+?)\*\*", r"<b>\1</b>", esc(text))


def upper(text: str) -> str:
    return nfc(nfc(text).upper())
