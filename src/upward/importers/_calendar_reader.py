"""Reading an iCalendar file line by line: the events, time zones and calendar name, with line numbers.

Only what the calendar importer uses is kept (an event's times, people, title and status), so a large
export never sits in memory as a whole. Folded lines are joined; every property remembers the line it
started on, so a problem can be pointed at.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from types import MappingProxyType
from typing import NamedTuple

from upward.model.imports import ImportProblem

#: Event properties the importer reads; everything else (descriptions, alarms, attachments) is skipped.
KEPT = frozenset(
    {
        "UID", "DTSTART", "DTEND", "DURATION", "RRULE", "RDATE", "EXDATE", "EXRULE", "RECURRENCE-ID",
        "SEQUENCE", "DTSTAMP", "SUMMARY", "STATUS", "ATTENDEE", "ORGANIZER", "LOCATION", "URL",
        "X-MICROSOFT-CDO-ALLDAYEVENT",
    }
)  # fmt: skip
_PARAMETER = re.compile(r';([A-Za-z0-9_-]+)=((?:"[^"]*"|[^";:,]*)(?:,(?:"[^"]*"|[^";:,]*))*)')
_ESCAPE = re.compile(r"\\(.)")
NO_PARAMS: Mapping[str, str] = MappingProxyType({})
FIX = "Export the calendar again, or remove that event"


class Prop(NamedTuple):
    """One property of an event, such as `DTSTART;TZID=Europe/Berlin:20260302T100000`."""

    name: str
    params: Mapping[str, str]
    value: str
    line: int
    text: str  # the whole (unfolded) line, to hand the event to the recurrence engine as written

    @property
    def unescaped(self) -> str:
        """The value of a text property, with `\\,` `\\;` `\\n` turned back into what they stand for."""
        return _ESCAPE.sub(lambda m: "\n" if m.group(1) in "nN" else m.group(1), self.value)


@dataclass(slots=True)
class RawEvent:
    """A VEVENT as written: its kept properties by name, where it starts, and its calendar's METHOD."""

    line: int
    method: str
    props: dict[str, list[Prop]] = field(default_factory=dict)

    def first(self, name: str) -> Prop | None:
        found = self.props.get(name)
        return found[0] if found else None

    def text(self, name: str) -> str:
        prop = self.first(name)
        return prop.unescaped.strip() if prop else ""

    def all(self, name: str) -> list[Prop]:
        return self.props.get(name, [])


@dataclass(frozen=True, slots=True)
class ZoneBlock:
    """A VTIMEZONE definition: its lines, kept to build the time zone if an event needs it."""

    tzid: str
    line: int
    lines: tuple[str, ...]


@dataclass
class CalendarFile:
    path: Path
    name: str = ""  # X-WR-CALNAME: Google names a calendar after its owner's email address
    timezone: str = ""  # X-WR-TIMEZONE: where floating times are meant to be
    zones: dict[str, ZoneBlock] = field(default_factory=dict)
    events: list[RawEvent] = field(default_factory=list)


def read_calendar(path: Path) -> CalendarFile:
    """Every event of the file at `path`; raises ImportProblem when it is not a readable calendar."""
    if not path.is_file():
        raise ImportProblem(path, "there is no file here; name the .ics file your calendar exported")
    calendar = CalendarFile(path)
    try:
        _Reader(calendar).read(_logical_lines(path))
    except UnicodeDecodeError:
        raise ImportProblem(
            path, "is not UTF-8 text; export the calendar again as .ics", line=_first_undecodable(path)
        ) from None
    except OSError as error:
        raise ImportProblem(path, f"can't be read ({error.strerror or error}); check that you may open it") from None
    return calendar


def _logical_lines(path: Path) -> Iterator[tuple[int, str]]:
    """(line number, text) for each content line, folded lines joined, blank lines skipped."""
    pending: str | None = None
    start = 0
    with path.open(encoding="utf-8-sig", newline="") as stream:
        for number, raw in enumerate(stream, 1):
            text = raw.rstrip("\r\n")
            if "\x00" in text:
                raise ImportProblem(path, "holds binary data, not calendar text; export it as .ics", line=number)
            if text[:1] in (" ", "\t"):
                if pending is None:
                    raise ImportProblem(
                        path, "is not a calendar file; an .ics file starts with BEGIN:VCALENDAR", line=1
                    )
                pending += text[1:]
                continue
            if pending:
                yield start, pending
            pending, start = text, number
    if pending:
        yield start, pending


def _first_undecodable(path: Path) -> int | None:
    with path.open("rb") as stream:
        for number, raw in enumerate(stream, 1):
            try:
                raw.decode("utf-8")
            except UnicodeDecodeError:
                return number
    return None


class _Reader:
    """A small state machine over content lines: which component we are in, and what to keep from it."""

    def __init__(self, calendar: CalendarFile) -> None:
        self.calendar = calendar
        self.path = calendar.path
        self.stack: list[tuple[str, int]] = []  # (component name, line it began on)
        self.method = ""
        self.event: RawEvent | None = None
        self.zone: list[str] | None = None
        self.seen_calendar = False

    def read(self, lines: Iterator[tuple[int, str]]) -> None:
        stack = self.stack
        for number, line in lines:
            colon = line.find(":")
            semicolon = line.find(";", 0, colon) if colon > 0 else -1
            end = semicolon if semicolon > 0 else colon
            if end <= 0:
                self._not_calendar_data(number)
            name = line[:end].upper()
            event = self.event
            if event is not None and len(stack) == 2 and name != "BEGIN" and name != "END":
                if name in KEPT:
                    if semicolon > 0:
                        params, value = _split(self.path, number, line, name, end)
                    else:
                        params, value = NO_PARAMS, line[end + 1 :]
                    event.props.setdefault(name, []).append(Prop(name, params, value, number, line))
                continue
            self._line(number, line, name, colon)
        if stack:
            name, began = stack[-1]
            problem = f"the file ends inside the {name} that begins on line {began}; it looks cut short"
            raise ImportProblem(self.path, f"{problem}: export the calendar again")
        if not self.seen_calendar:
            raise ImportProblem(self.path, "the file is empty; export your calendar as an .ics file and try again")

    def _line(self, number: int, line: str, name: str, colon: int) -> None:
        if name == "BEGIN":
            self._begin(number, line[colon + 1 :].strip().upper())
        elif name == "END":
            self._end(number, line[colon + 1 :].strip().upper())
        elif not self.stack:
            self._not_calendar_data(number)
        elif self.zone is not None:
            self.zone.append(line)
        elif len(self.stack) == 1:
            self._calendar_property(name, line)

    def _not_calendar_data(self, number: int) -> None:
        if not self.seen_calendar:
            raise ImportProblem(self.path, "is not a calendar file; an .ics file starts with BEGIN:VCALENDAR", line=1)
        raise ImportProblem(self.path, f"this line is not calendar data (NAME:value). {FIX}", line=number)

    def _begin(self, number: int, component: str) -> None:
        if not self.stack and component != "VCALENDAR":
            self._not_calendar_data(number)
        depth = len(self.stack)
        if depth == 1 and component == "VEVENT":
            self.event = RawEvent(line=number, method=self.method)
        elif depth == 1 and component == "VTIMEZONE":
            self.zone = []
        if self.zone is not None:
            self.zone.append(f"BEGIN:{component}")
        self.seen_calendar = True
        self.stack.append((component, number))

    def _end(self, number: int, component: str) -> None:
        if not self.stack:
            self._not_calendar_data(number)
        opened, began = self.stack.pop()
        if opened != component:
            raise ImportProblem(
                self.path, f"END:{component} does not close the {opened} begun on line {began}. {FIX}", line=number
            )
        if self.zone is not None:
            self.zone.append(f"END:{component}")
        if self.stack and len(self.stack) == 1:
            self._finish(component, began)
        elif not self.stack:
            self.method = ""

    def _finish(self, component: str, began: int) -> None:
        if component == "VEVENT" and self.event is not None:
            self.calendar.events.append(self.event)
            self.event = None
        elif component == "VTIMEZONE" and self.zone is not None:
            tzid = next((line.partition(":")[2].strip() for line in self.zone if line.upper().startswith("TZID")), "")
            self.calendar.zones.setdefault(tzid, ZoneBlock(tzid, began, tuple(self.zone)))
            self.zone = None

    def _calendar_property(self, name: str, line: str) -> None:
        value = line.partition(":")[2].strip()
        if name == "METHOD":
            self.method = value.upper()
        elif name == "X-WR-CALNAME" and not self.calendar.name:
            self.calendar.name = value
        elif name == "X-WR-TIMEZONE" and not self.calendar.timezone:
            self.calendar.timezone = value


def _split(path: Path, number: int, line: str, name: str, at: int) -> tuple[Mapping[str, str], str]:
    """The parameters and the value of a property line; quoted parameter values may hold `:` and `;`."""
    params: dict[str, str] = {}
    while at < len(line) and line[at] == ";":
        match = _PARAMETER.match(line, at)
        if match is None:
            break
        params[match.group(1).upper()] = match.group(2).replace('"', "")
        at = match.end()
    if at >= len(line) or line[at] != ":":
        raise ImportProblem(
            path, f"the details of {name} can't be read (a quote or '=' may be missing). {FIX}", line=number, field=name
        )
    return params, line[at + 1 :]
