"""The legibility check's precision and recall on a labelled set of statements about work, across professions.

The statements (bench/data/legibility_statements.tsv, written for this benchmark and labelled by hand) cover
engineers, designers, marketers, analysts, sales, support, operations, finance, HR, product, teachers, nurses,
writers, lawyers and researchers. Two findings are scored, for a skip-level reader: "a metric with no business
outcome" and "words a non-expert will not know". The baseline is the naive rule a person might write in the same
run: "there is a number and no currency sign" for the first, "there is a word in capitals" for the second.
"""

from __future__ import annotations

import csv
import re
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from rich.table import Table

from bench import Options
from bench._report import console
from upward.analysis.legibility import check

DATA = Path(__file__).parent / "data" / "legibility_statements.tsv"
SHOWN_MISSES = 6


@dataclass(frozen=True)
class Statement:
    profession: str
    metric_no_outcome: bool
    jargon: bool
    text: str


@dataclass(frozen=True)
class Score:
    precision: float
    recall: float
    misses: list[tuple[str, Statement]]  # ("false positive" | "false negative", statement)

    @property
    def f1(self) -> float:
        total = self.precision + self.recall
        return 2 * self.precision * self.recall / total if total else 0.0


def statements() -> list[Statement]:
    lines = [line for line in DATA.read_text(encoding="utf-8").splitlines() if not line.startswith("#")]
    rows = list(csv.DictReader(lines, delimiter="\t"))
    return [Statement(r["profession"], r["metric_no_outcome"] == "1", r["jargon"] == "1", r["text"]) for r in rows]


def score(items: list[Statement], label: Callable[[Statement], bool], predict: Callable[[str], bool]) -> Score:
    true_pos = false_pos = false_neg = 0
    misses: list[tuple[str, Statement]] = []
    for item in items:
        said, truth = predict(item.text), label(item)
        true_pos += said and truth
        if said and not truth:
            false_pos += 1
            misses.append(("false positive", item))
        if truth and not said:
            false_neg += 1
            misses.append(("false negative", item))
    precision = true_pos / (true_pos + false_pos) if true_pos + false_pos else 0.0
    recall = true_pos / (true_pos + false_neg) if true_pos + false_neg else 0.0
    return Score(precision, recall, misses)


def _fires(finding: str) -> Callable[[str], bool]:
    return lambda text: finding in check(text, "skip-level").ids


def _naive_metric(text: str) -> bool:
    return bool(re.search(r"\d", text)) and "$" not in text


def _naive_jargon(text: str) -> bool:
    return bool(re.search(r"\b[A-Z]{2,}\b", text))


def run(options: Options) -> None:
    items = statements()
    started = time.perf_counter()
    for item in items:
        check(item.text, "skip-level")
    per_statement_ms = (time.perf_counter() - started) * 1000 / len(items)
    professions = sorted({item.profession for item in items})
    console.print(f"{len(items)} labelled statements from {len(professions)} professions: {', '.join(professions)}")
    table = Table("finding", "method", "precision", "recall", "F1", "misses")
    results: dict[str, Score] = {}
    for name, label, finding, naive in (
        ("metric with no business outcome", lambda s: s.metric_no_outcome, "metric-without-consequence", _naive_metric),
        ("too much jargon", lambda s: s.jargon, "jargon", _naive_jargon),
    ):
        ours = results[name] = score(items, label, _fires(finding))
        baseline = score(items, label, naive)
        for method, result in (("legibility check", ours), ("naive baseline", baseline)):
            row = (f"{result.precision:.2f}", f"{result.recall:.2f}", f"{result.f1:.2f}", str(len(result.misses)))
            table.add_row(name, method, *row)
    console.print(table)
    console.print(f"Mean cost: {per_statement_ms:.2f} ms a statement (the check runs on every keystroke pause).")
    for name, result in results.items():
        shown = result.misses[: 2 if options.quick else SHOWN_MISSES]
        if shown:
            console.print(f"\n[bold]{name}[/bold]: some of the {len(result.misses)} misses")
            for kind, item in shown:
                console.print(f"  {kind} ({item.profession}): {item.text}", markup=False)
