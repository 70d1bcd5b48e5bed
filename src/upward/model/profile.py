"""The person's profile: who they are, where they stand and who decides on their promotion."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import asdict, dataclass, replace
from datetime import date
from typing import Any

from upward.model.errors import InputError
from upward.model.parsing import clean_email, clean_text, parse_day


@dataclass(frozen=True, slots=True)
class Profile:
    name: str
    role: str
    current_level: str
    target_level: str
    team: str
    manager_name: str
    skip_level_name: str
    plan_start: date
    manager_email: str | None = None
    skip_level_email: str | None = None

    def validated(self) -> Profile:
        """A cleaned copy; raises InputError for the first answer that is wrong."""
        cleaned = replace(
            self,
            name=clean_text(self.name, "name", required=True, limit=120),
            role=clean_text(self.role, "role", required=True, limit=120),
            current_level=clean_text(self.current_level, "current level", required=True, limit=60),
            target_level=clean_text(self.target_level, "target level", required=True, limit=60),
            team=clean_text(self.team, "team", required=True, limit=120).lower(),
            manager_name=clean_text(self.manager_name, "manager", required=True, limit=120),
            skip_level_name=clean_text(self.skip_level_name, "skip-level manager", required=True, limit=120),
            manager_email=clean_email(self.manager_email, "manager email"),
            skip_level_email=clean_email(self.skip_level_email, "skip-level email"),
        )
        answers = asdict(cleaned)
        for field_name in ("target_level", "skip_level_name"):
            cross_check(field_name, answers[field_name], answers)
        return cleaned


def cross_check(field_name: str, value: object, earlier: Mapping[str, Any]) -> None:
    """The checks that compare two answers, run as soon as the second one is given."""
    same = str(value).strip().lower()
    if field_name == "target_level" and same == str(earlier.get("current_level", "")).strip().lower():
        raise InputError("target level", "matches your current level; name the level you are aiming for")
    if field_name == "skip_level_name" and same == str(earlier.get("manager_name", "")).strip().lower():
        raise InputError("skip-level manager", "names your manager again; name your manager's manager")


def _required(label: str, limit: int = 120) -> Callable[[str], str]:
    return lambda value: clean_text(value, label, required=True, limit=limit)


#: How each onboarding answer is checked, keyed by Profile field. Every surface asks through this.
PROFILE_CHECKS: dict[str, Callable[[str], Any]] = {
    "name": _required("name"),
    "role": _required("role"),
    "current_level": _required("current level", 60),
    "target_level": _required("target level", 60),
    "team": _required("team"),
    "manager_name": _required("manager"),
    "manager_email": lambda value: clean_email(value, "manager email"),
    "skip_level_name": _required("skip-level manager"),
    "skip_level_email": lambda value: clean_email(value, "skip-level email"),
    "plan_start": lambda value: parse_day(value, "plan start"),
}


def profile_from_answers(answers: Mapping[str, str]) -> tuple[Profile | None, dict[str, str]]:
    """Check every answer at once: the profile, or each field's problem in plain words."""
    values: dict[str, Any] = {}
    problems: dict[str, str] = {}
    for field_name, check in PROFILE_CHECKS.items():
        try:
            values[field_name] = check(answers.get(field_name, "") or "")
        except InputError as error:
            problems[field_name] = error.problem
    if problems:
        return None, problems
    try:
        return Profile(**values).validated(), {}
    except InputError as error:
        key = {"target level": "target_level", "skip-level manager": "skip_level_name"}.get(error.field, "name")
        return None, {key: error.problem}
