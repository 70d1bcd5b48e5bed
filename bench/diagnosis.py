"""Diagnosis over 100,000 evidence items and 2,000 touchpoints, beside the time to just read the rows.

Target (issue 4): a median under 1 s on SQLite. The items are the shared generated corpus, moved into
the twelve months before "today" so every one of them is inside the diagnosis's windows.

Three diagnoses are timed against the same baseline:

- "first" runs once, right after the items arrive: it works out what each item's text says (a business
  outcome, users, money) and keeps it in `evidence_facts`, as the first diagnosis after a large import does;
- "again" is the dashboard reloaded: those facts are read back, and the recurring-problem groups of
  unchanged requests are remembered in the process;
- "fresh" forgets the groups (and the word cache) before each run, as after new requests or in a new
  `upward diagnose` process.
"""

from __future__ import annotations

import statistics
import tempfile
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

from rich.table import Table

from bench import Options
from bench._corpus import END, START, evidence_rows
from bench._databases import Database, sqlite_database
from bench._measure import Comparison, compare
from bench._report import console, ms, ratio
from upward.analysis.recurring import forget
from upward.model import PersonDraft, Profile, PromotionRole
from upward.model.diagnosis import Diagnosis
from upward.services.diagnosis import run_diagnosis
from upward.store import people_repo, profile_repo
from upward.store.tables import evidence

TODAY = END.date()
DECISION_MAKERS = (
    ("Dana Lee", PromotionRole.MANAGER),
    ("Rae Fox", PromotionRole.SKIP_LEVEL),
    ("Tom Ng", PromotionRole.PEER_MANAGER),
    ("Ines Roy", PromotionRole.PEER_MANAGER),
    ("Gus Hart", PromotionRole.HR),
    ("Vera Stone", PromotionRole.SPONSOR),
)
TARGET_MS = 1000.0


def _into_last_year(row: dict[str, Any]) -> dict[str, Any]:
    """Squeeze the corpus's three years into the year before TODAY, keeping the order of events."""
    share = (row["occurred_at"] - START) / (END - START)
    return row | {"occurred_at": END - timedelta(days=364) + share * timedelta(days=364)}


def _touchpoints(owner_id: int, count: int) -> list[dict[str, Any]]:
    rows = []
    for number in range(count):
        name, _ = DECISION_MAKERS[number % len(DECISION_MAKERS)]
        when = END - timedelta(days=number * 364 / count)
        rows.append(
            {
                "owner_id": owner_id, "occurred_at": when, "title": f"Conversation with {name}", "body": "",
                "kind": "meeting", "source": "calendar", "source_id": f"touch-{number}", "url": None,
                "requester": None, "teams": [], "people": [name], "minutes": 30, "metrics": [], "project": None,
                "tags": ["touchpoint"], "import_run_id": None, "created_at": when, "updated_at": when,
            }
        )  # fmt: skip
    return rows


def fill(db: Database, items: int, touchpoints: int) -> None:
    owner = db.ctx.owner_id
    profile = Profile(
        name="Bench Person", role="Engineer", current_level="Senior", target_level="Staff", team="payments",
        manager_name="Dana Lee", skip_level_name="Rae Fox", plan_start=date(2025, 1, 1),
    )  # fmt: skip
    with db.ctx.transaction() as conn:
        profile_repo.save_profile(conn, owner, profile)
        for name, role in DECISION_MAKERS:
            people_repo.upsert_by_name(conn, owner, PersonDraft(name=name, role=role))
        for batch in evidence_rows(items, owner):
            conn.execute(evidence.insert().returning(evidence.c.id), [_into_last_year(row) for row in batch])
        conn.execute(evidence.insert().returning(evidence.c.id), _touchpoints(owner, touchpoints))


def measure(db: Database, runs: int) -> tuple[Comparison, Comparison, Comparison]:
    since = datetime.combine(TODAY - timedelta(days=400), datetime.min.time())

    def read_rows() -> int:
        with db.open_driver() as driver:
            cursor = driver.execute(
                "SELECT * FROM evidence WHERE owner_id = ? AND occurred_at >= ?",
                (db.ctx.owner_id, since.isoformat(" ")),
            )
            return len(cursor.fetchall())

    def fresh() -> Diagnosis:
        forget()
        return run_diagnosis(db.ctx, TODAY, keep=False)

    first = compare(fresh, read_rows, runs=1, warmups=0)
    again = compare(lambda: run_diagnosis(db.ctx, TODAY, keep=False), read_rows, runs=runs, warmups=1)
    return first, again, compare(fresh, read_rows, runs=runs, warmups=1)


def run(options: Options) -> None:
    items, touchpoints, runs = (5_000, 200, 3) if options.quick else (100_000, 2_000, 7)
    with tempfile.TemporaryDirectory() as folder, sqlite_database(Path(folder)) as db:
        console.print(f"Loading {items:,} items and {touchpoints:,} touchpoints into {db.label}…")
        fill(db, items, touchpoints)
        first, again, fresh = measure(db, runs)
    table = Table(
        title=f"Diagnosis over {items + touchpoints:,} items on SQLite (ms, {runs} runs)", title_justify="left"
    )
    for column in ("", "median", "p95", "× baseline"):
        table.add_column(column, justify="right")
    table.add_row("first diagnosis (every text's facts worked out)", ms(first.ours.median), "", ratio(first.ratio))
    table.add_row(
        "diagnosis again (read, analyse, score)", ms(again.ours.median), ms(again.ours.p95), ratio(again.ratio)
    )
    table.add_row("diagnosis fresh (nothing remembered)", ms(fresh.ours.median), ms(fresh.ours.p95), ratio(fresh.ratio))
    baseline = sorted([*first.baseline.samples, *again.baseline.samples, *fresh.baseline.samples])
    table.add_row("baseline: read the rows with sqlite3", ms(statistics.median(baseline)), "", "")
    console.print(table)
    for label, result in (("again", again), ("fresh", fresh)):
        met = "met" if result.ours.median < TARGET_MS else "NOT met"
        console.print(
            f"Target: median under {TARGET_MS:,.0f} ms on SQLite, {label} — {met} ({ms(result.ours.median)} ms)."
        )
