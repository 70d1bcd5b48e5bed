"""The decision-maker map: adding and correcting people, touchpoints, cadences, the "5-7 names" check, the map."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest

from conftest import Cli
from test_import_calendar import GOOGLE, GOOGLE_YEARS, add_profile
from upward.analysis import Record
from upward.analysis.people import names_check, standings
from upward.documents.charts.influence import ZONE_LABEL, people_map_figure
from upward.model import Evidence, EvidenceDraft, EvidenceFilter, Kind, NotFound, Person, PersonDraft, PromotionRole
from upward.model.people import Awareness
from upward.playbook import load_playbook
from upward.playbook.loader import PlaybookProblem, default_path
from upward.services import Context, open_context
from upward.services import diagnosis as diagnosis_service
from upward.services import evidence as evidence_service
from upward.services import people as people_service
from upward.services import update as update_service
from upward.services.demo import load_demo
from upward.services.imports import run_import
from upward.settings import Settings

SVG = "{http://www.w3.org/2000/svg}"
TODAY = date(2026, 11, 23)


def listed(cli: Cli) -> dict[str, dict[str, object]]:
    result = cli("people", "list", "--json")
    assert result.exit_code == 0, result.output
    return {p["name"]: p for p in json.loads(result.output)["people"]}


# The commands


def test_add_list_show_and_edit_from_the_terminal(cli: Cli, ctx: Context) -> None:
    added = cli("people", "add", "Rachel Alvarez", "--role", "skip level", "--influence", "5", "--knows", "heard of",
                "--email", "Rachel@Example.com", "--team", "Commerce")  # fmt: skip
    assert added.exit_code == 0, added.output
    assert "Added Rachel Alvarez (#1), skip-level." in added.output
    assert "You have named 1 of the 5–7 people" in added.output
    person = people_service.get(ctx, "rachel@example.com")
    assert (person.role, person.influence, person.awareness, person.team) == (
        PromotionRole.SKIP_LEVEL,
        5,
        Awareness.HEARD_OF,
        "commerce",
    )
    shown = listed(cli)["Rachel Alvarez"]
    assert (shown["role"], shown["knows"], shown["cadence_days"], shown["last_contact"]) == (
        "skip-level",
        "heard-of",
        30,
        None,
    )
    edited = cli("people", "edit", "rachel", "--knows", "knows the work", "--cadence", "21")
    assert edited.exit_code == 0 and "knows your work" in edited.output
    person = people_service.get(ctx, 1)
    assert (person.awareness, person.cadence_days, person.influence) == (Awareness.KNOWS_WORK, 21, 5)
    show = cli("people", "show", "Rachel")
    assert "every 21 days (yours)" in show.output and "no contact on record" in show.output


@pytest.mark.parametrize(
    ("args", "field"),
    [
        (["--influence", "9"], "influence"),
        (["--influence", "lots"], "influence"),
        (["--role", "boss"], "role"),
        (["--knows", "maybe"], "knows"),
        (["--email", "not-an-email"], "email"),
        (["--cadence", "0"], "cadence"),
    ],
)
def test_bad_input_names_the_field_and_writes_nothing(cli: Cli, ctx: Context, args: list[str], field: str) -> None:
    result = cli("people", "add", "Tom Becker", *args)
    assert result.exit_code == 2
    assert f"upward: {field}: " in result.stderr
    assert people_service.list_people(ctx) == []


def test_a_name_already_on_the_map_is_refused_and_edits_keep_names_unique(cli: Cli, ctx: Context) -> None:
    assert cli("people", "add", "Tom Becker", "--role", "peer-manager").exit_code == 0
    assert cli("people", "add", "Grace Liu", "--role", "hr").exit_code == 0
    again = cli("people", "add", "tom becker")
    assert again.exit_code == 2 and "name: Tom Becker is already on your map" in again.stderr
    clash = cli("people", "edit", "Grace", "--name", "Tom Becker")
    assert clash.exit_code == 2 and "already on your map" in clash.stderr
    assert cli("people", "edit", "Grace").exit_code == 2  # nothing to change
    assert [p.name for p in people_service.list_people(ctx)] == ["Grace Liu", "Tom Becker"]
    missing = cli("people", "show", "Nobody Here")
    assert missing.exit_code == 2 and "nobody called 'Nobody Here'" in missing.stderr


def test_met_records_a_touchpoint_as_evidence_and_it_becomes_the_last_contact(cli: Cli, ctx: Context) -> None:
    assert cli("people", "add", "Aisha Rahman", "--role", "peer-manager", "--influence", "3").exit_code == 0
    ten_days_ago = (date.today() - timedelta(days=10)).isoformat()
    result = cli("people", "met", "aisha", "--date", ten_days_ago, "--note", "Coffee about  the deploy pipeline")
    assert result.exit_code == 0, result.output
    item = evidence_service.get(ctx, 1)
    assert item.title == "Talked with Aisha Rahman: Coffee about the deploy pipeline"
    assert (item.kind, item.source, item.people) == (Kind.MEETING, "touchpoint", ("Aisha Rahman",))
    assert set(item.tags) == {"touchpoint", "with:peer-manager"}
    shown = listed(cli)["Aisha Rahman"]
    assert (shown["last_contact"], shown["days_since_contact"], shown["cadence_days"]) == (ten_days_ago, 10, 45)
    assert shown["overdue_days"] == 0
    future = cli("people", "met", "aisha", "--date", (date.today() + timedelta(days=3)).isoformat())
    assert future.exit_code == 2 and "date: " in future.stderr and "in the future" in future.stderr
    assert cli("people", "met", "Nobody").exit_code == 2
    assert evidence_service.listing(ctx, EvidenceFilter()).total == 1


def test_remove_takes_someone_off_the_map_and_keeps_the_evidence(cli: Cli, ctx: Context) -> None:
    assert cli("people", "add", "Omar Haddad").exit_code == 0
    assert cli("people", "met", "Omar Haddad").exit_code == 0
    assert cli("people", "remove", "omar", "--yes").exit_code == 0
    assert people_service.list_people(ctx) == []
    assert evidence_service.get(ctx, 1).people == ("Omar Haddad",)


def test_the_map_command_writes_an_svg(cli: Cli, ctx: Context, tmp_path: Path) -> None:
    people_service.add(ctx, PersonDraft("Elena Rossi", PromotionRole.SPONSOR, influence=5))
    out = tmp_path / "map.svg"
    assert cli("people", "map", "--output", str(out)).exit_code == 0
    root = ET.fromstring(out.read_text())
    assert "Elena Rossi" in texts(root)
    bad = cli("people", "map", "--output", str(tmp_path / "missing" / "map.svg"))
    assert bad.exit_code == 2 and "can't write the map there" in bad.stderr


def test_one_account_never_sees_anothers_people(ctx: Context, settings: Settings) -> None:
    people_service.add(ctx, PersonDraft("Daniel Park", PromotionRole.MANAGER))
    bob = open_context(settings.model_copy(update={"account": "bob"}))
    assert people_service.list_people(bob) == []
    with pytest.raises(NotFound):
        people_service.get(bob, 1)
    with pytest.raises(NotFound):
        people_service.met(bob, "Daniel Park")


# Where each person stands (pure)


def person(pid: int, name: str, role: PromotionRole, influence: int = 3, **fields: object) -> Person:
    return Person(name=name, role=role, influence=influence, id=pid, **fields)  # type: ignore[arg-type]


def item(pid: int, days_ago: int, **fields: object) -> Evidence:
    when = datetime.combine(TODAY - timedelta(days=days_ago), datetime.min.time()).replace(hour=12)
    return Evidence(id=pid, title=f"item {pid}", occurred_at=when, **fields)  # type: ignore[arg-type]


def test_contact_cadence_and_overdue_follow_the_evidence_and_the_playbook() -> None:
    people = (
        person(1, "Rachel Alvarez", PromotionRole.SKIP_LEVEL, 5, email="rachel@example.com"),
        person(2, "Tom Becker", PromotionRole.PEER_MANAGER),
        person(3, "Jonas Weber", PromotionRole.PEER, 2),
        person(4, "Grace Liu", PromotionRole.HR, cadence_days=90),
    )
    crowd = tuple(f"p{n}" for n in range(12))
    evidence = (
        item(1, 50, people=("rachel@example.com",), kind=Kind.MEETING),  # small meeting, by email
        item(2, 5, people=("Rachel Alvarez", *crowd), kind=Kind.MEETING),  # an all-hands: not a conversation
        item(3, 10, requester="Tom Becker", kind=Kind.REQUEST),  # he asked for something
        item(4, 3, people=("Jonas Weber",)),
        item(5, -2, people=("Grace Liu",)),  # in the future: not yet
    )
    record = Record(today=TODAY, profile=None, people=people, evidence=evidence)
    found = {s.person.name: s for s in standings(record, load_playbook())}
    rachel, tom, jonas, grace = (found[n] for n in ("Rachel Alvarez", "Tom Becker", "Jonas Weber", "Grace Liu"))
    assert (rachel.cadence_days, rachel.days_since, rachel.overdue_days, rachel.last_contact) == (
        30,
        50,
        20,
        evidence[0],
    )
    assert rachel.overdue_words == "overdue by 20 days" and rachel.blind_spot
    assert (tom.cadence_days, tom.days_since, tom.overdue_days, tom.overdue_words) == (45, 10, 0, "due in 35 days")
    assert (jonas.decides, jonas.cadence_days, jonas.overdue_words) == (False, None, "no cadence")
    assert (grace.cadence_days, grace.cadence_from, grace.days_since, grace.overdue_words) == (
        90,
        "yours",
        None,
        "never met: due now",
    )
    assert [s.person.name for s in standings(record, load_playbook())][-1] == "Jonas Weber"  # not a decision-maker


@pytest.mark.parametrize(
    ("roles", "status", "words"),
    [
        ([], "red", "You have not named anyone"),
        ([PromotionRole.MANAGER, PromotionRole.PEER], "red", "named 1 of the 5–7 people"),
        (
            [PromotionRole.MANAGER, PromotionRole.SKIP_LEVEL, PromotionRole.SPONSOR],
            "warning",
            "Add 2 more. Nobody yet as: peer manager, HR.",
        ),
        (
            [PromotionRole.MANAGER, PromotionRole.SKIP_LEVEL, PromotionRole.PEER_MANAGER, PromotionRole.HR,
             PromotionRole.SPONSOR, PromotionRole.OTHER_TEAM_LEAD],
            "ok",
            "You have named 6 people who decide on your promotion: the 5–7 the plan asks for.",
        ),
        ([PromotionRole.PEER_MANAGER] * 8 + [PromotionRole.MANAGER, PromotionRole.SKIP_LEVEL, PromotionRole.HR],
         "warning", "5–7 is as many as you can keep in touch with"),
    ],
)  # fmt: skip
def test_the_five_to_seven_names_check(roles: list[PromotionRole], status: str, words: str) -> None:
    people = [person(n, f"Person {n}", role) for n, role in enumerate(roles, 1)]
    check = names_check(people, load_playbook())
    assert check.status == status
    assert words in check.message


# The map


def texts(root: ET.Element) -> list[str]:
    return ["".join(t.itertext()) for t in root.iter(f"{SVG}text")]


def test_the_demo_map_puts_the_unaware_deciders_in_the_shaded_corner(ctx: Context) -> None:
    load_demo(ctx, today=date.today())
    board = people_service.people_map(ctx)
    assert {s.person.name for s in board.blind_spots} == {"Elena Rossi", "Rachel Alvarez"}
    assert board.check.count == 8 and board.check.status == "warning"
    manager = next(s for s in board.standings if s.person.role is PromotionRole.MANAGER)
    assert manager.days_since is not None and manager.days_since < 14  # weekly 1:1s in the demo
    figure = people_map_figure(board.standings)
    root = ET.fromstring(figure.svg)
    labels = texts(root)
    assert f"▼ {ZONE_LABEL}" in labels
    assert {p.name for p in people_service.list_people(ctx)} <= set(labels)
    desc = root.find(f"{SVG}desc")
    assert desc is not None and desc.text is not None
    assert "To reach first: Elena Rossi, Rachel Alvarez." in desc.text
    assert root.get("role") == "img"
    # Decision-makers are circles, the others squares: meaning never rests on colour alone.
    shapes = {
        "".join(g.find(f"{SVG}text").itertext()): g.find(f"{SVG}circle") is not None  # type: ignore[union-attr]
        for g in root.iter(f"{SVG}g")
        if g.get("class") == "person"
    }
    assert shapes["Rachel Alvarez"] and not shapes["Jonas Weber"]


def test_a_crowded_cell_says_how_many_more_and_an_empty_map_says_so() -> None:
    crowd = [person(n, f"Person {n}", PromotionRole.PEER_MANAGER) for n in range(1, 8)]
    record = Record(today=TODAY, profile=None, people=tuple(crowd), evidence=())
    root = ET.fromstring(people_map_figure(standings(record, load_playbook())).svg)
    assert "+4 more" in texts(root)
    empty = ET.fromstring(people_map_figure([]).svg)
    assert "Nobody on your map yet." in texts(empty)


def test_a_touchpoint_logged_by_hand_counts_for_the_diagnosis(ctx: Context) -> None:
    people_service.add(ctx, PersonDraft("Rachel Alvarez", PromotionRole.SKIP_LEVEL, influence=5))
    evidence_service.log(ctx, EvidenceDraft("Shipped the ledger", occurred_at=datetime.now() - timedelta(days=2)))
    people_service.met(ctx, "Rachel Alvarez", datetime.now() - timedelta(days=1), "Walked her through the ledger")
    finding = diagnosis_service.run_diagnosis(ctx, keep=False).finding("no-skip-level-contact")
    assert "1 days ago" in finding.summary or "1 day ago" in finding.summary


def test_a_monthly_update_sent_to_the_skip_level_is_their_last_contact(ctx: Context) -> None:
    load_demo(ctx)
    before = next(s for s in people_service.people_map(ctx).standings if s.person.name == "Rachel Alvarez")
    assert before.days_since is not None and before.days_since > 30 and before.overdue_days
    update_service.mark_sent(ctx)
    after = next(s for s in people_service.people_map(ctx).standings if s.person.name == "Rachel Alvarez")
    assert after.last_contact is not None and after.last_contact.title.startswith("Sent my monthly update")
    assert (after.days_since, after.overdue_days) == (0, 0)


def test_a_playbook_whose_name_range_is_upside_down_is_refused_with_its_line(tmp_path: Path) -> None:
    text = default_path().read_text(encoding="utf-8")
    assert "decision_maker_names: {fewest: 5, most: 7}" in text
    bad = tmp_path / "coach.yaml"
    bad.write_text(
        text.replace("decision_maker_names: {fewest: 5, most: 7}", "decision_maker_names: {fewest: 8, most: 3}")
    )
    with pytest.raises(PlaybookProblem) as problem:
        load_playbook(bad)
    line = next(n for n, row in enumerate(text.splitlines(), 1) if row.startswith("decision_maker_names"))
    assert (problem.value.field, problem.value.line) == ("decision_maker_names", line)
    assert "fewest (8) is more than most (3)" in problem.value.problem


def test_a_real_calendar_export_gives_the_last_contact(ctx: Context) -> None:
    """A real Google export: the skip-level 1:1 is the last contact; the 104-person day out is no conversation."""
    add_profile(ctx, manager="csilla.baski@knorr-bremse.com", skip="laszlo.tamas@knorr-bremse.com")
    run_import(ctx, "calendar", [GOOGLE], GOOGLE_YEARS)
    board = people_service.people_map(ctx, today=date(2016, 6, 30))
    found = {s.person.name: s for s in board.standings}
    skip, manager = found["Rae Skip"], found["Dana Boss"]
    assert skip.last_contact is not None and skip.last_contact.day == date(2016, 6, 27)
    assert (skip.days_since, skip.cadence_days, skip.overdue_days) == (3, 30, 0)
    assert manager.last_contact is not None and manager.last_contact.day < date(2016, 6, 10)
