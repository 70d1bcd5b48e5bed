"""Messages gathered into conversations-within-a-conversation, and which of those asked something of the person.

A unit is a thread (its first message and every reply), or, outside threads, a run of messages one person
sent in a row, each within five minutes of the last ("<@you>: the build is red" … "can you look?").
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field

from upward.importers._slack_archive import Conversation
from upward.importers._slack_messages import Message
from upward.importers._slack_people import Directory
from upward.importers._slack_text import asks, has_words, mentions, plain, shorten, without_leading_mention
from upward.model import EvidenceDraft, Kind
from upward.model.imports import Ignored

FOLLOW_UP_SECONDS = 5 * 60
TITLE_WORDS = 140
TRANSCRIPT_LINES = 30
LINE_LENGTH = 300

REPEATED = Ignored("repeated messages")
OWN = Ignored("your own messages")
NOT_ASKED = Ignored("messages that asked nothing of you")


@dataclass
class Unit:
    key: str  # the thread's time stamp, or the first message's
    messages: list[Message] = field(default_factory=list)
    parent_user: str | None = None
    _stamps: set[str] = field(default_factory=set)

    def add(self, message: Message) -> bool:
        """False for a message this unit already has."""
        if message.ts in self._stamps:
            return False
        self._stamps.add(message.ts)
        self.messages.append(message)
        self.parent_user = self.parent_user or message.parent_user
        return True

    @property
    def asker(self) -> str:
        """Who started it: the thread's author (known from a reply even when the first message is in an
        older export), or the one person who wrote the run of messages."""
        first = self.messages[0]
        return first.user if first.ts == self.key else self.parent_user or first.user

    def continues_with(self, message: Message) -> bool:
        last = self.messages[-1]
        return message.user == last.user and 0 <= message.seconds - last.seconds <= FOLLOW_UP_SECONDS


class Grouper:
    """Gathers one conversation's messages, in order, into units. Runs are handed back as soon as they
    end; threads (which can get a reply any day) when the conversation ends."""

    def __init__(self) -> None:
        self._run: Unit | None = None
        self._threads: dict[str, Unit] = {}

    def add(self, message: Message) -> Iterator[Unit | Ignored]:
        if message.thread_ts is not None:
            if message.is_root:
                yield from self._end_run()
            unit = self._threads.setdefault(message.thread_ts, Unit(message.thread_ts))
        elif self._run is not None and self._run.continues_with(message):
            unit = self._run
        else:
            yield from self._end_run()
            unit = self._run = Unit(message.ts)
        if not unit.add(message):
            yield REPEATED

    def finish(self) -> Iterator[Unit]:
        yield from self._end_run()
        for unit in self._threads.values():
            unit.messages.sort(key=lambda m: (m.seconds, m.ts))
            yield unit
        self._threads.clear()

    def _end_run(self) -> Iterator[Unit]:
        if self._run is not None:
            yield self._run
            self._run = None


def requester_of(unit: Unit, conversation: Conversation, me: str) -> str | None:
    """Who asked the person something in this unit, or None when nobody did.

    Someone else's message that mentions them; else, a thread of someone else's that they answered;
    else, in a direct message, a question put to them."""
    asker = unit.asker
    if asker == me:
        return None
    for message in unit.messages:
        if message.user != me and mentions(message.text, me):
            return message.user
    if any(message.user == me for message in unit.messages):
        return asker
    if conversation.kind == "direct message" and any(m.user != me and asks(m.text) for m in unit.messages):
        return asker
    return None


def outcome(unit: Unit, conversation: Conversation, directory: Directory) -> EvidenceDraft | list[Ignored]:
    """The unit as one piece of evidence, or why each of its messages is set aside."""
    me = directory.me.id
    requester = requester_of(unit, conversation, me)
    if requester is None:
        return [OWN if message.user == me else NOT_ASKED for message in unit.messages]
    return draft(unit, conversation, directory, requester)


def draft(unit: Unit, conversation: Conversation, directory: Directory, requester: str) -> EvidenceDraft:
    me = directory.me.id
    answered = any(message.user == me for message in unit.messages)
    who = directory.name_of(requester)
    heading = f"{'Helped ' + who if answered else who + ' asked you'} {conversation.place}"
    snippet = _snippet(unit, requester, directory)
    others = [directory.name_of(m.user) for m in unit.messages if m.user != me]
    return EvidenceDraft(
        title=f"{heading}: {snippet}" if snippet else heading,
        occurred_at=directory.local_time(unit.messages[0].seconds),
        kind=Kind.REQUEST,
        body=_transcript(unit, directory),
        source="slack",
        source_id=f"{conversation.id}/{unit.key}",
        requester=who,
        teams=(conversation.team,) if conversation.team else (),
        people=tuple(dict.fromkeys([who, *others])),
        tags=("answered",) if answered else (),
    )


def _snippet(unit: Unit, requester: str, directory: Directory) -> str:
    """The words of the ask: the requester's message that names the person (or their first), else the
    first message in the unit that has some words."""
    me = directory.me.id
    theirs = [m for m in unit.messages if m.user == requester]
    asking = [m for m in theirs if mentions(m.text, me)] + theirs + [m for m in unit.messages if m.user != me]
    for message in asking:
        words = plain(without_leading_mention(message.text, me), directory.name_of).replace("```", " ")
        if has_words(words):
            return shorten(words, TITLE_WORDS)
    return ""


def _transcript(unit: Unit, directory: Directory) -> str:
    lines = []
    for message in unit.messages[:TRANSCRIPT_LINES]:
        words = shorten(plain(message.text, directory.name_of), LINE_LENGTH) or "(a file or an attachment)"
        author = "You" if message.user == directory.me.id else directory.name_of(message.user)
        lines.append(f"{author}: {words}")
    if len(unit.messages) > TRANSCRIPT_LINES:
        lines.append(f"… and {len(unit.messages) - TRANSCRIPT_LINES} more messages")
    return "\n".join(lines)
