"""What one GitHub object is, told from its shape, and its fields checked into a small record.

The same parser reads saved files and live answers: REST list items (pull requests, reviews,
issues, issue comments), search results, and webhook payloads that embed them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from upward.model.imports import ImportProblem

_API_ITEM = re.compile(r"/repos/(?P<repo>[^/]+/[^/]+)/(?:issues|pulls)/(?P<number>\d+)/?$")
_API_REPO = re.compile(r"/repos/(?P<repo>[^/]+/[^/]+)/?$")
_PAGE_ITEM = re.compile(r"^https?://[^/]+/(?P<repo>[^/]+/[^/]+)/(?:issues|pull)/(?P<number>\d+)")


@dataclass(frozen=True, slots=True)
class Ref:
    """A pull request or issue: `owner/name#number` (they share numbers within a repository)."""

    repo: str
    number: int

    @property
    def key(self) -> str:
        return f"{self.repo.lower()}#{self.number}"

    def __str__(self) -> str:
        return f"{self.repo}#{self.number}"


@dataclass(frozen=True, slots=True)
class Actor:
    login: str
    bot: bool

    def is_(self, login: str) -> bool:
        return self.login.lower() == login.lower()


@dataclass(frozen=True, slots=True)
class Thread:
    """What pull requests and issues have in common."""

    ref: Ref
    title: str
    author: Actor | None  # None: a deleted account
    url: str
    body: str
    labels: tuple[str, ...]
    created_at: datetime
    updated_at: datetime | None
    closed_at: datetime | None
    state: str


@dataclass(frozen=True, slots=True)
class Pull(Thread):
    merged_at: datetime | None = None
    merge_known: bool = True  # False for an old issues-list entry that does not say whether it was merged
    merged_by: Actor | None = None
    requested_teams: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Issue(Thread):
    assignees: tuple[Actor, ...] = ()
    closed_by: Actor | None = None


@dataclass(frozen=True, slots=True)
class Review:
    id: int
    author: Actor | None
    state: str
    submitted_at: datetime | None
    url: str
    body: str
    pull: Ref
    context: Pull | None  # the pull request, when the payload carries it


@dataclass(frozen=True, slots=True)
class Comment:
    id: int
    author: Actor | None
    created_at: datetime
    url: str
    body: str
    on: Ref
    context: Pull | Issue | None  # the issue, when the payload carries it


@dataclass(frozen=True, slots=True)
class Skip:
    """Something GitHub-shaped that Upward reads past on purpose."""

    reason: str


Record = Pull | Issue | Review | Comment | Skip


class Entry:
    """One object being read, and the words for anything wrong with one of its fields."""

    def __init__(self, where: Path | str, index: int, data: dict[str, Any], noun: str, fix: str, prefix: str = ""):
        self.where, self.index, self.data, self.noun, self.fix, self.prefix = where, index, data, noun, fix, prefix

    def problem(self, key: str, detail: str) -> ImportProblem:
        return ImportProblem(
            self.where, f"entry {self.index} ({self.noun}) {detail}; {self.fix}", field=self.prefix + key
        )

    def get(self, key: str) -> Any:
        if key not in self.data:
            raise self.problem(key, f"has no '{key}'")
        return self.data[key]

    def child(self, key: str) -> Entry:
        value = self.get(key)
        if not isinstance(value, dict):
            raise self.problem(key, f"has {_describe(value)} where an object belongs")
        return Entry(self.where, self.index, value, self.noun, self.fix, f"{self.prefix}{key}.")

    def text(self, key: str, *, optional: bool = False) -> str:
        value = self.get(key)
        if value is None and optional:
            return ""
        if not isinstance(value, str):
            raise self.problem(key, f"has {_describe(value)} where text belongs")
        return value

    def number(self, key: str) -> int:
        value = self.get(key)
        if not isinstance(value, int) or isinstance(value, bool) or value < 0:
            raise self.problem(key, f"has {_describe(value)} where a whole number belongs")
        return value

    def when(self, key: str) -> datetime:
        self.get(key)
        moment = self.maybe_when(key)
        if moment is None:
            raise self.problem(key, "is empty where a date belongs")
        return moment

    def maybe_when(self, key: str) -> datetime | None:
        if key not in self.data or self.data[key] is None:
            return None
        value = self.text(key)
        try:
            moment = datetime.fromisoformat(value)
        except ValueError:
            raise self.problem(key, f"has '{value}', which is not a date and time") from None
        if moment.tzinfo is None:
            moment = moment.replace(tzinfo=UTC)
        return moment.astimezone().replace(tzinfo=None)  # the person's own wall-clock time

    def actor(self, key: str) -> Actor | None:
        value = self.get(key)
        if value is None:
            return None  # GitHub shows deleted accounts this way
        who = self.child(key)
        login = who.text("login")
        return Actor(login, bot=who.data.get("type") == "Bot" or login.lower().endswith("[bot]"))

    def actors(self, key: str) -> tuple[Actor, ...]:
        value = self.data.get(key) or []
        if not isinstance(value, list):
            raise self.problem(key, f"has {_describe(value)} where a list belongs")
        found = []
        for position, item in enumerate(value):
            entry = Entry(self.where, self.index, {str(position): item}, self.noun, self.fix, f"{self.prefix}{key}.")
            if (actor := entry.actor(str(position))) is not None:
                found.append(actor)
        return tuple(found)

    def names(self, key: str, name: str = "name") -> tuple[str, ...]:
        """Label names (GitHub writes labels as objects; some tools write plain text)."""
        value = self.data.get(key) or []
        if not isinstance(value, list):
            raise self.problem(key, f"has {_describe(value)} where a list belongs")
        found = []
        for item in value:
            label = item.get(name) if isinstance(item, dict) else item
            if not isinstance(label, str):
                raise self.problem(key, f"has a {key[:-1] if key.endswith('s') else key} without a {name}")
            found.append(label)
        return tuple(found)


def _describe(value: Any) -> str:
    if value is None:
        return "nothing"
    if isinstance(value, bool):
        return f"'{str(value).lower()}'"
    if isinstance(value, dict):
        return "an object"
    if isinstance(value, list):
        return "a list"
    shown = str(value)
    return f"'{shown[:40]}…'" if len(shown) > 40 else f"'{shown}'"


def ref_from(entry: Entry, key: str) -> Ref:
    """The pull request or issue an API address such as `.../repos/o/r/issues/3` points at."""
    value = entry.text(key)
    match = _API_ITEM.search(value.split("?")[0])
    if not match:
        raise entry.problem(key, f"has '{value}', which is not the address of a pull request or issue")
    return Ref(match["repo"], int(match["number"]))


def thread_ref(entry: Entry) -> Ref:
    number = entry.number("number")
    base = entry.data.get("base")
    if isinstance(base, dict) and isinstance(base.get("repo"), dict):
        return Ref(entry.child("base").child("repo").text("full_name"), number)
    if "repository_url" in entry.data:
        value = entry.text("repository_url")
        match = _API_REPO.search(value)
        if not match:
            raise entry.problem("repository_url", f"has '{value}', which is not the address of a repository")
        return Ref(match["repo"], number)
    value = entry.text("html_url")
    match = _PAGE_ITEM.match(value)
    if not match:
        raise entry.problem("html_url", f"has '{value}', which is not the address of a pull request or issue")
    return Ref(match["repo"], number)


def _thread_fields(entry: Entry) -> dict[str, Any]:
    return {
        "ref": thread_ref(entry),
        "title": entry.text("title"),
        "author": entry.actor("user"),
        "url": entry.text("html_url"),
        "body": entry.text("body", optional=True) if "body" in entry.data else "",
        "labels": entry.names("labels"),
        "created_at": entry.when("created_at"),
        "updated_at": entry.maybe_when("updated_at"),
        "closed_at": entry.maybe_when("closed_at"),
        "state": entry.text("state"),
    }


def pull(entry: Entry) -> Pull:
    """A pull request, as the pulls API writes it."""
    fields = _thread_fields(entry)
    entry.get("merged_at")  # every pull request says whether (and when) it was merged
    return Pull(
        **fields,
        merged_at=entry.maybe_when("merged_at"),
        merged_by=entry.actor("merged_by") if "merged_by" in entry.data else None,
        requested_teams=entry.names("requested_teams", "slug"),
    )


def issue(entry: Entry) -> Pull | Issue:
    """An issue, or a pull request as the issues and search APIs write it."""
    fields = _thread_fields(entry)
    if "pull_request" in entry.data and entry.data["pull_request"] is not None:
        link = entry.child("pull_request")
        known = "merged_at" in link.data
        return Pull(**fields, merged_at=link.maybe_when("merged_at") if known else None, merge_known=known)
    closed_by = entry.actor("closed_by") if "closed_by" in entry.data else None
    return Issue(**fields, assignees=entry.actors("assignees"), closed_by=closed_by)


def review(entry: Entry, context: Pull | None = None) -> Review:
    return Review(
        id=entry.number("id"),
        author=entry.actor("user"),
        state=entry.text("state").upper(),
        submitted_at=entry.maybe_when("submitted_at"),
        url=entry.text("html_url"),
        body=entry.text("body", optional=True) if "body" in entry.data else "",
        pull=ref_from(entry, "pull_request_url"),
        context=context,
    )


def comment(entry: Entry, context: Pull | Issue | None = None) -> Comment:
    return Comment(
        id=entry.number("id"),
        author=entry.actor("user"),
        created_at=entry.when("created_at"),
        url=entry.text("html_url"),
        body=entry.text("body", optional=True) if "body" in entry.data else "",
        on=ref_from(entry, "issue_url"),
        context=context,
    )


_IGNORED_SHAPES = (
    ("diff_hunk", "inline review comments (the review they belong to counts)"),
    ("tag_name", "releases"),
    ("full_name", "repository details"),
    ("login", "account details"),
)
_NOUNS = {"pull": "a pull request", "issue": "an issue", "review": "a review", "comment": "a comment"}


def parse(where: Path | str, index: int, data: Any, fix: str) -> Record:
    """Tell what `data` is from its shape and check the fields Upward reads."""
    if not isinstance(data, dict):
        raise ImportProblem(where, f"entry {index} is {_describe(data)}, not an object from GitHub; {fix}")
    if "action" in data and "sender" in data:
        return _event(Entry(where, index, data, "a webhook payload", fix))
    shape = _shape(data)
    if shape is None:
        if "message" in data and "documentation_url" in data:
            said = str(data["message"])[:120]
            raise ImportProblem(where, f"entry {index} is GitHub saying '{said}' instead of data; {fix}")
        if "sha" in data and "commit" in data:
            return Skip("commits (pull requests show what you shipped)")
        for key, reason in _IGNORED_SHAPES:
            if key in data:
                return Skip(reason)
        raise ImportProblem(
            where, f"entry {index} is not a pull request, review, issue or comment Upward can recognise; {fix}"
        )
    entry = Entry(where, index, data, _NOUNS[shape], fix)
    if shape == "pull":
        return pull(entry)
    if shape == "issue":
        return issue(entry)
    if shape == "review":
        return review(entry)
    return comment(entry)


def _shape(data: dict[str, Any]) -> str | None:
    if "diff_hunk" in data or "pull_request_review_id" in data:
        return None  # an inline review comment
    if "head" in data and "base" in data:
        return "pull"
    if "pull_request_url" in data:
        return "review"
    if "number" in data and ("repository_url" in data or "labels" in data):
        return "issue"
    if "issue_url" in data and "number" not in data:
        return "comment"
    return None


def _event(entry: Entry) -> Record:
    """A webhook payload: the object it is about, with the pull request or issue around it."""
    data = entry.data
    if "review" in data:
        context = pull(_inner(entry, "pull_request", "a pull request"))
        return review(_inner(entry, "review", "a review"), context)
    if "comment" in data:
        if "pull_request" in data:
            return Skip("inline review comments (the review they belong to counts)")
        return comment(_inner(entry, "comment", "a comment"), issue(_inner(entry, "issue", "an issue")))
    if "pull_request" in data:
        return pull(_inner(entry, "pull_request", "a pull request"))
    if "issue" in data:
        return issue(_inner(entry, "issue", "an issue"))
    return Skip("webhook events about something else")


def _inner(entry: Entry, key: str, noun: str) -> Entry:
    child = entry.child(key)
    return Entry(entry.where, entry.index, child.data, f"{noun} in a webhook payload", entry.fix, child.prefix)
