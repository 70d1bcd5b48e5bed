"""The fast paths behave exactly like the plain ones: batched imports, the SQLite search plan, the bulk reader."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime
from pathlib import Path

import pytest
import sqlalchemy as sa

from upward.analysis.recurring import _best_similarity, _similarity, words
from upward.model import EvidenceDraft, EvidenceFilter, EvidencePatch, Kind, Metric
from upward.services import Context, imports
from upward.services import evidence as evidence_service
from upward.services.imports import run_import, undo
from upward.store import evidence_repo
from upward.store.profile_repo import ensure_account
from upward.store.tables import evidence


def sheet(rows: list[tuple[str, str, int]]) -> str:
    """A CSV in the template: each row's id, text and minutes; a date from the id's number."""
    lines = ["id,date,text,minutes"]
    lines += [f"{key},2026-10-{int(key[1:]) + 1:02d},{text},{minutes}" for key, text, minutes in rows]
    return "\n".join(lines) + "\n"


def ids_in_order(ctx: Context) -> list[str | None]:
    with ctx.transaction() as conn:
        query = sa.select(evidence.c.source_id).where(evidence.c.owner_id == ctx.owner_id).order_by(evidence.c.id)
        return list(conn.execute(query).scalars())


@pytest.fixture
def small_batches(monkeypatch: pytest.MonkeyPatch) -> None:
    """Batches of three, so a few rows cross every batch boundary."""
    monkeypatch.setattr(imports._Batch, "SIZE", 3)


@pytest.mark.usefixtures("small_batches")
def test_batched_imports_keep_every_rule_across_batches(ctx: Context, tmp_path: Path) -> None:
    rows = [(f"r{n}", f"Task number {n}", n + 1) for n in range(8)]
    repeated = [*rows[:5], ("r1", "A later copy of task one", 20), *rows[5:]]
    path = tmp_path / "work.csv"
    path.write_text(sheet(repeated), encoding="utf-8")
    first = run_import(ctx, "csv", [path])
    assert (first.summary.added, first.items, first.summary.ignored["repeated within this import"]) == (8, 8, 1)
    assert ids_in_order(ctx) == [key for key, _, _ in rows]  # stored in the file's order
    one = evidence_service.listing(ctx, EvidenceFilter(text="one")).items
    assert one == []  # the first occurrence won, the later copy was not stored

    edited = next(i for i in evidence_service.listing(ctx, EvidenceFilter(per_page=50)).items if i.source_id == "r6")
    evidence_service.edit(ctx, edited.id, EvidencePatch(kind=Kind.STRATEGY))
    changed = [(key, text, day + 30 if key in ("r2", "r6") else day) for key, text, day in rows]
    path.write_text(sheet([*changed, ("r8", "Task number 8", 9)]), encoding="utf-8")
    second = run_import(ctx, "csv", [path])
    summary = second.summary
    assert (summary.added, summary.updated, summary.unchanged, summary.kept_your_edits) == (1, 1, 6, 1)
    by_id = {i.source_id: i for i in evidence_service.listing(ctx, EvidenceFilter(per_page=50)).items}
    assert (by_id["r2"].minutes, by_id["r6"].minutes, by_id["r6"].kind) == (33, 7, Kind.STRATEGY)
    assert by_id["r8"].import_run_id == second.id and by_id["r2"].import_run_id == first.id
    assert undo(ctx, second.id).items == 1 and "r8" not in ids_in_order(ctx)


def _other_owner(ctx: Context) -> Context:
    with ctx.transaction() as conn:
        other = ensure_account(conn, "someone-else")
    return replace(ctx, owner_id=other)


def _log(ctx: Context, title: str, day: int, **fields: object) -> None:
    values: dict[str, object] = {"occurred_at": datetime(2026, 10, day, 9)} | fields
    evidence_service.log(ctx, EvidenceDraft(title=title, **values))  # type: ignore[arg-type]


def _search(ctx: Context, **wanted: object) -> tuple[list[str], int]:
    page = evidence_service.listing(ctx, EvidenceFilter(per_page=2, **wanted))  # type: ignore[arg-type]
    return [item.title for item in page.items], page.total


def test_search_counts_and_pages_only_the_owners_items(ctx: Context) -> None:
    _log(ctx, "Checkout latency fixed", 1, kind=Kind.INCIDENT)
    _log(ctx, "Checkout page redesign", 2)
    _log(ctx, "Checkout errors again", 3, kind=Kind.INCIDENT, teams=("payments",))
    alone = _search(ctx, text="checkout")
    assert alone[1] == 3 and len(alone[0]) == 2
    other = _other_owner(ctx)
    for day in range(1, 6):
        _log(other, f"Checkout work of someone else {day}", day, kind=Kind.INCIDENT, teams=("payments",))
    assert _search(ctx, text="checkout") == alone  # the same page and total with another owner's items around
    assert _search(ctx, text="checkout", kind=Kind.INCIDENT)[1] == 2
    assert _search(ctx, text="checkout", team="payments") == (["Checkout errors again"], 1)
    assert _search(other, text="checkout")[1] == 5 and _search(other, text="redesign") == ([], 0)
    every = [item.title for item in evidence_service.listing(ctx, EvidenceFilter(text="checkout")).items]
    assert (alone[0], _search(ctx, text="checkout", page=2)[0]) == (every[:2], every[2:])
    assert _search(ctx, text="!!!") == ([], 0)


def test_a_search_with_many_matches_lists_them_newest_first(ctx: Context, monkeypatch: pytest.MonkeyPatch) -> None:
    """Past RANKED_AT_MOST matches, ranking them all would cost more than the search: newest first, same total."""
    for day, title in enumerate(["Checkout checkout checkout", "Checkout once", "Checkout twice over", "Other"], 1):
        _log(ctx, title, day)
    _log(_other_owner(ctx), "Checkout of someone else", 9)
    ranked = _search(ctx, text="checkout")
    assert ranked[0][0] == "Checkout checkout checkout" and ranked[1] == 3  # few matches: the best match first
    if ctx.dialect != "sqlite":
        return  # PostgreSQL ranks many matches quickly enough
    monkeypatch.setattr(evidence_repo, "RANKED_AT_MOST", 2)
    newest = [_search(ctx, text="checkout", page=page) for page in (1, 2)]
    assert newest == [(["Checkout twice over", "Checkout once"], 3), (["Checkout checkout checkout"], 3)]
    # Two matches once narrowed to the first two days: few enough to rank again.
    assert _search(ctx, text="checkout", date_to=date(2026, 10, 2)) == (
        ["Checkout checkout checkout", "Checkout once"],
        2,
    )


def test_the_bulk_reader_gives_exactly_what_the_plain_mapping_gives(ctx: Context) -> None:
    _log(ctx, "Every field", 4, kind=Kind.REQUEST, requester="Alice", teams=("web", "payments"), people=("Bo",),
         minutes=45, metrics=(Metric("latency", "1s", "4s"), Metric("users", "120k")), project="checkout",
         tags=("perf",), url="https://example.com/1", body="Details")  # fmt: skip
    _log(ctx, "Nothing optional", 5)
    item = evidence_service.listing(ctx, EvidenceFilter(text="nothing")).items[0]
    evidence_service.edit(ctx, item.id, EvidencePatch(minutes=10))
    with ctx.transaction() as conn:
        fast = list(evidence_repo.iter_all(conn, ctx.owner_id))
        query = sa.select(evidence).where(evidence.c.owner_id == ctx.owner_id).order_by(evidence.c.occurred_at)
        plain = [evidence_repo.from_row(row) for row in conn.execute(query).mappings()]
    assert fast == plain and len(fast) == 2 and fast[1].edited_at is not None


@pytest.mark.parametrize(
    ("found", "members"),
    [
        ("flaky deploy pipeline", ["flaky deploy", "deploy pipeline broken again", "unrelated words here"]),
        ("reset password", ["", "reset password", "password reset for the vpn"]),
        ("nothing shared", ["completely different", "other topic"]),
    ],
)
def test_the_quick_similarity_is_the_plain_one(found: str, members: list[str]) -> None:
    sets = [words(member) for member in members]
    expected = max(_similarity(words(found), member) for member in sets)
    assert _best_similarity(words(found), sets) == expected
