"""What people type about decision-makers (CLI options, form fields, API bodies), parsed one way for every surface."""

from __future__ import annotations

from dataclasses import replace

from upward.model.errors import InputError
from upward.model.people import Awareness, PersonDraft, PromotionRole

#: How each level of awareness reads in a sentence, and on the map.
AWARENESS_LABELS: dict[Awareness, str] = {
    Awareness.UNKNOWN: "doesn't know your work",
    Awareness.HEARD_OF: "has heard of you",
    Awareness.KNOWS_WORK: "knows your work",
    Awareness.ADVOCATE: "speaks up for you",
}
ROLE_LABELS: dict[PromotionRole, str] = {
    PromotionRole.MANAGER: "manager", PromotionRole.SKIP_LEVEL: "skip-level",
    PromotionRole.PEER_MANAGER: "peer manager", PromotionRole.HR: "HR", PromotionRole.SPONSOR: "sponsor",
    PromotionRole.OTHER_TEAM_LEAD: "other team's lead", PromotionRole.PEER: "peer", PromotionRole.OTHER: "other",
}  # fmt: skip
INFLUENCE_LABELS = {1: "little say", 2: "some say", 3: "a voice in the room", 4: "a strong voice", 5: "decides"}
_AWARENESS_WORDS = {
    "unknown": Awareness.UNKNOWN, "none": Awareness.UNKNOWN, "no": Awareness.UNKNOWN,
    "heard-of": Awareness.HEARD_OF, "heard": Awareness.HEARD_OF, "heard-of-you": Awareness.HEARD_OF,
    "knows-work": Awareness.KNOWS_WORK, "knows-the-work": Awareness.KNOWS_WORK, "knows": Awareness.KNOWS_WORK,
    "knows-your-work": Awareness.KNOWS_WORK, "advocate": Awareness.ADVOCATE, "champion": Awareness.ADVOCATE,
}  # fmt: skip


def parse_awareness(value: str, field: str = "knows") -> Awareness:
    """`unknown`, `heard-of`, `knows-work` or `advocate` (spaces, "knows the work" and the like are fine)."""
    key = "-".join(value.strip().lower().replace("_", " ").replace("-", " ").split())
    if key in _AWARENESS_WORDS:
        return _AWARENESS_WORDS[key]
    choices = ", ".join(a.value for a in Awareness)
    raise InputError(field, f"'{value}' is not a level of awareness; use one of: {choices}")


def parse_influence(value: str | int) -> int:
    try:
        number = int(str(value).strip())
    except ValueError:
        raise InputError("influence", f"'{value}' is not a number; use 1 (little say) to 5 (decides)") from None
    if not 1 <= number <= 5:
        raise InputError("influence", f"{number} is out of range; use 1 (little say) to 5 (decides)")
    return number


def parse_cadence(value: str | int | None) -> int | None:
    """Days between conversations; empty means "use the playbook's cadence for their role"."""
    if value is None or not str(value).strip():
        return None
    text = str(value).strip().lower().removesuffix("days").removesuffix("d").strip()
    try:
        days = int(text)
    except ValueError:
        raise InputError("cadence", f"'{value}' is not a number of days; write a whole number like 30") from None
    if not 1 <= days <= 366:
        raise InputError("cadence", "use a number of days between 1 and 366")
    return days


def person_from_fields(fields: dict[str, str], base: PersonDraft | None = None) -> PersonDraft:
    """A validated person from typed-in fields; with `base`, only the fields present change (an edit)."""
    person = base or PersonDraft(name="")
    changes: dict[str, object] = {}
    if "name" in fields:
        changes["name"] = fields["name"]
    if "role" in fields:
        changes["role"] = PromotionRole.parse(fields["role"]) if fields["role"].strip() else PromotionRole.OTHER
    if "influence" in fields:
        changes["influence"] = parse_influence(fields["influence"] or "3")
    if "knows" in fields:
        changes["awareness"] = parse_awareness(fields["knows"] or "unknown")
    if "cadence" in fields:
        changes["cadence_days"] = parse_cadence(fields["cadence"])
    for name in ("email", "title", "team"):
        if name in fields:
            changes[name] = fields[name].strip() or None
    if "notes" in fields:
        changes["notes"] = fields["notes"]
    return replace(person, **changes).validated()  # type: ignore[arg-type]
