"""How fast a large Jira export imports: 100,000 generated issues through the full `run_import` into SQLite.

The export is built deterministically from word lists with a seeded `random.Random`, in the shape of a
Jira Cloud "Export CSV (all fields)": repeated Labels, Component/s, Sprint, Watchers and Comment columns,
`22/Sep/25 9:26 AM` dates, epics with their children, account ids. Three timings are taken on the same
file, each the median of several runs:

- baseline: a plain `csv.reader` over the file (the floor for any CSV importer);
- parse: the Jira importer's drafts, without storing them;
- import: `run_import` into a fresh SQLite database (one transaction; creating the database is not timed).

Each step also shows the CPU time the process spent: on the shared 2-core machine other work stretches the
wall-clock time, and the CPU time says how much of it was ours.

Run with `python -m bench --only jira_import`; quick mode (`--quick`) uses 10,000 issues. The runs are taken
in turns (baseline, parse, import, then again) so that all three see the same machine.
"""

from __future__ import annotations

import csv
import random
import statistics
import tempfile
import time
from collections.abc import Callable, Iterator
from datetime import datetime, timedelta
from pathlib import Path

from rich.table import Table

from bench import Options
from bench._measure import elapsed_ms
from bench._report import console, ms, ratio
from upward.importers import ImportRequest, get_importer
from upward.services import open_context
from upward.services.context import close_all
from upward.services.imports import run_import
from upward.settings import Settings

ISSUES = 100_000
QUICK_ISSUES = 10_000
RUNS = 3
BUDGET_MS = 10_000.0  # for ISSUES issues; scaled down in quick mode
TARGET = "run_import of 100,000 Jira issues under 10 s (median)"
SEED = 20250922
START = datetime(2022, 1, 3, 9, 0)

HEADER = [
    "Summary", "Issue key", "Issue id", "Issue Type", "Status", "Project key", "Project name", "Project type",
    "Priority", "Resolution", "Assignee", "Assignee Id", "Reporter", "Reporter Id", "Creator", "Creator Id",
    "Created", "Updated", "Last Viewed", "Resolved", "Due date", "Votes", "Description", "Environment",
    "Watchers", "Watchers", "Watchers", "Watchers Id", "Watchers Id", "Watchers Id", "Original estimate",
    "Remaining Estimate", "Time Spent", "Σ Time Spent", "Labels", "Labels", "Labels", "Component/s", "Component/s",
    "Custom field (Rank)", "Custom field (Story point estimate)", "Sprint", "Sprint", "Parent", "Parent summary",
    "Comment", "Comment", "Comment", "Status Category", "Status Category Changed",
]  # fmt: skip

PROJECTS = (("PAY", "Payments"), ("WEB", "Web Platform"), ("DATA", "Data Pipeline"), ("OPS", "Operations"))
TYPES = (("Story", 40), ("Task", 30), ("Bug", 18), ("Sub-task", 8), ("Epic", 2), ("Incident", 2))
STATUSES = (("Done", "Done", "Done", 70), ("In Progress", "", "In Progress", 12), ("To Do", "", "To Do", 12),
            ("Done", "Won't Do", "Done", 4), ("Done", "Duplicate", "Done", 2))  # fmt: skip
PRIORITIES = ("Highest", "High", "Medium", "Medium", "Medium", "Low", "Lowest")
FIRST = ("Alice", "Ben", "Chloe", "Daniel", "Elena", "Farid", "Grace", "Hannah", "Ivan", "Jonas", "Kenji", "Maya")
LAST = ("Brown", "Chen", "Dubois", "Garcia", "Kim", "Moreau", "Nair", "Novak", "Okafor", "Patel", "Sato", "Weber")
VERBS = ("Add", "Fix", "Migrate", "Refactor", "Speed up", "Document", "Remove", "Retry", "Validate", "Log")
THINGS = (
    "checkout", "ledger", "webhook", "invoice", "payout", "refund", "login", "session", "search index",
    "deploy pipeline", "feature flags", "notifications", "reporting", "rate limiter", "cache", "queue",
)  # fmt: skip
PARTS = ("API", "worker", "dashboard", "alerts", "schema", "client", "retry logic", "batch job", "config", "tests")
LABELS = ("backend", "frontend", "tech-debt", "customer", "oncall", "security", "performance", "quick-win")
SENTENCES = (
    "The {thing} {part} fails for some customers after the last release.",
    "Root cause is a missing index, so every request scans the whole table.",
    "Add tests and alerts so this does not come back.",
    "Support escalated this twice; {person} knows the background.",
    "Agreed with {person} to ship it behind a feature flag first.",
    "Latency of the {thing} {part} should drop below 200ms.",
)  # fmt: skip


def run(options: Options | bool = False) -> None:
    """Generate the export, time the baseline, the parse and the full import in turns, and print the results."""
    quick = options.quick if isinstance(options, Options) else bool(options)
    issues = QUICK_ISSUES if quick else ISSUES
    timings: dict[str, list[tuple[float, float]]] = {"baseline": [], "parse": [], "import": []}
    with tempfile.TemporaryDirectory(prefix="upward-bench-jira-") as folder:
        path = Path(folder) / "jira-export.csv"
        write_export(path, issues)
        size = path.stat().st_size
        for number in range(RUNS):
            timings["baseline"].append(_timed(lambda: _csv_reader(path)))
            timings["parse"].append(_timed(lambda: _parse(path)))
            timings["import"].append(_import(path, Path(folder), number))
    _report(timings, issues, size)


def _timed(action: Callable[[], object]) -> tuple[float, float]:
    """Wall-clock and CPU milliseconds of one run of `action`."""
    cpu = time.process_time()
    wall = elapsed_ms(action)
    return wall, (time.process_time() - cpu) * 1000


def _csv_reader(path: Path) -> int:
    with path.open(encoding="utf-8-sig", newline="") as stream:
        return sum(1 for _ in csv.reader(stream, strict=True))


def _parse(path: Path) -> int:
    return sum(1 for _ in get_importer("jira").read(ImportRequest(paths=(path,))))


def _import(path: Path, folder: Path, number: int) -> tuple[float, float]:
    """One import into a new database (creating it is not timed); returns its wall-clock and CPU milliseconds."""
    ctx = open_context(Settings(home=folder, database_url=f"sqlite:///{folder / f'run-{number}.db'}"))
    try:
        return _timed(lambda: run_import(ctx, "jira", [path]))
    finally:
        close_all()


def _report(timings: dict[str, list[tuple[float, float]]], issues: int, size: int) -> None:
    medians = {step: statistics.median(wall for wall, _ in samples) for step, samples in timings.items()}
    medians["store"] = max(medians["import"] - medians["parse"], 0.001)
    cpu = {step: statistics.median(used for _, used in samples) for step, samples in timings.items()}
    cpu["store"] = max(cpu["import"] - cpu["parse"], 0.001)
    baseline = medians["baseline"]
    table = Table(title=f"Jira import: {issues:,} generated issues, {size / 1e6:.1f} MB, median of {RUNS} runs")
    for column in ("step", "median ms", "rows/s", "× csv.reader", "CPU ms"):
        table.add_column(column, justify="left" if column == "step" else "right")
    labels = {
        "baseline": "csv.reader over the file (baseline)",
        "parse": "jira importer, drafts only",
        "import": "run_import into SQLite (full)",
        "store": "  of which storing (full − drafts)",
    }
    for step, label in labels.items():
        speed = f"{issues / medians[step] * 1000:,.0f}"
        table.add_row(label, ms(medians[step]), speed, ratio(medians[step] / baseline), ms(cpu[step]))
    console.print(table)
    budget = BUDGET_MS * issues / ISSUES
    verdict = "[green]met[/]" if medians["import"] < budget else "[red]missed[/]"
    share = 100 * medians["store"] / medians["import"]
    console.print(
        f"{TARGET}: {verdict} ({medians['import'] / 1000:.1f} s for {issues:,}; storing is {share:.0f}% of it)."
    )


def write_export(path: Path, issues: int, seed: int = SEED) -> None:
    """A Jira Cloud export of `issues` rows, newest first, the same for the same seed."""
    with path.open("w", encoding="utf-8", newline="") as stream:
        writer = csv.writer(stream)
        writer.writerow(HEADER)
        writer.writerows(_rows(random.Random(seed), issues))


def _rows(rng: random.Random, issues: int) -> Iterator[list[str]]:
    people = [(f"{first} {last}", f"{rng.getrandbits(96):024x}") for first in FIRST for last in LAST]
    epics: list[tuple[str, str]] = []
    for number in range(issues, 0, -1):
        row = _row(rng, number, people, epics)
        if row[3] == "Epic":
            epics.append((row[2], row[0]))
            del epics[:-40]
        yield row


def _row(rng: random.Random, number: int, people: list[tuple[str, str]], epics: list[tuple[str, str]]) -> list[str]:
    project_key, project = rng.choice(PROJECTS)
    issue_type = rng.choices([t for t, _ in TYPES], weights=[w for _, w in TYPES])[0]
    status, resolution, category, _ = rng.choices(STATUSES, weights=[s[3] for s in STATUSES])[0]
    assignee, reporter = rng.choice(people), rng.choice(people)
    watchers = rng.sample(people, rng.randint(1, 3))
    created = START + timedelta(minutes=number * 9 + rng.randrange(9))
    updated = created + timedelta(hours=rng.randrange(1, 400))
    words = {"thing": rng.choice(THINGS), "part": rng.choice(PARTS), "person": rng.choice(people)[0]}
    summary = f"{rng.choice(VERBS)} {words['thing']} {words['part']}"
    parent = rng.choice(epics) if epics and issue_type != "Epic" and rng.random() < 0.6 else ("", "")
    spent = str(rng.randrange(1, 40) * 900) if category == "Done" and rng.random() < 0.5 else ""
    description = " ".join(rng.choice(SENTENCES).format(**words) for _ in range(rng.randint(1, 3)))
    comments = [f"{_date(updated)};{rng.choice(people)[1]};{rng.choice(SENTENCES).format(**words)}"
                for _ in range(rng.randint(0, 2))]  # fmt: skip
    labels = rng.sample(LABELS, rng.randint(0, 2))
    return [
        summary, f"{project_key}-{number}", str(10_000 + number), issue_type, status, project_key, project,
        "software", rng.choice(PRIORITIES), resolution, assignee[0], assignee[1], reporter[0], reporter[1],
        reporter[0], reporter[1], _date(created), _date(updated), "", _date(updated) if resolution else "", "", "0",
        description, "", *_pad([w[0] for w in watchers], 3), *_pad([w[1] for w in watchers], 3), "", "", spent, spent,
        *_pad(labels, 3), *_pad(rng.sample(PARTS, rng.randint(0, 2)), 2), f"0|i{number:05x}:",
        str(rng.choice((1, 2, 3, 5, 8))), *_pad([f"{project_key} Sprint {number // 700}"], 2), parent[0], parent[1],
        *_pad(comments, 3), category, _date(updated),
    ]  # fmt: skip


def _pad(values: list[str], width: int) -> list[str]:
    return (values + [""] * width)[:width]


def _date(moment: datetime) -> str:
    """Jira's export format: `22/Sep/25 9:26 AM`."""
    return f"{moment:%d/%b/%y} {moment.hour % 12 or 12}:{moment:%M} {'AM' if moment.hour < 12 else 'PM'}"


if __name__ == "__main__":
    run()
