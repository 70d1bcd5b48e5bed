"""Calendar times as Upward stores them: naive wall-clock times on this machine's clock.

A time with a zone (a TZID, or UTC with `Z`) is converted to this machine's local time. A floating
time (no zone) is read in the calendar's own zone (X-WR-TIMEZONE) when it names one, else taken as
written. A TZID is looked up as an IANA name, then as a Windows name, then in the file's VTIMEZONE
definitions, then as an offset written in the name ("(UTC-05:00) Eastern Time"); one that can't be
found at all (a blank TZID without a definition, say) is read as floating.
"""

from __future__ import annotations

import re
import warnings
from datetime import UTC, date, datetime, timedelta, timezone, tzinfo
from pathlib import Path
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from icalendar import Timezone
from icalendar.prop import vDuration
from icalendar.timezone import tzp
from icalendar.timezone.windows_to_olson import WINDOWS_TO_OLSON

from upward.importers._calendar_reader import FIX, Prop, ZoneBlock
from upward.model.imports import ImportProblem

Moment = date | datetime  # a date (all day), an aware datetime, or a naive (floating) one

_DATE = re.compile(r"(\d{4})(\d{2})(\d{2})")
_DATETIME = re.compile(r"(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})(Z?)")
_OFFSET_IN_NAME = re.compile(r"\((?:UTC|GMT)\s*(?:([+-])(\d{1,2}):?(\d{2})?)?\)")
_OFFSET = re.compile(r"TZOFFSETTO[^:]*:\s*([+-])(\d{2})(\d{2})", re.IGNORECASE)


class Clock:
    """Reads the times of one file, with its time zones, and turns them into local wall-clock times."""

    def __init__(self, path: Path, zones: dict[str, ZoneBlock], calendar_zone: str) -> None:
        self.path = path
        self.zones = zones
        self.cache: dict[str, tzinfo | None] = {}
        self.floating = _named(calendar_zone) if calendar_zone else None

    def moment(self, prop: Prop) -> Moment:
        """The value of a DTSTART, DTEND or RECURRENCE-ID; raises ImportProblem when it is not a date."""
        value = prop.value.strip()
        if prop.params.get("VALUE", "").upper() == "DATE" or len(value) == 8:
            match = _DATE.fullmatch(value)
            example = "20261107"
        else:
            match = _DATETIME.fullmatch(value)
            example = "20261107T093000"
        if match is None:
            raise self._bad(prop, f"'{value}' is not a date; calendars write them like {example}")
        try:
            numbers = [int(part) for part in match.groups()[:6] if part]
            if len(numbers) == 3:
                return date(numbers[0], numbers[1], numbers[2])
            written = datetime(numbers[0], numbers[1], numbers[2], numbers[3], numbers[4], numbers[5])
        except ValueError:
            raise self._bad(prop, f"'{value}' is not a real date") from None
        return self.placed(written, prop)

    def placed(self, wall: datetime, like: Prop) -> datetime:
        """`wall` (a wall-clock time) in the zone `like` (a DTSTART, say) is written in."""
        if like.value.strip().endswith("Z"):
            return wall.replace(tzinfo=UTC)
        tzid = like.params.get("TZID")
        zone = self.zone(tzid) if tzid is not None else self.floating
        return wall.replace(tzinfo=zone)

    def local(self, moment: Moment, prop: Prop) -> Moment:
        """The naive local wall-clock time of `moment` (a date stays a date)."""
        if not isinstance(moment, datetime) or moment.tzinfo is None:
            return moment
        try:
            return moment.astimezone().replace(tzinfo=None)
        except (OverflowError, ValueError, OSError):
            raise self._bad(prop, f"'{prop.value}' is too far in the past or future to store") from None

    def duration(self, prop: Prop) -> timedelta:
        try:
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                value: timedelta = vDuration.from_ical(prop.value.strip())  # type: ignore[no-untyped-call]
        except (ValueError, TypeError, OverflowError):
            raise self._bad(prop, f"'{prop.value}' is not a duration; calendars write them like PT1H30M") from None
        return value

    def zone(self, tzid: str) -> tzinfo | None:
        if tzid not in self.cache:
            self.cache[tzid] = _named(tzid) or self._defined(tzid) or _offset_in_name(tzid)
        return self.cache[tzid]

    def _defined(self, tzid: str) -> tzinfo | None:
        block = self.zones.get(tzid)
        return _from_definition(block) if block else None

    def _bad(self, prop: Prop, problem: str) -> ImportProblem:
        return ImportProblem(self.path, f"{problem}. {FIX}", line=prop.line, field=prop.name)


def recurrence_key(moment: Moment) -> str:
    """A stable text for one occurrence of a repeating event, whatever zone this machine is in."""
    if not isinstance(moment, datetime):
        return f"{moment:%Y%m%d}"
    if moment.tzinfo is None:
        return f"{moment:%Y%m%dT%H%M%S}"
    try:
        return f"{moment.astimezone(UTC):%Y%m%dT%H%M%SZ}"
    except (OverflowError, ValueError):
        return f"{moment.replace(tzinfo=None):%Y%m%dT%H%M%S}"


def _named(tzid: str) -> tzinfo | None:
    """An IANA zone (`Europe/Berlin`, also written `/vendor/Europe/Berlin`) or a Windows one."""
    cleaned = tzid.strip().strip("/")
    parts = cleaned.split("/")
    candidates = [cleaned, WINDOWS_TO_OLSON.get(cleaned, "")] + ["/".join(parts[i:]) for i in range(1, len(parts))]
    for candidate in candidates:
        if not candidate:
            continue
        try:
            return ZoneInfo(candidate)
        except (ZoneInfoNotFoundError, ValueError, OSError):
            continue
    return None


def _from_definition(block: ZoneBlock) -> tzinfo | None:
    """The zone a VTIMEZONE describes; a fixed offset when it never changes (as in Exchange's blank TZID)."""
    offsets = {match.groups() for match in map(_OFFSET.match, block.lines) if match}
    if len(offsets) == 1:
        sign, hours, minutes = offsets.pop()
        delta = timedelta(hours=int(hours), minutes=int(minutes))
        return timezone(-delta if sign == "-" else delta) if delta < timedelta(hours=24) else None
    lines = [line if not line.upper().startswith("TZID") else "TZID:upward-calendar-zone" for line in block.lines]
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            component = Timezone.from_ical("\r\n".join(lines))
            return tzp.create_timezone(component)
    except Exception:  # a broken definition: the times are read as floating instead
        return None


def _offset_in_name(tzid: str) -> tzinfo | None:
    match = _OFFSET_IN_NAME.search(tzid)
    if match is None:
        return None
    sign, hours, minutes = match.groups()
    delta = timedelta(hours=int(hours or 0), minutes=int(minutes or 0))
    if delta >= timedelta(hours=24):
        return None
    return timezone(-delta if sign == "-" else delta)
