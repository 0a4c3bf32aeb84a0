"""From the tables a reader found to a PlanDraft: the same for .docx, .xlsx, .pdf and text.

1. Find the task table: the table whose header names the task columns
   (columns.py). Other tables — the document's own header, laid out as a
   borderless table — are skipped. Several tables with the same header are one
   appendix cut in parts; several sheets of a workbook are alternatives. A
   document whose tables name no task column is not refused: its largest table
   is read with columns guessed from the data, and the user says what each
   column holds (`ColumnChoices`, the import preview, `import --columns`).
2. Walk its rows (task_rows.py): section rows open sections, numbered rows are
   tasks, header rows printed again are skipped, a row whose number cell is
   empty is the previous row continued past a page break, a task of its own or
   a section title.
3. Turn each task's cells into a TaskDraft: columns without a field kept as
   named extra fields, units named in the lead / coordinating texts, sections
   tagged with an area.
Every guess is reported as an ImportWarning with the row it concerns.
"""

from __future__ import annotations

import copy
from dataclasses import dataclass, field

from kehoach_desktop.domain.drafts import ColumnMeaning, ImportWarning, PlanDraft
from kehoach_desktop.domain.text import tidy_line
from kehoach_desktop.importers.base import ImportFailed, RawDocument, RawTable
from kehoach_desktop.importers.columns import (
    Field,
    TableColumns,
    find_header,
    guess_columns,
    header_key,
    with_choices,
)
from kehoach_desktop.importers.plan_year import find_year
from kehoach_desktop.importers.sections import tag_areas
from kehoach_desktop.importers.task_rows import TableReader

# The tables a task table is looked for in when none has a recognised header.
MIN_GUESSED_WIDTH = 2
MIN_GUESSED_ROWS = 2
MIN_LAYOUT_TASK_WIDTH = 3
SAMPLE_ROWS = 12  # rows under the header searched for a column's example cell
SAMPLE_CHARS = 120


@dataclass
class ColumnChoices:
    """What the user said the columns hold: `chosen` by column index (0 = the first
    column) for this import, `remembered` by header words from earlier imports."""

    chosen: dict[int, Field] = field(default_factory=dict)
    remembered: dict[str, Field] = field(default_factory=dict)


def interpret(doc: RawDocument, year: int | None = None, choices: ColumnChoices | None = None) -> PlanDraft:
    """The plan in `doc`; ImportFailed when it has no table, or (unless the user
    chose the columns) no task."""
    choices = choices or ColumnChoices()
    warnings = list(doc.warnings)
    parts, columns = _task_tables(doc, warnings)
    columns = with_choices(columns, choices.chosen, choices.remembered)
    _warn_about_columns(columns, parts[0][0], warnings)
    reader = TableReader(columns, warnings)
    for index, (table, first_row) in enumerate(parts):
        reader.read_table(table, first_row, first=index == 0)
    sections = reader.finish()
    draft = PlanDraft(plan=copy.deepcopy(doc.header), sections=sections, warnings=warnings, source=doc)
    draft.columns = _meanings(columns, parts[0])
    if not draft.task_count():
        if not choices.chosen:
            raise ImportFailed(
                f"Tệp «{doc.source_name}»: {parts[0][0].label} có dòng tiêu đề của bảng nhiệm vụ "
                "nhưng không có nhiệm vụ nào bên dưới."
            )
        warnings.append(ImportWarning("Với các cột đã chọn, bảng không có nhiệm vụ nào: hãy chọn lại cột «Nhiệm vụ»."))
    tag_areas(reader.places, warnings)
    draft.plan.columns = [columns.titles[i] for i in range(columns.width) if columns.titles[i]]
    draft.plan.source_name = draft.plan.source_name or doc.source_name
    draft.plan.year = find_year(year, doc, draft, warnings, _title_rows(parts[0], columns))
    return draft


def _meanings(columns: TableColumns, first_part: tuple[RawTable, int]) -> list[ColumnMeaning]:
    origins = columns.origins or ["guessed"] * columns.width
    table, body_start = first_part
    rows = [row.own_cells() for row in table.rows[body_start : body_start + SAMPLE_ROWS]]
    return [
        ColumnMeaning(columns.title(i), columns.fields[i].value, origins[i], header_key(columns.titles[i]),
                      _sample(rows, i))  # fmt: skip
        for i in range(columns.width)
    ]


def _sample(rows: list[list[str]], index: int) -> str:
    """The column's first cell with words in it (not a section row's lone title)."""
    for cells in rows:
        filled = [text for text in cells if text.strip()]
        if index < len(cells) and cells[index].strip() and len(filled) > 1:
            return tidy_line(cells[index])[:SAMPLE_CHARS]
    return ""


def _warn_about_columns(columns: TableColumns, table: RawTable, warnings: list[ImportWarning]) -> None:
    if not columns.recognised:
        warnings.append(ImportWarning(
            f"Không nhận ra dòng tiêu đề của bảng nhiệm vụ; đã đọc {table.label} và đoán nghĩa từng cột "
            f"({_described(columns)}). Hãy xem lại và chọn nghĩa đúng cho từng cột.", table.label))  # fmt: skip
    extras = [columns.title(i) for i, f in enumerate(columns.fields) if f is Field.EXTRA and columns.origins[i] != "chosen"]
    if extras and columns.recognised:
        names = ", ".join(f"«{name}»" for name in extras)
        warnings.append(ImportWarning(
            f"Cột {names} không phải cột nào chương trình biết: nội dung được giữ nguyên như cột riêng của "
            "từng nhiệm vụ (xem ở phần chi tiết nhiệm vụ). Có thể chọn lại nghĩa của cột khi xem trước.",
            table.label))  # fmt: skip
    if Field.CONTENT not in columns.fields:
        warnings.append(ImportWarning("Chưa có cột nào là «Nhiệm vụ»: hãy chọn cột chứa nội dung nhiệm vụ.", table.label))


def _described(columns: TableColumns) -> str:
    return "; ".join(f"«{columns.title(i)}»: {_meaning_name(f)}" for i, f in enumerate(columns.fields))


def _meaning_name(field_: Field) -> str:
    from kehoach_desktop.domain.drafts import MEANING_NAMES

    return MEANING_NAMES.get(field_.value, field_.value)


# ---------------------------------------------------------------- the task table


def _title_rows(first_part: tuple[RawTable, int], columns: TableColumns) -> list[str]:
    """The texts above the header in the task table (a workbook's title rows)."""
    table, body_start = first_part
    rows = table.rows[: max(0, body_start - columns.row_count)]
    return [cell for row in rows for cell in row.cells if cell.strip()]


def _task_tables(doc: RawDocument, warnings: list[ImportWarning]) -> tuple[list[tuple[RawTable, int]], TableColumns]:
    """The task table's parts (table, first row after its header) and its columns."""
    found: list[tuple[RawTable, TableColumns | None]] = [
        (table, find_header([row.own_cells() for row in table.rows])) for table in doc.tables
    ]
    with_header = [(table, cols) for table, cols in found if cols]
    if not with_header:
        return _guessed_table(doc)
    main_table, columns = max(with_header, key=lambda pair: len(pair[0].rows))
    if _is_sheet(main_table):
        main_table, columns = with_header[0]
    parts: list[tuple[RawTable, int]] = []
    previous_in_group = False
    for table, cols in found:
        if table is main_table or (cols and cols.fields == columns.fields and _same_source(table, main_table)):
            assert cols is not None
            parts.append((table, cols.first_row + cols.row_count))
            previous_in_group = True
        elif cols is None and previous_in_group and _continues(table, columns) and not _is_sheet(table):
            parts.append((table, 0))
            warnings.append(ImportWarning(
                f"{table.label} không có dòng tiêu đề nhưng cùng số cột với bảng nhiệm vụ ngay trước nó: "
                "đã đọc như phần tiếp theo của bảng đó.", table.label))  # fmt: skip
        else:
            previous_in_group = False
            _warn_skipped(table, cols, main_table, warnings)
    return parts, columns


def _guessed_table(doc: RawDocument) -> tuple[list[tuple[RawTable, int]], TableColumns]:
    """No table names its columns: the largest table that is not the document's
    layout, its columns guessed. Only a document without any table is refused."""
    sized = [table for table in doc.tables if len(table.rows) >= MIN_GUESSED_ROWS and _width(table) >= MIN_GUESSED_WIDTH]
    # A small table the reader took for layout may still be the tasks (three
    # columns, a few rows); the two-column blocks of a letter's head and
    # signature are not.
    candidates = [t for t in sized if not t.layout] or [t for t in sized if _width(t) >= MIN_LAYOUT_TASK_WIDTH]
    if not candidates:
        raise ImportFailed(_no_table_message(doc))
    table = max(candidates, key=lambda t: (len(t.rows) * _width(t), -doc.tables.index(t)))
    columns = guess_columns([row.own_cells() for row in table.rows])
    return [(table, columns.first_row + columns.row_count)], columns


def _width(table: RawTable) -> int:
    return max((len(row.cells) for row in table.rows), default=0)


def _is_sheet(table: RawTable) -> bool:
    return bool(table.sheet) or table.label.startswith("trang tính")


def _same_source(table: RawTable, main: RawTable) -> bool:
    """Tables of one document belong together; different sheets of a workbook do not."""
    if not (_is_sheet(table) or _is_sheet(main)):
        return True
    return (table.sheet or table.label) == (main.sheet or main.label)


def _continues(table: RawTable, columns: TableColumns) -> bool:
    """A table without a header goes on from the task table when all its rows have
    the task table's width."""
    widths = {len(row.cells) for row in table.rows if any(cell.strip() for cell in row.cells)}
    return widths == {columns.width}


def _warn_skipped(table: RawTable, cols: TableColumns | None, main: RawTable, warnings: list[ImportWarning]) -> None:
    if cols is not None:
        warnings.append(ImportWarning(
            f"{table.label} cũng có dòng tiêu đề của bảng nhiệm vụ nhưng không được nhập "
            f"(chỉ nhập {main.label}).", table.label))  # fmt: skip
    elif not table.layout and len(table.rows) >= 3 and _width(table) >= 3:
        warnings.append(ImportWarning(
            f"{table.label} không có dòng tiêu đề nào nhận ra được (TT, Nhiệm vụ, Tiến độ, Đơn vị…): đã bỏ qua.",
            table.label))  # fmt: skip


def _no_table_message(doc: RawDocument) -> str:
    if not doc.tables:
        seen = "Trong tệp không có bảng nào."
        if not doc.source_name.lower().endswith((".docx", ".xlsx", ".pdf")):
            seen += " (Văn bản dán vào cần giữ các cột cách nhau bằng phím Tab, như khi chép bảng từ Word/Excel.)"
    else:
        seen = "Các bảng có trong tệp chỉ là phần trình bày: " + "; ".join(_describe(t) for t in doc.tables[:8]) + "."
    return (
        f"Tệp «{doc.source_name}»: không tìm thấy bảng nhiệm vụ — cần một bảng có các cột như «TT», "
        f"«Nhiệm vụ», «Tiến độ», «Đơn vị chủ trì». {seen}"
    )


def _describe(table: RawTable) -> str:
    first = next((row.cells for row in table.rows if any(c.strip() for c in row.cells)), [])
    shown = ", ".join(f"«{tidy_line(c)[:30]}»" for c in first if c.strip())[:120]
    return f"{table.label} ({len(table.rows)} dòng × {_width(table)} cột{', dòng đầu: ' + shown if shown else ''})"
