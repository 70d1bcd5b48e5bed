"""Each document as the plain data its template reads, and the one call every surface makes to render it."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from upward.documents.render import Format, render
from upward.model import NotFound
from upward.services.case import Case, promotion_case
from upward.services.context import Context
from upward.services.conversation import Prep, conversation
from upward.services.update import MonthlyUpdate, monthly_update

TITLES = {"update": "Monthly update", "case": "Promotion case", "conversation": "Promotion conversation"}
DOCUMENTS = tuple(TITLES)


def update_data(update: MonthlyUpdate) -> dict[str, Any]:
    return update.as_dict() | {"month_label": f"{update.month:%B %Y}"}


def case_data(case: Case) -> dict[str, Any]:
    return case.as_dict() | {"growth": case.growth, "growth_note": case.growth_note}


def conversation_data(prep: Prep) -> dict[str, Any]:
    return prep.as_dict() | {"case": case_data(prep.case)}


@dataclass(frozen=True, slots=True)
class Rendered:
    content: bytes
    media_type: str
    file_name: str


def rendered(document: str, data: dict[str, Any], fmt: Format) -> Rendered:
    """The document as a file to download: its bytes, media type and a file name."""
    content = render(document, data, fmt, TITLES[document])
    return Rendered(content, fmt.media_type, f"{file_stem(document, data)}.{fmt.value}")


def document_data(
    ctx: Context, document: str, *, month: str | None = None, ladder: str | None = None, level: str | None = None
) -> dict[str, Any]:
    """The data of `document` ("update", "case" or "conversation") for its template, whichever surface asks."""
    if document == "update":
        return update_data(monthly_update(ctx, month))
    if document == "case":
        return case_data(promotion_case(ctx, ladder, level))
    if document == "conversation":
        return conversation_data(conversation(ctx, ladder, level))
    raise NotFound(f"There is no document called '{document}'; use one of: {', '.join(DOCUMENTS)}.")


def file_stem(document: str, data: dict[str, Any]) -> str:
    return f"upward-{document}-{data['month']}" if document == "update" else f"upward-{document}"
