"""Making the 12-month plan, and re-making it: pure functions over the playbook, the diagnosis and the data.

The framework is the playbook's: its moves, their actions and months, which finding each action answers and
how each action is written with the person's own data (`plan.fill`). Nothing here names an action.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import date, timedelta

from upward.analysis.mix import ROLE_LABELS
from upward.model import Person, PromotionRole
from upward.model.diagnosis import Diagnosis, Status
from upward.model.plan import ItemDraft, PlanItem, end_of_month
from upward.playbook import PlaybookFile
from upward.playbook.schema import Action, Move, PlanFill

PLAYBOOK = "playbook"


@dataclass(frozen=True, slots=True)
class Problem:
    """A problem that keeps coming back: a framework waiting to be built."""

    title: str
    count: int
    #: Stable across re-plans ("problem:deploy-pipeline", or the pattern's id).
    key: str
    origin: str = "problem"
    origin_id: int | None = None


@dataclass(frozen=True, slots=True)
class Candidate:
    """The visible project the person chose."""

    id: int
    title: str


@dataclass(frozen=True, slots=True)
class Inputs:
    start: date
    #: Red-flag steps are due counted from here (the start, or today when re-planning a plan under way).
    today: date
    diagnosis: Diagnosis
    people: tuple[Person, ...] = ()
    problems: tuple[Problem, ...] = ()
    project: Candidate | None = None
    #: Projects the person is still weighing (best score first), named while none is chosen.
    candidates: tuple[str, ...] = ()


def role_label(role: PromotionRole) -> str:
    return ROLE_LABELS.get(role, role.value.replace("-", " "))


def red_flag_actions(diagnosis: Diagnosis, playbook: PlaybookFile) -> dict[str, str]:
    """Action id -> the red-flag finding it answers, most important area first (the order steps come in)."""
    areas = [a.id for a in playbook.areas]
    reds = sorted(
        (f for f in diagnosis.findings if f.status is Status.RED and f.next_action_id),
        key=lambda f: areas.index(f.area) if f.area in areas else len(areas),
    )
    flags: dict[str, str] = {}
    for finding in reds:
        flags.setdefault(finding.next_action_id, finding.id)
    return flags


def make_plan(playbook: PlaybookFile, inputs: Inputs) -> list[ItemDraft]:
    """Every step of the plan, red-flag steps first (moved to the first weeks), then in order of their dates."""
    rules = playbook.plan
    fills = {fill.action: fill for fill in rules.fill}
    flags = red_flag_actions(inputs.diagnosis, playbook)
    ranks = {action: rank for rank, action in enumerate(flags)}
    anchor = max(inputs.start, inputs.today)
    urgent: list[tuple[int, ItemDraft]] = []
    rest: list[ItemDraft] = []
    for move in playbook.moves:
        for action in move.actions:
            drafts = _drafts(move, action, fills.get(action.id), inputs, playbook)
            if action.id in ranks:
                first = min(drafts[0].due, anchor + timedelta(days=rules.first_steps_days * (ranks[action.id] + 1)))
                drafts = [_moved(d, first + (d.due - drafts[0].due), flags[action.id]) for d in drafts]
                urgent += [(ranks[action.id], d) for d in drafts]
            else:
                rest += drafts
    ordered = [d for _, d in sorted(urgent, key=lambda pair: (pair[0], pair[1].due))]
    return ordered + sorted(rest, key=lambda d: d.due)


def _moved(draft: ItemDraft, due: date, flag: str) -> ItemDraft:
    return replace(draft, due=due, red_flag=flag)


def _drafts(
    move: Move, action: Action, fill: PlanFill | None, inputs: Inputs, playbook: PlaybookFile
) -> list[ItemDraft]:
    base = ItemDraft(
        key=f"action:{action.id}",
        move=move.id,
        action=action.id,
        title=action.title,
        detail=action.detail,
        due=end_of_month(inputs.start, action.month),
    )
    if fill is None:
        return [base]
    rows = _rows(fill, inputs, playbook)
    if fill.with_ == "project" and not rows and inputs.candidates:
        names = ", ".join(f"“{title}”" for title in inputs.candidates[: fill.limit + 2])
        return [replace(base, detail=f"{base.detail} You are weighing: {names}; choose the one that fits best.")]
    if not rows:
        return [base]
    if fill.each is None:
        listed = ", ".join(str(row["listed"]) for row in rows)
        return [replace(base, detail=f"{base.detail} {_LEADS[fill.with_]} {listed}.")]
    last = end_of_month(inputs.start, move.months[1])
    spacing = timedelta(days=playbook.plan.spacing_days)
    return [
        replace(
            base,
            key=f"{base.key}:{row['key']}",
            title=fill.each.format_map(_Blanks(row)),
            due=min(base.due + spacing * index, last),
            origin=str(row.get("origin", PLAYBOOK)),
            origin_id=row.get("origin_id"),  # type: ignore[arg-type]
        )
        for index, row in enumerate(rows)
    ]


_LEADS = {
    "decision-makers": "Start from the people you named:",
    "people": "Start with:",
    "recurring-problems": "From your record:",
    "project": "Your chosen project:",
}


class _Blanks(dict[str, object]):
    """Placeholders a playbook's wording names but this data lacks stay as they were written."""

    def __missing__(self, key: str) -> str:
        return "{" + key + "}"


def _rows(fill: PlanFill, inputs: Inputs, playbook: PlaybookFile) -> list[dict[str, object]]:
    if fill.with_ == "project":
        project = inputs.project
        if project is None:
            return []
        row = {"project": project.title, "key": f"project:{project.id}", "listed": f"“{project.title}”"}
        return [row | {"origin": "project", "origin_id": project.id}]
    if fill.with_ == "recurring-problems":
        return [
            {
                "problem": p.title,
                "count": p.count,
                "key": p.key,
                "listed": f"“{p.title}” ({p.count} times)",
                "origin": p.origin,
                "origin_id": p.origin_id,
            }
            for p in inputs.problems[: fill.limit]
        ]
    roles = set(fill.roles) if fill.with_ == "people" else set(playbook.decision_maker_roles)
    chosen = [p for p in inputs.people if p.role.value in roles][: fill.limit]
    return [
        {
            "name": p.name,
            "role": role_label(p.role),
            "key": f"person:{p.id}",
            "listed": f"{p.name} ({role_label(p.role)}, {_knows(p)})",
        }
        for p in chosen
    ]


def _knows(person: Person) -> str:
    return {
        "unknown": "does not know your work yet",
        "heard-of": "has heard of you",
        "knows-work": "knows your work",
        "advocate": "argues for you",
    }.get(person.awareness.value, person.awareness.value)


@dataclass(frozen=True, slots=True)
class Replan:
    """What re-planning changes: open steps updated (by id), new steps, and open steps no longer planned."""

    update: tuple[tuple[int, ItemDraft], ...]
    insert: tuple[ItemDraft, ...]
    delete: tuple[int, ...]


def replan(existing: Sequence[PlanItem], fresh: Iterable[ItemDraft], today: date, spacing_days: int = 7) -> Replan:
    """Keep what is done or skipped; re-plan the rest. Open steps already late are spread over the coming weeks.

    A fresh step is the same as a stored one when it has the same key, or comes from the same thing (a project,
    a pattern) as a step another feature added."""
    by_key = {item.key: item for item in existing}
    by_origin: dict[tuple[str, int | None], PlanItem] = {
        (i.origin, i.origin_id): i for i in existing if i.origin_id is not None
    }
    matched: set[int] = set()
    update: list[tuple[int, ItemDraft]] = []
    insert: list[ItemDraft] = []
    late = 0
    for draft in fresh:
        found = by_key.get(draft.key) or by_origin.get((draft.origin, draft.origin_id))
        if found is not None:
            matched.add(found.id)
            if not found.is_open:
                continue
        if draft.due < today:
            late += 1
            draft = replace(draft, due=today + timedelta(days=spacing_days * late))
        if found is None:
            insert.append(draft)
        else:
            update.append((found.id, replace(draft, key=found.key)))
    delete = tuple(i.id for i in existing if i.is_open and i.id not in matched and i.origin == PLAYBOOK)
    kept_late = [i for i in existing if i.is_open and i.id not in matched and i.origin != PLAYBOOK]
    for item in kept_late:
        if item.due < today:
            late += 1
            update.append((item.id, replace(_draft_of(item), due=today + timedelta(days=spacing_days * late))))
    return Replan(tuple(update), tuple(insert), delete)


def _draft_of(item: PlanItem) -> ItemDraft:
    return ItemDraft(
        key=item.key,
        move=item.move,
        title=item.title,
        detail=item.detail,
        due=item.due,
        action=item.action,
        red_flag=item.red_flag,
        origin=item.origin,
        origin_id=item.origin_id,
    )


def move_titles(playbook: PlaybookFile) -> Mapping[str, str]:
    return {move.id: move.title for move in playbook.moves}
