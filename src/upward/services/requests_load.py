"""The solver load: how much of the person's time other people's requests take, by whom, and the trend."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

from upward.analysis.record import Record
from upward.analysis.triage.load import SolverLoad, solver_load
from upward.analysis.triage.rules import duration
from upward.analysis.triage.wording import fill, wording
from upward.model import InputError
from upward.playbook import load_playbook
from upward.services.context import Context
from upward.store import evidence_repo, people_repo, profile_repo

MAX_WEEKS = 104


def load(ctx: Context, *, weeks: int = 8, today: date | None = None) -> SolverLoad:
    """The last `weeks` weeks, this one included."""
    if not 2 <= weeks <= MAX_WEEKS:
        raise InputError("weeks", f"{weeks} is out of range; show between 2 and {MAX_WEEKS} weeks")
    today = today or date.today()
    since = datetime.combine(today - timedelta(weeks=weeks, days=7), time.min)
    with ctx.transaction() as conn:
        record = Record(
            today=today,
            profile=profile_repo.get_profile(conn, ctx.owner_id),
            people=tuple(people_repo.list_people(conn, ctx.owner_id)),
            evidence=tuple(evidence_repo.iter_all(conn, ctx.owner_id, since=since)),
        )
    return solver_load(record, load_playbook(ctx.settings.playbook), weeks=weeks)


def amount(value: float, unit: str) -> str:
    if unit == "minutes":
        return duration(round(value))
    count = round(value)
    return f"{count} item{'' if count == 1 else 's'}"


def trend_sentence(found: SolverLoad) -> str:
    """The load and its direction in one sentence."""
    said = wording()["load"]
    share = found.share
    if share is None or not found.requests:
        return fill(said["none"], {"weeks": str(len(found.weeks))})
    before, after = found.halves()
    values = {
        "weeks": str(len(found.weeks)),
        "share": f"{share:.0%}",
        "before": f"{before or 0:.0%}",
        "after": f"{after or 0:.0%}",
        "amount": amount(found.requests, found.unit),
        "measure": "your time" if found.unit == "minutes" else "what you logged",
    }
    if before is None or after is None or abs(after - before) < 0.05:
        key = "steady"
    else:
        key = "rising" if after > before else "falling"
    return fill(said[key], values)
