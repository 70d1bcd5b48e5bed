"""What an import produces and how it reports on itself."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import datetime

from upward.model.errors import FileProblem


class ImportProblem(FileProblem):
    """A file that can't be imported, with the place and field at fault. Nothing is written."""


@dataclass(frozen=True, slots=True)
class Ignored:
    """A record an importer read and set aside on purpose; `reason` is shown in the summary."""

    reason: str


@dataclass
class ImportSummary:
    added: int = 0
    updated: int = 0
    unchanged: int = 0
    kept_your_edits: int = 0
    ignored: Counter[str] = field(default_factory=Counter)

    def as_dict(self) -> dict[str, object]:
        return {
            "added": self.added,
            "updated": self.updated,
            "unchanged": self.unchanged,
            "kept_your_edits": self.kept_your_edits,
            "ignored": dict(self.ignored),
        }

    @classmethod
    def from_dict(cls, data: dict[str, object]) -> ImportSummary:
        ignored = data.get("ignored") or {}
        assert isinstance(ignored, dict)
        return cls(
            added=int(data.get("added", 0)),  # type: ignore[call-overload]
            updated=int(data.get("updated", 0)),  # type: ignore[call-overload]
            unchanged=int(data.get("unchanged", 0)),  # type: ignore[call-overload]
            kept_your_edits=int(data.get("kept_your_edits", 0)),  # type: ignore[call-overload]
            ignored=Counter({str(k): int(v) for k, v in ignored.items()}),
        )

    def sentence(self) -> str:
        parts = [f"{self.added} added", f"{self.updated} updated", f"{self.unchanged} already there"]
        if self.kept_your_edits:
            parts.append(f"{self.kept_your_edits} kept as you edited them")
        if self.ignored:
            reasons = ", ".join(f"{n} {reason}" for reason, n in self.ignored.most_common())
            parts.append(f"ignored: {reasons}")
        return "; ".join(parts)


@dataclass(frozen=True, slots=True)
class ImportRun:
    id: int
    source: str
    started_at: datetime
    finished_at: datetime | None
    params: dict[str, object]
    summary: ImportSummary
    items: int
