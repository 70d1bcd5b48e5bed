"""The playbook: the framework as data, and a bad playbook file explained by line and field."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from conftest import Cli
from upward.playbook import PlaybookProblem, default_path, load_playbook

SEED_RED_FLAGS = {"only-manager-knows", "same-problems", "no-stretch-project", "no-skip-level-contact", "only-own-team"}


def test_the_shipped_playbook_holds_the_three_moves_and_every_red_flag() -> None:
    playbook = load_playbook()
    assert [move.id for move in playbook.moves] == ["get-visible", "next-level-thinking", "expand-scope"]
    assert [move.months for move in playbook.moves] == [(1, 2), (3, 6), (6, 12)]
    assert SEED_RED_FLAGS | {"expert-trap", "illegible-work"} <= {f.id for f in playbook.findings}
    assert {c.id for c in playbook.project_criteria} == {
        "multiple-teams", "executive-sponsor", "leadership-cares", "two-to-four-months", "stretch"
    }  # fmt: skip
    assert [c.id for c in playbook.request_choices] == ["solve", "teach", "delegate", "systematize", "decline"]
    assert playbook.moves[-1].actions[-1].id == "promotion-conversation"
    assert abs(sum(area.weight for area in playbook.areas) - 1) < 1e-9


def _write(tmp_path: Path, change: object) -> Path:
    data = yaml.safe_load(default_path().read_text())
    change(data)  # type: ignore[operator]
    path = tmp_path / "coach.yaml"
    path.write_text(yaml.safe_dump(data, sort_keys=False))
    return path


def _line_of(path: Path, text: str) -> int:
    """The line where `text` is (the last one, when `text` ends with a newline: a repeated line)."""
    lines = [n for n, line in enumerate(path.read_text().splitlines(), 1) if text.rstrip("\n") in line]
    return lines[-1] if text.endswith("\n") else lines[0]


def test_a_coachs_own_playbook_is_used_when_valid(tmp_path: Path) -> None:
    path = _write(tmp_path, lambda d: d["moves"][0].update(title="Be seen"))
    assert load_playbook(path).moves[0].title == "Be seen"


@pytest.mark.parametrize(
    ("change", "field", "words", "marker"),
    [
        (lambda d: d["moves"][1]["actions"][0].update(month="soon"), "moves[1].actions[0].month",
         "valid integer", "month: soon"),
        (lambda d: d["moves"][0]["actions"][0].update(month=5), "moves[0].actions[0].month",
         "outside this move (1–2)", "month: 5"),
        (lambda d: d["findings"][2].update(next_action="sing-loudly"), "findings[2].next_action",
         "there is no action 'sing-loudly'", "next_action: sing-loudly"),
        (lambda d: d["areas"][0].update(colour="green"), "areas[0].colour", "Extra inputs", "colour: green"),
        (lambda d: d["moves"][0]["actions"][1].update(id="map-decision-makers"), "moves[0].actions[1].id",
         "'map-decision-makers' is used twice", "- id: map-decision-makers\n"),
    ],
)  # fmt: skip
def test_a_bad_playbook_names_the_line_and_field(
    tmp_path: Path, change: object, field: str, words: str, marker: str
) -> None:
    path = _write(tmp_path, change)
    with pytest.raises(PlaybookProblem) as caught:
        load_playbook(path)
    assert caught.value.field == field
    assert words in caught.value.problem
    assert caught.value.line == _line_of(path, marker)
    assert str(caught.value).startswith(f"{path}, line {caught.value.line}, field '{field}': ")


def test_broken_yaml_and_missing_files_are_explained(tmp_path: Path) -> None:
    broken = tmp_path / "broken.yaml"
    broken.write_text("version: 1\nmoves:\n  - id: [unclosed\n")
    with pytest.raises(PlaybookProblem, match=r"broken.yaml, line \d+: is not valid YAML"):
        load_playbook(broken)
    with pytest.raises(PlaybookProblem, match="there is no playbook file here"):
        load_playbook(tmp_path / "missing.yaml")


def test_the_cli_checks_and_shows_a_playbook(cli: Cli, tmp_path: Path) -> None:
    result = cli("playbook", "check")
    assert result.exit_code == 0 and "is a good playbook: 3 moves, 14 actions" in result.output
    bad = _write(tmp_path, lambda d: d["moves"][2]["actions"][0].update(title=""))
    result = cli("playbook", "check", str(bad))
    assert result.exit_code == 2
    line = _line_of(bad, "title: ''")
    assert f"{bad}, line {line}, field 'moves[2].actions[0].title'" in result.stderr
    shown = cli("--playbook", str(_write(tmp_path, lambda d: d.update(name="Coach Kim's path"))), "playbook", "show")
    assert shown.exit_code == 0 and "Coach Kim's path" in shown.output
