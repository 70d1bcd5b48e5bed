"""Reading a Slack export zip as it is, member by member, without unpacking it to disk.

A problem inside the zip names the member as `export.zip/enrique/2016-02-07.json`, the way a path
into the zip reads.
"""

from __future__ import annotations

import json
import re
import struct
import zipfile
import zlib
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from upward.importers._slack_text import safe
from upward.model.imports import ImportProblem

#: What zipfile raises, one way or another, for a damaged or cut-short archive.
ZIP_ERRORS = (
    zipfile.BadZipFile,
    zipfile.LargeZipFile,
    zlib.error,
    EOFError,
    OSError,
    ValueError,
    RuntimeError,
    NotImplementedError,
    struct.error,
    OverflowError,
)
DAY_FILE = re.compile(r"^(?P<folder>[^/]+)/\d{4}-\d{2}-\d{2}\.json$")
MAX_NAME = 80
MAX_MEMBER_BYTES = 512 * 1024 * 1024
DOWNLOAD_AGAIN = "download the export from Slack again"
WHERE_TO_GET_IT = (
    "in Slack, a workspace owner or admin downloads it from Settings & administration → Workspace settings → "
    "Import/Export Data"
)


@dataclass(frozen=True, slots=True)
class Conversation:
    """A channel, private channel, direct message or group message, and the folder its days are in."""

    id: str
    folder: str
    kind: str  # "channel", "private channel", "direct message" or "group message"
    name: str = ""
    members: tuple[str, ...] = ()

    @property
    def team(self) -> str | None:
        """Channels stand for the teams they belong to; private chats belong to no team."""
        return self.name.lower() if self.kind in ("channel", "private channel") and self.name else None

    @property
    def is_chat(self) -> bool:
        return self.kind in ("direct message", "group message")

    @property
    def place(self) -> str:
        """Where it happened, in words: `in #enrique`, `in a direct message`."""
        return f"in #{self.name}" if self.team else f"in a {self.kind}"


#: Conversation lists in an export: file, kind, and whether its folders are named by name (else by id).
CONVERSATION_LISTS = (
    ("channels.json", "channel", True),
    ("groups.json", "private channel", True),
    ("mpims.json", "group message", True),
    ("dms.json", "direct message", False),
)
PEOPLE_FILES = ("users.json", "org_users.json")  # Enterprise Grid exports name it org_users.json


class SlackExport:
    def __init__(self, path: Path, archive: zipfile.ZipFile) -> None:
        self.path = path
        self.archive = archive
        self.prefix = _prefix(archive)
        self.people_file = next((name for name in PEOPLE_FILES if self.has(name)), "")
        for name, what in ((self.people_file or "users.json", "the list of people"), ("channels.json", "the channels")):
            if not self.has(name):
                raise ImportProblem(
                    path, f"has no {name} ({what}), so it is not a Slack workspace export; {WHERE_TO_GET_IT}"
                )

    def where(self, name: str) -> str:
        return f"{self.path}/{self.prefix}{name}"

    def has(self, name: str) -> bool:
        try:
            self.archive.getinfo(self.prefix + name)
        except KeyError:
            return False
        return True

    def read_json(self, name: str) -> Any:
        """One member, parsed; plain problems for a damaged zip or JSON that is not JSON."""
        where = self.where(name)
        data = self._read(name, where)
        try:
            return json.loads(data)
        except json.JSONDecodeError as error:
            raise ImportProblem(
                where, f"is not valid JSON ({error.msg}, column {error.colno}); {DOWNLOAD_AGAIN}", line=error.lineno
            ) from None
        except UnicodeDecodeError as error:
            raise ImportProblem(where, f"is not UTF-8 text (byte {error.start}); {DOWNLOAD_AGAIN}") from None
        except RecursionError:
            raise ImportProblem(where, f"is nested too deeply to be a Slack export file; {DOWNLOAD_AGAIN}") from None

    def _read(self, name: str, where: str) -> bytes:
        try:
            info = self.archive.getinfo(self.prefix + name)
            if info.file_size > MAX_MEMBER_BYTES:
                raise ImportProblem(where, f"is larger than {MAX_MEMBER_BYTES // 2**20} MB; {DOWNLOAD_AGAIN}")
            with self.archive.open(info) as stream:
                return stream.read(MAX_MEMBER_BYTES + 1)
        except (*ZIP_ERRORS, KeyError):
            raise ImportProblem(
                where, f"can't be read: the zip file is damaged or cut short; {DOWNLOAD_AGAIN}"
            ) from None

    def list_of_objects(self, name: str, what: str) -> list[dict[str, Any]]:
        """A member that holds a list of objects (users, channels, messages)."""
        data = self.read_json(name)
        if not isinstance(data, list):
            raise ImportProblem(self.where(name), f"should hold a list of {what}; {DOWNLOAD_AGAIN}")
        for number, entry in enumerate(data, start=1):
            if not isinstance(entry, dict):
                raise ImportProblem(self.where(name), f"entry {number} is not one of the {what}; {DOWNLOAD_AGAIN}")
        return data

    def text_field(self, name: str, number: int, entry: dict[str, Any], field: str) -> str:
        value = entry.get(field)
        if not isinstance(value, str) or not value.strip():
            raise ImportProblem(self.where(name), f"entry {number} has no {field}; {DOWNLOAD_AGAIN}", field=field)
        return safe(value.strip())

    def conversations(self) -> list[Conversation]:
        found: list[Conversation] = []
        for name, kind, by_name in CONVERSATION_LISTS:
            if self.has(name):
                found.extend(self._conversations(name, kind, by_name))
        return found

    def _conversations(self, name: str, kind: str, by_name: bool) -> Iterator[Conversation]:
        for number, entry in enumerate(self.list_of_objects(name, "conversations"), start=1):
            ident = self.text_field(name, number, entry, "id")
            label = self.text_field(name, number, entry, "name") if by_name else ""
            members = entry.get("members") or []
            if not isinstance(members, list) or not all(isinstance(m, str) for m in members):
                raise ImportProblem(
                    self.where(name), f"entry {number} has a members list that is not a list of ids", field="members"
                )
            yield Conversation(ident, label if by_name else ident, kind, label[:MAX_NAME], tuple(members))

    def day_files(self) -> dict[str, list[str]]:
        """Each conversation folder's day files (`enrique/2016-01-14.json`), oldest first."""
        days: dict[str, list[str]] = {}
        for full in self.archive.namelist():
            name = full.removeprefix(self.prefix) if full.startswith(self.prefix) else None
            match = DAY_FILE.match(name or "")
            if name and match:
                days.setdefault(match["folder"], []).append(name)
        return {folder: sorted(names) for folder, names in days.items()}


def _prefix(archive: zipfile.ZipFile) -> str:
    """Where the export starts: at the top, or in one folder when someone zipped the unpacked folder."""
    names = archive.namelist()
    if "channels.json" in names:
        return ""
    nested = {name.removesuffix("channels.json") for name in names if name.endswith("/channels.json")}
    top = [prefix for prefix in nested if prefix.count("/") == 1]
    return top[0] if len(top) == 1 else ""


@contextmanager
def open_export(path: Path) -> Iterator[SlackExport]:
    if path.is_dir():
        raise ImportProblem(
            path,
            "is a folder; hand over the .zip file Slack gave you (if your computer unpacked it, zip the folder again)",
        )
    if not path.is_file():
        raise ImportProblem(path, "there is no file here")
    with path.open("rb") as raw:
        start = raw.read(4)
    if not start:
        raise ImportProblem(path, f"the file is empty; {DOWNLOAD_AGAIN}")
    if not start.startswith(b"PK"):
        raise ImportProblem(path, f"this is not a zip file; a Slack export is a .zip file ({WHERE_TO_GET_IT})")
    try:
        archive = zipfile.ZipFile(path)
    except ZIP_ERRORS:
        raise ImportProblem(path, f"the zip file is damaged or cut short; {DOWNLOAD_AGAIN}") from None
    with archive:
        yield SlackExport(path, archive)
