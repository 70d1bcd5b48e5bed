"""`upward export`: the person's record as JSON, CSV and Markdown."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

from conftest import Cli


@pytest.fixture
def logged(cli: Cli) -> Cli:
    init = "init --no-input --name Sam --role Analyst --current-level P2 --target-level P3 --team data"
    assert cli(*init.split(), "--manager", "Ana", "--skip-level", "Bo").exit_code == 0
    assert cli("log", "Built the churn dashboard", "--teams", "data,sales", "--metric", "churn: 5% -> 3%",
               "--date", "2026-10-02", "--minutes", "240").exit_code == 0  # fmt: skip
    assert cli("ask", "Sales asked for a *quick* pull", "--from", "Lee", "--date", "2026-11-03").exit_code == 0
    return cli


def test_json_export_holds_profile_people_and_evidence(logged: Cli) -> None:
    data = json.loads(logged("export", "--format", "json").output)
    assert data["profile"]["name"] == "Sam"
    assert {p["name"] for p in data["people"]} == {"Ana", "Bo"}
    assert [e["title"] for e in data["evidence"]] == ["Built the churn dashboard", "Sales asked for a *quick* pull"]
    assert data["evidence"][0]["metrics"] == [{"name": "churn", "before": "5%", "after": "3%"}]


def test_csv_export_has_a_header_and_a_row_per_item(logged: Cli) -> None:
    rows = list(csv.DictReader(io.StringIO(logged("export", "--format", "csv").output)))
    assert [r["title"] for r in rows] == ["Built the churn dashboard", "Sales asked for a *quick* pull"]
    assert (rows[0]["teams"], rows[0]["metrics"], rows[0]["minutes"]) == ("data, sales", "churn: 5% -> 3%", "240")
    assert rows[1]["requester"] == "Lee" and rows[1]["kind"] == "request"


def test_markdown_export_groups_by_month_and_escapes(logged: Cli, tmp_path: Path) -> None:
    out = tmp_path / "record.md"
    result = logged("export", "--format", "md", "--output", str(out))
    assert result.exit_code == 0 and "Exported 2 items" in result.output
    text = out.read_text()
    assert text.index("## October 2026") < text.index("## November 2026")
    assert "Sales asked for a \\*quick\\* pull (asked by Lee)" in text
    assert "churn: 5% -> 3%" in text
    assert not (tmp_path / "record.md.partial").exists()


def test_an_empty_record_says_how_to_start(cli: Cli) -> None:
    assert "upward log" in cli("export", "--format", "md").output


def test_an_unknown_format_is_refused(cli: Cli) -> None:
    result = cli("export", "--format", "pdf")
    assert result.exit_code == 2
    assert "'pdf' is not one of" in result.stderr
