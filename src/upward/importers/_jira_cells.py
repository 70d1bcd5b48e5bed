"""The cells of a Jira row that make a draft, picked by position in one step.

A Jira import reads the same thirty fields from every row, so where each one sits is worked out once per file
(`Cells`) and a row is then one pick and one trim, with no dictionary built per row. The cells read as
`Header.record` and `Header.every` read them: a field the file lacks is "", a field the file repeats as one
value (`Key` beside `Issue key`) is its first non-empty cell, and a repeated field read as a list (three
`Watchers`) is its non-empty cells, in order.
"""

from __future__ import annotations

from operator import itemgetter
from typing import NamedTuple

from upward.importers._tickets import Header


class Issue(NamedTuple):
    """One row's cells by field, trimmed: single values first, then the lists."""

    summary: str
    key: str
    id: str
    type: str
    status: str
    status_category: str
    priority: str
    resolution: str
    assignee: str
    assignee_id: str
    reporter: str
    reporter_id: str
    creator: str
    creator_id: str
    created: str
    updated: str
    resolved: str
    description: str
    project_name: str
    project_key: str
    parent: str
    parent_key: str
    parent_summary: str
    epic_link: str
    time_spent: str
    total_time_spent: str
    components: list[str]
    labels: list[str]
    sprint: list[str]
    watchers: list[str]
    comment: list[str]
    #: Every `Watchers` and `Watchers Id` cell, empty ones included, to pair names with ids (none when missing).
    watcher_cells: list[str]
    watcher_id_cells: list[str]


LISTS = ("components", "labels", "sprint", "watchers", "comment")
CELLS = ("watchers", "watchers_id")
SINGLES = Issue._fields[: -len(LISTS) - len(CELLS)]  # `Issue` lists its single fields first


class Cells:
    """Where a file keeps each field of `Issue`, and how to read them from one of its rows."""

    def __init__(self, header: Header) -> None:
        self.header = header
        blank = len(header.names)  # `read` adds one "" to each row: a field the file lacks is read there
        picked: list[int] = []
        spans: list[slice] = []
        wanted = [(name, (blank,)) for name in (*SINGLES, *LISTS)] + [(name, ()) for name in CELLS]
        for name, missing in wanted:
            at = header.positions.get(name, missing)
            spans.append(slice(len(picked), len(picked) + len(at)))
            picked += at
        self._pick = itemgetter(*picked)  # thirty-one positions or more: always a tuple
        self._singles = spans[: len(SINGLES)]
        self._lists = spans[len(SINGLES) :]
        #: When every single field has one position (nearly always), its cells are the first ones picked.
        self._plain = all(span.stop - span.start == 1 for span in self._singles)

    def read(self, row: list[str]) -> Issue:
        """The row's cells by field (the row gains a trailing "", which nothing else reads)."""
        row.append("")
        cells = [*map(str.strip, self._pick(row))]
        if self._plain:
            singles = cells[: len(self._singles)]
        else:
            singles = [next(filter(None, cells[span]), "") for span in self._singles]
        components, labels, sprint, watchers, comment, watcher_cells, watcher_id_cells = self._lists
        return tuple.__new__(Issue, (
            *singles, [*filter(None, cells[components])], [*filter(None, cells[labels])],
            [*filter(None, cells[sprint])], [*filter(None, cells[watchers])], [*filter(None, cells[comment])],
            cells[watcher_cells], cells[watcher_id_cells],
        ))  # fmt: skip
