"""Run every benchmark in `bench/` (or one, with `--only NAME`) and print the results and peak memory."""

from __future__ import annotations

import argparse
import importlib
import pkgutil
import resource
import sys
from collections.abc import Sequence

import bench
from bench import Options
from bench._report import console


def benchmark_names() -> list[str]:
    """Every public module of the package: each one is a benchmark."""
    return sorted(module.name for module in pkgutil.iter_modules(bench.__path__) if not module.name.startswith("_"))


def parse(argv: Sequence[str] | None, names: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="python -m bench", description=bench.__doc__)
    parser.add_argument("--quick", action="store_true", help="small sizes and few runs, for a smoke test")
    parser.add_argument("--only", choices=names, metavar="NAME", help=f"run one benchmark: {', '.join(names)}")
    return parser.parse_args(argv)


def peak_rss_mib() -> float:
    """The most memory this process has held at once (Linux reports KiB, macOS bytes)."""
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / (1024 * 1024) if sys.platform == "darwin" else peak / 1024


def main(argv: Sequence[str] | None = None) -> int:
    names = benchmark_names()
    args = parse(argv, names)
    options = Options(quick=args.quick)
    for name in [args.only] if args.only else names:
        console.rule(f"bench.{name}")
        importlib.import_module(f"bench.{name}").run(options)
    console.print(f"Peak memory (RSS): {peak_rss_mib():.0f} MiB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
