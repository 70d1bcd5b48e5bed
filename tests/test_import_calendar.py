"""The calendar importer: .ics exports from Google, Outlook and Exchange become meetings, touchpoints and talks."""

from __future__ import annotations

import time
from collections.abc import Iterator
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings

from conftest import REAL_DATA, Cli
from importing import import_is_all_or_nothing, mutated, row_counts
from upward.importers import ImportRequest, get_importer
from upward.importers.calendar import weekly_meeting_hours, window
from upward.model import Evidence, EvidenceDraft, EvidenceFilter, Kind, PersonDraft, Profile, PromotionRole
from upward.model.imports import Ignored, ImportProblem
from upward.services import Context
from upward.services import evidence as evidence_service
from upward.services.imports import run_import
from upward.services.profile import save_profile
from upward.store import people_repo

REAL = REAL_DATA / "calendar"
GOOGLE = REAL / "python-recurring-ical-events/issue42_google_calendar_export.ics"  # X-WR-CALNAME:gabi@gmail.com
SAMPLES = REAL / "outlook-exchange-samples"
BLANK_TZID = SAMPLES / "ical4j_blankTzid_exchange2010.ics"
APPLE = SAMPLES / "nodeical_tentative-apple-calendar.ics"
ITIP = SAMPLES / "ical4j_incoming_meetings.ics"
OWA = SAMPLES / "nodeical_Office-2012-owa.ics"
GOOGLE_YEARS = {"since": "2010-01-01", "until": "2020-12-31"}
EXCHANGE_UID = (
    "040000008200E00074C5B7101A82E00800000000D06E1BB24281CE01000000000000000010000000E5660B56C14A584297D537B1BC09E2C5"
)


@pytest.fixture(autouse=True)
def machine_in_utc(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Times are stored in the machine's local time; the tests pin the machine's zone."""
    monkeypatch.setenv("TZ", "UTC")
    time.tzset()
    yield
    monkeypatch.undo()
    time.tzset()


def in_zone(monkeypatch: pytest.MonkeyPatch, zone: str) -> None:
    monkeypatch.setenv("TZ", zone)
    time.tzset()


def items(ctx: Context) -> dict[str, Evidence]:
    page = evidence_service.listing(ctx, EvidenceFilter(source="calendar", per_page=500))
    return {item.source_id or "": item for item in page.items}


def read(path: Path, **options: object) -> list[EvidenceDraft | Ignored]:
    return list(get_importer("calendar").read(ImportRequest(paths=(path,), options=dict(options))))


def add_profile(ctx: Context, manager: str = "dana@acme.com", skip: str = "rae@acme.com") -> None:
    save_profile(
        ctx,
        Profile(
            name="Ada", role="Engineer", current_level="L4", target_level="L5", team="Platform",
            manager_name="Dana Boss", skip_level_name="Rae Skip", plan_start=date(2026, 1, 1),
            manager_email=manager, skip_level_email=skip,
        ),
    )  # fmt: skip


# --- The real exports ---


def test_a_real_google_export_becomes_its_meetings_and_touchpoints(ctx: Context) -> None:
    add_profile(ctx, manager="csilla.baski@knorr-bremse.com", skip="laszlo.tamas@knorr-bremse.com")
    run = run_import(ctx, "calendar", [GOOGLE], GOOGLE_YEARS)
    assert run.summary.added == 34 and run.items == 34
    assert run.summary.ignored == {
        "events with nobody else invited": 4356,
        "all-day events (holidays, trips, reminders)": 321,
        "outside the dates you chose (--since, --until)": 57,
        "your own blocks, such as focus time or lunch": 1,
        "events lasting more than a day": 1,
    }
    found = items(ctx)
    assert sum(1 for item in found.values() if "1:1" in item.tags) == 30
    mine = found["2hl4r1sii885q641q2ahm2c4k8@google.com"]  # the one gabi organised
    assert (mine.occurred_at, mine.minutes, mine.kind, mine.title) == (
        datetime(2013, 2, 27, 20),
        15,
        Kind.MEETING,
        "test",
    )
    assert (mine.people, mine.tags, mine.body) == (
        ("elero@digitus.itk.ppke.hu",), ("1:1",), "You organised it.\n2 people, you included."
    )  # fmt: skip
    big = found[EXCHANGE_UID]
    assert big.occurred_at == datetime(2013, 7, 19, 12) and big.minutes == 60
    assert big.people == ("ferenc.szabo2@knorr-bremse.com", "arpad.toth@lisbon", "zoltan.albert@lisbon")  # no room
    assert big.teams == ("knorr-bremse.com", "lisbon") and big.tags == ("cross-team",)
    when = {(item.occurred_at, item.minutes): item for item in found.values()}
    skip = when[(datetime(2016, 6, 27, 6), 60)]
    assert (skip.people, skip.tags, skip.teams) == (("Rae Skip",), ("touchpoint", "with:skip-level", "1:1"), ())
    manager = when[(datetime(2015, 6, 12, 12), 150)]
    assert (manager.people, manager.tags, manager.teams) == (
        ("Dana Boss",), ("touchpoint", "with:manager", "1:1"), ("platform",)
    )  # fmt: skip
    day_out = when[(datetime(2016, 6, 10, 6), 600)]  # 104 people invited: Dana was there, but it was no conversation
    assert day_out.people[0] == "Dana Boss" and len(day_out.people) == 21
    assert day_out.tags == ("with:manager", "cross-team") and "83 more people are not listed here." in day_out.body


def test_real_outlook_exchange_and_apple_samples(tmp_path: Path) -> None:
    blank = read(BLANK_TZID, me=["sam@company.com"], since="2015-01-01", until="2015-12-31")
    assert len(blank) == 1 and isinstance(blank[0], EvidenceDraft)
    meeting = blank[0]  # Exchange's blank TZID, defined in the file as UTC+0
    assert (meeting.occurred_at, meeting.minutes, meeting.people, meeting.tags) == (
        datetime(2015, 8, 26, 9), 60, ("roberts@company.com",), ("1:1",)
    )  # fmt: skip
    assert meeting.title == "Meeting with roberts" and meeting.source_id == "t21ocubdt9jagerldbkak7uhcg@google.com"
    apple = read(APPLE, me=["tentative@example.com"], since="2022-07-01", until="2022-07-31")
    drafts = [d for d in apple if isinstance(d, EvidenceDraft)]
    assert [(d.title, d.occurred_at, d.minutes) for d in drafts] == [("Confirmed", datetime(2022, 7, 5, 16), 60)]
    assert sorted(r.reason for r in apple if isinstance(r, Ignored)) == [
        "cancelled events", "events with nobody else invited", "events with nobody else invited"
    ]  # fmt: skip
    itip = read(ITIP, me=["a@example.com"], since="1997-01-01", until="1997-12-31")
    pool = [d for d in itip if isinstance(d, EvidenceDraft)]  # the latest of four copies of one invitation
    assert [(d.title, d.occurred_at, d.minutes, d.people) for d in pool] == [
        ("Pool party", datetime(1997, 7, 1, 19), 30, ("b@example.com", "c@example.com", "d@example.com"))
    ]
    reasons = [r.reason for r in itip if isinstance(r, Ignored)]
    assert reasons.count("answers to invitations (replies, counter-proposals)") == 5
    assert reasons.count("copies of an event already read (the latest is kept)") == 3
    for name in ("icalnet_Outlook2007LineFolds.ics", "nodeical_exchange_whole_day_moved_recurrence.ics"):
        assert read(SAMPLES / name, me=["x@example.com"], since="2009-01-01", until="2026-12-31") == [
            Ignored("all-day events (holidays, trips, reminders)")
        ]


def test_zones_are_converted_to_the_machines_local_time(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """Outlook's zone names ("(UTC-05:00) Eastern Time") and a repeating event from the real OWA sample."""
    invited = OWA.read_text().replace(
        "CLASS:PUBLIC", "CLASS:PUBLIC\nATTENDEE;CN=Lee:mailto:lee@example.com\nATTENDEE:mailto:me@example.com"
    )
    path = tmp_path / "owa.ics"
    path.write_text(invited)
    drafts = read(path, me=["me@example.com"], since="2020-10-01", until="2020-11-06")
    assert [(d.title, d.occurred_at) for d in drafts if isinstance(d, EvidenceDraft)] == [
        ("TEST Syd", datetime(2020, 10, 28, 3, 30)),  # (GMT+10:00) Canberra
        ("TEST", datetime(2020, 10, 28, 18, 30)),
        ("TEST 3", datetime(2020, 11, 2, 18, 30)),
        ("TEST2", datetime(2020, 11, 2, 18, 30)),
        ("TEST2", datetime(2020, 11, 5, 18, 30)),  # expanded: Thursdays and Fridays
        ("TEST2", datetime(2020, 11, 6, 18, 30)),
    ]
    in_zone(monkeypatch, "Europe/Berlin")
    blank = read(BLANK_TZID, me=["sam@company.com"], since="2015-01-01", until="2015-12-31")
    assert isinstance(blank[0], EvidenceDraft) and blank[0].occurred_at == datetime(2015, 8, 26, 11)


# --- A calendar of our own, for what the real samples lack: a manager, a skip-level, talks, repeats ---

BERLIN = """BEGIN:VTIMEZONE
TZID:Europe/Berlin
BEGIN:DAYLIGHT
TZOFFSETFROM:+0100
TZOFFSETTO:+0200
DTSTART:19700329T020000
RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU
END:DAYLIGHT
BEGIN:STANDARD
TZOFFSETFROM:+0200
TZOFFSETTO:+0100
DTSTART:19701025T030000
RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU
END:STANDARD
END:VTIMEZONE"""
ME = "ATTENDEE;CN=Ada;PARTSTAT=ACCEPTED:mailto:ada@acme.com"
MARCH = {"since": "2026-03-01", "until": "2026-04-30"}


def who(*emails: str, status: str = "ACCEPTED") -> str:
    return "\n".join(f"ATTENDEE;PARTSTAT={status}:mailto:{email}" for email in emails)


def event(uid: str, start: str, end: str, summary: str, *lines: str) -> str:
    body = "\n".join(line for line in lines if line)
    return f"BEGIN:VEVENT\nUID:{uid}\nDTSTART{start}\nDTEND{end}\nSUMMARY:{summary}\n{body}\nEND:VEVENT"


def calendar(*events: str, owner: str = "ada@acme.com") -> str:
    head = f"BEGIN:VCALENDAR\nVERSION:2.0\nPRODID:-//Google Inc//Google Calendar 70.9054//EN\nX-WR-CALNAME:{owner}"
    return "\r\n".join([head, "X-WR-TIMEZONE:Europe/Berlin", BERLIN, *events, "END:VCALENDAR", ""])


ONE_ON_ONE = [
    event("weekly@acme.com", ";TZID=Europe/Berlin:20260302T100000", ";TZID=Europe/Berlin:20260302T103000", "Ada / Dana",
          "RRULE:FREQ=WEEKLY;COUNT=6", "EXDATE;TZID=Europe/Berlin:20260309T100000", "ORGANIZER:mailto:dana@acme.com",
          ME, who("dana@acme.com")),
    event("weekly@acme.com", ";TZID=Europe/Berlin:20260317T150000", ";TZID=Europe/Berlin:20260317T160000", "Ada / Dana",
          "RECURRENCE-ID;TZID=Europe/Berlin:20260316T100000", "ORGANIZER:mailto:dana@acme.com", ME,
          who("dana@acme.com")),
    event("weekly@acme.com", ";TZID=Europe/Berlin:20260323T100000", ";TZID=Europe/Berlin:20260323T103000", "Ada / Dana",
          "RECURRENCE-ID;TZID=Europe/Berlin:20260323T100000", "ORGANIZER:mailto:dana@acme.com",
          who("ada@acme.com", status="DECLINED"), who("dana@acme.com")),
    event("weekly@acme.com", ";TZID=Europe/Berlin:20260330T100000", ";TZID=Europe/Berlin:20260330T103000", "Ada / Dana",
          "RECURRENCE-ID;TZID=Europe/Berlin:20260330T100000", "STATUS:CANCELLED", "ORGANIZER:mailto:dana@acme.com", ME),
]  # fmt: skip
AUDIENCE = [f"dev{n}@acme.com" for n in range(12)]
CROWD = [f"x{n}@acme.com" for n in range(20)]
TEAM = calendar(
    *ONE_ON_ONE,
    event("skip@acme.com", ":20260304T140000Z", ":20260304T143000Z", "Career chat", "ORGANIZER:mailto:ada@acme.com",
          ME, who("rae@acme.com")),
    event("demo@acme.com", ";TZID=Europe/Berlin:20260305T160000", ";TZID=Europe/Berlin:20260305T170000",
          "Search demo", "ORGANIZER:mailto:ada@acme.com", ME, who(*AUDIENCE)),
    event("allhands@acme.com", ":20260306T160000Z", ":20260306T170000Z", "Company all-hands",
          "ORGANIZER;CN=The CEO:mailto:ceo@acme.com", ME, who("dana@acme.com", "rae@acme.com", *AUDIENCE, *CROWD)),
    event("payments@acme.com", ":20260311T100000Z", ":20260311T110000Z", "Ledger hand-over",
          "ORGANIZER:mailto:pia@acme.com", "LOCATION:Room 4\\, second floor", ME,
          who("pia@acme.com", "lee@partner.io"), "ATTENDEE;CUTYPE=ROOM:mailto:room4@acme.com"),
    event("floating@acme.com", ":20260310T090000", ":20260310T094500", "Pairing", ME, who("sam@acme.com")),
    event("exchange@acme.com", ";TZID=W. Europe Standard Time:20260415T100000",
          ";TZID=W. Europe Standard Time:20260415T110000", "Roadmap review", ME, who("pia@acme.com", "sam@acme.com")),
    event("no@acme.com", ":20260312T100000Z", ":20260312T110000Z", "Vendor pitch",
          who("ada@acme.com", status="DECLINED"), who("sales@vendor.example")),
    event("off@acme.com", ":20260313T100000Z", ":20260313T110000Z", "Retro", "STATUS:CANCELLED", ME,
          who("sam@acme.com")),
    event("day@acme.com", ";VALUE=DATE:20260316", ";VALUE=DATE:20260317", "Team offsite", ME, who("sam@acme.com")),
    event("focus@acme.com", ":20260318T080000Z", ":20260318T100000Z", "Focus time", ME),
    event("alone@acme.com", ":20260319T080000Z", ":20260319T083000Z", "Write the report"),
    event("old@acme.com", ":20250110T080000Z", ":20250110T083000Z", "Old sync", ME, who("sam@acme.com")),
)  # fmt: skip


@pytest.fixture
def team_calendar(ctx: Context, tmp_path: Path) -> Path:
    add_profile(ctx)
    with ctx.transaction() as conn:
        people_repo.upsert_by_name(
            conn, ctx.owner_id,
            PersonDraft(name="Pia Payments", email="pia@acme.com", role=PromotionRole.PEER_MANAGER, team="Payments"),
        )  # fmt: skip
    path = tmp_path / "ada.ics"
    path.write_text(TEAM)
    return path


def test_a_weekly_one_to_one_is_expanded_with_its_moved_declined_and_cancelled_weeks(
    ctx: Context, team_calendar: Path
) -> None:
    run_import(ctx, "calendar", [team_calendar], MARCH)
    weekly = {key: item for key, item in items(ctx).items() if key.startswith("weekly@acme.com")}
    assert {key: (item.occurred_at, item.minutes) for key, item in weekly.items()} == {
        "weekly@acme.com#20260302T090000Z": (datetime(2026, 3, 2, 9), 30),
        "weekly@acme.com#20260316T090000Z": (datetime(2026, 3, 17, 14), 60),  # moved to Tuesday, an hour long
        "weekly@acme.com#20260406T080000Z": (datetime(2026, 4, 6, 8), 30),  # summer time in Berlin
    }
    for item in weekly.values():
        assert (item.kind, item.people, item.teams) == (Kind.MEETING, ("Dana Boss",), ("platform",))
        assert item.tags == ("touchpoint", "with:manager", "1:1", "recurring")


def test_touchpoints_talks_and_cross_team_meetings(ctx: Context, team_calendar: Path) -> None:
    run = run_import(ctx, "calendar", [team_calendar], MARCH)
    assert run.summary.ignored == {
        "meetings you declined": 2,
        "cancelled events": 2,
        "all-day events (holidays, trips, reminders)": 1,
        "your own blocks, such as focus time or lunch": 1,
        "events with nobody else invited": 1,
        "outside the dates you chose (--since, --until)": 1,
    }
    found = items(ctx)
    assert run.summary.added == len(found) == 9
    skip = found["skip@acme.com"]
    assert (skip.occurred_at, skip.people, skip.tags) == (
        datetime(2026, 3, 4, 14), ("Rae Skip",), ("touchpoint", "with:skip-level", "1:1")
    )  # fmt: skip
    demo = found["demo@acme.com"]
    assert (demo.kind, demo.minutes, demo.people, demo.tags) == (Kind.PRESENTATION, 60, tuple(AUDIENCE), ())
    allhands = found["allhands@acme.com"]  # someone else's talk, and too many people for a conversation
    assert (allhands.kind, allhands.people[:3], len(allhands.people)) == (
        Kind.MEETING, ("Dana Boss", "Rae Skip", "ceo@acme.com"), 22
    )  # fmt: skip
    assert allhands.tags == ("with:manager", "with:skip-level", "talk") and allhands.body.startswith(
        "Organised by The CEO."
    )
    ledger = found["payments@acme.com"]
    assert (ledger.people, ledger.teams) == (("Pia Payments", "lee@partner.io"), ("payments", "platform", "partner.io"))
    assert (
        ledger.tags == ("touchpoint", "with:peer-manager", "cross-team")
        and "Where: Room 4, second floor" in ledger.body
    )
    assert found["floating@acme.com"].occurred_at == datetime(2026, 3, 10, 8)  # floating: in X-WR-TIMEZONE
    review = found["exchange@acme.com"]  # Exchange's Windows zone name
    assert (review.occurred_at, review.tags, review.teams) == (
        datetime(2026, 4, 15, 8), ("touchpoint", "with:peer-manager", "cross-team"), ("payments", "platform")
    )  # fmt: skip


def test_weekly_meeting_hours_total_the_minutes_by_iso_week(team_calendar: Path) -> None:
    drafts = [d for d in read(team_calendar, **MARCH) if isinstance(d, EvidenceDraft)]
    assert weekly_meeting_hours(drafts) == {
        "2026-W10": 3.0,  # 1:1 30 min, skip-level 30, demo 60, all-hands 60
        "2026-W11": 1.75,  # pairing 45, ledger 60
        "2026-W12": 1.0,  # the moved 1:1
        "2026-W15": 0.5,
        "2026-W16": 1.0,
    }
    noon = datetime(2026, 1, 1, 12)  # ISO week 1 of 2026
    logged = [EvidenceDraft("Shipped", noon, minutes=600), EvidenceDraft("Sync", noon, Kind.MEETING, minutes=20)]
    assert weekly_meeting_hours(logged) == {"2026-W01": 0.33} and weekly_meeting_hours([]) == {}


def test_importing_again_adds_nothing_and_a_newer_export_adds_only_what_is_new(ctx: Context, tmp_path: Path) -> None:
    options = {"me": ["sam@company.com"], "since": "2015-08-01", "until": "2015-09-30"}
    first = run_import(ctx, "calendar", [BLANK_TZID], options)
    again = run_import(ctx, "calendar", [BLANK_TZID], options)
    assert (first.summary.added, again.summary.added, again.summary.unchanged) == (1, 0, 1)
    newer = BLANK_TZID.read_text().replace("SEQUENCE:1", "SEQUENCE:2").replace("T100000", "T103000")
    newer = newer.replace(
        "END:VCALENDAR",
        event("follow-up@company.com", ":20150902T090000Z", ":20150902T093000Z", "Follow-up",
              who("sam@company.com", "roberts@company.com")) + "\nEND:VCALENDAR",
    )  # fmt: skip
    path = tmp_path / "newer.ics"
    path.write_text(newer)
    third = run_import(ctx, "calendar", [path], options)
    assert (third.summary.added, third.summary.updated, third.summary.unchanged) == (1, 1, 0)
    assert items(ctx)["t21ocubdt9jagerldbkak7uhcg@google.com"].minutes == 90
    both = run_import(ctx, "calendar", [BLANK_TZID, path], options)  # the same event in two files: read once
    assert (both.summary.added, both.summary.ignored) == (
        0,
        {"copies of an event already read (the latest is kept)": 1},
    )


def test_without_dates_the_last_twelve_months_are_read(tmp_path: Path) -> None:
    today = date.today()
    days = {"recent": today - timedelta(days=10), "old": today - timedelta(days=400), "soon": today + timedelta(days=2)}
    path = tmp_path / "now.ics"
    path.write_text(
        calendar(*(event(uid, f":{day:%Y%m%d}T100000Z", f":{day:%Y%m%d}T110000Z", uid, ME, who("sam@acme.com"))
                   for uid, day in days.items()))
    )  # fmt: skip
    assert [d.source_id for d in read(path) if isinstance(d, EvidenceDraft)] == ["recent"]
    assert window({}, today) == (today - timedelta(days=365), today)
    assert window({"since": "2026-01-01"}, date(2026, 6, 1)) == (date(2026, 1, 1), date(2026, 6, 1))


# --- Bad input: named, explained, nothing written ---

GOOD_EVENT = event("ok@acme.com", ":20260304T140000Z", ":20260304T143000Z", "Sync", ME, who("sam@acme.com"))


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("", "the file is empty"),
        ("date,text\n2026-01-01,Shipped\n", "line 1: is not a calendar file"),
        (calendar(GOOD_EVENT.replace(":20260304T140000Z", ":20260230T140000Z")),
         "line 23, field 'DTSTART': '20260230T140000Z' is not a real date"),
        (calendar(GOOD_EVENT.replace(":20260304T143000Z", ":2026-03-04 14:30")),
         "line 24, field 'DTEND': '2026-03-04 14:30' is not a date; calendars write them like 20261107T093000"),
        (calendar(GOOD_EVENT.replace(":20260304T143000Z", ":20260304T133000Z")),
         "line 24, field 'DTEND': the event ends before it starts"),
        (calendar(GOOD_EVENT.replace("DTSTART:20260304T140000Z\n", "")),
         "line 21, field 'DTSTART': this event has no start"),
        (calendar(GOOD_EVENT.replace("SUMMARY:Sync", "RRULE:FREQ=WEEKLY;BYDAY=XX")),
         "line 25, field 'RRULE': this can't be read (Expected weekday abbreviation, got: XX)"),
        (calendar(GOOD_EVENT).split("END:VEVENT")[0],
         "the file ends inside the VEVENT that begins on line 21; it looks cut short"),
        (calendar(GOOD_EVENT.replace("END:VEVENT", "END:VTODO")),
         "line 28: END:VTODO does not close the VEVENT begun on line 21"),
        (calendar(GOOD_EVENT.replace("ORGANIZER", "X").replace(ME, 'ATTENDEE;CN="Ada:mailto:ada@acme.com')),
         "line 26, field 'ATTENDEE': the details of ATTENDEE can't be read"),
        (calendar(GOOD_EVENT, owner="Work"),
         "field 'me': Upward needs to know which attendee is you, and this calendar is called 'Work'"),
    ],
)  # fmt: skip
def test_a_bad_file_is_named_explained_and_nothing_is_written(
    ctx: Context, tmp_path: Path, content: str, message: str
) -> None:
    path = tmp_path / "bad.ics"
    path.write_text(content)
    with pytest.raises(ImportProblem) as caught:
        run_import(ctx, "calendar", [path], MARCH)
    assert str(caught.value).startswith(str(path))
    assert message in str(caught.value)
    assert row_counts(ctx) == (0, 0)


@pytest.mark.parametrize(
    ("options", "message"),
    [
        ({"since": "last spring"}, "calendar, field 'since': 'last spring' is not a date"),
        ({"since": "2026-05-01", "until": "2026-04-01"}, "calendar, field 'since': --since (2026-05-01) is after"),
        ({"me": ["ada at acme"]}, "calendar, field 'me': 'ada at acme' is not an email address"),
    ],
)
def test_bad_options_are_named(ctx: Context, options: dict[str, object], message: str) -> None:
    with pytest.raises(ImportProblem, match="^" + message.replace("(", r"\(").replace(")", r"\)")):
        run_import(ctx, "calendar", [BLANK_TZID], options)
    assert row_counts(ctx) == (0, 0)


def test_binary_and_undecodable_files_are_refused(ctx: Context, tmp_path: Path) -> None:
    photo = tmp_path / "photo.ics"
    photo.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    with pytest.raises(ImportProblem, match="line 1: is not UTF-8 text"):
        run_import(ctx, "calendar", [photo], MARCH)
    latin = tmp_path / "latin.ics"
    latin.write_bytes(calendar(GOOD_EVENT.replace("Sync", "Caf\xe9")).encode("latin-1"))
    with pytest.raises(ImportProblem, match="line 25: is not UTF-8 text"):
        run_import(ctx, "calendar", [latin], MARCH)
    nul = tmp_path / "nul.ics"
    nul.write_bytes(calendar(GOOD_EVENT.replace("Sync", "Sy\x00nc")).encode())
    with pytest.raises(ImportProblem, match="line 25: holds binary data"):
        run_import(ctx, "calendar", [nul], MARCH)
    assert row_counts(ctx) == (0, 0)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(content=mutated(APPLE.read_bytes()))
def test_a_damaged_real_calendar_never_half_imports(ctx: Context, tmp_path: Path, content: bytes) -> None:
    options = {"me": ["tentative@example.com"], "since": "2022-01-01", "until": "2022-12-31"}
    import_is_all_or_nothing(ctx, "calendar", tmp_path / "damaged.ics", content, options)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(content=mutated(OWA.read_bytes()))
def test_a_damaged_repeating_calendar_never_half_imports(ctx: Context, tmp_path: Path, content: bytes) -> None:
    options = {"me": ["me@example.com"], "since": "2020-10-01", "until": "2021-12-31"}
    import_is_all_or_nothing(ctx, "calendar", tmp_path / "damaged.ics", content, options)


def test_the_cli_imports_a_calendar_and_asks_who_you_are(cli: Cli, tmp_path: Path) -> None:
    path = tmp_path / "ada.ics"
    path.write_text(TEAM)
    result = cli("import", "calendar", str(path), "--since", "2026-03-01", "--until", "2026-04-30")
    assert result.exit_code == 0, result.output
    assert "Import 1 (calendar): 9 added; 0 updated; 0 already there; ignored: " in result.output
    assert "2 meetings you declined" in result.output and "1 your own blocks, such as focus time" in result.output
    again = cli("import", "calendar", str(path), "--since", "2026-03-01", "--until", "2026-04-30")
    assert "Import 2 (calendar): 0 added; 0 updated; 9 already there" in again.output
    unnamed = cli("import", "calendar", str(BLANK_TZID))
    assert unnamed.exit_code == 2
    assert unnamed.stderr.strip() == (
        f"upward: {BLANK_TZID}, field 'me': Upward needs to know which attendee is you, and this calendar does not "
        "name its owner. Add --me with your email address (once for each address you use), for example "
        "--me you@example.com"
    )
    named = cli("import", "calendar", str(BLANK_TZID), "--me", "sam@company.com", "--since", "2015-01-01")
    assert "(calendar): 1 added;" in named.output  # a refused import may use up a number on PostgreSQL


def test_the_importer_is_registered_with_its_options() -> None:
    importer = get_importer("calendar")
    assert importer.suffixes == (".ics",)
    assert [(o.name, o.multiple) for o in importer.options] == [("me", True), ("since", False), ("until", False)]
