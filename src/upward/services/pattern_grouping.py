"""Keeping the person's recurring problems up to date: a full grouping once, then new items join by neighbour.

The vectors live in memory (per database, person and backend) and are rebuilt from the stored groups when the
process starts or items were deleted; the groups themselves are stored, so a rebuild never regroups.
Stored groups are labelled by pattern id; items in no group yet by their negative evidence id.
"""

from __future__ import annotations

import threading
from collections import Counter
from dataclasses import dataclass

import sqlalchemy as sa

from upward.patterns import Backend, Grouping, make_backend
from upward.patterns.grouping import group_all
from upward.services.context import Context
from upward.store import patterns_repo


@dataclass
class Index:
    backend: Backend
    grouping: Grouping
    last_id: int

    def group_of(self, evidence_id: int) -> int:
        return self.grouping.group_of(evidence_id)

    def closest(self, text: str, k: int) -> list[tuple[int, float]]:
        """The known items most like `text`, and how alike (cosine)."""
        vectors = self.backend.transform([text])
        return self.grouping.closest(vectors, k, self.backend.keys(vectors))[0]


_indexes: dict[tuple[str, int, str], Index] = {}
#: One refresh at a time in a process (the web server answers requests in threads).
_lock = threading.Lock()


def _alone(evidence_id: int) -> int:
    return -evidence_id


def refresh(ctx: Context, *, regroup: bool = False) -> Index:
    """Group what is new since last time (or everything, the first time, with a new backend, or when asked)."""
    name = ctx.settings.patterns_backend
    key = (ctx.engine.url.render_as_string(hide_password=True), ctx.owner_id, name)
    with _lock, ctx.transaction() as conn:
        state = patterns_repo.state(conn, ctx.owner_id)
        if regroup or state is None or state[0] != name:
            _indexes[key] = _group_everything(conn, ctx.owner_id, make_backend(name))
            return _indexes[key]
        index = _indexes.get(key)
        if index is None or index.last_id != state[1] or _deleted_since(conn, ctx.owner_id, index):
            index = _rebuild_vectors(conn, ctx.owner_id, make_backend(name), state[1])
        _indexes[key] = index
        _add_new(conn, ctx.owner_id, index, name)
        return index


def forget_indexes() -> None:
    """Drop the vectors kept in memory (tests, and after a restore)."""
    _indexes.clear()


def _deleted_since(conn: sa.Connection, owner_id: int, index: Index) -> bool:
    return patterns_repo.candidate_count(conn, owner_id, index.last_id) != len(index.grouping.ids)


def _group_everything(conn: sa.Connection, owner_id: int, backend: Backend) -> Index:
    """Group every item from scratch, keeping each old group's number where most of its items stay together."""
    last_id = patterns_repo.last_evidence_id(conn, owner_id)
    items = patterns_repo.candidate_texts(conn, owner_id, upto=last_id)
    ids = [item_id for item_id, _ in items]
    vectors = backend.fit([text for _, text in items])
    keys = backend.keys(vectors)
    labels = group_all(vectors, backend.threshold, keys) if ids else []
    old = patterns_repo.membership(conn, owner_id)
    patterns_repo.clear_members(conn, owner_id)
    groups: dict[int, list[int]] = {}
    for position, label in enumerate(labels):
        groups.setdefault(label, []).append(ids[position])
    named = _name_groups(conn, owner_id, [g for g in groups.values() if len(g) > 1], old)
    patterns_repo.add_members(conn, owner_id, [(pid, e, 1.0) for pid, group in named for e in group])
    patterns_repo.drop_empty_open(conn, owner_id)
    patterns_repo.save_state(conn, owner_id, backend.name, last_id)
    label_of = {e: pid for pid, group in named for e in group}
    grouping = Grouping(ids, vectors, [label_of.get(e, _alone(e)) for e in ids], backend.threshold, keys)
    return Index(backend, grouping, last_id)


def _name_groups(
    conn: sa.Connection, owner_id: int, groups: list[list[int]], old: dict[int, int]
) -> list[tuple[int, list[int]]]:
    """A pattern id for each group: the old group most of its items were in (each used once), else a new one."""
    taken: set[int] = set()
    named = []
    for group in sorted(groups, key=len, reverse=True):
        votes = Counter(old[e] for e in group if e in old and old[e] not in taken)
        pattern_id = votes.most_common(1)[0][0] if votes else patterns_repo.create(conn, owner_id)
        taken.add(pattern_id)
        named.append((pattern_id, group))
    return named


def _rebuild_vectors(conn: sa.Connection, owner_id: int, backend: Backend, last_id: int) -> Index:
    """Vectors for the items already grouped, with the stored groups: no regrouping."""
    items = patterns_repo.candidate_texts(conn, owner_id, upto=last_id)
    ids = [item_id for item_id, _ in items]
    vectors = backend.fit([text for _, text in items])
    groups = patterns_repo.membership(conn, owner_id)
    labels = [groups.get(e, _alone(e)) for e in ids]
    return Index(backend, Grouping(ids, vectors, labels, backend.threshold, backend.keys(vectors)), last_id)


def _add_new(conn: sa.Connection, owner_id: int, index: Index, backend_name: str) -> None:
    """Place the items logged since the last read: each joins its nearest neighbour's group, if alike enough."""
    last_id = patterns_repo.last_evidence_id(conn, owner_id)
    if last_id <= index.last_id:
        return
    new = patterns_repo.candidate_texts(conn, owner_id, after=index.last_id, upto=last_id)
    if new:
        ids = [item_id for item_id, _ in new]
        vectors = index.backend.transform([text for _, text in new])
        placed = index.grouping.add(ids, vectors, _alone, index.backend.keys(vectors))
        _store_placed(conn, owner_id, index, ids, placed)
    index.last_id = last_id
    patterns_repo.save_state(conn, owner_id, backend_name, last_id)


def _store_placed(
    conn: sa.Connection, owner_id: int, index: Index, ids: list[int], placed: list[tuple[int, float]]
) -> None:
    created: dict[int, int] = {}  # an ungrouped item's label -> the pattern made for it
    rows = []
    for evidence_id, (label, similarity) in zip(ids, placed, strict=True):
        if label == _alone(evidence_id):
            continue
        if label < 0 and label not in created:
            created[label] = patterns_repo.create(conn, owner_id)
            rows.append((created[label], -label, similarity))
        rows.append((created.get(label, label), evidence_id, similarity))
    for old, new in created.items():
        index.grouping.relabel(old, new)
    patterns_repo.add_members(conn, owner_id, rows)
