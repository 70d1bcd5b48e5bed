"""Reading outcomes out of words and metrics: money, users, time saved."""

from __future__ import annotations

import re
from collections.abc import Iterable

from upward.model import Evidence, Metric
from upward.model.evidence_columns import TextFacts

MONEY = re.compile(r"[$€£]\s?(\d+(?:[.,]\d+)?)\s?([kmb]|thousand|million|billion)?\b", re.I)
USERS = re.compile(
    r"(\d+(?:[.,]\d+)?)\s?([kmb]|thousand|million)?\+?\s+(?:users|customers|people|clients|members)", re.I
)
#: One `\b...\b` around all the words (rather than around each) makes the search several times faster.
_OUTCOME = re.compile(
    r"[$€£]\s?\d|\b(?:revenue|costs?|sav(?:e|ed|es|ing)s?|customers?|users?|churn|conversion|retention|sign-?ups?|"
    r"hours? (?:a|per) (?:week|month)|risk|compliance|bookings?)\b",
    re.I,
)


def _may_name_money(text: str) -> bool:
    return "$" in text or "€" in text or "£" in text


def _may_name_users(text: str) -> bool:
    lowered = text.lower()
    return any(word in lowered for word in ("user", "customer", "people", "client", "member"))


#: A cheap first look: a text can only match MONEY or USERS if it holds one of their words.
_MAY_MATCH = {"money": _may_name_money, "users": _may_name_users}
_SCALE = {"k": 1e3, "thousand": 1e3, "m": 1e6, "million": 1e6, "b": 1e9, "billion": 1e9}


def outcome_text(title: str, body: str, metrics: Iterable[Metric]) -> str:
    """What an item says: its title, its details and its numbers."""
    return " ".join([title, body, *(f"{m.name} {m.before or ''} {m.after}" for m in metrics)])


def _text(item: Evidence) -> str:
    return outcome_text(item.title, item.body, item.metrics)


#: The one-word outcomes of `_OUTCOME`, for a quicker first look through a text's words.
_OUTCOME_WORDS = frozenset(
    """revenue cost costs save saves saved saveds savess saving savings customer customers user users churn
    conversion retention signup signups risk compliance booking bookings""".split()  # noqa: SIM905
)
_TOKEN = re.compile(r"\w+")


def says_business_outcome(text: str) -> bool:
    """Whether a text says what the work meant for the business, not only how it was measured."""
    lowered = text.lower()
    if not _OUTCOME_WORDS.isdisjoint(_TOKEN.findall(lowered)):
        return True
    if "sign" in lowered or "hour" in lowered or _may_name_money(text):  # the outcomes of more than one word
        return bool(_OUTCOME.search(text))
    return False


def has_business_outcome(item: Evidence) -> bool:
    """Whether the item says what the work meant for the business, not only how it was measured."""
    return says_business_outcome(_text(item))


def largest_in(pattern: re.Pattern[str], texts: Iterable[str]) -> float:
    """The largest amount `pattern` (`MONEY` or `USERS`) finds in any of the texts."""
    may_match = _MAY_MATCH["money" if pattern is MONEY else "users"]
    best = 0.0
    for text in texts:
        if not may_match(text):  # most texts name no amount: skip the slower search
            continue
        for number, scale in pattern.findall(text):
            value = float(number.replace(",", "")) * _SCALE.get(scale.lower(), 1)
            best = max(best, value)
    return best


def largest_money(items: list[Evidence]) -> float:
    return largest_in(MONEY, map(_text, items))


def largest_users(items: list[Evidence]) -> float:
    return largest_in(USERS, map(_text, items))


def facts_of(title: str, body: str, metrics: tuple[Metric, ...]) -> TextFacts:
    """What an item's text says, as the diagnosis weighs it; kept beside the item (`evidence_facts`)."""
    text = outcome_text(title, body, metrics)
    return TextFacts(
        outcome=says_business_outcome(text),
        measured=bool(metrics),
        users=largest_in(USERS, [text]),
        money=largest_in(MONEY, [text]),
    )
