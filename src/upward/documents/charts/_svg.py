"""The small vocabulary every chart is written in: escaped text, tidy numbers and the accessible root."""

from __future__ import annotations

import html
import math
import re
from collections.abc import Iterable

INK = "#1f2430"
MUTED = "#5d6473"
GRID = "#e3e1dc"
FONT = "system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif"
CHAR_WIDTH = 0.58  # an average glyph's width, in font sizes: enough to lay labels out without measuring them

_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
_CHART_ID = re.compile(r"^[a-z][a-z0-9-]{0,40}$")


def esc(text: object) -> str:
    """Text safe inside an element or a quoted attribute (characters XML cannot hold are dropped)."""
    return html.escape(_NOT_XML.sub("", str(text)), quote=True)


def num(value: float) -> str:
    """A coordinate or value without noise: 12, 12.5, never 12.000000001."""
    text = f"{value:.1f}"
    return text[:-2] if text.endswith(".0") else text


def text_width(text: str, size: float) -> float:
    return len(text) * size * CHAR_WIDTH


def attrs(values: dict[str, object]) -> str:
    return "".join(f' {name.rstrip("_").replace("_", "-")}="{esc(v)}"' for name, v in values.items() if v is not None)


def el(tag: str, content: str = "", **values: object) -> str:
    """An element; `content` is markup (escape text with `esc` or use `text`)."""
    return f"<{tag}{attrs(values)}>{content}</{tag}>" if content else f"<{tag}{attrs(values)}/>"


def text(x: float, y: float, words: str, **values: object) -> str:
    return el("text", esc(words), x=num(x), y=num(y), **values)


def tooltip(words: str) -> str:
    """A <title> child: what a pointer hovering over a shape shows."""
    return el("title", esc(words))


def nice_step(top: float, lines: int = 4) -> float:
    """A round gridline step (1, 2, 2.5 or 5 times a power of ten) that covers `top` in about `lines` steps."""
    if top <= 0:
        return 1.0
    rough = top / lines
    power = 10.0 ** math.floor(math.log10(rough))
    return next(power * f for f in (1, 2, 2.5, 5, 10) if power * f >= rough)


def root(chart_id: str, size: tuple[int, int], title: str, desc: str, body: Iterable[str]) -> str:
    """The whole chart: an image with a title and a description that screen readers announce."""
    if not _CHART_ID.match(chart_id):
        raise ValueError(f"chart id {chart_id!r} must be lowercase letters, digits and dashes")
    width, height = size
    head = el("title", esc(title), id=f"{chart_id}-title") + el("desc", esc(desc), id=f"{chart_id}-desc")
    return el(
        "svg",
        head + "".join(body),
        xmlns="http://www.w3.org/2000/svg",
        id=chart_id,
        class_="chart",
        viewBox=f"0 0 {width} {height}",
        width=width,
        height=height,
        role="img",
        aria_labelledby=f"{chart_id}-title {chart_id}-desc",
        font_family=FONT,
        font_size=12,
        fill=INK,
    )
