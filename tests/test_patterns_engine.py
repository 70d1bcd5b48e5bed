"""The recurring-problem engine on plain values: known groups, incremental joins, ranking, retrieval quality."""

from __future__ import annotations

import csv
from datetime import date, datetime, timedelta

import numpy as np
import pytest

from conftest import REAL_DATA, REQUIRE_SEMANTIC
from upward.model import Evidence, Kind
from upward.patterns import Grouping, TfidfBackend, group_all, make_backend
from upward.patterns.impact import impact
from upward.patterns.retrieval import both_ways, ranks, scores, vector_scorer
from upward.patterns.semantic import available
from upward.patterns.summary import opportunity, summarise, title

GITBUGS = REAL_DATA / "duplicates" / "gitbugs"

KNOWN = {
    "vpn": ["Reset my VPN token please", "VPN token expired, can you reset it?", "My VPN token stopped working"],
    "invoice": ["Invoice export to CSV fails", "CSV export of invoices fails for March", "Invoice CSV export failing"],
    "flaky": ["Flaky checkout test on main", "Checkout test is flaky again", "The flaky checkout test failed twice"],
    "alone-1": ["Plan the team offsite agenda"],
    "alone-2": ["Explain currency rounding on Japanese yen invoices to finance"],
}


def _texts() -> tuple[list[str], list[str]]:
    texts = [text for group in KNOWN.values() for text in group]
    truth = [name for name, group in KNOWN.items() for _ in group]
    return texts, truth


def _as_sets(labels: list[int] | list[str]) -> set[frozenset[int]]:
    out: dict[object, set[int]] = {}
    for position, label in enumerate(labels):
        out.setdefault(label, set()).add(position)
    return {frozenset(group) for group in out.values()}


def test_constructed_groups_are_found_exactly() -> None:
    texts, truth = _texts()
    backend = TfidfBackend()
    vectors = backend.fit(texts)
    assert _as_sets(group_all(vectors, backend.threshold)) == _as_sets(truth)


def test_looking_up_candidates_by_rare_words_groups_the_same_way() -> None:
    texts, truth = _texts()
    backend = TfidfBackend()
    vectors = backend.fit(texts)
    by_keys = group_all(vectors, backend.threshold, backend.keys(vectors), compare_all_upto=0)
    assert _as_sets(by_keys) == _as_sets(truth)


def test_new_items_join_groups_without_regrouping() -> None:
    texts, _ = _texts()
    backend = TfidfBackend()
    vectors = backend.fit(texts)
    grouping = Grouping.build(list(range(100, 100 + len(texts))), vectors, backend.threshold, backend.keys(vectors))
    vpn = grouping.group_of(100)
    new = ["Please reset the VPN token for me", "Quarterly budget review slides", "Budget review slides for Q3"]
    new_vectors = backend.transform(new)
    placed = grouping.add([200, 201, 202], new_vectors, lambda item: -item, backend.keys(new_vectors))
    assert placed[0][0] == vpn and placed[0][1] >= backend.threshold
    assert placed[1] == (-201, placed[1][1]) and placed[1][1] < backend.threshold  # nothing like it yet
    assert placed[2][0] == -201  # joins the new item before it, in the same batch
    assert grouping.group_of(200) == vpn and len(grouping.ids) == len(texts) + 3
    assert sorted(grouping.members()[vpn]) == [100, 101, 102, 200]


def test_the_title_is_the_most_typical_wording() -> None:
    day = datetime(2026, 3, 1, 9)
    items = [
        Evidence(title=text, occurred_at=day + timedelta(days=n), kind=Kind.REQUEST, id=n + 1, requester=who)
        for n, (text, who) in enumerate(
            [("Reset my VPN token", "Ann"), ("VPN token reset please", "Ben"), ("Reset my VPN token", "Ann")]
        )
    ]
    assert title(items) == "Reset my VPN token"
    found = summarise(7, items)
    assert (found.count, found.requesters, found.first, found.last) == (
        3,
        ("Ann", "Ben"),
        date(2026, 3, 1),
        date(2026, 3, 3),
    )
    assert found.examples[0].id == 3


def test_opportunity_weighs_times_hours_and_people() -> None:
    assert opportunity(4, 0, 1) == 6
    assert opportunity(3, 6 * 60, 3) == 15
    assert opportunity(3, 6 * 60, 3) > opportunity(4, 0, 1)


def test_impact_compares_minutes_a_week_before_and_after_adoption() -> None:
    start = datetime(2026, 1, 5, 9)
    items = [Evidence(title="x", occurred_at=start + timedelta(weeks=w), minutes=70, id=w + 1) for w in range(4)]
    adopted = datetime(2026, 2, 2, 9)  # four weeks after the first
    found = impact(items, adopted, date(2026, 3, 2))
    assert (found.items_before, found.items_after, found.stopped) == (4, 0, True)
    assert found.minutes_per_week_before == 70.0 and found.minutes_per_week_after == 0.0
    assert found.minutes_given_back_per_week == 70.0
    later = [*items, Evidence(title="x", occurred_at=datetime(2026, 2, 16, 9), minutes=140, id=9)]
    again = impact(later, adopted, date(2026, 3, 2))
    assert again.items_after == 1 and again.minutes_per_week_after == 35.0
    assert again.minutes_given_back_per_week == 35.0


def test_retrieval_scores_count_ranks_correctly() -> None:
    table = {0: [0.0, 0.9, 0.5, 0.1], 1: [0.9, 0.0, 0.95, 0.2], 2: [0.5, 0.95, 0.0, 0.99], 3: [0.1, 0.2, 0.99, 0.0]}
    found = ranks(lambda q: np.array(table[q]), both_ways([(0, 1), (1, 3)]))
    assert found == [1, 2, 3, 2]  # 0->1 first, 1->0 after 2, 1->3 after 2 and 0, 3->1 after 2
    result = scores(found)
    assert result.recall_1 == 0.25 and result.recall_5 == 1.0
    assert result.mrr == pytest.approx((1 + 1 / 2 + 1 / 3 + 1 / 2) / 4)


def _hadoop() -> tuple[list[str], list[tuple[int, int]]]:
    if not GITBUGS.exists():
        pytest.skip(f"the real bug reports are not at {GITBUGS}")
    csv.field_size_limit(1 << 30)
    with (GITBUGS / "hadoop_hadoop_bugs.csv").open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    position = {row["Issue id"]: i for i, row in enumerate(rows)}
    with (GITBUGS / "hadoop_hadoop_bugs-combined.csv").open(encoding="utf-8", newline="") as handle:
        pairs = [(position[r["Issue id"]], position[r["Duplicate id"]]) for r in csv.DictReader(handle)
                 if r["Issue id"] in position and r["Duplicate id"] in position]  # fmt: skip
    return [row["Summary"] for row in rows], pairs


def test_real_duplicate_bug_reports_are_found_near_the_top() -> None:
    titles, pairs = _hadoop()
    assert len(titles) > 2000 and len(pairs) > 100
    result = scores(ranks(vector_scorer(TfidfBackend().fit(titles)), both_ways(pairs)))
    # By title alone, among 2,500 reports: far above chance (10 / 2,500 for recall@10).
    assert result.recall_10 > 0.5 and result.mrr > 0.3


@pytest.mark.skipif(
    not available() and not REQUIRE_SEMANTIC,
    reason="the semantic backend needs `pip install 'upward[semantic]'` (with torch)",
)
def test_the_semantic_backend_groups_texts_that_mean_the_same() -> None:
    backend = make_backend("semantic")
    texts = ["The release pipeline keeps failing", "Our deploy pipeline is broken again", "Book a room for the party"]
    vectors = backend.fit(texts)
    assert vectors.shape == (3, 384)
    labels = group_all(vectors, backend.threshold)
    assert labels[0] == labels[1] != labels[2]


def test_character_ngrams_are_the_ones_scikit_learn_would_make() -> None:
    from sklearn.feature_extraction.text import TfidfVectorizer

    from upward.patterns.backends import _char_grams

    theirs = TfidfVectorizer(analyzer="char_wb", ngram_range=(3, 4)).build_analyzer()
    for text in ["deploy pipeline is flaky again", "a b", "x", "ab abc abcd", "hdfs-1234 fails on namenode"]:
        assert sorted(_char_grams(text)) == sorted(theirs(text)), text
