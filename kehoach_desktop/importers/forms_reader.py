"""Reading filled unit forms back (the files exporters/unit_forms.py writes).

`read_forms(paths)` opens each file, checks it is a real .xlsx and one of our
forms, verifies the identity sheet's seal and the digests of the locked cells,
and returns what the units filled in, row by row, with every problem found
worded in Vietnamese with its file, sheet and row. It never touches the
database: matching the answers against it (new / changed / conflicting) is
services/forms.py's job. Pure and thread-safe: the window may call it on a
worker thread.

Facts this rests on (shared/docs/safety.md): check the first bytes before
trusting the extension, refuse absurd ZIPs and DOCTYPEs (both done by
importers/sniff.py, shared with the plan importer); do not use openpyxl's
read-only mode (it trusts the sheet's stated dimensions); formula cells carry
only a cached value, which may be missing.
"""

from __future__ import annotations

import json
import re
import warnings
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, datetime
from enum import Enum
from pathlib import Path

import openpyxl
from openpyxl.utils import get_column_letter

from kehoach_desktop.domain.answers import evidence_keys  # noqa: F401 (also used by the forms service)
from kehoach_desktop.domain.answers import percent_mismatch
from kehoach_desktop.domain.models import Evidence
from kehoach_desktop.domain.statuses import Status
from kehoach_desktop.domain.text import fold, tidy, tidy_line
from kehoach_desktop.exporters import unit_forms as form
from kehoach_desktop.importers import limits
from kehoach_desktop.importers import sniff as file_sniff
from kehoach_desktop.importers.base import ImportFailed


class Level(str, Enum):
    ERROR = "error"  # cannot be imported: fix the file or leave it out
    CONFLICT = "conflict"  # importing needs the user's explicit agreement
    NOTE = "note"  # for information

    @property
    def label(self) -> str:
        return {"error": "Lỗi", "conflict": "Xung đột", "note": "Lưu ý"}[self.value]


# Problem codes (stable: the window may pick icons by them).
NOT_EXCEL = "not_excel"  # not an .xlsx package (or a damaged, encrypted, suspicious one)
UNREADABLE = "unreadable"
NOT_A_FORM = "not_a_form"
TAMPERED = "tampered"
LOCKED_EDITED = "locked_edited"
BAD_VALUE = "bad_value"
FORMULA = "formula"
PERCENT_STATUS = "percent_status"  # a status and a percentage that do not quite agree (a note)
# Outside the form's layout: nothing there is imported, and the preview says so.
EXTRA_ROW = "extra_row"  # a row the form does not have (added, pasted)
DUPLICATE_ROW = "duplicate_row"  # a task's row a second time on its sheet
FOREIGN_ROW = "foreign_row"  # a task row of another sheet or form, pasted in
EXTRA_COLUMN = "extra_column"  # content right of the form's last column
EXTRA_SHEET = "extra_sheet"  # a sheet the form does not have

_TASK_KEY = re.compile(r"T\d+")
SHOWN_ROWS = 20  # rows outside the layout named one by one, per sheet; the rest are counted


@dataclass
class FormProblem:
    code: str
    level: Level
    message: str  # Vietnamese, a whole sentence
    where: str = ""  # "Tệp «a.xlsx», trang «Văn phòng Sở», dòng 12"
    task_id: int | None = None

    def __str__(self) -> str:
        return f"{self.where}: {self.message}" if self.where else self.message


@dataclass
class FormAnswer:
    """One filled task row: what the unit reported."""

    task_id: int
    role: str  # "lead" / "coordinate"
    task_label: str  # "3.1 Công bố TTHC ..." as the form showed it
    where: str
    status: Status | None
    percent: int | None
    result: str
    evidence_text: str
    difficulties: str
    evidence: list[Evidence] = field(default_factory=list)
    locked_edited: bool = False

    def values(self) -> tuple:
        return (self.status, self.percent, self.result, self.difficulties, evidence_keys(self.evidence))


@dataclass
class FormSheet:
    name: str
    unit_id: int
    unit_name: str
    task_rows: int  # rows the unit could fill
    answers: list[FormAnswer] = field(default_factory=list)  # filled rows only


@dataclass
class FormFile:
    path: Path
    plan_id: int | None = None
    plan_created_at: str = ""
    database_id: str = ""
    plan_title: str = ""
    period: str = ""
    exported_at: str = ""
    saved_on: date | None = None  # the file's own "modified" date, set by Excel when the unit saves
    sheets: list[FormSheet] = field(default_factory=list)
    problems: list[FormProblem] = field(default_factory=list)
    identified: bool = False  # the identity sheet was found, sealed and read

    @property
    def name(self) -> str:
        return self.path.name


def read_forms(paths: list[Path | str]) -> list[FormFile]:
    """Every file read on its own; one bad file never stops the others."""
    seen: set[Path] = set()
    files = []
    for raw in paths:
        path = Path(raw)
        key = path.resolve() if path.exists() else path
        if key in seen:
            continue
        seen.add(key)
        files.append(read_form(path))
    return files


def read_form(path: Path | str) -> FormFile:
    path = Path(path)
    result = FormFile(path=path)
    where = f"Tệp «{path.name}»"
    problem = sniff(path)
    if problem:
        result.problems.append(problem)
        return result
    try:
        wb = _load(path, data_only=False)
    except Exception:  # every parser error (zip, XML, defusedxml) is one message
        result.problems.append(_unreadable(where))
        return result
    try:
        _read_workbook(wb, path, result)
    except Exception:  # a shape no form has (odd cell types ...): the file, not the program, is wrong
        result.sheets, result.identified = [], False
        result.problems.append(_unreadable(where))
    finally:
        wb.close()
    return result


def _load(path: Path, *, data_only: bool):
    # Not read-only mode: it trusts the sheet's stated dimensions (safety.md).
    with warnings.catch_warnings():
        # Excel's own extensions (x14 validations ...) are dropped with a UserWarning; nothing we read.
        warnings.simplefilter("ignore", UserWarning)
        return openpyxl.load_workbook(path, data_only=data_only)


def _unreadable(where: str) -> FormProblem:
    return FormProblem(
        UNREADABLE, Level.ERROR,
        "Tệp Excel bị hỏng hoặc không đúng định dạng, chương trình không đọc được. "
        "Hãy mở tệp bằng Excel, lưu lại rồi nhập lại, hoặc đề nghị đơn vị gửi lại.",
        where,
    )  # fmt: skip


# --- the file itself -----------------------------------------------------------------


def sniff(path: Path) -> FormProblem | None:
    """A problem with the file as a file, or None for a real .xlsx package.

    The byte-level checks are the plan importer's (importers/sniff.py): the
    kind by content, encrypted and old Office files, damaged or oversized ZIPs,
    XML parts declaring a DOCTYPE. Its messages name the file.
    """
    try:
        kind = file_sniff.detect(path)
        limits.check_package(path, kind)
    except ImportFailed as exc:
        return FormProblem(NOT_EXCEL, Level.ERROR, str(exc).replace("Không nhập được tệp", "Không đọc được tệp"))
    if kind != "xlsx":
        what = {"docx": "tài liệu Word (.docx)", "text": "văn bản thuần"}.get(kind, kind)
        return FormProblem(
            NOT_EXCEL, Level.ERROR,
            f"Không đọc được tệp «{path.name}»: nội dung tệp là {what}, không phải mẫu báo cáo Excel (.xlsx) "
            "dù có tên như vậy. Hãy dùng đúng tệp mẫu báo cáo đã gửi cho đơn vị.",
        )  # fmt: skip
    return None


# --- identity and locked cells -------------------------------------------------------


def _read_workbook(wb, path: Path, result: FormFile) -> None:
    where = f"Tệp «{path.name}»"
    identity = _identity(wb, where, result)
    if identity is None:
        return
    result.identified = True
    modified = wb.properties.modified
    result.saved_on = modified.date() if isinstance(modified, datetime) else None
    cached: list = []  # lazily, the same workbook with formulas' cached values

    def cached_value(sheet: str, row: int, column: int):
        if not cached:
            try:
                cached.append(_load(path, data_only=True))
            except Exception:
                cached.append(None)
        book = cached[0]
        return book[sheet].cell(row, column).value if book is not None else None

    try:
        for spec in identity["sheets"]:
            sheet = _read_sheet(wb, spec, path.name, result, cached_value)
            if sheet is not None:
                result.sheets.append(sheet)
        result.problems.extend(_extra_sheets(wb, {spec["name"] for spec in identity["sheets"]}, path.name))
    finally:
        if cached and cached[0] is not None:
            cached[0].close()


def _identity(wb, where: str, result: FormFile) -> dict | None:
    if form.IDENTITY_SHEET not in wb.sheetnames:
        result.problems.append(
            FormProblem(
                NOT_A_FORM, Level.ERROR,
                "Tệp không phải mẫu báo cáo do chương trình xuất (không có trang định danh). Đơn vị cần "
                "điền vào đúng tệp mẫu đã nhận, không chép nội dung sang tệp khác.",
                where,
            )  # fmt: skip
        )
        return None
    ws = wb[form.IDENTITY_SHEET]
    stored_seal = ws.cell(2, 1).value
    chunks = []
    row = 3
    while isinstance(ws.cell(row, 1).value, str) and ws.cell(row, 1).value:
        chunks.append(ws.cell(row, 1).value)
        row += 1
    text = "".join(chunks)
    tampered = FormProblem(
        TAMPERED, Level.ERROR,
        "Trang định danh của mẫu báo cáo đã bị sửa nên không xác định chắc chắn được kế hoạch, kỳ báo cáo "
        "và nhiệm vụ của từng dòng. Tệp không được nhập; hãy đề nghị đơn vị điền lại vào mẫu mới.",
        where,
    )  # fmt: skip
    try:
        text.encode("ascii")
        if not isinstance(stored_seal, str) or stored_seal != form.seal(text):
            raise ValueError("seal")
        identity = json.loads(text)
        if identity.get("format") != form.FORMAT:
            raise ValueError("format")
        if identity.get("version", 0) > form.VERSION:
            result.problems.append(
                FormProblem(
                    NOT_A_FORM, Level.ERROR,
                    "Mẫu báo cáo do phiên bản mới hơn của chương trình xuất; hãy cập nhật chương trình.",
                    where,
                )  # fmt: skip
            )
            return None
        result.plan_id = int(identity["plan"]["id"])
        result.plan_created_at = str(identity["plan"]["created_at"])
        result.database_id = str(identity["plan"].get("database_id", ""))
        result.plan_title = str(identity["plan"]["title"])
        result.period = str(identity["period"])
        result.exported_at = str(identity.get("exported_at", ""))
        _check_shape(identity["sheets"])
    except (ValueError, KeyError, TypeError, AttributeError, UnicodeEncodeError):
        result.problems.append(tampered)
        return None
    return identity


def _check_shape(sheets) -> None:
    """TypeError/KeyError/ValueError unless every sheet and row entry has what reading needs."""
    if not isinstance(sheets, list):
        raise TypeError("sheets")
    for spec in sheets:
        if not isinstance(spec["name"], str) or not isinstance(spec["unit_name"], str):
            raise TypeError("sheet names")
        int(spec["unit_id"])
        int(spec["last_row"])
        str(spec["fixed"])
        for row_spec in spec["rows"]:
            int(row_spec["row"])
            int(row_spec["task_id"])
            if len(row_spec["cells"]) != len(form.LOCKED_COLS):
                raise ValueError("cells")
        for row, digest, columns in spec.get("layout", []):  # absent in forms made before it existed
            int(row), str(digest), [int(column) for column in columns]


def _read_sheet(wb, spec: dict, file_name: str, result: FormFile, cached_value) -> FormSheet | None:
    name = spec["name"]
    sheet_where = f"Tệp «{file_name}», trang «{name}»"
    if name not in wb.sheetnames:
        result.problems.append(
            FormProblem(
                TAMPERED, Level.ERROR,
                "Trang tính của đơn vị đã bị xóa hoặc đổi tên; không đọc được kết quả của đơn vị này.",
                sheet_where,
            )  # fmt: skip
        )
        return None
    ws = wb[name]
    sheet = FormSheet(name, int(spec["unit_id"]), spec["unit_name"], len(spec["rows"]))
    filled = _filled_rows(ws)
    keyed = _key_rows(filled)
    layout_problems = _layout_problems(spec, filled, keyed, sheet_where) if "layout" in spec else []
    result.problems.extend(layout_problems)
    if not layout_problems and _fixed_digest(ws, spec) != spec["fixed"]:
        result.problems.append(
            FormProblem(
                LOCKED_EDITED, Level.CONFLICT,
                "Phần tiêu đề, đầu bảng hoặc dòng mục (các ô bị khóa) đã bị sửa so với mẫu đã gửi.",
                sheet_where,
            )  # fmt: skip
        )
    for row_spec in spec["rows"]:
        answer = _read_row(ws, row_spec, keyed, sheet_where, result, cached_value)
        if answer is not None:
            sheet.answers.append(answer)
    result.problems.extend(_foreign_rows(spec, filled, keyed, sheet_where))
    result.problems.extend(_extra_columns(filled, sheet_where))
    return sheet


def _fixed_digest(ws, spec: dict) -> str:
    """The digest of the locked cells outside task rows, as the writer took it."""
    task_rows = {row_spec["row"] for row_spec in spec["rows"]}
    return form.fixed_digest([
        ws.cell(r, c).value
        for r in range(1, spec["last_row"] + 1)
        if r not in task_rows
        for c in range(1, len(form.COLUMNS) + 1)
    ])  # fmt: skip


def _filled_rows(ws) -> dict[int, dict[int, object]]:
    """row → {column: value} of every cell with content. Walks the cells the file has
    (the pre-scan bounds them), not the rectangle up to the farthest one."""
    rows: dict[int, dict[int, object]] = defaultdict(dict)
    for (row, column), cell in list(getattr(ws, "_cells", {}).items()):
        if not _is_blank(cell.value):
            rows[row][column] = cell.value
    return dict(rows)


def _key_rows(filled: dict[int, dict[int, object]]) -> dict[str, list[int]]:
    """Task key «T<id>» of the hidden column A → the rows carrying it, top to bottom."""
    keys: dict[str, list[int]] = defaultdict(list)
    for row in sorted(filled):
        value = filled[row].get(form.KEY_COL)
        if isinstance(value, str) and _TASK_KEY.fullmatch(value.strip()):
            keys[value.strip()].append(row)
    return dict(keys)


# --- rows, columns and sheets outside the form's layout --------------------------------


def _layout_problems(spec: dict, filled: dict, keyed: dict[str, list[int]], sheet_where: str) -> list[FormProblem]:
    """Each row with content that is neither a task row nor a row of the form as written
    (found by its digest wherever it moved; the signature's open cells may be filled)."""
    task_rows = {row for rows in keyed.values() for row in rows}
    width = len(form.COLUMNS)
    blank = form.fixed_digest([None] * width)
    waiting: dict[str, list[int]] = defaultdict(list)  # digest → rows of the form not found yet
    with_open: list[tuple[int, str, list[int]]] = []
    for row, digest, columns in spec["layout"]:
        waiting[digest].append(int(row))
        if columns:
            with_open.append((int(row), digest, [int(column) for column in columns]))
    shift = _tail_shift(spec, keyed)
    unmatched = []
    for row in sorted(filled):
        values = [filled[row].get(column) for column in range(1, width + 1)]
        if row in task_rows or all(value is None for value in values):
            continue  # task rows are read by their key; content right of the form: _extra_columns
        digest = form.fixed_digest(values)
        if waiting.get(digest):
            rows = waiting[digest]
            rows.remove(row if row in rows else rows[0])
            continue
        place = next(
            (entry for entry in with_open
             if entry[0] + shift == row and entry[0] in waiting[entry[1]]
             and form.fixed_digest(form.blanked(values, entry[2])) == entry[1]),
            None,
        )  # fmt: skip
        if place is not None:
            waiting[place[1]].remove(place[0])
            continue
        unmatched.append(row)
    missing = {row for digest, rows in waiting.items() if digest != blank for row in rows}
    problems = []
    for row in unmatched[:SHOWN_ROWS]:
        where = f"{sheet_where}, dòng {row}"
        if row in missing:
            missing.discard(row)
            problems.append(FormProblem(
                LOCKED_EDITED, Level.CONFLICT,
                f"Dòng {row} của mẫu (tiêu đề, đầu bảng, dòng mục hoặc phần ký; các ô bị khóa) đã bị sửa thành "
                f"{_excerpt(filled[row])}. Nội dung sửa không được nhập.",
                where,
            ))  # fmt: skip
        else:
            problems.append(FormProblem(
                EXTRA_ROW, Level.CONFLICT,
                f"Dòng {row} không có trong mẫu đã gửi (dòng được thêm hoặc dán vào): {_excerpt(filled[row])}. "
                "Nội dung của dòng này không được nhập; kết quả của một nhiệm vụ cần ghi vào đúng dòng của "
                "nhiệm vụ đó.",
                where,
            ))  # fmt: skip
    if len(unmatched) > SHOWN_ROWS:
        rest = unmatched[SHOWN_ROWS:]
        problems.append(_more(EXTRA_ROW, Level.CONFLICT, len(rest), f"dòng {rest[0]}", f"dòng {rest[-1]}", sheet_where))
    if missing:
        listed = ", ".join(str(row) for row in sorted(missing)[:10]) + ("…" if len(missing) > 10 else "")
        problems.append(FormProblem(
            LOCKED_EDITED, Level.CONFLICT,
            f"{len(missing)} dòng tiêu đề, đầu bảng, dòng mục hoặc phần ký của mẫu đã bị xóa hoặc sửa "
            f"(dòng {listed} của mẫu đã gửi).",
            sheet_where,
        ))  # fmt: skip
    return problems


def _tail_shift(spec: dict, keyed: dict[str, list[int]]) -> int:
    """How far the rows under the table moved: rows added or removed above them move the
    last task row by as much (0 when that row is gone)."""
    if not spec["rows"]:
        return 0
    last = max(spec["rows"], key=lambda row_spec: int(row_spec["row"]))
    found = keyed.get(form.task_key(int(last["task_id"])))
    return found[0] - int(last["row"]) if found else 0


def _foreign_rows(spec: dict, filled: dict, keyed: dict[str, list[int]], sheet_where: str) -> list[FormProblem]:
    """Rows keyed with a task this sheet does not have: pasted from another sheet or form."""
    own = {form.task_key(int(row_spec["task_id"])) for row_spec in spec["rows"]}
    problems = []
    for key, rows in keyed.items():
        if key in own:
            continue
        for row in rows:
            cells = filled[row]
            task = _excerpt({c: v for c, v in cells.items() if c in (form.NUMBER_COL, form.CONTENT_COL)}) or key
            answered = any(column in cells for column in form.ANSWER_COLS)
            problems.append(FormProblem(
                FOREIGN_ROW, Level.CONFLICT if answered else Level.NOTE,
                f"Dòng {row} là dòng của nhiệm vụ {task}, không thuộc trang này (dòng được chép từ trang hoặc tệp "
                "khác). " + ("Kết quả ở dòng này không được nhập: nếu là kết quả của đơn vị, cần điền vào đúng mẫu "
                "đã gửi cho đơn vị." if answered else "Dòng không có kết quả nên được bỏ qua."),
                f"{sheet_where}, dòng {row}",
            ))  # fmt: skip
    return _capped(problems, sheet_where)


def _capped(problems: list[FormProblem], sheet_where: str) -> list[FormProblem]:
    """At most SHOWN_ROWS problems of one kind for a sheet, then one that counts the rest
    (a sheet of thousands of added rows is a short preview, not thousands of lines)."""
    if len(problems) <= SHOWN_ROWS:
        return problems
    shown, rest = problems[:SHOWN_ROWS], problems[SHOWN_ROWS:]
    level = next((lv for lv in (Level.ERROR, Level.CONFLICT) if any(p.level is lv for p in rest)), Level.NOTE)
    first, last = (problem.where.rsplit(", ", 1)[-1] for problem in (rest[0], rest[-1]))
    return [*shown, _more(rest[0].code, level, len(rest), first, last, sheet_where)]


def _more(code: str, level: Level, count: int, first: str, last: str, sheet_where: str) -> FormProblem:
    return FormProblem(
        code, level,
        f"Ngoài {SHOWN_ROWS} dòng nêu trên, còn {count} dòng tương tự ({first} … {last}) không được nhập.",
        sheet_where,
    )  # fmt: skip


def _extra_columns(filled: dict, sheet_where: str) -> list[FormProblem]:
    width = len(form.COLUMNS)
    rows_of: dict[int, list[int]] = defaultdict(list)
    for row, cells in filled.items():
        for column in cells:
            if column > width:
                rows_of[column].append(row)
    problems = []
    for column, rows in sorted(rows_of.items()):
        letter, first = get_column_letter(column), min(rows)
        problems.append(FormProblem(
            EXTRA_COLUMN, Level.CONFLICT,
            f"Cột {letter} không có trong mẫu nhưng có nội dung ở {len(rows)} dòng (dòng {first}: "
            f"{_excerpt({column: filled[first][column]})}). Nội dung cột này không được nhập; kết quả cần ghi "
            "vào các cột màu vàng của mẫu.",
            f"{sheet_where}, cột {letter}",
        ))  # fmt: skip
    return problems


def _extra_sheets(wb, known: set[str], file_name: str) -> list[FormProblem]:
    problems = []
    for name in wb.sheetnames:
        if name in known or name == form.IDENTITY_SHEET:
            continue
        where = f"Tệp «{file_name}», trang «{name}»"
        sheet = wb[name]
        filled = _filled_rows(sheet)
        if not filled:
            what = "là trang biểu đồ" if not hasattr(sheet, "_cells") else "để trống"
            problems.append(FormProblem(
                EXTRA_SHEET, Level.NOTE, f"Trang «{name}» không thuộc mẫu báo cáo và {what}; được bỏ qua.", where,
            ))  # fmt: skip
            continue
        count = sum(len(cells) for cells in filled.values())
        tasks = len(_key_rows(filled))
        copy = f", {tasks} dòng nhiệm vụ: có thể là bản chép của trang đơn vị" if tasks else ""
        first = min(filled)
        problems.append(FormProblem(
            EXTRA_SHEET, Level.CONFLICT,
            f"Trang tính «{name}» không thuộc mẫu báo cáo nhưng có nội dung ({count} ô{copy}; dòng {first}: "
            f"{_excerpt(filled[first])}). Nội dung trang này không được nhập; kết quả cần điền vào trang của "
            "đơn vị trong mẫu.",
            where,
        ))  # fmt: skip
    return problems


def _excerpt(cells: dict[int, object], limit: int = 200) -> str:
    """A row's content for a message: «text» per cell, answer and added columns named."""
    parts = []
    for column in sorted(cells):
        text = _text(cells[column], one_line=True)
        if len(text) > 60:
            text = text[:59] + "…"
        if column in form.ANSWER_COLS:
            parts.append(f"{form.COLUMN_NAMES[column]} «{text}»")
        elif column > len(form.COLUMNS):
            parts.append(f"cột {get_column_letter(column)} «{text}»")
        else:
            parts.append(f"«{text}»")
    joined = ", ".join(parts)
    return joined if len(joined) <= limit else joined[: limit - 1] + "…"


# --- task rows --------------------------------------------------------------------------


def _read_row(ws, spec: dict, keyed: dict[str, list[int]], sheet_where: str, result: FormFile, cached_value):
    task_id = int(spec["task_id"])
    label = str(spec.get("label", ""))
    row = spec["row"]
    key = form.task_key(task_id)
    found = keyed.get(key)
    where = f"{sheet_where}, dòng {row}"
    if not found:
        result.problems.append(
            FormProblem(
                LOCKED_EDITED, Level.CONFLICT,
                f"Dòng của nhiệm vụ «{label}» không còn trong trang (dòng đã bị xóa hoặc mã nhiệm vụ bị sửa); "
                "nhiệm vụ này không có kết quả từ tệp.",
                where, task_id,
            )  # fmt: skip
        )
        return None
    primary = row if row in found else found[0]
    edited: list[str] = []
    if primary != row:
        edited.append(f"dòng đã bị chuyển từ dòng {row} sang dòng {primary}")
    chosen = _choose_among_copies(ws, label, primary, [r for r in found if r != primary], sheet_where, result, task_id)
    row, where = chosen, f"{sheet_where}, dòng {chosen}"
    changed = [
        form.COLUMN_NAMES[column]
        for column, digest in zip(form.LOCKED_COLS, spec["cells"])
        if form.cell_digest(ws.cell(row, column).value) != digest
    ]
    if changed:
        edited.append("ô bị khóa đã bị sửa ở cột " + ", ".join(f"«{name}»" for name in changed))
    if edited:
        result.problems.append(
            FormProblem(
                LOCKED_EDITED, Level.CONFLICT,
                f"Nhiệm vụ «{label}»: {'; '.join(edited)}. Kết quả của dòng vẫn được ghép theo mã nhiệm vụ "
                "trong tệp; hãy kiểm tra lại trước khi nhập.",
                where, task_id,
            )  # fmt: skip
        )
    values = {}
    for column in form.ANSWER_COLS:
        cell = ws.cell(row, column)
        value = cell.value
        if cell.data_type == "f":
            value = _formula_value(cell, cached_value(ws.title, row, column), where, result, task_id)
        values[column] = (value, cell.number_format or "")
    return _answer(values, task_id, str(spec.get("role", "")), label, where, result, bool(edited))


def _choose_among_copies(
    ws, label: str, primary: int, copies: list[int], sheet_where: str, result: FormFile, task_id: int
) -> int:
    """A task's row found more than once (a row copied under the table): the row the
    results are read from, each copy said in the preview. A copy without results or with
    the same ones is a note; results only in a copy are taken from it, and results
    differing from the kept row's are left out (both need the user's agreement)."""
    chosen, chosen_values = primary, _answer_texts(ws, primary)
    problems: list[FormProblem] = []
    for copy in copies:
        values = _answer_texts(ws, copy)
        where = f"{sheet_where}, dòng {copy}"
        head = f"Nhiệm vụ «{label}» có thêm dòng {copy} (chép lại dòng {primary} của nhiệm vụ)"
        if not any(values) or values == chosen_values:
            what = "không có kết quả; dòng này được bỏ qua" if not any(values) else "cùng kết quả; chỉ ghi một lần"
            problems.append(FormProblem(DUPLICATE_ROW, Level.NOTE, f"{head}, {what}.", where, task_id))
        elif not any(chosen_values):
            problems.append(FormProblem(
                DUPLICATE_ROW, Level.CONFLICT,
                f"{head}: dòng {chosen} để trống, kết quả được điền ở dòng {copy}. Nếu chấp nhận, kết quả lấy từ "
                f"dòng {copy}.",
                where, task_id,
            ))  # fmt: skip
            chosen, chosen_values = copy, values
        else:
            problems.append(FormProblem(
                DUPLICATE_ROW, Level.CONFLICT,
                f"{head} với kết quả khác dòng {chosen}. Nếu chấp nhận, chỉ ghi kết quả ở dòng {chosen}; nội dung "
                f"dòng {copy} không được nhập.",
                where, task_id,
            ))  # fmt: skip
    result.problems.extend(_capped(problems, sheet_where))
    return chosen


def _answer_texts(ws, row: int) -> tuple[str, ...]:
    return tuple(form.canonical(ws.cell(row, column).value) for column in form.ANSWER_COLS)


def _formula_value(cell, cached, where: str, result: FormFile, task_id: int):
    formula = cell.value if isinstance(cell.value, str) else getattr(cell.value, "text", str(cell.value))
    column = form.COLUMN_NAMES[cell.column]
    if cached is not None:
        result.problems.append(
            FormProblem(
                FORMULA, Level.NOTE,
                f"Ô cột «{column}» là công thức «{formula}»; đã lấy giá trị Excel đã tính: «{cached}».",
                where, task_id,
            )  # fmt: skip
        )
        return cached
    result.problems.append(
        FormProblem(
            FORMULA, Level.NOTE,
            f"Ô cột «{column}» là công thức chưa được tính (tệp chưa mở bằng Excel); đã lấy nguyên văn «{formula}».",
            where, task_id,
        )  # fmt: skip
    )
    return formula


def _answer(values: dict, task_id: int, role: str, label: str, where: str, result: FormFile, edited: bool):
    if all(_is_blank(value) for value, _ in values.values()):
        return None
    problems: list[str] = []
    status_text = _text(values[form.STATUS_COL][0], one_line=True)
    status = None
    if not status_text:
        problems.append("chưa chọn Trạng thái (các cột khác của dòng đã có nội dung)")
    else:
        try:
            status = Status.from_label(status_text)
        except ValueError:
            problems.append(
                f"Trạng thái «{status_text}» không có trong danh sách ({', '.join(form.STATUS_CHOICES)})"
            )
    try:
        percent = parse_percent(*values[form.PERCENT_COL])
    except ValueError:
        percent = None
        problems.append(f"% hoàn thành «{_text(values[form.PERCENT_COL][0])}» không phải số nguyên từ 0 đến 100")
    difficulties = _text(values[form.DIFFICULTIES_COL][0])
    if status is Status.NOT_DONE and not difficulties:
        problems.append("trạng thái «Không thực hiện» cần ghi lý do ở cột «Khó khăn, vướng mắc»")
    mismatch = percent_mismatch(status, percent) if status is not None else None
    if mismatch is not None and mismatch.refused:
        problems.append(mismatch.text)
    elif mismatch is not None:
        result.problems.append(FormProblem(PERCENT_STATUS, Level.NOTE, f"Nhiệm vụ «{label}»: {mismatch.text}.", where, task_id))
    for problem in problems:
        result.problems.append(FormProblem(BAD_VALUE, Level.ERROR, f"Nhiệm vụ «{label}»: {problem}.", where, task_id))
    evidence_text = _text(values[form.EVIDENCE_COL][0])
    return FormAnswer(
        task_id=task_id,
        role=role,
        task_label=label,
        where=where,
        status=status,
        percent=percent,
        result=_text(values[form.RESULT_COL][0]),
        evidence_text=evidence_text,
        difficulties=difficulties,
        evidence=parse_evidence(evidence_text),
        locked_edited=edited,
    )


def _is_blank(value) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def _text(value, *, one_line: bool = False) -> str:
    """A cell's value as the text the unit meant (NFC, tidied)."""
    if value is None:
        return ""
    if isinstance(value, datetime):
        value = value.strftime("%d/%m/%Y %H:%M" if value.time() != datetime.min.time() else "%d/%m/%Y")
    elif isinstance(value, date):
        value = value.strftime("%d/%m/%Y")
    elif isinstance(value, float) and value.is_integer():
        value = int(value)
    return tidy_line(str(value)) if one_line else tidy(str(value))


def parse_percent(value, number_format: str = "") -> int | None:
    """A whole percentage 0..100 from a cell; ValueError for anything else."""
    if _is_blank(value):
        return None
    if isinstance(value, bool):
        raise ValueError(value)
    if isinstance(value, str):
        number = float(value.strip().rstrip("%").strip().replace(",", "."))  # "50", "50%", "50,0"
    elif isinstance(value, (int, float)):
        # A cell formatted as a percentage holds 0.5 for "50%".
        number = float(value) * (100 if "%" in number_format else 1)
    else:
        raise ValueError(value)
    rounded = round(number)
    if abs(number - rounded) > 1e-6 or not 0 <= rounded <= 100:
        raise ValueError(value)
    return int(rounded)


# --- evidence -------------------------------------------------------------------------


# "12/BC-SXD", "125/QĐ-UBND", "01/2025/TT-BXD": digits, slashes, and a part with letters.
_DOC_NUMBER = re.compile(r"(?<![\w/])(\d+[\w.]*(?:/[\w.&-]+)*/[\w.&-]*[^\W\d_][\w.&-]*)", re.UNICODE)
_NUMBER_WORD = re.compile(r"\bs[oố]\s*:?\s*$", re.IGNORECASE)
_NUMERIC_DATE = re.compile(r"\b(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*(\d{4})\b")
_WORDED_DATE = re.compile(
    r"\bng[aà]y\s+(\d{1,2})\s+th[aá]ng\s+(\d{1,2})\s+n[aă]m\s+(\d{4})\b", re.IGNORECASE
)
_DAY_WORD = re.compile(r"\bng[aà]y\s*:?\s*$", re.IGNORECASE)
_BULLET = re.compile(r"^\s*(?:[-+•*–]\s+|\d{1,2}[.)]\s+)")
_LEADING_JOINS = re.compile(r"^(?:(?:v/v|về việc|về)(?=\s|$)|[:\-–,;])\s*", re.IGNORECASE)


def parse_evidence(text: str) -> list[Evidence]:
    """One Evidence per line: «Số 12/BC-SXD ngày 05/6/2025 về ...» gives số/ký hiệu,
    ngày and trích yếu; a line where neither is found is kept whole as trích yếu."""
    return [item for line in tidy(text).split("\n") if (item := parse_evidence_line(line))]


def parse_evidence_line(line: str) -> Evidence | None:
    line = _BULLET.sub("", tidy_line(line))
    if not line:
        return None
    rest = line
    number = ""
    match = _DOC_NUMBER.search(rest)
    if match:
        number = match.group(1).rstrip(".,;")
        before = _NUMBER_WORD.sub("", rest[: match.start()]).rstrip()
        rest = f"{before} {rest[match.end():]}"
    issued, rest = _take_date(rest)
    if not number and issued is None:
        return Evidence(summary=line)
    rest = re.sub(r"(?<!\w)v/v(?!\w)", "về việc", rest, flags=re.IGNORECASE)
    summary = _LEADING_JOINS.sub("", re.sub(r"\s+", " ", rest).strip(" ,;:-–"))
    summary = _LEADING_JOINS.sub("", summary).strip()
    if summary:
        summary = summary[0].upper() + summary[1:]
    return Evidence(doc_number=number, issued_on=issued, summary=summary or "")


def _take_date(text: str) -> tuple[date | None, str]:
    for pattern in (_WORDED_DATE, _NUMERIC_DATE):
        match = pattern.search(text)
        if not match:
            continue
        try:
            day = date(int(match.group(3)), int(match.group(2)), int(match.group(1)))
        except ValueError:
            continue
        before = text[: match.start()]
        if pattern is _NUMERIC_DATE:
            before = _DAY_WORD.sub("", before)
        return day, f"{before.rstrip()} {text[match.end():]}"
    return None, text
