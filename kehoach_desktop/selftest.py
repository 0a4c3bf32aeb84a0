"""`kehoach-desktop --selftest`: prove that this copy of the program works.

Meant for the frozen program (CI builds the folder with build.spec and runs this
from it, so a file or module missing from the bundle fails the build) and works
from source too. It opens a temporary database, imports the demo plan, writes
every report kind and an Excel tracking table and reads them back, loads every
Designer form, the icons and the main window. Everything happens in a temporary
folder (KEHOACH_DATA_DIR points there meanwhile): the user's data and settings
are never opened.

It prints one line per check, OK or LỖI (in Vietnamese, for the person running
it), and returns 0 when every check passed, 1 otherwise.
"""

from __future__ import annotations

import base64
import io
import os
import re
import sys
import tempfile
import time
import traceback
import zlib
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import TextIO

from kehoach_desktop import __version__, resources

MOTTO = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
BUNDLED_FONT = "LiberationSerif"  # the reports are rendered with the bundled font, the one to prove
FONT_LICENCE = "LICENSE-LiberationSerif.txt"


class CheckFailed(Exception):
    """What a check found wrong (Vietnamese, shown after LỖI)."""


@dataclass
class Outcome:
    label: str
    ok: bool
    detail: str


@dataclass
class Context:
    """What the checks share: the temporary folder and what earlier checks made."""

    folder: Path
    services: object = None  # kehoach_desktop.services.Services once the database check ran
    db_path: Path | None = None
    plan_id: int | None = None
    tasks: list = field(default_factory=list)
    windows: list = field(default_factory=list)  # Qt widgets to delete at the end

    def plan(self) -> int:
        if self.plan_id is None:
            raise CheckFailed("chưa có kế hoạch mẫu (bước nhập kế hoạch mẫu đã lỗi)")
        return self.plan_id


# ----------------------------------------------------------------------------- running


def run(out: TextIO | None = None) -> int:
    """Run every check, print one line each and a summary; 0 when all passed."""
    if out is None and sys.stdout is None:  # the windowed .exe on Windows has no console
        buffer = io.StringIO()
        code = run(buffer)
        _show_in_window(buffer.getvalue(), code)
        return code
    out = out or sys.stdout
    started = time.perf_counter()
    frozen = "chương trình đóng gói" if getattr(sys, "frozen", False) else "chạy từ mã nguồn"
    _say(out, f"kehoach-desktop {__version__}: tự kiểm tra ({frozen}, Python {sys.version.split()[0]})")
    outcomes = []
    with tempfile.TemporaryDirectory(prefix="kehoach-selftest-", ignore_cleanup_errors=True) as folder:
        context = Context(Path(folder))
        with _data_dir(context.folder / "du-lieu"):
            try:
                for label, check in _planned_checks():
                    outcomes.append(_run_one(label, check, context, out))
            finally:
                _close(context)
    failed = [outcome.label for outcome in outcomes if not outcome.ok]
    seconds = f"{time.perf_counter() - started:.1f}".replace(".", ",")
    if failed:
        _say(out, f"Kết quả: {len(failed)}/{len(outcomes)} mục LỖI ({seconds} giây): {'; '.join(failed)}.")
        return 1
    _say(out, f"Kết quả: cả {len(outcomes)} mục đều đạt ({seconds} giây).")
    return 0


def checks() -> list[tuple[str, Callable[[Context], str]]]:
    """(label, check) in order; a check returns what it saw, or raises CheckFailed."""
    from kehoach_desktop.reports.model import ReportKind

    report_checks = [(f"Báo cáo PDF: {kind.label}", _report_check(kind)) for kind in ReportKind]
    return [
        ("Tệp đi kèm chương trình", check_bundled_files),
        ("Phông chữ báo cáo", check_fonts),
        ("Cơ sở dữ liệu tạm", check_database),
        ("Nhập kế hoạch mẫu", check_demo_import),
        *report_checks,
        ("Báo cáo Word (.docx) rồi đọc lại", _docx_check),
        ("Xuất Excel rồi đọc lại", check_xlsx_round_trip),
        ("Giao diện Qt", check_qt),
        ("Biểu tượng SVG", check_icons),
        ("Biểu mẫu giao diện", check_forms),
        ("Mô-đun nạp theo tên", check_modules_by_name),
        ("Cửa sổ chính", check_main_window),
        ("Vừa màn hình nhỏ", check_small_screen),
        ("Chỉ tiếng Việt", check_vietnamese_only),
    ]


def _planned_checks() -> list[tuple[str, Callable[[Context], str]]]:
    try:
        return checks()
    except Exception as exc:  # even the list needs modules (the report kinds): report, do not crash
        error = exc  # `exc` itself is unbound when the except block ends

        def failed(context: Context) -> str:
            raise error

        return [("Nạp danh sách kiểm tra", failed)]


def _show_in_window(text: str, code: int) -> None:
    try:
        from PySide6.QtWidgets import QMessageBox

        _application()
        icon = QMessageBox.Icon.Information if code == 0 else QMessageBox.Icon.Critical
        QMessageBox(icon, "Tự kiểm tra", text).exec()
    except Exception:  # Qt itself is what is broken: the exit status still tells
        pass


def _run_one(label: str, check: Callable[[Context], str], context: Context, out: TextIO) -> Outcome:
    try:
        outcome = Outcome(label, True, check(context))
    except CheckFailed as exc:
        outcome = Outcome(label, False, str(exc))
    except Exception as exc:  # an unexpected error is a finding too: name it, keep checking
        where = traceback.extract_tb(exc.__traceback__)[-1]
        outcome = Outcome(label, False, f"{type(exc).__name__}: {exc} ({Path(where.filename).name}:{where.lineno})")
    _say(out, f"{'OK ' if outcome.ok else 'LỖI'}  {outcome.label}: {outcome.detail}")
    return outcome


def _say(out: TextIO, line: str) -> None:
    print(line, file=out, flush=True)  # line by line: a crash in Qt still leaves the lines before it


@contextmanager
def _data_dir(folder: Path) -> Iterator[None]:
    """Point the program's data folder (settings, logs, demo) at `folder` for the duration."""
    previous = os.environ.get("KEHOACH_DATA_DIR")
    os.environ["KEHOACH_DATA_DIR"] = str(folder)
    try:
        yield
    finally:
        if previous is None:
            os.environ.pop("KEHOACH_DATA_DIR", None)
        else:
            os.environ["KEHOACH_DATA_DIR"] = previous


def _close(context: Context) -> None:
    """Close windows and the database before the temporary folder goes (Windows locks open files)."""
    for window in context.windows:
        window.close()
        window.deleteLater()
    if context.windows:
        from PySide6.QtCore import QCoreApplication, QEvent

        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    if context.services is not None:
        context.services.close()


# ----------------------------------------------------------------------------- files, fonts, database


def check_bundled_files(context: Context) -> str:
    from kehoach_desktop.reports.fonts import bundled_files
    from kehoach_desktop.services.demo import demo_plan_path

    wanted = [*bundled_files(), resources.path("resources", "fonts", FONT_LICENCE), demo_plan_path()]
    missing = [str(path) for path in wanted if not path.is_file()]
    migrations = sorted(_folder("db").glob("*.sql"))
    forms = sorted(_folder("ui").glob("*.ui"))
    if not migrations:
        missing.append(f"{_folder('db')}/*.sql")
    if not forms:
        missing.append(f"{_folder('ui')}/*.ui")
    if missing:
        raise CheckFailed("thiếu " + ", ".join(missing))
    where = _folder("db").parent
    return f"{len(migrations)} tệp cấu trúc dữ liệu, {len(forms)} biểu mẫu, phông chữ, kế hoạch mẫu ({where})"


def _folder(name: str) -> Path:
    try:
        return resources.folder(name)
    except FileNotFoundError as exc:
        raise CheckFailed(str(exc)) from None


def check_fonts(context: Context) -> str:
    """Each bundled face parses as a TrueType font reportlab can embed (the reports need all four)."""
    from reportlab.pdfbase.ttfonts import TTFont

    from kehoach_desktop.reports.fonts import bundled_files, find_times_new_roman

    faces = []
    for path in bundled_files():
        if not path.is_file():
            raise CheckFailed(f"thiếu tệp phông {path}")
        try:
            TTFont(f"SelfTest-{path.stem}", str(path))  # parses the file; registering is the reports' job
        except Exception as exc:
            raise CheckFailed(f"không đọc được phông {path.name}: {exc}") from None
        faces.append(path.stem.split("-")[-1])
    if not resources.path("resources", "fonts", FONT_LICENCE).is_file():
        raise CheckFailed(f"thiếu giấy phép phông chữ {FONT_LICENCE}")
    system = "máy có Times New Roman" if find_times_new_roman() else "máy không có Times New Roman"
    return f"Liberation Serif đủ {len(faces)} kiểu ({', '.join(faces)}), có giấy phép; {system}"


def check_database(context: Context) -> str:
    from kehoach_desktop.services import Services

    context.db_path = context.folder / "tu-kiem-tra.db"
    context.services = Services.open(context.db_path)
    conn = context.services.store.conn

    def pragma(name: str):
        return conn.execute(f"PRAGMA {name}").fetchone()[0]

    found = {
        "journal_mode": str(pragma("journal_mode")).lower(),
        "synchronous": pragma("synchronous"),
        "foreign_keys": pragma("foreign_keys"),
        "quick_check": pragma("quick_check"),
    }
    expected = {"journal_mode": "wal", "synchronous": 2, "foreign_keys": 1, "quick_check": "ok"}
    wrong = [f"{name} = {found[name]!r} (cần {value!r})" for name, value in expected.items() if found[name] != value]
    newest = max((int(m[1]) for p in _folder("db").glob("*.sql") if (m := re.match(r"(\d+)_", p.name))), default=0)
    version = pragma("user_version")
    if version != newest:
        wrong.append(f"user_version = {version} (cần {newest}, số của tệp db/ mới nhất)")
    if wrong:
        raise CheckFailed("; ".join(wrong))
    return f"WAL, synchronous FULL, khóa ngoại bật, quick_check ok, cấu trúc phiên bản {version}"


def check_demo_import(context: Context) -> str:
    from kehoach_desktop.services.demo import demo_plan_path

    services = _services(context)
    draft = services.imports.preview(demo_plan_path())
    context.plan_id = services.imports.import_draft(draft).value
    plan = services.plans.get(context.plan_id)
    tree = services.plans.tree(context.plan_id)
    context.tasks = [task for _, task, _ in tree.plan_walk(context.plan_id)]
    sections = tree.ordered_sections(context.plan_id)
    if not sections or not context.tasks:
        raise CheckFailed(f"kế hoạch mẫu nhập được {len(sections)} mục, {len(context.tasks)} nhiệm vụ")
    empty = [task.number for task in context.tasks if not task.content.strip()]
    if empty:
        raise CheckFailed(f"nhiệm vụ không có nội dung: {', '.join(empty[:5])}")
    return f"«{_short(plan.title)}» năm {plan.year}: {len(sections)} mục, {len(context.tasks)} nhiệm vụ"


def _services(context: Context):
    if context.services is None:
        raise CheckFailed("chưa mở được cơ sở dữ liệu (bước trước đã lỗi)")
    return context.services


def _short(text: str, limit: int = 60) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


# ----------------------------------------------------------------------------- reports


def _report_check(kind) -> Callable[[Context], str]:
    def check(context: Context) -> str:
        services = _services(context)
        request = _report_request(services, kind, context.plan())
        target = context.folder / f"{kind.value}.pdf"
        services.reports.make_pdf(request, target, prefer_system_font=False)
        return check_pdf(target.read_bytes())

    return check


def _docx_check(context: Context) -> str:
    """The báo cáo as .docx (python-docx's template must be in the bundle), read back."""
    from docx import Document

    from kehoach_desktop.reports.model import ReportKind

    services = _services(context)
    request = _report_request(services, ReportKind.RESULTS, context.plan())
    target = context.folder / "bao-cao.docx"
    services.reports.make_docx(request, target)
    document = Document(str(target))
    if len(document.sections) != 2 or not any(p.text == "BÁO CÁO" for p in document.paragraphs):
        raise CheckFailed("bản Word không có phần đầu văn bản hoặc Phụ lục")
    return f"{len(document.paragraphs)} đoạn, {len(document.tables)} bảng, {target.stat().st_size // 1024} KB"


def _report_request(services, kind, plan_id: int):
    """A request for `kind` on the demo plan, as of the plan's year end (so deadlines have passed)."""
    from kehoach_desktop.domain.periods import parse_period
    from kehoach_desktop.reports.model import ReportRequest
    from kehoach_desktop.services.errors import ServiceError

    year = services.plans.get(plan_id).year
    as_of = date(year, 12, 31)
    period = parse_period(str(year)) if kind.needs_period else None
    if not kind.needs_unit:
        return ReportRequest(kind, [plan_id], period=period, as_of=as_of)
    for unit in services.units.list_units():  # the first unit with work to remind it of
        request = ReportRequest(kind, [plan_id], period=period, as_of=as_of, unit_id=unit.id)
        try:
            services.reports.prepare(request)
        except ServiceError:
            continue
        return request
    raise CheckFailed("không đơn vị nào có nhiệm vụ quá hạn để viết công văn đôn đốc")


def check_pdf(content: bytes) -> str:
    """A whole PDF, with pages, the bundled font embedded and the national motto on page 1."""
    if not content.startswith(b"%PDF-"):
        raise CheckFailed("tệp không bắt đầu bằng %PDF-")
    if b"%%EOF" not in content[-64:]:
        raise CheckFailed("tệp PDF bị cắt cụt (không có %%EOF ở cuối)")
    if b"/FontFile2" not in content or b"+" + BUNDLED_FONT.encode() not in content:
        raise CheckFailed(f"phông {BUNDLED_FONT} không được nhúng vào tệp PDF")
    pages = pdf_page_texts(content)
    if not pages:
        raise CheckFailed("tệp PDF không có trang nào")
    if MOTTO not in pages[0]:
        raise CheckFailed(f"trang 1 không có dòng «{MOTTO}»")
    return f"{len(pages)} trang, phông Liberation Serif nhúng, có Quốc hiệu"


# A small reader for the PDFs reportlab writes (no PDF library is bundled): the
# objects, their streams (Flate, ASCII85), each font's ToUnicode map, and the text
# shown on each page. Enough to find a line of text; not a general PDF parser.

_OBJECT = re.compile(rb"(\d+) 0 obj\s*(.*?)\s*endobj", re.S)
_STREAM_START = re.compile(rb"^(.*?)stream\r?\n", re.S)
_TOKEN = re.compile(rb"\((?:\\.|[^\\)])*\)|/[^\s/\[\]()<>]+|\[|\]|[^\s/\[\]()<>]+", re.S)
_ESCAPES = {b"n": b"\n", b"r": b"\r", b"t": b"\t", b"b": b"\b", b"f": b"\f"}


def pdf_page_texts(content: bytes) -> list[str]:
    """The text drawn on each page, in drawing order, one line per text block."""
    objects = _pdf_objects(content)
    fonts = {}
    for head, _ in objects.values():
        name = re.search(rb"/Name (/\S+)", head) if b"/Type /Font" in head else None
        if name:  # an embedded subset maps its codes through ToUnicode; a standard font is Latin-1
            unicode_map = re.search(rb"/ToUnicode (\d+) 0 R", head)
            fonts[name[1]] = _cmap(objects[int(unicode_map[1])][1] or b"") if unicode_map else None
    pages = []
    for head, _ in objects.values():
        if re.search(rb"/Type /Page\b(?!s)", head):
            stream = int(re.search(rb"/Contents (\d+) 0 R", head)[1])
            pages.append(_shown_text(objects[stream][1] or b"", fonts))
    return pages


def _pdf_objects(content: bytes) -> dict[int, tuple[bytes, bytes | None]]:
    objects = {}
    for number, body in _OBJECT.findall(content):
        start = _STREAM_START.match(body)
        if start is None:
            objects[int(number)] = (body, None)
            continue
        length = int(re.search(rb"/Length (\d+)", start[1])[1])
        objects[int(number)] = (start[1], _decoded(start[1], body[start.end() : start.end() + length]))
    return objects


def _decoded(head: bytes, data: bytes) -> bytes:
    filters = re.findall(rb"/(ASCII85Decode|FlateDecode)", head.split(b"/Filter", 1)[1]) if b"/Filter" in head else []
    for name in filters:
        data = base64.a85decode(data.strip().removesuffix(b"~>")) if name == b"ASCII85Decode" else zlib.decompress(data)
    return data


def _cmap(data: bytes) -> dict[int, str]:
    table = {}
    for block in re.findall(rb"beginbfchar(.*?)endbfchar", data, re.S):
        for code, text in re.findall(rb"<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>", block):
            table[int(code, 16)] = bytes.fromhex(text.decode()).decode("utf-16-be")
    for block in re.findall(rb"beginbfrange(.*?)endbfrange", data, re.S):
        for low, high, first in re.findall(rb"<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>", block):
            for offset, code in enumerate(range(int(low, 16), int(high, 16) + 1)):
                table[code] = chr(int(first, 16) + offset)
    return table


def _shown_text(stream: bytes, fonts: dict[bytes, dict[int, str] | None]) -> str:
    table: dict[int, str] | None = None
    shown, operands = [], []
    for token in _TOKEN.findall(stream):
        if token[:1] in b"(/[]" or re.match(rb"[-+.\d]", token):
            operands.append(token)
            continue
        if token == b"Tf" and len(operands) >= 2:
            table = fonts.get(operands[-2])
        elif token in (b"Tj", b"TJ", b"'", b'"'):
            codes = b"".join(_literal(item) for item in operands if item.startswith(b"("))
            shown.append(codes.decode("latin-1") if table is None else "".join(table.get(code, "\ufffd") for code in codes))
        elif token == b"ET":
            shown.append("\n")
        operands = []
    return "".join(shown)


def _literal(token: bytes) -> bytes:
    body, out, index = token[1:-1], bytearray(), 0
    while index < len(body):
        if body[index : index + 1] != b"\\":
            out += body[index : index + 1]
            index += 1
            continue
        octal = re.match(rb"[0-7]{1,3}", body[index + 1 : index + 4])
        if octal:
            out.append(int(octal[0], 8) & 0xFF)
            index += 1 + len(octal[0])
        else:
            escaped = body[index + 1 : index + 2]
            out += _ESCAPES.get(escaped, escaped)
            index += 2
    return bytes(out)


# ----------------------------------------------------------------------------- Excel


def check_xlsx_round_trip(context: Context) -> str:
    from openpyxl import load_workbook

    from kehoach_desktop.exporters.xlsx_export import clean_cell_text

    services = _services(context)
    target = context.folder / "bang-theo-doi.xlsx"
    services.forms.export_tracking_table(context.plan(), None, target)
    workbook = load_workbook(target)
    try:
        cells = {cell for sheet in workbook for row in sheet.iter_rows(values_only=True) for cell in row}
    finally:
        workbook.close()
    # Each task's content, as the export writes it (texts Excel cannot hold are cleaned, and reported).
    missing = [task.number or str(task.id) for task in context.tasks if clean_cell_text(task.content)[0] not in cells]
    if missing:
        raise CheckFailed(f"đọc lại thiếu nội dung {len(missing)} nhiệm vụ (số {', '.join(missing[:5])})")
    return f"cả {len(context.tasks)} nhiệm vụ đọc lại đúng nội dung"


# ----------------------------------------------------------------------------- Qt


def _application():
    """The QApplication (made once); headless Linux gets the offscreen platform."""
    if sys.platform.startswith("linux") and not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from kehoach_desktop.gui.app import application

    return application()


def check_qt(context: Context) -> str:
    from PySide6 import __version__ as pyside_version
    from PySide6.QtGui import QImageReader

    app = _application()
    formats = {bytes(name).decode() for name in QImageReader.supportedImageFormats()}
    if "svg" not in formats:
        raise CheckFailed(f"thiếu bộ đọc ảnh SVG (imageformats/qsvg); có: {', '.join(sorted(formats))}")
    return f"PySide6 {pyside_version}, nền tảng «{app.platformName()}», đọc được SVG"


def check_icons(context: Context) -> str:
    from PySide6.QtGui import QIcon

    from kehoach_desktop.gui import icons

    _application()
    paths = sorted(_folder("resources").joinpath("icons").glob("*.svg"))
    if not paths:
        raise CheckFailed("không có biểu tượng nào trong resources/icons")
    blank = [path.name for path in paths if not _draws_something(QIcon(str(path)))]
    if not _draws_something(icons.app_icon()):
        blank.append("biểu tượng chương trình")
    if blank:
        raise CheckFailed(f"không vẽ được: {', '.join(blank)}")
    return f"{len(paths)} biểu tượng vẽ được"


def _draws_something(icon) -> bool:
    if icon.isNull():
        return False
    image = icon.pixmap(32, 32).toImage()
    return not image.isNull() and any(
        image.pixelColor(x, y).alpha() > 0 for x in range(0, image.width(), 2) for y in range(0, image.height(), 2)
    )


def check_forms(context: Context) -> str:
    """Each ui/NAME.ui has its compiled module gui/forms/ui_NAME.py, which sets up on its widget class."""
    import xml.etree.ElementTree as ElementTree
    from importlib import import_module

    from PySide6 import QtWidgets

    _application()
    forms = sorted(_folder("ui").glob("*.ui"))
    problems = []
    for form in forms:
        module_name = f"kehoach_desktop.gui.forms.ui_{form.stem}"
        try:
            module = import_module(module_name)
        except ImportError as exc:
            problems.append(f"{form.name}: không nạp được {module_name} ({exc})")
            continue
        base = ElementTree.parse(form).getroot().find("widget").get("class")
        form_class = next(value for name, value in vars(module).items() if name.startswith("Ui_"))
        widget = getattr(QtWidgets, base)()
        form_class().setupUi(widget)
        context.windows.append(widget)
    if problems:
        raise CheckFailed("; ".join(problems))
    return f"{len(forms)} biểu mẫu dựng được ({', '.join(form.stem for form in forms)})"


def check_modules_by_name(context: Context) -> str:
    """The modules the program imports by a computed name are all there (build.spec lists them)."""
    from importlib import import_module

    from kehoach_desktop import reports
    from kehoach_desktop.cli.main import build_parser, command_modules

    commands = command_modules()
    if not commands:
        raise CheckFailed("không tìm thấy lệnh con nào (cli/cmd_*.py)")
    build_parser()  # imports each command module and registers it
    wanted = [(f"kehoach_desktop.reports.{name}", "build") for name in reports._MODULES.values()]
    missing = []
    for name, function in wanted:
        try:
            if not callable(getattr(import_module(name), function, None)):
                missing.append(f"{name}.{function}")
        except ImportError as exc:
            missing.append(f"{name} ({exc})")
    if missing:
        raise CheckFailed("thiếu " + ", ".join(missing))
    return f"{len(commands)} lệnh con, {len(reports._MODULES)} loại báo cáo"


def check_main_window(context: Context) -> str:
    from kehoach_desktop.gui.main_window import MainWindow

    _application()
    services = _services(context)
    plan_id = context.plan()
    year = services.plans.get(plan_id).year
    window = MainWindow(services, context.db_path, as_of=date(year, 12, 31))
    context.windows.append(window)
    shown = len(window.model.task_nodes())
    if shown != len(context.tasks):
        raise CheckFailed(f"cây nhiệm vụ có {shown} dòng nhiệm vụ, kế hoạch có {len(context.tasks)}")
    return f"mở được, cây nhiệm vụ đủ {shown} nhiệm vụ"


# ----------------------------------------------------------------------------- small screens, Vietnamese only

SMALL_SCREEN = (1366, 768, 1.5)  # an office laptop at 150%


def _tour_window(context: Context):
    """A main window on the demo plan with its first task selected (what every dialog needs)."""
    from kehoach_desktop.gui.main_window import MainWindow

    _application()
    services = _services(context)
    year = services.plans.get(context.plan()).year
    window = MainWindow(services, context.db_path, as_of=date(year, 7, 20))
    context.windows.append(window)
    window.show()
    if not context.tasks or not window.select_task(context.tasks[0].id):
        raise CheckFailed("không chọn được nhiệm vụ nào trong cửa sổ chính")
    return window


def check_small_screen(context: Context) -> str:
    """The main window (with and without the F8 panel) and every dialog fit 1366×768 at 150%,
    their buttons visible."""
    from PySide6.QtCore import QSize

    from kehoach_desktop.gui import screen_fit, ui_audit

    with screen_fit.simulated_screen(*SMALL_SCREEN) as area:
        window = _tour_window(context)
        screen_fit.fit_window(window, QSize(1400, 860))
        problems = [problem for name, part in ui_audit.main_window_parts(window)
                    for problem in ui_audit.fit_problems(part, name)]  # fmt: skip
        count = 0
        for name, dialog in ui_audit.dialog_tour(window, context.folder):
            problems += ui_audit.fit_problems(dialog, name)
            count += 1
    if problems:
        raise CheckFailed(f"{len(problems)} chỗ không vừa: " + "; ".join(problems[:6]))
    width, height, scale = SMALL_SCREEN
    return (f"cửa sổ chính và {count} hộp thoại vừa {area.width()}×{area.height()} điểm "
            f"({width}×{height}, {int(scale * 100)}%), nút bấm luôn nhìn thấy")  # fmt: skip


def check_vietnamese_only(context: Context) -> str:
    """No English word in any window, dialog or standard context menu (Qt's own included)."""
    from kehoach_desktop.gui import qt_translation, ui_audit

    _application()
    if not qt_translation.is_installed():
        raise CheckFailed(f"chưa nạp được bản dịch {qt_translation.qm_path()}: nút, menu của Qt sẽ hiện tiếng Anh")
    window = _tour_window(context)
    found, count = [], 0
    for name, part in ui_audit.main_window_parts(window):
        found += [f"{name} — {line}" for line in ui_audit.english_in(part)]
        count += 1
    for name, dialog in ui_audit.dialog_tour(window, context.folder):
        found += [f"{name} — {line}" for line in ui_audit.english_in(dialog)]
        count += 1
    if found:
        raise CheckFailed(f"{len(found)} chỗ còn tiếng Anh: " + "; ".join(found[:6]))
    return f"{count} cửa sổ và hộp thoại, cả menu chuột phải: không còn chữ tiếng Anh"
