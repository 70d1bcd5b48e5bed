"""Triage on realistic requests: each choice, the facts in its reason, the reply, and the person's decision."""

from __future__ import annotations

from datetime import date, datetime

import pytest
import sqlalchemy as sa

from conftest import REAL_DATA
from triage_cases import TODAY, ask, at, person_and_people
from upward.model import EvidenceDraft, InputError, NotFound, PersonDraft, PromotionRole
from upward.services import Context, open_context
from upward.services import evidence as evidence_service
from upward.services import patterns as patterns_service
from upward.services import plan as plan_service
from upward.services import triage as triage_service
from upward.services.imports import run_import
from upward.store import people_repo
from upward.store.tables_triage import triage_decisions


def decisions_stored(ctx: Context) -> list[tuple[int, str, str, date]]:
    with ctx.transaction() as conn:
        rows = conn.execute(sa.select(triage_decisions).order_by(triage_decisions.c.id)).mappings()
        return [(r["evidence_id"], r["choice"], r["note"], r["decided_on"]) for r in rows]


@pytest.fixture
def person(ctx: Context) -> Context:
    person_and_people(ctx)
    return ctx


def test_a_problem_several_people_keep_bringing_is_systematized(person: Context) -> None:
    first = ask(person, "Fix the flaky deploy pipeline", at(3), requester="Alice Chen", minutes=45)
    second = ask(person, "Deploy pipeline flaky again, can you fix it", at(10), requester="Bob Stone", minutes=30)
    third = ask(person, "The flaky deploy pipeline failed again", at(17), requester="Carol Diaz", minutes=40)
    patterns_service.list_patterns(person, today=TODAY)  # the recurring-problem engine groups all three
    triaged = triage_service.triage_one(person, third.id, TODAY)
    assert triaged.recommendation.choice.id == "systematize"
    # Each request is judged as it stood when it came: the first was new, the second had been seen once.
    assert triage_service.triage_one(person, first.id, TODAY).recommendation.choice.id == "solve"
    assert triage_service.triage_one(person, second.id, TODAY).recommendation.choice.id == "teach"
    reason = triaged.recommendation.reason
    assert reason.startswith("It is the 3rd request like this since 3 Nov, from 3 people (Alice Chen, Bob Stone and")
    assert reason.count(".") == 1 and reason.endswith(".")  # one sentence
    assert "Carol Diaz doesn't decide on your promotion" in reason
    assert "40 min of your 6 h budget" in reason  # only this week's request counts: the others were earlier weeks
    assert triaged.reply.startswith("Hi Carol, thanks for raising “The flaky deploy pipeline failed again”.")
    assert "come up 3 times" in triaged.reply


def test_a_decision_makers_cross_team_request_is_solved(person: Context) -> None:
    item = ask(person, "Help scope the data retention migration", at(16), requester="Priya Shah", teams=("data",))
    triaged = triage_service.triage_one(person, item.id, TODAY)
    assert triaged.recommendation.choice.id == "solve"
    reason = triaged.recommendation.reason
    assert reason.startswith("Priya Shah (a peer manager) decides on your promotion, it fits your plan")
    assert "“Prove next-level thinking” asks for work that reaches other teams" in reason
    assert "it touches data" in reason
    assert "30 min of your 6 h budget" in reason  # no minutes written down: the playbook's estimate
    assert triaged.reply.startswith("Hi Priya, happy to take “Help scope the data retention migration”.")


def test_a_how_to_question_from_a_peer_is_taught(person: Context) -> None:
    item = ask(person, "How do I rotate the API keys for billing?", at(17), requester="Jo Park", minutes=30)
    triaged = triage_service.triage_one(person, item.id, TODAY)
    assert triaged.recommendation.choice.id == "teach"
    reason = triaged.recommendation.reason
    assert "it asks how to do something Jo Park could learn" in reason
    assert "Jo Park doesn't decide on your promotion" in reason
    assert "it stays in your team" in reason
    assert "Hi Jo, thanks for asking about “How do I rotate the API keys for billing?”" in triaged.reply
    assert "show you how" in triaged.reply


def test_something_already_handled_once_for_the_same_person_is_taught(person: Context) -> None:
    ask(person, "Regenerate the staging TLS certificate", at(2), requester="Jo Park")
    again = ask(person, "Staging TLS certificate expired, regenerate it", at(17), requester="Jo Park")
    triaged = triage_service.triage_one(person, again.id, TODAY)
    assert triaged.recommendation.choice.id == "teach"
    assert triaged.recommendation.reason.startswith(
        "You handled something like it on 2 Nov (“Regenerate the staging TLS certificate”)"
    )


def _busy_week(ctx: Context) -> None:
    triage_service.set_budget(ctx, 120)
    ask(ctx, "Pair on the Terraform module upgrade", at(16, 9), requester="Jo Park", minutes=60)
    ask(ctx, "Debug the cron job that stopped", at(17, 9), requester="Jo Park", minutes=50)


def test_over_budget_and_off_plan_is_declined_when_nobody_is_better_placed(person: Context) -> None:
    _busy_week(person)
    item = ask(person, "Tidy up the old team wiki pages", at(18), requester="Jo Park", minutes=45)
    triaged = triage_service.triage_one(person, item.id, TODAY)
    assert triaged.recommendation.choice.id == "decline"
    reason = triaged.recommendation.reason
    assert reason.startswith("It brings this week's requests to 2 h 35 min, over your 2 h budget for them")
    assert "it is off your plan (not part of “Prove next-level thinking”)" in reason
    assert triaged.reply.startswith("Hi Jo, thanks for thinking of me for “Tidy up the old team wiki pages”.")
    assert "say no for now" in triaged.reply


def test_over_budget_and_off_plan_is_delegated_to_someone_better_placed(person: Context) -> None:
    _busy_week(person)
    # Asked by someone on Sam's own team about the search team's index: a peer on search owns that area.
    item = ask(person, "Reindex the search cluster", at(18), requester="Jo Park", teams=("platform",), minutes=45)
    with person.transaction() as conn:
        omar = PersonDraft("Omar Haddad", PromotionRole.PEER, team="platform")
        people_repo.upsert_by_name(conn, person.owner_id, omar)
    triaged = triage_service.triage_one(person, item.id, TODAY)
    assert triaged.recommendation.choice.id == "delegate"
    assert triaged.recommendation.reason.startswith("Omar Haddad on platform is better placed to take it")
    assert "over your 2 h budget" in triaged.recommendation.reason
    assert "Omar Haddad on platform knows this area best" in triaged.reply


def test_declined_and_delegated_requests_do_not_use_the_budget(person: Context) -> None:
    _busy_week(person)
    item = ask(person, "Tidy up the old team wiki pages", at(18), requester="Jo Park", minutes=45)
    first = triage_service.open_requests(person, today=TODAY)[-1]
    triage_service.decide(person, first.item.id, "decline", today=TODAY)
    triaged = triage_service.triage_one(person, item.id, TODAY)
    assert "it brings this week's requests to 1 h 35 min of your 2 h budget" in triaged.recommendation.reason
    load = triage_service.week_load(person, TODAY)
    assert load.budget == 120 and load.used == 95
    assert [(c.choice, c.requests, c.minutes) for c in load.by_choice] == [("decline", 1, 0), ("undecided", 2, 95)]
    assert "took 1 h 35 min of your 2 h budget (79%)" in triage_service.summary_sentence(load)


def test_the_decision_is_recorded_with_its_day_and_can_be_changed(person: Context) -> None:
    item = ask(person, "Fix the flaky deploy pipeline", at(17), requester="Alice Chen")
    triaged = triage_service.decide(person, item.id, "Teach", note="Pairing on Friday", today=date(2026, 11, 19))
    assert triaged.decision is not None and triaged.decision.recommended == "solve"
    assert decisions_stored(person) == [(item.id, "teach", "Pairing on Friday", date(2026, 11, 19))]
    assert triage_service.open_requests(person, today=TODAY) == []
    triage_service.decide(person, item.id, "delegate", today=date(2026, 11, 20))
    assert decisions_stored(person) == [(item.id, "delegate", "", date(2026, 11, 20))]
    listed = triage_service.open_requests(person, today=TODAY, include_decided=True)
    assert [(t.item.id, t.decision.choice if t.decision else None) for t in listed] == [(item.id, "delegate")]


def test_an_unknown_choice_is_named_and_nothing_is_written(person: Context) -> None:
    item = ask(person, "Fix the flaky deploy pipeline", at(17), requester="Alice Chen")
    with pytest.raises(InputError) as raised:
        triage_service.decide(person, item.id, "ignore")
    assert str(raised.value) == (
        "choice: 'ignore' is not a choice; use one of: solve, teach, delegate, systematize, decline"
    )
    with pytest.raises(InputError, match="keep it under 2000"):
        triage_service.decide(person, item.id, "solve", note="x" * 2001)
    assert decisions_stored(person) == []


def test_only_requests_are_triaged(person: Context) -> None:
    logged = evidence_service.log(person, EvidenceDraft(title="Shipped the cache", occurred_at=at(17)))
    with pytest.raises(InputError, match=f"#{logged.id} is delivery work, not a request"):
        triage_service.decide(person, logged.id, "solve")
    with pytest.raises(NotFound):
        triage_service.triage_one(person, 999_999)
    assert decisions_stored(person) == []


def test_open_requests_are_the_recent_undecided_ones_newest_first(person: Context) -> None:
    ask(person, "Old question about the VPN", datetime(2026, 9, 1, 9), requester="Jo Park")
    first = ask(person, "Review the on-call handbook", at(16), requester="Jo Park")
    second = ask(person, "Check the alert thresholds", at(18), requester="Alice Chen")
    assert [t.item.id for t in triage_service.open_requests(person, today=TODAY)] == [second.id, first.id]
    assert len(triage_service.open_requests(person, today=TODAY, everything=True)) == 3


def test_a_request_imported_twice_is_triaged_once(person: Context) -> None:
    for _ in range(2):
        ask(person, "Can you look at the failing export?", at(17), requester="Alice Chen", source="slack",
            source_id="C123/1700000000.000100")  # fmt: skip
    listed = triage_service.open_requests(person, today=TODAY)
    assert len(listed) == 1
    triage_service.decide(person, listed[0].item.id, "teach", today=TODAY)
    ask(person, "Can you look at the failing export?", at(17), requester="Alice Chen", source="slack",
        source_id="C123/1700000000.000100")  # fmt: skip
    assert triage_service.open_requests(person, today=TODAY) == []
    assert len(decisions_stored(person)) == 1


def test_one_persons_decisions_are_invisible_to_another(person: Context) -> None:
    item = ask(person, "Fix the flaky deploy pipeline", at(17), requester="Alice Chen")
    triage_service.decide(person, item.id, "solve", today=TODAY)
    bob = open_context(person.settings.model_copy(update={"account": "bob"}))
    with pytest.raises(NotFound):
        triage_service.decide(bob, item.id, "decline")
    assert triage_service.open_requests(bob, today=TODAY) == []
    assert decisions_stored(person)[0][1] == "solve"


def test_a_recurring_problem_adopted_into_the_plan_fits_the_plan(person: Context) -> None:
    ask(person, "Fix the flaky deploy pipeline", at(3), requester="Alice Chen", minutes=45)
    ask(person, "Deploy pipeline flaky again, can you fix it", at(10), requester="Bob Stone", minutes=30)
    ask(person, "The flaky deploy pipeline failed again", at(11), requester="Carol Diaz", minutes=40)
    (pattern,) = patterns_service.list_patterns(person, today=TODAY)
    plan_service.create_plan(person, today=TODAY)
    patterns_service.adopt(person, pattern.id, today=TODAY)
    new = ask(person, "Flaky deploy pipeline broke the release", at(17), requester="Jo Park", minutes=20)
    triaged = triage_service.triage_one(person, new.id, TODAY)
    assert triaged.recommendation.choice.id == "systematize"
    assert triaged.facts.recurrence.pattern_id == pattern.id
    reason = triaged.recommendation.reason
    assert reason.startswith("It is the 4th request like this since 3 Nov, from 4 people (Alice Chen, Bob Stone and 2")
    assert "it fits your plan (your plan already has a step for it: Turn “Fix the flaky deploy pipeline”" in reason


def test_requests_imported_from_a_real_slack_export_twice_are_triaged_once(ctx: Context) -> None:
    sample = REAL_DATA / "slack/hfaran-slack-export-viewer/testarchive.zip"
    for _ in range(2):
        run_import(ctx, "slack", [sample], {"user": "abilinski"})
    listed = triage_service.open_requests(ctx, today=date(2016, 3, 20), everything=True)
    assert len(listed) == 8 == len({t.item.source_id for t in listed})
    # Hamza keeps asking in #enrique; the newest question is new, from someone who doesn't decide.
    newest = listed[0]
    assert newest.item.requester == "Hamza Faran" and newest.recommendation.choice.id == "solve"
    assert "nothing like it came up before" in newest.recommendation.reason
    assert "it touches enrique" in newest.recommendation.reason
    assert "Hamza Faran doesn't decide on your promotion" in newest.recommendation.reason
    assert newest.reply.startswith("Hi Hamza, ")
    triage_service.decide(ctx, newest.item.id, "teach", today=date(2016, 3, 20))
    run_import(ctx, "slack", [sample], {"user": "abilinski"})
    assert len(triage_service.open_requests(ctx, today=date(2016, 3, 20), everything=True)) == 7
