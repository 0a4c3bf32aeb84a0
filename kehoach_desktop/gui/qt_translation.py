"""Vietnamese for Qt's own words: context menus (Hoàn tác, Cắt, Sao chép, Dán…),
standard buttons (Đồng ý, Hủy, Đóng, Lưu…), message boxes, the file and print
dialogs Qt draws itself, scroll bars, spin boxes, key names in menus.

Qt ships no Vietnamese translation, so the project keeps its own:
resources/translations/qtbase_vi.ts (edit it with Qt Linguist or by hand) and the
compiled qtbase_vi.qm beside it, which the program loads. After changing the .ts,
compile it again:

    pyside6-lrelease resources/translations/qtbase_vi.ts -qm resources/translations/qtbase_vi.qm

(tests/test_vietnamese.py fails while the .qm is not the .ts compiled.)

The calendar's month and day names come from the locale: `install` also makes
Vietnamese the default locale, so every date field and calendar speaks it.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLocale, QTranslator

from kehoach_desktop import resources
from kehoach_desktop.gui.widgets import VIETNAMESE

QM_NAME = "qtbase_vi.qm"
TS_NAME = "qtbase_vi.ts"

_installed: QTranslator | None = None


def qm_path():
    return resources.path("resources", "translations", QM_NAME)


def install(app: QCoreApplication) -> QTranslator:
    """Load the translation into `app` (once) and make Vietnamese the default locale.
    Raises FileNotFoundError when the .qm is missing (a broken installation)."""
    global _installed
    QLocale.setDefault(VIETNAMESE)
    if _installed is not None:
        return _installed
    path = qm_path()
    translator = QTranslator(app)
    if not translator.load(str(path)):
        raise FileNotFoundError(f"Không nạp được bản dịch giao diện {path}; cài đặt có thể bị hỏng.")
    app.installTranslator(translator)
    _installed = translator
    return translator


def is_installed() -> bool:
    return _installed is not None


def uninstall(app: QCoreApplication) -> None:
    """Take the translation out again (tests that want Qt's own English)."""
    global _installed
    if _installed is not None:
        app.removeTranslator(_installed)
        _installed = None


def translated(context: str, text: str) -> str:
    """What Qt shows for one of its own strings now (QCoreApplication.translate)."""
    return QCoreApplication.translate(context, text)
