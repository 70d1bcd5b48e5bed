"""Domain types and pure rules. Standard library only; no I/O."""

from upward.model.errors import InputError, NotFound, UpwardError
from upward.model.evidence import (
    KIND_DESCRIPTIONS,
    Evidence,
    EvidenceDraft,
    EvidenceFilter,
    EvidencePatch,
    Kind,
    Metric,
    Page,
)
from upward.model.people import Person, PersonDraft, PromotionRole
from upward.model.profile import Profile

__all__ = [
    "KIND_DESCRIPTIONS",
    "Evidence",
    "EvidenceDraft",
    "EvidenceFilter",
    "EvidencePatch",
    "InputError",
    "Kind",
    "Metric",
    "NotFound",
    "Page",
    "Person",
    "PersonDraft",
    "Profile",
    "PromotionRole",
    "UpwardError",
]
