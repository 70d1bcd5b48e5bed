"""What the diagnosis needs of an item's text, worked out once per item and kept beside it.

The outcome checks and amounts (`outcomes`) and, for requests and incidents, the words the recurring-problem
signal compares (`recurring.item_words`). The store keeps them in `evidence_facts` with `VERSION`, which
changes with the rules, so facts worked out by an older Upward are worked out again.
"""

from __future__ import annotations

import zlib

from upward.analysis import outcomes, recurring
from upward.model import Kind
from upward.model.evidence_columns import ItemText, TextFacts

#: The kinds whose words are kept: the recurring-problem signal groups requests and incidents (by title and
#: tags), and checks them against the frameworks the person built (by title and details).
COMPARED = frozenset({Kind.REQUEST, Kind.INCIDENT})

#: Raise when `work_out` changes in a way the rules below do not show.
_REVISION = 1
_RULES = (
    str(_REVISION),
    outcomes.MONEY.pattern,
    outcomes.USERS.pattern,
    outcomes._OUTCOME.pattern,
    *sorted(outcomes._OUTCOME_WORDS),
    recurring._WORD.pattern,
    *sorted(recurring.STOPWORDS),
    *sorted(kind.value for kind in COMPARED),
    Kind.FRAMEWORK.value,
)
VERSION = zlib.crc32("\n".join(_RULES).encode()) & 0x7FFFFFFF  # fits a signed 32-bit column


def work_out(text: ItemText) -> tuple[TextFacts, str | None]:
    """The facts of an item, and its words (sorted, space-separated) if it is a request or an incident (the
    words it is compared by) or a framework (the words of its title and details); None for other kinds."""
    facts = outcomes.facts_of(text.title, text.body, text.metrics)
    if text.kind in COMPARED:
        found = recurring.item_words(text.title, text.tags)
    elif text.kind is Kind.FRAMEWORK:
        found = recurring.words(f"{text.title} {text.body}")
    else:
        return facts, None
    return facts, " ".join(sorted(found))
