"""Numbers in a story: which are measurements, which are money, people or time saved, which are only dates."""

from __future__ import annotations

import re
from dataclasses import dataclass

MONTHS = (
    "january|february|march|april|may|june|july|august|september|october|november|december"
    "|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec"
)
_DATES = re.compile(
    rf"""
    \b\d{{4}}-\d{{1,2}}-\d{{1,2}}\b                          # 2025-03-01
    | \b\d{{1,2}}[/.]\d{{1,2}}[/.]\d{{2,4}}\b                 # 01/03/2025
    | \b(?:{MONTHS})\.?\s+\d{{1,2}}(?:st|nd|rd|th)?\b(?:,?\s+\d{{4}})?  # March 3, 2025
    | \b\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?(?:{MONTHS})\b(?:\s+\d{{4}})?  # 3 March 2025
    | \b[QH][1-4]\b(?:\s+\d{{4}})?                            # Q3, H1 2025
    | \b(?:19|20)\d{{2}}\b(?!\s*(?:%|percent|[a-z]))          # a year on its own
    | \b\d{{1,2}}(?::\d{{2}})?\s*(?:am|pm)\b | \b\d{{1,2}}:\d{{2}}\b  # 3pm, 10:30
    | \b\d+(?:st|nd|rd|th)\b                                   # 3rd
    """,
    re.IGNORECASE | re.VERBOSE,
)
_NUMBER = re.compile(r"(?<![\w.])[$€£]?\d[\d,]*(?:\.\d+)?(?:\s?(?:%|x\b|k\b|m\b|bn\b))?", re.IGNORECASE)
_CHANGE_WORDS = re.compile(
    r"\b(?:doubled|tripled|quadrupled|halved|tenfold|twice as|in half the time|half as"
    r"|(?:two|three|four|five|ten) times (?:faster|slower|more|less|fewer|as))\b",
    re.IGNORECASE,
)
_MONEY = re.compile(
    r"[$€£]\s?\d|\b\d[\d,.]*\s?(?:k|m|bn|million|billion|thousand)?\s?(?:dollars|euros|pounds|usd|eur|gbp)\b"
    r"|\b(?:usd|eur|gbp)\s?\d",
    re.IGNORECASE,
)
PEOPLE_NOUNS = (
    "users|customers|clients|people|visitors|subscribers|members|patients|students|buyers|shoppers|accounts"
    "|sign-?ups|employees|staff|colleagues|engineers|agents|readers|listeners|viewers|donors|partners|sellers"
    "|merchants|drivers|riders|guests|families|teams|teachers|analysts|designers|marketers|reps|leads|applicants"
    "|candidates|households|stores|schools|hospitals|companies|businesses|developers|volunteers|callers|tickets"
)
_PEOPLE = re.compile(
    rf"\d[\d,.]*\s?(?:k|m|%|percent)?\s+(?:(?:of|more|new|fewer|active|paying|other|our|the|extra|additional"
    rf"|(?!(?:seconds?|ms|minutes?|hours?|days?|weeks?|months?|years?|points?|because|and|to|at)\b)\w+)\s+){{0,2}}"
    rf"(?:{PEOPLE_NOUNS})\b",
    re.IGNORECASE,
)
_SAVED_TIME = re.compile(
    r"(?:sav(?:e|ed|es|ing)|fre(?:e|ed|es|eing)|gave back|cut|less|fewer|shorter|reduc\w+)\b[^.;]{0,60}?"
    r"\b\d[\d,.]*\s*(?:minutes?|hours?|days?|weeks?|person-\w+)\b"
    r"|\b\d[\d,.]*\s*(?:minutes?|hours?|days?|weeks?)\s+(?:a|per|each|every)\s+(?:day|week|month|quarter|year)\b"
    r"[^.;]{0,40}?\b(?:sav\w+|fre\w+|back|less|fewer)\b"
    r"|\b\d[\d,.]*\s*(?:minutes?|hours?|days?|weeks?)\s+(?:of\s+\w+\s+)?(?:saved|freed|back)\b",
    re.IGNORECASE,
)


@dataclass(frozen=True, slots=True)
class Quantities:
    """What the numbers in a text measure."""

    measures: tuple[str, ...]  # every number that is not a date, as written
    money: bool
    people: bool
    time_saved: bool
    change_words: bool

    @property
    def any_measure(self) -> bool:
        return bool(self.measures) or self.change_words

    @property
    def stakes(self) -> bool:
        return self.money or self.people or self.time_saved


def without_dates(text: str) -> str:
    """The text with dates, years, quarters and clock times blanked out: they are not measurements."""
    return _DATES.sub(lambda match: " " * len(match.group()), text)


def quantities(text: str) -> Quantities:
    plain = without_dates(text)
    return Quantities(
        measures=tuple(match.group().strip() for match in _NUMBER.finditer(plain)),
        money=bool(_MONEY.search(plain)),
        people=bool(_PEOPLE.search(plain)),
        time_saved=bool(_SAVED_TIME.search(plain)),
        change_words=bool(_CHANGE_WORDS.search(plain)),
    )


def first_measure_phrase(text: str) -> str | None:
    """The words leading up to the first measurement ("Latency dropped 40%"), to quote in a question."""
    plain = without_dates(text)
    match = _NUMBER.search(plain) or _CHANGE_WORDS.search(plain)
    if match is None:
        return None
    start = max(plain.rfind(mark, 0, match.start()) for mark in (".", ";", ":", "!", "?", "\n", ","))
    before = text[start + 1 : match.start()].split()[-5:]
    if before and before[0].lower() in {"and", "but", "so", "then"}:
        before = before[1:]
    end = match.end()
    while end < len(text) and not text[end].isspace() and text[end] not in ".,;:!?)":
        end += 1
    phrase = " ".join([*before, text[match.start() : end].strip()])
    return phrase[:1].upper() + phrase[1:]
