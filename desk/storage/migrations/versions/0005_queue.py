"""The queue: service groups, counters, tickets, their history and their dossiers.

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-28
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "queue_groups",
        sa.Column("id", sa.Integer, nullable=False),
        sa.Column("letter", sa.String(2), nullable=False),
        sa.Column("name", sa.String(120), nullable=False),
        sa.Column("fields", sa.Text, nullable=False),
        sa.Column("position", sa.Integer, nullable=False),
        sa.Column("active", sa.Boolean, nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_queue_groups"),
        sa.UniqueConstraint("letter", name="uq_queue_groups_letter"),
    )
    op.create_table(
        "queue_counters",
        sa.Column("id", sa.Integer, nullable=False),
        sa.Column("number", sa.Integer, nullable=False),
        sa.Column("name", sa.String(60), nullable=False),
        sa.Column("active", sa.Boolean, nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_queue_counters"),
        sa.UniqueConstraint("number", name="uq_queue_counters_number"),
    )
    op.create_table(
        "queue_counter_groups",
        sa.Column("counter_id", sa.Integer, nullable=False),
        sa.Column("group_id", sa.Integer, nullable=False),
        sa.ForeignKeyConstraint(
            ["counter_id"],
            ["queue_counters.id"],
            ondelete="CASCADE",
            name="fk_queue_counter_groups_counter_id_queue_counters",
        ),
        sa.ForeignKeyConstraint(
            ["group_id"],
            ["queue_groups.id"],
            ondelete="CASCADE",
            name="fk_queue_counter_groups_group_id_queue_groups",
        ),
        sa.PrimaryKeyConstraint("counter_id", "group_id", name="pk_queue_counter_groups"),
    )
    op.create_table(
        "queue_sequences",
        sa.Column("letter", sa.String(2), nullable=False),
        sa.Column("day", sa.Date, nullable=False),
        sa.Column("last", sa.Integer, nullable=False),
        sa.PrimaryKeyConstraint("letter", "day", name="pk_queue_sequences"),
    )
    op.create_table(
        "queue_tickets",
        sa.Column("id", sa.Integer, nullable=False),
        sa.Column("day", sa.Date, nullable=False),
        sa.Column("letter", sa.String(2), nullable=False),
        sa.Column("number", sa.Integer, nullable=False),
        sa.Column("group_id", sa.Integer, nullable=False),
        sa.Column("priority", sa.String(20), nullable=False),
        sa.Column("state", sa.String(12), nullable=False),
        sa.Column("issued_at", sa.DateTime, nullable=False),
        sa.Column("waiting_since", sa.DateTime, nullable=False),
        sa.Column("called_at", sa.DateTime, nullable=True),
        sa.Column("last_called_at", sa.DateTime, nullable=True),
        sa.Column("calls", sa.Integer, nullable=False),
        sa.Column("counter_id", sa.Integer, nullable=True),
        sa.Column("clerk_id", sa.Integer, nullable=True),
        sa.Column("finished_at", sa.DateTime, nullable=True),
        sa.ForeignKeyConstraint(
            ["group_id"], ["queue_groups.id"], name="fk_queue_tickets_group_id_queue_groups"
        ),
        sa.ForeignKeyConstraint(
            ["counter_id"], ["queue_counters.id"], name="fk_queue_tickets_counter_id_queue_counters"
        ),
        sa.ForeignKeyConstraint(["clerk_id"], ["users.id"], name="fk_queue_tickets_clerk_id_users"),
        sa.PrimaryKeyConstraint("id", name="pk_queue_tickets"),
        sa.UniqueConstraint("day", "letter", "number", name="uq_queue_tickets_day"),
    )
    op.create_index("ix_queue_tickets_day_state", "queue_tickets", ["day", "state"])
    op.create_table(
        "queue_events",
        sa.Column("id", sa.Integer, nullable=False),
        sa.Column("ticket_id", sa.Integer, nullable=False),
        sa.Column("at", sa.DateTime, nullable=False),
        sa.Column("kind", sa.String(12), nullable=False),
        sa.Column("group_id", sa.Integer, nullable=False),
        sa.Column("priority", sa.Boolean, nullable=False),
        sa.Column("counter_id", sa.Integer, nullable=True),
        sa.Column("clerk_id", sa.Integer, nullable=True),
        sa.ForeignKeyConstraint(
            ["ticket_id"],
            ["queue_tickets.id"],
            ondelete="CASCADE",
            name="fk_queue_events_ticket_id_queue_tickets",
        ),
        sa.ForeignKeyConstraint(
            ["group_id"], ["queue_groups.id"], name="fk_queue_events_group_id_queue_groups"
        ),
        sa.ForeignKeyConstraint(
            ["counter_id"], ["queue_counters.id"], name="fk_queue_events_counter_id_queue_counters"
        ),
        sa.ForeignKeyConstraint(["clerk_id"], ["users.id"], name="fk_queue_events_clerk_id_users"),
        sa.PrimaryKeyConstraint("id", name="pk_queue_events"),
    )
    op.create_index("ix_queue_events_ticket_id", "queue_events", ["ticket_id"])
    op.create_index("ix_queue_events_at", "queue_events", ["at"])
    op.create_table(
        "queue_ticket_dossiers",
        sa.Column("ticket_id", sa.Integer, nullable=False),
        sa.Column("dossier_id", sa.Integer, nullable=False),
        sa.Column("linked_at", sa.DateTime, nullable=False),
        sa.ForeignKeyConstraint(
            ["ticket_id"],
            ["queue_tickets.id"],
            ondelete="CASCADE",
            name="fk_queue_ticket_dossiers_ticket_id_queue_tickets",
        ),
        sa.ForeignKeyConstraint(
            ["dossier_id"],
            ["dossiers.id"],
            ondelete="CASCADE",
            name="fk_queue_ticket_dossiers_dossier_id_dossiers",
        ),
        sa.PrimaryKeyConstraint("ticket_id", "dossier_id", name="pk_queue_ticket_dossiers"),
    )
    op.create_index("ix_queue_ticket_dossiers_dossier_id", "queue_ticket_dossiers", ["dossier_id"])


def downgrade() -> None:
    op.drop_index("ix_queue_ticket_dossiers_dossier_id", table_name="queue_ticket_dossiers")
    op.drop_table("queue_ticket_dossiers")
    op.drop_index("ix_queue_events_at", table_name="queue_events")
    op.drop_index("ix_queue_events_ticket_id", table_name="queue_events")
    op.drop_table("queue_events")
    op.drop_index("ix_queue_tickets_day_state", table_name="queue_tickets")
    op.drop_table("queue_tickets")
    op.drop_table("queue_sequences")
    op.drop_table("queue_counter_groups")
    op.drop_table("queue_counters")
    op.drop_table("queue_groups")
