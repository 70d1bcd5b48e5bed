"""What the git importer asks a repository before reading its history: where it is, who the person is
there, which commits to start from, who owns the code, and where its commits can be seen online."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from pathlib import Path

from upward.importers._git_run import run_git
from upward.model.imports import ImportProblem

#: Where GitHub and GitLab look for CODEOWNERS; the first one found is the one that counts.
CODEOWNERS_PLACES = (".github/CODEOWNERS", "CODEOWNERS", "docs/CODEOWNERS", ".gitlab/CODEOWNERS")
_EMAIL = re.compile(r"^[^@\s<>]+@[^@\s<>]+$")
_SCP = re.compile(r"^(?:[^@/]+@)?(?P<host>[^:/]+):(?P<path>[^/].*)$")
_URL = re.compile(r"^(?P<scheme>[a-z+]+)://(?:[^@/]+@)?(?P<host>[^:/]+)(?::(?P<port>\d+))?/(?P<path>.+)$")


@dataclass(frozen=True)
class Repository:
    path: Path  # as the person named it
    root: Path  # the work tree (or the git folder of a bare repository)
    name: str  # the project its commits belong to

    @property
    def key(self) -> str:
        """How the next run recognises this repository in the state it left."""
        return str(self.root)


def locate(path: Path) -> Repository:
    """The repository a folder belongs to (the folder itself, a folder inside it, its .git, or a bare one)."""
    if not path.exists():
        raise ImportProblem(path, "there is nothing here; check the path")
    if not path.is_dir():
        raise ImportProblem(path, "this is a file; name the folder of a git repository (the one holding .git)")
    asked = ("rev-parse", "--is-bare-repository", "--is-inside-git-dir", "--absolute-git-dir", "--show-cdup")
    code, out, problem = run_git(path, *asked)
    if code != 0:
        raise ImportProblem(path, _unreadable(path, problem))
    bare, inside_git_dir, git_dir, *cdup = out.decode("utf-8", "replace").splitlines()
    if bare == "true":
        root = Path(git_dir)
        return Repository(path=path, root=root, name=root.name.removesuffix(".git") or root.name)
    if inside_git_dir == "true":
        if Path(git_dir).name == ".git":
            return replace(locate(Path(git_dir).parent), path=path)
        raise ImportProblem(path, "this is git's own folder inside a repository; name the repository's folder")
    root = (path / (cdup[0] if cdup else "")).resolve()
    return Repository(path=path, root=root, name=root.name)


def _unreadable(path: Path, problem: str) -> str:
    if "not a git repository" in problem:
        return "this is not a git repository; name the folder you cloned (the one holding .git)"
    if "dubious ownership" in problem:
        return (
            "git won't read this repository because another user owns it; if you trust it, run "
            f"`git config --global --add safe.directory {path.resolve()}` and import again"
        )
    return f"git could not open this repository: {problem}"


def config(repo: Repository) -> dict[str, list[str]]:
    """The person's email and the remotes' addresses, from git's own config (global and local)."""
    code, out, problem = run_git(repo.root, "config", "-z", "--get-regexp", r"^(user\.email|remote\..*\.url)$")
    if code not in (0, 1):  # 1: none of them is set
        raise ImportProblem(repo.path, f"git could not read this repository's settings: {problem}")
    values: dict[str, list[str]] = {}
    for entry in out.decode("utf-8", "replace").split("\0"):
        key, _, value = entry.partition("\n")
        if key:
            values.setdefault(key, []).append(value.strip())
    return values


@dataclass(frozen=True)
class Identity:
    """The person in one repository: every address that picks their commits, and what `.mailmap` maps them to."""

    emails: tuple[str, ...]
    canonical: tuple[str, ...]


def identities(repo: Repository, given: list[str], settings: dict[str, list[str]]) -> Identity:
    """The person's email addresses, with the ones `.mailmap` says they stand for."""
    emails = [email.strip().lower() for email in given if email.strip()]
    for email in emails:
        if not _EMAIL.match(email):
            raise ImportProblem("--author", f"'{email}' is not an email address; write it like you@example.com")
    if not emails:
        configured = (settings.get("user.email") or [""])[-1].strip().lower()
        if not _EMAIL.match(configured):
            raise ImportProblem(
                repo.path,
                "Upward can't tell which commits are yours: this repository has no user.email set. "
                "Name your address with --author you@example.com (once for each address you have used), "
                "or set it with `git config user.email you@example.com`",
                field="--author",
            )
        emails = [configured]
    canonical = sorted(set(_mapped(repo, emails) or emails))
    return Identity(emails=tuple(sorted({*emails, *canonical})), canonical=tuple(canonical))


def _mapped(repo: Repository, emails: list[str]) -> list[str]:
    """Each address as `.mailmap` maps it (itself when it maps nothing); empty if git can't say."""
    code, out, _ = run_git(repo.root, "check-mailmap", *(f"<{email}>" for email in emails))
    if code != 0:
        return []
    mapped = re.findall(r"<([^<>]*)>\s*$", out.decode("utf-8", "replace"), re.MULTILINE)
    return [email.strip().lower() for email in mapped if _EMAIL.match(email.strip())]


def tips(repo: Repository, all_branches: bool) -> tuple[str, ...]:
    """The commits to read back from: what is checked out, and with `all_branches` (or when nothing is checked
    out, as in a bare repository whose HEAD names a branch that doesn't exist) every branch too."""
    code, out, _ = run_git(repo.root, "rev-parse", "--verify", "--quiet", "HEAD^{commit}")
    found = [out.decode().strip()] if code == 0 else []
    if all_branches or not found:
        code, out, problem = run_git(
            repo.root, "for-each-ref", "--format=%(objectname) %(objecttype)", "refs/heads", "refs/remotes"
        )
        if code != 0:
            raise ImportProblem(repo.path, f"git could not list this repository's branches: {problem}")
        for line in out.decode().splitlines():
            name, _, kind = line.partition(" ")
            if kind == "commit":
                found.append(name)
    return tuple(dict.fromkeys(found))


def codeowners(repo: Repository, tip: str) -> str | None:
    """The text of the CODEOWNERS file at `tip`, wherever GitHub or GitLab would look for it."""
    asked = "".join(f"{tip}:{place}\n" for place in CODEOWNERS_PLACES).encode()
    code, out, problem = run_git(repo.root, "cat-file", "--batch", stdin=asked)
    if code != 0:
        raise ImportProblem(repo.path, f"git could not read the CODEOWNERS file: {problem}")
    for _ in CODEOWNERS_PLACES:
        header, _, out = out.partition(b"\n")
        parts = header.split()
        if len(parts) != 3 or not parts[2].isdigit():
            continue  # "<name> missing" (or ambiguous): nothing was printed after the header
        size = int(parts[2])
        content, out = out[:size], out[size + 1 :]
        if parts[1] == b"blob":
            return content.decode("utf-8", "replace")
    return None


def commit_link(settings: dict[str, list[str]]) -> str | None:
    """The web address commits have on GitHub or GitLab (`origin` first), without any credentials."""
    remotes = {key: values[-1] for key, values in settings.items() if key.startswith("remote.")}
    ordered = [remotes.pop("remote.origin.url")] if "remote.origin.url" in remotes else []
    for url in [*ordered, *sorted(remotes.values())]:
        link = _web_link(url)
        if link:
            return link
    return None


def _web_link(url: str) -> str | None:
    match = _URL.match(url.strip()) or _SCP.match(url.strip())
    if not match:
        return None
    host = match["host"].lower()
    scheme = match.groupdict().get("scheme") or "ssh"
    path = match["path"].strip("/").removesuffix(".git").strip("/")
    port = match.groupdict().get("port")
    if scheme in ("http", "https"):
        base = f"{scheme}://{host}{f':{port}' if port else ''}/{path}"
    else:
        base = f"https://{host.removeprefix('ssh.')}/{path}"
    if "github" in host and path.count("/") == 1:
        return f"{base}/commit/"
    if "gitlab" in host and "/" in path:
        return f"{base}/-/commit/"
    return None
