"""Start the window: the application object, the database, --demo and --screenshot."""

from __future__ import annotations

import argparse
import sys
from datetime import date
from pathlib import Path

from PySide6.QtCore import QLocale, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from kehoach_desktop import APP_NAME, APP_TITLE, __version__
from kehoach_desktop.cli.common import db_path
from kehoach_desktop.gui import icons
from kehoach_desktop.gui.widgets import VIETNAMESE
from kehoach_desktop.services import Services
from kehoach_desktop.store import StoreError
from kehoach_desktop.store.location import data_dir

EXIT_OK, EXIT_ERROR, EXIT_USAGE = 0, 1, 2


def application() -> QApplication:
    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName(APP_NAME)
    app.setOrganizationName(APP_NAME)
    app.setApplicationDisplayName(APP_TITLE)
    app.setApplicationVersion(__version__)
    app.setWindowIcon(icons.app_icon())
    QLocale.setDefault(VIETNAMESE)
    return app


def demo_database() -> Path:
    """A fresh copy of the demo database, rebuilt at every --demo start."""
    from kehoach_desktop.services.demo import build_demo_database

    path = data_dir() / "demo" / "kehoach-demo.db"
    path.parent.mkdir(parents=True, exist_ok=True)
    for stale in path.parent.glob(path.name + "*"):
        stale.unlink()
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

    try:
        size = parse_size(args.size) if getattr(args, "size", None) else None
    except ValueError as exc:
        print(f"Lỗi: {exc}", file=sys.stderr)
        return EXIT_USAGE
    app = application()
    try:
        path = demo_database() if getattr(args, "demo", False) else db_path(args)
        services = Services.open(path)
    except StoreError as exc:
        if getattr(args, "screenshot", None):
            print(f"Lỗi: {exc}", file=sys.stderr)
        else:
            QMessageBox.critical(None, APP_TITLE, str(exc))
        return EXIT_USAGE
    as_of = getattr(args, "as_of", None)
    window = MainWindow(services, path, as_of=as_of)
    if getattr(args, "screenshot", None):
        return _screenshot(app, window, Path(args.screenshot), size or (1400, 900))
    window.show()
    window.show_summary()
    try:
        return app.exec()
    finally:
        services.close()


def _screenshot(app: QApplication, window, target: Path, size: tuple[int, int]) -> int:
    """Show the filled window, save a PNG of it, exit."""
    window.resize(*size)
    window.show()
    window.show_summary()
    result = {"code": EXIT_OK}

    def grab() -> None:
        window.ui.taskTree.scrollToTop()
        image = window.grab()
        if not image.save(str(target)):
            print(f"Lỗi: không ghi được ảnh {target}.", file=sys.stderr)
            result["code"] = EXIT_ERROR
        window.close()
        app.quit()

    QTimer.singleShot(300, grab)
    app.exec()
    window.services.close()
    return result["code"]

