"""The legibility check: would someone outside the person's field see why this work mattered?"""

from __future__ import annotations

from upward.analysis.legibility import story_parts
from upward.analysis.legibility.audiences import audience as find_audience
from upward.analysis.legibility.jargon import Lexicon, jargon
from upward.analysis.legibility.model import Finding, Legibility
from upward.analysis.legibility.numbers import first_measure_phrase, quantities
from upward.analysis.legibility.readability import reading_grade, word_count


def check(text: str, audience: str = "skip-level", lexicon: Lexicon | None = None) -> Legibility:
    """Score `text` from 0 to 100 for `audience` and list what it is missing, each with a fixing question."""
    reader = find_audience(audience)
    words = word_count(text)
    if words == 0:
        empty = Finding("empty", "Nothing written yet", "What was the problem, what did you do, and what changed?", 100)
        return Legibility(score=0, audience=reader.name, words=0, grade=None, findings=(empty,))
    grade = reading_grade(text)
    findings = [
        *_impact(text),
        *_role(text),
        *_words(text, lexicon, reader.jargon_allowed),
        *_reading(grade, reader.max_grade),
        *_length(words, reader.max_words, reader.name),
    ]
    score = max(0, 100 - sum(finding.weight for finding in findings))
    return Legibility(score=score, audience=reader.name, words=words, grade=grade, findings=tuple(findings))


def _impact(text: str) -> list[Finding]:
    found = quantities(text)
    findings: list[Finding] = []
    if found.any_measure and not found.stakes and not story_parts.has_consequence(text):
        phrase = first_measure_phrase(text) or "That number"
        findings.append(
            Finding(
                "metric-without-consequence",
                "A number with no consequence",
                f"{phrase} — what did that change for customers, revenue or people's time?",
                20,
            )
        )
    if not found.stakes:
        findings.append(
            Finding(
                "no-stakes",
                "No money, people or time saved",
                "What was it worth: how much money, how many customers or colleagues, or how many hours saved?",
                20,
            )
        )
    if not found.any_measure:
        findings.append(
            Finding(
                "no-result",
                "No result you can measure",
                "What changed because of your work, in numbers — what was it before, and what is it now?",
                20,
            )
        )
    elif not story_parts.has_baseline(text):
        findings.append(
            Finding(
                "no-baseline",
                "No starting point",
                "What was it before you started, so the reader can see the size of the change?",
                10,
            )
        )
    if not story_parts.has_timeframe(text):
        findings.append(
            Finding(
                "no-timeframe",
                "No timeframe",
                "How soon did it change, and over what period: within weeks, a quarter, a year?",
                10,
            )
        )
    return findings


def _role(text: str) -> list[Finding]:
    if story_parts.says_we(text) and not story_parts.shows_own_role(text):
        question = "You say “we” — what did you do yourself? Try “I led…”, “I designed…” or “I proposed…”."
        return [Finding("we-without-role", "Your own part is hidden in “we”", question, 10)]
    return []


def _words(text: str, lexicon: Lexicon | None, allowed: int) -> list[Finding]:
    hard = jargon(text, lexicon)
    if len(hard) <= allowed:
        return []
    shown = ", ".join(f"“{word}”" for word in hard[:4])
    question = f"How would you say {shown} to someone outside your field?"
    return [Finding("jargon", "Words a non-expert will not know", question, min(20, 5 * len(hard)), hard)]


def _reading(grade: float | None, max_grade: int) -> list[Finding]:
    if grade is None or grade <= max_grade:
        return []
    question = (
        f"Can you split long sentences and pick shorter words? It reads at school grade {grade:.0f}; "
        f"aim for {max_grade} or lower."
    )
    return [Finding("reading-grade", "Hard to read", question, 10)]


def _length(words: int, max_words: int, reader: str) -> list[Finding]:
    if words <= max_words:
        return []
    question = f"Can you say it in {max_words} words or fewer for your {reader}, starting with the outcome?"
    return [Finding("too-long", "Too long for this reader", question, 10)]
