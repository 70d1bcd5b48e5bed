"""Files uploaded for an import: streamed straight to a temp folder under the data home, never held in memory.

Each file keeps its own name (made safe), so a problem in it names the file the person knows. The folder
is removed when the import is done, whatever happened. An upload larger than `MAX_UPLOAD_BYTES` is refused
with a message that points to the command line, which has no limit.
"""

from __future__ import annotations

import re
import shutil
import tempfile
import time
import unicodedata
from collections.abc import AsyncIterator, Callable, Mapping
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, BinaryIO

from fastapi import HTTPException, Request
from python_multipart.exceptions import FormParserError
from python_multipart.multipart import MultipartParser, parse_options_header
from starlette.concurrency import run_in_threadpool

if TYPE_CHECKING:
    from python_multipart.multipart import MultipartCallbacks

MAX_UPLOAD_BYTES = 200 * 1024 * 1024
MAX_FIELD_BYTES = 64 * 1024  # a text field; the longest is a list of folders
MAX_NAME_CHARS = 100
UPLOADS = "uploads"  # the folder under the data home that holds uploads while they are imported
STALE_SECONDS = 24 * 3600  # a folder this old was left by a server that stopped mid-import
SAFE_NAME_CHARACTERS = frozenset(" .-_()+,@&'")

#: Called with the text fields received so far, just before the first file is written (a CSRF check).
BeforeFiles = Callable[[Mapping[str, list[str]]], None]


@dataclass
class Upload:
    """What a multipart form held: its text fields (each may repeat) and the files, saved in `folder`."""

    folder: Path
    fields: dict[str, list[str]] = field(default_factory=dict)
    files: list[Path] = field(default_factory=list)

    def value(self, name: str) -> str:
        """The last value sent for a text field, trimmed ("" when absent)."""
        return (self.fields.get(name) or [""])[-1].strip()


def uploads_root(home: Path) -> Path:
    return (home / UPLOADS).resolve()


def shown_path(home: Path, stored: str) -> str:
    """A path from an import's history as the person knows it: an uploaded file by its name."""
    path = Path(stored)
    return path.name if path.is_relative_to(uploads_root(home)) else stored


def max_megabytes() -> int:
    return MAX_UPLOAD_BYTES // (1024 * 1024)


def too_large_message() -> str:
    return (
        f"These files come to more than {max_megabytes()} MB, the most the web page takes at once. "
        "Upload fewer at a time, or import them from the command line: upward import SOURCE FILE..."
    )


@asynccontextmanager
async def received(request: Request, home: Path, before_files: BeforeFiles | None = None) -> AsyncIterator[Upload]:
    """The request's multipart body, saved; the files are removed when the block ends."""
    folder = _new_folder(home)
    try:
        yield await _receive(request, Upload(folder), before_files or _nothing)
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def is_multipart(request: Request) -> bool:
    return request.headers.get("content-type", "").split(";")[0].strip().lower() == "multipart/form-data"


def safe_name(sent: str) -> str:
    """A file name that is only a name: no folders, no control or odd characters, not hidden, not too long."""
    name = unicodedata.normalize("NFC", re.split(r"[\\/]", sent)[-1])
    name = "".join(c if c.isalnum() or c in SAFE_NAME_CHARACTERS else "_" for c in name).strip(" .")
    if len(name) > MAX_NAME_CHARS:
        suffix = Path(name).suffix[:12]
        name = name[: MAX_NAME_CHARS - len(suffix)].rstrip(" .") + suffix
    return name or "upload"


def _nothing(fields: Mapping[str, list[str]]) -> None:
    pass


def _new_folder(home: Path) -> Path:
    root = uploads_root(home)
    root.mkdir(parents=True, exist_ok=True)
    _remove_stale(root)
    return Path(tempfile.mkdtemp(prefix="import-", dir=root))


def _remove_stale(root: Path) -> None:
    """Folders a stopped server left behind; uploads are the person's data and should not linger."""
    cutoff = time.time() - STALE_SECONDS
    for folder in root.glob("import-*"):
        try:
            if folder.stat().st_mtime < cutoff:
                shutil.rmtree(folder, ignore_errors=True)
        except FileNotFoundError:
            continue  # another import removed it a moment ago


async def _receive(request: Request, upload: Upload, before_files: BeforeFiles) -> Upload:
    declared = request.headers.get("content-length", "")
    refused: HTTPException | None = None
    if declared.isdigit() and int(declared) > MAX_UPLOAD_BYTES:
        refused = HTTPException(413, too_large_message())
    receiver = _Receiver(upload, before_files)
    parser = MultipartParser(_boundary(request), receiver.callbacks())
    size = 0
    async for chunk in request.stream():
        if refused:
            continue  # read the rest and drop it, so the browser is still listening for the answer
        size += len(chunk)
        try:
            if size > MAX_UPLOAD_BYTES:
                raise HTTPException(413, too_large_message())
            await run_in_threadpool(parser.write, chunk)
        except (HTTPException, FormParserError) as error:
            receiver.close()
            refused = error if isinstance(error, HTTPException) else _malformed()
    if refused:
        raise refused
    parser.finalize()
    if not receiver.ended:
        raise _malformed()
    return upload


def _boundary(request: Request) -> bytes:
    if not is_multipart(request):
        raise HTTPException(415, "Send the form as multipart/form-data.")
    _, options = parse_options_header(request.headers["content-type"])
    if not options.get(b"boundary"):
        raise _malformed()
    return options[b"boundary"]


def _malformed() -> HTTPException:
    return HTTPException(400, "The upload did not arrive whole. Please try again.")


class _Receiver:
    """The parser's callbacks: text fields are kept (they are small), file contents go straight to disk."""

    def __init__(self, upload: Upload, before_files: BeforeFiles) -> None:
        self.upload = upload
        self.before_files = before_files
        self.header_name = b""
        self.header_value = b""
        self.disposition = b""
        self.name = ""
        self.data = bytearray()
        self.file: BinaryIO | None = None
        self.path: Path | None = None
        self.skipping = False  # a file input left empty: the browser sends a part with no name and no bytes
        self.files_started = False
        self.ended = False

    def callbacks(self) -> MultipartCallbacks:
        return {
            "on_part_begin": self.part_begin, "on_header_field": self.header_field,
            "on_header_value": self.header_value_data, "on_header_end": self.header_end,
            "on_headers_finished": self.headers_finished, "on_part_data": self.part_data,
            "on_part_end": self.part_end, "on_end": self.end,
        }  # fmt: skip

    def part_begin(self) -> None:
        self.disposition, self.data, self.skipping = b"", bytearray(), False

    def header_field(self, data: bytes, start: int, end: int) -> None:
        self.header_name += data[start:end]

    def header_value_data(self, data: bytes, start: int, end: int) -> None:
        self.header_value += data[start:end]

    def header_end(self) -> None:
        if self.header_name.strip().lower() == b"content-disposition":
            self.disposition = self.header_value
        self.header_name, self.header_value = b"", b""

    def headers_finished(self) -> None:
        _, options = parse_options_header(self.disposition)
        self.name = _text(options.get(b"name", b""))
        if b"filename" not in options:
            return
        sent = _text(options[b"filename"])
        if not sent:
            self.skipping = True
            return
        if not self.files_started:
            self.files_started = True
            self.before_files(self.upload.fields)
        self.path = _exclusive(self.upload.folder, safe_name(sent))
        self.file = self.path.open("xb")

    def part_data(self, data: bytes, start: int, end: int) -> None:
        if self.file is not None:
            self.file.write(data[start:end])
        elif not self.skipping:
            self.data += data[start:end]
            if len(self.data) > MAX_FIELD_BYTES:
                raise HTTPException(413, f"The field '{self.name}' is longer than this form takes.")

    def part_end(self) -> None:
        if self.file is not None and self.path is not None:
            self.upload.files.append(self.path)
            self.close()
        elif not self.skipping:
            self.upload.fields.setdefault(self.name, []).append(_text(bytes(self.data)))

    def end(self) -> None:
        self.ended = True

    def close(self) -> None:
        if self.file is not None:
            self.file.close()
            self.file = None


def _text(raw: bytes) -> str:
    return raw.decode("utf-8", errors="replace")


def _exclusive(folder: Path, name: str) -> Path:
    """`name` in `folder`, or `name (2)`, `name (3)`… when two files of the upload share a name."""
    path, number = folder / name, 1
    while path.exists():
        number += 1
        path = folder / f"{Path(name).stem} ({number}){Path(name).suffix}"
    return path
