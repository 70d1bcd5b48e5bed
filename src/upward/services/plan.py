"""The 12-month plan: make it from the playbook, the diagnosis and the person's data; check it off; re-plan it.

Other features call `current_plan(ctx)` and `track(ctx, ...)` (a chosen project, a framework initiative).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from importlib import import_module
from typing import Any

from upward.analysis import Record, diagnose
from upward.analysis.planning import Candidate, Inputs, Problem, make_plan, replan
from upward.analysis.recurring import Frameworks, recurring_groups
from upward.model import InputError, Kind, NotFound, UpwardError
from upward.model.parsing import clean_text
from upward.model.plan import ItemDraft, ItemStatus, Plan, PlanItem, end_of_month
from upward.model.projects import ProjectStatus
from upward.playbook import PlaybookFile
from upward.services import projects as projects_service
from upward.services.context import Context
from upward.services.diagnosis import load_record, playbook
from upward.store import plan_repo

MAX_DAYS_AWAY = 366
REPEATS = 3
REASON_LIMIT = 1000


@dataclass(frozen=True, slots=True)
class Adjusted:
    plan: Plan
    kept: int
    updated: int
    added: int
    removed: int


def current_plan(ctx: Context) -> Plan | None:
    """The person's plan, its items by due date; None before `upward plan create`."""
    with ctx.transaction() as conn:
        return plan_repo.get(conn, ctx.owner_id)


def create_plan(ctx: Context, *, start: date | None = None, today: date | None = None, replace: bool = False) -> Plan:
    """A personal plan from the playbook, today's diagnosis and the person's data, starting on `start`."""
    today = today or date.today()
    record = load_record(ctx, today)
    if start is None:
        chosen = record.profile.plan_start if record.profile else today
        start = chosen if abs((chosen - today).days) <= MAX_DAYS_AWAY else today
    _check_start(start, today)
    book = playbook(ctx)
    drafts = make_plan(book, _inputs(ctx, record, book, start, today))
    with ctx.transaction() as conn:
        existing = plan_repo.get(conn, ctx.owner_id)
        if existing is not None and not replace:
            raise UpwardError(
                f"You already have a plan, started {existing.start:%-d %B %Y}. `upward plan adjust` re-plans it and "
                "keeps what you did; `upward plan create --replace` starts again from scratch."
            )
        if existing is not None:
            plan_repo.delete_plan(conn, ctx.owner_id)
        plan_id = plan_repo.create(conn, ctx.owner_id, start, book.name)
        plan_repo.add_items(conn, ctx.owner_id, plan_id, drafts)
        plan = plan_repo.get(conn, ctx.owner_id)
    assert plan is not None
    return plan


def adjust(ctx: Context, today: date | None = None) -> Adjusted:
    """Re-plan after a new diagnosis: what is done or skipped stays as it is, the rest is planned again."""
    today = today or date.today()
    plan = _required(ctx)
    record = load_record(ctx, today)
    book = playbook(ctx)
    fresh = make_plan(book, _inputs(ctx, record, book, plan.start, today))
    change = replan(plan.items, fresh, today, book.plan.week_days)
    positions = {draft.key: index for index, draft in enumerate(fresh)}
    with ctx.transaction() as conn:
        for item_id, draft in change.update:
            plan_repo.update_item(conn, ctx.owner_id, item_id, draft, positions.get(draft.key, len(positions)))
        plan_repo.delete_items(conn, ctx.owner_id, change.delete)
        for draft in change.insert:
            plan_repo.add_items(conn, ctx.owner_id, plan.id, [draft], positions.get(draft.key, len(positions)))
        plan_repo.mark_adjusted(conn, ctx.owner_id)
        adjusted = plan_repo.get(conn, ctx.owner_id)
    assert adjusted is not None
    closed = sum(1 for i in plan.items if not i.is_open)
    before = {i.id: i.due for i in plan.items}
    moved = sum(1 for item_id, draft in change.update if before.get(item_id) != draft.due)
    return Adjusted(adjusted, closed, moved, len(change.insert), len(change.delete))


def done(ctx: Context, item_id: int, today: date | None = None) -> PlanItem:
    """Check a step off (a skipped step can be done after all)."""
    item = _item(ctx, item_id)
    if item.status is ItemStatus.DONE:
        raise InputError("id", f"#{item_id} is already done, since {item.closed_on:%-d %B %Y}")
    return _close(ctx, item, ItemStatus.DONE, today or date.today(), "")


def skip(ctx: Context, item_id: int, why: str, today: date | None = None) -> PlanItem:
    """Set a step aside, saying why; it stays in the plan's history and is not planned again."""
    reason = clean_text(why, "why", required=True, limit=REASON_LIMIT)
    item = _item(ctx, item_id)
    if item.status is ItemStatus.DONE:
        raise InputError("id", f"#{item_id} is already done; there is nothing to skip")
    return _close(ctx, item, ItemStatus.SKIPPED, today or date.today(), reason)


def track(
    ctx: Context,
    *,
    title: str,
    move: str,
    origin: str,
    origin_id: int,
    due: date | None = None,
    detail: str = "",
) -> int | None:
    """Add a step another feature found (a chosen project, a framework to build), once per origin and id.

    Returns the step's id (the existing one when it is there already), or None when there is no plan yet."""
    plan = current_plan(ctx)
    if plan is None:
        return None
    for item in plan.items:
        if item.origin == origin and item.origin_id == origin_id:
            return item.id
    book = playbook(ctx)
    found = next((m for m in book.moves if m.id == move), None)
    if found is None:
        raise InputError("move", f"there is no move '{move}'; the moves are: {', '.join(m.id for m in book.moves)}")
    when = due or max(end_of_month(plan.start, found.months[0]), date.today() + timedelta(days=book.plan.week_days))
    draft = ItemDraft(
        key=f"{origin}:{origin_id}",
        move=move,
        title=clean_text(title, "title", required=True, limit=300),
        detail=detail.strip(),
        due=when,
        origin=clean_text(origin, "origin", required=True, limit=20),
        origin_id=origin_id,
    )
    with ctx.transaction() as conn:
        position = plan_repo.next_position(conn, plan.id)
        return plan_repo.add_items(conn, ctx.owner_id, plan.id, [draft], position)[0]


def _required(ctx: Context) -> Plan:
    plan = current_plan(ctx)
    if plan is None:
        raise NotFound("You have no plan yet. `upward plan create` makes one from your diagnosis.")
    return plan


def _item(ctx: Context, item_id: int) -> PlanItem:
    item = _required(ctx).item(item_id)
    if item is None:
        raise NotFound(f"Your plan has no step #{item_id}. `upward plan show` lists them with their numbers.")
    return item


def _close(ctx: Context, item: PlanItem, status: ItemStatus, day: date, why: str) -> PlanItem:
    with ctx.transaction() as conn:
        plan_repo.set_status(conn, ctx.owner_id, item.id, status, day, why)
        plan = plan_repo.get(conn, ctx.owner_id)
    assert plan is not None
    closed = plan.item(item.id)
    assert closed is not None
    return closed


def _check_start(start: date, today: date) -> None:
    if start > today + timedelta(days=MAX_DAYS_AWAY):
        raise InputError("start", f"{start:%-d %B %Y} is more than a year away; choose a start within the year")
    if start < today - timedelta(days=MAX_DAYS_AWAY):
        raise InputError("start", f"a plan started on {start:%-d %B %Y} has already ended; start from today instead")


def _inputs(ctx: Context, record: Record, book: PlaybookFile, start: date, today: date) -> Inputs:
    chosen = projects_service.chosen_project(ctx)
    return Inputs(
        start=start,
        today=today,
        diagnosis=diagnose(record, book),
        people=record.people,
        problems=recurring_problems(ctx, record),
        project=Candidate(chosen.id, chosen.title) if chosen else None,
        candidates=() if chosen else _candidates(ctx),
    )


def _candidates(ctx: Context) -> tuple[str, ...]:
    """The visible-project candidates still in the running, best score first."""
    return tuple(s.project.title for s in projects_service.compare(ctx) if s.project.status is ProjectStatus.CANDIDATE)


def recurring_problems(ctx: Context, record: Record) -> tuple[Problem, ...]:
    """The problems to turn into frameworks: the patterns feature's, or the record's recurring groups."""
    since = record.today - timedelta(days=365)
    items = [i for i in record.evidence if since < i.day <= record.today and i.kind in (Kind.REQUEST, Kind.INCIDENT)]
    if len(items) < REPEATS:  # nothing can have come back yet
        return ()
    found = _patterns(ctx, record.today)
    if found:
        return found
    frameworks = Frameworks(f"{i.title} {i.body}" for i in record.evidence if i.kind is Kind.FRAMEWORK)
    problems = []
    for group in recurring_groups(items, min_size=REPEATS):
        if frameworks.address(group):
            continue
        key_words = group.common_words()[:3]
        problems.append(Problem(group.label, len(group.items), "problem:" + "-".join(sorted(key_words))))
    return tuple(problems)


def _patterns(ctx: Context, record_day: date) -> tuple[Problem, ...]:
    """The ranked patterns, once the patterns feature is there (it may not be installed with this one)."""
    try:
        module: Any = import_module("upward.services.patterns")
    except ImportError:
        return ()
    problems = []
    for pattern in module.list_patterns(ctx, today=record_day):
        if getattr(pattern, "adopted", False):  # already turned into a framework
            continue
        ident = int(pattern.id)
        count = getattr(pattern, "count", None) or len(getattr(pattern, "items", ()) or ())
        problems.append(Problem(str(pattern.title), int(count), f"pattern:{ident}", "pattern", ident))
    return tuple(problems)
