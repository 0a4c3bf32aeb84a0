"""The rows of a task table, in order, into sections and tasks (see interpret.py).

What a row is (rows.py weighs the evidence):
- a header printed again (at a page break, under a part's title) or a row
  numbering the columns: skipped;
- a section title: an ordinal in the number cell ("I", "A.", "III.1.1"), the
  whole title in one cell ("I. CẢI CÁCH THỂ CHẾ"), or a title alone in the task
  cell with no ordinal, before numbered tasks ("Nhiệm vụ giao Bộ trưởng …");
  a heading paragraph printed right above a table is that table's section;
- a task: numbered, or under a number cell merged down from the row above (the
  same printed number for every row it spans), or a row of its own without a
  number;
- the previous row continued: an empty number cell, nothing merged, and cells
  that go on with the sentences of the row above (a page break cut it).

Sections nest: a capital-letter part holds the Roman-numbered sections after
it (or the other way round, whichever comes first), "III.1" sits in "III" and
"III.1.1" in "III.1".
"""

from __future__ import annotations

from dataclasses import dataclass
from dataclasses import field as dataclass_field

from kehoach_desktop.domain.drafts import ImportWarning, SectionDraft, TaskDraft
from kehoach_desktop.domain.text import tidy, tidy_line
from kehoach_desktop.importers import text_merges
from kehoach_desktop.importers.assignments import canonical_unit_name, split_assignment, unit_names
from kehoach_desktop.importers.base import RawRow, RawTable
from kehoach_desktop.importers.cells import clean_cell, tidy_text
from kehoach_desktop.importers.columns import Field, TableColumns, header_key, is_column_numbers, same_header
from kehoach_desktop.importers.rows import (
    continuation_score,
    ends_sentence,
    is_all_caps,
    is_part_ordinal,
    join_continued,
    number_key,
    number_kind,
    ordinal_of,
    split_heading,
)
from kehoach_desktop.importers.sections import SectionPlace

_VIETNAMESE_LETTERS = "ABCDĐEGHIKLMNOPQRSTUVXY"
_LATIN_LETTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
MAX_HEADING_CHARS = 250  # a section title; a longer lone text is a task


@dataclass
class _Section:
    draft: SectionDraft
    where: str
    numbered: dict[str, _Task] = dataclass_field(default_factory=dict)
    last_arabic: _Task | None = None


@dataclass
class _Task:
    draft: TaskDraft
    cells: list[str]
    where: str
    section: _Section
    merges_known: bool = True
    merged: frozenset[int] = frozenset()  # cells taken from the row above


class TableReader:
    """Reads the rows of a task table (one or several parts) in order."""

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
        self.merges_known = True  # the source says which cells are merged (not pasted text)
        self.breaks_resolved = False  # the reader joined rows cut by page breaks (PDF)

    def read_table(self, table: RawTable, first_row: int, first: bool) -> None:
        """One part of the task table: its heading paragraph, then its rows."""
        self.merges_known = table.merges_known
        self.breaks_resolved = table.breaks_resolved
        text, where = self._heading_above(table, first_row)
        heading = split_heading(text) if text else None
        if heading is not None:
            self._open_section(*heading, RawRow([text], where))
        rows = table.rows[first_row:]
        for position, row in enumerate(rows):
            following = rows[position + 1] if position + 1 < len(rows) else None
            self.add(row, table_start=not first and position == 0 and heading is None, following=following)

    def _heading_above(self, table: RawTable, first_row: int) -> tuple[str, str]:
        """The heading printed above the table's header: the paragraph before the
        table, or a title row of one cell right above the header in the table."""
        candidates = [(table.heading, f"{table.label}, đoạn văn phía trên bảng")]
        header_row = first_row - self.columns.row_count - 1
        if 0 <= header_row < len(table.rows):
            filled = [text for text in table.rows[header_row].own_cells() if text.strip()]
            if len(filled) == 1:
                candidates.insert(0, (filled[0], table.rows[header_row].where))
        for text, where in candidates:
            if text and len(text) <= MAX_HEADING_CHARS and split_heading(text):
                return text, where
        return "", ""

    def add(self, row: RawRow, table_start: bool = False, following: RawRow | None = None) -> None:
        cells = self._cells(row)
        merged = {i for i in row.merged_above if i < len(cells)}
        own = [text if i not in merged else "" for i, text in enumerate(cells)]
        if not any(own) or self._is_repeated_header(own):
            return
        after_break = (row.after_break or table_start or self.after_header) and not self.breaks_resolved
        self.after_header = False
        heading = self._section_heading(own, row, after_break, following)
        if heading is not None:
            self._open_section(*heading, row)
        elif isinstance(self.last, _Section) and after_break and self._title_goes_on(own):
            self._continue_title(own, row)
        else:
            number = cells[self.number_col] if self.number_col is not None else ""
            # Without a number column every row is "unnumbered": only a page break
            # can cut one in two there. Under a merged number cell, a row is a task
            # with the printed number of the cell.
            unnumbered_table = self.number_col is None and not after_break
            own_number = number and self.number_col not in merged
            if own_number or unnumbered_table or not isinstance(self.last, _Task) or (merged and not after_break):
                self._add_task(number, cells, row)
            else:
                self._unnumbered(number, cells, own, row, after_break)

    def _cells(self, row: RawRow) -> list[str]:
        cells = [clean_cell(cell) for cell in row.cells]
        width = self.columns.width
        extra = [(i, text) for i, text in enumerate(cells[width:], start=width) if text]
        if extra:
            self.warnings.append(ImportWarning(
                f"Dòng có {len(cells)} ô, nhiều hơn số cột của tiêu đề ({width}): "
                "nội dung các ô thừa được giữ như các cột khác của nhiệm vụ.", row.where))  # fmt: skip
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

    def _section_heading(
        self, cells: list[str], row: RawRow, after_break: bool, following: RawRow | None
    ) -> tuple[str, str] | None:
        """(ordinal, title) when the row is a section title, else None."""
        filled = [i for i, text in enumerate(cells) if text]
        number = cells[self.number_col] if self.number_col is not None else ""
        ordinal = ordinal_of(number) if number else None
        if ordinal is not None:
            return self._numbered_heading(number, cells, filled, row)
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
        if index == self.content_col and self._title_without_ordinal(text, cells, after_break, following):
            self.warnings.append(ImportWarning(
                f"Dòng «{tidy_line(text)[:60]}» không có số thứ tự và chỉ có chữ ở cột nhiệm vụ, ngay trước "
                "các nhiệm vụ có số: đã coi là tên mục.", row.where))  # fmt: skip
            return "", text
        return None

    def _numbered_heading(self, number: str, cells: list[str], filled: list[int], row: RawRow) -> tuple[str, str]:
        title = cells[self.content_col] if self.content_col is not None else ""
        others = [i for i in filled if i not in (self.number_col, self.content_col)]
        if not title and len(others) == 1:
            title = cells[others.pop()]  # the title merged across the row from the second cell on
        if others:
            self.warnings.append(ImportWarning(
                f"Dòng mục «{number.strip()}» có chữ ở cột {', '.join('«' + self.columns.title(i) + '»' for i in others)}; "
                "tên mục chỉ lấy ở cột nhiệm vụ, phần chữ kia không được nhập.", row.where))  # fmt: skip
        return number.strip(), title

    def _title_without_ordinal(
        self, text: str, cells: list[str], after_break: bool, following: RawRow | None
    ) -> bool:
        """A short title in the task cell, no number, not a sentence, right before a
        numbered task: a section the plan prints without an ordinal."""
        if self.number_col is None or following is None or len(text) > MAX_HEADING_CHARS:
            return False
        if ends_sentence(text) or not text[:1].isupper() or "\n" in text:
            return False
        if after_break and isinstance(self.last, _Section):
            return False  # a section title's end, cut by the page break (_title_goes_on)
        if after_break and isinstance(self.last, _Task):
            # After a page break it may be the row above going on: only when its
            # words say so (a lone cell is no evidence here, a title is one too).
            if continuation_score(self.last.cells, cells, self._number_cols, after_break) - 1 > 0:
                return False
        next_number = following.cells[self.number_col] if self.number_col < len(following.cells) else ""
        return number_kind(clean_cell(next_number)) == "arabic" and self.number_col not in following.merged_above

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
        if self.content_col is None or filled != [self.content_col]:
            return False
        if self.section is None or self.section.draft.subsections:
            return False
        text = cells[self.content_col]
        return is_all_caps(text) or text[:1].islower()

    def _continue_title(self, cells: list[str], row: RawRow) -> None:
        assert self.section is not None and self.content_col is not None
        draft = self.section.draft
        draft.title = join_continued(draft.title, cells[self.content_col])
        self.warnings.append(ImportWarning(
            f"Dòng sau ngắt trang đã được ghép vào tên mục «{draft.ordinal}». Hãy kiểm tra lại.",
            row.where))  # fmt: skip

    def _open_section(self, ordinal: str, title: str, row: RawRow) -> None:
        draft = SectionDraft(ordinal=tidy_line(ordinal), title=tidy(title))
        parent = self._parent_of(draft.ordinal)
        (parent.subsections if parent else self.sections).append(draft)
        self.section = _Section(draft, row.where)
        self.places.append(SectionPlace(draft, parent, row.where))
        self.last = self.section

    def _parent_of(self, ordinal: str) -> SectionDraft | None:
        """"III.1.1" sits in "III.1"; sections of the kind met first (A, B … or
        I, II …) are the top level and the other kind nests in the latest of them;
        an untitled-ordinal section stays beside its siblings."""
        bare = ordinal.rstrip(".):")
        if "." in bare:
            prefix = bare.rsplit(".", 1)[0]
            for place in reversed(self.places):
                if place.draft.ordinal.rstrip(".):") == prefix:
                    return place.draft
        kind = ("part" if is_part_ordinal(bare) else "roman") if bare and ordinal_of(bare) else ""
        if kind == "roman" and "." in bare:
            kind = ""  # "III.1" without its "III": beside the others
        if kind == "roman" and self.top_kind == "part" and self._next_letter(bare):
            kind = "part"  # "I." after "H.", "L." after "K.": letters, not Roman numerals
        self.top_kind = self.top_kind or kind
        if self.sections and kind and kind != self.top_kind:
            return self.sections[-1]
        if not kind and self.places and self.places[-1].parent is not None:
            return self.places[-1].parent  # an unnumbered title beside its siblings
        return None

    def _next_letter(self, bare: str) -> bool:
        """The ordinal is the letter after the latest part's, in the Vietnamese
        alphabet (… H, I, K, L …) or the Latin one."""
        if len(bare) != 1 or not self.sections:
            return False
        before = self.sections[-1].ordinal.rstrip(".):")
        return len(before) == 1 and any(
            before in alphabet and alphabet.find(before) + 1 == alphabet.find(bare)
            for alphabet in (_VIETNAMESE_LETTERS, _LATIN_LETTERS)
        )

    # ---- tasks

    def _add_task(self, number: str, cells: list[str], row: RawRow) -> None:
        if self.section is None:
            self.warnings.append(ImportWarning(
                "Có nhiệm vụ trước dòng tên mục đầu tiên: đã xếp vào một mục không tên.", row.where))  # fmt: skip
            self._open_section("", "", row)
        assert self.section is not None
        previous = self.last if isinstance(self.last, _Task) and self.last.section is self.section else None
        if not self.merges_known and previous is not None:
            number, cells, row = self._guess_merges(previous, number, cells, row)
        task = _Task(TaskDraft(number=tidy_line(number)), cells, row.where, self.section, self.merges_known,
                     row.merged_above)  # fmt: skip
        self._place(task, merged_number=self.number_col in row.merged_above)
        self.tasks.append(task)
        self.last = task

    def _guess_merges(self, previous: _Task, number: str, cells: list[str], row: RawRow) -> tuple[str, list[str], RawRow]:
        """Pasted text keeps a merged cell's text on its first row only (text_merges.py)."""
        carried = text_merges.merged_from_above(self.columns, previous.cells, previous.draft.number, number, cells)
        if not carried:
            return number, cells, row
        filled = list(cells)
        for i in carried:
            filled[i] = previous.cells[i] if i != self.number_col else previous.draft.number
        names = ", ".join("«" + self.columns.title(i) + "»" for i in carried)
        self.warnings.append(ImportWarning(
            f"Dòng thiếu ô {names} mà dòng trên có: đã coi là ô gộp với dòng trên và lấy chữ của dòng trên. "
            "Hãy kiểm tra lại.", row.where))  # fmt: skip
        number = filled[self.number_col] if self.number_col is not None else number
        return number, filled, RawRow(row.cells, row.where, merged_above=frozenset(carried))

    def _place(self, task: _Task, merged_number: bool = False) -> None:
        section = self.section
        assert section is not None
        kind = number_kind(task.draft.number)
        parent: _Task | None = None
        if merged_number and isinstance(self.last, _Task):
            parent = self._parent_task(self.last)  # the same printed number: a sibling
        elif kind == "arabic":
            key = number_key(task.draft.number)
            if "." in key:
                parent = section.numbered.get(key.rsplit(".", 1)[0])
            section.numbered.setdefault(key, task)
            section.last_arabic = task
        elif kind in ("letter", "bullet"):
            parent = section.last_arabic
        (parent.draft.children if parent else section.draft.tasks).append(task.draft)

    def _parent_task(self, task: _Task) -> _Task | None:
        for candidate in self.tasks:
            if task.draft in candidate.draft.children:
                return candidate
        return None

    def _unnumbered(self, number: str, cells: list[str], own: list[str], row: RawRow, after_break: bool) -> None:
        """A row without a number of its own (or under merged cells, after a page
        break): the row above going on, or a task of its own."""
        previous = self.last
        assert isinstance(previous, _Task)
        skip = self._number_cols
        score = continuation_score(previous.cells, own, skip, after_break)
        label = f"nhiệm vụ {previous.draft.number}" if previous.draft.number else "nhiệm vụ ngay trên"
        if score > 0 and self._may_be_cut(own, after_break):
            previous.cells += [""] * (len(own) - len(previous.cells))
            for i, text in enumerate(own):
                if text and i not in skip:
                    previous.cells[i] = join_continued(previous.cells[i], text)
            if score <= 1 or not after_break:
                self.warnings.append(ImportWarning(
                    f"Dòng không có số thứ tự: đã coi là phần tiếp theo của {label} "
                    "(bị ngắt sang dòng mới). Hãy kiểm tra lại.", row.where))  # fmt: skip
            return
        if score >= -1 and not number:
            self.warnings.append(ImportWarning(
                f"Dòng không có số thứ tự: đã coi là một nhiệm vụ riêng (có thể là phần tiếp theo của {label}). "
                "Hãy kiểm tra lại.", row.where))  # fmt: skip
        self._add_task(number, cells, row)

    def _may_be_cut(self, cells: list[str], after_break: bool) -> bool:
        """Only a page break cuts a row in two: in a Word or Excel table a row is a
        row. Pasted text may have lost the break; a lone fragment there is taken
        for the row above going on."""
        if after_break:
            return True
        filled = [i for i, text in enumerate(cells) if text and i not in self._number_cols]
        return not self.merges_known and len(filled) == 1

    # ---- the result

    def finish(self) -> list[SectionDraft]:
        self._spread_section_columns()
        for task in self.tasks:
            self._fill(task)
        return self.sections

    def _spread_section_columns(self) -> None:
        """Pasted text: a column given once at the top of each section (a cell merged
        down the section) belongs to every task of the section."""
        groups: dict[int, list[_Task]] = {}
        for task in self.tasks:
            if not task.merges_known:
                groups.setdefault(id(task.section), []).append(task)
        own = [[task.cells if not task.merged else _own(task) for task in tasks] for tasks in groups.values()]
        for index in text_merges.section_spanning_columns(self.columns, own):
            for tasks in groups.values():
                for task in tasks[1:]:
                    task.cells[index] = task.cells[index] or tasks[0].cells[index]
            self.warnings.append(ImportWarning(
                f"Cột «{self.columns.title(index)}» chỉ ghi ở dòng đầu của mỗi mục: đã coi là ô gộp cho cả mục."))

    def _fill(self, task: _Task) -> None:
        draft, cells = task.draft, task.cells

        def text(field_: Field) -> str:
            values = [tidy_text(cells[i]) for i in self.columns.indexes(field_) if i < len(cells)]
            return "\n".join(value for value in values if value)

        draft.content = text(Field.CONTENT)
        draft.schedule_text = text(Field.SCHEDULE)
        draft.output = text(Field.OUTPUT)
        draft.target = text(Field.TARGET)
        draft.lead_text = text(Field.LEAD)
        draft.coordinate_text = text(Field.COORDINATE)
        draft.assignment_raw = text(Field.ASSIGNMENT)
        draft.note = text(Field.NOTE)
        for index, value in enumerate(cells):
            extra = index >= self.columns.width or self.columns.fields[index] is Field.EXTRA
            if value and extra:
                draft.extras[self._extra_name(index, draft.extras)] = tidy(value)
        _link_units(draft)

    def _extra_name(self, index: int, taken: dict[str, str]) -> str:
        name = self.columns.title(index)
        if name not in taken:
            return name
        return f"{name} ({index + 1})"


def _own(task: _Task) -> list[str]:
    return ["" if i in task.merged else text for i, text in enumerate(task.cells)]


def _link_units(draft: TaskDraft) -> None:
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

