"""Calendars (.ics from Google Calendar, Outlook, Exchange, Apple): the meetings you took part in.

Each meeting in the chosen dates becomes an item: a meeting, or a talk you gave; with the people you
know by name and the teams they are in, tagged `touchpoint` and `with:ROLE` when a decision-maker was
there, `1:1`, `cross-team`. Repeating events are expanded, one item per occurrence. All-day events,
cancelled ones, ones you declined and your own blocks are left out, with the reason counted. Times are
stored as this machine's local wall-clock time. See docs/importers/calendar.md.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Iterator
from datetime import date, datetime, timedelta
from typing import Any

from upward.importers._calendar_entries import REPEATED, Entry, latest, source_id
from upward.importers._calendar_meetings import (
    ALL_DAY,
    ALONE,
    CANCELLED,
    OUTSIDE,
    PERSONAL,
    PERSONAL_BLOCK,
    Occurrence,
    is_all_day,
    is_cancelled,
    meeting,
)
from upward.importers._calendar_people import Who, others
from upward.importers._calendar_reader import CalendarFile, read_calendar
from upward.importers._calendar_series import is_series, occurrences, too_often
from upward.importers._calendar_time import Clock, Moment
from upward.importers.base import ImportOption, ImportRequest
from upward.model import EvidenceDraft, InputError, Kind
from upward.model.imports import Ignored, ImportProblem
from upward.model.parsing import clean_email, parse_day

#: Without --since, a year back from today; without --until, up to today (meetings to come are not work done yet).
DEFAULT_DAYS = 365
TOO_OFTEN = Ignored("events repeating more often than daily (reminders)")


class CalendarImporter:
    name = "calendar"
    label = "Meetings from a calendar export (.ics) of Google Calendar, Outlook or Exchange"
    suffixes = (".ics",)
    paths_help = "calendar files (.ics) exported from Google Calendar, Outlook or Exchange"
    needs_paths = True
    options: tuple[ImportOption, ...] = (
        ImportOption(
            "me",
            "Your email address as the calendar shows it; repeat for each address you use "
            "(default: the calendar's name when it is an email address, as in Google exports)",
            multiple=True,
        ),
        ImportOption("since", "First day to read, YYYY-MM-DD (default: a year ago)"),
        ImportOption("until", "Last day to read, YYYY-MM-DD (default: today)"),
    )

    def read(self, request: ImportRequest) -> Iterator[EvidenceDraft | Ignored]:
        since, until = window(request.options)
        me = _my_addresses(request.options.get("me"))
        files = []
        for path in request.paths:
            calendar = read_calendar(path)
            clock = Clock(path, calendar.zones, calendar.timezone)
            files.append((calendar, clock, Who.of(me or _owner(calendar), request.people, request.profile)))
        request.progress.total(sum(len(calendar.events) for calendar, _, _ in files))
        seen: set[str] = set()
        groups: dict[tuple[int, str], list[Entry]] = defaultdict(list)
        for found in latest(files):
            if isinstance(found, Ignored):
                request.progress.advance()
                yield found
            else:
                groups[(id(found.calendar), found.uid)].append(found)
        for group in groups.values():
            for record in _group(group, since, until):
                if isinstance(record, EvidenceDraft) and record.source_id in seen:
                    yield REPEATED
                    continue
                if isinstance(record, EvidenceDraft):
                    seen.add(str(record.source_id))
                yield record
            request.progress.advance(len(group))


def window(options: dict[str, Any], today: date | None = None) -> tuple[date, date]:
    """The first and last day to read, from --since and --until."""
    today = today or date.today()
    until = _day(options.get("until"), "until") or today
    since = _day(options.get("since"), "since") or until - timedelta(days=DEFAULT_DAYS)
    if since > until:
        raise ImportProblem("calendar", f"--since ({since}) is after --until ({until}); swap them", field="since")
    return since, until


def weekly_meeting_hours(drafts: Iterable[EvidenceDraft]) -> dict[str, float]:
    """Hours in meetings and talks per ISO week (`2026-W07`), from the items' minutes, in week order."""
    minutes: dict[str, int] = defaultdict(int)
    for draft in drafts:
        if draft.kind in (Kind.MEETING, Kind.PRESENTATION) and draft.minutes:
            year, week, _ = draft.occurred_at.isocalendar()
            minutes[f"{year}-W{week:02d}"] += draft.minutes
    return {week: round(minutes[week] / 60, 2) for week in sorted(minutes)}


def _day(value: object, name: str) -> date | None:
    if value is None or value == "":
        return None
    if isinstance(value, date):
        return value
    try:
        return parse_day(str(value), name)
    except InputError as error:
        raise ImportProblem("calendar", error.problem, field=name) from None


def _my_addresses(value: object) -> list[str]:
    values = [value] if isinstance(value, str) else list(value or [])  # type: ignore[call-overload]
    addresses = []
    for item in values:
        try:
            email = clean_email(str(item), "me")
        except InputError:
            raise ImportProblem(
                "calendar", f"'{item}' is not an email address; give the one your calendar shows for you", field="me"
            ) from None
        if email:
            addresses.append(email)
    return addresses


def _owner(calendar: CalendarFile) -> list[str]:
    """Google names an exported calendar after its owner's address; other calendars need --me."""
    try:
        owner = clean_email(calendar.name, "me")
    except InputError:
        owner = None
    if owner:
        return [owner]
    named = f"is called '{calendar.name}', not an email address" if calendar.name else "does not name its owner"
    raise ImportProblem(
        calendar.path,
        f"Upward needs to know which attendee is you, and this calendar {named}. "
        "Add --me with your email address (once for each address you use), for example --me you@example.com",
        field="me",
    )


def _group(group: list[Entry], since: date, until: date) -> Iterator[EvidenceDraft | Ignored]:
    """The items of one event: a single occurrence, or each occurrence of a repeating one."""
    if not is_series([entry.event for entry in group]):
        yield from (_single(entry, since, until) for entry in group)
        return
    master = next((e for e in group if not e.recurrence), group[0])
    shortcut = _skip_series(master, group)
    if shortcut is not None:
        yield shortcut
        return
    timed = [entry for entry in group if entry.start is not None]
    yield from (CANCELLED for entry in group if entry.start is None)  # a cancellation that gives no time
    any_found = False
    by_event = {id(entry.event): entry for entry in timed}
    for event, wall, key in occurrences(master.calendar.path, master.clock, [e.event for e in timed], since, until):
        entry = by_event[id(event)]
        occurrence = Occurrence(event, source_id(entry.uid, key), _local(entry, wall), entry.minutes, True)
        found = meeting(occurrence, entry.who, (since, until))
        if found is not OUTSIDE:
            any_found = True
            yield found
    if not any_found:
        yield OUTSIDE


def _single(entry: Entry, since: date, until: date) -> EvidenceDraft | Ignored:
    if entry.start is None or entry.dtstart is None:
        return CANCELLED
    start = entry.clock.local(entry.start, entry.dtstart)
    occurrence = Occurrence(entry.event, source_id(entry.uid, entry.recurrence), start, entry.minutes, False)
    return meeting(occurrence, entry.who, (since, until))


def _skip_series(master: Entry, group: list[Entry]) -> Ignored | None:
    """A repeating event left out as a whole (counted once), before working out its occurrences."""
    if is_cancelled(master.event) or master.start is None:
        return CANCELLED
    if is_all_day(master.event, master.start):
        return ALL_DAY
    if not any(others(entry.event, entry.who) for entry in group):
        return PERSONAL_BLOCK if PERSONAL.search(master.event.text("SUMMARY")) else ALONE
    if too_often(master.event):
        return TOO_OFTEN
    return None


def _local(entry: Entry, wall: Moment) -> Moment:
    """An occurrence's start as this machine's wall-clock time, read in the zone its event is written in."""
    if entry.dtstart is None or not isinstance(wall, datetime):
        return wall
    return entry.clock.local(entry.clock.placed(wall.replace(tzinfo=None), entry.dtstart), entry.dtstart)


IMPORTER = CalendarImporter()
