"""One occurrence of a calendar event becomes a meeting, a talk the person gave, or a reason to skip it."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime

from upward.importers._calendar_people import (
    DECISION_MAKERS,
    PUBLIC_MAIL,
    Attendee,
    Known,
    Who,
    declined,
    domain_of,
    organizer,
    others,
)
from upward.importers._calendar_reader import RawEvent
from upward.model import EvidenceDraft, Kind
from upward.model.imports import Ignored

#: More people than this besides the person makes a meeting large: not a conversation, and, when the
#: person organised it, most likely a talk or an update they gave.
LARGE = 8
#: The longest a meeting can be; longer timed events are trips, conferences or reminders.
LONGEST_MINUTES = 24 * 60
#: How many addresses of people Upward does not know are kept on an item (the rest are counted).
MAX_UNKNOWN = 20
MAX_TITLE = 200

TALK = re.compile(
    r"\b(talk|tech talk|lightning talk|demo|demos|presentation|presenting|keynote|all[- ]?hands|brown[- ]?bag"
    r"|lunch (?:and|&) learn|town ?hall|show (?:and|&) tell|showcase|webinar|workshop|training|knowledge sharing)\b",
    re.IGNORECASE,
)
PERSONAL = re.compile(
    r"\b(focus|focus time|deep work|heads[- ]down|no meetings|do not book|dnd|lunch|break|busy|block|blocked|hold"
    r"|placeholder|ooo|out of office|off|vacation|holiday|leave|pto|sick|commute|travel|gym|workout|doctor|dentist"
    r"|appointment|personal|private|school|pick ?up|errand|prep|reminder)\b",
    re.IGNORECASE,
)

CANCELLED = Ignored("cancelled events")
ALL_DAY = Ignored("all-day events (holidays, trips, reminders)")
OUTSIDE = Ignored("outside the dates you chose (--since, --until)")
DECLINED = Ignored("meetings you declined")
PERSONAL_BLOCK = Ignored("your own blocks, such as focus time or lunch")
ALONE = Ignored("events with nobody else invited")
TOO_LONG = Ignored("events lasting more than a day")


@dataclass(frozen=True, slots=True)
class Occurrence:
    """One time an event happens: the event as written, when (local) and for how long."""

    event: RawEvent
    source_id: str
    start: date | datetime  # naive local; a date for an all-day event
    minutes: int | None
    recurring: bool


def is_cancelled(event: RawEvent) -> bool:
    return event.text("STATUS").upper() == "CANCELLED" or event.method == "CANCEL"


def is_all_day(event: RawEvent, start: date | datetime) -> bool:
    return not isinstance(start, datetime) or event.text("X-MICROSOFT-CDO-ALLDAYEVENT").upper() == "TRUE"


def meeting(occurrence: Occurrence, who: Who, window: tuple[date, date]) -> EvidenceDraft | Ignored:
    """The evidence for one occurrence, or why it is left out (checked in this order)."""
    event, start = occurrence.event, occurrence.start
    day = start.date() if isinstance(start, datetime) else start
    if not window[0] <= day <= window[1]:
        return OUTSIDE
    if is_cancelled(event):
        return CANCELLED
    if not isinstance(start, datetime) or is_all_day(event, start):
        return ALL_DAY
    if declined(event, who):
        return DECLINED
    people = others(event, who)
    if not people:
        return PERSONAL_BLOCK if PERSONAL.search(event.text("SUMMARY")) else ALONE
    if occurrence.minutes is not None and occurrence.minutes > LONGEST_MINUTES:
        return TOO_LONG
    return _draft(occurrence, start, people, who)


def _draft(occurrence: Occurrence, start: datetime, people: list[Attendee], who: Who) -> EvidenceDraft:
    event = occurrence.event
    host = organizer(event)
    mine = host is None or who.is_me(host.email)
    summary = " ".join(event.text("SUMMARY").split())
    gave_talk = (mine and bool(TALK.search(summary))) or (host is not None and mine and len(people) > LARGE)
    kind = Kind.PRESENTATION if gave_talk else Kind.MEETING
    known = [(a, who.known[a.email]) for a in people if a.email in who.known]
    teams, cross_team = _teams(people, known, who)
    tags = _tags(occurrence, people, known, kind, cross_team, talk=bool(TALK.search(summary)))
    unknown = [a.email for a in people if a.email not in who.known]
    return EvidenceDraft(
        title=_title(summary, known, unknown),
        occurred_at=start,
        kind=kind,
        body=_body(event, host, mine, people, unknown),
        source="calendar",
        source_id=occurrence.source_id,
        url=_url(event),
        teams=tuple(teams),
        people=tuple([k.name for _, k in known] + unknown[:MAX_UNKNOWN]),
        minutes=occurrence.minutes,
        tags=tuple(tags),
    )


def _teams(people: list[Attendee], known: list[tuple[Attendee, Known]], who: Who) -> tuple[list[str], bool]:
    """The teams in the room, and whether more than one team (or organisation) met."""
    teams = list(dict.fromkeys(k.team.lower() for _, k in known if k.team))
    everyone = set(teams) | ({who.my_team} if who.my_team else set())
    cross_team = len(everyone) >= 2
    if cross_team and who.my_team and who.my_team not in teams:
        teams.append(who.my_team)
    home = who.my_domains - PUBLIC_MAIL
    outside = sorted({domain_of(a.email) for a in people} - PUBLIC_MAIL - home)
    if outside and (home or len(outside) >= 2):
        cross_team = True
        teams += [domain for domain in outside if domain not in teams]
    return teams, cross_team


def _tags(
    occurrence: Occurrence,
    people: list[Attendee],
    known: list[tuple[Attendee, Known]],
    kind: Kind,
    cross_team: bool,
    *,
    talk: bool,
) -> list[str]:
    roles = {k.role for _, k in known}
    deciders = [role for role in DECISION_MAKERS if role in roles]
    tags: list[str] = []
    if deciders and (len(people) <= LARGE or kind is Kind.PRESENTATION):
        tags.append("touchpoint")
    tags += [f"with:{role.value}" for role in deciders]
    if len(people) == 1 and not people[0].group:
        tags.append("1:1")
    if cross_team:
        tags.append("cross-team")
    if talk and kind is Kind.MEETING:
        tags.append("talk")
    if occurrence.recurring:
        tags.append("recurring")
    return tags


def _title(summary: str, known: list[tuple[Attendee, Known]], unknown: list[str]) -> str:
    if not summary:
        names = [k.name for _, k in known] + [email.partition("@")[0] for email in unknown]
        summary = f"Meeting with {', '.join(names[:3])}" + (f" and {len(names) - 3} more" if len(names) > 3 else "")
    return summary if len(summary) <= MAX_TITLE else summary[: MAX_TITLE - 1].rstrip() + "…"


def _body(event: RawEvent, host: Attendee | None, mine: bool, people: list[Attendee], unknown: list[str]) -> str:
    lines = []
    if host is not None:
        lines.append("You organised it." if mine else f"Organised by {host.name or host.email}.")
    location = " ".join(event.text("LOCATION").split())
    if location:
        lines.append(f"Where: {location[:300]}")
    lines.append(f"{len(people) + 1} people, you included.")
    if len(unknown) > MAX_UNKNOWN:
        lines.append(f"{len(unknown) - MAX_UNKNOWN} more people are not listed here.")
    return "\n".join(lines)


def _url(event: RawEvent) -> str | None:
    url = event.text("URL")
    return url if url.lower().startswith(("http://", "https://")) and len(url) <= 200 and " " not in url else None
