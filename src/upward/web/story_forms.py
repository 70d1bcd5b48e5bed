"""The story form: its fields as the page shows them, and what a submitted form says."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from upward.model.errors import InputError
from upward.model.parsing import clean_list, parse_day
from upward.model.story import AUDIENCES, PARTS, StoryDraft

#: The form's boxes: name, label, hint, and whether it is a larger text area.
FIELDS = [(name, label, hint) for name, (label, hint) in PARTS.items()]
LABELS = {name: label for name, (label, _) in PARTS.items()} | {
    "audience": "Who reads it",
    "occurred_on": "When",
    "evidence": "Evidence",
    "wording": "Your own wording",
}


def form_values(story: StoryDraft) -> dict[str, str]:
    """A story as the form shows it."""
    values = {name: str(getattr(story, name)) for name in PARTS if name != "collaborators"}
    return values | {
        "collaborators": ", ".join(story.collaborators),
        "audience": story.audience,
        "occurred_on": story.occurred_on.isoformat() if story.occurred_on else "",
        "evidence": ", ".join(str(i) for i in story.evidence_ids),
        "wording": story.wording,
    }


def changes_from_form(form: dict[str, str]) -> dict[str, Any]:
    """Every field of the form, as changes to a story; raises InputError naming the box at fault."""
    changes: dict[str, Any] = {name: form.get(name, "") for name in PARTS if name != "collaborators"}
    changes["collaborators"] = tuple(clean_list([form.get("collaborators", "")]))
    changes["audience"] = form.get("audience") or "skip-level"
    changes["wording"] = form.get("wording", "")
    day = form.get("occurred_on", "").strip()
    changes["occurred_on"] = parse_day(day, "occurred_on") if day else None
    try:
        changes["evidence_ids"] = tuple(int(part) for part in clean_list([form.get("evidence", "")]))
    except ValueError:
        raise InputError("evidence", "list evidence numbers separated by commas, like 12, 15") from None
    return changes


def draft_from_form(form: dict[str, str]) -> StoryDraft:
    """What the person has typed so far, for the live check (nothing is validated or saved)."""
    audience = form.get("audience", "skip-level")
    draft = StoryDraft(title=form.get("title", ""), audience=audience if audience in AUDIENCES else "skip-level")
    texts: dict[str, Any] = {name: form.get(name, "") for name in PARTS if name not in ("title", "collaborators")}
    collaborators = tuple(clean_list([form.get("collaborators", "")]))
    return replace(draft, **texts, collaborators=collaborators, wording=form.get("wording", "").strip())


def said(error: InputError) -> str:
    return f"{LABELS.get(error.field, error.field.capitalize())}: {error.problem}"
