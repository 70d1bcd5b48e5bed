"""The diagnosis: every finding the playbook names, the area scores and the stall score."""

from __future__ import annotations

from upward.analysis.answers import apply_answers
from upward.analysis.findings import FINDINGS
from upward.analysis.record import Record
from upward.model.diagnosis import AreaScore, Diagnosis, Finding, Status
from upward.playbook import PlaybookFile
from upward.playbook.schema import Finding as Spec

POINTS = {Status.OK: 100, Status.WARNING: 50, Status.RED: 0}
MAX_EVIDENCE = 50


def diagnose(record: Record, playbook: PlaybookFile) -> Diagnosis:
    """Run every finding the playbook names over the record; unknown ones never count as a guess."""
    actions = {a.id: a.title for move in playbook.moves for a in move.actions}
    findings = tuple(
        apply_answers(_finding(record, spec, actions), [q for q in playbook.assessment if q.finding == spec.id],
                      record.answers)
        for spec in playbook.findings
        if spec.id in FINDINGS
    )  # fmt: skip
    areas = tuple(_area(area.id, area.title, findings) for area in playbook.areas)
    return Diagnosis(
        day=record.today,
        findings=findings,
        areas=areas,
        stall_score=_stall(areas, {a.id: a.weight for a in playbook.areas}),
        next_actions=_next_actions(findings, [a.id for a in playbook.areas]),
    )


def _finding(record: Record, spec: Spec, actions: dict[str, str]) -> Finding:
    status, summary, rows, value, missing = FINDINGS[spec.id](record, spec.thresholds)
    columns = record.columns
    newest = sorted(rows, key=columns.occurred.__getitem__, reverse=True)[:MAX_EVIDENCE]
    return Finding(
        id=spec.id,
        title=spec.title,
        area=spec.area,
        status=status,
        summary=summary,
        how=spec.explain.format_map({k: _plain(v) for k, v in spec.thresholds.items()}),
        evidence_ids=tuple(columns.ids[row] for row in newest),
        missing=missing,
        next_action_id=spec.next_action,
        next_action=actions.get(spec.next_action, ""),
        value=value,
    )


def _plain(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else f"{value:g}"


def _area(area_id: str, title: str, findings: tuple[Finding, ...]) -> AreaScore:
    known = [POINTS[f.status] for f in findings if f.area == area_id and f.status is not Status.UNKNOWN]
    total = sum(1 for f in findings if f.area == area_id)
    if not known:
        return AreaScore(area_id, title, None, "Not enough data yet for any finding in this area.")
    score = round(sum(known) / len(known))
    how = f"The average of {len(known)} of {total} findings: on track counts 100, worth a look 50, a red flag 0."
    return AreaScore(area_id, title, score, how)


def _stall(areas: tuple[AreaScore, ...], weights: dict[str, float]) -> int | None:
    """100 minus the weighted average of the areas we can score; None when under half can be scored."""
    known = [(weights[a.id], a.score) for a in areas if a.score is not None]
    covered = sum(w for w, _ in known)
    if covered < sum(weights.values()) / 2:
        return None
    return round(100 - sum(w * s for w, s in known) / covered)


def _next_actions(findings: tuple[Finding, ...], area_order: list[str]) -> tuple[str, ...]:
    """Up to three actions: red flags first, then warnings, most important area first."""
    urgent = sorted(
        (f for f in findings if f.status in (Status.RED, Status.WARNING)),
        key=lambda f: (f.status is not Status.RED, area_order.index(f.area) if f.area in area_order else 99),
    )
    chosen: list[str] = []
    for finding in urgent:
        if finding.next_action and finding.next_action not in chosen:
            chosen.append(finding.next_action)
    return tuple(chosen[:3])
