"""What every reader hands to the table interpreter, and the one error importers raise.

A reader (.docx, .xlsx, text) only gets cells out of its format: it produces
`RawTable`s (rows of cell texts, with where each row came from) and whatever
document header it can see (a `Plan` with the fields it found). Understanding
the table (which column is which, section rows, sub-tasks, continued rows) is
the interpreter's job, the same for every format.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from kehoach_desktop.domain.drafts import ImportWarning
from kehoach_desktop.domain.models import Plan


class ImportFailed(Exception):
    """The file cannot be imported. The message (Vietnamese) names the file and,
    where it applies, the sheet and row, and says what to do."""


@dataclass
class RawRow:
    # Cell texts, left to right. A cell merged across columns has its text in its
    # first column, "" in the others; a cell merged down several rows has its text
    # in every row it spans, and those rows list its column in `merged_above`.
    cells: list[str]
    where: str  # for messages: "bảng 2, dòng 14" / "trang tính «Phụ lục», dòng 14" / "dòng 120"
    spans_whole_row: bool = False  # one cell merged across the row (a section title, usually)
    # The row comes right after a page break of the source (text extracted from a
    # PDF): a row there with an empty number cell may be the previous row continued.
    after_break: bool = False
    # Columns whose cell is the one above merged down into this row (Word vMerge,
    # an Excel merged range, a PDF cell without a rule between the rows).
    merged_above: frozenset[int] = frozenset()

    def own_cells(self) -> list[str]:
        """The cells with those merged down from the row above left blank: what the
        row itself prints (a header's second row, a section title)."""
        if not self.merged_above:
            return self.cells
        return ["" if i in self.merged_above else text for i, text in enumerate(self.cells)]


@dataclass
class RawTable:
    rows: list[RawRow]
    label: str  # "bảng 2" / "trang tính «Phụ lục»" / "văn bản"
    # The sheet's name for a table read from a workbook. Tables of one document
    # are parts of one appendix (read one after the other); sheets of a workbook
    # are alternatives (the first sheet with a task table is used).
    sheet: str = ""
    # The paragraph printed right above the table ("1. Các nhiệm vụ về …"): the
    # interpreter takes it as the table's section when it reads as a heading.
    heading: str = ""
    # The reader knows the table is a layout table (a document's borderless
    # opening block), not data.
    layout: bool = False
    # The source says which cells are merged (Word, Excel, PDF rules); pasted text
    # does not: a merged cell's text is on its first row only.
    merges_known: bool = True
    # The reader has joined the rows a page break cut in two (it sees the page);
    # its first row on a page is a row of its own.
    breaks_resolved: bool = False


@dataclass
class RawDocument:
    """What a reader found in one file."""

    source_name: str  # the file name, for messages and Plan.source_name
    tables: list[RawTable]
    header: Plan = field(default_factory=Plan)  # only the fields the document shows
    warnings: list[ImportWarning] = field(default_factory=list)
    # The document's paragraphs outside the task table, in order (optional): the
    # interpreter looks there for the plan's year when the header has none.
    text_lines: list[str] = field(default_factory=list)
