"""What the ticket importers (Jira, Linear) share: CSV read as a stream, columns found by name, and who "you" are.

Ticket exports repeat columns (three `Watchers`, four `Labels`), so a column name maps to every position
it holds and cells are collected into lists, never overwritten.
"""

from __future__ import annotations

import csv
import re
import unicodedata
from collections.abc import Callable, Iterable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import datetime
from functools import lru_cache
from itertools import repeat
from operator import itemgetter
from pathlib import Path
from typing import Any

from upward.importers.files import open_text
from upward.model.evidence import MAX_TITLE
from upward.model.imports import ImportProblem
from upward.model.parsing import clean_entry

#: How many unrecognised column names a problem lists before it says "and N more".
SHOWN_UNKNOWN = 12
#: Longest project, requester or person name Upward keeps (it refuses longer ones).
MAX_NAME = 200
#: Longest link Upward keeps.
MAX_URL = 200
#: Longest issue key or id a tracker writes (`PLATFORM-123456` is 15): anything longer is a damaged cell.
MAX_KEY = 100


def header_key(name: str) -> str:
    """A column name as it is compared: without case, repeated spaces or a trailing colon."""
    return " ".join(name.split()).casefold().rstrip(":").strip()


@lru_cache(maxsize=4096)
def plain(text: str) -> str:
    """Lower case without accents, for comparing values written in several languages ("Résolu" ~ "resolu")."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return " ".join("".join(c for c in decomposed if not unicodedata.combining(c)).split())


@dataclass(frozen=True)
class Header:
    """The first row of an export: which positions hold each field Upward reads, and what it did not recognise."""

    path: Path
    names: tuple[str, ...]
    positions: Mapping[str, tuple[int, ...]]
    unknown: tuple[str, ...]
    fields: tuple[str, ...]
    blank: dict[str, str] = field(init=False)
    singles: tuple[str, ...] = field(init=False)
    single_cells: Callable[[list[str]], Any] = field(init=False)
    getters: dict[str, Callable[[list[str]], tuple[str, ...]]] = field(init=False)

    def __post_init__(self) -> None:
        singles = [(name, at[0]) for name, at in self.positions.items() if len(at) == 1]
        setattr_ = object.__setattr__
        setattr_(self, "blank", dict.fromkeys((f for f in self.fields if f not in self.positions), ""))
        setattr_(self, "singles", tuple(name for name, _ in singles))
        # itemgetter gives a tuple for several positions, a bare cell for one: always ask for two or more.
        setattr_(self, "single_cells", itemgetter(*(at for _, at in singles), 0, 0))
        setattr_(self, "getters", {name: _cells_at(at) for name, at in self.positions.items()})

    @classmethod
    def read(cls, path: Path, row: list[str], aliases: Mapping[str, str], known: Iterable[str] = ()) -> Header:
        positions: dict[str, list[int]] = {}
        unknown: list[str] = []
        ignored = {header_key(name) for name in known}
        for index, name in enumerate(row):
            key = header_key(name)
            if key in aliases:
                positions.setdefault(aliases[key], []).append(index)
            elif key not in ignored and key:
                unknown.append(name.strip())
        fields = tuple(sorted(set(aliases.values())))
        return cls(path, tuple(row), {k: tuple(v) for k, v in positions.items()}, tuple(unknown), fields)

    def has(self, field_name: str) -> bool:
        return field_name in self.positions

    def name_of(self, field_name: str, fallback: str) -> str:
        """The column as the file spells it (for messages), or `fallback` when the file has none."""
        where = self.positions.get(field_name)
        return self.names[where[0]].strip() if where else fallback

    def record(self, row: list[str]) -> dict[str, str]:
        """Every field's first non-empty cell, trimmed (a field the file lacks reads as "")."""
        values = Record(self.blank)
        values.update(zip(self.singles, map(str.strip, self.single_cells(row)), strict=False))
        values.row, values.getters = row, self.getters
        return values

    def first(self, row: list[str], field_name: str) -> str:
        """The first non-empty cell of a field, trimmed ("" when there is none)."""
        cells = self.getters.get(field_name)
        return next(filter(None, map(str.strip, cells(row))), "") if cells else ""

    def every(self, row: list[str], field_name: str) -> list[str]:
        """Every non-empty cell of a repeated field, in order."""
        cells = self.getters.get(field_name)
        return list(filter(None, map(str.strip, cells(row)))) if cells else []

    def cells(self, row: list[str], field_name: str) -> list[str]:
        """Every cell of a repeated field, empty ones included (to pair `Watchers` with `Watchers Id`)."""
        cells = self.getters.get(field_name)
        return list(map(str.strip, cells(row))) if cells else []

    def require(self, needs: Iterable[tuple[str, ...]], describe: Callable[[tuple[str, ...]], str], kind: str) -> None:
        """Each group in `needs` is satisfied by any one of its fields; otherwise say what is missing and unknown."""
        missing = [describe(group) for group in needs if not any(self.has(name) for name in group)]
        if not missing:
            return
        shown = ", ".join(f"'{name}'" for name in self.unknown[:SHOWN_UNKNOWN]) or "none"
        more = len(self.unknown) - SHOWN_UNKNOWN
        if more > 0:
            shown += f" and {more} more"
        raise ImportProblem(
            self.path,
            f"this does not look like a {kind} export: it needs the columns {'; '.join(missing)}. "
            f"Columns Upward did not recognise: {shown}. Rename those to the names above, or export again "
            "with every field included",
            line=1,
        )


class Record(dict[str, str]):
    """One row's fields by name (`Header.record`). A field the file repeats (`Labels`, `Watchers`) is read
    only when asked for: its lists are read with `Header.every`, so its first cell is rarely needed."""

    __slots__ = ("getters", "row")
    row: list[str]
    getters: dict[str, Callable[[list[str]], tuple[str, ...]]]

    def __missing__(self, field_name: str) -> str:
        value = self[field_name] = next(filter(None, map(str.strip, self.getters[field_name](self.row))), "")
        return value


def _cells_at(positions: tuple[int, ...]) -> Callable[[list[str]], tuple[str, ...]]:
    """The cells at `positions` of a row, always as a tuple (itemgetter gives a bare cell for one position)."""
    if len(positions) == 1:
        at = positions[0]
        return lambda row: (row[at],)
    return itemgetter(*positions)


@contextmanager
def csv_rows(path: Path, aliases: Mapping[str, str], known: Iterable[str] = ()) -> Iterator[tuple[Header, Rows]]:
    """Open an export and read its header; the rows are read one at a time as the caller asks for them."""
    with open_text(path) as stream:
        reader = csv.reader(stream, delimiter=_delimiter(stream), strict=True)
        first = _next(reader, path, 1)
        if first is None:
            raise ImportProblem(path, "the file is empty; export the issues again and keep the header row")
        yield Header.read(path, first, aliases, known), Rows(reader, path, len(first))


@dataclass
class Rows:
    """The records after the header, each with the line it starts on."""

    reader: Any
    path: Path
    width: int

    def __iter__(self) -> Iterator[tuple[int, list[str]]]:
        reader, width = self.reader, self.width
        start = reader.line_num + 1
        try:
            for row in reader:
                if row and len(row) != width:
                    raise ImportProblem(
                        self.path,
                        f"this row has {len(row)} cells where the header has {width}; the file may have been cut "
                        "short or edited by hand, so export it again",
                        line=start,
                    )
                yield start, row
                start = reader.line_num + 1
        except csv.Error as error:
            raise _unreadable(error, reader, self.path, start) from None


def _next(reader: Any, path: Path, start: int) -> list[str] | None:
    """The next record; broken quoting names the line the record starts on (and where it broke, if later)."""
    try:
        row: list[str] = next(reader)
    except StopIteration:
        return None
    except csv.Error as error:
        raise _unreadable(error, reader, path, start) from None
    return row


def _unreadable(error: csv.Error, reader: Any, path: Path, start: int) -> ImportProblem:
    detail = str(error)
    if detail == "unexpected end of data":
        detail += ": a quoted cell that starts here is never closed"
    elif reader.line_num > start:
        detail += f", on line {reader.line_num}"
    return ImportProblem(path, f"this is not readable CSV ({detail}); export it again without editing it", line=start)


def _delimiter(stream: Any) -> str:
    """Commas, or the semicolons or tabs a spreadsheet uses when it saves the file again in some languages."""
    first = stream.readline()
    stream.seek(0)
    counts = {sep: first.count(sep) for sep in (",", ";", "\t")}
    return max(counts, key=lambda sep: (counts[sep], sep == ","))


class Me:
    """Who the person is in an export: the names, emails or ids they gave (`--me`), and their profile name."""

    def __init__(self, given: Iterable[str] | str | None, profile_name: str | None) -> None:
        values = [given] if isinstance(given, str) else list(given or ())
        self.given = frozenset(_key(v) for v in values if v and v.strip())
        self.known = self.given | ({_key(profile_name)} if profile_name and profile_name.strip() else set())
        self._yous: dict[tuple[str, ...], frozenset[str]] = {}

    @property
    def chosen(self) -> bool:
        """True when the person said who they are, so only their own issues are read."""
        return bool(self.given)

    def matches(self, *values: str) -> bool:
        """Whether any value (a name, email or account id) is one the person gave."""
        return any(self.given & _keys(value) for value in values if value)

    def yous(self, *also: str) -> frozenset[str]:
        """Every spelling of "you" for one record: what the person gave, their profile, and `also`."""
        found = self._yous.get(also)
        if found is None:
            if len(self._yous) > _KEPT:
                self._yous.clear()
            found = self._yous[also] = self.known | {_key(value) for value in also if value}
        return found


_KEPT = 4096


def is_you(yous: frozenset[str], *values: str) -> bool:
    """Whether any value (a name, email or id) is one of `yous` (read with C loops: it runs for every record)."""
    return not all(map(yous.isdisjoint, map(_keys, filter(None, values))))


def _key(value: str) -> str:
    return " ".join(value.split()).casefold()


@lru_cache(maxsize=4096)
def _keys(value: str) -> frozenset[str]:
    key = _key(value)
    return frozenset((key, key.split("@", 1)[0])) if "@" in key else frozenset((key,))


def checked_key(key: str, header: Header, line: int, column: str, tracker: str) -> str:
    """An issue key as it will be stored; a cell that can't be one (too long, several lines) is a damaged file."""
    if len(key) > MAX_KEY or "\n" in key or "\r" in key:
        raise ImportProblem(header.path, f"'{clip(key, 40)}' is not a {tracker} issue key; the file may be damaged, "
                            "so export it again", line=line, field=header.name_of(column, column))  # fmt: skip
    return key


def link(url: str) -> str | None:
    """A link, when it is short enough for Upward to keep."""
    return url if len(url) <= MAX_URL else None


def clip(text: str, limit: int) -> str:
    """Text on one line, shortened with an ellipsis when Upward would refuse its length."""
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 1].rstrip() + "…"


@lru_cache(maxsize=4096)
def entries(values: tuple[str, ...]) -> tuple[str, ...]:
    """Teams or tags as Upward stores them (trimmed, lower case, once each), so validating copies nothing."""
    return tuple(dict.fromkeys(filter(None, map(clean_entry, values, repeat(True)))))


def title(text: str) -> str:
    return clip(text, MAX_TITLE)


@lru_cache(maxsize=4096)
def name(text: str | None) -> str | None:
    """A requester or project as kept (they repeat from row to row, so each is shaped once)."""
    return clip(text, MAX_NAME) if text else None


def names(values: Iterable[str], yous: frozenset[str], skip: Callable[[str], bool] | None = None) -> list[str]:
    """People, once each, in order, without the person themselves or values that are not names (`skip`)."""
    seen: dict[str, str] = {}
    for value in values:
        if value:
            person = _person(value, skip)
            if person is not None and yous.isdisjoint(person[1]):
                seen.setdefault(person[2], person[0])
    return list(seen.values())


@lru_cache(maxsize=4096)
def _person(value: str, skip: Callable[[str], bool] | None) -> tuple[str, frozenset[str], str] | None:
    """The name as kept, its spellings (to tell whether it is you) and its casefolded form (to keep it once)."""
    flat = " ".join(value.split())
    if not flat or (skip is not None and skip(flat)):
        return None
    kept = clip(flat, MAX_NAME)
    return kept, _keys(flat), kept.casefold()


_URL = re.compile(r"^https?://[^\s/]+", re.IGNORECASE)


def base_url(value: Any, option: str, example: str, source: str) -> str | None:
    """An address given as an option, without a trailing slash; a plain problem when it is not a web address."""
    if not value:
        return None
    text = str(value).strip().rstrip("/")
    if not _URL.match(text) or len(text) > MAX_URL // 2:
        raise ImportProblem(source, f"'{value}' is not a web address; write it like {example}", field=option)
    return text


def first_date(
    header: Header,
    line: int,
    values: Mapping[str, str],
    fields: tuple[str, ...],
    parse: Callable[[str], datetime | None],
    *,
    tracker: str,
    example: str,
) -> datetime:
    """The first of `fields` that has a value, read with `parse` (the last field is the one every export has)."""
    for field_name in fields:
        value = values[field_name]
        if value:
            moment = parse(value)
            if moment is None:
                problem = f"'{value}' is not a date Upward can read; {tracker} writes dates like {example}"
                raise ImportProblem(header.path, problem, line=line, field=header.name_of(field_name, field_name))
            return moment
    last = fields[-1]
    problem = f"has no date; every {tracker} issue has a '{last.title()}' date, so export it again"
    raise ImportProblem(header.path, problem, line=line, field=header.name_of(last, last.title()))
