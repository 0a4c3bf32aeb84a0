"""The committed gui/forms/ui_*.py match the Designer forms in ui/."""

import pytest

from kehoach_desktop import resources
from kehoach_desktop.gui.forms import build


def code_lines(text: str) -> list[str]:
    # uic's header comment names its own version; the code is what must match.
    return [line for line in text.splitlines() if not line.startswith("#")]


FORMS = sorted(resources.folder("ui").glob("*.ui"))


def test_every_form_has_its_module():
    assert FORMS
    for form in FORMS:
        assert (build.HERE / f"ui_{form.stem}.py").is_file(), form.name


@pytest.mark.parametrize("form", FORMS, ids=lambda p: p.stem)
def test_generated_module_is_up_to_date(tmp_path, form):
    target = tmp_path / "generated.py"
    build.generate(form, target)
    committed = (build.HERE / f"ui_{form.stem}.py").read_text(encoding="utf-8")
    assert code_lines(target.read_text(encoding="utf-8")) == code_lines(committed), (
        f"ui/{form.name} changed: run python -m kehoach_desktop.gui.forms.build"
    )
