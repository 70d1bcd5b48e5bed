"""Importing a long git history: 60,000 commits, against the raw `git log` the importer streams.

The repository is generated with `git fast-import` (a seeded random history: conventional and plain
messages, a few files per commit, a CODEOWNERS and a .mailmap, some merges and other people's commits) and
kept in a temporary folder for the run. Ours is the whole `run_import` into a fresh SQLite database
(reading, classifying, CODEOWNERS teams, storing), and the importer alone without a database. The baseline
is the same `git log` command the importer runs, with its output thrown away; the target is at most 2.5×
its time. A second table splits the time into the importer's steps (processor time on the saved log) and
storing. Peak memory is measured in fresh child processes for two history lengths, for `run_import` and
for the importer alone, to show whether it grows with the history: the process's RSS, and in another child
the most Python itself held (tracemalloc), which leaves out how the allocator keeps freed memory.
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
from upward.importers._git_codeowners import CodeOwners
from upward.importers._git_commits import draft
from upward.importers._git_log import LogQuery, parse
from upward.importers._git_run import PINNED, _split
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


class Bar:
    """Stands in for the command line's progress bar: given one, the importer also has git count the commits
    for the bar's total, as it does for a person watching (the web app and the API draw no bar)."""

    def __init__(self) -> None:
        self.done = 0
        self.goal: int | None = None

    def total(self, amount: int | None) -> None:
        self.goal = amount

    def advance(self, amount: int = 1) -> None:
        self.done += amount


def import_ms(repo: Path, folder: Path, line_counts: bool) -> tuple[float, int]:
    """`run_import` of the whole history into a new SQLite database; returns the time and items added."""
    database = folder / f"import-{time.monotonic_ns()}.db"
    ctx = open_context(Settings(home=folder, database_url=f"sqlite:///{database}"))
    options: dict[str, object] = {"author": [ME[1]], "line_counts": line_counts}
    start = time.perf_counter()
    run = run_import(ctx, "git", [repo], options, Bar())
    elapsed = (time.perf_counter() - start) * 1000
    close_all()
    database.unlink()
    return elapsed, run.summary.added


def read_ms(repo: Path, line_counts: bool) -> tuple[float, int]:
    """The importer alone, without a database: every commit read, classified and given its teams."""
    request = ImportRequest(paths=(repo,), options={"author": [ME[1]], "line_counts": line_counts}, progress=Bar())
    start = time.perf_counter()
    drafts = sum(isinstance(record, EvidenceDraft) for record in get_importer("git").read(request))
    return (time.perf_counter() - start) * 1000, drafts


CHILD = """
import re, resource, sys
from pathlib import Path
from upward.importers import ImportRequest, get_importer
from upward.model import EvidenceDraft
from upward.services import open_context
from upward.services.imports import run_import
from upward.settings import Settings

def status(key):  # MiB, from Linux's own accounting; None elsewhere
    try:
        with open('/proc/self/status') as handle:
            return int(re.search(key + r':\\s+(\\d+)', handle.read())[1]) / 1024
    except (OSError, TypeError):
        return None

def reset_peak():  # Linux: writing 5 to clear_refs starts the peak (VmHWM) again from the memory held now
    try:
        with open('/proc/self/clear_refs', 'w') as handle:
            handle.write('5')
        return True
    except OSError:
        return False

folder, repo, author, mode, traced = Path(sys.argv[1]), Path(sys.argv[2]), sys.argv[3], sys.argv[4], sys.argv[5]
ctx = open_context(Settings(home=folder, database_url=f"sqlite:///{folder / 'rss.db'}"))
get_importer("git")
if traced == "heap":  # the most Python held, in MiB: a second child, as tracing costs memory and time
    import gc, tracemalloc
    gc.collect()
    tracemalloc.start()
    before = tracemalloc.get_traced_memory()[0] / 2**20
else:
    fresh = reset_peak()
    before = status('VmRSS') if fresh else resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
if mode == "import":
    added = run_import(ctx, "git", [repo], {"author": [author]}).summary.added
else:
    request = ImportRequest(paths=(repo,), options={"author": [author]})
    added = sum(isinstance(record, EvidenceDraft) for record in get_importer("git").read(request))
if traced == "heap":
    peak = tracemalloc.get_traced_memory()[1] / 2**20
else:
    peak = status('VmHWM') if fresh else resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
print(before, peak, added)
"""


@dataclass(frozen=True)
class Memory:
    commits: int
    mode: str  # "import" (run_import) or "read" (the importer alone)
    before: float  # MiB held when the import started
    peak: float  # MiB at the most during the import
    items: int
    heap: float  # MiB Python held at the most during the import, above what it held at the start

    @property
    def growth(self) -> float:
        return self.peak - self.before


def peak_rss(repo: Path, folder: Path, commits: int, mode: str) -> Memory:
    """Peak memory (RSS) of a fresh process while it imports `repo` (run_import) or only reads it, and the
    peak of Python's own heap in another fresh process."""
    runs = []
    for traced in ("rss", "heap"):
        work = Path(tempfile.mkdtemp(dir=folder))
        command = [sys.executable, "-c", CHILD, str(work), str(repo), ME[1], mode, traced]
        runs.append(subprocess.run(command, capture_output=True, text=True, check=True).stdout.split())
    (before, peak, items), (start, most, _) = runs
    return Memory(commits, mode, float(before), float(peak), int(items), heap=float(most) - float(start))


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
    mode = ("run_import" if store else "the importer alone, no database") + (", --line-counts" if line_counts else "")
    return Row(mode, ours, raw, added)


STAGES = ("split and decode the stream", "parse commits", "CODEOWNERS teams", "classify and build drafts")


def stage_ms(repo: Path, folder: Path, line_counts: bool) -> dict[str, float]:
    """Processor time of each step of the importer on the same log, saved to a file first so that git's own
    time is left out; each step is timed with the ones before it, best of three, and the earlier ones taken off.
    """
    head = subprocess.run(["git", "-C", str(repo), "rev-parse", "HEAD"], capture_output=True, text=True, check=True)
    query = LogQuery((ME[1],), (head.stdout.strip(),), files=True, line_counts=line_counts)
    log = folder / "log.bin"
    with log.open("wb") as out:
        subprocess.run(["git", "-C", str(repo), *PINNED, *query.args()], stdout=out, check=True)
    owners, mine = CodeOwners(_codeowners()), frozenset(query.emails)

    def upto(steps: int) -> None:
        with log.open("rb") as handle:
            for record in _split(handle):
                if steps < 2:
                    continue
                commit = parse(log, record, line_counts)
                teams = owners.teams(commit.files) if steps >= 3 else ()
                if steps >= 4 and commit.parents < 2:
                    draft(commit, project=repo.name, link=None, teams=teams, mine=mine)

    cumulative = []
    for steps in range(1, len(STAGES) + 1):
        times = []
        for _ in range(3):
            start = time.process_time()
            upto(steps)
            times.append((time.process_time() - start) * 1000)
        cumulative.append(min(times))
    log.unlink()
    return {
        name: max(0.0, now - (cumulative[i - 1] if i else 0.0))
        for i, (name, now) in enumerate(zip(STAGES, cumulative, strict=True))
    }


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
        stages = [stage_ms(big, folder, line_counts) for line_counts in (False, True)]
        memory = [
            peak_rss(repo, folder, count, mode)
            for mode in ("import", "read")
            for count, repo in ((plan.small, small), (plan.commits, big))
        ]
    console.print(timing_table(plan, rows + reading))
    console.print(stage_table(plan, rows, reading, stages))
    console.print(memory_table(memory))
    console.print(verdict(rows, memory, quick))


def met(row: Row) -> str:
    return "[green]met[/]" if row.ratio <= TARGET else "[red]missed[/]"


def timing_table(plan: Plan, rows: list[Row]) -> Table:
    title = f"Importing {plan.commits:,} commits: median of {plan.runs} runs (ms), against the same git log"
    table = Table(title=title, title_justify="left")
    for header in ("mode", "commits", "items", "import", "commits/s", "raw git log", "ratio", f"≤{TARGET}×"):
        table.add_column(header, justify="left" if header == "mode" else "right")
    for row in rows:
        ours = statistics.median(row.ours)
        table.add_row(
            row.mode, f"{plan.commits:,}", f"{row.added:,}", ms(ours), f"{plan.commits / ours * 1000:,.0f}",
            ms(statistics.median(row.raw)), ratio(row.ratio), met(row) if row.mode.startswith("run_import") else "",
        )  # fmt: skip
    return table


def stage_table(plan: Plan, rows: list[Row], reading: list[Row], stages: list[dict[str, float]]) -> Table:
    """Where an import's time goes: the importer's own steps (processor time), then storing."""
    table = Table(title="Where the time goes (ms; µs per commit)", title_justify="left")
    table.add_column("step")
    for header in ("without line counts", "with --line-counts"):
        table.add_column(header, justify="right")

    def cell(value: float) -> str:
        return f"{ms(value)} ({value * 1000 / plan.commits:.0f} µs)"

    for stage in STAGES:
        table.add_row(stage, *(cell(times[stage]) for times in stages))
    storing = [
        statistics.median(row.ours) - statistics.median(read.ours) for row, read in zip(rows, reading, strict=True)
    ]
    table.add_row("what storing adds: run_import − the importer alone", *(cell(value) for value in storing))
    return table


def memory_table(memory: list[Memory]) -> Table:
    title = "Peak memory of a fresh process while it imports (MiB): its RSS, and what Python held (another run)"
    table = Table(title=title, title_justify="left")
    for header in ("what runs", "commits", "items", "at the start", "peak", "growth", "Python heap peak"):
        table.add_column(header, justify="left" if header == "what runs" else "right")
    for entry in memory:
        what = "run_import" if entry.mode == "import" else "the importer alone"
        table.add_row(
            what, f"{entry.commits:,}", f"{entry.items:,}", f"{entry.before:.0f}", f"{entry.peak:.0f}",
            f"{entry.growth:+.0f}", f"+{entry.heap:.1f}",
        )  # fmt: skip
    return table


def verdict(rows: list[Row], memory: list[Memory], quick: bool) -> str:
    caveat = " [dim](quick run: indicative only)[/]" if quick else ""
    flat = []
    for mode, what in (("import", "run_import"), ("read", "the importer alone")):
        short, long = (entry for entry in memory if entry.mode == mode)
        more, held_by_python = long.growth - short.growth, long.heap - short.heap
        shape = "stays flat" if more < 4 else "grows"
        flat.append(
            f"{what}'s peak {shape} ({more:+.0f} MiB RSS, {held_by_python:+.1f} MiB Python heap from "
            f"{short.commits:,} to {long.commits:,} commits)"
        )
    worst = max(rows, key=lambda row: row.ratio)
    held = "[green]Target met[/]" if worst.ratio <= TARGET else "[red]Target missed[/]"
    return f"{held} (≤{TARGET}× the raw git log): worst {worst.mode} at {worst.ratio:.2f}×; {'; '.join(flat)}.{caveat}"
