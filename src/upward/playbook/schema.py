"""The shape of a playbook file. Pydantic checks every field; `loader` turns mistakes into lines."""

from __future__ import annotations

from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field, StringConstraints, model_validator

Id = Annotated[str, StringConstraints(pattern=r"^[a-z0-9]+(-[a-z0-9]+)*$", max_length=60)]
Text = Annotated[str, StringConstraints(min_length=1, strip_whitespace=True)]
Month = Annotated[int, Field(ge=1, le=12)]


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Action(Strict):
    id: Id
    title: Text
    detail: Text
    month: Month
    cadence: Id | None = None


class Move(Strict):
    id: Id
    title: Text
    months: tuple[Month, Month]
    why: Text
    actions: list[Action] = Field(min_length=1)


class Cadence(Strict):
    id: Id
    title: Text
    every_days: Annotated[int, Field(ge=1, le=366)]
    with_role: Id


class Finding(Strict):
    id: Id
    title: Text
    area: Id
    explain: Text
    thresholds: dict[str, float] = {}
    next_action: Id


class Area(Strict):
    id: Id
    title: Text
    weight: Annotated[float, Field(gt=0, le=1)]


class RequestChoice(Strict):
    id: Id
    title: Text
    when: Text


class TriageRules(Strict):
    """How requests are triaged: the budget for other people's requests and when a request counts as recurring."""

    #: Minutes a week the person gives to other people's requests, unless they set their own.
    weekly_budget_minutes: Annotated[int, Field(ge=0, le=7 * 24 * 60)] = 360
    #: What a request costs when nobody wrote down its minutes.
    default_request_minutes: Annotated[int, Field(ge=0, le=24 * 60)] = 30
    #: A request is recurring when this many similar items (itself included) came from this many people.
    recurring_at: Annotated[int, Field(ge=2, le=100)] = 3
    recurring_people: Annotated[int, Field(ge=1, le=100)] = 2
    #: How far back similar items count, and how far back untriaged requests are listed.
    lookback_days: Annotated[int, Field(ge=7, le=3660)] = 365
    open_days: Annotated[int, Field(ge=1, le=3660)] = 28
    #: Words that show someone wants to learn how to do something (they could learn it: teach).
    teach_words: list[Text] = []


class ProjectCriterion(Strict):
    id: Id
    question: Text
    why: Text
    weight: Annotated[float, Field(gt=0, le=10)] = 1


class Answer(Strict):
    id: Id
    label: Text
    #: What this answer says about the finding the question belongs to: ok, warning or red.
    status: Annotated[str, StringConstraints(pattern=r"^(ok|warning|red)$")]
    #: For perception questions: what that decision-maker likely thinks, in their words.
    thinks: Text | None = None


class Question(Strict):
    id: Id
    question: Text
    #: The finding this question informs when the record has too little to say, or contradicts.
    finding: Id
    #: Who the question is about, for the perception finding (manager, peers, skip-level).
    about: Text | None = None
    answers: list[Answer] = Field(min_length=2)


class PlanFill(Strict):
    """How the plan fills one action in with the person's own data."""

    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True)

    action: Id
    #: Which data: the decision-makers, people with `roles`, the recurring problems, or the chosen project.
    with_: Annotated[str, StringConstraints(pattern=r"^(decision-makers|people|recurring-problems|project)$")] = Field(
        alias="with"
    )
    roles: list[Id] = []
    #: One step per person, problem or project, titled with this ({name}, {role}, {problem}, {count}, {project});
    #: without it, the action stays one step and the names are listed in its detail.
    each: Text | None = None
    limit: Annotated[int, Field(ge=1, le=20)] = 5


class PlanRules(Strict):
    """How the 12-month plan is made from the moves, the diagnosis and the person's data (`upward plan`)."""

    #: Actions that answer a red flag move to the first weeks: the first one due after this many days, then the next.
    first_steps_days: Annotated[int, Field(ge=1, le=60)] = 14
    #: Several steps from one action (one per person, say) are spread this many days apart.
    spacing_days: Annotated[int, Field(ge=0, le=60)] = 14
    #: `upward next` looks this many days ahead.
    week_days: Annotated[int, Field(ge=1, le=31)] = 7
    fill: list[PlanFill] = []


class NameRange(Strict):
    """How many decision-makers to name ("Write down 5-7 specific names")."""

    fewest: Annotated[int, Field(ge=1, le=50)] = 5
    most: Annotated[int, Field(ge=1, le=50)] = 7

    @model_validator(mode="after")
    def _in_order(self) -> NameRange:
        if self.fewest > self.most:
            raise ValueError(f"fewest ({self.fewest}) is more than most ({self.most})")
        return self


class FrameworkStep(Strict):
    """One step from a recurring problem to a framework other teams use."""

    id: Id
    title: Text
    detail: Text
    #: Whether the step counts the teams the framework was taught to.
    counts_teams: bool = False


class Objection(Strict):
    """What decision-makers usually say against a promotion, and which evidence answers it."""

    id: Id
    #: In the decision-maker's words.
    says: Text
    #: Which part of the record answers it: the next level shown, the team not depending on the person,
    #: or the decision-makers knowing the work.
    answer_with: Annotated[str, StringConstraints(pattern=r"^(next-level|dispensable|known)$")]
    why: Text
    #: What to do when the record cannot answer it yet.
    if_missing: Text


class Conversation(Strict):
    """The promotion conversation (`upward conversation`): the objections, the ask and what comes after."""

    objections: list[Objection] = []
    #: The ask, with {target} for the level aimed at.
    ask: Text = "I'd like to be considered for {target} in the next promotion cycle. What would you need to see?"
    after: list[Text] = []


class PlaybookFile(Strict):
    """A playbook as written in YAML (version 1)."""

    version: Annotated[int, Field(ge=1, le=1)]
    name: Text
    summary: Text
    moves: list[Move] = Field(min_length=1)
    cadences: list[Cadence] = []
    decision_maker_roles: list[Id] = Field(min_length=1)
    decision_maker_names: NameRange = NameRange()
    findings: list[Finding] = []
    areas: list[Area] = Field(min_length=1)
    request_choices: list[RequestChoice] = []
    triage: TriageRules = TriageRules()
    project_criteria: list[ProjectCriterion] = Field(min_length=1)
    assessment: list[Question] = []
    plan: PlanRules = PlanRules()
    framework_steps: list[FrameworkStep] = []
    conversation: Conversation = Conversation()
