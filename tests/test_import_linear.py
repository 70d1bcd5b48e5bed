"""The Linear importer: the real 2023 export, the current 34-column shape, and every bad file."""

from __future__ import annotations

import csv
import time
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings

from conftest import REAL_DATA, Cli
from importing import import_is_all_or_nothing, mutated, row_counts
from upward.importers import _jira_dates, linear
from upward.model import Evidence, EvidenceFilter, Kind
from upward.model.imports import ImportProblem
from upward.services import Context
from upward.services import evidence as evidence_service
from upward.services.imports import run_import

REAL = REAL_DATA / "linear/semperos-shortcut-repl/linear-export.csv"
TESTER = "testingthisproduct101@gmail.com"

#: The header Linear writes today (34 columns; see SOURCE.txt next to the real sample).
CURRENT = [
    "ID", "Team", "Title", "Description", "Status", "Estimate", "Priority", "Project ID", "Project", "Creator",
    "Assignee", "Labels", "Cycle Number", "Cycle Name", "Cycle Start", "Cycle End", "Created", "Updated", "Started",
    "Triaged", "Completed", "Canceled", "Archived", "Due Date", "Parent issue", "Initiatives", "Project Milestone ID",
    "Project Milestone", "SLA Status", "UUID", "Time in status (minutes)", "Related to", "Blocked by", "Duplicate of",
]  # fmt: skip


def issue(**cells: str) -> list[str]:
    """A row of the current shape; every cell not given is empty, as Linear leaves it."""
    values = {
        "ID": "ENG-1", "Team": "Engineering", "Title": "Ship the billing page", "Status": "Done", "Priority": "High",
        "Project": "Billing v2", "Creator": "Maya Patel", "Assignee": "Sam Lee", "Created": "2026-09-01T08:00:00.000Z",
        "Updated": "2026-09-03T16:00:00.000Z", "Completed": "2026-09-03T16:00:00.000Z",
    } | cells  # fmt: skip
    return [values.get(name, "") for name in CURRENT]


def write(tmp_path: Path, rows: list[list[str]], header: list[str] = CURRENT, name: str = "linear.csv") -> Path:
    path = tmp_path / name
    with path.open("w", encoding="utf-8", newline="") as stream:
        csv.writer(stream, quoting=csv.QUOTE_ALL).writerows([header, *rows])
    return path


def items(ctx: Context) -> dict[str, Evidence]:
    return {e.source_id or "": e for e in evidence_service.listing(ctx, EvidenceFilter(per_page=500)).items}


@pytest.fixture(autouse=True)
def paris_time(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Linear writes moments with an offset; Upward keeps them as the person's wall clock (here, Paris)."""
    monkeypatch.setenv("TZ", "Europe/Paris")
    time.tzset()
    linear.parse_linear_date.cache_clear()
    _jira_dates.parse_jira_date.cache_clear()
    yield
    monkeypatch.undo()
    time.tzset()
    linear.parse_linear_date.cache_clear()
    _jira_dates.parse_jira_date.cache_clear()


def test_the_real_2023_export_becomes_evidence(ctx: Context) -> None:
    run = run_import(ctx, "linear", [REAL], {"workspace": "https://linear.app/claw/"})
    assert (run.summary.added, dict(run.summary.ignored)) == (
        7, {"canceled in Linear": 2, "archived before it was finished": 1}
    )  # fmt: skip
    stored = items(ctx)
    assert sorted(stored) == ["CLA-1", "CLA-3", "CLA-4", "CLA-5", "CLA-6", "CLA-7", "CLA-9"]
    bug = stored["CLA-6"]
    assert (bug.title, bug.kind, bug.project, bug.teams, bug.tags) == (
        "Day Three", Kind.INCIDENT, "Claw Alpha", ("claw",), ("bug", "urgent", "unfinished")
    )  # fmt: skip
    assert bug.occurred_at == datetime(2023, 2, 11, 2, 44, 50)  # updated 01:44:50 GMT, in Paris
    assert bug.body == "CLA-6 · Todo · Urgent priority · cycle Cycle 2\n\nThe happenings of Day Three"
    assert (bug.requester, bug.url) == (None, "https://linear.app/claw/issue/CLA-6")  # created by its assignee
    done = stored["CLA-9"]
    assert (done.occurred_at, done.tags, done.kind) == (datetime(2023, 2, 11, 2, 52, 26), ("beta",), Kind.DELIVERY)
    assert (done.requester, done.people) == (TESTER, (TESTER,))  # unassigned: whoever created it asked for it
    assert stored["CLA-1"].body == "CLA-1 · In Progress · High priority · estimate 5 · cycle Cycle 1"


def test_only_your_issues_with_me(ctx: Context) -> None:
    run = run_import(ctx, "linear", [REAL], {"me": ["testingthisproduct101"]})  # the email's name part is enough
    assert (run.summary.added, dict(run.summary.ignored)) == (3, {"not assigned to anyone": 7})
    assert sorted(items(ctx)) == ["CLA-1", "CLA-6", "CLA-7"]
    assert all(item.requester is None and item.people == () for item in items(ctx).values())


def test_the_current_34_column_export(ctx: Context, tmp_path: Path) -> None:
    path = write(tmp_path, [
        issue(**{"Description": 'Line one\nline two, with "quotes" ✓', "Labels": "Feature, Type/Bug",
                 "Estimate": "3", "Cycle Name": "Sprint 11", "Initiatives": "Quality", "Project Milestone": "Beta",
                 "Time in status (minutes)": "60", "Related to": "ENG-2", "UUID": "u1", "SLA Status": "Breached"}),
        issue(**{"ID": "ENG-2", "Title": "'=HYPERLINK(\"https://example.com\")", "Labels": "Docs",
                 "Archived": "2026-12-01T10:00:00.000Z", "Creator": "Sam Lee"}),
        issue(**{"ID": "ENG-3", "Title": "Same as ENG-1", "Status": "Duplicate", "Duplicate of": "ENG-1",
                 "Completed": ""}),
        issue(**{"ID": "ENG-4", "Title": "Not for now", "Status": "Backlog", "Archived": "2026-10-01T10:00:00.000Z",
                 "Completed": ""}),
        issue(**{"ID": "ENG-5", "Title": "Someone else's", "Assignee": "Maya Patel"}),
        issue(**{"ID": "ENG-6", "Title": "Review the design", "Status": "In Review", "Completed": "",
                 "Labels": "Design", "Priority": "Urgent", "Updated": "Wed Jul 01 2026 11:51:28 GMT+0000 (GMT+00:00)"}),
    ])  # fmt: skip
    run = run_import(ctx, "linear", [path], {"me": ["Sam Lee"], "workspace": "acme"})
    assert dict(run.summary.ignored) == {"marked as a duplicate": 1, "archived before it was finished": 1,
                                         "assigned to someone else": 1}  # fmt: skip
    stored = items(ctx)
    billing = stored["ENG-1"]
    assert (billing.kind, billing.occurred_at, billing.requester, billing.teams, billing.project) == (
        Kind.INCIDENT, datetime(2026, 9, 3, 18, 0), "Maya Patel", ("engineering",), "Billing v2"
    )  # fmt: skip
    assert billing.tags == ("feature", "type/bug")
    assert billing.body == ("ENG-1 · Done · High priority · estimate 3 · cycle Sprint 11 · milestone Beta · "
                            'initiatives Quality\n\nLine one\nline two, with "quotes" ✓')  # fmt: skip
    archived_done = stored["ENG-2"]  # Linear archives finished issues by itself: still your work
    assert (archived_done.title, archived_done.kind, archived_done.requester) == (
        '=HYPERLINK("https://example.com")', Kind.DOCUMENTATION, None
    )  # fmt: skip
    review = stored["ENG-6"]
    assert (review.kind, review.tags, review.occurred_at) == (
        Kind.DESIGN, ("design", "urgent", "unfinished"), datetime(2026, 7, 1, 13, 51, 28)
    )  # fmt: skip
    assert review.url == "https://linear.app/acme/issue/ENG-6"


def test_importing_again_adds_nothing_and_a_newer_export_adds_only_what_is_new(ctx: Context, tmp_path: Path) -> None:
    older = [issue(**{"Status": "In Progress", "Completed": ""}), issue(ID="ENG-2", Title="Write the docs")]
    first = run_import(ctx, "linear", [write(tmp_path, older, name="older.csv")])
    assert first.summary.added == 2
    again = run_import(ctx, "linear", [write(tmp_path, older, name="older.csv")])
    assert (again.summary.added, again.summary.updated, again.summary.unchanged) == (0, 0, 2)
    newer = [issue(), issue(ID="ENG-2", Title="Write the docs"), issue(ID="ENG-3", Title="Announce it")]
    third = run_import(ctx, "linear", [write(tmp_path, newer, name="newer.csv")])
    assert (third.summary.added, third.summary.updated, third.summary.unchanged) == (1, 1, 1)
    assert items(ctx)["ENG-1"].tags == ()  # finished now: no longer "unfinished"


#: A damaged or foreign file, and what the person is told about it.
BAD_FILES = [
    ("", "the file is empty"),
    ("Summary,Issue key,Created\nShip,PAY-1,01/Sep/25 9:00 AM\n",
     "line 1: this does not look like a Linear export: it needs the columns 'ID'; 'Title'. Columns Upward did not "
     "recognise: 'Summary', 'Issue key'"),
    ('"ID","Title","Created"\n"ENG-1","Broken,"Mon Feb 06 2023 05:00:00 GMT+0000 (GMT)"\n',
     "line 2: this is not readable CSV"),
    ('"ID","Title","Created"\n"ENG-1","Ship","Mon Feb 30 2023 05:00:00 GMT+0000 (GMT)"\n',
     "line 2, field 'Created': 'Mon Feb 30 2023 05:00:00 GMT+0000 (GMT)' is not a date Upward can read"),
    ('"ID","Title","Created"\n"ENG-1","Ship","last week"\n', "line 2, field 'Created': 'last week' is not a date"),
    ('"ID","Title","Created"\n"ENG-1","","2026-09-01"\n', "line 2, field 'Title': is empty"),
    ('"ID","Title","Created"\n"","Ship","2026-09-01"\n', "line 2, field 'ID': has no issue ID"),
    ('"ID","Title","Created"\n"ENG-1","Ship"\n', "line 2: this row has 2 cells where the header has 3"),
    ('"ID","Title","Updated"\n"ENG-1","Ship",""\n', "line 2, field 'Created': has no date"),
]  # fmt: skip


def test_a_bad_file_is_named_explained_and_nothing_is_written(ctx: Context, tmp_path: Path) -> None:
    for number, (content, message) in enumerate(BAD_FILES):
        path = tmp_path / f"linear-{number}.csv"
        path.write_text(content, encoding="utf-8")
        with pytest.raises(ImportProblem) as caught:
            run_import(ctx, "linear", [path])
        assert str(caught.value).startswith(str(path)), content
        assert message in str(caught.value), content
    assert row_counts(ctx) == (0, 0)


def test_a_wrong_option_is_refused(ctx: Context, tmp_path: Path) -> None:
    with pytest.raises(ImportProblem, match="field 'workspace': 'my workspace' is not a Linear workspace"):
        run_import(ctx, "linear", [REAL], {"workspace": "my workspace"})
    no_assignee = write(tmp_path, [["ENG-1", "Ship", "2026-09-01"]], ["ID", "Title", "Created"])
    with pytest.raises(ImportProblem, match="line 1, field 'Assignee': this export has no 'Assignee' column"):
        run_import(ctx, "linear", [no_assignee], {"me": ["Sam Lee"]})
    assert row_counts(ctx) == (0, 0)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(content=mutated(REAL.read_bytes()))
def test_a_damaged_export_never_half_imports(ctx: Context, tmp_path: Path, content: bytes) -> None:
    import_is_all_or_nothing(ctx, "linear", tmp_path / "damaged.csv", content, {"me": [TESTER]})


def test_the_cli_imports_your_issues(cli: Cli) -> None:
    result = cli("import", "linear", str(REAL), "--me", TESTER, "--workspace", "claw")
    assert result.exit_code == 0, result.output
    assert "Import 1 (linear): 3 added; 0 updated; 0 already there; ignored: 7 not assigned to anyone." in result.output
    assert "Day Three point Five" in cli("evidence", "list").output
