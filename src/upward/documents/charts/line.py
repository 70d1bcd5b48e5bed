"""A line over time: one point per day with a value; a gap where a day has none; one dot for one day."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from upward.documents.charts._svg import GRID, MUTED, el, num, root, text, tooltip

WIDTH, HEIGHT = 640, 220
LEFT, RIGHT, TOP, BOTTOM = 40, 40, 20, 34
LINE = "#2f6f5e"

Point = tuple[date, float | None]


def line_chart(chart_id: str, title: str, summary: str, points: Sequence[Point], top: float = 100) -> str:
    """Values from 0 to `top` over the days given (oldest first); days without a value break the line."""
    known = [(day, value) for day, value in points if value is not None]
    body = [_grid(top)]
    if not known:
        body.append(text(WIDTH / 2, HEIGHT / 2, "No score yet", text_anchor="middle", fill=MUTED))
    else:
        body += _line(points, known, top)
    said = "; ".join(f"{_day(day)}: {num(value)}" for day, value in known)
    return root(chart_id, (WIDTH, HEIGHT), title, f"{summary} {said}." if said else summary, body)


def _day(day: date) -> str:
    return f"{day.day} {day:%b %Y}"


def _x(day: date, first: date, last: date) -> float:
    if first == last:
        return (LEFT + WIDTH - RIGHT) / 2
    return LEFT + (day - first).days / (last - first).days * (WIDTH - LEFT - RIGHT)


def _y(value: float, top: float) -> float:
    return HEIGHT - BOTTOM - min(max(value, 0), top) / top * (HEIGHT - TOP - BOTTOM)


def _grid(top: float) -> str:
    parts = []
    for value in (0, top / 2, top):
        y = _y(value, top)
        parts.append(el("line", x1=LEFT, x2=WIDTH - RIGHT, y1=num(y), y2=num(y), stroke=GRID))
        parts.append(text(LEFT - 6, y + 4, num(value), text_anchor="end", font_size=11, fill=MUTED))
    return el("g", "".join(parts), class_="grid")


def _line(points: Sequence[Point], known: list[tuple[date, float]], top: float) -> list[str]:
    first, last = points[0][0], points[-1][0]
    runs: list[list[str]] = [[]]
    for day, value in points:
        if value is None:
            runs.append([])
        else:
            runs[-1].append(f"{num(_x(day, first, last))},{num(_y(value, top))}")
    parts = [
        el("polyline", points=" ".join(run), fill="none", stroke=LINE, stroke_width=2.5, stroke_linejoin="round")
        for run in runs
        if len(run) > 1
    ]
    for day, value in known:
        x, y = _x(day, first, last), _y(value, top)
        parts.append(el("circle", tooltip(f"{_day(day)}: {num(value)}"), cx=num(x), cy=num(y), r=4, fill=LINE))
    end_day, end_value = known[-1]
    parts.append(text(_x(end_day, first, last), _y(end_value, top) - 10, num(end_value), text_anchor="middle",
                      font_weight=700))  # fmt: skip
    for day, anchor in ((first, "start"), (last, "end")) if first != last else ((first, "middle"),):
        x = _x(day, first, last)
        parts.append(text(x, HEIGHT - 12, _day(day), text_anchor=anchor, font_size=11, fill=MUTED))
    return parts
