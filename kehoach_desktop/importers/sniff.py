"""What kind of file the user gave: decided by its bytes, never by its extension.

`detect(path)` answers "docx", "xlsx", "pdf", "doc", "xls" or "text", or raises `ImportFailed` with a
Vietnamese message saying what the file is and how to turn it into something
the program reads (a password-protected file, an image, an OpenDocument file, a
damaged or suspicious ZIP ...).

`inspect_package(path)` holds the safety checks every Office file passes
before a library parses it, so the .docx and .xlsx readers call it too:
- the ZIP's central directory is checked from its end record first (entry
  count, directory size), so a ZIP with millions of entries is refused before
  `zipfile` builds them all;
- every member's *declared* uncompressed size is checked (Python's zipfile
  never inflates a member past its declared size, so these numbers bound the
  memory the libraries can use);
- every XML part's prolog is read (at most 1 MB) and a `<!DOCTYPE` is refused:
  Word and Excel never write one, and it is how entity bombs and the
  external-entity trick (text silently blank) get in. The prolog is inflated a
  few kB at a time until its end is seen, not the whole megabyte: a real part's
  root element starts within its first hundred bytes.
"""

from __future__ import annotations

import codecs
import re
import struct
import zipfile
from dataclasses import dataclass
from pathlib import Path

import defusedxml.ElementTree as SafeET

from kehoach_desktop.importers.base import ImportFailed

# --- limits (a real plan is well under 1 MB; these are a thousand times that) ---
MAX_TOTAL_UNCOMPRESSED = 200 * 1024 * 1024  # the whole package, declared
MAX_XML_PART = 50 * 1024 * 1024  # one XML part, declared: lxml/openpyxl hold it whole
MAX_RATIO = 100  # compressed → uncompressed, suspicious above this ...
RATIO_MIN_SIZE = 1024 * 1024  # ... for parts bigger than this (small parts are harmless)
MAX_ENTRIES = 10_000
MAX_CENTRAL_DIRECTORY = 8 * 1024 * 1024
MAX_TEXT_FILE = 20 * 1024 * 1024  # a pasted/extracted plan is a few hundred kB
PROLOG_LIMIT = 1024 * 1024
PROLOG_FIRST_READ = 4096  # then doubled while the prolog has not ended

HEAD_SIZE = 64 * 1024

ZIP_SIGNATURES = (b"PK\x03\x04",)
EMPTY_ZIP_SIGNATURES = (b"PK\x05\x06", b"PK\x07\x08")
OLE_SIGNATURE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"

DOCX_MAIN_TYPES = {
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml",
    "application/vnd.ms-word.document.macroEnabled.main+xml",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.template.main+xml",
    "application/vnd.ms-word.template.macroEnabledTemplate.main+xml",
}
XLSX_MAIN_TYPES = {
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml",
    "application/vnd.ms-excel.sheet.macroEnabled.main+xml",
    "application/vnd.openxmlformats-officedocument.spreadsheetml.template.main+xml",
    "application/vnd.ms-excel.template.macroEnabled.main+xml",
}
XLSB_MAIN_TYPE = "application/vnd.ms-excel.sheet.binary.macroEnabled.main"
PPTX_MARK = "presentationml"
CT_NS = "{http://schemas.openxmlformats.org/package/2006/content-types}"

SAVE_AS_DOCX = "Tệp → Lưu thành (File → Save As) → kiểu «Tài liệu Word (*.docx)»"
SAVE_AS_XLSX = "Tệp → Lưu thành (File → Save As) → kiểu «Sổ làm việc Excel (*.xlsx)»"


@dataclass(frozen=True)
class PackageInfo:
    """An Office Open XML package that passed the safety checks."""

    kind: str  # "docx" or "xlsx"
    main_part: str  # "word/document.xml" / "xl/workbook.xml"
    names: tuple[str, ...]


# ---------------------------------------------------------------- messages


def _named(path: Path) -> str:
    return f"«{path.name}»"


def fail(path: Path, reason: str) -> ImportFailed:
    """The one shape of message: which file, then what is wrong and what to do."""
    return ImportFailed(f"Không nhập được tệp {_named(path)}: {reason}")


def corrupt_message(path: Path, kind: str) -> ImportFailed:
    app = {"docx": "Word", "xlsx": "Excel"}.get(kind, "Word hoặc Excel")
    what = f".{kind}" if kind in ("docx", "xlsx") else "Word/Excel"
    return fail(
        path,
        f"tệp {what} bị hỏng hoặc không đọc được (có thể tệp chưa tải về hết hoặc bị "
        f"cắt ngang). Hãy mở tệp bằng {app}; nếu mở được, lưu lại thành tệp mới rồi nhập "
        "tệp đó.",
    )


def wrong_kind_message(path: Path, found: str, wanted: str) -> ImportFailed:
    names = {
        "docx": "tài liệu Word (.docx)",
        "xlsx": "bảng tính Excel (.xlsx)",
        "text": "văn bản",
        "zip": "tài liệu Word (.docx) hay bảng tính Excel (.xlsx)",
    }
    return fail(
        path,
        f"nội dung tệp là {names.get(found, found)}, không phải {names.get(wanted, wanted)}. "
        "Hãy chọn lại tệp hoặc đổi tên cho đúng đuôi.",
    )


# ---------------------------------------------------------------- detect


def detect(path: Path) -> str:
    """"docx", "xlsx", "pdf", "doc", "xls" or "text" by the file's content; ImportFailed otherwise."""
    path = Path(path)
    head = _read_head(path, HEAD_SIZE)
    if not head:
        raise fail(path, "tệp rỗng (0 byte), không có nội dung để nhập.")
    if head.startswith(ZIP_SIGNATURES):
        return inspect_package(path).kind
    if head.startswith(EMPTY_ZIP_SIGNATURES):
        raise fail(path, "tệp là một tệp nén ZIP rỗng, không phải tài liệu Word hay Excel.")
    if head.startswith(OLE_SIGNATURE):
        return _old_office_kind(path)
    if b"%PDF-" in head[:1024]:
        return "pdf"
    binary_message = _known_binary_message(path, head)
    if binary_message:
        raise binary_message
    text = _decode_head(head)
    if text is None:
        raise fail(
            path,
            "tệp không phải tài liệu Word (.docx), bảng tính Excel (.xlsx) hay văn bản thuần; "
            "chương trình không đọc được loại tệp này. Hãy mở kế hoạch bằng Word hoặc Excel và "
            "lưu thành .docx hoặc .xlsx.",
        )
    markup_message = _markup_message(path, text)
    if markup_message:
        raise markup_message
    if not text.strip("\ufeff \t\r\n\x0b\x0c"):
        raise fail(path, "tệp chỉ có khoảng trắng, không có nội dung để nhập.")
    if _file_size(path) > MAX_TEXT_FILE:
        raise fail(
            path,
            f"tệp văn bản quá lớn ({_megabytes(_file_size(path))}); một kế hoạch chỉ vài trăm kB. "
            "Hãy chép riêng bảng nhiệm vụ ra tệp khác rồi nhập.",
        )
    return "text"


def _read_head(path: Path, size: int) -> bytes:
    try:
        with open(path, "rb") as handle:
            return handle.read(size)
    except OSError as exc:
        raise _os_error(path, exc) from exc


def _file_size(path: Path) -> int:
    try:
        return path.stat().st_size
    except OSError as exc:
        raise _os_error(path, exc) from exc


def _os_error(path: Path, exc: OSError) -> ImportFailed:
    if isinstance(exc, FileNotFoundError):
        return fail(path, "không tìm thấy tệp; có thể tệp đã bị xóa hoặc đổi tên.")
    if isinstance(exc, IsADirectoryError):
        return fail(path, "đây là một thư mục, không phải tệp.")
    if isinstance(exc, PermissionError):
        return fail(
            path,
            "không có quyền đọc tệp, hoặc tệp đang mở trong chương trình khác. "
            "Hãy đóng tệp trong Word/Excel rồi thử lại.",
        )
    return fail(path, f"không đọc được tệp (lỗi hệ thống: {exc.strerror or exc}).")


def _megabytes(size: int) -> str:
    return f"{size / (1024 * 1024):,.0f} MB".replace(",", ".")


# ---------------------------------------------------------------- other formats

_IMAGE_SIGNATURES = (
    (b"\x89PNG\r\n\x1a\n", "PNG"),
    (b"\xff\xd8\xff", "JPEG"),
    (b"GIF87a", "GIF"),
    (b"GIF89a", "GIF"),
    (b"II*\x00", "TIFF"),
    (b"MM\x00*", "TIFF"),
)

_OTHER_BINARIES = (
    (b"\x1f\x8b", "tệp nén GZIP"),
    (b"7z\xbc\xaf\x27\x1c", "tệp nén 7-Zip"),
    (b"Rar!\x1a\x07", "tệp nén RAR"),
    (b"MZ", "chương trình Windows (.exe)"),
    (b"\x7fELF", "chương trình"),
)


def _known_binary_message(path: Path, head: bytes) -> ImportFailed | None:
    if head.lstrip(b"\xef\xbb\xbf \r\n").startswith(b"{\\rtf"):
        return fail(
            path,
            f"đây là tệp RTF. Hãy mở bằng Word rồi lưu lại: {SAVE_AS_DOCX}, sau đó nhập tệp .docx.",
        )
    image = _image_kind(head)
    if image:
        return fail(
            path,
            f"đây là một ảnh ({image}); chương trình không đọc chữ trong ảnh. Hãy dùng tệp Word "
            "hoặc Excel gốc của kế hoạch, hoặc chép bảng nhiệm vụ và dán vào cửa sổ Nhập kế hoạch.",
        )
    for signature, name in _OTHER_BINARIES:
        if head.startswith(signature):
            return fail(
                path,
                f"đây là {name}, không phải tài liệu Word (.docx), bảng tính Excel (.xlsx) hay "
                "văn bản. Hãy chọn tệp kế hoạch.",
            )
    return None


def _image_kind(head: bytes) -> str | None:
    for signature, name in _IMAGE_SIGNATURES:
        if head.startswith(signature):
            return name
    if head.startswith(b"RIFF") and head[8:12] == b"WEBP":
        return "WEBP"
    if head[4:12] in (b"ftypheic", b"ftypheix", b"ftypmif1", b"ftypavif"):
        return "HEIC/AVIF"
    if head.startswith(b"BM") and len(head) >= 14 and head[6:10] == b"\x00\x00\x00\x00":
        return "BMP"
    return None


def _markup_message(path: Path, text: str) -> ImportFailed | None:
    """Whole HTML pages and Office 2003 XML files, often saved with a .xls/.doc name
    by other software: not plain text, and not what the text reader understands."""
    start = text.lstrip("\ufeff \t\r\n")[:2048].lower()
    if "urn:schemas-microsoft-com:office:spreadsheet" in start or 'progid="excel.sheet"' in start:
        return fail(
            path,
            f"đây là bảng tính dạng XML của Excel 2003. Hãy mở bằng Excel và lưu lại: {SAVE_AS_XLSX}.",
        )
    if 'progid="word.document"' in start or "schemas.microsoft.com/office/word/2003" in start:
        return fail(
            path,
            f"đây là tài liệu dạng XML của Word 2003. Hãy mở bằng Word và lưu lại: {SAVE_AS_DOCX}.",
        )
    if start.startswith(("<!doctype html", "<html")) or (
        start.startswith("<?xml") and "<html" in start
    ):
        return fail(
            path,
            "đây là một trang web (HTML), thường do phần mềm khác xuất ra dưới tên .xls/.doc. "
            f"Hãy mở tệp bằng Excel hoặc Word rồi lưu lại ({SAVE_AS_XLSX} hoặc .docx), hoặc chép "
            "bảng nhiệm vụ và dán vào cửa sổ Nhập kế hoạch.",
        )
    return None


# ---------------------------------------------------------------- text


def _decode_head(head: bytes) -> str | None:
    """The head as text when the file is plain text; None when it is binary."""
    if head.startswith(codecs.BOM_UTF8):
        text = _decode_prefix(head[3:], "utf-8")
    elif head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        text = _decode_prefix(head, "utf-16")
    elif b"\x00" in head:
        return None
    else:
        # Not UTF-8: a legacy 8-bit encoding (Windows-1258, TCVN3 ...) is still text;
        # the text reader decides how to decode it. Latin-1 never fails here.
        text = _decode_prefix(head, "utf-8")
        if text is None:
            text = head.decode("latin-1")
    if text is None:
        return None
    return text if _few_control_characters(text) else None


def _decode_prefix(data: bytes, encoding: str) -> str | None:
    """Decode a prefix of a file that may end in the middle of a character."""
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as exc:
        if exc.start >= len(data) - 4 and exc.reason in ("unexpected end of data", "truncated data"):
            return data[: exc.start].decode(encoding, errors="strict")
        return None


_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f]")


def _few_control_characters(text: str) -> bool:
    if not text:
        return True
    return len(_CONTROL.findall(text)) <= max(2, len(text) // 100)


# ---------------------------------------------------------------- OLE (old Office, encrypted OOXML)


def _old_office_kind(path: Path) -> str:
    """"doc" or "xls" for a Word 97–2003 / Excel 97–2003 file (read through
    LibreOffice where it is installed: office_convert.py); ImportFailed for an
    encrypted package or another OLE file."""
    names = ole_stream_names(path)
    if not {"EncryptionInfo", "EncryptedPackage"} & names:
        if "WordDocument" in names:
            return "doc"
        if {"Workbook", "Book"} & names:
            return "xls"
    raise _ole_message(path, names)


def old_office_message(path: Path, kind: str) -> ImportFailed:
    """A .doc / .xls on a machine without LibreOffice: how to save it as .docx / .xlsx."""
    if kind == "doc":
        return fail(
            path,
            "đây là tài liệu Word đời cũ (.doc). Máy này không có LibreOffice để tự chuyển tệp, nên "
            f"hãy mở tệp bằng Word rồi lưu lại: {SAVE_AS_DOCX}, sau đó nhập tệp .docx vừa lưu.",
        )
    return fail(
        path,
        "đây là bảng tính Excel đời cũ (.xls). Máy này không có LibreOffice để tự chuyển tệp, nên "
        f"hãy mở tệp bằng Excel rồi lưu lại: {SAVE_AS_XLSX}, sau đó nhập tệp .xlsx vừa lưu.",
    )


def _ole_message(path: Path, names: set[str]) -> ImportFailed:
    if {"EncryptionInfo", "EncryptedPackage"} & names:
        return fail(
            path,
            "tệp được bảo vệ bằng mật khẩu; chương trình không mở được tệp đã mã hóa. "
            "Hãy mở bằng Word/Excel (nhập mật khẩu), bỏ mật khẩu (Tệp → Thông tin → Bảo vệ → "
            "Mã hóa bằng mật khẩu, xóa mật khẩu) rồi lưu lại và nhập tệp đó.",
        )
    if "PowerPoint Document" in names:
        return fail(path, "đây là bản trình chiếu PowerPoint, không phải kế hoạch Word hay Excel.")
    return fail(
        path,
        "đây là tệp Office đời cũ hoặc đã mã hóa mà chương trình không đọc được. Hãy mở tệp "
        "bằng Word hoặc Excel, bỏ mật khẩu nếu có, rồi lưu thành .docx hoặc .xlsx.",
    )


_FREE_OR_END = 0xFFFFFFFA  # sector numbers from here up are markers, not sectors


def ole_stream_names(path: Path) -> set[str]:
    """Names of the storages and streams in an OLE compound file.

    Reads the header, the FAT sectors it needs and the directory chain only, with
    every loop bounded; a damaged file falls back to looking for the UTF-16 names
    in its first megabytes.
    """
    try:
        with open(path, "rb") as handle:
            return _OleDirectory(handle).names()
    except (OSError, ValueError, struct.error):
        return _scan_for_stream_names(path)


class _OleDirectory:
    MAX_SECTORS = 20_000

    def __init__(self, handle) -> None:
        self.handle = handle
        header = handle.read(512)
        if len(header) < 512 or not header.startswith(OLE_SIGNATURE):
            raise ValueError("not an OLE header")
        shift = struct.unpack_from("<H", header, 0x1E)[0]
        if shift not in (9, 12):
            raise ValueError("bad sector size")
        self.sector_size = 1 << shift
        self.first_dir = struct.unpack_from("<I", header, 0x30)[0]
        first_difat, difat_count = struct.unpack_from("<II", header, 0x44)
        fat = [s for s in struct.unpack_from("<109I", header, 0x4C) if s < _FREE_OR_END]
        self.fat_sectors = fat + self._difat_chain(first_difat, difat_count)

    def _sector(self, number: int) -> bytes:
        self.handle.seek((number + 1) * self.sector_size)
        data = self.handle.read(self.sector_size)
        if len(data) < self.sector_size:
            raise ValueError("sector past the end of the file")
        return data

    def _difat_chain(self, sector: int, count: int) -> list[int]:
        entries: list[int] = []
        per_sector = self.sector_size // 4
        for _ in range(min(count, 1000)):
            if sector >= _FREE_OR_END:
                break
            values = struct.unpack(f"<{per_sector}I", self._sector(sector))
            entries.extend(s for s in values[:-1] if s < _FREE_OR_END)
            sector = values[-1]
        return entries

    def _next(self, sector: int) -> int:
        per_sector = self.sector_size // 4
        index, offset = divmod(sector, per_sector)
        if index >= len(self.fat_sectors):
            raise ValueError("sector outside the FAT")
        return struct.unpack_from("<I", self._sector(self.fat_sectors[index]), offset * 4)[0]

    def names(self) -> set[str]:
        found: set[str] = set()
        seen: set[int] = set()
        sector = self.first_dir
        while sector < _FREE_OR_END and sector not in seen and len(seen) < self.MAX_SECTORS:
            seen.add(sector)
            data = self._sector(sector)
            for start in range(0, self.sector_size, 128):
                entry = data[start : start + 128]
                name_length = struct.unpack_from("<H", entry, 64)[0]
                kind = entry[66]
                if kind in (1, 2, 5) and 2 <= name_length <= 64:
                    found.add(entry[: name_length - 2].decode("utf-16-le", errors="replace"))
            sector = self._next(sector)
        if not found:
            raise ValueError("empty directory")
        return found


def _scan_for_stream_names(path: Path) -> set[str]:
    wanted = ("EncryptionInfo", "EncryptedPackage", "WordDocument", "Workbook", "PowerPoint Document")
    try:
        with open(path, "rb") as handle:
            data = handle.read(8 * 1024 * 1024)
    except OSError:
        return set()
    return {name for name in wanted if name.encode("utf-16-le") in data}


# ---------------------------------------------------------------- ZIP packages


def inspect_package(path: Path) -> PackageInfo:
    """Check an Office Open XML package before any library parses it (see module doc)."""
    path = Path(path)
    head = _read_head(path, HEAD_SIZE)
    if not head.startswith(ZIP_SIGNATURES):
        # Not a package at all: say what it is, as detect() would.
        kind = detect(path)
        raise wrong_kind_message(path, kind, _guess_kind(path))
    _check_end_record(path)
    try:
        with zipfile.ZipFile(path) as archive:
            infos = archive.infolist()
            _check_sizes(path, infos)
            names = tuple(info.filename for info in infos)
            kind, main_part = _package_kind(path, archive, set(names))
            for info in infos:
                if _is_xml_part(info.filename):
                    _check_prolog(path, archive, info)
    except ImportFailed:
        raise
    except OSError as exc:
        if exc.errno is not None:  # the disk or the file system, not the file's content
            raise _os_error(path, exc) from exc
        raise corrupt_message(path, _guess_kind(path)) from exc
    except Exception as exc:  # BadZipFile, EOFError, zlib.error ...: a damaged package
        raise corrupt_message(path, _guess_kind(path)) from exc
    return PackageInfo(kind, main_part, names)


def _guess_kind(path: Path) -> str:
    suffix = path.suffix.lower().lstrip(".")
    return suffix if suffix in ("docx", "xlsx") else "zip"


def _check_end_record(path: Path) -> None:
    """Refuse, from the ZIP's end record alone, a directory too big to list."""
    size = _file_size(path)
    tail_size = min(size, 65_536 + 22)
    try:
        with open(path, "rb") as handle:
            handle.seek(size - tail_size)
            tail = handle.read(tail_size)
            position = tail.rfind(b"PK\x05\x06")
            if position < 0 or len(tail) - position < 22:
                raise corrupt_message(path, _guess_kind(path))
            entries, directory_size = struct.unpack_from("<HI", tail, position + 10)[0], \
                struct.unpack_from("<I", tail, position + 12)[0]
            if entries == 0xFFFF or directory_size == 0xFFFFFFFF:
                entries, directory_size = _zip64_counts(handle, size - tail_size + position)
    except OSError as exc:
        raise _os_error(path, exc) from exc
    if entries > MAX_ENTRIES or directory_size > MAX_CENTRAL_DIRECTORY:
        raise fail(
            path,
            f"tệp nén có {entries:,} thành phần".replace(",", ".")
            + ", nhiều bất thường so với một tài liệu Word/Excel; chương trình không đọc để tránh "
            "treo máy. Hãy mở bằng Word/Excel và lưu lại thành tệp mới.",
        )


def _zip64_counts(handle, end_record_offset: int) -> tuple[int, int]:
    locator_offset = end_record_offset - 20
    if locator_offset < 0:
        return 0, 0
    handle.seek(locator_offset)
    locator = handle.read(20)
    if not locator.startswith(b"PK\x06\x07"):
        return 0, 0
    record_offset = struct.unpack_from("<Q", locator, 8)[0]
    handle.seek(record_offset)
    record = handle.read(56)
    if not record.startswith(b"PK\x06\x06") or len(record) < 56:
        return 0, 0
    entries, directory_size = struct.unpack_from("<QQ", record, 32)
    return entries, directory_size


def _check_sizes(path: Path, infos: list[zipfile.ZipInfo]) -> None:
    total = 0
    for info in infos:
        if info.flag_bits & 0x1:
            raise fail(
                path,
                "các thành phần trong tệp bị mã hóa (tệp nén có mật khẩu). Hãy mở bằng Word/Excel, "
                "bỏ mật khẩu rồi lưu lại.",
            )
        if info.compress_type not in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED):
            raise corrupt_message(path, _guess_kind(path))
        total += info.file_size
        ratio = info.file_size / max(info.compress_size, 1)
        too_big = _is_xml_part(info.filename) and info.file_size > MAX_XML_PART
        too_dense = info.file_size > RATIO_MIN_SIZE and ratio > MAX_RATIO
        if too_big or too_dense or total > MAX_TOTAL_UNCOMPRESSED:
            raise fail(
                path,
                f"tệp khai báo dung lượng giải nén bất thường (phần «{info.filename}»: "
                f"{_megabytes(info.file_size)} từ {_megabytes(info.compress_size)} nén); có thể tệp "
                "bị hỏng hoặc được tạo ra để làm treo máy, nên chương trình không đọc. Một kế hoạch "
                "thật chỉ vài trăm kB.",
            )


def _is_xml_part(name: str) -> bool:
    return name.lower().endswith((".xml", ".rels", ".vml"))


def _package_kind(path: Path, archive: zipfile.ZipFile, names: set[str]) -> tuple[str, str]:
    if "mimetype" in names:
        raise _opendocument_message(path, archive.read("mimetype")[:100])
    main_types = _main_content_types(path, archive, names)
    for part, content_type in main_types.items():
        if content_type in DOCX_MAIN_TYPES:
            return "docx", part
        if content_type in XLSX_MAIN_TYPES:
            return "xlsx", part
        if content_type == XLSB_MAIN_TYPE:
            raise fail(
                path,
                f"đây là bảng tính Excel dạng nhị phân (.xlsb). Hãy mở bằng Excel và lưu lại: "
                f"{SAVE_AS_XLSX}.",
            )
    if "word/document.xml" in names:
        return "docx", "word/document.xml"
    if "xl/workbook.xml" in names:
        return "xlsx", "xl/workbook.xml"
    if any(PPTX_MARK in value for value in main_types.values()) or "ppt/presentation.xml" in names:
        raise fail(path, "đây là bản trình chiếu PowerPoint, không phải kế hoạch Word hay Excel.")
    raise fail(
        path,
        "tệp là một tệp nén ZIP nhưng không phải tài liệu Word (.docx) hay bảng tính Excel "
        "(.xlsx). Hãy chọn tệp kế hoạch gốc.",
    )


def _main_content_types(path: Path, archive: zipfile.ZipFile, names: set[str]) -> dict[str, str]:
    """{part name: content type} of the Override entries that name a main document."""
    if "[Content_Types].xml" not in names:
        return {}
    info = archive.getinfo("[Content_Types].xml")
    _check_prolog(path, archive, info)
    try:
        root = SafeET.fromstring(archive.read(info), forbid_dtd=True)
    except Exception:  # a broken manifest: fall back on the conventional part names
        return {}
    found: dict[str, str] = {}
    for override in root.iter(f"{CT_NS}Override"):
        content_type = override.get("ContentType", "")
        if "main" in content_type or PPTX_MARK in content_type:
            found[override.get("PartName", "").lstrip("/")] = content_type
    return found


def _opendocument_message(path: Path, mimetype: bytes) -> ImportFailed:
    kind = mimetype.decode("ascii", errors="replace")
    if "opendocument.spreadsheet" in kind:
        return fail(
            path,
            "đây là bảng tính OpenDocument (.ods, LibreOffice/OpenOffice). Hãy mở bằng "
            "LibreOffice Calc hoặc Excel và lưu thành «Excel 2007-365 (.xlsx)».",
        )
    if "opendocument.text" in kind:
        return fail(
            path,
            "đây là văn bản OpenDocument (.odt, LibreOffice/OpenOffice). Hãy mở bằng "
            "LibreOffice Writer hoặc Word và lưu thành «Word 2007-365 (.docx)».",
        )
    return fail(
        path,
        "đây là tệp OpenDocument (LibreOffice/OpenOffice), không phải .docx hay .xlsx. Hãy mở "
        "bằng LibreOffice hoặc Word/Excel và lưu thành .docx hoặc .xlsx.",
    )


_XML_DECL = re.compile(r"<\?.*?\?>", re.S)
_COMMENT = re.compile(r"<!--.*?-->", re.S)


def _check_prolog(path: Path, archive: zipfile.ZipFile, info: zipfile.ZipInfo) -> None:
    """Refuse an XML part whose prolog declares a DOCTYPE (or is not XML at all)."""
    with archive.open(info) as stream:
        data = _read_prolog(stream)
    if not data.strip():
        return  # an empty part: the library decides whether it matters
    text = _decode_xml_prefix(data)
    position = 0
    while True:
        while position < len(text) and text[position] in "\ufeff \t\r\n":
            position += 1
        if text.startswith("<?", position):
            match = _XML_DECL.match(text, position)
        elif text.startswith("<!--", position):
            match = _COMMENT.match(text, position)
        elif text.startswith("<!", position):
            raise fail(
                path,
                f"phần «{info.filename}» của tệp có khai báo DOCTYPE/ENTITY mà Word và Excel không "
                "bao giờ tạo ra; kiểu tệp này có thể làm treo máy hoặc giấu nội dung, nên chương "
                "trình không đọc. Hãy mở tệp bằng Word/Excel, chép nội dung sang tệp mới và lưu lại.",
            )
        elif text.startswith("<", position):
            return  # the root element: the prolog is clean
        else:
            raise corrupt_message(path, _guess_kind(path))
        if match is None:
            raise corrupt_message(path, _guess_kind(path))
        position = match.end()


def _read_prolog(stream) -> bytes:
    """The part's first bytes: up to PROLOG_LIMIT, or fewer once the prolog has
    visibly ended (the verdict on those bytes is then the verdict on the limit)."""
    data = stream.read(PROLOG_FIRST_READ)
    while len(data) < PROLOG_LIMIT and not _prolog_settled(data):
        more = stream.read(min(len(data), PROLOG_LIMIT - len(data)))
        if not more:
            break
        data += more
    return data


# Characters the scan must see past the point where the prolog ends: "<!--"
# needs 4, and the last bytes read may be half a character, decoded as U+FFFD.
_SETTLED_MARGIN = 8


def _prolog_settled(data: bytes) -> bool:
    """Whether reading more of the part could not change _check_prolog's verdict:
    the scan reached the root element, a DOCTYPE or a stray character with room
    to spare, rather than the end of what was read."""
    text = _decode_xml_prefix(data)
    position = 0
    while True:
        while position < len(text) and text[position] in "\ufeff \t\r\n":
            position += 1
        if position + _SETTLED_MARGIN > len(text):
            return False
        if text.startswith("<?", position):
            match = _XML_DECL.match(text, position)
        elif text.startswith("<!--", position):
            match = _COMMENT.match(text, position)
        else:
            return True  # "<!DOCTYPE", the root element, or not XML: decided here
        if match is None:
            return False  # a declaration or comment not closed yet
        position = match.end()


def _decode_xml_prefix(data: bytes) -> str:
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        encoding = "utf-16"
    elif data.startswith(b"<\x00"):
        encoding = "utf-16-le"
    elif data.startswith(b"\x00<"):
        encoding = "utf-16-be"
    else:
        encoding = "utf-8"
    return data.decode(encoding, errors="replace")
