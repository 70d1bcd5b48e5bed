"""Evidence as columns: one list per field, so reading a year of work does not build an object per item.

The diagnosis reads a few fields of every item in the person's record. At 100,000 items, building an
`Evidence` for each costs more than reading the rows; lists of plain values cost a fraction of it. The
whole items are still there for whoever asks (`LazyEvidence`), built once on first use.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from itertools import pairwise
from typing import NamedTuple, TypeVar, overload

from upward.model.evidence import Evidence, Kind, Metric

#: Above this many people, being in the same meeting is not a conversation (an all-hands, a town hall),
#: unless the item is marked as a touchpoint (a talk the person gave, say).
CROWD = 9
T = TypeVar("T")


class TextFacts(NamedTuple):
    """What an item's words and numbers say, as the diagnosis weighs them (`analysis.outcomes.facts_of`).

    Worked out once per item and kept beside it (`evidence_facts`): reading a hundred thousand texts and
    running patterns over them on every diagnosis would cost more than everything else the diagnosis does.
    """

    outcome: bool  # it says what the work meant for the business
    measured: bool  # it has numbers (metrics)
    users: float  # the most users or customers it names (0: none)
    money: float  # the largest sum of money it names (0: none)


class ItemText(NamedTuple):
    """What the facts of an item are worked out from (`analysis.item_facts.work_out`)."""

    title: str
    body: str
    metrics: tuple[Metric, ...]
    tags: tuple[str, ...]
    kind: Kind


class LazyColumn(Sequence[T]):
    """A column read from the store only for the rows someone reads: `load(rows)` reads several at once.

    `known`, when given, holds the values read already, and None in the rows to read when asked."""

    def __init__(self, size: int, read: Callable[[Sequence[int]], Sequence[T]], known: Sequence[T | None] = ()) -> None:
        self._size = size
        self._read = read
        self._known = known
        self._values: dict[int, T] = {}

    def _has(self, row: int) -> bool:
        return row in self._values or (bool(self._known) and self._known[row] is not None)

    def load(self, rows: Sequence[int]) -> None:
        missing = [row for row in rows if not self._has(row)]
        if missing:
            self._values.update(zip(missing, self._read(missing), strict=True))

    def _value(self, row: int) -> T:
        if self._known:
            known = self._known[row]
            if known is not None:
                return known
        self.load([row])
        return self._values[row]

    @overload
    def __getitem__(self, index: int) -> T: ...

    @overload
    def __getitem__(self, index: slice) -> Sequence[T]: ...

    def __getitem__(self, index: int | slice) -> T | Sequence[T]:
        if isinstance(index, slice):
            rows = range(self._size)[index]
            self.load(rows)
            return [self._value(row) for row in rows]
        return self._value(range(self._size)[index])  # negative rows count from the end; IndexError past it

    def __len__(self) -> int:
        return self._size


@dataclass(frozen=True, eq=False)
class EvidenceColumns:
    """Row `i` of every list is item `i`. `item(i)`, when the whole rows were read, builds the whole item.

    `facts[i]` is what item `i`'s text says and `words[i]` the words its title and tags are compared by,
    when the store kept them (empty: worked out from the text when asked). Bodies and metrics may be
    `LazyColumn`s, read only for the rows that need them (`load_texts`).
    """

    ids: list[int]
    occurred: list[datetime]
    titles: Sequence[str]
    bodies: Sequence[str]
    kinds: list[Kind]
    requesters: list[str | None]
    teams: list[tuple[str, ...]]
    people: list[tuple[str, ...]]
    minutes: list[int | None]
    metrics: Sequence[tuple[Metric, ...]]
    projects: Sequence[str | None]
    tags: list[tuple[str, ...]]
    item: Callable[[int], Evidence] | None = field(repr=False)
    facts: Sequence[TextFacts] = ()
    #: The words the recurring-problem signal compares (requests and incidents: title and tags; frameworks: title
    #: and details), where the store kept them (None: not kept for that row).
    words: Sequence[frozenset[str] | None] = ()
    _found: dict[str, object] = field(default_factory=dict, repr=False)

    @classmethod
    def of(cls, items: Sequence[Evidence]) -> EvidenceColumns:
        """The columns of items already built (a record made in a test, or read another way)."""
        return cls(
            ids=[i.id for i in items],
            occurred=[i.occurred_at for i in items],
            titles=[i.title for i in items],
            bodies=[i.body for i in items],
            kinds=[i.kind for i in items],
            requesters=[i.requester for i in items],
            teams=[i.teams for i in items],
            people=[i.people for i in items],
            minutes=[i.minutes for i in items],
            metrics=[i.metrics for i in items],
            projects=[i.project for i in items],
            tags=[i.tags for i in items],
            item=items.__getitem__,
        )

    def __len__(self) -> int:
        return len(self.ids)

    def load_texts(self, rows: Sequence[int]) -> None:
        """Read the titles, bodies and metrics of `rows` at once, where they are read only when asked."""
        self._load(rows, self.titles, self.bodies, self.metrics)

    def load_names(self, rows: Sequence[int]) -> None:
        """Read the titles and projects of `rows` at once, where they are read only when asked."""
        self._load(rows, self.titles, self.projects)

    @staticmethod
    def _load(rows: Sequence[int], *columns: Sequence[object]) -> None:
        for column in columns:
            if isinstance(column, LazyColumn):
                column.load(rows)

    def cached(self, name: str, build: Callable[[], T]) -> T:
        """`build()`, worked out once for these columns (an index, a derived column)."""
        if name not in self._found:
            self._found[name] = build()
        return self._found[name]  # type: ignore[return-value]

    @property
    def days(self) -> list[date]:
        return self.cached("days", lambda: [moment.date() for moment in self.occurred])

    @property
    def in_order(self) -> bool:
        """Whether the items are oldest first (as the store reads them), so a date range is a slice."""
        return self.cached("in_order", lambda: all(a <= b for a, b in pairwise(self.occurred)))

    def between(self, first: date, last: date) -> Sequence[int]:
        """The rows from `first` to `last` (both included), in the record's order."""
        if self.in_order:
            start, end = datetime.combine(first, time.min), datetime.combine(last, time.max)
            return range(bisect_left(self.occurred, start), bisect_right(self.occurred, end))
        return [row for row, day in enumerate(self.days) if first <= day <= last]

    def within(self, today: date, days: int) -> Sequence[int]:
        """The rows of the last `days` days, up to today (the day `days` ago is not included)."""
        return self.between(today - timedelta(days=days - 1), today)

    def mentioning(self, names: set[str]) -> set[int]:
        """The rows showing contact with someone known by any of `names` (lower case): they asked for the
        work, or took part in something small (a crowd counts only when the item is marked a touchpoint)."""
        found: set[int] = set()
        for requester, rows in self.cached("by_requester", self._by_requester).items():
            if requester in names:
                found.update(rows)
        for (people, crowd), rows in self.cached("by_people", self._by_people).items():
            if names.isdisjoint(people):
                continue
            if not crowd:
                found.update(rows)
            else:
                found.update(row for row in rows if "touchpoint" in self.tags[row])
        return found

    def _by_requester(self) -> dict[str, list[int]]:
        """Lower-cased requester -> the rows they asked for."""
        index: dict[str, list[int]] = {}
        for row, requester in enumerate(self.requesters):
            if requester:
                index.setdefault(requester.lower(), []).append(row)
        return index

    def _by_people(self) -> dict[tuple[frozenset[str], bool], list[int]]:
        """Each distinct list of people (lower case, and whether a crowd) -> its rows: the same few lists come
        back again and again."""
        # Equal lists read from the store are one object, so rows are gathered by object first (cheap), then
        # by what the lists hold.
        rows: dict[int, list[int]] = {}
        lists: dict[int, tuple[str, ...]] = {}
        for row, people in enumerate(self.people):
            if people:
                key = id(people)
                if key not in rows:
                    rows[key], lists[key] = [], people
                rows[key].append(row)
        index: dict[tuple[frozenset[str], bool], list[int]] = {}
        for key, found in rows.items():
            people = lists[key]
            index.setdefault((frozenset(p.lower() for p in people), len(people) > CROWD), []).extend(found)
        return index


class LazyEvidence(Sequence[Evidence]):
    """The items behind some columns, built (or read again with `reload`) the first time anyone reads them."""

    def __init__(self, columns: EvidenceColumns, reload: Callable[[], Sequence[Evidence]] | None = None) -> None:
        self.columns = columns
        self._reload = reload
        self._items: tuple[Evidence, ...] | None = None

    def _all(self) -> tuple[Evidence, ...]:
        if self._items is None:
            if self.columns.item is not None:
                self._items = tuple(map(self.columns.item, range(len(self.columns))))
            elif self._reload is not None:
                self._items = tuple(self._reload())
            else:
                raise LookupError("these columns were read without their items, and nothing can read them again")
        return self._items

    @overload
    def __getitem__(self, index: int) -> Evidence: ...

    @overload
    def __getitem__(self, index: slice) -> Sequence[Evidence]: ...

    def __getitem__(self, index: int | slice) -> Evidence | Sequence[Evidence]:
        return self._all()[index]

    def __len__(self) -> int:
        return len(self._items) if self._items is not None else len(self.columns)

    def __iter__(self) -> Iterator[Evidence]:
        return iter(self._all())
