"""Dossiers received at the desk, their papers, and the per-day code sequence.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-27
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "day_sequences",
        sa.Column("agency", sa.String(40), nullable=False),
        sa.Column("day", sa.Date, nullable=False),
        sa.Column("last", sa.Integer, nullable=False),
        sa.PrimaryKeyConstraint("agency", "day", name="pk_day_sequences"),
    )
    op.create_table(
        "dossiers",
        sa.Column("id", sa.Integer, nullable=False),
        sa.Column("code", sa.String(60), nullable=False),
        sa.Column("procedure_id", sa.Integer, nullable=False),
        sa.Column("procedure_code", sa.String(40), nullable=False),
        sa.Column("procedure_name", sa.Text, nullable=False),
        sa.Column("field", sa.String(200), nullable=False),
        sa.Column("applicant_kind", sa.String(20), nullable=False),
        sa.Column("applicant_name", sa.String(200), nullable=False),
        sa.Column("search_key", sa.Text, nullable=False),
        sa.Column("id_number", sa.String(20), nullable=False),
        sa.Column("birth_date", sa.Date, nullable=True),
        sa.Column("address", sa.String(300), nullable=False),
        sa.Column("phone", sa.String(20), nullable=False),
        sa.Column("email", sa.String(120), nullable=False),
        sa.Column("principal", sa.String(200), nullable=False),
        sa.Column("channel", sa.String(20), nullable=False),
        sa.Column("result_delivery", sa.String(20), nullable=False),
        sa.Column("delivery_address", sa.String(300), nullable=False),
        sa.Column("sets", sa.Integer, nullable=False),
        sa.Column("note", sa.Text, nullable=False),
        sa.Column("fee", sa.Text, nullable=False),
        sa.Column("limit_text", sa.String(120), nullable=False),
        sa.Column("received_at", sa.DateTime, nullable=False),
        sa.Column("appointment_at", sa.DateTime, nullable=False),
        sa.Column("status", sa.String(20), nullable=False),
        sa.Column("clerk_id", sa.Integer, nullable=False),
        sa.Column("created_at", sa.DateTime, nullable=False),
        sa.ForeignKeyConstraint(
            ["procedure_id"], ["procedures.id"], name="fk_dossiers_procedure_id_procedures"
        ),
        sa.ForeignKeyConstraint(["clerk_id"], ["users.id"], name="fk_dossiers_clerk_id_users"),
        sa.PrimaryKeyConstraint("id", name="pk_dossiers"),
        sa.UniqueConstraint("code", name="uq_dossiers_code"),
    )
    op.create_index("ix_dossiers_status_appointment", "dossiers", ["status", "appointment_at"])
    op.create_index("ix_dossiers_received_at", "dossiers", ["received_at"])
    op.create_index("ix_dossiers_id_number", "dossiers", ["id_number"])
    op.create_table(
        "dossier_papers",
        sa.Column("id", sa.Integer, nullable=False),
        sa.Column("dossier_id", sa.Integer, nullable=False),
        sa.Column("position", sa.Integer, nullable=False),
        sa.Column("name", sa.Text, nullable=False),
        sa.Column("form", sa.String(20), nullable=False),
        sa.Column("count", sa.Integer, nullable=False),
        sa.ForeignKeyConstraint(
            ["dossier_id"],
            ["dossiers.id"],
            ondelete="CASCADE",
            name="fk_dossier_papers_dossier_id_dossiers",
        ),
        sa.PrimaryKeyConstraint("id", name="pk_dossier_papers"),
    )
    op.create_index("ix_dossier_papers_dossier_id", "dossier_papers", ["dossier_id"])


def downgrade() -> None:
    op.drop_index("ix_dossier_papers_dossier_id", "dossier_papers")
    op.drop_table("dossier_papers")
    op.drop_index("ix_dossiers_id_number", "dossiers")
    op.drop_index("ix_dossiers_received_at", "dossiers")
    op.drop_index("ix_dossiers_status_appointment", "dossiers")
    op.drop_table("dossiers")
    op.drop_table("day_sequences")
