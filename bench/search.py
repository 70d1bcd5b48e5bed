"""Full-text search and filtered listing over 100,000 evidence items, on SQLite and on PostgreSQL.

Ours is `evidence_repo.listing`: one page of 50 items and the total, as the "My work" page and the CLI ask
for them. The baseline is the plain SQL for the same page run with the bare driver (sqlite3, psycopg): the
same rows in the same order (checked before timing), without the total, SQLAlchemy or mapping rows to
domain objects. The ratio ours/baseline is what Upward's layer costs on top of what the database must do.
Like ours, the baseline reads the team filter from `evidence_teams`, and on SQLite lists a search with more
than `RANKED_AT_MOST` matches newest first instead of ranking every match.
"""

from __future__ import annotations

import re
import tempfile
from collections.abc import Callable
from contextlib import closing
from dataclasses import dataclass, fields
from datetime import date, datetime, time
from pathlib import Path
from typing import Any

import sqlalchemy as sa
from rich.table import Table

from bench import Options
from bench._databases import Database, available, load
from bench._measure import Budget, Comparison, TimedOut, compare, probe
from bench._report import console, ms, ratio
from upward.model import Evidence, EvidenceFilter, Kind, Page
from upward.store import evidence_repo, evidence_teams_repo

TARGET_MS = 20.0
TARGET = "median under 20 ms for a search over 100k items on SQLite"


@dataclass(frozen=True)
class Plan:
    size: int
    budget: Budget


FULL = Plan(size=100_000, budget=Budget(runs=30, warmups=3, seconds=20, limit=30))
QUICK = Plan(size=3_000, budget=Budget(runs=5, warmups=1, seconds=1, limit=5))


@dataclass(frozen=True)
class Case:
    name: str
    wanted: EvidenceFilter

    @property
    def is_search(self) -> bool:
        return self.wanted.text is not None

    @property
    def described(self) -> str:
        """The filter's non-default fields, compactly: `kind=incident 2024-01-01..2024-12-31 "errors"`."""
        wanted = self.wanted
        given = {f.name: getattr(wanted, f.name) for f in fields(wanted) if getattr(wanted, f.name) != f.default}
        text, start, end = given.pop("text", None), given.pop("date_from", ""), given.pop("date_to", "")
        parts = [f"{name}={value}" for name, value in given.items()]
        parts += [f"{start}..{end}"] if start or end else []
        parts += [f'"{text}"'] if text else []
        return " ".join(parts)


CASES = (
    Case("one word", EvidenceFilter(text="checkout")),
    Case("two words", EvidenceFilter(text="deploy pipeline")),
    Case("prefix", EvidenceFilter(text="migra")),
    Case("rare word", EvidenceFilter(text="hyperloglog")),
    Case("common word", EvidenceFilter(text="customers")),
    Case("kind", EvidenceFilter(kind=Kind.INCIDENT)),
    Case("team", EvidenceFilter(team="payments")),
    Case("project", EvidenceFilter(project="Ledger Migration")),
    Case("date range", EvidenceFilter(date_from=date(2024, 4, 1), date_to=date(2024, 6, 30))),
    Case(
        "filters + text",
        EvidenceFilter(
            kind=Kind.INCIDENT, team="payments", date_from=date(2024, 1, 1), date_to=date(2024, 12, 31), text="errors"
        ),
    ),
    Case("page 50", EvidenceFilter(page=50)),
)


@dataclass(frozen=True)
class Spelling:
    """How one database spells the plain SQL for a page of evidence; parameters are written `:name`."""

    search_from: str
    search_where: str
    search_order: str
    #: The condition for a search listed newest first (many matches); None when this database always ranks.
    newest_first_where: str | None
    match: Callable[[list[str]], str]
    timestamp: Callable[[datetime], object]
    paramstyle: Callable[[str], str]


SPELLINGS = {
    "sqlite": Spelling(
        search_from=" JOIN evidence_fts ON evidence_fts.rowid = evidence.id",
        search_where="evidence_fts MATCH :match",
        search_order="evidence_fts.rank",
        newest_first_where="evidence.id IN (SELECT rowid FROM evidence_fts WHERE evidence_fts MATCH :match)",
        match=lambda terms: " ".join(f'"{term}"*' for term in terms),
        timestamp=lambda when: when.isoformat(" ", "microseconds"),  # how SQLAlchemy stores DateTime in SQLite
        paramstyle=lambda sql: sql,
    ),
    "postgresql": Spelling(
        search_from=", to_tsquery('english', :match) AS query",
        search_where="evidence.search @@ query",
        search_order="ts_rank(evidence.search, query) DESC",
        newest_first_where=None,
        match=lambda terms: " & ".join(f"{term}:*" for term in terms),
        timestamp=lambda when: when,
        paramstyle=lambda sql: re.sub(r":(\w+)", r"%(\1)s", sql),
    ),
}


def baseline_sql(
    spelling: Spelling, owner_id: int, wanted: EvidenceFilter, matches: int
) -> tuple[str, dict[str, object]]:
    """The SQL a person would write by hand for the page `wanted` asks for (`matches` items), and its parameters."""
    sources, order = "evidence", ["evidence.occurred_at DESC", "evidence.id DESC"]
    conditions, params = _baseline_conditions(spelling, wanted)
    where = ["evidence.owner_id = :owner", *conditions]
    if wanted.text:
        params["match"] = spelling.match(evidence_repo.search_terms(wanted.text))
    if wanted.text and spelling.newest_first_where and matches > evidence_repo.RANKED_AT_MOST:
        where.append(spelling.newest_first_where)
    elif wanted.text:
        sources += spelling.search_from
        where.append(spelling.search_where)
        order.insert(0, spelling.search_order)
    params |= {"owner": owner_id, "limit": wanted.per_page, "offset": (wanted.page - 1) * wanted.per_page}
    sql = (
        f"SELECT evidence.* FROM {sources} WHERE {' AND '.join(where)} "
        f"ORDER BY {', '.join(order)} LIMIT :limit OFFSET :offset"
    )
    return spelling.paramstyle(sql), params


def _baseline_conditions(spelling: Spelling, wanted: EvidenceFilter) -> tuple[list[str], dict[str, object]]:
    wanted_values: dict[str, tuple[str, object]] = {
        "date_from": ("evidence.occurred_at >= :date_from", _timestamp(spelling, wanted.date_from, time.min)),
        "date_to": ("evidence.occurred_at <= :date_to", _timestamp(spelling, wanted.date_to, time.max)),
        "kind": ("evidence.kind = :kind", wanted.kind and wanted.kind.value),
        "source": ("evidence.source = :source", wanted.source),
        "project": ("evidence.project = :project", wanted.project),
        "team": (_TEAM_WHERE, wanted.team),
    }
    given = {name: pair for name, pair in wanted_values.items() if pair[1] is not None}
    return [sql for sql, _ in given.values()], {name: value for name, (_, value) in given.items()}


_TEAM_WHERE = "evidence.id IN (SELECT evidence_id FROM evidence_teams WHERE owner_id = :owner AND team = :team)"


def _timestamp(spelling: Spelling, day: date | None, at: time) -> object:
    return spelling.timestamp(datetime.combine(day, at)) if day else None


@dataclass(frozen=True)
class Result:
    """How one query did; `comparison` is None when a call took longer than the time limit."""

    case: Case
    matches: int | None = None
    same_rows: bool | None = None
    comparison: Comparison | None = None
    runs: int = 0

    @property
    def ours_median(self) -> float:
        return self.comparison.ours.median if self.comparison else float("inf")


def run(options: Options) -> None:
    plan = QUICK if options.quick else FULL
    budget = plan.budget
    console.print(
        f"{plan.size:,} items. Each query {budget.runs} times after {budget.warmups} warm-up(s), fewer when that "
        f"would take over {budget.seconds:g} s; a call is cancelled after {budget.limit:g} s.\n"
        "Ours: evidence_repo.listing (a page of 50 and the total). Baseline: the bare SQL for the same page "
        "through the driver, checked to return the same rows. Ratio: ours / baseline (medians)."
    )
    results: dict[str, list[Result]] = {}
    with tempfile.TemporaryDirectory(prefix="upward-bench-") as folder:
        for opening in available(Path(folder)):
            with opening as db:
                load(db, plan.size)
                index_teams(db)
                results[db.label] = [bench_case(db, case, budget) for case in CASES]
                console.print(results_table(db.label, plan, results[db.label]))
    console.print(verdict(results["SQLite"], plan))


def index_teams(db: Database) -> None:
    """Fill `evidence_teams` for the rows `load` inserted straight into `evidence`, as a restore does."""
    with db.ctx.transaction() as conn:
        evidence_teams_repo.rebuild(conn)
    if db.dialect == "postgresql":
        with db.ctx.engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
            conn.execute(sa.text("VACUUM ANALYZE evidence_teams"))


def bench_case(db: Database, case: Case, budget: Budget) -> Result:
    """Check ours and the baseline give the same page, then time both; each query in its own transaction."""
    wanted = case.wanted.validated()
    with db.ctx.transaction() as conn, closing(db.open_driver()) as driver:

        def ours() -> Page[Evidence]:
            return evidence_repo.listing(conn, db.ctx.owner_id, wanted)

        try:
            page, ours_ms = probe(ours, conn.connection.dbapi_connection, budget.limit)
            sql, params = baseline_sql(SPELLINGS[db.dialect], db.ctx.owner_id, wanted, page.total)

            def baseline() -> list[Any]:
                return driver.execute(sql, params).fetchall()

            rows, baseline_ms = probe(baseline, driver, budget.limit)
        except TimedOut:
            return Result(case)
        runs, warmups = budget.runs_for(ours_ms + baseline_ms)
        same_rows = [item.id for item in page.items] == [row[0] for row in rows]
        return Result(case, page.total, same_rows, compare(ours, baseline, runs=runs, warmups=warmups), runs)


def results_table(label: str, plan: Plan, results: list[Result]) -> Table:
    table = Table(title=f"{label}: search and listing over {plan.size:,} items (ms)", title_justify="left")
    table.add_column("query")
    table.add_column("filter", max_width=40)
    for header in ("matches", "runs", "ours median", "ours p95", "base median", "base p95", "ratio"):
        table.add_column(header, justify="right")
    for result in results:
        table.add_row(result.case.name, result.case.described, *_cells(result, plan.budget))
    return table


def _cells(result: Result, budget: Budget) -> list[str]:
    if result.comparison is None:
        return ["?", "0", f"[red]> {budget.limit:g} s[/]", "[red]cancelled[/]", "", "", ""]
    ours, base = result.comparison.ours, result.comparison.baseline
    timings = [ms(ours.median), ms(ours.p95), ms(base.median), ms(base.p95)]
    differs = "" if result.same_rows else " [red](rows differ)[/]"
    return [f"{result.matches:,}", str(result.runs), *timings, ratio(result.comparison.ratio) + differs]


def verdict(results: list[Result], plan: Plan) -> str:
    """One line: does every search on SQLite meet the target, and which do not."""
    searches = [r for r in results if r.case.is_search]
    slow = [r for r in searches if r.ours_median >= TARGET_MS]
    caveat = "" if plan.size >= FULL.size else f" [dim](quick run over {plan.size:,} items: indicative only)[/]"
    if not slow:
        slowest = max(searches, key=lambda r: r.ours_median)
        median = ms(slowest.ours_median)
        return f"[green]Target holds[/] ({TARGET}): slowest is {slowest.case.name} at {median} ms.{caveat}"
    misses = ", ".join(f"{r.case.name} {_median_text(r, plan.budget)}" for r in slow)
    return f"[red]Target missed[/] ({TARGET}): {misses}.{caveat}"


def _median_text(result: Result, budget: Budget) -> str:
    return f"{ms(result.ours_median)} ms" if result.comparison else f"> {budget.limit:g} s"
