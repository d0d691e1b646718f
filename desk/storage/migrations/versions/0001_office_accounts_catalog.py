"""The office, accounts, the procedure catalog, the calendar and settings.

Revision ID: 0001
Revises:
Create Date: 2026-11-27
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "office",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("name", sa.String(200), nullable=False),
        sa.Column("parent", sa.String(200), nullable=False),
        sa.Column("code", sa.String(40), nullable=False),
        sa.Column("address", sa.String(300), nullable=False),
        sa.Column("hotline", sa.String(40), nullable=False),
        sa.Column("head_title", sa.String(100), nullable=False),
        sa.Column("head_name", sa.String(100), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_office"),
    )
    op.create_table(
        "users",
        sa.Column("id", sa.Integer, nullable=False),
        sa.Column("username", sa.String(60), nullable=False),
        sa.Column("full_name", sa.String(120), nullable=False),
        sa.Column("password_hash", sa.String(300), nullable=False),
        sa.Column("is_admin", sa.Boolean, nullable=False),
        sa.Column("active", sa.Boolean, nullable=False),
        sa.Column("created_at", sa.DateTime, nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_users"),
        sa.UniqueConstraint("username", name="uq_users_username"),
    )
    op.create_table(
        "procedures",
        sa.Column("id", sa.Integer, nullable=False),
        sa.Column("code", sa.String(40), nullable=False),
        sa.Column("name", sa.Text, nullable=False),
        sa.Column("search_key", sa.Text, nullable=False),
        sa.Column("field", sa.String(200), nullable=False),
        sa.Column("level", sa.String(40), nullable=False),
        sa.Column("limit_kind", sa.String(20), nullable=False),
        sa.Column("limit_amount", sa.Integer, nullable=False),
        sa.Column("cutoff", sa.String(5), nullable=False),
        sa.Column("fee", sa.Text, nullable=False),
        sa.Column("legal_basis", sa.Text, nullable=False),
        sa.Column("active", sa.Boolean, nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_procedures"),
        sa.UniqueConstraint("code", name="uq_procedures_code"),
    )
    op.create_table(
        "procedure_papers",
        sa.Column("id", sa.Integer, nullable=False),
        sa.Column("procedure_id", sa.Integer, nullable=False),
        sa.Column("position", sa.Integer, nullable=False),
        sa.Column("name", sa.Text, nullable=False),
        sa.Column("form", sa.String(20), nullable=False),
        sa.Column("count", sa.Integer, nullable=False),
        sa.Column("optional", sa.Boolean, nullable=False),
        sa.ForeignKeyConstraint(
            ["procedure_id"],
            ["procedures.id"],
            ondelete="CASCADE",
            name="fk_procedure_papers_procedure_id_procedures",
        ),
        sa.PrimaryKeyConstraint("id", name="pk_procedure_papers"),
    )
    op.create_table(
        "procedure_channel_limits",
        sa.Column("id", sa.Integer, nullable=False),
        sa.Column("procedure_id", sa.Integer, nullable=False),
        sa.Column("channel", sa.String(20), nullable=False),
        sa.Column("limit_kind", sa.String(20), nullable=False),
        sa.Column("limit_amount", sa.Integer, nullable=False),
        sa.Column("cutoff", sa.String(5), nullable=False),
        sa.ForeignKeyConstraint(
            ["procedure_id"],
            ["procedures.id"],
            ondelete="CASCADE",
            name="fk_procedure_channel_limits_procedure_id_procedures",
        ),
        sa.PrimaryKeyConstraint("id", name="pk_procedure_channel_limits"),
        sa.UniqueConstraint(
            "procedure_id", "channel", name="uq_procedure_channel_limits_procedure_id"
        ),
    )
    op.create_table(
        "calendar_days",
        sa.Column("day", sa.Date, nullable=False),
        sa.Column("kind", sa.String(10), nullable=False),
        sa.Column("note", sa.String(200), nullable=False),
        sa.PrimaryKeyConstraint("day", name="pk_calendar_days"),
    )
    op.create_table(
        "settings",
        sa.Column("key", sa.String(60), nullable=False),
        sa.Column("value", sa.Text, nullable=False),
        sa.PrimaryKeyConstraint("key", name="pk_settings"),
    )


def downgrade() -> None:
    for table in (
        "settings",
        "calendar_days",
        "procedure_channel_limits",
        "procedure_papers",
        "procedures",
        "users",
        "office",
    ):
        op.drop_table(table)
