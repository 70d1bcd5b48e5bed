"""How fast a real Google Calendar export imports: 4,778 events (1.6 MB) through the full `run_import`.

The file is the real export from python-recurring-ical-events (issue 42), read for all its years, so every
event is looked at: 34 become meetings, the rest are counted as left out. Three timings, each the median of
several runs taken in turns so that all of them see the same machine:

- baseline: `icalendar.Calendar.from_ical` of the same file, a plain parse and nothing more;
- parse: the calendar importer's drafts, without storing them;
- import: `run_import` into a fresh temporary SQLite database (one transaction; creating the database is
  not timed).

Run with `python -m bench --only calendar_import`; quick mode takes 3 runs instead of 5.
"""

from __future__ import annotations

import statistics
import tempfile
from pathlib import Path

import icalendar
from rich.table import Table

from bench import Options
from bench._measure import elapsed_ms
from bench._report import console, ms, ratio
from upward.importers import ImportRequest, get_importer
from upward.services import open_context
from upward.services.context import close_all
from upward.services.imports import run_import
from upward.settings import Settings

EXPORT = Path("/work/shared/real-data/calendar/python-recurring-ical-events/issue42_google_calendar_export.ics")
OPTIONS = {"since": "2010-01-01", "until": "2049-12-31"}  # every year the export holds
RUNS, QUICK_RUNS = 5, 3
BUDGET_MS = 3000.0
TARGET = "run_import of the 4,778-event Google export under 3 s (median)"


def run(options: Options | bool = False) -> None:
    """Time the baseline, the parse and the full import in turns, and print medians and ratios."""
    quick = options.quick if isinstance(options, Options) else bool(options)
    runs = QUICK_RUNS if quick else RUNS
    timings: dict[str, list[float]] = {"baseline": [], "parse": [], "import": []}
    added = 0
    with tempfile.TemporaryDirectory(prefix="upward-bench-calendar-") as folder:
        for number in range(runs):
            timings["baseline"].append(elapsed_ms(_baseline))
            timings["parse"].append(elapsed_ms(_parse))
            import_ms, added = _import(Path(folder), number)
            timings["import"].append(import_ms)
    _report(timings, runs, added)


def _baseline() -> None:
    icalendar.Calendar.from_ical(EXPORT.read_bytes())


def _parse() -> None:
    for _ in get_importer("calendar").read(ImportRequest(paths=(EXPORT,), options=dict(OPTIONS))):
        pass


def _import(folder: Path, number: int) -> tuple[float, int]:
    """One import into a new database; returns the milliseconds it took and how many items it added."""
    ctx = open_context(Settings(home=folder, database_url=f"sqlite:///{folder / f'run-{number}.db'}"))
    try:
        result: list[int] = []
        took = elapsed_ms(lambda: result.append(run_import(ctx, "calendar", [EXPORT], OPTIONS).summary.added))
    finally:
        close_all()
    return took, result[0]


def _report(timings: dict[str, list[float]], runs: int, added: int) -> None:
    baseline = statistics.median(timings["baseline"])
    table = Table(title=f"Calendar import: {EXPORT.name}, {EXPORT.stat().st_size / 1e6:.1f} MB, median of {runs} runs")
    for column in ("step", "median ms", "fastest ms", "× icalendar parse"):
        table.add_column(column, justify="left" if column == "step" else "right")
    labels = {
        "baseline": "icalendar.Calendar.from_ical (baseline)",
        "parse": "calendar importer, drafts only",
        "import": "run_import into SQLite (full)",
    }
    for step, label in labels.items():
        median = statistics.median(timings[step])
        table.add_row(label, ms(median), ms(min(timings[step])), ratio(median / baseline))
    console.print(table)
    full = statistics.median(timings["import"])
    verdict = "[green]met[/]" if full < BUDGET_MS else "[red]missed[/]"
    console.print(f"{TARGET}: {verdict} ({full / 1000:.2f} s, {added} meetings added per run).")


if __name__ == "__main__":
    run()
