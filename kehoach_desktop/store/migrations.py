"""Schema migrations: the numbered SQL files in db/, applied in one transaction.

PRAGMA user_version holds the version. An older file is first copied aside
with SQLite's backup API, then upgraded in a single BEGIN IMMEDIATE
transaction (every step, or none). A file newer than the program is refused.
"""

from __future__ import annotations

import re
import sqlite3
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

from kehoach_desktop import resources

if TYPE_CHECKING:
    from kehoach_desktop.store.database import Store

_NAME = re.compile(r"^(\d{3})_[a-z0-9_]+\.sql$")


@dataclass(frozen=True)
class Migration:
    version: int
    path: Path

    def statements(self) -> list[str]:
        return split_statements(self.path.read_text(encoding="utf-8"))


@lru_cache(maxsize=1)
def available() -> tuple[Migration, ...]:
    """Every migration in db/, checked to be numbered 1, 2, 3 ... without gaps."""
    found = sorted(
        (Migration(int(match[1]), path) for path in resources.folder("db").iterdir() if (match := _NAME.match(path.name))),
        key=lambda migration: migration.version,
    )
    for expected, migration in enumerate(found, start=1):
        if migration.version != expected:
            raise RuntimeError(f"db/: migration {expected:03d} is missing before {migration.path.name}")
    return tuple(found)


def latest_version() -> int:
    return available()[-1].version


def split_statements(script: str) -> list[str]:
    """SQL statements one by one (executescript() would commit behind our back)."""
    statements, buffer = [], ""
    for line in script.splitlines(keepends=True):
        buffer += line
        if sqlite3.complete_statement(buffer):
            statement = buffer.strip()
            if _has_code(statement):
                statements.append(statement)
            buffer = ""
    if _has_code(buffer):
        raise ValueError(f"unterminated SQL statement: {buffer.strip()[:60]}")
    return statements


def _has_code(sql: str) -> bool:
    return any(line.strip() and not line.strip().startswith("--") for line in sql.splitlines())


def check_not_newer(version: int, path: Path) -> None:
    from kehoach_desktop.store.database import SchemaTooNewError

    if version > latest_version():
        raise SchemaTooNewError(
            f"Tệp dữ liệu {path} được tạo bởi một phiên bản mới hơn của chương trình "
            f"(lược đồ phiên bản {version}, phiên bản này chỉ đọc được đến {latest_version()}). "
            "Hãy cài phiên bản mới nhất của chương trình; tệp không bị thay đổi."
        )


def upgrade(store: Store, version: int) -> Path | None:
    """Bring the file to the latest version; returns the copy made aside, if any."""
    pending = [m for m in available() if m.version > version]
    if not pending:
        return None
    copy = _copy_aside(store, version) if version > 0 else None
    with store.write() as db:
        for migration in pending:
            for statement in migration.statements():
                db.execute(statement)
        db.execute(f"PRAGMA user_version = {pending[-1].version}")
        problems = db.execute("PRAGMA foreign_key_check").fetchall()
        if problems:
            raise RuntimeError(f"foreign keys broken by migration: {problems[:5]}")
    return copy


def _copy_aside(store: Store, version: int) -> Path:
    from kehoach_desktop.store.backup import BEFORE_MIGRATION, automatic_target, backup_to, prune

    target = automatic_target(store.path, f"{BEFORE_MIGRATION}-v{version}")
    backup_to(store.conn, target)
    prune(store.path)
    return target
