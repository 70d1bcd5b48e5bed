"""Evidence from typed-in strings (web forms, API bodies): one place parses them for every surface."""

from __future__ import annotations

from upward.model.errors import InputError
from upward.model.evidence import EvidenceDraft, Kind, parse_metrics, when_or_now
from upward.model.parsing import clean_list


def parse_minutes(value: str | int | None) -> int | None:
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    try:
        return int(str(value).strip())
    except ValueError:
        raise InputError("minutes", f"'{value}' is not a number of minutes; write a whole number like 45") from None


def draft_from_fields(
    *,
    text: str,
    kind: str | None = None,
    date: str | None = None,
    requester: str | None = None,
    teams: str | list[str] = "",
    people: str | list[str] = "",
    tags: str | list[str] = "",
    minutes: str | int | None = None,
    project: str | None = None,
    metrics: list[str] | str = "",
    body: str = "",
    url: str | None = None,
) -> EvidenceDraft:
    """A validated draft; a request when someone asked for it (a requester and no other kind given)."""
    chosen = Kind.parse(kind) if kind else (Kind.REQUEST if (requester or "").strip() else Kind.DELIVERY)
    metric_lines = metrics.splitlines() if isinstance(metrics, str) else metrics
    return EvidenceDraft(
        title=text,
        kind=chosen,
        occurred_at=when_or_now((date or "").strip() or None),
        requester=requester,
        teams=tuple(clean_list([teams] if isinstance(teams, str) else teams)),
        people=tuple(clean_list([people] if isinstance(people, str) else people)),
        tags=tuple(clean_list([tags] if isinstance(tags, str) else tags)),
        minutes=parse_minutes(minutes),
        project=project,
        metrics=parse_metrics(metric_lines),
        body=body,
        url=url,
    ).validated()
