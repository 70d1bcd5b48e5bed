"""`upward ask` and `upward triage` as a person types them, checked against what is stored."""

from __future__ import annotations

import json
from datetime import date

import sqlalchemy as sa

from conftest import Cli
from triage_cases import person_and_people
from upward.services import Context
from upward.services import triage as triage_service
from upward.store.tables_triage import triage_decisions


def stored(ctx: Context) -> list[tuple[int, str, str]]:
    with ctx.transaction() as conn:
        rows = conn.execute(sa.select(triage_decisions)).mappings()
        return [(r["evidence_id"], r["choice"], r["note"]) for r in rows]


def test_ask_prints_the_recommendation_and_its_reason(cli: Cli, ctx: Context) -> None:
    person_and_people(ctx)
    result = cli("ask", "How do I rotate the API keys for billing?", "--from", "Jo Park", "--minutes", "30")
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert lines[0].startswith("Logged request #1: How do I rotate the API keys for billing? (request, from Jo Park")
    assert lines[1] == "  Suggested: teach — Teach them to solve it"
    assert lines[2].startswith("  Why: Nothing like it came up before, it asks how to do something Jo Park could learn")


def test_triage_lists_open_requests_shows_a_reply_and_records_the_choice(cli: Cli, ctx: Context) -> None:
    person_and_people(ctx)
    for title, who in [("Fix the flaky deploy pipeline", "Alice Chen"), ("Deploy pipeline flaky again", "Bob Stone"),
                       ("The flaky deploy pipeline failed again", "Carol Diaz")]:  # fmt: skip
        assert cli("ask", title, "--from", who, "--minutes", "40").exit_code == 0
    listed = cli("triage")
    assert listed.exit_code == 0, listed.output
    assert listed.output.index("#3 The flaky deploy pipeline failed again") < listed.output.index("#1 Fix the flaky")
    assert "Suggested: systematize — Build something so nobody needs to ask" in listed.output
    assert "It is the 3rd request like this since" in listed.output
    assert "other people's requests took 2 h of your 6 h budget (33%) — not decided yet 2 h (3)" in listed.output

    shown = cli("triage", "3")
    assert shown.exit_code == 0, shown.output
    assert "Hi Carol, thanks for raising “The flaky deploy pipeline failed again”." in shown.output
    assert "the choice is yours" in shown.output

    decided = cli("triage", "3", "--decide", "teach", "--note", "Pair with Carol on Friday")
    assert decided.exit_code == 0, decided.output
    assert decided.output.strip() == "Recorded for #3: teach; Upward suggested systematize."
    assert stored(ctx) == [(3, "teach", "Pair with Carol on Friday")]
    assert "#3 " not in cli("triage").output  # decided: no longer waiting

    changed = cli("triage", "3", "--decide", "systematize")
    assert changed.exit_code == 0 and stored(ctx) == [(3, "systematize", "")]
    again = cli("triage", "--all")
    assert "You decided: systematize" in again.output
    assert "systematize 40 min (1)" in again.output


def test_bad_input_names_the_problem_exits_non_zero_and_writes_nothing(cli: Cli, ctx: Context) -> None:
    person_and_people(ctx)
    assert cli("ask", "Check the alert thresholds", "--from", "Alice Chen").exit_code == 0
    unknown = cli("triage", "1", "--decide", "ignore")
    assert unknown.exit_code == 2
    assert "'ignore' is not a choice; use one of: solve, teach, delegate, systematize, decline" in unknown.output
    assert cli("triage", "--decide", "teach").exit_code == 2
    alone = cli("triage", "1", "--note", "later")
    assert alone.exit_code == 2 and "add --decide" in alone.output
    assert cli("triage", "42", "--decide", "solve").exit_code == 2
    assert cli("log", "Shipped the cache").exit_code == 0
    not_request = cli("triage", "2", "--decide", "solve")
    assert not_request.exit_code == 2 and "not a request" in not_request.output
    assert cli("triage", "--budget", "-5").exit_code == 2
    assert stored(ctx) == []
    assert triage_service.budget_minutes(ctx) == 360


def test_budget_and_json(cli: Cli, ctx: Context) -> None:
    person_and_people(ctx)
    assert cli("triage", "--budget", "90").output.strip() == (
        "Your weekly budget for other people's requests is now 90 minutes."
    )
    assert cli("ask", "Tidy up the old team wiki pages", "--from", "Jo Park", "--minutes", "100").exit_code == 0
    document = json.loads(cli("triage", "--json").output)
    (request,) = document["requests"]
    assert request["recommendation"] == "decline"
    assert "over your 1 h 30 min budget" in request["reason"]
    assert request["facts"]["weekly_budget_minutes"] == 90
    assert document["week"]["used_minutes"] == 100
    one = json.loads(cli("triage", "1", "--decide", "delegate", "--json").output)
    assert one["decision"] == {"choice": "delegate", "note": "", "decided_on": date.today().isoformat()}
