"""Every event of the files, checked and placed in time, with copies of the same event reduced to the latest.

Invitations travel as copies: an update carries a higher SEQUENCE (or a later DTSTAMP) than the
invitation it replaces, and two overlapping exports hold the same event twice. Only the latest copy
of each event (or of each changed occurrence of a repeating event) is kept.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime

from upward.importers._calendar_meetings import is_cancelled
from upward.importers._calendar_people import Who
from upward.importers._calendar_reader import FIX, CalendarFile, Prop, RawEvent
from upward.importers._calendar_time import Clock, Moment, recurrence_key
from upward.model.imports import Ignored, ImportProblem

#: iTIP messages that answer an invitation rather than describe a meeting.
ANSWERS = frozenset({"REPLY", "COUNTER", "DECLINECOUNTER", "REFRESH"})
ANSWER = Ignored("answers to invitations (replies, counter-proposals)")
REPEATED = Ignored("copies of an event already read (the latest is kept)")
MAX_ID = 250


@dataclass(frozen=True, slots=True)
class Entry:
    """One event with what its file says about it: who the person is there, and how to read its times."""

    calendar: CalendarFile
    clock: Clock
    who: Who
    event: RawEvent
    uid: str
    start: Moment | None  # as written (aware or floating); None only for a cancelled event without a time
    minutes: int | None
    recurrence: str  # the RECURRENCE-ID of a changed occurrence, as a key; empty for the event itself

    @property
    def dtstart(self) -> Prop | None:
        return self.event.first("DTSTART")

    @property
    def order(self) -> tuple[int, str]:
        sequence = self.event.text("SEQUENCE")
        return (int(sequence) if sequence.isdecimal() else 0, self.event.text("DTSTAMP"))


def latest(files: list[tuple[CalendarFile, Clock, Who]]) -> Iterator[Entry | Ignored]:
    """Each file's events as entries, the latest copy of each; older copies and answers as Ignored."""
    best: dict[tuple[str, str], Entry] = {}
    for calendar, clock, who in files:
        for event in calendar.events:
            if event.method in ANSWERS:
                yield ANSWER
                continue
            entry = _entry(calendar, clock, who, event)
            key = (entry.uid, entry.recurrence)
            kept = best.get(key)
            if kept is not None:
                yield REPEATED
                if entry.order < kept.order:
                    continue
            best[key] = entry
    yield from best.values()


def source_id(uid: str, recurrence: str = "") -> str:
    """The id an item keeps at its source: the event's UID, and for one occurrence of a repeating event,
    the occurrence's original start. Very long ids are shortened to a hash of themselves."""
    whole = f"{uid}#{recurrence}" if recurrence else uid
    if len(whole) <= MAX_ID:
        return whole
    return "sha256:" + hashlib.sha256(whole.encode()).hexdigest()


def _entry(calendar: CalendarFile, clock: Clock, who: Who, event: RawEvent) -> Entry:
    dtstart = event.first("DTSTART")
    start = clock.moment(dtstart) if dtstart is not None else None
    if start is None and not is_cancelled(event):
        raise ImportProblem(
            calendar.path, f"this event has no start time (DTSTART). {FIX}", line=event.line, field="DTSTART"
        )
    rid = event.first("RECURRENCE-ID")
    recurrence = recurrence_key(clock.moment(rid)) if rid is not None else ""
    minutes = _minutes(calendar, clock, event, start) if start is not None else None
    return Entry(calendar, clock, who, event, _uid(event), start, minutes, recurrence)


def _uid(event: RawEvent) -> str:
    uid = event.text("UID")
    if uid:
        return uid
    start = event.first("DTSTART")
    written = f"{start.value if start else ''}\n{event.text('SUMMARY')}"
    return "no-uid:" + hashlib.sha256(written.encode()).hexdigest()[:24]


def _minutes(calendar: CalendarFile, clock: Clock, event: RawEvent, start: Moment) -> int | None:
    """How long the event lasts, from DTEND or DURATION; None for an all-day event or when neither is given."""
    dtend, duration = event.first("DTEND"), event.first("DURATION")
    if dtend is not None:
        end = clock.moment(dtend)
        if not isinstance(start, datetime) or not isinstance(end, datetime):
            return None
        if start.tzinfo is None or end.tzinfo is None:
            length = clock.local(end, dtend) - clock.local(start, dtend)
        else:
            length = end - start
        prop = dtend
    elif duration is not None:
        length, prop = clock.duration(duration), duration
        if not isinstance(start, datetime):
            return None
    else:
        return None
    if length.total_seconds() < 0:
        raise ImportProblem(calendar.path, f"the event ends before it starts. {FIX}", line=prop.line, field=prop.name)
    return int(length.total_seconds() // 60)
