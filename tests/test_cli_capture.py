"""`upward init`, `upward log` and `upward ask`: what a person types, and what ends up stored."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from conftest import Cli
from upward.model import EvidenceFilter, Kind, Metric
from upward.services import Context
from upward.services import evidence as evidence_service
from upward.services import profile as profile_service
from upward.store import people_repo

INIT_FLAGS = [
    "init", "--name", "Sam Lee", "--role", "Product designer", "--current-level", "Senior",
    "--target-level", "Lead", "--team", "Growth", "--manager", "Ana Ruiz", "--manager-email", "ana@example.com",
    "--skip-level", "Bo Chen", "--start", "2026-11-01",
]  # fmt: skip


def stored(ctx: Context) -> list[str]:
    return [item.title for item in evidence_service.listing(ctx, EvidenceFilter()).items]


def test_init_with_every_answer_as_a_flag_never_prompts(cli: Cli, ctx: Context) -> None:
    result = cli(*INIT_FLAGS)
    assert result.exit_code == 0, result.output
    assert "Welcome, Sam Lee" in result.output
    profile = profile_service.get_profile(ctx)
    assert profile is not None
    assert (profile.name, profile.team, profile.manager_email, profile.plan_start) == (
        "Sam Lee", "growth", "ana@example.com", date(2026, 11, 1)
    )  # fmt: skip
    with ctx.transaction() as conn:
        roles = {p.name: p.role.value for p in people_repo.list_people(conn, ctx.owner_id)}
    assert roles == {"Ana Ruiz": "manager", "Bo Chen": "skip-level"}


def test_init_prompts_for_missing_answers_and_asks_again_after_a_mistake(cli: Cli, ctx: Context) -> None:
    answers = ["Sam Lee", "Analyst", "P2", "P2", "P3", "Data", "Ana", "not-an-email", "ana@example.com",
               "Bo", "", "2026-11-31", "2026-11-30"]  # fmt: skip
    result = cli("init", input="\n".join(answers) + "\n")
    assert result.exit_code == 0, result.output
    assert "matches your current level" in result.output
    assert "not an email address" in result.output
    assert "not a date" in result.output
    profile = profile_service.get_profile(ctx)
    assert profile is not None
    assert (profile.target_level, profile.manager_email, profile.plan_start) == (
        "P3",
        "ana@example.com",
        date(2026, 11, 30),
    )


def test_init_again_keeps_earlier_answers_as_defaults(cli: Cli, ctx: Context) -> None:
    assert cli(*INIT_FLAGS).exit_code == 0
    result = cli("init", "--target-level", "Principal")
    assert result.exit_code == 0, result.output
    profile = profile_service.get_profile(ctx)
    assert profile is not None and (profile.target_level, profile.name) == ("Principal", "Sam Lee")


@pytest.mark.parametrize(
    ("flags", "message"),
    [
        (["--manager-email", "nope"], "manager email: 'nope' is not an email address"),
        (["--start", "next week"], "start: 'next week' is not a date"),
        (["--target-level", "senior"], "target level: matches your current level"),
    ],
)
def test_init_refuses_a_wrong_flag_and_writes_nothing(cli: Cli, ctx: Context, flags: list[str], message: str) -> None:
    result = cli(*INIT_FLAGS, *flags)
    assert result.exit_code == 2
    assert message in result.stderr
    assert "Traceback" not in result.output + result.stderr
    assert profile_service.get_profile(ctx) is None


def test_init_without_prompts_names_the_missing_flag(cli: Cli, ctx: Context) -> None:
    result = cli("init", "--no-input", "--name", "Sam")
    assert result.exit_code == 2
    assert "pass --role" in result.stderr
    assert profile_service.get_profile(ctx) is None


def test_log_stores_every_option(cli: Cli, ctx: Context) -> None:
    result = cli(
        "log", "Cut checkout latency from 4s to 1.2s", "--kind", "delivery", "--teams", "payments,web",
        "--minutes", "90", "--project", "checkout", "--metric", "latency: 4s -> 1.2s", "--date", "2026-11-02",
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    assert "Logged #1: Cut checkout latency" in result.output
    item = evidence_service.get(ctx, 1)
    assert (item.kind, item.teams, item.minutes, item.project) == (Kind.DELIVERY, ("payments", "web"), 90, "checkout")
    assert item.metrics == (Metric("latency", before="4s", after="1.2s"),)
    assert item.occurred_at == datetime(2026, 11, 2, 12)


def test_log_needs_only_the_text(cli: Cli, ctx: Context) -> None:
    before = datetime.now().replace(microsecond=0)
    assert cli("log", "Paired with Jo on the onboarding flow").exit_code == 0
    item = evidence_service.get(ctx, 1)
    assert item.kind is Kind.DELIVERY and item.source == "log"
    assert before <= item.occurred_at <= datetime.now()


def test_ask_records_a_request_with_the_requester(cli: Cli, ctx: Context) -> None:
    result = cli("ask", "Alice asked me to fix the flaky deploy again", "--from", "Alice", "--team", "platform",
                 "--minutes", "45")  # fmt: skip
    assert result.exit_code == 0, result.output
    assert "from Alice" in result.output
    item = evidence_service.get(ctx, 1)
    assert (item.kind, item.requester, item.teams, item.minutes) == (Kind.REQUEST, "Alice", ("platform",), 45)


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["log", "x", "--date", "2026-13-01"], "date: '2026-13-01' is not a date; use YYYY-MM-DD"),
        (["log", "x", "--kind", "heroics"], "kind: 'heroics' is not a kind of work"),
        (["log", "   "], "text: can't be empty"),
        (["log", "x", "--metric", "faster"], "metric: 'faster' needs a name and a value"),
        (["log", "x", "--minutes", "-3"], "minutes: -3 is not a sensible duration"),
        (["ask", "x", "--date", "someday"], "date: 'someday' is not a date"),
    ],
)
def test_bad_input_is_one_line_exit_2_and_nothing_written(
    cli: Cli, ctx: Context, args: list[str], message: str
) -> None:
    result = cli(*args)
    assert result.exit_code == 2
    assert result.stderr.strip().startswith("upward: ")
    assert message in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
    assert "Traceback" not in result.output
    assert stored(ctx) == []


def test_an_unreachable_database_is_explained(tmp_path) -> None:  # type: ignore[no-untyped-def]
    cli = Cli("postgresql://postgres@127.0.0.1:1/nowhere")
    result = cli("evidence", "list")
    assert result.exit_code == 2
    assert "Can't open the database at postgresql+psycopg://postgres@127.0.0.1:1/nowhere" in result.stderr
    assert "UPWARD_DATABASE_URL" in result.stderr


def test_an_unsupported_database_url_is_explained() -> None:
    result = Cli("mysql://root@localhost/x")("evidence", "list")
    assert result.exit_code == 2
    assert "Upward works with SQLite or PostgreSQL" in result.stderr
