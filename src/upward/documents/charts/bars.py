"""Horizontal bars: one row per thing, its name on the left, what the bar means written beside it."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from upward.documents.charts._svg import GRID, INK, MUTED, el, num, root, text, text_width, tooltip

WIDTH = 640
ROW, TOP, BOTTOM = 36, 10, 10
BAR_FILL = "#2f6f5e"
NOTE_ROOM = 270  # the space kept right of the longest bar for what is written beside it


@dataclass(frozen=True, slots=True)
class Row:
    label: str
    value: float
    #: Written beside the bar, so the number never depends on reading its length ("3 items · 12 days ago").
    words: str
    #: Written under the label, smaller ("skip-level").
    detail: str = ""

    @property
    def spoken(self) -> str:
        return self.label + (f" ({self.detail})" if self.detail else "") + f": {self.words}"


def horizontal_bars(chart_id: str, title: str, summary: str, rows: Sequence[Row]) -> str:
    """Bars proportional to each row's value; a row at zero keeps its place and its words."""
    widest = max((text_width(r.label, 13) for r in rows), default=80.0)
    left = min(220.0, max(widest + 16, 100.0))
    most = max((r.value for r in rows), default=0.0) or 1.0
    span = WIDTH - left - NOTE_ROOM
    height = TOP + BOTTOM + ROW * max(1, len(rows))
    body = [el("line", x1=num(left), x2=num(left), y1=TOP, y2=num(height - BOTTOM), stroke=GRID)]
    body += [_row(index, row, left, max(row.value, 0) / most * span) for index, row in enumerate(rows)]
    if not rows:
        body.append(text(left + 10, TOP + ROW / 2 + 4, "Nobody to show yet.", fill=MUTED))
    said = "; ".join(r.spoken for r in rows)
    return root(chart_id, (WIDTH, height), title, f"{summary} {said}." if said else summary, body)


def _row(index: int, row: Row, left: float, length: float) -> str:
    top = TOP + index * ROW
    label = text(left - 10, top + (15 if row.detail else 22), row.label, text_anchor="end", font_size=13)
    detail = text(left - 10, top + 29, row.detail, text_anchor="end", font_size=11, fill=MUTED) if row.detail else ""
    bar = el("rect", x=num(left), y=num(top + 8), width=num(length), height=18, rx=2, fill=BAR_FILL) if length else ""
    words = text(left + length + 8, top + 21, row.words, fill=INK if row.value else MUTED)
    return el("g", tooltip(row.spoken) + label + detail + bar + words, class_="row")
