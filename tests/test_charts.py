"""The charts are plain SVG from plain data: parsed here as XML, and read for their labels and numbers."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from datetime import date, datetime, timedelta
from itertools import count

import pytest

from upward.analysis import Record
from upward.analysis.mix import Contact, decision_maker_contact, month_starts, work_mix
from upward.documents.charts import (
    Row,
    Series,
    horizontal_bars,
    line_chart,
    stacked_bars,
    trend_figure,
    visibility_figure,
    work_mix_figure,
)
from upward.documents.charts._svg import nice_step
from upward.model import Evidence, Kind, Person, PromotionRole

NS = {"svg": "http://www.w3.org/2000/svg"}
TODAY = date(2026, 11, 23)
_ids = count(1)


def parse(svg: str) -> ET.Element:
    root = ET.fromstring(svg)
    assert root.tag == "{http://www.w3.org/2000/svg}svg"
    return root


def words(root: ET.Element) -> list[str]:
    """Every text label, in document order."""
    return ["".join(t.itertext()) for t in root.iter("{http://www.w3.org/2000/svg}text")]


def described(root: ET.Element) -> tuple[str, str]:
    """The accessible name and description: what a screen reader announces."""
    title, desc = root.find("svg:title", NS), root.find("svg:desc", NS)
    assert title is not None and desc is not None
    assert root.get("role") == "img"
    assert root.get("aria-labelledby") == f"{title.get('id')} {desc.get('id')}"
    return title.text or "", desc.text or ""


def item(days_ago: int, kind: Kind = Kind.DELIVERY, **fields: object) -> Evidence:
    when = datetime.combine(TODAY - timedelta(days=days_ago), datetime.min.time()).replace(hour=12)
    return Evidence(id=next(_ids), title=f"{kind.value} {days_ago}", kind=kind, occurred_at=when, **fields)  # type: ignore[arg-type]


# The builders


def test_stacked_bars_draw_a_bar_a_period_with_totals_legend_and_description() -> None:
    series = [Series("Own work", (3, 0, 5)), Series("Firefighting", (1, 0, 2.5))]
    root = parse(stacked_bars("mix", "Work mix", "Two kinds of work.", ["Jan\n2026", "Feb", "Mar"], series, "items"))
    title, desc = described(root)
    assert title == "Work mix"
    periods = "Jan 2026: own work 3, firefighting 1; Feb: own work 0, firefighting 0; Mar: own work 5, firefighting 2.5"
    assert desc == f"Two kinds of work. In items, by period — {periods}."
    bars = root.findall("svg:g[@class='bar']", NS)
    assert len(bars) == 3
    assert [len(bar.findall("svg:rect", NS)) for bar in bars] == [2, 0, 2], "an empty period draws no segment"
    assert bars[2].findtext("svg:title", namespaces=NS) == "Mar: Own work 5, Firefighting 2.5 (items)"
    labels = words(root)
    assert {"Own work", "Firefighting", "4", "7.5", "Jan", "2026", "Feb", "Mar", "items"} <= set(labels)
    legend = root.find("svg:g[@class='legend']", NS)
    assert legend is not None and words(legend) == ["Own work", "Firefighting"]


def test_stacked_segments_are_patterned_so_they_survive_greyscale() -> None:
    root = parse(stacked_bars("mix", "t", "s", ["A"], [Series(n, (1,)) for n in "abcd"], "items"))
    patterns = root.findall("svg:defs/svg:pattern", NS)
    assert [p.get("id") for p in patterns] == ["mix-p0", "mix-p1", "mix-p2", "mix-p3"]
    assert sum(1 for p in patterns if len(p) > 1) == 3, "three of the four carry a texture over their colour"
    fills = [rect.get("fill") for rect in root.findall("svg:g[@class='bar']/svg:rect", NS)]
    assert fills == ["url(#mix-p0)", "url(#mix-p1)", "url(#mix-p2)", "url(#mix-p3)"]


def test_segment_heights_are_proportional_and_stack_up_from_the_axis() -> None:
    root = parse(stacked_bars("mix", "t", "s", ["A", "B"], [Series("x", (10, 20)), Series("y", (10, 0))], "hours"))
    first, second = (bar.findall("svg:rect", NS) for bar in root.findall("svg:g[@class='bar']", NS))
    heights = [float(r.get("height", 0)) for r in [*first, *second]]
    assert heights[0] == heights[1] == heights[2] / 2
    assert float(first[1].get("y", 0)) + heights[1] == pytest.approx(float(first[0].get("y", 0)))


def test_horizontal_bars_write_their_words_and_keep_a_row_at_zero() -> None:
    rows = [Row("Daniel Park", 11, "11 items · last 6 days ago", "manager"), Row("Rachel", 0, "no contact on record")]
    root = parse(horizontal_bars("vis", "Contact", "Who saw your work.", rows))
    _, desc = described(root)
    assert desc == "Who saw your work. Daniel Park (manager): 11 items · last 6 days ago; Rachel: no contact on record."
    groups = root.findall("svg:g[@class='row']", NS)
    assert [len(g.findall("svg:rect", NS)) for g in groups] == [1, 0]
    assert words(root) == ["Daniel Park", "manager", "11 items · last 6 days ago", "Rachel", "no contact on record"]


def test_a_line_chart_breaks_at_a_day_without_a_score_and_labels_its_ends() -> None:
    days = [TODAY - timedelta(days=n) for n in (30, 20, 10, 0)]
    root = parse(line_chart("trend", "Stall score", "s", list(zip(days, [80, 75, None, 60], strict=True))))
    assert len(root.findall("svg:polyline", NS)) == 1, (
        "the two scores before the gap make a line; the last stands alone"
    )
    assert len(root.findall("svg:circle", NS)) == 3
    assert {"24 Oct 2026", "23 Nov 2026", "60", "0", "50", "100"} <= set(words(root))


def test_one_snapshot_is_a_single_point_and_none_says_so() -> None:
    single = parse(line_chart("trend", "t", "s", [(TODAY, 85)]))
    assert len(single.findall("svg:circle", NS)) == 1 and not single.findall("svg:polyline", NS)
    assert {"85", "23 Nov 2026"} <= set(words(single))
    assert "No score yet" in words(parse(line_chart("trend", "t", "s", [(TODAY, None)])))


def test_every_text_is_escaped_and_the_output_is_deterministic() -> None:
    hostile = 'Bob <script>alert("x")</script> & "Co"\x07'
    svg = horizontal_bars("vis", hostile, hostile, [Row(hostile, 1, hostile, hostile)])
    root = parse(svg)
    assert "<script>" not in svg and root.find(".//svg:script", NS) is None
    assert described(root)[0] == 'Bob <script>alert("x")</script> & "Co"'
    assert svg == horizontal_bars("vis", hostile, hostile, [Row(hostile, 1, hostile, hostile)])


def test_a_chart_id_must_be_safe_to_use_in_ids() -> None:
    with pytest.raises(ValueError, match="chart id"):
        stacked_bars('x" onload="', "t", "s", ["A"], [Series("a", (1,))], "items")


@pytest.mark.parametrize(("top", "step"), [(0, 1), (3, 1), (7.5, 2), (43.5, 20), (75.1, 20), (870, 250)])
def test_gridlines_use_round_steps(top: float, step: float) -> None:
    assert nice_step(top) == step


# The data behind them


def test_month_starts_cross_the_year() -> None:
    assert month_starts(date(2026, 2, 14), 3) == [date(2025, 12, 1), date(2026, 1, 1), date(2026, 2, 1)]


def test_work_mix_counts_hours_by_month_and_kind_and_leaves_meetings_out() -> None:
    evidence = (
        item(0, minutes=120), item(1, Kind.STRATEGY, minutes=60), item(2, Kind.REQUEST, minutes=30),
        item(40, Kind.INCIDENT, minutes=90), item(40, Kind.MEETING, minutes=600), item(400, minutes=60),
    )  # fmt: skip
    mix = work_mix(Record(TODAY, None, (), evidence))
    assert mix.unit == "hours" and len(mix.months) == 12 and mix.months[-1].month == date(2026, 11, 1)
    assert mix.months[-1].values == (2.0, 1.0, 0.5, 0.0)
    assert mix.months[-2].values == (0.0, 0.0, 0.0, 1.5)
    assert sum(m.total for m in mix.months) == 5.0, "meetings and items older than a year are not counted"


def test_work_mix_counts_items_when_most_say_nothing_of_time() -> None:
    evidence = (item(0), item(1, Kind.REQUEST), item(2, Kind.REQUEST, minutes=30))
    mix = work_mix(Record(TODAY, None, (), evidence))
    assert mix.unit == "items" and mix.months[-1].values == (1, 0, 2, 0)
    assert work_mix(Record(TODAY, None, (), ())).empty


def test_contact_with_each_decision_maker_in_the_window_and_since_the_last() -> None:
    people = (
        Person(id=1, name="Dan", role=PromotionRole.MANAGER),
        Person(id=2, name="Rae", role=PromotionRole.SKIP_LEVEL, email="rae@example.com"),
        Person(id=3, name="Hal", role=PromotionRole.HR),
        Person(id=4, name="Pia", role=PromotionRole.PEER),
    )
    evidence = (
        item(3, Kind.MEETING, people=("Dan",)), item(10, Kind.MEETING, people=("Dan",)),
        item(200, Kind.MEETING, people=("rae@example.com",)), item(5, Kind.REQUEST, requester="Pia"),
    )  # fmt: skip
    contacts = decision_maker_contact(Record(TODAY, None, people, evidence), days=90)
    assert [(c.name, c.items, c.days_since) for c in contacts] == [("Dan", 2, 3), ("Rae", 0, 200), ("Hal", 0, None)]
    assert contacts[0].evidence_ids == (evidence[0].id, evidence[1].id), "newest first"


def test_the_dashboard_figures_say_what_they_show() -> None:
    evidence = (item(0, minutes=60), item(35, Kind.REQUEST, minutes=30))
    mix = work_mix_figure(work_mix(Record(TODAY, None, (), evidence)))
    mix_root = parse(mix.svg)
    title, desc = described(mix_root)
    assert title == mix.title == "Where your time went, month by month" and desc.startswith(mix.summary)
    assert {"Dec", "2025", "Jan", "2026", "Nov", "Own work", "Requests from others", "hours"} <= set(words(mix_root))
    contacts = [Contact("Rae", PromotionRole.SKIP_LEVEL, 0, 251), Contact("Hal", PromotionRole.HR, 1, 0)]
    vis_root = parse(visibility_figure(contacts).svg)
    assert words(vis_root) == [
        "Rae",
        "skip-level",
        "none in 90 days · last contact 251 days ago",
        "Hal",
        "HR",
        "1 item · last contact today",
    ]
    trend_root = parse(trend_figure([{"day": TODAY, "stall_score": 85}]).svg)
    assert described(trend_root)[1].endswith("23 Nov 2026: 85.")
