"""Dates as Jira writes them in a CSV export: day first, the month as a word in the exporter's language.

`22/Sep/25 9:26 AM` (Jira Cloud), `30/Sep/21 17:20` (Jira Server), `22/sept./25 9:26`, `23.10.2024 11:02`
and ISO dates (`2025-09-22 09:26`, `2025-09-22T09:26:00.000+0200`) are all understood. A month written
as a number is read only with dots (`22.09.25`), where day-first is certain; `9/22/25` could be either.
"""

from __future__ import annotations

import re
from datetime import datetime, time
from functools import lru_cache

from upward.importers._tickets import plain

MONTHS: dict[str, int] = {
    "jan": 1, "janv": 1, "ene": 1,
    "feb": 2, "fev": 2, "fevr": 2,
    "mar": 3, "mars": 3, "marz": 3, "mrz": 3,
    "apr": 4, "avr": 4, "abr": 4,
    "may": 5, "mai": 5,
    "jun": 6, "juin": 6, "juni": 6,
    "jul": 7, "juil": 7, "juli": 7,
    "aug": 8, "aout": 8, "ago": 8,
    "sep": 9, "sept": 9, "set": 9,
    "oct": 10, "okt": 10, "out": 10,
    "nov": 11,
    "dec": 12, "dez": 12, "dic": 12,
}  # fmt: skip

_DAY_FIRST = re.compile(
    r"""^(?P<day>\d{1,2}) (?P<sep>[/.\-\s]) (?P<month>[^\W\d_]+\.?|\d{1,2}) (?P=sep) (?P<year>\d{4}|\d{2})
        (?:[\sT,]+ (?P<hour>\d{1,2}) [:h] (?P<minute>\d{2}) (?::(?P<second>\d{2}))?
           \s* (?P<half>[ap]\.?\s?m\.?)? )?$""",
    re.IGNORECASE | re.VERBOSE,
)
_ISO = re.compile(r"^\d{4}-\d{2}-\d{2}")
#: How Jira Cloud (`22/Sep/25 9:26 AM`) and Server (`30/Sep/21 17:20`) write dates in English: read without the
#: general pattern, which gives the same moment for these (anything else goes the general way). The day and the
#: clock are read apart, each once per distinct text: an export repeats its days and its minutes, not its moments.
_USUAL_DAY = re.compile(r"(\d{1,2})/([A-Za-z]{3})/(\d{2})")
_USUAL_CLOCK = re.compile(r"(\d{1,2}):(\d{2})(?: ([AP])M)?")

EXAMPLE = "22/Sep/25 9:26 AM"


def month_number(word: str) -> int | None:
    """A month from its name or abbreviation in English, German, French, Spanish or Portuguese."""
    token = plain(word).rstrip(".")
    for candidate in (token, token[:4], token[:3]):
        if candidate in MONTHS:
            return MONTHS[candidate]
    return None


@lru_cache(maxsize=8192)
def parse_jira_date(value: str) -> datetime | None:
    """The wall-clock moment a Jira cell shows, or None when it is not a date Upward can read."""
    day_text, space, clock_text = value.partition(" ")
    day = _usual_day(day_text) if space else None
    clock = _usual_clock(clock_text) if day is not None else None
    if day is None or clock is None:
        return read_any_date(value)
    return datetime(*day, *clock)


def read_any_date(value: str) -> datetime | None:
    """`parse_jira_date` without its shortcut for the usual shape: every form a Jira export may use."""
    text = " ".join(value.split())
    if _ISO.match(text):
        return _iso(text)
    match = _DAY_FIRST.match(text)
    if not match:
        return None
    month_text = match["month"]
    month = int(month_text) if month_text.isdigit() and match["sep"] == "." else month_number(month_text)
    if month is None:
        return None
    year = int(match["year"])
    if year < 100:
        year += 2000 if year < 70 else 1900
    try:
        day = datetime(year, month, int(match["day"]))
        if match["hour"] is None:
            return datetime.combine(day.date(), time(12, 0))
        return day.replace(hour=_hour(match["hour"], match["half"]), minute=int(match["minute"]),
                           second=int(match["second"] or 0))  # fmt: skip
    except ValueError:
        return None


@lru_cache(maxsize=4096)
def _usual_day(text: str) -> tuple[int, int, int] | None:
    """Year, month and day of `22/Sep/25`; None for anything else (another shape, or a day no calendar has)."""
    usual = _USUAL_DAY.fullmatch(text)
    month = MONTHS.get(usual[2].lower()) if usual is not None else None
    if usual is None or month is None:
        return None
    year, day = int(usual[3]), int(usual[1])
    year += 2000 if year < 70 else 1900
    try:
        datetime(year, month, day)
    except ValueError:
        return None
    return year, month, day


@lru_cache(maxsize=4096)
def _usual_clock(text: str) -> tuple[int, int] | None:
    """Hour and minute of `9:26 AM` or `17:20`; None for anything else (another shape, or no such time)."""
    usual = _USUAL_CLOCK.fullmatch(text)
    if usual is None:
        return None
    hour, minute, half = int(usual[1]), int(usual[2]), usual[3]
    if half is not None:
        if not 1 <= hour <= 12:
            return None
        hour = hour % 12 + (12 if half == "P" else 0)
    return (hour, minute) if hour < 24 and minute < 60 else None


def _hour(hour_text: str, half: str | None) -> int:
    hour = int(hour_text)
    if half is None:
        return hour
    if not 1 <= hour <= 12:
        raise ValueError(hour)
    afternoon = half.lower().startswith("p")
    return (hour % 12) + (12 if afternoon else 0)


def _iso(text: str) -> datetime | None:
    try:
        moment = datetime.fromisoformat(text)
    except ValueError:
        return None
    if moment.tzinfo is not None:
        return moment.astimezone().replace(tzinfo=None)
    if len(text) == 10:
        return moment.replace(hour=12)
    return moment
