"""Diagnose the person's stall from their own record, and keep the trend."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime, time, timedelta
from typing import Any

from upward.analysis import Record, diagnose, item_facts, recurring
from upward.gc_paused import gc_paused
from upward.model import Evidence
from upward.model.diagnosis import Diagnosis
from upward.model.evidence_columns import ItemText, LazyEvidence
from upward.playbook import PlaybookFile, load_playbook
from upward.services.context import Context
from upward.services.kept_groups import KeptGroups
from upward.store import (
    assessments_repo,
    evidence_columns_repo,
    evidence_facts_repo,
    evidence_repo,
    people_repo,
    profile_repo,
    snapshots_repo,
)

#: How far back the diagnosis reads: the longest window any finding uses, and a little more.
LOOKBACK_DAYS = 400


def playbook(ctx: Context) -> PlaybookFile:
    return load_playbook(ctx.settings.playbook)


def load_record(ctx: Context, today: date, *, whole: bool = True) -> Record:
    """What the analyses read. Without `whole`, only the columns the diagnosis reads come from the database,
    with what each text says kept from earlier diagnoses (worked out now for new or changed items) instead of
    the texts: a fraction of the time on a large record. The items are read again if anything asks for them."""
    since = datetime.combine(today - timedelta(days=LOOKBACK_DAYS), time.min)

    def reload() -> tuple[Evidence, ...]:
        with ctx.transaction() as conn:
            return tuple(evidence_repo.iter_all(conn, ctx.owner_id, since=since))

    def texts(ids: Sequence[int]) -> dict[int, ItemText]:
        with ctx.transaction() as conn:
            return evidence_facts_repo.texts(conn, ids)

    def names(ids: Sequence[int]) -> dict[int, tuple[str, str | None]]:
        with ctx.transaction() as conn:
            return evidence_facts_repo.names(conn, ids)

    with gc_paused(), ctx.transaction() as conn:
        assessment = assessments_repo.latest(conn, ctx.owner_id)
        if whole:
            columns = evidence_columns_repo.columns_since(conn, ctx.owner_id, since)
        else:
            facts = (item_facts.VERSION, item_facts.work_out)
            columns = evidence_columns_repo.facts_since(conn, ctx.owner_id, since, facts, texts, names)
        return Record(
            today=today,
            profile=profile_repo.get_profile(conn, ctx.owner_id),
            people=tuple(people_repo.list_people(conn, ctx.owner_id)),
            evidence=LazyEvidence(columns, None if whole else reload),
            answers=assessment[1] if assessment else {},
        )


def run_diagnosis(
    ctx: Context, today: date | None = None, *, keep: bool = True, record: Record | None = None
) -> Diagnosis:
    """The diagnosis as of `today` (of `record`, when the caller has read it already, for its charts say);
    `keep` stores it as that day's snapshot for the trend."""
    today = record.today if record is not None else today or date.today()
    with gc_paused(), recurring.kept_by(KeptGroups(ctx)):
        diagnosis = diagnose(record or load_record(ctx, today, whole=False), playbook(ctx))
    if keep:
        with ctx.transaction() as conn:
            snapshots_repo.save(conn, ctx.owner_id, diagnosis)
    return diagnosis


def history(ctx: Context, since: date | None = None) -> list[dict[str, Any]]:
    with ctx.transaction() as conn:
        return snapshots_repo.history(conn, ctx.owner_id, since)
