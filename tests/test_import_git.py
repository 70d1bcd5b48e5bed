"""The git importer, on real repositories made with git in temp folders: .mailmap, CODEOWNERS, branches,
merges, several repositories at once, incremental runs, and every kind of path that isn't a repository."""

from __future__ import annotations

import itertools
import os
import shutil
import subprocess
import time
from collections import Counter
from collections.abc import Callable
from datetime import datetime
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import Cli
from importing import mutated, row_counts
from upward.importers import ImportRequest, get_importer, git
from upward.importers._git_codeowners import CodeOwners
from upward.importers._git_commits import classify, draft
from upward.importers._git_log import Commit, LogQuery
from upward.importers._git_repo import _web_link
from upward.importers._git_run import counting
from upward.model import Evidence, EvidenceFilter, Kind
from upward.model.imports import Ignored, ImportProblem
from upward.services import Context
from upward.services import evidence as evidence_service
from upward.services.imports import run_import

Who = tuple[str, str]
DANA = ("Dana Rivera", "dana@acme.example")
DANA_OLD = ("Dana", "dana@old-laptop.local")
SAM = ("Sam Okafor", "sam@acme.example")
CODEOWNERS = """\
# Who owns what
*                           @acme/platform
/services/payments/         @acme/payments @sam
docs/                       @acme/docs
*.md                        @acme/Docs
/web/                       @acme/web
/services/payments/vendor/  @sam
"""
MAILMAP = "Dana Rivera <dana@acme.example> <dana@old-laptop.local>\n"


class Repo:
    """A git repository in a temp folder, committed to with fixed names, emails and dates."""

    def __init__(self, path: Path, env: dict[str, str]) -> None:
        self.path = path
        self.env = env

    def git(self, *args: str, who: Who = DANA, when: str = "2026-03-01T10:00:00+01:00") -> str:
        env = self.env | {
            "GIT_AUTHOR_NAME": who[0], "GIT_AUTHOR_EMAIL": who[1], "GIT_AUTHOR_DATE": when,
            "GIT_COMMITTER_NAME": who[0], "GIT_COMMITTER_EMAIL": who[1], "GIT_COMMITTER_DATE": when,
        }  # fmt: skip
        done = subprocess.run(["git", "-C", str(self.path), *args], env=env, capture_output=True, text=True)
        assert done.returncode == 0, done.stderr
        return done.stdout.strip()

    def commit(self, message: str, files: dict[str, str], *, who: Who = DANA, day: int, tz: str = "+01:00") -> str:
        for name, content in files.items():
            (self.path / name).parent.mkdir(parents=True, exist_ok=True)
            (self.path / name).write_text(content, encoding="utf-8")
        self.git("add", "-A")
        self.git("commit", "--quiet", "-m", message, who=who, when=f"2026-03-{day:02d}T10:00:00{tz}")
        return self.git("rev-parse", "HEAD")

    def copy(self, path: Path) -> Repo:
        shutil.copytree(self.path, path, symlinks=True)
        return Repo(path, self.env)


def git_env(folder: Path) -> dict[str, str]:
    """No git config from this machine: an empty global file, no system file."""
    empty = folder / "gitconfig"
    empty.touch()
    return os.environ | {"GIT_CONFIG_GLOBAL": str(empty), "GIT_CONFIG_NOSYSTEM": "1", "HOME": str(folder)}


@pytest.fixture(autouse=True)
def isolated_git(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    for key, value in git_env(tmp_path).items():
        monkeypatch.setenv(key, value)


def build_shop(path: Path, env: dict[str, str]) -> Repo:
    """Ten commits of Dana's on main (one under an old address), one of Sam's, a merge, an unmerged branch."""
    repo = Repo(path, env)
    path.mkdir()
    repo.git("init", "--quiet", "--initial-branch=main")
    repo.git("config", "user.email", DANA[1])
    repo.git("remote", "add", "origin", "git@github.com:acme/shop.git")
    setup = {".github/CODEOWNERS": CODEOWNERS, ".mailmap": MAILMAP, "README.md": "# Shop\n"}
    repo.commit("chore: set up the repository", setup, day=2)
    gift = {"web/checkout.py": "a\nb\nc\n", "services/payments/cards.py": "x\ny\n"}
    body = "Customers asked for it.\n\nCo-authored-by: Lee Park <lee@acme.example>"
    repo.commit(f"feat(checkout): add gift cards\n\n{body}", gift, day=3)
    repo.commit("fix: refunds rounded to the wrong cent", {"services/payments/refunds.py": "r\n"}, who=DANA_OLD, day=4)
    repo.commit("feat: new search page", {"web/search.py": "s\n"}, who=SAM, day=5)
    repo.commit("docs: explain the refund policy", {"docs/refunds.txt": "policy\n"}, day=6)
    repo.git("revert", "--no-edit", "HEAD~3", when="2026-03-07T10:00:00+01:00")
    repo.commit("test: cover refunds", {"services/payments/test_refunds.py": "t\n"}, day=8)
    repo.commit("refactor(payments)!: split the ledger", {"services/payments/vendor/lib.py": "v\n"}, day=9)
    hotfix = "Hotfix: checkout outage\n\nReported-by: Sam Okafor <sam@acme.example>"
    repo.commit(hotfix, {"web/checkout.py": "a\nfixed\n"}, day=10, tz="-05:00")
    repo.commit("Add the sales dashboard\n\nRequested-by: Maya Chen", {"web/dashboard.py": "d\n"}, day=11)
    repo.git("checkout", "--quiet", "-b", "fix/typo")
    repo.commit("docs: fix a typo in the README", {"README.md": "# The shop\n"}, day=12)
    repo.git("checkout", "--quiet", "main")
    repo.git(
        "merge", "--quiet", "--no-ff", "-m", "Merge branch 'fix/typo'", "fix/typo", when="2026-03-13T10:00:00+01:00"
    )
    repo.git("checkout", "--quiet", "-b", "feature/export")
    repo.commit("feat: export orders as CSV", {"web/export.py": "e\n"}, day=14)
    repo.git("checkout", "--quiet", "main")
    return repo


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> Repo:
    folder = tmp_path_factory.mktemp("git-template")
    return build_shop(folder / "shop", git_env(folder))


@pytest.fixture
def shop(template: Repo, tmp_path: Path) -> Repo:
    return template.copy(tmp_path / "shop")


def items(ctx: Context) -> dict[str, Evidence]:
    return {e.title: e for e in evidence_service.listing(ctx, EvidenceFilter(source="git", per_page=500)).items}


MAIN_TITLES = {
    "chore: set up the repository", "feat(checkout): add gift cards", "fix: refunds rounded to the wrong cent",
    "docs: explain the refund policy", 'Revert "feat(checkout): add gift cards"', "test: cover refunds",
    "refactor(payments)!: split the ledger", "Hotfix: checkout outage", "Add the sales dashboard",
    "docs: fix a typo in the README",
}  # fmt: skip


def test_the_persons_commits_become_evidence_with_kinds_teams_people_and_links(ctx: Context, shop: Repo) -> None:
    run = run_import(ctx, "git", [shop.path])
    assert (run.summary.added, dict(run.summary.ignored)) == (10, {"merge commits": 1})
    found = items(ctx)
    assert set(found) == MAIN_TITLES  # Sam's commit and the unmerged branch are not Dana's work on main
    gift = found["feat(checkout): add gift cards"]
    sha = shop.git("rev-parse", "HEAD~9")
    assert (gift.source, gift.source_id, gift.url) == ("git", sha, f"https://github.com/acme/shop/commit/{sha}")
    assert (gift.kind, gift.tags, gift.teams) == (Kind.DELIVERY, ("feature", "checkout"), ("payments", "web"))
    assert (gift.people, gift.project, gift.body) == (("Lee Park",), "shop", "Customers asked for it.\n\n"
                                                      "Co-authored-by: Lee Park <lee@acme.example>")  # fmt: skip
    assert gift.occurred_at == datetime(2026, 3, 3, 10, 0) and gift.metrics == ()
    expected = {
        "chore: set up the repository": (Kind.DELIVERY, ("maintenance",), ("platform", "docs")),
        "fix: refunds rounded to the wrong cent": (Kind.INCIDENT, (), ("payments",)),
        "docs: explain the refund policy": (Kind.DOCUMENTATION, (), ("docs",)),
        'Revert "feat(checkout): add gift cards"': (Kind.INCIDENT, ("revert",), ("payments", "web")),
        "test: cover refunds": (Kind.DELIVERY, ("tests",), ("payments",)),
        "refactor(payments)!: split the ledger": (Kind.DELIVERY, ("refactoring", "payments", "breaking-change"), ()),
        "Hotfix: checkout outage": (Kind.INCIDENT, ("hotfix",), ("web",)),
        "Add the sales dashboard": (Kind.REQUEST, (), ("web",)),
        "docs: fix a typo in the README": (Kind.DOCUMENTATION, (), ("docs",)),
    }
    assert {title: (found[title].kind, found[title].tags, found[title].teams) for title in expected} == expected
    hotfix = found["Hotfix: checkout outage"]
    assert (hotfix.requester, hotfix.occurred_at) == ("Sam Okafor", datetime(2026, 3, 10, 10, 0))  # Dana's own clock
    assert found["Add the sales dashboard"].requester == "Maya Chen"


def test_importing_again_adds_nothing_and_a_later_run_reads_only_new_commits(ctx: Context, shop: Repo) -> None:
    run_import(ctx, "git", [shop.path])
    again = run_import(ctx, "git", [shop.path])
    assert (again.summary.added, again.summary.updated, again.summary.unchanged, again.items) == (0, 0, 0, 0)
    shop.commit("feat: gift wrap at checkout", {"web/wrap.py": "w\n"}, day=20)
    shop.commit("chore: Sam's cleanup", {"web/old.py": "o\n"}, who=SAM, day=21)
    third = run_import(ctx, "git", [shop.path])
    # Only the new commit was read: nothing already stored was looked at again.
    assert (third.summary.added, third.summary.unchanged, third.items) == (1, 0, 1)
    assert "feat: gift wrap at checkout" in items(ctx) and len(items(ctx)) == 11


def test_the_state_left_for_the_next_run_names_each_repository_tip(shop: Repo) -> None:
    request = ImportRequest(paths=(shop.path,), options={"author": [DANA[1]]})
    first = list(get_importer("git").read(request))
    assert len(first) == 11
    remembered = request.state["repositories"][str(shop.path.resolve())]
    assert remembered["tips"] == [shop.git("rev-parse", "HEAD")]
    assert list(get_importer("git").read(request)) == []  # same state: nothing to read
    changed = ImportRequest(
        paths=(shop.path,), options={"author": [DANA[1]], "since": "2026-03-09"}, state=request.state
    )
    recent = [r for r in get_importer("git").read(changed) if not isinstance(r, Ignored)]
    assert len(recent) == 4  # other choices: the history is read again


def test_every_branch_is_read_when_asked(ctx: Context, shop: Repo) -> None:
    run_import(ctx, "git", [shop.path])
    assert "feat: export orders as CSV" not in items(ctx)
    run = run_import(ctx, "git", [shop.path], {"all_branches": True})
    assert (run.summary.added, run.summary.unchanged) == (1, 0)
    assert items(ctx)["feat: export orders as CSV"].tags == ("feature",)


def test_line_counts_update_what_was_imported_without_them(ctx: Context, shop: Repo) -> None:
    run_import(ctx, "git", [shop.path])
    run = run_import(ctx, "git", [shop.path], {"line_counts": True})
    assert (run.summary.added, run.summary.updated) == (0, 10)
    found = items(ctx)
    assert [str(m) for m in found["feat(checkout): add gift cards"].metrics] == [
        "lines added: 5", "lines removed: 0", "files changed: 2"
    ]  # fmt: skip
    assert [str(m) for m in found['Revert "feat(checkout): add gift cards"'].metrics] == [
        "lines added: 0", "lines removed: 5", "files changed: 2"
    ]  # fmt: skip


def test_since_keeps_only_recent_commits(ctx: Context, shop: Repo) -> None:
    run_import(ctx, "git", [shop.path], {"since": "2026-03-09"})
    assert set(items(ctx)) == {
        "refactor(payments)!: split the ledger", "Hotfix: checkout outage", "Add the sales dashboard",
        "docs: fix a typo in the README",
    }  # fmt: skip


def test_the_person_is_known_by_any_address_mailmap_joins(ctx: Context, shop: Repo) -> None:
    run = run_import(ctx, "git", [shop.path], {"author": [DANA_OLD[1].upper()]})
    assert run.summary.added == 10  # the old address stands for Dana, so every one of her commits counts
    other = run_import(ctx, "git", [shop.path], {"author": ["lee@acme.example"]})
    assert dict(other.summary.ignored) == {"repositories with no commits by lee@acme.example": 1}
    sams = run_import(ctx, "git", [shop.path], {"author": [SAM[1]]})
    assert sams.summary.added == 1 and "feat: new search page" in items(ctx)


def test_several_repositories_at_once_including_a_bare_one_on_gitlab(ctx: Context, shop: Repo, tmp_path: Path) -> None:
    billing = Repo(tmp_path / "billing", shop.env)
    billing.path.mkdir()
    billing.git("init", "--quiet", "--initial-branch=main")
    billing.commit("feat: monthly invoices", {"invoices.py": "i\n"}, day=15)
    billing.commit("docs: invoice guide", {"guide.md": "g\n"}, day=16)
    shop.git("clone", "--quiet", "--bare", str(billing.path), str(tmp_path / "billing.git"))
    bare = Repo(tmp_path / "billing.git", shop.env)
    bare.git("remote", "add", "upstream", "https://dana:s3cret@gitlab.example.com/acme/finance/billing.git")
    run = run_import(ctx, "git", [shop.path, bare.path], {"author": [DANA[1]]})
    assert run.summary.added == 12
    invoices = items(ctx)["feat: monthly invoices"]
    sha = bare.git("rev-parse", "HEAD~1")
    assert (invoices.project, invoices.teams) == ("billing", ())
    assert invoices.url == f"https://gitlab.example.com/acme/finance/billing/-/commit/{sha}"
    assert {item.project for item in items(ctx).values()} == {"shop", "billing"}


@pytest.mark.parametrize(
    ("make", "options", "message"),
    [
        (lambda tmp: tmp.joinpath("plain").mkdir() or tmp / "plain", {}, "this is not a git repository"),
        (lambda tmp: tmp.joinpath("notes.txt").write_text("x") and tmp / "notes.txt", {}, "this is a file"),
        (lambda tmp: tmp / "shop", {"since": "someday"}, "--since: 'someday' is not a date"),
        (lambda tmp: tmp / "shop", {"author": ["dana"]}, "--author: 'dana' is not an email address"),
    ],
)
def test_a_wrong_path_or_option_is_explained_and_nothing_is_written(
    ctx: Context,
    shop: Repo,
    tmp_path: Path,
    make: Callable[[Path], Path],
    options: dict[str, object],
    message: str,
) -> None:
    path = make(tmp_path)
    with pytest.raises(ImportProblem) as caught:
        run_import(ctx, "git", [shop.path, path], options)  # the good repository first: still nothing lands
    assert message in str(caught.value)
    if not message.startswith("--"):
        assert str(caught.value).startswith(str(path))
    assert row_counts(ctx) == (0, 0)


def test_without_an_author_or_a_configured_email_the_person_is_asked_for_one(ctx: Context, shop: Repo) -> None:
    shop.git("config", "--unset", "user.email")
    with pytest.raises(ImportProblem) as caught:
        run_import(ctx, "git", [shop.path])
    assert str(caught.value).startswith(f"{shop.path}, field '--author': Upward can't tell which commits are yours")
    assert "--author you@example.com" in str(caught.value)
    assert row_counts(ctx) == (0, 0)


def test_a_subfolder_or_the_git_folder_names_the_same_repository(ctx: Context, shop: Repo) -> None:
    first = run_import(ctx, "git", [shop.path / "web"])
    again = run_import(ctx, "git", [shop.path / ".git"])
    assert (first.summary.added, again.summary.added, again.summary.unchanged) == (10, 0, 0)
    assert {item.project for item in items(ctx).values()} == {"shop"}


def test_an_empty_repository_is_counted_not_an_error(ctx: Context, tmp_path: Path) -> None:
    empty = Repo(tmp_path / "empty", git_env(tmp_path))
    empty.path.mkdir()
    empty.git("init", "--quiet")
    run = run_import(ctx, "git", [empty.path], {"author": [DANA[1]]})
    assert dict(run.summary.ignored) == {"repositories with no commits yet": 1}


_examples = itertools.count()


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.data(), which=st.sampled_from([".github/CODEOWNERS", ".mailmap"]))
def test_a_damaged_codeowners_or_mailmap_never_half_imports(
    ctx: Context, template: Repo, tmp_path: Path, data: st.DataObject, which: str
) -> None:
    repo = template.copy(tmp_path / f"shop-{next(_examples)}")  # a new folder: every example reads it all
    original = (repo.path / which).read_bytes()
    (repo.path / which).write_bytes(data.draw(mutated(original)))
    if which.endswith("CODEOWNERS"):  # read from the commit checked out, so commit it (as Sam: not Dana's)
        repo.git("commit", "--quiet", "--allow-empty", "-am", "chore: owners", who=SAM)
    before = row_counts(ctx)
    try:
        run_import(ctx, "git", [repo.path], {"author": [DANA[1]]})
    except ImportProblem as problem:
        assert str(repo.path) in str(problem) and row_counts(ctx) == before
        return
    again = run_import(ctx, "git", [repo.path], {"author": [DANA[1]], "since": "2000-01-01"})  # reads it all again
    assert (again.summary.added, again.summary.updated) == (0, 0)


def test_the_cli_imports_and_explains_problems(cli: Cli, shop: Repo, tmp_path: Path) -> None:
    result = cli("import", "git", str(shop.path), "--author", DANA[1], "--author", DANA_OLD[1])
    assert result.exit_code == 0, result.output
    assert "Import 1 (git): 10 added; 0 updated; 0 already there; ignored: 1 merge commits." in result.output
    assert "0 added; 0 updated; 0 already there" in cli("import", "git", str(shop.path)).output
    (tmp_path / "plain").mkdir()
    failed = cli("import", "git", str(tmp_path / "plain"))
    assert failed.exit_code == 2
    assert failed.stderr.strip() == (
        f"upward: {tmp_path / 'plain'}: this is not a git repository; name the folder you cloned (the one holding .git)"
    )


@pytest.mark.parametrize(
    ("subject", "kind", "tags"),
    [
        ("feat(api,web): add search", Kind.DELIVERY, ("feature", "api", "web")), ("fix: crash", Kind.INCIDENT, ()),
        ("Fixed the login loop", Kind.INCIDENT, ()), ("[hotfix] restore payments", Kind.INCIDENT, ("hotfix",)),
        ("Roll back the deploy", Kind.INCIDENT, ("revert",)), ("docs(readme): badges", Kind.DOCUMENTATION, ("readme",)),
        ("Document the API", Kind.DOCUMENTATION, ()), ("Refactored the parser", Kind.DELIVERY, ("refactoring",)),
        ("Tests for the parser", Kind.DELIVERY, ("tests",)), ("Build the new landing page", Kind.DELIVERY, ()),
        ("unknown(x): something", Kind.DELIVERY, ("x",)), ("", Kind.DELIVERY, ()),
    ],
)  # fmt: skip
def test_commit_messages_are_classified(subject: str, kind: Kind, tags: tuple[str, ...]) -> None:
    assert classify(subject) == (kind, tags)


def test_what_does_not_fit_a_field_is_cut_or_left_out_so_the_import_never_stops() -> None:
    long = Commit("ab" * 20, 1, datetime(2026, 3, 1, 9), "x" * 800 + "\n\nRequested-by: " + "R" * 300)
    made = draft(long, project="p" * 250, link="https://gitlab.example.com/" + "g/" * 90, teams=(), mine=frozenset())
    checked = made.validated()
    assert (len(checked.title), checked.title[-1], len(checked.requester or ""), len(checked.project or "")) == (
        500, "…", 200, 200
    )  # fmt: skip
    assert checked.url is None and checked.kind is Kind.REQUEST
    empty = Commit("cd" * 20, 1, datetime(2026, 3, 1, 9), "\n")
    titled = draft(empty, project="p", link=None, teams=(), mine=frozenset()).validated().title
    assert titled == "Commit cdcdcdcdcdcd (no message)"


@pytest.mark.parametrize(
    ("pattern", "path", "owned"),
    [
        ("*", "a/b/c.py", True), ("*.js", "web/app/main.js", True), ("*.js", "web/app/main.jsx", False),
        ("/build/logs/", "build/logs/today/x.log", True), ("/build/logs/", "src/build/logs/x.log", False),
        ("docs/*", "docs/intro.md", True), ("docs/*", "docs/guide/intro.md", False),  # only files right there
        ("apps/", "src/apps/x.py", True), ("apps", "apps", True), ("**/logs", "deep/down/logs/x.log", True),
        ("docs/**", "docs/a/b/c.md", True), ("/src/*/internal", "src/pay/internal/x.go", True),
        ("src/?.py", "src/a.py", True), ("src/?.py", "src/ab.py", False), ("\\#notes", "#notes", True),
        ("src/[abc].py", "src/a.py", False), ("src/[abc].py", "src/[abc].py", True),  # no character classes
    ],
)  # fmt: skip
def test_codeowners_patterns_match_like_github(pattern: str, path: str, owned: bool) -> None:
    assert CodeOwners(f"{pattern} @org/owners\n").teams([path]) == (("owners",) if owned else ())


def test_the_last_matching_codeowners_line_wins_and_people_are_not_teams() -> None:
    owners = CodeOwners(CODEOWNERS + "[Section] @acme/ignored\n")
    assert owners.teams(["services/payments/a.py", "services/payments/vendor/b.py", "README.md"]) == (
        "payments", "docs"
    )  # fmt: skip
    assert owners.teams(["services/payments/vendor/b.py"]) == ()


@pytest.mark.parametrize(
    ("remote", "link"),
    [
        ("git@github.com:acme/shop.git", "https://github.com/acme/shop/commit/"),
        ("https://github.com/acme/shop", "https://github.com/acme/shop/commit/"),
        ("ssh://git@ssh.github.com:443/acme/shop.git", "https://github.com/acme/shop/commit/"),
        ("https://user:token@gitlab.com/group/sub/repo.git", "https://gitlab.com/group/sub/repo/-/commit/"),
        ("ssh://git@gitlab.example.com:2222/group/repo.git", "https://gitlab.example.com/group/repo/-/commit/"),
        ("https://bitbucket.org/acme/shop.git", None), ("/srv/git/shop.git", None),
    ],
)  # fmt: skip
def test_commit_links_come_from_github_and_gitlab_remotes(remote: str, link: str | None) -> None:
    assert _web_link(remote) == link


class Recorded:
    def __init__(self) -> None:
        self.totals: list[int | None] = []
        self.steps: list[int] = []

    def total(self, amount: int | None) -> None:
        self.totals.append(amount)

    def advance(self, amount: int = 1) -> None:
        self.steps.append(amount)

    @property
    def advanced(self) -> int:
        return sum(self.steps)


def test_progress_counts_every_commit_read_and_git_counts_them_alongside(shop: Repo) -> None:
    progress = Recorded()
    records = list(get_importer("git").read(ImportRequest(paths=(shop.path,), progress=progress)))
    assert Counter(r.reason for r in records if isinstance(r, Ignored)) == Counter({"merge commits": 1})
    assert progress.advanced == 11 and progress.totals[-1] == 11
    query = LogQuery((DANA[1],), (shop.git("rev-parse", "HEAD"),))
    with counting(shop.path, query.count_args()) as counted:
        deadline = time.monotonic() + 30
        while counted() is None and time.monotonic() < deadline:
            time.sleep(0.01)
        assert counted() == 11


def test_progress_moves_on_in_steps_and_gets_its_total_from_git(shop: Repo, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(git._Total, "STEP", 4)
    monkeypatch.setattr(git._Total, "COUNT_AFTER", 4)  # a "long" history: git counts it beside the import
    progress = Recorded()
    records = list(get_importer("git").read(ImportRequest(paths=(shop.path,), progress=progress)))
    assert len(records) == 11 and progress.steps == [4, 4, 3] and progress.totals[-1] == 11


def test_without_a_bar_to_draw_git_does_not_count_the_commits(shop: Repo, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(git._Total, "STEP", 4)
    monkeypatch.setattr(git._Total, "COUNT_AFTER", 4)
    monkeypatch.setattr(git, "counting", lambda *args: pytest.fail("counted with no progress bar"))
    assert len(list(get_importer("git").read(ImportRequest(paths=(shop.path,))))) == 11
