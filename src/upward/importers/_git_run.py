"""Running git for the git importer: short questions, and `git log` streamed record by record."""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress
from pathlib import Path
from typing import IO

from upward.model.imports import ImportProblem

#: Settings that would change what `git log` prints, pinned so a person's own git config can't.
PINNED = (
    "-c", "log.showSignature=false",
    "-c", "color.ui=never",
    "-c", "core.quotePath=false",
    "-c", "i18n.logOutputEncoding=UTF-8",
)  # fmt: skip
#: Each commit record starts with this byte; `-z` ends every record (and every file name) with NUL.
RECORD = b"\x1e"
BOUNDARY = b"\x00" + RECORD
TEXT_BOUNDARY = BOUNDARY.decode()
CHUNK = 1 << 20  # read (and let the pipe hold) up to 1 MiB of log at a time
#: A read this short means git is behind: pausing lets a few hundred commits gather in the pipe instead of
#: waking up for each one (git flushes every commit), which leaves the processor to git.
SHORT, PAUSE = 1 << 16, 0.002
LOWEST_PRIORITY = 19  # the counting walk's niceness (Unix)
NO_GIT = "Upward reads repositories with git, and git isn't installed here; install it from https://git-scm.com"


def _env() -> dict[str, str]:
    """The person's environment, minus what would point git at another repository or ask for a password."""
    env = {key: value for key, value in os.environ.items() if key not in ("GIT_DIR", "GIT_WORK_TREE")}
    env["GIT_TERMINAL_PROMPT"] = "0"
    env["LC_ALL"] = "C"
    return env


def _command(where: Path, args: tuple[str, ...]) -> list[str]:
    return ["git", "-C", str(where), *PINNED, *args]


def run_git(where: Path, *args: str, stdin: bytes | None = None) -> tuple[int, bytes, str]:
    """Run a short git command; returns its exit code, output and the first line it complained with."""
    try:
        done = subprocess.run(_command(where, args), input=stdin, capture_output=True, env=_env(), check=False)
    except FileNotFoundError:
        raise ImportProblem(where, NO_GIT) from None
    except OSError as error:
        raise ImportProblem(where, f"Upward could not run git here ({error.strerror})") from None
    return done.returncode, done.stdout, _first_line(done.stderr)


def _first_line(stderr: bytes) -> str:
    lines = [line.strip() for line in stderr.decode("utf-8", "replace").splitlines() if line.strip()]
    message = lines[0] if lines else ""
    return message.removeprefix("fatal: ").removeprefix("error: ")


@contextmanager
def counting(where: Path, args: tuple[str, ...]) -> Iterator[Callable[[], int | None]]:
    """Run a `git log` printing "." and a newline per commit into a temp file, beside the main stream.

    Gives a function answering how many commits there are once git has finished (None until then, or if
    it failed): the progress bar's total, at the cost of a second walk on a second core. That walk runs at
    the lowest priority, so it only takes processor time the import itself (and everything else) leaves.
    """
    with tempfile.TemporaryFile() as out:
        try:
            process = subprocess.Popen(_command(where, args), stdout=out, stderr=subprocess.DEVNULL, env=_env())
        except OSError:
            yield lambda: None
            return
        if hasattr(os, "setpriority"):
            with suppress(OSError):  # it finished already: nothing to slow down
                os.setpriority(os.PRIO_PROCESS, process.pid, LOWEST_PRIORITY)
        try:
            yield lambda: os.fstat(out.fileno()).st_size // 2 if process.poll() == 0 else None
        finally:
            if process.poll() is None:
                process.kill()
            process.wait()


def stream_records(where: Path, args: tuple[str, ...]) -> Iterator[str]:
    """The records of a `git log -z` whose format starts with RECORD, one at a time, never the whole log.

    Commit messages and file names can't hold a NUL, so NUL + RECORD only ever appears between records.
    """
    with tempfile.TemporaryFile() as errors:
        try:
            process = subprocess.Popen(_command(where, args), stdout=subprocess.PIPE, stderr=errors, env=_env())
        except FileNotFoundError:
            raise ImportProblem(where, NO_GIT) from None
        except OSError as error:
            raise ImportProblem(where, f"Upward could not run git here ({error.strerror})") from None
        try:
            assert process.stdout is not None
            _widen(process.stdout)
            yield from _split(process.stdout)
            code = process.wait()
        finally:
            if process.poll() is None:
                process.kill()
                process.wait()
            if process.stdout:
                process.stdout.close()
        if code != 0:
            errors.seek(0)
            problem = _first_line(errors.read(4096)) or f"git stopped with exit code {code}"
            raise ImportProblem(where, f"git could not read the history: {problem}")


def _widen(pipe: IO[bytes]) -> None:
    """Let git write ahead while Upward stores a batch (Linux pipes hold 64 KiB unless asked for more)."""
    if sys.platform != "linux":
        return
    import fcntl

    with suppress(OSError):  # a system limit lower than CHUNK: the pipe works as it is
        fcntl.fcntl(pipe.fileno(), fcntl.F_SETPIPE_SZ, CHUNK)


def _split(stream: IO[bytes]) -> Iterator[str]:
    """Records as text: each stretch of whole records is decoded at once and split on NUL + RECORD."""
    read = getattr(stream, "read1", stream.read)
    pending: list[bytes] = []
    started = False  # the first record's RECORD byte is the only one no NUL comes before
    while chunk := read(CHUNK):
        if len(chunk) < SHORT:
            time.sleep(PAUSE)
        pending.append(chunk)
        if RECORD not in chunk:  # no boundary can end inside this chunk: keep it for later
            continue
        data = b"".join(pending)
        cut = data.rfind(BOUNDARY)
        if cut < 0:
            pending = [data]
            continue
        pending = [data[cut + len(BOUNDARY) :]]
        text = str(memoryview(data)[int(not started) : cut], "utf-8", "replace")
        started = True
        yield from text.split(TEXT_BOUNDARY)
    last = b"".join(pending).removesuffix(b"\x00")
    if not started:
        last = last.removeprefix(RECORD)
    if last:
        yield last.decode("utf-8", "replace")
