"""A reply the person can copy: kind, specific to the choice, with the requester's name and the topic."""

from __future__ import annotations

from upward.analysis.triage.facts import Facts
from upward.analysis.triage.rules import fact_values
from upward.analysis.triage.wording import fill, wording


def reply(facts: Facts, choice: str) -> str:
    said = wording()
    template = said["replies"].get(choice)
    if template is None:
        return ""
    values = fact_values(facts)
    name = facts.requester_name
    values["name"] = name.split()[0] if name else "there"
    values["topic"] = facts.item.title
    owner_key = "person" if facts.owner else "nobody"
    values["owner_sentence"] = fill(said["owner_sentence"][owner_key], values)
    return fill(template, values)
