"""The console every benchmark prints to, wide enough for its tables even when the output is a file."""

from __future__ import annotations

from rich.console import Console

MIN_WIDTH = 140

console = Console()
if not console.is_terminal:
    console = Console(width=MIN_WIDTH)


def ms(value: float) -> str:
    return f"{value:,.1f}" if value < 100 else f"{value:,.0f}"


def ratio(value: float) -> str:
    colour = "green" if value < 1.5 else "yellow" if value < 3 else "red"
    return f"[{colour}]{value:.2f}×[/]"
