"""Word 97–2003 (.doc) and Excel 97–2003 (.xls) files, read through LibreOffice.

Where LibreOffice is installed (on PATH, or in its usual Windows and macOS
folders) the file is copied into a temporary folder and converted there to
.docx / .xlsx by `soffice --headless --convert-to`, with a user profile of its
own (so a LibreOffice the user has open is not disturbed) and a time limit;
the converted file is then read like any other (with the same safety checks).
The temporary folder is removed whatever happens. Without LibreOffice the
message says how to save the file as .docx / .xlsx in Word or Excel.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

from kehoach_desktop.importers import sniff
from kehoach_desktop.importers.base import RawDocument

TIME_LIMIT_S = 90  # a plan converts in a few seconds; LibreOffice's first start takes longer
TARGETS = {"doc": "docx", "xls": "xlsx"}


def find_soffice() -> str | None:
    """LibreOffice's command-line program, or None."""
    for name in ("soffice", "libreoffice"):
        found = shutil.which(name)
        if found:
            return found
    for folder in _usual_folders():
        for name in ("soffice.com", "soffice.exe", "soffice"):
            candidate = folder / name
            if candidate.is_file():
                return str(candidate)
    return None


def _usual_folders() -> list[Path]:
    folders = [
        Path(os.environ[variable]) / "LibreOffice" / "program"
        for variable in ("ProgramFiles", "ProgramFiles(x86)", "ProgramW6432", "LOCALAPPDATA")
        if os.environ.get(variable)
    ]
    if sys.platform == "win32":
        folders += [Path(r"C:\Program Files\LibreOffice\program"), Path(r"C:\Program Files (x86)\LibreOffice\program")]
    folders.append(Path("/Applications/LibreOffice.app/Contents/MacOS"))
    return folders


def read_converted(path: Path, kind: str, read: Callable[[Path], RawDocument]) -> RawDocument:
    """The .doc / .xls at `path` converted to .docx / .xlsx and read with `read`."""
    soffice = find_soffice()
    if soffice is None:
        raise sniff.old_office_message(path, kind)
    target = TARGETS[kind]
    with tempfile.TemporaryDirectory(prefix="kehoach-chuyen-") as folder:
        work = Path(folder)
        source = work / f"ke-hoach.{kind}"
        try:
            shutil.copyfile(path, source)
        except OSError as exc:
            raise sniff.fail(path, f"không đọc được tệp (lỗi hệ thống: {exc.strerror or exc}).") from exc
        converted = _convert(soffice, source, target, work, path)
        document = read(converted)
    document.source_name = path.name
    document.header.source_name = path.name
    return document


def _convert(soffice: str, source: Path, target: str, work: Path, original: Path) -> Path:
    profile = (work / "profile").as_uri()
    command = [
        soffice, f"-env:UserInstallation={profile}", "--headless", "--norestore", "--nolockcheck",
        "--nodefault", "--nofirststartwizard", "--convert-to", target, "--outdir", str(work / "out"), str(source),
    ]  # fmt: skip
    try:
        _run(command)
    except subprocess.TimeoutExpired as exc:
        raise sniff.fail(
            original,
            f"LibreOffice không chuyển xong tệp sang .{target} trong {TIME_LIMIT_S} giây. Hãy mở tệp bằng "
            f"Word/Excel (hoặc LibreOffice) và lưu thành .{target} rồi nhập tệp đó.",
        ) from exc
    except OSError as exc:
        raise sniff.fail(original, f"không chạy được LibreOffice để chuyển tệp ({exc.strerror or exc}).") from exc
    converted = work / "out" / f"{source.stem}.{target}"
    if not converted.is_file():
        raise sniff.fail(
            original,
            f"LibreOffice không chuyển được tệp sang .{target} (tệp có thể bị hỏng hoặc được bảo vệ). Hãy mở "
            f"tệp bằng Word/Excel và lưu thành .{target} rồi nhập tệp đó.",
        )
    return converted


def _run(command: list[str]) -> None:
    """Run LibreOffice with the time limit; on timeout its whole process group is ended."""
    flags = getattr(subprocess, "CREATE_NEW_PROCESS_GROUP", 0)  # Windows only
    process = subprocess.Popen(
        command, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        start_new_session=sys.platform != "win32", creationflags=flags,
    )  # fmt: skip
    try:
        process.wait(timeout=TIME_LIMIT_S)
    except subprocess.TimeoutExpired:
        _end(process)
        raise


def _end(process: subprocess.Popen) -> None:
    try:
        if sys.platform == "win32":
            process.kill()
        else:
            os.killpg(process.pid, 9)
    except OSError:
        pass
    process.wait()

