"""GitHub: the pull requests you merged, the reviews you gave, the issues you opened or handled for
others, and your answers on other people's issues.

Two ways in: JSON saved with `gh api --paginate` (name the files), or a live sync of named
repositories with a token (name no files). See docs/importers/github.md.
"""

from __future__ import annotations

import os
import re
import time
from collections.abc import Callable, Iterator
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

from upward.importers._github_api import DEFAULT_API, GitHubClient
from upward.importers._github_json import SAVE_AGAIN, entries
from upward.importers._github_mapping import Mapper
from upward.importers._github_records import Record, parse
from upward.importers._github_sync import RepoSync, remember, window
from upward.importers.base import ImportOption, ImportRequest, Progress
from upward.model import EvidenceDraft, InputError
from upward.model.imports import Ignored, ImportProblem
from upward.model.parsing import parse_day

NAME = "github"
_REPO = re.compile(r"^[A-Za-z0-9_.-]+/[A-Za-z0-9_.-]+$")
_LOGIN = re.compile(r"^[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\[bot\])?$")
TOKEN_VARIABLES = ("GITHUB_TOKEN", "GH_TOKEN")


class GitHubImporter:
    name = NAME
    label = "Pull requests, reviews, issues and comments from GitHub (saved JSON or a live sync)"
    suffixes = (".json",)
    paths_help = "JSON files saved with `gh api --paginate`; name none to sync live with --repo"
    needs_paths = False
    options = (
        ImportOption("user", "Your GitHub login (required): it tells your work from other people's"),
        ImportOption("repo", "A repository to sync live, as owner/name; give it again for more", multiple=True),
        ImportOption("token", "A GitHub token for the live sync (or set GITHUB_TOKEN); never stored"),
        ImportOption("since", "Only work from this day on (YYYY-MM-DD); a live sync otherwise goes on from the last"),
        ImportOption("api_url", f"The GitHub API address, for GitHub Enterprise (default {DEFAULT_API})"),
    )

    def __init__(self) -> None:
        #: How the live sync pauses and tells the time; tests swap these so nothing really sleeps.
        self.wait: Callable[[float], None] = time.sleep
        self.clock: Callable[[], float] = time.time
        self.backoff = 1.0

    def read(self, request: ImportRequest) -> Iterator[EvidenceDraft | Ignored]:
        user = _user(request.options)
        since = _since(request.options)
        repos = _repos(request.options)
        if request.paths:
            if repos:
                raise ImportProblem(NAME, "give either saved files or --repo for a live sync, not both", field="repo")
            yield from _read_files(request.paths, Mapper(user, since), request.progress)
            return
        if not repos:
            raise ImportProblem(
                NAME,
                "name the repositories to sync with --repo owner/name, or give the JSON files you saved with `gh api`",
                field="repo",
            )
        yield from self._sync(request, user, since, repos)

    def _sync(
        self, request: ImportRequest, user: str, since: date | None, repos: list[str]
    ) -> Iterator[EvidenceDraft | Ignored]:
        mapper = Mapper(user)
        request.progress.total(None)
        client = GitHubClient(
            _api_url(request.options), _token(request.options), wait=self.wait, clock=self.clock, backoff=self.backoff
        )
        with client:
            for repo in repos:
                span = window(request.state, repo, since, date.today())
                client.first_answer_at = None
                yield from RepoSync(client, repo, span, mapper, request.progress).run()
                checked = client.first_answer_at or datetime.fromtimestamp(self.clock(), UTC)
                remember(request.state, repo, checked, span.start)


def _read_files(paths: tuple[Path, ...], mapper: Mapper, progress: Progress) -> Iterator[EvidenceDraft | Ignored]:
    """One reading of each file. A review or comment of the person's whose pull request or issue
    has not come up yet waits until the end, when every file has been read."""
    later: list[tuple[Record, Path, int]] = []
    for path in paths:
        for index, data in entries(path):
            record = parse(path, index, data, SAVE_AGAIN)
            mapper.learn(record)
            progress.advance()
            if mapper.waits_for_context(record):
                later.append((record, path, index))
            else:
                yield mapper.map(record, path, index)
    for record, path, index in later:
        yield mapper.map(record, path, index)


def _text(options: dict[str, Any], name: str) -> str:
    value = options.get(name)
    return value.strip() if isinstance(value, str) else ""


def _user(options: dict[str, Any]) -> str:
    login = _text(options, "user").removeprefix("@")
    if not login:
        raise ImportProblem(
            NAME,
            "say which GitHub account is yours with --user YOUR-LOGIN; Upward needs it to "
            "tell your pull requests, reviews and comments from other people's",
            field="user",
        )
    if not _LOGIN.match(login):
        raise ImportProblem(
            NAME,
            f"'{login}' is not a GitHub login; use the name in your profile's address, github.com/YOUR-LOGIN",
            field="user",
        )
    return login


def _since(options: dict[str, Any]) -> date | None:
    text = _text(options, "since")
    if not text:
        return None
    try:
        return parse_day(text, "since")
    except InputError as error:
        raise ImportProblem(NAME, error.problem, field="since") from None


def _repos(options: dict[str, Any]) -> list[str]:
    given = options.get("repo") or []
    names = [given] if isinstance(given, str) else list(given)
    repos: list[str] = []
    for name in names:
        cleaned = str(name).strip().removeprefix("https://github.com/").removesuffix(".git").strip("/")
        if not _REPO.match(cleaned):
            raise ImportProblem(
                NAME,
                f"'{name}' is not a repository; write it as owner/name, for example octocat/Hello-World",
                field="repo",
            )
        if cleaned.lower() not in (r.lower() for r in repos):
            repos.append(cleaned)
    return repos


def _token(options: dict[str, Any]) -> str:
    token = _text(options, "token") or next((os.environ[v].strip() for v in TOKEN_VARIABLES if os.environ.get(v)), "")
    if not token:
        raise ImportProblem(
            NAME,
            "a live sync needs a GitHub token: run `gh auth token` (or make one at "
            "github.com/settings/tokens, read-only) and give it with --token or in the "
            "GITHUB_TOKEN environment variable",
            field="token",
        )
    return token


def _api_url(options: dict[str, Any]) -> str:
    url = _text(options, "api_url") or DEFAULT_API
    if not url.startswith(("https://", "http://")):
        raise ImportProblem(
            NAME,
            f"'{url}' is not a web address; for GitHub Enterprise it looks like https://github.example.com/api/v3",
            field="api_url",
        )
    return url


IMPORTER = GitHubImporter()
