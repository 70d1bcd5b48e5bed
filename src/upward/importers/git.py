"""Your commits in git repositories: what you shipped, fixed, documented and tested, and whose code it was.

`upward import git PATH... [--author EMAIL...] [--since DATE] [--all-branches] [--line-counts]`

Reads `git log` as a stream (only the person's commits, after `.mailmap`), classifies each commit by its
message (conventional-commit types or its first word), finds the teams owning the changed files in
CODEOWNERS, and remembers each repository's tips so the next run reads only newer commits.
See docs/importers/git.md.
"""

from __future__ import annotations

from collections.abc import Callable, Generator, Iterator
from contextlib import ExitStack
from dataclasses import dataclass
from datetime import date, datetime, time
from typing import Any

from upward.importers._git_codeowners import CodeOwners
from upward.importers._git_commits import draft
from upward.importers._git_log import LogQuery, commits
from upward.importers._git_repo import Identity, Repository, codeowners, commit_link, config, identities, locate, tips
from upward.importers._git_run import counting
from upward.importers.base import ImportOption, ImportRequest, NoProgress, Progress
from upward.model import EvidenceDraft, InputError
from upward.model.imports import Ignored, ImportProblem
from upward.model.parsing import parse_day

TRUE = (True, "true", "yes", "on", "1", 1)


@dataclass(frozen=True)
class Choices:
    """The options a person gave, checked once for every repository."""

    authors: tuple[str, ...]
    since: date | None
    all_branches: bool
    line_counts: bool

    @classmethod
    def from_options(cls, options: dict[str, Any]) -> Choices:
        authors = options.get("author") or ()
        authors = (authors,) if isinstance(authors, str) else tuple(str(a) for a in authors)
        since = options.get("since")
        if isinstance(since, str) and since.strip():
            try:
                since = parse_day(since, "since")
            except InputError as error:
                raise ImportProblem("--since", error.problem) from None
        if isinstance(since, datetime):
            since = since.date()
        return cls(
            authors=authors,
            since=since if isinstance(since, date) else None,
            all_branches=options.get("all_branches") in TRUE,
            line_counts=options.get("line_counts") in TRUE,
        )

    def scope(self, person: Identity) -> str:
        """What an earlier run must have read the same way for its tips to be skipped now."""
        return f"{','.join(person.canonical)}|since={self.since or ''}|lines={self.line_counts}"


class GitImporter:
    name = "git"
    label = "Your commits in git repositories: features, fixes, docs and tests, and whose code they touched"
    suffixes: tuple[str, ...] = ()
    paths_help = "git repositories (the folders you cloned); name several at once if you like"
    needs_paths = True
    options = (
        ImportOption(
            "author",
            "An email address you commit with; repeat it for each one you have used "
            "(default: the repository's `git config user.email`)",
            multiple=True,
        ),
        ImportOption("since", "Only commits from this day on (YYYY-MM-DD)"),
        ImportOption("all_branches", "Read every branch, not only the one checked out", type=bool),
        ImportOption("line_counts", "Also count the lines added and removed (slower on big repositories)", type=bool),
    )

    def read(self, request: ImportRequest) -> Iterator[EvidenceDraft | Ignored]:
        reading = _Reading(request, Choices.from_options(request.options))
        for path in request.paths:
            yield from reading.repository(locate(path))


class _Reading:
    """One import: the person's choices, the tips earlier runs left, and how far the progress bar got."""

    def __init__(self, request: ImportRequest, choices: Choices) -> None:
        self.request = request
        self.choices = choices
        remembered = request.state.get("repositories")
        if not isinstance(remembered, dict):
            remembered = request.state["repositories"] = {}
        self.remembered: dict[str, Any] = remembered
        self.done = 0

    def repository(self, repo: Repository) -> Iterator[EvidenceDraft | Ignored]:
        settings = config(repo)
        person = identities(repo, list(self.choices.authors), settings)
        heads = tips(repo, self.choices.all_branches)
        if not heads:
            yield Ignored("repositories with no commits yet")
            return
        scope = self.choices.scope(person)
        before = self.remembered.get(repo.key)
        seen = tuple(before.get("tips", ())) if isinstance(before, dict) and before.get("scope") == scope else ()
        if not set(heads) <= set(seen):
            text = codeowners(repo, heads[0])
            owners = CodeOwners(text) if text else None
            query = LogQuery(
                person.emails, heads, seen, self.choices.since, bool(owners and owners.rules), self.choices.line_counts
            )
            found = yield from self._commits(repo, query, owners, commit_link(settings))
            if not found and not seen:
                yield Ignored(f"repositories with no commits by {', '.join(person.canonical)}")
        self.remembered[repo.key] = {"scope": scope, "tips": list(heads)}

    def _commits(
        self, repo: Repository, query: LogQuery, owners: CodeOwners | None, link: str | None
    ) -> Generator[EvidenceDraft | Ignored, None, int]:
        """Yield the person's commits in `repo`; return how many became evidence."""
        mine = frozenset(query.emails)
        start = datetime.combine(query.since, time.min) if query.since else None
        found = 0
        total = _Total(self.request.progress, self.done, repo, query)
        with total:
            for commit in commits(repo.root, query):
                total.read()
                if commit.parents > 1:
                    yield Ignored("merge commits")
                elif start and commit.occurred_at < start:
                    yield Ignored("commits written before --since")
                else:
                    found += 1
                    teams = owners.teams(commit.files) if owners else ()
                    yield draft(commit, project=repo.name, link=link, teams=teams, mine=mine)
        self.done = total.done
        return found


class _Total:
    """The progress bar while one repository is read, moved on every STEP commits. Once its history looks
    long, git counts the same commits on the side and the bar gets its total; a short history is read
    before that would pay off, and with no bar to draw (the web app, the API) nothing is counted."""

    COUNT_AFTER = 500
    STEP = 64

    def __init__(self, progress: Progress, base: int, repo: Repository, query: LogQuery) -> None:
        self.progress, self.base, self.done = progress, base, base
        self.unreported = 0
        self.count_args = (repo.root, query.count_args())
        self.counted: Callable[[], int | None] | None = None
        self.known = isinstance(progress, NoProgress)  # nobody is waiting for a total
        self.running = ExitStack()

    def __enter__(self) -> _Total:
        return self

    def __exit__(self, *exc: object) -> None:
        self._advance()
        self.running.close()
        if not self.known:  # read before git had counted: the bar still ends full
            self.progress.total(self.done)

    def read(self) -> None:
        """One more commit read."""
        self.unreported += 1
        if self.unreported == self.STEP:
            self._advance()
            if not self.known:
                self._count()

    def _advance(self) -> None:
        if self.unreported:
            self.progress.advance(self.unreported)
            self.done += self.unreported
            self.unreported = 0

    def _count(self) -> None:
        """Start git counting once the history looks long, and give the bar the total it found."""
        if self.counted is None:
            if self.done - self.base >= self.COUNT_AFTER:
                self.counted = self.running.enter_context(counting(*self.count_args))
        elif (total := self.counted()) is not None:
            self.progress.total(self.base + total)
            self.known = True


IMPORTER = GitImporter()
