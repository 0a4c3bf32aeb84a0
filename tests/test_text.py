import unicodedata

from kehoach_desktop.domain.text import contains_folded, fold, nfc, tidy, tidy_line


def test_fold_ignores_marks_case_and_tone_placement():
    assert fold("Khánh Hòa") == fold("KHANH HOÀ") == fold("khanh hoa") == "khanh hoa"
    assert fold("Hòa") == fold("Hoà")
    assert fold("Đà Nẵng") == "da nang"


def test_fold_nfd_equals_nfc():
    text = "Thủ tục hành chính"
    assert fold(unicodedata.normalize("NFD", text)) == fold(text) == "thu tuc hanh chinh"


def test_nfc_composes():
    decomposed = unicodedata.normalize("NFD", "Nghị định")
    assert nfc(decomposed) == "Nghị định"
    assert len(nfc(decomposed)) < len(decomposed)


def test_tidy_keeps_line_breaks_drops_blank_lines_and_extra_spaces():
    assert tidy("  - Một   việc\r\n\r\n-\tHai\x0bviệc  ") == "- Một việc\n- Hai\nviệc"
    assert tidy(None) == ""
    assert tidy_line("a\n b\u00a0 c") == "a b c"


def test_contains_folded_matches_every_word():
    haystack = fold("Công khai thủ tục hành chính trên Cổng dịch vụ công")
    assert contains_folded(haystack, "thu tuc")
    assert contains_folded(haystack, "CÔNG KHAI   cổng")
    assert not contains_folded(haystack, "thủ tục đất đai")
