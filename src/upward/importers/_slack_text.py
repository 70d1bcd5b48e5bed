"""Slack's message markup (`<@U123>`, `<https://…|label>`, `&lt;`) turned into plain words."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable

_MARKUP = re.compile(r"<([^<>\n]*)>")
_ASKING = re.compile(r"\b(?:can|could|would|will) you\b|\bplease\b|\bpls\b", re.IGNORECASE)


def safe(text: str) -> str:
    """Text any database stores: no control characters (but new lines and tabs), no broken surrogates."""
    text = text.encode("utf-8", "replace").decode("utf-8")
    return "".join(c for c in text if c in "\n\t" or unicodedata.category(c) != "Cc")


def plain(text: str, name_of: Callable[[str], str]) -> str:
    """What a person reads in Slack: `@Hamza Faran`, `#general`, a link's label, `<` for `&lt;`."""

    def swap(match: re.Match[str]) -> str:
        target, _, label = match[1].partition("|")
        if target.startswith("@"):
            return "@" + name_of(target[1:])
        if target.startswith("#"):
            return "#" + (label or target[1:])
        if target.startswith("!"):
            return label or "@" + target[1:].split("^")[0]
        return label or target.removeprefix("mailto:")

    words = _MARKUP.sub(swap, text)
    return safe(words.replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&"))


def mentions(text: str, member_id: str) -> bool:
    """Does the message call on this person by name (`<@U123>` or the older `<@U123|name>`)?"""
    return f"<@{member_id}>" in text or f"<@{member_id}|" in text


def asks(text: str) -> bool:
    """Does a direct message ask something: a question mark (not in a link) or 'can you', 'please'…"""
    words = _MARKUP.sub(" ", text)
    return "?" in words or bool(_ASKING.search(words))


def shorten(text: str, limit: int) -> str:
    """One line of at most `limit` characters, cut at a word with an ellipsis."""
    line = " ".join(text.split())
    if len(line) <= limit:
        return line
    cut = line[: limit - 1].rsplit(" ", 1)[0] if " " in line[: limit - 1] else line[: limit - 1]
    return cut.rstrip(" ,.;:") + "…"


def without_leading_mention(text: str, member_id: str) -> str:
    """`<@U123>: see this` → `see this`: the words addressed to the person."""
    return re.sub(rf"^\s*<@{re.escape(member_id)}(?:\|[^>]*)?>\s*[:,]?\s*", "", text)


def has_words(text: str) -> bool:
    return sum(c.isalnum() for c in text) >= 3
