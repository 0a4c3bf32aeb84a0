"""What every aggregate module of the store shares: rows as dicts, prepared inserts
and updates, dates as ISO text.

Statements are plain parameterised SQL on the `sqlite3.Connection` of the store
(reads) or of the running transaction (`Store.write()`). Inserts are prepared
once per (table, columns): sqlite-utils' Table.insert() re-reads the table's
schema on every call, which cost more than reading the whole file for a plan of
a few hundred rows.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Iterator, Mapping, Sequence
from datetime import date
from typing import Any

Row = dict[str, Any]

# SQLite allows 32,766 parameters per statement; long id lists go in slices.
CHUNK = 10_000


def iso(value: date | None) -> str | None:
    return value.isoformat() if value else None


def to_date(value: str | None) -> date | None:
    return date.fromisoformat(value) if value else None


def marks(values: Sequence[object]) -> str:
    """"?,?,?" for an IN (...) list of `values`."""
    return ",".join("?" * len(values))


def chunks(values: Iterable[int]) -> Iterator[list[int]]:
    ids = list(values)
    for start in range(0, len(ids), CHUNK):
        yield ids[start : start + CHUNK]


def query(conn: sqlite3.Connection, sql: str, params: Sequence[object] = ()) -> list[Row]:
    """Every row of `sql` as a dict keyed by column name."""
    cursor = conn.execute(sql, params)
    keys = [column[0] for column in cursor.description]
    return [dict(zip(keys, row)) for row in cursor]


def query_one(conn: sqlite3.Connection, sql: str, params: Sequence[object] = ()) -> Row | None:
    cursor = conn.execute(sql, params)
    row = cursor.fetchone()
    if row is None:
        return None
    return dict(zip([column[0] for column in cursor.description], row))


def scalar(conn: sqlite3.Connection, sql: str, params: Sequence[object] = ()) -> Any:
    """The first column of the first row (None when there is no row)."""
    row = conn.execute(sql, params).fetchone()
    return row[0] if row else None


def column(conn: sqlite3.Connection, sql: str, params: Sequence[object] = ()) -> list[Any]:
    """The first column of every row."""
    return [row[0] for row in conn.execute(sql, params)]


def rows_in(conn: sqlite3.Connection, table: str, key: str, ids: Iterable[int], order: str = "id") -> list[Row]:
    """Every row of `table` whose `key` is one of `ids` (any number of them)."""
    found: list[Row] = []
    for part in chunks(ids):
        found += query(conn, f'SELECT * FROM "{table}" WHERE "{key}" IN ({marks(part)}) ORDER BY {order}', part)
    return found


def insert_row(conn: sqlite3.Connection, table: str, row: Mapping[str, object]) -> int:
    """Insert one row (column names as the mapping's keys); returns its rowid."""
    cursor = conn.execute(_insert_sql(table, tuple(row)), list(row.values()))
    return int(cursor.lastrowid or 0)


def insert_rows(conn: sqlite3.Connection, table: str, rows: Sequence[Mapping[str, object]]) -> None:
    """Insert rows that all have the same keys, in order, in one executemany."""
    if not rows:
        return
    columns = tuple(rows[0])
    conn.executemany(_insert_sql(table, columns), [[row[name] for name in columns] for row in rows])


def update_row(conn: sqlite3.Connection, table: str, row_id: int, values: Mapping[str, object]) -> None:
    """Set `values` on the row with id `row_id`."""
    if not values:
        return
    assignments = ", ".join(f'"{name}" = ?' for name in values)
    conn.execute(f'UPDATE "{table}" SET {assignments} WHERE id = ?', [*values.values(), row_id])


_INSERT_SQL: dict[tuple[str, tuple[str, ...]], str] = {}


def _insert_sql(table: str, columns: tuple[str, ...]) -> str:
    sql = _INSERT_SQL.get((table, columns))
    if sql is None:
        names = ", ".join(f'"{name}"' for name in columns)
        sql = f'INSERT INTO "{table}" ({names}) VALUES ({marks(columns)})'
        _INSERT_SQL[(table, columns)] = sql
    return sql
