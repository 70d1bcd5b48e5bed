"""The self-assessment beside the record: answers stand in where the record is silent, and any gap
between what the person believes and what the record shows is said out loud. The record wins."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace

from upward.model.diagnosis import Finding, Status
from upward.playbook.schema import Answer, Question

RANK = {Status.OK: 0, Status.WARNING: 1, Status.RED: 2}


def chosen(questions: list[Question], answers: Mapping[str, str]) -> list[tuple[Question, Answer]]:
    """The answers given to `questions`, skipping any that no longer match the playbook."""
    found = []
    for question in questions:
        answer = next((a for a in question.answers if a.id == answers.get(question.id)), None)
        if answer is not None:
            found.append((question, answer))
    return found


def apply_answers(finding: Finding, questions: list[Question], answers: Mapping[str, str]) -> Finding:
    given = chosen(questions, answers)
    if not given:
        return finding
    if any(q.about for q, _ in given):
        return _perception(finding, given)
    _, answer = given[0]
    believed = Status(answer.status)
    if finding.status is Status.UNKNOWN:
        summary = f"From your own answer: “{answer.label}”. Your record can't confirm it yet."
        return replace(finding, status=believed, summary=summary, from_answers=True)
    if believed is finding.status:
        return finding
    if RANK[believed] < RANK[finding.status]:
        gap = f"You said “{answer.label}”, but your record shows otherwise: {finding.summary}"
    else:
        gap = f"You said “{answer.label}”; your record looks better than that: {finding.summary}"
    return replace(finding, contradiction=gap)


def _perception(finding: Finding, given: list[tuple[Question, Answer]]) -> Finding:
    views = "; ".join(f"{q.about}: “{a.thinks}”" for q, a in given if a.thinks)
    worst = max((Status(a.status) for _, a in given), key=lambda s: RANK[s])
    if finding.status is Status.UNKNOWN:
        return replace(finding, status=worst, summary=f"What they likely think — {views}.", from_answers=True)
    summary = f"What they likely think — {views}. What your record shows: {finding.summary}"
    gap = None
    if RANK[worst] < RANK[finding.status]:
        gap = "Your answers are more hopeful than your record: the record shows no contact with some of them."
    return replace(finding, summary=summary, contradiction=gap)
