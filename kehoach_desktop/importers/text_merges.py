"""Merged cells in pasted text, which does not say which cells were merged.

A table copied out of a web page or a PDF keeps a merged cell's text on the
first row it spans; the rows under it show an empty cell there. Read as an
officer reads the printed table, three shapes mean "merged":

- a row without a number, missing two cells or more that the task above has:
  it was printed under that task's number cell, merged down with the cells it
  lacks (the same printed number, the same units, deadline …);
- a row that stops early: its last two or more cells empty where the row above
  has them all (a published table's rowspans on the right-hand columns);
- a column given only on the first row of each section, over two sections or
  more: a cell merged down the section (a funding source, a common output).

A row lacking one cell in the middle is just a row with an empty cell.
"""

from __future__ import annotations

from kehoach_desktop.importers.columns import Field, TableColumns

# Columns a merged cell may hold; the task text and the number are each row's own.
CARRIED = (Field.SCHEDULE, Field.LEAD, Field.COORDINATE, Field.ASSIGNMENT, Field.OUTPUT,
           Field.TARGET, Field.NOTE, Field.EXTRA)  # fmt: skip
MIN_LACKING = 2  # cells a row without a number must lack to be under the row above's merged cells
MIN_TRAILING = 2  # cells a row must lack at its end to be "a row that stops early"
MIN_SECTIONS = 2  # sections a column must be given once in to be merged down each


def merged_from_above(
    columns: TableColumns, above: list[str], above_number: str, number: str, cells: list[str]
) -> list[int]:
    """The columns of `cells` that take the row above's text (the number column
    included when the number is carried), or [] when the row is a row of its own."""
    lacking = [i for i in columns.indexes_of(*CARRIED) if _lacks(cells, above, i)]
    number_col = columns.index(Field.NUMBER)
    if not number and number_col is not None:
        if len(lacking) < MIN_LACKING:
            return []
        return sorted(lacking + [number_col]) if above_number else lacking
    last_filled = max((i for i, text in enumerate(cells) if text), default=-1)
    trailing = [i for i in range(last_filled + 1, columns.width)]
    if len(trailing) >= MIN_TRAILING and all(i in lacking for i in trailing):
        return trailing
    return []


def _lacks(cells: list[str], above: list[str], index: int) -> bool:
    return index < len(cells) and not cells[index] and index < len(above) and bool(above[index])


def section_spanning_columns(columns: TableColumns, sections: list[list[list[str]]]) -> list[int]:
    """Columns given on the first row of each section and on no other row, in
    MIN_SECTIONS sections or more of two rows or more."""
    found = []
    for index in columns.indexes_of(*CARRIED):
        given = [rows for rows in sections if any(_at(cells, index) for cells in rows)]
        if not given or any(not _at(rows[0], index) or any(_at(c, index) for c in rows[1:]) for rows in given):
            continue
        if sum(1 for rows in given if len(rows) >= 2) >= MIN_SECTIONS:
            found.append(index)
    return found


def _at(cells: list[str], index: int) -> bool:
    return index < len(cells) and bool(cells[index])
