"""The self-assessment: stored with its date, used where the record is silent, contradicted where it speaks."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from conftest import Cli
from upward.model import InputError
from upward.model.diagnosis import Status
from upward.services import Context
from upward.services import assessment as assessment_service
from upward.services.demo import load_demo
from upward.services.diagnosis import run_diagnosis

TODAY = date(2026, 11, 23)


def test_answers_are_kept_with_their_date_and_the_latest_counts(ctx: Context) -> None:
    assessment_service.save_answers(ctx, {"skip-level-talks": "never"}, datetime(2026, 1, 5, 9))
    assessment_service.save_answers(ctx, {"skip-level-talks": "monthly"}, datetime(2026, 6, 1, 9))
    assert assessment_service.latest(ctx) == (datetime(2026, 6, 1, 9), {"skip-level-talks": "monthly"})


def test_wrong_questions_and_answers_are_named(ctx: Context) -> None:
    with pytest.raises(InputError, match="'weekly' is not one of the answers: never, few-times-a-year, monthly"):
        assessment_service.save_answers(ctx, {"skip-level-talks": "weekly"})
    with pytest.raises(InputError, match="'vibes' is not a question"):
        assessment_service.save_answers(ctx, {"vibes": "good"})
    assert assessment_service.latest(ctx) is None


def test_answers_stand_in_where_the_record_is_silent(ctx: Context) -> None:
    assessment_service.save_answers(ctx, {"skip-level-talks": "never", "go-to-person": "constantly"})
    diagnosis = run_diagnosis(ctx, TODAY)
    skip = diagnosis.finding("no-skip-level-contact")
    assert (skip.status, skip.from_answers) == (Status.RED, True)
    assert "From your own answer: “Never, or I can't remember when”" in skip.summary
    assert skip.missing, "it still says which data would confirm it"
    assert diagnosis.finding("expert-trap").status is Status.RED
    assert diagnosis.finding("only-own-team").status is Status.UNKNOWN


def test_the_record_wins_and_the_gap_is_said_out_loud(ctx: Context) -> None:
    load_demo(ctx, today=TODAY)
    assessment_service.save_answers(ctx, {"skip-level-talks": "monthly", "same-problems": "often"})
    diagnosis = run_diagnosis(ctx, TODAY)
    skip = diagnosis.finding("no-skip-level-contact")
    assert skip.status is Status.RED and not skip.from_answers
    assert skip.contradiction is not None
    assert skip.contradiction.startswith("You said “Monthly or more”, but your record shows otherwise: Your last")
    assert diagnosis.finding("same-problems").contradiction is None


def test_perception_answers_show_what_each_decision_maker_likely_thinks(ctx: Context) -> None:
    assessment_service.save_answers(ctx, {"manager-view": "keep", "skip-view": "no"})
    finding = run_diagnosis(ctx, TODAY).finding("perception-gap")
    assert finding.status is Status.RED and finding.from_answers
    assert "your manager: “She's doing excellent work in her current role. If I promote her, I lose her.”" in (
        finding.summary
    )
    assert "your skip-level: “Never heard of her.”" in finding.summary


def test_the_cli_asks_each_question_and_reports_the_gaps(cli: Cli, ctx: Context) -> None:
    load_demo(ctx)
    answers = "\n".join(["3", "3", "", "", "", "", "", "", "", ""]) + "\n"
    result = cli("assess", input=answers)
    assert result.exit_code == 0, result.output
    assert "1/10. Besides your manager, who knows what you work on" in result.output
    assert "Saved 2 answers." in result.output
    assert "Where your answers and your record disagree" in result.output
    assert assessment_service.latest(ctx)[1] == {"who-knows": "several", "skip-level-talks": "monthly"}  # type: ignore[index]


def test_the_cli_takes_answers_as_flags_and_lists_the_ids(cli: Cli, ctx: Context) -> None:
    assert "skip-level-talks" in cli("assess", "--list").output
    result = cli("assess", "--answer", "stretch=no", "--answer", "legible=partly")
    assert result.exit_code == 0, result.output
    assert assessment_service.latest(ctx)[1] == {"stretch": "no", "legible": "partly"}  # type: ignore[index]
    bad = cli("assess", "--answer", "stretch")
    assert bad.exit_code == 2 and "should look like QUESTION=ANSWER" in bad.stderr
