"""The contract every importer follows."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol

from upward.model import EvidenceDraft, Person, Profile
from upward.model.imports import Ignored


class Progress(Protocol):
    """Where an importer reports how far it has got; a surface draws it as a progress bar."""

    def total(self, amount: int | None) -> None: ...

    def advance(self, amount: int = 1) -> None: ...


class NoProgress:
    def total(self, amount: int | None) -> None:
        pass

    def advance(self, amount: int = 1) -> None:
        pass


@dataclass
class ImportRequest:
    """What an importer is asked to read, and what it may know of the person."""

    paths: tuple[Path, ...]
    options: dict[str, Any] = field(default_factory=dict)
    profile: Profile | None = None
    people: tuple[Person, ...] = ()
    #: What the previous run of this source left for the next one (for incremental reads).
    #: The importer may change it; whatever it holds at the end is kept for the next run.
    state: dict[str, Any] = field(default_factory=dict)
    progress: Progress = field(default_factory=NoProgress)


@dataclass(frozen=True)
class ImportOption:
    """One setting an importer accepts; the CLI flag, web field and API key are built from it."""

    name: str  # a Python identifier: `--all-branches` on the CLI is `all_branches`
    help: str
    type: type = str  # str, int or bool
    multiple: bool = False  # may be given several times (a list)

    @property
    def flag(self) -> str:
        return "--" + self.name.replace("_", "-")


class Importer(Protocol):
    #: The name people type: `upward import NAME`.
    name: str
    #: One plain line for menus and help.
    label: str
    #: File name endings this importer reads (empty for folders or repositories).
    suffixes: tuple[str, ...]
    #: What the paths are, in a few words ("CSV files", "git repositories").
    paths_help: str
    #: False for a source that can run without files (a live sync); True for nearly all.
    needs_paths: bool
    #: Settings beyond the paths.
    options: tuple[ImportOption, ...]

    def read(self, request: ImportRequest) -> Iterator[EvidenceDraft | Ignored]:
        """Yield a draft (with `source` and a stable `source_id`) or an `Ignored` for every record.

        Raise `ImportProblem` naming the file, line and field for anything malformed; the whole
        import is then rolled back.
        """
        ...
