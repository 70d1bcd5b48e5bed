"""The plan exported: the seed's template filled in (Markdown), a calendar file (iCalendar) and JSON."""

from __future__ import annotations

import json
from datetime import date

from upward.analysis.cadences import reminders
from upward.documents.plan import Filling, plan_calendar, plan_dict, plan_markdown
from upward.model import InputError
from upward.model.plan import Plan
from upward.services.context import Context
from upward.services.diagnosis import load_record, playbook
from upward.services.plan import recurring_problems

FORMATS = ("md", "ics", "json")
#: Reminders in the calendar reach every decision-maker, however far off their next touchpoint.
YEAR = 366
EVERYONE = 50


def export(ctx: Context, plan: Plan, fmt: str, today: date | None = None) -> str:
    today = today or date.today()
    book = playbook(ctx)
    if fmt == "json":
        return json.dumps(plan_dict(plan, book, today), indent=2, ensure_ascii=False) + "\n"
    if fmt not in FORMATS:
        raise InputError("format", f"'{fmt}' is not a format; use one of: {', '.join(FORMATS)}")
    record = load_record(ctx, today)
    found = tuple(reminders(record, book, YEAR, quietest=EVERYONE))
    if fmt == "ics":
        return plan_calendar(plan, found, today).decode("utf-8")
    people = tuple(p for p in record.people if p.role.value in book.decision_maker_roles)
    return plan_markdown(plan, book, Filling(record.profile, people, recurring_problems(ctx, record), found), today)
