"""Suggest which pieces of work show which expectation: TF-IDF word overlap, the person confirms each one."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import pairwise

from upward.ladders.model import Expectation

#: Below this similarity a suggestion is noise: a shared common word, not a shared meaning.
THRESHOLD = 0.06
_WORD = re.compile(r"[a-z][a-z0-9]+")
_SUFFIXES = ("ing", "ed", "es", "s")


def stem(word: str) -> str:
    """A light stemmer: "builds", "building" and "build" meet; "frameworks" meets "framework"."""
    for suffix in _SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 4:
            return word[: -len(suffix)]
    return word


def words(text: str) -> list[str]:
    from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS  # scikit-learn loads slowly: only when used

    stems = [stem(w) for w in _WORD.findall(text.lower()) if w not in ENGLISH_STOP_WORDS]
    return stems + [f"{a} {b}" for a, b in pairwise(stems)]


@dataclass(frozen=True, slots=True)
class Candidate:
    """Something the person did: "evidence:12" or "story:3", and its words."""

    item: str
    label: str
    text: str


@dataclass(frozen=True, slots=True)
class Suggestion:
    expectation: str
    item: str
    label: str
    similarity: float


def suggest(
    expectations: Sequence[Expectation], candidates: Sequence[Candidate], per_expectation: int = 3
) -> list[Suggestion]:
    """For each expectation, the closest candidates above THRESHOLD, closest first."""
    if not expectations or not candidates:
        return []
    texts = [f"{e.area} {e.text}" for e in expectations] + [c.text for c in candidates]
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.metrics.pairwise import cosine_similarity

    vectorizer = TfidfVectorizer(analyzer=words, sublinear_tf=True)
    try:
        matrix = vectorizer.fit_transform(texts)
    except ValueError:  # only stop words: nothing to compare
        return []
    scores = cosine_similarity(matrix[: len(expectations)], matrix[len(expectations) :])
    found: list[Suggestion] = []
    for row, expectation in enumerate(expectations):
        ranked = sorted(range(len(candidates)), key=lambda col: -scores[row, col])[:per_expectation]
        found += [
            Suggestion(expectation.id, candidates[col].item, candidates[col].label, round(float(scores[row, col]), 3))
            for col in ranked
            if scores[row, col] >= THRESHOLD
        ]
    return found
