"""The import window's column step, driven as the user does it: the preview lists
each column with the meaning the program gave it, the user changes one, the
preview follows, the plan is imported with it, and the next plan with the same
headers comes with that meaning already chosen."""

from __future__ import annotations

import pytest

from test_import_columns import UNKNOWN, word_table

from kehoach_desktop.domain.drafts import MEANING_NAMES
from kehoach_desktop.services import Services


@pytest.fixture
def plan_file(tmp_path):
    path = tmp_path / "luat.docx"
    word_table(path, UNKNOWN)
    return path


def _open_dialog(qtbot, db_path, path):
    from kehoach_desktop.gui.import_dialog import ImportDialog

    dialog = ImportDialog(None, db_path)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.set_file(path)
    qtbot.waitUntil(lambda: dialog.draft is not None, timeout=20000)
    return dialog


def _column_rows(dialog) -> list[tuple[str, str, str]]:
    table = dialog.ui.columnsTable
    return [
        (table.item(row, 0).text(), table.cellWidget(row, 1).currentData(), table.cellWidget(row, 1).currentText())
        for row in range(table.rowCount())
    ]


def test_the_user_maps_a_column_and_the_choice_is_kept(qtbot, db_path, plan_file, tmp_path):
    dialog = _open_dialog(qtbot, db_path, plan_file)
    rows = _column_rows(dialog)
    assert [(title, meaning) for title, meaning, _ in rows] == [
        ("1. TT", "number"), ("2. Tên văn bản", "content"), ("3. Cơ quan soạn thảo", "lead"),
        ("4. Cơ quan trình", "extra"), ("5. Tiến độ", "schedule"), ("6. Hồ sơ", "extra"),
    ]  # fmt: skip
    assert dialog.ui.columnsTable.item(5, 2).text() == "Tờ trình, dự thảo"  # what the column holds
    combo = dialog.ui.columnsTable.cellWidget(5, 1)
    assert [combo.itemData(i) for i in range(combo.count())] == list(MEANING_NAMES)
    first = dialog.draft
    assert first.sections[0].tasks[0].output == ""

    combo.setCurrentIndex(combo.findData("output"))  # the user: «Hồ sơ» is what each bill delivers
    qtbot.waitUntil(lambda: dialog.draft is not first and dialog.draft is not None, timeout=20000)
    task = dialog.draft.sections[0].tasks[0]
    assert task.output == "Tờ trình, dự thảo" and "Hồ sơ" not in task.extras
    assert _column_rows(dialog)[5][1:] == ("output", "Kết quả, sản phẩm (đã chọn)")
    assert dialog.ok_button.isEnabled()

    second = dialog.draft
    ignore = dialog.ui.columnsTable.cellWidget(3, 1)
    ignore.setCurrentIndex(ignore.findData("ignore"))
    qtbot.waitUntil(lambda: dialog.draft is not second and dialog.draft is not None, timeout=20000)
    task = dialog.draft.sections[0].tasks[0]
    assert task.extras == {} and task.output == "Tờ trình, dự thảo"  # both choices hold

    dialog.ok_button.click()
    qtbot.waitUntil(lambda: dialog.imported is not None, timeout=20000)
    with Services.open(db_path) as services:
        tree = services.plans.tree(dialog.imported.value)
        assert tree.tasks[0].output == "Tờ trình, dự thảo" and tree.tasks[0].extras == []
        assert services.imports.remembered_columns() == {"ho so": "output", "co quan trinh": "ignore"}

    other = tmp_path / "khac.docx"
    word_table(other, [UNKNOWN[0], ["1", "Luật Thủ đô", "Bộ Tư pháp", "Chính phủ", "Tháng 5/2025", "Hồ sơ dự án"]])
    again = _open_dialog(qtbot, db_path, other)
    rows = _column_rows(again)
    assert rows[5][1:] == ("output", "Kết quả, sản phẩm (theo lần nhập trước)")
    assert rows[3][1:] == ("ignore", "Bỏ qua (theo lần nhập trước)")
    assert again.draft.sections[0].tasks[0].output == "Hồ sơ dự án"


def test_a_mapping_that_leaves_no_task_keeps_the_columns_and_disables_import(qtbot, db_path, plan_file):
    dialog = _open_dialog(qtbot, db_path, plan_file)
    first = dialog.draft
    content = dialog.ui.columnsTable.cellWidget(1, 1)
    content.setCurrentIndex(content.findData("ignore"))
    qtbot.waitUntil(lambda: dialog.draft is not first and dialog.draft is not None, timeout=20000)
    # Without a task column the rows still come (the units, the deadline): the
    # user is told to choose the task column.
    assert any("Chưa có cột nào là «Nhiệm vụ»" in w.message for w in dialog.draft.warnings)
    assert dialog.ui.columnsTable.rowCount() == 6
