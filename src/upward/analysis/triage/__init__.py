"""Request triage: from the facts about a request to a recommendation, its reason and a reply. Pure.

Upward suggests; the person decides (`upward.services.triage.decide`).
"""

from upward.analysis.triage.facts import Budget, Facts, PlanFit, Recurrence
from upward.analysis.triage.gather import gather
from upward.analysis.triage.replies import reply
from upward.analysis.triage.rules import Recommendation, choose, duration, recommend
from upward.analysis.triage.similar import SimilarIndex

__all__ = [
    "Budget",
    "Facts",
    "PlanFit",
    "Recommendation",
    "Recurrence",
    "SimilarIndex",
    "choose",
    "duration",
    "gather",
    "recommend",
    "reply",
]
