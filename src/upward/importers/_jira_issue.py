"""One row of a Jira export -> one evidence draft (or the reason it is set aside).

Every value is shaped to what Upward accepts as it is built (a title of at most 500 characters, names of
at most 200, minutes within two weeks), so the import never stops on a long summary or a busy epic.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import datetime

from upward.importers import _tickets as tickets
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


def _is_code(value: str) -> bool:
    return _CODE.match(value) is not None


@dataclass
class Reading:
    """What reading one run needs beyond the row: who you are, where links point, what was read already."""

    me: Me
    site: str | None
    parents: dict[str, str]
    seen: set[str] = field(default_factory=set)


def issue(header: Header, line: int, row: list[str], reading: Reading) -> EvidenceDraft | Ignored:
    values = header.record(row)
    key = values["key"] or values["id"]
    if not key:
        raise ImportProblem(header.path, "has no issue key or id; export it again from Jira", line=line,
                            field=header.name_of("key", header.name_of("id", "Issue key")))  # fmt: skip
    key = tickets.checked_key(key, header, line, "key" if values["key"] else "id", "Jira")
    if key in reading.seen:
        return Ignored("listed more than once")
    reading.seen.add(key)
    assignee, assignee_id = values["assignee"], values["assignee_id"]
    if reading.me.chosen and not reading.me.matches(assignee, assignee_id):
        return Ignored("assigned to someone else" if assignee or assignee_id else "not assigned to anyone")
    declined = _declined(values["resolution"], values["status"])
    if declined:
        return Ignored(f"closed as {declined}")
    if not values["summary"]:
        raise ImportProblem(header.path, "is empty; every Jira issue has a summary, so export it again",
                            line=line, field=header.name_of("summary", "Summary"))  # fmt: skip
    yous = reading.me.yous(assignee, assignee_id)  # with --me the assignee is you; without it, too
    return _draft(header, line, row, values, key, yous, reading)


def _draft(
    header: Header, line: int, row: list[str], values: dict[str, str], key: str, yous: frozenset[str], reading: Reading
) -> EvidenceDraft:
    issue_type = values["type"]
    minutes, logged = _minutes(header, line, values)
    reporter, reporter_id = (values["reporter"], values["reporter_id"]) if values["reporter"] else (
        values["creator"], values["creator_id"])  # fmt: skip
    return EvidenceDraft(
        title=tickets.title(values["summary"]),
        occurred_at=_when(header, line, values),
        kind=kind_of(issue_type),
        body=_body(header, row, values, key, logged),
        source=SOURCE,
        source_id=key,
        url=tickets.link(f"{reading.site}/browse/{key}") if reading.site and not key.isdigit() else None,
        requester=None if tickets.is_you(yous, reporter, reporter_id) else tickets.name(reporter),
        teams=tickets.entries((*header.every(row, "components"), values["project_name"] or values["project_key"])),
        people=tuple(tickets.names(_people(header, row, values), yous, skip=_is_code)),
        minutes=minutes,
        project=tickets.name(values["summary"] if is_epic(issue_type) else _project(values, reading.parents)),
        tags=tickets.entries((*header.every(row, "labels"), *_flags(values))),
    )


def _declined(resolution: str, status: str) -> str | None:
    """The resolution (or status) that closed the issue without the work being done, as Jira wrote it."""
    for value in (resolution, status):
        if value and plain(value) in DECLINED:
            return value
    return None


def _flags(values: dict[str, str]) -> list[str]:
    """`urgent` for the highest priorities, `unfinished` for issues not resolved yet."""
    priority, resolution = values["priority"], values["resolution"]
    flags = ["urgent"] if priority and plain(priority) in URGENT else []
    finished = values["resolved"] or (resolution and plain(resolution) not in UNRESOLVED)
    if finished or plain(values["status_category"]) in DONE:
        return flags
    return [*flags, "unfinished"]


def _when(header: Header, line: int, values: dict[str, str]) -> datetime:
    """When it was finished; for open issues, when it last changed (or was created)."""
    fields = ("resolved", "updated", "created")
    return tickets.first_date(header, line, values, fields, parse_jira_date, tracker="Jira", example=EXAMPLE)


def _minutes(header: Header, line: int, values: dict[str, str]) -> tuple[int | None, str]:
    """Time logged (Jira exports seconds) in minutes, and a note for the text when it is beyond what Upward keeps."""
    for field_name in ("time_spent", "total_time_spent"):
        value = values[field_name]
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


def _body(header: Header, row: list[str], values: dict[str, str], key: str, logged: str) -> str:
    """A line of facts (key, type, status, priority, sprints, time logged), then the description."""
    status, resolution, priority = values["status"], values["resolution"], values["priority"]
    if resolution and status and plain(resolution) != plain(status):
        status = f"{status} ({resolution})"
    sprints = header.every(row, "sprint")
    facts = (key, values["type"], status, f"{priority} priority" if priority else "",
             f"sprint {', '.join(sprints)}" if sprints else "", logged)  # fmt: skip
    line = " · ".join(filter(None, facts))
    description = values["description"].replace("\r\n", "\n")
    return f"{line}\n\n{description}" if description else line


def _project(values: dict[str, str], parents: dict[str, str]) -> str | None:
    """The epic (or parent) this issue belongs to, by its summary, when the export lets Upward find it."""
    if values["parent_summary"]:
        return values["parent_summary"]
    for field_name in ("epic_link", "parent_key", "parent"):
        reference = values[field_name]
        if reference and reference in parents:
            return parents[reference]
    return None


def _people(header: Header, row: list[str], values: dict[str, str]) -> list[str]:
    """Everyone on the issue: reporter, creator, watchers, commenters (by name when the row gives one)."""
    people = [values["reporter"], values["creator"], *header.every(row, "watchers")]
    comments = header.every(row, "comment")
    if comments:
        people += _commenters(header, row, values, comments)
    return people


_ROLES = (("assignee_id", "assignee"), ("reporter_id", "reporter"), ("creator_id", "creator"))


def _commenters(header: Header, row: list[str], values: dict[str, str], comments: list[str]) -> list[str]:
    """Comment cells are "date;account id;text": the author's name comes from the ids the same row names."""
    by_id = dict(zip(header.cells(row, "watchers_id"), header.cells(row, "watchers"), strict=False))
    for id_field, name_field in _ROLES:
        by_id[values[id_field]] = values[name_field]
    by_id.pop("", None)
    named = set(by_id.values())
    authors = []
    for comment in comments:
        parts = comment.split(";", 2)
        if len(parts) == 3 and parse_jira_date(parts[0]) is not None:
            author = parts[1].strip()
            authors.append(by_id.get(author) or (author if author in named or not _is_code(author) else ""))
    return authors
