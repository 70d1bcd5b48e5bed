"""From GitHub records to evidence: what the person shipped, reviewed, handled and answered.

Whose work a record is depends on the person's login, and often on the pull request or issue
around it (a review of *someone else's* pull request; a comment on *someone else's* issue), so
the mapper learns every pull request and issue it is shown; what needs one not seen yet waits.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path

from upward.importers._github_records import Actor, Comment, Issue, Pull, Record, Review, Skip, Thread
from upward.model import EvidenceDraft, InputError, Kind
from upward.model.imports import Ignored, ImportProblem

SOURCE = "github"
MAX_BODY = 2000
MAX_TITLE = 300
#: Words in a label that make the work firefighting: reacting to something broken.
FIRE_WORDS = frozenset({"bug", "incident", "outage", "hotfix", "regression", "sev0", "sev1", "sev2", "p0"})
_TEAM_LABEL = re.compile(r"^\s*team\s*[:/]\s*(?P<team>.+)$", re.IGNORECASE)
_REVIEW_WORDS = {
    "APPROVED": "Approved.",
    "CHANGES_REQUESTED": "Asked for changes.",
    "COMMENTED": "Commented.",
    "DISMISSED": "Reviewed; the review was dismissed later.",
}
BOTS = "work by bots"


@dataclass(frozen=True, slots=True)
class Known:
    """The little Upward keeps about a pull request or issue to map the reviews and comments on it."""

    thread: Pull | Issue
    handled: bool  # an issue someone else opened that the person was assigned or closed


class Mapper:
    def __init__(self, user: str, since: date | None = None) -> None:
        self.user = user
        self.since = since
        self.known: dict[str, Known] = {}
        self.seen: set[str] = set()

    def learn(self, record: Record) -> None:
        """Remember the pull request or issue a record is, or carries (the first one seen wins)."""
        thread: Pull | Issue | None = None
        if isinstance(record, Pull | Issue):
            thread = record
        elif isinstance(record, Review | Comment):
            thread = record.context
        if thread is None:
            return
        earlier = self.known.get(thread.ref.key)
        vaguer = earlier is not None and isinstance(earlier.thread, Pull) and not earlier.thread.merge_known
        if earlier is None or (vaguer and isinstance(thread, Pull) and thread.merge_known):
            self.known[thread.ref.key] = Known(thread, isinstance(thread, Issue) and self._handled(thread))

    def knows(self, key: str) -> bool:
        return key in self.known

    def waits_for_context(self, record: Record) -> bool:
        """Whether mapping `record` needs a pull request or issue not seen yet (it may come later)."""
        if isinstance(record, Review | Comment):
            key = record.pull.key if isinstance(record, Review) else record.on.key
            return self.is_mine(record.author) and record.context is None and not self.knows(key)
        if isinstance(record, Pull) and not record.merge_known and self.is_mine(record.author):
            known = self._thread(record.ref.key)
            return not (isinstance(known, Pull) and known.merge_known)
        return False

    def map(self, record: Record, where: Path | str, index: int) -> EvidenceDraft | Ignored:
        """The evidence `record` (entry `index` of `where`) is, or why it is set aside."""
        result = self._map(record)
        if isinstance(result, Ignored):
            return result
        try:
            result.validated()
        except InputError as error:
            raise ImportProblem(
                where, f"entry {index} has {error.field} Upward can't keep: {error.problem}", field=error.field
            ) from None
        assert result.source_id is not None
        if result.source_id in self.seen:
            return Ignored("entries read twice (in two files or pages)")
        self.seen.add(result.source_id)
        if self.since and result.occurred_at.date() < self.since:
            return Ignored("work from before the --since day")
        return result

    def _map(self, record: Record) -> EvidenceDraft | Ignored:
        if isinstance(record, Skip):
            return Ignored(record.reason)
        if isinstance(record, Pull):
            return self._pull(record)
        if isinstance(record, Issue):
            return self._issue(record)
        if isinstance(record, Review):
            return self._review(record)
        return self._comment(record)

    def is_mine(self, actor: Actor | None) -> bool:
        return actor is not None and actor.is_(self.user)

    def _handled(self, issue: Issue) -> bool:
        return any(self.is_mine(a) for a in issue.assignees) or self.is_mine(issue.closed_by)

    def _pull(self, pull: Pull) -> EvidenceDraft | Ignored:
        if pull.author is not None and pull.author.bot:
            return Ignored(BOTS)
        if not self.is_mine(pull.author):
            return Ignored("pull requests by other people")
        if not pull.merge_known and isinstance(known := self._thread(pull.ref.key), Pull):
            pull = known  # the pulls list, read in another file, says whether it was merged
        if pull.merged_at is None:
            if pull.state == "open":
                return Ignored("pull requests still open (they come in once merged)")
            if not pull.merge_known:
                return Ignored("pull requests an issues list does not say were merged (save the pulls list)")
            return Ignored("pull requests closed without merging")
        people = (
            ()
            if pull.merged_by is None or pull.merged_by.bot or self.is_mine(pull.merged_by)
            else (pull.merged_by.login,)
        )
        return EvidenceDraft(
            title=_title(pull.title, pull),
            occurred_at=pull.merged_at,
            kind=Kind.INCIDENT if _on_fire(pull) else Kind.DELIVERY,
            body=_body(pull.body),
            source=SOURCE,
            source_id=f"pr:{pull.ref.key}",
            url=pull.url,
            teams=(*_teams(pull), *pull.requested_teams),
            people=people,
            project=pull.ref.repo,
            tags=("github", "pull-request", *_plain_labels(pull)),
        )

    def _issue(self, issue: Issue) -> EvidenceDraft | Ignored:
        if issue.author is not None and issue.author.bot:
            return Ignored(BOTS)
        base = EvidenceDraft(
            title=_title(f"Opened issue: {issue.title}", issue),
            occurred_at=issue.created_at,
            kind=Kind.OTHER,
            body=_body(issue.body),
            source=SOURCE,
            source_id=f"issue:{issue.ref.key}",
            url=issue.url,
            teams=_teams(issue),
            project=issue.ref.repo,
            tags=("github", "issue", *_plain_labels(issue)),
        )
        if self.is_mine(issue.author):
            return base
        if not self._handled(issue):
            return Ignored("issues other people opened and handled")
        done = issue.closed_at is not None and issue.state == "closed"
        return replace(
            base,
            title=_title(f"{'Closed' if done else 'Took on'} {_whose(issue.author)} issue: {issue.title}", issue),
            occurred_at=issue.closed_at if done and issue.closed_at else issue.created_at,
            kind=Kind.INCIDENT if _on_fire(issue) else Kind.REQUEST,
            requester=issue.author.login if issue.author else None,
        )

    def _review(self, review: Review) -> EvidenceDraft | Ignored:
        if review.author is not None and review.author.bot:
            return Ignored(BOTS)
        if not self.is_mine(review.author):
            return Ignored("reviews by other people")
        if review.submitted_at is None or review.state == "PENDING":
            return Ignored("reviews not submitted yet")
        pull = review.context or self._thread(review.pull.key)
        if not isinstance(pull, Pull):
            return Ignored("reviews of pull requests that are not in the files (save the pulls list too)")
        if self.is_mine(pull.author):
            return Ignored("reviews of your own pull requests (replies to your reviewers)")
        if pull.author is not None and pull.author.bot:
            return Ignored("reviews of pull requests by bots")
        said = _REVIEW_WORDS.get(review.state, "Reviewed.")
        return EvidenceDraft(
            title=_title(f"Reviewed {_whose(pull.author)} pull request: {pull.title}", pull),
            occurred_at=review.submitted_at,
            kind=Kind.REVIEW,
            body=_body(f"{said}\n\n{review.body}"),
            source=SOURCE,
            source_id=f"review:{review.id}",
            url=review.url,
            teams=_teams(pull),
            people=(pull.author.login,) if pull.author else (),
            project=pull.ref.repo,
            tags=("github", "review"),
        )

    def _comment(self, comment: Comment) -> EvidenceDraft | Ignored:
        if comment.author is not None and comment.author.bot:
            return Ignored(BOTS)
        if not self.is_mine(comment.author):
            return Ignored("comments by other people")
        thread = comment.context or self._thread(comment.on.key)
        if thread is None:
            return Ignored("comments on issues that are not in the files (save the issues list too)")
        if isinstance(thread, Pull):
            return Ignored("comments on pull requests (reviews count instead)")
        if self.is_mine(thread.author):
            return Ignored("comments on your own issues")
        if self._handled(thread):
            return Ignored("comments on issues you handled (the issue counts once)")
        if thread.author is not None and thread.author.bot:
            return Ignored("comments on issues opened by bots")
        return EvidenceDraft(
            title=_title(f"Replied to {_whose(thread.author)} issue: {thread.title}", thread),
            occurred_at=comment.created_at,
            kind=Kind.INCIDENT if _on_fire(thread) else Kind.REQUEST,
            body=_body(comment.body),
            source=SOURCE,
            source_id=f"comment:{comment.id}",
            url=comment.url,
            requester=thread.author.login if thread.author else None,
            teams=_teams(thread),
            project=thread.ref.repo,
            tags=("github", "comment", *_plain_labels(thread)),
        )

    def _thread(self, key: str) -> Pull | Issue | None:
        known = self.known.get(key)
        return known.thread if known else None


def _title(text: str, thread: Thread) -> str:
    words = " ".join(text.split())
    if len(words) > MAX_TITLE:
        words = words[: MAX_TITLE - 1].rstrip() + "…"
    return f"{words} ({thread.ref})"


def _body(text: str) -> str:
    text = text.strip()
    return text if len(text) <= MAX_BODY else text[: MAX_BODY - 1].rstrip() + "…"


def _whose(author: Actor | None) -> str:
    return f"{author.login}'s" if author else "a deleted account's"


def _on_fire(thread: Thread) -> bool:
    return any(FIRE_WORDS & set(re.split(r"[^a-z0-9]+", label.lower())) for label in thread.labels)


def _teams(thread: Thread) -> tuple[str, ...]:
    return tuple(m["team"] for label in thread.labels if (m := _TEAM_LABEL.match(label)))


def _plain_labels(thread: Thread) -> tuple[str, ...]:
    return tuple(label for label in thread.labels if not _TEAM_LABEL.match(label))
