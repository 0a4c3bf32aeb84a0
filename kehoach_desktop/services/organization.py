"""The organization of the Sở: its profile, units, collectives and outside bodies;
what a plan's assignment phrases are; the real units a task reaches.

Every write is one transaction. `snapshot()` / `put_back()` give the whole
directory (units, aliases, members, outside bodies, task links, answers' units)
back as it was: the window's undo of an organization edit.
"""

from __future__ import annotations

import sqlite3
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace

from kehoach_desktop.domain.changes import ChangeSet
from kehoach_desktop.domain.drafts import PlanDraft, TaskDraft
from kehoach_desktop.domain.models import Role
from kehoach_desktop.domain.organization import (
    STANDARD_BY_CODE,
    Collective,
    DirectoryEntry,
    EntryKind,
    Organization,
    OrgUnit,
    OutsideBody,
    PhraseChoice,
    Resolution,
    UnitLine,
    UnitType,
    classify_phrase,
    infer_unit_type,
    looks_outside,
    standard_code_of,
    standard_collective_of,
    suggest_merges,
    MergeSuggestion,
)
from kehoach_desktop.domain.text import fold, tidy_line
from kehoach_desktop.domain.units import unit_key
from kehoach_desktop.services.errors import NotFoundError, ServiceError
from kehoach_desktop.services.outcome import Recording
from kehoach_desktop.store import Store
from kehoach_desktop.store import organization as sql

# The collectives every organization has, kept current by unit type.
DEFAULT_COLLECTIVES = ("all", "phong", "su_nghiep")


@dataclass(frozen=True)
class Profile:
    name: str = ""  # "Sở Nông nghiệp và Môi trường"
    abbreviation: str = ""  # "SNNMT"
    governing_body: str = ""  # "UBND tỉnh Khánh Hòa"
    set_up: bool = False  # the user has set the organization up


@dataclass(frozen=True)
class EntryListing:
    """One line of `units list --json` and of the organization dialog."""

    id: int
    name: str
    short_name: str
    kind: EntryKind
    unit_type: UnitType | None
    members: tuple[str, ...]
    tasks: int
    active: bool = True
    reviewed: bool = True
    reports_to: bool = False

    def to_json(self) -> dict:
        return {
            "id": self.id,
            "name": self.name,
            "short_name": self.short_name,
            "kind": self.kind.value,
            "unit_kind": self.unit_type.value if self.unit_type else None,
            "members": list(self.members),
            "tasks": self.tasks,
            "active": self.active,
        }


@dataclass(frozen=True)
class SetUpResult:
    added: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    collectives: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class AppliedChoices:
    """Phrases resolved at an import: phrase → entry id (None: no link), and the
    recording of what that added to the directory (for the import's undo)."""

    unit_ids: dict[str, int | None]
    recording: Recording


@dataclass(frozen=True)
class DirectorySnapshot:
    """Every row the organization's edits may touch."""

    tables: Mapping[str, tuple[tuple, ...]]
    meta: tuple[tuple[str, str], ...]
    answer_units: tuple[tuple[int, int | None], ...]


_SNAPSHOT_TABLES = {
    "unit": "id, name, short_name, kind, match_key, unit_type, position, active, head_title, contact, member_types, reviewed",
    "unit_alias": "id, unit_id, alias, match_key",
    "collective_member": "collective_id, unit_id, included",
    "outside_body": "id, name, short_name, match_key, aliases, position, reports_to",
    "task_unit": "task_id, unit_id, role, position",
}


class OrganizationService:
    def __init__(self, store: Store):
        self.store = store

    # --- reading ---------------------------------------------------------------------------

    def profile(self) -> Profile:
        stored = sql.load_profile(self.store.conn)
        return Profile(stored["name"], stored["abbreviation"], stored["governing_body"], stored["set_up"] == "1")

    def organization(self) -> Organization:
        conn = self.store.conn
        profile = self.profile()
        return Organization(
            profile.name, profile.abbreviation, profile.governing_body, sql.load_units(conn), sql.load_collectives(conn)
        )

    def outside_bodies(self) -> list[OutsideBody]:
        return sql.load_outside(self.store.conn)

    def entries(self) -> list[DirectoryEntry]:
        return sql.directory_entries(self.store.conn)

    def is_set_up(self) -> bool:
        return self.profile().set_up

    def listing(self) -> list[EntryListing]:
        """Units (in the organization's order), then collectives with their members,
        then outside bodies."""
        conn = self.store.conn
        org = self.organization()
        counts = sql.task_counts(conn)
        reviewed = sql.reviewed_ids(conn)
        out = [
            EntryListing(u.id, u.name, u.short_name, EntryKind.UNIT, u.unit_type, (), counts.get(u.id, 0), u.active,
                         u.id in reviewed)  # fmt: skip
            for u in org.units
        ]
        out += [
            EntryListing(c.id, c.name, "", EntryKind.COLLECTIVE, None, tuple(m.name for m in c.members(org.units)),
                         counts.get(c.id, 0), True, c.id in reviewed)  # fmt: skip
            for c in org.collectives
        ]
        out += [
            EntryListing(b.id, b.name, b.short_name, EntryKind.OUTSIDE, None, (), 0, True, True, b.reports_to)
            for b in self.outside_bodies()
        ]
        return out

    def merge_suggestions(self) -> list[MergeSuggestion]:
        units = sql.load_units(self.store.conn)
        return suggest_merges([(u.id, u.name, u.short_name) for u in units], self.organization().place)

    def real_units(self, entry_ids: Iterable[int]) -> list[int]:
        """The real units some directory entries stand for (collectives expanded),
        each once, in the organization's order."""
        org = self.organization()
        wanted = {unit for entry in entry_ids for unit in org.real_units_of(entry)}
        return [unit.id for unit in org.active_units() if unit.id in wanted]

    def assignees(self, links: Iterable[tuple[int, Role]], org: Organization | None = None) -> tuple[list[int], list[int]]:
        """(leads, coordinators) as real units for a task's links; a unit that leads
        is not also counted as coordinating."""
        org = org or self.organization()
        leads: list[int] = []
        coordinators: list[int] = []
        for entry_id, role in links:
            target = leads if role is Role.LEAD else coordinators
            for unit in org.real_units_of(entry_id):
                if unit not in target:
                    target.append(unit)
        return leads, [unit for unit in coordinators if unit not in leads]

    # --- what a plan's phrases are ----------------------------------------------------------------

    def classify(self, phrases: Iterable[str]) -> list[PhraseChoice]:
        entries = self.entries()
        profile = self.profile()
        place = Organization(governing_body=profile.governing_body).place
        return [classify_phrase(p, entries, profile.name, profile.abbreviation, place) for p in _unique(phrases)]

    def apply_choices(self, conn: sqlite3.Connection, choices: Iterable[PhraseChoice]) -> AppliedChoices:
        """Inside a write transaction: the directory entry each phrase links to (None:
        no link: an outside body or ignored), creating what a choice asks for and
        keeping each phrase as an alias so that the next plan maps by itself. The
        recording undoes all of it (the directory is small: its names are captured whole)."""
        units_before = {row[0] for row in conn.execute("SELECT id FROM unit")}
        bodies_before = {body.id for body in sql.load_outside(conn)}
        recording = Recording(conn, [("unit_alias", "unit_id", units_before), ("outside_body", "id", bodies_before)])
        resolved: dict[str, int | None] = {}
        created: dict[tuple, int] = {}
        for choice in choices:
            resolved[choice.phrase] = self._apply(conn, choice, created)
        new_units = {row[0] for row in conn.execute("SELECT id FROM unit")} - units_before
        new_bodies = {body.id for body in sql.load_outside(conn)} - bodies_before
        recording.created([("unit", "id", new_units), ("unit_alias", "unit_id", new_units),
                           ("outside_body", "id", new_bodies)])  # fmt: skip
        return AppliedChoices(resolved, recording)

    def _apply(self, conn, choice: PhraseChoice, created: dict[tuple, int]) -> int | None:
        if choice.resolution is Resolution.IGNORE:
            return None
        if choice.resolution is Resolution.UNKNOWN and sql.load_profile(conn)["set_up"] == "1":
            return None  # the organization is known: a name it lacks is not made a unit unasked
        if choice.resolution is Resolution.OUTSIDE:
            body_id = choice.entry_id if choice.entry_id is not None else self._outside_for(conn, choice, created)
            self._outside_alias(conn, body_id, choice.phrase)
            return None
        if choice.entry_id is not None:
            if sql.entry_row(conn, choice.entry_id) is None:
                raise NotFoundError(f"Không tìm thấy đơn vị số {choice.entry_id} trong danh mục.")
            sql.add_alias(conn, choice.entry_id, tidy_line(choice.phrase))
            return choice.entry_id
        key = (choice.resolution, choice.collective_code or unit_key(choice.target_name))
        if key not in created:
            created[key] = self._new_entry(conn, choice)
        sql.add_alias(conn, created[key], tidy_line(choice.phrase))
        return created[key]

    def _new_entry(self, conn, choice: PhraseChoice) -> int:
        existing = _find_by_key(conn, choice.target_name)
        if existing is not None:
            return existing
        if choice.resolution is Resolution.COLLECTIVE:
            standard = STANDARD_BY_CODE.get(choice.collective_code)
            types = standard.member_types if standard else frozenset()
            return sql.insert_entry(conn, choice.target_name, kind="group", member_types=types)
        reviewed = choice.resolution is Resolution.UNIT
        return sql.insert_entry(conn, choice.target_name, kind="unit", unit_type=choice.unit_type, reviewed=reviewed)

    def _outside_for(self, conn, choice: PhraseChoice, created: dict[tuple, int]) -> int:
        key = (Resolution.OUTSIDE, unit_key(choice.target_name))
        if key not in created:
            for body in sql.load_outside(conn):
                if unit_key(body.name) == key[1] or key[1] in {unit_key(a) for a in body.aliases}:
                    created[key] = body.id
                    break
            else:
                created[key] = sql.insert_outside(conn, OutsideBody(0, tidy_line(choice.target_name)))
        return created[key]

    @staticmethod
    def _outside_alias(conn, body_id: int, phrase: str) -> None:
        body = sql.outside_row(conn, body_id)
        if body is None:
            raise NotFoundError(f"Không tìm thấy cơ quan số {body_id}.")
        spelling = tidy_line(phrase)
        if unit_key(spelling) not in {unit_key(s) for s in (body.name, *body.aliases)}:
            sql.update_outside(conn, replace(body, aliases=(*body.aliases, spelling)))

    # --- writing: profile, set-up, units --------------------------------------------------------

    def set_profile(self, name: str, abbreviation: str = "", governing_body: str = "") -> None:
        with self.store.write() as conn:
            for field_name, value in (("name", name), ("abbreviation", abbreviation), ("governing_body", governing_body)):
                sql.save_meta(conn, sql.PROFILE_KEYS[field_name], tidy_line(value))

    def set_up(self, lines: Sequence[UnitLine], *, name: str = "", abbreviation: str = "",
               governing_body: str = "") -> SetUpResult:  # fmt: skip
        """Make the organization from a list of units: each line adds a unit, or
        completes the one the directory already has under that name (or a near
        spelling); the standard collectives are made; the organization is marked set up."""
        if not lines:
            raise ServiceError("Danh sách đơn vị trống: hãy nhập mỗi đơn vị một dòng.")
        added: list[str] = []
        updated: list[str] = []
        with self.store.write() as conn:

            if name or abbreviation or governing_body:
                for field_name, value in (("name", name), ("abbreviation", abbreviation),
                                          ("governing_body", governing_body)):  # fmt: skip
                    if value:
                        sql.save_meta(conn, sql.PROFILE_KEYS[field_name], tidy_line(value))
            order = []
            for line in lines:
                existing = self._matching_unit(conn, line.name)
                if existing is None:
                    entry_id = sql.insert_entry(conn, tidy_line(line.name), kind="unit", short_name=line.short_name,
                                                unit_type=line.unit_type)  # fmt: skip
                    added.append(line.name)
                else:
                    values = {"unit_type": line.unit_type, "reviewed": True, "active": True}
                    if line.short_name:
                        values["short_name"] = line.short_name
                    sql.update_entry(conn, existing, values)
                    entry_id = existing
                    updated.append(line.name)
                order.append(entry_id)
            others = [u.id for u in sql.load_units(conn) if u.id not in order]
            sql.reorder(conn, order + others + [c.id for c in sql.load_collectives(conn)])
            collectives = self._ensure_default_collectives(conn)
            sql.save_meta(conn, sql.SET_UP_KEY, "1")
        return SetUpResult(added, updated, collectives)

    def _matching_unit(self, conn, name: str) -> int | None:
        found = _find_by_key(conn, name)
        if found is not None:
            row = sql.entry_row(conn, found)
            return found if row and row["kind"] == "unit" else None
        place = Organization(governing_body=sql.load_profile(conn)["governing_body"]).place
        units = sql.load_units(conn)
        for suggestion in suggest_merges([(0, name, "")] + [(u.id, u.name, u.short_name) for u in units], place):
            if 0 in (suggestion.keep_id, suggestion.merge_id):
                return suggestion.merge_id or suggestion.keep_id
        return None

    def _ensure_default_collectives(self, conn) -> list[str]:
        have = {standard_code_of(c.member_types) for c in sql.load_collectives(conn)}
        made = []
        for code in DEFAULT_COLLECTIVES:
            if code not in have:
                standard = STANDARD_BY_CODE[code]
                existing = _find_by_key(conn, standard.name)
                if existing is not None:
                    sql.update_entry(conn, existing, {"member_types": standard.member_types, "reviewed": True})
                else:
                    sql.insert_entry(conn, standard.name, kind="group", member_types=standard.member_types)
                made.append(standard.name)
        return made

    def add_unit(self, name: str, *, short_name: str = "", unit_type: UnitType | None = None,
                 head_title: str = "", contact: str = "") -> int:  # fmt: skip
        name = _clean(name)
        with self.store.write() as conn:
            if _find_by_key(conn, name) is not None or self._outside_named(conn, name) is not None:
                raise ServiceError(f"Danh mục đã có «{name}».")
            entry_id = sql.insert_entry(conn, name, kind="unit", short_name=tidy_line(short_name),
                                        unit_type=unit_type or infer_unit_type(name))  # fmt: skip
            sql.update_entry(conn, entry_id, {"head_title": tidy_line(head_title), "contact": tidy_line(contact)})
            return entry_id

    def update_unit(self, unit_id: int, **values) -> None:
        """Change a unit's fields (name, short_name, unit_type, active, head_title, contact);
        a new name keeps the old one as an alias."""
        unknown = set(values) - set(sql.UNIT_FIELDS)
        if unknown:
            raise ValueError(f"unknown unit fields: {sorted(unknown)}")
        with self.store.write() as conn:
            row = self._entry(conn, unit_id)
            if "name" in values:
                values["name"] = _clean(values["name"])
                other = _find_by_key(conn, values["name"])
                if other is not None and other != unit_id:
                    raise ServiceError(f"Danh mục đã có «{values['name']}»; hãy gộp hai đơn vị thay vì đổi tên.")
            for text in ("short_name", "head_title", "contact"):
                if text in values:
                    values[text] = tidy_line(values[text])
            values["reviewed"] = True
            sql.update_entry(conn, unit_id, values)
            if "name" in values and unit_key(row["name"]) != unit_key(values["name"]):
                conn.execute("DELETE FROM unit_alias WHERE match_key = ?", [unit_key(values["name"])])
                sql.add_alias(conn, unit_id, row["name"])

    def reorder(self, unit_ids: Sequence[int]) -> None:
        with self.store.write() as conn:
            rest = [row[0] for row in conn.execute("SELECT id FROM unit ORDER BY position, id") if row[0] not in unit_ids]
            sql.reorder(conn, list(unit_ids) + rest)

    def set_collective(self, collective_id: int, *, name: str | None = None, member_types: Iterable[UnitType] = (),
                       included: Iterable[int] = (), excluded: Iterable[int] = ()) -> None:  # fmt: skip
        """A collective's rule (unit types) and its members added or taken out by hand."""
        with self.store.write() as conn:
            row = self._entry(conn, collective_id)
            if row["kind"] != "group":
                raise ServiceError(f"«{row['name']}» là một đơn vị, không phải nhóm đơn vị.")
            units = {u.id for u in sql.load_units(conn)}
            chosen = set(included) | set(excluded)
            if not chosen <= units:
                raise ServiceError("Thành viên của nhóm phải là đơn vị của Sở.")
            values: dict = {"member_types": frozenset(member_types), "reviewed": True}
            if name is not None:
                values["name"] = _clean(name)
            sql.update_entry(conn, collective_id, values)
            sql.set_members(conn, collective_id, set(included), set(excluded))

    def add_collective(self, name: str, member_types: Iterable[UnitType] = (), included: Iterable[int] = ()) -> int:
        name = _clean(name)
        with self.store.write() as conn:
            if _find_by_key(conn, name) is not None:
                raise ServiceError(f"Danh mục đã có «{name}».")
            entry_id = sql.insert_entry(conn, name, kind="group", member_types=frozenset(member_types))
            sql.set_members(conn, entry_id, set(included), set())
            return entry_id

    # --- outside bodies -----------------------------------------------------------------------------

    def add_outside(self, name: str, *, short_name: str = "", reports_to: bool = False) -> int:
        name = _clean(name)
        with self.store.write() as conn:
            if self._outside_named(conn, name) is not None or _find_by_key(conn, name) is not None:
                raise ServiceError(f"Danh mục đã có «{name}».")
            return sql.insert_outside(conn, OutsideBody(0, name, tidy_line(short_name), reports_to=reports_to))

    def update_outside(self, body_id: int, *, name: str | None = None, short_name: str | None = None,
                       reports_to: bool | None = None) -> None:  # fmt: skip
        with self.store.write() as conn:
            body = sql.outside_row(conn, body_id)
            if body is None:
                raise NotFoundError(f"Không tìm thấy cơ quan số {body_id}.")
            changed = replace(
                body,
                name=_clean(name) if name is not None else body.name,
                short_name=tidy_line(short_name) if short_name is not None else body.short_name,
                reports_to=body.reports_to if reports_to is None else reports_to,
            )
            if unit_key(changed.name) != unit_key(body.name):
                changed = replace(changed, aliases=(*changed.aliases, body.name))
            sql.update_outside(conn, changed)

    def delete_outside(self, body_id: int) -> None:
        with self.store.write() as conn:
            sql.delete_outside(conn, body_id)

    def make_outside(self, entry_id: int) -> int:
        """A directory entry that is really an outside body ("UBND tỉnh" taken from
        "báo cáo UBND tỉnh"): its task links go (they named a destination), its
        answers keep no unit, its names move to the outside body."""
        with self.store.write() as conn:

            row = self._entry(conn, entry_id)
            aliases = sql.unit_aliases(conn).get(entry_id, [])
            existing = self._outside_named(conn, row["name"])
            if existing is None:
                body_id = sql.insert_outside(conn, OutsideBody(0, row["name"], row["short_name"], tuple(aliases)))
            else:
                body_id = existing
                for alias in aliases:
                    self._outside_alias(conn, body_id, alias)
            conn.execute("DELETE FROM task_unit WHERE unit_id = ?", [entry_id])
            conn.execute("DELETE FROM collective_member WHERE unit_id = ?", [entry_id])
            conn.execute("UPDATE progress_update SET unit_id = NULL WHERE unit_id = ?", [entry_id])
            conn.execute("DELETE FROM unit WHERE id = ?", [entry_id])
            return body_id

    def make_directory_entry(self, body_id: int, kind: EntryKind = EntryKind.UNIT) -> int:
        """The reverse: an outside body that is a unit (or a collective) of the Sở."""
        with self.store.write() as conn:
            body = sql.outside_row(conn, body_id)
            if body is None:
                raise NotFoundError(f"Không tìm thấy cơ quan số {body_id}.")
            sql.delete_outside(conn, body_id)
            group = kind is EntryKind.COLLECTIVE
            standard = standard_collective_of(body.name)
            entry_id = sql.insert_entry(
                conn, body.name, kind="group" if group else "unit", short_name=body.short_name,
                unit_type=infer_unit_type(body.name),
                member_types=standard.member_types if group and standard else frozenset(),
            )  # fmt: skip
            for alias in body.aliases:
                sql.add_alias(conn, entry_id, alias)
            return entry_id

    # --- a database from before the organization ------------------------------------------------------

    def adopt_existing(self) -> list[DirectoryEntry]:
        """Give the entries made before the organization existed what the organization
        knows: a unit type inferred from each name, each collective its standard rule
        when its name is one. Returns the entries that look like outside bodies, for
        the user to confirm (nothing is moved without asking)."""
        with self.store.write() as conn:

            profile = sql.load_profile(conn)
            for unit in sql.load_units(conn):
                if unit.unit_type is UnitType.KHAC and sql.entry_row(conn, unit.id)["reviewed"] == 0:  # type: ignore[index]
                    sql.update_entry(conn, unit.id, {"unit_type": infer_unit_type(unit.name)})
            for collective in sql.load_collectives(conn):
                standard = standard_collective_of(collective.name)
                if standard is not None and not collective.member_types and not collective.included:
                    sql.update_entry(conn, collective.id, {"member_types": standard.member_types})
            sql.save_meta(conn, "organization.adopted", "1")
        return [
            entry for entry in self.entries()
            if entry.kind is not EntryKind.OUTSIDE and looks_outside(entry.name, profile["name"])
        ]  # fmt: skip

    def needs_adoption(self) -> bool:
        row = self.store.conn.execute("SELECT value FROM app_meta WHERE key = 'organization.adopted'").fetchone()
        return row is None and bool(self.store.conn.execute("SELECT 1 FROM unit LIMIT 1").fetchone())

    # --- undo ------------------------------------------------------------------------------------------

    def snapshot(self) -> DirectorySnapshot:
        conn = self.store.conn
        tables = {
            table: tuple(conn.execute(f"SELECT {columns} FROM {table} ORDER BY rowid").fetchall())
            for table, columns in _SNAPSHOT_TABLES.items()
        }
        meta = tuple(conn.execute("SELECT key, value FROM app_meta WHERE key LIKE 'organization.%' ORDER BY key"))
        answers = tuple(conn.execute("SELECT id, unit_id FROM progress_update ORDER BY id"))
        return DirectorySnapshot(tables, meta, answers)

    def put_back(self, snapshot: DirectorySnapshot) -> None:
        """Make the directory exactly as `snapshot` again (one transaction)."""
        with self.store.write() as conn:

            for table in ("task_unit", "collective_member", "unit_alias", "outside_body"):
                conn.execute(f"DELETE FROM {table}")
            conn.execute("UPDATE progress_update SET unit_id = NULL")
            conn.execute("DELETE FROM unit")
            for table in ("unit", "unit_alias", "collective_member", "outside_body", "task_unit"):
                columns = _SNAPSHOT_TABLES[table]
                marks = ",".join("?" * len(columns.split(",")))
                existing_tasks = None
                rows = snapshot.tables[table]
                if table == "task_unit":
                    existing_tasks = {r[0] for r in conn.execute("SELECT id FROM task")}
                    rows = tuple(r for r in rows if r[0] in existing_tasks)
                conn.executemany(f"INSERT INTO {table} ({columns}) VALUES ({marks})", rows)
            conn.execute("DELETE FROM app_meta WHERE key LIKE 'organization.%'")
            conn.executemany("INSERT INTO app_meta (key, value) VALUES (?, ?)", snapshot.meta)
            conn.executemany("UPDATE progress_update SET unit_id = ? WHERE id = ?",
                             [(unit, answer) for answer, unit in snapshot.answer_units])  # fmt: skip

    def changes(self, *snapshots: DirectorySnapshot) -> ChangeSet:
        """What putting a directory snapshot back changes, for the window: every unit
        named in them, and every plan (tasks may have gained or lost links)."""
        units = {row[0] for snapshot in snapshots for row in snapshot.tables["unit"]}
        plans = {row[0] for row in self.store.conn.execute("SELECT id FROM plan")}
        return ChangeSet.of(units=units, plans=plans)

    # --- helpers -----------------------------------------------------------------------------------------

    @staticmethod
    def _entry(conn, entry_id: int) -> dict:
        row = sql.entry_row(conn, entry_id)
        if row is None:
            raise NotFoundError(f"Không tìm thấy đơn vị số {entry_id} trong danh mục.")
        return row

    @staticmethod
    def _outside_named(conn, name: str) -> int | None:
        key = unit_key(name)
        for body in sql.load_outside(conn):
            if key in {unit_key(s) for s in (body.name, body.short_name, *body.aliases) if s}:
                return body.id
        return None


def draft_phrases(draft: PlanDraft) -> Counter[str]:
    """Each assignment phrase of a plan draft with the number of tasks naming it."""
    counts: Counter[str] = Counter()

    def walk(tasks: Sequence[TaskDraft]) -> None:
        for task in tasks:
            for name in {*task.lead_units, *task.coordinate_units}:
                counts[name] += 1
            walk(task.children)

    def sections(items) -> None:
        for section in items:
            walk(section.tasks)
            sections(section.subsections)

    sections(draft.sections)
    return counts


def _find_by_key(conn, name: str) -> int | None:
    key = unit_key(name)
    if not key:
        return None
    row = conn.execute("SELECT id FROM unit WHERE match_key = ?", [key]).fetchone()
    if row:
        return row[0]
    row = conn.execute("SELECT unit_id FROM unit_alias WHERE match_key = ?", [key]).fetchone()
    return row[0] if row else None


def _clean(name: str) -> str:
    name = tidy_line(name)
    if not unit_key(name):
        raise ServiceError("Tên không được để trống.")
    return name


def _unique(phrases: Iterable[str]) -> list[str]:
    seen: set[str] = set()
    out = []
    for phrase in phrases:
        key = fold(phrase)
        if key and key not in seen:
            seen.add(key)
            out.append(phrase)
    return out


def collectives_of(org: Organization, unit_id: int) -> list[Collective]:
    """The collectives a unit belongs to."""
    return [c for c in org.collectives if any(m.id == unit_id for m in c.members(org.units))]


def units_by_id(org: Organization) -> dict[int, OrgUnit]:
    return {unit.id: unit for unit in org.units}
