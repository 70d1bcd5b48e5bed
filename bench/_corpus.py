"""A deterministic record of work: evidence rows built from word lists and a seeded random generator.

The rows are plain dicts for `upward.store.tables.evidence`, shaped like what Upward stores after a few
years of logging, requests and imports: varied titles and bodies, a few dozen projects, a dozen teams,
hundreds of requesters and dates spread evenly over three years. The same seed always gives the same rows.
"""

from __future__ import annotations

import random
from collections.abc import Iterator
from datetime import datetime, timedelta
from typing import Any

from upward.model import Kind

START = datetime(2023, 1, 2, 8, 0)
SPAN = timedelta(days=3 * 365)
END = START + SPAN

KIND_WEIGHTS: dict[Kind, int] = {
    Kind.DELIVERY: 24, Kind.REQUEST: 20, Kind.REVIEW: 14, Kind.MEETING: 10, Kind.INCIDENT: 7,
    Kind.DOCUMENTATION: 6, Kind.DESIGN: 5, Kind.MENTORING: 4, Kind.OTHER: 3, Kind.STRATEGY: 2,
    Kind.PRESENTATION: 2, Kind.FRAMEWORK: 2, Kind.RECOGNITION: 1,
}  # fmt: skip

TEAMS = (
    "payments", "web", "mobile", "platform", "data", "finance-ops",
    "support", "security", "growth", "search", "identity", "infra",
)  # fmt: skip

PROJECTS = (
    "Checkout v2", "Ledger Migration", "Atlas", "Beacon", "Fraud Shield", "Invoice Revamp", "Orion",
    "Payouts API", "Kepler", "Search Relevance", "Onboarding Flow", "Data Lake", "Zero Downtime Deploys",
    "SSO Rollout", "Mobile Wallet", "Cost Explorer", "Refund Automation", "Helios", "Nimbus", "Quartz",
    "Subscriptions", "Tax Engine", "Partner Portal", "Observability", "Event Bus", "Vega", "Pricing Tiers",
    "Support Console", "Risk Scoring", "Reconciliation", "Cobalt", "Dashboard Refresh", "GDPR Requests",
    "Notification Hub", "Feature Flags", "Capacity Planning", "Sirius", "Accessibility Audit",
)  # fmt: skip

FIRST_NAMES = (
    "Alice", "Ben", "Chloe", "Daniel", "Elena", "Farid", "Grace", "Hannah", "Ivan", "Jonas", "Kenji", "Lucas",
    "Maya", "Noah", "Olivia", "Priya", "Quinn", "Ravi", "Sofia", "Tom", "Uma", "Victor", "Wen", "Yara",
)  # fmt: skip
LAST_NAMES = (
    "Brown", "Carter", "Chen", "Dubois", "Garcia", "Haddad", "Kim", "Liu", "Moreau", "Nair", "Novak",
    "Okafor", "Park", "Patel", "Rahman", "Rossi", "Sato", "Schmidt", "Souza", "Weber", "Wilson",
)  # fmt: skip

SYSTEMS = (
    "checkout", "ledger", "webhook", "invoice", "payout", "refund", "billing", "login", "session", "search index",
    "deploy pipeline", "feature flag service", "notification", "reporting", "reconciliation", "fraud rules",
    "subscription", "tax", "pricing", "onboarding", "audit log", "rate limiter", "cache", "message queue",
)  # fmt: skip
COMPONENTS = (
    "API", "worker", "dashboard", "alerts", "schema", "client", "retry logic", "batch job", "migration script",
    "runbook", "config", "tests", "metrics", "permissions", "timeouts", "error handling", "integration",
)  # fmt: skip

TITLE_VERBS: dict[Kind, tuple[str, ...]] = {
    Kind.DELIVERY: ("Ship", "Build", "Launch", "Add", "Migrate", "Refactor", "Rewrite", "Speed up", "Finish"),
    Kind.REQUEST: ("Help with", "Debug", "Explain", "Unblock", "Look into", "Fix", "Answer questions about"),
    Kind.REVIEW: ("Review", "Review changes to", "Second review of", "Approve"),
    Kind.MEETING: ("Sync on", "Planning for", "Weekly check-in on", "Retro on", "Kickoff for"),
    Kind.INCIDENT: ("Outage in", "Hotfix for", "Roll back", "Page about", "Mitigate errors in"),
    Kind.DOCUMENTATION: ("Document", "Write runbook for", "Update the guide to", "Write decision record on"),
    Kind.DESIGN: ("Design", "Prototype", "Spec out", "Sketch options for"),
    Kind.MENTORING: ("Pair with a new hire on", "Coach the team on", "Walk an intern through"),
    Kind.OTHER: ("Clean up", "Triage", "Investigate"),
    Kind.STRATEGY: ("Propose a roadmap for", "Write the vision for", "Decide the future of"),
    Kind.PRESENTATION: ("Demo", "Present", "Give a talk on"),
    Kind.FRAMEWORK: ("Build a reusable library for", "Generalise", "Create a template for"),
    Kind.RECOGNITION: ("Thanked for", "Kudos for", "Shout-out for"),
}
TITLE_ENDINGS = (
    "", "", "", " before the release", " for the {team} team", " in {project}", " behind a feature flag",
    " after customer complaints", " for the quarterly review", " ahead of the holiday freeze",
)  # fmt: skip

SENTENCES = (
    "Worked with {person} from {team} on the {system} {component}.",
    "The {system} {component} was failing for some customers after the last release.",
    "Reduced p95 latency of the {system} {component} from {before}ms to {after}ms.",
    "Root cause was a missing index on the {system} table, which made every request scan it.",
    "Wrote the follow-up ticket and a short note for the team about the {component}.",
    "{person} asked for help because nobody else knew how the {system} {component} works.",
    "Agreed with {person} to move the {component} to the {team} team next quarter.",
    "Added tests and alerts so the {system} problem does not come back.",
    "Shared the results in the {team} channel and in the weekly update.",
    "Customers reported errors in the {system} flow; support escalated it twice.",
    "Paired on the {component} and explained the trade-offs of each option.",
    "The review found two bugs in the {system} {component} and one missing migration.",
    "Cut cloud cost of the {system} {component} by {after} percent.",
    "This unblocked the {project} launch, which had slipped for three weeks.",
    "Took notes, listed decisions and owners, and sent them to everyone afterwards.",
)  # fmt: skip

#: Words used seldom, so that one of them can be searched for as a rare word.
RARE_WORDS = ("hyperloglog", "zookeeper", "kerberos", "memoization", "backpressure", "quorum", "bitemporal")
RARE_CHANCE = 0.0004

SOURCES = (("log", 45), ("ask", 20), ("jira", 15), ("github", 15), ("calendar", 5))
TAGS = ("quick-win", "toil", "visible", "cross-team", "customer", "tech-debt", "urgent", "oncall", "hiring")


def evidence_rows(
    count: int, owner_id: int, *, seed: int = 20231102, batch: int = 1000
) -> Iterator[list[dict[str, Any]]]:
    """`count` rows in batches of `batch`, so a large record never sits in memory at once."""
    rng = random.Random(seed)
    for start in range(0, count, batch):
        yield [_row(rng, owner_id, number) for number in range(start, min(start + batch, count))]


def _row(rng: random.Random, owner_id: int, number: int) -> dict[str, Any]:
    kind = rng.choices(list(KIND_WEIGHTS), weights=list(KIND_WEIGHTS.values()))[0]
    occurred_at = START + timedelta(seconds=rng.randrange(int(SPAN.total_seconds())))
    source = rng.choices([s for s, _ in SOURCES], weights=[w for _, w in SOURCES])[0]
    words = _words(rng)
    teams = sorted(set(rng.sample(TEAMS, rng.choice((1, 1, 1, 2, 2, 3)))))
    return {
        "owner_id": owner_id,
        "occurred_at": occurred_at,
        "title": _title(rng, kind, words),
        "body": _body(rng, words),
        "kind": kind.value,
        "source": source,
        "source_id": None if source == "log" else f"{source}-{number}",
        "url": f"https://example.com/{source}/{number}" if source in ("jira", "github") else None,
        "requester": words["person"] if kind is Kind.REQUEST else None,
        "teams": teams,
        "people": [words["person"]],
        "minutes": rng.choice((None, 15, 30, 45, 60, 90, 120)),
        "metrics": _metrics(rng),
        "project": words["project"] if rng.random() < 0.7 else None,
        "tags": rng.sample(TAGS, rng.choice((0, 0, 1, 2))),
        "import_run_id": None,
        "created_at": occurred_at + timedelta(minutes=rng.randrange(1, 600)),
        "updated_at": occurred_at + timedelta(minutes=rng.randrange(600, 1200)),
        "edited_at": None,
    }


def _words(rng: random.Random) -> dict[str, str]:
    """The fillers one item's title and body share, so each item reads as one piece of work."""
    before = rng.randrange(200, 4000)
    return {
        "person": f"{rng.choice(FIRST_NAMES)} {rng.choice(LAST_NAMES)}",
        "team": rng.choice(TEAMS),
        "project": rng.choice(PROJECTS),
        "system": rng.choice(SYSTEMS),
        "component": rng.choice(COMPONENTS),
        "before": str(before),
        "after": str(rng.randrange(10, before // 2)),
    }


def _title(rng: random.Random, kind: Kind, words: dict[str, str]) -> str:
    verb = rng.choice(TITLE_VERBS[kind])
    ending = rng.choice(TITLE_ENDINGS).format_map(words)
    return f"{verb} the {words['system']} {words['component']}{ending}"


def _body(rng: random.Random, words: dict[str, str]) -> str:
    sentences = [s.format_map(words) for s in rng.sample(SENTENCES, rng.randint(1, 4))]
    if rng.random() < RARE_CHANCE * len(RARE_WORDS):
        sentences.append(f"Read up on {rng.choice(RARE_WORDS)} first.")
    return " ".join(sentences)


def _metrics(rng: random.Random) -> list[dict[str, str | None]]:
    if rng.random() > 0.1:
        return []
    before = rng.randrange(100, 5000)
    return [{"name": "latency", "before": f"{before}ms", "after": f"{rng.randrange(10, before)}ms"}]
