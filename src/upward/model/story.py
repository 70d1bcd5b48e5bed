"""An impact story: the problem and its baseline, the stakes, the person's action, the result and the outcome."""

from __future__ import annotations

from dataclasses import dataclass, field, fields, replace
from datetime import date, datetime

from upward.model.errors import InputError
from upward.model.parsing import clean_list, clean_text

AUDIENCES = ("manager", "skip-level", "executive")
MAX_PART = 1000

#: The parts of a story, in the order the builder asks for them, each with its question.
#: Wording here is what people see in `upward story new` and on the web form.
PARTS: dict[str, tuple[str, str]] = {
    "title": ("Title", "A short name for this story (a few words)"),
    "problem": ("Problem", "What was wrong, or what was at risk, before you started?"),
    "baseline": (
        "Baseline",
        "How bad was it, in numbers? (for example: '15% of buyers gave up at the payment screen')",
    ),
    "stakes": ("Stakes", "What did it cost the business: money, customers, people's time, risk?"),
    "action": ("What you did", "What did you do about it?"),
    "role": ("Your role", "What was your own part? (for example: 'I led it', 'I designed the new form')"),
    "collaborators": ("Worked with", "Who did you work with? (teams or people, separated by commas)"),
    "result": ("Result", "What is the number now? (for example: 'latency is 1.2 seconds')"),
    "timeframe": ("How soon", "How soon did it change? (for example: 'within 30 days')"),
    "outcome": ("Business outcome", "What did that mean for the business? (for example: '$1.8M a year recovered')"),
}
#: What a story needs before it can be told in three sentences.
NEEDED = ("problem", "baseline", "stakes", "action", "role", "result", "timeframe", "outcome")


def parse_audience(value: str) -> str:
    cleaned = value.strip().lower().replace("_", "-").replace(" ", "-")
    cleaned = {"skip": "skip-level", "skiplevel": "skip-level", "exec": "executive"}.get(cleaned, cleaned)
    if cleaned not in AUDIENCES:
        raise InputError("audience", f"'{value}' is not a reader Upward knows; use one of: {', '.join(AUDIENCES)}")
    return cleaned


@dataclass(frozen=True, slots=True)
class StoryDraft:
    """A story as the person tells it; every part but the title may still be missing."""

    title: str
    problem: str = ""
    baseline: str = ""
    stakes: str = ""
    action: str = ""
    role: str = ""
    collaborators: tuple[str, ...] = ()
    result: str = ""
    timeframe: str = ""
    outcome: str = ""
    audience: str = "skip-level"
    evidence_ids: tuple[int, ...] = ()
    occurred_on: date | None = None
    #: The person's own wording of the whole story (typed, or a rewrite they accepted); empty uses the templates.
    wording: str = ""

    def validated(self) -> StoryDraft:
        parts = {name: _clean_part(getattr(self, name), name) for name in NEEDED}
        return replace(
            self,
            title=clean_text(self.title, "title", required=True, limit=200),
            collaborators=tuple(clean_list(self.collaborators)),
            audience=parse_audience(self.audience),
            evidence_ids=tuple(dict.fromkeys(int(i) for i in self.evidence_ids)),
            wording=_clean_part(self.wording, "wording", limit=4000),
            **parts,  # type: ignore[arg-type]
        )

    def missing(self) -> list[str]:
        """The parts still empty, in the order the builder asks for them."""
        return [name for name in NEEDED if not getattr(self, name)]

    def facts(self) -> dict[str, str]:
        """Every filled-in part as text: what a version or a rewrite may draw on, and nothing else."""
        values = {name: getattr(self, name) for name in PARTS}
        values["collaborators"] = ", ".join(self.collaborators)
        return {name: str(value) for name, value in values.items() if value}


@dataclass(frozen=True, slots=True)
class Story(StoryDraft):
    id: int = 0
    owner_id: int = 0
    created_at: datetime = field(default_factory=datetime.now)
    updated_at: datetime = field(default_factory=datetime.now)

    def draft(self) -> StoryDraft:
        return StoryDraft(**{f.name: getattr(self, f.name) for f in fields(StoryDraft)})


def _clean_part(value: str, name: str, *, limit: int = MAX_PART) -> str:
    text = "\n".join(" ".join(line.split()) for line in (value or "").strip().splitlines()).strip()
    text = text.replace("\x00", "")
    if len(text) > limit:
        raise InputError(name, f"has {len(text)} characters; keep it under {limit}")
    return text
