"""Parsing what people type: dates, lists, text. Each failure names the field and the fix."""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import date, datetime, time, timedelta
from functools import lru_cache
from itertools import repeat

from upward.model.errors import InputError

_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")


def parse_day(value: str, field: str = "date", *, today: date | None = None) -> date:
    """A calendar day: `2026-11-02`, `today` or `yesterday`."""
    text = value.strip().lower()
    today = today or date.today()
    if text == "today":
        return today
    if text == "yesterday":
        return today - timedelta(days=1)
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise InputError(field, f"'{value}' is not a date; use YYYY-MM-DD, for example 2026-11-02") from None


def parse_when(value: str, field: str = "date", *, today: date | None = None) -> datetime:
    """A moment: a day (noon is assumed, so the day never shifts), or a day and a time."""
    text = value.strip()
    if "T" in text or " " in text.strip():
        try:
            return datetime.fromisoformat(text).replace(tzinfo=None)
        except ValueError:
            raise InputError(field, f"'{value}' is not a date and time; use YYYY-MM-DD or YYYY-MM-DD HH:MM") from None
    return datetime.combine(parse_day(text, field, today=today), time(12, 0))


_UNSTORABLE = re.compile(r"[\x00\ud800-\udfff]")


def storable(text: str) -> str:
    """Text without the characters no database stores: NUL and unpaired surrogates."""
    if "\x00" not in text and (text.isascii() or _encodes(text)):
        return text  # nothing to remove: checked far faster than the pattern scans
    return _UNSTORABLE.sub("", text)


def _encodes(text: str) -> bool:
    """Whether `text` has no surrogate (UTF-8 takes every other character)."""
    try:
        text.encode()
    except UnicodeEncodeError:
        return False
    return True


def clean_text(value: str | None, field: str, *, required: bool = False, limit: int = 200) -> str:
    text = " ".join(storable(value or "").split())
    if required and not text:
        raise InputError(field, "can't be empty; write a few words")
    if len(text) > limit:
        raise InputError(field, f"has {len(text)} characters; keep it under {limit}")
    return text


def clean_list(values: Iterable[str], *, lower: bool = False, split: bool = True) -> list[str]:
    """Trim entries and drop repeats, keeping the order given; `split` also splits typed "a, b" lists."""
    parts = (part for value in values for part in value.split(",")) if split else values
    return list(dict.fromkeys(filter(None, map(clean_entry, parts, repeat(lower)))))


@lru_cache(maxsize=8192)
def clean_entry(text: str, lower: bool = False) -> str:
    """One entry of a list as `clean_list` keeps it ("" to drop it); names, teams and tags repeat, so each
    is cleaned once."""
    entry = " ".join(storable(text).split())
    return entry.lower() if lower else entry


def clean_email(value: str | None, field: str) -> str | None:
    text = (value or "").strip()
    if not text:
        return None
    if not _EMAIL.match(text):
        raise InputError(field, f"'{text}' is not an email address; it should look like name@example.com")
    return text.lower()
