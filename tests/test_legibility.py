"""The legibility check: each finding fires on a text with the gap and not on one without it, in any profession."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from upward.analysis.legibility import AUDIENCES, check, jargon, shipped_lexicon
from upward.model import InputError

SEED_BETTER = (
    "We were losing 15% of users at the payment screen because latency was 4 seconds. The company was leaving "
    "$2M on the table annually. I led a cross-functional effort to rebuild our infrastructure, and latency dropped "
    "to 1.2 seconds. Within 30 days, we recovered 14% of those users, generating $1.8M in incremental annual revenue."
)
SEED_METRIC = "I led the infrastructure redesign project and we improved latency by 40%."

#: Strong stories from four professions: none of the impact findings should fire on them.
STRONG = {
    "engineer": SEED_BETTER,
    "designer": (
        "I redesigned the sign-up form after interviews showed people gave up at the address step. Completion rose "
        "from 41% to 63% within six weeks, which means about 2,000 more customers a month."
    ),
    "marketer": (
        "I rewrote our spring email campaign for lapsed customers. Before, 2% of them came back; after the change "
        "5% did within a month, bringing in $240k of repeat orders in Q2."
    ),
    "analyst": (
        "Finance closed the books in 9 days because reports were built by hand. I built one shared report and "
        "trained the team, so the close now takes 4 days, which saves 60 hours a month of analyst time."
    ),
}


def ids(text: str, audience: str = "skip-level") -> set[str]:
    return check(text, audience).ids


@pytest.mark.parametrize("profession", STRONG)
def test_strong_stories_from_every_profession_score_high(profession: str) -> None:
    verdict = check(STRONG[profession])
    assert verdict.findings == (), [f.id for f in verdict.findings]
    assert verdict.score == 100


def test_the_seed_metric_scores_far_below_the_seed_story() -> None:
    weak, strong = check(SEED_METRIC), check(SEED_BETTER)
    assert weak.score <= 50 < strong.score
    assert {"metric-without-consequence", "no-stakes", "no-baseline", "no-timeframe"} <= weak.ids
    question = next(f.question for f in weak.findings if f.id == "metric-without-consequence")
    assert question.startswith("We improved latency by 40% —") and "customers" in question


@pytest.mark.parametrize(
    ("gap", "fixed"),
    [
        ("Latency dropped 40% after my rewrite in March.", "Latency dropped 40% in March, so 300 more customers paid."),
        (
            "I made our hero banner 3x bigger last quarter.",
            "I made the banner 3x bigger last quarter; sales rose $40k.",
        ),
        (
            "Dashboard load time is 2 seconds now, since May.",
            "Load time is 2 seconds since May, saving 5 hours a week.",
        ),
    ],
)
def test_a_metric_with_no_consequence(gap: str, fixed: str) -> None:
    assert "metric-without-consequence" in ids(gap)
    assert "metric-without-consequence" not in ids(fixed)


def test_a_number_that_is_a_date_is_not_a_metric() -> None:
    for text in ("I ran the offsite on 2025-03-14.", "I ran the offsite on March 14, 2025.", "I ran the Q3 offsite."):
        found = ids(text)
        assert "metric-without-consequence" not in found and "no-baseline" not in found
        assert "no-result" in found


@pytest.mark.parametrize(
    ("gap", "fixed"),
    [
        ("I cut the onboarding time to 3 days.", "I cut onboarding from 10 days to 3 days."),
        ("Our NPS rose to 52 after I redesigned the survey.", "NPS rose to 52, up from 31, after I redesigned it."),
        ("Sign-ups grew 30% after my landing page test.", "Sign-ups were 900 a week before my test; now 1,170."),
    ],
)
def test_no_baseline(gap: str, fixed: str) -> None:
    assert "no-baseline" in ids(gap)
    assert "no-baseline" not in ids(fixed)


def test_no_result_when_nothing_changed_in_numbers() -> None:
    assert "no-result" in ids("I redesigned the onboarding flow and wrote the brand guidelines.")
    assert "no-result" not in ids("I redesigned the onboarding flow; drop-off went from 30% to 12%.")
    assert "no-result" not in ids("I redesigned the onboarding flow and support calls halved.")


@pytest.mark.parametrize(
    ("gap", "fixed"),
    [
        ("Support tickets fell from 400 to 150 after I wrote the help pages.", "… from 400 to 150 within 8 weeks."),
        ("I negotiated a $30k discount with our print vendor.", "I negotiated a $30k a year discount."),
        ("My campaign brought 1,200 new subscribers.", "My campaign brought 1,200 new subscribers in Q4."),
        ("Churn went from 6% to 4%.", "Churn went from 6% to 4% over the following quarter."),
    ],
)
def test_no_timeframe(gap: str, fixed: str) -> None:
    assert "no-timeframe" in ids(gap)
    assert "no-timeframe" not in ids(fixed)


def test_seconds_of_latency_are_not_a_timeframe() -> None:
    assert "no-timeframe" in ids("Page load went from 4 seconds to 1.2 seconds.")


@pytest.mark.parametrize(
    ("gap", "fixed"),
    [
        ("Page load went from 4 seconds to 1.2 seconds in May.", "… in May, and 14% of lost buyers came back."),
        ("I reorganised the design files in Q2.", "I reorganised the design files in Q2, saving 6 hours a week."),
        ("Open rates went from 18% to 27% this quarter.", "Open rates rose this quarter, bringing in $50k."),
    ],
)
def test_no_money_people_or_time_saved(gap: str, fixed: str) -> None:
    assert "no-stakes" in ids(gap)
    assert "no-stakes" not in ids(gap.split("…")[0] + fixed if fixed.startswith("…") else fixed)


@pytest.mark.parametrize(
    ("gap", "fixed"),
    [
        ("We shipped the new checkout in March.", "I led the team that shipped the new checkout in March."),
        ("Our team rebuilt the brand guide.", "Our team rebuilt the brand guide; my part was the colour system."),
        ("We migrated the reports.", "Led the reporting migration; we moved 40 reports."),
    ],
)
def test_we_with_no_sign_of_the_person_s_own_role(gap: str, fixed: str) -> None:
    assert "we-without-role" in ids(gap)
    assert "we-without-role" not in ids(fixed)


def test_i_alone_needs_no_role_finding() -> None:
    assert "we-without-role" not in ids("I wrote the style guide.")


@pytest.mark.parametrize(
    ("gap", "term"),
    [
        ("I refactored payment_service.py to cut p99 latency.", "payment_service.py"),
        ("I moved the job to the `nightly_sync` queue.", "nightly_sync"),
        ("I fixed getUserProfile so pages load faster.", "getUserProfile"),
        ("I cleaned up /etc/nginx/sites-enabled on every box.", "/etc/nginx/sites-enabled"),
        ("I lowered our CAC by tuning the lookalike audiences.", "CAC"),
        ("I ran a heuristic evaluation and fixed the affordances.", "heuristic evaluation"),
        ("My XGBoost model beat the baseline on RMSE.", "XGBoost"),
        ("I rebuilt the ETL so the DAG runs in one hour.", "ETL"),
    ],
)
def test_jargon_across_professions(gap: str, term: str) -> None:
    verdict = check(gap)
    finding = next(f for f in verdict.findings if f.id == "jargon")
    assert term in finding.terms
    assert term in finding.question or len(finding.terms) > 4


def test_plain_words_and_everyday_acronyms_are_not_jargon() -> None:
    text = "I told the CEO and our VP of HR that the iPhone app earned $2M in Q3, per our KPI report (see acme.com)."
    assert jargon(text) == ()


def test_the_lexicon_can_be_extended_and_relaxed() -> None:
    mine = shipped_lexicon().extended(terms=["quorum sensing"], plain=["CAC"])
    assert jargon("We mapped quorum sensing.", mine) == ("quorum sensing",)
    assert jargon("We lowered CAC.", mine) == ()
    assert jargon("We lowered CAC.") == ("CAC",)


def test_a_manager_tolerates_a_few_field_words_a_skip_level_does_not() -> None:
    text = "I cut the API error rate from 3% to 0.5% in May, so 900 more customers a week finished checkout."
    assert "jargon" in ids(text, "skip-level")
    assert "jargon" not in ids(text, "manager")


def test_a_reading_grade_that_is_too_high() -> None:
    dense = (
        "I operationalised a comprehensive organisational capability-development methodology, institutionalising "
        "standardised cross-functional accountability mechanisms throughout international subsidiaries."
    )
    verdict = check(dense)
    assert "reading-grade" in verdict.ids and verdict.grade is not None and verdict.grade > 12
    assert "reading-grade" not in ids(STRONG["designer"])


def test_too_long_depends_on_the_audience() -> None:
    text = " ".join([STRONG["analyst"]] * 2)  # about 80 words
    assert "too-long" in ids(text, "executive")
    assert "too-long" not in ids(text, "manager")
    finding = next(f for f in check(text, "executive").findings if f.id == "too-long")
    assert "60 words" in finding.question


def test_an_unknown_audience_names_the_choices() -> None:
    with pytest.raises(InputError, match="manager, skip-level, executive"):
        check("I did it.", "board")
    assert check("I did it.", "exec").audience == "executive"


def test_empty_text_scores_zero_and_asks_where_to_start() -> None:
    verdict = check("   ")
    assert verdict.score == 0 and [f.id for f in verdict.findings] == ["empty"]


@settings(max_examples=60, deadline=None)
@given(st.text(max_size=400), st.sampled_from(AUDIENCES))
def test_any_text_gives_a_score_from_0_to_100_with_a_question_per_finding(text: str, audience: str) -> None:
    verdict = check(text, audience)
    assert 0 <= verdict.score <= 100
    assert verdict.score == max(0, 100 - sum(f.weight for f in verdict.findings)) or verdict.words == 0
    assert all(f.question.endswith("?") for f in verdict.findings)
    assert check(text, audience) == verdict


@settings(max_examples=40, deadline=None)
@given(st.integers(min_value=1990, max_value=2039), st.sampled_from(["in", "during", "since"]))
def test_years_are_never_metrics(year: int, word: str) -> None:
    assert "metric-without-consequence" not in ids(f"I rewrote the handbook {word} {year}.")
