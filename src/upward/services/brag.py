"""The brag document for a period: the person's evidence and stories, grouped, as Markdown, HTML or PDF."""

from __future__ import annotations

from datetime import date, timedelta

from upward.documents.brag import SECTIONS, Brag, build_brag
from upward.documents.render import Format, html_body, render
from upward.model import EvidenceFilter, InputError
from upward.services import evidence as evidence_service
from upward.services import profile as profile_service
from upward.services.context import Context
from upward.services.stories import list_stories

DEFAULT_DAYS = 365
PAGE = 500


def brag(ctx: Context, date_from: date | None = None, date_to: date | None = None) -> Brag:
    """Everything from `date_from` to `date_to` (default: the last twelve months)."""
    date_to = date_to or date.today()
    date_from = date_from or date_to - timedelta(days=DEFAULT_DAYS)
    if date_from > date_to:
        raise InputError("dates", f"'from' ({date_from}) is after 'to' ({date_to})")
    evidence = []
    page = 1
    while True:
        found = evidence_service.listing(
            ctx, EvidenceFilter(date_from=date_from, date_to=date_to, page=page, per_page=PAGE)
        )
        evidence.extend(found.items)
        if not found.has_next:
            break
        page += 1
    profile = profile_service.get_profile(ctx)
    return build_brag(
        evidence,
        list_stories(ctx),
        date_from=date_from,
        date_to=date_to,
        own_team=profile.team if profile else None,
        name=profile.name if profile else None,
    )


def brag_document(ctx: Context, fmt: Format, date_from: date | None = None, date_to: date | None = None) -> bytes:
    found = brag(ctx, date_from, date_to)
    return render("brag", _data(found), fmt, _title(found))


def brag_html_body(found: Brag) -> str:
    """The document as an HTML fragment, for the web page's own layout."""
    return html_body("brag", _data(found))


def _data(found: Brag) -> dict[str, object]:
    return {"brag": found, "sections": {k: v for k, v in SECTIONS.items() if k != "projects"}}


def _title(found: Brag) -> str:
    return f"Brag document, {found.date_from:%-d %b %Y} to {found.date_to:%-d %b %Y}"
