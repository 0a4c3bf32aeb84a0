"""What a plan's words mean: section titles → areas, assignment texts → units.

The expectations below are a careful reader's judgement, written per title and
per text, not read back from the code. The sample texts are those of the three
real plans (../shared/samples/*.json); the invented texts imitate the plans of
other departments (Sở Y tế, Sở Giáo dục và Đào tạo, Sở Tài chính, Sở Xây dựng).
"""

from __future__ import annotations

import re

import pytest

from conftest import SAMPLE_STEMS, load_sample_json
from kehoach_desktop.domain.areas import OTHER, is_area_code
from kehoach_desktop.domain.models import UnitKind
from kehoach_desktop.domain.text import fold
from kehoach_desktop.domain.units import guess_kind, unit_key
from kehoach_desktop.importers.areas_tagging import classify_area
from kehoach_desktop.importers.assignments import (
    assignment_units,
    canonical_unit_name,
    split_assignment,
    unit_names,
)

# ---------------------------------------------------------------------------
# Areas

SAMPLE_TITLE_AREAS = {
    # 000 — Sở Nông nghiệp và Môi trường 2025 (its own typos kept)
    "CÔNG TÁC CHỈ ĐẠO ĐIỀU HÀNH": "chi_dao",
    "CÔNG TÁC TUYÊN TRUYỀN": "tuyen_truyen",
    "CẢI CÁCH THỂ CHẾ": "the_che",
    "CẢI CÁCH THỦ TỤC HÀNH CHÍNH": "tthc",
    "CẢI CÁCH TỔ CHỨC BỘ MÁY": "bo_may",
    "CẢI CÁCH CHẾ ĐỘ CÔNG VỤ": "cong_vu",
    "CẢI CÁCH TÀI CHÍNH CÔNG": "tai_chinh",
    "XÂY DỰNG CHÍNH QUYỀN ĐIỆN TỬ, CHÍNH QUYỀN SỐ": "chinh_quyen_so",
    "TÁC ĐỘNG CỦA CCHC ĐẾN PHÁT TRIỂN KT-XH": "tac_dong",
    "CẢI THIỆN CHỈ SỐ HÀI LÒNG": "hai_long",
    "CÁC TIÊU CHÍ VỀ ĐIỂM THUỜNG": "diem_thuong",
    "PHẤN ĐÁU KHÔNG VI PHẠM CÁC NỘI DUNG ĐIỂM TRƯ": "diem_tru",
    # 002 — Sở Tài nguyên và Môi trường 2024
    "CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH": "chi_dao",
    "CẢI CÁCH THỦ TỤC HÀNH CHÍNH (TTHC)": "tthc",
    "CẢI THIỆN CHỈ SỐ HÀI LÒNG CỦA SỞ TÀI NGUYÊN VÀ MÔI TRƯỜNG TRONG NĂM 2024": "hai_long",
    # Names both; its tasks are the bonus-point ones of the 000 plan.
    "CẢI THIỆN CHỈ SỐ ĐIỂM THUỜNG/TRỪ TRONG NĂM 2024": "diem_thuong",
    # 004 — Sở Nội vụ 2025: a general part A, a SIPAS part B with its criteria
    "NÂNG CAO CHỈ SỐ CẢI CÁCH HÀNH CHÍNH NĂM 2025": OTHER,
    "NÂNG CAO CHỈ SỐ HÀI LÒNG CỦA CÁ NHÂN, TỔ CHỨC ĐỐI VỚI SỰ PHỤC VỤ CỦA SỞ NỘI VỤ": "hai_long",
    "TIÊU CHÍ “TIẾP CẬN DỊCH VỤ”": "hai_long",
    "TIÊU CHÍ “THỦ TỤC HÀNH CHÍNH”": "hai_long",  # under part B
    "TIÊU CHÍ “SỰ PHỤC VỤ CỦA CÔNG CHỨC, VIÊN CHỨC”": "hai_long",
    "TIÊU CHÍ “KẾT QUẢ GIẢI QUYẾT CÔNG VIỆC”": "hai_long",
    "TIÊU CHÍ “TIẾP NHẬN, XỬ LÝ THÔNG TIN PHẢN HỒI”": "hai_long",
}


def _sample_sections():
    for stem in SAMPLE_STEMS:
        sample = load_sample_json(stem)
        tops = {s["ordinal"]: s for s in sample["sections"] if not s.get("parent")}
        for section in sample["sections"]:
            parent = tops[section["parent"]] if section.get("parent") else None
            yield stem, section, parent


def test_every_sample_title_gets_the_area_a_reader_gives_it():
    seen = 0
    for stem, section, parent in _sample_sections():
        parent_area = classify_area(parent["title"])[0] if parent else None
        code, recognised = classify_area(section["title"], parent_area)
        assert section["title"] in SAMPLE_TITLE_AREAS, f"{stem}: no expectation for {section['title']!r}"
        assert code == SAMPLE_TITLE_AREAS[section["title"]], (stem, section["title"])
        assert recognised, (stem, section["title"])  # the general part A is understood too
        seen += 1
    assert seen == 12 + 8 + 7


@pytest.mark.parametrize(
    "title, expected",
    [
        ("I. CẢI CÁCH THỂ CHẾ", "the_che"),
        ("cai cach thu tuc hanh chinh", "tthc"),  # typed without diacritics
        ("Cải cách thủ tục hành chính", "tthc"),
        ("CÔNG TÁC KIỂM SOÁT TTHC, THỰC HIỆN CƠ CHẾ MỘT CỬA, MỘT CỬA LIÊN THÔNG", "tthc"),
        ("TIÊU CHÍ THỦ TỤC HÀNH CHÍNH", "tthc"),  # alone, no SIPAS parent
        ("ĐÁNH GIÁ TÁC ĐỘNG CỦA TTHC", "tthc"),  # impact assessment is TTHC work
        ("Hiện đại hoá hành chính", "chinh_quyen_so"),  # old tone placement
        ("ĐẨY MẠNH CHUYỂN ĐỔI SỐ", "chinh_quyen_so"),
        ("XÂY DỰNG CHÍNH PHỦ SỐ", "chinh_quyen_so"),
        ("KIỂM TRA CÔNG TÁC CCHC", "chi_dao"),
        ("CÔNG TÁC THÔNG TIN, TUYÊN TRUYỀN VỀ CẢI CÁCH HÀNH CHÍNH", "tuyen_truyen"),
        ("TUYÊN TRUYỀN VỀ CẢI CÁCH TTHC", "tuyen_truyen"),  # the head comes first
        ("XÂY DỰNG VÀ NÂNG CAO CHẤT LƯỢNG ĐỘI NGŨ CÁN BỘ, CÔNG CHỨC, VIÊN CHỨC", "cong_vu"),
        ("QUẢN LÝ TÀI CHÍNH, ĐẦU TƯ CÔNG", "tai_chinh"),
        ("CÔNG TÁC XÂY DỰNG, KIỂM TRA VÀ RÀ SOÁT VBQPPL", "the_che"),
        ("THEO DÕI THI HÀNH PHÁP LUẬT", "the_che"),
        ("ĐIỂM THƯỞNG", "diem_thuong"),
        ("ĐIỂM TRỪ", "diem_tru"),
        ("ĐIỂM THƯỞNG VÀ ĐIỂM TRỪ", "diem_thuong"),
        ("CÁC NỘI DUNG BỊ TRỪ ĐIỂM", "diem_tru"),
        ("KHÔNG ĐỂ XẢY RA VI PHẠM", "diem_tru"),
        ("NÂNG CAO CHỈ SỐ HÀI LÒNG VỀ GIẢI QUYẾT TTHC", "hai_long"),
        ("CẢI THIỆN CHỈ SỐ HÀI LÒNG TRONG CẢI CÁCH HÀNH CHÍNH", "hai_long"),
        ("CHỈ SỐ SIPAS", "hai_long"),
        ("SỰ PHỤC VỤ CỦA CÔNG CHỨC", "hai_long"),
        ("TÁC ĐỘNG CỦA CẢI CÁCH HÀNH CHÍNH ĐẾN NGƯỜI DÂN", "tac_dong"),
        ("NHIỆM VỤ KHÁC", OTHER),
    ],
)
def test_titles_of_other_plans(title, expected):
    assert classify_area(title) == (expected, True)


@pytest.mark.parametrize("title", ["PHỤ LỤC", "", "   ", "Bảng tổng hợp số liệu", "NỘI DUNG"])
def test_titles_that_name_no_area_are_not_recognised(title):
    assert classify_area(title) == (OTHER, False)


def test_parent_area_wins_over_the_sub_sections_own_words():
    assert classify_area("ĐIỂM TRỪ", "hai_long") == ("hai_long", True)
    assert classify_area("TIÊU CHÍ “THỦ TỤC HÀNH CHÍNH”", "hai_long") == ("hai_long", True)
    assert classify_area("Nội dung lạ", "tthc") == ("tthc", True)


def test_general_or_unknown_parent_lets_the_title_decide():
    assert classify_area("CẢI CÁCH THỂ CHẾ", OTHER) == ("the_che", True)
    assert classify_area("CẢI CÁCH THỂ CHẾ", None) == ("the_che", True)
    assert classify_area("CẢI CÁCH THỂ CHẾ", "not-an-area") == ("the_che", True)
    assert classify_area("PHỤ LỤC", OTHER) == (OTHER, False)


def test_every_answer_is_an_area_code():
    for title in list(SAMPLE_TITLE_AREAS) + ["xyz", "TTHC và CCHC"]:
        assert is_area_code(classify_area(title)[0])


# ---------------------------------------------------------------------------
# Unit names in the samples

VP = "Văn phòng Sở"
VP_LOWER = "Văn phòng sở"
ALL_OF_SO = "Các phòng, đơn vị trực thuộc Sở"

# (sample, section index, item number, field) → the names a careful reader finds.
SAMPLE_NAMES = {
    ("000", 0, "1", "lead"): [ALL_OF_SO],
    ("000", 0, "1", "coordinate"): [VP],
    ("000", 0, "2", "lead"): [ALL_OF_SO],
    # "nhiệm vụ UBND tỉnh giao": UBND tỉnh gave the task, it does not take part.
    ("000", 0, "2", "coordinate"): [VP],
    ("000", 0, "3", "lead"): [ALL_OF_SO],
    ("000", 0, "4", "lead"): [VP],
    ("000", 2, "2", "coordinate"): [ALL_OF_SO],
    ("000", 3, "2", "lead"): [ALL_OF_SO],
    ("000", 3, "2", "coordinate"): [VP],
    ("000", 3, "3.1", "lead"): [ALL_OF_SO],
    ("000", 3, "3.2", "lead"): [ALL_OF_SO, VP_LOWER],
    ("000", 3, "3.2", "coordinate"): [VP_LOWER],
    ("000", 3, "7", "lead"): ["Các phòng, đơn vị thuộc sở"],
    ("000", 3, "8", "coordinate"): [VP_LOWER],
    ("000", 4, "1", "lead"): [VP_LOWER, "Các phòng, đơn vị trực thuộc sở"],
    ("000", 4, "2", "lead"): ["Các đơn vị trực thuộc Sở"],
    ("000", 5, "6", "coordinate"): [VP_LOWER],  # "... của các cơ quan, đơn vị": whose data
    ("000", 6, "1", "coordinate"): ["Phòng Kế hoạch – Tài chính"],
    ("000", 7, "2", "coordinate"): [VP],
    ("000", 10, "1", "lead"): ["Các phòng chuyên môn", "UBND tỉnh"],  # reports go to UBND tỉnh
    ("000", 10, "4", "lead"): ["Các phòng, đơn vị thuộc và trực thuộc Sở"],
    ("000", 11, "1", "lead"): [VP_LOWER],
    ("000", 11, "3", "lead"): ["Các phòng, đơn vị thuộc sở"],
    ("002", 0, "1", "assignment_raw"): ["Các cơ quan, đơn vị", VP, "Sở Nội vụ"],
    ("002", 0, "2", "assignment_raw"): [VP],
    ("002", 0, "4", "assignment_raw"): ["Các cơ quan, đơn vị", "Sở Tài nguyên và Môi trường", VP, "Sở Nội vụ"],
    ("002", 0, "5", "assignment_raw"): ["Các cơ quan, đơn vị", "UBND tỉnh"],
    ("002", 0, "6", "assignment_raw"): [VP, "Các phòng, đơn vị thuộc Sở Tài nguyên và Môi trường"],
    ("002", 1, "1", "assignment_raw"): ["Các cơ quan, đơn vị", VP, "Sở Tư pháp"],
    ("002", 1, "2", "assignment_raw"): [VP],
    ("002", 1, "3", "assignment_raw"): [VP, "Các cơ quan, đơn vị", "Sở Tư pháp"],
    ("002", 2, "1", "assignment_raw"): ["Các phòng, đơn vị", VP, "Văn phòng UBND tỉnh"],
    ("002", 2, "2", "assignment_raw"): [
        "Các phòng, đơn vị", "Trung tâm CNTT TNMT", VP, "Bộ phận Một cửa", "Các cơ quan liên quan",
    ],
    # The data source "(Số liệu kết xuất từ Trung tâm ...)" takes no part.
    ("002", 2, "3", "assignment_raw"): ["Trung tâm CNTT TNMT"],
    # "của UBND tỉnh Khánh Hòa" issued a cited decision.
    ("002", 2, "4", "assignment_raw"): ["Các phòng, đơn vị", "Trung tâm Phục vụ hành chính công tỉnh"],
    ("002", 2, "5", "assignment_raw"): [
        VP, "Bộ phận Một cửa", "Các phòng, đơn vị", "Văn phòng Đăng ký đất đai cấp tỉnh",
    ],
    ("002", 2, "6", "assignment_raw"): ["Các phòng, đơn vị", VP],
    ("002", 2, "7", "assignment_raw"): ["Các phòng, đơn vị", VP, "Văn phòng Đăng ký Đất đai"],
    ("002", 2, "9", "assignment_raw"): ["Trung tâm CNTT TNMT", "Văn phòng Đăng ký Đất đai", "Văn phòng UBND tỉnh"],
    ("002", 2, "11", "assignment_raw"): ["Các phòng, đơn vị", "Trung tâm CNTT TNMT"],
    ("002", 3, "1", "assignment_raw"): ["Các cơ quan chuyên môn, đơn vị sự nghiệp thuộc Sở", "UBND tỉnh", VP],
    ("002", 3, "4", "assignment_raw"): ["Các cơ quan chuyên môn", VP, "Các cơ quan, đơn vị có liên quan"],
    ("002", 3, "5", "assignment_raw"): ["Các đơn vị"],
    ("002", 4, "2", "assignment_raw"): ["Các cơ quan, đơn vị", VP, "Sở Nội vụ"],
    ("002", 5, "1", "assignment_raw"): ["Các cơ quan, đơn vị", VP, "Sở Tài chính"],
    ("002", 6, "1", "assignment_raw"): [VP, "Các phòng, đơn vị liên quan", "Sở Nội vụ"],
    ("002", 7, "2", "assignment_raw"): ["Các phòng, đơn vị", "Bộ phận Tiếp nhận và trả kết quả"],
    ("002", 7, "3", "assignment_raw"): ["Thanh tra Sở", "Thanh tra tỉnh"],
    ("004", 0, "1", "coordinate"): ["Các Phòng chuyên môn thuộc Sở", "Các đơn vị sự nghiệp trực thuộc Sở"],
    ("004", 0, "2", "lead"): ["Các Phòng chuyên môn", "Trung tâm Dịch vụ Việc làm Khánh Hòa"],
    ("004", 0, "3", "lead"): ["Bộ phận tiếp nhận và trả kết quả Sở Nội vụ", "Trung tâm Dịch vụ Việc làm Khánh Hòa"],
    ("004", 0, "9", "lead"): [
        "Phòng Cải cách hành chính và Văn thư lưu trữ", "Phòng Tổ chức, Biên chế và Công chức, viên chức",
    ],
    ("004", 0, "9", "coordinate"): [VP, "Các Phòng chuyên môn thuộc Sở", "Các đơn vị sự nghiệp trực thuộc Sở"],
    ("004", 0, "10", "coordinate"): ["Các phòng chuyên môn liên quan"],
    ("004", 2, "1", "coordinate"): [
        "Các phòng chuyên môn thuộc Sở", "Trung tâm Dịch vụ Việc làm Khánh Hòa",
        "Trung tâm Phục vụ Hành chính công tỉnh Khánh Hòa",
    ],
    ("004", 6, "1", "coordinate"): [
        "Các phòng chuyên môn thuộc Sở", "Trung tâm Dịch vụ Việc làm tỉnh Khánh Hòa",
        "Trung tâm Phục vụ Hành chính công tỉnh Khánh Hòa",
    ],
}

# (section index, item number) of the 002 plan's combined column → (lead, coordinate).
SAMPLE_SPLITS = {
    (0, "1"): ("Các cơ quan, đơn vị", VP),  # units act, the office follows up
    (0, "2"): (VP, ""),  # "Văn phòng Sở chủ trì triển khai thực hiện"
    (0, "5"): ("Các cơ quan, đơn vị", ""),  # the "Chuyên viên" who follows up is a person
    (0, "6"): (VP, "Các phòng, đơn vị thuộc Sở Tài nguyên và Môi trường"),  # "VP chủ trì"
    (1, "2"): (VP, ""),
    (1, "3"): (VP, "Các cơ quan, đơn vị"),
    (2, "1"): ("Các phòng, đơn vị", VP),
    (2, "3"): ("Trung tâm CNTT TNMT", ""),
    (2, "6"): ("Các phòng, đơn vị", VP),
    (2, "7"): (VP, "Các phòng, đơn vị; Văn phòng Đăng ký Đất đai"),  # "VP chủ trì, phối hợp với VPĐKĐĐ"
    (2, "9"): ("Trung tâm CNTT TNMT; Văn phòng Đăng ký Đất đai", ""),  # one sentence, two actors
    (2, "11"): ("Trung tâm CNTT TNMT", "Các phòng, đơn vị"),  # "phòng, đơn vị phối hợp TT CNTT công khai"
    (2, "12"): (VP, "Các phòng, đơn vị"),
    (3, "1"): ("Các cơ quan chuyên môn, đơn vị sự nghiệp thuộc Sở", VP),  # "VP phối hợp thẩm định"
    (3, "2"): (VP, "Các cơ quan, đơn vị sự nghiệp"),
    (3, "4"): (VP, "Các cơ quan chuyên môn; các cơ quan, đơn vị có liên quan"),
    (3, "5"): ("Các đơn vị", ""),
    (4, "1"): ("Các cơ quan chuyên môn", VP),
    (5, "1"): (VP, "Các cơ quan, đơn vị"),
    (6, "1"): (VP, "các phòng, đơn vị liên quan"),
    (7, "3"): ("Thanh tra Sở", ""),  # Thanh tra tỉnh only receives the report
}


def _sample_texts():
    """(key, text) for every lead / coordinate / assignment_raw text of the samples."""
    for stem in SAMPLE_STEMS:
        for index, section in enumerate(load_sample_json(stem)["sections"]):
            for item in section["items"]:
                for field in ("lead", "coordinate", "assignment_raw"):
                    if item.get(field):
                        yield (stem[:3], index, item["number"], field), item[field]


SAMPLE_TEXTS = dict(_sample_texts())


def test_the_samples_have_the_texts_the_expectations_are_about():
    assert len(SAMPLE_TEXTS) > 150
    assert set(SAMPLE_NAMES) <= set(SAMPLE_TEXTS)
    assert len(SAMPLE_NAMES) >= 30


@pytest.mark.parametrize("key", sorted(SAMPLE_NAMES, key=str))
def test_names_found_in_sample_texts(key):
    assert unit_names(SAMPLE_TEXTS[key]) == SAMPLE_NAMES[key]


@pytest.mark.parametrize("key", sorted(SAMPLE_SPLITS, key=str))
def test_combined_column_of_the_002_plan_split(key):
    assert split_assignment(SAMPLE_TEXTS[("002", *key, "assignment_raw")]) == SAMPLE_SPLITS[key]


_DOCUMENT_START = re.compile(
    r"^(ke hoach|quyet dinh|nghi dinh|nghi quyet|thong tu|chi thi|cong van|van ban|luat|de an)\b"
)
_PEOPLE_START = re.compile(r"^(lanh dao|giam doc|chu tich|truong phong|chanh|chuyen vien|thu tuong)\b")


def _words_in_order(name: str, text: str) -> bool:
    """The name is written in the text (spaces and first-letter case aside)."""
    squeeze = lambda s: re.sub(r"\s+", " ", s)  # noqa: E731
    return squeeze(name)[1:] in squeeze(text)


def test_every_name_found_in_every_sample_text_is_a_plausible_unit():
    for key, text in SAMPLE_TEXTS.items():
        for name in unit_names(text):
            assert len(name.split()) <= 12, (key, name)
            assert not _DOCUMENT_START.match(fold(name)), (key, name)
            assert not _PEOPLE_START.match(fold(name)), (key, name)
            assert not re.search(r"\d", name), (key, name)  # no numbers, dates, document symbols
            assert _words_in_order(name, text), (key, name)
            assert name == name.strip(" ,;.:-–") and name[0].isupper(), (key, name)


def test_every_van_phong_so_mention_is_found():
    mentions = 0
    for key, text in SAMPLE_TEXTS.items():
        if "van phong so" in fold(text):
            mentions += 1
            assert unit_key(VP) in {unit_key(n) for n in unit_names(text)}, key
    assert mentions > 60


def test_no_name_repeats_within_one_text():
    for key, text in SAMPLE_TEXTS.items():
        keys = [unit_key(n) for n in unit_names(text)]
        assert len(keys) == len(set(keys)), key


def test_split_parts_name_only_units_of_the_text_and_none_twice():
    for key, text in SAMPLE_TEXTS.items():
        if key[3] != "assignment_raw":
            continue
        lead, coordinate = assignment_units(text)
        assert lead, key  # every combined cell of the 002 plan says who acts
        found = {unit_key(n) for n in unit_names(text)}
        assert {unit_key(n) for n in lead + coordinate} <= found, key
        assert not {unit_key(n) for n in lead} & {unit_key(n) for n in coordinate}, key


def test_the_lead_cell_that_says_both_roles_splits():
    assert split_assignment(SAMPLE_TEXTS[("000", 4, "1", "lead")]) == (
        "Văn phòng sở",
        "các phòng, đơn vị trực thuộc sở",
    )


# ---------------------------------------------------------------------------
# Texts in the style of other departments' plans

INVENTED_NAMES = [
    (
        "Phòng Quản lý hành nghề y dược tư nhân chủ trì, phối hợp Thanh tra Sở",
        ["Phòng Quản lý hành nghề y dược tư nhân", "Thanh tra Sở"],
    ),
    (
        "Đơn vị chủ trì: Phòng Tổ chức cán bộ; Đơn vị phối hợp: các đơn vị sự nghiệp trực thuộc",
        ["Phòng Tổ chức cán bộ", "Các đơn vị sự nghiệp trực thuộc"],
    ),
    ("Chi cục An toàn vệ sinh thực phẩm", ["Chi cục An toàn vệ sinh thực phẩm"]),
    (
        "Ban Quản lý dự án chủ trì, phối hợp với Phòng Quản lý xây dựng và Văn phòng Sở",
        ["Ban Quản lý dự án", "Phòng Quản lý xây dựng", "Văn phòng Sở"],
    ),
    ("Bộ phận Một cửa của Sở tiếp nhận, trả kết quả giải quyết TTHC", ["Bộ phận Một cửa của Sở"]),
    (
        "Phòng Nghiệp vụ Y chủ trì; Phòng Nghiệp vụ Dược, Phòng Kế hoạch – Tài chính phối hợp",
        ["Phòng Nghiệp vụ Y", "Phòng Nghiệp vụ Dược", "Phòng Kế hoạch – Tài chính"],
    ),
    (
        "Trung tâm Kiểm soát bệnh tật tỉnh chủ trì; các bệnh viện, Trung tâm Y tế các huyện, "
        "thị xã, thành phố phối hợp",
        ["Trung tâm Kiểm soát bệnh tật tỉnh", "Các bệnh viện", "Trung tâm Y tế các huyện, thị xã, thành phố"],
    ),
    (
        "Sở Y tế chủ trì, phối hợp với Bảo hiểm xã hội tỉnh và UBND các huyện, thị xã, thành phố",
        ["Sở Y tế", "Bảo hiểm xã hội tỉnh", "UBND các huyện, thị xã, thành phố"],
    ),
    (
        "Văn phòng Sở tham mưu Giám đốc Sở ban hành Quyết định số 15/QĐ-SYT ngày 20/01/2025 của Sở Y tế",
        ["Văn phòng Sở"],
    ),
    ("Thực hiện theo Kế hoạch số 120/KH-UBND ngày 10/02/2025 của UBND tỉnh", []),
    (
        "Phòng Giáo dục Trung học chủ trì; Phòng Giáo dục Mầm non – Tiểu học phối hợp",
        ["Phòng Giáo dục Trung học", "Phòng Giáo dục Mầm non – Tiểu học"],
    ),
    (
        "Các trường THPT trực thuộc thực hiện, báo cáo kết quả về Sở Giáo dục và Đào tạo "
        "(qua Văn phòng Sở) trước ngày 15/12/2025",
        ["Các trường THPT trực thuộc", "Sở Giáo dục và Đào tạo", "Văn phòng Sở"],
    ),
    (
        "- Phòng Tổ chức cán bộ: chủ trì tham mưu kế hoạch đào tạo, bồi dưỡng;\n"
        "- Văn phòng Sở: tổng hợp, báo cáo Bộ Giáo dục và Đào tạo",
        ["Phòng Tổ chức cán bộ", "Văn phòng Sở", "Bộ Giáo dục và Đào tạo"],
    ),
    (
        "Phòng Quản lý ngân sách, Phòng Tài chính hành chính sự nghiệp",
        ["Phòng Quản lý ngân sách", "Phòng Tài chính hành chính sự nghiệp"],
    ),
    (
        "Phòng Quản lý giá và công sản phối hợp với Văn phòng Sở thực hiện",
        ["Phòng Quản lý giá và công sản", "Văn phòng Sở"],
    ),
    ("Kho bạc Nhà nước tỉnh, Cục Thuế tỉnh phối hợp", ["Kho bạc Nhà nước tỉnh", "Cục Thuế tỉnh"]),
    (
        "Chủ trì: Phòng Quản lý chất lượng công trình xây dựng. Phối hợp: Thanh tra Sở, Văn phòng Sở.",
        ["Phòng Quản lý chất lượng công trình xây dựng", "Thanh tra Sở", "Văn phòng Sở"],
    ),
    (
        "Giao Trung tâm Giám định chất lượng xây dựng chủ trì thực hiện",
        ["Trung tâm Giám định chất lượng xây dựng"],
    ),
    ("Các Chi cục, Trung tâm trực thuộc Sở triển khai thực hiện", ["Các Chi cục, Trung tâm trực thuộc Sở"]),
    ("VP Sở theo dõi, đôn đốc; Phòng KH-TC tổng hợp kinh phí", ["VP Sở", "Phòng KH-TC"]),
    ("Chánh Văn phòng Sở, Trưởng phòng Tổ chức cán bộ có trách nhiệm kiểm tra", []),
    ("Ban Giám đốc Sở chỉ đạo; Văn phòng Sở thực hiện", ["Văn phòng Sở"]),
    (
        "Các phòng chuyên môn, đơn vị sự nghiệp trực thuộc Sở Xây dựng",
        ["Các phòng chuyên môn, đơn vị sự nghiệp trực thuộc Sở Xây dựng"],
    ),
    (
        "Thanh tra Sở chủ trì; Văn phòng Sở, Phòng Pháp chế phối hợp",
        ["Thanh tra Sở", "Văn phòng Sở", "Phòng Pháp chế"],
    ),
    (
        "Phòng Tài chính doanh nghiệp thực hiện; định kỳ báo cáo Sở Tài chính và UBND tỉnh",
        ["Phòng Tài chính doanh nghiệp", "Sở Tài chính", "UBND tỉnh"],
    ),
    ("Bệnh viện Đa khoa tỉnh; Trung tâm Kiểm soát bệnh tật", ["Bệnh viện Đa khoa tỉnh", "Trung tâm Kiểm soát bệnh tật"]),
    ("Các cơ sở y tế trên địa bàn tỉnh", ["Các cơ sở y tế"]),
    (
        "Phòng Quản lý hành nghề y dược tư nhân phối hợp với Thanh tra Sở kiểm tra các cơ sở hành nghề",
        ["Phòng Quản lý hành nghề y dược tư nhân", "Thanh tra Sở"],
    ),
    (
        "Văn phòng Sở chủ trì, phối hợp với các phòng, ban liên quan",
        ["Văn phòng Sở", "Các phòng, ban liên quan"],
    ),
    ("Đơn vị thực hiện: Chi cục Dân số – Kế hoạch hóa gia đình", ["Chi cục Dân số – Kế hoạch hóa gia đình"]),
    (
        "Trung tâm Công nghệ thông tin và Truyền thông thực hiện",
        ["Trung tâm Công nghệ thông tin và Truyền thông"],
    ),
    ("Văn phòng Sở đăng tải trên Trang thông tin điện tử của Sở Y tế", ["Văn phòng Sở"]),
    ("Theo dõi việc thực hiện nhiệm vụ UBND tỉnh giao", []),
    (
        "Sở Xây dựng (Phòng Quản lý nhà và thị trường bất động sản) chủ trì",
        ["Sở Xây dựng", "Phòng Quản lý nhà và thị trường bất động sản"],
    ),
    ("Văn phòng UBND tỉnh; Sở Nội vụ", ["Văn phòng UBND tỉnh", "Sở Nội vụ"]),
    ("Phối hợp với Sở Nội vụ, Sở Tài chính thực hiện", ["Sở Nội vụ", "Sở Tài chính"]),
    ("theo hướng dẫn của Sở Nội vụ", ["Sở Nội vụ"]),
    ("Văn phòng Sở hướng dẫn các phòng, đơn vị thực hiện", ["Văn phòng Sở"]),
    ("Thực hiện theo quy định", []),
    (
        "Phòng Kế hoạch – Tài chính xây dựng kế hoạch kinh phí thực hiện",
        ["Phòng Kế hoạch – Tài chính"],
    ),
    (
        "Ban Quản lý dự án đầu tư xây dựng các công trình giao thông chủ trì",
        ["Ban Quản lý dự án đầu tư xây dựng các công trình giao thông"],
    ),
    ("Văn phòng Sở<br>Thanh tra Sở", ["Văn phòng Sở", "Thanh tra Sở"]),  # HTML left in a cell
    ("<p>Văn phòng Sở</p><p>Phòng Pháp chế</p>", ["Văn phòng Sở", "Phòng Pháp chế"]),
    ("Văn phòng HĐND và UBND tỉnh phối hợp", ["Văn phòng HĐND và UBND tỉnh"]),
    ("Giám đốc Sở chỉ đạo Văn phòng Sở thực hiện", ["Văn phòng Sở"]),  # no one else named
    (
        "Sở Tài nguyên và Môi trường chủ trì, phối hợp với các Sở, ban, ngành",
        ["Sở Tài nguyên và Môi trường", "Các Sở, ban, ngành"],
    ),
    ("Trường hợp Văn phòng Sở không thực hiện", ["Văn phòng Sở"]),  # "Trường hợp" is no school
    ("Bộ chỉ số PAR INDEX của Bộ Nội vụ", []),
]

INVENTED_SPLITS = [
    (
        "Phòng Quản lý hành nghề y dược tư nhân chủ trì, phối hợp Thanh tra Sở",
        ("Phòng Quản lý hành nghề y dược tư nhân", "Thanh tra Sở"),
    ),
    (
        "Đơn vị chủ trì: Phòng Tổ chức cán bộ; Đơn vị phối hợp: các đơn vị sự nghiệp trực thuộc",
        ("Phòng Tổ chức cán bộ", "các đơn vị sự nghiệp trực thuộc"),
    ),
    (
        "Chủ trì: Phòng Quản lý chất lượng công trình xây dựng. Phối hợp: Thanh tra Sở, Văn phòng Sở.",
        ("Phòng Quản lý chất lượng công trình xây dựng", "Thanh tra Sở, Văn phòng Sở"),
    ),
    (
        "Ban Quản lý dự án chủ trì, phối hợp với Phòng Quản lý xây dựng và Văn phòng Sở",
        ("Ban Quản lý dự án", "Phòng Quản lý xây dựng; Văn phòng Sở"),
    ),
    (
        "Phòng Nghiệp vụ Y chủ trì; Phòng Nghiệp vụ Dược, Phòng Kế hoạch – Tài chính phối hợp",
        ("Phòng Nghiệp vụ Y", "Phòng Nghiệp vụ Dược; Phòng Kế hoạch – Tài chính"),
    ),
    (
        "Phòng Kế hoạch – Tài chính chủ trì, Phòng Tổ chức cán bộ phối hợp",
        ("Phòng Kế hoạch – Tài chính", "Phòng Tổ chức cán bộ"),
    ),
    (
        "Trung tâm Kiểm soát bệnh tật tỉnh chủ trì; các bệnh viện, Trung tâm Y tế các huyện, "
        "thị xã, thành phố phối hợp",
        ("Trung tâm Kiểm soát bệnh tật tỉnh", "các bệnh viện; Trung tâm Y tế các huyện, thị xã, thành phố"),
    ),
    (
        "- Phòng Tổ chức cán bộ: chủ trì tham mưu kế hoạch đào tạo, bồi dưỡng;\n"
        "- Văn phòng Sở: tổng hợp, báo cáo Bộ Giáo dục và Đào tạo",
        ("Phòng Tổ chức cán bộ", "Văn phòng Sở"),
    ),
    (
        "- Phòng Quản lý xây dựng: tổng hợp, thẩm định hồ sơ;\n- Văn phòng Sở: theo dõi, đôn đốc",
        ("Phòng Quản lý xây dựng", "Văn phòng Sở"),  # no role words: the first named leads
    ),
    (
        "Phòng Quản lý giá và công sản phối hợp với Văn phòng Sở thực hiện",
        ("Văn phòng Sở", "Phòng Quản lý giá và công sản"),
    ),
    ("Kho bạc Nhà nước tỉnh, Cục Thuế tỉnh phối hợp", ("", "Kho bạc Nhà nước tỉnh; Cục Thuế tỉnh")),
    (
        "Giao Trung tâm Giám định chất lượng xây dựng chủ trì thực hiện",
        ("Trung tâm Giám định chất lượng xây dựng", ""),
    ),
    ("Do Phòng Quản lý xây dựng chủ trì", ("Phòng Quản lý xây dựng", "")),
    (
        "Các trường THPT trực thuộc thực hiện, báo cáo kết quả về Sở Giáo dục và Đào tạo "
        "(qua Văn phòng Sở) trước ngày 15/12/2025",
        ("Các trường THPT trực thuộc", ""),  # where reports go is not a role
    ),
    (
        "Các đơn vị sự nghiệp công lập thuộc Sở thực hiện; Phòng Tổ chức cán bộ theo dõi, tổng hợp",
        ("Các đơn vị sự nghiệp công lập thuộc Sở", "Phòng Tổ chức cán bộ"),
    ),
    (
        "Sở Xây dựng (Phòng Quản lý nhà và thị trường bất động sản) chủ trì",
        ("Sở Xây dựng; Phòng Quản lý nhà và thị trường bất động sản", ""),
    ),
    ("Văn phòng Sở chủ trì. Phối hợp: Thanh tra Sở", ("Văn phòng Sở", "Thanh tra Sở")),
    ("Thanh tra Sở chủ trì, Văn phòng Sở phối hợp", ("Thanh tra Sở", "Văn phòng Sở")),
    ("Văn phòng Sở phối hợp", ("", "Văn phòng Sở")),
    ("Thực hiện theo Kế hoạch số 120/KH-UBND ngày 10/02/2025 của UBND tỉnh", ("", "")),
    ("Theo dõi việc thực hiện nhiệm vụ UBND tỉnh giao", ("", "")),
    ("", ("", "")),
    ("UBND tỉnh giao Sở Y tế chủ trì", ("Sở Y tế", "")),  # who assigns takes no role
    ("Giám đốc Sở chỉ đạo Văn phòng Sở thực hiện", ("Văn phòng Sở", "")),
    ("- Văn phòng Sở;\n- Thanh tra Sở", ("Văn phòng Sở; Thanh tra Sở", "")),  # a bare list
]


@pytest.mark.parametrize("text, expected", INVENTED_NAMES)
def test_names_in_other_departments_texts(text, expected):
    assert unit_names(text) == expected


@pytest.mark.parametrize("text, expected", INVENTED_SPLITS)
def test_split_in_other_departments_texts(text, expected):
    assert split_assignment(text) == expected


def test_names_come_back_in_nfc_whatever_the_input():
    import unicodedata

    decomposed = unicodedata.normalize("NFD", "Văn phòng Sở chủ trì; Phòng Kế hoạch – Tài chính phối hợp")
    names = unit_names(decomposed)
    assert names == ["Văn phòng Sở", "Phòng Kế hoạch – Tài chính"]
    assert all(unicodedata.is_normalized("NFC", n) for n in names)


def test_old_tone_placement_is_read_alike():
    assert unit_names("Uỷ ban nhân dân tỉnh Khánh Hoà phối hợp") == ["Uỷ ban nhân dân tỉnh Khánh Hoà"]


def test_assignment_units_gives_the_names_of_each_part():
    assert assignment_units("Văn phòng Sở chủ trì; các phòng, đơn vị trực thuộc Sở phối hợp.") == (
        ["Văn phòng Sở"],
        ["Các phòng, đơn vị trực thuộc Sở"],
    )
    assert assignment_units("Thực hiện theo quy định") == ([], [])


@pytest.mark.parametrize(
    "written, canonical",
    [
        ("VP Sở", "Văn phòng Sở"),
        ("Phòng KH-TC", "Phòng Kế hoạch – Tài chính"),
        ("Phòng KH - TC", "Phòng Kế hoạch – Tài chính"),
        ("Phòng TCCB", "Phòng Tổ chức cán bộ"),
        ("TT CNTT", "Trung tâm Công nghệ thông tin"),
        ("TTr Sở", "Thanh tra Sở"),
        ("UBND tỉnh", "UBND tỉnh"),
        ("Sở TNMT", "Sở TNMT"),
        ("Văn phòng Sở.", "Văn phòng Sở"),
    ],
)
def test_canonical_unit_name_writes_out_abbreviations(written, canonical):
    assert canonical_unit_name(written) == canonical


def test_abbreviated_and_full_names_meet_on_the_canonical_form():
    assert unit_key(canonical_unit_name("VP Sở")) == unit_key("Văn phòng Sở")
    assert unit_key(canonical_unit_name("Phòng KH-TC")) == unit_key("Phòng Kế hoạch – Tài chính")


@pytest.mark.parametrize(
    "name, kind",
    [
        ("Các phòng, đơn vị trực thuộc Sở", UnitKind.GROUP),
        ("Các Chi cục, Trung tâm trực thuộc Sở", UnitKind.GROUP),
        ("các cơ quan, đơn vị thuộc Sở", UnitKind.GROUP),
        ("UBND các huyện, thị xã, thành phố", UnitKind.GROUP),
        ("Trung tâm Y tế các huyện, thị xã, thành phố", UnitKind.GROUP),
        ("Phòng, đơn vị liên quan", UnitKind.GROUP),
        ("Những đơn vị được giao", UnitKind.GROUP),
        ("Văn phòng Sở", UnitKind.UNIT),
        ("Ban Quản lý dự án các công trình dân dụng", UnitKind.UNIT),
        ("Phòng Tổ chức, Biên chế và Công chức, viên chức", UnitKind.UNIT),
        ("Trung tâm Dịch vụ Việc làm Khánh Hòa", UnitKind.UNIT),
    ],
)
def test_guess_kind(name, kind):
    assert guess_kind(name) is kind


def test_every_group_phrase_found_in_the_samples_is_a_group():
    for key, text in SAMPLE_TEXTS.items():
        for name in unit_names(text):
            if fold(name).startswith("cac "):
                assert guess_kind(name) is UnitKind.GROUP, (key, name)
