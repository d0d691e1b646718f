"""Messages to applicants: consent at intake, the outbox and its tries.

Each dossier records which channels (SMS, e-mail, Zalo) the applicant agreed
to be told through; a dossier received before this revision agreed to none.
The outbox (``messages``) holds each message written with the step that
causes it, and ``message_attempts`` every try to send it (see
``desk.domain.messages``).

Revision ID: 0011
Revises: 0010
Create Date: 2026-12-12
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0011"
down_revision = "0010"
branch_labels = None
depends_on = None

CONSENTS = ("consent_sms", "consent_email", "consent_zalo")


def upgrade() -> None:
    with op.batch_alter_table("dossiers") as t:
        for name in CONSENTS:
            t.add_column(sa.Column(name, sa.Boolean(), nullable=False, server_default="0"))
    op.create_table(
        "messages",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("dossier_id", sa.Integer(), nullable=False),
        sa.Column("step_kind", sa.String(length=30), nullable=False),
        sa.Column("channel", sa.String(length=10), nullable=False),
        sa.Column("recipient", sa.String(length=120), nullable=False),
        sa.Column("subject", sa.String(length=300), nullable=False),
        sa.Column("body", sa.Text(), nullable=False),
        sa.Column("template_id", sa.String(length=60), nullable=False),
        sa.Column("template_data", sa.Text(), nullable=False),
        sa.Column("attachment", sa.String(length=20), nullable=False),
        sa.Column("status", sa.String(length=10), nullable=False),
        sa.Column("attempts", sa.Integer(), nullable=False),
        sa.Column("next_attempt_at", sa.DateTime(), nullable=False),
        sa.Column("claim", sa.String(length=40), nullable=False),
        sa.Column("claimed_at", sa.DateTime(), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("sent_at", sa.DateTime(), nullable=True),
        sa.Column("last_error", sa.Text(), nullable=False),
        sa.Column("provider_ref", sa.String(length=200), nullable=False),
        sa.ForeignKeyConstraint(
            ["dossier_id"],
            ["dossiers.id"],
            name=op.f("fk_messages_dossier_id_dossiers"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_messages")),
    )
    op.create_index(op.f("ix_messages_dossier_id"), "messages", ["dossier_id"])
    op.create_index("ix_messages_status_next", "messages", ["status", "next_attempt_at"])
    op.create_table(
        "message_attempts",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("message_id", sa.Integer(), nullable=False),
        sa.Column("at", sa.DateTime(), nullable=False),
        sa.Column("ok", sa.Boolean(), nullable=False),
        sa.Column("error", sa.Text(), nullable=False),
        sa.Column("host", sa.String(length=120), nullable=False),
        sa.ForeignKeyConstraint(
            ["message_id"],
            ["messages.id"],
            name=op.f("fk_message_attempts_message_id_messages"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_message_attempts")),
    )
    op.create_index(op.f("ix_message_attempts_message_id"), "message_attempts", ["message_id"])


def downgrade() -> None:
    op.drop_index(op.f("ix_message_attempts_message_id"), table_name="message_attempts")
    op.drop_table("message_attempts")
    op.drop_index("ix_messages_status_next", table_name="messages")
    op.drop_index(op.f("ix_messages_dossier_id"), table_name="messages")
    op.drop_table("messages")
    with op.batch_alter_table("dossiers") as t:
        for name in reversed(CONSENTS):
            t.drop_column(name)
