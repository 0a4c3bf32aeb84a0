"""The rules behind the reports: the official strings, a task's status on a day,
the counts, the header prefill and its table (migration 2), the command line."""

from __future__ import annotations

import sqlite3
import threading
from datetime import date

import pdfplumber
import pytest
from reports_support import (
    ATTENTION_DAY,
    REPORT_DAY,
    REPORT_PERIOD,
    add_progress,
    fill_sample,
    sample_draft,
)

from kehoach_desktop.cli.main import main
from kehoach_desktop.domain import deadlines
from kehoach_desktop.domain.judgement import Timeliness
from kehoach_desktop.domain.models import Task
from kehoach_desktop.domain.periods import parse_period
from kehoach_desktop.domain.statuses import Status
from kehoach_desktop.reports import ReportHeader, ReportKind, ReportRequest, render_pdf
from kehoach_desktop.reports.ke_hoach import plan_columns
from kehoach_desktop.reports.texts import (
    kinh_gui_lines,
    legal_basis_lines,
    place_date,
    recipient_lines,
    so_ky_hieu,
    split_archive,
)
from kehoach_desktop.services import ServiceError, Services
from kehoach_desktop.domain.summaries import Category, ProgressPoint, count, state_as_of
from kehoach_desktop.store import Store, migrations

# --- the official strings ------------------------------------------------------------------


def test_so_ky_hieu_leading_zero_below_10_and_blank_gap():
    assert so_ky_hieu("7", "BC-SXD") == "Số: 07/BC-SXD"
    assert so_ky_hieu("09", "BC-SXD") == "Số: 09/BC-SXD"
    assert so_ky_hieu(10, "KH-UBND") == "Số: 10/KH-UBND"
    assert so_ky_hieu("125", "sxd-vp".upper()) == "Số: 125/SXD-VP"
    blank = so_ky_hieu("", "BC-SXD")
    assert blank.startswith("Số:\u00a0") and blank.endswith("/BC-SXD") and " " not in blank.strip("Số:")


@pytest.mark.parametrize(
    "day, expected",
    [
        (date(2020, 1, 5), "Hà Nội, ngày 05 tháng 01 năm 2020"),
        (date(2023, 2, 6), "Hà Nội, ngày 06 tháng 02 năm 2023"),
        (date(2019, 6, 29), "Hà Nội, ngày 29 tháng 6 năm 2019"),
        (date(2020, 3, 5), "Hà Nội, ngày 05 tháng 3 năm 2020"),
        (date(2025, 12, 10), "Hà Nội, ngày 10 tháng 12 năm 2025"),
    ],
)
def test_place_date_pads_days_below_10_and_only_months_1_and_2(day, expected):
    assert place_date("Hà Nội", day) == expected


def test_place_date_left_blank_keeps_gaps_that_reportlab_cannot_collapse():
    text = place_date("Khánh Hòa", None, 2025)
    assert text.startswith("Khánh Hòa, ngày\u00a0") and text.endswith("năm 2025")
    assert "\u00a0\u00a0\u00a0" in text.split("tháng")[0]


def test_noi_nhan_lines_end_with_luu_and_start_with_nhu_tren_after_kinh_gui():
    recipients, archive = split_archive(["Nơi nhận:", "- UBND tỉnh;", "- Sở Nội vụ;", "- Lưu: VT, CVP, PCVP, KQ."])
    assert recipients == ["UBND tỉnh", "Sở Nội vụ"] and archive == "VT, CVP, PCVP, KQ"
    assert recipient_lines(recipients, archive) == ["- UBND tỉnh;", "- Sở Nội vụ;", "- Lưu: VT, CVP, PCVP, KQ."]
    assert recipient_lines(["Giám đốc Sở"], "", as_above=True) == ["- Như trên;", "- Giám đốc Sở;", "- Lưu: VT."]


def test_kinh_gui_and_can_cu_punctuation():
    assert kinh_gui_lines(["Văn phòng Sở"]) == ["Văn phòng Sở"]
    assert kinh_gui_lines(["- Sở Nội vụ;", "UBND tỉnh"]) == ["- Sở Nội vụ;", "- UBND tỉnh."]
    assert legal_basis_lines(["Căn cứ Luật A;", "Căn cứ Nghị định B,"]) == ["Căn cứ Luật A;", "Căn cứ Nghị định B."]


# --- a task's status on a day ------------------------------------------------------------------


def task(schedule: str = "Trước ngày 30/6/2025", status=Status.NOT_STARTED, completed=None, result="") -> Task:
    return Task(
        id=1, schedule_text=schedule, deadline=deadlines.parse(schedule, 2025), status=status,
        completed_on=completed, result=result,
    )  # fmt: skip


def point(period: str, status: Status, reported: date, result: str = "", id: int = 1) -> ProgressPoint:
    return ProgressPoint(id, 1, period, parse_period(period).end, reported, status, None, result)


def test_without_progress_the_tasks_own_status_counts():
    state = state_as_of(task(status=Status.IN_PROGRESS, result="đang làm"), [], date(2025, 5, 1))
    assert (state.status, state.result, state.category) == (Status.IN_PROGRESS, "đang làm", Category.IN_PROGRESS)


def test_a_fixed_deadline_passed_unfinished_is_overdue_as_of_the_day():
    assert state_as_of(task(), [], date(2025, 7, 1)).category is Category.OVERDUE
    assert state_as_of(task(), [], date(2025, 6, 30)).category is Category.NOT_STARTED


def test_only_updates_known_on_the_day_count_and_the_latest_wins():
    done = task(status=Status.DONE, completed=date(2025, 10, 5), result="xong")
    points = [
        point("2025-Q2", Status.IN_PROGRESS, date(2025, 7, 3), "đang làm", id=1),
        point("2025-Q4", Status.DONE, date(2025, 10, 5), "xong", id=2),
    ]
    q3 = state_as_of(done, points, date(2025, 9, 30))
    assert (q3.status, q3.result, q3.category) == (Status.IN_PROGRESS, "đang làm", Category.OVERDUE)
    year = state_as_of(done, points, date(2025, 12, 31))
    assert (year.status, year.category, year.completed_on) == (Status.DONE, Category.DONE_LATE, date(2025, 10, 5))
    assert state_as_of(done, points, date(2025, 4, 1)).status is Status.NOT_STARTED  # nothing known yet


def test_done_reported_after_the_period_counts_for_that_period():
    done = task(schedule="Trước ngày 30/9/2025", status=Status.DONE, completed=date(2025, 10, 3))
    state = state_as_of(done, [point("2025-Q3", Status.DONE, date(2025, 10, 3))], date(2025, 9, 30))
    assert state.status is Status.DONE and state.timeliness is Timeliness.DONE_LATE


def test_a_task_completed_after_the_day_was_not_done_yet():
    done = task(schedule="Thường xuyên", status=Status.DONE, completed=date(2025, 11, 1))
    assert state_as_of(done, [], date(2025, 9, 30)).category is Category.IN_PROGRESS
    assert state_as_of(done, [], date(2025, 11, 1)).category is Category.DONE_ON_TIME


def test_counts_are_a_partition_of_the_plans_tasks(services):
    plan_id = fill_sample(services)
    add_progress(services, plan_id)
    tree = services.plans.tree(plan_id)
    counts = count(services.statistics.states(tree, REPORT_DAY).values())
    assert counts.total == len(tree.tasks) == 75
    assert all(counts[category] >= 1 for category in Category)
    assert services.statistics.summary([plan_id], REPORT_DAY).by_category == counts.by_category


# --- the header: prefill, memory, migration 2 ----------------------------------------------------


def test_default_header_comes_from_the_plan_with_blanks_for_the_van_thu(services):
    plan_id = fill_sample(services)
    header = services.reports.default_header(ReportKind.RESULTS, [plan_id], period=parse_period("2025-Q3"))
    assert (header.number, header.issued_on) == ("", None)
    assert header.symbol == "BC-SNNMT"
    assert header.issuer == "Sở Nông nghiệp và Môi trường" and header.governing_body == "UBND TỈNH KHÁNH HÒA"
    assert header.signer_title == "GIÁM ĐỐC" and header.signer_name == "Nguyễn Duy Quang"
    assert header.title.startswith("Kết quả thực hiện Kế hoạch cải thiện") and header.title.endswith("quý III năm 2025")
    # Sent up to the outside bodies; Nơi nhận is built from them ("Như trên"), never copied from the
    # plan; the Giám đốc signs, so he is not also "informed" in Nơi nhận.
    assert header.kinh_gui == ["UBND tỉnh Khánh Hòa", "Sở Nội vụ"]
    assert header.recipients == [] and header.archive == "VT, VP"
    plan_header = services.reports.default_header(ReportKind.PLAN, [plan_id])
    assert (plan_header.number, plan_header.symbol, plan_header.year) == ("", "KH-SNNMT", 2025)
    assert plan_header.archive == "VT, CVP, PCVP, KQ"


def test_last_header_of_a_kind_prefills_the_next_but_not_its_number_date_or_text(services):
    plan_id = fill_sample(services)
    assert services.reports.last_header(ReportKind.RESULTS) is None
    used = services.reports.default_header(ReportKind.RESULTS, [plan_id], period=parse_period("2025-Q3"))
    used.number, used.issued_on = "12", date(2025, 10, 10)
    used.signer_title, used.signer_name = "KT. GIÁM ĐỐC\nPHÓ GIÁM ĐỐC", "Lê Thị Hoà"
    used.recipients, used.kinh_gui = ["Sở Nội vụ"], ["UBND tỉnh Khánh Hòa"]
    used.directions = "Tiếp tục đôn đốc."
    services.reports.save_header(ReportKind.RESULTS, used)
    assert services.reports.last_header(ReportKind.RESULTS) == used.normalised()
    following = services.reports.default_header(ReportKind.RESULTS, [plan_id], period=parse_period("2025-Q4"))
    assert (following.signer_title, following.signer_name) == ("KT. GIÁM ĐỐC\nPHÓ GIÁM ĐỐC", "Lê Thị Hoà")
    assert following.recipients == ["Sở Nội vụ"] and following.kinh_gui == ["UBND tỉnh Khánh Hòa"]
    assert (following.number, following.issued_on, following.directions) == ("", None, "")
    assert following.title.endswith("quý IV năm 2025")
    # another kind keeps its own memory
    assert services.reports.default_header(ReportKind.UNIT_STATS, [plan_id]).signer_name == "Nguyễn Duy Quang"


def test_make_pdf_can_remember_the_header_it_used(services, tmp_path):
    plan_id = fill_sample(services)
    header = services.reports.default_header(ReportKind.ATTENTION, [plan_id], as_of=ATTENTION_DAY)
    header.signer_name = "Phạm Văn Bình"
    request = ReportRequest(ReportKind.ATTENTION, [plan_id], as_of=ATTENTION_DAY, header=header)
    services.reports.make_pdf(request, tmp_path / "a.pdf", remember_header=True, prefer_system_font=False)
    assert services.reports.last_header(ReportKind.ATTENTION).signer_name == "Phạm Văn Bình"


def test_a_version_1_database_with_data_upgrades_to_the_report_headers(db_path):
    import shutil
    from pathlib import Path

    shutil.copy(Path(__file__).parent / "data" / "v1_database.db", db_path)  # written by the first version
    with sqlite3.connect(db_path) as old:
        assert old.execute("PRAGMA user_version").fetchone()[0] == 1
        tasks_before = old.execute("SELECT count(*) FROM task").fetchone()[0]
        [plan_id] = [row[0] for row in old.execute("SELECT id FROM plan")]
    with Store.open(db_path) as store:
        assert store.schema_version == migrations.latest_version() >= 2
        assert "report_header" in store.db.table_names()
    with Services.open(db_path) as services:
        assert len(services.plans.tree(plan_id).tasks) == tasks_before > 0
        services.reports.save_header(ReportKind.PLAN, ReportHeader(signer_name="Cao Thanh Vũ"))
        assert services.reports.last_header(ReportKind.PLAN).signer_name == "Cao Thanh Vũ"
    copies = list((db_path.parent / "sao-luu").glob("*.db"))
    assert len(copies) == 1
    with sqlite3.connect(copies[0]) as copy:
        assert copy.execute("PRAGMA user_version").fetchone()[0] == 1


def test_a_damaged_saved_header_is_only_a_lost_prefill(services):
    plan_id = fill_sample(services)
    with services.store.write() as conn:
        conn.execute("INSERT INTO report_header (kind, data, updated_at) VALUES ('bao-cao', '{not json', '2025-01-01T00:00:00')")
    assert services.reports.last_header(ReportKind.RESULTS) is None
    assert services.reports.default_header(ReportKind.RESULTS, [plan_id]).issuer == "Sở Nông nghiệp và Môi trường"


# --- requests ------------------------------------------------------------------------------------


def test_bad_requests_say_what_is_wrong(services):
    plan_id = fill_sample(services)
    with pytest.raises(ServiceError, match="kỳ báo cáo"):
        services.reports.prepare(ReportRequest(ReportKind.RESULTS, [plan_id]))
    with pytest.raises(ServiceError, match="đơn vị nhận"):
        services.reports.prepare(ReportRequest(ReportKind.REMINDER, [plan_id]))
    with pytest.raises(ServiceError, match="một kế hoạch"):
        services.reports.prepare(ReportRequest(ReportKind.PLAN, [plan_id, plan_id + 1]))
    with pytest.raises(ServiceError, match="Chưa chọn"):
        services.reports.prepare(ReportRequest(ReportKind.ATTENTION, []))
    with pytest.raises(ServiceError, match="Tên gần giống: «Phòng Kế hoạch – Tài chính»"):
        services.reports.find_unit("Phòng Ke hoach")
    assert services.reports.find_unit("phong ke hoach - tai chinh").name == "Phòng Kế hoạch – Tài chính"


def test_a_unit_with_nothing_late_needs_no_reminder(services):
    plan_id = fill_sample(services)
    unit = services.reports.find_unit("Phòng Kế hoạch – Tài chính")
    with pytest.raises(ServiceError, match="không cần công văn đôn đốc"):
        services.reports.prepare(ReportRequest(ReportKind.REMINDER, [plan_id], as_of=date(2025, 1, 2), unit_id=unit.id))


def test_prepare_on_this_thread_render_on_a_worker(services):
    plan_id = fill_sample(services)
    add_progress(services, plan_id)
    data = services.reports.prepare(ReportRequest(ReportKind.RESULTS, [plan_id], period=parse_period(REPORT_PERIOD)))
    out = {}
    worker = threading.Thread(target=lambda: out.update(pdf=render_pdf(data, prefer_system_font=False)))
    worker.start()
    worker.join(60)
    assert out["pdf"].startswith(b"%PDF-") and b"%%EOF" in out["pdf"][-32:]


def test_plan_columns_follow_each_samples_own_appendix(services):
    expected = {
        "000_36db36a684822c51": ["number", "content", "schedule_text", "lead_text", "coordinate_text", "output", "note"],
        "002_faa90e4ac40fa61c": ["number", "content", "output", "schedule_text", "assignment_raw"],
        "004_38c702dbea58b40f": ["number", "content", "schedule_text", "lead_text", "coordinate_text", "output"],
    }
    for stem, fields in expected.items():
        tree = services.plans.tree(services.plans.create(sample_draft(stem)).value)
        pairs = plan_columns(tree.plans[0], tree.tasks)
        assert [name for name, _ in pairs] == fields, stem
        assert [column.title for _, column in pairs] == tree.plans[0].columns  # the plan's own titles


def test_several_plans_of_a_year_count_by_canonical_area(services, tmp_path):
    ids = [services.plans.create(sample_draft(stem)).value for stem in ("000_36db36a684822c51", "004_38c702dbea58b40f")]
    assert services.reports.plan_ids_of_year(2025) == sorted(ids)
    data = services.reports.prepare(ReportRequest(ReportKind.RESULTS, ids, period=parse_period("2025")))
    labels = [group.label for group in data.content.groups]
    assert labels[0] == "Cải cách thể chế" and "Chỉ số hài lòng" in labels
    assert sum(group.counts.total for group in data.content.groups) == data.content.totals.total == 75 + 25


# --- the command line -------------------------------------------------------------------------------


@pytest.fixture
def filled_db(db_path):
    with Services.open(db_path) as services:
        plan_id = fill_sample(services)
        add_progress(services, plan_id)
    return db_path, plan_id


def run(capsys, *argv) -> tuple[int, str, str]:
    code = main(list(argv))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


@pytest.mark.parametrize(
    "kind, extra",
    [
        ("ke-hoach", []),
        ("bao-cao", ["--period", "2025-Q4"]),
        ("bao-cao", ["--from", "2025-03-01", "--to", "2025-11-30"]),
        ("qua-han", ["--as-of", "2025-11-25"]),
        ("don-doc", ["--as-of", "2025-11-25", "--unit", "cac phong, don vi truc thuoc so"]),
        ("thong-ke", ["--year", "2025"]),
    ],
)
def test_report_command_writes_a_pdf(capsys, filled_db, tmp_path, kind, extra):
    db, plan_id = filled_db
    out = tmp_path / f"{kind}.pdf"
    plans = [] if "--year" in extra else ["--plan", str(plan_id)]
    code, stdout, stderr = run(capsys, "report", kind, *plans, *extra, "--font", "bundled", "--db", str(db), "-o", str(out))
    assert (code, stderr) == (0, "")
    assert stdout.startswith(f"Đã ghi {out}")
    with pdfplumber.open(out) as pdf:
        assert "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in pdf.pages[0].extract_text()


@pytest.mark.parametrize(
    "argv, message",
    [
        (["don-doc"], "cần tên đơn vị nhận"),
        (["don-doc", "--unit", "Phòng Kế hoạch"], "Tên gần giống: «Phòng Kế hoạch – Tài chính»"),
        (["bao-cao"], "cần kỳ báo cáo"),
        (["bao-cao", "--period", "2025-Q5"], "Không hiểu kỳ báo cáo «2025-Q5»"),
        (["bao-cao", "--from", "2025-05-01"], "cần cả --from và --to"),
        (["bao-cao", "--from", "2025-05-01", "--to", "2025-04-01"], "ngày kết thúc 01/04/2025 trước ngày bắt đầu"),
        (["qua-han", "--as-of", "30/9/2025"], "Ngày không hợp lệ ở --as-of"),
        (["thong-ke", "--unit", "Văn phòng Sở"], "chỉ dùng với qua-han, don-doc"),
    ],
)
def test_report_command_bad_input_exits_2_in_vietnamese(capsys, filled_db, tmp_path, argv, message):
    db, plan_id = filled_db
    out = tmp_path / "x.pdf"
    code, _, stderr = run(capsys, "report", argv[0], "--plan", str(plan_id), *argv[1:], "--db", str(db), "-o", str(out))
    assert code == 2
    assert message in stderr
    assert not out.exists()


def test_report_command_unknown_plan_or_year_exits_2(capsys, filled_db, tmp_path):
    db, _ = filled_db
    out = tmp_path / "x.pdf"
    assert run(capsys, "report", "ke-hoach", "--plan", "99", "--db", str(db), "-o", str(out))[:1] == (2,)
    code, _, stderr = run(capsys, "report", "qua-han", "--year", "2030", "--db", str(db), "-o", str(out))
    assert code == 2 and "năm 2030" in stderr
    assert not out.exists() and not list(tmp_path.glob(".tmp-*"))


def test_report_command_refuses_to_write_over_a_folder(capsys, filled_db, tmp_path):
    db, plan_id = filled_db
    folder = tmp_path / "ra.pdf"
    folder.mkdir()
    code, _, stderr = run(capsys, "report", "ke-hoach", "--plan", str(plan_id), "--db", str(db), "-o", str(folder))
    assert code == 2 and "Không ghi được tệp" in stderr
    assert not list(tmp_path.glob(".tmp-*"))


# --- fonts, layers, text form -------------------------------------------------------------------


def test_bundled_font_is_a_registered_family_so_bold_and_italic_markup_work(tmp_path):
    from reportlab.platypus import Paragraph, SimpleDocTemplate

    from kehoach_desktop.reports.fonts import register_fonts
    from kehoach_desktop.reports.layout import make_styles

    family = register_fonts(prefer_system=False)
    assert family.display_name == "Liberation Serif" and all(path.is_file() for path in family.files)
    out = tmp_path / "markup.pdf"
    SimpleDocTemplate(str(out)).build([Paragraph("Thường <b>Đậm</b> <i>Nghiêng</i>", make_styles(family).body)])
    with pdfplumber.open(out) as pdf:
        faces = {c["text"]: c["fontname"].split("+")[-1] for c in pdf.pages[0].chars}
    assert (faces["T"], faces["Đ"], faces["N"]) == ("LiberationSerif", "LiberationSerif-Bold", "LiberationSerif-Italic")


def test_times_new_roman_is_used_when_present_and_a_broken_file_falls_back(tmp_path, monkeypatch):
    from kehoach_desktop.reports import fonts

    for name in ("times.ttf", "timesbd.ttf", "timesi.ttf", "timesbi.ttf"):
        (tmp_path / name).write_bytes(b"not a font")
    assert fonts.find_times_new_roman([tmp_path]) == tuple(tmp_path / n for n in ("times.ttf", "timesbd.ttf", "timesi.ttf", "timesbi.ttf"))
    assert fonts.find_times_new_roman([tmp_path / "none"]) is None
    monkeypatch.setattr(fonts, "system_font_folders", lambda: [tmp_path])
    monkeypatch.delenv(fonts.FONT_ENV, raising=False)
    assert fonts.register_fonts().display_name == "Liberation Serif"  # the fake files are refused
    monkeypatch.setenv(fonts.FONT_ENV, "bundled")
    assert fonts.wants_bundled()


def test_report_modules_import_no_qt():
    import subprocess
    import sys

    modules = ["kehoach_desktop.reports", "kehoach_desktop.reports.layout", "kehoach_desktop.services.reports",
               "kehoach_desktop.cli.cmd_report"] + [f"kehoach_desktop.reports.{m}" for m in
               ("ke_hoach", "bao_cao", "qua_han", "don_doc", "thong_ke")]  # fmt: skip
    code = (
        "import importlib, sys\n"
        f"for name in {modules!r}: importlib.import_module(name)\n"
        "print(','.join(n for n in sys.modules if n.startswith(('PySide6', 'shiboken6'))))\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == ""


def test_header_text_typed_in_nfd_prints_in_nfc_and_a_two_line_authority_stays_with_the_name(services, tmp_path):
    import unicodedata

    plan_id = services.plans.create(sample_draft("002_faa90e4ac40fa61c")).value
    header = services.reports.default_header(ReportKind.PLAN, [plan_id])
    header.place = unicodedata.normalize("NFD", "Khánh Hòa")
    header.number = "5"
    header.issued_on = date(2024, 2, 3)
    out = tmp_path / "kh.pdf"
    services.reports.make_pdf(ReportRequest(ReportKind.PLAN, [plan_id], header=header), out, prefer_system_font=False)
    with pdfplumber.open(out) as pdf:
        first = pdf.pages[0].extract_text()
        pages = [page.extract_text() for page in pdf.pages]
    assert "Khánh Hòa, ngày 03 tháng 02 năm 2024" in first
    assert unicodedata.is_normalized("NFC", first)
    assert "Số: 05/KH-STNMT" in first
    signing = next(text for text in pages if "PHÓ GIÁM ĐỐC" in text)
    lines = [line.strip() for line in signing.split("\n")]
    kt = next(i for i, line in enumerate(lines) if line.endswith("KT. GIÁM ĐỐC"))
    assert lines[kt + 1].endswith("PHÓ GIÁM ĐỐC")
    assert "Cao Thanh Vũ" in signing


def test_rendering_reports_each_page_and_can_be_cancelled(services, tmp_path):
    plan_id = fill_sample(services)
    request = ReportRequest(ReportKind.PLAN, [plan_id])
    pages: list[int] = []
    content = services.reports.make_pdf(request, prefer_system_font=False, on_page=pages.append)
    assert pages == list(range(1, content.count(b"/Type /Page") - content.count(b"/Type /Pages") + 1))

    class Cancelled(Exception):
        pass

    def cancel_at_3(done: int) -> None:
        if done == 3:
            raise Cancelled

    out = tmp_path / "huy.pdf"
    with pytest.raises(Cancelled):
        services.reports.make_pdf(request, out, prefer_system_font=False, on_page=cancel_at_3)
    assert not out.exists() and not list(tmp_path.glob(".tmp-*"))
