"""The window's report part, driven with pytest-qt: the Báo cáo menu, the report
dialog, the preview (QtPdf), Lưu PDF and In (a PDF-format QPrinter read back)."""

from __future__ import annotations

import io
from datetime import date
from pathlib import Path
from unittest import mock

import pdfplumber
import pytest
from PySide6.QtCore import QModelIndex
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QLineEdit, QProgressDialog, QPushButton
from reports_support import ATTENTION_DAY, add_progress, fill_sample
from test_gui import answer_dialog

from kehoach_desktop.domain.periods import parse_period
from kehoach_desktop.reports import ReportKind, ReportRequest

MOTTO = ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc")
A4 = (595, 842)


@pytest.fixture
def window(qtbot, services, db_path):
    """The largest sample with progress, the window's date 25/11/2025 (tasks due
    15/11 overdue, due 30/11 due soon), no unit filter and no task in focus."""
    from kehoach_desktop.gui.main_window import MainWindow

    plan_id = fill_sample(services)
    add_progress(services, plan_id)
    win = MainWindow(services, db_path, as_of=ATTENTION_DAY)
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    win.ui.taskTree.setCurrentIndex(QModelIndex())
    win.plan_id = plan_id
    yield win
    for preview in list(win.report_actions.previews):
        preview.close()


def menu_action(window, kind: ReportKind):
    return window.report_actions.actions[kind]


def open_report(qtbot, window, kind: ReportKind, fill=None, *, preview: bool = True) -> dict:
    """Trigger the kind's menu item; in its dialog run fill(dialog), then "Xem trước"
    (waiting for the PDF), or close it. Returns what the dialog showed."""
    seen: dict = {}

    def drive(dialog):
        seen["dialog"] = dialog
        seen["kind"] = dialog.kind
        seen["plan"] = dialog.ui.planCombo.currentData()
        seen["header"] = dialog.header()
        if fill is not None:
            fill(dialog)
        if preview:
            dialog.preview_button.click()
            qtbot.waitUntil(lambda: dialog.job is None, timeout=60000)
        seen["error"] = dialog.ui.errorLabel.text()
        if dialog.isVisible():
            dialog.reject()

    answer_dialog(qtbot, drive)
    menu_action(window, kind).trigger()
    return seen


def pdf_pages(content: bytes) -> list[tuple[int, int]]:
    with pdfplumber.open(io.BytesIO(content)) as pdf:
        return [(round(page.width), round(page.height)) for page in pdf.pages]


def page_text(preview, page: int) -> str:
    return preview.document.getAllText(page).text()


# --- the menu -----------------------------------------------------------------------------------


def test_the_bao_cao_menu_has_one_item_per_kind(window):
    texts = [action.text() for action in window.reports_menu.actions() if not action.isSeparator()]
    assert texts == [
        "&Kế hoạch (bản in)…", "&Báo cáo kết quả thực hiện…", "Danh sách nhiệm vụ &quá hạn, sắp đến hạn…",
        "Công văn đôn đốc đơn &vị…", "&Thống kê theo đơn vị…", "Sổ văn bản đã &phát hành…",
    ]  # fmt: skip
    assert menu_action(window, ReportKind.PLAN).shortcut().toString() == "Ctrl+P"
    assert menu_action(window, ReportKind.RESULTS).shortcut().toString() == "Ctrl+R"
    every_shortcut = [a.shortcut().toString() for a in window.findChildren(type(menu_action(window, ReportKind.PLAN)))]
    for kind in (ReportKind.PLAN, ReportKind.RESULTS, ReportKind.ATTENTION):
        assert every_shortcut.count(menu_action(window, kind).shortcut().toString()) == 1


# --- each kind: dialog → preview -------------------------------------------------------------------


def pick_unit(name: str):
    def fill(dialog):
        combo = dialog.ui.unitCombo
        combo.setCurrentIndex(combo.findText(name))
        assert dialog.ui.kinhGuiEdit.toPlainText() == name  # Kính gửi follows the unit

    return fill


def choose_period(code: str):
    return lambda dialog: dialog.ui.periodPicker.set_period(parse_period(code))


@pytest.mark.parametrize(
    "kind, fill, landscape",
    [
        (ReportKind.PLAN, None, True),
        (ReportKind.RESULTS, choose_period("2025"), True),
        (ReportKind.ATTENTION, None, False),
        (ReportKind.REMINDER, pick_unit("Các phòng, đơn vị trực thuộc Sở"), False),
        (ReportKind.UNIT_STATS, None, False),
    ],
    ids=lambda value: value.value if isinstance(value, ReportKind) else "",
)
def test_each_kind_opens_from_the_menu_and_previews_inside_the_program(qtbot, window, services, kind, fill, landscape):
    seen = open_report(qtbot, window, kind, fill)
    assert seen["error"] == ""
    assert seen["kind"] is kind and seen["plan"] == ("plan", window.plan_id)
    assert seen["header"].issuer == "Sở Nông nghiệp và Môi trường"
    assert seen["header"].signer_name == "Nguyễn Duy Quang" and seen["header"].number == ""
    [preview] = window.report_actions.previews
    report = preview.report
    assert report.request.kind is kind and report.request.plan_ids == [window.plan_id]
    if kind in (ReportKind.ATTENTION, ReportKind.REMINDER, ReportKind.UNIT_STATS):
        assert report.request.as_of == ATTENTION_DAY  # "tính đến ngày" defaults to the window's date
    # the preview shows the PDF the service makes for the same request, page for page
    expected = pdf_pages(services.reports.make_pdf(report.request))
    assert preview.document.pageCount() == len(expected) == len(pdf_pages(preview.pdf))
    first = page_text(preview, 0)
    assert all(line in first for line in MOTTO)
    orientations = [preview.document.pagePointSize(i).width() > preview.document.pagePointSize(i).height()
                    for i in range(preview.page_count())]  # fmt: skip
    assert any(orientations) is landscape
    assert orientations == [width > height for width, height in expected]
    assert preview.ui.pageCountLabel.text() == f"/ {len(expected)}"
    assert preview.isVisible() and not preview.isModal()


def test_results_default_to_the_quarter_just_ended_and_untouched_fields_follow(qtbot, window):
    def fill(dialog):
        assert dialog.ui.periodPicker.code() == "2025-Q3"  # window date 25/11/2025: quý III has just ended
        assert dialog.ui.titleEdit.toPlainText().endswith("quý III năm 2025")
        dialog.ui.signerNameEdit.setText("Lê Thị Hoà")  # typed: kept
        dialog.ui.periodPicker.set_period(parse_period("2025-Q2"))
        assert dialog.ui.titleEdit.toPlainText().endswith("quý II năm 2025")  # untouched: follows
        assert "quý II năm 2025 như sau" in dialog.ui.openingEdit.toPlainText()
        assert dialog.ui.signerNameEdit.text() == "Lê Thị Hoà"

    seen = open_report(qtbot, window, ReportKind.RESULTS, fill)
    report = window.report_actions.previews[0].report
    assert seen["error"] == "" and report.request.period.code == "2025-Q2"
    assert report.data.header.signer_name == "Lê Thị Hoà"


def test_a_whole_year_of_plans_can_be_reported_together(qtbot, window, services):
    from reports_support import sample_draft

    other = services.plans.create(sample_draft("004_38c702dbea58b40f")).value
    window.reload_plans(select="year:2025")

    def fill(dialog):
        assert dialog.ui.planCombo.currentText().startswith("Tất cả kế hoạch năm 2025 (2 kế hoạch)")

    open_report(qtbot, window, ReportKind.UNIT_STATS, fill)
    assert window.report_actions.previews[0].report.request.plan_ids == sorted([window.plan_id, other])
    seen = open_report(qtbot, window, ReportKind.PLAN, preview=False)  # one plan at a time
    assert seen["plan"][0] == "plan"


# --- save and print ---------------------------------------------------------------------------------


def test_save_as_pdf_writes_the_previewed_file_and_remembers_the_header(qtbot, window, services, tmp_path):
    open_report(qtbot, window, ReportKind.RESULTS, choose_period("2025-Q3"))
    [preview] = window.report_actions.previews
    assert services.reports.last_header(ReportKind.RESULTS) is None  # a preview alone is not remembered
    target = tmp_path / "ra" / "bao-cao-quy-3"
    with mock.patch("kehoach_desktop.gui.pdf_preview.QFileDialog.getSaveFileName",
                    return_value=(str(target), "Tệp PDF (*.pdf)")) as ask:  # fmt: skip
        preview.ui.saveButton.click()
    assert Path(ask.call_args.args[2]).name == "bao-cao-2025-Q3.pdf"
    saved = target.with_name("bao-cao-quy-3.pdf")
    assert saved.read_bytes() == preview.pdf
    with pdfplumber.open(saved) as pdf:
        assert len(pdf.pages) == preview.page_count()
        assert all(sorted((round(p.width), round(p.height))) == list(A4) for p in pdf.pages)
        first = pdf.pages[0].extract_text()
    assert all(line in first for line in MOTTO)
    assert "quý III năm 2025" in first and "quý III năm 2025" in page_text(preview, 0)
    assert services.reports.last_header(ReportKind.RESULTS) == preview.report.data.header
    assert str(saved) in preview.ui.statusLabel.text()


def test_save_into_a_folder_that_cannot_be_written_says_so(qtbot, window, services, tmp_path):
    open_report(qtbot, window, ReportKind.ATTENTION)
    [preview] = window.report_actions.previews
    folder = tmp_path / "ra.pdf"
    folder.mkdir()
    shown = {}
    with mock.patch("kehoach_desktop.gui.pdf_preview.show_error", lambda parent, message: shown.setdefault("m", message)):
        assert preview.save_to(folder) is False
    assert shown["m"].startswith(f"Không ghi được tệp {folder}: ")
    assert "thư mục cùng tên" in shown["m"] or "không có quyền ghi" in shown["m"]  # Linux / Windows
    assert services.reports.last_header(ReportKind.ATTENTION) is None
    assert list(tmp_path.glob(".tmp-*")) == [] and list(folder.iterdir()) == []


def test_print_to_a_pdf_printer_keeps_a4_and_each_pages_orientation(qtbot, window, services, tmp_path):
    open_report(qtbot, window, ReportKind.RESULTS, choose_period("2025-Q3"))
    [preview] = window.report_actions.previews
    source = [(round(preview.document.pagePointSize(i).width()), round(preview.document.pagePointSize(i).height()))
              for i in range(preview.page_count())]  # fmt: skip
    assert A4 in source and A4[::-1] in source  # the report is portrait, its Phụ lục landscape
    out = tmp_path / "in-ra.pdf"

    def print_to_file(dialog):
        dialog.findChild(QLineEdit, "filename").setText(str(out))
        dialog.accept()

    answer_dialog(qtbot, print_to_file)
    preview.ui.printButton.click()
    qtbot.waitUntil(lambda: preview.print_job is None and out.exists(), timeout=120000)
    assert pdf_pages(out.read_bytes()) == source
    assert preview.ui.statusLabel.text().startswith(f"Đã gửi {len(source)} trang")
    assert services.reports.last_header(ReportKind.RESULTS) == preview.report.data.header


def test_print_range_and_current_page():
    from kehoach_desktop.gui.pdf_preview import pages_to_print

    printer = QPrinter()
    assert pages_to_print(printer, 5, 2) == [0, 1, 2, 3, 4]
    printer.setPrintRange(QPrinter.PrintRange.PageRange)
    printer.setFromTo(2, 3)
    assert pages_to_print(printer, 5, 0) == [1, 2]
    printer.setPrintRange(QPrinter.PrintRange.CurrentPage)
    assert pages_to_print(printer, 5, 3) == [3]


# --- the header remembered ------------------------------------------------------------------------------


def test_the_header_is_prefilled_the_second_time_from_the_first_report_of_that_kind(qtbot, window, services, tmp_path):
    def first(dialog):
        ui = dialog.ui
        ui.numberEdit.setText("12")
        ui.signerTitleEdit.setPlainText("KT. GIÁM ĐỐC\nPHÓ GIÁM ĐỐC")
        ui.signerNameEdit.setText("Lê Thị Hoà")
        ui.recipientsEdit.setPlainText("Sở Nội vụ\nUBND tỉnh Khánh Hòa")
        ui.symbolEdit.setText("BC-VP")
        ui.directionsEdit.setPlainText("Tiếp tục đôn đốc các đơn vị.")

    open_report(qtbot, window, ReportKind.RESULTS, first)
    [preview] = window.report_actions.previews
    assert any("Lê Thị Hoà" in page_text(preview, i) for i in range(preview.page_count()))
    preview.save_to(tmp_path / "bc.pdf")
    preview.close()

    second = open_report(qtbot, window, ReportKind.RESULTS, preview=False)["header"]
    assert (second.signer_title, second.signer_name) == ("KT. GIÁM ĐỐC\nPHÓ GIÁM ĐỐC", "Lê Thị Hoà")
    assert second.recipients == ["Sở Nội vụ", "UBND tỉnh Khánh Hòa"] and second.symbol == "BC-VP"
    assert (second.number, second.issued_on, second.directions) == ("", None, "")  # one report's own
    other_kind = open_report(qtbot, window, ReportKind.UNIT_STATS, preview=False)["header"]
    assert other_kind.signer_name == "Nguyễn Duy Quang"


def test_edit_from_the_preview_makes_the_pdf_again_in_the_same_window(qtbot, window):
    open_report(qtbot, window, ReportKind.ATTENTION)
    [preview] = window.report_actions.previews

    def edit(dialog):
        assert dialog.kind is ReportKind.ATTENTION
        assert dialog.ui.titleEdit.toPlainText().endswith("25/11/2025")
        dialog.ui.titleEdit.setPlainText("Nhiệm vụ cần tập trung chỉ đạo tuần này")
        dialog.preview_button.click()

    answer_dialog(qtbot, edit)
    preview.ui.editButton.click()
    qtbot.waitUntil(lambda: preview.report.data.header.title.startswith("Nhiệm vụ cần tập trung"), timeout=60000)
    assert window.report_actions.previews == [preview]
    assert "Nhiệm vụ cần tập trung chỉ đạo tuần này" in page_text(preview, 0)


# --- refusals and cancelling -----------------------------------------------------------------------------


def test_cancelling_generation_leaves_nothing_behind(qtbot, window, services, tmp_path):
    seen = {}

    def cancel(dialog):
        dialog.preview_button.click()
        progress = dialog.findChild(QProgressDialog)
        next(b for b in progress.findChildren(QPushButton) if b.text() == "Hủy").click()
        qtbot.waitUntil(lambda: dialog.job is None, timeout=60000)
        seen["error"] = dialog.ui.errorLabel.text()
        seen["open"] = dialog.isVisible()
        seen["button"] = dialog.preview_button.isEnabled()
        dialog.reject()

    answer_dialog(qtbot, cancel)
    menu_action(window, ReportKind.PLAN).trigger()
    assert seen == {"error": "Đã hủy tạo báo cáo.", "open": True, "button": True}
    assert window.report_actions.previews == []
    assert services.reports.last_header(ReportKind.PLAN) is None
    assert list(tmp_path.glob("*.pdf")) == [] and list(tmp_path.glob(".tmp-*")) == []


def test_a_reminder_without_a_unit_is_refused_with_a_message(qtbot, window):
    messages = []

    def fill(dialog):
        assert dialog.ui.unitCombo.currentText() == ""
        dialog.preview_button.click()
        messages.append(dialog.ui.errorLabel.text())
        dialog.ui.unitCombo.setEditText("Phòng Ke hoach")
        dialog.preview_button.click()
        messages.append(dialog.ui.errorLabel.text())

    seen = open_report(qtbot, window, ReportKind.REMINDER, fill, preview=False)
    assert messages[0] == "Công văn đôn đốc cần chọn đơn vị nhận."
    assert "Không có đơn vị «Phòng Ke hoach»" in messages[1] and "«Phòng Kế hoạch – Tài chính»" in messages[1]
    assert seen["dialog"] is not None and window.report_actions.previews == []


def test_a_reminder_goes_to_the_unit_in_focus_and_a_typed_name_is_found(qtbot, window, services):
    office = services.units.find("Văn phòng Sở")
    window.ui.unitFilter.setCurrentIndex(window.ui.unitFilter.findData(office))

    def fill(dialog):
        assert dialog.ui.unitCombo.currentText() == "Văn phòng Sở"
        assert dialog.ui.kinhGuiEdit.toPlainText() == "Văn phòng Sở"
        dialog.ui.unitCombo.setEditText("cac phong, don vi truc thuoc so")  # no marks: still found

    seen = open_report(qtbot, window, ReportKind.REMINDER, fill)
    assert seen["error"] == ""
    report = window.report_actions.previews[0].report
    assert report.request.unit_id == services.units.find("Các phòng, đơn vị trực thuộc Sở")


def test_a_unit_with_nothing_late_needs_no_reminder(qtbot, window, services):
    def fill(dialog):
        dialog.ui.asOfEdit.setDate(date(2025, 1, 2))
        combo = dialog.ui.unitCombo
        combo.setCurrentIndex(combo.findText("Văn phòng Sở"))

    seen = open_report(qtbot, window, ReportKind.REMINDER, fill)
    assert "không cần công văn đôn đốc" in seen["error"]
    assert window.report_actions.previews == []


def test_default_file_names(services):
    from kehoach_desktop.gui.report_actions import default_file_name

    plan_id = fill_sample(services)
    unit = services.units.find("Văn phòng Sở")
    day = date(2025, 11, 25)
    names = [
        default_file_name(ReportRequest(ReportKind.PLAN, [plan_id]), services),
        default_file_name(ReportRequest(ReportKind.RESULTS, [plan_id], period=parse_period("2025-Q3")), services),
        default_file_name(ReportRequest(ReportKind.RESULTS, [plan_id], period=parse_period("2025-03-01..2025-05-31")), services),
        default_file_name(ReportRequest(ReportKind.ATTENTION, [plan_id], as_of=day), services),
        default_file_name(ReportRequest(ReportKind.REMINDER, [plan_id], as_of=day, unit_id=unit), services),
        default_file_name(ReportRequest(ReportKind.UNIT_STATS, [plan_id], as_of=day), services),
    ]
    assert names == [
        "ke-hoach-KH-SNNMT-2025.pdf", "bao-cao-2025-Q3.pdf", "bao-cao-2025-03-01-den-2025-05-31.pdf",
        "qua-han-2025-11-25.pdf", "don-doc-van-phong-so-2025-11-25.pdf", "thong-ke-2025-11-25.pdf",
    ]  # fmt: skip


def test_the_reminder_dialog_says_how_many_late_tasks_the_unit_has(qtbot, window, services):
    from kehoach_desktop.domain import summaries as statistics

    units = services.units.find("Các phòng, đơn vị trực thuộc Sở")
    tree = services.plans.tree(window.plan_id)
    states = services.statistics.states(tree, ATTENTION_DAY)
    [lines] = statistics.attention_by_unit(tree, states, ATTENTION_DAY, units)
    assert lines.overdue and lines.due_soon
    hints = []

    def fill(dialog):
        hints.append(dialog.ui.unitHint.text())
        combo = dialog.ui.unitCombo
        combo.setCurrentIndex(combo.findText("Các phòng, đơn vị trực thuộc Sở"))
        hints.append(dialog.ui.unitHint.text())
        combo.setCurrentIndex(combo.findText("Văn phòng Sở"))
        hints.append(dialog.ui.unitHint.text())
        dialog.ui.asOfEdit.setDate(date(2025, 1, 2))
        hints.append(dialog.ui.unitHint.text())

    open_report(qtbot, window, ReportKind.REMINDER, fill, preview=False)
    office = services.units.find("Văn phòng Sở")
    helping = statistics.coordinated_attention(tree, states, ATTENTION_DAY, office)
    assert not statistics.attention_by_unit(tree, states, ATTENTION_DAY, office) and helping
    assert hints[0] == "Chọn đơn vị nhận công văn."
    assert hints[1] == f"Đơn vị chủ trì: {len(lines.overdue)} nhiệm vụ quá hạn, {len(lines.due_soon)} nhiệm vụ sắp đến hạn."
    assert hints[2] == f"Đơn vị chủ trì: 0 nhiệm vụ quá hạn, 0 nhiệm vụ sắp đến hạn; phối hợp: {len(helping)} nhiệm vụ."
    assert hints[3] == "Đơn vị này không có nhiệm vụ quá hạn hay sắp đến hạn tính đến ngày đã chọn."


def test_cancelling_a_print_leaves_no_half_printed_file(qtbot, window, services, tmp_path):
    open_report(qtbot, window, ReportKind.RESULTS, choose_period("2025"))
    [preview] = window.report_actions.previews
    out = tmp_path / "in-ra.pdf"

    def print_to_file(dialog):
        dialog.findChild(QLineEdit, "filename").setText(str(out))
        dialog.accept()

    answer_dialog(qtbot, print_to_file)
    preview.ui.printButton.click()
    progress = preview.findChild(QProgressDialog)
    next(b for b in progress.findChildren(QPushButton) if b.text() == "Hủy").click()
    qtbot.waitUntil(lambda: preview.print_job is None, timeout=60000)
    assert preview.ui.statusLabel.text() == "Đã hủy lệnh in."
    assert not out.exists() and services.reports.last_header(ReportKind.RESULTS) is None


def test_an_issued_report_enters_the_register_once_and_reopens_as_printed(qtbot, window, services, tmp_path):
    from kehoach_desktop.gui.register_window import RegisterWindow

    def number_it(dialog):
        choose_period("2025-Q3")(dialog)
        dialog.ui.numberEdit.setText("15")
        dialog.ui.dateBlankCheck.setChecked(False)

    open_report(qtbot, window, ReportKind.RESULTS, number_it)
    [preview] = window.report_actions.previews
    assert preview.report.data.header.number == "15" and preview.report.data.header.issued_on is not None
    preview.save_to(tmp_path / "bc.pdf")
    preview.save_to(tmp_path / "bc-lan-2.pdf")  # the same document saved twice: one entry
    [entry] = services.register.entries()
    assert entry.number == "15" and entry.period == "2025-Q3" and entry.kind == ReportKind.RESULTS.value
    assert entry.figures["total"] == sum(v for k, v in entry.figures.items() if k != "total") > 0
    issued = services.register.get(entry.id)
    assert issued.pdf == (tmp_path / "bc.pdf").read_bytes() and issued.docx.startswith(b"PK")
    assert "Đã ghi văn bản vào Sổ văn bản đã phát hành" in window.statusBar().currentMessage()
    register = RegisterWindow(window, services)
    qtbot.addWidget(register)
    assert register.table.item(0, 0).text().startswith("15/")


def test_an_unnumbered_report_is_not_issued(qtbot, window, services, tmp_path):
    open_report(qtbot, window, ReportKind.ATTENTION)
    [preview] = window.report_actions.previews
    preview.save_to(tmp_path / "ds.pdf")
    assert services.register.entries() == []
