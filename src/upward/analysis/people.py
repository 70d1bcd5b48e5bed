"""Where each person stands: when the record last shows contact, the cadence they call for, and how overdue it is.

Contact is what `Record.contact_rows` recognises everywhere else (the findings, the dashboard): an item they asked
for, or a small meeting, update or touchpoint they took part in.
"""

from __future__ import annotations

from dataclasses import dataclass

from upward.analysis.cadences import ANY_DECISION_MAKER
from upward.analysis.record import Record
from upward.model import Evidence, Person, PromotionRole
from upward.model.people import Awareness
from upward.model.people_input import ROLE_LABELS
from upward.playbook.schema import PlaybookFile

#: The roles the second seed names first ("Usually: your manager, your skip-level, peer managers, HR").
USUAL_ROLES = (PromotionRole.MANAGER, PromotionRole.SKIP_LEVEL, PromotionRole.PEER_MANAGER, PromotionRole.HR)
#: Influence from here up, with awareness below "knows the work": decides, and does not know the person's work.
HIGH_INFLUENCE = 4


@dataclass(frozen=True, slots=True)
class Standing:
    person: Person
    #: Whether their role is one of the playbook's decision-maker roles.
    decides: bool
    #: Days between conversations: their own, else the playbook's for their role; None when none applies.
    cadence_days: int | None
    #: "yours" when the person set it, else the title of the playbook cadence it comes from.
    cadence_from: str
    last_contact: Evidence | None
    #: Days since the last contact (None: no contact on record).
    days_since: int | None
    #: Items that show contact, in all of the record read.
    contacts: int

    @property
    def overdue_days(self) -> int | None:
        """Days past the cadence; 0 when on time; None without a cadence. Never met counts as overdue by a cadence."""
        if self.cadence_days is None:
            return None
        if self.days_since is None:
            return self.cadence_days
        return max(0, self.days_since - self.cadence_days)

    @property
    def due_in(self) -> int | None:
        """Days until the next conversation is due (negative when overdue)."""
        if self.cadence_days is None:
            return None
        return self.cadence_days - (self.days_since if self.days_since is not None else self.cadence_days)

    @property
    def blind_spot(self) -> bool:
        """Has a strong say in the promotion, and does not know the person's work yet."""
        return self.person.influence >= HIGH_INFLUENCE and self.person.awareness in (
            Awareness.UNKNOWN,
            Awareness.HEARD_OF,
        )

    @property
    def contact_words(self) -> str:
        if self.days_since is None:
            return "no contact on record"
        return (
            "today" if self.days_since == 0 else "yesterday" if self.days_since == 1 else f"{self.days_since} days ago"
        )

    @property
    def overdue_words(self) -> str:
        if self.cadence_days is None:
            return "no cadence"
        if self.days_since is None:
            return "never met: due now"
        overdue = self.overdue_days or 0
        if overdue:
            return f"overdue by {overdue} day{'' if overdue == 1 else 's'}"
        left = self.due_in or 0
        return "due today" if left == 0 else f"due in {left} day{'' if left == 1 else 's'}"


@dataclass(frozen=True, slots=True)
class NamesCheck:
    """The "write down 5-7 names" check: how many decision-makers are named, and what is missing."""

    count: int
    fewest: int
    most: int
    missing_roles: tuple[PromotionRole, ...]
    #: ok, warning (a few short, or too many to keep up with) or red (hardly anyone).
    status: str
    message: str


def cadence_for(person: Person, playbook: PlaybookFile) -> tuple[int | None, str]:
    """The person's own cadence, else the shortest playbook cadence for their role (or for any decision-maker)."""
    if person.cadence_days is not None:
        return person.cadence_days, "yours"
    decides = person.role.value in playbook.decision_maker_roles
    matching = [
        c
        for c in playbook.cadences
        if c.with_role == person.role.value or (decides and c.with_role == ANY_DECISION_MAKER)
    ]
    if not matching:
        return None, ""
    best = min(matching, key=lambda c: c.every_days)
    return best.every_days, best.title


def standings(record: Record, playbook: PlaybookFile) -> list[Standing]:
    """Everyone on the map, decision-makers first, then by influence and name."""
    out = []
    for person in record.people:
        seen = record.contact_rows(person)
        newest = max(seen, key=record.columns.occurred.__getitem__, default=None)
        last = None if newest is None else record.item(newest)
        cadence, source = cadence_for(person, playbook)
        out.append(
            Standing(
                person=person,
                decides=person.role.value in playbook.decision_maker_roles,
                cadence_days=cadence,
                cadence_from=source,
                last_contact=last,
                days_since=None if last is None else (record.today - last.day).days,
                contacts=len(seen),
            )
        )
    return sorted(out, key=lambda s: (not s.decides, -s.person.influence, s.person.name.lower()))


def names_check(people: list[Person] | tuple[Person, ...], playbook: PlaybookFile) -> NamesCheck:
    roles = set(playbook.decision_maker_roles)
    deciders = [p for p in people if p.role.value in roles]
    have = {p.role for p in deciders}
    missing = tuple(r for r in USUAL_ROLES if r.value in roles and r not in have)
    fewest, most = playbook.decision_maker_names.fewest, playbook.decision_maker_names.most
    count = len(deciders)
    wanted = f"{fewest}–{most}" if fewest != most else str(fewest)
    gaps = f" Nobody yet as: {', '.join(ROLE_LABELS[r] for r in missing)}." if missing else ""
    if count == 0:
        status = "red"
        message = (
            f"You have not named anyone who decides on your promotion yet. Write down {wanted} names: "
            "your manager, your skip-level, peer managers at your level, HR."
        )
    elif count < fewest:
        status = "red" if count < max(1, fewest // 2) else "warning"
        more = fewest - count
        message = f"You have named {count} of the {wanted} people who decide on your promotion. Add {more} more.{gaps}"
    elif count > most:
        status = "warning"
        message = (
            f"You have named {count} people who decide on your promotion. {wanted} is as many as you can keep "
            f"in touch with: put your time into the ones with the most influence.{gaps}"
        )
    else:
        status = "warning" if missing else "ok"
        message = f"You have named {count} people who decide on your promotion: the {wanted} the plan asks for.{gaps}"
    return NamesCheck(count, fewest, most, missing, status, message)
