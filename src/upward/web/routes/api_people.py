"""/api/v1/people: the JSON twin of the people page (the map, the list, the "5-7 names" check)."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Path, Response

from upward.documents.charts.influence import people_map_figure
from upward.model.parsing import parse_when
from upward.model.people_input import person_from_fields
from upward.services import Context
from upward.services import people as people_service
from upward.web.csrf import require_json
from upward.web.deps import MAX_ID, Ctx
from upward.web.people_schemas import (
    PERSON_FIELDS,
    ContactOut,
    MapOut,
    NamesCheckOut,
    PeopleOut,
    PersonDetailOut,
    PersonIn,
    PersonOut,
    PersonPatchIn,
    TalkIn,
)
from upward.web.problems import api_input
from upward.web.schemas import EvidenceOut

router = APIRouter(tags=["people"])
PersonId = Annotated[int, Path(ge=1, le=MAX_ID, description="The id of a person on the map")]
Json = [Depends(require_json)]


@router.get("/people", response_model=PeopleOut)
def list_people(ctx: Ctx) -> PeopleOut:
    """Everyone on the map (decision-makers first), with last contact and cadence; the check; the map as SVG."""
    board = people_service.people_map(ctx)
    return PeopleOut(
        check=NamesCheckOut.of(board.check),
        people=[PersonOut.of(s) for s in board.standings],
        map=MapOut.of(people_map_figure(board.standings)),
    )


@router.post("/people", response_model=PersonDetailOut, status_code=201, dependencies=Json)
def add_person(body: PersonIn, ctx: Ctx) -> PersonDetailOut:
    """Put someone on the map. Each problem names its field; nothing is stored until every field is right."""
    with api_input("body", PERSON_FIELDS):
        person = people_service.add(ctx, person_from_fields(body.fields()))
    return _detail(ctx, person.id)


@router.get("/people/{person_id}", response_model=PersonDetailOut)
def read_person(person_id: PersonId, ctx: Ctx) -> PersonDetailOut:
    return _detail(ctx, person_id)


@router.patch("/people/{person_id}", response_model=PersonDetailOut, dependencies=Json)
def edit_person(person_id: PersonId, body: PersonPatchIn, ctx: Ctx) -> PersonDetailOut:
    """Change the fields sent."""
    with api_input("body", PERSON_FIELDS):
        people_service.edit(ctx, person_id, body.fields())
    return _detail(ctx, person_id)


@router.delete("/people/{person_id}", status_code=204)
def remove_person(person_id: PersonId, ctx: Ctx) -> Response:
    people_service.remove(ctx, person_id)
    return Response(status_code=204)


@router.post("/people/{person_id}/touchpoints", response_model=EvidenceOut, status_code=201, dependencies=Json)
def record_talk(person_id: PersonId, body: TalkIn, ctx: Ctx) -> EvidenceOut:
    """Record a conversation with them: stored as evidence tagged `touchpoint`, like a calendar import's."""
    with api_input("body", {}):
        when = parse_when(body.date, "date") if body.date and body.date.strip() else None
        return EvidenceOut.of(people_service.met(ctx, person_id, when, body.note))


def _detail(ctx: Context, person_id: int) -> PersonDetailOut:
    view = people_service.person_view(ctx, person_id)
    out = PersonOut.of(view.standing).model_dump()
    return PersonDetailOut(**out, recent=[ContactOut.of(i) for i in view.recent])
