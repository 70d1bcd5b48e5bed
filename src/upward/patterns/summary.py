"""What a group of similar items says: a plain title, who asked, what it cost, and how big an opportunity it is."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence

from upward.model import Evidence
from upward.model.patterns import Pattern

EXAMPLES = 5
_WORD = re.compile(r"[a-z][a-z0-9]+")


def title(items: Sequence[Evidence]) -> str:
    """The title most like the rest: the wording that came most often, else the one sharing most words."""
    titles = Counter(item.title for item in items)
    words = [frozenset(_WORD.findall(item.title.lower())) for item in items]
    spread = Counter(word for found in words for word in found)

    def typical(position: int) -> tuple[int, float, int]:
        found = words[position]
        shared = sum(spread[word] - 1 for word in found) / (len(found) or 1)
        return titles[items[position].title], shared, -len(items[position].title)

    return items[max(range(len(items)), key=typical)].title


def opportunity(count: int, minutes: int, people: int) -> float:
    """One point for every time it came back, one for every hour it took, two for every person who asked."""
    return round(count + minutes / 60 + 2 * people, 1)


def summarise(pattern_id: int, items: Sequence[Evidence]) -> Pattern:
    """A pattern's numbers from its items (oldest first); adoption details are added by the caller."""
    requesters = tuple(sorted({item.requester for item in items if item.requester}))
    teams = tuple(sorted({team for item in items for team in item.teams}))
    minutes = sum(item.minutes or 0 for item in items)
    return Pattern(
        id=pattern_id,
        title=title(items),
        count=len(items),
        first=min(item.day for item in items),
        last=max(item.day for item in items),
        requesters=requesters,
        teams=teams,
        minutes=minutes,
        examples=tuple(sorted(items, key=lambda item: item.occurred_at, reverse=True)[:EXAMPLES]),
        score=opportunity(len(items), minutes, len(requesters)),
    )


def ranked(patterns: Sequence[Pattern]) -> list[Pattern]:
    """Biggest opportunity first; ties go to the most recent."""
    return sorted(patterns, key=lambda p: (-p.score, -p.last.toordinal(), p.id))
