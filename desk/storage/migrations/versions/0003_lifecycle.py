"""A dossier's life: roles, departments, steps, the audit trail, change counters.

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-27
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None

ONE_STOP = "Bộ phận Một cửa"


def upgrade() -> None:
    with op.batch_alter_table("users") as t:
        t.add_column(sa.Column("role", sa.String(20), nullable=False, server_default="clerk"))
    op.execute("UPDATE users SET role = 'admin' WHERE is_admin")
    with op.batch_alter_table("users") as t:
        t.drop_column("is_admin")
        t.alter_column("role", server_default=None)

    op.create_table(
        "departments",
        sa.Column("id", sa.Integer, nullable=False),
        sa.Column("name", sa.String(200), nullable=False),
        sa.Column("active", sa.Boolean, nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_departments"),
        sa.UniqueConstraint("name", name="uq_departments_name"),
    )

    with op.batch_alter_table("dossiers") as t:
        t.add_column(sa.Column("due_at", sa.DateTime, nullable=True))
        t.add_column(sa.Column("assignee_id", sa.Integer, nullable=True))
        t.add_column(sa.Column("department_id", sa.Integer, nullable=True))
        t.add_column(sa.Column("holder", sa.String(200), nullable=False, server_default=""))
        t.add_column(sa.Column("decided_at", sa.DateTime, nullable=True))
        t.add_column(sa.Column("result_class", sa.String(10), nullable=True))
        t.add_column(sa.Column("returned_at", sa.DateTime, nullable=True))
        t.add_column(sa.Column("closed_at", sa.DateTime, nullable=True))
        for name in ("supplement_round", "comebacks"):
            t.add_column(sa.Column(name, sa.Integer, nullable=False, server_default="0"))
        for name, size in (("return_method", 10), ("tracking_number", 60), ("collected_by", 200)):
            t.add_column(sa.Column(name, sa.String(size), nullable=False, server_default=""))
    op.execute(
        sa.text(
            "UPDATE dossiers SET due_at = appointment_at, assignee_id = clerk_id, holder = :h"
        ).bindparams(h=ONE_STOP)
    )
    with op.batch_alter_table("dossiers") as t:
        t.alter_column("due_at", existing_type=sa.DateTime, nullable=False)
        for name in (
            "holder",
            "supplement_round",
            "comebacks",
            "return_method",
            "tracking_number",
            "collected_by",
        ):
            t.alter_column(name, server_default=None)
        t.create_foreign_key("fk_dossiers_assignee_id_users", "users", ["assignee_id"], ["id"])
        t.create_foreign_key(
            "fk_dossiers_department_id_departments", "departments", ["department_id"], ["id"]
        )
        t.drop_index("ix_dossiers_status_appointment")
        t.create_index("ix_dossiers_status_due", ["status", "due_at"])
        t.create_index("ix_dossiers_decided_at", ["decided_at"])

    op.create_table(
        "dossier_steps",
        sa.Column("id", sa.Integer, nullable=False),
        sa.Column("dossier_id", sa.Integer, nullable=False),
        sa.Column("at", sa.DateTime, nullable=False),
        sa.Column("kind", sa.String(30), nullable=False),
        sa.Column("by_user_id", sa.Integer, nullable=True),
        sa.Column("from_holder", sa.String(200), nullable=False),
        sa.Column("to_holder", sa.String(200), nullable=False),
        sa.Column("note", sa.Text, nullable=False),
        sa.Column("result", sa.String(10), nullable=True),
        sa.Column("data", sa.Text, nullable=False),
        sa.ForeignKeyConstraint(
            ["dossier_id"],
            ["dossiers.id"],
            ondelete="CASCADE",
            name="fk_dossier_steps_dossier_id_dossiers",
        ),
        sa.ForeignKeyConstraint(
            ["by_user_id"], ["users.id"], name="fk_dossier_steps_by_user_id_users"
        ),
        sa.PrimaryKeyConstraint("id", name="pk_dossier_steps"),
    )
    op.create_index("ix_dossier_steps_dossier_id", "dossier_steps", ["dossier_id"])
    # Every dossier received so far gets its intake step.
    op.execute(
        sa.text(
            "INSERT INTO dossier_steps "
            "(dossier_id, at, kind, by_user_id, from_holder, to_holder, note, data) "
            "SELECT id, received_at, 'intake', clerk_id, '', :h, '', '{}' FROM dossiers"
        ).bindparams(h=ONE_STOP)
    )

    op.create_table(
        "audit_log",
        sa.Column("id", sa.Integer, nullable=False),
        sa.Column("at", sa.DateTime, nullable=False),
        sa.Column("user_id", sa.Integer, nullable=True),
        sa.Column("entity", sa.String(30), nullable=False),
        sa.Column("entity_key", sa.String(60), nullable=False),
        sa.Column("action", sa.String(40), nullable=False),
        sa.Column("before", sa.Text, nullable=False),
        sa.Column("after", sa.Text, nullable=False),
        sa.ForeignKeyConstraint(["user_id"], ["users.id"], name="fk_audit_log_user_id_users"),
        sa.PrimaryKeyConstraint("id", name="pk_audit_log"),
    )
    op.create_index("ix_audit_log_entity", "audit_log", ["entity", "entity_key"])
    _protect_audit_log()

    op.create_table(
        "change_counters",
        sa.Column("topic", sa.String(30), nullable=False),
        sa.Column("version", sa.Integer, nullable=False),
        sa.PrimaryKeyConstraint("topic", name="pk_change_counters"),
    )


def _protect_audit_log() -> None:
    """The audit trail is append-only, enforced by the database itself."""
    dialect = op.get_bind().dialect.name
    if dialect == "sqlite":
        for event in ("UPDATE", "DELETE"):
            op.execute(
                f"CREATE TRIGGER audit_log_no_{event.lower()} BEFORE {event} ON audit_log "
                "BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END"
            )
    elif dialect == "postgresql":
        op.execute(
            "CREATE FUNCTION audit_log_append_only() RETURNS trigger AS $$ "
            "BEGIN RAISE EXCEPTION 'audit_log is append-only'; END; $$ LANGUAGE plpgsql"
        )
        op.execute(
            "CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE ON audit_log "
            "FOR EACH ROW EXECUTE FUNCTION audit_log_append_only()"
        )


def downgrade() -> None:
    dialect = op.get_bind().dialect.name
    if dialect == "postgresql":
        op.execute("DROP TRIGGER audit_log_append_only ON audit_log")
        op.execute("DROP FUNCTION audit_log_append_only()")
    op.drop_table("change_counters")
    op.drop_index("ix_audit_log_entity", "audit_log")
    op.drop_table("audit_log")  # drops its SQLite triggers with it
    op.drop_index("ix_dossier_steps_dossier_id", "dossier_steps")
    op.drop_table("dossier_steps")
    with op.batch_alter_table("dossiers") as t:
        t.drop_index("ix_dossiers_decided_at")
        t.drop_index("ix_dossiers_status_due")
        t.create_index("ix_dossiers_status_appointment", ["status", "appointment_at"])
        t.drop_constraint("fk_dossiers_department_id_departments", type_="foreignkey")
        t.drop_constraint("fk_dossiers_assignee_id_users", type_="foreignkey")
        for name in (
            "due_at",
            "assignee_id",
            "department_id",
            "holder",
            "decided_at",
            "result_class",
            "returned_at",
            "closed_at",
            "supplement_round",
            "comebacks",
            "return_method",
            "tracking_number",
            "collected_by",
        ):
            t.drop_column(name)
    op.drop_table("departments")
    with op.batch_alter_table("users") as t:
        t.add_column(sa.Column("is_admin", sa.Boolean, nullable=False, server_default=sa.false()))
    op.execute("UPDATE users SET is_admin = (role = 'admin')")
    with op.batch_alter_table("users") as t:
        t.alter_column("is_admin", server_default=None)
        t.drop_column("role")
