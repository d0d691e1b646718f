"""Citizen satisfaction: the requests shown on the rating window, and the ratings given.

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-29
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "rating_requests",
        sa.Column("id", sa.Integer, nullable=False),
        sa.Column("at", sa.DateTime, nullable=False),
        sa.Column("ticket_id", sa.Integer, nullable=True),
        sa.Column("dossier_id", sa.Integer, nullable=True),
        sa.Column("clerk_id", sa.Integer, nullable=True),
        sa.Column("counter_id", sa.Integer, nullable=True),
        sa.Column("state", sa.String(10), nullable=False),
        sa.Column("closed_at", sa.DateTime, nullable=True),
        sa.ForeignKeyConstraint(
            ["ticket_id"], ["queue_tickets.id"], name="fk_rating_requests_ticket_id_queue_tickets"
        ),
        sa.ForeignKeyConstraint(
            ["dossier_id"], ["dossiers.id"], name="fk_rating_requests_dossier_id_dossiers"
        ),
        sa.ForeignKeyConstraint(
            ["clerk_id"], ["users.id"], name="fk_rating_requests_clerk_id_users"
        ),
        sa.ForeignKeyConstraint(
            ["counter_id"],
            ["queue_counters.id"],
            name="fk_rating_requests_counter_id_queue_counters",
        ),
        sa.PrimaryKeyConstraint("id", name="pk_rating_requests"),
    )
    op.create_index("ix_rating_requests_state", "rating_requests", ["state"])
    op.create_table(
        "ratings",
        sa.Column("id", sa.Integer, nullable=False),
        sa.Column("at", sa.DateTime, nullable=False),
        sa.Column("request_id", sa.Integer, nullable=True),
        sa.Column("ticket_id", sa.Integer, nullable=True),
        sa.Column("dossier_id", sa.Integer, nullable=True),
        sa.Column("procedure_id", sa.Integer, nullable=True),
        sa.Column("clerk_id", sa.Integer, nullable=True),
        sa.Column("counter_id", sa.Integer, nullable=True),
        sa.Column("level", sa.String(20), nullable=False),
        sa.Column("reasons", sa.Text, nullable=False),
        sa.Column("comment", sa.Text, nullable=False),
        sa.ForeignKeyConstraint(
            ["request_id"], ["rating_requests.id"], name="fk_ratings_request_id_rating_requests"
        ),
        sa.ForeignKeyConstraint(
            ["ticket_id"], ["queue_tickets.id"], name="fk_ratings_ticket_id_queue_tickets"
        ),
        sa.ForeignKeyConstraint(
            ["dossier_id"], ["dossiers.id"], name="fk_ratings_dossier_id_dossiers"
        ),
        sa.ForeignKeyConstraint(
            ["procedure_id"], ["procedures.id"], name="fk_ratings_procedure_id_procedures"
        ),
        sa.ForeignKeyConstraint(["clerk_id"], ["users.id"], name="fk_ratings_clerk_id_users"),
        sa.ForeignKeyConstraint(
            ["counter_id"], ["queue_counters.id"], name="fk_ratings_counter_id_queue_counters"
        ),
        sa.PrimaryKeyConstraint("id", name="pk_ratings"),
        sa.UniqueConstraint("request_id", name="uq_ratings_request_id"),
    )
    op.create_index("ix_ratings_at", "ratings", ["at"])
    op.create_index("ix_ratings_level", "ratings", ["level"])


def downgrade() -> None:
    op.drop_index("ix_ratings_level", table_name="ratings")
    op.drop_index("ix_ratings_at", table_name="ratings")
    op.drop_table("ratings")
    op.drop_index("ix_rating_requests_state", table_name="rating_requests")
    op.drop_table("rating_requests")
