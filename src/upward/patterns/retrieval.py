"""How well a backend finds an item's known duplicate: recall at 1, 5 and 10, and mean reciprocal rank.

Each labelled pair is asked both ways: from one item, where among all the other items does its duplicate rank?
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

import numpy as np

from upward.patterns.backends import Matrix
from upward.patterns.grouping import CHUNK, _dense

#: Similarities of one query item against every item (its own position is ignored).
Scorer = Callable[[int], np.ndarray]


@dataclass(frozen=True)
class Scores:
    queries: int
    recall_1: float
    recall_5: float
    recall_10: float
    mrr: float


def ranks(scorer: Scorer, pairs: Sequence[tuple[int, int]]) -> list[int]:
    """The rank (1 = best) of each pair's second item when searching from its first, ties counted against us."""
    found = []
    for query, wanted in pairs:
        scores = np.asarray(scorer(query), dtype=np.float64).copy()
        scores[query] = -np.inf
        found.append(int(np.sum(scores >= scores[wanted])))
    return found


def vector_scorer(vectors: Matrix) -> Scorer:
    """Cosine similarity from normalised vectors, computed a block of queries at a time and kept."""
    cache: dict[int, np.ndarray] = {}

    def score(query: int) -> np.ndarray:
        if query not in cache:
            start = query - query % CHUNK
            block = _dense(vectors[start : start + CHUNK] @ vectors.T)
            cache.clear()
            cache.update({start + i: row for i, row in enumerate(block)})
        return cache[query]

    return score


def both_ways(pairs: Sequence[tuple[int, int]]) -> list[tuple[int, int]]:
    return sorted({*pairs, *((b, a) for a, b in pairs)})


def scores(found: Sequence[int]) -> Scores:
    ranked = np.asarray(found, dtype=np.float64)
    return Scores(
        queries=len(found),
        recall_1=float(np.mean(ranked <= 1)),
        recall_5=float(np.mean(ranked <= 5)),
        recall_10=float(np.mean(ranked <= 10)),
        mrr=float(np.mean(1.0 / ranked)),
    )
