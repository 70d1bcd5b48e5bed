"""A Slack workspace export (the .zip from Import & export data): the requests people brought to you.

Read straight from the zip, never unpacked. Messages from others that mention you, questions put to you
in direct messages, and threads you answered become `request` items, one per thread (or per run of
messages someone sent in a row), with who asked and the channel as the team. Bots, joins and leaves,
and topic changes are set aside and counted. See docs/importers/slack.md.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field

from upward.importers._slack_archive import Conversation, SlackExport, open_export
from upward.importers._slack_messages import Message, parse_message
from upward.importers._slack_people import Directory, find_me, read_members
from upward.importers._slack_threads import Grouper, Unit, outcome
from upward.importers.base import ImportOption, ImportRequest
from upward.model import EvidenceDraft
from upward.model.imports import Ignored, ImportProblem

SEEN_BEFORE = Ignored("conversations already read from another export")
NOT_LISTED = Ignored("days of conversations the export does not list")
NOT_YOURS = Ignored("days of private chats you are not in")


@dataclass
class _Run:
    """What one import has done so far, across all the zips it was given."""

    request: ImportRequest
    planned: int = 0
    source_ids: set[str] = field(default_factory=set)

    def plan(self, days: int) -> None:
        self.planned += days
        self.request.progress.total(self.planned)


class SlackImporter:
    name = "slack"
    label = "A Slack workspace export (.zip): requests people brought to you"
    suffixes = (".zip",)
    paths_help = "Slack export .zip files, as Slack gave them (see docs/importers/slack.md)"
    needs_paths = True
    options: tuple[ImportOption, ...] = (
        ImportOption("user", "You in Slack: your user name, display name, real name or member id (required)"),
    )

    def read(self, request: ImportRequest) -> Iterator[EvidenceDraft | Ignored]:
        run = _Run(request)
        wanted = str(request.options.get("user") or "")
        for path in request.paths:
            with open_export(path) as export:
                yield from _read_export(export, wanted, run)


def _read_export(export: SlackExport, wanted: str, run: _Run) -> Iterator[EvidenceDraft | Ignored]:
    members = read_members(export)
    directory = Directory(members, find_me(export.path, members, wanted))
    conversations = export.conversations()
    days = export.day_files()
    run.plan(sum(len(names) for names in days.values()))
    done: set[str] = set()
    for conversation in conversations:
        if conversation.folder in done:
            continue
        done.add(conversation.folder)
        names = days.get(conversation.folder, [])
        if conversation.is_chat and directory.me.id not in conversation.members:
            yield from _skip(names, NOT_YOURS, run)
        else:
            yield from _read_conversation(export, conversation, names, directory, run)
    for folder in sorted(set(days) - done):
        yield from _skip(days[folder], NOT_LISTED, run)


def _skip(names: list[str], reason: Ignored, run: _Run) -> Iterator[Ignored]:
    for _ in names:
        run.request.progress.advance()
        yield reason


def _read_conversation(
    export: SlackExport, conversation: Conversation, names: list[str], directory: Directory, run: _Run
) -> Iterator[EvidenceDraft | Ignored]:
    grouper = Grouper()
    for name in names:
        for record in _messages(export, name, directory):
            if isinstance(record, Ignored):
                yield record
                continue
            for unit in grouper.add(record):
                yield from _finished(unit, conversation, directory, run)
        run.request.progress.advance()
    for unit in grouper.finish():
        yield from _finished(unit, conversation, directory, run)


def _messages(export: SlackExport, name: str, directory: Directory) -> Iterator[Message | Ignored]:
    where = export.where(name)
    data = export.read_json(name)
    if not isinstance(data, list):
        raise ImportProblem(where, "should hold a list of messages; download the export from Slack again")
    for number, raw in enumerate(data, start=1):
        message = parse_message(raw, where, number)
        if isinstance(message, Message):
            directory.learn(message.user, message.author_name)
        yield message


def _finished(
    unit: Unit | Ignored, conversation: Conversation, directory: Directory, run: _Run
) -> Iterator[EvidenceDraft | Ignored]:
    if isinstance(unit, Ignored):
        yield unit
        return
    result = outcome(unit, conversation, directory)
    if isinstance(result, list):
        yield from result
    elif result.source_id in run.source_ids:
        yield SEEN_BEFORE
    else:
        run.source_ids.add(result.source_id or "")
        yield result


IMPORTER = SlackImporter()
