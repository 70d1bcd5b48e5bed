"""Grouping similar items: nearest neighbours above a similarity, joined into groups.

`group_all` groups a whole set once. `Grouping.add` places new items into the existing groups by their
nearest neighbour, so one new item never needs a regrouping.

With few items every item is compared with every other. With many, and when the backend gives sparse keys
(its rarer words), only the items sharing a key are compared exactly: the work then grows with the number of
items, not with its square.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field

import numpy as np
import scipy.sparse as sp

from upward.patterns.backends import Matrix

#: Neighbours looked at for each item, and rows compared at once (bounds the memory a comparison takes).
NEIGHBOURS, CHUNK = 5, 2048
#: Up to this many known items, compare with all; beyond, only with the best CANDIDATES sharing a key.
COMPARE_ALL_UPTO, CANDIDATES = 20_000, 20


@dataclass(frozen=True)
class Neighbours:
    """For each query row, the indices of its nearest rows and their similarities, best first (-1: none)."""

    indices: np.ndarray
    similarities: np.ndarray


def nearest(
    queries: Matrix,
    rows: Matrix,
    k: int = NEIGHBOURS,
    *,
    skip_self: bool = False,
    keys: tuple[sp.csr_matrix, sp.csr_matrix] | None = None,
    compare_all_upto: int = COMPARE_ALL_UPTO,
) -> Neighbours:
    """The k most similar rows for every query (cosine: all vectors are normalised).

    `keys` (for the queries, for the rows) limits the comparison to rows sharing a key, once there are more
    than `compare_all_upto` rows. `skip_self` means queries are the rows themselves: an item is not its own
    neighbour.
    """
    k = max(1, min(k, rows.shape[0] - (1 if skip_self else 0)))
    use_keys = keys is not None and rows.shape[0] > compare_all_upto
    found_i, found_s = [], []
    for start, block in _chunks(queries):
        if use_keys and keys is not None:
            top, top_s = _by_keys(block, rows, keys[0][start : start + CHUNK], keys[1], start if skip_self else None)
        else:
            top, top_s = _compare_all(block, rows, k, start if skip_self else None)
        found_i.append(top[:, :k])
        found_s.append(top_s[:, :k])
    if not found_i:
        return Neighbours(np.zeros((0, k), dtype=np.int64), np.zeros((0, k), dtype=np.float32))
    return _pad(found_i, found_s, k)


def _compare_all(block: Matrix, rows: Matrix, k: int, self_at: int | None) -> tuple[np.ndarray, np.ndarray]:
    sims = _dense(block @ rows.T)
    if self_at is not None:
        sims[np.arange(sims.shape[0]), np.arange(self_at, self_at + sims.shape[0])] = -1.0
    if k < sims.shape[1]:
        top = np.argpartition(-sims, k - 1, axis=1)[:, :k]
    else:
        top = np.tile(np.arange(sims.shape[1]), (len(sims), 1))
    return _best_first(top, np.take_along_axis(sims, top, axis=1))


def _by_keys(
    block: Matrix, rows: Matrix, block_keys: sp.csr_matrix, row_keys: sp.csr_matrix, self_at: int | None
) -> tuple[np.ndarray, np.ndarray]:
    """Candidates: the rows sharing the most key weight with each query; then exact similarity for those."""
    shared = sp.csr_matrix(block_keys @ row_keys.T)
    pairs_q, pairs_r = [], []
    for q in range(block.shape[0]):
        cols = shared.indices[shared.indptr[q] : shared.indptr[q + 1]]
        weight = shared.data[shared.indptr[q] : shared.indptr[q + 1]]
        if self_at is not None:
            keep = cols != self_at + q
            cols, weight = cols[keep], weight[keep]
        if len(cols) > CANDIDATES:
            cols = cols[np.argpartition(-weight, CANDIDATES - 1)[:CANDIDATES]]
        pairs_q.append(np.full(len(cols), q))
        pairs_r.append(cols)
    flat_q, flat_r = np.concatenate(pairs_q), np.concatenate(pairs_r)
    sims = np.asarray(sp.csr_matrix(block)[flat_q].multiply(sp.csr_matrix(rows)[flat_r]).sum(axis=1)).ravel()
    top = np.full((block.shape[0], CANDIDATES), -1, dtype=np.int64)
    top_s = np.full((block.shape[0], CANDIDATES), -1.0, dtype=np.float32)
    counts = np.bincount(flat_q, minlength=block.shape[0])
    slot = np.arange(len(flat_q)) - np.repeat(np.cumsum(counts) - counts, counts)
    top[flat_q, slot], top_s[flat_q, slot] = flat_r, sims
    return _best_first(top, top_s)


def _best_first(top: np.ndarray, top_s: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    order = np.argsort(-top_s, axis=1, kind="stable")
    return np.take_along_axis(top, order, axis=1), np.take_along_axis(top_s, order, axis=1)


def _pad(found_i: list[np.ndarray], found_s: list[np.ndarray], k: int) -> Neighbours:
    """Stack the blocks; a block with fewer than k columns (few candidates) is filled with -1."""
    width = max(k, *(block.shape[1] for block in found_i))
    indices = np.vstack([np.pad(b, ((0, 0), (0, width - b.shape[1])), constant_values=-1) for b in found_i])
    sims = np.vstack([np.pad(b, ((0, 0), (0, width - b.shape[1])), constant_values=-1.0) for b in found_s])
    return Neighbours(indices[:, :k], sims[:, :k])


def _chunks(matrix: Matrix) -> Iterator[tuple[int, Matrix]]:
    for start in range(0, matrix.shape[0], CHUNK):
        yield start, matrix[start : start + CHUNK]


def _dense(product: Matrix) -> np.ndarray:
    if sp.issparse(product):
        product = sp.csr_matrix(product).toarray()
    return np.asarray(product, dtype=np.float32)


class _Sets:
    """Union-find over item positions."""

    def __init__(self, size: int) -> None:
        self.parent = np.arange(size)

    def find(self, item: int) -> int:
        root = item
        while self.parent[root] != root:
            root = self.parent[root]
        while self.parent[item] != root:
            self.parent[item], item = root, self.parent[item]
        return int(root)

    def join(self, a: int, b: int) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[max(ra, rb)] = min(ra, rb)


def group_all(
    vectors: Matrix, threshold: float, keys: sp.csr_matrix | None = None, *, compare_all_upto: int = COMPARE_ALL_UPTO
) -> list[int]:
    """A group number for every row: rows joined by a chain of neighbours at least `threshold` alike.

    Group numbers are the position of the group's first row, so they are stable and readable.
    """
    size = vectors.shape[0]
    if size < 2:
        return list(range(size))
    both = (keys, keys) if keys is not None else None
    found = nearest(vectors, vectors, skip_self=True, keys=both, compare_all_upto=compare_all_upto)
    sets = _Sets(size)
    rows, cols = np.nonzero(found.similarities >= threshold)
    for row, col in zip(rows.tolist(), found.indices[rows, cols].tolist(), strict=True):
        sets.join(row, col)
    return [sets.find(i) for i in range(size)]


@dataclass
class Grouping:
    """Items (by id), their vectors and the group each belongs to; new items join by nearest neighbour."""

    ids: list[int]
    vectors: Matrix
    groups: list[int]
    threshold: float
    keys: sp.csr_matrix | None = None
    _position: dict[int, int] = field(default_factory=dict, repr=False)

    def __post_init__(self) -> None:
        self._position = {item: i for i, item in enumerate(self.ids)}

    @classmethod
    def build(
        cls, ids: Sequence[int], vectors: Matrix, threshold: float, keys: sp.csr_matrix | None = None
    ) -> Grouping:
        labels = group_all(vectors, threshold, keys)
        return cls(list(ids), vectors, [ids[label] for label in labels], threshold, keys)

    def group_of(self, item: int) -> int:
        return self.groups[self._position[item]]

    def relabel(self, old: int, new: int) -> None:
        self.groups = [new if group == old else group for group in self.groups]

    def members(self) -> dict[int, list[int]]:
        """Every group with more than one item: group id -> item ids in the order they came."""
        out: dict[int, list[int]] = {}
        for item, group in zip(self.ids, self.groups, strict=True):
            out.setdefault(group, []).append(item)
        return {group: items for group, items in out.items() if len(items) > 1}

    def closest(
        self, vectors: Matrix, k: int = NEIGHBOURS, keys: sp.csr_matrix | None = None
    ) -> list[list[tuple[int, float]]]:
        """For each new vector, the ids of the most similar known items and how similar they are."""
        if not self.ids:
            return [[] for _ in range(vectors.shape[0])]
        both = (keys, self.keys) if keys is not None and self.keys is not None else None
        found = nearest(vectors, self.vectors, k, keys=both)
        return [
            [(self.ids[i], float(s)) for i, s in zip(idx.tolist(), sims.tolist(), strict=True) if i >= 0]
            for idx, sims in zip(found.indices, found.similarities, strict=True)
        ]

    def add(
        self,
        ids: Sequence[int],
        vectors: Matrix,
        alone: Callable[[int], int] = lambda item: item,
        keys: sp.csr_matrix | None = None,
    ) -> list[tuple[int, float]]:
        """Place new items: each joins the group of its most similar item (known, or new before it) when alike
        enough; one comparison with the known items for the whole batch, and one within the batch.

        Returns (group id, similarity) per new item; an item that matches nothing starts its own group,
        labelled `alone(item)`.
        """
        known = self.closest(vectors, 1, keys)
        within = _dense(vectors @ vectors.T) if len(ids) > 1 else np.zeros((1, 1), dtype=np.float32)
        placed: list[tuple[int, float]] = []
        for offset, item in enumerate(ids):
            group, similarity = alone(item), 0.0
            if known[offset]:
                nearest_id, similarity = known[offset][0]
                group = self.group_of(nearest_id)
            if offset:
                earlier = int(np.argmax(within[offset, :offset]))
                if within[offset, earlier] > similarity:
                    group, similarity = placed[earlier][0], float(within[offset, earlier])
            if similarity < self.threshold:
                group = alone(item)
            placed.append((group, similarity))
        self._append(ids, vectors, [group for group, _ in placed], keys)
        return placed

    def _append(self, ids: Sequence[int], vectors: Matrix, groups: list[int], keys: sp.csr_matrix | None) -> None:
        for item, group in zip(ids, groups, strict=True):
            self._position[item] = len(self.ids)
            self.ids.append(item)
            self.groups.append(group)
        if sp.issparse(vectors):
            self.vectors = sp.vstack([self.vectors, vectors], format="csr")
        else:
            self.vectors = np.vstack([self.vectors, vectors])
        if self.keys is not None and keys is not None:
            self.keys = sp.vstack([self.keys, keys], format="csr")
