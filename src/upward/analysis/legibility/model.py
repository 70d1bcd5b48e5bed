"""What the legibility check returns: a score and findings, each with the question that fixes it."""

from __future__ import annotations

from dataclasses import dataclass, field

from upward.model.story import AUDIENCES  # who a story is for; each one's limits live in audiences.yaml

__all__ = ["AUDIENCES", "Finding", "Legibility"]


@dataclass(frozen=True, slots=True)
class Finding:
    """One thing a non-expert reader would miss, and the question whose answer fixes it."""

    id: str
    title: str
    question: str
    weight: int
    terms: tuple[str, ...] = ()

    def as_dict(self) -> dict[str, object]:
        return {"id": self.id, "title": self.title, "question": self.question, "terms": list(self.terms)}


@dataclass(frozen=True, slots=True)
class Legibility:
    """The check's verdict on one text for one audience."""

    score: int
    audience: str
    words: int
    grade: float | None
    findings: tuple[Finding, ...] = field(default_factory=tuple)

    @property
    def ids(self) -> set[str]:
        return {finding.id for finding in self.findings}

    @property
    def verdict(self) -> str:
        if self.words == 0:
            return "Nothing to check yet."
        if self.score >= 85:
            return "A non-expert would follow this."
        if self.score >= 60:
            return "Nearly there: answer the questions below."
        return "A decision-maker would not see why this mattered yet."

    def as_dict(self) -> dict[str, object]:
        return {
            "score": self.score,
            "audience": self.audience,
            "words": self.words,
            "grade": None if self.grade is None else round(self.grade, 1),
            "verdict": self.verdict,
            "findings": [finding.as_dict() for finding in self.findings],
        }
