"""/api/v1/projects: the JSON twin of the visible-project page."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, Path, Response
from pydantic import BaseModel

from upward.model.parsing import clean_list
from upward.model.projects import Answer, ProjectDraft
from upward.services import Context
from upward.services import projects as projects_service
from upward.web.csrf import require_json
from upward.web.deps import MAX_ID, Ctx
from upward.web.people_schemas import ProjectIn, ProjectOut, ProjectPatchIn
from upward.web.problems import api_input

router = APIRouter(tags=["projects"])
ProjectId = Annotated[int, Path(ge=1, le=MAX_ID, description="The id of a candidate project")]
Json = [Depends(require_json)]


class CriterionOut(BaseModel):
    id: str
    question: str
    why: str
    weight: float


class ProjectsOut(BaseModel):
    criteria: list[CriterionOut]
    #: The chosen project first, then the best scores; set-aside ones last.
    projects: list[ProjectOut]
    chosen_id: int | None


class ChosenOut(BaseModel):
    project: ProjectOut
    plan_item_id: int | None


@router.get("/projects", response_model=ProjectsOut)
def list_projects(ctx: Ctx) -> ProjectsOut:
    """The candidates side by side: the questions, each project's answers (and where they come from), the scores."""
    compared = projects_service.compare(ctx)
    criteria = [CriterionOut(id=c.id, question=c.question, why=c.why, weight=c.weight)
                for c in projects_service.criteria(ctx)]  # fmt: skip
    chosen = next((s.project.id for s in compared if s.project.chosen), None)
    return ProjectsOut(criteria=criteria, projects=[ProjectOut.of(s) for s in compared], chosen_id=chosen)


@router.post("/projects", response_model=ProjectOut, status_code=201, dependencies=Json)
def add_project(body: ProjectIn, ctx: Ctx) -> ProjectOut:
    """Write down a candidate. `answers` maps a question's id to yes, partly or no."""
    with api_input("body", {}):
        draft = ProjectDraft(
            title=body.title, summary=body.summary, teams=tuple(clean_list(body.teams)), sponsor=body.sponsor,
            months=body.months, answers=_answers(body.answers), notes=body.notes,
        )  # fmt: skip
        return _out(ctx, projects_service.add(ctx, draft).id)


@router.get("/projects/{project_id}", response_model=ProjectOut)
def read_project(project_id: ProjectId, ctx: Ctx) -> ProjectOut:
    return _out(ctx, project_id)


@router.patch("/projects/{project_id}", response_model=ProjectOut, dependencies=Json)
def edit_project(project_id: ProjectId, body: ProjectPatchIn, ctx: Ctx) -> ProjectOut:
    """Change the fields sent; answers sent are added to the ones there."""
    changes: dict[str, Any] = body.model_dump(exclude_unset=True)
    with api_input("body", {}):
        if "teams" in changes:
            changes["teams"] = tuple(clean_list(changes["teams"] or []))
        if "answers" in changes:
            changes["answers"] = _answers(changes["answers"] or {})
        projects_service.edit(ctx, project_id, changes)
    return _out(ctx, project_id)


@router.post("/projects/{project_id}/choose", response_model=ChosenOut, dependencies=Json)
def choose_project(project_id: ProjectId, ctx: Ctx) -> ChosenOut:
    """Make it the visible project (any other goes back to the candidates) and add it to the plan, if there is one."""
    project, item = projects_service.choose(ctx, project_id)
    return ChosenOut(project=_out(ctx, project.id), plan_item_id=item)


@router.post("/projects/{project_id}/drop", response_model=ProjectOut, dependencies=Json)
def drop_project(project_id: ProjectId, ctx: Ctx) -> ProjectOut:
    projects_service.drop(ctx, project_id)
    return _out(ctx, project_id)


@router.delete("/projects/{project_id}", status_code=204)
def delete_project(project_id: ProjectId, ctx: Ctx) -> Response:
    projects_service.delete(ctx, project_id)
    return Response(status_code=204)


def _answers(given: dict[str, str]) -> dict[str, Answer]:
    return {key: Answer.parse(value, key) for key, value in given.items()}


def _out(ctx: Context, project_id: int) -> ProjectOut:
    return ProjectOut.of(projects_service.scored(ctx, projects_service.get(ctx, project_id)))
