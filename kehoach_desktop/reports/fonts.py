"""The report typeface: Times New Roman where the system has it, else the bundled
Liberation Serif (metric-compatible: same advance widths, so the same line breaks).

Both are registered with reportlab as a *family*, so <b> and <i> in a Paragraph
pick the bold and italic faces (an unregistered family silently stays regular).
Set KEHOACH_REPORT_FONT=bundled (or pass prefer_system=False) to always use the
bundled font, e.g. in tests, so pages come out the same on every machine.
"""

from __future__ import annotations

import os
import threading
from dataclasses import dataclass
from pathlib import Path

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from kehoach_desktop import resources

FONT_ENV = "KEHOACH_REPORT_FONT"  # "bundled" forces Liberation Serif

STYLES = ("regular", "bold", "italic", "bold_italic")

# Microsoft's file names on Windows, then the msttcorefonts package's on Linux.
_TIMES_FILE_SETS = (
    ("times.ttf", "timesbd.ttf", "timesi.ttf", "timesbi.ttf"),
    ("Times_New_Roman.ttf", "Times_New_Roman_Bold.ttf", "Times_New_Roman_Italic.ttf",
     "Times_New_Roman_Bold_Italic.ttf"),
)  # fmt: skip
_BUNDLED_FILES = (
    "LiberationSerif-Regular.ttf", "LiberationSerif-Bold.ttf",
    "LiberationSerif-Italic.ttf", "LiberationSerif-BoldItalic.ttf",
)  # fmt: skip


@dataclass(frozen=True)
class FontFamily:
    """The reportlab names of the four faces, and where they came from."""

    family: str  # the name to use as a style's fontName (regular face)
    regular: str
    bold: str
    italic: str
    bold_italic: str
    display_name: str  # "Times New Roman" or "Liberation Serif"
    files: tuple[Path, ...]

    def face(self, bold: bool = False, italic: bool = False) -> str:
        if bold and italic:
            return self.bold_italic
        if bold:
            return self.bold
        return self.italic if italic else self.regular


_lock = threading.Lock()
_registered: dict[str, FontFamily] = {}


def system_font_folders() -> list[Path]:
    """Where Times New Roman may be installed on this machine."""
    folders = []
    windir = os.environ.get("WINDIR") or os.environ.get("SystemRoot")
    if windir:
        folders.append(Path(windir) / "Fonts")
    local = os.environ.get("LOCALAPPDATA")
    if local:  # fonts installed for one user only
        folders.append(Path(local) / "Microsoft" / "Windows" / "Fonts")
    folders += [
        Path("/usr/share/fonts/truetype/msttcorefonts"),
        Path("/usr/share/fonts/TTF"),
        Path("/usr/share/fonts/truetype"),
        Path.home() / ".fonts",
        Path.home() / ".local" / "share" / "fonts",
        Path("/Library/Fonts"),
        Path("/System/Library/Fonts/Supplemental"),
    ]
    return folders


def find_times_new_roman(folders: list[Path] | None = None) -> tuple[Path, ...] | None:
    """The four Times New Roman files, when all four are present in one folder."""
    for folder in folders if folders is not None else system_font_folders():
        for names in _TIMES_FILE_SETS:
            paths = tuple(folder / name for name in names)
            if all(path.is_file() for path in paths):
                return paths
    return None


def bundled_files() -> tuple[Path, ...]:
    return tuple(resources.path("resources", "fonts", name) for name in _BUNDLED_FILES)


def wants_bundled() -> bool:
    return os.environ.get(FONT_ENV, "").strip().lower() in ("bundled", "liberation")


def register_fonts(prefer_system: bool | None = None) -> FontFamily:
    """Register (once) and return the family the reports print with.

    prefer_system=None follows the KEHOACH_REPORT_FONT environment variable.
    A Times New Roman file that reportlab cannot read falls back to the bundled font.
    """
    if prefer_system is None:
        prefer_system = not wants_bundled()
    if prefer_system:
        files = find_times_new_roman()
        if files:
            try:
                return _register("TimesNewRoman", "Times New Roman", files)
            except Exception:  # a damaged or unusual system file: the bundled font prints the same
                pass
    return _register("LiberationSerif", "Liberation Serif", bundled_files())


def _register(family: str, display_name: str, files: tuple[Path, ...]) -> FontFamily:
    with _lock:
        known = _registered.get(family)
        if known:
            return known
        names = (family, f"{family}-Bold", f"{family}-Italic", f"{family}-BoldItalic")
        for name, path in zip(names, files):
            # subfontIndex 0; reportlab embeds a subset of each face (FontFile2).
            pdfmetrics.registerFont(TTFont(name, str(path)))
        pdfmetrics.registerFontFamily(family, normal=names[0], bold=names[1], italic=names[2], boldItalic=names[3])
        result = FontFamily(family, *names, display_name=display_name, files=files)
        _registered[family] = result
        return result
