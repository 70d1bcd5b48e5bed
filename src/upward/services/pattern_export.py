"""Recurring problems as plain JSON-ready values: the shape the CLI's --json and the API share."""

from __future__ import annotations

from typing import Any

from upward.model.patterns import Impact, Pattern, PatternMatch


def pattern_dict(pattern: Pattern, *, full: bool = False) -> dict[str, Any]:
    out: dict[str, Any] = {
        "id": pattern.id,
        "title": pattern.title,
        "count": pattern.count,
        "first": pattern.first.isoformat(),
        "last": pattern.last.isoformat(),
        "requesters": list(pattern.requesters),
        "teams": list(pattern.teams),
        "minutes": pattern.minutes,
        "opportunity": pattern.score,
        "status": pattern.status.value,
        "adopted_at": pattern.adopted_at.isoformat() if pattern.adopted_at else None,
    }
    if full:
        out["examples"] = [
            {"id": i.id, "title": i.title, "day": i.day.isoformat(), "requester": i.requester, "minutes": i.minutes}
            for i in pattern.examples
        ]
        out["fix"] = pattern.fix
        out["steps"] = [
            {"id": s.id, "title": s.title, "done_on": s.done_on.isoformat() if s.done_on else None}
            for s in pattern.steps
        ]
        out["teams_taught"] = list(pattern.teams_taught)
        out["impact"] = impact_dict(pattern.impact) if pattern.impact else None
    return out


def impact_dict(impact: Impact) -> dict[str, Any]:
    return {
        "adopted_on": impact.adopted_on.isoformat(),
        "items_before": impact.items_before,
        "items_after": impact.items_after,
        "minutes_per_week_before": impact.minutes_per_week_before,
        "minutes_per_week_after": impact.minutes_per_week_after,
        "minutes_given_back_per_week": round(impact.minutes_given_back_per_week, 1),
        "stopped": impact.stopped,
    }


def match_dict(found: PatternMatch) -> dict[str, Any]:
    return {
        "id": found.id,
        "title": found.title,
        "count": found.count,
        "requesters": list(found.requesters),
        "similarity": found.similarity,
        "adopted": found.adopted,
    }
