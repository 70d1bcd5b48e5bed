"""What each evidence item's text says, worked out once and kept beside it (migration 0012).

Derived from the item's title, details, numbers, tags and kind (`analysis.item_facts.work_out`): the
diagnosis reads these few small columns instead of every text. A row is dropped when its item changes
(`evidence_repo.update`) or goes (the foreign key cascades), and rows of another `version` of the rules
are ignored; the diagnosis works out whatever is missing. Backups leave the table out (`info["derived"]`).
"""

from __future__ import annotations

import sqlalchemy as sa

from upward.store.tables import metadata, owner_column

evidence_facts = sa.Table(
    "evidence_facts",
    metadata,
    sa.Column(
        "evidence_id",
        sa.Integer,
        sa.ForeignKey("evidence.id", ondelete="CASCADE"),
        primary_key=True,
        autoincrement=False,
    ),
    owner_column(),
    sa.Column("version", sa.Integer, nullable=False),  # `analysis.item_facts.VERSION` when worked out
    sa.Column("flags", sa.Integer, nullable=False),  # 1: says a business outcome; 2: has numbers
    sa.Column("users", sa.Float),  # the most users it names; NULL when none
    sa.Column("money", sa.Float),  # the largest sum of money it names; NULL when none
    sa.Column("words", sa.Text),  # a request's or incident's compared words, sorted; NULL for other kinds
    info={"derived": True},
)
