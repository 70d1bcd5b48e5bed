"""The demo persona: deterministic, valid, and telling the story of the expert trap."""

from __future__ import annotations

import re
from collections import Counter
from datetime import date, timedelta

import pytest

from upward.demo.persona import Demo, build_demo
from upward.model.evidence import EvidenceDraft, Kind
from upward.model.people import Awareness, PromotionRole

TODAY = date(2026, 3, 16)
SEEDS = (1, 7, 42)
THEME_WORDS = ("pipeline", "webhook", "reconciliation", "billing dashboard", "refund")
OWN_WORK = {Kind.DELIVERY, Kind.REVIEW, Kind.MENTORING, Kind.DOCUMENTATION, Kind.DESIGN, Kind.STRATEGY, Kind.FRAMEWORK}


@pytest.fixture(scope="module")
def demo() -> Demo:
    return build_demo(TODAY)


def _of(demo: Demo, kind: Kind) -> list[EvidenceDraft]:
    return [item for item in demo.evidence if item.kind is kind]


def _with(demo: Demo, name: str) -> list[EvidenceDraft]:
    return [item for item in _of(demo, Kind.MEETING) if name in item.people]


# Determinism


def test_same_arguments_give_the_same_demo() -> None:
    assert build_demo(TODAY, seed=3) == build_demo(TODAY, seed=3)
    assert build_demo(TODAY) == build_demo(TODAY, seed=7)


def test_a_different_seed_gives_different_evidence() -> None:
    first, second = build_demo(TODAY, seed=1), build_demo(TODAY, seed=2)
    assert [e.occurred_at for e in first.evidence] != [e.occurred_at for e in second.evidence]
    assert first.profile == second.profile
    assert first.people == second.people


def test_everything_moves_with_today() -> None:
    later = build_demo(TODAY + timedelta(days=28))
    assert later.profile.plan_start == TODAY + timedelta(days=28)
    assert max(e.occurred_at.date() for e in later.evidence) > max(
        e.occurred_at.date() for e in build_demo(TODAY).evidence
    )


# Validity and numbering


@pytest.mark.parametrize("seed", SEEDS)
def test_every_draft_is_valid_and_numbered_in_order(seed: int) -> None:
    evidence = build_demo(TODAY, seed).evidence
    assert 250 <= len(evidence) <= 400
    for n, item in enumerate(evidence, 1):
        assert item.validated() == item
        assert item.source == "demo"
        assert item.source_id == f"demo-{n:04d}"
    assert len({item.source_id for item in evidence}) == len(evidence)
    moments = [item.occurred_at for item in evidence]
    assert moments == sorted(moments)


@pytest.mark.parametrize("today", [TODAY, date(2025, 11, 23), date(2024, 2, 29)])
def test_dates_are_working_hours_within_the_year_before_today(today: date) -> None:
    for item in build_demo(today).evidence:
        day = item.occurred_at.date()
        assert today - timedelta(days=365) <= day < today, item
        assert day.weekday() < 5, item
        assert 9 <= item.occurred_at.hour < 17, item
    assert min(item.occurred_at.date() for item in build_demo(today).evidence) < today - timedelta(days=330)


def test_most_items_say_how_long_they_took(demo: Demo) -> None:
    timed = [item for item in demo.evidence if item.minutes is not None]
    assert len(timed) / len(demo.evidence) > 0.95
    assert all(0 < item.minutes <= 16 * 60 for item in timed if item.minutes is not None)


def test_no_placeholder_wording(demo: Demo) -> None:
    text = " ".join(f"{item.title} {item.body}" for item in demo.evidence).lower()
    for word in ("todo", "lorem", "xxx", "placeholder", "{name}", "'s a "):
        assert word not in text


# Profile and people


def test_profile_is_maya_stuck_at_senior(demo: Demo) -> None:
    profile = demo.profile
    assert profile.validated() == profile
    assert (profile.name, profile.current_level, profile.target_level) == ("Maya Chen", "Senior (L5)", "Staff (L6)")
    assert profile.team == "payments"
    assert profile.plan_start == TODAY
    assert profile.manager_email is not None and profile.manager_email.endswith("@example.com")
    assert profile.skip_level_email is not None and profile.skip_level_email.endswith("@example.com")


def test_people_have_one_manager_and_one_skip_level_matching_the_profile(demo: Demo) -> None:
    by_role = Counter(person.role for person in demo.people)
    assert by_role[PromotionRole.MANAGER] == 1
    assert by_role[PromotionRole.SKIP_LEVEL] == 1
    manager = next(p for p in demo.people if p.role is PromotionRole.MANAGER)
    skip = next(p for p in demo.people if p.role is PromotionRole.SKIP_LEVEL)
    assert (manager.name, manager.email) == (demo.profile.manager_name, demo.profile.manager_email)
    assert (skip.name, skip.email) == (demo.profile.skip_level_name, demo.profile.skip_level_email)
    assert manager.awareness is Awareness.KNOWS_WORK
    assert manager.cadence_days == 7


def test_people_cover_the_decision_makers(demo: Demo) -> None:
    assert 7 <= len(demo.people) <= 10
    assert len({person.name for person in demo.people}) == len(demo.people)
    roles = Counter(person.role for person in demo.people)
    assert roles[PromotionRole.PEER_MANAGER] == 2
    assert roles[PromotionRole.HR] == 1
    assert roles[PromotionRole.SPONSOR] == 1
    assert 1 <= roles[PromotionRole.OTHER_TEAM_LEAD] <= 2
    assert roles[PromotionRole.PEER] >= 2
    for person in demo.people:
        assert person.validated() == person
        assert person.email is not None and person.email.endswith("@example.com")
        assert person.title and person.team
    deciders = [p for p in demo.people if p.role not in {PromotionRole.MANAGER, PromotionRole.PEER}]
    unaware = [p for p in deciders if p.awareness in {Awareness.UNKNOWN, Awareness.HEARD_OF}]
    assert len(unaware) == len(deciders)


def test_peers_who_ask_for_help_are_among_the_requesters(demo: Demo) -> None:
    requesters = Counter(item.requester for item in _of(demo, Kind.REQUEST))
    peers = [p.name for p in demo.people if p.role is PromotionRole.PEER]
    assert all(requesters[name] >= 5 for name in peers)


# The story: the expert trap


@pytest.mark.parametrize("seed", SEEDS)
def test_requests_are_a_large_share_from_many_people_in_other_teams(seed: int) -> None:
    demo = build_demo(TODAY, seed)
    requests = _of(demo, Kind.REQUEST)
    assert len(requests) / len(demo.evidence) >= 0.25
    assert len({item.requester for item in requests}) >= 10
    assert {team for item in requests for team in item.teams} >= {"web", "data", "support", "finance-ops", "platform"}
    for item in requests:
        assert item.requester
        assert item.minutes is not None and 15 <= item.minutes <= 180
        assert "payments" not in item.teams


@pytest.mark.parametrize("seed", SEEDS)
def test_the_same_problems_come_back_again_and_again(seed: int) -> None:
    titles = [item.title.lower() for item in _of(build_demo(TODAY, seed), Kind.REQUEST)]
    counts = {word: sum(word in title for title in titles) for word in THEME_WORDS}
    assert sum(count >= 5 for count in counts.values()) >= 4, counts
    assert counts["pipeline"] >= 15
    worded = {title for title in titles if "webhook" in title}
    assert len(worded) >= 3


def test_firefighting_is_frequent(demo: Demo) -> None:
    incidents = _of(demo, Kind.INCIDENT)
    assert len(incidents) >= 30
    words = ("hotfix", "outage", "rolled back", "on-call", "emergency", "backlog")
    assert all(any(word in item.title.lower() for word in words) for item in incidents)
    months = {item.occurred_at.strftime("%Y-%m") for item in incidents}
    assert len(months) >= 9


def test_deliveries_are_solid_own_team_work_with_few_outcomes(demo: Demo) -> None:
    deliveries = _of(demo, Kind.DELIVERY)
    assert len(deliveries) >= 20
    assert all(item.teams == ("payments",) and item.project for item in deliveries)
    assert {"checkout-latency", "ledger-migration"} <= {item.project for item in deliveries}
    with_metrics = [item for item in deliveries if item.metrics]
    assert 3 <= len(with_metrics) <= 10
    assert all(m.before is not None for item in with_metrics for m in item.metrics)
    outcome = re.compile(r"revenue|\$|€|conversion|customers? (won|kept)|saved \d", re.IGNORECASE)
    assert not [item.title for item in deliveries if outcome.search(f"{item.title} {item.body}")]


def test_little_strategy_and_almost_no_frameworks(demo: Demo) -> None:
    kinds = Counter(item.kind for item in demo.evidence)
    assert kinds[Kind.FRAMEWORK] <= 1
    assert 1 <= kinds[Kind.STRATEGY] <= 3
    assert 3 <= kinds[Kind.DOCUMENTATION] <= 10
    assert kinds[Kind.REVIEW] >= 20
    assert kinds[Kind.MENTORING] >= 8
    assert 2 <= kinds[Kind.RECOGNITION] <= 4
    assert any("saving the launch" in item.title for item in _of(demo, Kind.RECOGNITION))


def test_own_work_rarely_touches_other_teams(demo: Demo) -> None:
    own = [item for item in demo.evidence if item.kind in OWN_WORK]
    elsewhere = [item for item in own if any(team != "payments" for team in item.teams)]
    assert len(own) >= 60
    assert len(elsewhere) / len(own) < 0.1


def test_weekly_one_on_ones_with_the_manager(demo: Demo) -> None:
    one_on_ones = _with(demo, demo.profile.manager_name)
    assert 40 <= len(one_on_ones) <= 52
    assert all(item.people == (demo.profile.manager_name,) for item in one_on_ones)


@pytest.mark.parametrize("seed", SEEDS)
def test_at_most_one_skip_level_meeting_long_ago(seed: int) -> None:
    demo = build_demo(TODAY, seed)
    meetings = _with(demo, demo.profile.skip_level_name)
    assert len(meetings) == 1
    assert (TODAY - meetings[0].occurred_at.date()).days > 90
    mentions = [item for item in demo.evidence if demo.profile.skip_level_name in item.people]
    assert mentions == meetings


def test_cross_team_meetings_are_rare(demo: Demo) -> None:
    meetings = _of(demo, Kind.MEETING)
    cross = [item for item in meetings if any(team != "payments" for team in item.teams)]
    assert 1 <= len(cross) <= 6
    assert len(meetings) >= 60
