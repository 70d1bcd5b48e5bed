"""Words a non-expert will not know: acronyms, code identifiers, file paths and terms from the lexicon."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from importlib.resources import files
from typing import Any

import yaml

_ACRONYM = re.compile(r"\b[A-Z][A-Z0-9&]*[A-Z][A-Z0-9]*s?\b")
_CODE = re.compile(
    r"`[^`\n]+`"  # `anything in backticks`
    r"|\b[A-Za-z][A-Za-z0-9]*_[A-Za-z0-9_]+\b"  # snake_case
    r"|\b[a-z]+[A-Z][A-Za-z0-9]*\b"  # camelCase
    r"|\b[A-Za-z_][\w]*\(\)"  # call()
    r"|\b[a-z_]{2,}\.[a-z_]{2,}(?:\.[a-z_]+)*\b(?<!\.com)(?<!\.org)(?<!\.net)(?<!\.io)(?<!\.gov)(?<!\.edu)"
)
_PATH = re.compile(
    r"(?:(?<=\s)|^)(?:~|\.{1,2})?/[\w.-]+(?:/[\w.-]+)+/?"
    r"|\b[A-Za-z]:\\[\w\\. -]+"
    r"|\b[\w-]+\.(?:py|js|ts|tsx|jsx|go|rb|java|kt|rs|c|cpp|h|cs|php|sql|yaml|yml|json|toml|ini|cfg|sh|tf|ipynb"
    r"|csv|xlsx|xls|parquet)\b"
)


@dataclass(frozen=True, slots=True)
class Lexicon:
    """Terms to flag, words that are plain to this person's readers, and acronyms everyone knows."""

    terms: frozenset[str]
    plain: frozenset[str]
    plain_acronyms: frozenset[str]
    plain_names: frozenset[str]

    def extended(self, terms: list[str] | tuple[str, ...] = (), plain: list[str] | tuple[str, ...] = ()) -> Lexicon:
        """This lexicon with a person's own additions (their terms to flag, their words to allow)."""
        added_plain = frozenset(word.strip().lower() for word in plain if word.strip())
        return Lexicon(
            terms=(self.terms | {t.strip().lower() for t in terms if t.strip()}) - added_plain,
            plain=self.plain | added_plain,
            plain_acronyms=self.plain_acronyms | {w.strip() for w in plain if w.strip()},
            plain_names=self.plain_names,
        )


@cache
def shipped_lexicon() -> Lexicon:
    """The lexicon Upward ships with (lexicon.yaml next to this module)."""
    data: dict[str, Any] = yaml.safe_load((files("upward.analysis.legibility") / "lexicon.yaml").read_text("utf-8"))
    terms = {str(term).lower() for group in data["terms"].values() for term in group}
    return Lexicon(
        terms=frozenset(terms),
        plain=frozenset(),
        plain_acronyms=frozenset(str(a) for a in data["plain_acronyms"]),
        plain_names=frozenset(str(n) for n in data["plain_names"]),
    )


@cache
def _terms_pattern(terms: frozenset[str]) -> re.Pattern[str] | None:
    if not terms:
        return None
    ordered = sorted(terms, key=len, reverse=True)
    return re.compile(r"(?<![\w/-])(?:" + "|".join(re.escape(t) for t in ordered) + r")(?![\w/-])", re.IGNORECASE)


def jargon(text: str, lexicon: Lexicon | None = None) -> tuple[str, ...]:
    """Each hard word once, in the order it first appears."""
    lexicon = lexicon or shipped_lexicon()
    found: list[tuple[int, str]] = []
    taken: list[tuple[int, int]] = []

    def add(start: int, end: int, word: str) -> None:
        if any(start < t_end and t_start < end for t_start, t_end in taken):
            return
        taken.append((start, end))
        found.append((start, word))

    for pattern in (_PATH, _CODE):
        for match in pattern.finditer(text):
            if match.group() not in lexicon.plain_names and match.group().lower() not in lexicon.plain:
                add(match.start(), match.end(), match.group().strip("`"))
    terms = _terms_pattern(lexicon.terms)
    for match in terms.finditer(text) if terms else ():
        add(match.start(), match.end(), match.group())
    for match in _ACRONYM.finditer(text):
        word = match.group()
        known = word in lexicon.plain_acronyms or word.rstrip("s") in lexicon.plain_acronyms
        if not known and word.lower() not in lexicon.plain and not re.fullmatch(r"[QH][1-4]", word):
            add(match.start(), match.end(), word)
    seen: dict[str, str] = {}
    for _, word in sorted(found):
        seen.setdefault(word.lower(), word)
    return tuple(seen.values())
