"""Apology letters for late dossiers, with the one new date each may give.

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-27
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "apologies",
        sa.Column("id", sa.Integer, nullable=False),
        sa.Column("dossier_id", sa.Integer, nullable=False),
        sa.Column("year", sa.Integer, nullable=False),
        sa.Column("number", sa.Integer, nullable=False),
        sa.Column("reason", sa.Text, nullable=False),
        sa.Column("old_due_at", sa.DateTime, nullable=False),
        sa.Column("new_due_at", sa.DateTime, nullable=False),
        sa.Column("signer_title", sa.String(100), nullable=False),
        sa.Column("signer_name", sa.String(100), nullable=False),
        sa.Column("notify_method", sa.String(20), nullable=False),
        sa.Column("made_at", sa.DateTime, nullable=False),
        sa.Column("made_by_id", sa.Integer, nullable=False),
        sa.Column("late", sa.Boolean, nullable=False),
        sa.ForeignKeyConstraint(
            ["dossier_id"], ["dossiers.id"], name="fk_apologies_dossier_id_dossiers"
        ),
        sa.ForeignKeyConstraint(["made_by_id"], ["users.id"], name="fk_apologies_made_by_id_users"),
        sa.PrimaryKeyConstraint("id", name="pk_apologies"),
        sa.UniqueConstraint("dossier_id", name="uq_apologies_dossier_id"),
        sa.UniqueConstraint("year", "number", name="uq_apologies_year"),
    )


def downgrade() -> None:
    op.drop_table("apologies")
