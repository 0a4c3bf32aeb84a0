"""Nothing below the GUI imports Qt; the data folders are found."""

import subprocess
from pathlib import Path
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


# Which packages a package must not import (at any level, inside functions too):
# nothing imports upward, and the GUI does not reach into the command line.
FORBIDDEN = {
    "domain": {"store", "services", "importers", "exporters", "reports", "gui", "cli"},
    "store": {"services", "importers", "exporters", "reports", "gui", "cli"},
    "importers": {"services", "gui", "cli"},
    "exporters": {"services", "gui", "cli"},
    "reports": {"services", "gui", "cli"},
    "services": {"gui", "cli"},
    "gui": {"cli"},
}


def _imported_packages(path) -> set[tuple[int, str]]:
    """(line, package) for every kehoach_desktop.<package> the module imports."""
    import ast

    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        names = []
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names = [node.module] + [f"{node.module}.{alias.name}" for alias in node.names]
        for name in names:
            parts = name.split(".")
            if parts[0] == "kehoach_desktop" and len(parts) > 1:
                found.add((node.lineno, parts[1]))
    return found


def test_nothing_imports_upward():
    import kehoach_desktop

    package = Path(kehoach_desktop.__file__).parent
    wrong = []
    for layer, forbidden in FORBIDDEN.items():
        for path in sorted((package / layer).rglob("*.py")):
            for line, imported in sorted(_imported_packages(path)):
                if imported in forbidden:
                    wrong.append(f"{path.relative_to(package)}:{line} imports kehoach_desktop.{imported}")
    assert wrong == []
