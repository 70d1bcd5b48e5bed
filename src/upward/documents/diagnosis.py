"""The diagnosis as plain data (for JSON) and as a Markdown report."""

from __future__ import annotations

from typing import Any

from upward.model.diagnosis import Diagnosis, Status

MARKS = {Status.RED: "🔴", Status.WARNING: "🟠", Status.OK: "🟢", Status.UNKNOWN: "⚪"}


def diagnosis_dict(diagnosis: Diagnosis) -> dict[str, Any]:
    return {
        "day": diagnosis.day.isoformat(),
        "stall_score": diagnosis.stall_score,
        "areas": [{"id": a.id, "title": a.title, "score": a.score, "how": a.how} for a in diagnosis.areas],
        "findings": [
            {
                "id": f.id,
                "title": f.title,
                "area": f.area,
                "status": f.status.value,
                "summary": f.summary,
                "how": f.how,
                "value": f.value,
                "missing": f.missing,
                "evidence_ids": list(f.evidence_ids),
                "next_action": {"id": f.next_action_id, "title": f.next_action},
            }
            for f in diagnosis.findings
        ],
        "next_actions": list(diagnosis.next_actions),
    }


def stall_sentence(diagnosis: Diagnosis) -> str:
    score = diagnosis.stall_score
    if score is None:
        return "There is not enough in your record yet to score your stall; the findings say what would help."
    if score >= 70:
        mood = "You are stuck, and your record shows why. The good news: each reason has a next step."
    elif score >= 40:
        mood = "You are partly stuck: some things are working, some are holding you back."
    else:
        mood = "You are moving: keep the habits that got you here."
    return f"Stall score {score} out of 100 (higher is more stuck). {mood}"


def diagnosis_markdown(diagnosis: Diagnosis) -> str:
    lines = [f"# Why you might be stuck — {diagnosis.day:%-d %B %Y}", "", stall_sentence(diagnosis), ""]
    if diagnosis.next_actions:
        lines += ["## This week", "", *(f"1. {action}" for action in diagnosis.next_actions), ""]
    lines += ["## Areas", "", "| area | score |", "|---|---|"]
    lines += [f"| {a.title} | {'—' if a.score is None else a.score} |" for a in diagnosis.areas]
    lines += ["", "## Findings", ""]
    for f in diagnosis.findings:
        lines += [f"### {MARKS[f.status]} {f.title} — {f.status.label}", "", f.summary, ""]
        if f.missing:
            lines += [f"*What would settle it:* {f.missing}", ""]
        lines += [f"*How it is measured:* {f.how}", ""]
        if f.status in (Status.RED, Status.WARNING) and f.next_action:
            lines += [f"*Next step:* {f.next_action}", ""]
        if f.evidence_ids:
            shown = ", ".join(f"#{i}" for i in f.evidence_ids[:12])
            lines += [f"*Evidence:* {shown}{' …' if len(f.evidence_ids) > 12 else ''}", ""]
    return "\n".join(lines)
