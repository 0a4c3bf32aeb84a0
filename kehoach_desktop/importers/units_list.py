"""A list of the Sở's units from a file: .txt (one unit per line, optionally
"Tên; viết tắt; loại") or .xlsx (columns Tên đơn vị, Tên viết tắt, Loại)."""

from __future__ import annotations

from pathlib import Path

from kehoach_desktop.domain.organization import LineProblem, UnitLine, parse_unit_lines
from kehoach_desktop.domain.text import fold, tidy_line
from kehoach_desktop.importers.base import ImportFailed

MAX_BYTES = 2_000_000
MAX_ROWS = 2_000
_HEADERS = {"name": ("ten don vi", "don vi", "ten"), "short": ("ten viet tat", "viet tat"), "type": ("loai", "loai don vi")}


def read_units_file(path: Path | str) -> tuple[list[UnitLine], list[LineProblem]]:
    path = Path(path)
    try:
        size = path.stat().st_size
    except OSError as exc:
        raise ImportFailed(f"Không mở được tệp {path.name}: {exc.strerror}.") from exc
    if size > MAX_BYTES:
        raise ImportFailed(f"Tệp {path.name} quá lớn cho một danh sách đơn vị (giới hạn {MAX_BYTES // 1_000_000} MB).")
    if path.suffix.lower() == ".xlsx":
        return _read_xlsx(path)
    if path.suffix.lower() in (".txt", ".csv", ".tsv", ""):
        return parse_unit_lines(_decode(path.read_bytes(), path.name))
    raise ImportFailed(f"Tệp {path.name}: danh sách đơn vị phải là tệp .txt hoặc .xlsx.")


def _decode(data: bytes, name: str) -> str:
    for encoding in ("utf-8-sig", "utf-16"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise ImportFailed(f"Tệp {name} không phải văn bản UTF-8: hãy lưu lại với bảng mã UTF-8.")


def _read_xlsx(path: Path) -> tuple[list[UnitLine], list[LineProblem]]:
    from openpyxl import load_workbook

    try:
        book = load_workbook(path, read_only=True, data_only=True)
    except Exception as exc:  # a damaged or disguised file: say which
        raise ImportFailed(f"Không đọc được tệp Excel {path.name}: tệp bị hỏng hoặc không phải .xlsx.") from exc
    try:
        sheet = book.worksheets[0]
        rows = []
        for number, row in enumerate(sheet.iter_rows(values_only=True), start=1):
            if number > MAX_ROWS:
                raise ImportFailed(f"Tệp {path.name}, trang «{sheet.title}»: quá {MAX_ROWS} dòng.")
            rows.append(["" if value is None else tidy_line(str(value)) for value in row[:10]])
    finally:
        book.close()
    columns, first = _columns(rows)
    lines = []
    for row in rows[first:]:
        cells = [_cell(row, columns.get(key)) for key in ("name", "short", "type")]
        lines.append(";".join(cells) if any(cells) else "")
    units, problems = parse_unit_lines("\n".join(lines))
    shift = first  # parse_unit_lines numbers from 1 at the first data row
    return (
        [UnitLine(u.name, u.short_name, u.unit_type, u.line + shift) for u in units],
        [LineProblem(p.line + shift, p.message.replace(f"Dòng {p.line}:", f"Dòng {p.line + shift}:")) for p in problems],
    )


def _cell(row: list[str], column: int | None) -> str:
    return row[column] if column is not None and column < len(row) else ""


def _columns(rows: list[list[str]]) -> tuple[dict[str, int | None], int]:
    """Where the name, short name and type are, from a header row in the first five;
    without one, the first three columns from the first row."""
    for index, row in enumerate(rows[:5]):
        folded = [fold(cell) for cell in row]
        found: dict[str, int | None] = {key: None for key in _HEADERS}
        for key, names in _HEADERS.items():
            for column, cell in enumerate(folded):
                if cell in names and column not in found.values():
                    found[key] = column
                    break
        if found["name"] is not None:
            return found, index + 1
    return {"name": 0, "short": 1, "type": 2}, 0
