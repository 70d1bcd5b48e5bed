"""Reading JSON saved from GitHub one entry at a time, without loading a whole file.

A file may hold one JSON array (a list answer), several arrays one after another (what
`gh api --paginate` writes), an array of arrays (`--slurp`), search answers (`{"items": [...]}`),
or one object (a single item or a webhook payload). Every object found is one *entry*, numbered
from 1 through the whole file.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any, TextIO

from upward.model.imports import ImportProblem

CHUNK = 1 << 16
_WHITESPACE = " \t\r\n"
_DECODER = json.JSONDecoder()
EDGE = 8  # an error this close to the end of the window may only be a value cut by the window ("fals")
SAVE_AGAIN = "save it again with `gh api --paginate ... > file.json`"


class _Cursor:
    """A window over the text: reads more only when a value does not fit in what it holds."""

    def __init__(self, stream: TextIO, path: Path) -> None:
        self.stream = stream
        self.path = path
        self.text = ""
        self.pos = 0
        self.eof = False
        self.lines_before = 0  # newlines in the text already dropped from the window

    def _more(self) -> None:
        try:
            chunk = self.stream.read(max(CHUNK, len(self.text) - self.pos))
        except UnicodeDecodeError:
            raise ImportProblem(self.path, "is not UTF-8 text; GitHub saves JSON as UTF-8, so " + SAVE_AGAIN) from None
        if not chunk:
            self.eof = True
            return
        self.lines_before += self.text.count("\n", 0, self.pos)
        self.text = self.text[self.pos :] + chunk
        self.pos = 0

    def peek(self) -> str | None:
        """The next character that is not whitespace, or None at the end of the file."""
        while True:
            while self.pos < len(self.text) and self.text[self.pos] in _WHITESPACE:
                self.pos += 1
            if self.pos < len(self.text):
                return self.text[self.pos]
            if self.eof:
                return None
            self._more()

    def take(self) -> str:
        char = self.text[self.pos]
        self.pos += 1
        return char

    def line(self, pos: int | None = None) -> int:
        at = self.pos if pos is None else pos
        return self.lines_before + self.text.count("\n", 0, at) + 1

    def value(self, entry: int) -> Any:
        """Decode the JSON value that starts here, reading on until it is complete."""
        if self.peek() is None:
            raise ImportProblem(
                self.path,
                f"the file stops before entry {entry}; it looks cut short, so " + SAVE_AGAIN,
                line=self.line(),
            )
        while True:
            try:
                value, end = _DECODER.raw_decode(self.text, self.pos)
            except json.JSONDecodeError as error:
                at_edge = error.pos >= len(self.text) - EDGE or error.msg.startswith("Unterminated string")
                if at_edge and not self.eof:
                    self._more()  # the value goes on past the window
                    continue
                raise self._broken(entry, error, cut_short=at_edge) from None
            if end == len(self.text) and not self.eof:
                self._more()  # a number at the end of the window may go on in the next chunk
                continue
            self.pos = end
            return value

    def _broken(self, entry: int, error: json.JSONDecodeError, *, cut_short: bool) -> ImportProblem:
        line = self.line(error.pos)
        if cut_short:
            return ImportProblem(
                self.path,
                f"the file stops in the middle of entry {entry}; it looks cut short, so " + SAVE_AGAIN,
                line=line,
            )
        return ImportProblem(
            self.path,
            f"entry {entry} is not valid JSON ({error.msg.lower()}); " + SAVE_AGAIN,
            line=line,
        )

    def expect(self, entry: int, allowed: str) -> str:
        char = self.peek()
        if char is None:
            raise ImportProblem(
                self.path,
                f"the file stops after entry {entry - 1}; it looks cut short, so " + SAVE_AGAIN,
                line=self.line(),
            )
        if char not in allowed:
            wanted = " or ".join(f"'{c}'" for c in allowed)
            raise ImportProblem(
                self.path,
                f"after entry {entry - 1} there should be {wanted}, not '{char}'; " + SAVE_AGAIN,
                line=self.line(),
            )
        return self.take()


def entries(path: Path) -> Iterator[tuple[int, Any]]:
    """Every entry in a saved GitHub JSON file, with its number (from 1)."""
    with _open(path) as stream:
        cursor = _Cursor(stream, path)
        first = cursor.peek()
        if first is None:
            raise ImportProblem(path, "the file is empty; " + SAVE_AGAIN)
        if first not in "[{":
            raise ImportProblem(
                path,
                "this is not JSON from GitHub (it should start with '[' or '{'); " + SAVE_AGAIN,
                line=cursor.line(),
            )
        count = 0
        while cursor.peek() is not None:
            if cursor.peek() != "[":
                for item in _unpacked(cursor.value(count + 1)):
                    count += 1
                    yield count, item
                continue
            cursor.take()
            if cursor.peek() == "]":
                cursor.take()
                continue
            while True:
                for item in _unpacked(cursor.value(count + 1)):
                    count += 1
                    yield count, item
                if cursor.expect(count + 1, ",]") == "]":
                    break


def _unpacked(value: Any) -> Iterator[Any]:
    """A page of a slurped list, or a search answer, holds entries; anything else is one entry."""
    if isinstance(value, list):
        yield from value
    elif isinstance(value, dict) and isinstance(value.get("items"), list) and "total_count" in value:
        yield from value["items"]
    else:
        yield value


@contextmanager
def _open(path: Path) -> Iterator[TextIO]:
    """A saved JSON file as UTF-8 text, refusing what is plainly not text."""
    if not path.is_file():
        raise ImportProblem(path, "there is no file here; name the .json files you saved from GitHub")
    with path.open("rb") as raw:
        start = raw.read(4096)
    if b"\x00" in start:
        raise ImportProblem(path, "this is not a text file; GitHub exports are JSON text, so " + SAVE_AGAIN)
    with path.open(encoding="utf-8-sig", newline="") as stream:
        yield stream
