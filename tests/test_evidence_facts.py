"""What each item's text says is worked out once, kept beside the item, and worked out again when it changes."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime, timedelta

import pytest
import sqlalchemy as sa

from upward.analysis.item_facts import VERSION
from upward.analysis.outcomes import facts_of
from upward.analysis.recurring import item_words
from upward.model import EvidenceDraft, EvidencePatch, Kind, Metric
from upward.model.evidence_columns import LazyColumn, TextFacts
from upward.services import Context
from upward.services import evidence as evidence_service
from upward.services.diagnosis import load_record
from upward.store import evidence_facts_repo
from upward.store.profile_repo import ensure_account
from upward.store.tables_evidence_facts import evidence_facts

TODAY = date(2026, 11, 23)


def log(ctx: Context, title: str, days_ago: int = 3, **fields: object) -> int:
    when = datetime.combine(TODAY - timedelta(days=days_ago), datetime.min.time()).replace(hour=10)
    draft = EvidenceDraft(title=title, occurred_at=when, **fields)  # type: ignore[arg-type]
    return evidence_service.log(ctx, draft).id


def kept(ctx: Context) -> dict[int, tuple[int, int]]:
    """Evidence id -> (version, flags) of every row of `evidence_facts`."""
    with ctx.transaction() as conn:
        rows = conn.execute(sa.select(evidence_facts.c.evidence_id, evidence_facts.c.version, evidence_facts.c.flags))
        return {id_: (version, flags) for id_, version, flags in rows}


def facts_by_id(ctx: Context) -> dict[int, TextFacts]:
    columns = load_record(ctx, TODAY, whole=False).columns
    return dict(zip(columns.ids, columns.facts, strict=True))


def test_facts_are_worked_out_once_kept_and_read_back(ctx: Context) -> None:
    told = log(ctx, "Cut churn for 1,200 customers", body="Saved $40k a year", kind=Kind.DELIVERY)
    plain = log(ctx, "Tidied the build", metrics=(Metric("build time", "4 min", "9 min"),))
    old = log(ctx, "Long ago", days_ago=900)  # outside what the diagnosis reads
    assert kept(ctx) == {}
    first = facts_by_id(ctx)
    assert first == {
        told: TextFacts(outcome=True, measured=False, users=1200.0, money=40_000.0),
        plain: TextFacts(outcome=False, measured=True, users=0.0, money=0.0),
    }
    assert kept(ctx) == {told: (VERSION, 1), plain: (VERSION, 2)} and old not in kept(ctx)
    with ctx.transaction() as conn:  # what is kept is what is read: change it by hand and read it back
        conn.execute(sa.update(evidence_facts).where(evidence_facts.c.evidence_id == plain).values(flags=3, money=9.0))
    assert facts_by_id(ctx)[plain] == TextFacts(outcome=True, measured=True, users=0.0, money=9.0)


def test_an_edited_item_is_worked_out_again(ctx: Context) -> None:
    item = log(ctx, "Rewrote the importer")
    assert facts_by_id(ctx)[item].outcome is False
    evidence_service.edit(ctx, item, EvidencePatch(body="It saves the support team 10 hours a week"))
    assert item not in kept(ctx)  # dropped on the change
    assert facts_by_id(ctx)[item] == facts_of("Rewrote the importer", "It saves the support team 10 hours a week", ())
    assert facts_by_id(ctx)[item].outcome is True and item in kept(ctx)


def test_facts_of_another_version_are_worked_out_again(ctx: Context) -> None:
    item = log(ctx, "Grew sign-ups by 8% for 30k users")
    facts_by_id(ctx)
    with ctx.transaction() as conn:
        conn.execute(sa.update(evidence_facts).values(version=VERSION + 1, flags=0, users=None))
    assert facts_by_id(ctx)[item] == TextFacts(outcome=True, measured=False, users=30_000.0, money=0.0)
    assert kept(ctx) == {item: (VERSION, 1)}


def test_a_deleted_item_takes_its_facts_with_it(ctx: Context) -> None:
    first, second = log(ctx, "First"), log(ctx, "Second")
    facts_by_id(ctx)
    evidence_service.delete(ctx, first)
    assert set(kept(ctx)) == {second}


def test_details_and_numbers_are_read_only_for_the_rows_asked_about(ctx: Context) -> None:
    ids = [log(ctx, f"Item {n}", body=f"Details of {n}", metrics=(Metric("count", str(n)),)) for n in range(5)]
    columns = load_record(ctx, TODAY, whole=False).columns
    assert isinstance(columns.bodies, LazyColumn) and isinstance(columns.metrics, LazyColumn)
    rows = {id_: row for row, id_ in enumerate(columns.ids)}
    columns.load_texts([rows[ids[1]], rows[ids[3]]])
    assert (columns.bodies[rows[ids[3]]], columns.metrics[rows[ids[1]]]) == ("Details of 3", (Metric("count", "1"),))
    assert columns.bodies[-1] == "Details of 4" and list(columns.bodies[:2]) == ["Details of 0", "Details of 1"]


def test_the_words_of_requests_and_incidents_are_kept_for_the_recurring_signal(ctx: Context) -> None:
    asked = log(ctx, "Alice asked me to fix the flaky deploys again", kind=Kind.REQUEST, tags=("release",))
    fire = log(ctx, "Deploy pipeline broken", kind=Kind.INCIDENT)
    shipped = log(ctx, "Shipped the deploy dashboard", kind=Kind.DELIVERY)
    built = log(ctx, "Deploy runbook", body="Every team rolls back in one step", kind=Kind.FRAMEWORK)
    load_record(ctx, TODAY, whole=False)
    columns = load_record(ctx, TODAY, whole=False).columns  # read back as kept
    words = dict(zip(columns.ids, columns.words, strict=True))
    assert words[asked] == item_words("Alice asked me to fix the flaky deploys again", ("release",))
    assert words[built] == {"deploy", "runbook", "every", "team", "roll", "back", "step"}  # title and details
    assert words[asked] >= {"alice", "flaky", "deploy", "release"} and words[fire] == {"deploy", "pipeline", "broken"}
    assert words[shipped] is None  # only requests, incidents and frameworks have their words kept
    evidence_service.edit(ctx, shipped, EvidencePatch(kind=Kind.INCIDENT))  # a change of kind counts too
    columns = load_record(ctx, TODAY, whole=False).columns
    assert dict(zip(columns.ids, columns.words, strict=True))[shipped] == {"shipp", "deploy", "dashboard"}


def test_many_items_are_read_in_one_pass_over_their_ids(ctx: Context, monkeypatch: pytest.MonkeyPatch) -> None:
    """Past four chunks of ids, the texts come from one pass over the range of ids: the same facts."""
    told = [log(ctx, f"Saved ${n}k for {n}00 customers", tags=("cost",), kind=Kind.REQUEST) for n in range(1, 6)]
    plain = [log(ctx, f"Routine work {n}", metrics=(Metric("count", str(n)),)) for n in range(3)]
    with ctx.transaction() as conn:
        other = ensure_account(conn, "someone-else")
    log(replace(ctx, owner_id=other), "Someone else's $9M deal")  # inside the range of ids, not theirs
    monkeypatch.setattr(evidence_facts_repo, "_CHUNK", 1)
    facts = facts_by_id(ctx)
    assert [facts[i] for i in told] == [TextFacts(True, False, n * 100.0, n * 1000.0) for n in range(1, 6)]
    assert {facts[i] for i in plain} == {TextFacts(False, True, 0.0, 0.0)} and set(facts) == {*told, *plain}
