"""export json reproduces the samples' content (store round trip; importers have their own tests)."""

import json

import pytest

from conftest import SAMPLE_STEMS, load_sample_json
from sample_drafts import draft_from_sample
from kehoach_desktop.cli.main import main
from kehoach_desktop.domain.text import tidy

ITEM_FIELDS = ("number", "content", "schedule", "lead", "coordinate", "output", "note")


def norm(text: str) -> str:
    return tidy(text)


@pytest.mark.parametrize("stem", SAMPLE_STEMS)
def test_export_json_matches_sample_field_by_field(services, db_path, tmp_path, capsys, stem):
    sample = load_sample_json(stem)
    plan_id = services.plans.create(draft_from_sample(sample)).value
    out = tmp_path / "plan.json"
    assert main(["export", "json", "--plan", str(plan_id), "--db", str(db_path), "-o", str(out)]) == 0
    exported = json.loads(out.read_text(encoding="utf-8"))
    assert exported["format"] == "kehoach-desktop/plan" and exported["version"] == 1
    for key in ("title", "doc_number", "issuer", "place", "date_text", "signer_title", "signer_name"):
        assert exported["plan"][key] == norm(sample["plan"][key]), key
    assert exported["columns"] == sample["columns"]
    assert len(exported["sections"]) == len(sample["sections"])
    for got, want in zip(exported["sections"], sample["sections"]):
        assert (got["ordinal"], got["title"], got.get("parent")) == (want["ordinal"], want["title"], want.get("parent"))
        assert len(got["items"]) == len(want["items"])
        for got_item, want_item in zip(got["items"], want["items"]):
            for key in ITEM_FIELDS:
                assert got_item[key] == norm(want_item[key]), (want["ordinal"], want_item["number"], key)
            assert got_item.get("assignment_raw", "") == norm(want_item.get("assignment_raw", ""))
            assert set(got_item["deadline"]) == {"kind", "due", "recurrence"}


def test_subtasks_follow_their_parent_with_depth(services, db_path, tmp_path):
    sample = load_sample_json("000_36db36a684822c51")
    plan_id = services.plans.create(draft_from_sample(sample)).value
    out = tmp_path / "plan.json"
    main(["export", "json", "--plan", str(plan_id), "--db", str(db_path), "-o", str(out)])
    section = json.loads(out.read_text(encoding="utf-8"))["sections"][3]  # IV. CẢI CÁCH TTHC
    numbers = [(item["number"], item["depth"]) for item in section["items"][:6]]
    assert numbers == [("1", 0), ("2", 0), ("3", 0), ("3.1", 1), ("3.2", 1), ("3.3", 1)]
    parent_id = section["items"][2]["id"]
    assert all(item["parent_id"] == parent_id for item in section["items"][3:6])


def test_export_unknown_plan_is_a_usage_error(services, db_path, capsys):
    assert main(["export", "json", "--plan", "42", "--db", str(db_path)]) == 2
    assert "Không có kế hoạch số 42" in capsys.readouterr().err
