"""Reading `git log` as a stream: the real output of git, cut into pieces anywhere (inside a record, a NUL
boundary or a multi-byte character), reads back as the same commits as when it arrives whole."""

from __future__ import annotations

import itertools
import subprocess
from datetime import datetime
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from test_import_git import DANA, SAM, Repo, git_env
from upward.importers import _git_run
from upward.importers._git_log import Commit, LogQuery, parse
from upward.importers._git_run import PINNED, _split


@pytest.fixture(scope="module")
def history(tmp_path_factory: pytest.TempPathFactory) -> Repo:
    """Commits whose messages and file names hold accents and emoji, a rename, an empty commit and a merge."""
    folder = tmp_path_factory.mktemp("git-stream")
    repo = Repo(folder / "menu", git_env(folder))
    repo.path.mkdir()
    repo.git("init", "--quiet", "--initial-branch=main")
    repo.commit("docs: la carte du café ☕", {"menü/crème brûlée.md": "sucre\n" * 3, "README": "x\n"}, day=2)
    repo.commit(
        "feat: 日本語 menu\n\nWith a body.\n\nCo-authored-by: Zoë <zoe@example.com>", {"ja.txt": "寿司\n"}, day=3
    )
    repo.git("mv", "menü/crème brûlée.md", "menü/tarte.md")
    repo.git("commit", "--quiet", "-m", "refactor: rename the dessert", when="2026-03-04T10:00:00+01:00")
    repo.git("commit", "--quiet", "--allow-empty", "-m", "chore: nothing changed", when="2026-03-05T10:00:00+01:00")
    repo.git("checkout", "--quiet", "-b", "side")
    repo.commit("fix: side dish", {"side.txt": "s\n"}, who=SAM, day=6)
    repo.git("checkout", "--quiet", "main")
    repo.git("merge", "--quiet", "--no-ff", "-m", "Merge side", "side", when="2026-03-07T10:00:00+01:00")
    return repo


@pytest.fixture(scope="module")
def logs(history: Repo) -> dict[bool, bytes]:
    """What the importer's `git log` prints for the history, without and with line counts."""
    printed = {}
    for line_counts in (False, True):
        query = LogQuery((DANA[1], SAM[1]), (history.git("rev-parse", "HEAD"),), files=True, line_counts=line_counts)
        command = ["git", "-C", str(history.path), *PINNED, *query.args()]
        done = subprocess.run(command, capture_output=True, env=history.env, check=True)
        printed[line_counts] = done.stdout
    return printed


class Pieces:
    """A pipe that hands over the data in the pieces given, whatever size is asked for."""

    def __init__(self, data: bytes, cuts: list[int]) -> None:
        edges = [0, *sorted({cut for cut in cuts if 0 < cut < len(data)}), len(data)]
        self.pieces = [data[a:b] for a, b in itertools.pairwise(edges)]

    def read1(self, size: int = -1) -> bytes:
        return self.pieces.pop(0) if self.pieces else b""

    read = read1


def read_back(data: bytes, cuts: list[int], line_counts: bool) -> list[Commit]:
    return [parse(Path("menu"), record, line_counts) for record in _split(Pieces(data, cuts))]  # type: ignore[arg-type]


@pytest.mark.parametrize("line_counts", [False, True])
def test_the_whole_log_reads_as_every_commit_with_its_files(logs: dict[bool, bytes], line_counts: bool) -> None:
    commits = read_back(logs[line_counts], [], line_counts)
    assert [c.message.splitlines()[0] for c in commits] == [
        "Merge side", "fix: side dish", "chore: nothing changed", "refactor: rename the dessert",
        "feat: 日本語 menu", "docs: la carte du café ☕",
    ]  # fmt: skip
    merge, side, empty, rename, japanese, first = commits
    assert (merge.parents, merge.files, first.parents, first.occurred_at) == (2, (), 0, datetime(2026, 3, 2, 10))
    assert japanese.message == "feat: 日本語 menu\n\nWith a body.\n\nCo-authored-by: Zoë <zoe@example.com>\n"
    assert (japanese.files, empty.files, side.files) == (("ja.txt",), (), ("side.txt",))
    assert rename.files == ("menü/crème brûlée.md", "menü/tarte.md")  # both names of the renamed file
    assert first.files == ("README", "menü/crème brûlée.md")
    counts = (first.changed, first.added, first.removed, empty.changed)
    assert counts == ((2, 4, 0, 0) if line_counts else (None, None, None, None))


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.data(), line_counts=st.booleans())
def test_a_log_cut_anywhere_reads_the_same(
    logs: dict[bool, bytes], monkeypatch: pytest.MonkeyPatch, data: st.DataObject, line_counts: bool
) -> None:
    monkeypatch.setattr(_git_run, "PAUSE", 0)  # short pieces would each wait for git to catch up
    log = logs[line_counts]
    cuts = data.draw(st.lists(st.integers(min_value=1, max_value=len(log) - 1), max_size=40))
    assert read_back(log, cuts, line_counts) == read_back(log, [], line_counts)


def test_an_empty_log_has_no_records() -> None:
    assert list(_split(Pieces(b"", []))) == []  # type: ignore[arg-type]
