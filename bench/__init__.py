"""Benchmarks for Upward (`make bench`, or `python -m bench [--quick] [--only NAME]`).

Every public module in this package is one benchmark: it defines `run(options: Options) -> None`, measures
Upward against a baseline measured in the same run and prints the ratio. Modules whose names start with an
underscore are shared helpers. Benchmarks never run in the test suite and never assert on timings.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Options:
    """How a benchmark should run: `quick` means small sizes and few runs, for a smoke test."""

    quick: bool = False
