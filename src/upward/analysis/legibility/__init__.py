"""The legibility check: would a decision-maker outside the person's field see why the work mattered?

`check(text, audience)` is pure: the same text and audience always give the same score and findings.
"""

from upward.analysis.legibility.audiences import audience
from upward.analysis.legibility.check import check
from upward.analysis.legibility.jargon import Lexicon, jargon, shipped_lexicon
from upward.analysis.legibility.model import AUDIENCES, Finding, Legibility

__all__ = ["AUDIENCES", "Finding", "Legibility", "Lexicon", "audience", "check", "jargon", "shipped_lexicon"]
