"""Calendar days carry their source and status; confirmed years are recorded.

An office set up before this revision got the public holidays from the
``holidays`` package and only the swapped days as rows. From now on a confirmed
year's schedule is entirely rows (each with its source), so the statutory
holidays of 2025-2026 and the New Year 2026 swap are added where missing, and
24/11/2026, shipped earlier as a day off, becomes a proposed day for the admin
to decide (its legal footing is a resolution, not yet the Labour Code).

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-06
"""

from __future__ import annotations

from datetime import date

import sqlalchemy as sa
from alembic import op

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None

_LABOUR_CODE = "Bộ luật Lao động 2019 điều 112 khoản 1 điểm {point}"
_VPCP_12729 = "Văn bản 12729/VPCP-KGVX ngày 25/12/2025 của Văn phòng Chính phủ"

# The rows an existing office lacks (the package supplied them before).
_ADDED = [
    (date(2025, 1, 1), "off", "Tết Dương lịch", _LABOUR_CODE.format(point="a")),
    (date(2025, 4, 7), "off", "Giỗ Tổ Hùng Vương (10/3 âm lịch)", _LABOUR_CODE.format(point="e")),
    (date(2025, 4, 30), "off", "Ngày Chiến thắng", _LABOUR_CODE.format(point="c")),
    (date(2025, 5, 1), "off", "Ngày Quốc tế Lao động", _LABOUR_CODE.format(point="d")),
    (date(2025, 9, 2), "off", "Quốc khánh", _LABOUR_CODE.format(point="đ")),
    (date(2026, 1, 1), "off", "Tết Dương lịch", _LABOUR_CODE.format(point="a")),
    (
        date(2026, 1, 2),
        "off",
        "Nghỉ hoán đổi dịp Tết Dương lịch (làm bù thứ Bảy 10/01/2026)",
        _VPCP_12729,
    ),
    (date(2026, 1, 10), "makeup", "Làm bù thứ Bảy cho ngày nghỉ thứ Sáu 02/01/2026", _VPCP_12729),
    (date(2026, 4, 30), "off", "Ngày Chiến thắng", _LABOUR_CODE.format(point="c")),
    (date(2026, 5, 1), "off", "Ngày Quốc tế Lao động", _LABOUR_CODE.format(point="d")),
    (
        date(2026, 9, 1),
        "off",
        "Nghỉ lễ Quốc khánh (ngày liền kề ngày 02/09)",
        _LABOUR_CODE.format(point="đ"),
    ),
    (date(2026, 9, 2), "off", "Quốc khánh", _LABOUR_CODE.format(point="đ")),
]
_EARLIER_SOURCE = "Lịch nghỉ hằng năm của công chức (đã có trước phiên bản này)"
_CULTURE_DAY = date(2026, 11, 24)
_CULTURE_SOURCE = (
    "Nghị quyết 80-NQ/TW ngày 07/01/2026 (chủ trương) và Nghị quyết 30/NQ-CP "
    "(giao sửa Bộ luật Lao động điều 112 khoản 1); chưa có văn bản luật có hiệu lực"
)

days = sa.table(
    "calendar_days",
    sa.column("day", sa.Date),
    sa.column("kind", sa.String),
    sa.column("note", sa.String),
    sa.column("source", sa.String),
    sa.column("status", sa.String),
)
settings = sa.table("settings", sa.column("key", sa.String), sa.column("value", sa.Text))


def upgrade() -> None:
    with op.batch_alter_table("calendar_days") as t:
        t.add_column(sa.Column("source", sa.String(300), nullable=False, server_default=""))
        t.add_column(sa.Column("status", sa.String(10), nullable=False, server_default="confirmed"))
    bind = op.get_bind()
    if bind.execute(sa.text("SELECT COUNT(*) FROM office")).scalar_one() == 0:
        return  # a new database: first-time set-up loads the shipped calendar itself
    known = {row[0] for row in bind.execute(sa.select(days.c.day))}
    for day, kind, note, source in _ADDED:
        if day not in known:
            bind.execute(
                days.insert().values(
                    day=day, kind=kind, note=note, source=source, status="confirmed"
                )
            )
    bind.execute(days.update().where(days.c.source == "").values(source=_EARLIER_SOURCE))
    bind.execute(
        days.update()
        .where(days.c.day == _CULTURE_DAY)
        .values(status="proposed", source=_CULTURE_SOURCE)
    )
    has_years = bind.execute(
        sa.select(settings.c.key).where(settings.c.key == "calendar_confirmed_years")
    ).first()
    if has_years is None:
        bind.execute(settings.insert().values(key="calendar_confirmed_years", value="2025,2026"))


def downgrade() -> None:
    with op.batch_alter_table("calendar_days") as t:
        t.drop_column("status")
        t.drop_column("source")
    op.execute(sa.text("DELETE FROM settings WHERE key = 'calendar_confirmed_years'"))
