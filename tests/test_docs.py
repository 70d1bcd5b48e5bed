"""The docs describe the product as it is: generated command reference, every command explained."""

from __future__ import annotations

import importlib.util
import re
from pathlib import Path
from types import ModuleType

ROOT = Path(__file__).resolve().parent.parent


def _cli_docs() -> ModuleType:
    spec = importlib.util.spec_from_file_location("cli_docs", ROOT / "scripts" / "cli_docs.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_command_reference_matches_the_real_help() -> None:
    assert (ROOT / "docs" / "cli.md").read_text(encoding="utf-8") == _cli_docs().render(), "run `make docs`"


def test_every_command_has_a_one_line_explanation() -> None:
    text = (ROOT / "docs" / "cli.md").read_text(encoding="utf-8")
    headings = re.findall(r"^#+ `(upward[^`]*)`", text, flags=re.M)
    assert "upward evidence search" in headings and "upward restore" in headings
    for block in text.split("```")[1::2]:
        usage, _, rest = block.strip().partition("\n\n")
        assert usage.startswith("Usage: upward")
        assert rest.strip() and not rest.strip().startswith("Options"), f"no explanation for: {usage}"


def test_the_readme_gives_the_two_commands_and_where_data_lives() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert "make run" in readme and "make test" in readme
    assert "UPWARD_HOME" in readme and "UPWARD_DATABASE_URL" in readme


def test_every_doc_link_in_the_readme_points_at_a_file() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for target in re.findall(r"\]\(((?:docs/|CHANGELOG)[^)#]*)\)", readme):
        assert (ROOT / target).exists(), target
