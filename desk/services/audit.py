"""The audit trail: every change to a dossier, who made it, before and after.

Append-only: this module has no way to edit or delete an entry, and the
database refuses UPDATE and DELETE on the table (triggers from migration 0003).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from desk.domain.office import Clerk
from desk.storage.database import Database
from desk.storage.tables import AuditRow, UserRow


@dataclass(frozen=True)
class AuditEntry:
    at: datetime
    by: str
    action: str
    before: dict[str, Any]
    after: dict[str, Any]


def _json(values: dict[str, Any]) -> str:
    return json.dumps(values, ensure_ascii=False, default=str, sort_keys=True)


def record(
    s: Session,
    clerk: Clerk | None,
    at: datetime,
    entity: str,
    key: str,
    action: str,
    before: dict[str, Any] | None = None,
    after: dict[str, Any] | None = None,
) -> None:
    s.add(
        AuditRow(
            at=at,
            user_id=clerk.id if clerk else None,
            entity=entity,
            entity_key=key,
            action=action,
            before=_json(before or {}),
            after=_json(after or {}),
        )
    )


def trail(db: Database, entity: str, key: str) -> list[AuditEntry]:
    stmt = (
        select(AuditRow, UserRow.full_name)
        .outerjoin(UserRow, UserRow.id == AuditRow.user_id)
        .where(AuditRow.entity == entity, AuditRow.entity_key == key)
        .order_by(AuditRow.id)
    )
    with db.read() as s:
        return [
            AuditEntry(r.at, name or "", r.action, json.loads(r.before), json.loads(r.after))
            for r, name in s.execute(stmt)
        ]
