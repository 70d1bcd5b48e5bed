"""Importing a long git history: 60,000 commits, against the raw `git log` the importer streams.

The repository is generated with `git fast-import` (a seeded random history: conventional and plain
messages, a few files per commit, a CODEOWNERS and a .mailmap, some merges and other people's commits) and
kept in a temporary folder for the run. Ours is the whole `run_import` into a fresh SQLite database
(reading, classifying, CODEOWNERS teams, storing). The baseline is the same `git log` command the importer
runs, with its output thrown away. Peak memory is measured in a child process for two history lengths,
to show it does not grow with the history.
"""

from __future__ import annotations

import random
import statistics
import subprocess
import sys
import tempfile
import textwrap
import time
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path

from rich.table import Table

from bench import Options
from bench._report import console, ms, ratio
from upward.importers import ImportRequest, get_importer
from upward.importers._git_log import LogQuery
from upward.importers._git_run import PINNED
from upward.model import EvidenceDraft
from upward.services import open_context
from upward.services.context import close_all
from upward.services.imports import run_import
from upward.settings import Settings

TARGET = 2.5
ME = ("Dana Rivera", "dana@acme.example")
MY_OLD_EMAIL = "dana@old-laptop.local"
OTHERS = (("Sam Okafor", "sam@acme.example"), ("Lee Park", "lee@acme.example"), ("Ivy Chen", "ivy@acme.example"))
AREAS = {
    "services/payments": "payments", "services/search": "search", "services/accounts": "identity",
    "web/checkout": "web", "web/account": "web", "mobile/app": "mobile", "infra/deploy": "platform",
    "docs": "docs", "data/pipelines": "data",
}  # fmt: skip
THINGS = (
    "refund flow", "retry budget", "search ranking", "session expiry", "invoice export", "rate limiter",
    "webhook signatures", "cache warming", "feature flag cleanup", "currency rounding", "login throttling",
    "deploy pipeline", "audit log", "pagination", "error budget alerts", "tax rules", "password reset",
)  # fmt: skip
TEMPLATES = (
    "feat({scope}): add {thing}", "feat: support {thing} for partners", "fix({scope}): handle empty {thing}",
    "fix: {thing} crashed on retry", "Fix flaky test around {thing}", "hotfix: stop {thing} outage",
    "docs({scope}): explain {thing}", "refactor({scope}): split {thing} module", "test: cover {thing}",
    "chore: bump dependencies", "perf({scope}): faster {thing}", "Update {thing} copy", "Add {thing} metrics",
    'Revert "feat: add {thing}"',
)  # fmt: skip


@dataclass(frozen=True)
class Plan:
    commits: int
    small: int  # the shorter history, for peak memory
    runs: int


FULL = Plan(commits=60_000, small=10_000, runs=3)
QUICK = Plan(commits=3_000, small=1_000, runs=3)


def _codeowners() -> str:
    lines = ["# Generated for the benchmark", "* @acme/platform"]
    lines += [f"/{area}/ @acme/{team} @someone" for area, team in AREAS.items()]
    lines += ["*.md @acme/docs", "/services/payments/ledger/ @acme/finance-ops", "**/tests/ @acme/qa"]
    return "\n".join(lines) + "\n"


def _files(rng: random.Random) -> list[str]:
    names = ("main", "models", "views", "api", "utils", "config", "handlers", "README")
    paths = []
    for area in AREAS:
        for sub in ("", "/core", "/tests", "/ledger" if "payments" in area else "/extra"):
            paths += [f"{area}{sub}/{name}{'.md' if name == 'README' else '.py'}" for name in names]
    rng.shuffle(paths)
    return paths


def _data(text: str) -> bytes:
    raw = text.encode()
    return b"data %d\n%s\n" % (len(raw), raw)


def fast_import_stream(commits: int, seed: int = 7) -> Iterator[bytes]:
    """A `git fast-import` stream: a linear main branch with a merged side commit every 500 commits."""
    rng = random.Random(seed)
    files = _files(rng)
    when = datetime(2019, 1, 7, 9, 0)
    setup = {"CODEOWNERS": _codeowners(), ".mailmap": f"{ME[0]} <{ME[1]}> <{MY_OLD_EMAIL}>\n"}
    for number in range(1, commits + 1):
        when += timedelta(minutes=rng.randint(5, 45))
        name, email = ME if rng.random() < 0.85 else rng.choice(OTHERS)
        email = MY_OLD_EMAIL if email == ME[1] and rng.random() < 0.1 else email
        stamp = f"{int(when.timestamp())} +0100"
        side = number % 500 == 0 and number < commits
        merge = number % 500 == 1 and number > 500
        yield b"commit refs/heads/%s\nmark :%d\n" % (b"side" if side else b"main", number)
        yield f"author {name} <{email}> {stamp}\ncommitter {name} <{email}> {stamp}\n".encode()
        yield _data(_message(rng, number))
        if number > 1:
            yield b"from :%d\n" % (number - 2 if merge else number - 1)
        if merge:
            yield b"merge :%d\n" % (number - 1)
        changed = setup if number == 1 else dict.fromkeys(rng.sample(files, rng.randint(1, 4)), "")
        for path, content in changed.items():
            body = content or f"# {path}\nrevision = {rng.randrange(16)}\n" + "value = 1\n" * rng.randint(1, 12)
            yield f"M 100644 inline {path}\n".encode() + _data(body)
        yield b"\n"


def _message(rng: random.Random, number: int) -> str:
    area = rng.choice(list(AREAS))
    subject = rng.choice(TEMPLATES).format(scope=AREAS[area], thing=rng.choice(THINGS))
    if rng.random() < 0.6:
        return subject
    body = textwrap.fill(f"The {rng.choice(THINGS)} needed this for ticket ACME-{number}. " * rng.randint(1, 3), 72)
    trailer = f"\n\nCo-authored-by: {OTHERS[number % 3][0]} <{OTHERS[number % 3][1]}>" if rng.random() < 0.2 else ""
    return f"{subject}\n\n{body}{trailer}"


def make_repository(folder: Path, commits: int) -> Path:
    """A bare repository with `commits` commits on main (merges included)."""
    repo = folder / f"history-{commits}.git"
    subprocess.run(["git", "init", "--quiet", "--bare", "--initial-branch=main", str(repo)], check=True)
    with subprocess.Popen(["git", "-C", str(repo), "fast-import", "--quiet"], stdin=subprocess.PIPE) as process:
        assert process.stdin is not None
        for piece in fast_import_stream(commits):
            process.stdin.write(piece)
        process.stdin.close()
        if process.wait() != 0:
            raise RuntimeError("git fast-import failed")
    return repo


def raw_log_ms(repo: Path, line_counts: bool) -> float:
    """The same `git log` the importer streams, with nothing done to its output."""
    head = subprocess.run(["git", "-C", str(repo), "rev-parse", "HEAD"], capture_output=True, text=True, check=True)
    query = LogQuery((ME[1],), (head.stdout.strip(),), files=True, line_counts=line_counts)
    start = time.perf_counter()
    subprocess.run(["git", "-C", str(repo), *PINNED, *query.args()], stdout=subprocess.DEVNULL, check=True)
    return (time.perf_counter() - start) * 1000


def import_ms(repo: Path, folder: Path, line_counts: bool) -> tuple[float, int]:
    """`run_import` of the whole history into a new SQLite database; returns the time and items added."""
    database = folder / f"import-{time.monotonic_ns()}.db"
    ctx = open_context(Settings(home=folder, database_url=f"sqlite:///{database}"))
    options: dict[str, object] = {"author": [ME[1]], "line_counts": line_counts}
    start = time.perf_counter()
    run = run_import(ctx, "git", [repo], options)
    elapsed = (time.perf_counter() - start) * 1000
    close_all()
    database.unlink()
    return elapsed, run.summary.added


def read_ms(repo: Path, line_counts: bool) -> tuple[float, int]:
    """The importer alone, without a database: every record read, classified and checked as run_import would."""
    request = ImportRequest(paths=(repo,), options={"author": [ME[1]], "line_counts": line_counts})
    start = time.perf_counter()
    drafts = [record.validated() for record in get_importer("git").read(request) if isinstance(record, EvidenceDraft)]
    return (time.perf_counter() - start) * 1000, len(drafts)


CHILD = """
import resource, sys
from pathlib import Path
from upward.model import EvidenceDraft
from upward.services import open_context
from upward.services.imports import run_import
from upward.settings import Settings
folder, repo = Path(sys.argv[1]), Path(sys.argv[2])
ctx = open_context(Settings(home=folder, database_url=f"sqlite:///{folder / 'rss.db'}"))
before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
run = run_import(ctx, "git", [repo], {"author": [sys.argv[3]]})
after = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
print(before, after, run.summary.added)
"""


def peak_rss(repo: Path, folder: Path) -> tuple[float, float, int]:
    """Peak memory of a fresh process before and after importing `repo` (MiB), and the items it added."""
    work = Path(tempfile.mkdtemp(dir=folder))
    done = subprocess.run(
        [sys.executable, "-c", CHILD, str(work), str(repo), ME[1]], capture_output=True, text=True, check=True
    )
    before, after, added = done.stdout.split()
    return int(before) / 1024, int(after) / 1024, int(added)


@dataclass(frozen=True)
class Row:
    mode: str
    ours: list[float]
    raw: list[float]
    added: int

    @property
    def ratio(self) -> float:
        return statistics.median(self.ours) / statistics.median(self.raw)


def measure(repo: Path, folder: Path, plan: Plan, line_counts: bool, store: bool = True) -> Row:
    raw_log_ms(repo, line_counts)  # warm the page cache
    ours, raw, added = [], [], 0
    for _ in range(plan.runs):
        elapsed, added = import_ms(repo, folder, line_counts) if store else read_ms(repo, line_counts)
        ours.append(elapsed)
        raw.append(raw_log_ms(repo, line_counts))
    mode = ("run_import" if store else "reading only, no database") + (", --line-counts" if line_counts else "")
    return Row(mode, ours, raw, added)


def run(options: Options | bool = False) -> None:
    quick = options.quick if isinstance(options, Options) else bool(options)
    plan = QUICK if quick else FULL
    with tempfile.TemporaryDirectory(prefix="upward-bench-git-") as name:
        folder = Path(name)
        start = time.perf_counter()
        big, small = make_repository(folder, plan.commits), make_repository(folder, plan.small)
        console.print(f"Generated {plan.commits:,} and {plan.small:,} commits in {time.perf_counter() - start:.1f} s")
        rows = [measure(big, folder, plan, line_counts) for line_counts in (False, True)]
        reading = [measure(big, folder, plan, line_counts, store=False) for line_counts in (False, True)]
        memory = [(count, *peak_rss(repo, folder)) for count, repo in ((plan.small, small), (plan.commits, big))]
    console.print(timing_table(plan, rows + reading))
    console.print(memory_table(memory))
    console.print(verdict(rows, reading, memory, quick))


def timing_table(plan: Plan, rows: list[Row]) -> Table:
    title = f"Importing {plan.commits:,} commits: median of {plan.runs} runs (ms)"
    table = Table(title=title, title_justify="left")
    for header in ("mode", "items", "import", "commits/s", "raw git log", "ratio"):
        table.add_column(header, justify="left" if header == "mode" else "right")
    for row in rows:
        ours = statistics.median(row.ours)
        table.add_row(
            row.mode, f"{row.added:,}", ms(ours), f"{plan.commits / ours * 1000:,.0f}",
            ms(statistics.median(row.raw)), ratio(row.ratio),
        )  # fmt: skip
    return table


def memory_table(memory: list[tuple[int, float, float, int]]) -> Table:
    table = Table(title="Peak memory of the importing process (RSS, MiB)", title_justify="left")
    for header in ("commits", "items", "before the import", "peak"):
        table.add_column(header, justify="right")
    for commits, before, after, added in memory:
        table.add_row(f"{commits:,}", f"{added:,}", f"{before:.0f}", f"{after:.0f}")
    return table


def verdict(rows: list[Row], reading: list[Row], memory: list[tuple[int, float, float, int]], quick: bool) -> str:
    caveat = " [dim](quick run: indicative only)[/]" if quick else ""
    growth = memory[-1][2] - memory[0][2]
    flat = f"peak memory {'stays flat' if growth < 16 else 'grows'} ({growth:+.0f} MiB from the short history)"
    worst = max(rows, key=lambda row: row.ratio)
    pairs = zip(rows, reading, strict=True)
    shares = [1 - statistics.median(read.ours) / statistics.median(row.ours) for row, read in pairs]
    reads = " and ".join(f"{read.ratio:.2f}×" for read in reading)
    where = f"reading alone is {reads}, so storing is {min(shares):.0%}–{max(shares):.0%} of the import time"
    if worst.ratio <= TARGET:
        return f"[green]Target holds[/] (≤{TARGET}× the raw git log): worst {worst.ratio:.2f}×; {flat}.{caveat}"
    return (
        f"[red]Target missed[/] (≤{TARGET}× the raw git log): {worst.mode} at {worst.ratio:.2f}×; {where}; "
        f"{flat}.{caveat}"
    )
