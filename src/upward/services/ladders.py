"""Career ladders: import, list, and map the person's work to the next level's expectations (confirmed by them)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any

from upward.analysis.findings import OWN_WORK
from upward.ladders import Ladder, Level, read_ladder
from upward.ladders.matching import Candidate, Suggestion, suggest
from upward.model import InputError, Kind, NotFound, Profile
from upward.services.context import Context
from upward.services.document_inputs import Inputs, gather
from upward.store import documents_repo

#: Words ladders use for each kind of work, so a suggestion can bridge "Paired with Sam" and "mentors others".
KIND_WORDS = {
    Kind.MENTORING: "mentors coaches supports develops others learning growth",
    Kind.DOCUMENTATION: "documents writes communicates shares knowledge written communication",
    Kind.FRAMEWORK: "builds reusable frameworks tools others adopt across teams architecture systems",
    Kind.STRATEGY: "strategy business goals direction priorities plans decisions organisation",
    Kind.DESIGN: "designs architecture technical solutions trade-offs problem solving",
    Kind.PRESENTATION: "presents communicates audience influence shares",
    Kind.DELIVERY: "delivers ships features projects",
}
CROSS_TEAM = "collaborates across teams multiple teams organisation impact beyond the team"
IMPACT = "measurable business impact results outcomes"


@dataclass(frozen=True, slots=True)
class Row:
    """One expectation of the level, and what the person's record shows for it."""

    id: str
    area: str
    text: str
    confirmed: tuple[tuple[str, str], ...]  # (item, label)
    suggested: tuple[Suggestion, ...]

    @property
    def status(self) -> str:
        return "shown" if self.confirmed else "suggested" if self.suggested else "gap"


@dataclass(frozen=True)
class Coverage:
    ladder: str
    level: Level
    rows: list[Row]

    @property
    def shown(self) -> int:
        return sum(1 for r in self.rows if r.confirmed)

    @property
    def gaps(self) -> list[Row]:
        return [r for r in self.rows if not r.confirmed]

    def as_dict(self) -> dict[str, Any]:
        return {
            "ladder": self.ladder, "level": {"id": self.level.id, "name": self.level.name},
            "shown": self.shown, "total": len(self.rows),
            "rows": [
                {"id": r.id, "area": r.area, "text": r.text, "status": r.status,
                 "confirmed": [{"item": i, "label": label} for i, label in r.confirmed],
                 "suggested": [{"item": s.item, "label": s.label, "similarity": s.similarity} for s in r.suggested]}
                for r in self.rows
            ],
        }  # fmt: skip


def import_ladder(ctx: Context, file: Path, name: str | None = None) -> tuple[Ladder, bool]:
    """Read and keep the ladder (a bad file raises FileProblem and keeps nothing); True when it replaced one."""
    ladder = read_ladder(file, name)
    with ctx.transaction() as conn:
        _, replaced = documents_repo.save_ladder(conn, ctx.owner_id, ladder, file.name)
    return ladder, replaced


def list_ladders(ctx: Context) -> list[dict[str, Any]]:
    with ctx.transaction() as conn:
        rows = documents_repo.list_ladders(conn, ctx.owner_id)
    return [
        {"name": r["name"], "format": r["format"], "file": r["file_name"], "imported_at": r["imported_at"],
         "levels": [lv["name"] for lv in r["levels"]]}
        for r in rows
    ]  # fmt: skip


def get_ladder(ctx: Context, name: str | None = None) -> tuple[int, Ladder]:
    """The ladder called `name`, or the one imported last."""
    with ctx.transaction() as conn:
        if name is None:
            rows = documents_repo.list_ladders(conn, ctx.owner_id)
            if not rows:
                raise NotFound("No career ladder yet: import one with `upward ladder import FILE`.")
            name = str(rows[0]["name"])
        found = documents_repo.get_ladder(conn, ctx.owner_id, name)
    if found is None:
        raise NotFound(f"There is no ladder called '{name}'; `upward ladder list` shows yours.")
    return found


def next_level(ladder: Ladder, profile: Profile | None, wanted: str | None = None) -> Level:
    """The level asked for; else the profile's target level; else the one after the current level."""
    names = ", ".join(lv.id for lv in ladder.levels)
    if wanted:
        level = ladder.level(wanted)
        if level is None:
            raise InputError("level", f"'{wanted}' is not a level of {ladder.name}; use one of: {names}")
        return level
    if profile is not None:
        target = ladder.level(profile.target_level)
        current = ladder.level(profile.current_level)
        after = ladder.after(current) if current else None
        if target or after:
            return target or after  # type: ignore[return-value]
    raise InputError("level", f"choose the level you are aiming for; {ladder.name} has: {names}")


def candidates(inputs: Inputs, since_days: int = 400) -> list[Candidate]:
    """The person's own work of the last year and their stories, as texts to match."""
    found = [Candidate(f"story:{s.id}", f"Story: {s.title}", f"{s.title} {s.text}") for s in inputs.stories]
    own_team = inputs.record.own_team
    for item in inputs.record.within(since_days):
        if item.kind in OWN_WORK:
            reach = CROSS_TEAM if own_team and any(t != own_team for t in item.teams) else ""
            impact = IMPACT if item.metrics else ""
            parts = [item.title, item.body, item.project or "", *(m.name for m in item.metrics)]
            text = " ".join([*parts, KIND_WORDS.get(item.kind, ""), reach, impact])
            found.append(Candidate(f"evidence:{item.id}", f"#{item.id} {item.title}", text))
    return found


def coverage(ctx: Context, ladder_name: str | None = None, level: str | None = None) -> Coverage:
    ladder_id, ladder = get_ladder(ctx, ladder_name)
    inputs = gather(ctx, date.today())
    chosen = next_level(ladder, inputs.record.profile, level)
    return coverage_of(ctx, ladder_id, ladder, chosen, inputs)


def coverage_of(ctx: Context, ladder_id: int, ladder: Ladder, level: Level, inputs: Inputs) -> Coverage:
    with ctx.transaction() as conn:
        confirmed = documents_repo.mappings(conn, ctx.owner_id, ladder_id)
    pool = candidates(inputs)
    labels = {c.item: c.label for c in pool}
    taken = set(confirmed)
    suggestions = _distinct(s for s in suggest(level.expectations, pool, 5) if (s.expectation, s.item) not in taken)
    rows = [
        Row(
            e.id, e.area, e.text,
            tuple((item, labels[item]) for exp, item in confirmed if exp == e.id and item in labels),
            tuple(s for s in suggestions if s.expectation == e.id),
        )
        for e in level.expectations
    ]  # fmt: skip
    return Coverage(ladder.name, level, rows)


def _distinct(suggestions: Iterable[Suggestion], most: int = 3) -> list[Suggestion]:
    """At most `most` suggestions an expectation, and one of each title (a weekly meeting is one suggestion)."""
    seen: set[tuple[str, str]] = set()
    kept: list[Suggestion] = []
    for s in suggestions:
        key = (s.expectation, s.label.partition(" ")[2])
        if key not in seen and sum(1 for k in kept if k.expectation == s.expectation) < most:
            seen.add(key)
            kept.append(s)
    return kept


def confirm(ctx: Context, ladder_name: str | None, expectation: str, item: str, *, keep: bool = True) -> bool:
    """Confirm (or, with keep=False, withdraw) that `item` shows `expectation`. False when nothing changed."""
    ladder_id, ladder = get_ladder(ctx, ladder_name)
    if not any(e.id == expectation for lv in ladder.levels for e in lv.expectations):
        raise InputError("expectation", f"'{expectation}' is not an expectation of {ladder.name}")
    if keep:
        known = {c.item for c in candidates(gather(ctx, date.today()), since_days=3660)}
        if item not in known:
            raise InputError(
                "item", f"'{item}' is not a story or a piece of your own work (write evidence:ID or story:ID)"
            )
    with ctx.transaction() as conn:
        if keep:
            return documents_repo.confirm(conn, ctx.owner_id, ladder_id, expectation, item)
        return documents_repo.unconfirm(conn, ctx.owner_id, ladder_id, expectation, item)


def imported_at(row: dict[str, Any]) -> str:
    value = row["imported_at"]
    return f"{value:%Y-%m-%d}" if isinstance(value, datetime) else str(value)
