"""Recurring problems: find them, rank them, and turn one into a framework initiative that ends it.

Other features call `list_patterns(ctx)` (ranked) and `match(ctx, text)` (the group a new item would join).
"""

from __future__ import annotations

import importlib
import importlib.util
from collections.abc import Sequence
from datetime import date, datetime
from typing import Any

import sqlalchemy as sa

from upward.model import Evidence, InputError, NotFound
from upward.model.patterns import Pattern, PatternMatch, PatternStatus, Step
from upward.patterns.impact import impact
from upward.patterns.summary import ranked, summarise
from upward.playbook import load_playbook
from upward.services.context import Context
from upward.services.pattern_grouping import refresh
from upward.store import patterns_repo

#: How many times a problem must come back before it is called recurring (the playbook may say otherwise).
DEFAULT_REPEATS = 3
#: Neighbours `match` looks through for one that belongs to a group.
MATCH_NEIGHBOURS = 5


def list_patterns(ctx: Context, *, today: date | None = None, regroup: bool = False) -> list[Pattern]:
    """Every recurring problem (and every adopted one), biggest opportunity first."""
    refresh(ctx, regroup=regroup)
    repeats = _repeats(ctx)
    with ctx.transaction() as conn:
        members = patterns_repo.members(conn, ctx.owner_id)
        found = [
            _pattern(ctx, row, items, today)
            for row in patterns_repo.rows(conn, ctx.owner_id)
            if (items := members.get(row["id"], []))
            and (len(items) >= repeats or row["status"] == PatternStatus.ADOPTED)
        ]
    return ranked(found)


def get_pattern(ctx: Context, pattern_id: int, *, today: date | None = None) -> Pattern:
    refresh(ctx)
    with ctx.transaction() as conn:
        found = patterns_repo.rows(conn, ctx.owner_id, pattern_id)
        items = _members(conn, ctx, pattern_id)
    if not found or not items:
        raise NotFound(f"There is no recurring problem {pattern_id}; `upward patterns list` shows them all.")
    return _pattern(ctx, found[0], items, today)


def match(ctx: Context, text: str) -> PatternMatch | None:
    """The recurring problem an item with this text would join, or None. Fast enough for every new request."""
    if not text.strip():
        return None
    index = refresh(ctx)
    best = index.closest(text, MATCH_NEIGHBOURS)
    group = next((index.group_of(e) for e, s in best if s >= index.backend.threshold and index.group_of(e) > 0), None)
    if group is None:
        return None
    similarity = max(s for e, s in best if index.group_of(e) == group)
    with ctx.transaction() as conn:
        items = _members(conn, ctx, group)
        row = patterns_repo.rows(conn, ctx.owner_id, group)
    if not items or not row:
        return None
    found = summarise(group, items)
    adopted = row[0]["status"] == PatternStatus.ADOPTED
    return PatternMatch(group, found.title, found.count, found.requesters, round(similarity, 3), adopted)


def adopt(ctx: Context, pattern_id: int, *, fix: str = "", today: date | None = None) -> Pattern:
    """Turn a recurring problem into a framework initiative with the playbook's steps, and put it in the plan."""
    pattern = get_pattern(ctx, pattern_id, today=today)
    if pattern.adopted:
        return pattern
    values: dict[str, Any] = {"status": PatternStatus.ADOPTED.value, "adopted_at": _now(today), "fix": fix.strip()}
    with ctx.transaction() as conn:
        patterns_repo.update(conn, ctx.owner_id, pattern_id, **values)
    plan_item = _track_in_plan(ctx, pattern)
    if plan_item is not None:
        with ctx.transaction() as conn:
            patterns_repo.update(conn, ctx.owner_id, pattern_id, plan_item_id=plan_item)
    return get_pattern(ctx, pattern_id, today=today)


def check_step(
    ctx: Context,
    pattern_id: int,
    step_id: str,
    *,
    teams: Sequence[str] = (),
    undo: bool = False,
    today: date | None = None,
) -> Pattern:
    """Check off (or, with `undo`, reopen) one step of an adopted problem; teaching steps add the teams taught."""
    pattern = get_pattern(ctx, pattern_id, today=today)
    if not pattern.adopted:
        raise InputError("pattern", f"Problem {pattern_id} is not a framework initiative yet; adopt it first.")
    known = {step.id: step for step in pattern.steps}
    if step_id not in known:
        raise InputError("step", f"'{step_id}' is not a step; use one of: {', '.join(known)}")
    with ctx.transaction() as conn:
        row = patterns_repo.rows(conn, ctx.owner_id, pattern_id)[0]
        steps = dict(row["steps"])
        taught = list(row["teams_taught"])
        if undo:
            steps.pop(step_id, None)
        else:
            steps[step_id] = (today or date.today()).isoformat()
            taught += [t for t in _clean_teams(teams) if t not in taught]
        patterns_repo.update(conn, ctx.owner_id, pattern_id, steps=steps, teams_taught=taught)
    return get_pattern(ctx, pattern_id, today=today)


def _clean_teams(teams: Sequence[str]) -> list[str]:
    return [name for team in teams for part in team.split(",") if (name := part.strip().lower())]


def _repeats(ctx: Context) -> int:
    playbook = load_playbook(ctx.settings.playbook)
    finding = next((f for f in playbook.findings if f.id == "same-problems"), None)
    return int(finding.thresholds.get("repeats", DEFAULT_REPEATS)) if finding else DEFAULT_REPEATS


def _members(conn: sa.Connection, ctx: Context, pattern_id: int) -> list[Evidence]:
    return patterns_repo.members(conn, ctx.owner_id, pattern_id).get(pattern_id, [])


def _pattern(ctx: Context, row: sa.RowMapping, items: list[Evidence], today: date | None) -> Pattern:
    found = summarise(row["id"], items)
    if row["status"] != PatternStatus.ADOPTED:
        return found
    done = row["steps"]
    playbook = load_playbook(ctx.settings.playbook)
    steps = tuple(
        Step(s.id, s.title, s.detail, date.fromisoformat(done[s.id]) if s.id in done else None)
        for s in playbook.framework_steps
    )
    return Pattern(
        **{name: getattr(found, name) for name in ("id", "title", "count", "first", "last", "requesters", "teams")},
        minutes=found.minutes,
        examples=found.examples,
        score=found.score,
        status=PatternStatus.ADOPTED,
        adopted_at=row["adopted_at"],
        fix=row["fix"],
        steps=steps,
        teams_taught=tuple(row["teams_taught"]),
        plan_item_id=row["plan_item_id"],
        impact=impact(items, row["adopted_at"], today or date.today()),
    )


def _now(today: date | None) -> datetime:
    now = datetime.now().replace(microsecond=0)
    return now if today is None or today == now.date() else datetime.combine(today, now.time())


def _track_in_plan(ctx: Context, pattern: Pattern) -> int | None:
    """Put the initiative in the person's plan once the plan feature is there; None when there is no plan."""
    if importlib.util.find_spec("upward.services.plan") is None:
        return None
    plan = importlib.import_module("upward.services.plan")
    detail = f"Came back {pattern.count} times, {pattern.hours:.0f} hours, asked by {len(pattern.requesters)} people."
    title = f"Turn “{pattern.title}” into a framework others use"
    result = plan.track(
        ctx, title=title, move="next-level-thinking", origin="pattern", origin_id=pattern.id, detail=detail
    )
    return int(result) if result is not None else None
