"""One message of a day file: checked, and either kept (a person wrote it) or set aside with a reason."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from upward.importers._slack_archive import DOWNLOAD_AGAIN
from upward.importers._slack_text import safe
from upward.model.imports import Ignored, ImportProblem

_TS = re.compile(r"^(?P<seconds>\d{1,11})(?:\.\d{1,9})?$")
MAX_IDENT = 120
MAX_TEXT = 2000  # what is kept of one message; enough for a title and a transcript

JOINS = frozenset({"channel_join", "channel_leave", "group_join", "group_leave", "member_joined_channel"})
CHANGES = frozenset(
    {"channel_topic", "channel_purpose", "channel_name", "group_topic", "group_purpose", "group_name"}
)  # fmt: skip
WRITTEN = frozenset({"thread_broadcast", "file_share", "me_message"})  # subtypes a person wrote themselves

BOTS = Ignored("bot messages")
JOINED = Ignored("joins and leaves")
CHANGED = Ignored("topic, purpose and name changes")
NOTICES = Ignored("other Slack notices (pins, file comments, reminders)")
NO_AUTHOR = Ignored("messages without an author")


@dataclass(frozen=True, slots=True)
class Message:
    ts: str
    seconds: int
    user: str
    text: str
    thread_ts: str | None = None
    parent_user: str | None = None
    author_name: str = ""  # the name a message carries itself (people from another workspace)

    @property
    def is_reply(self) -> bool:
        return self.thread_ts is not None and self.thread_ts != self.ts

    @property
    def is_root(self) -> bool:
        return self.thread_ts == self.ts


def parse_message(raw: Any, where: str, number: int) -> Message | Ignored:
    """Entry `number` (from 1) of the day file `where`."""
    if not isinstance(raw, dict):
        raise ImportProblem(where, f"message {number} is not a Slack message; {DOWNLOAD_AGAIN}")
    ts, seconds = _stamp(raw, "ts", where, number)
    subtype = raw.get("subtype")
    if subtype in JOINS:
        return JOINED
    if subtype in CHANGES:
        return CHANGED
    if subtype == "bot_message" or raw.get("bot_id"):
        return BOTS
    if subtype is not None and subtype not in WRITTEN:
        return NOTICES
    user = raw.get("user")
    if not isinstance(user, str) or not user.strip():
        return NO_AUTHOR
    text = raw.get("text", "")
    if not isinstance(text, str):
        raise ImportProblem(where, f"message {number} has a text that is not text; {DOWNLOAD_AGAIN}", field="text")
    thread_ts = _stamp(raw, "thread_ts", where, number)[0] if raw.get("thread_ts") is not None else None
    parent = raw.get("parent_user_id")
    return Message(
        ts=ts,
        seconds=seconds,
        user=_ident(user),
        text=text[:MAX_TEXT],
        thread_ts=thread_ts,
        parent_user=_ident(parent) if isinstance(parent, str) and parent.strip() else None,
        author_name=_author_name(raw.get("user_profile")),
    )


def _ident(value: str) -> str:
    return safe(" ".join(value.split()))[:MAX_IDENT]


def _author_name(profile: Any) -> str:
    if not isinstance(profile, dict):
        return ""
    for key in ("real_name", "display_name", "name"):
        value = profile.get(key)
        if isinstance(value, str) and value.strip():
            return _ident(value)
    return ""


def _stamp(raw: dict[str, Any], field: str, where: str, number: int) -> tuple[str, int]:
    """A Slack time stamp, `1355517523.000005`: seconds since 1970 (UTC), and a counter."""
    value = raw.get(field)
    if value is None:
        raise ImportProblem(
            where, f"message {number} has no time stamp ('{field}'); {DOWNLOAD_AGAIN}", field=field
        )  # fmt: skip
    match = _TS.match(value) if isinstance(value, str) else None
    if not match:
        raise ImportProblem(
            where, f"message {number} has '{str(value)[:40]}' as its time stamp, which is not one Slack writes; "
            f"{DOWNLOAD_AGAIN}",
            field=field,
        )  # fmt: skip
    return value, int(match["seconds"])
