"""What the document commands share: `--format` and `--output`, and writing the result."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated, Any

import typer

from upward.documents.render import Format, render
from upward.model import UpwardError

FormatOption = Annotated[Format, typer.Option("--format", help="md (Markdown), html (one self-contained page) or pdf.")]
OutputOption = Annotated[
    Path | None, typer.Option("--output", "-o", help="Write to this file instead of the screen (needed for pdf).")
]


def emit(document: str, data: dict[str, Any], title: str, fmt: Format, output: Path | None) -> None:
    if fmt is Format.PDF and output is None:
        raise UpwardError("A PDF needs a file to go to: add --output FILE.pdf")
    content = render(document, data, fmt, title)
    if output is None:
        sys.stdout.write(content.decode())
        sys.stdout.flush()
        return
    try:
        output.write_bytes(content)
    except OSError as error:
        raise UpwardError(f"{output}: cannot write there ({error.strerror})") from None
    typer.echo(f"Wrote {output} ({len(content):,} bytes).", err=True)
