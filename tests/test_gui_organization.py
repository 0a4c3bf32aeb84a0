"""The organization in the window: the set-up from a pasted list, the directory
dialog's tabs, and the import's review step, driven with pytest-qt."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from test_organization_service import OWN, SAMPLE, UNITS, set_up

from conftest import sample_file
from kehoach_desktop.domain.organization import EntryKind, Resolution, UnitType
from kehoach_desktop.gui.import_review import PhraseReview
from kehoach_desktop.gui.organization_dialog import OrganizationDialog, UnitListDialog
from kehoach_desktop.services.organization import draft_phrases


def test_the_set_up_dialog_reads_a_pasted_list_and_saves_the_organization(services, qtbot):
    draft = services.imports.preview(sample_file(SAMPLE, ".docx"))
    dialog = UnitListDialog(None, services, plan_units=["Văn phòng Sở"], plan_header=draft.plan)
    qtbot.addWidget(dialog)
    assert dialog.name.text() == draft.plan.issuer
    assert dialog.governing_body.text() == "UBND tỉnh Khánh Hòa"
    dialog.text.setPlainText(UNITS)
    assert dialog.preview.rowCount() == 13 and dialog.save_button.isEnabled()
    assert dialog.preview.item(7, 2).text() == "Chi cục"
    dialog.text.setPlainText(UNITS + "Phòng X; ; hội đồng")
    assert not dialog.save_button.isEnabled() and "Dòng 14" in dialog.problems.text()
    dialog.text.setPlainText(UNITS)
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert dialog.applied and services.organization.is_set_up()
    assert len(services.organization.organization().units) == 13
    assert services.organization.profile().name == draft.plan.issuer


def test_starting_from_the_plans_units_fills_the_list(services, qtbot):
    dialog = UnitListDialog(None, services, plan_units=["Văn phòng Sở", "Phòng Kế hoạch – Tài chính"])
    qtbot.addWidget(dialog)
    dialog.fill_from_plan()
    assert [dialog.preview.item(r, 0).text() for r in range(dialog.preview.rowCount())] == [
        "Văn phòng Sở", "Phòng Kế hoạch – Tài chính",
    ]  # fmt: skip


@pytest.fixture
def organized(services):
    set_up(services)
    services.imports.import_draft(services.imports.preview(sample_file(SAMPLE, ".docx")))
    return services


def test_the_directory_dialog_edits_types_members_and_outside_bodies(organized, qtbot):
    dialog = OrganizationDialog(None, organized)
    qtbot.addWidget(dialog)
    units = dialog.units
    assert units.table.rowCount() == 13
    row = [units.table.item(r, 0).text() for r in range(13)].index("Phòng Pháp chế")
    units.table.cellWidget(row, 2).setCurrentIndex(list(UnitType).index(UnitType.KHAC))
    assert {u.name: u.unit_type for u in organized.organization.organization().units}["Phòng Pháp chế"] is UnitType.KHAC
    units.table.item(row, 5).setCheckState(Qt.CheckState.Unchecked)
    assert not {u.name: u.active for u in organized.organization.organization().units}["Phòng Pháp chế"]
    # Collectives: take Văn phòng Sở out of the phòng chuyên môn.
    tab = dialog.collectives
    tab.list.setCurrentRow([c.name for c in tab.collectives].index("Các phòng chuyên môn thuộc Sở"))
    vp = next(tab.members.item(i) for i in range(tab.members.count()) if tab.members.item(i).text() == "Văn phòng Sở")
    assert vp.checkState() == Qt.CheckState.Checked
    vp.setCheckState(Qt.CheckState.Unchecked)
    org = organized.organization.organization()
    phong = next(c for c in org.collectives if c.name == "Các phòng chuyên môn thuộc Sở")
    assert "Văn phòng Sở" not in [m.name for m in phong.members(org.units)]
    # Outside bodies: UBND tỉnh is the one the office reports to.
    outside = dialog.outside
    ubnd = [outside.table.item(r, 0).text() for r in range(outside.table.rowCount())].index("UBND tỉnh")
    outside.table.item(ubnd, 2).setCheckState(Qt.CheckState.Checked)
    assert [b.name for b in organized.organization.outside_bodies() if b.reports_to] == ["UBND tỉnh"]
    assert dialog.changed


def test_the_review_step_shows_each_phrase_and_takes_corrections(organized, qtbot):
    text = "TT\tNhiệm vụ\tĐơn vị chủ trì\n1\tRà soát\tPhòng Quản lý xây dựng\n2\tTổng hợp\tCác phòng, đơn vị thuộc sở\n"
    draft = organized.imports.preview(text=text, year=2025)
    review = PhraseReview(organized, organized.imports.phrases(draft), draft_phrases(draft))
    qtbot.addWidget(review)
    phrases = [review.table.item(r, 0).text() for r in range(review.table.rowCount())]
    unknown = phrases.index("Phòng Quản lý xây dựng")
    collective = phrases.index("Các phòng, đơn vị thuộc sở")
    assert review.kind_combos[collective].currentData() == Resolution.COLLECTIVE.value
    assert review.target_combos[collective].currentText() == "Các phòng, đơn vị thuộc và trực thuộc Sở"
    assert "Gồm: Văn phòng Sở" in review.target_combos[collective].toolTip()
    assert review.unresolved() == ["Phòng Quản lý xây dựng"]
    assert "chưa rõ" in review.summary.text()
    kinds = review.kind_combos[unknown]
    kinds.setCurrentIndex(kinds.findData(Resolution.UNIT.value))
    assert review.target_combos[unknown].currentText().startswith("Đơn vị mới (phòng)")
    assert review.unresolved() == []
    organized.imports.import_draft(draft, choices=review.choices())
    listing = {e.name: e for e in organized.organization.listing()}
    assert listing["Phòng Quản lý xây dựng"].kind is EntryKind.UNIT and listing["Phòng Quản lý xây dựng"].tasks == 1
    assert OWN  # the fixture organization is the Sở's own


def test_the_import_window_offers_the_organization_and_reviews_the_units(services, db_path, qtbot):
    from unittest import mock

    from kehoach_desktop.gui.import_dialog import ImportDialog
    from kehoach_desktop.services import Services

    dialog = ImportDialog(None, db_path, services=services)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.set_file(sample_file(SAMPLE, ".docx"))
    qtbot.waitUntil(lambda: dialog.draft is not None, timeout=20000)
    pane = dialog.units_pane
    assert pane.isVisible() and pane.offer.isVisible() and "Khai báo cơ cấu tổ chức" in pane.offer.text()

    def fill_and_save(list_dialog):
        assert list_dialog.plan_units  # started from the units the plan names
        assert "Văn phòng Sở" in list_dialog.plan_units
        list_dialog.text.setPlainText(UNITS)
        list_dialog.save()
        return 1

    with mock.patch("kehoach_desktop.gui.organization_dialog.UnitListDialog.exec", fill_and_save):
        pane.set_up_organization()
    assert services.organization.is_set_up() and not pane.offer.isVisible()
    review = pane.review
    phrases = [review.table.item(r, 0).text() for r in range(review.table.rowCount())]
    ubnd = phrases.index("UBND tỉnh")
    assert review.kind_combos[ubnd].currentData() == Resolution.OUTSIDE.value
    ignore = review.kind_combos[ubnd]
    ignore.setCurrentIndex(ignore.findData(Resolution.IGNORE.value))  # the user: not a body to keep either
    dialog.start_import()
    qtbot.waitUntil(lambda: dialog.imported is not None, timeout=20000)
    with Services.open(db_path) as fresh:
        names = {e.name for e in fresh.organization.listing()}
    assert "UBND tỉnh" not in names and "Các phòng, đơn vị thuộc và trực thuộc Sở" in names
