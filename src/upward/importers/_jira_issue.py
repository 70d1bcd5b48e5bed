"""One row of a Jira export -> one evidence draft (or the reason it is set aside).

Every value is shaped to what Upward accepts as it is built (a title of at most 500 characters, names of
at most 200, minutes within two weeks), so the import never stops on a long summary or a busy epic.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import datetime
from functools import lru_cache

from upward.importers import _tickets as tickets
from upward.importers._jira_cells import Cells, Issue
from upward.importers._jira_columns import DECLINED, DONE, UNRESOLVED, URGENT, is_epic, kind_of
from upward.importers._jira_dates import EXAMPLE, parse_jira_date
from upward.importers._tickets import Header, Me, plain
from upward.model import EvidenceDraft
from upward.model.evidence import MAX_MINUTES
from upward.model.imports import Ignored, ImportProblem

SOURCE = "jira"

#: Account ids and user keys: codes, not names, so they never become "people".
_CODE = re.compile(
    r"^(?:[0-9a-f]{24}|\d+:[0-9a-f-]{36}|[a-z]{2}:[0-9a-f-]{36}|[0-9a-f-]{36}|JIRAUSER\d+)$", re.IGNORECASE
)


@lru_cache(maxsize=4096)
def _is_code(value: str) -> bool:
    return _CODE.match(value) is not None


@dataclass
class Reading:
    """What reading one run needs beyond the row: who you are, where links point, what was read already."""

    me: Me
    site: str | None
    parents: dict[str, str]
    seen: set[str] = field(default_factory=set)


def issue(cells: Cells, line: int, row: list[str], reading: Reading) -> EvidenceDraft | Ignored:
    values = cells.read(row)
    header = cells.header
    key = values.key or values.id
    if not key:
        raise ImportProblem(header.path, "has no issue key or id; export it again from Jira", line=line,
                            field=header.name_of("key", header.name_of("id", "Issue key")))  # fmt: skip
    if len(key) > tickets.MAX_KEY or "\n" in key or "\r" in key:
        tickets.checked_key(key, header, line, "key" if values.key else "id", "Jira")
    if key in reading.seen:
        return Ignored("listed more than once")
    reading.seen.add(key)
    assignee, assignee_id = values.assignee, values.assignee_id
    if reading.me.chosen and not reading.me.matches(assignee, assignee_id):
        return Ignored("assigned to someone else" if assignee or assignee_id else "not assigned to anyone")
    declined = _declined(values.resolution, values.status)
    if declined:
        return Ignored(f"closed as {declined}")
    if not values.summary:
        raise ImportProblem(header.path, "is empty; every Jira issue has a summary, so export it again",
                            line=line, field=header.name_of("summary", "Summary"))  # fmt: skip
    yous = reading.me.yous(assignee, assignee_id)  # with --me the assignee is you; without it, too
    return _draft(header, line, values, key, yous, reading)


def _draft(header: Header, line: int, values: Issue, key: str, yous: frozenset[str], reading: Reading) -> EvidenceDraft:
    issue_type, summary = values.type, values.summary
    minutes, logged = _minutes(header, line, values) if values.time_spent or values.total_time_spent else (None, "")
    reporter, reporter_id = (values.reporter, values.reporter_id) if values.reporter else (
        values.creator, values.creator_id)  # fmt: skip
    return EvidenceDraft(
        title=tickets.title(summary),
        occurred_at=_when(header, line, values),
        kind=kind_of(issue_type),
        body=_body(values, key, logged),
        source=SOURCE,
        source_id=key,
        url=tickets.link(f"{reading.site}/browse/{key}") if reading.site and not key.isdigit() else None,
        requester=None if tickets.is_you(yous, reporter, reporter_id) else tickets.name(reporter),
        teams=tickets.entries((*values.components, values.project_name or values.project_key)),
        people=tuple(tickets.names(_people(values), yous, skip=_is_code)),
        minutes=minutes,
        project=tickets.name(summary if is_epic(issue_type) else _project(values, reading.parents)),
        tags=tickets.entries((*values.labels, *_flags(values))),
    )


def _declined(resolution: str, status: str) -> str | None:
    """The resolution (or status) that closed the issue without the work being done, as Jira wrote it."""
    for value in (resolution, status):
        if value and plain(value) in DECLINED:
            return value
    return None


def _flags(values: Issue) -> list[str]:
    """`urgent` for the highest priorities, `unfinished` for issues not resolved yet."""
    priority, resolution = values.priority, values.resolution
    flags = ["urgent"] if priority and plain(priority) in URGENT else []
    finished = values.resolved or (resolution and plain(resolution) not in UNRESOLVED)
    if finished or plain(values.status_category) in DONE:
        return flags
    return [*flags, "unfinished"]


_WHEN = ("resolved", "updated", "created")


def _when(header: Header, line: int, values: Issue) -> datetime:
    """When it was finished; for open issues, when it last changed (or was created)."""
    text = values.resolved or values.updated or values.created
    moment = parse_jira_date(text) if text else None
    if moment is not None:
        return moment
    cells = {name: getattr(values, name) for name in _WHEN}  # says which cell is wrong, or that none is there
    return tickets.first_date(header, line, cells, _WHEN, parse_jira_date, tracker="Jira", example=EXAMPLE)


def _minutes(header: Header, line: int, values: Issue) -> tuple[int | None, str]:
    """Time logged (Jira exports seconds) in minutes, and a note for the text when it is beyond what Upward keeps."""
    for field_name, value in (("time_spent", values.time_spent), ("total_time_spent", values.total_time_spent)):
        if not value:
            continue
        try:
            seconds = float(value)
        except ValueError:
            seconds = -1
        if not seconds >= 0:
            raise ImportProblem(header.path, f"'{value}' is not a number of seconds, which is how Jira exports time "
                                "spent", line=line, field=header.name_of(field_name, field_name))  # fmt: skip
        minutes = round(seconds / 60)
        if minutes > MAX_MINUTES:
            return None, f"{minutes / 60:.0f} hours logged"
        return minutes, ""
    return None, ""


def _body(values: Issue, key: str, logged: str) -> str:
    """A line of facts (key, type, status, priority, sprints, time logged), then the description."""
    status, resolution, priority = values.status, values.resolution, values.priority
    if resolution and status and plain(resolution) != plain(status):
        status = f"{status} ({resolution})"
    sprints = values.sprint
    facts = (key, values.type, status, f"{priority} priority" if priority else "",
             f"sprint {', '.join(sprints)}" if sprints else "", logged)  # fmt: skip
    line = " · ".join(filter(None, facts))
    description = values.description
    if "\r" in description:
        description = description.replace("\r\n", "\n")
    return f"{line}\n\n{description}" if description else line


def _project(values: Issue, parents: dict[str, str]) -> str | None:
    """The epic (or parent) this issue belongs to, by its summary, when the export lets Upward find it."""
    if values.parent_summary:
        return values.parent_summary
    for reference in (values.epic_link, values.parent_key, values.parent):
        if reference and reference in parents:
            return parents[reference]
    return None


def _people(values: Issue) -> list[str]:
    """Everyone on the issue: reporter, creator, watchers, commenters (by name when the row gives one)."""
    people = [values.reporter, values.creator, *values.watchers]
    if values.comment:
        people += _commenters(values)
    return people


def _commenters(values: Issue) -> list[str]:
    """Comment cells are "date;account id;text": the author's name comes from the ids the same row names."""
    by_id: dict[str, str] | None = None
    named: set[str] = set()
    authors = []
    for comment in values.comment:
        parts = comment.split(";", 2)
        if len(parts) == 3 and parse_jira_date(parts[0]) is not None:
            if by_id is None:
                by_id, named = _by_id(values)
            author = parts[1].strip()
            authors.append(by_id.get(author) or (author if author in named or not _is_code(author) else ""))
    return authors


def _by_id(values: Issue) -> tuple[dict[str, str], set[str]]:
    """The names the row gives for account ids (watchers, assignee, reporter, creator), and every such name."""
    by_id = dict(zip(values.watcher_id_cells, values.watcher_cells, strict=False))
    by_id[values.assignee_id] = values.assignee
    by_id[values.reporter_id] = values.reporter
    by_id[values.creator_id] = values.creator
    by_id.pop("", None)
    return by_id, set(by_id.values())
