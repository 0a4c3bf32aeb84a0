"""The organization's pure rules (domain/organization.py): collectives by their many
spellings, outside bodies, unit types, abbreviations and near-duplicates."""

from __future__ import annotations

import pytest

from kehoach_desktop.domain.organization import (
    Collective,
    Organization,
    OrgUnit,
    UnitType,
    abbreviation_matches,
    comparison_key,
    infer_unit_type,
    is_own_department,
    looks_outside,
    parse_unit_lines,
    standard_collective_of,
    suggest_merges,
)

OWN = "Sở Nông nghiệp và Môi trường"


@pytest.mark.parametrize(
    "phrase, code",
    [
        ("Các phòng, đơn vị trực thuộc Sở", "all"),
        ("Các phòng, đơn vị thuộc sở", "all"),
        ("Các phòng, đơn vị thuộc và trực thuộc Sở", "all"),
        ("các phòng, ban, đơn vị thuộc Sở thực hiện", "all"),
        ("Tất cả các phòng, đơn vị", "all"),
        ("Các Phòng, đơn vị thuộc Sở Tài nguyên và Môi trường", "all"),
        ("Các phòng, đơn vị liên quan", "all"),
        ("Các Phòng chuyên môn thuộc Sở", "phong"),
        ("các phòng chuyên môn, nghiệp vụ", "phong"),
        ("Các phòng, ban thuộc Sở phối hợp", "phong"),
        ("Các đơn vị sự nghiệp trực thuộc Sở", "su_nghiep"),
        ("các Trung tâm thuộc Sở", "su_nghiep"),
        ("Các đơn vị trực thuộc Sở", "truc_thuoc"),
        ("Các chi cục, đơn vị sự nghiệp", "truc_thuoc"),
        ("Các Chi cục thuộc Sở", "chi_cuc"),
    ],
)
def test_collective_spellings_resolve_to_one_collective(phrase, code):
    found = standard_collective_of(phrase)
    assert found is not None and found.code == code


@pytest.mark.parametrize(
    "phrase",
    ["Văn phòng Sở", "Các sở, ban, ngành", "UBND các huyện, thị xã", "Các bộ, ngành liên quan",
     "Phòng Kế hoạch – Tài chính", "Các doanh nghiệp viễn thông"],
)  # fmt: skip
def test_other_phrases_are_not_a_collective_of_the_departments_units(phrase):
    assert standard_collective_of(phrase) is None


@pytest.mark.parametrize(
    "name",
    ["UBND tỉnh", "Ủy ban nhân dân tỉnh Khánh Hòa", "Văn phòng UBND tỉnh", "Sở Nội vụ", "Bộ Nội vụ",
     "Các sở, ban, ngành", "Tỉnh ủy Khánh Hòa", "Văn phòng Chính phủ", "Công an tỉnh",
     "Trung tâm Phục vụ hành chính công tỉnh", "Cục Việc làm", "Các cơ quan, bộ, ngành"],
)  # fmt: skip
def test_outside_bodies_are_recognised(name):
    assert looks_outside(name, OWN)


@pytest.mark.parametrize(
    "name",
    ["Văn phòng Sở", "Thanh tra Sở", "Phòng Kế hoạch – Tài chính", "Chi cục Thủy lợi",
     "Trung tâm Dịch vụ Việc làm tỉnh Khánh Hòa", "Bộ phận Một cửa", OWN, "Các phòng, đơn vị thuộc Sở"],
)  # fmt: skip
def test_the_departments_own_units_are_not_outside(name):
    assert not looks_outside(name, OWN)


def test_the_department_itself_is_recognised_by_name_or_abbreviation():
    assert is_own_department("Sở Nông nghiệp và Môi trường tỉnh Khánh Hòa", OWN)
    assert is_own_department("SNNMT", OWN, "SNNMT")
    assert not is_own_department("Sở Nội vụ", OWN, "SNNMT")


@pytest.mark.parametrize(
    "name, unit_type",
    [("Văn phòng Sở", UnitType.PHONG), ("Thanh tra Sở", UnitType.PHONG), ("Phòng Pháp chế", UnitType.PHONG),
     ("Chi cục Kiểm lâm", UnitType.CHI_CUC), ("Trung tâm Khuyến nông", UnitType.SU_NGHIEP),
     ("Ban Quản lý rừng phòng hộ Vạn Ninh", UnitType.SU_NGHIEP), ("Cảng vụ Đường thủy nội địa", UnitType.SU_NGHIEP),
     ("Ban Giám đốc", UnitType.KHAC)],
)  # fmt: skip
def test_unit_type_is_inferred_from_the_name(name, unit_type):
    assert infer_unit_type(name) is unit_type


@pytest.mark.parametrize(
    "short, name",
    [("TTDVVL", "Trung tâm Dịch vụ Việc làm tỉnh Khánh Hòa"), ("KH-TC", "Phòng Kế hoạch – Tài chính"),
     ("P.KHTC", "Phòng Kế hoạch – Tài chính"), ("VP Sở", "Văn phòng Sở"), ("TTr Sở", "Thanh tra Sở")],
)  # fmt: skip
def test_abbreviations_match_their_unit(short, name):
    assert abbreviation_matches(short, name, "Khánh Hòa")


def test_abbreviations_do_not_match_another_unit():
    assert not abbreviation_matches("KH-TC", "Phòng Tổ chức cán bộ")
    assert not abbreviation_matches("VP Sở", "Thanh tra Sở")


def test_near_duplicates_are_suggested_keeping_the_fuller_name():
    entries = [
        (1, "Trung tâm Dịch vụ Việc làm Khánh Hòa", ""),
        (2, "Trung tâm Dịch vụ Việc làm tỉnh Khánh Hòa", ""),
        (3, "Văn phòng Sở", ""),
        (4, "VP Sở", ""),
        (5, "Thanh tra Sở", ""),
    ]
    suggestions = {(s.keep_id, s.merge_id) for s in suggest_merges(entries, "Khánh Hòa")}
    assert suggestions == {(2, 1), (3, 4)}
    assert comparison_key("Trung tâm Dịch vụ Việc làm Khánh Hòa", "Khánh Hòa") == "trung tam dich vu viec lam"


def test_collective_members_follow_the_units_types_and_hand_choices():
    units = [
        OrgUnit(1, "Văn phòng Sở", UnitType.PHONG, position=1),
        OrgUnit(2, "Phòng Pháp chế", UnitType.PHONG, position=2),
        OrgUnit(3, "Chi cục Kiểm lâm", UnitType.CHI_CUC, position=3),
        OrgUnit(4, "Trung tâm Khuyến nông", UnitType.SU_NGHIEP, position=4),
        OrgUnit(5, "Trung tâm cũ", UnitType.SU_NGHIEP, position=5, active=False),
    ]
    org = Organization("Sở Nông nghiệp và Môi trường", "SNNMT", "UBND tỉnh Khánh Hòa", units, [
        Collective(10, "Các phòng chuyên môn", frozenset({UnitType.PHONG}), excluded=frozenset({1})),
        Collective(11, "Các đơn vị trực thuộc", frozenset({UnitType.CHI_CUC, UnitType.SU_NGHIEP})),
        Collective(12, "Tổ công tác", included=frozenset({1, 4})),
    ])  # fmt: skip
    assert org.real_units_of(10) == [2]
    assert org.real_units_of(11) == [3, 4]
    assert org.real_units_of(12) == [1, 4]
    assert org.real_units_of(1) == [1] and org.real_units_of(5) == []
    assert org.place == "Khánh Hòa"
    units.append(OrgUnit(6, "Chi cục Thủy lợi", UnitType.CHI_CUC, position=6))
    assert org.real_units_of(11) == [3, 4, 6]  # the organization's order


def test_a_pasted_list_gives_units_with_types_and_line_problems():
    text = "1. Văn phòng Sở\n2. Thanh tra Sở; TTr\n\n- Chi cục Kiểm lâm; CCKL; chi cục\nTrung tâm X;;ĐVSN\nVăn phòng sở\nAbc; ; hội đồng\n"
    units, problems = parse_unit_lines(text)
    assert [(u.name, u.short_name, u.unit_type) for u in units] == [
        ("Văn phòng Sở", "", UnitType.PHONG),
        ("Thanh tra Sở", "TTr", UnitType.PHONG),
        ("Chi cục Kiểm lâm", "CCKL", UnitType.CHI_CUC),
        ("Trung tâm X", "", UnitType.SU_NGHIEP),
    ]
    assert [p.line for p in problems] == [7]
    assert "loại đơn vị" in problems[0].message
