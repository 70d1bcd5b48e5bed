"""`upward update`, `upward case` and `upward conversation` from the command line; marking an update sent."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from conftest import Cli
from documents_personas import moving, pdf_text, sparse
from upward.model import EvidenceFilter, UpwardError
from upward.services import Context
from upward.services import evidence as evidence_service
from upward.services.diagnosis import run_diagnosis
from upward.services.plan_week import this_week
from upward.services.update import mark_sent, monthly_update


def skip_level_finding(ctx: Context) -> str:
    diagnosis = run_diagnosis(ctx, keep=False)
    return next(f.summary for f in diagnosis.findings if f.id == "no-skip-level-contact")


def test_marking_the_update_sent_records_a_touchpoint_with_the_skip_level(ctx: Context) -> None:
    moving(ctx)
    assert "0 days ago" not in skip_level_finding(ctx)
    month = f"{date.today():%Y-%m}"
    done = mark_sent(ctx, month)
    assert done.sent_on == date.today() and done.next_due.replace(day=1) > date.today().replace(day=1)
    items = evidence_service.listing(ctx, EvidenceFilter(source="upward")).items
    assert len(items) == 1 and items[0].people == ("Rachel Alvarez",)
    assert set(items[0].tags) == {"touchpoint", "skip-level-update"}
    assert "Your last conversation with Rachel Alvarez was 0 days ago" in skip_level_finding(ctx)
    with pytest.raises(UpwardError, match="already marked sent"):
        mark_sent(ctx, month)
    assert monthly_update(ctx, month).sent_on == date.today()


def test_marking_sent_without_a_skip_level_is_refused(ctx: Context) -> None:
    with pytest.raises(UpwardError, match="Name your skip-level manager first"):
        mark_sent(ctx)
    assert evidence_service.listing(ctx, EvidenceFilter()).total == 0


def test_update_command_prints_markdown_and_marks_sent(cli: Cli, ctx: Context) -> None:
    moving(ctx)
    result = cli("update")
    assert result.exit_code == 0, result.output
    assert result.output.startswith(f"# Monthly update — {date.today():%B %Y}") and "Buyers gave up" in result.output
    sent = cli("update", "--sent")
    assert sent.exit_code == 0 and "sent to Rachel Alvarez" in sent.output
    assert cli("update", "--sent").exit_code == 2


def test_a_bad_month_is_explained(cli: Cli) -> None:
    result = cli("update", "--month", "2026-13")
    assert result.exit_code == 2 and "month: '2026-13' is not a month; write it as YYYY-MM" in result.output


@pytest.mark.parametrize("command", ["update", "case", "conversation"])
def test_each_command_writes_html_and_pdf_files(cli: Cli, ctx: Context, tmp_path: Path, command: str) -> None:
    sparse(ctx)
    html, pdf = tmp_path / f"{command}.html", tmp_path / f"{command}.pdf"
    assert cli(command, "--format", "html", "--output", str(html)).exit_code == 0
    assert html.read_text().startswith("<!doctype html>") and "What is missing" in html.read_text()
    result = cli(command, "--format", "pdf", "-o", str(pdf))
    assert result.exit_code == 0 and "Wrote" in result.output
    assert "What is missing" in pdf_text(pdf.read_bytes())


def test_a_pdf_needs_an_output_file(cli: Cli) -> None:
    result = cli("case", "--format", "pdf")
    assert result.exit_code == 2 and "A PDF needs a file to go to: add --output FILE.pdf" in result.output


def test_case_with_an_unknown_ladder_is_explained(cli: Cli, ctx: Context) -> None:
    sparse(ctx)
    result = cli("case", "--ladder", "Nope")
    assert result.exit_code == 2 and "There is no ladder called 'Nope'" in result.output


def test_marking_sent_moves_the_monthly_skip_level_cadence_on(ctx: Context) -> None:
    moving(ctx)
    due = [r.cadence for r in this_week(ctx).reminders if r.person == "Rachel Alvarez"]
    assert "skip-level-update" in due
    mark_sent(ctx)
    assert [r for r in this_week(ctx).reminders if r.cadence == "skip-level-update"] == []
