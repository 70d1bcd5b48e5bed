"""The Slack importer: a workspace export zip becomes the requests people brought to the person."""

from __future__ import annotations

import io
import json
import zipfile
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import REAL_DATA, Cli
from importing import import_is_all_or_nothing, mutated, row_counts
from upward.model import Evidence, EvidenceFilter, Kind
from upward.model.imports import ImportProblem
from upward.services import Context
from upward.services import evidence as evidence_service
from upward.services.imports import run_import

SAMPLE = REAL_DATA / "slack/hfaran-slack-export-viewer/testarchive.zip"
ME = "abilinski"  # Harry Potter, whom Hamza keeps asking things in #enrique
SAMPLE_IDS = [
    "C0JGLMMNX/1452837352.000006",
    "C0JGLMMNX/1452988121.000015",
    "C0JGLMMNX/1454884927.000002",
    "C0JGLMMNX/1454894941.000009",
    "C0JGLMMNX/1454904194.000014",
    "C0JGLMMNX/1454905089.000017",
    "C0JGLMMNX/1454908476.000020",
    "C0JGLMMNX/1458208082.000002",
]


def members_of(path: Path) -> dict[str, bytes]:
    with zipfile.ZipFile(path) as archive:
        return {info.filename: archive.read(info) for info in archive.infolist()}


def write_zip(path: Path, members: dict[str, Any]) -> Path:
    path.write_bytes(zipped(members))
    return path


def zipped(members: dict[str, Any]) -> bytes:
    """A zip of these members: bytes as they are, anything else as JSON."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, content in members.items():
            archive.writestr(name, content if isinstance(content, bytes) else json.dumps(content, indent=4))
    return buffer.getvalue()


def items(ctx: Context) -> dict[str, Evidence]:
    page = evidence_service.listing(ctx, EvidenceFilter(source="slack", per_page=500))
    return {item.source_id or "": item for item in page.items}


# --- A small workspace of our own, for what the real sample lacks: threads, private channels, DMs ---

SAM, LEE, ANA = "U01SAM", "U02LEE", "U03ANA"


def stamp(when: str, counter: int = 100) -> str:
    """The Slack time stamp of a UTC moment, `2026-03-02 09:30`."""
    seconds = int(datetime.fromisoformat(when).replace(tzinfo=UTC).timestamp())
    return f"{seconds}.{counter:06d}"


def said(user: str, when: str, text: str, **extra: Any) -> dict[str, Any]:
    return {"type": "message", "user": user, "text": text, "ts": stamp(when), **extra}


ROOT = stamp("2026-03-02 09:30")
INCIDENT = stamp("2026-03-02 13:00")


def workspace(*, late_reply_from: str = ANA) -> dict[str, Any]:
    users = [
        {"id": SAM, "name": "sam", "real_name": "Sam Rivera", "tz": "Europe/Paris", "profile": {"display_name": "Sam"}},
        {"id": LEE, "name": "lee", "real_name": "Lee Chen", "profile": {"display_name": "lee"}},
        {"id": ANA, "name": "ana", "profile": {"real_name": "Ana Ortiz", "display_name": "Ana"}},
        {"id": "B0BOT", "name": "deploybot", "is_bot": True, "profile": {"real_name": "Deploy Bot"}},
    ]
    thread = {"thread_ts": ROOT, "parent_user_id": LEE}
    return {
        "users.json": users,
        "channels.json": [{"id": "C0PLAT", "name": "Platform", "members": [SAM, LEE, ANA]}],
        "groups.json": [{"id": "G0INC", "name": "incident-room", "members": [SAM, LEE, ANA]}],
        "dms.json": [{"id": "D0SAMLEE", "members": [SAM, LEE]}, {"id": "D0LEEANA", "members": [LEE, ANA]}],
        "mpims.json": [{"id": "G0MP", "name": "mpdm-sam--lee--ana-1", "members": [SAM, LEE, ANA]}],
        "Platform/2026-03-02.json": [
            said(LEE, "2026-03-02 09:30", "Deploys to staging fail with a 403, anyone?", thread_ts=ROOT, reply_count=2),
            said(SAM, "2026-03-02 09:31", "The token expired; I rotated it", **thread),
            said(LEE, "2026-03-02 09:32", "Thanks!", **thread),
            said(ANA, "2026-03-02 09:40", "<@U03ANA> has joined the channel", subtype="channel_join"),
            {
                "type": "message",
                "subtype": "bot_message",
                "bot_id": "B0BOT",
                "text": "deployed",
                "ts": stamp("2026-03-02 09:41"),
            },
            said(LEE, "2026-03-02 09:42", "set the channel topic: deploys", subtype="channel_topic"),
            said(ANA, "2026-03-02 10:00", "<@U01SAM> can you review the runbook?"),
            said(ANA, "2026-03-02 10:02", "It is <https://wiki.example.com/runbook|the deploy runbook> &amp; short"),
            said(
                SAM, "2026-03-02 11:00", "Who owns the CDN config?", thread_ts=stamp("2026-03-02 11:00"), reply_count=1
            ),
            said(LEE, "2026-03-02 11:05", "Ana does", thread_ts=stamp("2026-03-02 11:00"), parent_user_id=SAM),
        ],
        "Platform/2026-03-03.json": [said(late_reply_from, "2026-03-03 08:00", "Same on prod today", **thread)],
        "incident-room/2026-03-02.json": [
            said(ANA, "2026-03-02 13:00", "Checkout is down", thread_ts=INCIDENT, reply_count=1),
            said(LEE, "2026-03-02 13:01", "<@U01SAM> is this the cache again?", thread_ts=INCIDENT, parent_user_id=ANA),
        ],
        "D0SAMLEE/2026-03-04.json": [
            said(LEE, "2026-03-04 16:00", "Do you have a minute for the budget numbers?"),
            said(SAM, "2026-03-04 16:01", "Sure, calling you"),
            said(LEE, "2026-03-04 17:00", "thanks, that helped"),
        ],
        "D0LEEANA/2026-03-04.json": [said(LEE, "2026-03-04 16:00", "lunch?")],
        "mpdm-sam--lee--ana-1/2026-03-05.json": [
            said(ANA, "2026-03-05 08:00", "<@U01SAM|sam> pls send the slides"),
            said(LEE, "2026-03-05 09:00", "anyone seen my charger?"),
        ],
        "strays/2026-03-05.json": [said(LEE, "2026-03-05 09:00", "a folder no list mentions")],
    }


# --- The real export ---


def test_the_real_export_becomes_the_requests_people_brought_to_the_person(ctx: Context) -> None:
    run = run_import(ctx, "slack", [SAMPLE], {"user": ME})
    assert (run.summary.added, run.items) == (8, 8)
    assert dict(run.summary.ignored) == {
        "bot messages": 97,
        "joins and leaves": 8,
        "other Slack notices (pins, file comments, reminders)": 1,
        "your own messages": 5,
        "messages that asked nothing of you": 35,
    }
    stored = items(ctx)
    assert sorted(stored) == SAMPLE_IDS
    first = stored["C0JGLMMNX/1452837352.000006"]
    assert first.title == (
        "Hamza Faran asked you in #enrique: "
        "Created an issue for a setup.py so that it can be installed to a standard place"
    )
    assert (first.kind, first.requester, first.teams, first.people, first.minutes, first.tags) == (
        Kind.REQUEST, "Hamza Faran", ("enrique",), ("Hamza Faran",), None, ()
    )  # fmt: skip
    # 1452837352 is 05:55:52 UTC on Jan 15; Harry's Slack time zone is America/Los_Angeles.
    assert first.occurred_at == datetime(2016, 1, 14, 21, 55, 52)
    assert first.body == (
        "Hamza Faran: @Harry Potter: Created an issue for a setup.py so that it can be installed to a standard place\n"
        "Hamza Faran: Need that done before it can be used in victoria"
    )
    # Three messages Hamza sent within five minutes of each other are one request, not three.
    run_of_three = stored["C0JGLMMNX/1454904194.000014"]
    assert run_of_three.body.count("\n") == 2 and "Use unittest or py.test; up to you" in run_of_three.body
    assert (
        run_of_three.title
        == "Hamza Faran asked you in #enrique: http://docs.python-guide.org/en/latest/writing/tests/#the-basics"
    )
    assert (
        stored["C0JGLMMNX/1458208082.000002"].title
        == "Hamza Faran asked you in #enrique: Had a chance to read any more papers?"
    )
    code = stored["C0JGLMMNX/1454905089.000017"].title
    assert (
        code.startswith("Hamza Faran asked you in #enrique: wget http://downloads.mesosphere.io/") and "```" not in code
    )
    assert len(evidence_service.listing(ctx, EvidenceFilter(team="enrique")).items) == 8
    assert evidence_service.listing(ctx, EvidenceFilter(text="victoria")).items[0].id == first.id


def test_the_person_can_be_named_by_real_name_or_id(ctx: Context) -> None:
    run_import(ctx, "slack", [SAMPLE], {"user": "hamza faran"})
    (asked,) = items(ctx).values()
    assert (asked.source_id, asked.requester, asked.teams) == (
        "C0JL6CGQ2/1458949481.000002", "Harry Potter", ("traveling-sailor",)
    )  # fmt: skip
    assert (
        asked.title
        == "Harry Potter asked you in #traveling-sailor: https://www.maxmind.com/en/free-world-cities-database"
    )
    assert asked.occurred_at == datetime(2016, 3, 25, 16, 44, 41)
    hermione = run_import(ctx, "slack", [SAMPLE], {"user": "U0BMS113R"})
    assert hermione.summary.added == 4


def test_importing_again_adds_nothing(ctx: Context) -> None:
    run_import(ctx, "slack", [SAMPLE], {"user": ME})
    again = run_import(ctx, "slack", [SAMPLE], {"user": ME})
    assert (again.summary.added, again.summary.updated, again.summary.unchanged, again.items) == (0, 0, 8, 0)
    assert row_counts(ctx) == (8, 2)


def test_a_newer_overlapping_export_adds_only_what_is_new(ctx: Context, tmp_path: Path) -> None:
    run_import(ctx, "slack", [SAMPLE], {"user": ME})
    members = members_of(SAMPLE)
    members["enrique/2016-03-29.json"] = json.dumps(
        [
            {
                "type": "message",
                "user": "U0BMQB6JE",
                "text": "<@U0BMYT2FL>: can you rebase the PR?",
                "ts": "1459290000.000040",
            }
        ]
    ).encode()
    newer = write_zip(tmp_path / "newer.zip", members)
    run = run_import(ctx, "slack", [newer], {"user": ME})
    assert (run.summary.added, run.summary.unchanged, run.summary.updated) == (1, 8, 0)
    assert (
        items(ctx)["C0JGLMMNX/1459290000.000040"].title == "Hamza Faran asked you in #enrique: can you rebase the PR?"
    )
    both = run_import(ctx, "slack", [newer, SAMPLE], {"user": ME})
    assert (both.summary.added, both.summary.ignored["conversations already read from another export"]) == (0, 8)


# --- Threads, private channels, direct and group messages ---


def test_threads_private_channels_and_direct_messages(ctx: Context, tmp_path: Path) -> None:
    run = run_import(ctx, "slack", [write_zip(tmp_path / "acme.zip", workspace())], {"user": "sam"})
    stored = items(ctx)
    assert sorted(stored) == sorted(
        [f"C0PLAT/{ROOT}", f"C0PLAT/{stamp('2026-03-02 10:00')}", f"G0INC/{INCIDENT}",
         f"D0SAMLEE/{stamp('2026-03-04 16:00')}", f"G0MP/{stamp('2026-03-05 08:00')}"]
    )  # fmt: skip
    helped = stored[f"C0PLAT/{ROOT}"]  # a thread over two days, answered by Sam: one item
    assert helped.title == "Helped Lee Chen in #Platform: Deploys to staging fail with a 403, anyone?"
    assert (helped.kind, helped.requester, helped.teams, helped.people, helped.tags, helped.minutes) == (
        Kind.REQUEST, "Lee Chen", ("platform",), ("Lee Chen", "Ana Ortiz"), ("answered",), None
    )  # fmt: skip
    assert helped.occurred_at == datetime(2026, 3, 2, 10, 30)  # Sam's Slack time zone is Europe/Paris
    assert helped.body.splitlines() == [
        "Lee Chen: Deploys to staging fail with a 403, anyone?",
        "You: The token expired; I rotated it",
        "Lee Chen: Thanks!",
        "Ana Ortiz: Same on prod today",
    ]
    review = stored[f"C0PLAT/{stamp('2026-03-02 10:00')}"]
    assert review.title == "Ana Ortiz asked you in #Platform: can you review the runbook?"
    assert review.body.endswith("Ana Ortiz: It is the deploy runbook & short") and review.tags == ()
    incident = stored[f"G0INC/{INCIDENT}"]  # whoever named Sam in the thread asked
    assert (incident.title, incident.requester, incident.teams, incident.people) == (
        "Lee Chen asked you in #incident-room: is this the cache again?", "Lee Chen", ("incident-room",),
        ("Lee Chen", "Ana Ortiz"),
    )  # fmt: skip
    direct = stored[f"D0SAMLEE/{stamp('2026-03-04 16:00')}"]
    assert (direct.title, direct.teams, direct.requester) == (
        "Lee Chen asked you in a direct message: Do you have a minute for the budget numbers?", (), "Lee Chen"
    )  # fmt: skip
    group = stored[f"G0MP/{stamp('2026-03-05 08:00')}"]
    assert (group.title, group.teams) == ("Ana Ortiz asked you in a group message: pls send the slides", ())
    assert dict(run.summary.ignored) == {
        "joins and leaves": 1,
        "bot messages": 1,
        "topic, purpose and name changes": 1,
        "your own messages": 2,
        "messages that asked nothing of you": 3,
        "days of private chats you are not in": 1,
        "days of conversations the export does not list": 1,
    }


def test_a_thread_answered_in_a_newer_export_is_updated(ctx: Context, tmp_path: Path) -> None:
    unanswered = workspace(late_reply_from=ANA)
    unanswered["Platform/2026-03-02.json"] = [m for m in unanswered["Platform/2026-03-02.json"] if m.get("user") != SAM]
    run_import(ctx, "slack", [write_zip(tmp_path / "old.zip", unanswered)], {"user": "sam"})
    assert f"C0PLAT/{ROOT}" not in items(ctx)  # Lee's thread did not name Sam and Sam had not answered
    newer = workspace(late_reply_from=SAM)
    run = run_import(ctx, "slack", [write_zip(tmp_path / "new.zip", newer)], {"user": "sam"})
    assert (run.summary.added, run.summary.unchanged) == (1, 4)
    assert items(ctx)[f"C0PLAT/{ROOT}"].tags == ("answered",)


def test_a_zipped_unpacked_folder_and_an_enterprise_export_are_read_too(ctx: Context, tmp_path: Path) -> None:
    members = workspace()
    members["org_users.json"] = members.pop("users.json")  # what Enterprise Grid exports call it
    nested = {f"acme export/{name}": content for name, content in members.items()}
    run = run_import(ctx, "slack", [write_zip(tmp_path / "again.zip", nested)], {"user": "Sam Rivera"})
    assert run.summary.added == 5


# --- Saying who you are ---


@pytest.mark.parametrize(
    ("user", "message"),
    [
        (None, "field 'user': say which Slack member you are with the user option (--user NAME), for example: "
               "abilinski (Harry Potter), doubledeez (Hermione Granger), hamza (Hamza Faran), heroeshannibal"),
        ("dumbledore", "field 'user': nobody in this export is called 'dumbledore'; use your Slack name or id, "
                       "for example: abilinski (Harry Potter)"),
    ],
)  # fmt: skip
def test_the_person_must_say_who_they_are(ctx: Context, user: str | None, message: str) -> None:
    with pytest.raises(ImportProblem) as caught:
        run_import(ctx, "slack", [SAMPLE], {"user": user} if user else {})
    assert str(caught.value).startswith(f"{SAMPLE}, field 'user'")
    assert message in str(caught.value)
    assert row_counts(ctx) == (0, 0)


def test_a_name_two_people_share_asks_for_the_id(ctx: Context, tmp_path: Path) -> None:
    members = workspace()
    members["users.json"].append({"id": "U04SAM", "name": "sam.b", "real_name": "Sam Rivera"})
    with pytest.raises(ImportProblem) as caught:
        run_import(ctx, "slack", [write_zip(tmp_path / "acme.zip", members)], {"user": "sam rivera"})
    assert str(caught.value).endswith(
        "field 'user': 'sam rivera' could be any of U01SAM (Sam Rivera), U04SAM (Sam Rivera); "
        "give your member id instead"
    )
    run = run_import(ctx, "slack", [write_zip(tmp_path / "acme.zip", members)], {"user": "@U01SAM"})
    assert run.summary.added == 5


# --- Bad input ---


def _without(name: str) -> dict[str, bytes]:
    return {k: v for k, v in members_of(SAMPLE).items() if k != name}


def _replaced(name: str, content: bytes) -> dict[str, bytes]:
    return members_of(SAMPLE) | {name: content}


def _day(transform: Any) -> bytes:
    day = json.loads(members_of(SAMPLE)["enrique/2016-01-14.json"])
    transform(day)
    return json.dumps(day, indent=4).encode()


@pytest.mark.parametrize(
    ("members", "where", "message"),
    [
        (_without("users.json"), "", "has no users.json (the list of people), so it is not a Slack workspace export"),
        (_without("channels.json"), "", "has no channels.json (the channels)"),
        (_replaced("enrique/2016-02-07.json", b'[\n  {"ts": "1454884927.000002",\n  "user" "U0BMQB6JE"}\n]'),
         "/enrique/2016-02-07.json, line 3", "is not valid JSON (Expecting ':' delimiter, column 10)"),
        (_replaced("enrique/2016-01-14.json", _day(lambda day: day[4].pop("ts"))),
         "/enrique/2016-01-14.json, field 'ts'", "message 5 has no time stamp ('ts')"),
        (_replaced("enrique/2016-01-14.json", _day(lambda day: day[1].update(ts="yesterday"))),
         "/enrique/2016-01-14.json, field 'ts'", "message 2 has 'yesterday' as its time stamp"),
        (_replaced("enrique/2016-01-14.json", _day(lambda day: day[5].update(thread_ts=14528))),
         "/enrique/2016-01-14.json, field 'thread_ts'", "message 6 has '14528' as its time stamp"),
        (_replaced("enrique/2016-01-14.json", _day(lambda day: day.__setitem__(3, "hello"))),
         "/enrique/2016-01-14.json", "message 4 is not a Slack message"),
        (_replaced("enrique/2016-01-14.json", b'{"ts": "1452837318.000002"}'),
         "/enrique/2016-01-14.json", "should hold a list of messages"),
        (_replaced("users.json", json.dumps([{"id": "U1"}, {"name": "nobody"}]).encode()),
         "/users.json, field 'id'", "entry 2 has no id"),
        (_replaced("channels.json", json.dumps([{"id": "C1", "name": ""}]).encode()),
         "/channels.json, field 'name'", "entry 1 has no name"),
    ],
)  # fmt: skip
def test_a_damaged_export_is_named_explained_and_nothing_is_written(
    ctx: Context, tmp_path: Path, members: dict[str, bytes], where: str, message: str
) -> None:
    path = write_zip(tmp_path / "export.zip", members)
    with pytest.raises(ImportProblem) as caught:
        run_import(ctx, "slack", [path], {"user": ME})
    assert str(caught.value).startswith(f"{path}{where}:"), str(caught.value)
    assert message in str(caught.value)
    assert row_counts(ctx) == (0, 0)


def test_a_cut_short_or_corrupted_zip_is_refused(ctx: Context, tmp_path: Path) -> None:
    data = SAMPLE.read_bytes()
    cut = tmp_path / "cut.zip"
    cut.write_bytes(data[: len(data) // 2])
    with pytest.raises(
        ImportProblem, match="the zip file is damaged or cut short; download the export from Slack again"
    ):
        run_import(ctx, "slack", [cut], {"user": ME})
    corrupt = bytearray(data)
    with zipfile.ZipFile(SAMPLE) as archive:
        info = archive.getinfo("enrique/2016-02-07.json")
    corrupt[info.header_offset + 30 + len(info.filename) + 40] ^= 0xFF  # inside the compressed data
    damaged = tmp_path / "damaged.zip"
    damaged.write_bytes(bytes(corrupt))
    with pytest.raises(ImportProblem) as caught:
        run_import(ctx, "slack", [damaged], {"user": ME})
    assert str(caught.value).startswith(f"{damaged}/enrique/2016-02-07.json: can't be read")
    assert row_counts(ctx) == (0, 0)


def test_the_wrong_kind_of_file_is_refused_plainly(ctx: Context, tmp_path: Path) -> None:
    photo = tmp_path / "export.zip"
    photo.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    with pytest.raises(ImportProblem) as caught:
        run_import(ctx, "slack", [photo], {"user": ME})
    assert str(caught.value).startswith(f"{photo}: this is not a zip file; a Slack export is a .zip file")
    empty = tmp_path / "empty.zip"
    empty.write_bytes(b"")
    with pytest.raises(ImportProblem, match="the file is empty"):
        run_import(ctx, "slack", [empty], {"user": ME})
    with pytest.raises(ImportProblem, match="is a folder; hand over the .zip file Slack gave you"):
        run_import(ctx, "slack", [tmp_path], {"user": ME})
    assert row_counts(ctx) == (0, 0)


# --- Damage of any kind: a clean problem or a complete import, never half of one ---

SAMPLE_BYTES = SAMPLE.read_bytes()
SAMPLE_MEMBERS = members_of(SAMPLE)
MUTATED_MEMBERS = ["users.json", "channels.json", "enrique/2016-01-14.json", "enrique/2016-02-07.json"]


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(content=mutated(SAMPLE_BYTES))
def test_a_damaged_zip_never_half_imports(ctx: Context, tmp_path: Path, content: bytes) -> None:
    import_is_all_or_nothing(ctx, "slack", tmp_path / "damaged.zip", content, {"user": ME})


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    change=st.sampled_from(MUTATED_MEMBERS).flatmap(
        lambda name: mutated(SAMPLE_MEMBERS[name]).map(lambda content: (name, content))
    )
)
def test_a_damaged_file_inside_the_zip_never_half_imports(
    ctx: Context, tmp_path: Path, change: tuple[str, bytes]
) -> None:
    name, content = change
    import_is_all_or_nothing(
        ctx, "slack", tmp_path / "edited.zip", zipped(SAMPLE_MEMBERS | {name: content}), {"user": ME}
    )


# --- Through the command line ---


def test_the_cli_imports_a_slack_export(cli: Cli) -> None:
    result = cli("import", "slack", str(SAMPLE), "--user", ME)
    assert result.exit_code == 0, result.output
    assert (
        "Import 1 (slack): 8 added; 0 updated; 0 already there; ignored: 97 bot messages, 35 messages that asked"
        in (" ".join(result.output.split()))
    )
    listing = " ".join(cli("evidence", "list").output.split())
    assert "Hamza Faran asked you in #enrique" in listing


def test_the_cli_says_in_one_line_when_the_person_is_not_in_the_export(cli: Cli) -> None:
    result = cli("import", "slack", str(SAMPLE), "--user", "dumbledore")
    assert result.exit_code == 2
    assert result.stderr.strip().startswith(
        f"upward: {SAMPLE}, field 'user': nobody in this export is called 'dumbledore'"
    )
    assert "hamza (Hamza Faran)" in result.stderr
