"""The corpus of bad plan files in this folder, and the big ones made at test time.

Each committed file is small; how it was made is below, so it can be rebuilt:

    python tests/data/bad/corpus.py

The big files (a sheet with 100,000 real rows, a ZIP bomb) are not committed:
`make_big(folder)` writes them where a test wants them.
"""

from __future__ import annotations

import io
import os
import struct
import sys
import zipfile
import zlib
from pathlib import Path

HERE = Path(__file__).resolve().parent
SAMPLES = HERE.parent / "samples"
SAMPLE = "004_38c702dbea58b40f"

OLE_SIGNATURE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"

# A billion-laughs entity bomb: 10^9 "lol" if an XML parser expanded it.
BOMB_DOCTYPE = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<!DOCTYPE lolz [<!ENTITY lol "lol">'
    + "".join(
        f'<!ENTITY lol{i} "{("&lol" + (str(i - 1) if i > 1 else "") + ";") * 10}">' for i in range(1, 10)
    )
    + "]>\n"
)

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
DOCX_TYPES = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/word/document.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>'
    "</Types>"
)
DOCX_RELS = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/'
    'officeDocument" Target="word/document.xml"/></Relationships>'
)


# ---------------------------------------------------------------- committed files


def empty() -> bytes:
    return b""


def truncated(suffix: str) -> bytes:
    """The first half of a real plan: a download cut short."""
    data = (SAMPLES / f"{SAMPLE}{suffix}").read_bytes()
    return data[: len(data) // 2]


def pdf_renamed() -> bytes:
    """A real (tiny) PDF, saved with a .docx name."""
    from reportlab.pdfgen import canvas

    out = io.BytesIO()
    page = canvas.Canvas(out, pageCompression=1)
    page.drawString(72, 720, "KE HOACH Cai cach hanh chinh nam 2025")
    page.save()
    return out.getvalue()


def png_renamed() -> bytes:
    """A real 8x8 PNG (a photo of the plan, say), saved with a .xlsx name."""
    width = height = 8
    raw = b"".join(b"\x00" + b"\xff\xff\xff" * width for _ in range(height))

    def chunk(kind: bytes, body: bytes) -> bytes:
        return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body) & 0xFFFFFFFF)

    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(raw)) + chunk(b"IEND", b"")


def encrypted() -> bytes:
    """What Word/Excel save for a password-protected file: an OLE compound file holding
    EncryptionInfo (agile encryption 4.4, XML descriptor) and EncryptedPackage."""
    descriptor = (
        b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n'
        b'<encryption xmlns="http://schemas.microsoft.com/office/2006/encryption">'
        b'<keyData saltSize="16" blockSize="16" keyBits="256" hashSize="64" cipherAlgorithm="AES" '
        b'cipherChaining="ChainingModeCBC" hashAlgorithm="SHA512"/></encryption>'
    )
    package = struct.pack("<Q", 600) + bytes((n * 37) % 251 for n in range(608))  # stands in for ciphertext
    return ole_file({"EncryptionInfo": struct.pack("<HHI", 4, 4, 0x40) + descriptor, "EncryptedPackage": package})


def docx_bomb() -> bytes:
    body = (
        f'<w:document xmlns:w="{W_NS}"><w:body><w:p><w:r><w:t>KẾ HOẠCH &lol9;</w:t></w:r></w:p>'
        "</w:body></w:document>"
    )
    return zipped({"[Content_Types].xml": DOCX_TYPES, "_rels/.rels": DOCX_RELS,
                   "word/document.xml": BOMB_DOCTYPE + body})  # fmt: skip


def xlsx_bomb() -> bytes:
    sheet = sheet_xml('<row r="1"><c r="A1" t="inlineStr"><is><t>&lol9;</t></is></c></row>')
    return with_sheet(small_workbook(), BOMB_DOCTYPE + sheet.split("?>", 1)[1])


def xlsx_declared_huge() -> bytes:
    """A sheet whose dimension (and last row) says a million rows: only two are there."""
    rows = (
        '<row r="1"><c r="A1" t="inlineStr"><is><t>TT</t></is></c>'
        '<c r="B1" t="inlineStr"><is><t>Nội dung</t></is></c></row>'
        '<row r="1000000"><c r="A1000000" t="inlineStr"><is><t>x</t></is></c></row>'
    )
    return with_sheet(small_workbook(), sheet_xml(rows, "A1:XFD1048576"))


COMMITTED = {
    "rong.docx": empty,
    "rong.xlsx": empty,
    "cat-ngang.docx": lambda: truncated(".docx"),
    "cat-ngang.xlsx": lambda: truncated(".xlsx"),
    "pdf-doi-ten.docx": pdf_renamed,
    "anh-doi-ten.xlsx": png_renamed,
    "mat-khau.docx": encrypted,
    "mat-khau.xlsx": encrypted,
    "bom-thuc-the.docx": docx_bomb,
    "bom-thuc-the.xlsx": xlsx_bomb,
    "khai-trieu-dong.xlsx": xlsx_declared_huge,
}


# ---------------------------------------------------------------- big files, made at test time


def xlsx_many_rows(rows: int = 100_000) -> bytes:
    """A sheet that really has `rows` rows (and says so)."""
    body = "".join(
        f'<row r="{n}"><c r="A{n}"><v>{n}</v></c><c r="B{n}" t="inlineStr"><is><t>Nhiệm vụ {n}</t></is></c></row>'
        for n in range(1, rows + 1)
    )
    return with_sheet(small_workbook(), sheet_xml(body, f"A1:B{rows}"))


def docx_zip_bomb(megabytes: int = 200) -> bytes:
    """A real plan with one part of `megabytes` of zeros, compressed about 1000 to 1."""
    out = io.BytesIO()
    with zipfile.ZipFile(SAMPLES / f"{SAMPLE}.docx") as old, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as new:
        for info in old.infolist():
            new.writestr(info.filename, old.read(info.filename))
        with new.open("word/media/image99.png", "w", force_zip64=True) as stream:
            chunk = b"\0" * (1 << 20)
            for _ in range(megabytes):
                stream.write(chunk)
    return out.getvalue()


GENERATED = {
    "tram-nghin-dong.xlsx": xlsx_many_rows,
    "bom-nen.docx": docx_zip_bomb,
}


def make_big(folder: Path) -> dict[str, Path]:
    folder.mkdir(parents=True, exist_ok=True)
    made = {}
    for name, build in GENERATED.items():
        path = folder / name
        path.write_bytes(build())
        made[name] = path
    return made


# ---------------------------------------------------------------- helpers


def zipped(parts: dict[str, str | bytes]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, content in parts.items():  # a fixed date: the same bytes at every build
            archive.writestr(zipfile.ZipInfo(name, date_time=(2025, 1, 1, 0, 0, 0)), content, zipfile.ZIP_DEFLATED)
    return out.getvalue()


def small_workbook() -> bytes:
    """A genuine little plan workbook, as openpyxl writes it."""
    import openpyxl

    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Phụ lục"
    sheet.append(["TT", "Nội dung", "Thời hạn", "Đơn vị chủ trì"])
    sheet.append(["I", "CẢI CÁCH THỦ TỤC HÀNH CHÍNH"])
    sheet.append([1, "Rà soát thủ tục hành chính", "Quý III/2025", "Văn phòng Sở"])
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def with_sheet(workbook: bytes, sheet: str) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(workbook)) as old, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as new:
        for info in old.infolist():
            data = sheet.encode("utf-8") if info.filename == "xl/worksheets/sheet1.xml" else old.read(info.filename)
            new.writestr(info.filename, data)
    return out.getvalue()


def sheet_xml(rows: str, dimension: str = "A1:D3") -> str:
    return (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
        f'<dimension ref="{dimension}"/><sheetData>{rows}</sheetData></worksheet>'
    )


def ole_file(streams: dict[str, bytes]) -> bytes:
    """A minimal OLE compound file (version 3, 512-byte sectors): sector 0 the FAT,
    sector 1 the directory, then each stream, padded past the 4096-byte mini-stream
    cutoff so that it lives in regular sectors."""
    sector, end, free, fat_mark, none = 512, 0xFFFFFFFE, 0xFFFFFFFF, 0xFFFFFFFD, 0xFFFFFFFF
    fat, data, placed = [fat_mark, end], b"", []
    for content in streams.values():
        padded = content.ljust(max(4096, -(-len(content) // sector) * sector), b"\0")
        first = 2 + len(data) // sector
        count = len(padded) // sector
        fat += [first + i + 1 for i in range(count - 1)] + [end]
        placed.append((first, len(content)))
        data += padded
    fat_sector = struct.pack(f"<{sector // 4}I", *(fat + [free] * (sector // 4 - len(fat))))

    def entry(name: str, kind: int, child: int, right: int, start: int, size: int) -> bytes:
        encoded = (name + "\0").encode("utf-16-le")
        return (encoded.ljust(64, b"\0") + struct.pack("<HBB", len(encoded), kind, 1)
                + struct.pack("<III", none, right, child) + b"\0" * 36 + struct.pack("<IQ", start, size))  # fmt: skip

    names = list(streams)
    entries = [entry("Root Entry", 5, 1, none, end, 0)]
    for index, (name, (start, size)) in enumerate(zip(names, placed), start=1):
        entries.append(entry(name, 2, none, index + 1 if index < len(names) else none, start, size))
    directory = b"".join(entries).ljust(sector, b"\0")
    header = (
        OLE_SIGNATURE + b"\0" * 16 + struct.pack("<HHHHH", 0x3E, 3, 0xFFFE, 9, 6) + b"\0" * 6
        + struct.pack("<IIIIIIIII", 0, 1, 1, 0, 4096, end, 0, end, 0)
        + struct.pack("<109I", 0, *([free] * 108))
    )  # fmt: skip
    return header + fat_sector + directory + data


def build_committed(folder: Path = HERE) -> None:
    for name, build in COMMITTED.items():
        (folder / name).write_bytes(build())


if __name__ == "__main__":
    sys.path.insert(0, str(HERE.parents[2]))
    build_committed()
    for name in sorted(COMMITTED):
        print(f"{os.path.getsize(HERE / name):>8}  {name}")
