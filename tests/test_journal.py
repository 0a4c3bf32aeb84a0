"""The journal of changes (Lịch sử thay đổi): each changed field once, old → new,
when, and through what (edit, import, a unit's form, undo); `history` prints it."""

from __future__ import annotations

import json

import pytest
from test_forms import OFFICE, PERIOD, build_plan, export, fill, form_of, task_by

from conftest import sample_file
from kehoach_desktop.cli.main import main
from kehoach_desktop.domain.models import ProgressUpdate
from kehoach_desktop.domain.statuses import Status

SAMPLE = "000_36db36a684822c51"


@pytest.fixture
def imported(services):
    return services, services.imports.import_draft(services.imports.preview(sample_file(SAMPLE, ".docx"))).value


def test_an_import_is_one_entry_for_the_plan(imported):
    services, plan_id = imported
    [entry] = services.history.entries([plan_id])
    assert (entry.field, entry.task_id, entry.source) == ("+plan", None, "import")
    assert entry.source_label == f"Nhập kế hoạch: {SAMPLE}.docx"


def test_an_edit_records_each_changed_field_with_old_and_new(imported):
    services, plan_id = imported
    task = services.plans.tree([plan_id]).tasks[5]
    services.tasks.edit(task.id, {"content": "Nội dung mới", "note": task.note}, None, None)
    entries = services.history.entries([plan_id], task.id)
    assert [(e.field, e.old, e.new, e.source) for e in entries] == [("content", task.content, "Nội dung mới", "edit")]
    assert entries[0].change == f"{task.content} → Nội dung mới"
    assert entries[0].field_label == "Nội dung nhiệm vụ"


def test_undo_is_journalled_as_undo(imported):
    services, plan_id = imported
    task = services.plans.tree([plan_id]).tasks[5]
    edited = services.tasks.edit(task.id, {"content": "Tạm"}, None, None)
    with services.store.acting_as("undo", "Sửa nhiệm vụ"):
        services.undo.put_back(edited.undo)
    newest = services.history.entries([plan_id], task.id)[0]
    assert (newest.old, newest.new, newest.source_label) == ("Tạm", task.content, "Hoàn tác: Sửa nhiệm vụ")


def test_a_progress_answer_and_a_status_change_are_journalled(imported):
    services, plan_id = imported
    task = services.plans.tree([plan_id]).tasks[2]
    services.progress.record(ProgressUpdate(task_id=task.id, period="2025-Q3", status=Status.DONE, result="Xong"))
    fields = {e.field: e for e in services.history.entries([plan_id], task.id)}
    assert fields["+progress"].new_text == "2025-Q3 – Hoàn thành – Xong"
    assert (fields["status"].old_text, fields["status"].new_text) == ("Chưa triển khai", "Hoàn thành")


def test_a_units_form_is_journalled_with_the_unit(services, tmp_path):
    plan_id = build_plan(services)
    path = form_of(export(services, plan_id, tmp_path), OFFICE)
    task = task_by(services, plan_id, "III", "2")
    fill(path, {task.id: {"status": "Hoàn thành", "percent": 100, "result": "Đã rà soát 12 văn bản"}})
    before = {e.id for e in services.history.entries([plan_id], task.id)}
    services.forms.apply(services.forms.preview_import([path], plan_id, PERIOD))
    entries = [e for e in services.history.entries([plan_id], task.id) if e.id not in before]
    assert entries and all(e.source == "form" and OFFICE in e.detail for e in entries)
    assert "+progress" in {e.field for e in entries}
    assert OFFICE in next(e for e in entries if e.field == "+progress").new_text


def test_deleting_and_adding_a_task_are_journalled_and_searchable(imported):
    services, plan_id = imported
    task = services.plans.tree([plan_id]).tasks[7]
    services.tasks.delete(task.id)
    [entry] = [e for e in services.history.entries([plan_id]) if e.field == "-task"]
    assert entry.old == f"{task.number} {task.content}"
    words = " ".join(task.content.split()[:3])
    assert entry in services.history.entries([plan_id], query=words.upper())


def test_deleting_a_plan_keeps_its_history_for_the_undo(imported):
    services, plan_id = imported
    before = services.history.entries([plan_id])
    deleted = services.plans.delete(plan_id)
    with services.store.acting_as("undo", "Xóa kế hoạch"):
        services.undo.put_back(deleted.undo)
    after = services.history.entries([plan_id])
    assert after[len(after) - len(before):] == before  # the older entries are all still there


def test_history_on_the_command_line(imported, capsys):
    services, plan_id = imported
    task = services.plans.tree([plan_id]).tasks[5]
    services.tasks.edit(task.id, {"target": "100%"}, None, None)
    db = str(services.store.path)
    capsys.readouterr()
    assert main(["history", "--plan", str(plan_id), "--task", str(task.id), "--json", "--db", db]) == 0
    [row] = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert (row["field"], row["old"], row["new"], row["source"]) == ("target", task.target, "100%", "edit")
    assert main(["history", "--plan", str(plan_id), "--db", db]) == 0
    text = capsys.readouterr().out
    assert "Chỉ tiêu:" in text and "Nhập kế hoạch" in text
    assert main(["history", "--plan", "999", "--db", db]) == 2
