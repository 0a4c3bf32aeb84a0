"""`check`: is the database file sound? Never changes it.

Exit status: 0 sound; 1 damaged (with the newest good backup and the command
that restores it); 2 the file could not be checked (a full disk, a lock, no
permission), which says nothing about damage.

What "damaged" means is store/verify.py's: SQLite's integrity_check (index
damage included), foreign keys, text that is not UTF-8, and a file that differs
from what the program left at its last clean close (store/close_record.py).

A file left with a journal beside it (a program killed during a write, a
migration or the first open after a restore) is checked the way the program
will see it: the file and its journal are copied to a temporary folder and
opened there, which rolls the journal back or reads the -wal, exactly as the
next normal open does. A read-only look at the file itself cannot roll a
journal back and would report damage that is not there.

`check --accept-change`: the file differs from its clean-close record but is
otherwise sound, and the user knows why (they put another copy there): forget
the record, so the program opens the file again.
"""

from __future__ import annotations

import argparse
import shutil
import sqlite3
import tempfile
from pathlib import Path

from kehoach_desktop.cli.common import UsageError, add_db_option, db_path
from kehoach_desktop.store import backup as files
from kehoach_desktop.store import close_record, database, verify
from kehoach_desktop.store.migrations import latest_version

EXIT_SOUND, EXIT_DAMAGED, EXIT_NOT_CHECKED = 0, 1, 2


class NotChecked(Exception):
    """The file could not be read for checking (not damage); the message is Vietnamese."""


def register(commands) -> None:
    parser = commands.add_parser(
        "check", help="kiểm tra tệp dữ liệu (toàn vẹn, phiên bản lược đồ); mã thoát 1 nếu hỏng, 2 nếu chưa kiểm tra được"
    )
    add_db_option(parser)
    parser.add_argument(
        "--accept-change", action="store_true",
        help="tệp khác với lúc chương trình đóng nhưng vẫn tốt, và bạn biết vì sao: chấp nhận nó như hiện có",
    )  # fmt: skip
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    path = db_path(args)
    if not path.exists():
        raise UsageError(missing_message(path))
    if files.restore_marker(path).exists():
        print("Lưu ý: lần khôi phục trước bị ngắt giữa chừng; chương trình sẽ hoàn tất hoặc hoàn tác nó khi mở tệp.")
    comparison = close_record.compare(path)
    try:
        problems, version = inspect(path)
    except NotChecked as exc:
        if comparison.differs:  # SQLite cannot read it, and it is not what the program left
            return _report_damage(path, verify.changed_outside(path, comparison).problems, changed=comparison)
        print(f"Chưa kiểm tra được tệp dữ liệu {path}: {exc}", flush=True)
        print("Đây không phải dấu hiệu tệp bị hỏng; hãy khắc phục điều trên rồi kiểm tra lại.")
        return EXIT_NOT_CHECKED
    if problems:
        return _report_damage(path, problems)
    if comparison.differs:
        if args.accept_change:
            close_record.forget(path)
            print(f"Đã chấp nhận tệp dữ liệu {path} như hiện có (cấu trúc tốt); chương trình sẽ mở nó bình thường.")
            return EXIT_SOUND
        return _report_damage(path, verify.changed_outside(path, comparison).problems, changed=comparison)
    print(f"Tệp dữ liệu: {path}")
    print("Kiểm tra toàn vẹn: tốt")
    print(f"Phiên bản lược đồ: {version} (chương trình: {latest_version()})")
    if version > latest_version():
        print("Tệp được tạo bởi phiên bản mới hơn của chương trình; hãy cập nhật chương trình.")
    elif version < latest_version():
        print("Tệp sẽ được nâng cấp (có sao lưu trước) khi chương trình mở nó.")
    return EXIT_SOUND


def missing_message(path: Path) -> str:
    if files.has_backups(path):
        return (
            f"Không tìm thấy tệp dữ liệu {path}, nhưng thư mục {files.backup_dir(path)} có bản sao lưu của nó. "
            f"Xem các bản bằng: kehoach-desktop restore --list{_db_option(path)}"
        )
    return f"Không tìm thấy tệp dữ liệu {path}."


def inspect(path: Path) -> tuple[list[str], int]:
    """(problems, schema version) of the file as the program's next open will see it."""
    if files.journals(path):
        return _inspect_settled_copy(path)
    try:
        conn = files.open_read_only(path, immutable=True)
    except (sqlite3.Error, UnicodeDecodeError) as exc:
        if verify.is_damage_error(exc):
            return [str(exc)], -1
        raise NotChecked(database.describe_sqlite_error(exc, path)) from exc
    try:
        return _inspect(conn, path)
    finally:
        conn.close()


def _inspect_settled_copy(path: Path) -> tuple[list[str], int]:
    """A journal beside the file: check a copy, opened the way the program opens it."""
    try:
        folder = Path(tempfile.mkdtemp(prefix="kehoach-kiem-tra-"))
    except OSError as exc:
        raise NotChecked(f"không tạo được thư mục tạm để kiểm tra ({exc.strerror or exc})") from exc
    try:
        copy = folder / path.name
        try:
            for source in (path, *files.journals(path)):
                shutil.copyfile(source, folder / source.name)
        except OSError as exc:
            raise NotChecked(_copy_failure(exc)) from exc
        try:
            conn = database.connect(copy)  # rolls the journal back / reads the -wal, as the next open will
        except (sqlite3.Error, UnicodeDecodeError) as exc:
            if verify.is_damage_error(exc):
                return [str(exc)], -1
            raise NotChecked(database.describe_sqlite_error(exc, path)) from exc
        try:
            return _inspect(conn, path)
        finally:
            conn.close()
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def _copy_failure(exc: OSError) -> str:
    import errno

    if exc.errno == errno.ENOSPC:
        return "ổ đĩa đã đầy, không chép được tệp ra thư mục tạm để kiểm tra"
    return f"không chép được tệp ra thư mục tạm để kiểm tra ({exc.strerror or exc})"


def _inspect(conn: sqlite3.Connection, path: Path) -> tuple[list[str], int]:
    try:
        problems = verify.problems(conn)
        version = conn.execute("PRAGMA user_version").fetchone()[0] if not problems else -1
    except (sqlite3.Error, UnicodeDecodeError) as exc:
        if verify.is_damage_error(exc):
            return [str(exc)], -1
        raise NotChecked(database.describe_sqlite_error(exc, path)) from exc
    return problems, version


def _report_damage(path: Path, problems: list[str], changed: close_record.Comparison | None = None) -> int:
    print(f"Tệp dữ liệu {path} BỊ HỎNG:")
    for problem in database.check_lines(problems):
        print(f"  - {problem}")
    if changed is not None:
        when = f" ({changed.closed_at:%d/%m/%Y %H:%M})" if changed.closed_at else ""
        print(f"Tệp đã bị thay đổi bên ngoài chương trình sau lần chương trình đóng tệp gần nhất{when}, dù cấu trúc "
              "vẫn đọc được: có thể do lỗi ổ đĩa hoặc một chương trình khác sửa; dữ liệu có thể đã sai lệch.")  # fmt: skip
    print("Chương trình không ghi gì vào tệp này.")
    for line in recovery_lines(path):
        print(line)
    if changed is not None:
        print(f"Nếu bạn biết chắc thay đổi đó là của mình (ví dụ đã chép một bản khác vào đây): "
              f"kehoach-desktop check --accept-change{_db_option(path)}")  # fmt: skip
    return EXIT_DAMAGED


def recovery_lines(path: Path) -> list[str]:
    """What to do about a damaged database: the newest good backup and the command."""
    from kehoach_desktop.services.backups import list_backups, newest_good_backup

    good = newest_good_backup(path)
    if good is None:
        return [
            "Không có bản sao lưu nào dùng được cạnh tệp dữ liệu; nếu có bản sao lưu ở nơi khác, "
            "khôi phục bằng: kehoach-desktop restore ĐƯỜNG_DẪN_BẢN_SAO_LƯU"
        ]
    number = [info.path for info in list_backups(path)].index(good.path) + 1
    return [
        f"Bản sao lưu tốt gần nhất: {good.path.name}, {good.describe()}.",
        f"Khôi phục bằng: kehoach-desktop restore {number}{_db_option(path)} "
        "(tệp hỏng được giữ lại trong thư mục sao-luu).",
    ]


def _db_option(path) -> str:
    from kehoach_desktop.store.location import default_db_path

    return "" if Path(path) == default_db_path() else f' --db "{path}"'
