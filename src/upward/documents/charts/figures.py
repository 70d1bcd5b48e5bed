"""The three charts of the dashboard, from the analysis' plain data (the same go into reports later)."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from upward.analysis.mix import MIX, Contact, WorkMix
from upward.documents.charts.bars import Row, horizontal_bars
from upward.documents.charts.line import line_chart
from upward.documents.charts.stacked import Series, stacked_bars

MIX_SUMMARY = (
    "Your own work, strategic work (strategy and frameworks), requests from other people and firefighting "
    "(incidents), in each of the last {months} months. Meetings, reviews and thanks are not counted."
)
TREND_SUMMARY = "Your stall score on each day Upward looked at your record. Higher means more stuck."


@dataclass(frozen=True, slots=True)
class Figure:
    """A chart with the words to show beside it: its title and what it shows (both also inside the SVG)."""

    title: str
    summary: str
    svg: str


def work_mix_figure(mix: WorkMix, chart_id: str = "work-mix") -> Figure:
    title = "Where your time went, month by month" if mix.unit == "hours" else "What you worked on, month by month"
    summary = MIX_SUMMARY.format(months=len(mix.months))
    labels = [_month(m.month, first=index == 0) for index, m in enumerate(mix.months)]
    series = [Series(label, tuple(m.values[index] for m in mix.months)) for index, (_, label, _) in enumerate(MIX)]
    return Figure(title, summary, stacked_bars(chart_id, title, summary, labels, series, mix.unit))


def _month(start: date, *, first: bool) -> str:
    return f"{start:%b}\n{start.year}" if first or start.month == 1 else f"{start:%b}"


def visibility_figure(contacts: Sequence[Contact], days: int = 90, chart_id: str = "visibility") -> Figure:
    title = f"Contact with the people who decide, last {days} days"
    summary = f"Each decision-maker, and the items in your record from the last {days} days that show contact."
    rows = [Row(c.name, c.items, _contact_words(c, days), c.role_label) for c in contacts]
    return Figure(title, summary, horizontal_bars(chart_id, title, summary, rows))


def _contact_words(contact: Contact, days: int) -> str:
    if contact.days_since is None:
        return "no contact on record"
    count = f"{contact.items} item{'' if contact.items == 1 else 's'}" if contact.items else f"none in {days} days"
    return f"{count} · last contact {_ago(contact.days_since)}"


def _ago(days: int) -> str:
    return "today" if days == 0 else "yesterday" if days == 1 else f"{days} days ago"


def trend_figure(history: Iterable[Mapping[str, Any]], chart_id: str = "stall-trend") -> Figure:
    """The stall score from the daily snapshots (`services.diagnosis.history`)."""
    points = [(_as_date(row["day"]), row["stall_score"]) for row in history]
    title = "Your stall score over time"
    return Figure(title, TREND_SUMMARY, line_chart(chart_id, title, TREND_SUMMARY, points))


def _as_date(value: date | str) -> date:
    return value if isinstance(value, date) else date.fromisoformat(value)
