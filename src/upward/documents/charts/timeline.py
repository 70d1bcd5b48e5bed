"""A plan over twelve months: one lane per move, its months shaded, each step a mark on its due day.

Done steps are filled, skipped ones hollow and grey, late ones red; a line marks today. The marks never carry
meaning by colour alone: each has a different shape, a tooltip, and the description lists every step.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date

from upward.documents.charts._svg import GRID, INK, MUTED, el, num, root, text, text_width, tooltip

WIDTH = 720
RIGHT, TOP, BOTTOM = 16, 26, 26
LANE = 58
BAND = "#e8f0ec"
DONE, LATE, TODAY = "#2f6f5e", "#b3261e", "#8a5a00"
#: Marks closer than this (in pixels) are stacked in the lane instead of drawn on top of one another.
CLOSE = 12
ROWS = 3


@dataclass(frozen=True, slots=True)
class Lane:
    title: str
    #: The move's first and last month (1 to 12).
    months: tuple[int, int]
    marks: tuple[Mark, ...]


@dataclass(frozen=True, slots=True)
class Mark:
    label: str
    day: date
    #: "open", "done", "skipped" or "late".
    state: str


def timeline_chart(
    chart_id: str, title: str, summary: str, lanes: Sequence[Lane], month_starts: Sequence[date], today: date
) -> str:
    """`month_starts` holds the first day of each of the plan's months and the day after its end (13 days)."""
    height = TOP + BOTTOM + LANE * max(1, len(lanes))
    first, last = month_starts[0], month_starts[-1]
    left = min(260.0, max([text_width(lane.title, 13) + 16 for lane in lanes] + [100.0]))

    def x(day: date) -> float:
        span = (last - first).days or 1
        return left + min(max((day - first).days, 0), span) / span * (WIDTH - left - RIGHT)

    body = [_months(month_starts, x, height)]
    for index, lane in enumerate(lanes):
        body.append(_lane(index, lane, month_starts, x, left))
    if first <= today <= last:
        tx = x(today)
        body.append(el("line", x1=num(tx), x2=num(tx), y1=TOP, y2=num(height - BOTTOM + 4), stroke=TODAY,
                       stroke_width=1.5, stroke_dasharray="4 3"))  # fmt: skip
        body.append(text(tx, height - 6, "today", text_anchor="middle", font_size=11, fill=TODAY))
    said = "; ".join(f"{lane.title}: " + ", ".join(_spoken(m) for m in lane.marks) for lane in lanes if lane.marks)
    return root(chart_id, (WIDTH, height), title, f"{summary} {said}." if said else summary, body)


def _spoken(mark: Mark) -> str:
    return f"{mark.label} ({mark.state}, {mark.day.day} {mark.day:%b %Y})"


def _months(starts: Sequence[date], x: Callable[[date], float], height: int) -> str:
    parts = []
    for index, start in enumerate(starts[:-1]):
        left = x(start)
        parts.append(el("line", x1=num(left), x2=num(left), y1=TOP, y2=num(height - BOTTOM), stroke=GRID))
        label = f"{start:%b}" + (f" {start:%y}" if index == 0 or start.month == 1 else "")
        parts.append(text(left + 3, TOP - 8, label, font_size=11, fill=MUTED))
    return el("g", "".join(parts), class_="months")


def _lane(index: int, lane: Lane, starts: Sequence[date], x: Callable[[date], float], left: float) -> str:
    top = TOP + index * LANE
    first, last = lane.months
    band_left, band_right = x(starts[first - 1]), x(starts[min(last, len(starts) - 1)])
    parts = [
        el("rect", x=num(band_left), y=num(top + 4), width=num(band_right - band_left), height=LANE - 8, fill=BAND),
        text(left - 10, top + LANE / 2 - 2, lane.title, text_anchor="end", font_size=13, font_weight=600),
        text(left - 10, top + LANE / 2 + 13, f"months {first}–{last}", text_anchor="end", font_size=11, fill=MUTED),
    ]
    placed: list[float] = []
    for mark in sorted(lane.marks, key=lambda m: m.day):
        mx = x(mark.day)
        row = sum(1 for px in placed if abs(px - mx) < CLOSE) % ROWS
        placed.append(mx)
        parts.append(_mark(mark, mx, top + 16 + row * 13))
    return el("g", "".join(parts), class_="lane")


def _mark(mark: Mark, cx: float, cy: float) -> str:
    hint = tooltip(_spoken(mark))
    if mark.state == "done":
        return el("circle", hint, cx=num(cx), cy=num(cy), r=5, fill=DONE, class_="mark done")
    if mark.state == "skipped":
        return el("circle", hint, cx=num(cx), cy=num(cy), r=4.5, fill="white", stroke=MUTED, stroke_width=1.5,
                  stroke_dasharray="2 1.5", class_="mark skipped")  # fmt: skip
    colour = LATE if mark.state == "late" else INK
    points = f"{num(cx)},{num(cy - 6)} {num(cx + 6)},{num(cy)} {num(cx)},{num(cy + 6)} {num(cx - 6)},{num(cy)}"
    fill = colour if mark.state == "late" else "white"
    return el("polygon", hint, points=points, fill=fill, stroke=colour, stroke_width=1.5, class_=f"mark {mark.state}")
