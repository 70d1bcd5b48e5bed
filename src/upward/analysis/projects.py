"""Scoring candidate visible projects on the playbook's criteria: the person's answers, or what the facts suggest."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from upward.model.projects import Answer, Project
from upward.playbook.schema import ProjectCriterion

#: The criteria of the default playbook that the project's own facts can answer until the person does.
SEVERAL_TEAMS, SPONSOR, DURATION = "multiple-teams", "executive-sponsor", "two-to-four-months"


@dataclass(frozen=True, slots=True)
class CriterionScore:
    id: str
    question: str
    why: str
    weight: float
    answer: Answer | None
    #: Where the answer comes from: "you" (the person said so), a reason from the facts, or "" (unanswered).
    said_by: str = ""

    @property
    def from_facts(self) -> bool:
        return self.answer is not None and self.said_by != "you"


@dataclass(frozen=True, slots=True)
class ScoredProject:
    project: Project
    criteria: tuple[CriterionScore, ...]
    points: float
    out_of: float

    @property
    def percent(self) -> int:
        return round(100 * self.points / self.out_of) if self.out_of else 0

    @property
    def open_questions(self) -> tuple[str, ...]:
        """The questions nobody has answered yet: what to find out before choosing."""
        return tuple(c.question for c in self.criteria if c.answer is None)

    def answer(self, criterion_id: str) -> Answer | None:
        return next((c.answer for c in self.criteria if c.id == criterion_id), None)


def suggested(project: Project, own_team: str | None = None) -> dict[str, tuple[Answer, str]]:
    """Answers the project's facts give (teams, sponsor, months), each with the reason in plain words."""
    out: dict[str, tuple[Answer, str]] = {}
    teams = set(project.teams) | ({own_team.lower()} if own_team and project.teams else set())
    if project.teams:
        answer = Answer.YES if len(teams) >= 2 else Answer.NO
        out[SEVERAL_TEAMS] = (answer, f"it touches {len(teams)} team{'' if len(teams) == 1 else 's'}")
    if project.sponsor:
        out[SPONSOR] = (Answer.YES, f"{project.sponsor} backs it")
    if project.months is not None:
        months = project.months
        answer = Answer.YES if 2 <= months <= 4 else Answer.PARTLY if months in (1, 5, 6) else Answer.NO
        out[DURATION] = (answer, f"it should take {months} month{'' if months == 1 else 's'}")
    return out


def score(project: Project, criteria: Sequence[ProjectCriterion], own_team: str | None = None) -> ScoredProject:
    """Each criterion answered by the person, else by the facts, else left open (and counted as no)."""
    facts = suggested(project, own_team)
    scored = []
    for criterion in criteria:
        if criterion.id in project.answers:
            answer, said_by = project.answers[criterion.id], "you"
        elif criterion.id in facts:
            answer, said_by = facts[criterion.id]
        else:
            answer, said_by = None, ""
        scored.append(
            CriterionScore(criterion.id, criterion.question, criterion.why, criterion.weight, answer, said_by)
        )
    points = sum(c.weight * c.answer.value_points for c in scored if c.answer is not None)
    return ScoredProject(project, tuple(scored), points, sum(c.weight for c in criteria))


def ranked(
    projects: Iterable[Project], criteria: Sequence[ProjectCriterion], own_team: str | None = None
) -> list[ScoredProject]:
    """Best first: the chosen project, then the highest score, then the oldest."""
    scored = [score(p, criteria, own_team) for p in projects]
    return sorted(scored, key=lambda s: (not s.project.chosen, -s.points, s.project.id))
