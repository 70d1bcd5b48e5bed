"""The decision-maker map: influence (up) against what each person knows of the work (across).

Every name is written out; the corner that matters (a strong say, little knowledge) is shaded, hatched and
labelled in words; decision-makers and everyone else differ by shape as well as by fill.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from upward.analysis.people import HIGH_INFLUENCE, Standing
from upward.documents.charts._svg import GRID, INK, MUTED, el, num, root, text, text_width, tooltip
from upward.documents.charts.figures import Figure
from upward.model.people import Awareness
from upward.model.people_input import AWARENESS_LABELS, ROLE_LABELS

WIDTH = 640
LEFT, RIGHT, TOP, BOTTOM = 112, 8, 40, 70
ROW = 66
LINE = 14
MARKER = "#2f6f5e"
ZONE_FILL = "#fbe9dc"
COLUMNS: tuple[tuple[Awareness, str], ...] = (
    (Awareness.UNKNOWN, "Doesn't know"),
    (Awareness.HEARD_OF, "Heard of you"),
    (Awareness.KNOWS_WORK, "Knows your work"),
    (Awareness.ADVOCATE, "Speaks up for you"),
)
ROWS: dict[int, str] = {
    5: "5 · Decides",
    4: "4 · Strong voice",
    3: "3 · A voice",
    2: "2 · Some say",
    1: "1 · Little say",
}
ZONE_LABEL = "Decide, but don't know your work yet"
HEIGHT = TOP + ROW * len(ROWS) + BOTTOM
SUMMARY = (
    "Everyone on your map, placed by how much say they have in your promotion (up) and how well they know "
    "your work today (across). The shaded corner, top left, holds the people to reach first."
)


@dataclass(frozen=True, slots=True)
class Dot:
    name: str
    influence: int  # 1 to 5
    column: int  # 0 (doesn't know) to 3 (speaks up)
    decides: bool
    #: Said on hover and to screen readers: "skip-level · last contact 40 days ago".
    words: str


def people_map(chart_id: str, title: str, summary: str, dots: Sequence[Dot]) -> str:
    cell_width = (WIDTH - LEFT - RIGHT) / len(COLUMNS)
    body = [_defs(chart_id), _zone(chart_id, cell_width), _grid(cell_width), _legend()]
    for (influence, column), group in _cells(dots).items():
        body.append(_cell(influence, column, group, cell_width))
    if not dots:
        body.append(text(LEFT + 12, TOP + ROW * 2.5, "Nobody on your map yet.", fill=MUTED))
    return root(chart_id, (WIDTH, HEIGHT), title, _describe(summary, dots), body)


def _cells(dots: Sequence[Dot]) -> dict[tuple[int, int], list[Dot]]:
    cells: dict[tuple[int, int], list[Dot]] = {}
    for dot in sorted(dots, key=lambda d: (not d.decides, d.name.lower())):
        key = (min(5, max(1, dot.influence)), min(len(COLUMNS) - 1, max(0, dot.column)))
        cells.setdefault(key, []).append(dot)
    return cells


def _row_top(influence: int) -> float:
    return TOP + (5 - influence) * ROW


def _cell(influence: int, column: int, group: list[Dot], cell_width: float) -> str:
    x, top = LEFT + column * cell_width + 8, _row_top(influence)
    fits = int((ROW - 6) // LINE)
    shown = group if len(group) <= fits else group[: fits - 1]
    parts = [_entry(dot, x, top + 15 + index * LINE, cell_width - 16) for index, dot in enumerate(shown)]
    if len(shown) < len(group):
        rest = group[len(shown) :]
        more = f"+{len(rest)} more"
        said = "; ".join(f"{d.name} ({d.words})" for d in rest)
        parts.append(
            el("g", tooltip(said) + text(x + 12, top + 15 + len(shown) * LINE, more, font_size=11, fill=MUTED))
        )
    return el("g", "".join(parts), class_="cell")


def _entry(dot: Dot, x: float, y: float, room: float) -> str:
    if dot.decides:
        mark = el("circle", cx=num(x + 4), cy=num(y - 4), r=4.5, fill=MARKER)
    else:
        mark = el("rect", x=num(x), y=num(y - 8), width=8, height=8, fill="#fff", stroke=INK, stroke_width=1.2)
    name = _fit(dot.name, room - 14, 11.5)
    label = text(x + 13, y, name, font_size=11.5, font_weight=600 if dot.decides else None)
    return el("g", tooltip(f"{dot.name}: {dot.words}") + mark + label, class_="person")


def _fit(words: str, room: float, size: float) -> str:
    if text_width(words, size) <= room:
        return words
    keep = max(1, int(room / (size * 0.58)) - 1)
    return words[:keep].rstrip() + "…"


def _defs(chart_id: str) -> str:
    hatch = el("rect", width=8, height=8, fill=ZONE_FILL) + el(
        "path", d="M0 8 L8 0", stroke="#a3461f", stroke_width=0.8, stroke_opacity=0.35
    )
    return el("defs", el("pattern", hatch, id=f"{chart_id}-zone", width=8, height=8, patternUnits="userSpaceOnUse"))


def _zone(chart_id: str, cell_width: float) -> str:
    """The top-left corner: high influence, little knowledge of the work."""
    rows = 5 - HIGH_INFLUENCE + 1
    shade = el("rect", x=LEFT, y=TOP, width=num(cell_width * 2), height=ROW * rows, fill=f"url(#{chart_id}-zone)")
    outline = el("rect", x=LEFT, y=TOP, width=num(cell_width * 2), height=ROW * rows, fill="none",
                 stroke="#a3461f", stroke_width=1.2, stroke_dasharray="5 3")  # fmt: skip
    label = text(LEFT + 2, TOP - 8, f"▼ {ZONE_LABEL}", font_size=11.5, font_weight=700, fill="#8f3a17")
    return el("g", tooltip(ZONE_LABEL) + shade + outline + label, class_="zone")


def _grid(cell_width: float) -> str:
    bottom = TOP + ROW * len(ROWS)
    lines = []
    for influence, label in ROWS.items():
        y = _row_top(influence)
        lines.append(el("line", x1=LEFT, x2=WIDTH - RIGHT, y1=num(y + ROW), y2=num(y + ROW), stroke=GRID))
        lines.append(text(LEFT - 8, y + ROW / 2 + 4, label, text_anchor="end", font_size=11, fill=MUTED))
    for index, (_, label) in enumerate(COLUMNS):
        x = LEFT + index * cell_width
        lines.append(el("line", x1=num(x), x2=num(x), y1=TOP, y2=bottom, stroke=GRID))
        lines.append(text(x + cell_width / 2, bottom + 16, label, text_anchor="middle", font_size=11, fill=MUTED))
    lines.append(text(LEFT + (WIDTH - LEFT - RIGHT) / 2, bottom + 34, "What they know of your work →",
                      text_anchor="middle", font_size=11.5, font_weight=600))  # fmt: skip
    lines.append(text(8, TOP - 8, "Influence ↑", font_size=11.5, font_weight=600))
    return el("g", "".join(lines), class_="grid")


def _legend() -> str:
    y = HEIGHT - 12
    circle = el("circle", cx=LEFT + 4, cy=y - 4, r=4.5, fill=MARKER)
    square = el("rect", x=LEFT + 170, y=y - 8, width=8, height=8, fill="#fff", stroke=INK, stroke_width=1.2)
    words = text(LEFT + 13, y, "decides on your promotion", font_size=11) + text(
        LEFT + 183, y, "others you work with", font_size=11
    )
    return el("g", circle + square + words, class_="legend")


def _describe(summary: str, dots: Sequence[Dot]) -> str:
    if not dots:
        return summary
    corner = [d.name for d in dots if d.decides and d.influence >= HIGH_INFLUENCE and d.column <= 1]
    said = "; ".join(
        f"{d.name}, influence {d.influence} of 5, {COLUMNS[d.column][1].lower()} ({d.words})" for d in dots
    )
    reach = f" To reach first: {', '.join(corner)}." if corner else " Nobody with a strong say is unaware of your work."
    return f"{summary}{reach} {said}."


def dot_of(standing: Standing) -> Dot:
    person = standing.person
    column = next(index for index, (level, _) in enumerate(COLUMNS) if level is person.awareness)
    words = f"{ROLE_LABELS[person.role]}, {AWARENESS_LABELS[person.awareness]}, last contact {standing.contact_words}"
    return Dot(person.name, person.influence, column, standing.decides, words)


def people_map_figure(people: Sequence[Standing], chart_id: str = "people-map") -> Figure:
    title = "Who decides, and what they know of your work"
    return Figure(title, SUMMARY, people_map(chart_id, title, SUMMARY, [dot_of(s) for s in people]))
