"""The demo persona's impact stories: one finished, one still missing its business outcome (so the check shows)."""

from __future__ import annotations

from upward.model.story import StoryDraft

#: Each story with the title of the demo evidence item it grew from.
DEMO_STORIES: tuple[tuple[str, StoryDraft], ...] = (
    (
        "Shipped caching of saved cards so checkout loads faster",
        StoryDraft(
            title="A faster checkout",
            problem="Shoppers were giving up at checkout because the payment page was slow",
            baseline="the slowest checkouts took 2.4 seconds to load",
            stakes="about 3% of carts were abandoned at that step, roughly $40k of orders a month",
            action="cached saved cards and moved slow checks off the payment page",
            role="I proposed the fix and led it",
            collaborators=("payments", "web"),
            result="the slowest checkouts load in 1.1 seconds",
            timeframe="within six weeks",
            outcome="abandoned carts at that step halved, about $20k a month of orders kept",
            audience="skip-level",
        ),
    ),
    (
        "Refunds under 50 euros now go out automatically",
        StoryDraft(
            title="Automatic refunds",
            action="made small refunds go out without anyone handling them",
            role="I designed and built it",
            result="the manual queue went from 140 to 35 a week",
            audience="manager",
        ),
    ),
)
