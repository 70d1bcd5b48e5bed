"""From one commit to evidence: what kind of work its message says it was, who else took part, and
which teams' code it changed."""

from __future__ import annotations

import re
from functools import lru_cache

from upward.importers._git_log import Commit
from upward.model import EvidenceDraft, Kind, Metric

MAX_TITLE = 500
MAX_FIELD = 200  # the longest requester, project or link Upward stores
#: Conventional-commit types (and the same words opening a plain message) -> kind and tags.
TYPES: dict[str, tuple[Kind, tuple[str, ...]]] = {
    "fix": (Kind.INCIDENT, ()), "fixes": (Kind.INCIDENT, ()), "fixed": (Kind.INCIDENT, ()),
    "fixing": (Kind.INCIDENT, ()), "bugfix": (Kind.INCIDENT, ()), "bug": (Kind.INCIDENT, ()),
    "hotfix": (Kind.INCIDENT, ("hotfix",)), "hot-fix": (Kind.INCIDENT, ("hotfix",)),
    "revert": (Kind.INCIDENT, ("revert",)), "reverts": (Kind.INCIDENT, ("revert",)),
    "reverted": (Kind.INCIDENT, ("revert",)), "rollback": (Kind.INCIDENT, ("revert",)),
    "docs": (Kind.DOCUMENTATION, ()), "doc": (Kind.DOCUMENTATION, ()), "document": (Kind.DOCUMENTATION, ()),
    "documents": (Kind.DOCUMENTATION, ()), "documented": (Kind.DOCUMENTATION, ()),
    "documentation": (Kind.DOCUMENTATION, ()),
    "test": (Kind.DELIVERY, ("tests",)), "tests": (Kind.DELIVERY, ("tests",)), "testing": (Kind.DELIVERY, ("tests",)),
    "refactor": (Kind.DELIVERY, ("refactoring",)), "refactors": (Kind.DELIVERY, ("refactoring",)),
    "refactored": (Kind.DELIVERY, ("refactoring",)), "refactoring": (Kind.DELIVERY, ("refactoring",)),
    "feat": (Kind.DELIVERY, ("feature",)), "feature": (Kind.DELIVERY, ("feature",)),
    "perf": (Kind.DELIVERY, ("performance",)),
    "build": (Kind.DELIVERY, ("build",)), "ci": (Kind.DELIVERY, ("build",)),
    "chore": (Kind.DELIVERY, ("maintenance",)), "style": (Kind.DELIVERY, ("maintenance",)),
}  # fmt: skip
#: Plain messages only count by their first word for these (`Build the new page` is not a build fix).
FIRST_WORDS = frozenset(TYPES) - {"feat", "feature", "perf", "build", "ci", "chore", "style"}
_CONVENTIONAL = re.compile(r"^\s*(?P<type>[A-Za-z-]+)(?:\((?P<scope>[^()\n]*)\))?(?P<breaking>!)?:\s")
_BRACKETED = re.compile(r"^\s*\[(?P<type>[A-Za-z-]+)\]\s")
_FIRST_WORD = re.compile(r"^\W*(?P<word>[A-Za-z-]+)")
_TRAILER = re.compile(
    r"^(?P<key>co-authored-by|reported-by|requested-by)\s*:\s*(?P<name>[^<\n]*?)\s*(?:<(?P<email>[^>\n]*)>)?\s*$",
    re.IGNORECASE | re.MULTILINE,
)
_SCOPE_WORD = re.compile(r"\w")


def classify(subject: str) -> tuple[Kind, tuple[str, ...]]:
    """The kind of work a commit's first line says it was, and tags for what sort of delivery."""
    match = _CONVENTIONAL.match(subject)
    if match:
        word, scope, breaking = match.groups()
        kind, tags = TYPES.get(word.lower(), (Kind.DELIVERY, ()))
        if scope:
            tags += tuple(part.strip() for part in scope.split(",") if _SCOPE_WORD.search(part))
        if breaking:
            tags = (*tags, "breaking-change")
        return kind, tags
    match = _BRACKETED.match(subject) or _FIRST_WORD.match(subject)
    word = match[1].lower() if match else ""
    if word == "roll" and subject.lower().split()[1:2] == ["back"]:
        word = "rollback"
    if word in FIRST_WORDS:
        return TYPES[word]
    return Kind.DELIVERY, ()


def _trailers(message: str, mine: frozenset[str]) -> tuple[tuple[str, ...], str | None]:
    """People named in `Co-authored-by:` (not the person), and who asked (`Reported-by:`, `Requested-by:`)."""
    people: list[str] = []
    requester = None
    for match in _TRAILER.finditer(message):
        email = (match["email"] or "").strip().lower()
        who = match["name"].strip() or email
        if not who or email in mine:
            continue
        if match["key"].lower() == "co-authored-by":
            people.append(who)
        elif requester is None:
            requester = who
    return tuple(people), requester


def title_and_body(sha: str, message: str) -> tuple[str, str]:
    subject, _, body = message.strip().partition("\n")
    title = _fit(subject, MAX_TITLE)
    return title or f"Commit {sha[:12]} (no message)", body.strip()


def draft(
    commit: Commit, *, project: str, link: str | None, teams: tuple[str, ...], mine: frozenset[str]
) -> EvidenceDraft:
    title, body = title_and_body(commit.sha, commit.message)
    kind, tags = classify(title)
    people, requester = _trailers(body, mine) if ":" in body else ((), None)  # every trailer has a colon
    if requester and kind is Kind.DELIVERY:  # delivered because someone asked: the expert trap counts these
        kind = Kind.REQUEST
    url = f"{link}{commit.sha}" if link else None
    return EvidenceDraft(
        title=title,
        occurred_at=commit.occurred_at,
        kind=kind,
        body=body,
        source="git",
        source_id=commit.sha,
        url=url if url and len(url) <= MAX_FIELD else None,  # a link cut short would lead nowhere
        requester=_fit(requester),
        teams=teams,
        people=people,
        metrics=_metrics(commit),
        project=_fit(project),
        tags=tags,
    )


def _fit(text: str | None, limit: int = MAX_FIELD) -> str | None:
    """Text as Upward can store it in a short field: what doesn't fit is cut, with an ellipsis."""
    if text is None:
        return None
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def _metrics(commit: Commit) -> tuple[Metric, ...]:
    if commit.changed is None:
        return ()
    return (
        _metric("lines added", commit.added),
        _metric("lines removed", commit.removed),
        _metric("files changed", commit.changed),
    )


@lru_cache(maxsize=4096)
def _metric(name: str, count: int | None) -> Metric:
    """Most commits change a few lines in a few files: the same small numbers, made once and shared."""
    return Metric(name, str(count))
