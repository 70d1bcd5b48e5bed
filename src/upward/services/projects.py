"""The visible-project picker: candidates, their scores on the playbook's criteria, and the one chosen.

Other features call `list_projects(ctx)` and `chosen_project(ctx)`; choosing a project adds it to the plan.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace
from datetime import date, timedelta
from typing import Any

import sqlalchemy as sa

from upward.analysis.projects import ScoredProject, ranked, score
from upward.model import InputError, NotFound
from upward.model.projects import Answer, Project, ProjectDraft, ProjectStatus
from upward.playbook import PlaybookFile, load_playbook
from upward.playbook.schema import ProjectCriterion
from upward.services.context import Context
from upward.store import profile_repo, projects_repo

#: The playbook action a chosen project fulfils; the plan item goes under the move that holds it.
PROJECT_ACTION = "join-visible-project"
DAYS_A_MONTH = 30


def list_projects(ctx: Context) -> list[Project]:
    """Every candidate the person wrote down, the chosen one included, oldest first."""
    with ctx.transaction() as conn:
        return projects_repo.list_all(conn, ctx.owner_id)


def chosen_project(ctx: Context) -> Project | None:
    return next((p for p in list_projects(ctx) if p.chosen), None)


def criteria(ctx: Context) -> list[ProjectCriterion]:
    return list(_playbook(ctx).project_criteria)


def get(ctx: Context, ref: int | str) -> Project:
    with ctx.transaction() as conn:
        return _get(conn, ctx, ref)


def add(ctx: Context, draft: ProjectDraft) -> Project:
    """Write down a candidate. Its answers must be to the playbook's questions."""
    draft = _checked(ctx, draft.validated())
    with ctx.transaction() as conn:
        _refuse_same_title(conn, ctx, draft.title)
        return _get(conn, ctx, projects_repo.add(conn, ctx.owner_id, draft))


def edit(ctx: Context, ref: int | str, changes: Mapping[str, Any], *, replace_answers: bool = False) -> Project:
    """Change the fields given (title, summary, teams, sponsor, months, notes, answers).

    Answers given are added to the ones there; with `replace_answers`, they replace them (a form sends them all)."""
    with ctx.transaction() as conn:
        project = _get(conn, ctx, ref)
        answers = {} if replace_answers else dict(project.answers)
        answers |= dict(changes.get("answers", {}))
        draft = _checked(ctx, replace(_draft_of(project), **{**changes, "answers": answers}).validated())
        if draft.title.lower() != project.title.lower():
            _refuse_same_title(conn, ctx, draft.title)
        projects_repo.update(conn, ctx.owner_id, project.id, draft)
        return _get(conn, ctx, project.id)


def answer(ctx: Context, ref: int | str, answers: Mapping[str, Answer]) -> ScoredProject:
    """Record the person's answers to some of the criteria, and return the new score."""
    if not answers:
        raise InputError("answers", "give at least one answer, like multiple-teams=yes")
    return scored(ctx, edit(ctx, ref, {"answers": answers}))


def scored(ctx: Context, project: Project) -> ScoredProject:
    return score(project, criteria(ctx), _own_team(ctx))


def compare(ctx: Context) -> list[ScoredProject]:
    """The candidates side by side, the chosen one first, then the best scores (dropped ones last)."""
    everything = ranked(list_projects(ctx), criteria(ctx), _own_team(ctx))
    return [s for s in everything if s.project.status is not ProjectStatus.DROPPED] + [
        s for s in everything if s.project.status is ProjectStatus.DROPPED
    ]


def choose(ctx: Context, ref: int | str) -> tuple[Project, int | None]:
    """Make this the project to go for (any other chosen one goes back to the candidates); track it in the plan.

    Returns the project and the plan item's id (None when there is no plan yet)."""
    with ctx.transaction() as conn:
        project = _get(conn, ctx, ref)
        projects_repo.unchoose_all(conn, ctx.owner_id)
        projects_repo.set_status(conn, ctx.owner_id, project.id, ProjectStatus.CHOSEN)
        project = _get(conn, ctx, project.id)
    return project, _track(ctx, project)


def drop(ctx: Context, ref: int | str) -> Project:
    """Set a candidate aside; it stays listed, last, and can be chosen later."""
    with ctx.transaction() as conn:
        project = _get(conn, ctx, ref)
        projects_repo.set_status(conn, ctx.owner_id, project.id, ProjectStatus.DROPPED)
        return _get(conn, ctx, project.id)


def delete(ctx: Context, ref: int | str) -> Project:
    with ctx.transaction() as conn:
        project = _get(conn, ctx, ref)
        projects_repo.delete(conn, ctx.owner_id, project.id)
        return project


def plan_move(playbook: PlaybookFile) -> str:
    """The move whose actions include joining a visible project (the first move if a playbook has no such action)."""
    for move in playbook.moves:
        if any(action.id == PROJECT_ACTION for action in move.actions):
            return move.id
    return playbook.moves[0].id


def _track(ctx: Context, project: Project) -> int | None:
    """Add the chosen project to the person's plan (None when there is no plan yet)."""
    from upward.services import plan  # here, not at the top: the plan reads the chosen project too

    due = date.today() + timedelta(days=DAYS_A_MONTH * project.months) if project.months else None
    detail = _plan_detail(project)
    title = f"Lead the visible project: {project.title}"
    move = plan_move(_playbook(ctx))
    return plan.track(ctx, title=title, move=move, origin="project", origin_id=project.id, due=due, detail=detail)


def _plan_detail(project: Project) -> str:
    parts = [project.summary] if project.summary else []
    if project.sponsor:
        parts.append(f"Sponsor: {project.sponsor}.")
    if project.teams:
        parts.append(f"Teams: {', '.join(project.teams)}.")
    return " ".join(parts)


def _playbook(ctx: Context) -> PlaybookFile:
    return load_playbook(ctx.settings.playbook)


def _own_team(ctx: Context) -> str | None:
    with ctx.transaction() as conn:
        profile = profile_repo.get_profile(conn, ctx.owner_id)
    return profile.team if profile else None


def _checked(ctx: Context, draft: ProjectDraft) -> ProjectDraft:
    known = [c.id for c in criteria(ctx)]
    for criterion in draft.answers:
        if criterion not in known:
            raise InputError(criterion, f"is not one of the questions; the questions are: {', '.join(known)}")
    return draft


def _draft_of(project: Project) -> ProjectDraft:
    return ProjectDraft(
        title=project.title, summary=project.summary, teams=project.teams, sponsor=project.sponsor,
        months=project.months, answers=project.answers, notes=project.notes,
    )  # fmt: skip


def _refuse_same_title(conn: sa.Connection, ctx: Context, title: str) -> None:
    existing = projects_repo.find_by_title(conn, ctx.owner_id, title)
    if existing is not None:
        raise InputError("title", f"you already have a project called '{existing.title}' (#{existing.id})")


def _get(conn: sa.Connection, ctx: Context, ref: int | str) -> Project:
    """A project by its number, or by its title (any case)."""
    text = str(ref).strip().lstrip("#")
    found = (
        projects_repo.get(conn, ctx.owner_id, int(text))
        if text.isdigit() and int(text) < 2**31
        else projects_repo.find_by_title(conn, ctx.owner_id, text)
    )
    if found is None:
        raise NotFound(f"There is no project {ref!r}. `upward project list` shows yours.")
    return found
