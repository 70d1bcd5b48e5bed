"""The visible-project picker: candidates scored on the playbook's criteria, compared, and the chosen one planned."""

from __future__ import annotations

import json

import pytest

from conftest import Cli
from upward.analysis.projects import ranked, score, suggested
from upward.model import InputError, NotFound
from upward.model.projects import Answer, Project, ProjectDraft, ProjectStatus
from upward.playbook import load_playbook
from upward.services import Context, open_context
from upward.services import plan as plan_service
from upward.services import projects as projects_service
from upward.services.demo import load_demo
from upward.settings import Settings

CRITERIA = load_playbook().project_criteria


def project(pid: int = 1, **fields: object) -> Project:
    return Project(title=f"Project {pid}", id=pid, **fields)  # type: ignore[arg-type]


# Scoring (pure)


def test_the_facts_suggest_answers_until_the_person_gives_their_own() -> None:
    candidate = project(teams=("finance-ops",), sponsor="Elena Rossi", months=3)
    facts = suggested(candidate, own_team="payments")
    assert facts["multiple-teams"] == (Answer.YES, "it touches 2 teams")
    assert facts["executive-sponsor"] == (Answer.YES, "Elena Rossi backs it")
    assert facts["two-to-four-months"] == (Answer.YES, "it should take 3 months")
    scored = score(candidate, CRITERIA, "payments")
    assert (scored.points, scored.out_of, scored.percent) == (3, 5, 60)
    assert scored.open_questions == (
        "Does it solve a problem the leadership team cares about?",
        "Is it beyond your current job description?",
    )
    overridden = score(project(teams=("finance-ops",), answers={"multiple-teams": Answer.NO}), CRITERIA, "payments")
    first = overridden.criteria[0]
    assert (first.answer, first.said_by, first.from_facts) == (Answer.NO, "you", False)


@pytest.mark.parametrize(("months", "answer"), [(1, Answer.PARTLY), (2, Answer.YES), (4, Answer.YES),
                                                 (6, Answer.PARTLY), (9, Answer.NO)])  # fmt: skip
def test_two_to_four_months_is_the_sweet_spot(months: int, answer: Answer) -> None:
    assert suggested(project(months=months))["two-to-four-months"][0] is answer


def test_a_single_team_of_ones_own_is_not_several_and_partly_counts_half() -> None:
    assert suggested(project(teams=("payments",)), own_team="Payments")["multiple-teams"][0] is Answer.NO
    half = score(project(answers={"stretch": Answer.PARTLY, "leadership-cares": Answer.YES}), CRITERIA)
    assert half.percent == 30


def test_the_chosen_project_comes_first_then_the_best_score() -> None:
    low = project(1, answers={"stretch": Answer.YES})
    high = project(2, answers={"stretch": Answer.YES, "leadership-cares": Answer.YES})
    chosen = project(3, status=ProjectStatus.CHOSEN)
    assert [s.project.id for s in ranked([low, high, chosen], CRITERIA)] == [3, 2, 1]


# The service


def test_choose_keeps_one_chosen_project_and_tracks_it_in_the_plan(ctx: Context) -> None:
    first = projects_service.add(ctx, ProjectDraft("Reconciliation rebuild", teams=("finance-ops", "payments")))
    second = projects_service.add(ctx, ProjectDraft("API documentation", months=3, sponsor="Rachel Alvarez"))
    assert projects_service.chosen_project(ctx) is None
    chosen, item = projects_service.choose(ctx, first.id)
    assert chosen.chosen and chosen.chosen_at is not None and item is None  # no plan yet
    plan_service.create_plan(ctx)
    chosen, item = projects_service.choose(ctx, "api documentation")
    assert chosen.id == second.id and item is not None
    assert [p.id for p in projects_service.list_projects(ctx) if p.chosen] == [second.id]
    plan = plan_service.current_plan(ctx)
    assert plan is not None
    tracked = [i for i in plan.items if i.origin == "project" and i.origin_id == second.id]
    assert len(tracked) == 1
    assert tracked[0].title == "Lead the visible project: API documentation"
    assert tracked[0].move == "get-visible"  # where the playbook puts "join a visible project"
    assert "Sponsor: Rachel Alvarez." in tracked[0].detail
    assert projects_service.choose(ctx, second.id)[1] == item  # choosing again adds nothing


def test_bad_input_is_refused_before_anything_is_written(ctx: Context) -> None:
    with pytest.raises(InputError) as error:
        projects_service.add(ctx, ProjectDraft("  "))
    assert error.value.field == "title"
    with pytest.raises(InputError) as error:
        projects_service.add(ctx, ProjectDraft("Docs", months=40))
    assert error.value.field == "months"
    with pytest.raises(InputError) as error:
        projects_service.add(ctx, ProjectDraft("Docs", answers={"fame": Answer.YES}))
    assert error.value.field == "fame" and "multiple-teams" in error.value.problem
    assert projects_service.list_projects(ctx) == []
    projects_service.add(ctx, ProjectDraft("Docs"))
    with pytest.raises(InputError, match="already have a project called 'Docs'"):
        projects_service.add(ctx, ProjectDraft("docs"))
    with pytest.raises(NotFound):
        projects_service.choose(ctx, "Nothing like it")


def test_one_account_never_sees_anothers_projects(ctx: Context, settings: Settings) -> None:
    projects_service.add(ctx, ProjectDraft("Docs"))
    bob = open_context(settings.model_copy(update={"account": "bob"}))
    assert projects_service.list_projects(bob) == [] and projects_service.chosen_project(bob) is None
    with pytest.raises(NotFound):
        projects_service.choose(bob, 1)


# The commands


def test_add_score_list_and_choose_from_the_terminal(cli: Cli, ctx: Context) -> None:
    added = cli("project", "add", "Reconciliation rebuild", "--teams", "payments, finance-ops", "--sponsor",
                "Elena Rossi", "--months", "3", "--summary", "Make the ledger match the bank")  # fmt: skip
    assert added.exit_code == 0, added.output
    assert "Score: 60%" in added.output and "(suggested: Elena Rossi backs it)" in added.output
    assert cli("project", "add", "API docs", "--months", "7").exit_code == 0
    scored = cli("project", "score", "2", "multiple-teams=yes", "leadership-cares=partly", "stretch=yes")
    assert scored.exit_code == 0 and "Score: 50%" in scored.output
    assert projects_service.get(ctx, 2).answers == {
        "multiple-teams": Answer.YES,
        "leadership-cares": Answer.PARTLY,
        "stretch": Answer.YES,
    }
    table = cli("project", "list")
    assert table.exit_code == 0
    header = next(line for line in table.output.splitlines() if "#1 Reconciliation rebuild" in line)
    assert header.index("#1") < header.index("#2 API docs")  # 60% before 50%
    assert "Is it beyond your current job description?" in table.output
    chosen = cli("project", "choose", "API docs")
    assert chosen.exit_code == 0 and "Chosen: #2 API docs." in chosen.output
    listed = json.loads(cli("project", "list", "--json").output)
    assert [(p["id"], p["status"], p["score"]) for p in listed] == [(2, "chosen", 50), (1, "candidate", 60)]


def test_score_asks_each_question_when_no_answers_are_given(cli: Cli, ctx: Context) -> None:
    assert cli("project", "add", "Docs", "--teams", "web,data").exit_code == 0
    result = cli("project", "score", "Docs", input="\nno\nyes\nskip\npartly\n")
    assert result.exit_code == 0, result.output
    assert projects_service.get(ctx, 1).answers == {
        "multiple-teams": Answer.YES,
        "executive-sponsor": Answer.NO,
        "leadership-cares": Answer.YES,
        "stretch": Answer.PARTLY,
    }


@pytest.mark.parametrize(
    ("args", "words"),
    [
        (["project", "add", "Docs", "--months", "soon"], "months: 'soon' is not a number of months"),
        (["project", "add", "Docs", "--months", "0"], "months: 0 is out of range"),
        (["project", "add", ""], "title: can't be empty"),
        (["project", "score", "1", "stretch=lots"], "stretch: 'lots' is not an answer; use yes, partly or no"),
        (["project", "score", "1", "fame=yes"], "fame: is not one of the questions"),
        (["project", "score", "1", "stretch"], "answers: 'stretch' needs a question and an answer"),
        (["project", "edit", "1"], "Nothing to change"),
        (["project", "choose", "7"], "There is no project '7'"),
    ],
)
def test_bad_input_exits_with_the_field_and_changes_nothing(
    cli: Cli, ctx: Context, args: list[str], words: str
) -> None:
    projects_service.add(ctx, ProjectDraft("Existing"))
    before = projects_service.list_projects(ctx)
    result = cli(*args)
    assert result.exit_code == 2
    assert words in result.stderr
    assert projects_service.list_projects(ctx) == before


def test_edit_and_drop(cli: Cli, ctx: Context) -> None:
    assert cli("project", "add", "Docs").exit_code == 0
    assert cli("project", "edit", "Docs", "--months", "3", "--teams", "web, data", "--title", "API docs").exit_code == 0
    docs = projects_service.get(ctx, 1)
    assert (docs.title, docs.months, docs.teams) == ("API docs", 3, ("web", "data"))
    assert cli("project", "drop", "1").exit_code == 0
    assert projects_service.get(ctx, 1).status is ProjectStatus.DROPPED
    assert "(set aside)" in cli("project", "list").output


def test_the_demo_persona_has_candidates_worth_comparing(ctx: Context) -> None:
    load_demo(ctx)
    load_demo(ctx)  # twice: nothing is added again
    compared = projects_service.compare(ctx)
    assert [(s.project.title, s.percent) for s in compared] == [
        ("Rebuild payments reconciliation with finance operations", 100),
        ("A deploy pipeline guide every team can follow", 60),
        ("Move the card vault to the new region", 30),
    ]
    assert projects_service.chosen_project(ctx) is None
