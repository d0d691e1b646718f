"""Digitised papers and results: the PDFs, their links to dossiers, reused papers.

``scan_files`` holds each PDF (a blob in the database itself, so every counter
sees it and a backup of the SQLite file holds it with the dossiers);
``dossier_scans`` links a dossier's paper (or its result, position 0) to one;
``dossier_papers.reused_from`` names the earlier dossier whose digitised copy
stood in for a paper not handed in again (Decree 118/2025 art. 17(1)(b)).

Revision ID: 0013
Revises: 0012
Create Date: 2026-12-14
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0013"
down_revision = "0012"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "scan_files",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("pages", sa.Integer(), nullable=False),
        sa.Column("size", sa.BigInteger(), nullable=False),
        sa.Column("pdfa", sa.Boolean(), nullable=False),
        sa.Column("origin_code", sa.String(length=60), nullable=False),
        sa.Column("made_at", sa.DateTime(), nullable=False),
        sa.Column("made_by_id", sa.Integer(), nullable=True),
        sa.Column("valid_until", sa.Date(), nullable=True),
        sa.Column("data", sa.LargeBinary(), nullable=False),
        sa.ForeignKeyConstraint(
            ["made_by_id"], ["users.id"], name=op.f("fk_scan_files_made_by_id_users")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_scan_files")),
    )
    op.create_index(op.f("ix_scan_files_sha256"), "scan_files", ["sha256"])
    op.create_table(
        "dossier_scans",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("dossier_id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=10), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("name", sa.Text(), nullable=False),
        sa.Column("file_id", sa.Integer(), nullable=False),
        sa.Column("linked_at", sa.DateTime(), nullable=False),
        sa.Column("linked_by_id", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(
            ["dossier_id"],
            ["dossiers.id"],
            name=op.f("fk_dossier_scans_dossier_id_dossiers"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["file_id"], ["scan_files.id"], name=op.f("fk_dossier_scans_file_id_scan_files")
        ),
        sa.ForeignKeyConstraint(
            ["linked_by_id"], ["users.id"], name=op.f("fk_dossier_scans_linked_by_id_users")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_dossier_scans")),
        sa.UniqueConstraint(
            "dossier_id", "kind", "position", name=op.f("uq_dossier_scans_dossier_id")
        ),
    )
    op.create_index(op.f("ix_dossier_scans_dossier_id"), "dossier_scans", ["dossier_id"])
    op.create_index(op.f("ix_dossier_scans_file_id"), "dossier_scans", ["file_id"])
    with op.batch_alter_table("dossier_papers") as t:
        t.add_column(
            sa.Column("reused_from", sa.String(length=60), nullable=False, server_default="")
        )


def downgrade() -> None:
    with op.batch_alter_table("dossier_papers") as t:
        t.drop_column("reused_from")
    op.drop_index(op.f("ix_dossier_scans_file_id"), table_name="dossier_scans")
    op.drop_index(op.f("ix_dossier_scans_dossier_id"), table_name="dossier_scans")
    op.drop_table("dossier_scans")
    op.drop_index(op.f("ix_scan_files_sha256"), table_name="scan_files")
    op.drop_table("scan_files")
