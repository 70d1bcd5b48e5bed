"""The recurring signal for one request: earlier requests and incidents that share most of its words.

A stand-in for the recurring-problem engine (`upward.services.patterns.match`), built on the same word
reduction as the diagnosis's signal (`upward.analysis.recurring`), with an index so a whole list of
requests is checked in one pass.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable

from upward.analysis.recurring import SIMILAR, words
from upward.analysis.triage.facts import Recurrence
from upward.model import Evidence, Kind

#: The kinds of item a request can recur with.
COMPARED = frozenset({Kind.REQUEST, Kind.INCIDENT})


def _words(item: Evidence) -> frozenset[str]:
    """The words of the title and tags, less who asked and where: every message from a channel shares those."""
    said = words(" ".join((item.title, *item.tags)))
    return said - words(" ".join((item.requester or "", *item.teams)))


class SimilarIndex:
    """Earlier items like a given one, found through the words they share."""

    def __init__(self, items: Iterable[Evidence]) -> None:
        self.items = sorted((i for i in items if i.kind in COMPARED), key=lambda i: (i.occurred_at, i.id))
        self.words = [_words(item) for item in self.items]
        self.by_word: dict[str, list[int]] = defaultdict(list)
        for index, found in enumerate(self.words):
            for word in found:
                self.by_word[word].append(index)

    def earlier_like(self, item: Evidence) -> list[Evidence]:
        """Items before `item` (by time, then id) whose words overlap enough, oldest first."""
        mine = _words(item)
        candidates = {index for word in mine for index in self.by_word.get(word, ())}
        found = []
        for index in sorted(candidates):
            other = self.items[index]
            if (other.occurred_at, other.id) >= (item.occurred_at, item.id):
                continue
            theirs = self.words[index]
            if mine and theirs and len(mine & theirs) / len(mine | theirs) >= SIMILAR:
                found.append(other)
        return found

    def recurrence(self, item: Evidence) -> Recurrence:
        earlier = self.earlier_like(item)
        names: dict[str, str] = {}
        for each in [*earlier, item]:
            if each.requester:
                names.setdefault(each.requester.strip().lower(), each.requester.strip())
        return Recurrence(
            count=len(earlier) + 1,
            requesters=tuple(names.values()),
            since=earlier[0].day if earlier else None,
            last=earlier[-1] if earlier else None,
        )
