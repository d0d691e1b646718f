"""Column types that behave the same on SQLite and PostgreSQL."""

from __future__ import annotations

from datetime import UTC, datetime

from sqlalchemy import DateTime
from sqlalchemy.types import TypeDecorator

from desk.domain.clock import VN_TZ, to_vn


class UtcDateTime(TypeDecorator[datetime]):
    """Stored as naive UTC, read back as Vietnam time.

    SQLite keeps no zone and PostgreSQL's ``timestamp`` neither: storing UTC
    and applying the zone at the edges gives the same answer on both.
    """

    impl = DateTime
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: object) -> datetime | None:
        if value is None:
            return None
        return to_vn(value).astimezone(UTC).replace(tzinfo=None)

    def process_result_value(self, value: datetime | None, dialect: object) -> datetime | None:
        if value is None:
            return None
        return value.replace(tzinfo=UTC).astimezone(VN_TZ)
