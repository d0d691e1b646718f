"""The apology letters' numbers get a table of their own (``apology_sequences``).

They were counted in ``day_sequences`` under a made-up agency "PXL" on the
first of January of each year; those rows move here, keyed by the year.

Revision ID: 0014
Revises: 0013
Create Date: 2026-12-15
"""

from __future__ import annotations

from datetime import date

import sqlalchemy as sa
from alembic import op

revision = "0014"
down_revision = "0013"
branch_labels = None
depends_on = None

#: The made-up agency under which revisions up to 0013 counted the letters.
OLD_KEY = "PXL"


def _as_date(value: object) -> date:
    return value if isinstance(value, date) else date.fromisoformat(str(value)[:10])


def upgrade() -> None:
    op.create_table(
        "apology_sequences",
        sa.Column("year", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("last", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("year", name=op.f("pk_apology_sequences")),
    )
    conn = op.get_bind()
    old = conn.execute(
        sa.text("SELECT day, last FROM day_sequences WHERE agency = :key"), {"key": OLD_KEY}
    ).all()
    for day, last in old:
        conn.execute(
            sa.text("INSERT INTO apology_sequences (year, last) VALUES (:year, :last)"),
            {"year": _as_date(day).year, "last": last},
        )
    conn.execute(sa.text("DELETE FROM day_sequences WHERE agency = :key"), {"key": OLD_KEY})


def downgrade() -> None:
    conn = op.get_bind()
    for year, last in conn.execute(sa.text("SELECT year, last FROM apology_sequences")).all():
        conn.execute(
            sa.text("INSERT INTO day_sequences (agency, day, last) VALUES (:key, :day, :last)"),
            {"key": OLD_KEY, "day": date(year, 1, 1), "last": last},
        )
    op.drop_table("apology_sequences")
