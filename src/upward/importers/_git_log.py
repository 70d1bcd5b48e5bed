"""The `git log` the git importer streams, and reading one commit record of it."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

from upward.importers._git_run import stream_records
from upward.model.imports import ImportProblem

#: Hash, parents, author date (with the author's own clock), then the whole message. Each record
#: starts with RS (0x1e); `-z` ends the message and every file name with NUL, which a message can't hold.
FORMAT = "--format=%x1e%H%x00%P%x00%aI%x00%B"
_ERE_SPECIAL = re.compile(r"([.\[\]()*+?{}|^$\\])")


@dataclass(frozen=True, slots=True)
class Commit:
    sha: str
    parents: int
    occurred_at: datetime
    message: str
    files: tuple[str, ...] = ()  # every path the commit touched (both names of a renamed file)
    changed: int | None = None  # with line counts: how many files changed
    added: int | None = None
    removed: int | None = None


@dataclass(frozen=True)
class LogQuery:
    emails: tuple[str, ...]
    tips: tuple[str, ...]
    seen: tuple[str, ...] = ()  # tips an earlier run read: everything they reach is skipped
    since: date | None = None
    files: bool = False  # name the files each commit changed (for CODEOWNERS)
    line_counts: bool = False

    def args(self) -> tuple[str, ...]:
        """`git log` arguments: only the person's commits (after `.mailmap`), newest first."""
        args = ["log", "-z", FORMAT, "--encoding=UTF-8", "--no-color", "--no-textconv", "--no-ext-diff"]
        if self.line_counts:
            args += ["--root", "--numstat", "--find-renames"]
        elif self.files:
            args += ["--root", "--name-only", "--no-renames"]
        return (*args, *self._commits())

    def count_args(self) -> tuple[str, ...]:
        """`git log` arguments printing a dot for each of the same commits, to count them for the progress bar."""
        return ("log", "--format=tformat:.", *self._commits())

    def _commits(self) -> tuple[str, ...]:
        authors = "|".join(_ERE_SPECIAL.sub(r"\\\1", email) for email in self.emails)
        args = ["--use-mailmap", "--extended-regexp", "--regexp-ignore-case", f"--author=<({authors})>"]
        if self.since:
            args.append(f"--since={self.since.isoformat()}T00:00:00")
        args += [*self.tips, "--ignore-missing"]
        if self.seen:
            args += ["--not", *self.seen]
        return (*args, "--")


def commits(where: Path, query: LogQuery) -> Iterator[Commit]:
    for record in stream_records(where, query.args()):
        yield parse(where, record, query.line_counts)


def parse(where: Path, record: bytes, line_counts: bool) -> Commit:
    fields = record.decode("utf-8", "replace").split("\0", 3)
    if len(fields) != 4 or not fields[0].isalnum():
        raise ImportProblem(where, f"git printed a commit Upward could not read ({fields[0][:40]!r})")
    sha, parents, when, tail = fields
    message, _, rest = tail.partition("\0")
    try:
        occurred_at = datetime.fromisoformat(when[:19])
    except ValueError:
        raise ImportProblem(where, f"commit {sha[:12]} has a date Upward can't read: '{when}'", field="date") from None
    tokens = rest.removeprefix("\n").split("\0") if rest else []
    commit = Commit(sha, parents.count(" ") + 1 if parents else 0, occurred_at, message)
    if line_counts:
        return _with_numstat(commit, tokens)
    if tokens:
        return Commit(commit.sha, commit.parents, occurred_at, message, tuple(t for t in tokens if t))
    return commit


def _with_numstat(commit: Commit, tokens: list[str]) -> Commit:
    """`--numstat -z` lines: `added TAB removed TAB path`, or for a rename an empty path then old and new."""
    files: list[str] = []
    changed = added = removed = 0
    entries = iter(tokens)
    for entry in entries:
        if not entry:
            continue
        plus, _, rest = entry.partition("\t")
        minus, _, path = rest.partition("\t")
        if path:
            files.append(path)
        else:
            files += [name for name in (next(entries, ""), next(entries, "")) if name]
        changed += 1
        added += int(plus) if plus.isdigit() else 0  # binary files count as "-"
        removed += int(minus) if minus.isdigit() else 0
    return Commit(commit.sha, commit.parents, commit.occurred_at, commit.message, tuple(files), changed, added, removed)
