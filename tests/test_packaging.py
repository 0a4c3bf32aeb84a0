"""build.spec: what it bundles, the modules it adds, what it leaves out, the Windows resources.

The spec is executed here with stand-ins for PyInstaller's Analysis/PYZ/EXE/COLLECT,
so these tests need no PyInstaller; CI then builds the real folder and runs
`kehoach-desktop --selftest` from it.

The Windows icon resources/icons/app.ico is rendered from app.svg; after changing the
SVG, regenerate it with `python tests/test_packaging.py --write-icon`.
"""

from __future__ import annotations

import ast
import io
import sys
from pathlib import Path
from types import SimpleNamespace

import pytest

REPO = Path(__file__).resolve().parents[1]
SPEC = REPO / "build.spec"
ICON_SIZES = (16, 20, 24, 32, 40, 48, 64, 128, 256)


class Recorder:
    """Stand-ins for PyInstaller's spec classes: each call is recorded with its arguments."""

    def __init__(self):
        self.calls: list[SimpleNamespace] = []

    def stand_in(self, kind: str):
        def make(*args, **kwargs):
            call = SimpleNamespace(kind=kind, args=args, kwargs=kwargs, scripts=["entry"], pure=[], binaries=[], datas=[])
            self.calls.append(call)
            return call

        return make

    def of(self, kind: str) -> list[SimpleNamespace]:
        return [call for call in self.calls if call.kind == kind]


def run_spec(tmp_path: Path, platform: str = sys.platform) -> tuple[dict, Recorder]:
    recorder = Recorder()
    namespace = {name: recorder.stand_in(name) for name in ("Analysis", "PYZ", "EXE", "COLLECT")}
    namespace.update(SPECPATH=str(REPO), workpath=str(tmp_path / "work"), DISTPATH=str(tmp_path / "dist"))
    real_platform = sys.platform
    sys.platform = platform  # the spec reads it once, at the top of its build part
    try:
        exec(compile(SPEC.read_bytes(), str(SPEC), "exec"), namespace)
    finally:
        sys.platform = real_platform
    return namespace, recorder


@pytest.fixture(scope="module")
def spec(tmp_path_factory):
    namespace, recorder = run_spec(tmp_path_factory.mktemp("spec"))
    namespace["recorder"] = recorder
    return namespace


def analysis(spec) -> SimpleNamespace:
    (call,) = spec["recorder"].of("Analysis")
    return call


# ----------------------------------------------------------------------------- data files


def program_data_files() -> list[Path]:
    return sorted(path for name in ("ui", "resources", "db") for path in (REPO / name).rglob("*") if path.is_file())


def test_every_file_under_ui_resources_db_is_bundled_or_named_as_not_used(spec):
    bundled = {Path(source) for source, _ in analysis(spec).kwargs["datas"]}
    forgotten = [
        path.relative_to(REPO).as_posix()
        for path in program_data_files()
        if path not in bundled and not spec["is_not_bundled"](path.relative_to(REPO).as_posix())
    ]
    assert forgotten == [], "add these to DATA in build.spec, or to NOT_BUNDLED if the program never reads them"


def repo_datas(spec) -> list[tuple[str, str]]:
    """The bundled files of the project itself (not the libraries' own data)."""
    return [
        (source, target) for source, target in analysis(spec).kwargs["datas"]
        if Path(source).is_relative_to(REPO) and "site-packages" not in Path(source).parts
    ]  # fmt: skip


def test_files_go_where_resources_py_looks_for_them(spec):
    datas = repo_datas(spec)
    assert datas
    for source, target in datas:
        assert Path(source).relative_to(REPO).parent.as_posix() == target


def test_python_docx_templates_are_bundled_where_it_reads_them(spec):
    import docx

    templates = Path(docx.__file__).parent / "templates"
    bundled = {(Path(source).name, target) for source, target in analysis(spec).kwargs["datas"]}
    for name in ("default.docx", "default-header.xml", "default-footer.xml"):
        assert (name, "docx/templates") in bundled and (templates / name).is_file()


def test_files_the_program_reads_by_name_are_bundled(spec):
    from kehoach_desktop import resources
    from kehoach_desktop.reports.fonts import bundled_files
    from kehoach_desktop.services.demo import demo_plan_path

    bundled = {Path(source).relative_to(REPO).as_posix() for source, _ in repo_datas(spec)}
    data_root = resources.folder("resources").parent  # the source tree, or the installed package's _data
    icon_names = {"app", "overdue", "due_soon", "done", "done_late", "not_done", "in_progress"}  # gui/icons.py
    needed = [
        *(path.relative_to(data_root).as_posix() for path in (*bundled_files(), demo_plan_path())),
        "resources/fonts/LICENSE-LiberationSerif.txt",
        *(f"resources/icons/{name}.svg" for name in icon_names),
        *(path.relative_to(REPO).as_posix() for path in (*(REPO / "db").glob("*.sql"), *(REPO / "ui").glob("*.ui"))),
    ]
    assert sorted(set(needed) - bundled) == []


def test_a_file_outside_the_data_list_is_caught(spec):
    assert spec["is_not_bundled"]("resources/screenshots/cua-so-chinh.png")
    assert not spec["is_not_bundled"]("resources/templates/mau-moi.docx")
    assert not spec["is_not_bundled"]("resources/icons/app.svg")


# ----------------------------------------------------------------------------- modules


def modules_imported_by_name() -> set[str]:
    """Every module the program imports by a name computed at run time."""
    from kehoach_desktop import reports
    from kehoach_desktop.cli.main import command_modules

    names = set(command_modules()) | {"kehoach_desktop.gui.app"}
    names |= {f"kehoach_desktop.reports.{name}" for name in reports._MODULES.values()}
    names |= {f"kehoach_desktop.gui.forms.ui_{form.stem}" for form in (REPO / "ui").glob("*.ui")}  # the self-test
    return names


def test_hidden_imports_cover_every_module_imported_by_name(spec):
    hidden = set(analysis(spec).kwargs["hiddenimports"])
    assert sorted(modules_imported_by_name() - hidden) == [], "add a pattern to BY_NAME in build.spec"


def test_hidden_imports_cover_every_command_file(spec):
    hidden = set(analysis(spec).kwargs["hiddenimports"])
    package = REPO / "kehoach_desktop"
    files = list(package.glob("cli/cmd_*.py"))
    assert len(files) >= 5
    names = {".".join(path.relative_to(REPO).with_suffix("").parts) for path in files}
    assert sorted(names - hidden) == []


def test_hidden_imports_name_real_modules(spec):
    hidden = analysis(spec).kwargs["hiddenimports"]
    for name in hidden:
        assert (REPO / Path(*name.split("."))).with_suffix(".py").is_file(), name


def imported_modules(path: Path) -> set[str]:
    names = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
            names.add(node.module)
            names |= {f"{node.module}.{alias.name}" for alias in node.names}
    return names


def test_the_program_imports_nothing_the_spec_excludes(spec):
    excluded = spec["EXCLUDED_MODULES"]
    offenders = [
        f"{path.relative_to(REPO)}: {name}"
        for path in sorted((REPO / "kehoach_desktop").rglob("*.py"))
        for name in imported_modules(path)
        if any(name == module or name.startswith(module + ".") for module in excluded)
    ]
    assert offenders == [], "the frozen program would miss these: remove them from EXCLUDED_MODULES"


def test_excludes_keep_the_qt_modules_the_program_uses(spec):
    excluded = set(spec["EXCLUDED_MODULES"])
    for module in ("PySide6.QtCore", "PySide6.QtGui", "PySide6.QtWidgets", "PySide6.QtSvg", "PySide6.QtPdf",
                   "PySide6.QtPdfWidgets", "PySide6.QtPrintSupport", "sqlite3", "lxml.etree", "PIL", "PIL.Image"):  # fmt: skip
        assert module not in excluded


@pytest.mark.parametrize(
    "destination, uses_pdf, unused",
    [
        ("PySide6/Qt/translations/qtbase_de.qm", False, True),  # Linux wheel layout
        ("PySide6/translations/qtbase_de.qm", False, True),  # Windows wheel layout
        ("PySide6/opengl32sw.dll", False, True),
        ("PySide6/plugins/imageformats/qpdf.dll", True, True),
        ("PySide6/plugins/tls/qopensslbackend.dll", False, True),
        ("PySide6/Qt6Pdf.dll", False, True),
        ("PySide6/Qt6Pdf.dll", True, False),
        ("PySide6/Qt/lib/libQt6Network.so.6", True, False),
        ("PySide6/plugins/platforms/qwindows.dll", False, False),
        ("PySide6/Qt/plugins/platforms/libqxcb.so", False, False),
        ("PySide6/Qt/plugins/platforms/libqoffscreen.so", False, False),
        ("PySide6/plugins/imageformats/qsvg.dll", False, False),
        ("PySide6/plugins/iconengines/qsvgicon.dll", False, False),
        ("PySide6/plugins/imageformats/qico.dll", False, False),
        ("PySide6/plugins/styles/qmodernwindowsstyle.dll", False, False),
        ("PySide6\\plugins\\platforms\\qdirect2d.dll", False, True),
        ("PySide6/Qt/plugins/platforminputcontexts/libqtvirtualkeyboardplugin.so", False, True),
        ("PySide6/Qt/lib/libQt6Quick.so.6", True, True),
        ("PySide6/Qt6Qml.dll", True, True),
        ("PySide6/Qt/plugins/platforminputcontexts/libcomposeplatforminputcontextplugin.so", False, False),
    ],
)
def test_unused_qt_files_filter(spec, destination, uses_pdf, unused):
    assert spec["is_unused_qt_file"](destination, uses_pdf) is unused


def test_qt_pdf_counts_as_used_only_when_its_module_was_found(spec):
    assert spec["imports_qt_pdf"]([("PySide6/QtPdf.abi3.so", "x", "EXTENSION")])
    assert spec["imports_qt_pdf"]([("PySide6\\QtPdf.pyd", "x", "EXTENSION")])
    assert not spec["imports_qt_pdf"]([("PySide6/Qt/lib/libQt6Pdf.so.6", "x", "BINARY")])


# ----------------------------------------------------------------------------- the programs


def test_two_programs_one_windowed_one_console_in_one_folder(tmp_path):
    _, recorder = run_spec(tmp_path, platform="win32")
    programs = {call.kwargs["name"]: call for call in recorder.of("EXE")}
    assert set(programs) == {"KeHoachDesktop", "kehoach-desktop"}
    assert programs["KeHoachDesktop"].kwargs["console"] is False
    assert programs["kehoach-desktop"].kwargs["console"] is True
    (collect,) = recorder.of("COLLECT")
    assert collect.kwargs["name"] == "KeHoachDesktop"
    assert [arg for arg in collect.args if arg in programs.values()] == list(programs.values())
    for program in programs.values():
        assert program.kwargs["exclude_binaries"] is True  # one-folder: the DLLs sit beside, shared
        assert Path(program.kwargs["icon"]) == REPO / "resources" / "icons" / "app.ico"
        assert Path(program.kwargs["version"]).is_file()


def test_the_entry_script_runs_the_command_line_main(tmp_path):
    _, recorder = run_spec(tmp_path)
    (call,) = recorder.of("Analysis")
    entry = Path(call.args[0][0])
    assert "from kehoach_desktop.cli.main import main" in entry.read_text(encoding="utf-8")
    assert str(REPO) in call.kwargs["pathex"]


class _Names(dict):
    """Every name PyInstaller's version file uses (VSVersionInfo, StringStruct, ...), recording its arguments."""

    def __missing__(self, name):
        return lambda *args, **kwargs: SimpleNamespace(kind=name, args=args, kwargs=kwargs)


def test_windows_version_information_comes_from_the_package(spec, tmp_path):
    from kehoach_desktop import APP_TITLE, __version__

    _, recorder = run_spec(tmp_path, platform="win32")
    program = next(call for call in recorder.of("EXE") if call.kwargs["name"] == "KeHoachDesktop")
    text = Path(program.kwargs["version"]).read_text(encoding="utf-8")
    info = eval(text, {"__builtins__": {}}, _Names())  # how PyInstaller reads the file: eval()
    numbers = spec["version_numbers"](__version__)
    assert info.kwargs["ffi"].kwargs["filevers"] == numbers == info.kwargs["ffi"].kwargs["prodvers"]
    assert numbers[: len(__version__.split("."))] == tuple(int(n) for n in __version__.split("."))
    (table,) = info.kwargs["kids"][0].args[0]
    strings = dict(item.args for item in table.args[1])
    assert strings["FileDescription"] == APP_TITLE == "Theo dõi Kế hoạch CCHC"
    assert strings["ProductVersion"] == strings["FileVersion"] == __version__
    assert strings["OriginalFilename"] == "KeHoachDesktop.exe"
    assert {"CompanyName", "ProductName", "InternalName"} <= set(strings)


def test_version_numbers(spec):
    assert spec["version_numbers"]("0.1.0") == (0, 1, 0, 0)
    assert spec["version_numbers"]("1.2.3.4.5") == (1, 2, 3, 4)
    assert spec["version_numbers"]("2.0rc1") == (2, 0, 1, 0)


# ----------------------------------------------------------------------------- the Windows icon


def render_svg(size: int):
    """app.svg drawn at size×size by Qt, as a Pillow image."""
    from PIL import Image
    from PySide6.QtCore import QBuffer, QIODevice, Qt
    from PySide6.QtGui import QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    renderer = QSvgRenderer(str(REPO / "resources" / "icons" / "app.svg"))
    assert renderer.isValid()
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer.render(painter)
    painter.end()
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    return Image.open(io.BytesIO(bytes(buffer.data()))).convert("RGBA")


def write_icon() -> Path:
    """Render app.svg at every Windows icon size into resources/icons/app.ico."""
    frames = [render_svg(size) for size in ICON_SIZES]
    target = REPO / "resources" / "icons" / "app.ico"
    frames[-1].save(target, format="ICO", sizes=[(s, s) for s in ICON_SIZES], append_images=frames[:-1])
    return target


def test_app_ico_holds_every_windows_size_drawn_from_app_svg(qapp):
    from PIL import Image, ImageChops

    path = REPO / "resources" / "icons" / "app.ico"
    with Image.open(path) as icon:
        assert set(icon.info["sizes"]) >= {(16, 16), (32, 32), (48, 48), (256, 256)}
        for size in (16, 48, 256):
            icon.size = (size, size)
            icon.load()
            frame = icon.convert("RGBA")
            difference = ImageChops.difference(frame, render_svg(size))
            assert max(high for _, high in difference.getextrema()) <= 2, (
                f"app.ico ({size}px) differs from app.svg: run python tests/test_packaging.py --write-icon"
            )


if __name__ == "__main__":
    if sys.argv[1:] == ["--write-icon"]:
        from PySide6.QtGui import QGuiApplication

        application = QGuiApplication(sys.argv[:1])
        print(write_icon())
    else:
        print(__doc__)
