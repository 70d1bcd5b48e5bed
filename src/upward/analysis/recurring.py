"""A simple signal for recurring problems: items that share most of their words.

The diagnosis and the plan use it over a year of requests and incidents; it groups items whose word sets
overlap enough. The recurring-problem engine (`upward.patterns`: TF-IDF and nearest neighbours, groups
kept in the database) is the fuller tool behind `upward patterns`.
"""

from __future__ import annotations

import hashlib
import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import chain, combinations
from typing import Any, Generic, Protocol, TypeVar

from upward.model import Evidence
from upward.model.evidence_columns import EvidenceColumns

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


T = TypeVar("T")


@dataclass
class Group(Generic[T]):
    """Similar items (evidence, or rows of a record's columns), their words and their titles."""

    items: list[T] = field(default_factory=list)
    members: list[frozenset[str]] = field(default_factory=list)
    titles: list[str] = field(default_factory=list)

    @property
    def label(self) -> str:
        """The title of the item most like the rest: a real sentence, not a bag of words."""
        common = set(self.common_words()[:5])
        best = max(range(len(self.items)), key=lambda i: (len(self.members[i] & common), -len(self.titles[i])))
        return self.titles[best]

    def common_words(self) -> list[str]:
        counts = Counter(chain.from_iterable(self.members))
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


class Frameworks:
    """The frameworks the person built: a recurring problem is addressed by one that shares two of its key
    words. Kept as the frameworks holding each word, so checking a problem is a few set look-ups."""

    def __init__(self, texts: Iterable[str] = (), *, word_sets: Iterable[frozenset[str]] = ()) -> None:
        """The frameworks of `texts` (a title and its details each), or of their `word_sets` (`words(text)`)."""
        #: word -> the frameworks (by position) that hold it
        self.holding: dict[str, set[int]] = defaultdict(set)
        for position, found in enumerate(chain(map(words, texts), word_sets)):
            for word in found:
                self.holding[word].add(position)

    def address(self, group: Group[Any]) -> bool:
        found = [self.holding.get(word, set()) for word in group.common_words()[:5]]
        return any(not a.isdisjoint(b) for a, b in combinations(found, 2))


def item_words(title: str, tags: Iterable[str]) -> frozenset[str]:
    """The words an item is compared by: its title and its tags."""
    return words(" ".join((title, *tags)))


def recurring_groups(items: Iterable[Evidence], *, min_size: int = 3) -> list[Group[Evidence]]:
    """Groups of at least `min_size` similar items, largest first."""
    found = list(items)
    return _groups(found, [i.title for i in found], [item_words(i.title, i.tags) for i in found], min_size)


def recurring_rows(columns: EvidenceColumns, rows: Iterable[int], *, min_size: int = 3) -> list[Group[int]]:
    """The same groups over rows of a record's columns (the diagnosis's way of reading a large record)."""
    found = list(rows)
    titles = [columns.titles[row] for row in found]
    kept = columns.words or [None] * len(columns)
    compared = [kept[row] or item_words(columns.titles[row], columns.tags[row]) for row in found]
    return _groups(found, titles, compared, min_size)


def _groups(items: list[T], titles: list[str], found: list[frozenset[str]], min_size: int) -> list[Group[T]]:
    groups: list[Group[T]] = []
    for positions in _grouped(tuple(found)):
        if len(positions) >= min_size:
            group: Group[T] = Group()
            for position in positions:
                group.items.append(items[position])
                group.members.append(found[position])
                group.titles.append(titles[position])
            groups.append(group)
    return sorted(groups, key=lambda g: -len(g.items))


#: Which items (by position) go together, every group in the order it was started.
Grouping = tuple[tuple[int, ...], ...]


class GroupKeeper(Protocol):
    """Somewhere groupings outlive the process (`services.kept_groups`), found again by `grouping_key`."""

    def get(self, key: str) -> Grouping | None: ...

    def put(self, key: str, grouping: Grouping) -> None: ...


_keeper: ContextVar[GroupKeeper | None] = ContextVar("group_keeper", default=None)


@contextmanager
def kept_by(keeper: GroupKeeper) -> Iterator[None]:
    """Inside the block, a grouping worked out is kept by `keeper`, and one kept there is not worked out again:
    a new `upward diagnose` process finds the groups of the requests it grouped last time."""
    token = _keeper.set(keeper)
    try:
        yield
    finally:
        _keeper.reset(token)


def grouping_key(found: tuple[frozenset[str], ...]) -> str:
    """A digest of the word sets in their order and of the rules that group them."""
    digest = hashlib.sha256(repr((SIMILAR, COMMON_SHARE, COMMON_FLOOR, CANDIDATES, MEMBERS_COMPARED)).encode())
    digest.update("\n".join(" ".join(sorted(words_of)) for words_of in found).encode())
    return digest.hexdigest()


@lru_cache(maxsize=8)
def _grouped(found: tuple[frozenset[str], ...]) -> Grouping:
    """Which items (by position) go together. The answer is kept for the same words in the same order, in the
    process (the dashboard, the plan and the documents all diagnose the same record) and by the keeper."""
    keeper = _keeper.get()
    if keeper is None:
        return _grouping(found)
    key = grouping_key(found)
    kept = keeper.get(key)
    if kept is None:
        kept = _grouping(found)
        keeper.put(key, kept)
    return kept


def _grouping(found: tuple[frozenset[str], ...]) -> Grouping:
    """Which items (by position) go together, every group in the order it was started.

    Each item is compared only with the few groups that share its rarer words, so the work grows with the
    number of items, not with their square. An item with exactly the words of an earlier one joins that
    one's group without a search: the same problem, asked again.
    """
    groups: list[list[int]] = []
    recent: list[list[frozenset[str]]] = []  # each group's members, for the comparison
    #: word -> the groups holding it (a dict as an ordered set), and how many items hold it.
    holders: dict[str, dict[int, None]] = defaultdict(dict)
    frequency: Counter[str] = Counter()
    placed: dict[frozenset[str], int] = {}
    for position, words_of in enumerate(found):
        best = placed.get(words_of) if words_of else None
        if best is None:
            common = max(COMMON_FLOOR, (position + 1) * COMMON_SHARE)
            best = _closest(words_of, recent, holders, frequency, common)
        if best is None:
            best = len(groups)
            groups.append([])
            recent.append([])
        groups[best].append(position)
        recent[best].append(words_of)
        placed[words_of] = best
        frequency.update(words_of)
        for word in words_of:
            holders[word][best] = None
    return tuple(tuple(group) for group in groups)


def _closest(
    found: frozenset[str],
    recent: list[list[frozenset[str]]],
    holders: dict[str, dict[int, None]],
    frequency: Counter[str],
    common: float,
) -> int | None:
    """The group most like `found` among the few sharing its rarer words, if any is similar enough."""
    hits: Counter[int] = Counter()
    for word in sorted(found):  # a set's order changes between runs; the groups must not
        if frequency[word] <= common and word in holders:
            hits.update(holders[word].keys())
    best, best_score = None, SIMILAR
    for gid, _ in hits.most_common(CANDIDATES):
        score = _best_similarity(found, recent[gid][-MEMBERS_COMPARED:])
        if score >= best_score:
            best, best_score = gid, score
    return best


def forget() -> None:
    """Drop the groups and words kept from earlier runs (benchmarks measure a first run with it)."""
    _grouped.cache_clear()
    words.cache_clear()
