"""Making and re-making the plan from plain values: red flags first, due dates from the start, history kept."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import Any

import pytest
import yaml

from upward.analysis.planning import Candidate, Inputs, Problem, make_plan, replan
from upward.model import Person, PromotionRole
from upward.model.diagnosis import Diagnosis, Finding, Status
from upward.model.plan import ItemStatus, PlanItem, add_months, end_of_month
from upward.playbook import PlaybookProblem, default_path, load_playbook

START = date(2026, 1, 5)
PLAYBOOK = load_playbook()


def diagnosis(**statuses: Status) -> Diagnosis:
    """A diagnosis where the named findings (underscores for dashes) have the given status, the rest unknown."""
    findings = tuple(
        Finding(
            id=spec.id,
            title=spec.title,
            area=spec.area,
            status=statuses.get(spec.id.replace("-", "_"), Status.UNKNOWN),
            summary="",
            how="",
            next_action_id=spec.next_action,
        )
        for spec in PLAYBOOK.findings
    )
    return Diagnosis(day=START, findings=findings, areas=(), stall_score=None)


def plan_for(**statuses: Status) -> list[PlanItem]:
    drafts = make_plan(PLAYBOOK, Inputs(start=START, today=START, diagnosis=diagnosis(**statuses)))
    return [PlanItem(**vars_of(d), id=n, position=n) for n, d in enumerate(drafts, 1)]


def vars_of(draft: object) -> dict[str, object]:
    return {name: getattr(draft, name) for name in draft.__dataclass_fields__}  # type: ignore[attr-defined]


def test_every_playbook_action_is_planned_by_the_end_of_its_month() -> None:
    items = plan_for()
    actions = [a for move in PLAYBOOK.moves for a in move.actions]
    assert sorted(i.action for i in items) == sorted(a.id for a in actions)
    months = {a.id: a.month for a in actions}
    assert all(i.due == end_of_month(START, months[i.action]) for i in items)
    assert items[0].due == date(2026, 2, 4) and items[-1].due == date(2027, 1, 4)
    assert not any(i.red_flag for i in items)


def test_different_red_flags_give_different_first_steps() -> None:
    visibility = plan_for(no_skip_level_contact=Status.RED)
    legibility = plan_for(illegible_work=Status.RED, same_problems=Status.WARNING)
    assert visibility[0].action == "start-skip-level-updates" and visibility[0].red_flag == "no-skip-level-contact"
    assert legibility[0].action == "write-first-story" and legibility[0].red_flag == "illegible-work"
    assert [i.red_flag for i in legibility].count("illegible-work") == 1  # a warning does not jump the queue


def test_red_flag_steps_come_first_in_area_order_and_move_to_the_first_weeks() -> None:
    items = plan_for(only_own_team=Status.RED, no_skip_level_contact=Status.RED)
    assert [i.action for i in items[:2]] == ["start-skip-level-updates", "solve-for-other-teams"]
    assert items[0].due == date(2026, 1, 19)  # two weeks after the start (and before its month ends)
    assert items[1].due == date(2026, 2, 2)  # month 7 pulled to the fourth week
    assert all(not i.red_flag for i in items[2:])


def test_steps_are_written_with_the_persons_own_data() -> None:
    people = (
        Person("Rachel Alvarez", PromotionRole.SKIP_LEVEL, id=1),
        Person("Tom Becker", PromotionRole.PEER_MANAGER, id=2),
        Person("Jonas Weber", PromotionRole.PEER, id=3),
    )
    problems = (Problem("Deploy pipeline is flaky", 24, "pattern:4", "pattern", 4),)
    inputs = Inputs(START, START, diagnosis(), people, problems, Candidate(9, "Checkout rebuild"))
    items = {d.key: d for d in make_plan(PLAYBOOK, inputs)}
    listed = items["action:map-decision-makers"].detail
    assert "Rachel Alvarez (skip-level" in listed and "Tom Becker" in listed and "Jonas Weber" not in listed
    assert items["action:coffee-with-peer-managers:person:2"].title.startswith("Coffee with Tom Becker")
    framework = items["action:build-framework:pattern:4"]
    assert framework.title == "Turn “Deploy pipeline is flaky” (24 times) into a framework others use"
    assert (framework.origin, framework.origin_id) == ("pattern", 4)
    project = items["action:join-visible-project:project:9"]
    assert "Checkout rebuild" in project.title and (project.origin, project.origin_id) == ("project", 9)


def test_a_person_with_no_data_gets_the_playbook_as_written() -> None:
    items = plan_for()
    titles = {i.title for i in items}
    assert "Meet each peer manager to understand their problems" in titles
    assert "Volunteer to lead (or co-lead) a visible project" in titles


def test_replanning_keeps_done_and_skipped_steps_and_spreads_late_ones_from_today() -> None:
    items = plan_for()
    done = replace(items[0], status=ItemStatus.DONE, closed_on=date(2026, 1, 20))
    skipped = replace(items[1], status=ItemStatus.SKIPPED, why="not now")
    tracked = replace(items[2], id=99, key="project:9", origin="project", origin_id=9, action="")
    existing = [done, skipped, *items[2:], tracked]
    today = date(2026, 3, 10)
    fresh = make_plan(PLAYBOOK, Inputs(START, today, diagnosis(only_own_team=Status.RED)))
    change = replan(existing, fresh, today)
    touched = {item_id for item_id, _ in change.update} | set(change.delete)
    assert done.id not in touched and skipped.id not in touched
    assert not any(d.key in (done.key, skipped.key) for d in change.insert)
    updated = dict(change.update)
    assert all(d.due >= today for d in updated.values())
    late = sorted(d.due for d in updated.values() if d.due < date(2026, 4, 1))
    assert late[:2] == [date(2026, 3, 17), date(2026, 3, 24)]  # a week apart, from today
    assert 99 not in change.delete  # a step another feature added stays


def test_adding_months_keeps_the_day_or_takes_the_months_last() -> None:
    assert add_months(date(2026, 1, 31), 1) == date(2026, 2, 28)
    assert add_months(date(2026, 11, 23), 12) == date(2027, 11, 23)
    assert end_of_month(START, 12) == date(2027, 1, 4)


@pytest.mark.parametrize(
    ("change", "field", "words", "marker"),
    [
        (lambda d: d["plan"]["fill"][1].update(action="sing-loudly"), "plan.fill[1].action",
         "there is no action 'sing-loudly'", "action: sing-loudly"),
        (lambda d: d["plan"]["fill"][0].update({"with": "horoscopes"}), "plan.fill[0].with",
         "should match pattern", "with: horoscopes"),
        (lambda d: d["plan"].update(first_steps_days=0), "plan.first_steps_days", "greater than or equal to 1",
         "first_steps_days: 0"),
    ],
)  # fmt: skip
def test_a_bad_plan_section_names_the_line_and_field(
    tmp_path: Path, change: Callable[[dict[str, Any]], None], field: str, words: str, marker: str
) -> None:
    data = yaml.safe_load(default_path().read_text())
    change(data)
    path = tmp_path / "coach.yaml"
    path.write_text(yaml.safe_dump(data, sort_keys=False, allow_unicode=True))
    with pytest.raises(PlaybookProblem) as caught:
        load_playbook(path)
    assert (caught.value.field, caught.value.line) == (field, _line_of(path, marker))
    assert words in caught.value.problem


def _line_of(path: Path, text: str) -> int:
    return next(n for n, line in enumerate(path.read_text().splitlines(), 1) if text in line)


def test_a_playbook_without_a_plan_section_still_makes_a_plan(tmp_path: Path) -> None:
    data = yaml.safe_load(default_path().read_text())
    del data["plan"]
    path = tmp_path / "coach.yaml"
    path.write_text(yaml.safe_dump(data, sort_keys=False, allow_unicode=True))
    own = load_playbook(path)
    people = (Person("Tom Becker", PromotionRole.PEER_MANAGER, id=2),)
    drafts = make_plan(own, Inputs(START, START, diagnosis(), people))
    assert len(drafts) == sum(len(m.actions) for m in own.moves)  # nothing filled in, nothing lost
