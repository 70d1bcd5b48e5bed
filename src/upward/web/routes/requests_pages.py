"""The solver-load page: the share of time on other people's requests, week by week, and who asks."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query, Request
from starlette.responses import Response

from upward.analysis.triage.load import SolverLoad, Source
from upward.documents.charts.bars import Row, horizontal_bars
from upward.documents.charts.figures import Figure
from upward.documents.charts.line import line_chart
from upward.services import requests_load
from upward.services.requests_load import MAX_WEEKS, amount
from upward.web.deps import Ctx, render

router = APIRouter(include_in_schema=False)
Weeks = Annotated[int, Query(ge=2, le=MAX_WEEKS)]
TREND = "The share of {measure} that went to other people's requests, each week (Monday to Sunday)."


@router.get("/requests")
def requests_page(request: Request, ctx: Ctx, weeks: Weeks = 8) -> Response:
    found = requests_load.load(ctx, weeks=weeks)
    return render(
        request, "requests.html", found=found, weeks=weeks, sentence=requests_load.trend_sentence(found),
        figures=figures(found),
    )  # fmt: skip


def figures(found: SolverLoad) -> list[Figure]:
    measure = "your time" if found.unit == "minutes" else "what you logged"
    title = "Requests, share of each week"
    summary = TREND.format(measure=measure)
    points = [(w.week, None if w.share is None else round(w.share * 100)) for w in found.weeks]
    trend = Figure(title, summary, line_chart("requests-trend", title, summary + " In percent.", points))
    return [
        trend,
        _bars("requests-by-person", "Who asks", "Each requester, and what their requests took.", found.requesters,
              found.unit),
        _bars("requests-by-team", "Which teams", "Each team the requests came from or touched.", found.teams,
              found.unit),
    ]  # fmt: skip


def _bars(chart_id: str, title: str, summary: str, sources: tuple[Source, ...], unit: str) -> Figure:
    rows = [
        Row(s.name, s.amount, f"{s.requests} request{'' if s.requests == 1 else 's'} · {amount(s.amount, unit)}",
            s.detail)
        for s in sources[:10]
    ]  # fmt: skip
    return Figure(title, summary, horizontal_bars(chart_id, title, summary, rows))
