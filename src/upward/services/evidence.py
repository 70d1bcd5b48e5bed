"""Capturing and correcting evidence: the one-line log, requests, edits, search."""

from __future__ import annotations

from dataclasses import dataclass, replace

import sqlalchemy as sa

from upward.model import Evidence, EvidenceDraft, EvidenceFilter, EvidencePatch, Kind, NotFound, Page
from upward.services.context import Context
from upward.store import evidence_repo


def log(ctx: Context, draft: EvidenceDraft) -> Evidence:
    """Record something the person did. Only the text is required."""
    draft = draft.validated()
    with ctx.transaction() as conn:
        if draft.source_id:
            existing = evidence_repo.find_by_source(conn, ctx.owner_id, draft.source, draft.source_id)
            if existing:
                return existing
        new_id = evidence_repo.add(conn, ctx.owner_id, draft)
        return _get(conn, ctx, new_id)


def ask(ctx: Context, draft: EvidenceDraft) -> Evidence:
    """Record a request someone brought to the person: the expert trap is measured from these."""
    return log(ctx, replace(draft, kind=Kind.REQUEST, source="ask" if draft.source == "log" else draft.source))


def get(ctx: Context, evidence_id: int) -> Evidence:
    with ctx.transaction() as conn:
        return _get(conn, ctx, evidence_id)


def edit(ctx: Context, evidence_id: int, patch: EvidencePatch) -> Evidence:
    with ctx.transaction() as conn:
        item = _get(conn, ctx, evidence_id)
        changed = patch.apply(item)
        evidence_repo.update(conn, ctx.owner_id, evidence_id, changed, by_person=True)
        return _get(conn, ctx, evidence_id)


def delete(ctx: Context, evidence_id: int) -> Evidence:
    with ctx.transaction() as conn:
        item = _get(conn, ctx, evidence_id)
        evidence_repo.delete(conn, ctx.owner_id, evidence_id)
        return item


def listing(ctx: Context, wanted: EvidenceFilter) -> Page[Evidence]:
    wanted = wanted.validated()
    with ctx.transaction() as conn:
        return evidence_repo.listing(conn, ctx.owner_id, wanted)


@dataclass(frozen=True)
class Facets:
    """The values the person's evidence actually has, to offer as filters."""

    sources: list[str]
    teams: list[str]
    projects: list[str]
    total: int


def facets(ctx: Context) -> Facets:
    with ctx.transaction() as conn:
        return Facets(
            sources=evidence_repo.distinct_values(conn, ctx.owner_id, "source"),
            teams=evidence_repo.distinct_teams(conn, ctx.owner_id),
            projects=evidence_repo.distinct_values(conn, ctx.owner_id, "project"),
            total=evidence_repo.count(conn, ctx.owner_id),
        )


def _get(conn: sa.Connection, ctx: Context, evidence_id: int) -> Evidence:
    item = evidence_repo.get(conn, ctx.owner_id, evidence_id)
    if item is None:
        raise NotFound(f"There is no evidence item {evidence_id}; it may have been deleted.")
    return item
