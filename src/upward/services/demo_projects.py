"""The demo persona's candidate projects (none chosen, so the plan and the picker start from the same place)."""

from __future__ import annotations

import sqlalchemy as sa

from upward.demo.projects import PROJECTS
from upward.store import projects_repo


def add_demo_projects(conn: sa.Connection, owner_id: int) -> None:
    """Add the candidates the person does not have yet (by title), so loading the demo twice adds nothing."""
    for draft in PROJECTS:
        if projects_repo.find_by_title(conn, owner_id, draft.title) is None:
            projects_repo.add(conn, owner_id, draft.validated())
