"""What the dashboard shows, gathered once for the home page: the diagnosis, this week's actions, the charts."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from markupsafe import Markup, escape

from upward.analysis import Record
from upward.analysis.mix import Contact, WorkMix, decision_maker_contact, work_mix
from upward.documents.charts import Figure, trend_figure, visibility_figure, work_mix_figure
from upward.documents.diagnosis import stall_sentence
from upward.model.diagnosis import AreaScore, Diagnosis, Finding, Status
from upward.services import Context
from upward.services import assessment as assessment_service
from upward.services import diagnosis as diagnosis_service
from upward.web.deps import templates

#: Most pressing first: what holds the person back, then what needs data, then what works.
URGENCY = {Status.RED: 0, Status.WARNING: 1, Status.UNKNOWN: 2, Status.OK: 3}
VISIBILITY_DAYS = 90


@dataclass(frozen=True, slots=True)
class Area:
    score: AreaScore
    #: The share of the stall score this area carries (0.3 for 30%).
    weight: float


@dataclass(frozen=True, slots=True)
class Action:
    title: str
    detail: str


@dataclass(frozen=True, slots=True)
class Chart:
    figure: Figure
    #: Said instead of the chart when there is nothing to draw yet.
    empty: str | None = None


@dataclass(frozen=True, slots=True)
class Dashboard:
    diagnosis: Diagnosis
    sentence: str
    areas: tuple[Area, ...]
    findings: tuple[Finding, ...]
    actions: tuple[Action, ...]
    charts: tuple[Chart, Chart, Chart]
    assessed_at: datetime | None

    @property
    def red_flags(self) -> int:
        return sum(1 for f in self.findings if f.status is Status.RED)


def dashboard(ctx: Context, today: date | None = None) -> Dashboard:
    """Today's diagnosis (kept as today's snapshot, as `upward diagnose` does) and everything around it."""
    today = today or date.today()
    record = diagnosis_service.load_record(ctx, today, whole=False)
    diagnosis = diagnosis_service.run_diagnosis(ctx, record=record)
    playbook = diagnosis_service.playbook(ctx)
    weights = {a.id: a.weight for a in playbook.areas}
    details = {a.title: a.detail for move in playbook.moves for a in move.actions}
    taken = assessment_service.latest(ctx)
    return Dashboard(
        diagnosis=diagnosis,
        sentence=stall_sentence(diagnosis),
        areas=tuple(Area(a, weights.get(a.id, 0.0)) for a in diagnosis.areas),
        findings=tuple(sorted(diagnosis.findings, key=lambda f: URGENCY[f.status])),
        actions=tuple(Action(title, details.get(title, "")) for title in diagnosis.next_actions),
        charts=charts(ctx, record),
        assessed_at=taken[0] if taken else None,
    )


def chart_data(record: Record) -> tuple[WorkMix, tuple[Contact, ...]]:
    """The numbers behind the first two charts (the trend is the diagnosis history)."""
    return work_mix(record), decision_maker_contact(record, VISIBILITY_DAYS)


def charts(ctx: Context, record: Record) -> tuple[Chart, Chart, Chart]:
    """The work mix, contact with decision-makers and the stall-score trend."""
    mix, contacts = chart_data(record)
    history = diagnosis_service.history(ctx)
    scored = any(row["stall_score"] is not None for row in history)
    return (
        Chart(work_mix_figure(mix), _mix_empty(mix)),
        Chart(visibility_figure(contacts, VISIBILITY_DAYS), None if contacts else NO_PEOPLE),
        Chart(trend_figure(history), None if scored else NO_SCORE),
    )


NO_PEOPLE = "Add the people who decide on your promotion, and this shows how recently each one saw your work."
NO_SCORE = "Your stall score appears here, day by day, once your record says enough to give one."


def _mix_empty(mix: WorkMix) -> str | None:
    if not mix.empty:
        return None
    return "Nothing logged in the last twelve months yet. A line a day is enough to fill this in."


def code_spans(words: str) -> Markup:
    """The words, escaped, with `backticked` commands shown as code."""
    parts = str(escape(words)).split("`")
    if len(parts) % 2 == 0:  # an unmatched backtick: leave the words as they are
        return Markup("`".join(parts))
    return Markup("".join(f"<code>{part}</code>" if index % 2 else part for index, part in enumerate(parts)))


templates.env.filters["code_spans"] = code_spans
