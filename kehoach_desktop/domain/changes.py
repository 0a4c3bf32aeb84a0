"""What a write changed: the ids a window needs to update itself without reloading.

Every write of the services returns one (in its Outcome); the window's session
announces it, and each part updates what it shows of those ids.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field, fields


def _ids(values: Iterable[int] = ()) -> frozenset[int]:
    return frozenset(values)


@dataclass(frozen=True)
class ChangeSet:
    tasks_added: frozenset[int] = field(default_factory=frozenset)
    tasks_changed: frozenset[int] = field(default_factory=frozenset)  # fields, place or unit links
    tasks_removed: frozenset[int] = field(default_factory=frozenset)
    plans: frozenset[int] = field(default_factory=frozenset)  # added, removed, header or sections changed
    units: frozenset[int] = field(default_factory=frozenset)  # added, removed, renamed, aliases (the directory)
    progress: frozenset[int] = field(default_factory=frozenset)  # tasks whose progress updates or evidence changed

    @classmethod
    def of(
        cls,
        *,
        tasks_added: Iterable[int] = (),
        tasks_changed: Iterable[int] = (),
        tasks_removed: Iterable[int] = (),
        plans: Iterable[int] = (),
        units: Iterable[int] = (),
        progress: Iterable[int] = (),
    ) -> ChangeSet:
        """A ChangeSet from any iterables of ids (a task added and changed counts as added)."""
        added, removed = _ids(tasks_added), _ids(tasks_removed)
        return cls(added, _ids(tasks_changed) - added - removed, removed, _ids(plans), _ids(units), _ids(progress))

    def __or__(self, other: ChangeSet) -> ChangeSet:
        """Both changes, one after the other."""
        back = self.tasks_removed & other.tasks_added  # removed, then put back: changed at most
        added = ((self.tasks_added - other.tasks_removed) | other.tasks_added) - back
        removed = ((self.tasks_removed - other.tasks_added) | other.tasks_removed) - self.tasks_added
        return ChangeSet.of(
            tasks_added=added,
            tasks_changed=self.tasks_changed | other.tasks_changed | back,
            tasks_removed=removed,
            plans=self.plans | other.plans,
            units=self.units | other.units,
            progress=self.progress | other.progress,
        )

    @property
    def empty(self) -> bool:
        return not any(getattr(self, name.name) for name in fields(self))

    @property
    def tasks(self) -> frozenset[int]:
        """Every task id touched (added, changed or removed)."""
        return self.tasks_added | self.tasks_changed | self.tasks_removed
