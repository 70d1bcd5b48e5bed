"""The GitHub importer: saved `gh api` JSON and webhook payloads, and a live sync against a local replay."""

from __future__ import annotations

import json
import time
from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings

from conftest import Cli
from github_replay import (
    CLOCK,
    HANG_UP,
    REAL,
    REPO,
    Answer,
    Replay,
    derived,
    person,
    real,
    record_datasette,
    record_newer_datasette,
    serving,
)
from importing import import_is_all_or_nothing, mutated, row_counts
from upward.importers.github import IMPORTER
from upward.model import Evidence, EvidenceFilter, Kind
from upward.model.imports import ImportProblem
from upward.services import Context
from upward.services import evidence as evidence_service
from upward.services.imports import list_runs, run_import

SAMPLES = REAL / "github-to-sqlite-tests"
HOOKS = REAL / "octokit-webhooks-payloads"
SIMONW = {"user": "simonw"}


def local(stamp: str) -> datetime:
    """GitHub's UTC time as the person's wall clock, the way Upward stores it."""
    return datetime.fromisoformat(stamp).astimezone().replace(tzinfo=None)


def items(ctx: Context) -> dict[str, Evidence]:
    return {e.source_id or "": e for e in evidence_service.listing(ctx, EvidenceFilter(per_page=500)).items}


def write(tmp_path: Path, name: str, content: Any) -> Path:
    path = tmp_path / name
    path.write_text(content if isinstance(content, str) else json.dumps(content), encoding="utf-8")
    return path


# Saved files -------------------------------------------------------------------------------------


def test_saved_lists_become_merged_work_and_opened_issues(ctx: Context) -> None:
    files = [SAMPLES / name for name in ("pull_requests.json", "issues.json", "issue-comments.json", "commits.json")]
    run = run_import(ctx, "github", files, SIMONW)
    assert run.summary.added == 2
    assert run.summary.ignored == {
        "commits (pull requests show what you shipped)": 2,
        "comments on issues that are not in the files (save the issues list too)": 3,
        "entries read twice (in two files or pages)": 1,  # pull request #571 is in the issues list too
    }
    found = items(ctx)
    merged = found["pr:simonw/datasette#571"]
    assert (merged.title, merged.kind, merged.project) == (
        "detect_fts now works with alternative table escaping (simonw/datasette#571)", Kind.DELIVERY, "simonw/datasette"
    )  # fmt: skip
    assert merged.occurred_at == local("2019-09-03T00:32:28+00:00")
    assert (merged.url, merged.body, merged.tags) == (
        "https://github.com/simonw/datasette/pull/571", "Fixes #570", ("github", "pull-request")
    )  # fmt: skip
    opened = found["issue:simonw/datasette#572"]
    assert opened.title == "Opened issue: Error running datasette publish with just --source_url (simonw/datasette#572)"
    assert (opened.kind, opened.tags, opened.requester) == (Kind.OTHER, ("github", "issue", "plugins"), None)
    assert opened.occurred_at == local("2019-09-04T22:19:22+00:00") and opened.source == "github"


def test_webhook_payloads_tell_whose_work_it_is(ctx: Context, tmp_path: Path) -> None:
    run = run_import(ctx, "github", sorted(HOOKS.glob("*.json")), {"user": "Codertocat"})
    assert run.summary.added == 1  # Codertocat's own issue; the rest is their own unmerged or open pull request
    assert run.summary.ignored == {
        "comments on your own issues": 1,
        "pull requests closed without merging": 1,
        "pull requests still open (they come in once merged)": 1,
        "inline review comments (the review they belong to counts)": 1,
        "reviews of your own pull requests (replies to your reviewers)": 2,
    }
    review = real("pull_request_review_submitted.payload.json")
    review["pull_request"]["user"] = person("octo-dev")
    comment = real("issue_comment_created.payload.json")
    comment["issue"].update(user=person("reporter"), assignee=None, assignees=[])  # a reply, not their own task
    paths = [write(tmp_path, "review.json", review), write(tmp_path, "comment.json", comment)]
    run_import(ctx, "github", paths, {"user": "codertocat"})  # logins match whatever their capitals
    found = items(ctx)
    reviewed = found["review:237895671"]
    assert reviewed.title == (
        "Reviewed octo-dev's pull request: Update the README with new information. (Codertocat/Hello-World#2)"
    )
    assert (reviewed.kind, reviewed.people, reviewed.body) == (Kind.REVIEW, ("octo-dev",), "Commented.")
    assert reviewed.url == "https://github.com/Codertocat/Hello-World/pull/2#pullrequestreview-237895671"
    replied = found["comment:492700400"]
    assert (replied.kind, replied.requester) == (Kind.INCIDENT, "reporter")  # labelled bug: firefighting
    assert replied.title == "Replied to reporter's issue: Spelling error in the README file (Codertocat/Hello-World#1)"
    assert replied.body == "You are totally right! I'll get this fixed right away."


def test_issues_handled_for_others_are_requests_and_bugs_are_firefighting(ctx: Context, tmp_path: Path) -> None:
    opened = real("issues.json")[0]
    bug = derived(opened, user=person("octo-dev"), labels=[{"name": "bug"}, {"name": "team: Payments"}],
                  state="closed", closed_at="2019-09-08T09:30:00Z", closed_by=person("simonw"))  # fmt: skip
    asked = derived(opened, number=600, user=person("asker"), assignees=[person("SimonW")])
    other = derived(opened, number=601, user=person("asker"))
    bot = derived(opened, number=602, user=person("renovate[bot]", bot=True), assignees=[person("simonw")])
    run = run_import(ctx, "github", [write(tmp_path, "issues.json", [bug, asked, other, bot])], SIMONW)
    assert run.summary.ignored == {"issues other people opened and handled": 1, "work by bots": 1}
    found = items(ctx)
    fire = found["issue:simonw/datasette#572"]
    assert (
        fire.title
        == "Closed octo-dev's issue: Error running datasette publish with just --source_url (simonw/datasette#572)"
    )
    assert (fire.kind, fire.requester, fire.teams, fire.tags) == (
        Kind.INCIDENT,
        "octo-dev",
        ("payments",),
        ("github", "issue", "bug"),
    )
    assert fire.occurred_at == local("2019-09-08T09:30:00+00:00")
    request = found["issue:simonw/datasette#600"]
    assert (request.kind, request.requester, request.title.split(":")[0]) == (
        Kind.REQUEST,
        "asker",
        "Took on asker's issue",
    )


def test_a_pulls_list_for_other_people_and_the_review_list_beside_it(ctx: Context, tmp_path: Path) -> None:
    pull = derived(real("pull_requests.json")[0], user=person("octo-dev"), labels=[{"name": "team/Search"}])
    review = derived(real("pull_request_review_submitted.payload.json")["review"], user=person("simonw"),
                     state="CHANGES_REQUESTED", body="Needs a test.",
                     pull_request_url="https://api.github.com/repos/simonw/datasette/pulls/571")  # fmt: skip
    pending = derived(review, id=1, submitted_at=None, state="PENDING")
    stray = derived(review, id=2, pull_request_url="https://api.github.com/repos/simonw/other/pulls/9")
    paths = [write(tmp_path, "reviews.json", [review, pending, stray]), write(tmp_path, "pulls.json", [pull])]
    run = run_import(ctx, "github", paths, SIMONW)
    assert run.summary.ignored == {
        "pull requests by other people": 1,
        "reviews not submitted yet": 1,
        "reviews of pull requests that are not in the files (save the pulls list too)": 1,
    }
    given = items(ctx)["review:237895671"]
    assert (given.kind, given.people, given.teams) == (Kind.REVIEW, ("octo-dev",), ("search",))
    assert given.body == "Asked for changes.\n\nNeeds a test."


@pytest.fixture
def tokyo(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    monkeypatch.setenv("TZ", "Asia/Tokyo")
    time.tzset()
    yield
    monkeypatch.undo()
    time.tzset()


def test_times_are_the_persons_wall_clock(ctx: Context, tokyo: None) -> None:
    run_import(ctx, "github", [SAMPLES / "pull_requests.json"], SIMONW)
    assert items(ctx)["pr:simonw/datasette#571"].occurred_at == datetime(2019, 9, 3, 9, 32, 28)


def test_paginated_output_and_the_same_file_again_add_nothing_new(ctx: Context, tmp_path: Path) -> None:
    pages = (SAMPLES / "pull_requests.json").read_text() + (SAMPLES / "issues.json").read_text().replace("\n", "")
    first = run_import(ctx, "github", [write(tmp_path, "paginated.json", pages)], SIMONW)
    assert (first.summary.added, first.items) == (2, 2)
    again = run_import(ctx, "github", [tmp_path / "paginated.json"], SIMONW)
    assert (again.summary.added, again.summary.updated, again.summary.unchanged) == (0, 0, 2)
    original = real("pull_requests.json")[0]
    newer = derived(original, number=590, title="Faster facets", merged_at="2019-10-01T08:00:00Z",
                    html_url="https://github.com/simonw/datasette/pull/590")  # fmt: skip
    retitled = derived(original, title="detect_fts works with alternative table escaping")
    slurped = [[newer], [retitled]]  # `gh api --paginate --slurp`: a list of pages
    third = run_import(ctx, "github", [write(tmp_path, "newer.json", slurped)], SIMONW)
    assert (third.summary.added, third.summary.updated) == (1, 1)
    assert items(ctx)["pr:simonw/datasette#571"].title.startswith("detect_fts works with")
    assert len(items(ctx)) == 3


def test_since_leaves_out_older_work(ctx: Context) -> None:
    files = [SAMPLES / "pull_requests.json", SAMPLES / "issues.json"]
    run = run_import(ctx, "github", files, SIMONW | {"since": "2019-09-04"})
    assert list(items(ctx)) == ["issue:simonw/datasette#572"]
    assert run.summary.ignored == {
        "work from before the --since day": 1,
        "entries read twice (in two files or pages)": 1,
    }


# Bad input ---------------------------------------------------------------------------------------

PULL = (SAMPLES / "pull_requests.json").read_text()
CUT = PULL[: len(PULL) // 2]
ONE = json.dumps(real("pull_requests.json")[0])


def _without(key: str) -> str:
    return json.dumps([{k: v for k, v in real("pull_requests.json")[0].items() if k != key}])


BAD_FILES = [
        ("", "the file is empty"),
        ("   \n", "the file is empty"),
        (CUT, f"line {CUT.count(chr(10)) + 1}: the file stops in the middle of entry 1; it looks cut short"),
        (PULL.rstrip().removesuffix("]"), "the file stops after entry 1; it looks cut short"),
        ("date,text\n2026-01-01,x\n", "line 1: this is not JSON from GitHub"),
        ("[1, 2]", "entry 1 is '1', not an object from GitHub"),
        ('[{"sha": "x", "commit": {}}, {"colour": "red"}]', "entry 2 is not a pull request, review, issue or comment"),
        ('{"message": "Bad credentials", "documentation_url": "https://docs.github.com"}',
         "GitHub saying 'Bad credentials'"),
        (_without("created_at"), "field 'created_at': entry 1 (a pull request) has no 'created_at'"),
        (PULL.replace('"merged_at": "2019-09-03T00:32:28Z"', '"merged_at": "2019-09-33T00:32:28Z"'),
         "field 'merged_at': entry 1 (a pull request) has '2019-09-33T00:32:28Z', which is not a date and time"),
        (PULL.replace('"login": "simonw"', '"login": 42', 1), "field 'user.login': entry 1 (a pull request) has '42'"),
        (PULL + PULL.replace('"number": 571', '"number": "571"'), "field 'number': entry 2 (a pull request) has '571'"),
        (f"[{ONE} {ONE}]", "line 1: after entry 1 there should be ',' or ']', not '{'"),
        (PULL + "]" + PULL, f"line {PULL.count(chr(10)) + 1}: entry 2 is not valid JSON (expecting value)"),
]  # fmt: skip


def test_a_bad_file_is_named_explained_and_nothing_is_written(ctx: Context, tmp_path: Path) -> None:
    for number, (content, message) in enumerate(BAD_FILES):
        path = write(tmp_path, f"saved-{number}.json", content)
        with pytest.raises(ImportProblem) as caught:
            run_import(ctx, "github", [SAMPLES / "issues.json", path], SIMONW)
        assert str(caught.value).startswith(str(path)) and message in str(caught.value), (message, caught.value)
        assert row_counts(ctx) == (0, 0)


def test_files_that_are_not_json_text_are_refused(ctx: Context, tmp_path: Path) -> None:
    binary = tmp_path / "photo.json"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    with pytest.raises(ImportProblem, match="not a text file"):
        run_import(ctx, "github", [binary], SIMONW)
    latin = tmp_path / "latin.json"
    latin.write_bytes(b'[{"title": "caf\xe9"}]')
    with pytest.raises(ImportProblem, match="not UTF-8 text"):
        run_import(ctx, "github", [latin], SIMONW)
    with pytest.raises(ImportProblem, match="there is no file here"):
        run_import(ctx, "github", [tmp_path], SIMONW)


BAD_OPTIONS: list[tuple[dict[str, Any], str, str]] = [
    ({}, "user", "say which GitHub account is yours with --user"),
    ({"user": "not a login"}, "user", "'not a login' is not a GitHub login"),
    (SIMONW | {"since": "last spring"}, "since", "'last spring' is not a date"),
    (SIMONW | {"repo": ["simonw/datasette"]}, "repo", "either saved files or --repo"),
]


def test_options_are_checked_before_anything_is_read(ctx: Context) -> None:
    for options, field, message in BAD_OPTIONS:
        with pytest.raises(ImportProblem) as caught:
            run_import(ctx, "github", [SAMPLES / "pull_requests.json"], options)
        assert (caught.value.field, caught.value.file) == (field, "github") and message in str(caught.value)
        assert row_counts(ctx) == (0, 0)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(content=mutated((SAMPLES / "issues.json").read_bytes() + (SAMPLES / "pull_requests.json").read_bytes()))
def test_a_damaged_export_never_half_imports(ctx: Context, tmp_path: Path, content: bytes) -> None:
    import_is_all_or_nothing(ctx, "github", tmp_path / "damaged.json", content, SIMONW)


@settings(max_examples=20, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(content=mutated((HOOKS / "issue_comment_created.payload.json").read_bytes()))
def test_a_damaged_webhook_payload_never_half_imports(ctx: Context, tmp_path: Path, content: bytes) -> None:
    import_is_all_or_nothing(ctx, "github", tmp_path / "damaged.json", content, {"user": "Codertocat"})


# The CLI ------------------------------------------------------------------------------------------


def test_the_cli_imports_saved_files_and_explains_a_bad_one(cli: Cli, tmp_path: Path) -> None:
    result = cli("import", "github", str(SAMPLES / "pull_requests.json"), str(SAMPLES / "issues.json"),
                 "--user", "simonw")  # fmt: skip
    assert result.exit_code == 0, result.output
    assert "Import 1 (github): 2 added; 0 updated; 0 already there; ignored: 1 entries read twice" in result.output
    listed = cli("evidence", "list").output
    assert "detect_fts now works with alternative table escaping" in listed
    bad = write(tmp_path, "bad.json", _without("title"))
    failed = cli("import", "github", str(bad), "--user", "simonw")
    assert failed.exit_code == 2
    assert failed.stderr.strip() == (
        f"upward: {bad}, field 'title': entry 1 (a pull request) has no 'title'; "
        "save it again with `gh api --paginate ... > file.json`"
    )


# The live sync ------------------------------------------------------------------------------------


@pytest.fixture
def github(monkeypatch: pytest.MonkeyPatch) -> Iterator[tuple[Replay, str, list[float]]]:
    """A replay of GitHub on 127.0.0.1, and the pauses the importer asked for (none really taken)."""
    waits: list[float] = []
    monkeypatch.setattr(IMPORTER, "wait", waits.append)
    monkeypatch.setattr(IMPORTER, "clock", lambda: CLOCK)
    for variable in ("GITHUB_TOKEN", "GH_TOKEN"):
        monkeypatch.delenv(variable, raising=False)
    replay = Replay()
    with serving(replay) as url:
        yield replay, url, waits


def sync(ctx: Context, url: str, **options: Any) -> Any:
    return run_import(ctx, "github", [], {"user": "simonw", "repo": ["simonw/datasette"], "api_url": url} | options)


def test_a_live_sync_reads_the_persons_work_patiently(ctx: Context, github: tuple[Replay, str, list[float]]) -> None:
    replay, url, waits = github
    record_datasette(replay)
    run = sync(ctx, url, token="ghp_test_token", since="2019-01-01")
    assert waits == [31.0, 1.0, 1.0, 7.0]  # until the rate limit resets; after a 502 and a hang-up; as told
    assert run.summary.added == 6
    found = items(ctx)
    assert sorted(found) == [
        "comment:777", "issue:simonw/datasette#572", "issue:simonw/datasette#574", "issue:simonw/datasette#575",
        "pr:simonw/datasette#571", "review:9001",
    ]  # fmt: skip
    assert found["review:9001"].title == "Reviewed octo-dev's pull request: Add a --cors option (simonw/datasette#573)"
    assert (found["review:9001"].body, found["review:9001"].people) == (
        "Approved.\n\nLooks good, thanks for the tests.", ("octo-dev",)
    )  # fmt: skip
    fire = found["issue:simonw/datasette#574"]  # closed by the person: only the single issue says so
    assert (fire.kind, fire.requester, fire.occurred_at) == (
        Kind.INCIDENT,
        "octo-dev",
        local("2019-09-07T12:00:00+00:00"),
    )
    assert (found["issue:simonw/datasette#575"].kind, found["issue:simonw/datasette#575"].requester) == (
        Kind.REQUEST,
        "asker",
    )
    answer = found["comment:777"]
    assert (answer.kind, answer.requester) == (Kind.REQUEST, "newcomer")
    assert answer.title == "Replied to newcomer's issue: How do I install plugins? (simonw/datasette#576)"
    assert run.summary.ignored["work by bots"] == 1
    assert run.summary.ignored["comments on issues you handled (the issue counts once)"] == 1
    asked = replay.paths()
    assert f"{REPO}/pulls?page=2" in asked and f"{REPO}/pulls?page=3" not in asked
    assert f"{REPO}/pulls/580/reviews?page=1" not in asked and f"{REPO}/pulls/571/reviews?page=1" not in asked
    assert {s.headers.get("Authorization") for s in replay.seen} == {"Bearer ghp_test_token"}
    since = datetime(2019, 1, 1).astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
    assert replay.queries(f"{REPO}/issues")[-1] == {"state": "all", "since": since, "per_page": "100"}
    assert run.params["options"]["token"] == "(not stored)" and "ghp_test" not in str(list_runs(ctx))


def test_the_next_sync_goes_on_from_the_last(
    ctx: Context, github: tuple[Replay, str, list[float]], monkeypatch: pytest.MonkeyPatch
) -> None:
    replay, url, _ = github
    record_datasette(replay)
    monkeypatch.setenv("GITHUB_TOKEN", "ghp_from_the_environment")
    sync(ctx, url, since="2019-01-01")
    record_newer_datasette(replay)
    run = sync(ctx, url)
    assert (run.summary.added, sorted(items(ctx))[-2]) == (1, "pr:simonw/datasette#590")
    assert replay.queries(f"{REPO}/issues") == [{"state": "all", "since": "2026-11-23T10:00:00Z", "per_page": "100"}]
    assert f"{REPO}/pulls?page=2" not in replay.paths()  # #571 changed before the last sync: reading stopped there
    assert replay.seen[0].headers["Authorization"] == "Bearer ghp_from_the_environment"
    assert "ghp_from" not in str(list_runs(ctx))


GITHUB_FAILS = [
        ([Answer({"message": "Bad credentials"}, 401)], "token", "did not accept the token ('Bad credentials')", []),
        ([Answer({"message": "Resource not accessible"}, 403)], "token", "GitHub refused access", []),
        ([Answer({"message": "Server Error"}, 500)], None, "GitHub kept failing (500) after 5 tries", [1, 2, 4, 8]),
        ([Answer(status=HANG_UP)], None, "could not reach GitHub after 5 tries", [1, 2, 4, 8]),
        ([Answer({}, 403, {"X-RateLimit-Remaining": "0", "X-RateLimit-Reset": str(int(CLOCK) + 3600)})], None,
         "rate limit for this token is used up until about", []),
        ([Answer({"message": "You have exceeded a secondary rate limit."}, 403)], None,
         "rate limit for this token is used up", [60.0, 60.0, 60.0]),
        ([Answer([], 200, {"Link": '<https://elsewhere.example/repos?page=2>; rel="next"'})], None,
         "GitHub pointed the next page at another server (https://elsewhere.example/repos?page=2); stopped", []),
        ([Answer({"not": "a list"})], None, "GitHub answered with something other than a list", []),
        ([Answer(b"<html>Sign in</html>")], None, "GitHub's answer is not JSON; check --api-url", []),
        ([json.loads(_without("title"))], "title", "entry 1 (a pull request) has no 'title'", []),
]  # fmt: skip


def test_when_github_refuses_or_fails_nothing_is_written(ctx: Context, github: tuple[Replay, str, list[float]]) -> None:
    replay, url, taken = github
    for answers, field, message, waits in GITHUB_FAILS:
        taken.clear()
        replay.record(f"{REPO}/pulls", *answers)
        with pytest.raises(ImportProblem) as caught:
            sync(ctx, url, token="ghp_test_token")
        assert caught.value.field == field and message in str(caught.value), caught.value
        assert caught.value.file.startswith(url) and "ghp_test" not in str(caught.value)
        assert (taken, row_counts(ctx)) == (waits, (0, 0)), message


def test_a_sync_needs_a_repository_that_exists_and_a_token(
    ctx: Context, github: tuple[Replay, str, list[float]]
) -> None:
    _, url, _ = github
    with pytest.raises(ImportProblem, match="GitHub found nothing here; check the --repo name") as caught:
        sync(ctx, url, token="ghp_test_token", repo=["simonw/elsewhere"])
    assert caught.value.field == "repo"
    with pytest.raises(ImportProblem, match="a live sync needs a GitHub token") as caught:
        sync(ctx, url)
    assert caught.value.field == "token"
    with pytest.raises(ImportProblem, match="'simonw' is not a repository; write it as owner/name"):
        sync(ctx, url, token="t", repo=["simonw"])
    with pytest.raises(ImportProblem, match="name the repositories to sync with --repo"):
        run_import(ctx, "github", [], {"user": "simonw"})
    assert row_counts(ctx) == (0, 0)


def test_the_first_sync_reads_a_year(ctx: Context, github: tuple[Replay, str, list[float]]) -> None:
    replay, url, _ = github
    record_datasette(replay)
    run = sync(ctx, url, token="ghp_test_token")
    a_year_ago = datetime.combine(date.today() - timedelta(days=365), datetime.min.time()).astimezone(UTC)
    assert replay.queries(f"{REPO}/issues")[-1]["since"] == a_year_ago.strftime("%Y-%m-%dT%H:%M:%SZ")
    assert run.summary.added == 0  # everything recorded is from 2019: GitHub's answers hold it, Upward leaves it
    assert run.summary.ignored["work from before the day the sync reads from (see --since)"] == 4
    assert f"{REPO}/pulls?page=2" not in replay.paths()
