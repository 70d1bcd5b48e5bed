"""Talking to the GitHub REST API: pages through the Link header, patience with rate limits,
and retries when GitHub or the network stumbles."""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime
from typing import Any

import httpx

from upward.model.imports import ImportProblem

DEFAULT_API = "https://api.github.com"
TRIES = 5  # for answers that failed on GitHub's side (5xx) or never came (network)
RATE_WAITS = 3  # rate-limit pauses in a row before giving up
MAX_WAIT = 15 * 60.0  # seconds; a longer rate-limit pause ends the import with a plain message


class GitHubClient:
    """A small, patient client. `wait` and `clock` are injectable so tests never really sleep."""

    def __init__(
        self,
        api_url: str,
        token: str,
        *,
        wait: Callable[[float], None] = time.sleep,
        clock: Callable[[], float] = time.time,
        backoff: float = 1.0,
    ) -> None:
        self.api_url = api_url.rstrip("/")
        self.host = httpx.URL(self.api_url).host
        self.wait, self.clock, self.backoff = wait, clock, backoff
        self.http = httpx.Client(
            base_url=self.api_url + "/",
            headers={
                "Authorization": f"Bearer {token}",
                "Accept": "application/vnd.github+json",
                "X-GitHub-Api-Version": "2022-11-28",
                "User-Agent": "upward-importer",
            },
            timeout=httpx.Timeout(30.0),
        )
        #: The server's clock at the first answer since this was last cleared: where the next
        #: incremental sync starts, so it never depends on this machine's clock.
        self.first_answer_at: datetime | None = None

    def __enter__(self) -> GitHubClient:
        return self

    def __exit__(self, *exc: object) -> None:
        self.http.close()

    def pages(self, path: str, params: dict[str, Any] | None = None) -> Iterator[tuple[str, list[Any]]]:
        """Every page of a list answer, with the address it came from."""
        url: str | None = path
        while url is not None:
            response = self._get(url, params)
            data = _json(response)
            if not isinstance(data, list):
                raise ImportProblem(_where(response), "GitHub answered with something other than a list; try again")
            yield _where(response), data
            url, params = self._next(response), None

    def one(self, path: str) -> tuple[str, Any]:
        response = self._get(path, None)
        return _where(response), _json(response)

    def _next(self, response: httpx.Response) -> str | None:
        link = response.links.get("next", {}).get("url")
        if link is None:
            return None
        if httpx.URL(link).host != self.host:
            raise ImportProblem(_where(response), f"GitHub pointed the next page at another server ({link}); stopped")
        return link

    def _get(self, url: str, params: dict[str, Any] | None) -> httpx.Response:
        failures, rate_waits = 0, 0
        while True:
            try:
                response = self.http.get(url, params=params)
            except httpx.TransportError as error:
                failures += 1
                if failures >= TRIES:
                    raise ImportProblem(
                        self.api_url,
                        f"could not reach GitHub after {TRIES} tries ({error}); "
                        "check your connection and run the import again",
                    ) from None
                self.wait(self.backoff * 2 ** (failures - 1))
                continue
            self._note_time(response)
            if response.status_code >= 500:
                failures += 1
                if failures >= TRIES:
                    raise ImportProblem(
                        _where(response),
                        f"GitHub kept failing ({response.status_code}) after "
                        f"{TRIES} tries; it may be having trouble, so try again later",
                    )
                self.wait(self.backoff * 2 ** (failures - 1))
                continue
            delay = self._rate_limited(response)
            if delay is not None:
                rate_waits += 1
                self._check_wait(response, delay, rate_waits)
                self.wait(delay)
                continue
            if response.status_code >= 400:
                raise _refused(response)
            return response

    def _rate_limited(self, response: httpx.Response) -> float | None:
        """How long to pause when GitHub says to slow down, or None when it did not."""
        if response.status_code not in (403, 429):
            return None
        retry_after = response.headers.get("Retry-After", "")
        if retry_after.strip().isdigit():
            return float(retry_after)
        if response.headers.get("X-RateLimit-Remaining") == "0":
            reset = response.headers.get("X-RateLimit-Reset", "")
            if reset.strip().isdigit():
                return max(1.0, float(reset) - self.clock() + 1)
            return 60.0
        if response.status_code == 429 or "rate limit" in response.text.lower():
            return 60.0
        return None

    def _check_wait(self, response: httpx.Response, delay: float, waits: int) -> None:
        if delay > MAX_WAIT or waits > RATE_WAITS:
            until = datetime.fromtimestamp(self.clock() + delay).strftime("%H:%M")
            raise ImportProblem(
                _where(response),
                f"GitHub's rate limit for this token is used up until about "
                f"{until}; run the import again then (nothing was saved)",
            )

    def _note_time(self, response: httpx.Response) -> None:
        if self.first_answer_at is not None:
            return
        try:
            self.first_answer_at = parsedate_to_datetime(response.headers["Date"]).astimezone(UTC)
        except (KeyError, TypeError, ValueError):
            self.first_answer_at = datetime.fromtimestamp(self.clock(), UTC)


def _where(response: httpx.Response) -> str:
    """The address asked, without the query, to name in messages."""
    return str(response.request.url.copy_with(query=None))


def _json(response: httpx.Response) -> Any:
    try:
        return response.json()
    except ValueError:
        raise ImportProblem(_where(response), "GitHub's answer is not JSON; check --api-url and try again") from None


def _message(response: httpx.Response) -> str:
    try:
        data = response.json()
    except ValueError:
        return response.reason_phrase
    return str(data.get("message", response.reason_phrase)) if isinstance(data, dict) else response.reason_phrase


def _refused(response: httpx.Response) -> ImportProblem:
    said = _message(response)
    where = _where(response)
    if response.status_code == 401:
        return ImportProblem(
            where,
            f"GitHub did not accept the token ('{said}'); make a new one with `gh auth token` "
            "or at github.com/settings/tokens and give it with --token",
            field="token",
        )
    if response.status_code == 403:
        return ImportProblem(
            where,
            f"GitHub refused access ('{said}'); the token needs read access to this "
            "repository's pull requests and issues",
            field="token",
        )
    if response.status_code == 404:
        return ImportProblem(
            where,
            "GitHub found nothing here; check the --repo name (owner/name) and that the token can see the repository",
            field="repo",
        )
    return ImportProblem(where, f"GitHub refused the request ({response.status_code}: '{said}')")
