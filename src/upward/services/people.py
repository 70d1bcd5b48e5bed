"""The decision-maker map: who decides on the promotion, what they know of the work, and when they last saw it."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime

import sqlalchemy as sa

from upward.analysis.people import NamesCheck, Standing, names_check, standings
from upward.model import Evidence, EvidenceDraft, InputError, Kind, NotFound, Person, PersonDraft
from upward.model.people_input import person_from_fields
from upward.services import diagnosis as diagnosis_service
from upward.services import evidence as evidence_service
from upward.services.context import Context
from upward.store import people_map_repo, people_repo

#: Where touchpoints entered by hand come from, on the evidence they become.
TOUCHPOINT_SOURCE = "touchpoint"
TOUCHPOINT_TAG = "touchpoint"
RECENT_CONTACTS = 5


@dataclass(frozen=True, slots=True)
class PeopleMap:
    """Everyone on the map with where they stand, and the "5-7 names" check."""

    today: date
    standings: tuple[Standing, ...]
    check: NamesCheck

    @property
    def overdue(self) -> tuple[Standing, ...]:
        return tuple(s for s in self.standings if s.decides and s.overdue_days)

    @property
    def blind_spots(self) -> tuple[Standing, ...]:
        return tuple(s for s in self.standings if s.decides and s.blind_spot)


@dataclass(frozen=True, slots=True)
class PersonView:
    standing: Standing
    #: The latest items that show contact with them, newest first.
    recent: tuple[Evidence, ...]


def people_map(ctx: Context, today: date | None = None) -> PeopleMap:
    today = today or date.today()
    record = diagnosis_service.load_record(ctx, today)
    playbook = diagnosis_service.playbook(ctx)
    return PeopleMap(today, tuple(standings(record, playbook)), names_check(record.people, playbook))


def person_view(ctx: Context, ref: int | str, today: date | None = None) -> PersonView:
    today = today or date.today()
    person = get(ctx, ref)
    record = diagnosis_service.load_record(ctx, today)
    standing = next(s for s in standings(record, diagnosis_service.playbook(ctx)) if s.person.id == person.id)
    newest = sorted(record.contact_rows(person), key=record.columns.occurred.__getitem__, reverse=True)
    return PersonView(standing, tuple(map(record.item, newest[:RECENT_CONTACTS])))


def list_people(ctx: Context) -> list[Person]:
    with ctx.transaction() as conn:
        return people_repo.list_people(conn, ctx.owner_id)


def get(ctx: Context, ref: int | str) -> Person:
    with ctx.transaction() as conn:
        return _get(conn, ctx, ref)


def add(ctx: Context, draft: PersonDraft) -> Person:
    """Put someone on the map. A name already there is refused (edit them instead)."""
    draft = draft.validated()
    with ctx.transaction() as conn:
        existing = people_map_repo.find(conn, ctx.owner_id, draft.name)
        if existing is not None and existing.name.lower() == draft.name.lower():
            raise InputError("name", f"{existing.name} is already on your map; change them with `upward people edit`")
        return _get(conn, ctx, people_repo.upsert_by_name(conn, ctx.owner_id, draft))


def edit(ctx: Context, ref: int | str, fields: Mapping[str, str]) -> Person:
    """Change the fields given, as typed (name, role, influence, knows, cadence, email, title, team, notes)."""
    with ctx.transaction() as conn:
        person = _get(conn, ctx, ref)
        changed = person_from_fields(dict(fields), base=person)
        if changed.name.lower() != person.name.lower():
            clash = people_map_repo.find(conn, ctx.owner_id, changed.name)
            if clash is not None and clash.id != person.id:
                raise InputError("name", f"{clash.name} is already on your map; choose another name")
        people_map_repo.update(conn, ctx.owner_id, person.id, changed)
        return _get(conn, ctx, person.id)


def remove(ctx: Context, ref: int | str) -> Person:
    """Take someone off the map. Their evidence stays; only the person's entry goes."""
    with ctx.transaction() as conn:
        person = _get(conn, ctx, ref)
        people_map_repo.delete(conn, ctx.owner_id, person.id)
        return person


def met(ctx: Context, ref: int | str, when: datetime | None = None, note: str = "") -> Evidence:
    """Record a conversation with someone by hand: it becomes evidence tagged `touchpoint`, as calendar imports do."""
    person = get(ctx, ref)
    when = when or datetime.now().replace(microsecond=0)
    if when.date() > date.today():
        raise InputError("date", f"{when:%Y-%m-%d} is in the future; record a conversation once it has happened")
    note = " ".join(note.split())
    title = f"Talked with {person.name}" + (f": {note}" if note else "")
    draft = EvidenceDraft(
        title=title[:500],
        occurred_at=when,
        kind=Kind.MEETING,
        source=TOUCHPOINT_SOURCE,
        people=(person.name,),
        teams=(person.team,) if person.team else (),
        tags=(TOUCHPOINT_TAG, f"with:{person.role.value}"),
    )
    return evidence_service.log(ctx, draft)


def _get(conn: sa.Connection, ctx: Context, ref: int | str) -> Person:
    """Someone by their number, their name or their email (any case)."""
    text = str(ref).strip().lstrip("#")
    found = (
        people_map_repo.get(conn, ctx.owner_id, int(text))
        if text.isdigit() and int(text) < 2**31
        else people_map_repo.find(conn, ctx.owner_id, text)
    )
    if found is None:
        found = _only_one_starting_with(conn, ctx, text)
    if found is None:
        raise NotFound(f"There is nobody called {str(ref)!r} on your map. `upward people list` shows who is.")
    return found


def _only_one_starting_with(conn: sa.Connection, ctx: Context, text: str) -> Person | None:
    """The one person whose name, or a word of it, starts with `text` ("rachel" for Rachel Alvarez)."""
    wanted = text.lower()
    if not wanted:
        return None
    matches = [
        p
        for p in people_repo.list_people(conn, ctx.owner_id)
        if any(word.startswith(wanted) for word in [p.name.lower(), *p.name.lower().split()])
    ]
    return matches[0] if len(matches) == 1 else None
