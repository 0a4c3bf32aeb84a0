"""The window's Word side, driven with pytest-qt: "Lưu Word…" in the preview,
the generated sentences edited in the report dialog (printed, and remembered for
that report), the default signer set from the dialog, and đôn đốc for every late
unit into a folder."""

from __future__ import annotations

from unittest import mock

from docx import Document as open_docx
from PySide6.QtWidgets import QTableWidgetItem
from test_gui_reports import choose_period, open_report, page_text, window  # noqa: F401  (the fixture)

from kehoach_desktop.reports import ReportKind

EDITED = "Công tác chỉ đạo, điều hành được Lãnh đạo Sở quan tâm, đôn đốc sát sao trong năm."


def edit_first_area_sentence(dialog) -> str:
    """Open the «Câu chữ báo cáo» tab and rewrite the first lĩnh vực's sentence; returns its key."""
    choose_period("2025")(dialog)
    dialog.ui.tabs.setCurrentWidget(dialog.sentences_tab)
    table = dialog.sentences
    assert table.rowCount() > 10
    labels = [table.item(row, 0).text() for row in range(table.rowCount())]
    row = next(i for i, label in enumerate(labels) if label.endswith("kết quả đạt được"))
    assert table.item(row, 1).text().startswith("Về ")
    table.setItem(row, 1, QTableWidgetItem(EDITED))
    return table.item(row, 0).data(256)  # Qt.UserRole


def test_save_word_writes_the_previewed_report_as_docx(qtbot, window, tmp_path):  # noqa: F811
    seen = open_report(qtbot, window, ReportKind.RESULTS, choose_period("2025"))
    assert seen["error"] == ""
    [preview] = window.report_actions.previews
    assert preview.ui.wordButton.isVisible() and preview.ui.wordButton.text() == "Lưu &Word…"
    target = tmp_path / "bao-cao.docx"
    with mock.patch("kehoach_desktop.gui.pdf_preview.QFileDialog.getSaveFileName", return_value=(str(target), "")):
        preview.ui.wordButton.click()
    document = open_docx(target)
    texts = [p.text for p in document.paragraphs]
    assert "BÁO CÁO" in texts and "I. KẾT QUẢ THỰC HIỆN" in texts
    assert len(document.sections) == 2  # the Phụ lục in its own landscape section
    first_page = page_text(preview, 0)
    assert "I. KẾT QUẢ THỰC HIỆN" in first_page  # the same report as the preview shows
    assert f"Đã lưu {target} (Word)." == preview.ui.statusLabel.text()
    assert window.services.reports.last_header(ReportKind.RESULTS) is not None  # saving = used: remembered


def test_edited_sentences_are_printed_and_remembered_for_that_report(qtbot, window, tmp_path):  # noqa: F811
    keys = []
    seen = open_report(qtbot, window, ReportKind.RESULTS, lambda dialog: keys.append(edit_first_area_sentence(dialog)))
    assert seen["error"] == ""
    [preview] = window.report_actions.previews
    assert preview.report.data.header.edits == {keys[0]: EDITED}
    text = " ".join(page_text(preview, page) for page in range(preview.page_count()))
    assert "được Lãnh đạo Sở quan tâm, đôn đốc sát sao" in " ".join(text.split())
    target = tmp_path / "bc.docx"
    assert preview.save_word_to(target)
    assert EDITED in [p.text for p in open_docx(target).paragraphs]
    preview.close()
    shown = {}

    def look(dialog):
        choose_period("2025")(dialog)
        dialog.ui.tabs.setCurrentWidget(dialog.sentences_tab)
        table = dialog.sentences
        shown.update({table.item(r, 0).data(256): table.item(r, 1).text() for r in range(table.rowCount())})

    open_report(qtbot, window, ReportKind.RESULTS, look, preview=False)
    assert shown[keys[0]] == EDITED  # the same report opens with the rewrite


def test_the_default_signer_is_set_from_the_dialog(qtbot, window):  # noqa: F811
    def fill(dialog):
        dialog.ui.signerTitleEdit.setPlainText("KT. GIÁM ĐỐC\nPHÓ GIÁM ĐỐC")
        dialog.ui.signerNameEdit.setText("Lê Văn Bình")
        dialog.signer_button.click()

    open_report(qtbot, window, ReportKind.ATTENTION, fill, preview=False)
    seen = open_report(qtbot, window, ReportKind.UNIT_STATS, preview=False)
    assert (seen["header"].signer_title, seen["header"].signer_name) == ("KT. GIÁM ĐỐC\nPHÓ GIÁM ĐỐC", "Lê Văn Bình")
    assert "Giám đốc Sở (để b/c)" in seen["header"].recipients


def test_one_reminder_per_late_unit_into_a_folder_from_the_dialog(qtbot, window, tmp_path):  # noqa: F811
    results = {}
    tmp_path = tmp_path / "cong-van"

    def fill(dialog):
        assert dialog.batch_button.isVisible()
        dialog.ui.unitCombo.setEditText("")
        dialog.remind_each(folder=str(tmp_path))
        results["batch"] = dialog.batch_result
        results["message"] = dialog.ui.errorLabel.text()

    open_report(qtbot, window, ReportKind.REMINDER, fill, preview=False)
    batch = results["batch"]
    assert batch.units and results["message"].startswith(f"Đã ghi {len(batch.units)} công văn đôn đốc")
    assert sorted(path.name for path in tmp_path.iterdir()) == sorted(path.name for path in batch.files)
    docx = next(path for path in batch.files if path.suffix == ".docx")
    assert any(p.text.startswith("Kính gửi: ") for p in open_docx(docx).paragraphs)


def test_several_units_typed_make_one_letter(qtbot, window):  # noqa: F811
    def fill(dialog):
        dialog.ui.unitCombo.setEditText("Văn phòng Sở; Các phòng, đơn vị trực thuộc Sở")
        dialog.ui.unitCombo.lineEdit().editingFinished.emit()  # as when the user leaves the box
        assert dialog.ui.kinhGuiEdit.toPlainText() == "Văn phòng Sở\nCác phòng, đơn vị trực thuộc Sở"

    seen = open_report(qtbot, window, ReportKind.REMINDER, fill)
    assert seen["error"] == ""
    [preview] = window.report_actions.previews
    request = preview.report.request
    assert len(request.units()) == 2
    assert preview.report.data.header.kinh_gui == ["Văn phòng Sở", "Các phòng, đơn vị trực thuộc Sở"]
