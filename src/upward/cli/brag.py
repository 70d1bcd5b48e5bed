"""`upward brag`: a brag document from your evidence and stories, for a review or a promotion case."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer

from upward.cli.common import console, context
from upward.documents.render import Format
from upward.model.parsing import parse_day
from upward.services.brag import brag_document

#: Where the command comes in `upward --help` (most used first).
PLACE = 37


def register(app: typer.Typer) -> None:
    app.command("brag")(brag)


def brag(
    date_from: Annotated[str | None, typer.Option("--from", help="First day (YYYY-MM-DD; default a year ago).")] = None,
    date_to: Annotated[str | None, typer.Option("--to", help="Last day (YYYY-MM-DD; default today).")] = None,
    fmt: Annotated[Format, typer.Option("--format", help="md, html or pdf.")] = Format.MD,
    output: Annotated[Path | None, typer.Option("--output", "-o", help="Write to this file.")] = None,
) -> None:
    """Everything you did in a period, grouped: projects, design and documentation, collaboration and
    mentoring, work outside your job description, and your impact stories."""
    document = brag_document(
        context(),
        fmt,
        parse_day(date_from, "from") if date_from else None,
        parse_day(date_to, "to") if date_to else None,
    )
    if output is not None:
        output.write_bytes(document)
        console.print(f"Wrote {output}")
    elif fmt is Format.PDF:
        raise typer.BadParameter("a PDF needs a file: add --output brag.pdf", param_hint="--format")
    else:
        sys.stdout.write(document.decode())
