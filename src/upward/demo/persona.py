"""Maya Chen, a senior engineer stuck for two years: the demo a newcomer explores Upward with.

Her year of evidence tells the story of the expert trap. Other teams ask her for help with the same few
problems again and again, she fights fires, ships solid work for her own team without saying what it was
worth, and hardly anyone above her manager knows what she does. Everything is built from `today` and a
seed, so the same arguments always give the same demo.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, replace
from datetime import date, datetime, time, timedelta

from upward.model.evidence import EvidenceDraft, Kind, Metric
from upward.model.people import Awareness, PersonDraft, PromotionRole
from upward.model.profile import Profile

OWN_TEAM = "payments"
MANAGER = "Daniel Park"
SKIP_LEVEL = "Rachel Alvarez"
DAYS_BACK = 364
MONDAY, TUESDAY, THURSDAY, SATURDAY = 0, 1, 3, 5
SKIPPED_ONE_ON_ONES = 0.1
DAYS_IN_WEEK = 7
SKIP_LEVEL_DAYS_AGO = (120, 270)

PEOPLE: tuple[PersonDraft, ...] = (
    PersonDraft(MANAGER, PromotionRole.MANAGER, "daniel.park@example.com", "Engineering Manager", OWN_TEAM, 4,
                Awareness.KNOWS_WORK, 7, "Relies on Maya for every hard problem; has not raised her promotion."),
    PersonDraft(SKIP_LEVEL, PromotionRole.SKIP_LEVEL, "rachel.alvarez@example.com", "Director of Engineering, Commerce",
                "commerce", 5, Awareness.HEARD_OF, 30, "Met Maya once at a group round-table."),
    PersonDraft("Tom Becker", PromotionRole.PEER_MANAGER, "tom.becker@example.com", "Engineering Manager", "platform",
                3, Awareness.HEARD_OF, 30, "His team asks about the deploy pipeline most weeks."),
    PersonDraft("Aisha Rahman", PromotionRole.PEER_MANAGER, "aisha.rahman@example.com", "Engineering Manager", "web",
                3, Awareness.UNKNOWN, 30, "Sits on the promotion committee for senior engineers."),
    PersonDraft("Grace Liu", PromotionRole.HR, "grace.liu@example.com", "HR Business Partner", "people", 3,
                Awareness.UNKNOWN, 90, "Knows the staff-level promotion criteria and calendar."),
    PersonDraft("Elena Rossi", PromotionRole.SPONSOR, "elena.rossi@example.com", "VP Finance Operations",
                "finance-ops", 5, Awareness.UNKNOWN, 60, "Cares most about reconciliation numbers matching."),
    PersonDraft("Hannah Kim", PromotionRole.OTHER_TEAM_LEAD, "hannah.kim@example.com", "Tech Lead", "platform", 3,
                Awareness.HEARD_OF, 45),
    PersonDraft("Omar Haddad", PromotionRole.OTHER_TEAM_LEAD, "omar.haddad@example.com", "Tech Lead", "data", 3,
                Awareness.UNKNOWN, 45),
    PersonDraft("Jonas Weber", PromotionRole.PEER, "jonas.weber@example.com", "Senior Software Engineer", "web", 2,
                Awareness.KNOWS_WORK, None, "Asks Maya for help with deploys and webhooks almost every week."),
    PersonDraft("Priya Nair", PromotionRole.PEER, "priya.nair@example.com", "Senior Support Engineer", "support", 2,
                Awareness.KNOWS_WORK, None, "Brings her every stuck refund and dashboard problem."),
)  # fmt: skip

# (name, team, weight): who asks Maya for help. The two peers ask most often.
REQUESTERS: tuple[tuple[str, str, int], ...] = (
    ("Jonas Weber", "web", 6), ("Lucas Moreau", "web", 2), ("Ana Souza", "mobile", 2), ("Kenji Sato", "mobile", 2),
    ("Hannah Kim", "platform", 2), ("Noah Wilson", "platform", 2), ("Omar Haddad", "data", 2),
    ("Ben Carter", "data", 2), ("Chloe Dubois", "finance-ops", 3), ("Ravi Patel", "finance-ops", 2),
    ("Priya Nair", "support", 6), ("Mia Schmidt", "support", 2), ("Olivia Brown", "support", 2),
)  # fmt: skip

# (tag, count, teams who ask, wordings, bodies): the same problems, asked again and again.
THEMES: tuple[tuple[str, int, tuple[str, ...], tuple[str, ...], tuple[str, ...]], ...] = (
    ("deploy-pipeline", 24, ("web", "mobile", "platform", "data"), (
        "Deploy pipeline is flaky again and our release is blocked",
        "Our deploy pipeline failed at the payments step, no idea why",
        "Help with a flaky deploy pipeline before the mobile release",
        "Deploy pipeline keeps timing out, third time this week",
        "Can you look at the deploy pipeline? Tests pass locally but fail there",
        "Deploy pipeline stuck on the payment checks again",
    ), ("Their release could not go out until the pipeline was unblocked.", "Reran the failing step and fixed it.")),
    ("webhook-retries", 20, ("web", "mobile", "support"), (
        "Payment webhook retries failing, orders not marked as paid",
        "Webhook retries for payment confirmations keep failing",
        "Why are payment webhooks not retried after a timeout?",
        "Customers paid but the webhook never arrived, retries failing again",
        "Payment webhook retry queue is stuck",
    ), ("Orders stayed 'unpaid' until the webhooks were sent again by hand.", "Replayed the missed webhooks.")),
    ("reconciliation", 18, ("finance-ops", "data"), (
        "Reconciliation report numbers don't match the bank statement",
        "Monthly reconciliation report is off by a few thousand euros",
        "Why do the reconciliation totals differ from the ledger?",
        "Reconciliation report mismatch again for last week's payouts",
        "Finance asking why the reconciliation numbers don't add up",
    ), ("Finance could not close the books until the difference was explained.", "Traced it to late refunds.")),
    ("dashboard-access", 14, ("support", "finance-ops", "data"), (
        "Need access to the billing dashboard",
        "Billing dashboard access for a new support agent",
        "Can't see refunds on the billing dashboard, access problem?",
        "Please grant billing dashboard access to the finance intern",
        "Lost access to the billing dashboard after the team move",
    ), ("Only the payments team can change who sees the dashboard.", "Added them to the right group.")),
    ("stuck-refunds", 10, ("support",), (
        "Customer refund stuck in pending for a week",
        "Refund stuck: customer says the money never arrived",
        "Why is this refund stuck in processing?",
        "Several refunds stuck after yesterday's outage",
    ), ("A customer was waiting for their money.", "Pushed the refund through by hand.")),
)  # fmt: skip

ONE_OFF_REQUESTS: tuple[tuple[str, str], ...] = (
    ("Explain how currency rounding works on invoices", "finance-ops"),
    ("Sanity-check the web team's new checkout API design", "web"),
    ("Help estimate the effort to add a new payment method", "web"),
    ("Answer an auditor's question about how card data is stored", "finance-ops"),
    ("Debug a slow query in the data team's revenue report", "data"),
    ("Walk the mobile team through testing payments in the sandbox", "mobile"),
    ("Help support understand a chargeback letter from the bank", "support"),
    ("Find out why test card numbers stopped working in staging", "mobile"),
    ("Advise the platform team on rate limits for the payment API", "platform"),
    ("Pull a list of failed payments for a customer complaint", "support"),
    ("Explain payout timing to the finance operations team", "finance-ops"),
    ("Check why tax amounts differ between web and mobile checkout", "web"),
    ("Help set up alerts for the data team's nightly export", "data"),
    ("Review the platform team's plan for rotating secrets", "platform"),
    ("Explain to support what 'authorised but not captured' means", "support"),
    ("Help the data team map payment statuses for a new report", "data"),
)

INCIDENTS: tuple[tuple[str, str], ...] = (
    ("Hotfix: some customers were charged twice when a card payment was retried", "hotfix"),
    ("Outage: card payments failing for 40 minutes after provider timeouts", "outage"),
    ("Rolled back a release after checkout errors spiked", "rollback"),
    ("On-call page: payment success rate dropped below 95%", "on-call"),
    ("Hotfix: refunds stuck in 'pending' after the nightly job crashed", "hotfix"),
    ("Webhook backlog: order confirmations delayed for two hours", "outage"),
    ("Emergency fix: rounding error on invoices in Japanese yen", "hotfix"),
    ("On-call page: ledger job ran out of memory, payouts delayed", "on-call"),
    ("Rolled back a fraud rule change that blocked good customers", "rollback"),
    ("Outage: billing dashboard down during month-end close", "outage"),
    ("Hotfix: expired certificate broke calls to the bank", "hotfix"),
    ("On-call page: database connections maxed out at peak traffic", "on-call"),
)
INCIDENT_COUNT = 40
INCIDENT_NOTES = ("", "", "Fixed it, posted a short note in the incident channel, back to planned work the next day.")

# (project, start, end, milestones): start and end are fractions of the year; a milestone may carry a metric.
PROJECTS: tuple[tuple[str, float, float, tuple[tuple[str, str | None], ...]], ...] = (
    ("checkout-latency", 0.0, 0.35, (
        ("Shipped caching of saved cards so checkout loads faster", "p95 checkout load: 2.4s -> 1.1s"),
        ("Removed a slow fraud check call from the payment page", None),
        ("Card validation now runs alongside the address checks", None),
        ("Released new checkout timeouts and retries", None),
        ("Load-tested checkout at twice last year's peak", "requests per second handled: 400 -> 900"),
        ("Cleaned up old checkout code paths after the speed-up", None),
        ("Added latency graphs for every checkout step", None),
    )),
    ("card-vault-upgrade", 0.15, 0.55, (
        ("Upgraded the card storage library to the supported version", None),
        ("Rotated encryption keys for stored cards without downtime", None),
        ("Removed card numbers from old log files", None),
        ("Passed the yearly card security scan", None),
    )),
    ("ledger-migration", 0.3, 0.8, (
        ("Moved the first tenth of ledger entries to the new database", None),
        ("Built double-writing so the old and new ledgers stay in sync", None),
        ("Checked every balance matches between the old and new ledger", "mismatched balances: 1204 -> 0"),
        ("Moved payouts to read from the new ledger", None),
        ("Migrated the remaining ledger entries", None),
        ("Switched off the old ledger database", "nightly ledger job: 3h 10m -> 25m"),
        ("Added a daily check comparing ledger totals", None),
    )),
    ("refund-automation", 0.7, 1.0, (
        ("Refunds under 50 euros now go out automatically", "manual refunds per week: 140 -> 35"),
        ("Added clear refund status messages for support", None),
        ("Shipped retries for refunds the bank rejects", None),
        ("Made the refund job safe to re-run after a crash", None),
        ("Released partial refunds for split orders", None),
    )),
    ("payments-maintenance", 0.0, 1.0, (
        ("Upgraded the payment service's libraries", None),
        ("Cut the payment service build time", "build time: 14m -> 6m"),
        ("Tidied up alerting rules for payments", None),
        ("Moved payment service settings out of the code", None),
    )),
)  # fmt: skip

TEAMMATES = ("Sam Okafor", "Lena Fischer", "Arjun Mehta", "Chris Novak")
JUNIORS = ("Sam Okafor", "Lena Fischer")
REVIEW_SUBJECTS = (
    "change to the refund job", "new checkout error messages", "ledger migration script", "payout scheduling change",
    "fix for duplicate webhooks", "tests for currency rounding", "new database index for payments",
    "fraud rule settings update", "logging for card declines", "cleanup of old feature switches",
)  # fmt: skip
REVIEW_COUNT = 40
OTHER_TEAM_REVIEWS = (
    ("Reviewed the web team's change to the checkout form", "web"),
    ("Reviewed the data team's payments export query", "data"),
)
MENTORING = (
    "Paired with {name} on their first on-call shift",
    "Walked {name} through how the ledger works",
    "Helped {name} debug a failing payments test",
    "Weekly coaching session with {name}",
    "Explained to {name} how card payments move through the system",
)
MENTORING_COUNT = 16
WRITING: tuple[tuple[Kind, str, str | None], ...] = (
    (Kind.DOCUMENTATION, "Wrote a runbook for switching to the backup payment provider", None),
    (Kind.DOCUMENTATION, "Updated the on-call notes for webhook retries", None),
    (Kind.DOCUMENTATION, "Documented the ledger migration steps", "ledger-migration"),
    (Kind.DOCUMENTATION, "Wrote a how-to for granting billing dashboard access", None),
    (Kind.DOCUMENTATION, "Wrote up the double-charge incident and its fix", None),
    (Kind.DESIGN, "Design doc for the ledger migration cutover", "ledger-migration"),
    (Kind.DESIGN, "Sketched how refunds could be automated", "refund-automation"),
    (Kind.DESIGN, "Compared three caching options for checkout", "checkout-latency"),
    (Kind.STRATEGY, "Drafted a note on why reconciliation mismatches keep happening (not shared yet)", None),
    (Kind.STRATEGY, "Listed payments priorities for next year at Daniel's request", None),
    (Kind.FRAMEWORK, "Started a shared retry helper for webhooks, paused for incident work", None),
    (Kind.PRESENTATION, "Demoed the checkout speed-up at the payments sprint review", "checkout-latency"),
)
RECOGNITION: tuple[tuple[str, str, float], ...] = (
    ("Thanks from the web team for saving the launch when payments broke", "Lucas Moreau", 0.3),
    ("Support thanked her in their channel for clearing the refund backlog", "Priya Nair", 0.6),
    ("Daniel thanked her at the team meeting for handling the weekend outage", MANAGER, 0.85),
)
ONE_ON_ONE_TOPICS = (
    "Went through the sprint and this week's incidents.",
    "Status of the ledger migration.",
    "Talked about on-call load; agreed to keep going as is.",
    "Mostly about who should pick up the next urgent request.",
    "Quick check-in; nothing about growth or promotion came up.",
)
CROSS_TEAM_MEETINGS: tuple[tuple[str, tuple[str, ...], tuple[str, ...]], ...] = (
    ("Platform sync about deploy pipeline reliability", ("platform",), ("Hannah Kim", "Tom Becker")),
    ("Finance operations check-in on month-end reconciliation", ("finance-ops",), ("Chloe Dubois",)),
    ("Web and payments planning for the holiday season", ("web",), ("Aisha Rahman", "Jonas Weber")),
    ("Data team review of the payment events format", ("data",), ("Omar Haddad",)),
)


@dataclass(frozen=True)
class Demo:
    """A ready-made person to explore Upward with: who she is, who decides, and a year of evidence."""

    profile: Profile
    people: list[PersonDraft]
    evidence: list[EvidenceDraft]


def build_demo(today: date, seed: int = 7) -> Demo:
    """Maya's profile, stakeholders and a year of evidence ending the working day before `today`."""
    rng = random.Random(seed)
    days = _workdays(today)
    drafts = [
        *_requests(rng, days),
        *_incidents(rng, days),
        *_deliveries(rng, days),
        *_reviews(rng, days),
        *_mentoring(rng, days),
        *_writing(rng, days),
        *_recognition(rng, days),
        *_meetings(rng, days, today),
    ]
    drafts.sort(key=lambda draft: (draft.occurred_at, draft.title))
    evidence = [replace(d, source="demo", source_id=f"demo-{n:04d}").validated() for n, d in enumerate(drafts, 1)]
    return Demo(profile=_profile(today), people=[person.validated() for person in PEOPLE], evidence=evidence)


def _profile(today: date) -> Profile:
    return Profile(
        name="Maya Chen",
        role="Senior Software Engineer",
        current_level="Senior (L5)",
        target_level="Staff (L6)",
        team=OWN_TEAM,
        manager_name=MANAGER,
        skip_level_name=SKIP_LEVEL,
        plan_start=today,
        manager_email="daniel.park@example.com",
        skip_level_email="rachel.alvarez@example.com",
    ).validated()


def _workdays(today: date) -> list[date]:
    """Weekdays of the twelve months before `today`, oldest first; `today` itself is left out."""
    candidates = (today - timedelta(days=back) for back in range(DAYS_BACK, 0, -1))
    return [day for day in candidates if day.weekday() < SATURDAY]


def _window(days: list[date], start: float, end: float) -> list[date]:
    return days[int(start * len(days)) : max(int(end * len(days)), int(start * len(days)) + 1)]


def _item(
    rng: random.Random,
    day: date,
    kind: Kind,
    title: str,
    *,
    minutes: tuple[int, int] | None = (30, 120),
    at: time | None = None,
    teams: tuple[str, ...] = (OWN_TEAM,),
    people: tuple[str, ...] = (),
    requester: str | None = None,
    project: str | None = None,
    tags: tuple[str, ...] = (),
    metrics: tuple[Metric, ...] = (),
    body: str = "",
) -> EvidenceDraft:
    """One draft on `day`, at `at` or at a random time between 9:00 and 16:55."""
    moment = at or time(rng.randint(9, 16), rng.randrange(0, 60, 5))
    return EvidenceDraft(
        title=title,
        occurred_at=datetime.combine(day, moment),
        kind=kind,
        body=body,
        requester=requester,
        teams=teams,
        people=people,
        minutes=rng.randrange(minutes[0], minutes[1] + 1, 5) if minutes else None,
        metrics=metrics,
        project=project,
        tags=tags,
    )


def _requester(rng: random.Random, teams: tuple[str, ...]) -> tuple[str, str]:
    pool = [entry for entry in REQUESTERS if entry[1] in teams]
    name, team, _ = rng.choices(pool, weights=[weight for *_, weight in pool])[0]
    return name, team


def _requests(rng: random.Random, days: list[date]) -> list[EvidenceDraft]:
    drafts = []
    for tag, count, teams, wordings, bodies in THEMES:
        for _ in range(count):
            name, team = _requester(rng, teams)
            body = rng.choice(("", *bodies))
            title = rng.choice(wordings)
            drafts.append(
                _item(rng, rng.choice(days), Kind.REQUEST, title, minutes=(15, 180), teams=(team,),
                      requester=name, body=body, tags=(tag,))
            )  # fmt: skip
    for title, team in ONE_OFF_REQUESTS:
        name, _ = _requester(rng, (team,))
        drafts.append(
            _item(rng, rng.choice(days), Kind.REQUEST, title, minutes=(15, 180), teams=(team,), requester=name)
        )
    return drafts


def _incidents(rng: random.Random, days: list[date]) -> list[EvidenceDraft]:
    drafts = []
    for _ in range(INCIDENT_COUNT):
        title, tag = rng.choice(INCIDENTS)
        teams = (OWN_TEAM, "web") if "checkout" in title else (OWN_TEAM,)
        body = rng.choice(INCIDENT_NOTES)
        drafts.append(
            _item(rng, rng.choice(days), Kind.INCIDENT, title, minutes=(30, 360), teams=teams, tags=(tag,), body=body)
        )
    return drafts


def _deliveries(rng: random.Random, days: list[date]) -> list[EvidenceDraft]:
    drafts = []
    for project, start, end, milestones in PROJECTS:
        window = _window(days, start, end)
        spots = sorted(rng.sample(range(len(window)), len(milestones)))
        for spot, (title, metric) in zip(spots, milestones, strict=True):
            metrics = (Metric.parse(metric),) if metric else ()
            drafts.append(
                _item(rng, window[spot], Kind.DELIVERY, title, minutes=(120, 960), project=project, metrics=metrics)
            )
    return drafts


def _reviews(rng: random.Random, days: list[date]) -> list[EvidenceDraft]:
    drafts = []
    for _ in range(REVIEW_COUNT):
        name = rng.choice(TEAMMATES)
        title = f"Reviewed {name}'s {rng.choice(REVIEW_SUBJECTS)}"
        drafts.append(_item(rng, rng.choice(days), Kind.REVIEW, title, minutes=(15, 90), people=(name,)))
    for title, team in OTHER_TEAM_REVIEWS:
        drafts.append(_item(rng, rng.choice(days), Kind.REVIEW, title, minutes=(20, 60), teams=(team,)))
    return drafts


def _mentoring(rng: random.Random, days: list[date]) -> list[EvidenceDraft]:
    drafts = []
    for _ in range(MENTORING_COUNT):
        name = rng.choice(JUNIORS)
        title = rng.choice(MENTORING).format(name=name)
        drafts.append(_item(rng, rng.choice(days), Kind.MENTORING, title, minutes=(30, 90), people=(name,)))
    return drafts


def _writing(rng: random.Random, days: list[date]) -> list[EvidenceDraft]:
    return [
        _item(rng, rng.choice(days), kind, title, minutes=(60, 240), project=project)
        for kind, title, project in WRITING
    ]


def _recognition(rng: random.Random, days: list[date]) -> list[EvidenceDraft]:
    drafts = []
    for title, giver, when in RECOGNITION:
        day = rng.choice(_window(days, when, when + 0.05))
        drafts.append(_item(rng, day, Kind.RECOGNITION, title, minutes=None, people=(giver,), requester=giver))
    return drafts


def _meetings(rng: random.Random, days: list[date], today: date) -> list[EvidenceDraft]:
    return [
        *_one_on_ones(rng, days),
        *_team_meetings(rng, days),
        *_cross_team_meetings(rng, days),
        _skip_level_meeting(rng, days, today),
    ]


def _one_on_ones(rng: random.Random, days: list[date]) -> list[EvidenceDraft]:
    """Weekly on Tuesdays; about one week in ten is skipped for holidays or incidents."""
    return [
        _item(rng, day, Kind.MEETING, f"Weekly 1:1 with {MANAGER}", minutes=(30, 30), at=time(10, 0),
              people=(MANAGER,), body=rng.choice(ONE_ON_ONE_TOPICS))
        for day in days
        if day.weekday() == TUESDAY and rng.random() >= SKIPPED_ONE_ON_ONES
    ]  # fmt: skip


def _team_meetings(rng: random.Random, days: list[date]) -> list[EvidenceDraft]:
    """Sprint planning every other Monday, a retrospective on the first Thursday of each month."""
    planning = [
        _item(rng, day, Kind.MEETING, "Payments sprint planning", minutes=(60, 60), at=time(10, 30))
        for day in days
        if day.weekday() == MONDAY and day.isocalendar().week % 2 == 0
    ]
    retros = [
        _item(rng, day, Kind.MEETING, "Payments team retrospective", minutes=(45, 45), at=time(15, 0))
        for day in days
        if day.weekday() == THURSDAY and day.day <= DAYS_IN_WEEK
    ]
    return planning + retros


def _cross_team_meetings(rng: random.Random, days: list[date]) -> list[EvidenceDraft]:
    return [
        _item(rng, rng.choice(days), Kind.MEETING, title, minutes=(30, 60), teams=(OWN_TEAM, *teams), people=people)
        for title, teams, people in CROSS_TEAM_MEETINGS
    ]


def _skip_level_meeting(rng: random.Random, days: list[date], today: date) -> EvidenceDraft:
    """The only time she met her skip-level: a group round-table four to nine months ago."""
    low, high = SKIP_LEVEL_DAYS_AGO
    day = rng.choice([day for day in days if low <= (today - day).days <= high])
    title = f"Skip-level round-table with {SKIP_LEVEL} (eight engineers)"
    return _item(rng, day, Kind.MEETING, title, minutes=(60, 60), at=time(14, 0), people=(SKIP_LEVEL,))
