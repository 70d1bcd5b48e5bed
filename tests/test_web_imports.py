"""Importing from the web app: the /imports page (uploads, folders, options, past imports, undo) and its JSON
twin /api/v1/imports, on both databases."""

from __future__ import annotations

import html
import os
import re
import shutil
import subprocess
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient
from httpx import Response

from importing import row_counts
from test_web_pages import form_token, seen, serving
from upward.importers import ImportOption, ImportRequest, all_importers
from upward.importers import registry as importer_registry
from upward.model import EvidenceDraft, EvidenceFilter
from upward.model.imports import Ignored
from upward.services import Context
from upward.services import evidence as evidence_service
from upward.services.imports import list_runs, run_import
from upward.settings import Settings
from upward.web import import_uploads
from upward.web.import_uploads import safe_name

#: The example of docs/importers/csv.md, Upward's spreadsheet template.
TEMPLATE = """\
date,text,from,teams,minutes,metrics
2026-10-01,Ran the brand workshop,,marketing;sales,120,attendees: 12 -> 40
2026-10-03,Helped sales with the pitch deck,Lee,sales,45,
"""
TEMPLATE_TITLES = ["Helped sales with the pitch deck", "Ran the brand workshop"]
BAD_DATE = "date,text\n2026-10-01,Fine row\nsoon,Row with a bad date\n"
API_UPLOAD = {"X-Requested-With": "upward"}

Fields = dict[str, str | list[str]]
Files = list[tuple[str, bytes]]


@pytest.fixture
def client(settings: Settings) -> Iterator[TestClient]:
    yield from serving(settings)


@pytest.fixture
def template(tmp_path: Path) -> Path:
    path = tmp_path / "my work.csv"
    path.write_text(TEMPLATE, encoding="utf-8")
    return path


def multipart(fields: Fields, files: Files | None = None) -> list[tuple[str, Any]]:
    """A multipart body as a browser sends it: text fields first (in order), then one part per file."""
    parts: list[tuple[str, Any]] = []
    for name, value in fields.items():
        parts += [(name, (None, one)) for one in ([value] if isinstance(value, str) else value)]
    return parts + [("files", (name, content, "application/octet-stream")) for name, content in files or []]


def upload(client: TestClient, source: str, files: Files, fields: Fields | None = None, **kwargs: Any) -> Response:
    """Send the import form of the page, with its token."""
    token = form_token(client, "/imports")
    body = multipart({"csrf_token": token, "source": source} | (fields or {}), files)
    return client.post("/imports", files=body, **kwargs)


def titles(ctx: Context) -> list[str]:
    return sorted(item.title for item in evidence_service.listing(ctx, EvidenceFilter(per_page=500)).items)


def leftover_uploads(settings: Settings) -> list[Path]:
    root = settings.home / import_uploads.UPLOADS
    return sorted(root.rglob("*")) if root.exists() else []


def problems(response: Response) -> dict[str, str]:
    """A 422's problems, keyed by where they are: {"body.files": "..."}."""
    assert response.status_code == 422, response.text
    return {".".join(str(part) for part in error["loc"]): error["msg"] for error in response.json()["detail"]}


def registered(name: str) -> bool:
    return name in {importer.name for importer in all_importers()}


# The page: uploads


def test_uploading_the_template_stores_the_items_and_shows_the_summary(
    client: TestClient, ctx: Context, settings: Settings, template: Path
) -> None:
    answer = upload(client, "csv", [(template.name, template.read_bytes())], follow_redirects=False)
    assert answer.status_code == 303
    page = client.get(answer.headers["location"])
    assert "Imported from csv: 2 added; 0 updated; 0 already there." in seen(page)
    assert 'href="/evidence?source=csv"' in page.text
    assert titles(ctx) == TEMPLATE_TITLES
    (run,) = list_runs(ctx)
    assert run.items == 2 and "my work.csv" in seen(page), "past imports name the file as it was uploaded"
    assert leftover_uploads(settings) == [], "the uploaded file is gone once it is imported"


def test_uploading_the_same_file_again_adds_nothing(client: TestClient, ctx: Context, template: Path) -> None:
    upload(client, "csv", [(template.name, template.read_bytes())])
    again = upload(client, "csv", [(template.name, template.read_bytes())])
    assert "Imported from csv: 0 added; 0 updated; 2 already there." in seen(again)
    assert titles(ctx) == TEMPLATE_TITLES
    assert [run.items for run in list_runs(ctx)] == [0, 2]


def test_several_files_at_once_even_with_the_same_name(client: TestClient, ctx: Context) -> None:
    other = "date,text\n2026-10-09,Presented results to leadership\n"
    page = upload(client, "csv", [("work.csv", TEMPLATE.encode()), ("work.csv", other.encode())])
    assert "Imported from csv: 3 added" in seen(page)
    assert titles(ctx) == sorted([*TEMPLATE_TITLES, "Presented results to leadership"])
    assert client.get("/api/v1/imports").json()[0]["paths"] == ["work.csv", "work (2).csv"]


def test_a_bad_file_names_the_file_line_and_field_and_writes_nothing(
    client: TestClient, ctx: Context, settings: Settings
) -> None:
    page = upload(client, "csv", [("october.csv", BAD_DATE.encode())])
    assert page.status_code == 422
    said = seen(page)
    assert "Nothing was imported, and nothing in your record changed." in said
    assert "october.csv, line 3, field 'date': 'soon' is not a date" in said
    assert str(settings.home) not in said, "the person sees their own file name, not where Upward kept it"
    assert row_counts(ctx) == (0, 0) and leftover_uploads(settings) == []


def test_a_file_the_source_does_not_read_is_refused(client: TestClient, ctx: Context) -> None:
    page = upload(client, "csv", [("notes.txt", TEMPLATE.encode())])
    assert page.status_code == 422
    assert "notes.txt: the csv import reads .csv files; is this the right file?" in seen(page)
    assert row_counts(ctx) == (0, 0)


def test_importing_without_a_file_asks_for_one(client: TestClient, ctx: Context) -> None:
    page = upload(client, "csv", [])
    assert page.status_code == 422 and "Files: choose at least one: CSV files" in seen(page)
    browser_empty_input = upload(client, "csv", [("", b"")])
    assert browser_empty_input.status_code == 422 and row_counts(ctx) == (0, 0)


def test_a_file_name_is_only_ever_a_name(client: TestClient, ctx: Context, settings: Settings) -> None:
    page = upload(client, "csv", [("../../escape/..\\sneaky.csv", TEMPLATE.encode())])
    assert "Imported from csv: 2 added" in seen(page)
    assert not (settings.home / "escape").exists() and not (settings.home.parent / "escape").exists()
    (run,) = list_runs(ctx)
    assert Path(str(run.params["paths"][0])).name == "sneaky.csv"  # type: ignore[index]


@pytest.mark.parametrize(
    ("sent", "kept"),
    [
        ("work.csv", "work.csv"),
        ("C:\\Users\\sam\\Desktop\\Q4 work.csv", "Q4 work.csv"),
        ("../../etc/passwd", "passwd"),
        (".hidden.csv", "hidden.csv"),
        ("réunions d'équipe.ics", "réunions d'équipe.ics"),
        ("bad\x00name<>|?.csv", "bad_name____.csv"),
        ("..", "upload"),
        ("x" * 300 + ".csv", "x" * 96 + ".csv"),
    ],
)
def test_safe_names(sent: str, kept: str) -> None:
    assert safe_name(sent) == kept


def test_an_upload_over_the_limit_is_refused_with_a_clear_message(
    client: TestClient, ctx: Context, settings: Settings, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(import_uploads, "MAX_UPLOAD_BYTES", 1024 * 1024)
    big = TEMPLATE.encode() + b"2026-10-04,Filler,,,,\n" * 60_000
    page = upload(client, "csv", [("big.csv", big)])
    assert page.status_code == 413
    assert "These files come to more than 1 MB, the most the web page takes at once." in seen(page)
    assert "upward import SOURCE FILE" in seen(page)
    assert row_counts(ctx) == (0, 0) and leftover_uploads(settings) == []


# The page: sources, folders and options


def test_the_page_offers_every_source_with_its_label(client: TestClient) -> None:
    page = client.get("/imports")
    assert page.status_code == 200 and '<a href="/imports" aria-current="page">Import</a>' in page.text
    for importer in all_importers():
        assert f'<option value="{importer.name}"' in page.text
        assert f"{importer.name} — {importer.label}" in seen(page)
    assert 'id="import-files"' in page.text and 'accept=".csv"' in page.text, "csv is the first choice"


def test_choosing_a_source_with_htmx_swaps_only_the_form(client: TestClient) -> None:
    fragment = client.get("/imports?source=csv", headers={"HX-Request": "true"})
    assert fragment.text.startswith('<form id="import-form"') and "Past imports" not in fragment.text
    assert '<div id="import-messages" hx-swap-oob="true"></div>' in fragment.text, "what was said before goes"


def test_an_unknown_source_is_explained(client: TestClient) -> None:
    page = client.get("/imports?source=myspace")
    assert page.status_code == 422 and "There is no importer called 'myspace'" in seen(page)


def test_every_option_of_every_importer_has_a_field(client: TestClient) -> None:
    for importer in all_importers():
        page = client.get(f"/imports?source={importer.name}")
        for option in importer.options:
            kind = "checkbox" if option.type is bool else None
            field = re.search(rf'<input id="import-{option.name}" name="{option.name}" type="(\w+)"', page.text)
            assert field, f"{importer.name} --{option.name} has no field"
            assert kind is None or field[1] == kind
            assert option.help.rstrip(".") in html.unescape(page.text)


def test_the_slack_form_asks_who_you_are(client: TestClient) -> None:
    if not registered("slack"):
        pytest.skip("the slack importer is not installed")
    page = client.get("/imports?source=slack")
    assert '<input id="import-user" name="user" type="text"' in page.text and "User" in seen(page)
    assert 'accept=".zip"' in page.text


class Notes:
    """An importer added later, as a package would add it: one item a line, and a setting of each kind."""

    name = "notes"
    label = "Notes kept in text files"
    suffixes = (".txt",)
    paths_help = "text files, one note a line"
    needs_paths = True
    options = (
        ImportOption("project", "The project the notes belong to"),
        ImportOption("limit", "Read at most this many notes", type=int),
        ImportOption("tag", "A tag for every note", multiple=True),
        ImportOption("strict", "Stop at an empty line", type=bool),
        ImportOption("api_token", "A token, never stored"),
    )

    def __init__(self) -> None:
        self.seen: dict[str, Any] = {}

    def read(self, request: ImportRequest) -> Iterator[EvidenceDraft | Ignored]:
        self.seen = dict(request.options)
        for path in request.paths:
            for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
                when = datetime(2026, 10, number, 12)
                yield EvidenceDraft(title=line, occurred_at=when, source="notes", source_id=f"{path.name}:{number}")


@pytest.fixture
def notes(monkeypatch: pytest.MonkeyPatch) -> Notes:
    importer = Notes()
    importer_registry._load()
    monkeypatch.setitem(importer_registry._registry, importer.name, importer)
    return importer


def test_a_new_importer_gets_its_form_from_its_declarations(client: TestClient, ctx: Context, notes: Notes) -> None:
    form = client.get("/imports?source=notes").text
    assert '<input id="import-project" name="project" type="text"' in form
    assert '<input id="import-limit" name="limit" type="number"' in form
    assert '<input id="import-strict" name="strict" type="checkbox"' in form
    assert '<input id="import-api_token" name="api_token" type="password"' in form
    assert "A tag for every note. Separate several with commas." in form
    fields: Fields = {"project": "Q4 notes", "limit": "5", "tag": "ops, oncall", "strict": "on", "api_token": "s3cret"}
    page = upload(client, "notes", [("week.txt", b"Paired with Lee\nFixed the alert\n")], fields)
    assert "Imported from notes: 2 added" in seen(page)
    assert notes.seen == {"project": "Q4 notes", "limit": 5, "tag": ["ops", "oncall"], "strict": True,
                          "api_token": "s3cret"}  # fmt: skip
    assert list_runs(ctx)[0].params["options"]["api_token"] == "(not stored)"  # type: ignore[index]


def test_a_wrong_setting_is_named_and_what_was_typed_is_kept(client: TestClient, ctx: Context, notes: Notes) -> None:
    fields: Fields = {"project": "Q4 notes", "limit": "five", "api_token": "s3cret"}
    page = upload(client, "notes", [("week.txt", b"Paired with Lee\n")], fields)
    assert page.status_code == 422 and "Limit: should be a whole number, like 30" in seen(page)
    assert 'name="project" type="text" value="Q4 notes"' in page.text
    assert "s3cret" not in page.text, "a secret is never shown back"
    assert row_counts(ctx) == (0, 0)


@pytest.fixture
def repository(tmp_path: Path) -> Path:
    """A real git repository with one commit by sam@example.com."""
    if not registered("git"):
        pytest.skip("the git importer is not installed")
    if shutil.which("git") is None:
        pytest.skip("git is not installed")
    folder = tmp_path / "checkout"
    folder.mkdir()
    when = "2026-03-02T10:00:00+01:00"
    who = {f"GIT_{role}_{part}": value for role in ("AUTHOR", "COMMITTER")
           for part, value in (("NAME", "Sam Rivera"), ("EMAIL", "sam@example.com"), ("DATE", when))}  # fmt: skip
    env = os.environ | who | {"GIT_CONFIG_GLOBAL": os.devnull, "GIT_CONFIG_NOSYSTEM": "1"}
    (folder / "checkout.py").write_text("print('saved cards')\n", encoding="utf-8")
    for command in (["init", "--quiet"], ["add", "-A"], ["commit", "--quiet", "-m", "feat: saved cards at checkout"]):
        subprocess.run(["git", "-C", str(folder), *command], env=env, check=True, capture_output=True)
    return folder


def test_git_reads_the_folders_typed_in(client: TestClient, ctx: Context, repository: Path) -> None:
    page = client.get("/imports?source=git")
    assert 'id="import-paths" name="paths"' in page.text and 'id="import-files"' not in page.text
    assert '<input id="import-all_branches" name="all_branches" type="checkbox"' in page.text
    fields: Fields = {"paths": f"{repository}\n", "author": "sam@example.com", "all_branches": "on"}
    answer = upload(client, "git", [], fields)
    assert "Imported from git: 1 added" in seen(answer)
    (item,) = evidence_service.listing(ctx, EvidenceFilter()).items
    assert item.source == "git" and "saved cards at checkout" in item.title.lower()
    assert str(repository) in seen(answer), "past imports show the folder"
    again = upload(client, "git", [], fields)
    assert "Imported from git: 0 added" in seen(again) and len(titles(ctx)) == 1


def test_a_folder_that_is_not_there_is_explained(client: TestClient, ctx: Context, tmp_path: Path) -> None:
    if not registered("git"):
        pytest.skip("the git importer is not installed")
    missing = tmp_path / "nowhere"
    page = upload(client, "git", [], {"paths": str(missing)})
    assert page.status_code == 422 and f"{missing}: there is nothing here; check the path" in seen(page)
    assert row_counts(ctx) == (0, 0)


# The page: past imports and undo


def test_undo_removes_exactly_what_the_import_added(client: TestClient, ctx: Context) -> None:
    upload(client, "csv", [("first.csv", TEMPLATE.encode())])
    evidence_service.log(ctx, EvidenceDraft(title="Typed in by hand", occurred_at=datetime(2026, 10, 2, 12)))
    newer = TEMPLATE + "2026-10-09,Presented results to leadership,,,,\n"
    upload(client, "csv", [("second.csv", newer.encode())])
    first, second = sorted(list_runs(ctx), key=lambda run: run.id)
    page = client.get("/imports")
    assert f'action="/imports/{second.id}/undo"' in page.text and "onsubmit='return confirm(" in page.text
    assert "This removes the 1 item it added" in page.text
    answer = client.post(f"/imports/{second.id}/undo", data={"csrf_token": form_token(client, "/imports")})
    assert f"Undid import {second.id}: removed 1 item." in seen(answer)
    assert titles(ctx) == sorted([*TEMPLATE_TITLES, "Typed in by hand"])
    assert [run.id for run in list_runs(ctx)] == [first.id]
    missing = client.post(f"/imports/{second.id}/undo", data={"csrf_token": form_token(client, "/imports")})
    assert missing.status_code == 404 and f"There is no import {second.id}" in seen(missing)


def test_without_imports_the_list_says_so(client: TestClient) -> None:
    assert "No imports yet." in seen(client.get("/imports"))


# The page: what is refused


@pytest.mark.parametrize("token", [None, "forged"])
def test_an_upload_without_the_right_token_is_refused_and_keeps_nothing(
    client: TestClient, ctx: Context, settings: Settings, token: str | None
) -> None:
    form_token(client, "/imports")  # the browser has the cookie; the form lacks its token
    fields: Fields = {"source": "csv"} | ({"csrf_token": token} if token else {})
    answer = client.post("/imports", files=multipart(fields, [("work.csv", TEMPLATE.encode())]))
    assert answer.status_code == 403 and "This form has expired" in seen(answer)
    assert row_counts(ctx) == (0, 0) and leftover_uploads(settings) == []


def test_the_token_must_come_before_the_files(client: TestClient, ctx: Context, settings: Settings) -> None:
    token = form_token(client, "/imports")
    body = [("files", ("work.csv", TEMPLATE.encode(), "text/csv")), ("csrf_token", (None, token))]
    answer = client.post("/imports", files=[("source", (None, "csv")), *body])
    assert answer.status_code == 403 and row_counts(ctx) == (0, 0) and leftover_uploads(settings) == []
    in_header = client.post("/imports", files=[*body[:1], ("source", (None, "csv"))], headers={"X-CSRF-Token": token})
    assert "Imported from csv: 2 added" in seen(in_header)


def test_undo_without_the_token_is_refused(client: TestClient, ctx: Context, template: Path) -> None:
    run = run_import(ctx, "csv", [template])
    assert client.post(f"/imports/{run.id}/undo", data={}).status_code == 403
    assert client.post(f"/imports/{run.id}/undo", data={"csrf_token": "forged"}).status_code == 403
    assert len(titles(ctx)) == 2 and [r.id for r in list_runs(ctx)] == [run.id]


def test_an_upload_from_another_site_is_refused(client: TestClient, ctx: Context) -> None:
    token = form_token(client, "/imports")
    body = multipart({"csrf_token": token, "source": "csv"}, [("work.csv", TEMPLATE.encode())])
    answer = client.post("/imports", files=body, headers={"Origin": "https://evil.example"})
    assert answer.status_code == 403 and row_counts(ctx) == (0, 0)


def test_a_form_that_is_not_multipart_is_refused(client: TestClient) -> None:
    token = form_token(client, "/imports")
    answer = client.post("/imports", data={"csrf_token": token, "source": "git", "paths": "/tmp"})
    assert answer.status_code == 415 and "multipart/form-data" in seen(answer)


# The API


def api_upload(client: TestClient, source: str, files: Files, fields: Fields | None = None, **kwargs: Any) -> Response:
    headers = kwargs.pop("headers", API_UPLOAD)
    return client.post("/api/v1/imports", files=multipart({"source": source} | (fields or {}), files), headers=headers)


def test_the_api_imports_an_upload(client: TestClient, ctx: Context, settings: Settings, template: Path) -> None:
    answer = api_upload(client, "csv", [(template.name, template.read_bytes())])
    assert answer.status_code == 201, answer.text
    run = answer.json()
    assert (run["source"], run["items"], run["paths"], run["options"]) == ("csv", 2, ["my work.csv"], {})
    assert run["summary"] == {"added": 2, "updated": 0, "unchanged": 0, "kept_your_edits": 0, "ignored": {}}
    assert run["sentence"] == "2 added; 0 updated; 0 already there"
    assert titles(ctx) == TEMPLATE_TITLES and leftover_uploads(settings) == []
    assert client.get("/api/v1/imports").json() == [run]
    assert client.get(f"/api/v1/imports/{run['id']}").json() == run


def test_the_api_imports_folders_by_path(client: TestClient, ctx: Context, repository: Path) -> None:
    options = {"author": ["sam@example.com"], "all_branches": True}
    body = {"source": "git", "paths": [str(repository)], "options": options}
    answer = client.post("/api/v1/imports", json=body)
    assert answer.status_code == 201, answer.text
    run = answer.json()
    assert (run["items"], run["paths"]) == (1, [str(repository)])
    assert run["options"] == options
    assert evidence_service.listing(ctx, EvidenceFilter()).items[0].source == "git"


def test_the_api_reads_a_file_on_this_computer_by_path(client: TestClient, ctx: Context, template: Path) -> None:
    answer = client.post("/api/v1/imports", json={"source": "csv", "paths": [str(template)]})
    assert answer.status_code == 201 and answer.json()["paths"] == [str(template)]
    assert titles(ctx) == TEMPLATE_TITLES


def test_the_api_lists_the_importers_and_their_settings(client: TestClient) -> None:
    listed = {importer["name"]: importer for importer in client.get("/api/v1/importers").json()}
    assert set(listed) == {importer.name for importer in all_importers()}
    assert listed["csv"]["suffixes"] == [".csv"] and listed["csv"]["options"] == []
    if "git" in listed:
        branches = next(option for option in listed["git"]["options"] if option["name"] == "all_branches")
        assert (branches["type"], branches["multiple"]) == ("bool", False)


@pytest.mark.parametrize(
    ("body", "where", "words"),
    [
        ({"source": "myspace", "paths": ["x"]}, "body.source", "There is no importer called 'myspace'"),
        ({"source": "", "paths": ["x"]}, "body.source", "name the source to import from"),
        ({"paths": ["x"]}, "body.source", "Field required"),
        ({"source": "csv"}, "body.paths", "name at least one: CSV files"),
        ({"source": "csv", "paths": ["/no/such/file.csv"]}, "body.paths", "/no/such/file.csv: there is nothing here"),
        ({"source": "csv", "paths": ["x"], "options": {"user": "sam"}}, "body.options.user", "no setting called"),
        ({"source": "csv", "paths": ["x"], "option": {}}, "body.option", "Extra inputs are not permitted"),
        ({"source": "csv", "paths": "x.csv"}, "body.paths", "valid array"),
    ],
)
def test_a_wrong_json_import_names_the_field(
    client: TestClient, ctx: Context, body: dict[str, Any], where: str, words: str
) -> None:
    found = problems(client.post("/api/v1/imports", json=body))
    assert list(found) == [where] and words in found[where]
    assert row_counts(ctx) == (0, 0)


def test_a_wrong_setting_type_is_named(client: TestClient, ctx: Context, repository: Path) -> None:
    body = {"source": "git", "paths": [str(repository)], "options": {"all_branches": "maybe"}}
    found = problems(client.post("/api/v1/imports", json=body))
    assert found == {"body.options.all_branches": "answer yes or no (true or false)"}
    since = problems(client.post("/api/v1/imports", json=body | {"options": {"since": "last spring"}}))
    assert list(since) == ["body.options.since"] and "last spring" in since["body.options.since"]
    assert row_counts(ctx) == (0, 0)


def test_a_bad_upload_names_the_file_line_and_field(client: TestClient, ctx: Context, settings: Settings) -> None:
    found = problems(api_upload(client, "csv", [("october.csv", BAD_DATE.encode())]))
    assert list(found) == ["body.files"]
    assert found["body.files"].startswith("october.csv, line 3, field 'date': 'soon' is not a date")
    unknown = problems(api_upload(client, "csv", [("work.csv", TEMPLATE.encode())], {"usr": "sam"}))
    assert list(unknown) == ["body.usr"] and "the csv import has no setting called 'usr'" in unknown["body.usr"]
    assert row_counts(ctx) == (0, 0) and leftover_uploads(settings) == []


def test_a_json_body_that_is_not_json_is_named(client: TestClient) -> None:
    answer = client.post("/api/v1/imports", content=b"{not json", headers={"Content-Type": "application/json"})
    assert list(problems(answer)) == ["body"]


@pytest.mark.parametrize("content_type", ["text/plain", "application/x-www-form-urlencoded", ""])
def test_a_body_that_is_neither_json_nor_an_upload_is_refused(client: TestClient, content_type: str) -> None:
    answer = client.post("/api/v1/imports", content=b'{"source": "csv"}', headers={"Content-Type": content_type})
    assert answer.status_code == 415
    assert answer.json()["detail"] == "Send JSON (Content-Type: application/json), or files as multipart/form-data."


def test_an_api_upload_without_the_custom_header_is_refused(
    client: TestClient, ctx: Context, settings: Settings
) -> None:
    answer = api_upload(client, "csv", [("work.csv", TEMPLATE.encode())], headers={})
    assert answer.status_code == 403 and "X-Requested-With" in answer.json()["detail"]
    assert row_counts(ctx) == (0, 0) and leftover_uploads(settings) == []


def test_undo_through_the_api(client: TestClient, ctx: Context) -> None:
    kept = api_upload(client, "csv", [("first.csv", TEMPLATE.encode())]).json()
    newer = TEMPLATE + "2026-10-09,Presented results to leadership,,,,\n"
    undone = api_upload(client, "csv", [("second.csv", newer.encode())]).json()
    answer = client.delete(f"/api/v1/imports/{undone['id']}")
    assert answer.status_code == 200
    assert answer.json() == {"removed": 1, "run": undone}
    assert titles(ctx) == TEMPLATE_TITLES
    assert [run["id"] for run in client.get("/api/v1/imports").json()] == [kept["id"]]
    assert client.get(f"/api/v1/imports/{undone['id']}").status_code == 404
    assert client.delete(f"/api/v1/imports/{undone['id']}").status_code == 404
    assert "path.run_id" in problems(client.get("/api/v1/imports/0"))


def test_the_page_and_its_twin_show_the_same_imports(client: TestClient, template: Path) -> None:
    api_upload(client, "csv", [(template.name, template.read_bytes())])
    api_upload(client, "csv", [("again.csv", template.read_bytes())])
    page, twin = seen(client.get("/imports")), client.get("/api/v1/imports").json()
    for run in twin:
        assert f"{run['source']} {run['items']} {run['sentence']} {run['paths'][0]}" in page


def test_the_openapi_document_describes_both_ways_to_post(client: TestClient) -> None:
    document = client.get("/api/v1/openapi.json").json()
    assert {"/api/v1/imports", "/api/v1/imports/{run_id}", "/api/v1/importers"} <= set(document["paths"])
    post = document["paths"]["/api/v1/imports"]["post"]
    assert set(post["requestBody"]["content"]) == {"application/json", "multipart/form-data"}
    assert set(document["paths"]["/api/v1/imports/{run_id}"]) == {"get", "delete"}
    assert "/imports" not in document["paths"]


def test_the_site_checks_apply_to_the_api_too(client: TestClient, ctx: Context) -> None:
    foreign = {"Origin": "https://evil.example"} | API_UPLOAD
    assert api_upload(client, "csv", [("work.csv", TEMPLATE.encode())], headers=foreign).status_code == 403
    assert client.get("/api/v1/imports", headers={"Host": "evil.example"}).status_code == 400
    assert row_counts(ctx) == (0, 0)


def test_a_wrong_setting_is_told_by_its_label(client: TestClient, ctx: Context, repository: Path) -> None:
    page = upload(client, "git", [], {"paths": str(repository), "since": "last spring"})
    assert page.status_code == 422 and "Since: 'last spring'" in seen(page)
    assert 'name="since" type="text" value="last spring"' in page.text and str(repository) in page.text
    assert row_counts(ctx) == (0, 0)
