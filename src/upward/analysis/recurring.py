"""A simple signal for recurring problems: items that share most of their words.

This is the stand-in the diagnosis uses until the recurring-problem engine (TF-IDF and nearest
neighbours) lands; it groups requests and incidents whose word sets overlap enough.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache

from upward.model import Evidence

_WORD = re.compile(r"[a-z][a-z0-9]+")
STOPWORDS = frozenset(
    [
        "the",
        "and",
        "for",
        "with",
        "from",
        "that",
        "this",
        "again",
        "can",
        "you",
        "please",
        "our",
        "are",
        "was",
        "were",
        "has",
        "have",
        "had",
        "not",
        "but",
        "all",
        "any",
        "into",
        "out",
        "about",
        "just",
        "still",
        "some",
        "when",
        "what",
        "why",
        "how",
        "who",
        "its",
        "it's",
        "your",
        "their",
        "them",
        "they",
        "there",
        "here",
        "one",
        "get",
        "got",
        "need",
        "needs",
        "asked",
        "ask",
        "asks",
        "help",
        "could",
        "would",
        "should",
        "will",
        "also",
        "than",
        "then",
        "too",
        "very",
    ]
)
SIMILAR = 0.34
#: Words found in more than this share of items (and at least COMMON_FLOOR) don't pick candidates.
COMMON_SHARE, COMMON_FLOOR = 0.05, 50
#: How many candidate groups, and how many recent members of each, an item is compared with.
CANDIDATES, MEMBERS_COMPARED = 5, 8


@lru_cache(maxsize=65_536)
def words(text: str) -> frozenset[str]:
    """The meaningful words of a text, lightly reduced (deploys, deploying and deployed are one word).

    Kept for texts seen before: titles of requests and incidents repeat a lot."""
    out = set()
    for word in _WORD.findall(text.lower()):
        if word in STOPWORDS or len(word) < 3:
            continue
        for ending in ("ing", "ed", "es", "s"):
            if word.endswith(ending) and len(word) - len(ending) >= 4:
                word = word[: -len(ending)]
                break
        out.add(word)
    return frozenset(out)


@dataclass
class Group:
    items: list[Evidence] = field(default_factory=list)
    members: list[frozenset[str]] = field(default_factory=list)

    @property
    def label(self) -> str:
        """The title of the item most like the rest: a real sentence, not a bag of words."""
        common = set(self.common_words()[:5])
        best = max(range(len(self.items)), key=lambda i: (len(self.members[i] & common), -len(self.items[i].title)))
        return self.items[best].title

    def common_words(self) -> list[str]:
        counts: dict[str, int] = defaultdict(int)
        for member in self.members:
            for word in member:
                counts[word] += 1
        return sorted(
            (w for w, n in counts.items() if n >= max(2, len(self.members) // 2)), key=lambda w: (-counts[w], w)
        )


def _similarity(a: frozenset[str], b: frozenset[str]) -> float:
    return len(a & b) / len(a | b) if a and b else 0.0


def _best_similarity(found: frozenset[str], members: list[frozenset[str]]) -> float:
    """The largest `_similarity` of `found` to any of `members`, counting the union from the intersection."""
    size, best = len(found), 0.0
    for member in members:
        shared = len(found & member)
        if shared:
            best = max(best, shared / (size + len(member) - shared))
    return best


def recurring_groups(items: Iterable[Evidence], *, min_size: int = 3) -> list[Group]:
    """Groups of at least `min_size` similar items, largest first.

    Each item is compared only with the few groups that share its rarer words, so the work grows
    with the number of items, not with their square.
    """
    groups: list[Group] = []
    index: dict[str, list[int]] = defaultdict(list)
    for seen, item in enumerate(items, 1):
        found = words(" ".join((item.title, *item.tags)))
        common = max(COMMON_FLOOR, seen * COMMON_SHARE)
        hits: Counter[int] = Counter()
        for word in sorted(found):  # a set's order changes between runs; the groups must not
            if len(index[word]) <= common:
                hits.update(set(index[word]))
        best, best_score = None, SIMILAR
        for gid, _ in hits.most_common(CANDIDATES):
            score = _best_similarity(found, groups[gid].members[-MEMBERS_COMPARED:])
            if score >= best_score:
                best, best_score = gid, score
        if best is None:
            best = len(groups)
            groups.append(Group())
        groups[best].items.append(item)
        groups[best].members.append(found)
        for word in found:
            index[word].append(best)
    return sorted((g for g in groups if len(g.items) >= min_size), key=lambda g: -len(g.items))
