"""Every import: one transaction, idempotent, listed, undoable; the generic CSV template importer."""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import datetime
from pathlib import Path

import pytest
import sqlalchemy as sa
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import Cli
from importing import import_is_all_or_nothing, mutated, row_counts
from upward.importers import all_importers, get_importer
from upward.model import EvidenceDraft, EvidenceFilter, EvidencePatch, InputError, Kind, Metric, UpwardError
from upward.model.imports import ImportProblem
from upward.services import Context
from upward.services import evidence as evidence_service
from upward.services.imports import list_runs, run_import, undo
from upward.store import evidence_repo
from upward.store.tables import evidence

SHEET = "\n".join(
    [
        "date,text,kind,from,teams,minutes,metrics,project,tags,details",
        "2026-10-01,Ran the brand workshop,presentation,,marketing;sales,120,attendees: 12 -> 40,rebrand,workshop,"
        + '"Notes, with a comma"',
        "2026-10-03,Helped sales with the pitch deck,,Lee,sales,45,,,,",
        "2026-10-07,Wrote the campaign brief,documentation,,marketing,90,,rebrand,,",
        "",
    ]
)


def write(tmp_path: Path, text: str, name: str = "work.csv") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def titles(ctx: Context) -> list[str]:
    return sorted(item.title for item in evidence_service.listing(ctx, EvidenceFilter(per_page=500)).items)


def test_a_spreadsheet_becomes_evidence_with_every_column(ctx: Context, tmp_path: Path) -> None:
    run = run_import(ctx, "csv", [write(tmp_path, SHEET)])
    assert (run.summary.added, run.items) == (3, 3)
    workshop = evidence_service.listing(ctx, EvidenceFilter(text="workshop")).items[0]
    assert (workshop.kind, workshop.teams, workshop.minutes, workshop.project) == (
        Kind.PRESENTATION, ("marketing", "sales"), 120, "rebrand"
    )  # fmt: skip
    assert str(workshop.metrics[0]) == "attendees: 12 -> 40" and workshop.body == "Notes, with a comma"
    assert workshop.source == "csv" and workshop.import_run_id == run.id
    assert workshop.occurred_at == datetime(2026, 10, 1, 12)
    deck = evidence_service.listing(ctx, EvidenceFilter(text="deck")).items[0]
    assert (deck.kind, deck.requester) == (Kind.REQUEST, "Lee")


def test_importing_again_adds_nothing_and_a_newer_export_adds_only_what_is_new(ctx: Context, tmp_path: Path) -> None:
    run_import(ctx, "csv", [write(tmp_path, SHEET)])
    again = run_import(ctx, "csv", [write(tmp_path, SHEET)])
    assert (again.summary.added, again.summary.unchanged, again.items) == (0, 3, 0)
    newer = SHEET + "2026-10-09,Presented results to the leadership team,presentation,,leadership,30,,,,\n"
    third = run_import(ctx, "csv", [write(tmp_path, newer, "newer.csv")])
    assert (third.summary.added, third.summary.unchanged) == (1, 3)
    assert len(titles(ctx)) == 4


def test_a_changed_row_is_updated_but_a_persons_edit_is_kept(ctx: Context, tmp_path: Path) -> None:
    with_ids = "id,date,text,minutes\nw1,2026-10-01,Brand workshop,60\nw2,2026-10-02,Campaign brief,30\n"
    run_import(ctx, "csv", [write(tmp_path, with_ids)])
    brief = evidence_service.listing(ctx, EvidenceFilter(text="brief")).items[0]
    evidence_service.edit(ctx, brief.id, EvidencePatch(kind=Kind.STRATEGY))
    changed = with_ids.replace(",60", ",90").replace(",30", ",45")
    run = run_import(ctx, "csv", [write(tmp_path, changed)])
    assert (run.summary.updated, run.summary.kept_your_edits) == (1, 1)
    assert evidence_service.listing(ctx, EvidenceFilter(text="workshop")).items[0].minutes == 90
    kept = evidence_service.get(ctx, brief.id)
    assert (kept.kind, kept.minutes) == (Kind.STRATEGY, 30)


def test_undo_removes_exactly_what_the_run_added(ctx: Context, tmp_path: Path) -> None:
    evidence_service.log(ctx, EvidenceDraft(title="Logged by hand", occurred_at=datetime(2026, 10, 2)))
    first = run_import(ctx, "csv", [write(tmp_path, SHEET)])
    newer = SHEET + "2026-10-09,Presented to leadership,presentation,,,,,,,\n"
    second = run_import(ctx, "csv", [write(tmp_path, newer, "newer.csv")])
    assert [run.id for run in list_runs(ctx)] == [second.id, first.id]
    undone = undo(ctx, second.id)
    assert undone.items == 1
    assert "Presented to leadership" not in titles(ctx) and len(titles(ctx)) == 4
    undo(ctx, first.id)
    assert titles(ctx) == ["Logged by hand"]
    assert list_runs(ctx) == []
    with pytest.raises(UpwardError, match="There is no import"):
        undo(ctx, first.id)


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("", "the file is empty"),
        ("date,text,mood\n2026-01-01,x,happy\n", "line 1, field 'mood': 'mood' is not a column Upward knows"),
        ("date,kind\n2026-01-01,delivery\n", "line 1: the first row needs a 'text' column"),
        ('date,text\n2026-01-01,"broken quote\n2026-01-02,fine\n', "not readable CSV"),
        ("date,text\n2026-01-01,fine\n2026-02-30,bad day\n", "line 3, field 'date': '2026-02-30' is not a date"),
        ("date,text\n2026-01-01,fine\n,no date\n", "line 3, field 'date': is empty"),
        ("date,text,minutes\n2026-01-01,fine,lots\n", "line 2, field 'minutes': 'lots' is not a number"),
        ("date,text,kind\n2026-01-01,fine,heroics\n", "line 2, field 'kind': 'heroics' is not a kind"),
        ("date,text\n2026-01-01,fine,extra\n", "line 2: has 3 cells, the header has 2"),
    ],
)
def test_a_bad_file_is_named_explained_and_nothing_is_written(
    ctx: Context, tmp_path: Path, content: str, message: str
) -> None:
    path = write(tmp_path, content)
    with pytest.raises(ImportProblem) as caught:
        run_import(ctx, "csv", [path])
    assert str(caught.value).startswith(str(path))
    assert message in str(caught.value)
    assert row_counts(ctx) == (0, 0)


def test_the_wrong_kind_of_file_is_refused(ctx: Context, tmp_path: Path) -> None:
    binary = tmp_path / "photo.csv"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    with pytest.raises(ImportProblem, match="not a text file"):
        run_import(ctx, "csv", [binary])
    with pytest.raises(ImportProblem, match="there is nothing here"):
        run_import(ctx, "csv", [tmp_path / "missing.csv"])
    with pytest.raises(UpwardError, match="no importer called 'myspace'"):
        run_import(ctx, "myspace", [binary])


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(content=mutated(SHEET.encode()))
def test_a_damaged_spreadsheet_never_half_imports(ctx: Context, tmp_path: Path, content: bytes) -> None:
    import_is_all_or_nothing(ctx, "csv", tmp_path / "damaged.csv", content)


def test_the_cli_imports_lists_and_undoes(cli: Cli, tmp_path: Path) -> None:
    path = write(tmp_path, SHEET)
    result = cli("import", "csv", str(path))
    assert result.exit_code == 0, result.output
    assert "Import 1 (csv): 3 added; 0 updated; 0 already there." in result.output
    assert "0 added; 0 updated; 3 already there" in cli("import", "csv", str(path)).output
    listing = cli("imports", "list").output
    assert "csv" in listing and str(path) in listing
    assert "removed 3 items" in cli("imports", "undo", "1").output
    assert "Nothing matches" in cli("evidence", "list").output


def test_the_cli_reports_a_bad_file_in_one_line(cli: Cli, tmp_path: Path) -> None:
    path = write(tmp_path, "date,text\n2026-13-01,bad\n")
    result = cli("import", "csv", str(path))
    assert result.exit_code == 2
    assert (
        result.stderr.strip()
        == f"upward: {path}, line 2, field 'date': '2026-13-01' is not a date; use YYYY-MM-DD, for example 2026-11-02"
    )


def test_every_importer_declares_what_the_surfaces_need() -> None:
    for importer in all_importers():
        assert importer.name and importer.label and importer.paths_help
        assert get_importer(importer.name) is importer
        for option in importer.options:
            assert option.name.isidentifier() and option.help


def test_secrets_given_as_options_are_never_stored(ctx: Context, tmp_path: Path) -> None:
    run = run_import(ctx, "csv", [write(tmp_path, SHEET)], {"token": "ghp_secret", "since": "2026-01-01"})
    assert run.params["options"] == {"token": "(not stored)", "since": "2026-01-01"}
    assert "ghp_secret" not in str(list_runs(ctx))


def test_an_item_repeated_in_one_file_is_stored_once_and_stays_stable(ctx: Context, tmp_path: Path) -> None:
    twice = "date,text,details\n2026-10-01,Brand workshop,first notes\n2026-10-01,Brand workshop,other notes\n"
    first = run_import(ctx, "csv", [write(tmp_path, twice)])
    assert (first.summary.added, first.summary.ignored["repeated within this import"]) == (1, 1)
    again = run_import(ctx, "csv", [write(tmp_path, twice)])
    assert (again.summary.added, again.summary.updated, again.summary.unchanged) == (0, 0, 1)
    assert evidence_service.listing(ctx, EvidenceFilter()).items[0].body == "first notes"


def test_a_source_that_needs_no_files_runs_without_paths_and_others_ask_for_them(cli: Cli) -> None:
    from upward.importers import register
    from upward.importers.base import ImportOption, ImportRequest

    class Sync:
        name, label, suffixes, paths_help, needs_paths = "test-sync", "A test sync", (), "nothing", False
        options = (ImportOption("team", "A team"),)

        def read(self, request: ImportRequest):  # type: ignore[no-untyped-def]
            yield EvidenceDraft(title=f"Synced for {request.options['team']}", occurred_at=datetime(2026, 1, 1),
                                source="test-sync", source_id="1")  # fmt: skip

    from upward.cli.imports import command_for, import_app
    from upward.importers import registry

    register(Sync())
    import_app.command("test-sync")(command_for(Sync()))
    try:
        result = cli("import", "test-sync", "--team", "web")
    finally:
        import_app.registered_commands.pop()
        registry._registry.pop("test-sync")
    assert result.exit_code == 0, result.output
    assert "1 added" in result.output
    missing = cli("import", "csv")
    assert missing.exit_code == 2 and "Missing argument 'PATH'" in missing.stderr


def test_odd_ids_are_found_again_so_importing_twice_changes_nothing(ctx: Context, tmp_path: Path) -> None:
    odd = ['q"uote', "back\\slash", "é-ünïcode", "com,ma", "[1]", "null", " spaced ", "𝔘-7"]
    rows = [f'"{key.replace(chr(34), chr(34) * 2)}",2026-10-{day:02d},Task {day}' for day, key in enumerate(odd, 1)]
    path = write(tmp_path, "\n".join(["id,date,text", *rows, ""]))
    first = run_import(ctx, "csv", [path])
    again = run_import(ctx, "csv", [path])
    assert (first.summary.added, again.summary.added, again.summary.updated, again.summary.unchanged) == (8, 0, 0, 8)


def _stored_columns(ctx: Context) -> dict[str, tuple[object, ...]]:
    """Every stored column but the id and the times of writing, as the database holds it, by title."""
    skipped = {"id", "source_id", "created_at", "updated_at"}
    columns = [c for c in evidence.c if c.name not in skipped]
    with ctx.transaction() as conn:
        rows = conn.execute(sa.select(*(sa.type_coerce(c, sa.String) for c in columns))).all()
    return {str(row[columns.index(evidence.c.title)]): tuple(row) for row in rows}


DRAFTS = [
    EvidenceDraft(title="Plain", occurred_at=datetime(2026, 10, 1, 9, 30)),
    EvidenceDraft(
        title="Everything «set»", occurred_at=datetime(2026, 10, 2, 14, 5, 7, 123456), kind=Kind.INCIDENT,
        body="Line one\nLine \"two\" — ünïcode", url="https://example.com/a?b=c", requester="Ada Lovelace",
        teams=("payments", "api"), people=("Grace Hopper", "Linus T"), minutes=90, project="Checkout",
        metrics=(Metric(name="latency", before="4s", after="1.2s"), Metric(name="users", after="120k")),
        tags=("urgent", "q3"),
    ),
]  # fmt: skip


def test_storing_many_at_once_stores_exactly_what_storing_one_does(ctx: Context) -> None:
    with ctx.transaction() as conn:
        for draft in DRAFTS:
            evidence_repo.add(conn, ctx.owner_id, replace(draft, source="one", source_id=draft.title))
    one_by_one = _stored_columns(ctx)
    with ctx.transaction() as conn:
        conn.execute(sa.delete(evidence))
        many = [replace(draft, source="one", source_id=draft.title) for draft in DRAFTS]
        evidence_repo.add_many(conn, ctx.owner_id, many)
    assert _stored_columns(ctx) == one_by_one
    found = evidence_service.listing(ctx, EvidenceFilter(text="ünïcode", team="api")).items
    assert [item.title for item in found] == ["Everything «set»"]


_PIECES = ["a", "B", "é", " ", "\t", "\n", "\x00", "\ud800", ",", "x" * 120]
_MESSY = st.lists(st.sampled_from(_PIECES), max_size=8).map("".join)


def _validated_the_plain_way(draft: EvidenceDraft) -> EvidenceDraft:
    """What `EvidenceDraft.validated` did before it was made faster, written out in full."""
    unstorable = re.compile(r"[\x00\ud800-\udfff]")

    def text(value: str | None, field: str, limit: int = 200, required: bool = False) -> str:
        cleaned = " ".join(unstorable.sub("", value or "").split())
        if (required and not cleaned) or len(cleaned) > limit:
            raise InputError(field, "refused")
        return cleaned

    def entries(values: tuple[str, ...], lower: bool) -> tuple[str, ...]:
        kept = [" ".join(unstorable.sub("", value).split()) for value in values]
        return tuple(dict.fromkeys(entry.lower() if lower else entry for entry in kept if entry))

    title = text(draft.title, "text", 500, required=True)
    if draft.minutes is not None and not 0 <= draft.minutes <= 24 * 60 * 14:
        raise InputError("minutes", "out of range")
    return replace(
        draft, title=title, body=unstorable.sub("", draft.body).strip(),
        requester=text(draft.requester, "from") or None, project=text(draft.project, "project") or None,
        url=text(draft.url, "url") or None,
        teams=entries(draft.teams, True), people=entries(draft.people, False), tags=entries(draft.tags, True),
    )  # fmt: skip


@settings(max_examples=300, deadline=None)
@given(
    title=_MESSY, body=_MESSY, requester=st.none() | _MESSY, project=st.none() | _MESSY,
    lists=st.tuples(*[st.lists(_MESSY, max_size=4).map(tuple)] * 3), minutes=st.none() | st.integers(-5, 30_000),
)  # fmt: skip
def test_validating_a_draft_gives_what_the_plain_rules_give(
    title: str, body: str, requester: str | None, project: str | None,
    lists: tuple[tuple[str, ...], ...], minutes: int | None,
) -> None:  # fmt: skip
    teams, people, tags = lists
    draft = EvidenceDraft(title=title, occurred_at=datetime(2026, 1, 1), body=body, requester=requester,
                          project=project, teams=teams, people=people, tags=tags, minutes=minutes)  # fmt: skip
    for attempt in (draft, replace(draft, teams=list(teams))):  # type: ignore[arg-type]
        try:
            expected: EvidenceDraft | str = _validated_the_plain_way(attempt)
        except InputError as error:
            expected = error.field
        try:
            got: EvidenceDraft | str = attempt.validated()
        except InputError as error:
            got = error.field
        assert got == expected
