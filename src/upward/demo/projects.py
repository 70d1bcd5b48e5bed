"""The demo persona's candidate visible projects: one that fits the playbook well, one half-way, one poor fit."""

from __future__ import annotations

from upward.model.projects import Answer, ProjectDraft

PROJECTS: tuple[ProjectDraft, ...] = (
    ProjectDraft(
        title="Rebuild payments reconciliation with finance operations",
        summary="Finance closes the month by hand because payment and bank records don't match. Fix it for good.",
        teams=("payments", "finance-ops", "data"),
        sponsor="Elena Rossi",
        months=3,
        answers={"leadership-cares": Answer.YES, "stretch": Answer.YES},
        notes="Elena said at the quarterly review that reconciliation is her top worry.",
    ),
    ProjectDraft(
        title="A deploy pipeline guide every team can follow",
        summary="Turn the deploy questions Maya answers every week into a guide and a short course.",
        teams=("payments", "platform", "web", "mobile"),
        months=2,
        answers={"leadership-cares": Answer.PARTLY, "stretch": Answer.PARTLY},
    ),
    ProjectDraft(
        title="Move the card vault to the new region",
        summary="Needed before next year's audit; mostly work Maya has done before.",
        teams=("payments",),
        months=6,
        answers={"leadership-cares": Answer.YES, "stretch": Answer.NO},
    ),
)
