"""Jira: issues exported as CSV from Jira Cloud or Jira Server / Data Center, in any of five languages.

Each issue becomes one item, known by its issue key. Bugs and incidents are firefighting, stories and
tasks are delivery, an epic is strategy-level work and names the project of the issues under it. The
reporter is the requester (unless it is you), components and the Jira project are the teams touched,
and watchers and commenters are the people involved. See docs/importers/jira.md.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from upward.importers._jira_cells import Cells
from upward.importers._jira_columns import ALIASES, NEEDS, NEEDS_IN_WORDS
from upward.importers._jira_issue import SOURCE, Reading, issue
from upward.importers._tickets import Me, base_url, csv_rows
from upward.importers.base import ImportOption, ImportRequest
from upward.model import EvidenceDraft
from upward.model.imports import Ignored, ImportProblem

#: Columns that point at a parent issue; Jira Cloud also writes the parent's summary next to them.
PARENT_REFERENCES = ("epic_link", "parent_key", "parent")


class JiraImporter:
    name = SOURCE
    label = "Jira issues, exported as CSV from Jira Cloud or Jira Server / Data Center"
    suffixes = (".csv",)
    paths_help = "CSV files exported from a Jira issue search (Export → Export CSV)"
    needs_paths = True
    options: tuple[ImportOption, ...] = (
        ImportOption(
            "me",
            "Your name, email or account id as Jira shows it: only issues assigned to you are read. "
            "Give it again for another spelling. Without it, every issue in the file is taken as yours.",
            multiple=True,
        ),
        ImportOption("site", "Your Jira address, like https://acme.atlassian.net, so each item links to its issue"),
    )

    def read(self, request: ImportRequest) -> Iterator[EvidenceDraft | Ignored]:
        me = Me(request.options.get("me"), request.profile.name if request.profile else None)
        site = base_url(request.options.get("site"), "site", "https://acme.atlassian.net", SOURCE)
        reading = Reading(me=me, site=site, parents=_parent_summaries(request))
        for path in request.paths:
            yield from _read_file(path, reading, request)


def _read_file(path: Path, reading: Reading, request: ImportRequest) -> Iterator[EvidenceDraft | Ignored]:
    with csv_rows(path, ALIASES) as (header, rows):
        header.require(NEEDS, NEEDS_IN_WORDS.__getitem__, "Jira")
        if reading.me.chosen and not (header.has("assignee") or header.has("assignee_id")):
            raise ImportProblem(
                path,
                "this export has no 'Assignee' column, so --me can't tell which issues are yours; export again "
                "with the Assignee column, or leave out --me to take every issue in the file as yours",
                line=1,
                field="Assignee",
            )
        cells = Cells(header)
        advance = request.progress.advance
        for line, row in rows:
            advance()
            if not any(map(str.strip, row)):
                yield Ignored("empty rows")
                continue
            yield issue(cells, line, row, reading)


def _parent_summaries(request: ImportRequest) -> dict[str, str]:
    """Issue key and id -> summary, read ahead only when an export names parents without their summaries.

    Jira lists newest issues first, so a story usually comes before its epic; this first pass (which keeps
    only keys and summaries) is what lets every child name its epic as its project.
    """
    if not any(_names_parents_only_by_reference(path) for path in request.paths):
        return {}
    summaries: dict[str, str] = {}
    total = 0
    for path in request.paths:
        with csv_rows(path, ALIASES) as (header, rows):
            for _, row in rows:
                total += 1
                summary = " ".join(header.first(row, "summary").split()) if row else ""
                for field_name in ("key", "id"):
                    reference = header.first(row, field_name) if summary else ""
                    if reference:
                        summaries[reference] = summary
    request.progress.total(total)
    return summaries


def _names_parents_only_by_reference(path: Path) -> bool:
    with csv_rows(path, ALIASES) as (header, _):
        references = any(header.has(name) for name in PARENT_REFERENCES)
        return header.has("epic_link") or (references and not header.has("parent_summary"))


IMPORTER = JiraImporter()
