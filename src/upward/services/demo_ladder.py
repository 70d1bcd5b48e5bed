"""The demo persona's career ladder (Senior L5 to Staff L6), so the promotion case has a ladder to show."""

from __future__ import annotations

from importlib.resources import as_file, files

import sqlalchemy as sa

from upward.ladders import read_ladder
from upward.store import documents_repo

FILE = "ladder.yaml"


def add_demo_ladder(conn: sa.Connection, owner_id: int) -> None:
    """Import the demo ladder (loading the demo again replaces it, and keeps what was confirmed)."""
    with as_file(files("upward.demo") / FILE) as path:
        documents_repo.save_ladder(conn, owner_id, read_ladder(path), FILE)
