"""Checks every importer's tests share: bad files never leave a partial write or a traceback."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import sqlalchemy as sa
from hypothesis import strategies as st

from upward.model.imports import ImportProblem
from upward.services import Context
from upward.services.imports import run_import
from upward.store.tables import evidence, import_runs


def row_counts(ctx: Context) -> tuple[int, int]:
    with ctx.transaction() as conn:
        items = conn.execute(sa.select(sa.func.count()).select_from(evidence)).scalar_one()
        runs = conn.execute(sa.select(sa.func.count()).select_from(import_runs)).scalar_one()
    return int(items), int(runs)


@st.composite
def mutated(draw: st.DrawFn, original: bytes) -> bytes:
    """A damaged copy of a real file: cut short, a byte changed, lines lost or doubled, stray quotes."""
    data = bytearray(original)
    for _ in range(draw(st.integers(min_value=1, max_value=3))):
        if not data:
            break
        where = draw(st.integers(min_value=0, max_value=len(data) - 1))
        action = draw(st.sampled_from(["truncate", "flip", "insert", "delete-line", "double-line"]))
        if action == "truncate":
            del data[where:]
        elif action == "flip":
            data[where] = draw(st.integers(min_value=0, max_value=255))
        elif action == "insert":
            data[where:where] = draw(st.sampled_from([b'"', b",", b"\n", b"\x00", b"{", b"\xff\xfe", b":"]))
        else:
            start = data.rfind(b"\n", 0, where) + 1
            end = data.find(b"\n", where)
            end = len(data) if end == -1 else end + 1
            data[start:end] = b"" if action == "delete-line" else data[start:end] * 2
    return bytes(data)


def import_is_all_or_nothing(
    ctx: Context, source: str, path: Path, content: bytes, options: dict[str, Any] | None = None
) -> None:
    """Import `content` from `path`: either a clean ImportProblem with nothing written, or a full
    import that a second run repeats without adding anything. Any other exception fails the test."""
    path.write_bytes(content)
    before = row_counts(ctx)
    try:
        first = run_import(ctx, source, [path], options)
    except ImportProblem as problem:
        assert str(path) in str(problem), f"the problem should name the file: {problem}"
        assert row_counts(ctx) == before, f"partial write after: {problem}"
        return
    again = run_import(ctx, source, [path], options)
    assert again.summary.added == 0 and again.summary.updated == 0, first.summary
