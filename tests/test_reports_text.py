"""The words of the reports: the báo cáo's narrative per lĩnh vực (from the lead
units' answers, naming them and the documents they issued), section II with
the reasons and difficulties, section III, Kính gửi, the signer and Nơi nhận
agreeing, no doubled punctuation; sentences rewritten by hand are used and
remembered; đôn đốc for several units (casing, bullets, nobody asked to report
to itself)."""

from __future__ import annotations

import io
import re
from datetime import date

import pytest
from docx import Document as open_docx
from reports_support import ATTENTION_DAY, REPORT_PERIOD, add_progress, fill_sample

from kehoach_desktop.domain.models import Evidence, ProgressUpdate, Role, Task, TaskUnit
from kehoach_desktop.domain.periods import parse_period
from kehoach_desktop.domain.statuses import Status
from kehoach_desktop.reports import ReportKind, ReportRequest, document_of
from kehoach_desktop.reports.document import Para, Table, plain_text
from kehoach_desktop.reports.narrative import clause, in_sentence, next_period
from kehoach_desktop.services import ServiceError

PERIOD = parse_period(REPORT_PERIOD)


@pytest.fixture
def sample(services):
    plan_id = fill_sample(services)
    add_progress(services, plan_id)
    return plan_id


def results(services, plan_id, **header_changes):
    request = ReportRequest(ReportKind.RESULTS, [plan_id], period=PERIOD)
    if header_changes:
        header = services.reports.default_header(ReportKind.RESULTS, [plan_id], period=PERIOD)
        for name, value in header_changes.items():
            setattr(header, name, value)
        request.header = header
    return document_of(services.reports.prepare(request))


def paragraphs(document) -> list[Para]:
    return [block for block in document.blocks if isinstance(block, Para)]


def text_between(document, start: str, end: str | None) -> list[str]:
    texts = [para.text for para in paragraphs(document)]
    first = next(i for i, t in enumerate(texts) if t.startswith(start))
    last = next((i for i, t in enumerate(texts) if end and t.startswith(end)), len(texts))
    return texts[first + 1 : last]


# --- the báo cáo ------------------------------------------------------------------------------------


def test_each_area_has_a_paragraph_of_what_was_achieved_naming_its_lead_units(services, sample):
    document = results(services, sample)
    data = services.reports.prepare(ReportRequest(ReportKind.RESULTS, [sample], period=PERIOD))
    achieved = [para for para in paragraphs(document) if para.key.endswith(":achieved")]
    assert len(achieved) == len(data.content.areas) == 12
    for para, area in zip(achieved, data.content.areas):
        done = sum(1 for facts in area.tasks if facts.outcome.done)
        assert para.text.startswith("Về "), para.text
        assert f"hoàn thành {done}/{len(area.tasks)} nhiệm vụ" in para.text
    joined = " ".join(para.text for para in achieved)
    assert "Văn phòng Sở đã hoàn thành" in joined  # a lead unit, named, with what it did
    assert " Các phòng" not in joined.replace(". Các phòng", "")  # a collective mid-sentence is in lower case


def test_unit_answers_give_the_narrative_its_results_documents_reasons_and_difficulties(services, sample):
    tree = services.plans.tree(sample)
    office = services.reports.find_unit("Văn phòng Sở")
    led = [task for task in tree.tasks if any(l.unit_id == office.id and l.role is Role.LEAD for l in task.units)]
    done_task = led[0]
    late_task = next(t for t in tree.tasks if t.deadline.final_due and t.deadline.final_due < date(2025, 12, 1)
                     and t.id != done_task.id and t.status is not Status.NOT_DONE)  # fmt: skip
    services.tasks.edit(late_task.id, units=[TaskUnit(unit_id=office.id, role=Role.LEAD)])
    services.progress.record(ProgressUpdate(
        task_id=done_task.id, period="2025-Q4", status=Status.DONE, unit_id=office.id, reported_on=date(2025, 12, 20),
        result="Đã ban hành Kế hoạch triển khai và tổ chức 02 hội nghị.",
        evidence=[Evidence(doc_number="125/KH-SNNMT", issued_on=date(2025, 3, 5), summary="Kế hoạch triển khai")],
    ))  # fmt: skip
    services.progress.record(ProgressUpdate(
        task_id=late_task.id, period="2025-Q4", status=Status.IN_PROGRESS, unit_id=office.id,
        reported_on=date(2025, 12, 20), result="Đang hoàn thiện dự thảo.",
        difficulties="Chưa có hướng dẫn của Bộ.",
    ))  # fmt: skip
    document = results(services, sample)
    achieved = " ".join(para.text for para in paragraphs(document) if para.key.endswith(":achieved"))
    assert "đã ban hành Kế hoạch triển khai và tổ chức 02 hội nghị" in achieved
    assert "đã ban hành 1 văn bản (số 125/KH-SNNMT ngày 05/03/2025 về kế hoạch triển khai)" in achieved
    behind = text_between(document, "II. ", "III. ")
    assert any("khó khăn, vướng mắc: chưa có hướng dẫn của Bộ" in line for line in behind)
    cancelled = next(line for line in behind if line.startswith("- ") and "không thực hiện" in line)
    assert "lý do: cấp trên đã bãi bỏ nhiệm vụ" in cancelled


def test_section_two_lists_late_and_not_done_tasks_by_area_and_section_three_the_next_period(services, sample):
    document = results(services, sample)
    data = services.reports.prepare(ReportRequest(ReportKind.RESULTS, [sample], period=PERIOD))
    behind = text_between(document, "II. ", "III. ")
    stats = data.content.stats
    assert behind[0].startswith(f"Còn {len(stats.overdue)} nhiệm vụ quá hạn chưa hoàn thành, {len(stats.done_late)} "
                                "nhiệm vụ hoàn thành trễ hạn và 1 nhiệm vụ không thực hiện")  # fmt: skip
    items = [line for line in behind if line.startswith("- ")]
    assert len(items) == len(stats.overdue) + len(stats.done_late) + 1
    assert all("(chủ trì: " in line and line.endswith(".") for line in items)
    assert any("quá hạn" in line and "ngày, chưa hoàn thành" in line for line in items)
    assert any("hoàn thành trễ hạn (ngày" in line for line in items)
    headings = [line for line in behind if re.match(r"\d+\. ", line)]
    assert headings  # grouped under their lĩnh vực
    focus = text_between(document, "III. ", None)
    assert focus[0].startswith(f"Trong {next_period(PERIOD).label}, ")
    assert focus[-1].endswith("./.")


def test_kinh_gui_signer_and_noi_nhan_agree(services, sample):
    text = plain_text(results(services, sample))
    assert text[text.index("Kính gửi:") + 1 : text.index("Kính gửi:") + 3] == ["- UBND tỉnh Khánh Hòa;", "- Sở Nội vụ."]
    noi_nhan = text[text.index("Nơi nhận:") + 1 :]
    assert noi_nhan[:2] == ["- Như trên;", "- Lưu: VT, VP."]  # the Giám đốc signs: not also "để b/c"
    assert "GIÁM ĐỐC" in noi_nhan and "Nguyễn Duy Quang" in noi_nhan
    assert not any("th/hiện" in line or "Website" in line for line in text)  # never copied from the plan
    services.reports.save_signer("KT. GIÁM ĐỐC\nPHÓ GIÁM ĐỐC", "Lê Văn Bình")
    text = plain_text(results(services, sample))
    noi_nhan = text[text.index("Nơi nhận:") + 1 :]
    assert noi_nhan[:3] == ["- Như trên;", "- Giám đốc Sở (để b/c);", "- Lưu: VT, VP."]
    assert noi_nhan[3:6] == ["KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC", "Lê Văn Bình"]
    for kind in (ReportKind.ATTENTION, ReportKind.UNIT_STATS):
        header = services.reports.default_header(kind, [sample], as_of=ATTENTION_DAY)
        assert (header.signer_title, header.signer_name) == ("KT. GIÁM ĐỐC\nPHÓ GIÁM ĐỐC", "Lê Văn Bình")
        assert header.recipients == ["Giám đốc Sở (để b/c)", "Các phòng, đơn vị thuộc Sở"]


DOUBLED = re.compile(r"[:;,]\s*\.(?!/)|(?<![./])\.\s*[;:,]|[;:,]\s*[;:,]|(?<![.…/])\.\.(?![./])")


@pytest.mark.parametrize("kind", list(ReportKind), ids=lambda k: k.value)
def test_no_doubled_punctuation_in_any_sentence(services, sample, kind):
    office = services.reports.find_unit("Các phòng, đơn vị trực thuộc Sở").id
    request = ReportRequest(kind, [sample], period=PERIOD if kind.needs_period else None, as_of=ATTENTION_DAY,
                            unit_id=office if kind.needs_unit else None)  # fmt: skip
    header = services.reports.default_header(kind, [sample], period=request.period, as_of=ATTENTION_DAY,
                                             unit_id=request.unit_id)  # fmt: skip
    header.legal_bases = ["Căn cứ Nghị định số 30/2020/NĐ-CP;", "Sở ban hành Kế hoạch như sau:"]
    request.header = header
    document = document_of(services.reports.prepare(request))
    texts = [para.text for para in paragraphs(document)]
    assert not [text for text in texts if DOUBLED.search(text)]
    assert "như sau:." not in " ".join(plain_text(document))


def test_rewritten_sentences_are_printed_and_remembered_for_that_report(services, sample, tmp_path):
    request = ReportRequest(ReportKind.RESULTS, [sample], period=PERIOD)
    data = services.reports.prepare(request)
    first_area = next(para for para in document_of(data).editable() if para.key.endswith(":achieved"))
    data.header.edits = {first_area.key: "Công tác chỉ đạo điều hành được Lãnh đạo Sở quan tâm sát sao."}
    services.reports.save_header(ReportKind.RESULTS, data.header, request)
    again = services.reports.default_header(ReportKind.RESULTS, [sample], period=PERIOD)
    assert again.edits == data.header.edits  # the same report opens with the rewrite
    other = services.reports.default_header(ReportKind.RESULTS, [sample], period=parse_period("2025-Q4"))
    assert other.edits == {}  # another period is another report
    request.header = again
    docx = open_docx(io.BytesIO(services.reports.make_docx(request)))
    body = [p.text for p in docx.paragraphs]
    assert "Công tác chỉ đạo điều hành được Lãnh đạo Sở quan tâm sát sao." in body
    assert first_area.text not in body


# --- đôn đốc ------------------------------------------------------------------------------------------


def letter_text(path) -> str:
    return "\n".join(p.text for p in open_docx(path).paragraphs)


def give_late_work_to(services, plan_id, name: str) -> None:
    """A real unit (not a collective) leads one more overdue task."""
    from kehoach_desktop.domain.models import UnitKind

    unit_id = services.units.create(name, kind=UnitKind.UNIT).value
    tree = services.plans.tree(plan_id)
    task = next(t for t in tree.tasks if t.deadline.final_due and t.deadline.final_due < ATTENTION_DAY
                and t.status is not Status.DONE and t.status is not Status.NOT_DONE)  # fmt: skip
    services.tasks.edit(task.id, units=[*task.units, TaskUnit(unit_id=unit_id, role=Role.LEAD)])


def test_one_letter_per_late_unit_into_a_folder(services, sample, tmp_path):
    give_late_work_to(services, sample, "Thanh tra Sở")
    late = services.reports.late_units([sample], ATTENTION_DAY)
    assert len(late) >= 2 and all(unit.kind.value == "unit" for unit in late)
    batch = services.reports.remind_each([sample], ATTENTION_DAY, tmp_path)
    assert sorted(batch.units + batch.skipped) == sorted(unit.name for unit in late)
    assert len(batch.files) == 2 * len(batch.units)
    for path in batch.files:
        assert path.exists() and path.suffix in (".pdf", ".docx")
    for path in [p for p in batch.files if p.suffix == ".docx"]:
        text = letter_text(path)
        assert "- - " not in text and "\n- -" not in text
        unit = next(name for name in batch.units if f"Kính gửi: {name}" in text)
        assert f"nhận thấy {in_sentence(unit)} còn" in text
        if unit == "Văn phòng Sở":  # nobody is asked to report to itself
            assert "về Văn phòng Sở" not in text and "báo cáo Giám đốc Sở" in text


def test_one_letter_to_several_units_with_lower_case_collectives_and_plain_bullets(services, sample):
    tree = services.plans.tree(sample)
    office = services.reports.find_unit("Văn phòng Sở")
    collective = services.reports.find_unit("Các phòng, đơn vị trực thuộc Sở")
    bulleted = next(t for t in tree.tasks if any(l.unit_id == collective.id for l in t.units)
                    and t.deadline.final_due and t.deadline.final_due < ATTENTION_DAY
                    and t.status not in (Status.DONE, Status.NOT_DONE))  # fmt: skip
    services.tasks.update(bulleted.id, content="- Nâng cao chất lượng phục vụ;\n- Tổ chức đối thoại với người dân.")
    request = ReportRequest(ReportKind.REMINDER, [sample], as_of=ATTENTION_DAY, unit_id=office.id,
                            unit_ids=[collective.id])  # fmt: skip
    document = document_of(services.reports.prepare(request))
    text = plain_text(document)
    kinh_gui = text.index("Kính gửi:")
    assert text[kinh_gui + 1 : kinh_gui + 3] == ["- Văn phòng Sở;", "- Các phòng, đơn vị trực thuộc Sở."]
    body = [para.text for para in paragraphs(document)]
    opening = next(line for line in body if line.startswith("Thực hiện"))
    assert "nhận thấy Văn phòng Sở và các phòng, đơn vị trực thuộc Sở còn" in opening
    assert "1. Văn phòng Sở" in body and "2. Các phòng, đơn vị trực thuộc Sở" in body
    items = [line for line in body if line.startswith("- ")]
    assert not [line for line in items if line.startswith("- -")]
    assert any(line.startswith("- Nâng cao chất lượng phục vụ; tổ chức đối thoại với người dân (") for line in items)
    closing = body[-1]
    assert "báo cáo kết quả thực hiện về Văn phòng Sở" in closing and "(trừ Văn phòng Sở)" in closing
    assert closing.endswith("./.")


def test_a_unit_without_late_work_is_refused_alone_and_left_out_among_several(services, sample, tmp_path):
    late = services.reports.late_units([sample], ATTENTION_DAY)
    idle = next(u for u in services.units.list_units() if u.id not in {l.id for l in late} and u.kind.value == "unit")
    with pytest.raises(ServiceError, match="không có nhiệm vụ quá hạn hoặc sắp đến hạn"):
        services.reports.prepare(ReportRequest(ReportKind.REMINDER, [sample], as_of=ATTENTION_DAY, unit_id=idle.id))
    batch = services.reports.remind_each([sample], ATTENTION_DAY, tmp_path, unit_ids=[late[0].id, idle.id])
    assert batch.units == [late[0].name] and batch.skipped == [idle.name]


def test_clause_joins_bullets_and_lowers_each_part():
    assert clause("- Báo cáo 06 tháng;\n- Báo cáo năm.") == "báo cáo 06 tháng; báo cáo năm"
    assert clause("PAR INDEX năm 2025.") == "PAR INDEX năm 2025"
    assert in_sentence("Các phòng chuyên môn thuộc Sở") == "các phòng chuyên môn thuộc Sở"
    assert in_sentence("Phòng Kế hoạch – Tài chính") == "Phòng Kế hoạch – Tài chính"
    task = Task(content="- Nâng cao\n- Tổ chức")
    assert clause(task.content) == "nâng cao; tổ chức"


def test_cli_writes_docx_and_letters_for_each_late_unit(services, sample, db_path, tmp_path):
    from kehoach_desktop.cli.main import main

    services.store.close()
    out = tmp_path / "bc.docx"
    assert main(["report", "bao-cao", "--plan", str(sample), "--period", REPORT_PERIOD, "--db", str(db_path),
                 "-o", str(out)]) == 0  # fmt: skip
    assert "Kính gửi:" in letter_text(out)
    folder = tmp_path / "don-doc"
    assert main(["report", "don-doc", "--plan", str(sample), "--as-of", ATTENTION_DAY.isoformat(), "--each-late-unit",
                 "--db", str(db_path), "-o", str(folder)]) == 0  # fmt: skip
    written = sorted(path.suffix for path in folder.iterdir())
    assert written and written.count(".pdf") == written.count(".docx")
    assert main(["report", "bao-cao", "--plan", str(sample), "--period", REPORT_PERIOD, "--db", str(db_path),
                 "-o", str(tmp_path / "bc.txt")]) == 2  # fmt: skip


def test_a_table_is_never_an_editable_sentence(services, sample):
    document = results(services, sample)
    assert all(isinstance(para, Para) for para in document.editable())
    assert any(isinstance(block, Table) for block in document.blocks)
    with pytest.raises(ServiceError):
        services.reports.remind_each([sample], date(2020, 1, 1), "/nonexistent-folder-for-test")
