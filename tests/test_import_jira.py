"""The Jira importer: real Jira Cloud and Jira Server exports, other languages, epics, and every bad file."""

from __future__ import annotations

import csv
from collections import Counter
from collections.abc import Sequence
from datetime import date, datetime
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import REAL_DATA, Cli
from importing import import_is_all_or_nothing, mutated, row_counts
from upward.importers import ImportRequest, get_importer
from upward.importers._jira_dates import parse_jira_date, read_any_date
from upward.model import Evidence, EvidenceDraft, EvidenceFilter, EvidencePatch, Kind, Profile
from upward.model.imports import Ignored, ImportProblem
from upward.services import Context
from upward.services import evidence as evidence_service
from upward.services.imports import run_import
from upward.services.profile import save_profile

CLOUD = REAL_DATA / "jira/ericmedlock-planeso/Jira.csv"
SERVER = REAL_DATA / "duplicates/gitbugs/hadoop_hadoop_bugs.csv"
SAICHARAN = "5fe07a7dd3649601392ba191"

#: A Jira Cloud header with the columns the tests below vary (repeated ones included).
HEADER = [
    "Summary", "Issue key", "Issue id", "Issue Type", "Status", "Project name", "Priority", "Resolution",
    "Assignee", "Assignee Id", "Reporter", "Reporter Id", "Created", "Updated", "Resolved", "Description",
    "Labels", "Labels", "Labels", "Component/s", "Component/s", "Sprint", "Sprint", "Watchers", "Watchers",
    "Watchers Id", "Watchers Id", "Time Spent", "Parent", "Parent summary", "Comment", "Comment",
]  # fmt: skip


def row(**cells: str | Sequence[str]) -> list[str]:
    """A row under HEADER: give a cell by its column name (lists fill a repeated column in order)."""
    values = {
        "Summary": "Fix the checkout timeout", "Issue key": "PAY-1", "Issue id": "10001", "Issue Type": "Task",
        "Status": "Done", "Project name": "Payments", "Priority": "Medium", "Resolution": "Done",
        "Assignee": "Ada Lovelace", "Assignee Id": "a" * 24, "Reporter": "Grace Hopper", "Reporter Id": "b" * 24,
        "Created": "01/Sep/25 9:00 AM", "Updated": "03/Sep/25 4:30 PM", "Resolved": "03/Sep/25 4:30 PM",
    } | cells  # fmt: skip
    out: list[str] = []
    used = Counter[str]()
    for name in HEADER:
        value = values.get(name, "")
        if isinstance(value, str):
            out.append(value)
        else:
            out.append(value[used[name]] if used[name] < len(value) else "")
        used[name] += 1
    return out


def write(tmp_path: Path, rows: list[list[str]], header: list[str] = HEADER, name: str = "jira.csv") -> Path:
    path = tmp_path / name
    with path.open("w", encoding="utf-8", newline="") as stream:
        csv.writer(stream).writerows([header, *rows])
    return path


def items(ctx: Context) -> dict[str, Evidence]:
    return {e.source_id or "": e for e in evidence_service.listing(ctx, EvidenceFilter(per_page=500)).items}


def read(path: Path, **options: object) -> tuple[dict[str, EvidenceDraft], Counter[str]]:
    """What the importer yields, without a database: drafts by key, and the reasons for what it set aside."""
    drafts: dict[str, EvidenceDraft] = {}
    ignored = Counter[str]()
    for record in get_importer("jira").read(ImportRequest(paths=(path,), options=dict(options))):
        if isinstance(record, Ignored):
            ignored[record.reason] += 1
        else:
            drafts[record.source_id or ""] = record
    return drafts, ignored


def test_a_real_jira_cloud_export_becomes_evidence(ctx: Context) -> None:
    run = run_import(ctx, "jira", [CLOUD], {"site": "https://ericmedlock.atlassian.net/"})
    assert (run.summary.added, run.items, dict(run.summary.ignored)) == (22, 22, {})
    stored = items(ctx)
    diagram = stored["TES-19"]
    assert (diagram.title, diagram.kind, diagram.occurred_at) == (
        "Create a Network Architecture diagram for TAG", Kind.DELIVERY, datetime(2025, 9, 12, 9, 5)
    )  # fmt: skip
    assert (diagram.requester, diagram.teams, diagram.people, diagram.tags) == (
        "Sai Sontineni", ("testautogen",), ("Sai Sontineni",), ()
    )  # fmt: skip
    assert diagram.body == "TES-19 · Task · Done · Medium priority · sprint TES Sprint 1"
    assert diagram.url == "https://ericmedlock.atlassian.net/browse/TES-19"
    unassigned = stored["TES-25"]  # nobody assigned, still to do: dated by its last update, tagged unfinished
    assert (unassigned.occurred_at, unassigned.tags, unassigned.requester) == (
        datetime(2025, 9, 22, 9, 26), ("unfinished",), "Eric Medlock"
    )  # fmt: skip
    assert stored["TES-4"].occurred_at == datetime(2025, 8, 22, 9, 5)  # resolved, not updated (9:15)


def test_only_your_issues_with_me_and_your_profile_is_never_your_own_requester(ctx: Context) -> None:
    save_profile(ctx, Profile(name="Sai Sontineni", role="Engineer", current_level="L4", target_level="L5",
                              team="Platform", manager_name="Eric Medlock", skip_level_name="Bo Chen",
                              plan_start=date(2025, 9, 1)))  # fmt: skip
    run = run_import(ctx, "jira", [CLOUD], {"me": [SAICHARAN]})
    assert (run.summary.added, dict(run.summary.ignored)) == (11, {"not assigned to anyone": 11})
    stored = items(ctx)
    assert stored["TES-19"].requester is None  # Sai reported it, and Sai is the profile's name
    assert stored["TES-19"].people == ()  # Saicharan (you, by account id) and Sai (your profile) are left out
    assert stored["TES-9"].requester == "Eric Medlock"
    assert stored["TES-9"].people == ("Eric Medlock",)


def test_importing_again_adds_nothing_and_a_newer_export_adds_only_what_is_new(ctx: Context, tmp_path: Path) -> None:
    with CLOUD.open(encoding="utf-8", newline="") as stream:
        header, *records = list(csv.reader(stream))
    older = records[3:]  # the three newest issues were not there yet, and TES-21 was still in progress
    older = [[*r[:4], "In Progress", *r[5:]] if r[1] == "TES-21" else r for r in older]
    first = run_import(ctx, "jira", [write(tmp_path, older, header, "older.csv")])
    assert first.summary.added == 19
    again = run_import(ctx, "jira", [write(tmp_path, older, header, "older.csv")])
    assert (again.summary.added, again.summary.updated, again.summary.unchanged) == (0, 0, 19)
    newer = run_import(ctx, "jira", [CLOUD])
    assert (newer.summary.added, newer.summary.updated, newer.summary.unchanged) == (3, 1, 18)
    assert items(ctx)["TES-21"].body.startswith("TES-21 · Task · To Do")


def test_your_corrections_survive_a_new_export(ctx: Context) -> None:
    run_import(ctx, "jira", [CLOUD])
    item = items(ctx)["TES-24"]
    evidence_service.edit(ctx, item.id, EvidencePatch(kind=Kind.INCIDENT))
    again = run_import(ctx, "jira", [CLOUD], {"site": "https://ericmedlock.atlassian.net"})
    assert (again.summary.updated, again.summary.kept_your_edits) == (21, 1)
    assert evidence_service.get(ctx, item.id).kind is Kind.INCIDENT


def test_a_real_jira_server_export_with_only_a_few_columns() -> None:
    drafts, ignored = read(SERVER)
    assert len(drafts) == 2196
    assert ignored == {
        "closed as Duplicate": 151, "closed as Won't Fix": 55, "closed as Invalid": 31, "closed as Not A Problem": 26,
        "closed as Cannot Reproduce": 16, "closed as Abandoned": 9, "closed as Not A Bug": 8,
        "closed as Works for Me": 6, "closed as Later": 3, "closed as Won't Do": 2,
    }  # fmt: skip
    debian = drafts["13400058"]
    assert (debian.title, debian.occurred_at, debian.tags, debian.kind) == (
        "Fix Hadoop build on Debian 10", datetime(2021, 9, 18, 18, 52), ("urgent",), Kind.DELIVERY
    )  # fmt: skip
    assert debian.body.startswith("13400058 · Resolved (Fixed) · Blocker priority\n\nWe're using *Debian testing*")
    assert "\r" not in debian.body
    still_open = drafts["13401382"]  # open: dated when it was created, as the export has no Updated column
    assert (still_open.occurred_at, still_open.tags) == (datetime(2021, 9, 15, 12, 43), ("urgent", "unfinished"))
    with pytest.raises(ImportProblem, match="no 'Assignee' column, so --me can't tell"):
        read(SERVER, me=["Ada"])


def test_kinds_epics_repeated_columns_time_and_people(ctx: Context, tmp_path: Path) -> None:
    path = write(tmp_path, [
        row(**{"Summary": "Checkout reliability", "Issue key": "PAY-1", "Issue Type": "Epic", "Resolution": "",
               "Resolved": "", "Status": "In Progress"}),
        row(**{"Summary": "Timeouts at peak", "Issue key": "PAY-2", "Issue Type": "Bug", "Priority": "Highest",
               "Labels": ["oncall", "customer", "Q3"], "Component/s": ["API", "Worker"], "Sprint": ["S1", "S2"],
               "Watchers": ["Ada Lovelace", "Linus T"], "Watchers Id": ["a" * 24, "c" * 24], "Time Spent": "5400",
               "Parent": "10001", "Parent summary": "Checkout reliability",
               "Comment": [f"02/Sep/25 10:00 AM;{'c' * 24};On it", "02/Sep/25 11:00 AM;712020:" + "d" * 36 + ";Me too",
                           "not a comment;just;text"]}),
        row(**{"Summary": "Write the runbook", "Issue key": "PAY-3", "Issue Type": "Sub-task", "Time Spent": "9999999",
               "Reporter": "Ada Lovelace", "Reporter Id": "a" * 24, "Comment": ["02/Sep/25 9:00 AM;jsmith;Server"]}),
        row(**{"Summary": "Pager went off", "Issue key": "PAY-4", "Issue Type": "[System] Incident"}),
        row(**{"Summary": "Old idea", "Issue key": "PAY-5", "Resolution": "Won't Do"}),
        row(**{"Summary": "Twice", "Issue key": "PAY-4"}),
        ["", *[""] * (len(HEADER) - 1)],
    ])  # fmt: skip
    run = run_import(ctx, "jira", [path], {"me": ["ada lovelace"]})
    assert dict(run.summary.ignored) == {"closed as Won't Do": 1, "listed more than once": 1, "empty rows": 1}
    stored = items(ctx)
    epic, bug, subtask, incident = stored["PAY-1"], stored["PAY-2"], stored["PAY-3"], stored["PAY-4"]
    assert (epic.kind, epic.project, epic.tags) == (Kind.STRATEGY, "Checkout reliability", ("unfinished",))
    assert (bug.kind, bug.project, bug.minutes) == (Kind.INCIDENT, "Checkout reliability", 90)
    assert (bug.tags, bug.teams) == (("oncall", "customer", "q3", "urgent"), ("api", "worker", "payments"))
    assert bug.people == ("Grace Hopper", "Linus T")  # the second commenter's account id names no one here
    assert "sprint S1, S2" in bug.body
    assert (subtask.kind, subtask.minutes, subtask.requester, subtask.people) == (
        Kind.DELIVERY,
        None,
        None,
        ("jsmith",),
    )
    assert subtask.body.startswith("PAY-3 · Sub-task · Done · Medium priority · 2778 hours logged")
    assert incident.kind is Kind.INCIDENT


def test_children_find_an_epic_listed_after_them_in_a_server_export(ctx: Context, tmp_path: Path) -> None:
    header = ["Issue key", "Summary", "Issue Type", "Created", "Custom field (Epic Link)", "Parent id", "Issue id"]
    path = write(tmp_path, [
        ["OPS-3", "Rotate the certificates", "Story", "30/Sep/21 17:20", "OPS-1", "", "3"],
        ["OPS-4", "Check the expiry dates", "Sub-task", "30/Sep/21 17:25", "", "3", "4"],
        ["OPS-1", "Zero-downtime deploys", "Epic", "01/Sep/21 09:00", "", "", "1"],
    ], header)  # fmt: skip
    run_import(ctx, "jira", [path])
    projects = {key: item.project for key, item in items(ctx).items()}
    assert projects == {"OPS-1": "Zero-downtime deploys", "OPS-3": "Zero-downtime deploys",
                        "OPS-4": "Rotate the certificates"}  # fmt: skip


#: The same issue as Jira exports it in four languages: header, then the row.
LANGUAGES = {
    "german": (
        ["Zusammenfassung", "Vorgangsschlüssel", "Vorgangstyp", "Status", "Lösung", "Zugewiesene Person", "Autor",
         "Erstellt", "Aktualisiert", "Erledigt", "Stichwörter", "Stichwörter", "Komponenten", "Benötigte Zeit"],
        ["Zahlung reparieren", "PAY-7", "Fehler", "Fertig", "Fertig", "Ada", "Grace", "22.09.25 09:00",
         "03/Okt/25 14:05", "03/Okt/25 14:05", "kasse", "q4", "API", "3600"],
    ),
    "french": (
        ["Résumé", "Clé de ticket", "Type de ticket", "État", "Résolution", "Responsable", "Rapporteur",
         "Création", "Mise à jour", "Résolue", "Étiquettes", "Étiquettes", "Composants", "Temps consacré"],
        ["Réparer le paiement", "PAY-7", "Bogue", "Terminé", "Terminé", "Ada", "Grace", "22/sept./25 09:00",
         "03/oct./25 14:05", "03/oct./25 14:05", "kasse", "q4", "API", "3600"],
    ),
    "spanish": (
        ["Resumen", "Clave de incidencia", "Tipo de Incidencia", "Estado", "Resolución", "Persona asignada",
         "Informador", "Creada", "Actualizada", "Resuelta", "Etiquetas", "Etiquetas", "Componentes",
         "Tiempo empleado"],
        ["Reparar el pago", "PAY-7", "Error", "Listo", "Listo", "Ada", "Grace", "22/sep/25 9:00 a. m.",
         "03/oct/25 2:05 p. m.", "03/oct/25 2:05 p. m.", "kasse", "q4", "API", "3600"],
    ),
    "portuguese": (
        ["Resumo", "Chave da item", "Tipo de item", "Status", "Resolução", "Responsável", "Relator", "Criado",
         "Atualizado(a)", "Resolvido", "Rótulos", "Rótulos", "Componentes", "Tempo gasto"],
        ["Consertar o pagamento", "PAY-7", "Bug", "Concluído", "Concluído", "Ada", "Grace", "22/set/25 09:00",
         "03/out/25 14:05", "03/out/25 14:05", "kasse", "q4", "API", "3600"],
    ),
}  # fmt: skip


def test_an_export_in_another_language(ctx: Context, tmp_path: Path) -> None:
    for number, (language, (header, cells)) in enumerate(LANGUAGES.items(), start=7):
        key = f"PAY-{number}"
        run = run_import(ctx, "jira", [write(tmp_path, [[*cells[:1], key, *cells[2:]]], header)], {"me": ["Ada"]})
        assert run.summary.added == 1, language
        item = items(ctx)[key]
        assert (item.kind, item.occurred_at, item.requester, item.tags, item.teams, item.minutes) == (
            Kind.INCIDENT, datetime(2025, 10, 3, 14, 5), "Grace", ("kasse", "q4"), ("api",), 60
        ), language  # fmt: skip


def test_a_file_saved_again_with_semicolons_is_read_the_same(ctx: Context, tmp_path: Path) -> None:
    path = tmp_path / "excel.csv"
    path.write_text("Summary;Issue key;Created\nShip it;PAY-9;01/Sep/25 9:00 AM\n", encoding="utf-8-sig")
    run_import(ctx, "jira", [path])
    assert items(ctx)["PAY-9"].title == "Ship it"


#: A damaged or foreign file, and what the person is told about it.
BAD_FILES = [
    ("", "the file is empty"),
    ("Titel,Nummer,Datum\nx,1,2025-01-01\n",
     "line 1: this does not look like a Jira export: it needs the columns 'Summary'; 'Issue key' (or 'Issue id'); "
     "'Created' (or 'Updated', 'Resolved'). Columns Upward did not recognise: 'Titel', 'Nummer', 'Datum'"),
    ('Summary,Issue key,Created\n"Broken quote,PAY-1,01/Sep/25 9:00 AM\n',
     "line 2: this is not readable CSV (unexpected end of data: a quoted cell that starts here is never closed)"),
    ("Summary,Issue key,Created\nShip,PAY-1,01/Sep/25 9:00 AM\nShip,PAY-2,31/Sep/25 9:00 AM\n",
     "line 3, field 'Created': '31/Sep/25 9:00 AM' is not a date Upward can read; Jira writes dates like "
     "22/Sep/25 9:26 AM"),
    ("Summary,Issue key,Created\nShip,PAY-1,9/22/25 9:00 AM\n", "line 2, field 'Created': '9/22/25 9:00 AM'"),
    ("Summary,Issue key,Created\nShip,PAY-1\n", "line 2: this row has 2 cells where the header has 3"),
    ("Summary,Issue key,Created\n,PAY-1,01/Sep/25 9:00 AM\n", "line 2, field 'Summary': is empty"),
    ("Summary,Issue key,Created\nShip,,01/Sep/25 9:00 AM\n", "line 2, field 'Issue key': has no issue key"),
    ("Summary,Issue key,Created,Time Spent\nShip,PAY-1,01/Sep/25 9:00 AM,2h\n",
     "line 2, field 'Time Spent': '2h' is not a number of seconds"),
    ("Summary,Issue key,Updated\nShip,PAY-1,\n", "line 2, field 'Created': has no date"),
]  # fmt: skip


def test_a_bad_file_is_named_explained_and_nothing_is_written(ctx: Context, tmp_path: Path) -> None:
    for number, (content, message) in enumerate(BAD_FILES):
        path = tmp_path / f"jira-{number}.csv"
        path.write_text(content, encoding="utf-8")
        with pytest.raises(ImportProblem) as caught:
            run_import(ctx, "jira", [path])
        assert str(caught.value).startswith(str(path)), content
        assert message in str(caught.value), content
    assert row_counts(ctx) == (0, 0)


def test_a_wrong_file_or_option_is_refused(ctx: Context, tmp_path: Path) -> None:
    picture = tmp_path / "export.csv"
    picture.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    with pytest.raises(ImportProblem, match="not a text file"):
        run_import(ctx, "jira", [picture])
    latin = tmp_path / "latin.csv"
    latin.write_bytes("Summary,Issue key,Created\nRéparer,PAY-1,01/Sep/25 9:00 AM\n".encode("latin-1"))
    with pytest.raises(ImportProblem, match="is not UTF-8 text"):
        run_import(ctx, "jira", [latin])
    with pytest.raises(ImportProblem, match="field 'site': 'acme' is not a web address"):
        run_import(ctx, "jira", [CLOUD], {"site": "acme"})
    long_key = tmp_path / "long.csv"
    long_key.write_text(f"Summary,Issue key,Created\nShip,{'X' * 120},01/Sep/25 9:00 AM\n", encoding="utf-8")
    with pytest.raises(ImportProblem, match="line 2, field 'Issue key': 'XXX.*' is not a Jira issue key"):
        run_import(ctx, "jira", [long_key])
    assert row_counts(ctx) == (0, 0)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(content=mutated(CLOUD.read_bytes()))
def test_a_damaged_export_never_half_imports(ctx: Context, tmp_path: Path, content: bytes) -> None:
    import_is_all_or_nothing(ctx, "jira", tmp_path / "damaged.csv", content, {"me": ["Saicharan Basireddy"]})


def test_the_cli_imports_your_issues(cli: Cli) -> None:
    result = cli(
        "import", "jira", str(CLOUD), "--me", "Saicharan Basireddy", "--site", "https://ericmedlock.atlassian.net"
    )
    assert result.exit_code == 0, result.output
    assert "Import 1 (jira): 11 added; 0 updated; 0 already there; ignored: 11 not assigned to anyone." in result.output
    listing = cli("evidence", "list").output
    assert "Create a Network Architecture diagram for TAG" in listing
    assert "Enable Selinium scripts" not in listing


def test_the_cli_reports_a_bad_export_in_one_line(cli: Cli, tmp_path: Path) -> None:
    path = tmp_path / "jira.csv"
    path.write_text("Summary,Issue key,Created\nShip,PAY-1,yesterday\n", encoding="utf-8")
    result = cli("import", "jira", str(path))
    assert result.exit_code == 2
    assert result.stderr.strip() == (
        f"upward: {path}, line 2, field 'Created': 'yesterday' is not a date Upward can read; Jira writes dates like "
        "22/Sep/25 9:26 AM"
    )


@settings(max_examples=400, deadline=None)
@given(
    parts=st.tuples(
        st.sampled_from(["1", "09", "22", "29", "30", "31", "32", "0"]),
        st.sampled_from(["Sep", "SEP", "sep", "Feb", "Mai", "Dez", "Set", "Out", "Mrz", "Foo", "Sept"]),
        st.sampled_from(["25", "69", "70", "99", "00", "2025"]),
        st.sampled_from(["0", "9", "09", "12", "13", "23", "24"]),
        st.sampled_from(["00", "26", "59", "60"]),
        st.sampled_from(["", " AM", " PM", " am", " a. m.", "  PM"]),
    )
)
def test_the_quick_date_reading_gives_what_the_full_one_gives(parts: tuple[str, ...]) -> None:
    day, month, year, hour, minute, half = parts
    text = f"{day}/{month}/{year} {hour}:{minute}{half}"
    assert parse_jira_date.__wrapped__(text) == read_any_date(text)
