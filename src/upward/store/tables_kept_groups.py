"""Groupings of recurring requests, kept between processes (migration 0012).

Derived from the requests and incidents of a period (`analysis.recurring`), found again by a digest of their
words and of the grouping's rules: a new `upward diagnose` process does not group a year of requests
again when nothing changed. A few are kept per person; backups leave them out (`info["derived"]`).
"""

from __future__ import annotations

import sqlalchemy as sa

from upward.store.tables import metadata, owner_column

kept_groups = sa.Table(
    "kept_groups",
    metadata,
    owner_column(),
    sa.Column("key", sa.String(64), nullable=False),  # `analysis.recurring.grouping_key`
    sa.Column("grouping", sa.Text, nullable=False),  # JSON: lists of positions
    sa.Column("kept_at", sa.DateTime, nullable=False),
    sa.PrimaryKeyConstraint("owner_id", "key"),
    info={"derived": True},
)
