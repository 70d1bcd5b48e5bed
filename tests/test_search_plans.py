"""SQLite's search picks a plan by the filters and the words; every plan gives what the plain SQL gives.

The plain SQL is the query a person would write: the full-text matches joined to the items, every filter,
`ORDER BY rank, occurred_at DESC, id DESC` (or newest first past `RANKED_AT_MOST` matches). It is slow on a
large table, and that is why the search does not run it, but its answer is the reference.
"""

from __future__ import annotations

import random
from dataclasses import replace
from datetime import date, datetime
from typing import Any

import pytest
import sqlalchemy as sa

from upward.model import EvidenceDraft, EvidenceFilter, Kind
from upward.services import Context
from upward.services import evidence as evidence_service
from upward.store import evidence_repo
from upward.store.profile_repo import ensure_account

WORDS = ("checkout", "errors", "deploy", "payments", "latency")
FILTERS: tuple[dict[str, Any], ...] = (
    {},
    {"kind": Kind.INCIDENT},
    {"team": "payments"},
    {"kind": Kind.INCIDENT, "team": "payments"},
    {"date_from": date(2026, 10, 3), "date_to": date(2026, 10, 9)},
    {"date_from": date(2026, 10, 1), "date_to": date(2026, 10, 28)},
    {"kind": Kind.DELIVERY, "team": "web", "date_from": date(2026, 10, 5), "date_to": date(2026, 10, 25)},
)
TEXTS = ("checkout", "errors deploy", "che", "de", "latency", "payments")  # "de": a start with no ready list


def fill(ctx: Context, count: int, seed: int) -> None:
    """`count` items of varied kind, teams, day and wording; many share a day, so ties in date are common."""
    rng = random.Random(seed)
    for number in range(count):
        words = " ".join(rng.choice(WORDS) for _ in range(rng.randint(1, 4)))
        draft = EvidenceDraft(
            title=f"{words} {number}",
            kind=rng.choice((Kind.INCIDENT, Kind.DELIVERY, Kind.REQUEST)),
            teams=rng.choice(((), ("payments",), ("web",), ("payments", "web"))),
            occurred_at=datetime(2026, 10, rng.randint(1, 28), 9),
        )
        evidence_service.log(ctx, draft)


def plain_sql(conn: sa.Connection, owner_id: int, wanted: EvidenceFilter, newest_first: bool) -> list[int]:
    """Every matching id, in the order the listing promises, from the plain query."""
    where = ["e.owner_id = :owner", "evidence_fts MATCH :match"]
    params: dict[str, Any] = {"owner": owner_id}
    params["match"] = " ".join(f'"{term}"*' for term in evidence_repo.search_terms(wanted.text or ""))
    if wanted.kind:
        where.append("e.kind = :kind")
        params["kind"] = wanted.kind.value
    if wanted.team:
        where.append("EXISTS (SELECT 1 FROM evidence_teams t WHERE t.evidence_id = e.id AND t.team = :team)")
        params["team"] = wanted.team
    if wanted.date_from:
        where.append("e.occurred_at >= :start")
        params["start"] = f"{wanted.date_from} 00:00:00.000000"
    if wanted.date_to:
        where.append("e.occurred_at <= :end")
        params["end"] = f"{wanted.date_to} 23:59:59.999999"
    order = "e.occurred_at DESC, e.id DESC" if newest_first else "evidence_fts.rank, e.occurred_at DESC, e.id DESC"
    sql = (
        f"SELECT e.id FROM evidence e JOIN evidence_fts ON evidence_fts.rowid = e.id "
        f"WHERE {' AND '.join(where)} ORDER BY {order}"
    )
    return list(conn.execute(sa.text(sql), params).scalars())


def listed(ctx: Context, wanted: EvidenceFilter) -> tuple[list[int], int]:
    """Every id the listing gives, page after page of 4, and the total it reports on each page."""
    ids: list[int] = []
    totals = set()
    for page in range(1, 40):
        found = evidence_service.listing(ctx, replace(wanted, page=page, per_page=4))
        totals.add(found.total)
        ids += [item.id for item in found.items]
        if len(found.items) < 4:
            break
    assert len(totals) == 1, "every page reports the same total"
    return ids, totals.pop()


@pytest.fixture
def plans(monkeypatch: pytest.MonkeyPatch) -> list[bool]:
    """Records, for each search, whether its plan read each match's row (True) or listed the filters' ids."""
    chosen: list[bool] = []
    matching = evidence_repo._matching

    def spy(*args: Any, **kwargs: Any) -> Any:
        conditions, reads_rows = matching(*args, **kwargs)
        chosen.append(reads_rows)
        return conditions, reads_rows

    monkeypatch.setattr(evidence_repo, "_matching", spy)
    return chosen


@pytest.mark.parametrize("database_url", ["sqlite"], indirect=True)
@pytest.mark.parametrize("ranked_at_most", [1000, 6])
def test_every_search_plan_lists_what_the_plain_sql_lists(
    ctx: Context, plans: list[bool], monkeypatch: pytest.MonkeyPatch, ranked_at_most: int
) -> None:
    fill(ctx, 90, seed=4)
    with ctx.transaction() as conn:
        other = ensure_account(conn, "someone-else")
    fill(replace(ctx, owner_id=other), 30, seed=5)  # another owner's items never count
    monkeypatch.setattr(evidence_repo, "RANKED_AT_MOST", ranked_at_most)
    for text in TEXTS:
        for filters in FILTERS:
            wanted = EvidenceFilter(text=text, **filters).validated()
            ids, total = listed(ctx, wanted)
            with ctx.transaction() as conn:
                expected = plain_sql(conn, ctx.owner_id, wanted, newest_first=len(ids) > ranked_at_most)
            assert (ids, total) == (expected, len(expected)), (text, filters)
    assert set(plans) == {True, False}, "both plans were tried"
