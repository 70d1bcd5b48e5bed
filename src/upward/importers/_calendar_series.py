"""Repeating events: each occurrence between two days, with moved and cancelled occurrences applied.

`recurring-ical-events` does the expansion. It is handed only the repeating events, and only the
properties that decide when they happen; each is marked with its place in the file, so every
occurrence can be traced back to the event (or the changed occurrence) it came from.
"""

from __future__ import annotations

import warnings
from collections.abc import Iterator
from datetime import date, datetime, time, timedelta
from pathlib import Path

import recurring_ical_events  # type: ignore[import-untyped]
from icalendar import Calendar, Component

from upward.importers._calendar_reader import FIX, RawEvent
from upward.importers._calendar_time import Clock, Moment, recurrence_key
from upward.model.imports import ImportProblem

WHEN = ("UID", "DTSTART", "DTEND", "DURATION", "RRULE", "RDATE", "EXDATE", "EXRULE", "RECURRENCE-ID", "SEQUENCE")
INDEX = "X-UPWARD-INDEX"
#: Repeating more often than daily is a reminder, not a meeting (and would mean millions of occurrences).
TOO_OFTEN = ("SECONDLY", "MINUTELY", "HOURLY")


def is_series(events: list[RawEvent]) -> bool:
    return any(e.first("RRULE") or e.first("RDATE") or e.first("RECURRENCE-ID") for e in events)


def too_often(master: RawEvent) -> bool:
    rule = master.first("RRULE")
    return rule is not None and any(f"FREQ={freq}" in rule.value.upper() for freq in TOO_OFTEN)


def occurrences(
    path: Path, clock: Clock, events: list[RawEvent], since: date, until: date
) -> Iterator[tuple[RawEvent, Moment, str]]:
    """(event it came from, wall-clock start in the event's own zone, recurrence key) for each occurrence."""
    calendar = _calendar(path, events)
    earliest = datetime.combine(since - timedelta(days=2), time())
    latest = datetime.combine(until + timedelta(days=3), time())
    first = events[0]
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            found = recurring_ical_events.of(calendar).between(earliest, latest)
    except Exception as error:  # the engine's many errors all mean: this repeat can't be worked out
        rule = first.first("RRULE") or first.first("DTSTART")
        raise ImportProblem(
            path, f"this repeating event can't be worked out ({error}). {FIX}", line=rule.line if rule else first.line,
            field=rule.name if rule else None,
        ) from None  # fmt: skip
    for component in found:
        event = events[int(component[INDEX])]
        start = _when(component, "DTSTART")
        if start is not None:
            yield event, start, _key(clock, event, component, start)


def _when(component: Component, name: str) -> Moment | None:
    value = getattr(component.get(name), "dt", None)
    return value if isinstance(value, date) else None


def _key(clock: Clock, event: RawEvent, component: Component, start: Moment) -> str:
    """The occurrence's original start, read the way the event writes it, so the key never depends on
    which zone database the recurrence engine used."""
    own = event.first("RECURRENCE-ID")
    if own is not None:
        return recurrence_key(clock.moment(own))
    written = _when(component, "RECURRENCE-ID") or start
    dtstart = event.first("DTSTART")
    if isinstance(written, datetime) and dtstart is not None:
        return recurrence_key(clock.placed(written.replace(tzinfo=None), dtstart))
    return recurrence_key(written)


def _calendar(path: Path, events: list[RawEvent]) -> Calendar:
    lines = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Upward//calendar import//EN"]
    for index, event in enumerate(events):
        lines += ["BEGIN:VEVENT", f"{INDEX}:{index}"]
        lines += [prop.text for name in WHEN for prop in event.all(name)]
        lines.append("END:VEVENT")
    lines.append("END:VCALENDAR")
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            calendar = Calendar.from_ical("\r\n".join(lines))
    except Exception as error:  # icalendar reports a malformed event in several ways
        raise ImportProblem(path, f"this repeating event can't be read ({error}). {FIX}", line=events[0].line) from None
    for index, component in enumerate(calendar.walk("VEVENT")):
        for name, problem in component.errors:
            prop = events[index].first(str(name).upper())
            raise ImportProblem(
                path, f"this can't be read ({problem}). {FIX}", line=prop.line if prop else events[index].line,
                field=str(name).upper(),
            )  # fmt: skip
    return calendar
