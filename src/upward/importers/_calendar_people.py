"""Who was in a meeting: you, the people Upward knows (by email), everyone else, and rooms to leave out."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from upward.importers._calendar_reader import Prop, RawEvent
from upward.model import Person, Profile, PromotionRole

#: The people who decide on a promotion; a small meeting with one of them is a touchpoint.
DECISION_MAKERS = (
    PromotionRole.MANAGER,
    PromotionRole.SKIP_LEVEL,
    PromotionRole.PEER_MANAGER,
    PromotionRole.HR,
    PromotionRole.SPONSOR,
    PromotionRole.OTHER_TEAM_LEAD,
)
#: Mail providers anyone can sign up to: two people on gmail.com are not one organisation.
PUBLIC_MAIL = frozenset(
    {
        "gmail.com", "googlemail.com", "hotmail.com", "hotmail.co.uk", "outlook.com", "live.com", "msn.com",
        "yahoo.com", "yahoo.co.uk", "icloud.com", "me.com", "mac.com", "aol.com", "proton.me", "protonmail.com",
        "gmx.de", "gmx.net", "web.de", "mail.ru", "yandex.ru", "qq.com", "163.com", "zoho.com", "fastmail.com",
    }
)  # fmt: skip
_ROOM = re.compile(r"\b(room|rooms|raum|salle|sala)\b", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class Known:
    """Someone from the person's map of people."""

    name: str
    role: PromotionRole
    team: str | None


@dataclass(frozen=True, slots=True)
class Attendee:
    email: str
    name: str
    status: str  # PARTSTAT: ACCEPTED, DECLINED, TENTATIVE, NEEDS-ACTION…
    group: bool  # a mailing list or group address: many people behind one address


@dataclass(frozen=True)
class Who:
    """What the importer knows about the person: their addresses, their team and the people they work with."""

    me: frozenset[str]
    known: dict[str, Known]
    my_team: str | None

    @classmethod
    def of(cls, me: Iterable[str], people: Iterable[Person], profile: Profile | None) -> Who:
        known: dict[str, Known] = {}
        for person in people:
            if person.email:
                known.setdefault(person.email.lower(), Known(person.name, person.role, person.team))
        if profile is not None:
            for email, name, role in (
                (profile.manager_email, profile.manager_name, PromotionRole.MANAGER),
                (profile.skip_level_email, profile.skip_level_name, PromotionRole.SKIP_LEVEL),
            ):
                if email:
                    known.setdefault(
                        email.lower(), Known(name, role, profile.team if role is PromotionRole.MANAGER else None)
                    )
        return cls(frozenset(e.lower() for e in me), known, profile.team.lower() if profile else None)

    @property
    def my_domains(self) -> set[str]:
        return {domain_of(email) for email in self.me}

    def is_me(self, email: str) -> bool:
        return email in self.me


def email_of(prop: Prop) -> str:
    """The address of an ATTENDEE or ORGANIZER (`mailto:` dropped), lower case; empty when there is none."""
    value = prop.value.strip()
    if value[:7].lower() == "mailto:":
        value = value[7:]
    if "@" not in value:
        value = prop.params.get("EMAIL", "")
    return value.strip().lower()


def domain_of(email: str) -> str:
    return email.rpartition("@")[2]


def is_machine(email: str) -> bool:
    """Addresses that are not a person: Google's placeholder organiser, and its calendars of rooms and groups."""
    return email.startswith("unknownorganizer@") or domain_of(email).endswith("calendar.google.com")


def attendees(event: RawEvent) -> list[Attendee]:
    """The people invited, without rooms and resources, nor people copied only for information."""
    found: dict[str, Attendee] = {}
    for prop in event.all("ATTENDEE"):
        email = email_of(prop)
        kind = prop.params.get("CUTYPE", "INDIVIDUAL").upper()
        name = prop.params.get("CN", "").strip()
        if not email or is_machine(email) or kind in ("ROOM", "RESOURCE") or _ROOM.search(name):
            continue
        if prop.params.get("ROLE", "").upper() == "NON-PARTICIPANT":
            continue
        status = prop.params.get("PARTSTAT", "NEEDS-ACTION").upper()
        found.setdefault(email, Attendee(email, name, status, kind == "GROUP"))
    return list(found.values())


def organizer(event: RawEvent) -> Attendee | None:
    prop = event.first("ORGANIZER")
    if prop is None:
        return None
    email = email_of(prop)
    if not email or is_machine(email):
        return None
    return Attendee(email, prop.params.get("CN", "").strip(), "ACCEPTED", False)


def others(event: RawEvent, who: Who) -> list[Attendee]:
    """Everyone taking part besides the person: the organiser and the attendees who did not decline."""
    found = {a.email: a for a in attendees(event) if not who.is_me(a.email) and a.status != "DECLINED"}
    host = organizer(event)
    if host is not None and not who.is_me(host.email):
        found = {host.email: host, **found}
    return list(found.values())


def declined(event: RawEvent, who: Who) -> bool:
    """Whether the person said no: one of their addresses declined, and none accepted."""
    answers = {a.status for a in attendees(event) if who.is_me(a.email)}
    return "DECLINED" in answers and not answers & {"ACCEPTED", "TENTATIVE"}
