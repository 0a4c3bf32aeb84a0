"""Nothing below the GUI imports Qt; the data folders are found."""

import subprocess
import sys

from kehoach_desktop import resources

BELOW_GUI = [
    "kehoach_desktop.domain.text",
    "kehoach_desktop.domain.deadlines",
    "kehoach_desktop.domain.models",
    "kehoach_desktop.domain.periods",
    "kehoach_desktop.domain.judgement",
    "kehoach_desktop.domain.tree",
    "kehoach_desktop.store",
    "kehoach_desktop.services",
    "kehoach_desktop.exporters.json_export",
    "kehoach_desktop.cli.main",
]


def test_no_qt_below_the_gui():
    code = (
        "import importlib, sys\n"
        f"for name in {BELOW_GUI!r}: importlib.import_module(name)\n"
        "import kehoach_desktop.cli.main as m; m.build_parser()\n"
        "loaded = sorted(n for n in sys.modules if n.startswith(('PySide6', 'shiboken6')))\n"
        "print(','.join(loaded))\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == ""


def test_data_folders_are_found():
    assert (resources.folder("db") / "001_initial.sql").is_file()
    assert resources.folder("ui").is_dir()
    assert resources.folder("resources").is_dir()
