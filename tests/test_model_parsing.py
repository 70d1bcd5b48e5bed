"""Parsing what people type: each mistake names the field and says how to fix it."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from upward.model import EvidenceDraft, EvidenceFilter, EvidencePatch, InputError, Kind, Metric, Profile
from upward.model.forms import draft_from_fields, parse_minutes
from upward.model.parsing import clean_email, clean_list, parse_day, parse_when
from upward.model.profile import profile_from_answers

TODAY = date(2026, 11, 23)


@pytest.mark.parametrize(
    ("text", "name", "before", "after"),
    [
        ("latency: 4s -> 1.2s", "latency", "4s", "1.2s"),
        ("p95 latency:4s→1.2s", "p95 latency", "4s", "1.2s"),
        ("revenue: $1.8M/yr", "revenue", None, "$1.8M/yr"),
        ("error rate: 3% => 0.4%", "error rate", "3%", "0.4%"),
    ],
)
def test_metric_parses_a_change_or_a_value(text: str, name: str, before: str | None, after: str) -> None:
    metric = Metric.parse(text)
    assert (metric.name, metric.before, metric.after) == (name, before, after)
    assert Metric.parse(str(metric)) == metric


@pytest.mark.parametrize("text", ["just words", "latency: 4s ->", ": 4s"])
def test_metric_without_name_or_value_is_refused(text: str) -> None:
    with pytest.raises(InputError) as caught:
        Metric.parse(text)
    assert caught.value.field == "metric"
    assert "latency: 4s -> 1.2s" in str(caught.value) or "both sides" in str(caught.value)


def test_days_accept_iso_today_and_yesterday() -> None:
    assert parse_day("2026-11-02") == date(2026, 11, 2)
    assert parse_day("today", today=TODAY) == TODAY
    assert parse_day(" Yesterday ", today=TODAY) == date(2026, 11, 22)


def test_a_bad_date_names_the_field_and_the_format() -> None:
    with pytest.raises(InputError, match=r"^date: '2026-13-40' is not a date; use YYYY-MM-DD"):
        parse_day("2026-13-40")


def test_a_day_without_time_is_noon_so_it_never_shifts_a_day() -> None:
    assert parse_when("2026-11-02") == datetime(2026, 11, 2, 12, 0)
    assert parse_when("2026-11-02 09:30") == datetime(2026, 11, 2, 9, 30)
    assert parse_when("2026-11-02T09:30:00+02:00") == datetime(2026, 11, 2, 9, 30)
    with pytest.raises(InputError, match="not a date and time"):
        parse_when("2026-11-02 25:99")


def test_lists_are_split_trimmed_and_deduplicated_in_order() -> None:
    assert clean_list(["Payments, web ,payments", "", "Data"], lower=True) == ["payments", "web", "data"]
    assert clean_list(["Ana  Ruiz,Bo"]) == ["Ana Ruiz", "Bo"]


def test_emails_are_checked_and_lowercased() -> None:
    assert clean_email(" Ana@Example.COM ", "email") == "ana@example.com"
    assert clean_email("", "email") is None
    with pytest.raises(InputError, match="name@example.com"):
        clean_email("ana-at-example", "manager email")


def test_kind_names_every_choice_when_unknown() -> None:
    assert Kind.parse(" Incident ") is Kind.INCIDENT
    with pytest.raises(InputError) as caught:
        Kind.parse("heroics")
    assert "delivery" in str(caught.value) and "framework" in str(caught.value)
    assert all(kind.description for kind in Kind)


def test_draft_validation_cleans_and_refuses_empty_text() -> None:
    draft = EvidenceDraft(title="  Fixed   the build ", occurred_at=datetime(2026, 1, 1), teams=("Web", "web"),
                          people=("Doe, Jane", "Bo"))  # fmt: skip
    cleaned = draft.validated()
    assert cleaned.title == "Fixed the build"
    assert cleaned.teams == ("web",)
    assert cleaned.people == ("Doe, Jane", "Bo"), "a name with a comma stays one person"
    with pytest.raises(InputError, match="^text: can't be empty"):
        EvidenceDraft(title="   ", occurred_at=datetime(2026, 1, 1)).validated()
    with pytest.raises(InputError, match="^minutes:"):
        EvidenceDraft(title="x", occurred_at=datetime(2026, 1, 1), minutes=-5).validated()


def test_fields_from_a_form_make_a_request_when_someone_asked() -> None:
    asked = draft_from_fields(text="Fix the deploy", requester="Alice", minutes="45", teams="platform")
    assert asked.kind is Kind.REQUEST and asked.minutes == 45 and asked.teams == ("platform",)
    own = draft_from_fields(text="Shipped search", metrics="latency: 2s -> 1s\n\nusers: 10k")
    assert own.kind is Kind.DELIVERY
    assert [str(m) for m in own.metrics] == ["latency: 2s -> 1s", "users: 10k"]
    with pytest.raises(InputError, match="^minutes: 'an hour'"):
        parse_minutes("an hour")


def test_a_patch_changes_only_what_it_names_and_can_clear() -> None:
    item = draft_from_fields(text="Old", minutes=30, project="checkout", teams="web")
    changed = EvidencePatch(title="New", clear=("minutes",)).apply(item)
    assert (changed.title, changed.minutes, changed.project, changed.teams) == ("New", None, "checkout", ("web",))
    assert EvidencePatch(requester="").apply(draft_from_fields(text="x", requester="Bo")).requester is None


def test_filters_refuse_impossible_ranges_and_pages() -> None:
    with pytest.raises(InputError, match="after"):
        EvidenceFilter(date_from=date(2026, 2, 1), date_to=date(2026, 1, 1)).validated()
    with pytest.raises(InputError, match="^page:"):
        EvidenceFilter(page=0).validated()
    assert EvidenceFilter(team=" Web ", text="  ").validated() == EvidenceFilter(team="web")


ANSWERS = {
    "name": "Sam Lee",
    "role": "Product designer",
    "current_level": "Senior",
    "target_level": "Lead",
    "team": "Growth",
    "manager_name": "Ana Ruiz",
    "manager_email": "ana@example.com",
    "skip_level_name": "Bo Chen",
    "skip_level_email": "",
    "plan_start": "2026-11-01",
}


def test_profile_answers_become_a_clean_profile() -> None:
    profile, problems = profile_from_answers(ANSWERS)
    assert problems == {}
    assert profile == Profile(
        name="Sam Lee", role="Product designer", current_level="Senior", target_level="Lead", team="growth",
        manager_name="Ana Ruiz", manager_email="ana@example.com", skip_level_name="Bo Chen",
        skip_level_email=None, plan_start=date(2026, 11, 1),
    )  # fmt: skip


@pytest.mark.parametrize(
    ("changes", "field", "words"),
    [
        ({"name": ""}, "name", "can't be empty"),
        ({"manager_email": "nope"}, "manager_email", "not an email"),
        ({"plan_start": "soon"}, "plan_start", "not a date"),
        ({"target_level": "senior"}, "target_level", "matches your current level"),
        ({"skip_level_name": "ana ruiz"}, "skip_level_name", "names your manager again"),
    ],
)
def test_each_wrong_answer_is_reported_on_its_own_field(changes: dict[str, str], field: str, words: str) -> None:
    profile, problems = profile_from_answers(ANSWERS | changes)
    assert profile is None
    assert list(problems) == [field]
    assert words in problems[field]


def test_characters_no_database_stores_are_dropped() -> None:
    draft = EvidenceDraft(title="Fixed\x00 it", body="a\ud800b", occurred_at=datetime(2026, 1, 1), teams=("w\x00eb",))
    cleaned = draft.validated()
    assert (cleaned.title, cleaned.body, cleaned.teams) == ("Fixed it", "ab", ("web",))
