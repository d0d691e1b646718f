"""Hardened accounts: failed-login counter, temporary lock, password age.

Revision ID: 0007
Revises: 0006
Create Date: 2026-11-30
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("users") as t:
        t.add_column(sa.Column("failed_logins", sa.Integer, nullable=False, server_default="0"))
        t.add_column(sa.Column("locked_until", sa.DateTime, nullable=True))
        t.add_column(sa.Column("password_changed_at", sa.DateTime, nullable=True))
        t.add_column(
            sa.Column("must_change_password", sa.Boolean, nullable=False, server_default="0")
        )


def downgrade() -> None:
    with op.batch_alter_table("users") as t:
        t.drop_column("must_change_password")
        t.drop_column("password_changed_at")
        t.drop_column("locked_until")
        t.drop_column("failed_logins")
