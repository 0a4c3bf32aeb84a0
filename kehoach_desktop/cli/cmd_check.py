"""`check`: is the database file sound? Opens it read-only, never changes it."""

from __future__ import annotations

import argparse
import os
import sqlite3

from kehoach_desktop.cli.common import UsageError, add_db_option, db_path
from kehoach_desktop.store import database
from kehoach_desktop.store.migrations import latest_version


def register(commands) -> None:
    parser = commands.add_parser(
        "check", help="kiểm tra tệp dữ liệu (toàn vẹn, phiên bản lược đồ); mã thoát 1 nếu hỏng"
    )
    add_db_option(parser)
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    path = db_path(args)
    if not path.exists():
        raise UsageError(f"Không tìm thấy tệp dữ liệu {path}.")
    # integrity_report counts quick_check/integrity_check raising (a badly damaged
    # file) as damage, like the problems they list.
    problems = database.integrity_report(path)
    if problems and not os.access(path.parent, os.W_OK):
        problems = _check_in_read_only_folder(path)
    if problems:
        print(f"Tệp dữ liệu {path} BỊ HỎNG:")
        for problem in database.check_lines(problems):
            print(f"  - {problem}")
        print("Chương trình không ghi gì vào tệp này.")
        _print_recovery(path)
        return 1
    version = _schema_version(path)
    print(f"Tệp dữ liệu: {path}")
    print("Kiểm tra toàn vẹn: tốt")
    print(f"Phiên bản lược đồ: {version} (chương trình: {latest_version()})")
    if version > latest_version():
        print("Tệp được tạo bởi phiên bản mới hơn của chương trình; hãy cập nhật chương trình.")
    elif version < latest_version():
        print("Tệp sẽ được nâng cấp (có sao lưu trước) khi chương trình mở nó.")
    return 0


def _check_in_read_only_folder(path) -> list[str]:
    """In a folder it cannot write, SQLite cannot set up the shared-memory file a
    read-only look at a WAL database wants: look at the file alone (immutable)."""
    from kehoach_desktop.store.backup import open_read_only

    try:
        conn = open_read_only(path, immutable=True)
    except sqlite3.Error as exc:
        return [database.describe_sqlite_error(exc, path)]
    try:
        rows = [row[0] for row in conn.execute("PRAGMA integrity_check")]
        return [] if rows == ["ok"] else rows
    except sqlite3.Error as exc:
        return [database.describe_sqlite_error(exc, path)]
    finally:
        conn.close()


def _schema_version(path) -> int:
    from kehoach_desktop.store.backup import open_read_only

    for immutable in (False, True):  # immutable: in a folder it cannot write (see above)
        try:
            conn = database.connect(path, readonly=True) if not immutable else open_read_only(path, immutable=True)
            try:
                return conn.execute("PRAGMA user_version").fetchone()[0]
            finally:
                conn.close()
        except sqlite3.Error:
            continue
    return -1


def _print_recovery(path) -> None:
    from kehoach_desktop.services.backups import list_backups, newest_good_backup

    good = newest_good_backup(path)
    if good is None:
        print("Không có bản sao lưu nào dùng được cạnh tệp dữ liệu; nếu có bản sao lưu ở nơi khác, "
              "khôi phục bằng: kehoach-desktop restore ĐƯỜNG_DẪN_BẢN_SAO_LƯU")  # fmt: skip
        return
    number = [info.path for info in list_backups(path)].index(good.path) + 1
    print(f"Bản sao lưu tốt gần nhất: {good.path.name}, {good.describe()}.")
    print(f"Khôi phục bằng: kehoach-desktop restore {number}{_db_option(path)} "
          "(tệp hỏng được giữ lại trong thư mục sao-luu).")  # fmt: skip


def _db_option(path) -> str:
    from kehoach_desktop.store.location import default_db_path

    return "" if path == default_db_path() else f' --db "{path}"'
