"""Stacked bars: one bar per period, one segment per series, a legend and the numbers as text."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from upward.documents.charts._svg import GRID, MUTED, el, nice_step, num, root, text, text_width, tooltip

WIDTH, HEIGHT = 640, 300
LEFT, RIGHT, TOP, BOTTOM = 40, 8, 56, 40
#: Fill, and the pattern drawn over it: four clearly different greys when printed without colour.
STYLES: tuple[tuple[str, str | None], ...] = (
    ("#2f6f5e", None),  # deep green, solid
    ("#a9d3bf", "dots"),  # pale green with dots
    ("#e9a55a", "stripes"),  # amber with diagonal stripes
    ("#7a2e1a", "cross"),  # dark brick with a cross-hatch
)


@dataclass(frozen=True, slots=True)
class Series:
    name: str
    values: tuple[float, ...]


def stacked_bars(
    chart_id: str, title: str, summary: str, labels: Sequence[str], series: Sequence[Series], unit: str
) -> str:
    """A stacked bar for each label. A label may hold a line break ("Jan\\n2026") for a second line."""
    if len(series) > len(STYLES) or any(len(s.values) != len(labels) for s in series):
        raise ValueError("each series needs one value per label, and at most four series")
    totals = [sum(s.values[i] for s in series) for i in range(len(labels))]
    step = nice_step(max(totals, default=0))
    top = step * max(1, -(-max(totals, default=0) // step))
    body = [_patterns(chart_id, len(series)), _legend(chart_id, series), _grid(step, top, unit)]
    band = (WIDTH - LEFT - RIGHT) / max(1, len(labels))
    for index, label in enumerate(labels):
        body.append(_bar(chart_id, index, label, series, totals[index], (band, top), unit))
    return root(chart_id, (WIDTH, HEIGHT), title, _describe(summary, labels, series, unit), body)


def _height(value: float, top: float) -> float:
    return value / top * (HEIGHT - TOP - BOTTOM)


def _bar(
    chart_id: str, index: int, label: str, series: Sequence[Series], total: float, scale: tuple[float, float], unit: str
) -> str:
    band, top = scale
    x, width = LEFT + index * band + band * 0.18, band * 0.64
    base = float(HEIGHT - BOTTOM)
    parts, said = [], []
    for number, one in enumerate(series):
        value = one.values[index]
        said.append(f"{one.name} {num(value)}")
        if value <= 0:
            continue
        height = _height(value, top)
        base -= height
        fill = f"url(#{chart_id}-p{number})"
        parts.append(el("rect", x=num(x), y=num(base), width=num(width), height=num(height), fill=fill,
                        stroke="#fff", stroke_width=1))  # fmt: skip
    if total > 0:
        shown = num(total) if total < 10 else f"{total:.0f}"
        parts.append(text(x + width / 2, base - 5, shown, text_anchor="middle", font_size=11, fill=MUTED))
    lines = label.split("\n")
    for line_number, line in enumerate(lines):
        y = HEIGHT - BOTTOM + 16 + 13 * line_number
        parts.append(text(x + width / 2, y, line, text_anchor="middle", font_size=11, fill=MUTED))
    name = " ".join(lines)
    return el("g", tooltip(f"{name}: {', '.join(said)} ({unit})") + "".join(parts), class_="bar")


def _grid(step: float, top: float, unit: str) -> str:
    lines, value = [], 0.0
    while value <= top + step / 1000:
        y = HEIGHT - BOTTOM - _height(value, top)
        lines.append(el("line", x1=LEFT, x2=WIDTH - RIGHT, y1=num(y), y2=num(y), stroke=GRID))
        lines.append(text(LEFT - 6, y + 4, num(value), text_anchor="end", font_size=11, fill=MUTED))
        value += step
    lines.append(text(LEFT - 6, TOP - 12, unit, text_anchor="end", font_size=11, fill=MUTED))
    return el("g", "".join(lines), class_="grid")


def _legend(chart_id: str, series: Sequence[Series]) -> str:
    parts, x = [], float(LEFT)
    for number, one in enumerate(series):
        parts.append(el("rect", x=num(x), y=8, width=14, height=14, fill=f"url(#{chart_id}-p{number})",
                        stroke=MUTED, stroke_width=0.5))  # fmt: skip
        parts.append(text(x + 20, 19, one.name))
        x += 20 + text_width(one.name, 12) + 22
    return el("g", "".join(parts), class_="legend")


def _patterns(chart_id: str, count: int) -> str:
    return el("defs", "".join(_pattern(f"{chart_id}-p{n}", *STYLES[n]) for n in range(count)))


def _pattern(pattern_id: str, fill: str, texture: str | None) -> str:
    marks = {
        None: "",
        "dots": el("circle", cx=3, cy=3, r=1.2, fill="#1f2430", fill_opacity=0.55),
        "stripes": el("path", d="M0 6 L6 0", stroke="#1f2430", stroke_width=1.2, stroke_opacity=0.6),
        "cross": el("path", d="M0 6 L6 0 M0 0 L6 6", stroke="#fff", stroke_width=0.8, stroke_opacity=0.45),
    }[texture]
    background = el("rect", width=6, height=6, fill=fill)
    return el("pattern", background + marks, id=pattern_id, width=6, height=6, patternUnits="userSpaceOnUse")


def _describe(summary: str, labels: Sequence[str], series: Sequence[Series], unit: str) -> str:
    periods = [
        f"{' '.join(label.split())}: " + ", ".join(f"{s.name.lower()} {num(s.values[i])}" for s in series)
        for i, label in enumerate(labels)
    ]
    return f"{summary} In {unit}, by period — " + "; ".join(periods) + "."
