"""Is the file sound? The checks run before the program writes to a database.

What each check catches, and what it costs (bench/bench_checks.py, 10,000
tasks, a 7 MB file, on the development machine):
- `PRAGMA quick_check`: the b-tree pages, ~10 ms. Misses index damage: an index
  that no longer matches its table passes, and the program went on writing
  into such a file (issue 14).
- `PRAGMA integrity_check`: quick_check plus every index against its table,
  ~23 ms. Used at every open for writing instead of quick_check.
- `PRAGMA foreign_key_check`, ~6 ms.
- every text value is valid UTF-8, ~10 ms: SQLite never checks it, and one
  flipped bit made the window fail and `export json` stop with an error.
- the checksum of the last clean close (close_record.py), ~6 ms: random damage
  that leaves the structure valid (most of it) changes the checksum.
A file whose checksum matches its clean-close record is byte for byte what the
program left, so the UTF-8 scan is skipped there; after a crash, or with no
record, everything runs.

Only damage counts as damage: SQLite saying "malformed", "not a database",
"corrupt", or text that is not UTF-8. A full disk, a lock, a read-only place
or a journal that a read-only look cannot roll back mean "not checked here".
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

from kehoach_desktop.store import close_record
from kehoach_desktop.store.backup import open_read_only
from kehoach_desktop.store.database import ChangedOutsideError, DamagedDatabaseError, check_lines

DAMAGE_WORDS = ("malformed", "not a database", "corrupt", "could not decode", "utf-8")
DAMAGED_MESSAGE = "SQLite báo lỗi cấu trúc tệp (thông báo chứa cả những byte hỏng)"


def is_damage_error(exc: BaseException) -> bool:
    """Whether an error SQLite (or Python reading it) raised means the file is damaged.

    A UnicodeDecodeError out of a query is damage too: SQLite quotes damaged bytes
    in its error messages, and Python fails to decode the message itself."""
    if isinstance(exc, UnicodeDecodeError):
        return True
    if not isinstance(exc, sqlite3.Error):
        return False
    text = str(exc).lower()
    if any(word in text for word in DAMAGE_WORDS):
        return True
    # SQLITE_CORRUPT and SQLITE_NOTADB arrive as a bare DatabaseError.
    return type(exc) is sqlite3.DatabaseError


def problems(conn: sqlite3.Connection, *, text_scan: bool = True) -> list[str]:
    """The damage found through `conn`, [] when the file is sound.

    Errors that are not damage (locked, full, cannot open) are raised."""
    previous = conn.text_factory
    conn.text_factory = _lenient_text  # integrity_check quotes damaged bytes in its messages
    try:
        rows = [row[0] for row in conn.execute("PRAGMA integrity_check(20)")]
        found = [] if rows == ["ok"] else check_lines(rows)
        found += [
            f"Khóa ngoại không hợp lệ: bảng {row[0]}, dòng {row[1]}"
            for row in conn.execute("PRAGMA foreign_key_check").fetchmany(20)
        ]
        if text_scan and not found:
            found += invalid_text(conn)
    except UnicodeDecodeError:
        return [DAMAGED_MESSAGE]
    except sqlite3.Error as exc:
        if is_damage_error(exc):
            return [str(exc)]
        raise
    finally:
        conn.text_factory = previous
    return found


def _lenient_text(value: bytes) -> str:
    return value.decode("utf-8", errors="replace")


def invalid_text(conn: sqlite3.Connection) -> list[str]:
    """Where a text value is not valid UTF-8 ("bảng task, cột content, dòng 12"),
    at most one place per table. Every row is read as bytes and decoded here: SQLite
    has no function that checks UTF-8 (bench/bench_checks.py: ~8x quick_check)."""
    tables = [
        row[0]
        for row in conn.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name"
        ).fetchall()
    ]
    columns_of = {table: [row[1] for row in conn.execute(f"PRAGMA table_info({_quoted(table)})")] for table in tables}
    previous = conn.text_factory
    conn.text_factory = bytes
    try:
        found = []
        for table in tables:
            names = columns_of[table]
            # Text values only: with bytes as the text factory a BLOB (a kept PDF) reads alike.
            texts = ", ".join(f"CASE WHEN typeof({_quoted(n)}) = 'text' THEN {_quoted(n)} END" for n in names)
            cursor = conn.execute(f"SELECT rowid, {texts} FROM {_quoted(table)}")
            columns = ["rowid", *names]
            place = next(
                (
                    (columns[index], row[0])
                    for row in cursor
                    for index, value in enumerate(row)
                    if type(value) is bytes and not _is_utf8(value)
                ),
                None,
            )
            if place is not None:
                found.append(f"Văn bản hỏng (không phải UTF-8): bảng {table}, cột {place[0]}, dòng {place[1]}")
        return found
    finally:
        conn.text_factory = previous


def _is_utf8(value: bytes) -> bool:
    try:
        value.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


def _quoted(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def before_writing(path: Path) -> bool:
    """Raise DamagedDatabaseError when `path` is damaged, never writing to it.

    Looks through a read-only connection first (it does not checkpoint a -wal
    into the file when it closes). Returns False when the file could not be
    checked that way (a rollback journal only a writer can roll back, a lock):
    the caller checks again once connected (Store.open), before its first write.
    A file that differs from its clean-close record is refused either way.
    """
    path = Path(path)
    if not path.is_file() or path.stat().st_size == 0:
        return True
    comparison = close_record.compare(path)
    if _has_hot_journal(path):
        return False  # a read-only look would see the half-written pages the journal undoes
    try:
        conn = open_read_only(path)  # immutable when there is no -wal: nothing created beside the file
    except (sqlite3.Error, UnicodeDecodeError) as exc:
        if is_damage_error(exc):
            raise damaged(path, [str(exc)]) from exc
        return _not_checked(path, comparison)
    try:
        found = problems(conn, text_scan=_text_unvouched(path, comparison))
    except sqlite3.Error:
        return _not_checked(path, comparison)
    finally:
        conn.close()
    if found:
        raise damaged(path, found)
    if comparison.differs:
        raise changed_outside(path, comparison)
    return True


def _text_unvouched(path: Path, comparison: close_record.Comparison) -> bool:
    """Whether the text values need the UTF-8 scan: not when the file is what the
    program left at a clean close, nor while a window of the program has it open
    (that window checked it when it opened it; a worker or a command opening it
    meanwhile need not read every row again)."""
    from kehoach_desktop.store.backup import lock_owner

    if comparison.matches:
        return False
    return lock_owner(path, including_this_process=True) is None


def _has_hot_journal(path: Path) -> bool:
    journal = path.with_name(path.name + "-journal")
    try:
        return journal.stat().st_size > 0
    except OSError:
        return False


def _not_checked(path: Path, comparison: close_record.Comparison) -> bool:
    if comparison.differs:  # SQLite could not even read it: the checksum says enough
        raise changed_outside(path, comparison)
    return False


def after_connecting(conn: sqlite3.Connection, path: Path) -> None:
    """The same checks on the program's own connection, when before_writing could not
    run them (the connection has rolled back the journal or read the -wal by now)."""
    try:
        found = problems(conn)
    except sqlite3.Error:
        return  # not damage: the open itself will word what is wrong
    if found:
        raise damaged(path, found)


def damaged(path: Path, found: list[str]) -> DamagedDatabaseError:
    lines = check_lines(found)
    return DamagedDatabaseError(
        f"Tệp dữ liệu {path} bị hỏng (SQLite báo: {lines[0]}). Chương trình không ghi gì vào tệp này.",
        lines,
    )


def changed_outside(path: Path, comparison: close_record.Comparison) -> ChangedOutsideError:
    when = f" ({comparison.closed_at:%d/%m/%Y %H:%M})" if comparison.closed_at else ""
    return ChangedOutsideError(
        f"Tệp dữ liệu {path} đã bị thay đổi bên ngoài chương trình sau lần chương trình đóng tệp gần nhất{when}: "
        "nội dung không còn giống lúc đóng, dù cấu trúc tệp vẫn đọc được. Có thể tệp đã bị hỏng (lỗi ổ đĩa, "
        "rút USB khi đang ghi) hoặc bị một chương trình khác sửa; dữ liệu trong đó có thể đã sai lệch. "
        "Chương trình không ghi gì vào tệp này.",
        ["nội dung tệp khác với lúc chương trình đóng tệp"],
        closed_at=comparison.closed_at,
    )
