"""After adoption: did the problem stop coming back, and how much time a week did it give back?"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime

from upward.model import Evidence
from upward.model.patterns import Impact

#: The shortest span a rate is computed over, so one item on the day of adoption is not "a week's worth".
MIN_WEEKS = 1.0


def impact(items: Sequence[Evidence], adopted_at: datetime, today: date) -> Impact:
    """Minutes a week the problem took before adoption (from its first item) and after (up to today)."""
    before = [item for item in items if item.occurred_at < adopted_at]
    after = [item for item in items if item.occurred_at >= adopted_at]
    start = min((item.day for item in before), default=adopted_at.date())
    weeks_before = max(MIN_WEEKS, (adopted_at.date() - start).days / 7)
    weeks_after = max(MIN_WEEKS, (today - adopted_at.date()).days / 7)
    return Impact(
        adopted_on=adopted_at.date(),
        items_before=len(before),
        items_after=len(after),
        minutes_per_week_before=round(sum(item.minutes or 0 for item in before) / weeks_before, 1),
        minutes_per_week_after=round(sum(item.minutes or 0 for item in after) / weeks_after, 1),
        weeks_before=round(weeks_before, 1),
        weeks_after=round(weeks_after, 1),
    )
