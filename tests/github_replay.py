"""A stand-in for api.github.com on 127.0.0.1 that replays recorded answers, for the GitHub importer's tests.

Answers are recorded per path and page (`?page=2`); the server writes the Link header GitHub would
send when a next page is recorded. Several answers for one address are given in turn (the last one
repeats), so a test can have GitHub fail, rate-limit or hang up first and answer after.
"""

from __future__ import annotations

import copy
import json
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qsl, urlencode, urlsplit

from conftest import REAL_DATA

REAL = REAL_DATA / "github"
SERVER_DATE = "Mon, 23 Nov 2026 10:00:00 GMT"
HANG_UP = -1  # a status that makes the server close the connection without answering


def real(name: str) -> Any:
    """A real sample, by its file name in either sample folder."""
    for folder in ("github-to-sqlite-tests", "octokit-webhooks-payloads"):
        path = REAL / folder / name
        if path.exists():
            return json.loads(path.read_text(encoding="utf-8"))
    raise FileNotFoundError(name)


def person(login: str, *, bot: bool = False) -> dict[str, Any]:
    """A GitHub account object shaped like the real ones, under another login."""
    account: dict[str, Any] = copy.deepcopy(real("pull_requests.json")[0]["user"])
    account.update(login=login, type="Bot" if bot else "User", url=f"https://api.github.com/users/{login}")
    return account


def derived(original: dict[str, Any], **changes: Any) -> dict[str, Any]:
    """A copy of a real object with some fields changed."""
    copied = copy.deepcopy(original)
    copied.update(changes)
    return copied


@dataclass
class Answer:
    body: Any = None
    status: int = 200
    headers: dict[str, str] = field(default_factory=dict)


@dataclass
class Seen:
    path: str
    query: dict[str, str]
    headers: dict[str, str]


class Replay:
    """Recorded answers and the requests that came in."""

    def __init__(self) -> None:
        self.answers: dict[tuple[str, str], list[Answer]] = {}
        self.seen: list[Seen] = []
        self.url = ""
        self.lock = threading.Lock()

    def record(self, path: str, *answers: Answer | Any, page: int = 1) -> None:
        self.answers[(path, str(page))] = [a if isinstance(a, Answer) else Answer(a) for a in answers]

    def paths(self) -> list[str]:
        return [f"{s.path}?page={s.query.get('page', '1')}" for s in self.seen]

    def queries(self, path: str) -> list[dict[str, str]]:
        return [s.query for s in self.seen if s.path == path]

    def answer(self, path: str, query: dict[str, str], headers: dict[str, str]) -> tuple[Answer, str | None]:
        with self.lock:
            self.seen.append(Seen(path, query, headers))
            page = query.get("page", "1")
            recorded = self.answers.get((path, page))
            if not recorded:
                return Answer({"message": "Not Found", "documentation_url": "https://docs.github.com"}, 404), None
            answer = recorded.pop(0) if len(recorded) > 1 else recorded[0]
            following = None
            if (path, str(int(page) + 1)) in self.answers:
                following = f"{self.url}{path}?{urlencode({**query, 'page': str(int(page) + 1)})}"
            return answer, following


def _handler(replay: Replay) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def do_GET(self) -> None:
            parts = urlsplit(self.path)
            answer, following = replay.answer(parts.path, dict(parse_qsl(parts.query)), dict(self.headers))
            if answer.status == HANG_UP:
                self.close_connection = True
                return
            body = json.dumps(answer.body).encode() if not isinstance(answer.body, bytes) else answer.body
            self.send_response(answer.status)
            self.send_header("Content-Type", "application/json; charset=utf-8")
            self.send_header("Content-Length", str(len(body)))
            if following:
                self.send_header("Link", f'<{following}>; rel="next"')
            for name, value in answer.headers.items():
                self.send_header(name, value)
            self.end_headers()
            self.wfile.write(body)

        def date_time_string(self, timestamp: float | None = None) -> str:
            return SERVER_DATE

        def log_message(self, format: str, *args: Any) -> None:
            pass

    return Handler


@contextmanager
def serving(replay: Replay) -> Iterator[str]:
    """Serve `replay` on a free port of 127.0.0.1 from a thread; yields the API address."""
    server = ThreadingHTTPServer(("127.0.0.1", 0), _handler(replay))
    replay.url = f"http://127.0.0.1:{server.server_address[1]}"
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()
    try:
        yield replay.url
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)


# A recorded repository, built from the real samples: simonw/datasette as seen by the person `simonw`.
REPO = "/repos/simonw/datasette"
CLOCK = 1_800_000_000.0


def _pull(number: int, login: str, title: str, updated: str, merged: str | None, *, bot: bool = False) -> Any:
    original = real("pull_requests.json")[0]
    return derived(
        original, number=number, id=original["id"] + number, title=title, user=person(login, bot=bot),
        html_url=f"https://github.com/simonw/datasette/pull/{number}", updated_at=updated, merged_at=merged,
        url=f"https://api.github.com{REPO}/pulls/{number}", issue_url=f"https://api.github.com{REPO}/issues/{number}",
    )  # fmt: skip


def _issue(number: int, login: str, title: str, **changes: Any) -> Any:
    original = real("issues.json")[0]
    return derived(
        original, number=number, id=original["id"] + number, title=title, user=person(login),
        html_url=f"https://github.com/simonw/datasette/issues/{number}",
        url=f"https://api.github.com{REPO}/issues/{number}", **changes,
    )  # fmt: skip


def _comment(number: int, comment_id: int, login: str, body: str) -> Any:
    return derived(
        real("issue-comments.json")[0], id=comment_id, user=person(login), body=body,
        issue_url=f"https://api.github.com{REPO}/issues/{number}",
        html_url=f"https://github.com/simonw/datasette/issues/{number}#issuecomment-{comment_id}",
    )  # fmt: skip


def _review(review_id: int, login: str, state: str, body: str | None) -> Any:
    return derived(
        real("pull_request_review_submitted.payload.json")["review"], id=review_id, user=person(login),
        state=state, body=body, submitted_at="2019-09-05T09:00:00Z",
        pull_request_url=f"https://api.github.com{REPO}/pulls/573",
        html_url=f"https://github.com/simonw/datasette/pull/573#pullrequestreview-{review_id}",
    )  # fmt: skip


def record_datasette(replay: Replay) -> None:
    """The first sync: real pull request #571 and issue #572, around them work by others and bots,
    and GitHub rate-limiting, failing and hanging up once on the way."""
    bug = real("issues_opened.payload.json")["issue"]["labels"]
    rate_limited = Answer(
        {"message": "API rate limit exceeded"}, 403,
        {"X-RateLimit-Remaining": "0", "X-RateLimit-Reset": str(int(CLOCK) + 30)},
    )  # fmt: skip
    replay.record(
        f"{REPO}/pulls",
        rate_limited,
        [
            _pull(580, "dependabot[bot]", "Bump click from 7.0 to 7.1", "2019-09-06T08:00:00Z", None, bot=True),
            _pull(573, "octo-dev", "Add a --cors option", "2019-09-05T10:00:00Z", "2019-09-05T10:00:00Z"),
            real("pull_requests.json")[0],
        ],
    )
    old = _pull(100, "octo-dev", "An old change", "2018-01-02T00:00:00Z", "2018-01-02T00:00:00Z")
    replay.record(f"{REPO}/pulls", [old], page=2)
    replay.record(f"{REPO}/pulls", [old], page=3)  # never asked: page 2 already reached the window's start
    reviews = [_review(9001, "simonw", "APPROVED", "Looks good, thanks for the tests."),
               _review(9002, "octo-dev", "COMMENTED", "Replying to myself.")]  # fmt: skip
    replay.record(f"{REPO}/pulls/573/reviews", Answer({"message": "Server Error"}, 502), reviews)
    closed_bug = _issue(574, "octo-dev", "Crash on startup", labels=bug, state="closed", assignees=[],
                        closed_at="2019-09-07T12:00:00Z")  # fmt: skip
    asked = _issue(575, "asker", "Docs for --cors?", labels=[], assignees=[person("simonw")])
    issues = [real("issues.json")[0], real("issues.json")[1], closed_bug, asked]
    replay.record(f"{REPO}/issues", Answer(status=HANG_UP), issues)
    replay.record(f"{REPO}/issues/574", derived(closed_bug, closed_by=person("simonw")))
    replay.record(f"{REPO}/issues/576", _issue(576, "newcomer", "How do I install plugins?", labels=[]))
    replay.record(
        f"{REPO}/issues/comments",
        Answer({"message": "Slow down"}, 429, {"Retry-After": "7"}),
        [
            _comment(576, 777, "simonw", "Run `datasette install NAME`; the docs have a page on it."),
            _comment(574, 778, "octo-dev", "Thanks for the quick fix!"),
            _comment(574, 779, "simonw", "Fixed in 0.29.1."),
        ],
    )


def record_newer_datasette(replay: Replay) -> None:
    """The next sync: one new merged pull request, then older ones (where reading stops)."""
    replay.answers.clear()
    replay.seen.clear()
    newer = _pull(590, "simonw", "Faster facets", "2026-11-23T12:00:00Z", "2026-11-23T12:00:00Z")
    replay.record(f"{REPO}/pulls", [newer, real("pull_requests.json")[0]])
    replay.record(f"{REPO}/pulls", [real("pull_requests.json")[0]], page=2)
    replay.record(f"{REPO}/issues", [])
    replay.record(f"{REPO}/issues/comments", [])
