"""The people page: the map, the list with last contact and cadence, and the forms to add, correct and log a talk."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Path, Query, Request
from fastapi.responses import RedirectResponse
from starlette.responses import Response

from upward.documents.charts.influence import people_map_figure
from upward.model import InputError, Person
from upward.model.parsing import parse_when
from upward.model.people import Awareness, PromotionRole
from upward.model.people_input import AWARENESS_LABELS, INFLUENCE_LABELS, ROLE_LABELS, person_from_fields
from upward.services import Context
from upward.services import people as people_service
from upward.web.csrf import FIELD, verify_form_token
from upward.web.deps import MAX_ID, Ctx, render

router = APIRouter(include_in_schema=False)
Protected = [Depends(verify_form_token)]
PersonId = Annotated[int, Path(ge=1, le=MAX_ID, description="The id of a person on the map")]
FIELDS = ("name", "role", "influence", "knows", "cadence", "email", "title", "team", "notes")
TALK_FIELDS = ("date", "note")
CHOICES = {
    "roles": [(r.value, ROLE_LABELS[r]) for r in PromotionRole],
    "awareness": [(a.value, AWARENESS_LABELS[a]) for a in Awareness],
    "influence": [(str(n), f"{n} · {label}") for n, label in INFLUENCE_LABELS.items()],
}


@router.get("/people")
def people_page(request: Request, ctx: Ctx, added: Annotated[int | None, Query(ge=1, le=MAX_ID)] = None) -> Response:
    return _page(request, ctx, values={"influence": "3", "knows": "unknown", "role": "peer-manager"}, added=added)


@router.post("/people", dependencies=Protected)
async def add_person(request: Request, ctx: Ctx) -> Response:
    form = await _form(request, FIELDS)
    try:
        person = people_service.add(ctx, person_from_fields(form))
    except InputError as error:
        return _page(request, ctx, values=form, problems=_problem(error), status_code=422)
    return RedirectResponse(f"/people?added={person.id}#person-{person.id}", status_code=303)


@router.get("/people/{person_id}")
def person_page(request: Request, person_id: PersonId, ctx: Ctx, saved: str | None = None) -> Response:
    person = people_service.get(ctx, person_id)
    return _person(request, ctx, person, values=_values(person), saved=saved)


@router.post("/people/{person_id}", dependencies=Protected)
async def save_person(request: Request, person_id: PersonId, ctx: Ctx) -> Response:
    form = await _form(request, FIELDS)
    person = people_service.get(ctx, person_id)
    try:
        people_service.edit(ctx, person_id, form)
    except InputError as error:
        return _person(request, ctx, person, values=form, problems=_problem(error), status_code=422)
    return RedirectResponse(f"/people/{person_id}?saved=person", status_code=303)


@router.post("/people/{person_id}/met", dependencies=Protected)
async def record_talk(request: Request, person_id: PersonId, ctx: Ctx) -> Response:
    form = await _form(request, TALK_FIELDS)
    person = people_service.get(ctx, person_id)
    try:
        when = parse_when(form["date"], "date") if form.get("date", "").strip() else None
        people_service.met(ctx, person_id, when, form.get("note", ""))
    except InputError as error:
        values = _values(person)
        return _person(request, ctx, person, values=values, talk=form, problems=_problem(error), status_code=422)
    return RedirectResponse(f"/people/{person_id}?saved=talk", status_code=303)


@router.post("/people/{person_id}/delete", dependencies=Protected)
def remove_person(person_id: PersonId, ctx: Ctx) -> Response:
    people_service.remove(ctx, person_id)
    return RedirectResponse("/people", status_code=303)


def _page(
    request: Request,
    ctx: Context,
    *,
    values: dict[str, str],
    problems: dict[str, str] | None = None,
    added: int | None = None,
    status_code: int = 200,
) -> Response:
    board = people_service.people_map(ctx)
    figure = people_map_figure(board.standings)
    just_added = next((s.person for s in board.standings if s.person.id == added), None)
    return render(
        request, "people.html", status_code, board=board, figure=figure, values=values, problems=problems or {},
        added=just_added, choices=CHOICES, roles=ROLE_LABELS, awareness=AWARENESS_LABELS,
    )  # fmt: skip


def _person(
    request: Request,
    ctx: Context,
    person: Person,
    *,
    values: dict[str, str],
    talk: dict[str, str] | None = None,
    problems: dict[str, str] | None = None,
    saved: str | None = None,
    status_code: int = 200,
) -> Response:
    view = people_service.person_view(ctx, person.id)
    return render(
        request, "person.html", status_code, view=view, person=view.standing.person, values=values,
        talk=talk or {}, problems=problems or {}, saved=saved, choices=CHOICES, roles=ROLE_LABELS,
        awareness=AWARENESS_LABELS,
    )  # fmt: skip


async def _form(request: Request, names: tuple[str, ...]) -> dict[str, str]:
    form = await request.form()
    return {key: str(value) for key, value in form.items() if key != FIELD and key in names}


def _problem(error: InputError) -> dict[str, str]:
    """The problem, under the form field it belongs to."""
    return {error.field: error.problem}


def _values(person: Person) -> dict[str, str]:
    return {
        "name": person.name, "role": person.role.value, "influence": str(person.influence),
        "knows": person.awareness.value, "cadence": "" if person.cadence_days is None else str(person.cadence_days),
        "email": person.email or "", "title": person.title or "", "team": person.team or "", "notes": person.notes,
    }  # fmt: skip
