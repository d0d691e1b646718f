"""Two-level government and online-only procedures.

A procedure's level is stored as a key (``central``, ``province``, ``commune``)
instead of the free text typed before. Since 01/07/2025 there is no district
level: a district value ("huyện", "cấp huyện", "quận", "thị xã", "thành phố
thuộc tỉnh") becomes ``commune``, where such procedures went after the
reorganisation; an office checks them against its province's published list.
A value read as no level at all becomes empty (the catalog does not say).

Procedures get ``online_only`` (Directive 24/CT-TTg, 2025), and each printed
guide to submitting online is counted in ``online_guidance``.

The mapping is written out here, not imported, so this revision keeps doing
what it did whatever the code later says. A downgrade writes the Vietnamese
words back; a district value stays ``xã``.

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-01
"""

from __future__ import annotations

import re
import unicodedata

import sqlalchemy as sa
from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None

_WORDS = {
    "central": "central",
    "trung uong": "central",
    "bo": "central",
    "bo nganh": "central",
    "co quan trung uong": "central",
    "province": "province",
    "tinh": "province",
    "thanh pho": "province",
    "thanh pho truc thuoc trung uong": "province",
    "tinh thanh pho": "province",
    "commune": "commune",
    "xa": "commune",
    "phuong": "commune",
    "dac khu": "commune",
    "thi tran": "commune",
    "xa phuong": "commune",
    "xa phuong dac khu": "commune",
    # No district level since 01/07/2025: its procedures went to the commune.
    "district": "commune",
    "huyen": "commune",
    "quan": "commune",
    "quan huyen": "commune",
    "thi xa": "commune",
    "thanh pho thuoc tinh": "commune",
}
_PREFIXES = ("cap ", "ubnd ", "uy ban nhan dan ")
_BACK = {"central": "trung ương", "province": "tỉnh", "commune": "xã"}


def _fold(text: str) -> str:
    plain = text.replace("đ", "d").replace("Đ", "D")
    decomposed = unicodedata.normalize("NFD", plain)
    stripped = "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()
    word = re.sub(r"[\s,;/_\-]+", " ", stripped).strip()
    for prefix in _PREFIXES:
        if word.startswith(prefix):
            word = word[len(prefix) :].strip()
    return word


def stored_key(text: str | None) -> str:
    """The key an old free-text level becomes ("" for none or an unknown word)."""
    return _WORDS.get(_fold(text or ""), "")


def _rewrite(mapping) -> None:  # noqa: ANN001
    procedures = sa.table("procedures", sa.column("id", sa.Integer), sa.column("level", sa.String))
    connection = op.get_bind()
    rows = connection.execute(sa.select(procedures.c.id, procedures.c.level)).all()
    for row_id, level in rows:
        new = mapping(level)
        if new != (level or ""):
            connection.execute(
                procedures.update().where(procedures.c.id == row_id).values(level=new)
            )


def upgrade() -> None:
    _rewrite(stored_key)
    with op.batch_alter_table("procedures") as t:
        t.add_column(sa.Column("online_only", sa.Boolean, nullable=False, server_default="0"))
    op.create_table(
        "online_guidance",
        sa.Column("id", sa.Integer, nullable=False),
        sa.Column("at", sa.DateTime, nullable=False),
        sa.Column("clerk_id", sa.Integer, nullable=True),
        sa.Column("procedure_code", sa.String(40), nullable=False),
        sa.ForeignKeyConstraint(
            ["clerk_id"], ["users.id"], name="fk_online_guidance_clerk_id_users"
        ),
        sa.PrimaryKeyConstraint("id", name="pk_online_guidance"),
    )
    op.create_index("ix_online_guidance_at", "online_guidance", ["at"])


def downgrade() -> None:
    op.drop_index("ix_online_guidance_at", table_name="online_guidance")
    op.drop_table("online_guidance")
    with op.batch_alter_table("procedures") as t:
        t.drop_column("online_only")
    _rewrite(lambda level: _BACK.get(level or "", level or ""))
