"""The plan's timeline chart: valid SVG, readable by a screen reader, each step a mark on its due day."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from datetime import date

from upward.documents.charts.timeline import Lane, Mark, timeline_chart
from upward.model.plan import add_months

NS = {"svg": "http://www.w3.org/2000/svg"}
START = date(2026, 1, 5)
STARTS = [add_months(START, n) for n in range(13)]


def chart(today: date = date(2026, 3, 1)) -> ET.Element:
    lanes = [
        Lane("Get visible", (1, 2), (Mark("Map <the> people", date(2026, 1, 19), "done"),
                                     Mark("Send an update", date(2026, 1, 20), "late"))),
        Lane("Prove next-level thinking", (3, 6), (Mark("Build a framework", date(2026, 5, 1), "open"),
                                                   Mark("Teach it", date(2026, 6, 1), "skipped"))),
    ]  # fmt: skip
    return ET.fromstring(timeline_chart("plan-timeline", "Your plan", "Each step.", lanes, STARTS, today))


def test_every_step_is_a_mark_with_its_state_and_a_tooltip() -> None:
    svg = chart()
    marks = [m for m in svg.iter() if "mark" in (m.get("class") or "")]
    assert [m.get("class") for m in marks] == ["mark done", "mark late", "mark open", "mark skipped"]
    hint = marks[0].find("svg:title", NS)
    assert hint is not None and hint.text == "Map <the> people (done, 19 Jan 2026)"
    assert marks[0].tag.endswith("circle") and marks[1].tag.endswith("polygon")


def test_the_description_says_every_step_and_the_lanes_fit_their_titles() -> None:
    svg = chart()
    desc = svg.find("svg:desc", NS)
    assert desc is not None and desc.text is not None
    assert desc.text.startswith("Each step. Get visible: Map <the> people (done, 19 Jan 2026)")
    assert "Teach it (skipped, 1 Jun 2026)" in desc.text
    assert svg.get("role") == "img" and svg.get("aria-labelledby") == "plan-timeline-title plan-timeline-desc"
    label = next(t for t in svg.iter("{http://www.w3.org/2000/svg}text") if t.text == "Prove next-level thinking")
    assert float(label.get("x") or 0) > len("Prove next-level thinking") * 13 * 0.58


def test_today_is_marked_only_inside_the_plan() -> None:
    def labels(svg: ET.Element) -> list[str]:
        return [t.text or "" for t in svg.iter("{http://www.w3.org/2000/svg}text")]

    assert "today" in labels(chart(date(2026, 3, 1)))
    assert "today" not in labels(chart(date(2028, 1, 1)))
    months = [text for text in labels(chart()) if text[:3] in ("Jan", "Feb", "Dec")]
    assert months[:2] == ["Jan 26", "Feb"]
