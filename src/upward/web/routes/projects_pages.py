"""The visible-project page: candidates side by side on the playbook's questions, and the one you go for."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, Path, Request
from fastapi.responses import RedirectResponse
from starlette.responses import Response

from upward.model import InputError
from upward.model.parsing import clean_list
from upward.model.projects import Answer, Project, ProjectDraft, parse_months
from upward.services import Context
from upward.services import projects as projects_service
from upward.web.csrf import FIELD, verify_form_token
from upward.web.deps import MAX_ID, Ctx, render

router = APIRouter(include_in_schema=False)
Protected = [Depends(verify_form_token)]
ProjectId = Annotated[int, Path(ge=1, le=MAX_ID, description="The id of a candidate project")]
ANSWER_PREFIX = "answer-"
ANSWERS = [("yes", "Yes"), ("partly", "Partly"), ("no", "No"), ("", "Not sure yet")]


@router.get("/projects")
def projects_page(request: Request, ctx: Ctx, saved: str | None = None) -> Response:
    return _page(request, ctx, values={}, saved=saved)


@router.post("/projects", dependencies=Protected)
async def add_project(request: Request, ctx: Ctx) -> Response:
    form = await _form(request)
    try:
        project = projects_service.add(ctx, _draft(form))
    except InputError as error:
        return _page(request, ctx, values=form, problems={error.field: error.problem}, status_code=422)
    return RedirectResponse(f"/projects/{project.id}?saved=added", status_code=303)


@router.get("/projects/{project_id}")
def project_page(request: Request, project_id: ProjectId, ctx: Ctx, saved: str | None = None) -> Response:
    project = projects_service.get(ctx, project_id)
    return _project(request, ctx, project, values=_values(project), saved=saved)


@router.post("/projects/{project_id}", dependencies=Protected)
async def save_project(request: Request, project_id: ProjectId, ctx: Ctx) -> Response:
    form = await _form(request)
    project = projects_service.get(ctx, project_id)
    try:
        changes = _facts(form) | {"answers": _answers(form)}
        projects_service.edit(ctx, project_id, changes, replace_answers=True)
    except InputError as error:
        return _project(request, ctx, project, values=form, problems={error.field: error.problem}, status_code=422)
    return RedirectResponse(f"/projects/{project_id}?saved=saved", status_code=303)


@router.post("/projects/{project_id}/choose", dependencies=Protected)
def choose_project(project_id: ProjectId, ctx: Ctx) -> Response:
    _, item = projects_service.choose(ctx, project_id)
    return RedirectResponse(f"/projects?saved={'planned' if item else 'chosen'}", status_code=303)


@router.post("/projects/{project_id}/drop", dependencies=Protected)
def drop_project(project_id: ProjectId, ctx: Ctx) -> Response:
    projects_service.drop(ctx, project_id)
    return RedirectResponse("/projects?saved=dropped", status_code=303)


@router.post("/projects/{project_id}/delete", dependencies=Protected)
def delete_project(project_id: ProjectId, ctx: Ctx) -> Response:
    projects_service.delete(ctx, project_id)
    return RedirectResponse("/projects?saved=deleted", status_code=303)


def _page(
    request: Request,
    ctx: Context,
    *,
    values: dict[str, str],
    problems: dict[str, str] | None = None,
    saved: str | None = None,
    status_code: int = 200,
) -> Response:
    compared = projects_service.compare(ctx)
    criteria = projects_service.criteria(ctx)
    return render(request, "projects.html", status_code, compared=compared, criteria=criteria, values=values,
                  problems=problems or {}, saved=saved)  # fmt: skip


def _project(
    request: Request,
    ctx: Context,
    project: Project,
    *,
    values: dict[str, str],
    problems: dict[str, str] | None = None,
    saved: str | None = None,
    status_code: int = 200,
) -> Response:
    scored = projects_service.scored(ctx, project)
    return render(request, "project.html", status_code, scored=scored, project=project, values=values,
                  problems=problems or {}, saved=saved, answers=ANSWERS, prefix=ANSWER_PREFIX)  # fmt: skip


async def _form(request: Request) -> dict[str, str]:
    return {key: str(value) for key, value in (await request.form()).items() if key != FIELD}


def _facts(form: dict[str, str]) -> dict[str, Any]:
    return {
        "title": form.get("title", ""), "summary": form.get("summary", ""),
        "teams": tuple(clean_list([form.get("teams", "")])), "sponsor": form.get("sponsor") or None,
        "months": parse_months(form.get("months")), "notes": form.get("notes", ""),
    }  # fmt: skip


def _draft(form: dict[str, str]) -> ProjectDraft:
    return ProjectDraft(**_facts(form))


def _answers(form: dict[str, str]) -> dict[str, Answer]:
    return {
        key.removeprefix(ANSWER_PREFIX): Answer.parse(value, key.removeprefix(ANSWER_PREFIX))
        for key, value in form.items()
        if key.startswith(ANSWER_PREFIX) and value.strip()
    }


def _values(project: Project) -> dict[str, str]:
    values = {
        "title": project.title, "summary": project.summary, "teams": ", ".join(project.teams),
        "sponsor": project.sponsor or "", "months": "" if project.months is None else str(project.months),
        "notes": project.notes,
    }  # fmt: skip
    return values | {ANSWER_PREFIX + key: answer.value for key, answer in project.answers.items()}
