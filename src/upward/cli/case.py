"""`upward case` and `upward conversation`: the promotion case, and the preparation for the conversation."""

from __future__ import annotations

from typing import Annotated

import typer

from upward.cli._documents import FormatOption, OutputOption, emit
from upward.cli.common import context
from upward.documents.render import Format
from upward.services.case import promotion_case
from upward.services.conversation import conversation as prepare
from upward.services.documents_data import TITLES, case_data, conversation_data

PLACE = 39

LadderOption = Annotated[str | None, typer.Option("--ladder", help="The career ladder's name (default: the latest).")]
LevelOption = Annotated[str | None, typer.Option("--level", help="The level you aim for (default: your target).")]


def register(app: typer.Typer) -> None:
    app.command("case")(case)
    app.command("conversation")(conversation)


def case(ladder: LadderOption = None, level: LevelOption = None, fmt: FormatOption = Format.MD,
         output: OutputOption = None) -> None:  # fmt: skip
    """The case that you already work at the next level: capability, visibility and scope."""
    emit("case", case_data(promotion_case(context(), ladder, level)), TITLES["case"], fmt, output)


def conversation(ladder: LadderOption = None, level: LevelOption = None, fmt: FormatOption = Format.MD,
                 output: OutputOption = None) -> None:  # fmt: skip
    """Prepare the promotion conversation: talking points, the usual objections with your answers, the ask."""
    data = conversation_data(prepare(context(), ladder, level))
    emit("conversation", data, TITLES["conversation"], fmt, output)
