"""A whole import finds the ids it already had without a list of every one: repeats within one import are
found in the same batch and across batches, the first one wins, and memory stays flat however long the input.
"""

from __future__ import annotations

import gc
import tracemalloc
from collections import Counter
from collections.abc import Iterator
from datetime import datetime, timedelta
from pathlib import Path

import pytest
import sqlalchemy as sa
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from upward.importers import ImportRequest, registry
from upward.model import EvidenceDraft, EvidenceFilter, EvidencePatch, Kind
from upward.model.imports import ImportSummary
from upward.services import Context, imports
from upward.services import evidence as evidence_service
from upward.services.imports import run_import
from upward.store.tables import evidence, import_runs

REPEATED = "repeated within this import"


def sheet(rows: list[tuple[str, int]]) -> str:
    """A CSV in the template: each row's id and minutes; the text and date come from the id."""
    lines = ["id,date,text,minutes"]
    lines += [f"{key},2026-10-{int(key[1:]) + 1:02d},Task {key},{minutes}" for key, minutes in rows]
    return "\n".join(lines) + "\n"


def stored(ctx: Context) -> dict[str, tuple[int | None, int | None]]:
    """Each stored item's id in its source, with its minutes and the import run that added it."""
    with ctx.transaction() as conn:
        query = sa.select(evidence.c.source_id, evidence.c.minutes, evidence.c.import_run_id)
        rows = conn.execute(query.where(evidence.c.owner_id == ctx.owner_id)).all()
    return {str(key): (minutes, run) for key, minutes, run in rows}


def counts(summary: ImportSummary) -> tuple[int, int, int, int, int]:
    return summary.added, summary.updated, summary.unchanged, summary.kept_your_edits, summary.ignored[REPEATED]


def import_rows(ctx: Context, tmp_path: Path, rows: list[tuple[str, int]]) -> ImportSummary:
    path = tmp_path / "work.csv"
    path.write_text(sheet(rows), encoding="utf-8")
    return run_import(ctx, "csv", [path]).summary


@pytest.mark.parametrize("size", [1, 3, 1_000])
def test_repeats_in_a_batch_and_across_batches_are_counted_and_the_first_wins(
    ctx: Context, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, size: int
) -> None:
    monkeypatch.setattr(imports._Batch, "SIZE", size)
    rows = [("r0", 10), ("r1", 11), ("r1", 99), ("r2", 12), ("r0", 98), ("r3", 13), ("r2", 12), ("r4", 14)]
    first = import_rows(ctx, tmp_path, rows)
    assert counts(first) == (5, 0, 0, 0, 3)
    assert {key: minutes for key, (minutes, _) in stored(ctx).items()} == {f"r{n}": 10 + n for n in range(5)}

    again = import_rows(ctx, tmp_path, rows)
    assert counts(again) == (0, 0, 5, 0, 3)

    newer = [("r3", 13), ("r5", 15), ("r4", 14), ("r5", 97), ("r6", 16), ("r3", 96)]
    third = import_rows(ctx, tmp_path, newer)
    assert counts(third) == (2, 0, 2, 0, 2)
    assert {key: minutes for key, (minutes, _) in stored(ctx).items() if key in ("r5", "r6")} == {"r5": 15, "r6": 16}


@pytest.mark.parametrize("size", [1, 2, 1_000])
def test_a_later_copy_of_an_item_stored_before_changes_nothing_the_first_did_not(
    ctx: Context, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, size: int
) -> None:
    monkeypatch.setattr(imports._Batch, "SIZE", size)
    import_rows(ctx, tmp_path, [("r0", 10), ("r1", 11), ("r2", 12)])
    edited = next(i for i in evidence_service.listing(ctx, EvidenceFilter(per_page=50)).items if i.source_id == "r2")
    evidence_service.edit(ctx, edited.id, EvidencePatch(kind=Kind.STRATEGY))
    # r0 unchanged then changed, r1 changed then changed back, r2 edited by the person, r3 new: every later
    # copy is a repeat, even one that would otherwise update the item or leave it unchanged.
    rows = [("r0", 10), ("r1", 21), ("r2", 22), ("r3", 13), ("r0", 30), ("r1", 11), ("r2", 12), ("r3", 33)]
    second = import_rows(ctx, tmp_path, rows)
    assert counts(second) == (1, 1, 1, 1, 4)
    minutes = {key: minutes for key, (minutes, _) in stored(ctx).items()}
    assert minutes == {"r0": 10, "r1": 21, "r2": 12, "r3": 13}


def expected(
    before: dict[str, int], edited: set[str], rows: list[tuple[str, int]]
) -> tuple[Counter[str], dict[str, int]]:
    """What an import of `rows` does, written plainly with a list of every id seen: its counts and the minutes
    stored afterwards (`before` is what was stored, `edited` the items the person corrected)."""
    seen: set[str] = set()
    summary: Counter[str] = Counter()
    after = dict(before)
    for key, minutes in rows:
        if key in seen:
            summary["repeated"] += 1
            continue
        seen.add(key)
        if key not in before:
            summary["added"] += 1
            after[key] = minutes
        elif key in edited:
            summary["kept"] += 1
        elif before[key] == minutes:
            summary["unchanged"] += 1
        else:
            summary["updated"] += 1
            after[key] = minutes
    return summary, after


ROWS = st.lists(st.tuples(st.sampled_from([f"r{n}" for n in range(6)]), st.integers(1, 3)), max_size=14)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(earlier=ROWS, edits=st.sets(st.sampled_from(["r0", "r1", "r2"])), rows=ROWS, size=st.integers(1, 4))
def test_any_import_counts_what_a_plain_list_of_every_id_would(
    ctx: Context, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, earlier: list[tuple[str, int]], edits: set[str],
    rows: list[tuple[str, int]], size: int,
) -> None:  # fmt: skip
    with ctx.transaction() as conn:
        conn.execute(sa.delete(evidence))
        conn.execute(sa.delete(import_runs))
    monkeypatch.setattr(imports._Batch, "SIZE", size)
    import_rows(ctx, tmp_path, earlier)
    before = {key: minutes for key, (minutes, _) in stored(ctx).items() if minutes is not None}
    for item in evidence_service.listing(ctx, EvidenceFilter(per_page=50)).items:
        if item.source_id in edits:
            evidence_service.edit(ctx, item.id, EvidencePatch(kind=Kind.STRATEGY))
    summary = import_rows(ctx, tmp_path, rows)
    want, after = expected(before, edits & set(before), rows)
    got = (summary.added, summary.updated, summary.unchanged, summary.kept_your_edits, summary.ignored[REPEATED])
    assert got == (want["added"], want["updated"], want["unchanged"], want["kept"], want["repeated"])
    assert {key: minutes for key, (minutes, _) in stored(ctx).items()} == after


class Generated:
    """An importer of `count` made-up commits from number `first` on (ids like a git hash), made as they are
    read, so that the memory measured is what storing them holds, not the importer's."""

    name, label, suffixes, paths_help, needs_paths, options = "test-generated", "Made up", (), "nothing", False, ()

    def read(self, request: ImportRequest) -> Iterator[EvidenceDraft]:
        first, count = request.options["first"], request.options["count"]
        for number in range(first, first + count):
            yield EvidenceDraft(
                title=f"feat: change number {number}", occurred_at=datetime(2020, 1, 1) + timedelta(minutes=number),
                body="Done for the ticket.", source="test-generated", source_id=f"{number * 7919:040x}",
                teams=("platform",), project="shop",
            )  # fmt: skip


def peak_while_importing(ctx: Context, first: int, count: int) -> int:
    """The most memory Python held (bytes, above what it held at the start) while importing `count` items."""
    gc.collect()
    tracemalloc.reset_peak()
    start = tracemalloc.get_traced_memory()[0]
    run = run_import(ctx, "test-generated", [], {"first": first, "count": count})
    assert run.summary.added + run.summary.unchanged == count
    return tracemalloc.get_traced_memory()[1] - start


@pytest.mark.parametrize("database_url", ["sqlite"], indirect=True)  # the same Python code on either database
def test_peak_memory_stays_flat_as_the_input_grows(ctx: Context, monkeypatch: pytest.MonkeyPatch) -> None:
    registry.all_importers()
    monkeypatch.setitem(registry._registry, Generated.name, Generated())
    run_import(ctx, "test-generated", [], {"first": 0, "count": 300})  # the caches a first import fills
    inputs = ((300, 2_000), (2_300, 8_000))
    tracemalloc.start()
    try:
        new = [peak_while_importing(ctx, first, count) for first, count in inputs]
        again = [peak_while_importing(ctx, first, count) for first, count in inputs]  # every item met again
    finally:
        tracemalloc.stop()
    # A list of every id seen held about 180 bytes an item: 1.3 MB more for the longer input (a set of the ids
    # met again, 900 KB). What is left, up to 200 KB, is garbage the collector frees later, and stays the same
    # for any longer input.
    assert new[1] - new[0] < 500_000, new
    assert again[1] - again[0] < 500_000, again
