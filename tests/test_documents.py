"""The monthly update, the promotion case and the conversation prep: each persona, each format."""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest

from conftest import REAL_DATA
from documents_personas import STORY, demo, moving, pdf_text, sparse
from upward.documents.render import Format, esc, render
from upward.playbook import default_path
from upward.services import Context, open_context
from upward.services import ladders as ladders_service
from upward.services.case import promotion_case
from upward.services.conversation import conversation
from upward.services.documents_data import TITLES, case_data, conversation_data, update_data
from upward.services.update import monthly_update
from upward.settings import Settings

DEVELOPER = REAL_DATA / "ladders/jorgef-engineeringladders/Developer.md"
HEADINGS = {
    "update": ["What changed this month", "What comes next", "Where I could use your help"],
    "case": ["Capability: the strongest work", "Visibility: decision-makers who know the work", "Scope reached",
             "Growth over the months"],
    "conversation": ["Talking points", "What they may say, and your answer", "The ask", "After the conversation"],
}  # fmt: skip


def documents(ctx: Context) -> dict[str, dict[str, object]]:
    return {
        "update": update_data(monthly_update(ctx)),
        "case": case_data(promotion_case(ctx)),
        "conversation": conversation_data(conversation(ctx)),
    }


def all_formats(name: str, data: dict[str, object]) -> tuple[str, str, str]:
    md = render(name, data, Format.MD, TITLES[name]).decode()
    html = render(name, data, Format.HTML, TITLES[name]).decode()
    pdf = pdf_text(render(name, data, Format.PDF, TITLES[name]))
    return md, html, pdf


def self_contained(html: str) -> None:
    assert html.startswith("<!doctype html>") and "<style>" in html
    assert not re.search(r"<(link|script|img)\b", html), "no external assets, no scripts"
    assert not re.search(r"(src|href)=\"(https?:)?//", html)


@pytest.mark.parametrize("persona", [demo, sparse])
def test_every_document_renders_in_three_formats_with_its_headings(
    ctx: Context, persona: Callable[..., object]
) -> None:
    persona(ctx)
    for name, data in documents(ctx).items():
        md, html, pdf = all_formats(name, data)
        self_contained(html)
        for heading in HEADINGS[name]:
            assert f"## {heading}" in md and f"<h2>{heading}</h2>" in html and heading in pdf


def test_the_demo_update_puts_measured_work_first_and_shows_legibility_findings(ctx: Context) -> None:
    demo(ctx)
    update = monthly_update(ctx, f"{date.today():%Y-%m}")
    assert 1 <= len(update.points) <= 5 and update.skip_level == "Rachel Alvarez"
    md, _, pdf = all_formats("update", update_data(update))
    for point in update.points:
        assert esc(point.text) in md and point.text.split(".")[0] in pdf
        if not point.legible:
            assert f"Legibility {point.score}/100" in pdf and point.findings[0]["question"] in md


def test_a_person_with_almost_no_data_is_told_what_is_missing(ctx: Context) -> None:
    sparse(ctx)
    update = monthly_update(ctx)
    assert any("an update reads best with three to five" in m for m in update.missing)
    assert any("No next steps" in m for m in update.missing)
    case = promotion_case(ctx)
    assert case.strongest == [] and case.growth is not None  # one small item: a chart, nothing to tell
    assert any("No career ladder yet" in m for m in case.missing)
    assert any("No stories yet" in m for m in case.missing)
    md, _, pdf = all_formats("conversation", conversation_data(conversation(ctx)))
    assert md.count("Your record cannot answer this yet.") == 3
    assert "What is missing" in pdf and "No career ladder yet" in pdf


def test_stories_lead_the_update_and_the_case_and_reach_the_pdf(ctx: Context) -> None:
    story_id = moving(ctx)
    update = monthly_update(ctx)
    assert update.points[0].source == "story" and update.points[0].ids == (story_id,)
    assert update.points[0].text == STORY and len(update.points) == 3
    assert not any("an update reads best" in m for m in update.missing)
    _, _, pdf = all_formats("update", update_data(update))
    assert "Buyers gave up at the payment screen" in pdf and "won back $1.8M a year" in pdf
    case = promotion_case(ctx)
    assert case.strongest[0].text == STORY
    assert case.scope.teams == ["platform", "support", "web"] and case.scope.frameworks == 1
    _, html, pdf = all_formats("case", case_data(case))
    assert "Buyers gave up at the payment screen" in pdf and "Work reached 3 other teams" in pdf
    assert '<svg xmlns="http://www.w3.org/2000/svg" id="growth"' in html and '<title id="growth-title">' in html


def test_the_case_shows_the_ladder_coverage_matrix_with_gaps(ctx: Context) -> None:
    demo(ctx)
    ladders_service.import_ladder(ctx, DEVELOPER)
    case = promotion_case(ctx, "Developer", "d5")
    assert case.coverage is not None and case.coverage.level.id == "d5"
    md, _, pdf = all_formats("case", case_data(case))
    assert "## Against the ladder: Developer, D5 - Developer 5" in md and "| Area | Expectation | Shown by |" in md
    assert "makes an impact not only on the whole team but also on other teams" in pdf and "gap" in pdf
    assert "![How your work grew, month by month](data:image/svg+xml;base64," in md


def test_the_conversation_answers_each_objection_from_the_record(ctx: Context) -> None:
    demo(ctx)
    prep = conversation(ctx)
    says = [a.objection.says for a in prep.answers]
    assert says == [
        "She hasn't shown she can do the next level yet.",
        "If I promote her, I lose her as an individual contributor.",
        "I don't know much about her work.",
    ]
    dispensable = prep.answers[1].evidence
    assert any("coached or unblocked colleagues 16 times" in line for line in dispensable)
    assert "Staff (L6)" in prep.ask and prep.talking_points == [p.text for p in prep.case.strongest]
    _, _, pdf = all_formats("conversation", conversation_data(prep))
    assert "I lose her as an individual contributor" in pdf and "Staff (L6)" in pdf


def test_text_from_the_record_never_becomes_markup(ctx: Context) -> None:
    from documents_personas import at
    from upward.model import EvidenceDraft, Kind, Metric
    from upward.services import evidence as evidence_service

    sparse(ctx)
    title = "Shipped <script>alert(1)</script> *fast* [link](http://x) for $1M revenue"
    draft = EvidenceDraft(title, at(date.today(), 11), Kind.DELIVERY, metrics=(Metric.parse("revenue: $1M"),))
    evidence_service.log(ctx, draft)
    data = update_data(monthly_update(ctx))
    html = render("update", data, Format.HTML, "x").decode()
    assert "<script>" not in html and "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "<em>fast</em>" not in html and '<a href="http://x">' not in html


def test_a_ladder_without_the_target_level_asks_for_the_level_instead_of_failing(ctx: Context) -> None:
    moving(ctx)
    ladders_service.import_ladder(ctx, DEVELOPER)
    case = promotion_case(ctx)
    assert case.coverage is None
    assert "Your target level is not on the ladder Developer: choose the level you are aiming for" in case.missing[0]
    assert promotion_case(ctx, level="D4 - Developer 4").coverage is not None


def test_the_objections_and_the_ask_come_from_the_playbook(settings: Settings, tmp_path: Path) -> None:
    text = default_path().read_text(encoding="utf-8")
    text = text.replace('"I don\'t know much about her work."', '"Who is she, again?"')
    text = text.replace("I believe my work is already at {target},", "I am ready for {target},")
    own = tmp_path / "coach.yaml"
    own.write_text(text, encoding="utf-8")
    ctx = open_context(settings.model_copy(update={"playbook": own}))
    sparse(ctx)
    prep = conversation(ctx)
    assert prep.answers[2].objection.says == "Who is she, again?" and prep.ask.startswith("I am ready for Staff,")
