"""The parts of an impact story a reader needs: consequence, baseline, result, timeframe and the person's role."""

from __future__ import annotations

import re

from upward.analysis.legibility.numbers import MONTHS

CONSEQUENCE = re.compile(
    r"\b(?:customers?|clients?|users?|revenue|sales(?! cycle)|profit|margin|costs?|spend|budget|savings?|saved|saves"
    r"|churn|retention|renewals?|conversion|sign-?ups?|subscribers?|complaints?|support (?:tickets|calls)|refunds?"
    r"|risk|fines?|penalt(?:y|ies)|compliance|audit|outages?|downtime|deadlines?|launch(?:ed)?|shipped on time"
    r"|orders?|deals?|bookings|leads|trials|abandoned carts|reviews|ratings|satisfaction|trust|overtime|headcount"
    r"|so that|which meant|meaning|allowing|enabled|freed|avoided|prevented|recovered|won|lost|losing|leaving)\b",
    re.IGNORECASE,
)
_BASELINE = re.compile(
    r"\bfrom\b[^.;]{0,40}?\bto\b|\b(?:was|were|had been|used to|before|previously|originally|baseline|down from"
    r"|up from|compared (?:with|to)|versus|vs\.?|at the start|last year|the year before|instead of)\b",
    re.IGNORECASE,
)
_NUMBER_WORDS = r"\d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|a few|several|a couple of"
_TIMEFRAME = re.compile(
    rf"\b(?:within|in|over|after|by|for|during|inside)\s+(?:the\s+)?(?:first\s+|next\s+|last\s+|past\s+|following\s+|coming\s+|same\s+)?"
    rf"(?:{_NUMBER_WORDS})?\s*(?:days?|weeks?|months?|quarters?|years?|sprints?)\b"
    r"|\b(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten|twelve)[- ](?:day|week|month|quarter|year)s?\b"
    r"|\b(?:per|a|an|each|every|this|last|next|that|the same|following)\s+(?:day|week|month|quarter|year|season)\b"
    r"|\b(?:daily|weekly|monthly|quarterly|annually|annual|yearly|overnight|same-day|year-over-year)\b"
    rf"|\b[QH][1-4]\b|\b(?:{MONTHS})\b|\b(?:19|20)\d{{2}}\b|\b\d{{4}}-\d{{2}}-\d{{2}}\b",
    re.IGNORECASE,
)
_WE = re.compile(r"\b(?:we|our|us|we've|we're|ourselves)\b", re.IGNORECASE)
_I = re.compile(r"\bI(?:'m|'ve|'d|'ll)?\b|\b(?:[Mm]y|[Mm]e|[Mm]yself)\b")
_SENTENCE_START = re.compile(r"(?:^|[.!?;]\s+|\n\s*[-*•]?\s*)([A-Za-z]+)")
ROLE_VERBS = frozenset(
    [
        "led",
        "lead",
        "ran",
        "run",
        "owned",
        "own",
        "built",
        "build",
        "designed",
        "design",
        "wrote",
        "write",
        "proposed",
        "propose",
        "started",
        "start",
        "created",
        "create",
        "drove",
        "drive",
        "organised",
        "organized",
        "coordinated",
        "coordinate",
        "negotiated",
        "negotiate",
        "launched",
        "launch",
        "rebuilt",
        "rewrote",
        "redesigned",
        "mentored",
        "coached",
        "trained",
        "taught",
        "introduced",
        "set",
        "up",
        "managed",
        "manage",
        "pitched",
        "persuaded",
        "convinced",
        "spotted",
        "found",
        "diagnosed",
        "analysed",
        "analyzed",
        "researched",
        "planned",
        "championed",
        "initiated",
        "delivered",
        "facilitated",
        "authored",
        "hired",
        "recruited",
    ]
)


def has_consequence(text: str) -> bool:
    return bool(CONSEQUENCE.search(text))


def has_baseline(text: str) -> bool:
    return bool(_BASELINE.search(text))


def has_timeframe(text: str) -> bool:
    return bool(_TIMEFRAME.search(text))


def says_we(text: str) -> bool:
    return bool(_WE.search(text))


def shows_own_role(text: str) -> bool:
    """'I led…', 'my role…', or a sentence that starts with what the person did ('Led the redesign…')."""
    if _I.search(text):
        return True
    return any(match.group(1).lower() in ROLE_VERBS for match in _SENTENCE_START.finditer(text))
