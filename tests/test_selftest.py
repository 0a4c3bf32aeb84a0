"""`kehoach-desktop --selftest`: passes on a sound installation, names what is broken otherwise."""

from __future__ import annotations

import io
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from kehoach_desktop import resources, selftest

REPO = Path(__file__).resolve().parents[1]


def test_selftest_from_source_passes_every_check_without_touching_the_users_data(tmp_path):
    real_data = tmp_path / "real-data"
    temp_root = tmp_path / "tmp"
    temp_root.mkdir()
    env = dict(os.environ, KEHOACH_DATA_DIR=str(real_data), QT_QPA_PLATFORM="offscreen", TMPDIR=str(temp_root),
               TEMP=str(temp_root), TMP=str(temp_root))  # fmt: skip
    result = subprocess.run(
        [sys.executable, "-m", "kehoach_desktop", "--selftest"],
        capture_output=True, text=True, encoding="utf-8", env=env, cwd=REPO, timeout=180,
    )  # fmt: skip
    assert result.returncode == 0, result.stdout + result.stderr
    lines = result.stdout.splitlines()
    check_lines = lines[1:-1]
    labels = [label for label, _ in selftest.checks()]
    assert len(check_lines) == len(labels)
    for line, label in zip(check_lines, labels):
        assert line.startswith(f"OK   {label}: "), line
    assert lines[-1].startswith(f"Kết quả: cả {len(labels)} mục đều đạt")
    assert not real_data.exists()  # the user's folder (settings, logs, demo) was never created
    assert list(temp_root.iterdir()) == []  # and the temporary folder is gone


def test_checks_cover_every_report_kind_and_the_parts_a_bundle_can_miss():
    from kehoach_desktop.reports.model import ReportKind

    labels = " | ".join(label for label, _ in selftest.checks())
    for kind in ReportKind:
        assert f"Báo cáo PDF: {kind.label}" in labels
    parts = ("Phông chữ", "Cơ sở dữ liệu", "Nhập kế hoạch mẫu", "Excel", "Biểu tượng SVG", "Biểu mẫu", "Cửa sổ chính",
             "Vừa màn hình nhỏ", "Chỉ tiếng Việt")
    for part in parts:
        assert part in labels


def run_in_process() -> tuple[int, str]:
    out = io.StringIO()
    code = selftest.run(out)
    return code, out.getvalue()


def failed_line(output: str, label: str) -> str:
    return next(line for line in output.splitlines() if line.startswith(f"LỖI  {label}"))


def test_a_missing_font_file_fails_the_font_check_and_names_the_file(qapp, monkeypatch):
    real_path = resources.path

    def without_regular_face(name, *parts):
        if parts and parts[-1] == "LiberationSerif-Regular.ttf":
            return real_path(name, *parts[:-1]) / "khong-co.ttf"
        return real_path(name, *parts)

    monkeypatch.setattr(resources, "path", without_regular_face)
    code, output = run_in_process()
    assert code == 1
    assert "khong-co.ttf" in failed_line(output, "Phông chữ báo cáo")
    assert "khong-co.ttf" in failed_line(output, "Tệp đi kèm chương trình")
    assert output.splitlines()[-1].startswith("Kết quả: ")
    assert "Phông chữ báo cáo" in output.splitlines()[-1]


def test_a_form_without_its_compiled_module_fails_the_forms_check(qapp, monkeypatch, tmp_path):
    forms = tmp_path / "ui"
    shutil.copytree(resources.folder("ui"), forms)
    (forms / "ghost_dialog.ui").write_text(
        '<?xml version="1.0"?><ui version="4.0"><class>GhostDialog</class>'
        '<widget class="QDialog" name="GhostDialog"/></ui>',
        encoding="utf-8",
    )
    real_folder = resources.folder
    monkeypatch.setattr(resources, "folder", lambda name: forms if name == "ui" else real_folder(name))
    code, output = run_in_process()
    assert code == 1
    line = failed_line(output, "Biểu mẫu giao diện")
    assert "ghost_dialog.ui" in line and "ui_ghost_dialog" in line
    assert "Biểu mẫu giao diện" in output.splitlines()[-1]
    assert sum(line.startswith("LỖI") for line in output.splitlines()) == 1  # nothing else is blamed


def test_the_vietnamese_check_fails_without_the_translation_and_names_the_file(qapp, monkeypatch, tmp_path):
    from kehoach_desktop.gui import qt_translation

    qt_translation.uninstall(qapp)
    monkeypatch.setattr(qt_translation, "qm_path", lambda: tmp_path / "khong-co.qm")
    with pytest.raises(selftest.CheckFailed, match="khong-co.qm"):
        selftest.check_vietnamese_only(selftest.Context(tmp_path))


def test_the_small_screen_check_names_the_dialogs_that_do_not_fit(qapp, monkeypatch, tmp_path):
    from kehoach_desktop.gui import screen_fit

    monkeypatch.setattr(screen_fit, "fit_dialog", lambda dialog, scroll=True: None)  # as before issue 16
    context = selftest.Context(tmp_path)
    with selftest._data_dir(tmp_path / "du-lieu"):
        try:
            selftest.check_database(context)
            selftest.check_demo_import(context)
            with pytest.raises(selftest.CheckFailed) as failed:
                selftest.check_small_screen(context)
        finally:
            selftest._close(context)
    assert "Sửa nhiệm vụ: cỡ 820×720 lớn hơn chỗ trống" in str(failed.value)


def test_run_restores_the_data_folder_setting(qapp, monkeypatch, tmp_path):
    monkeypatch.setenv("KEHOACH_DATA_DIR", str(tmp_path / "mine"))
    monkeypatch.setattr(selftest, "checks", lambda: [("Thư mục dữ liệu", lambda context: os.environ["KEHOACH_DATA_DIR"])])
    code, output = run_in_process()
    assert code == 0
    assert str(tmp_path / "mine") not in output  # during the run the data folder was the temporary one
    assert os.environ["KEHOACH_DATA_DIR"] == str(tmp_path / "mine")
    assert not (tmp_path / "mine").exists()


def test_an_unexpected_error_in_a_check_is_reported_and_the_others_still_run(monkeypatch):
    def broken(context):
        raise KeyError("thiếu")

    monkeypatch.setattr(selftest, "checks", lambda: [("Hỏng", broken), ("Lành", lambda context: "được")])
    code, output = run_in_process()
    assert code == 1
    assert "LỖI  Hỏng: KeyError" in output
    assert "OK   Lành: được" in output


def test_a_check_list_that_cannot_load_is_a_failure_not_a_crash(monkeypatch):
    def unloadable():
        raise ImportError("No module named 'reportlab'")

    monkeypatch.setattr(selftest, "checks", unloadable)
    code, output = run_in_process()
    assert code == 1
    assert "LỖI  Nạp danh sách kiểm tra: ImportError: No module named 'reportlab'" in output


def test_without_a_console_the_summary_is_shown_in_a_window(monkeypatch):
    shown = []
    monkeypatch.setattr(sys, "stdout", None)  # what the windowed .exe gets on Windows
    monkeypatch.setattr(selftest, "checks", lambda: [("Lành", lambda context: "được")])
    monkeypatch.setattr(selftest, "_show_in_window", lambda text, code: shown.append((text, code)))
    assert selftest.run() == 0
    ((text, code),) = shown
    assert code == 0 and "OK   Lành: được" in text and "Kết quả: cả 1 mục đều đạt" in text


# ----------------------------------------------------------------------------- the PDF checks


def pdf_with(text: str, *, bundled_font: bool = True) -> bytes:
    from reportlab.pdfgen.canvas import Canvas

    from kehoach_desktop.reports.fonts import register_fonts

    buffer = io.BytesIO()
    canvas = Canvas(buffer)
    if bundled_font:
        canvas.setFont(register_fonts(prefer_system=False).bold, 13)
    canvas.drawString(72, 720, text)
    canvas.drawString(72, 700, "Độc lập - Tự do - Hạnh phúc")
    canvas.showPage()
    canvas.drawString(72, 720, "Trang hai")
    canvas.save()
    return buffer.getvalue()


def test_pdf_text_is_read_back_page_by_page():
    pages = selftest.pdf_page_texts(pdf_with(selftest.MOTTO))
    assert len(pages) == 2
    assert [line for line in pages[0].splitlines() if line] == [selftest.MOTTO, "Độc lập - Tự do - Hạnh phúc"]
    assert "Trang hai" in pages[1]
    assert selftest.check_pdf(pdf_with(selftest.MOTTO)).startswith("2 trang")


def test_check_pdf_rejects_what_is_not_a_whole_pdf():
    with pytest.raises(selftest.CheckFailed, match="%PDF-"):
        selftest.check_pdf(b"<html>not a pdf</html>")
    with pytest.raises(selftest.CheckFailed, match="cắt cụt"):
        selftest.check_pdf(pdf_with(selftest.MOTTO)[:-200])


def test_check_pdf_wants_the_font_embedded_and_the_motto():
    with pytest.raises(selftest.CheckFailed, match="không được nhúng"):
        selftest.check_pdf(pdf_with(selftest.MOTTO, bundled_font=False))
    with pytest.raises(selftest.CheckFailed, match="Quốc hiệu|CỘNG HÒA"):
        selftest.check_pdf(pdf_with("CỘNG HÒA XÃ HỘI"))
