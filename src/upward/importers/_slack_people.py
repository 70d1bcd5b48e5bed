"""The people in a Slack export (users.json), and which of them is the person importing."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, tzinfo
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from upward.importers._slack_archive import SlackExport
from upward.importers._slack_text import safe
from upward.model.imports import ImportProblem

MAX_NAME = 120
SHOWN_NAMES = 5


@dataclass(frozen=True, slots=True)
class Member:
    id: str
    name: str = ""
    real_name: str = ""
    display_name: str = ""
    tz: str = ""
    is_bot: bool = False

    @property
    def label(self) -> str:
        """How Upward names them: their real name, else the name they show, else their user name."""
        return self.real_name or self.display_name or self.name or self.id

    def zone(self) -> tzinfo | None:
        """Their Slack time zone, if the export has one Upward knows."""
        try:
            return ZoneInfo(self.tz) if self.tz else None
        except (ZoneInfoNotFoundError, ValueError, OSError):
            return None


def _text(value: Any) -> str:
    return safe(" ".join(value.split()))[:MAX_NAME] if isinstance(value, str) else ""


def _member(entry: dict[str, Any], ident: str) -> Member:
    profile = entry.get("profile") if isinstance(entry.get("profile"), dict) else {}
    assert isinstance(profile, dict)
    return Member(
        id=ident,
        name=_text(entry.get("name")),
        real_name=_text(entry.get("real_name")) or _text(profile.get("real_name")),
        display_name=_text(profile.get("display_name")) or _text(entry.get("display_name")),
        tz=_text(entry.get("tz")),
        is_bot=bool(entry.get("is_bot")) or ident == "USLACKBOT",
    )


def read_members(export: SlackExport) -> dict[str, Member]:
    members: dict[str, Member] = {}
    for number, entry in enumerate(export.list_of_objects(export.people_file, "people"), start=1):
        ident = export.text_field(export.people_file, number, entry, "id")
        members.setdefault(ident, _member(entry, ident))
    return members


def find_me(path: Path, members: dict[str, Member], wanted: str) -> Member:
    """The member `wanted` names: by id, user name, display name or real name (capital letters don't matter)."""
    key = wanted.strip().removeprefix("@").casefold()
    if not key:
        raise ImportProblem(
            path, f"say which Slack member you are with the user option (--user NAME){_examples(members)}", field="user"
        )
    people = [m for m in members.values() if not m.is_bot] or list(members.values())
    for field in ("id", "name", "display_name", "real_name"):
        found = [m for m in people if getattr(m, field).casefold() == key]
        if len(found) == 1:
            return found[0]
        if found:
            ids = ", ".join(f"{m.id} ({m.label})" for m in found)
            raise ImportProblem(path, f"'{wanted}' could be any of {ids}; give your member id instead", field="user")
    raise ImportProblem(
        path, f"nobody in this export is called '{wanted}'; use your Slack name or id{_examples(members)}", field="user"
    )


def _examples(members: dict[str, Member]) -> str:
    people = [m for m in members.values() if not m.is_bot][:SHOWN_NAMES]
    if not people:
        return ""
    names = ", ".join(f"{m.name} ({m.label})" if m.name and m.name != m.label else m.name or m.id for m in people)
    more = " and others" if len([m for m in members.values() if not m.is_bot]) > SHOWN_NAMES else ""
    return f", for example: {names}{more}"


class Directory:
    """Names for member ids, in the person's own time zone."""

    def __init__(self, members: dict[str, Member], me: Member) -> None:
        self.members = members
        self.me = me
        self._zone = me.zone()

    def name_of(self, member_id: str) -> str:
        member = self.members.get(member_id)
        return member.label if member else member_id

    def learn(self, member_id: str, name: str) -> None:
        """A name a message carries for someone users.json does not list (a guest from another workspace)."""
        if name and member_id not in self.members:
            self.members[member_id] = Member(id=member_id, real_name=name)

    def local_time(self, seconds: int) -> datetime:
        """A Slack time stamp (seconds since 1970, UTC) as naive wall-clock time in the person's Slack time
        zone, or in this computer's when the export does not say."""
        if self._zone is None:
            return datetime.fromtimestamp(seconds)
        return datetime.fromtimestamp(seconds, self._zone).replace(tzinfo=None)
