"""Errors a person can act on. Every surface turns these into one plain sentence."""

from __future__ import annotations


class UpwardError(Exception):
    """Something the person can fix. `str(error)` is the whole message they see."""


class InputError(UpwardError):
    """A value the person gave is wrong. Names the field and says how to fix it."""

    def __init__(self, field: str, problem: str, *, where: str | None = None) -> None:
        self.field = field
        self.problem = problem
        self.where = where
        prefix = f"{where}: " if where else ""
        super().__init__(f"{prefix}{field}: {problem}")


class NotFound(UpwardError):
    """The thing asked for does not exist (or belongs to someone else)."""


class FileProblem(UpwardError):
    """A file that can't be used, with the place and field at fault: "FILE, line N, field 'F': problem"."""

    def __init__(self, file: object, problem: str, *, line: int | None = None, field: str | None = None) -> None:
        self.file = str(file)
        self.line = line
        self.field = field
        self.problem = problem
        where = self.file
        if line is not None:
            where += f", line {line}"
        if field:
            where += f", field '{field}'"
        super().__init__(f"{where}: {problem}")
