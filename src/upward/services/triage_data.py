"""Triage and the solver load as JSON-ready data: the CLI's `--json` and the API answer the same."""

from __future__ import annotations

from typing import Any

from upward.analysis.triage.load import SolverLoad, Source
from upward.services import requests_load
from upward.services.triage import Triaged, WeekLoad


def triaged_dict(triaged: Triaged) -> dict[str, Any]:
    item, facts, decision = triaged.item, triaged.facts, triaged.decision
    return {
        "id": item.id,
        "title": item.title,
        "when": item.occurred_at.isoformat(),
        "requester": item.requester,
        "teams": list(item.teams),
        "minutes": item.minutes,
        "recommendation": triaged.recommendation.choice.id,
        "recommendation_title": triaged.recommendation.choice.title,
        "reason": triaged.recommendation.reason,
        "reply": triaged.reply,
        "facts": {
            "similar_requests": facts.recurrence.count,
            "requesters": list(facts.recurrence.requesters),
            "fits_plan": facts.plan.fits,
            "decision_maker": facts.decision_maker,
            "other_teams": list(facts.other_teams),
            "week_minutes_before": facts.budget.used,
            "cost_minutes": facts.budget.cost,
            "weekly_budget_minutes": facts.budget.budget,
            "better_placed": facts.owner.name if facts.owner else None,
        },
        "decision": None
        if decision is None
        else {"choice": decision.choice, "note": decision.note, "decided_on": decision.decided_on.isoformat()},
    }


def week_dict(load: WeekLoad) -> dict[str, Any]:
    return {
        "week": load.week.isoformat(),
        "budget_minutes": load.budget,
        "used_minutes": load.used,
        "share": round(load.share, 3),
        "by_choice": [
            {"choice": c.choice, "title": c.title, "requests": c.requests, "minutes": c.minutes} for c in load.by_choice
        ],
    }


def load_dict(found: SolverLoad) -> dict[str, object]:

    def sources(rows: tuple[Source, ...]) -> list[dict[str, object]]:
        return [{"name": s.name, "detail": s.detail, "requests": s.requests, "amount": s.amount} for s in rows]

    return {
        "unit": found.unit,
        "share": None if found.share is None else round(found.share, 3),
        "sentence": requests_load.trend_sentence(found),
        "weeks": [
            {
                "week": w.week.isoformat(),
                "requests": w.requests,
                "total": w.total,
                "share": None if w.share is None else round(w.share, 3),
            }
            for w in found.weeks
        ],
        "requesters": sources(found.requesters),
        "teams": sources(found.teams),
    }
