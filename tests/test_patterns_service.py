"""Recurring problems on a real database: groups found, new items joining, ranking, adoption and its effect."""

from __future__ import annotations

from collections import Counter
from datetime import date, datetime, timedelta

import pytest

from conftest import REQUIRE_SEMANTIC
from upward.model import EvidenceDraft, InputError, Kind, NotFound, UpwardError
from upward.patterns.semantic import available
from upward.services import Context, open_context, pattern_grouping
from upward.services import evidence as evidence_service
from upward.services import patterns as patterns_service
from upward.services.demo import load_demo
from upward.settings import Settings, load_settings
from upward.store import patterns_repo

TODAY = date(2026, 11, 23)
THEMES = ("deploy-pipeline", "webhook-retries", "reconciliation", "dashboard-access", "stuck-refunds")


def _ask(ctx: Context, title: str, when: datetime, requester: str, minutes: int = 60, team: str = "web") -> int:
    draft = EvidenceDraft(title=title, occurred_at=when, requester=requester, minutes=minutes, teams=(team,))
    return evidence_service.ask(ctx, draft).id


def _tags_by_pattern(ctx: Context) -> dict[int, Counter[str]]:
    with ctx.transaction() as conn:
        members = patterns_repo.members(conn, ctx.owner_id)
    return {pid: Counter(i.tags[0] if i.tags else i.title for i in items) for pid, items in members.items()}


def test_the_demo_personas_repeated_requests_are_found_as_groups(ctx: Context) -> None:
    load_demo(ctx, today=TODAY)
    found = patterns_service.list_patterns(ctx, today=TODAY)
    tags = _tags_by_pattern(ctx)
    for theme in THEMES:
        home = max(tags, key=lambda pid: tags[pid][theme])
        assert tags[home][theme] >= 0.9 * sum(t[theme] for t in tags.values()), theme
        assert tags[home].most_common(1)[0][0] == theme
    deploy = next(p for p in found if "deploy pipeline" in p.title.lower())
    assert deploy.count >= 22 and len(deploy.requesters) >= 5 and deploy.minutes > 0
    assert deploy.first < deploy.last and {"web", "mobile"} <= set(deploy.teams)
    assert len(deploy.examples) == 5 and deploy.examples[0].occurred_at >= deploy.examples[-1].occurred_at
    assert not any(p.title.startswith("Explain how currency rounding") for p in found)  # a one-off stays alone


def test_a_new_item_joins_its_group_without_regrouping(ctx: Context) -> None:
    load_demo(ctx, today=TODAY)
    before = {p.id: p.count for p in patterns_service.list_patterns(ctx, today=TODAY)}
    index = pattern_grouping.refresh(ctx)
    known = len(index.grouping.ids)
    new_id = _ask(ctx, "Payment webhook retries failing again, orders stuck unpaid", datetime(2026, 11, 20, 10), "Zoe")
    after = {p.id: p.count for p in patterns_service.list_patterns(ctx, today=TODAY)}
    again = pattern_grouping.refresh(ctx)
    assert again is index and len(again.grouping.ids) == known + 1  # placed in the same index, not regrouped
    with ctx.transaction() as conn:
        joined = patterns_repo.membership(conn, ctx.owner_id)[new_id]
        assert patterns_repo.state(conn, ctx.owner_id) == ("tfidf", new_id)
    assert after[joined] == before[joined] + 1
    assert {pid: n for pid, n in after.items() if pid != joined} == {
        pid: n for pid, n in before.items() if pid != joined
    }
    assert _tags_by_pattern(ctx)[joined].most_common(1)[0][0] == "webhook-retries"


def test_two_new_lookalikes_start_a_group_and_a_third_makes_it_recurring(ctx: Context) -> None:
    start = datetime(2026, 9, 1, 9)
    _ask(ctx, "Certificate expired on the staging load balancer", start, "Ann")
    _ask(ctx, "Rotate the API keys for the mobile app", start, "Ben")
    assert patterns_service.list_patterns(ctx) == []
    _ask(ctx, "Staging load balancer certificate expired again", start + timedelta(days=7), "Cid")
    assert patterns_service.list_patterns(ctx) == []  # twice is not yet recurring
    assert patterns_service.match(ctx, "staging certificate expired on the load balancer") is not None
    _ask(ctx, "The load balancer certificate on staging has expired", start + timedelta(days=14), "Dee")
    (found,) = patterns_service.list_patterns(ctx)
    assert found.count == 3 and found.requesters == ("Ann", "Cid", "Dee")


def test_match_names_the_group_a_new_request_would_join(ctx: Context) -> None:
    load_demo(ctx, today=TODAY)
    found = patterns_service.match(ctx, "Can someone grant me access to the billing dashboard?")
    assert found is not None and "dashboard" in found.title.lower()
    assert found.count >= 12 and len(found.requesters) >= 3 and found.similarity >= 0.3
    assert patterns_service.match(ctx, "Book the venue for the summer party") is None
    assert patterns_service.match(ctx, "   ") is None


def test_problems_are_ranked_by_how_often_how_costly_and_how_many_asked(ctx: Context) -> None:
    day = datetime(2026, 10, 1, 9)
    for n in range(4):
        _ask(ctx, f"Flaky login test in the web suite ({n})", day + timedelta(days=n), "Ann", minutes=10)
    for n, who in enumerate(("Ben", "Cid", "Dee")):
        _ask(ctx, f"Export of the monthly invoices fails for {who}", day + timedelta(days=n), who, minutes=120)
    first, second = patterns_service.list_patterns(ctx)
    assert "invoices" in first.title and first.count == 3 and len(first.requesters) == 3
    assert "login" in second.title and second.count == 4
    assert first.score > second.score


def test_adopting_makes_a_framework_and_tracks_whether_it_stops(ctx: Context) -> None:
    start = datetime(2026, 6, 1, 9)
    for week in range(8):
        _ask(ctx, "Nightly data export to the warehouse failed", start + timedelta(weeks=week), "Omar", minutes=90)
    (pattern,) = patterns_service.list_patterns(ctx)
    adopted = patterns_service.adopt(ctx, pattern.id, fix="Retry the export with backoff", today=date(2026, 8, 1))
    assert adopted.adopted and adopted.fix == "Retry the export with backoff"
    assert [s.id for s in adopted.steps] == [
        "write-down-fix", "build-solution", "document-it", "teach-teams", "tell-skip-level"
    ]  # fmt: skip
    assert not any(s.done for s in adopted.steps)
    assert adopted.impact is not None and adopted.impact.items_before == 8 and adopted.impact.stopped
    stepped = patterns_service.check_step(ctx, pattern.id, "teach-teams", teams=["Data, web"], today=date(2026, 8, 5))
    assert stepped.teams_taught == ("data", "web")
    assert next(s for s in stepped.steps if s.id == "teach-teams").done_on == date(2026, 8, 5)
    with pytest.raises(InputError, match="not a step"):
        patterns_service.check_step(ctx, pattern.id, "celebrate")
    _ask(ctx, "Nightly data export to the warehouse failed again", datetime(2026, 9, 1, 9), "Omar", minutes=30)
    later = patterns_service.get_pattern(ctx, pattern.id, today=date(2026, 10, 1))
    assert later.impact is not None and later.impact.items_after == 1 and not later.impact.stopped
    assert later.impact.minutes_per_week_before > later.impact.minutes_per_week_after > 0
    assert later.impact.minutes_given_back_per_week == pytest.approx(
        later.impact.minutes_per_week_before - later.impact.minutes_per_week_after
    )
    undone = patterns_service.check_step(ctx, pattern.id, "teach-teams", undo=True)
    assert not next(s for s in undone.steps if s.id == "teach-teams").done


def test_checking_a_step_needs_an_adopted_problem(ctx: Context) -> None:
    for n in range(3):
        _ask(ctx, "Reset my VPN token please", datetime(2026, 10, 1 + n, 9), "Ann")
    (pattern,) = patterns_service.list_patterns(ctx)
    with pytest.raises(InputError, match="adopt it first"):
        patterns_service.check_step(ctx, pattern.id, "document-it")
    with pytest.raises(NotFound):
        patterns_service.get_pattern(ctx, pattern.id + 100)


def test_a_deleted_item_leaves_its_group_and_regrouping_keeps_an_adopted_problem(ctx: Context) -> None:
    ids = [_ask(ctx, "Reset my VPN token please", datetime(2026, 10, 1 + n, 9), "Ann") for n in range(4)]
    (pattern,) = patterns_service.list_patterns(ctx)
    patterns_service.adopt(ctx, pattern.id)
    evidence_service.delete(ctx, ids[0])
    assert patterns_service.get_pattern(ctx, pattern.id).count == 3
    (regrouped,) = patterns_service.list_patterns(ctx, regroup=True)
    assert regrouped.id == pattern.id and regrouped.adopted and regrouped.count == 3


def test_tickets_and_commits_count_but_other_work_does_not(ctx: Context) -> None:
    day = datetime(2026, 10, 1, 9)
    for n in range(3):
        when = day + timedelta(days=n)
        evidence_service.log(ctx, EvidenceDraft(title="Fix flaky checkout test", occurred_at=when, source="git"))
        evidence_service.log(ctx, EvidenceDraft(title="Weekly sync with Daniel", occurred_at=day, kind=Kind.MEETING))
    (found,) = patterns_service.list_patterns(ctx)
    assert found.title == "Fix flaky checkout test" and found.count == 3


def test_a_wrong_backend_setting_is_a_plain_message(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("UPWARD_PATTERNS_BACKEND", "magic")
    with pytest.raises(UpwardError, match="UPWARD_PATTERNS_BACKEND"):
        load_settings()


@pytest.mark.skipif(
    not available() and not REQUIRE_SEMANTIC,
    reason="the semantic backend needs `pip install 'upward[semantic]'` (with torch)",
)
def test_the_semantic_backend_is_chosen_by_a_setting(settings: Settings) -> None:
    ctx = open_context(settings.model_copy(update={"patterns_backend": "semantic"}))
    texts = [
        "The release pipeline keeps failing",
        "Our deploy pipeline is broken again",
        "Our release pipeline failed again today",
        "Book a room for the summer party",
    ]
    for n, text in enumerate(texts):
        _ask(ctx, text, datetime(2026, 10, 1 + n, 9), f"Person {n}")
    (found,) = patterns_service.list_patterns(ctx)
    assert found.count == 3 and "party" not in found.title
    with ctx.transaction() as conn:
        assert patterns_repo.state(conn, ctx.owner_id) == ("semantic", found.examples[0].id + 1)
    plain = open_context(settings)  # back to words: everything is grouped again with them
    patterns_service.list_patterns(plain)
    with plain.transaction() as conn:
        state = patterns_repo.state(conn, plain.owner_id)
    assert state is not None and state[0] == "tfidf"
