"""The real Apache Hadoop bug reports and their labelled duplicate pairs (GitBugs, CC BY 4.0; see SOURCE.txt)."""

from __future__ import annotations

import csv
from dataclasses import dataclass
from pathlib import Path

_BESIDE = Path(__file__).resolve().parents[2] / "shared" / "real-data"
FOLDER = (_BESIDE if _BESIDE.is_dir() else Path("/work/shared/real-data")) / "duplicates" / "gitbugs"
ISSUES, PAIRS = "hadoop_hadoop_bugs.csv", "hadoop_hadoop_bugs-combined.csv"


@dataclass(frozen=True)
class Bugs:
    ids: list[str]
    titles: list[str]
    texts: list[str]  # title and description
    pairs: list[tuple[int, int]]  # positions of labelled duplicates, both in `ids`


def load(folder: Path = FOLDER) -> Bugs:
    csv.field_size_limit(1 << 30)
    with (folder / ISSUES).open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    ids = [row["Issue id"] for row in rows]
    position = {issue: i for i, issue in enumerate(ids)}
    with (folder / PAIRS).open(encoding="utf-8", newline="") as handle:
        labelled = [(row["Issue id"], row["Duplicate id"]) for row in csv.DictReader(handle)]
    pairs = [(position[a], position[b]) for a, b in labelled if a in position and b in position and a != b]
    return Bugs(
        ids=ids,
        titles=[row["Summary"] for row in rows],
        texts=[f"{row['Summary']}\n{row['Description']}" for row in rows],
        pairs=pairs,
    )
