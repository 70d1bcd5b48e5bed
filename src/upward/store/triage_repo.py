"""Triage decisions (one per request, changeable) and the person's weekly budget for requests."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime

import sqlalchemy as sa

from upward.model import Evidence, Kind
from upward.model.triage import Decision
from upward.store.evidence_repo import from_row
from upward.store.tables import evidence
from upward.store.tables_triage import triage_decisions as decisions
from upward.store.tables_triage import triage_settings as settings


def _from_row(row: sa.RowMapping) -> Decision:
    return Decision(
        evidence_id=row["evidence_id"],
        choice=row["choice"],
        recommended=row["recommended"],
        decided_on=row["decided_on"],
        note=row["note"],
        updated_at=row["updated_at"],
    )


def save(conn: sa.Connection, owner_id: int, decision: Decision) -> None:
    """Record the decision, replacing an earlier one about the same request."""
    values = {
        "choice": decision.choice,
        "recommended": decision.recommended,
        "note": decision.note,
        "decided_on": decision.decided_on,
        "updated_at": datetime.now().replace(microsecond=0),
    }
    where = (decisions.c.owner_id == owner_id, decisions.c.evidence_id == decision.evidence_id)
    if conn.execute(sa.select(decisions.c.id).where(*where)).first():
        conn.execute(sa.update(decisions).where(*where).values(values))
    else:
        conn.execute(sa.insert(decisions).values(values | {"owner_id": owner_id, "evidence_id": decision.evidence_id}))


def get(conn: sa.Connection, owner_id: int, evidence_id: int) -> Decision | None:
    query = sa.select(decisions).where(decisions.c.owner_id == owner_id, decisions.c.evidence_id == evidence_id)
    row = conn.execute(query).mappings().first()
    return _from_row(row) if row else None


def for_items(conn: sa.Connection, owner_id: int, evidence_ids: Iterable[int] | None = None) -> dict[int, Decision]:
    """Decisions by evidence id: all of the person's, or only those about `evidence_ids`."""
    query = sa.select(decisions).where(decisions.c.owner_id == owner_id)
    if evidence_ids is not None:
        query = query.where(decisions.c.evidence_id.in_(list(evidence_ids)))
    return {row["evidence_id"]: _from_row(row) for row in conn.execute(query).mappings()}


def budget(conn: sa.Connection, owner_id: int) -> int | None:
    """The person's own weekly budget for requests, in minutes, or None (the playbook's applies)."""
    found = conn.execute(sa.select(settings.c.weekly_budget_minutes).where(settings.c.owner_id == owner_id)).scalar()
    return None if found is None else int(found)


def set_budget(conn: sa.Connection, owner_id: int, minutes: int) -> None:
    values = {"weekly_budget_minutes": minutes, "updated_at": datetime.now().replace(microsecond=0)}
    if budget(conn, owner_id) is None:
        conn.execute(sa.insert(settings).values(values | {"owner_id": owner_id}))
    else:
        conn.execute(sa.update(settings).where(settings.c.owner_id == owner_id).values(values))


def requests_and_incidents(conn: sa.Connection, owner_id: int, since: datetime) -> list[Evidence]:
    """The items triage compares a request with (and the requests the budget counts), oldest first."""
    query = (
        sa.select(evidence)
        .where(
            evidence.c.owner_id == owner_id,
            evidence.c.kind.in_([Kind.REQUEST.value, Kind.INCIDENT.value]),
            evidence.c.occurred_at >= since,
        )
        .order_by(evidence.c.occurred_at, evidence.c.id)
    )
    return [from_row(row) for row in conn.execute(query).mappings()]
