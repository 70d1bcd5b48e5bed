"""Candidate visible projects: query functions over the `projects` table."""

from __future__ import annotations

from datetime import datetime
from typing import Any

import sqlalchemy as sa

from upward.model.projects import Answer, Project, ProjectDraft, ProjectStatus
from upward.store.tables_projects import projects


def from_row(row: sa.RowMapping) -> Project:
    return Project(
        id=row["id"], owner_id=row["owner_id"], title=row["title"], summary=row["summary"],
        teams=tuple(row["teams"]), sponsor=row["sponsor"], months=row["months"],
        answers={key: Answer(value) for key, value in dict(row["answers"]).items()},
        notes=row["notes"], status=ProjectStatus(row["status"]), chosen_at=row["chosen_at"],
        created_at=row["created_at"], updated_at=row["updated_at"],
    )  # fmt: skip


def _values(draft: ProjectDraft) -> dict[str, Any]:
    return {
        "title": draft.title, "summary": draft.summary, "teams": list(draft.teams), "sponsor": draft.sponsor,
        "months": draft.months, "answers": {k: v.value for k, v in draft.answers.items()}, "notes": draft.notes,
    }  # fmt: skip


def _now() -> datetime:
    return datetime.now().replace(microsecond=0)


def add(conn: sa.Connection, owner_id: int, draft: ProjectDraft) -> int:
    values = _values(draft) | {"owner_id": owner_id, "status": ProjectStatus.CANDIDATE.value}
    values |= {"created_at": _now(), "updated_at": _now()}
    return int(conn.execute(sa.insert(projects).values(values).returning(projects.c.id)).scalar_one())


def update(conn: sa.Connection, owner_id: int, project_id: int, draft: ProjectDraft) -> None:
    query = sa.update(projects).where(projects.c.owner_id == owner_id, projects.c.id == project_id)
    conn.execute(query.values(_values(draft) | {"updated_at": _now()}))


def set_status(conn: sa.Connection, owner_id: int, project_id: int, status: ProjectStatus) -> None:
    chosen_at = _now() if status is ProjectStatus.CHOSEN else None
    query = sa.update(projects).where(projects.c.owner_id == owner_id, projects.c.id == project_id)
    conn.execute(query.values(status=status.value, chosen_at=chosen_at, updated_at=_now()))


def unchoose_all(conn: sa.Connection, owner_id: int) -> None:
    """Put any chosen project back among the candidates (only one project is chosen at a time)."""
    query = sa.update(projects).where(projects.c.owner_id == owner_id, projects.c.status == ProjectStatus.CHOSEN.value)
    conn.execute(query.values(status=ProjectStatus.CANDIDATE.value, chosen_at=None, updated_at=_now()))


def get(conn: sa.Connection, owner_id: int, project_id: int) -> Project | None:
    row = conn.execute(sa.select(projects).where(projects.c.owner_id == owner_id, projects.c.id == project_id))
    found = row.mappings().first()
    return None if found is None else from_row(found)


def find_by_title(conn: sa.Connection, owner_id: int, title: str) -> Project | None:
    query = sa.select(projects).where(projects.c.owner_id == owner_id, sa.func.lower(projects.c.title) == title.lower())
    found = conn.execute(query).mappings().first()
    return None if found is None else from_row(found)


def list_all(conn: sa.Connection, owner_id: int) -> list[Project]:
    query = sa.select(projects).where(projects.c.owner_id == owner_id).order_by(projects.c.id)
    return [from_row(row) for row in conn.execute(query).mappings()]


def delete(conn: sa.Connection, owner_id: int, project_id: int) -> None:
    conn.execute(sa.delete(projects).where(projects.c.owner_id == owner_id, projects.c.id == project_id))
