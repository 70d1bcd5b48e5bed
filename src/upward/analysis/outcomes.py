"""Reading outcomes out of words and metrics: money, users, time saved."""

from __future__ import annotations

import re

from upward.model import Evidence

_MONEY = re.compile(r"[$€£]\s?(\d+(?:[.,]\d+)?)\s?([kmb]|thousand|million|billion)?\b", re.I)
_USERS = re.compile(
    r"(\d+(?:[.,]\d+)?)\s?([kmb]|thousand|million)?\+?\s+(?:users|customers|people|clients|members)", re.I
)
_OUTCOME = re.compile(
    r"[$€£]\s?\d|\brevenue\b|\bcosts?\b|\bsav(?:e|ed|es|ing)s?\b|\bcustomers?\b|\busers?\b|\bchurn\b|\bconversion\b|"
    r"\bretention\b|\bsign-?ups?\b|\bhours? (?:a|per) (?:week|month)\b|\brisk\b|\bcompliance\b|\bbookings?\b",
    re.I,
)
_SCALE = {"k": 1e3, "thousand": 1e3, "m": 1e6, "million": 1e6, "b": 1e9, "billion": 1e9}


def _text(item: Evidence) -> str:
    return " ".join([item.title, item.body, *(f"{m.name} {m.before or ''} {m.after}" for m in item.metrics)])


def has_business_outcome(item: Evidence) -> bool:
    """Whether the item says what the work meant for the business, not only how it was measured."""
    return bool(_OUTCOME.search(_text(item)))


def _largest(pattern: re.Pattern[str], items: list[Evidence]) -> float:
    best = 0.0
    for item in items:
        for number, scale in pattern.findall(_text(item)):
            value = float(number.replace(",", "")) * _SCALE.get(scale.lower(), 1)
            best = max(best, value)
    return best


def largest_money(items: list[Evidence]) -> float:
    return _largest(_MONEY, items)


def largest_users(items: list[Evidence]) -> float:
    return _largest(_USERS, items)
