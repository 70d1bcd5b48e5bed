"""Linear: issues exported as CSV (Settings → Import / Export → Export CSV, or a view's "Export as CSV").

Both shapes Linear has written are read by column name: the older 25-column file with JavaScript dates
(`Tue Aug 23 2022 13:54:01 GMT+0000 (GMT)`) and the current 30-34 column file (Project ID, Triaged,
Initiatives, Project Milestone, SLA Status, UUID, Time in status, Related to, Blocked by, Duplicate of),
whose dates may also be ISO 8601. Each issue is known by its ID (`CLA-12`). See docs/importers/linear.md.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone
from functools import lru_cache
from pathlib import Path

from upward.importers import _tickets as tickets
from upward.importers._tickets import Header, Me, csv_rows, header_key, plain
from upward.importers.base import ImportOption, ImportRequest
from upward.model import EvidenceDraft, Kind
from upward.model.imports import Ignored, ImportProblem

SOURCE = "linear"

#: Header (compared without case) -> the field it fills.
ALIASES = {
    header_key(name): field_name
    for field_name, names in {
        "id": ("ID",), "team": ("Team",), "title": ("Title",), "description": ("Description",),
        "status": ("Status",), "estimate": ("Estimate",), "priority": ("Priority",), "project": ("Project",),
        "creator": ("Creator",), "assignee": ("Assignee",), "labels": ("Labels",), "cycle": ("Cycle Name",),
        "created": ("Created",), "updated": ("Updated",), "completed": ("Completed",), "canceled": ("Canceled",),
        "archived": ("Archived",), "milestone": ("Project Milestone", "Milestone"), "initiatives": ("Initiatives",),
        "duplicate_of": ("Duplicate of",),
    }.items()
    for name in names
}  # fmt: skip
#: Columns Linear writes that Upward knows and leaves aside (see the docs for why).
KNOWN = ("Project ID", "Cycle Number", "Cycle Start", "Cycle End", "Started", "Triaged", "Due Date", "Parent issue",
         "Project Milestone ID", "SLA Status", "UUID", "Time in status (minutes)", "Related to", "Blocked by",
         "Roadmaps")  # fmt: skip
NEEDS: tuple[tuple[str, ...], ...] = (("id",), ("title",), ("completed", "updated", "created"))
NEEDS_IN_WORDS = {("id",): "'ID'", ("title",): "'Title'", ("completed", "updated", "created"): "'Created'"}

#: Labels (compared with `plain`, also after a group name like "Type/") -> the kind of work. Bug wins.
LABEL_KINDS: dict[str, Kind] = {
    **dict.fromkeys(("bug", "incident", "hotfix", "outage", "defect", "regression"), Kind.INCIDENT),
    **dict.fromkeys(("documentation", "docs"), Kind.DOCUMENTATION),
    **dict.fromkeys(("design", "research", "spike"), Kind.DESIGN),
}  # fmt: skip
_KIND_ORDER = (Kind.INCIDENT, Kind.DOCUMENTATION, Kind.DESIGN)

_JS_DATE = re.compile(
    r"^(?:[A-Za-z]{3},? )?(?P<month>[A-Za-z]{3}) (?P<day>\d{1,2}) (?P<year>\d{4}) "
    r"(?P<hour>\d{1,2}):(?P<minute>\d{2}):(?P<second>\d{2}) GMT(?P<sign>[+-])(?P<oh>\d{2}):?(?P<om>\d{2})"
)
_MONTHS = {
    month: number
    for number, month in enumerate(
        ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"), start=1
    )
}
_WORKSPACE = re.compile(r"^[a-z0-9][a-z0-9-]*$", re.IGNORECASE)
EXAMPLE = "Tue Aug 23 2022 13:54:01 GMT+0000 (GMT) or 2022-08-23T13:54:01.000Z"


@dataclass
class Reading:
    """What reading one run needs beyond the row: who you are, where links point, what was read already."""

    me: Me
    workspace: str | None
    seen: set[str] = field(default_factory=set)


class LinearImporter:
    name = SOURCE
    label = "Linear issues, exported as CSV"
    suffixes = (".csv",)
    paths_help = "CSV files exported from Linear (Settings → Import / Export → Export CSV)"
    needs_paths = True
    options: tuple[ImportOption, ...] = (
        ImportOption(
            "me",
            "Your name or email as Linear shows it: only issues assigned to you are read. Give it again for another "
            "spelling. Without it, every issue in the file is taken as yours.",
            multiple=True,
        ),
        ImportOption("workspace", "Your Linear workspace, the word after linear.app/ in its address, to link items"),
    )

    def read(self, request: ImportRequest) -> Iterator[EvidenceDraft | Ignored]:
        me = Me(request.options.get("me"), request.profile.name if request.profile else None)
        reading = Reading(me=me, workspace=_workspace(request.options.get("workspace")))
        for path in request.paths:
            yield from _read_file(path, reading, request)


def _read_file(path: Path, reading: Reading, request: ImportRequest) -> Iterator[EvidenceDraft | Ignored]:
    with csv_rows(path, ALIASES, KNOWN) as (header, rows):
        header.require(NEEDS, NEEDS_IN_WORDS.__getitem__, "Linear")
        if reading.me.chosen and not header.has("assignee"):
            raise ImportProblem(path, "this export has no 'Assignee' column, so --me can't tell which issues are "
                                "yours; export again, or leave out --me", line=1, field="Assignee")  # fmt: skip
        for line, row in rows:
            request.progress.advance()
            if not any(cell.strip() for cell in row):
                yield Ignored("empty rows")
                continue
            yield _issue(header, line, row, reading)


def _issue(header: Header, line: int, row: list[str], reading: Reading) -> EvidenceDraft | Ignored:
    values = header.record(row)
    key = values["id"]
    if not key:
        raise ImportProblem(header.path, "has no issue ID; export it again from Linear", line=line, field="ID")
    key = tickets.checked_key(key, header, line, "id", "Linear")
    if key in reading.seen:
        return Ignored("listed more than once")
    reading.seen.add(key)
    assignee = values["assignee"]
    if reading.me.chosen and not reading.me.matches(assignee):
        return Ignored("assigned to someone else" if assignee else "not assigned to anyone")
    set_aside = _set_aside(values)
    if set_aside:
        return Ignored(set_aside)
    title = _unquoted(values["title"])
    if not title:
        raise ImportProblem(header.path, "is empty; every Linear issue has a title, so export it again", line=line,
                            field="Title")  # fmt: skip
    yous = reading.me.yous(assignee)
    creator = values["creator"]
    labels = [label for cell in header.every(row, "labels") for label in cell.split(",")]
    return EvidenceDraft(
        title=tickets.title(title),
        occurred_at=_when(header, line, values),
        kind=_kind(labels),
        body=_body(values),
        source=SOURCE,
        source_id=key,
        url=tickets.link(f"https://linear.app/{reading.workspace}/issue/{key}") if reading.workspace else None,
        requester=None if tickets.is_you(yous, creator) else tickets.name(creator),
        teams=(values["team"],),
        people=tuple(tickets.names([creator], yous)),
        project=tickets.name(values["project"]),
        tags=(*labels, *_flags(values)),
    )


def _set_aside(values: dict[str, str]) -> str | None:
    """Why an issue is not evidence of work: canceled, a duplicate, or archived before it was finished."""
    status = plain(values["status"])
    if values["canceled"] or status in ("canceled", "cancelled"):
        return "canceled in Linear"
    if values["duplicate_of"] or status == "duplicate":
        return "marked as a duplicate"
    if values["archived"] and not values["completed"]:
        return "archived before it was finished"
    return None


def _kind(labels: list[str]) -> Kind:
    kinds = set()
    for cell in labels:
        for label in cell.split(","):
            words = plain(label)
            kinds.add(LABEL_KINDS.get(words) or LABEL_KINDS.get(words.rsplit("/", 1)[-1].strip()))
    return next((kind for kind in _KIND_ORDER if kind in kinds), Kind.DELIVERY)


def _flags(values: dict[str, str]) -> list[str]:
    """`urgent` for Urgent priority, `unfinished` for issues not completed yet."""
    flags = ["urgent"] if plain(values["priority"]) == "urgent" else []
    return flags if values["completed"] else [*flags, "unfinished"]


def _body(values: dict[str, str]) -> str:
    """A line of facts (ID, status, priority, estimate, cycle, milestone, initiatives), then the description."""
    priority = values["priority"]
    facts = (
        values["id"], values["status"],
        f"{priority} priority" if priority and plain(priority) != "no priority" else "",
        f"estimate {values['estimate']}" if values["estimate"] else "",
        f"cycle {values['cycle']}" if values["cycle"] else "",
        f"milestone {values['milestone']}" if values["milestone"] else "",
        f"initiatives {values['initiatives']}" if values["initiatives"] else "",
    )  # fmt: skip
    line = " · ".join(fact for fact in facts if fact)
    description = _unquoted(values["description"]).replace("\r\n", "\n")
    return f"{line}\n\n{description}" if description else line


def _unquoted(text: str) -> str:
    """Linear puts a quote before text that a spreadsheet would take for a formula (`'=SUM`); take it off."""
    return text[1:] if text[:1] == "'" and text[1:2] in ("=", "+", "-", "@") else text


def _when(header: Header, line: int, values: dict[str, str]) -> datetime:
    """When it was finished; for open issues, when it last changed (or was created)."""
    fields = ("completed", "updated", "created")
    return tickets.first_date(header, line, values, fields, parse_linear_date, tracker="Linear", example=EXAMPLE)


@lru_cache(maxsize=8192)
def parse_linear_date(value: str) -> datetime | None:
    """A Linear date as your local wall-clock time, or None when it is not a date."""
    text = value.strip()
    match = _JS_DATE.match(text)
    try:
        if match:
            offset = timedelta(hours=int(match["oh"]), minutes=int(match["om"])) * (-1 if match["sign"] == "-" else 1)
            month = _MONTHS.get(match["month"].lower())
            if month is None:
                return None
            moment = datetime(int(match["year"]), month, int(match["day"]), int(match["hour"]), int(match["minute"]),
                              int(match["second"]), tzinfo=timezone(offset))  # fmt: skip
        else:
            moment = datetime.fromisoformat(text)
    except ValueError:
        return None
    if moment.tzinfo is not None:
        return moment.astimezone().replace(tzinfo=None)
    return moment.replace(hour=12) if len(text) == 10 else moment


def _workspace(value: object) -> str | None:
    if not value:
        return None
    text = str(value).strip().strip("/").removeprefix("https://").removeprefix("linear.app/").strip("/")
    if not _WORKSPACE.match(text) or len(text) > 60:
        raise ImportProblem(SOURCE, f"'{value}' is not a Linear workspace; give the word after linear.app/ in "
                            "its address, like acme", field="workspace")  # fmt: skip
    return text.lower()


IMPORTER = LinearImporter()
