"""Unit report forms (mẫu báo cáo của đơn vị) for one reporting period, as .xlsx.

Each unit gets the tasks it leads and those it coordinates (two groups, each
in the plan's sections), with the task text, deadline, who leads/coordinates
and the unit's last reported result. The unit fills five columns — Trạng thái
(a drop-down list), % hoàn thành (whole number 0–100), Kết quả thực hiện, Tài
liệu kiểm chứng, Khó khăn/vướng mắc — which are the only unlocked cells.

What makes a form readable back (importers/forms_reader.py):
- column A (hidden, locked) holds each task row's key "T<task id>";
- a very hidden, protected sheet «_dinh_danh» holds the identity: plan (id,
  creation time and the database's own id, so a form from another database is
  recognised), period, each
  sheet's unit, each task row's task id and role, and a short digest of every
  locked cell, as ASCII JSON sealed with a SHA-256 over it. An edited locked
  cell or a changed identity sheet is then detected.
- the identity also lists the layout: a digest of every other row down to the
  signature, with the cells the unit may fill there (`layout`). A row added,
  copied or edited anywhere in the sheet, a column added, a sheet added, is then
  named in the import preview (forms without `layout` still read as before).

Sheet protection and the password below are NOT security: anyone can remove
them, and the seal's key is in this source. They only guard against slips
(typing into the task text, deleting a row, renaming a sheet). The seal makes
an accidental or careless change visible, not a deliberate forgery impossible.

Pure: plain objects in, files out; no database, no Qt.
"""

from __future__ import annotations

import hashlib
import json
import re
import unicodedata
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill, Protection
from openpyxl.utils import get_column_letter
from openpyxl.workbook.protection import WorkbookProtection
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.worksheet import Worksheet

from kehoach_desktop.domain.file_names import safe_file_stem
from kehoach_desktop.domain.statuses import STATUS_LABELS
from kehoach_desktop.domain.text import tidy
from kehoach_desktop.exporters.xlsx_export import (
    BODY_FONT,
    BOLD_FONT,
    BORDER,
    HEADER_ALIGN,
    HEADER_FILL,
    HEADER_FONT,
    ITALIC_FONT,
    SECTION_FILL,
    TITLE_FONT,
    WRAP_CENTER,
    WRAP_TOP,
    CellNote,
    CellWriter,
    fit_row_heights,
    merged_row,
    print_setup,
    save_workbook,
    set_widths,
)

FORMAT = "kehoach-desktop/unit-form"
VERSION = 1
IDENTITY_SHEET = "_dinh_danh"
# Not a secret (see the module text): protection and seal guard against slips only.
FORM_PASSWORD = "kehoach"
SEAL_KEY = b"kehoach-desktop/unit-form/seal/v1"
JSON_CHUNK = 30_000  # characters of identity JSON per cell (a cell holds 32,767)

# Column layout of a form sheet (1-based).
KEY_COL, NUMBER_COL, CONTENT_COL, SCHEDULE_COL, UNITS_COL, PREVIOUS_COL = 1, 2, 3, 4, 5, 6
STATUS_COL, PERCENT_COL, RESULT_COL, EVIDENCE_COL, DIFFICULTIES_COL = 7, 8, 9, 10, 11
LOCKED_COLS = (KEY_COL, NUMBER_COL, CONTENT_COL, SCHEDULE_COL, UNITS_COL, PREVIOUS_COL)
ANSWER_COLS = (STATUS_COL, PERCENT_COL, RESULT_COL, EVIDENCE_COL, DIFFICULTIES_COL)
COLUMNS = (
    ("Mã", 8),
    ("TT", 6),
    ("Nhiệm vụ", 46),
    ("Thời hạn", 18),
    ("Đơn vị chủ trì / phối hợp", 24),
    ("Kết quả đã báo cáo kỳ trước", 30),
    ("Trạng thái", 17),
    ("% hoàn thành", 11),
    ("Kết quả thực hiện", 42),
    ("Tài liệu kiểm chứng", 34),
    ("Khó khăn, vướng mắc", 28),
)
COLUMN_NAMES = {index: name for index, (name, _) in enumerate(COLUMNS, start=1)}
STATUS_CHOICES = tuple(STATUS_LABELS.values())
ANSWER_LINES = 3
ANSWER_FILL = PatternFill("solid", fgColor="FFF2CC")
CONTEXT_FONT = Font(name="Times New Roman", size=11, italic=True, color="595959")
INSTRUCTIONS = (
    "Hướng dẫn: chỉ điền vào các ô màu vàng (Trạng thái, % hoàn thành, Kết quả thực hiện, "
    "Tài liệu kiểm chứng, Khó khăn, vướng mắc) ở dòng của nhiệm vụ có kết quả trong kỳ; dòng để trống "
    "được hiểu là chưa báo cáo. Tài liệu kiểm chứng: mỗi văn bản một dòng, ví dụ «Số 12/BC-SXD ngày "
    "05/6/2025 về kết quả thực hiện ...». Trạng thái «Không thực hiện» cần ghi lý do ở cột Khó khăn, "
    "vướng mắc. Không sửa, thêm, xóa hoặc sắp xếp lại dòng, cột và trang tính."
)


# --- what a form carries (filled by services/forms.py) ------------------------------


@dataclass
class FormTask:
    task_id: int
    number: str
    content: str
    schedule_text: str = ""
    units_text: str = ""  # "Chủ trì: ...\nPhối hợp: ..."
    previous: str = ""  # the unit's last reported result before this period
    depth: int = 0
    context_only: bool = False  # a parent shown for context, not for the unit to fill


@dataclass
class FormSection:
    label: str  # "I. CẢI CÁCH THỂ CHẾ"
    tasks: list[FormTask] = field(default_factory=list)


@dataclass
class UnitFormData:
    unit_id: int
    unit_name: str
    sheet_name: str = ""  # filled by the writer when empty
    lead: list[FormSection] = field(default_factory=list)
    coordinate: list[FormSection] = field(default_factory=list)

    def task_count(self) -> int:
        return sum(
            1 for group in (self.lead, self.coordinate) for s in group for t in s.tasks if not t.context_only
        )


@dataclass
class FormsBundle:
    plan_id: int
    plan_created_at: str
    database_id: str  # with the plan's id and creation time, tells this database's plan from any other
    plan_title: str
    plan_display: str  # "125/KH-SXD – Kế hoạch ..." as shown to the user
    period_code: str
    period_label: str  # "quý III năm 2025"
    period_range: str  # "từ ngày 01/07/2025 đến ngày 30/09/2025"
    units: list[UnitFormData] = field(default_factory=list)


@dataclass
class FormsWritten:
    paths: list[Path]
    notes: list[CellNote]


# --- digests and the seal (shared with the reader) ----------------------------------


def canonical(value) -> str:
    """A cell value as text that survives a save in Excel or LibreOffice."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, (datetime, date)):
        return value.isoformat()
    return tidy(str(value))


def cell_digest(value) -> str:
    return hashlib.sha256(canonical(value).encode("utf-8")).hexdigest()[:12]


def fixed_digest(values: list) -> str:
    """One digest over the locked cells outside task rows (titles, headers, groups)."""
    joined = "\x1f".join(canonical(value) for value in values)
    return hashlib.sha256(joined.encode("utf-8")).hexdigest()[:16]


def layout_values(ws, row: int) -> list:
    """A row's values in the form's columns, as the layout digests take them (no cell is created)."""
    cells = ws._cells  # openpyxl's own map of the cells that exist; ws.cell() would create them
    return [getattr(cells.get((row, column)), "value", None) for column in range(1, len(COLUMNS) + 1)]


def open_columns(ws, row: int) -> list[int]:
    """The form's columns of `row` the unit may type into (unlocked cells)."""
    cells = ws._cells
    return [
        column for column in range(1, len(COLUMNS) + 1)
        if (cell := cells.get((row, column))) is not None and cell.protection.locked is False
    ]  # fmt: skip


def blanked(values: list, columns: list[int]) -> list:
    """`values` (one per form column) with the given columns emptied."""
    return [None if column in columns else value for column, value in enumerate(values, start=1)]


def identity_text(identity: dict) -> str:
    """Canonical ASCII JSON: no Unicode form a program could re-normalise."""
    return json.dumps(identity, ensure_ascii=True, sort_keys=True, separators=(",", ":"))


def seal(text: str) -> str:
    return hashlib.sha256(SEAL_KEY + text.encode("ascii")).hexdigest()


def task_key(task_id: int) -> str:
    return f"T{task_id}"


# --- writing ---------------------------------------------------------------------------------


def write_forms(bundle: FormsBundle, folder: Path | str, one_workbook: bool) -> FormsWritten:
    """One .xlsx per unit, or one workbook with a sheet per unit. Never overwrites a
    file already there (it may be a form a unit has filled): a new name is chosen."""
    folder = Path(folder)
    units = [unit for unit in bundle.units if unit.task_count()]
    notes: list[CellNote] = []
    paths: list[Path] = []
    if one_workbook:
        groups = [(units, f"Báo cáo {bundle.period_code} - các đơn vị")] if units else []
    else:
        groups = [([unit], f"Báo cáo {bundle.period_code} - {unit.unit_name}") for unit in units]
    taken: set[str] = set()
    for group, stem in groups:
        path = free_path(folder, safe_file_stem(stem), taken)
        notes.extend(_write_workbook(bundle, group, path))
        paths.append(path)
    return FormsWritten(paths, notes)


def _write_workbook(bundle: FormsBundle, units: list[UnitFormData], path: Path) -> list[CellNote]:
    wb = Workbook()
    wb.remove(wb.active)
    notes: list[CellNote] = []
    sheets = []
    used_names: set[str] = {IDENTITY_SHEET.casefold()}
    for unit in units:
        name = unit.sheet_name or unit.unit_name
        unit.sheet_name = unique_sheet_name(name, used_names)
        ws = wb.create_sheet(unit.sheet_name)
        writer = CellWriter(ws, notes)
        sheets.append(_write_unit_sheet(writer, bundle, unit))
    identity = {
        "format": FORMAT,
        "version": VERSION,
        "plan": {
            "id": bundle.plan_id,
            "created_at": bundle.plan_created_at,
            "database_id": bundle.database_id,
            "title": bundle.plan_title,
        },
        "period": bundle.period_code,
        "exported_at": datetime.now().isoformat(timespec="seconds"),
        "sheets": sheets,
    }
    _write_identity(wb, identity)
    wb.security = WorkbookProtection(workbookPassword=FORM_PASSWORD, lockStructure=True)
    wb.active = 0
    save_workbook(wb, path)
    return notes


def _write_unit_sheet(writer: CellWriter, bundle: FormsBundle, unit: UnitFormData) -> dict:
    ws = writer.ws
    last = len(COLUMNS)
    title_style = {"alignment": HEADER_ALIGN}
    merged_row(writer, 1, NUMBER_COL, last, "MẪU BÁO CÁO KẾT QUẢ THỰC HIỆN KẾ HOẠCH", font=TITLE_FONT, **title_style)
    merged_row(writer, 2, NUMBER_COL, last, bundle.plan_display, font=BOLD_FONT, **title_style)
    merged_row(
        writer, 3, NUMBER_COL, last, f"Kỳ báo cáo: {bundle.period_label} ({bundle.period_range})",
        font=BOLD_FONT, **title_style,
    )  # fmt: skip
    merged_row(writer, 4, NUMBER_COL, last, f"Đơn vị báo cáo: {unit.unit_name}", font=BOLD_FONT, **title_style)
    merged_row(
        writer, 5, NUMBER_COL, last, INSTRUCTIONS,
        font=ITALIC_FONT, alignment=Alignment(wrap_text=True, vertical="top"),
    )  # fmt: skip
    header_row = 7
    for column, (title, _) in enumerate(COLUMNS, start=1):
        fill = ANSWER_FILL if column in ANSWER_COLS else HEADER_FILL
        writer.text(header_row, column, title, font=HEADER_FONT, alignment=HEADER_ALIGN, fill=fill, border=BORDER)
    row = header_row + 1
    task_rows: list[dict] = []
    status_cells: list[str] = []
    percent_cells: list[str] = []
    groups = (
        ("A. NHIỆM VỤ ĐƠN VỊ CHỦ TRÌ THỰC HIỆN", "lead", unit.lead),
        ("B. NHIỆM VỤ ĐƠN VỊ PHỐI HỢP THỰC HIỆN", "coordinate", unit.coordinate),
    )
    for heading, role, sections in groups:
        if not any(t for s in sections for t in s.tasks if not t.context_only):
            continue
        group_style = {"font": BOLD_FONT, "alignment": WRAP_TOP, "border": BORDER}
        merged_row(writer, row, NUMBER_COL, last, heading, fill=HEADER_FILL, **group_style)
        row += 1
        for section in sections:
            merged_row(writer, row, NUMBER_COL, last, section.label, fill=SECTION_FILL, **group_style)
            row += 1
            for task in section.tasks:
                if task.context_only:
                    _context_row(writer, row, task)
                else:
                    task_rows.append(_task_row(writer, row, task, role))
                    status_cells.append(f"{get_column_letter(STATUS_COL)}{row}")
                    percent_cells.append(f"{get_column_letter(PERCENT_COL)}{row}")
                row += 1
    last_row = row - 1
    _add_validations(ws, status_cells, percent_cells)
    set_widths(ws, [width for _, width in COLUMNS])
    ws.column_dimensions[get_column_letter(KEY_COL)].hidden = True
    # Task rows get room for a few lines of answer; the unit may resize rows too.
    fit_row_heights(ws, 1, last_row, {spec["row"]: ANSWER_LINES for spec in task_rows})
    ws.freeze_panes = ws.cell(row=header_row + 1, column=NUMBER_COL)
    end_row = _signature_block(writer, last_row + 2, bundle)
    print_setup(ws, header_row, last, first_column=NUMBER_COL, last_row=end_row,
                title_columns=f"{get_column_letter(NUMBER_COL)}:{get_column_letter(CONTENT_COL)}")  # fmt: skip
    _protect(ws)
    fixed_rows = set(range(1, last_row + 1)) - {spec["row"] for spec in task_rows}
    fixed = [ws.cell(r, c).value for r in sorted(fixed_rows) for c in range(1, last + 1)]
    return {
        "name": ws.title,
        "unit_id": unit.unit_id,
        "unit_name": unit.unit_name,
        "last_row": last_row,
        "fixed": fixed_digest(fixed),
        "rows": task_rows,
        "layout": _layout(ws, {spec["row"] for spec in task_rows}, end_row),
    }


def _layout(ws: Worksheet, task_rows: set[int], end_row: int) -> list[list]:
    """Every row of the sheet that is not a task row, down to the signature: [row, digest
    of its values, the columns the unit may fill (the signature's place, date and names)].
    The reader finds each row again by its digest wherever it moved, so a row the unit
    added, copied or edited is named in the preview instead of being dropped unseen."""
    layout = []
    for row in range(1, end_row + 1):
        if row not in task_rows:
            columns = open_columns(ws, row)  # their text (the date line's dots) is the unit's to replace
            layout.append([row, fixed_digest(blanked(layout_values(ws, row), columns)), columns])
    return layout


def _task_row(writer: CellWriter, row: int, task: FormTask, role: str) -> dict:
    body = {"font": BODY_FONT, "alignment": WRAP_TOP, "border": BORDER}
    writer.text(row, KEY_COL, task_key(task.task_id), **body)
    writer.text(row, NUMBER_COL, task.number, font=BODY_FONT, alignment=WRAP_CENTER, border=BORDER)
    writer.text(
        row, CONTENT_COL, task.content, font=BODY_FONT, border=BORDER,
        alignment=Alignment(wrap_text=True, vertical="top", indent=min(task.depth * 2, 15)),
    )  # fmt: skip
    writer.text(row, SCHEDULE_COL, task.schedule_text, **body)
    writer.text(row, UNITS_COL, task.units_text, **body)
    writer.text(row, PREVIOUS_COL, task.previous, **body)
    open_cell = Protection(locked=False)
    for column in ANSWER_COLS:
        cell = writer.ws.cell(row=row, column=column)
        cell.protection = open_cell
        cell.fill = ANSWER_FILL
        cell.border = BORDER
        cell.font = BODY_FONT
        cell.alignment = WRAP_CENTER if column == PERCENT_COL else WRAP_TOP
        # Text format: what the unit types stays text ("=> xong", "-", "+84 ...").
        cell.number_format = "0" if column == PERCENT_COL else "@"
    values = [writer.ws.cell(row, column).value for column in LOCKED_COLS]
    label = f"{task.number} {task.content}".strip()
    return {
        "row": row,
        "task_id": task.task_id,
        "role": role,
        "label": label[:80],
        "cells": [cell_digest(value) for value in values],
    }


SIGNATURE_ROWS = 4  # blank lines for the signature and seal


def _signature_block(writer: CellWriter, row: int, bundle: FormsBundle) -> int:
    """After the table: the place and date line, then "NGƯỜI LẬP BIỂU" (left) and
    "THỦ TRƯỞNG ĐƠN VỊ" (right) with room to sign; the unit fills the place, the
    date and the names (those cells are open). Returns the last row used."""
    ws = writer.ws
    last = len(COLUMNS)
    left = (NUMBER_COL, SCHEDULE_COL)
    right = (RESULT_COL, last)
    year = bundle.period_code[:4] if bundle.period_code[:4].isdigit() else "……"
    open_cell = Protection(locked=False)
    date_line = f"…………, ngày …… tháng …… năm {year}"
    merged_row(writer, row, *right, date_line, font=ITALIC_FONT, alignment=HEADER_ALIGN)
    ws.cell(row=row, column=right[0]).protection = open_cell
    merged_row(writer, row + 1, *left, "NGƯỜI LẬP BIỂU", font=BOLD_FONT, alignment=HEADER_ALIGN)
    merged_row(writer, row + 1, *right, "THỦ TRƯỞNG ĐƠN VỊ", font=BOLD_FONT, alignment=HEADER_ALIGN)
    merged_row(writer, row + 2, *left, "(Ký, ghi rõ họ tên)", font=ITALIC_FONT, alignment=HEADER_ALIGN)
    merged_row(writer, row + 2, *right, "(Ký, ghi rõ họ tên, đóng dấu)", font=ITALIC_FONT, alignment=HEADER_ALIGN)
    name_row = row + 3 + SIGNATURE_ROWS
    for first, final in (left, right):  # the names, typed by the unit
        ws.merge_cells(start_row=name_row, start_column=first, end_row=name_row, end_column=final)
        cell = ws.cell(row=name_row, column=first)
        cell.font, cell.alignment, cell.protection = BOLD_FONT, HEADER_ALIGN, open_cell
    for blank in range(row + 3, name_row):
        ws.row_dimensions[blank].height = 18
    for filled in (row, row + 1, row + 2, name_row):
        ws.row_dimensions[filled].height = 20
    return name_row


def _context_row(writer: CellWriter, row: int, task: FormTask) -> None:
    style = {"font": CONTEXT_FONT, "border": BORDER}
    writer.text(row, NUMBER_COL, task.number, alignment=WRAP_CENTER, **style)
    writer.text(
        row, CONTENT_COL, task.content, **style,
        alignment=Alignment(wrap_text=True, vertical="top", indent=min(task.depth * 2, 15)),
    )  # fmt: skip
    for column in range(SCHEDULE_COL, len(COLUMNS) + 1):
        writer.ws.cell(row=row, column=column).border = BORDER


def _add_validations(ws: Worksheet, status_cells: list[str], percent_cells: list[str]) -> None:
    if not status_cells:
        return
    statuses = DataValidation(
        type="list",
        formula1='"' + ",".join(STATUS_CHOICES) + '"',
        allow_blank=True,
        showDropDown=False,  # openpyxl's name: False shows the arrow
        showErrorMessage=True,
        errorTitle="Trạng thái không hợp lệ",
        error="Hãy chọn một trạng thái trong danh sách: " + ", ".join(STATUS_CHOICES) + ".",
        showInputMessage=True,
        promptTitle="Trạng thái",
        prompt="Chọn trạng thái của nhiệm vụ trong kỳ báo cáo.",
    )
    percent = DataValidation(
        type="whole",
        operator="between",
        formula1="0",
        formula2="100",
        allow_blank=True,
        showErrorMessage=True,
        errorTitle="Tỷ lệ không hợp lệ",
        error="Tỷ lệ hoàn thành là số nguyên từ 0 đến 100.",
    )
    for validation, cells in ((statuses, status_cells), (percent, percent_cells)):
        for cell in cells:
            validation.add(cell)
        ws.add_data_validation(validation)


def _protect(ws: Worksheet) -> None:
    protection = ws.protection
    protection.sheet = True
    protection.password = FORM_PASSWORD
    # Allowed while protected: selecting, resizing rows and columns (long answers).
    protection.selectLockedCells = False
    protection.selectUnlockedCells = False
    protection.formatRows = False
    protection.formatColumns = False


def _write_identity(wb: Workbook, identity: dict) -> None:
    ws = wb.create_sheet(IDENTITY_SHEET)
    text = identity_text(identity)
    ws.cell(1, 1).value = "Trang định danh của mẫu báo cáo (kehoach-desktop). Không sửa trang này."
    ws.cell(2, 1).value = seal(text)
    for index in range(0, len(text), JSON_CHUNK):
        ws.cell(3 + index // JSON_CHUNK, 1).value = text[index : index + JSON_CHUNK]
    ws.protection.sheet = True
    ws.protection.password = FORM_PASSWORD
    ws.sheet_state = "veryHidden"


# --- names ----------------------------------------------------------------------------


_SHEET_FORBIDDEN = re.compile(r"[\[\]:*?/\\\x00-\x1f]")


def free_path(folder: Path, stem: str, taken: set[str]) -> Path:
    """folder/stem.xlsx, or stem (2).xlsx ... when that name exists or is taken in this run."""
    number = 1
    while True:
        name = f"{stem}.xlsx" if number == 1 else f"{stem} ({number}).xlsx"
        path = folder / name
        if name.casefold() not in taken and not path.exists():
            taken.add(name.casefold())
            return path
        number += 1


def unique_sheet_name(text: str, used: set[str]) -> str:
    """A sheet title Excel accepts (31 characters, no []:*?/\\), unique in the workbook."""
    base = re.sub(r"\s+", " ", _SHEET_FORBIDDEN.sub(" ", unicodedata.normalize("NFC", text))).strip().strip("'")
    base = base or "Đơn vị"
    number = 1
    while True:
        suffix = "" if number == 1 else f" ({number})"
        name = base[: 31 - len(suffix)].rstrip() + suffix
        if name.casefold() not in used:
            used.add(name.casefold())
            return name
        number += 1
