"""The journal of changes (Lịch sử thay đổi): read, searched, in words."""

from __future__ import annotations

from dataclasses import replace

from kehoach_desktop.domain.journal import JournalEntry
from kehoach_desktop.store import Store
from kehoach_desktop.store import journal as sql


class HistoryService:
    def __init__(self, store: Store):
        self.store = store

    def entries(self, plan_ids: list[int], task_id: int | None = None, query: str = "") -> list[JournalEntry]:
        """Newest first; moves show the section and the parent task by name."""
        if not plan_ids:
            return []
        found = [self._in_words(entry) for entry in sql.entries(self.store.conn, plan_ids, task_id)]
        return [entry for entry in found if entry.matches(query)] if query.strip() else found

    def size_bytes(self) -> int:
        return sql.size_bytes(self.store.conn)

    def _in_words(self, entry: JournalEntry) -> JournalEntry:
        if entry.field == "section_id":
            return replace(entry, old=self._section(entry.old), new=self._section(entry.new))
        if entry.field == "parent_id":
            return replace(entry, old=self._task(entry.old), new=self._task(entry.new))
        return entry

    def _section(self, value: str | None) -> str | None:
        if value is None:
            return None
        row = self.store.conn.execute("SELECT ordinal, title FROM section WHERE id = ?", [value]).fetchone()
        return f"{row[0]}. {row[1]}".strip(". ") if row else "(mục đã xóa)"

    def _task(self, value: str | None) -> str | None:
        if value is None:
            return "(không có)"
        row = self.store.conn.execute("SELECT number, content FROM task WHERE id = ?", [value]).fetchone()
        return f"{row[0]} {row[1][:60]}".strip() if row else "(nhiệm vụ đã xóa)"
