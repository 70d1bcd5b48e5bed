"""Timing: probe once under a time limit, then run ours and the baseline in turns so both see the same machine."""

from __future__ import annotations

import sqlite3
import statistics
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any, TypeVar

T = TypeVar("T")


@dataclass(frozen=True)
class Timing:
    """Wall-clock durations of repeated runs, in milliseconds."""

    samples: tuple[float, ...]

    @property
    def median(self) -> float:
        return statistics.median(self.samples)

    @property
    def p95(self) -> float:
        if len(self.samples) < 2:
            return self.samples[0]
        return statistics.quantiles(self.samples, n=20, method="inclusive")[-1]


@dataclass(frozen=True)
class Comparison:
    ours: Timing
    baseline: Timing

    @property
    def ratio(self) -> float:
        """How many times longer ours takes than the baseline (median against median)."""
        return self.ours.median / self.baseline.median


@dataclass(frozen=True)
class Budget:
    """`runs` timed runs after `warmups`, fewer when they would not fit in `seconds`; no call may exceed `limit`."""

    runs: int
    warmups: int
    seconds: float
    limit: float

    def runs_for(self, one_pair_ms: float) -> tuple[int, int]:
        """(runs, warm-ups) for a pair of calls that took `one_pair_ms` together: at least one run."""
        fitting = int(self.seconds * 1000 / max(one_pair_ms, 1e-3))
        if fitting >= (self.runs + self.warmups):
            return self.runs, self.warmups
        return max(1, min(self.runs, fitting)), 0


class TimedOut(Exception):
    def __init__(self, seconds: float) -> None:
        super().__init__(f"cancelled after {seconds:g} s")
        self.seconds = seconds


def elapsed_ms(action: Callable[[], object]) -> float:
    start = time.perf_counter_ns()
    action()
    return (time.perf_counter_ns() - start) / 1e6


def probe(action: Callable[[], T], dbapi_connection: Any, limit: float) -> tuple[T, float]:
    """Run `action` once, cancelling its query on `dbapi_connection` after `limit` seconds; its result and ms."""
    with time_limit(dbapi_connection, limit):
        start = time.perf_counter_ns()
        value = action()
        return value, (time.perf_counter_ns() - start) / 1e6


@contextmanager
def time_limit(dbapi_connection: Any, seconds: float) -> Iterator[None]:
    """Cancel the query running on a sqlite3 or psycopg connection once `seconds` have passed."""
    fired = threading.Event()

    def cancel() -> None:
        fired.set()
        if isinstance(dbapi_connection, sqlite3.Connection):
            dbapi_connection.interrupt()
        else:
            dbapi_connection.cancel_safe()

    timer = threading.Timer(seconds, cancel)
    timer.start()
    try:
        yield
    except Exception as error:
        if fired.is_set():
            raise TimedOut(seconds) from error
        raise
    finally:
        timer.cancel()


def compare(ours: Callable[[], object], baseline: Callable[[], object], *, runs: int, warmups: int) -> Comparison:
    """Time both `runs` times after `warmups` untimed runs, alternating so drift affects both alike."""
    for _ in range(warmups):
        ours()
        baseline()
    pairs = [(elapsed_ms(ours), elapsed_ms(baseline)) for _ in range(runs)]
    return Comparison(ours=Timing(tuple(o for o, _ in pairs)), baseline=Timing(tuple(b for _, b in pairs)))
