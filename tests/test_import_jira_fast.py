"""The Jira importer's quick paths read what the general ones read: cells by position, usual dates, the team index."""

from __future__ import annotations

import csv
from collections import Counter
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest
import sqlalchemy as sa
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from upward.importers import ImportRequest, get_importer
from upward.importers._jira_cells import CELLS, LISTS, SINGLES, Cells, Issue
from upward.importers._jira_columns import ALIASES
from upward.importers._jira_dates import parse_jira_date, read_any_date
from upward.importers._tickets import Header
from upward.model import EvidenceDraft
from upward.model.imports import Ignored
from upward.services import Context
from upward.store import evidence_teams_repo
from upward.store.tables import evidence
from upward.store.tables_evidence_teams import evidence_teams

#: Columns a file may hold, repeated fields and two spellings of one field (`Key`, `Issue key`) among them.
COLUMNS = [
    "Summary", "Issue key", "Key", "Issue id", "Issue Type", "Status", "Priority", "Resolution", "Assignee",
    "Assignee Id", "Reporter", "Reporter Id", "Created", "Updated", "Resolved", "Description", "Labels",
    "Component/s", "Sprint", "Watchers", "Watchers Id", "Comment", "Custom field (Epic Link)",
    "Custom field (Parent Link)", "Parent summary", "Time Spent", "Project key", "Vote count",
]  # fmt: skip
CELL = st.sampled_from(["", " ", "PAY-1", " PAY-2 ", "Ada Lovelace", "a" * 24, "  padded\n", "Done", "x;y;z"])


@settings(max_examples=200, deadline=None)
@given(
    names=st.lists(st.sampled_from(COLUMNS), min_size=1, max_size=14),
    cells=st.lists(CELL, min_size=14, max_size=14),
)
def test_cells_are_read_as_the_header_reads_them(names: list[str], cells: list[str]) -> None:
    """Whatever the columns (missing, repeated, spelled twice), `Cells` gives what `Header` gives, field by field."""
    header = Header.read(Path("jira.csv"), names, ALIASES)
    row = cells[: len(names)]
    issue = Cells(header).read(list(row))
    record = header.record(row)
    assert [getattr(issue, name) for name in SINGLES] == [record[name] for name in SINGLES]
    assert [getattr(issue, name) for name in LISTS] == [header.every(row, name) for name in LISTS]
    assert [issue.watcher_cells, issue.watcher_id_cells] == [header.cells(row, name) for name in CELLS]


def test_every_field_of_an_issue_is_one_jira_has() -> None:
    assert set(SINGLES) | set(LISTS) | set(CELLS) <= set(ALIASES.values())
    assert Issue._fields == (*SINGLES, *LISTS, "watcher_cells", "watcher_id_cells")


CLOCKS = ["9:26 AM", "12:00 PM", "12:00 AM", "0:05", "23:59", "24:00", "9:60", "13:00 PM", "9:26 pm", "9:26AM",
          "9:26 AM ", "9h26", "09:26:30", ""]  # fmt: skip


@settings(max_examples=300, deadline=None)
@given(
    day=st.sampled_from(["1", "09", "22", "29", "31", "٢٢", ""]),
    month=st.sampled_from(["Sep", "sep", "Feb", "Okt", "Mrz", "Foo", "Sept", "9"]),
    year=st.sampled_from(["25", "69", "70", "00", "2025", "5"]),
    gap=st.sampled_from([" ", "  ", "T", ", ", ""]),
    clock=st.sampled_from(CLOCKS),
)
def test_a_usual_date_read_in_parts_is_the_moment_the_general_reading_finds(
    day: str, month: str, year: str, gap: str, clock: str
) -> None:
    text = f"{day}/{month}/{year}{gap}{clock}"
    assert parse_jira_date.__wrapped__(text) == read_any_date(text)


def test_days_and_clocks_are_combined_right_however_often_they_repeat() -> None:
    texts = [f"{day:02d}/Sep/25 {hour}:{minute:02d} {half}" for day in (1, 2) for half in ("AM", "PM")
             for hour in (12, 1, 11) for minute in (0, 59)]  # fmt: skip
    for text in texts + texts[::-1]:
        assert parse_jira_date(text) == read_any_date(text)
    assert parse_jira_date("02/Sep/25 12:00 AM") == datetime(2025, 9, 2, 0, 0)
    assert parse_jira_date("02/Sep/25 12:59 PM") == datetime(2025, 9, 2, 12, 59)
    assert parse_jira_date("31/Sep/25 9:00 AM") is None


def write(tmp_path: Path, rows: list[list[str]]) -> Path:
    path = tmp_path / "jira.csv"
    with path.open("w", encoding="utf-8", newline="") as stream:
        csv.writer(stream).writerows(rows)
    return path


def read(path: Path) -> tuple[list[EvidenceDraft], Counter[str]]:
    drafts: list[EvidenceDraft] = []
    ignored = Counter[str]()
    for record in get_importer("jira").read(ImportRequest(paths=(path,))):
        if isinstance(record, Ignored):
            ignored[record.reason] += 1
        else:
            drafts.append(record)
    return drafts, ignored


def test_blank_lines_and_blank_rows_are_set_aside_between_issues(tmp_path: Path) -> None:
    path = tmp_path / "jira.csv"
    path.write_text(
        "Summary,Issue key,Created\r\nFirst,PAY-1,01/Sep/25 9:00 AM\r\n\r\n , ,\r\nSecond,PAY-2,02/Sep/25 9:00 AM\r\n",
        encoding="utf-8",
    )
    drafts, ignored = read(path)
    assert [d.source_id for d in drafts] == ["PAY-1", "PAY-2"]
    assert ignored == Counter({"empty rows": 2})


def test_commenters_are_named_from_the_ids_the_row_gives(tmp_path: Path) -> None:
    ada, grace, stranger = "a" * 24, "b" * 24, "c" * 24
    header = ["Summary", "Issue key", "Created", "Reporter", "Reporter Id", "Watchers", "Watchers", "Watchers Id",
              "Watchers Id", "Comment", "Comment", "Comment", "Comment"]  # fmt: skip
    comments = [f"01/Sep/25 9:00 AM;{ada};Looks good", f"01/Sep/25 9:05 AM;{stranger};Who am I",
                "01/Sep/25 9:10 AM;Linus Torvalds;Named, not an id", "not a date;Margaret Hamilton;no"]  # fmt: skip
    row = ["Ship it", "PAY-1", "01/Sep/25 9:00 AM", "Grace Hopper", grace, "Ada Lovelace", "", ada, "", *comments]
    without_ids = [[name for name in header if name != "Watchers Id"], [*row[:7], *comments]]
    drafts, _ = read(write(tmp_path, [header, row]))
    assert drafts[0].people == ("Grace Hopper", "Ada Lovelace", "Linus Torvalds")
    drafts, _ = read(write(tmp_path, without_ids))
    assert drafts[0].people == ("Grace Hopper", "Ada Lovelace", "Linus Torvalds")


ODD_TEAMS: list[list[Any]] = [["Web", "web", "Web"], ["ops team", 7, ["nested"], "ops team"], [], ["5", 5.0], ["x"]]


def test_added_indexes_new_items_by_their_distinct_string_teams(ctx: Context, monkeypatch: pytest.MonkeyPatch) -> None:
    """In statements of any size (here two items each), a team an item names twice is one row."""
    monkeypatch.setattr(evidence_teams_repo, "_IDS_PER_STATEMENT", 2)
    now = datetime(2026, 11, 2, 12)
    with ctx.transaction() as conn:
        rows = [{"owner_id": ctx.owner_id, "occurred_at": now, "title": f"Item {n}", "body": "", "kind": "delivery",
                 "source": "log", "teams": teams, "people": [], "metrics": [], "tags": [], "created_at": now,
                 "updated_at": now} for n, teams in enumerate(ODD_TEAMS)]  # fmt: skip
        ids = list(conn.execute(sa.insert(evidence).returning(evidence.c.id), rows).scalars())
        evidence_teams_repo.added(conn, ids[::-1])
        stored = conn.execute(sa.select(evidence_teams.c.evidence_id, evidence_teams.c.team)).all()
    by_number = dict(zip(ids, range(len(ids)), strict=True))
    assert sorted((by_number[item], team) for item, team in stored) == [
        (0, "Web"), (0, "web"), (1, "ops team"), (3, "5"), (4, "x")
    ]  # fmt: skip


@settings(max_examples=10, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(blank=st.sampled_from(["", " ", "\t"]))
def test_a_file_without_the_columns_upward_reads_beyond_the_needed_ones(tmp_path: Path, blank: str) -> None:
    path = write(
        tmp_path, [["Summary", "Issue key", "Created"], ["Fix it", f"{blank}PAY-9{blank}", "01/Sep/25 9:00 AM"]]
    )
    drafts, ignored = read(path)
    assert not ignored
    assert drafts[0].source_id == "PAY-9" and drafts[0].people == () and drafts[0].teams == ()
    assert drafts[0].tags == ("unfinished",) and drafts[0].body == "PAY-9"
