"""A live sync of named repositories: what changed since the last sync (or since a day given).

For each repository: pull requests (newest changes first, stopping at the last sync), the reviews
on other people's pull requests among them, issues, and issue comments. The mapper decides what
is the person's work; this module only decides what to ask GitHub for.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from typing import Any

from upward.importers._github_api import GitHubClient
from upward.importers._github_mapping import Mapper
from upward.importers._github_records import Comment, Issue, Pull, Record, parse
from upward.importers.base import Progress
from upward.model import EvidenceDraft
from upward.model.imports import Ignored

PER_PAGE = 100
FIRST_WINDOW = timedelta(days=365)
UNEXPECTED = "GitHub answered in a way Upward did not expect; run the import again"


@dataclass
class Window:
    """What to read for one repository: changes after `changed_since`, work from `start` on."""

    changed_since: datetime  # aware, UTC
    start: date

    @property
    def param(self) -> str:
        return self.changed_since.strftime("%Y-%m-%dT%H:%M:%SZ")

    def local(self) -> datetime:
        return self.changed_since.astimezone().replace(tzinfo=None)


def window(state: dict[str, Any], repo: str, since: date | None, today: date) -> Window:
    """The explicit --since wins; otherwise continue from the last sync; the first sync reads a year."""
    repos = state.get("repos")
    remembered = repos.get(repo.lower()) if isinstance(repos, dict) else None
    if since is not None:
        moment = datetime.combine(since, time.min).astimezone(UTC)
        return Window(moment, since)
    if isinstance(remembered, dict):
        try:
            return Window(datetime.fromisoformat(remembered["checked"]), date.fromisoformat(remembered["from"]))
        except (KeyError, TypeError, ValueError):
            pass  # a damaged memory only means reading a year again
    start = today - FIRST_WINDOW
    return Window(datetime.combine(start, time.min).astimezone(UTC), start)


def remember(state: dict[str, Any], repo: str, checked: datetime, read_from: date) -> None:
    repos = dict(state["repos"]) if isinstance(state.get("repos"), dict) else {}
    previous = repos.get(repo.lower())
    if isinstance(previous, dict) and isinstance(previous.get("from"), str):
        with contextlib.suppress(ValueError):
            read_from = min(read_from, date.fromisoformat(previous["from"]))
    repos[repo.lower()] = {"checked": checked.strftime("%Y-%m-%dT%H:%M:%SZ"), "from": read_from.isoformat()}
    state["repos"] = repos


@dataclass(frozen=True, slots=True)
class Found:
    """A record and where it came from: the address asked and its place in the answer."""

    record: Record
    where: str
    index: int


class RepoSync:
    """One repository's changes, as evidence and reasons to ignore."""

    def __init__(self, client: GitHubClient, repo: str, span: Window, mapper: Mapper, progress: Progress):
        self.client, self.repo, self.span, self.mapper, self.progress = client, repo, span, mapper, progress
        self.base = f"repos/{repo}"

    def run(self) -> Iterator[EvidenceDraft | Ignored]:
        others: list[Pull] = []
        for found in self._pulls():
            pull = found.record
            if isinstance(pull, Pull) and pull.author and not pull.author.bot and not self.mapper.is_mine(pull.author):
                others.append(pull)  # their reviews may include the person's
            yield from self._mapped(found)
        for pull in others:
            for found in self._records(f"{self.base}/pulls/{pull.ref.number}/reviews", {"per_page": PER_PAGE}):
                yield from self._mapped(found)
        yield from self._issues()
        yield from self._comments()

    def _mapped(self, found: Found) -> Iterator[EvidenceDraft | Ignored]:
        self.mapper.learn(found.record)
        self.progress.advance()
        result = self.mapper.map(found.record, found.where, found.index)
        if isinstance(result, Ignored) or result.occurred_at.date() >= self.span.start:
            yield result
        else:
            yield Ignored("work from before the day the sync reads from (see --since)")

    def _records(self, path: str, params: dict[str, Any] | None = None) -> Iterator[Found]:
        for where, page in self.client.pages(path, params):
            for index, data in enumerate(page, start=1):
                yield Found(parse(where, index, data, UNEXPECTED), where, index)

    def _pulls(self) -> Iterator[Found]:
        params = {"state": "all", "sort": "updated", "direction": "desc", "per_page": PER_PAGE}
        for found in self._records(f"{self.base}/pulls", params):
            pull = found.record
            if isinstance(pull, Pull) and pull.updated_at and pull.updated_at < self.span.local():
                return  # sorted by last change: everything from here on is older than the window
            yield found

    def _issues(self) -> Iterator[EvidenceDraft | Ignored]:
        params = {"state": "all", "since": self.span.param, "per_page": PER_PAGE}
        for found in self._records(f"{self.base}/issues", params):
            if isinstance(found.record, Pull):
                continue  # the pulls list already brought it, with more detail
            if isinstance(found.record, Issue) and self._closer_unknown(found.record):
                found = self._one(found.record.ref.number) or found
            yield from self._mapped(found)

    def _closer_unknown(self, issue: Issue) -> bool:
        """Lists leave out who closed an issue; ask only when that decides whether it was the person's."""
        return (
            issue.state == "closed"
            and issue.closed_by is None
            and issue.author is not None
            and not issue.author.bot
            and not self.mapper.is_mine(issue.author)
            and not any(self.mapper.is_mine(a) for a in issue.assignees)
        )

    def _comments(self) -> Iterator[EvidenceDraft | Ignored]:
        params = {"since": self.span.param, "per_page": PER_PAGE}
        for found in self._records(f"{self.base}/issues/comments", params):
            if isinstance(comment := found.record, Comment) and self._unknown_issue(comment):
                issue = self._one(comment.on.number)  # changed before the window: whose is it?
                if issue is not None:
                    self.mapper.learn(issue.record)
            yield from self._mapped(found)

    def _unknown_issue(self, comment: Comment) -> bool:
        return self.mapper.is_mine(comment.author) and not self.mapper.knows(comment.on.key)

    def _one(self, number: int) -> Found | None:
        """One issue (or pull request) on its own: the only answer that says who closed it."""
        where, data = self.client.one(f"{self.base}/issues/{number}")
        record = parse(where, 1, data, UNEXPECTED)
        return Found(record, where, 1) if isinstance(record, Issue | Pull) else None
