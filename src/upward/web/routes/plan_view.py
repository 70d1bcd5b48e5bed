"""What the plan page and its JSON twin both show: the timeline, its chart and this week."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from upward.documents.charts import Figure
from upward.documents.plan import Timeline, timeline, timeline_figure
from upward.services import Context
from upward.services import profile as profile_service
from upward.services.diagnosis import playbook
from upward.services.plan import current_plan
from upward.services.plan_week import Week, this_week


@dataclass(frozen=True, slots=True)
class PlanPage:
    #: None before the person made a plan.
    view: Timeline | None
    figure: Figure | None
    week: Week
    #: The start the form suggests: the profile's plan start, or today.
    suggested_start: date


def plan_page(ctx: Context, today: date | None = None) -> PlanPage:
    today = today or date.today()
    plan = current_plan(ctx)
    profile = profile_service.get_profile(ctx)
    start = profile.plan_start if profile else today
    view = timeline(plan, playbook(ctx), today) if plan else None
    return PlanPage(view, timeline_figure(view) if view else None, this_week(ctx, today), start)
