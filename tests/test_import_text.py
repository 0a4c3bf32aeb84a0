"""Reading plans from text: the samples' PDF-extracted .txt, and tables pasted
from Word, Excel and Markdown in layouts the samples do not have."""

from __future__ import annotations

import unicodedata

import pytest

from conftest import sample_file
from kehoach_desktop.domain.drafts import PlanDraft, SectionDraft, TaskDraft
from kehoach_desktop.importers import task_rows as task_rows_module
from kehoach_desktop.importers import sections as sections_module
from kehoach_desktop.importers.base import ImportFailed, RawDocument, RawRow, RawTable
from kehoach_desktop.importers.cells import clean_cell, html_to_lines, split_inline_items
from kehoach_desktop.importers.columns import Field, field_of, find_header
from kehoach_desktop.importers.interpret import interpret
from kehoach_desktop.importers.reader import digest
from kehoach_desktop.importers.text_reader import decode, read, read_text

T = "\t"


def tsv(*rows: list[str] | str) -> str:
    return "\n".join(row if isinstance(row, str) else T.join(row) for row in rows)


def draft_of(text: str, year: int | None = None, name: str = "dán.txt") -> PlanDraft:
    return interpret(read_text(text, name), year)


def sample_draft(stem: str) -> PlanDraft:
    return interpret(read(sample_file(stem, ".txt")))


def walk(tasks: list[TaskDraft]):
    for task in tasks:
        yield task
        yield from walk(task.children)


def all_tasks(draft: PlanDraft) -> list[TaskDraft]:
    return [task for section in draft.all_sections() for task in walk(section.tasks)]


def section(draft: PlanDraft, ordinal: str, nth: int = 0) -> SectionDraft:
    return [s for s in draft.all_sections() if s.ordinal == ordinal][nth]


def guesses(draft: PlanDraft) -> list[str]:
    return [str(w) for w in draft.warnings if "số thứ tự" in w.message]


# ---------------------------------------------------------------- the samples' text


def test_sample_000_page_breaks_continued_rows_and_the_unnumbered_task():
    draft = sample_draft("000_36db36a684822c51")
    assert draft.plan.year == 2025 and draft.task_count() == 75
    assert [s.ordinal for s in draft.sections] == ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "IX", "X"]
    assert not any(t.content in ("Nhiệm vụ cụ thể", "") for t in all_tasks(draft))  # repeated headers skipped
    second = section(draft, "I").tasks[1]
    assert second.lead_text.endswith("hoặc cần thêm thời gian giải quyết, phải kịp thời báo cáo hoặc có văn bản đề nghị gia hạn.")
    fourth = section(draft, "I").tasks[3]
    assert fourth.note.endswith("có từ 10% hồ sơ TTHC trễ hạn trở lên thì không được xếp loại hoàn thành tốt nhiệm vụ.")
    satisfaction = section(draft, "X")
    assert [t.number for t in satisfaction.tasks] == ["1", "2", "3", "4", "5", ""]
    assert satisfaction.tasks[-1].content.startswith("Công khai đầy đủ những nội dung đã tiếp nhận")
    assert satisfaction.tasks[-1].schedule_text == "Trong năm 2025"
    assert [c.number for c in section(draft, "IV").tasks[2].children] == ["3.1", "3.2", "3.3"]
    assert guesses(draft) == []  # every continued row was recognised with confidence


def test_sample_000_html_fragments_become_lines():
    draft = sample_draft("000_36db36a684822c51")
    fields = [getattr(t, f) for t in all_tasks(draft) for f in ("content", "output", "lead_text", "coordinate_text", "note")]
    assert not any("<" in text or "&nbsp;" in text for text in fields)
    task_3_2 = section(draft, "IV").tasks[2].children[1]
    assert task_3_2.lead_text.split("\n") == [
        "- Các phòng, đơn vị trực thuộc Sở có trách nhiệm rà soát, cập nhật, cung cấp thông tin chi tiết về TTHC "
        "thuộc lĩnh vực phụ trách (được công bố mới, sửa đổi, bổ sung, bãi bỏ) cho Văn phòng sở để thực hiện việc công khai",
        "- Các phòng, đơn vị trực thuộc Sở phối hợp với Văn phòng sở niêm yết công khai đầy đủ danh mục và nội dung "
        "chi tiết của các TTHC thuộc thẩm quyền giải quyết của sở và đăng tải trên Trang Thông tin điện tử của sở",
    ]
    output = section(draft, "X").tasks[1].children[2].output
    assert output.split("\n")[0] == "- Phát hành các tờ rơi hướng dẫn nộp hồ sơ trực tuyến"


def test_sample_002_combined_assignment_and_year_2024():
    draft = sample_draft("002_faa90e4ac40fa61c")
    assert draft.plan.year == 2024 and draft.task_count() == 37
    task = section(draft, "III").tasks[6]  # continued after a page break in three columns
    assert task.content.endswith("(bản điện tử có giá trị pháp lý) theo quy định).")
    assert task.output.endswith("TTHC là bản điện tử có giá trị pháp lý theo quy định")
    assert task.assignment_raw.split("\n")[1].startswith("- Văn phòng Sở chủ trì, phối hợp với Văn phòng Đăng ký Đất đai")
    assert all(t.lead_text == "" and t.coordinate_text == "" and t.assignment_raw for t in all_tasks(draft))
    assert guesses(draft) == []


def test_sample_004_parts_hold_sub_sections():
    draft = sample_draft("004_38c702dbea58b40f")
    assert [(s.ordinal, [sub.ordinal for sub in s.subsections]) for s in draft.sections] == [
        ("A", []), ("B", ["I", "II", "III", "IV", "V"]),
    ]  # fmt: skip
    assert [t.number for t in draft.sections[0].tasks][-2:] == ["10", "14"]  # numbers as printed
    assert draft.sections[1].tasks == [] and draft.task_count() == 25
    assert draft.plan.year == 2025


# ---------------------------------------------------------------- other layouts

OTHER_ORDER = tsv(
    "KẾ HOẠCH",
    "Thực hiện công tác cải cách hành chính năm 2026",
    "",
    ["Số TT", "Thời gian", "Nội dung công việc", "Cơ quan chủ trì", "Cơ quan phối hợp", "Chỉ tiêu năm 2025 (%)", "Kinh phí (triệu đồng)", "Ghi chú"],
    ["(1)", "(2)", "(3)", "(4)", "(5)", "(6)", "(7)", "(8)"],
    "A. NHIỆM VỤ TRỌNG TÂM",
    ["I", "", "CẢI CÁCH THỂ CHẾ", "", "", "", "", ""],
    ["1", "Quý II/2026", "Rà soát văn bản quy phạm pháp luật", "Văn phòng Sở", "Các phòng chuyên môn", "100", "20", ""],
    ["2", "Thường xuyên", "Kiểm tra văn bản", "Thanh tra Sở", "", "95", "", "Báo cáo quý"],
    ["II", "", "CẢI CÁCH THỦ TỤC HÀNH CHÍNH", "", "", "", "", ""],
    ["1", "Trước ngày 30/6/2026", "Công bố thủ tục hành chính", "Văn phòng Sở", "", "", "", ""],
    ["a", "", "Công bố danh mục", "", "", "", "", ""],
    ["b)", "", "Công khai trên Cổng", "", "", "", "", ""],
    "B. NHIỆM VỤ KHÁC",
    ["1", "Năm 2026", "Tổ chức hội nghị", "Văn phòng Sở", "", "", "", ""],
)  # fmt: skip


def test_columns_in_another_order_with_target_and_unknown_columns():
    draft = draft_of(OTHER_ORDER)
    assert draft.plan.columns[:3] == ["Số TT", "Thời gian", "Nội dung công việc"]
    first = section(draft, "I").tasks[0]
    assert (first.number, first.content, first.schedule_text) == ("1", "Rà soát văn bản quy phạm pháp luật", "Quý II/2026")
    assert (first.lead_text, first.coordinate_text, first.target) == ("Văn phòng Sở", "Các phòng chuyên môn", "100")
    assert first.note == "" and first.extras == {"Kinh phí (triệu đồng)": "20"}
    second = section(draft, "I").tasks[1]
    assert second.note == "Báo cáo quý" and second.target == "95"
    assert any("Kinh phí (triệu đồng)" in w.message for w in draft.warnings)
    assert "(1)" not in [t.number for t in all_tasks(draft)]  # the column-number row is not a task


def test_parts_with_roman_sections_and_lettered_sub_tasks():
    draft = draft_of(OTHER_ORDER)
    assert [(s.ordinal, s.title, [sub.ordinal for sub in s.subsections]) for s in draft.sections] == [
        ("A", "NHIỆM VỤ TRỌNG TÂM", ["I", "II"]), ("B", "NHIỆM VỤ KHÁC", []),
    ]  # fmt: skip
    publish = section(draft, "II").tasks[0]
    assert [child.number for child in publish.children] == ["a", "b)"]
    assert draft.plan.year == 2026


TWO_ROW_HEADER = tsv(
    ["TT", "Nhiệm vụ", "Đơn vị thực hiện", "", "Thời hạn hoàn thành", "Sản phẩm"],
    ["", "", "Chủ trì", "Phối hợp", "", ""],
    ["I", "CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH", "", "", "", ""],
    ["1", "Ban hành kế hoạch cải cách hành chính năm 2025", "Văn phòng Sở", "Các phòng chuyên môn", "Tháng 01/2025", "Kế hoạch"],
    ["2", "Kiểm tra công tác cải cách hành chính tại các đơn vị trực", "Văn phòng Sở", "", "Quý III/2025", "Kế hoạch kiểm tra; báo"],
    "",
    ["TT", "Nhiệm vụ", "Đơn vị thực hiện", "", "Thời hạn hoàn thành", "Sản phẩm"],
    ["", "", "Chủ trì", "Phối hợp", "", ""],
    ["", "thuộc Sở", "", "", "", "cáo kết quả kiểm tra"],
    ["", "Tổ chức tập huấn nghiệp vụ", "Văn phòng Sở", "", "Quý III/2025", "Hội nghị tập huấn."],
    ["3", "Sơ kết công tác", "Văn phòng Sở", "", "Tháng 6/2025", "Báo cáo"],
)  # fmt: skip


def test_two_row_header_repeated_at_a_page_break():
    draft = draft_of(TWO_ROW_HEADER)
    assert draft.plan.columns[2:4] == ["Đơn vị thực hiện – Chủ trì", "Đơn vị thực hiện – Phối hợp"]
    tasks = draft.sections[0].tasks
    assert [t.number for t in tasks] == ["1", "2", "", "3"]
    assert (tasks[0].lead_text, tasks[0].coordinate_text) == ("Văn phòng Sở", "Các phòng chuyên môn")
    assert tasks[1].content.endswith("tại các đơn vị trực thuộc Sở")  # continued past the break
    assert tasks[1].output == "Kế hoạch kiểm tra; báo cáo kết quả kiểm tra"
    assert tasks[2].content == "Tổ chức tập huấn nghiệp vụ"  # a full row of its own, after the break
    assert guesses(draft) == []


def test_a_row_that_could_be_either_is_decided_and_reported():
    text = tsv(
        ["TT", "Nhiệm vụ", "Tiến độ", "Đơn vị chủ trì"],
        ["I", "CÔNG TÁC TUYÊN TRUYỀN", "", ""],
        ["1", "Đăng tin về cải cách hành chính", "Thường xuyên", "Văn phòng Sở"],
        ["", "Trang thông tin điện tử", "", ""],
    )
    draft = draft_of(text, year=2025)
    assert [t.number for t in draft.sections[0].tasks] == ["1"]
    assert draft.sections[0].tasks[0].content == "Đăng tin về cải cách hành chính Trang thông tin điện tử"
    [warning] = guesses(draft)
    assert "dòng 4" in warning and "phần tiếp theo của nhiệm vụ 1" in warning


def test_section_title_continued_after_a_page_break():
    text = tsv(
        ["TT", "Nhiệm vụ", "Tiến độ", "Đơn vị chủ trì"],
        ["I", "XÂY DỰNG CHÍNH QUYỀN ĐIỆN TỬ,", "", ""],
        "",
        ["TT", "Nhiệm vụ", "Tiến độ", "Đơn vị chủ trì"],
        ["", "CHÍNH QUYỀN SỐ", "", ""],
        ["1", "Số hóa hồ sơ", "Thường xuyên", "Văn phòng Sở"],
    )
    draft = draft_of(text, year=2025)
    assert [(s.ordinal, s.title) for s in draft.sections] == [("I", "XÂY DỰNG CHÍNH QUYỀN ĐIỆN TỬ, CHÍNH QUYỀN SỐ")]


def test_markdown_table_with_line_breaks_bold_and_escaped_pipes():
    text = "\n".join([
        "# Kế hoạch cải cách hành chính năm 2025",
        "",
        "| STT | Nội dung | Tiến độ | Đơn vị chủ trì | Kết quả/ sản phẩm |",
        "|:---:|---|---|---|---|",
        "| **I** | **CẢI CÁCH THỂ CHẾ** | | | |",
        "| 1 | Rà soát văn bản | Quý II | Văn phòng Sở | Báo cáo<br>Danh mục văn bản |",
        "| 2 | Theo dõi thi hành pháp luật \\| năm 2025 | Năm 2025 | Văn phòng Sở | Báo cáo |",
    ])  # fmt: skip
    draft = draft_of(text)
    assert [(s.ordinal, s.title) for s in draft.sections] == [("I", "CẢI CÁCH THỂ CHẾ")]
    first, second = draft.sections[0].tasks
    assert first.output == "Báo cáo\nDanh mục văn bản"
    assert second.content == "Theo dõi thi hành pháp luật | năm 2025"


def test_excel_copy_with_quoted_multi_line_cells():
    text = "\n".join([
        "STT\tNhiệm vụ\tThời hạn\tĐơn vị chủ trì",
        "I\tCÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH\t\t",
        '1\t"Báo cáo cải cách hành chính:\n- quý I;\n- 6 tháng ""sơ kết"""\tĐịnh kỳ hằng quý\tVăn phòng Sở',
        '2\t"Khen" thưởng\tNăm 2025\tVăn phòng Sở',
    ])  # fmt: skip
    first, second = draft_of(text).sections[0].tasks
    assert first.content == 'Báo cáo cải cách hành chính:\n- quý I;\n- 6 tháng "sơ kết"'
    assert first.schedule_text == "Định kỳ hằng quý"
    assert second.content == '"Khen" thưởng'  # a quote that opens no cell stays a quote


def test_word_copy_with_paragraphs_cutting_rows_is_joined_back():
    text = tsv(
        ["TT", "Nội dung công việc", "Thời hạn", "Đơn vị chủ trì", "Đơn vị phối hợp", "Kết quả"],
        ["I", "CÔNG TÁC CHỈ ĐẠO ĐIỀU HÀNH", "", "", "", ""],
        ["1", "Ban hành các kế hoạch:"],
        "- Kế hoạch cải cách hành chính;",
        ["- Kế hoạch tuyên truyền", "Tháng 01/2025", "Văn phòng Sở", "Thanh tra Sở", "Kế hoạch"],
        ["2", "Báo cáo cải cách hành chính", "Hằng quý", "Văn phòng Sở", "", "Báo cáo"],
    )
    first, second = draft_of(text).sections[0].tasks
    assert first.content == "Ban hành các kế hoạch:\n- Kế hoạch cải cách hành chính;\n- Kế hoạch tuyên truyền"
    assert (first.schedule_text, first.coordinate_text, first.output) == ("Tháng 01/2025", "Thanh tra Sở", "Kế hoạch")
    assert second.number == "2"


def test_extracted_pdf_text_gets_its_items_back_on_lines():
    assert split_inline_items("- Các nhiệm vụ đúng hạn. - Công chức có từ 10%") == (
        "- Các nhiệm vụ đúng hạn.\n- Công chức có từ 10%"
    )
    assert split_inline_items("báo cáo trước ngày 25/11/2024.- Văn phòng Sở") == (
        "báo cáo trước ngày 25/11/2024.\n- Văn phòng Sở"
    )
    assert split_inline_items("cụ thể: + Hướng dẫn hồ sơ. + Yêu cầu bổ sung") == "cụ thể:\n+ Hướng dẫn hồ sơ.\n+ Yêu cầu bổ sung"
    for kept in ("thi đua - khen thưởng", "- Phòng Kế hoạch - Tài chính chủ trì", "- Giai đoạn 2021 - 2025"):
        assert split_inline_items(kept) == kept
    assert clean_cell("<p>Một</p> <p>Hai &amp; ba</p><ul><li>bốn</li><li>- năm</li></ul>") == "Một\nHai & ba\n- bốn\n- năm"
    assert clean_cell("Dòng một<br/>dòng hai<BR>dòng ba") == "Dòng một\ndòng hai\ndòng ba"
    assert html_to_lines("Tỷ lệ <5% và <Tên đơn vị>") == "Tỷ lệ <5% và <Tên đơn vị>"


# ---------------------------------------------------------------- header recognition


@pytest.mark.parametrize(
    "header, field",
    [
        ("Kết quả/ sản phẩm", Field.OUTPUT), ("SẢN PHẨM/KẾT QUẢ", Field.OUTPUT), ("Tiến độ", Field.SCHEDULE),
        ("Thời hạn thực hiện", Field.SCHEDULE), ("Thời gian", Field.SCHEDULE), ("Cơ quan chủ trì", Field.LEAD),
        ("Đơn vị thực hiện", Field.LEAD), ("Đơn vị phối hợp", Field.COORDINATE), ("Nhiệm vụ cụ thể", Field.CONTENT),
        ("Nội dung công việc", Field.CONTENT), ("Ghi chú", Field.NOTE), ("Stt", Field.NUMBER),
        ("Phân công (chủ trì/phối hợp) và cách thức thực hiện", Field.ASSIGNMENT),
        ("Chỉ tiêu năm 2025 (%)", Field.TARGET), ("Kết quả thực hiện", Field.OUTPUT), ("Kinh phí", None),
        ("Tên văn bản", Field.CONTENT), ("Cơ quan soạn thảo", Field.LEAD), ("Đơn vị chịu trách nhiệm phổ biến", Field.LEAD),
        ("Người đứng đầu chịu trách nhiệm", None), ("Tình hình thực hiện", None),
    ],
)  # fmt: skip
def test_header_names_ignore_case_diacritics_and_spacing(header, field):
    assert field_of(header) is field


def test_chi_tieu_alone_is_the_task_text():
    columns = find_header([["STT", "Chỉ tiêu", "Chỉ tiêu năm 2025 (%)", "Thời gian"]])
    assert columns.fields == [Field.NUMBER, Field.CONTENT, Field.TARGET, Field.SCHEDULE]


def test_a_task_row_is_not_taken_for_a_header():
    rows = [["KẾ HOẠCH"], ["2", "Kiểm tra công việc", "Thường xuyên", "Văn phòng Sở chủ trì"]]
    assert find_header(rows) is None


# ---------------------------------------------------------------- units, areas, warnings


def test_combined_assignment_is_kept_verbatim_and_split_for_units(monkeypatch):
    monkeypatch.setattr(task_rows_module, "split_assignment", lambda text: ("Văn phòng Sở", "Thanh tra Sở") if "chủ trì" in text else ("", ""))
    monkeypatch.setattr(task_rows_module, "unit_names", lambda text: [part for part in text.split("; ") if part])
    text = tsv(
        ["STT", "Nhiệm vụ", "Tiến độ", "Phân công (chủ trì/phối hợp) và cách thức thực hiện"],
        ["I", "CẢI CÁCH THỂ CHẾ", "", ""],
        ["1", "Rà soát văn bản", "Năm 2025", "Văn phòng Sở chủ trì, Thanh tra Sở phối hợp"],
        ["2", "Kiểm tra văn bản", "Năm 2025", "Trung tâm Công nghệ thông tin"],
    )  # fmt: skip
    first, second = draft_of(text).sections[0].tasks
    assert first.assignment_raw == "Văn phòng Sở chủ trì, Thanh tra Sở phối hợp"
    assert (first.lead_text, first.coordinate_text) == ("", "")
    assert (first.lead_units, first.coordinate_units) == (["Văn phòng Sở"], ["Thanh tra Sở"])
    assert (second.lead_units, second.coordinate_units) == (["Trung tâm Công nghệ thông tin"], [])


def test_unplaced_section_goes_to_khac_with_a_warning_and_parts_inform_sub_sections(monkeypatch):
    calls = []

    def classify(title, parent_area=None):
        calls.append((title, parent_area))
        return ("hai_long", True) if "HÀI LÒNG" in title else ("khac", False)

    monkeypatch.setattr(sections_module, "classify_area", classify)
    text = tsv(
        ["TT", "Nhiệm vụ", "Tiến độ", "Đơn vị chủ trì"],
        ["A", "NÂNG CAO CHỈ SỐ HÀI LÒNG", "", ""],
        ["I", "TIÊU CHÍ TIẾP CẬN DỊCH VỤ", "", ""],
        ["1", "Công khai thủ tục", "Thường xuyên", "Văn phòng Sở"],
    )
    draft = draft_of(text, year=2025)
    assert calls == [("NÂNG CAO CHỈ SỐ HÀI LÒNG", None), ("TIÊU CHÍ TIẾP CẬN DỊCH VỤ", "hai_long")]
    assert [s.area_code for s in draft.all_sections()] == ["hai_long", "khac"]
    [warning] = [w for w in draft.warnings if "lĩnh vực" in w.message]
    assert "I. TIÊU CHÍ TIẾP CẬN DỊCH VỤ" in warning.message and warning.where == "dòng 3"


def test_other_rows_that_need_a_word():
    text = tsv(
        ["TT", "Nhiệm vụ", "Tiến độ", "Đơn vị chủ trì"],
        ["1", "Việc trước mọi mục", "Năm 2025", "Văn phòng Sở"],
        ["II", "CẢI CÁCH THỂ CHẾ", "Năm 2025", ""],
        ["1", "Rà soát", "Năm 2025", "Văn phòng Sở", "cột thừa"],
    )
    draft = draft_of(text)
    messages = [str(w) for w in draft.warnings]
    assert any("dòng 2" in m and "mục không tên" in m for m in messages)
    assert any("dòng 3" in m and "«Tiến độ»" in m for m in messages)
    assert any("dòng 4" in m and "nhiều hơn số cột" in m for m in messages)
    assert section(draft, "II").tasks[0].extras == {"Cột 5": "cột thừa"}


# ---------------------------------------------------------------- the year


def test_year_given_wins_and_year_read_off_deadlines_is_reported():
    text = tsv(["TT", "Nhiệm vụ", "Tiến độ"], ["I", "CẢI CÁCH THỂ CHẾ", ""], ["1", "Rà soát", "Trước ngày 30/6/2027"])
    assert draft_of(text, year=2026).plan.year == 2026
    draft = draft_of(text)
    assert draft.plan.year == 2027 and any("2027" in w.message for w in draft.warnings)


def test_no_year_anywhere_asks_for_one():
    text = tsv(["TT", "Nhiệm vụ", "Tiến độ"], ["I", "CẢI CÁCH THỂ CHẾ", ""], ["1", "Rà soát", "Thường xuyên"])
    with pytest.raises(ImportFailed, match="--year"):
        draft_of(text, name="ke-hoach.txt")


# ---------------------------------------------------------------- refusals


def test_no_table_empty_text_and_header_without_tasks_are_refused():
    with pytest.raises(ImportFailed, match="«ghi-chu.txt».*không tìm thấy bảng nhiệm vụ"):
        draft_of("Kế hoạch năm 2025\nCác phòng thực hiện nghiêm túc.", name="ghi-chu.txt")
    with pytest.raises(ImportFailed, match="trống"):
        read_text(" \n\t\n", "trống.txt")
    with pytest.raises(ImportFailed, match="không có nhiệm vụ nào"):
        draft_of(tsv(["TT", "Nhiệm vụ", "Tiến độ"]), year=2025)


PLAIN_TABLE = tsv(["TT", "Nhiệm vụ", "Tiến độ"], ["I", "CẢI CÁCH THỂ CHẾ", ""], ["1", "Rà soát văn bản", "Năm 2025"])


def windows_1258(text: str) -> bytes:
    """The way Windows-1258 stores Vietnamese: base letters (ê, ơ, ư …) precomposed,
    the tone marks as combining characters after them."""
    tones = {"\u0300", "\u0301", "\u0303", "\u0309", "\u0323"}
    out = []
    for ch in unicodedata.normalize("NFC", text):
        parts = unicodedata.normalize("NFD", ch)
        tone = "".join(c for c in parts if c in tones)
        out.append(unicodedata.normalize("NFC", "".join(c for c in parts if c not in tones)) + tone)
    return "".join(out).encode("cp1258")


@pytest.mark.parametrize(
    "encoded",
    [
        "\ufeff".encode() + PLAIN_TABLE.encode("utf-8"), PLAIN_TABLE.encode("utf-8"),
        PLAIN_TABLE.encode("utf-16"), windows_1258(PLAIN_TABLE),
    ],
    ids=["utf-8 bom", "utf-8", "utf-16 bom", "windows-1258"],
)  # fmt: skip
def test_file_encodings(encoded, tmp_path):
    path = tmp_path / "ke-hoach.txt"
    path.write_bytes(encoded)
    draft = interpret(read(path), 2025)
    assert draft.sections[0].title == "CẢI CÁCH THỂ CHẾ"
    assert draft.sections[0].tasks[0].content == "Rà soát văn bản"  # NFC whatever the file held


def test_binary_text_is_refused():
    with pytest.raises(ImportFailed, match="nhị phân"):
        decode(b"PK\x00\x00" + bytes(range(256)), "anh.txt")
    with pytest.raises(ImportFailed, match="PDF"):
        decode(b"%PDF-1.7\n", "ke-hoach.txt")


# ---------------------------------------------------------------- tables and fingerprints


def raw_table(label: str, rows: list[list[str]], sheet: str = "") -> RawTable:
    return RawTable([RawRow(cells, f"{label}, dòng {i + 1}") for i, cells in enumerate(rows)], label, sheet)


HEADER = ["TT", "Nhiệm vụ", "Tiến độ", "Đơn vị chủ trì"]


def test_layout_table_skipped_and_an_appendix_cut_in_two_tables_read_whole():
    doc = RawDocument("ke-hoach.docx", [
        raw_table("bảng 1", [["UBND TỈNH KHÁNH HÒA", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"]]),
        raw_table("bảng 2", [HEADER, ["I", "CẢI CÁCH THỂ CHẾ", "", ""], ["1", "Rà soát", "Năm 2025", "Văn phòng Sở"]]),
        raw_table("bảng 3", [HEADER, ["2", "Kiểm tra", "Năm 2025", "Thanh tra Sở"]]),
        raw_table("bảng 4", [["3", "Theo dõi thi hành", "Năm 2025", "Văn phòng Sở"]]),
    ])  # fmt: skip
    draft = interpret(doc)
    assert [t.number for t in draft.sections[0].tasks] == ["1", "2", "3"]
    assert any("bảng 4" in w.message for w in draft.warnings)


@pytest.mark.parametrize("named", [True, False], ids=["sheet names", "labels only"])
def test_of_several_sheets_the_first_with_a_task_table_is_read(named):
    def sheet(name: str, rows: list[list[str]]) -> RawTable:
        return raw_table(f"trang tính «{name}»", rows, sheet=name if named else "")

    doc = RawDocument("ke-hoach.xlsx", [
        sheet("Bìa", [["KẾ HOẠCH NĂM 2025"]]),
        sheet("2025", [HEADER, ["I", "CẢI CÁCH THỂ CHẾ", "", ""], ["1", "Rà soát", "Năm 2025", "VP"]]),
        sheet("2024", [HEADER, ["I", "CẢI CÁCH THỂ CHẾ", "", ""], ["1", "Cũ", "Năm 2024", "VP"]]),
    ])  # fmt: skip
    draft = interpret(doc)
    assert [t.content for t in draft.sections[0].tasks] == ["Rà soát"]
    assert any("«2024»" in w.message for w in draft.warnings)


def test_no_task_table_message_lists_the_tables_found():
    doc = RawDocument("ke-hoach.docx", [raw_table("bảng 1", [["UBND TỈNH", "CỘNG HÒA"]])])
    with pytest.raises(ImportFailed) as error:
        interpret(doc)
    assert "«ke-hoach.docx»" in str(error.value) and "bảng 1 (1 dòng × 2 cột" in str(error.value)


def test_fingerprint_is_the_same_for_tsv_and_markdown_and_changes_with_content():
    rows = [HEADER, ["I", "CẢI CÁCH THỂ CHẾ", "", ""], ["1", "Rà soát văn bản", "Năm 2025", "Văn phòng Sở"]]
    markdown = "\n".join(["| " + " | ".join(rows[0]) + " |", "|---|---|---|---|"] + ["| " + " | ".join(r) + " |" for r in rows[1:]])
    assert digest(draft_of(tsv(*rows))) == digest(draft_of(markdown))
    changed = [*rows[:2], ["1", "Rà soát văn bản", "Năm 2026", "Văn phòng Sở"]]
    assert digest(draft_of(tsv(*changed))) != digest(draft_of(tsv(*rows)))


def test_abbreviated_unit_names_land_on_one_directory_unit(services):
    draft = draft_of(
        tsv(
            ["TT", "Nhiệm vụ", "Tiến độ", "Đơn vị chủ trì", "Đơn vị phối hợp"],
            ["I", "CẢI CÁCH THỦ TỤC HÀNH CHÍNH"],
            ["1", "Rà soát thủ tục hành chính", "Quý II/2025", "VP Sở", "Phòng KH-TC"],
            ["2", "Công khai thủ tục hành chính", "Thường xuyên", "Văn phòng Sở", "Phòng Kế hoạch – Tài chính"],
        ),
        year=2025,
    )
    first, second = all_tasks(draft)
    assert first.lead_units == second.lead_units == ["Văn phòng Sở"]
    assert first.coordinate_units == second.coordinate_units == ["Phòng Kế hoạch – Tài chính"]
    assert first.lead_text == "VP Sở"  # the printed words stay as printed
    services.imports.import_draft(draft)
    assert sorted(unit.name for unit in services.units.list_units()) == ["Phòng Kế hoạch – Tài chính", "Văn phòng Sở"]
