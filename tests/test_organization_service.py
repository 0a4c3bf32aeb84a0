"""The organization kept in the database: set up from a list, plans' phrases
resolved at import (collectives, outside bodies, units), the real units a task
reaches, the command line, and the undo snapshot."""

from __future__ import annotations

import json
import shutil

import pytest

from conftest import load_sample_json, sample_file
from kehoach_desktop.cli.main import main
from kehoach_desktop.domain.models import Role
from kehoach_desktop.domain.organization import EntryKind, Resolution, UnitType, looks_outside, parse_unit_lines
from kehoach_desktop.importers.assignments import assignment_units, unit_names
from kehoach_desktop.domain.text import fold
from kehoach_desktop.services import Services

SAMPLE = "000_36db36a684822c51"
OWN = "Sở Nông nghiệp và Môi trường"
# A fixture organization of Sở Nông nghiệp và Môi trường (13 units).
UNITS = """Văn phòng Sở; VP
Thanh tra Sở; TTr
Phòng Kế hoạch – Tài chính; KH-TC
Phòng Tổ chức cán bộ; TCCB
Phòng Pháp chế
Phòng Quản lý đất đai
Phòng Môi trường
Chi cục Kiểm lâm; ; chi cục
Chi cục Thủy lợi
Chi cục Chăn nuôi và Thú y
Trung tâm Khuyến nông
Trung tâm Nước sạch và Vệ sinh môi trường nông thôn
Văn phòng Đăng ký đất đai; VPĐKĐĐ; đơn vị sự nghiệp
"""


def set_up(services: Services) -> None:
    lines, problems = parse_unit_lines(UNITS)
    assert not problems
    services.organization.set_up(lines, name=OWN, abbreviation="SNNMT", governing_body="UBND tỉnh Khánh Hòa")


def sample_phrases() -> set[str]:
    """Every unit phrase sample 000's lead and coordinate columns name."""
    names: set[str] = set()
    for section in load_sample_json(SAMPLE)["sections"]:
        for item in section["items"]:
            for column in ("lead", "coordinate"):
                names.update(unit_names(item.get(column) or ""))
    return names


@pytest.fixture
def organized(services):
    set_up(services)
    return services


def test_set_up_makes_units_with_types_order_and_standard_collectives(organized):
    org = organized.organization.organization()
    assert [u.name for u in org.active_units()][:3] == ["Văn phòng Sở", "Thanh tra Sở", "Phòng Kế hoạch – Tài chính"]
    types = {u.name: u.unit_type for u in org.units}
    assert types["Chi cục Thủy lợi"] is UnitType.CHI_CUC
    assert types["Văn phòng Đăng ký đất đai"] is UnitType.SU_NGHIEP
    collectives = {c.name: len(c.members(org.units)) for c in org.collectives}
    assert collectives == {
        "Các phòng, đơn vị thuộc và trực thuộc Sở": 13,
        "Các phòng chuyên môn thuộc Sở": 7,
        "Các đơn vị sự nghiệp trực thuộc Sở": 3,
    }
    assert organized.organization.is_set_up()


@pytest.mark.parametrize("suffix", [".docx", ".xlsx", ".txt"])
def test_sample_000_resolves_collectives_and_outside_bodies(organized, suffix):
    draft = organized.imports.preview(sample_file(SAMPLE, suffix))
    choices = {fold(c.phrase): c for c in organized.imports.phrases(draft)}
    plan_id = organized.imports.import_draft(draft).value
    listing = {entry.name: entry for entry in organized.organization.listing()}
    linked = {name for name, entry in listing.items() if entry.tasks}
    # Five spellings, two collectives: everyone, and the units with their own budget.
    assert linked == {
        "Văn phòng Sở", "Phòng Kế hoạch – Tài chính", "Các phòng, đơn vị thuộc và trực thuộc Sở",
        "Các đơn vị trực thuộc Sở", "Các phòng chuyên môn thuộc Sở",
    }  # fmt: skip
    everyone = listing["Các phòng, đơn vị thuộc và trực thuộc Sở"]
    assert len(everyone.members) == 13
    assert set(listing["Các đơn vị trực thuộc Sở"].members) == {
        "Chi cục Kiểm lâm", "Chi cục Thủy lợi", "Chi cục Chăn nuôi và Thú y", "Trung tâm Khuyến nông",
        "Trung tâm Nước sạch và Vệ sinh môi trường nông thôn", "Văn phòng Đăng ký đất đai",
    }  # fmt: skip
    for phrase in sample_phrases():
        assert choices[fold(phrase)].resolution is not Resolution.UNKNOWN, phrase
    # No outside body is a unit, and UBND tỉnh is kept apart.
    for entry in listing.values():
        if entry.kind is not EntryKind.OUTSIDE:
            assert not looks_outside(entry.name, OWN), entry.name
    assert listing["UBND tỉnh"].kind is EntryKind.OUTSIDE and listing["UBND tỉnh"].tasks == 0
    tree = organized.plans.tree([plan_id])
    assert all(link.unit_name != "UBND tỉnh" for task in tree.tasks for link in task.units)


def test_a_task_given_to_a_collective_reaches_every_member(organized):
    plan_id = organized.imports.import_draft(organized.imports.preview(sample_file(SAMPLE, ".docx"))).value
    tree = organized.plans.tree([plan_id])
    org = organized.organization.organization()
    task = next(t for t in tree.tasks if t.lead_text.startswith("Các phòng, đơn vị trực thuộc Sở"))
    leads, coordinators = organized.organization.assignees(((l.unit_id, l.role) for l in task.units), org)
    assert len(leads) == 13 and coordinators == []
    finance = next(t for t in tree.tasks if t.content.startswith("Thực hiện giải ngân"))
    leads, coordinators = organized.organization.assignees(((l.unit_id, l.role) for l in finance.units), org)
    names = {u.id: u.name for u in org.units}
    assert [names[c] for c in coordinators] == ["Phòng Kế hoạch – Tài chính"]
    assert len(leads) == 6


def test_units_the_organization_lacks_are_offered_not_created(organized, tmp_path):
    text = "TT\tNhiệm vụ\tĐơn vị chủ trì\n1\tRà soát thủ tục\tPhòng Quản lý xây dựng\n2\tBáo cáo\tVăn phòng Sở\n"
    draft = organized.imports.preview(text=text, year=2025)
    choices = {c.phrase: c for c in organized.imports.phrases(draft)}
    assert choices["Phòng Quản lý xây dựng"].resolution is Resolution.UNKNOWN
    assert choices["Văn phòng Sở"].resolution is Resolution.UNIT
    before = {e.name for e in organized.organization.listing()}
    organized.imports.import_draft(draft)
    assert {e.name for e in organized.organization.listing()} == before
    # Chosen in the review as a new unit, it is made and remembered.
    chosen = [c if c.resolution is not Resolution.UNKNOWN else
              type(c)(c.phrase, Resolution.UNIT, new_name=c.phrase, unit_type=UnitType.PHONG)
              for c in choices.values()]  # fmt: skip
    organized.imports.import_draft(draft, allow_duplicate=True, choices=chosen)
    assert "Phòng Quản lý xây dựng" in {e.name for e in organized.organization.listing()}
    again = {c.phrase: c for c in organized.imports.phrases(draft)}
    assert again["Phòng Quản lý xây dựng"].resolution is Resolution.UNIT


def test_a_choice_is_remembered_as_an_alias(organized):
    text = "TT\tNhiệm vụ\tĐơn vị chủ trì\n1\tRà soát\tBộ phận Một cửa\n"
    draft = organized.imports.preview(text=text, year=2025)
    [choice] = organized.imports.phrases(draft)
    vp = next(e.id for e in organized.organization.listing() if e.name == "Văn phòng Sở")
    organized.imports.import_draft(draft, choices=[type(choice)(choice.phrase, Resolution.UNIT, vp)])
    [again] = organized.imports.phrases(draft)
    assert (again.resolution, again.entry_id) == (Resolution.UNIT, vp)


def test_without_an_organization_a_plan_still_gets_its_units(services):
    plan_id = services.imports.import_draft(services.imports.preview(sample_file(SAMPLE, ".docx"))).value
    units = {e.name for e in services.organization.listing() if e.kind is EntryKind.UNIT}
    assert units == {"Văn phòng Sở", "Phòng Kế hoạch – Tài chính"}
    assert not services.organization.is_set_up()
    assert services.plans.tree([plan_id]).tasks


def test_units_list_json_and_units_import_on_the_command_line(db_path, tmp_path, capsys):
    units = tmp_path / "don-vi.txt"
    units.write_text(UNITS, encoding="utf-8")
    assert main(["units", "import", str(units), "--db", str(db_path), "--name", OWN]) == 0
    assert main(["import", str(sample_file(SAMPLE, ".docx")), "--db", str(db_path)]) == 0
    capsys.readouterr()
    assert main(["units", "list", "--json", "--db", str(db_path)]) == 0
    listed = json.loads(capsys.readouterr().out)
    by_name = {row["name"]: row for row in listed}
    assert set(by_name["Văn phòng Sở"]) == {"id", "name", "short_name", "kind", "unit_kind", "members", "tasks", "active"}
    assert by_name["Văn phòng Sở"]["kind"] == "unit" and by_name["Văn phòng Sở"]["unit_kind"] == "phong"
    assert by_name["Văn phòng Sở"]["tasks"] > 0
    assert by_name["UBND tỉnh"]["kind"] == "outside"
    assert len(by_name["Các phòng, đơn vị thuộc và trực thuộc Sở"]["members"]) == 13
    assert sum(row["kind"] == "unit" for row in listed) == 13


def test_a_units_file_with_a_bad_type_is_refused_with_its_line(db_path, tmp_path, capsys):
    units = tmp_path / "don-vi.txt"
    units.write_text("Văn phòng Sở\nPhòng X; ; hội đồng\n", encoding="utf-8")
    assert main(["units", "import", str(units), "--db", str(db_path)]) == 2
    assert "Dòng 2" in capsys.readouterr().err


def test_units_import_reads_an_excel_list(db_path, tmp_path):
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    sheet.append(["Danh sách đơn vị"])
    sheet.append(["STT", "Tên đơn vị", "Tên viết tắt", "Loại"])
    sheet.append([1, "Văn phòng Sở", "VP", "phòng"])
    sheet.append([2, "Chi cục Kiểm lâm", "", "Chi cục"])
    path = tmp_path / "don-vi.xlsx"
    book.save(path)
    assert main(["units", "import", str(path), "--db", str(db_path)]) == 0
    with Services.open(db_path) as services:
        units = {u.name: (u.short_name, u.unit_type) for u in services.organization.organization().units}
    assert units == {"Văn phòng Sở": ("VP", UnitType.PHONG), "Chi cục Kiểm lâm": ("", UnitType.CHI_CUC)}


def test_making_an_entry_outside_drops_its_links_and_undo_gives_everything_back(services):
    plan_id = services.imports.import_draft(services.imports.preview(sample_file(SAMPLE, ".docx"))).value
    before = services.organization.snapshot()
    vp = next(e for e in services.organization.listing() if e.name == "Văn phòng Sở")
    services.organization.make_outside(vp.id)
    tree = services.plans.tree([plan_id])
    assert all(link.unit_id != vp.id for task in tree.tasks for link in task.units)
    assert "Văn phòng Sở" in {b.name for b in services.organization.outside_bodies()}
    services.organization.put_back(before)
    assert services.organization.snapshot() == before
    restored = services.plans.tree([plan_id])
    assert sum(link.unit_id == vp.id for task in restored.tasks for link in task.units) == vp.tasks


def test_a_database_from_before_the_organization_is_adopted_with_nothing_lost(tmp_path):
    source = sample_file(SAMPLE, ".docx").parent.parent / "v1_database.db"
    if not source.exists():
        source = __import__("pathlib").Path(__file__).parent / "data" / "v1_database.db"
    db = tmp_path / "old.db"
    shutil.copy(source, db)
    with Services.open(db) as services:
        links_before = services.store.conn.execute("SELECT count(*) FROM task_unit").fetchone()[0]
        assert services.organization.needs_adoption()
        proposed = services.organization.adopt_existing()
        assert not services.organization.needs_adoption()
        assert services.store.conn.execute("SELECT count(*) FROM task_unit").fetchone()[0] == links_before
        for entry in proposed:
            assert looks_outside(entry.name)
        collectives = services.organization.organization().collectives
        assert all(c.member_types for c in collectives if "phòng" in c.name.lower())


def test_assignment_destinations_are_not_assignees():
    lead, coordinate = assignment_units("Văn phòng Sở tổng hợp, báo cáo UBND tỉnh")
    assert "UBND tỉnh" not in lead + coordinate or looks_outside("UBND tỉnh")
    assert Role.LEAD.label == "Chủ trì"
