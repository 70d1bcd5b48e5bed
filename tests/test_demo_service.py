"""Loading the demo persona: realistic, repeatable, and never mixed with a person's own data."""

from __future__ import annotations

from datetime import date

import pytest

from conftest import Cli
from upward.model import EvidenceFilter, Kind, UpwardError
from upward.services import Context
from upward.services import evidence as evidence_service
from upward.services import profile as profile_service
from upward.services.demo import load_demo
from upward.store import people_repo

TODAY = date(2026, 11, 23)


def test_the_demo_fills_profile_people_and_a_year_of_evidence(ctx: Context) -> None:
    loaded = load_demo(ctx, today=TODAY)
    profile = profile_service.get_profile(ctx)
    assert profile is not None and profile.name == loaded.name == "Maya Chen"
    page = evidence_service.listing(ctx, EvidenceFilter(per_page=500))
    assert page.total == loaded.added > 250
    assert {item.kind for item in page.items} >= {Kind.REQUEST, Kind.INCIDENT, Kind.DELIVERY, Kind.MEETING}
    assert min(item.day for item in page.items) >= date(2025, 11, 23)
    with ctx.transaction() as conn:
        roles = [p.role.value for p in people_repo.list_people(conn, ctx.owner_id)]
    assert roles.count("manager") == 1 and roles.count("skip-level") == 1 and len(roles) >= 7


def test_loading_the_demo_twice_adds_nothing(ctx: Context) -> None:
    first = load_demo(ctx, today=TODAY)
    second = load_demo(ctx, today=TODAY)
    assert (second.added, second.already_there) == (0, first.added)
    assert evidence_service.listing(ctx, EvidenceFilter()).total == first.added


def test_the_demo_refuses_to_mix_with_a_persons_own_work(cli: Cli, ctx: Context) -> None:
    assert cli("log", "My own real work").exit_code == 0
    with pytest.raises(UpwardError, match="UPWARD_HOME=/tmp/upward-demo"):
        load_demo(ctx, today=TODAY)
    result = cli("demo")
    assert result.exit_code == 2 and "would mix" in result.stderr
    assert evidence_service.listing(ctx, EvidenceFilter()).total == 1
    assert profile_service.get_profile(ctx) is None


def test_the_demo_command_says_what_it_loaded(cli: Cli) -> None:
    result = cli("demo")
    assert result.exit_code == 0
    assert "Loaded Maya Chen:" in result.output and "upward serve" in result.output
