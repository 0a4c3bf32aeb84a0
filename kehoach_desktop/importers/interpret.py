"""From the tables a reader found to a PlanDraft: the same for .docx, .xlsx and text.

1. Find the task table: the table whose header names the task columns
   (columns.py). Other tables — the document's own header, laid out as a
   borderless table — are skipped. Several tables with the same header are one
   appendix cut in parts; several sheets of a workbook are alternatives.
2. Walk its rows (rows.py): section rows open sections (a capital-letter part
   holds the Roman-numbered sections after it), numbered rows are tasks (3.1
   under 3), header rows printed again are skipped, and a row whose number
   cell is empty is either the previous row continued past a page break or an
   unnumbered task.
3. Turn each task's cells into a TaskDraft: unknown columns kept in the note,
   units named in the lead / coordinating texts, sections tagged with an area.
Every guess is reported as an ImportWarning with the row it concerns.
"""

from __future__ import annotations

import copy
from dataclasses import dataclass
from dataclasses import field as dataclass_field

from kehoach_desktop.domain.drafts import ImportWarning, PlanDraft, SectionDraft, TaskDraft
from kehoach_desktop.domain.text import tidy, tidy_line
from kehoach_desktop.importers.assignments import canonical_unit_name, split_assignment, unit_names
from kehoach_desktop.importers.base import ImportFailed, RawDocument, RawRow, RawTable
from kehoach_desktop.importers.cells import clean_cell, tidy_text
from kehoach_desktop.importers.columns import (
    Field,
    TableColumns,
    find_header,
    header_key,
    is_column_numbers,
    same_header,
)
from kehoach_desktop.importers.plan_year import find_year
from kehoach_desktop.importers.rows import (
    continuation_score,
    is_all_caps,
    is_part_ordinal,
    join_continued,
    number_key,
    number_kind,
    ordinal_of,
    split_heading,
)
from kehoach_desktop.importers.sections import SectionPlace, tag_areas


def interpret(doc: RawDocument, year: int | None = None) -> PlanDraft:
    """The plan in `doc`; ImportFailed when it has no task table or no task."""
    warnings = list(doc.warnings)
    parts, columns = _task_tables(doc, warnings)
    builder = _TableReader(columns, warnings)
    for index, (table, first_row) in enumerate(parts):
        for position, row in enumerate(table.rows[first_row:]):
            builder.add(row, table_start=index > 0 and position == 0)
    sections = builder.finish()
    draft = PlanDraft(plan=copy.deepcopy(doc.header), sections=sections, warnings=warnings)
    if not draft.task_count():
        raise ImportFailed(
            f"Tệp «{doc.source_name}»: {parts[0][0].label} có dòng tiêu đề của bảng nhiệm vụ "
            "nhưng không có nhiệm vụ nào bên dưới."
        )
    tag_areas(builder.places, warnings)
    draft.plan.columns = [title for title in columns.titles if title]
    draft.plan.source_name = draft.plan.source_name or doc.source_name
    draft.plan.year = find_year(year, doc, draft, warnings, _title_rows(parts[0], columns))
    return draft


# ---------------------------------------------------------------- the task table


def _title_rows(first_part: tuple[RawTable, int], columns: TableColumns) -> list[str]:
    """The texts above the header in the task table (a workbook's title rows)."""
    table, body_start = first_part
    rows = table.rows[: body_start - columns.row_count]
    return [cell for row in rows for cell in row.cells if cell.strip()]


def _task_tables(doc: RawDocument, warnings: list[ImportWarning]) -> tuple[list[tuple[RawTable, int]], TableColumns]:
    """The task table's parts (table, first row after its header) and its columns."""
    found: list[tuple[RawTable, TableColumns | None]] = [
        (table, find_header([row.cells for row in table.rows])) for table in doc.tables
    ]
    with_header = [(table, cols) for table, cols in found if cols]
    if not with_header:
        raise ImportFailed(_no_table_message(doc))
    main_table, columns = max(with_header, key=lambda pair: len(pair[0].rows))
    if _is_sheet(main_table):
        main_table, columns = with_header[0]
    parts: list[tuple[RawTable, int]] = []
    previous_in_group = False
    for table, cols in found:
        if table is main_table or (cols and cols.fields == columns.fields and _same_source(table, main_table)):
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
    elif len(table.rows) >= 3 and max((len(row.cells) for row in table.rows), default=0) >= 3:
        warnings.append(ImportWarning(
            f"{table.label} không có dòng tiêu đề nào nhận ra được (TT, Nhiệm vụ, Tiến độ, Đơn vị…): đã bỏ qua.",
            table.label))  # fmt: skip


def _no_table_message(doc: RawDocument) -> str:
    expected = (
        "«TT», «Nhiệm vụ» (hoặc «Nội dung công việc»), «Tiến độ» (hoặc «Thời hạn»), "
        "«Đơn vị chủ trì», «Kết quả/sản phẩm»"
    )
    if not doc.tables:
        seen = "Trong tệp không có bảng nào."
        if not doc.source_name.lower().endswith((".docx", ".xlsx")):
            seen += " (Văn bản dán vào cần giữ các cột cách nhau bằng phím Tab, như khi chép bảng từ Word/Excel.)"
    else:
        seen = "Các bảng có trong tệp: " + "; ".join(_describe(table) for table in doc.tables[:8]) + "."
    return (
        f"Tệp «{doc.source_name}»: không tìm thấy bảng nhiệm vụ — cần một bảng có dòng tiêu đề gồm các cột "
        f"như {expected}. {seen}"
    )


def _describe(table: RawTable) -> str:
    width = max((len(row.cells) for row in table.rows), default=0)
    first = next((row.cells for row in table.rows if any(c.strip() for c in row.cells)), [])
    shown = ", ".join(f"«{tidy_line(c)[:30]}»" for c in first if c.strip())[:120]
    return f"{table.label} ({len(table.rows)} dòng × {width} cột{', dòng đầu: ' + shown if shown else ''})"


# ---------------------------------------------------------------- the rows


@dataclass
class _Task:
    draft: TaskDraft
    cells: list[str]
    where: str


@dataclass
class _Section:
    draft: SectionDraft
    where: str
    numbered: dict[str, _Task] = dataclass_field(default_factory=dict)
    last_arabic: _Task | None = None


class _TableReader:
    """Reads the rows of one task table in order."""

    def __init__(self, columns: TableColumns, warnings: list[ImportWarning]):
        self.columns = columns
        self.warnings = warnings
        self.number_col = columns.index(Field.NUMBER)
        self.content_col = columns.index(Field.CONTENT)
        self._number_cols = {self.number_col} if self.number_col is not None else set()
        self.sections: list[SectionDraft] = []
        self.section: _Section | None = None
        self.top_kind = ""  # "part" (A, B …) or "roman" (I, II …): whichever came first
        self.places: list[SectionPlace] = []
        self.tasks: list[_Task] = []
        self.last: _Task | _Section | None = None
        self.after_header = False  # the previous row was a header printed again
        self.pending_sub_header = False

    def add(self, row: RawRow, table_start: bool = False) -> None:
        cells = self._cells(row)
        if not any(cells) or self._is_repeated_header(cells):
            return
        after_break = row.after_break or table_start or self.after_header
        self.after_header = False
        heading = self._section_heading(cells, row, after_break)
        if heading is not None:
            self._open_section(*heading, row)
        elif isinstance(self.last, _Section) and after_break and self._title_goes_on(cells):
            self._continue_title(cells, row)
        else:
            number = cells[self.number_col] if self.number_col is not None else ""
            # Without a number column every row is "unnumbered": only a page break
            # can cut one in two there.
            unnumbered_table = self.number_col is None and not after_break
            if number or unnumbered_table or not isinstance(self.last, _Task):
                self._add_task(number, cells, row)
            else:
                self._unnumbered(cells, row, after_break)

    def _cells(self, row: RawRow) -> list[str]:
        cells = [clean_cell(cell) for cell in row.cells]
        width = self.columns.width
        extra = [(i, text) for i, text in enumerate(cells[width:], start=width) if text]
        if extra:
            self.warnings.append(ImportWarning(
                f"Dòng có {len(cells)} ô, nhiều hơn số cột của tiêu đề ({width}): "
                "nội dung các ô thừa được ghi vào phần Ghi chú.", row.where))  # fmt: skip
        cells = (cells + [""] * width)[:width]
        return cells + [text for _, text in extra]

    def _is_repeated_header(self, cells: list[str]) -> bool:
        if same_header(self.columns, cells):
            self.after_header = True
            self.pending_sub_header = bool(self.columns.sub_keys)
            return True
        if self.pending_sub_header:
            self.pending_sub_header = False
            if [header_key(c) for c in cells[: len(self.columns.sub_keys)]] == self.columns.sub_keys:
                return True
        return is_column_numbers(cells)

    # ---- sections

    def _section_heading(self, cells: list[str], row: RawRow, after_break: bool) -> tuple[str, str] | None:
        """(ordinal, title) when the row is a section title, else None."""
        filled = [i for i, text in enumerate(cells) if text]
        number = cells[self.number_col] if self.number_col is not None else ""
        ordinal = ordinal_of(number) if number else None
        if ordinal is not None:
            title = cells[self.content_col] if self.content_col is not None else ""
            others = [i for i in filled if i not in (self.number_col, self.content_col)]
            if others:
                self.warnings.append(ImportWarning(
                    f"Dòng mục «{ordinal}» có chữ ở cột {', '.join('«' + self._title(i) + '»' for i in others)}; "
                    "tên mục chỉ lấy ở cột nhiệm vụ, phần chữ kia không được nhập.", row.where))  # fmt: skip
            return ordinal, title
        if len(filled) != 1:
            return None
        index, text = filled[0], cells[filled[0]]
        heading = split_heading(text)
        if heading and (number_kind(heading[0]) != "arabic" or row.spans_whole_row):
            return heading
        if index == self.content_col and is_all_caps(text) and not self._could_continue(cells, after_break):
            return "", text  # a title in capitals without a numeral
        first_col = self.number_col if self.number_col is not None else 0
        if row.spans_whole_row or (index == first_col and number_kind(text) == "other"):
            if not is_all_caps(text):
                self.warnings.append(ImportWarning(
                    f"Dòng chỉ có một ô «{tidy_line(text)[:60]}»: đã coi là tên mục.", row.where))  # fmt: skip
            return "", text
        return None

    def _could_continue(self, cells: list[str], after_break: bool) -> bool:
        """Capitals after a page break may be the end of the row above."""
        if not after_break or self.last is None:
            return False
        if isinstance(self.last, _Section):
            return True
        return continuation_score(self.last.cells, cells, self._number_cols, after_break) > 0

    def _title_goes_on(self, cells: list[str]) -> bool:
        """After a page break, a lone fragment in the task cell under a section title
        is the title's end when it reads as one ("… CẢI CÁCH" + "HÀNH CHÍNH")."""
        filled = [i for i, text in enumerate(cells) if text]
        if filled != [self.content_col] or self.section is None or self.section.draft.subsections:
            return False
        text = cells[self.content_col]
        return is_all_caps(text) or text[:1].islower()

    def _continue_title(self, cells: list[str], row: RawRow) -> None:
        draft = self.section.draft
        draft.title = join_continued(draft.title, cells[self.content_col])
        self.warnings.append(ImportWarning(
            f"Dòng sau ngắt trang đã được ghép vào tên mục «{draft.ordinal}». Hãy kiểm tra lại.",
            row.where))  # fmt: skip

    def _open_section(self, ordinal: str, title: str, row: RawRow) -> None:
        """Sections of the kind met first (A, B … or I, II …) are the top level;
        the other kind nests in the latest top-level section."""
        draft = SectionDraft(ordinal=tidy_line(ordinal), title=tidy(title))
        kind = ("part" if is_part_ordinal(ordinal) else "roman") if ordinal else ""
        self.top_kind = self.top_kind or kind
        parent = self.sections[-1] if self.sections and kind and kind != self.top_kind else None
        if parent is None and not kind and self.places and self.places[-1].parent is not None:
            parent = self.places[-1].parent  # an unnumbered title beside its siblings
        (parent.subsections if parent else self.sections).append(draft)
        self.section = _Section(draft, row.where)
        self.places.append(SectionPlace(draft, parent, row.where))
        self.last = self.section

    # ---- tasks

    def _add_task(self, number: str, cells: list[str], row: RawRow) -> None:
        if self.section is None:
            self.warnings.append(ImportWarning(
                "Có nhiệm vụ trước dòng tên mục đầu tiên: đã xếp vào một mục không tên.", row.where))  # fmt: skip
            self._open_section("", "", row)
        task = _Task(TaskDraft(number=tidy_line(number)), cells, row.where)
        self._place(task)
        self.tasks.append(task)
        self.last = task

    def _place(self, task: _Task) -> None:
        section = self.section
        kind = number_kind(task.draft.number)
        parent: _Task | None = None
        if kind == "arabic":
            key = number_key(task.draft.number)
            if "." in key:
                parent = section.numbered.get(key.rsplit(".", 1)[0])
            section.numbered[key] = task
            section.last_arabic = task
        elif kind in ("letter", "bullet"):
            parent = section.last_arabic
        (parent.draft.children if parent else section.draft.tasks).append(task.draft)

    def _unnumbered(self, cells: list[str], row: RawRow, after_break: bool) -> None:
        previous: _Task = self.last  # type: ignore[assignment]
        skip = self._number_cols
        score = continuation_score(previous.cells, cells, skip, after_break)
        label = f"nhiệm vụ {previous.draft.number}" if previous.draft.number else "nhiệm vụ ngay trên"
        if score > 0:
            previous.cells += [""] * (len(cells) - len(previous.cells))
            for i, text in enumerate(cells):
                if text and i not in skip:
                    previous.cells[i] = join_continued(previous.cells[i], text)
            if score <= 1 or not after_break:
                self.warnings.append(ImportWarning(
                    f"Dòng không có số thứ tự: đã coi là phần tiếp theo của {label} "
                    "(bị ngắt sang dòng mới). Hãy kiểm tra lại.", row.where))  # fmt: skip
            return
        if score >= -1:
            self.warnings.append(ImportWarning(
                f"Dòng không có số thứ tự: đã coi là một nhiệm vụ riêng (có thể là phần tiếp theo của {label}). "
                "Hãy kiểm tra lại.", row.where))  # fmt: skip
        self._add_task("", cells, row)

    def _title(self, index: int) -> str:
        titles = self.columns.titles
        return titles[index] if index < len(titles) and titles[index] else f"Cột {index + 1}"

    # ---- the result

    def finish(self) -> list[SectionDraft]:
        unknown_used: set[int] = set()
        for task in self.tasks:
            self._fill(task, unknown_used)
        for index in sorted(unknown_used):
            self.warnings.append(ImportWarning(
                f"Cột «{self._title(index)}» không phải cột nào chương trình biết: nội dung của nó "
                "được giữ trong phần Ghi chú của từng nhiệm vụ."))  # fmt: skip
        return self.sections

    def _fill(self, task: _Task, unknown_used: set[int]) -> None:
        draft, cells = task.draft, task.cells

        def text(field_: Field) -> str:
            index = self.columns.index(field_)
            return tidy_text(cells[index]) if index is not None else ""

        draft.content = text(Field.CONTENT)
        draft.schedule_text = text(Field.SCHEDULE)
        draft.output = text(Field.OUTPUT)
        draft.target = text(Field.TARGET)
        draft.lead_text = text(Field.LEAD)
        draft.coordinate_text = text(Field.COORDINATE)
        draft.assignment_raw = text(Field.ASSIGNMENT)
        notes = [text(Field.NOTE)] if text(Field.NOTE) else []
        for index, value in enumerate(cells):
            known = index < self.columns.width and self.columns.fields[index] is not None
            if value and not known:
                notes.append(f"Cột «{self._title(index)}»: {tidy(value)}")
                unknown_used.add(index)
        draft.note = "\n".join(notes)
        self._units(draft)

    @staticmethod
    def _units(draft: TaskDraft) -> None:
        if draft.assignment_raw and not (draft.lead_text or draft.coordinate_text):
            lead_part, coordinate_part = split_assignment(draft.assignment_raw)
            if not (lead_part or coordinate_part):
                lead_part = draft.assignment_raw  # no roles said: the units named do the work
        else:
            lead_part, coordinate_part = draft.lead_text, draft.coordinate_text
        # "VP Sở" and "Văn phòng Sở" must land on one unit of the directory.
        draft.lead_units = _distinct(canonical_unit_name(name) for name in unit_names(lead_part))
        draft.coordinate_units = [
            name for name in _distinct(canonical_unit_name(n) for n in unit_names(coordinate_part))
            if name not in draft.lead_units
        ]


def _distinct(names) -> list[str]:
    out: list[str] = []
    for name in names:
        if name not in out:
            out.append(name)
    return out
