"""Which teams own a file, by a repository's CODEOWNERS (GitHub's and GitLab's rules).

Each line is a gitignore-style pattern followed by owners; the last line that matches a file wins.
Owners written as `@org/team-name` are teams ("team-name"); people (`@login`, emails) are not teams and
are left out. GitLab's `[Section]` headings are skipped; a pattern with no team owns nothing for Upward.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache

#: How many file paths keep their answer; a bounded cache keeps memory flat on long histories.
CACHE_SIZE = 8192


def _glob(segment: str) -> str:
    """One path segment of a pattern as a regular expression: `*` and `?` never cross a `/`."""
    out = []
    for char in segment:
        if char == "*":
            out.append("[^/]*")
        elif char == "?":
            out.append("[^/]")
        else:
            out.append(re.escape(char))
    return "".join(out)


def pattern_regex(pattern: str) -> str | None:
    """A CODEOWNERS pattern as a regular expression over a path like `src/app/main.py`."""
    body = pattern.strip("/")
    if not body:
        return None
    anchored = pattern.startswith("/") or "/" in body
    segments = [segment for segment in body.split("/") if segment]
    parts = []
    for index, segment in enumerate(segments):
        last = index == len(segments) - 1
        if segment == "**":
            parts.append(".*" if last else "(?:.*/)?")
        else:
            parts.append(_glob(segment) + ("" if last else "/"))
    if pattern.endswith("/"):
        suffix = "/.*"  # a folder: everything inside it
    elif segments[-1] == "**" or "*" in segments[-1] or "?" in segments[-1]:
        suffix = ""  # `docs/*` is the files directly in docs; `*.js` is files
    else:
        suffix = "(?:/.*)?"  # a name: that file, or everything inside a folder of that name
    return ("" if anchored else "(?:.*/)?") + "".join(parts) + suffix


def _team(owner: str) -> str | None:
    if owner.startswith("@") and "/" in owner:
        team = owner.rsplit("/", 1)[1].strip().lower()
        return team or None
    return None


def _rule(line: str) -> tuple[str, tuple[str, ...]] | None:
    text = line.strip()
    if not text or text.startswith("#") or text.startswith(("[", "^[")):
        return None
    words = text.split()
    pattern = words[0].replace("\\#", "#")
    owners = []
    for word in words[1:]:
        if word.startswith("#"):
            break
        owners.append(word)
    regex = pattern_regex(pattern)
    if regex is None:
        return None
    teams = tuple(dict.fromkeys(team for team in map(_team, owners) if team))
    return regex, teams


class CodeOwners:
    """The teams owning each changed file, answered with one regular expression for all the rules."""

    def __init__(self, text: str) -> None:
        rules = [rule for rule in map(_rule, text.splitlines()) if rule]
        self.rules = len(rules)
        # Alternatives are tried in order, so the last rule goes first: the first match is the last rule.
        rules.reverse()
        self._teams = [teams for _, teams in rules]
        combined = "|".join(f"({regex})" for regex, _ in rules)
        self._regex = re.compile(f"(?:{combined})\\Z", re.DOTALL) if rules else None
        self.teams_of = lru_cache(maxsize=CACHE_SIZE)(self._lookup)

    def _lookup(self, path: str) -> tuple[str, ...]:
        if self._regex is None:
            return ()
        match = self._regex.match(path)
        if match is None:
            return ()
        return self._teams[match.lastindex - 1] if match.lastindex else ()

    def teams(self, paths: Sequence[str]) -> tuple[str, ...]:
        teams_of = self.teams_of
        if len(paths) == 1:
            return teams_of(paths[0])
        found: dict[str, None] = {}
        for path in paths:
            for team in teams_of(path):
                found[team] = None
        return tuple(found)
