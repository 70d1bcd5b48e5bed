"""Alembic environment: migrations run on the connection Upward hands over."""

from __future__ import annotations

from alembic import context

from upward.store.tables import metadata

connection = context.config.attributes.get("connection")
if connection is None:  # pragma: no cover - Upward always passes its own connection
    raise RuntimeError("Upward runs its migrations through upward.store.migrate()")

context.configure(connection=connection, target_metadata=metadata)
with context.begin_transaction():
    context.run_migrations()
