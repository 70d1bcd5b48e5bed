"""The `git log` the git importer streams, and reading one commit record of it."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import NamedTuple

from upward.importers._git_run import stream_records
from upward.model.imports import ImportProblem

#: Hash, parents, author date (with the author's own clock), then the whole message. Each record
#: starts with RS (0x1e); `-z` ends the message and every file name with NUL, which a message can't hold.
FORMAT = "--format=%x1e%H%x00%P%x00%aI%x00%B"
_ERE_SPECIAL = re.compile(r"([.\[\]()*+?{}|^$\\])")


class Commit(NamedTuple):
    """One commit as `git log` printed it (a tuple: tens of thousands are made in one import)."""

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
    line_counts = query.line_counts
    for record in stream_records(where, query.args()):
        yield parse(where, record, line_counts)


def parse(where: Path, record: str, line_counts: bool) -> Commit:
    """`hash NUL parents NUL date NUL message NUL` then, after a newline, each file (or numstat line) NUL."""
    fields = record.split("\0")
    sha = fields[0]
    if len(fields) < 4 or not sha.isalnum():
        raise ImportProblem(where, f"git printed a commit Upward could not read ({sha[:40]!r})")
    parents, when, message = fields[1], fields[2], fields[3]
    try:
        occurred_at = datetime.fromisoformat(when[:19])
    except ValueError:
        raise ImportProblem(where, f"commit {sha[:12]} has a date Upward can't read: '{when}'", field="date") from None
    count = parents.count(" ") + 1 if parents else 0
    tokens = fields[4:]
    if tokens:
        tokens[0] = tokens[0].removeprefix("\n")
    if line_counts:
        return Commit(sha, count, occurred_at, message, *_numstat(tokens))
    return Commit(sha, count, occurred_at, message, tuple(filter(None, tokens)))


def _numstat(tokens: list[str]) -> tuple[tuple[str, ...], int, int, int]:
    """`--numstat -z` lines: `added TAB removed TAB path`, or for a rename an empty path then old and new;
    gives the files, how many changed, and the lines added and removed."""
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
    return tuple(files), changed, added, removed
