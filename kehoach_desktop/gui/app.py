"""Start the window: the application object, the database, --demo and --screenshot.

Before the window opens: one window per database (a lock file next to it), the
quick check of the file (a damaged one is offered a backup, never written), a
read-only place opened for viewing; once it shows: the day's automatic backup.
"""

from __future__ import annotations

import argparse
import sys
from datetime import date
from pathlib import Path

from PySide6.QtCore import QLocale, QTimer
from PySide6.QtWidgets import QApplication, QLabel, QMessageBox

from kehoach_desktop import APP_NAME, APP_TITLE, __version__, errorlog
from kehoach_desktop.gui import icons, qt_translation
from kehoach_desktop.gui.widgets import VIETNAMESE
from kehoach_desktop.store import StoreError
from kehoach_desktop.store.location import data_dir, default_db_path

EXIT_OK, EXIT_ERROR, EXIT_USAGE = 0, 1, 2


def application() -> QApplication:
    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName(APP_NAME)
    app.setOrganizationName(APP_NAME)
    app.setApplicationDisplayName(APP_TITLE)
    app.setApplicationVersion(__version__)
    app.setWindowIcon(icons.app_icon())
    try:
        qt_translation.install(app)  # Qt's own words in Vietnamese, and the Vietnamese locale
    except FileNotFoundError:  # a damaged installation: English buttons beat no window (--selftest says so)
        QLocale.setDefault(VIETNAMESE)
    sys.excepthook = report_unexpected
    return app


def report_unexpected(exc_type, exc, tb) -> None:
    """An error no part of the window expected: logged, and told to the user.

    Without this a windowed program (no console) would swallow it silently."""
    if issubclass(exc_type, KeyboardInterrupt):
        sys.__excepthook__(exc_type, exc, tb)
        return
    log = errorlog.write(exc_type, exc, tb)
    try:
        QMessageBox.critical(
            QApplication.activeWindow(),
            APP_TITLE,
            f"Đã xảy ra lỗi không mong đợi: {exc}\n\n"
            "Dữ liệu đã lưu trước đó không bị ảnh hưởng; việc vừa làm có thể chưa được thực hiện.\n"
            f"Chi tiết đã ghi vào {log} — hãy gửi tệp này cho người hỗ trợ.",
        )
    except Exception:  # the box itself failed: the log still has it
        sys.__excepthook__(exc_type, exc, tb)


def demo_path() -> Path:
    return data_dir() / "demo" / "kehoach-demo.db"


def demo_database() -> Path:
    """A fresh copy of the demo database, rebuilt at every --demo start."""
    from kehoach_desktop.services.demo import build_demo_database
    from kehoach_desktop.store.backup import companions

    path = demo_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    for stale in (path, *companions(path)):  # not the window's lock file beside them
        stale.unlink(missing_ok=True)
    build_demo_database(path)
    return path


def parse_size(text: str) -> tuple[int, int]:
    try:
        width, height = (int(part) for part in text.lower().split("x"))
    except ValueError:
        raise ValueError(f"Kích thước «{text}» phải viết dạng RỘNGxCAO, ví dụ 1400x900.") from None
    if not (200 <= width <= 8000 and 200 <= height <= 8000):
        raise ValueError(f"Kích thước «{text}» nằm ngoài khoảng 200–8000 điểm ảnh.")
    return width, height


def run(args: argparse.Namespace) -> int:
    from kehoach_desktop.gui.main_window import MainWindow
    from kehoach_desktop.gui.single_instance import DatabaseLock, LockState, already_open_message
    from kehoach_desktop.gui.startup import after_open, close_database, open_database, tell
    from kehoach_desktop.gui.storage_errors import install_error_handler

    try:
        size = parse_size(args.size) if getattr(args, "size", None) else None
    except ValueError as exc:
        print(f"Lỗi: {exc}", file=sys.stderr)
        return EXIT_USAGE
    app = application()
    headless = bool(getattr(args, "screenshot", None))
    demo = getattr(args, "demo", False)
    path = demo_path() if demo else (getattr(args, "db", None) or default_db_path())
    # One window per database, decided before anything (the demo's rebuild
    # included) touches the file.
    lock = DatabaseLock(path)
    if lock.acquire() is LockState.HELD_ELSEWHERE:
        tell(already_open_message(path), headless)
        return EXIT_USAGE
    try:
        try:
            if demo:
                path = demo_database()
            services = open_database(path, headless)
        except StoreError as exc:
            tell(str(exc), headless)
            return EXIT_USAGE
        if services is None:
            return EXIT_USAGE
        window = MainWindow(services, path, as_of=getattr(args, "as_of", None))
        uninstall_handler = install_error_handler(window)
        if services.store.readonly:
            window.statusBar().addPermanentWidget(QLabel("Chỉ đọc: tệp dữ liệu ở nơi không ghi được"))
        elif not demo:
            QTimer.singleShot(0, lambda: daily_backup(window))
        after_open(window)
        try:
            if headless:
                part = getattr(args, "part", None) or "cua-so"
                return _screenshot(app, window, Path(args.screenshot), size or (1400, 900), part)
            window.show()
            window.show_summary()
            return app.exec()
        finally:
            close_database(window.session, headless)
            uninstall_handler()
    finally:
        lock.release()


def daily_backup(window) -> None:
    """The day's automatic backup, once the window shows; a failure is only noted."""
    import sqlite3

    from kehoach_desktop.services import ServiceError

    try:
        made = window.services.backups.daily()
    except (ServiceError, StoreError, sqlite3.Error) as exc:
        reason = getattr(exc, "reason", str(exc))
        window.statusBar().showMessage(
            f"Chưa tạo được bản sao lưu hằng ngày ({reason}). Dữ liệu vẫn nguyên vẹn; chương trình sẽ thử "
            "lại ở lần mở sau.", 30000,
        )  # fmt: skip
        return
    if made is not None:
        window.statusBar().showMessage(f"Đã tạo bản sao lưu hằng ngày: {made.name}", 5000)


def _screenshot(app: QApplication, window, target: Path, size: tuple[int, int], part: str = "cua-so") -> int:
    """Show the filled window laid out at `size`, save a PNG of it (or of `part`), exit."""
    from kehoach_desktop.gui import screenshots

    return screenshots.take(app, window, target, size, part)
