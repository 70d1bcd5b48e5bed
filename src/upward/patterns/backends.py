"""Turning texts into vectors: TF-IDF over words and character n-grams, or an optional embedding model.

Every backend returns L2-normalised rows, so a dot product is the cosine similarity.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache
from typing import TYPE_CHECKING, Protocol, TypeAlias

import numpy as np
import scipy.sparse as sp

from upward.model import UpwardError

if TYPE_CHECKING:  # scikit-learn takes seconds to import: only the code that fits vectors loads it
    from sklearn.feature_extraction.text import TfidfVectorizer

#: Rows of normalised vectors: sparse for TF-IDF, dense for embeddings.
Matrix: TypeAlias = sp.csr_matrix | np.ndarray

#: How much the word features weigh against the character n-grams (which catch "deploy"/"deploying").
WORD_WEIGHT = 0.6
BACKENDS = ("tfidf", "semantic")
#: The lengths of the character n-grams compared (inside words, so "deploys" and "deploying" meet).
CHAR_SIZES = (3, 4)
#: Words in more than this share of items (and more than KEY_FLOOR items) are too common to find candidates by.
KEY_SHARE, KEY_FLOOR = 0.002, 50


class Backend(Protocol):
    name: str
    #: How similar two items must be (cosine) to count as the same problem.
    threshold: float

    def fit(self, texts: Sequence[str]) -> Matrix: ...

    def transform(self, texts: Sequence[str]) -> Matrix: ...

    def keys(self, vectors: Matrix) -> sp.csr_matrix | None:
        """Sparse features cheap to look up (rare words), to find candidates among many items; None: compare all."""
        ...


class TfidfBackend:
    """Words (with their pairs) and character n-grams inside words, weighted by how rare they are."""

    name = "tfidf"
    threshold = 0.35

    def __init__(self) -> None:
        from sklearn.feature_extraction.text import TfidfVectorizer

        self.words = TfidfVectorizer(
            analyzer="word", ngram_range=(1, 2), sublinear_tf=True, stop_words="english", min_df=1, dtype=np.float32
        )
        self.chars = TfidfVectorizer(analyzer=_char_grams, sublinear_tf=True, min_df=1, max_df=0.5, dtype=np.float32)
        self._fitted = False
        self._key_columns = np.zeros(0, dtype=np.int64)

    def fit(self, texts: Sequence[str]) -> Matrix:
        count = len(texts)
        texts = [_clean(t) for t in texts]
        if not any(texts):
            texts = [*texts, "upward"]  # TF-IDF needs one word to learn from; the extra row is dropped below
        words = _fit_or_empty(self.words, texts)
        chars = _fit_chars(self.chars, texts)
        self._fitted = True
        self._key_columns = _rare_words(self.words, words, len(texts))
        combined: sp.csr_matrix = self._combine(words, chars)
        return combined[:count]

    def transform(self, texts: Sequence[str]) -> Matrix:
        if not self._fitted:
            raise UpwardError("The TF-IDF backend must see the items before it can compare new ones.")
        texts = [_clean(t) for t in texts]
        words = self.words.transform(texts) if hasattr(self.words, "vocabulary_") else sp.csr_matrix((len(texts), 0))
        return self._combine(words, self.chars.transform(texts))

    def keys(self, vectors: Matrix) -> sp.csr_matrix | None:
        """The rarer single words (among the first columns of the vectors): the candidates for being alike."""
        return sp.csr_matrix(vectors[:, self._key_columns])

    @staticmethod
    def _combine(words: sp.spmatrix, chars: sp.spmatrix) -> sp.csr_matrix:
        parts = [_unit(words) * WORD_WEIGHT, _unit(chars) * (1 - WORD_WEIGHT)]
        from sklearn.preprocessing import normalize

        stacked = sp.hstack(parts, format="csr")
        return normalize(stacked).astype(np.float32)


def _rare_words(vectorizer: TfidfVectorizer, words: sp.spmatrix, size: int) -> np.ndarray:
    """Columns of single words found in at most KEY_SHARE of the items (or KEY_FLOOR items, when there are few)."""
    if not words.shape[1]:
        return np.zeros(0, dtype=np.int64)
    found_in = np.bincount(sp.csr_matrix(words).indices, minlength=words.shape[1])
    single = np.zeros(words.shape[1], dtype=bool)
    single[[column for term, column in vectorizer.vocabulary_.items() if " " not in term]] = True
    return np.flatnonzero(single & (found_in <= max(KEY_FLOOR, size * KEY_SHARE)))


def _char_grams(text: str) -> list[str]:
    """Character 3- and 4-grams inside each word (as scikit-learn's `char_wb`), each word's worked out once."""
    return [gram for word in text.split() for gram in _word_grams(word)]


@lru_cache(maxsize=200_000)
def _word_grams(word: str) -> tuple[str, ...]:
    padded, grams = f" {word} ", []
    for n in CHAR_SIZES:
        grams += [padded[i : i + n] for i in range(max(1, len(padded) - n + 1))]
        if len(padded) <= n:  # a word shorter than the n-gram counts once, as scikit-learn counts it
            break
    return tuple(grams)


def _unit(matrix: sp.spmatrix) -> sp.csr_matrix:
    """Rows scaled to length 1 (a matrix without columns stays as it is)."""
    from sklearn.preprocessing import normalize

    return sp.csr_matrix(normalize(matrix) if matrix.shape[1] else matrix)


def _clean(text: str) -> str:
    return " ".join(text.lower().split())[:2000]


def _fit_or_empty(vectorizer: TfidfVectorizer, texts: list[str]) -> sp.spmatrix:
    """Word features, or none when every text is only stop words (TF-IDF then refuses to fit)."""
    try:
        return vectorizer.fit_transform(texts)
    except ValueError:
        return sp.csr_matrix((len(texts), 0), dtype=np.float32)


def _fit_chars(vectorizer: TfidfVectorizer, texts: list[str]) -> sp.spmatrix:
    """Character n-grams without the very common ones; with a handful of texts, keep them all."""
    try:
        return vectorizer.fit_transform(texts)
    except ValueError:
        vectorizer.set_params(max_df=1.0)
        return vectorizer.fit_transform(texts)


def make_backend(name: str) -> Backend:
    """The backend a setting names; the semantic one needs `pip install 'upward[semantic]'`."""
    if name == "tfidf":
        return TfidfBackend()
    if name == "semantic":
        from upward.patterns.semantic import SemanticBackend

        return SemanticBackend()
    raise UpwardError(f"'{name}' is not a way to compare items; use one of: {', '.join(BACKENDS)}")
