"""`check`: is the database file sound? Opens it read-only, never changes it."""

from __future__ import annotations

import argparse
import sqlite3

from kehoach_desktop.cli.common import UsageError, add_db_option, db_path
from kehoach_desktop.store import database
from kehoach_desktop.store.migrations import latest_version


def register(commands) -> None:
    parser = commands.add_parser("check", help="kiểm tra tệp dữ liệu (toàn vẹn, phiên bản lược đồ)")
    add_db_option(parser)
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    path = db_path(args)
    if not path.exists():
        raise UsageError(f"Không tìm thấy tệp dữ liệu {path}.")
    problems = database.integrity_report(path)
    if problems:
        print(f"Tệp dữ liệu {path} BỊ HỎNG:")
        for problem in problems[:20]:
            print(f"  - {problem}")
        print("Không ghi gì vào tệp này; hãy khôi phục từ bản sao lưu gần nhất.")
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


def _schema_version(path) -> int:
    conn = database.connect(path, readonly=True)
    try:
        return conn.execute("PRAGMA user_version").fetchone()[0]
    except sqlite3.Error:
        return -1
    finally:
        conn.close()
