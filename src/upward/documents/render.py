"""One Jinja2 template per document gives Markdown; the HTML is that Markdown on a self-contained page
(inline CSS, inline SVG charts, no external assets); the PDF is that HTML printed by WeasyPrint."""

from __future__ import annotations

import base64
import re
from enum import StrEnum
from functools import cache
from typing import Any

from jinja2 import Environment, PackageLoader, StrictUndefined
from markdown_it import MarkdownIt

from upward.documents.charts import Figure

_SPECIAL = re.compile(r"([\\`*_\[\]<>#|!~&{}])")


class Format(StrEnum):
    MD = "md"
    HTML = "html"
    PDF = "pdf"

    @property
    def media_type(self) -> str:
        return {"md": "text/markdown; charset=utf-8", "html": "text/html; charset=utf-8", "pdf": "application/pdf"}[
            self.value
        ]


def esc(value: object) -> str:
    """Text from the person's record, safe inside Markdown: nothing in it becomes markup or HTML."""
    text = " ".join(str(value).split())
    text = _SPECIAL.sub(r"\\\1", text)
    return re.sub(r"^([-+=]|\d+[.)])", r"\\\1", text)


def _chart_markdown(figure: Figure) -> str:
    data = base64.b64encode(figure.svg.encode()).decode()
    return f"![{esc(figure.title)}](data:image/svg+xml;base64,{data})\n\n*{esc(figure.summary)}*"


def _chart_html(figure: Figure) -> str:
    svg = re.sub(r"\n\s*\n", "\n", figure.svg)
    return f'<figure class="chart">{svg}<figcaption>{_html_escape(figure.summary)}</figcaption></figure>'


def _html_escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;")


@cache
def _environment(html: bool) -> Environment:
    env = Environment(
        loader=PackageLoader("upward.documents", "templates"),
        undefined=StrictUndefined,
        autoescape=False,  # Markdown, not HTML: person-written text goes through `esc`
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters["esc"] = esc
    env.globals["chart"] = _chart_html if html else _chart_markdown
    return env


def markdown(document: str, data: dict[str, Any], *, html: bool = False) -> str:
    text = _environment(html).get_template(f"{document}.md.j2").render(**data)
    return re.sub(r"\n{3,}", "\n\n", text).strip() + "\n"


def html_body(document: str, data: dict[str, Any]) -> str:
    """The document as an HTML fragment (what the web page shows inside its own layout)."""
    parser = MarkdownIt("commonmark", {"html": True, "typographer": True}).enable(["table", "replacements"])
    return str(parser.render(markdown(document, data, html=True)))


def html_page(document: str, data: dict[str, Any], title: str) -> str:
    body = html_body(document, data)
    return _environment(True).get_template("page.html.j2").render(title=_html_escape(title), body=body)


def render(document: str, data: dict[str, Any], fmt: Format, title: str) -> bytes:
    """The document in `fmt`: Markdown text, a self-contained HTML page, or a PDF."""
    if fmt is Format.MD:
        return markdown(document, data).encode()
    page = html_page(document, data, title)
    if fmt is Format.HTML:
        return page.encode()
    from weasyprint import HTML  # imported here: it is slow to load, and only the PDF needs it

    pdf: bytes = HTML(string=page).write_pdf()
    return pdf
