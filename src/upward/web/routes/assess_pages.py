"""The self-assessment page: a few questions with radio buttons; saving goes back to the dashboard."""

from __future__ import annotations

from collections.abc import Mapping

from fastapi import APIRouter, Depends, Request
from fastapi.responses import RedirectResponse
from starlette.responses import Response

from upward.model import InputError
from upward.services import Context
from upward.services import assessment as assessment_service
from upward.web.csrf import FIELD, verify_form_token
from upward.web.deps import Ctx, render

router = APIRouter(include_in_schema=False)
NONE_CHOSEN = "Choose an answer for at least one question; skip the rest if you like."


@router.get("/assess")
def assess_page(request: Request, ctx: Ctx) -> Response:
    taken = assessment_service.latest(ctx)
    return _page(request, ctx, answers=taken[1] if taken else {}, taken_at=taken[0] if taken else None)


@router.post("/assess", dependencies=[Depends(verify_form_token)])
async def save_assessment(request: Request, ctx: Ctx) -> Response:
    form = await request.form()
    answers = {key: str(value) for key, value in form.items() if key != FIELD and str(value)}
    try:
        assessment_service.save_answers(ctx, answers)
    except InputError as error:
        problem = NONE_CHOSEN if error.field == "answers" else str(error)
        return _page(request, ctx, answers=answers, status_code=422, problem=problem)
    return RedirectResponse("/?saved=assessment#findings-heading", status_code=303)


def _page(
    request: Request,
    ctx: Context,
    *,
    answers: Mapping[str, str],
    taken_at: object = None,
    status_code: int = 200,
    problem: str | None = None,
) -> Response:
    questions = assessment_service.questions(ctx)
    values = {"questions": questions, "answers": answers, "taken_at": taken_at, "problem": problem}
    return render(request, "assess.html", status_code, **values)
