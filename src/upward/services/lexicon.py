"""The person's own additions to the legibility lexicon: `lexicon.yaml` in their data folder."""

from __future__ import annotations

from pathlib import Path

import yaml

from upward.analysis.legibility import Lexicon, shipped_lexicon
from upward.model.errors import FileProblem
from upward.settings import Settings

FILE_NAME = "lexicon.yaml"
EXAMPLE = "terms: [quorum sensing, our internal tool names]\nplain: [API, churn]\n"


def lexicon_path(settings: Settings) -> Path:
    return settings.home / FILE_NAME


def person_lexicon(settings: Settings) -> Lexicon:
    """The shipped lexicon plus the person's `terms` (to flag) and `plain` words (their readers know them)."""
    path = lexicon_path(settings)
    if not path.is_file():
        return shipped_lexicon()
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        line = mark.line + 1 if mark is not None else None
        raise FileProblem(path, "is not valid YAML; it should look like:\n" + EXAMPLE, line=line) from None
    except UnicodeDecodeError:
        raise FileProblem(path, "is not a UTF-8 text file") from None
    if not isinstance(data, dict) or set(data) - {"terms", "plain"}:
        raise FileProblem(path, "should have only the lists 'terms' and 'plain', like:\n" + EXAMPLE)
    lists: dict[str, list[str]] = {}
    for key in ("terms", "plain"):
        value = data.get(key) or []
        if not isinstance(value, list) or not all(isinstance(word, str | int | float) for word in value):
            raise FileProblem(path, "should be a list of words, like [quorum sensing, churn]", field=key)
        lists[key] = [str(word) for word in value]
    return shipped_lexicon().extended(lists["terms"], lists["plain"])
