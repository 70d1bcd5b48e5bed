"""Career ladders: the real formats companies publish, Upward's own, bad files, and mapping work to a level."""

from __future__ import annotations

from datetime import date, datetime, time
from pathlib import Path

import pytest

from conftest import REAL_DATA, Cli
from upward.ladders import read_ladder
from upward.ladders.matching import Candidate, suggest
from upward.model import EvidenceDraft, InputError, Kind
from upward.model.errors import FileProblem
from upward.services import Context
from upward.services import evidence as evidence_service
from upward.services import ladders as ladders_service
from upward.store import documents_repo

LADDERS = REAL_DATA / "ladders"
FT = LADDERS / "ft-engineering-progression"
SNOWFLAKE = LADDERS / "medium-snowflake" / "snowflake_tracks.json"
DEVELOPER = LADDERS / "jorgef-engineeringladders" / "Developer.md"

OWN = """\
upward-ladder: 1
name: Acme engineering
levels:
  - id: senior
    name: Senior Engineer
    expectations:
      - area: Delivery
        text: Ships features for the team's product reliably.
  - id: staff
    name: Staff Engineer
    expectations:
      - area: Scope
        text: Leads work that touches several teams and improves reliability for all of them.
      - area: Leverage
        text: Builds frameworks and runbooks other teams adopt, and mentors engineers across teams.
"""


def write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_the_financial_times_yaml_gives_each_level_its_competencies_by_theme() -> None:
    ladder = read_ladder(FT / "engineering.yml")
    assert ladder.name == "Engineering" and ladder.format == "ft"
    assert [lv.id for lv in ladder.levels][:3] == ["junior", "engineer", "senior-1"]
    senior = ladder.level("Senior Engineer 1")
    assert senior is not None and len(senior.expectations) == 9
    assert "Communication" in {e.area for e in senior.expectations}
    assert ladder.after(senior) == ladder.level("senior-2-ic")
    legacy = read_ladder(FT / "engineering-v1.yml")
    assert [lv.id for lv in legacy.levels] == ["junior", "engineer", "senior-1", "senior-2"]
    assert all(e.text for lv in legacy.levels for e in lv.expectations)


def test_snowflake_tracks_become_five_milestones_across_every_track() -> None:
    ladder = read_ladder(SNOWFLAKE)
    assert ladder.format == "snowflake" and ladder.levels[0].name == "Milestone 1"
    assert len(ladder.levels) == 5 and all(len(lv.expectations) == 16 for lv in ladder.levels)
    mobile = next(e for e in ladder.levels[0].expectations if e.area == "Mobile")
    assert mobile.text.startswith("Works effectively within established iOS or Android architectures")
    assert "Reuses existing components appropriately." in mobile.text


def test_a_markdown_ladder_reads_levels_and_their_bolded_areas() -> None:
    ladder = read_ladder(DEVELOPER)
    assert ladder.name == "Developer" and [lv.id for lv in ladder.levels] == [f"d{n}" for n in range(1, 8)]
    d3 = ladder.level("d3")
    assert d3 is not None and d3.name == "D3 - Developer 3"
    assert [e.area for e in d3.expectations] == ["Specializes", "Designs", "Supports", "Challenges", "Team"]


def test_a_markdown_table_of_levels_by_areas(tmp_path: Path) -> None:
    text = (
        "# Ladder\n\n| Level | Scope | Craft |\n|---|---|---|\n| L4 | One team | Solid code |\n| L5 | Many teams | |\n"
    )
    ladder = read_ladder(write(tmp_path, "ladder.md", text))
    assert [(lv.id, [e.area for e in lv.expectations]) for lv in ladder.levels] == [
        ("l4", ["Scope", "Craft"]),
        ("l5", ["Scope"]),
    ]


def test_upward_own_format(tmp_path: Path) -> None:
    ladder = read_ladder(write(tmp_path, "acme.yaml", OWN), name="Acme 2026")
    assert ladder.name == "Acme 2026" and ladder.format == "upward"
    staff = ladder.level("staff")
    assert staff is not None and [e.id for e in staff.expectations] == ["staff/0", "staff/1"]


@pytest.mark.parametrize(
    ("name", "text", "where"),
    [
        ("acme.yaml", OWN.replace("        text: Leads work", "        txt: Leads work"),
         "line 12, field 'levels[1].expectations[0].text'"),
        ("acme.yaml", OWN.replace("upward-ladder: 1", "upward-ladder: 2"), "line 1, field 'upward-ladder'"),
        ("acme.yaml", "name: [unclosed\n", "line 2"),
        ("ft.yml", "name: X\nlevels:\n  - id: a\n    name: A\nthemes:\n  - id: t\n    name: T\ncompetencies:\n"
         "  - level: b\n    theme: t\n    summary: S\n", "line 9, field 'competencies[0].level'"),
        ("tracks.json", '{"tracks": {"MOBILE": {"milestones": [{"summary": ""}]}}}',
         "line 1, field 'tracks.MOBILE.milestones[0].summary'"),
        ("tracks.json", '{"tracks": \n{', "line 2"),
        ("ladder.md", "# Nothing\n\nJust words.\n", "line 1"),
        ("ladder.md", "| Level | Scope |\n|---|---|\n| L4 | a | b |\n", "line 3"),
        ("ladder.txt", "levels", "use a .yml"),
    ],
)  # fmt: skip
def test_a_bad_file_names_file_line_and_field(tmp_path: Path, name: str, text: str, where: str) -> None:
    with pytest.raises(FileProblem) as raised:
        read_ladder(write(tmp_path, name, text))
    assert str(raised.value).startswith(name) and where in str(raised.value)


def test_a_bad_file_writes_nothing_and_exits_non_zero(cli: Cli, ctx: Context, tmp_path: Path) -> None:
    bad = write(tmp_path, "acme.yaml", OWN.replace("    name: Staff Engineer\n", ""))
    result = cli("ladder", "import", str(bad))
    assert result.exit_code == 2 and "acme.yaml, line 9, field 'levels[1].name'" in result.output
    assert ladders_service.list_ladders(ctx) == []


def test_import_list_and_replace_keep_confirmations(cli: Cli, ctx: Context, tmp_path: Path) -> None:
    result = cli("ladder", "import", str(DEVELOPER))
    assert result.exit_code == 0 and "Imported 'Developer' with 7 levels" in result.output
    assert cli("ladder", "import", str(SNOWFLAKE)).exit_code == 0
    listing = cli("ladder", "list")
    assert "Developer" in listing.output and "Snowflake tracks" in listing.output
    item = evidence_service.log(
        ctx, EvidenceDraft("Mentored two engineers on the payments team", _when(), Kind.MENTORING)
    )
    assert cli("ladder", "confirm", "d4/2", f"evidence:{item.id}", "--ladder", "developer").exit_code == 0
    again = cli("ladder", "import", str(DEVELOPER))
    assert "Replaced 'Developer'" in again.output
    ladder_id, _ = ladders_service.get_ladder(ctx, "Developer")
    with ctx.transaction() as conn:
        assert documents_repo.mappings(conn, ctx.owner_id, ladder_id) == [("d4/2", f"evidence:{item.id}")]
    assert [row["name"] for row in ladders_service.list_ladders(ctx)].count("Developer") == 1


def _when() -> datetime:
    return datetime.combine(date.today(), time(10))


def test_suggestions_find_the_work_that_shares_meaning_with_an_expectation(tmp_path: Path) -> None:
    ladder = read_ladder(write(tmp_path, "acme.yaml", OWN))
    staff = ladder.level("staff")
    assert staff is not None
    pool = [
        Candidate("evidence:1", "retry framework", "Built a retry framework adopted by three teams, with a runbook"),
        Candidate("evidence:2", "lunch", "Ordered lunch for the offsite"),
        Candidate("story:5", "reliability", "Led reliability work across several teams after the outage"),
    ]
    found = suggest(staff.expectations, pool)
    assert {(s.expectation, s.item) for s in found} >= {("staff/1", "evidence:1"), ("staff/0", "story:5")}
    assert all(s.item != "evidence:2" for s in found)


def test_coverage_shows_confirmed_suggested_and_gaps(cli: Cli, ctx: Context, tmp_path: Path) -> None:
    ladders_service.import_ladder(ctx, write(tmp_path, "acme.yaml", OWN))
    framework = evidence_service.log(
        ctx, EvidenceDraft("Built a retry framework other teams adopted, with a runbook", _when(), Kind.FRAMEWORK)
    )
    coverage = ladders_service.coverage(ctx, "Acme engineering", "staff")
    statuses = {row.id: row.status for row in coverage.rows}
    assert statuses["staff/1"] == "suggested" and coverage.shown == 0
    result = cli("ladder", "show", "--level", "staff")
    assert result.exit_code == 0 and f"ladder confirm staff/1 evidence:{framework.id}" in result.output
    assert cli("ladder", "confirm", "staff/1", f"evidence:{framework.id}").exit_code == 0
    coverage = ladders_service.coverage(ctx, None, "staff")
    assert coverage.shown == 1 and [r.id for r in coverage.gaps] == ["staff/0"]
    assert cli("ladder", "unconfirm", "staff/1", f"evidence:{framework.id}").exit_code == 0
    assert ladders_service.coverage(ctx, None, "staff").shown == 0


def test_confirming_something_that_does_not_exist_is_refused(ctx: Context, tmp_path: Path) -> None:
    ladders_service.import_ladder(ctx, write(tmp_path, "acme.yaml", OWN))
    with pytest.raises(InputError, match="expectation"):
        ladders_service.confirm(ctx, None, "staff/9", "evidence:1")
    with pytest.raises(InputError, match="not a story or a piece of your own work"):
        ladders_service.confirm(ctx, None, "staff/0", "evidence:999")
    with pytest.raises(InputError, match="level"):
        ladders_service.coverage(ctx, None, "principal")
