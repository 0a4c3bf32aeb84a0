"""Evidence files kept with the data: `tai-lieu/` beside the database (issue 16).

How, and why this way:
- The database lists each kept file: evidence.stored_path ("tai-lieu/<plan>/<task>/
  <name>", relative to the database's folder, so moving the folder moves
  everything), file_size and file_sha256. The files themselves sit in folders by
  plan and task, where the user can see and open them.
- For the program the folder is append-only: a file is written once (to a
  temporary name, synced, renamed), under a name no other file has, and never
  overwritten or deleted — not by undo, not by deleting a task, not by a restore.
  So every automatic backup in sao-luu/ (a copy of the database, as before) finds
  its files where its rows say, and a write or a restore killed half-way leaves at
  most a file no row lists (a partial `*.<pid>.tmp` is deleted at the next start).
- A copy the user makes (Sao lưu dữ liệu…, `backup -o`) is one file that carries
  everything: the content of every listed file is added to the copy, by SHA-256
  (table evidence_content). Restoring such a copy, here or on another machine,
  writes back the files that are missing (under a free name when another file
  already has the name, the row following it) and empties that table before the
  copy takes the database's place, inside the existing crash-safe restore.
- Automatic copies do not carry the content: thirty of them would hold every
  scan thirty times, and listing the backups reads each copy whole.
"""

from __future__ import annotations

import hashlib
import os
import re
import sqlite3
import unicodedata
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from kehoach_desktop.domain.file_names import safe_file_name

FOLDER = "tai-lieu"
MAX_FILE_BYTES = 200 * 1024 * 1024  # one attached file; a scanned decision is a few MB
_PARTIAL = re.compile(r"^.+\.(?P<pid>\d+)\.tmp$")
_CHUNK = 1 << 20


class AttachmentError(Exception):
    """A file could not be kept or written back; the message is for the user (Vietnamese)."""


@dataclass(frozen=True)
class Kept:
    stored_path: str  # "tai-lieu/…/name.pdf"
    size: int
    sha256: str


# --- where files go ----------------------------------------------------------------------


def folder_of(db_path: Path) -> Path:
    """The folder the stored paths are relative to: the database's own."""
    return Path(db_path).resolve().parent


def resolve(db_folder: Path, stored_path: str) -> Path:
    """The absolute path of a kept file. A stored path that leaves tai-lieu/ (a copy
    made or edited elsewhere: "../x", "/etc/x", "C:\\x") is refused with ValueError."""
    parts = PurePosixPath(stored_path.replace("\\", "/")).parts
    if len(parts) < 2 or parts[0] != FOLDER or any(part in ("", ".", "..") or ":" in part for part in parts):
        raise ValueError(f"not a kept file's path: {stored_path!r}")
    return Path(db_folder, *parts)


def sha256_of(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        while chunk := handle.read(_CHUNK):
            digest.update(chunk)
    return digest.hexdigest()


def is_intact(db_folder: Path, stored_path: str, sha256: str, size: int | None = None) -> bool:
    """The kept file is there with the content recorded (size first: cheap)."""
    try:
        path = resolve(db_folder, stored_path)
        if size is not None and path.stat().st_size != size:
            return False
        return sha256_of(path) == sha256
    except (OSError, ValueError):
        return False


def exists(db_folder: Path, stored_path: str) -> bool:
    try:
        return resolve(db_folder, stored_path).is_file()
    except ValueError:
        return False


# --- writing a file in -----------------------------------------------------------------------


def read_source(source: Path) -> bytes:
    """The content of a file the user chose, or AttachmentError saying why not."""
    try:
        size = source.stat().st_size
        if not source.is_file():
            raise AttachmentError(f"«{source}» không phải là một tệp.")
        if size > MAX_FILE_BYTES:
            raise AttachmentError(
                f"Tệp «{source.name}» quá lớn ({size / 1048576:.0f} MB); chương trình giữ tệp tài liệu kiểm chứng "
                f"đến {MAX_FILE_BYTES // 1048576} MB."
            )
        return source.read_bytes()
    except AttachmentError:
        raise
    except OSError as exc:
        raise AttachmentError(
            f"Không đọc được tệp «{source}» ({exc.strerror or exc}): tệp không còn ở đó hoặc không có quyền đọc."
        ) from exc


def keep(source: Path, db_folder: Path, place: str, name: str | None = None) -> Kept:
    """Copy `source` into `db_folder`/tai-lieu/`place`/ (place: "<plan>/<task>", safe names)."""
    content = read_source(source)
    return write_unique(db_folder, f"{FOLDER}/{place}", name or source.name, content)


def write_unique(db_folder: Path, relative_dir: str, name: str, content: bytes) -> Kept:
    """Write `content` as `name` in the folder, or as «name (2)»… when another file has
    the name; a file already there with the same content is used as it is. Never
    overwrites. The write goes to `<name>.<pid>.tmp`, synced, then renamed."""
    sha = hashlib.sha256(content).hexdigest()
    folder = Path(db_folder, *PurePosixPath(relative_dir).parts)
    name = unicodedata.normalize("NFC", name)
    stem, dot, extension = name.rpartition(".")
    if not dot:
        stem, extension = name, ""
    try:
        folder.mkdir(parents=True, exist_ok=True)
        number = 1
        while True:
            candidate = name if number == 1 else f"{stem} ({number})" + (f".{extension}" if extension else "")
            target = folder / candidate
            if not target.exists():
                _write_new(target, content)
                break
            if target.is_file() and target.stat().st_size == len(content) and sha256_of(target) == sha:
                break  # the same file, kept before
            number += 1
    except OSError as exc:
        raise AttachmentError(
            f"Không ghi được tệp vào thư mục {folder} ({exc.strerror or exc}): hãy kiểm tra chỗ trống trên ổ đĩa "
            "và quyền ghi vào thư mục dữ liệu."
        ) from exc
    return Kept(f"{relative_dir}/{candidate}", len(content), sha)


def _write_new(target: Path, content: bytes) -> None:
    from kehoach_desktop.store.backup import _sync_folder

    partial = target.with_name(f"{target.name}.{os.getpid()}.tmp")
    try:
        with open(partial, "wb") as handle:
            handle.write(content)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(partial, target)
    finally:
        if partial.exists():
            partial.unlink()
    _sync_folder(target.parent)


def remove_partials(db_folder: Path) -> list[Path]:
    """Delete the `*.<pid>.tmp` files killed programs left in tai-lieu/."""
    from kehoach_desktop.store.backup import _process_running

    removed: list[Path] = []
    root = Path(db_folder) / FOLDER
    if not root.is_dir():
        return removed
    for folder, _dirs, names in os.walk(root):
        for name in names:
            match = _PARTIAL.match(name)
            if match and int(match["pid"]) != os.getpid() and not _process_running(int(match["pid"])):
                path = Path(folder) / name
                try:
                    path.unlink()
                except OSError:
                    continue
                removed.append(path)
    return removed


# --- the list in the database -----------------------------------------------------------------


def has_file_columns(conn: sqlite3.Connection) -> bool:
    """Whether the database lists kept files (schema with db/NNN_evidence_files.sql)."""
    columns = {row[1] for row in conn.execute("PRAGMA table_info(evidence)")}
    tables = {row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    return "stored_path" in columns and "evidence_content" in tables


def listed(conn: sqlite3.Connection) -> list[tuple[str, str, int | None]]:
    """Every kept file the database lists: (stored path, SHA-256, size), once each."""
    if not has_file_columns(conn):
        return []
    return [
        (row[0], row[1], row[2])
        for row in conn.execute(
            "SELECT stored_path, file_sha256, max(file_size) FROM evidence "
            "WHERE stored_path != '' AND file_sha256 != '' GROUP BY stored_path, file_sha256 ORDER BY stored_path"
        )
    ]


def path_only(conn: sqlite3.Connection) -> list[tuple[int, int, str]]:
    """Evidence with only a path (recorded before files were kept): (id, task id, path)."""
    if not has_file_columns(conn):
        return []
    return [
        (row[0], row[1], row[2])
        for row in conn.execute(
            "SELECT id, task_id, file_path FROM evidence WHERE file_path != '' AND stored_path = '' ORDER BY id"
        )
    ]


def set_kept(conn: sqlite3.Connection, evidence_id: int, kept: Kept) -> None:
    conn.execute(
        "UPDATE evidence SET stored_path = ?, file_size = ?, file_sha256 = ? WHERE id = ?",
        [kept.stored_path, kept.size, kept.sha256, evidence_id],
    )


# --- backups: packing the content into a copy, unpacking it at a restore ---------------------


@dataclass(frozen=True)
class Packed:
    files: int
    missing: list[str]  # stored paths whose file is gone or changed: listed, not carried


def pack(copy: sqlite3.Connection, db_folder: Path) -> Packed:
    """Add the content of every file the copy lists (read from `db_folder`) into the copy."""
    missing: list[str] = []
    packed = 0
    for stored_path, sha, size in listed(copy):
        if copy.execute("SELECT 1 FROM evidence_content WHERE sha256 = ?", [sha]).fetchone():
            packed += 1
            continue
        try:
            path = resolve(db_folder, stored_path)
            content = path.read_bytes() if size is None or path.stat().st_size == size else b""
        except (OSError, ValueError):
            content = b""
        if hashlib.sha256(content).hexdigest() != sha:
            missing.append(stored_path)
            continue
        copy.execute("INSERT INTO evidence_content (sha256, content) VALUES (?, ?)", [sha, content])
        packed += 1
    return Packed(packed, missing)


def carries_files(db_file: Path) -> bool:
    """Whether the database file holds file contents (a copy the user made)."""
    conn = open_read_only_file(db_file)
    try:
        return has_file_columns(conn) and conn.execute("SELECT 1 FROM evidence_content LIMIT 1").fetchone() is not None
    finally:
        conn.close()


def open_read_only_file(db_file: Path) -> sqlite3.Connection:
    from kehoach_desktop.store.backup import open_read_only

    return open_read_only(db_file)


def unpack(db_file: Path, db_folder: Path) -> int:
    """Write back into `db_folder`/tai-lieu/ the files carried by the database file
    `db_file` (a staged copy, not yet in place) that are not there, point its rows
    at where they went, and empty its evidence_content. Returns the files written."""
    conn = sqlite3.connect(str(db_file), isolation_level=None)
    try:
        if not has_file_columns(conn):
            return 0
        carried = conn.execute("SELECT count(*) FROM evidence_content").fetchone()[0]
        if not carried:
            return 0
        written = 0
        conn.execute("BEGIN IMMEDIATE")
        for stored_path, sha, _size in listed(conn):
            row = conn.execute("SELECT content FROM evidence_content WHERE sha256 = ?", [sha]).fetchone()
            if row is None or is_intact(db_folder, stored_path, sha):
                continue
            kept = _write_back(db_folder, stored_path, bytes(row[0]))
            written += 1
            if kept.stored_path != stored_path:
                conn.execute(
                    "UPDATE evidence SET stored_path = ? WHERE stored_path = ? AND file_sha256 = ?",
                    [kept.stored_path, stored_path, sha],
                )
        conn.execute("DELETE FROM evidence_content")
        conn.execute("COMMIT")
        conn.execute("VACUUM")  # the database in use stays small: its checks read it whole
        result = conn.execute("PRAGMA integrity_check").fetchone()[0]
        if result != "ok":
            raise sqlite3.DatabaseError(f"unpacked copy failed its check: {result}")
        return written
    finally:
        conn.close()


def _write_back(db_folder: Path, stored_path: str, content: bytes) -> Kept:
    try:
        resolve(db_folder, stored_path)
        folder, _, name = stored_path.replace("\\", "/").rpartition("/")
    except ValueError:  # a path no copy made here has: put the file under tai-lieu/ by its name
        folder, name = f"{FOLDER}/khoi-phuc", PurePosixPath(stored_path.replace("\\", "/")).name
    return write_unique(db_folder, folder, safe_file_name(name or "tai-lieu"), content)
