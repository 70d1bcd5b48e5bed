"""Numbers and names in a rewritten story that its facts do not contain: a model may have made them up."""

from __future__ import annotations

import re

_NUMBER = re.compile(r"\d[\d,]*(?:\.\d+)?")
_NAME = re.compile(r"\b[A-Z][\w'&-]*(?:\s+[A-Z][\w'&-]*)*")
_SENTENCE_START = re.compile(r"(?:^|[.!?:;]\s+|\n\s*[-*•]?\s*|[\"“(]\s*)$")
_ORDINARY = frozenset(
    [
        "i",
        "i'm",
        "i've",
        "i'd",
        "i'll",
        "we",
        "our",
        "the",
        "a",
        "an",
        "this",
        "that",
        "these",
        "those",
        "it",
        "its",
        "in",
        "on",
        "at",
        "by",
        "for",
        "from",
        "to",
        "with",
        "within",
        "after",
        "before",
        "over",
        "during",
        "and",
        "but",
        "so",
        "then",
        "as",
        "our",
        "my",
        "me",
        "when",
        "while",
        "because",
        "since",
        "until",
        "once",
        "now",
        "today",
        "its",
        "they",
        "their",
        "he",
        "she",
        "his",
        "her",
        "you",
        "your",
        "who",
        "what",
        "which",
        "where",
        "how",
        "why",
        "yes",
        "no",
        "not",
        "all",
        "each",
        "every",
        "both",
        "most",
        "many",
        "more",
        "less",
    ]
)  # a month or a weekday the facts do not hold is an invented date, so they are not listed here


def _numbers(text: str) -> set[str]:
    return {match.group().replace(",", "").rstrip(".") for match in _NUMBER.finditer(text)}


def _names(text: str) -> list[tuple[int, str]]:
    found: list[tuple[int, str]] = []
    for match in _NAME.finditer(text):
        words = match.group().split()
        if _SENTENCE_START.search(text[: match.start()]):
            words = words[1:]  # the first word of a sentence is capitalised anyway
        name = " ".join(word for word in words if word.lower().strip("'") not in _ORDINARY)
        if name:
            found.append((match.start() + match.group().find(name.split()[0]), name))
    return found


def invented(rewrite: str, facts: str) -> list[str]:
    """Each number or name in `rewrite` that does not appear in `facts`, once, in order of appearance."""
    known_numbers = _numbers(facts)
    known_words = {word.lower() for word in re.findall(r"[\w'&-]+", facts)}
    flagged: list[tuple[int, str]] = []
    for match in _NUMBER.finditer(rewrite):
        if match.group().replace(",", "").rstrip(".") not in known_numbers:
            flagged.append((match.start(), match.group().rstrip(".")))
    for start, name in _names(rewrite):
        if any(word.lower() not in known_words for word in re.findall(r"[\w'&-]+", name)):
            flagged.append((start, name))
    return list(dict.fromkeys(item for _, item in sorted(flagged)))
