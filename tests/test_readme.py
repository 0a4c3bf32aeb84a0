"""README's two commands are the ones CI and users run."""

import re

from conftest import REPO


def fenced_blocks(text: str) -> list[str]:
    return re.findall(r"```\n(.*?)```", text, flags=re.S)


def test_readme_starts_with_two_commands_and_ci_runs_the_second():
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    first_heading = readme.index("\n## ")
    blocks = fenced_blocks(readme[:first_heading])
    assert len(blocks) == 2
    install_and_run, install_and_test = (block.strip() for block in blocks)
    assert install_and_run.startswith("pip install . && kehoach-desktop")
    ci = (REPO / ".ci" / "run").read_text(encoding="utf-8")
    assert install_and_test in ci.splitlines()
