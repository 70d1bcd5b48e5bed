"""The shape of a playbook file. Pydantic checks every field; `loader` turns mistakes into lines."""

from __future__ import annotations

from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field, StringConstraints

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


class PlaybookFile(Strict):
    """A playbook as written in YAML (version 1)."""

    version: Annotated[int, Field(ge=1, le=1)]
    name: Text
    summary: Text
    moves: list[Move] = Field(min_length=1)
    cadences: list[Cadence] = []
    decision_maker_roles: list[Id] = Field(min_length=1)
    findings: list[Finding] = []
    areas: list[Area] = Field(min_length=1)
    request_choices: list[RequestChoice] = []
    project_criteria: list[ProjectCriterion] = Field(min_length=1)
    assessment: list[Question] = []
