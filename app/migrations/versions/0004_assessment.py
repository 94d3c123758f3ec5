"""assessment: entered scores of the 1000-point assessment (千分制考核)

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-23 14:10:00.000000
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0004"
down_revision: str | None = "0003"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "assessment_entry",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("office_id", sa.Uuid(), nullable=False),
        sa.Column("year", sa.Integer(), nullable=False),
        sa.Column("scheme_version", sa.String(length=40), nullable=False),
        sa.Column("item_code", sa.String(length=20), nullable=False),
        sa.Column("kind", sa.String(length=12), nullable=False),
        sa.Column("points", sa.Numeric(precision=8, scale=2), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("evidence", sa.Text(), nullable=False),
        sa.Column("evidence_file", sa.String(length=200), nullable=False),
        sa.Column("evidence_sha256", sa.String(length=64), nullable=False),
        sa.Column("entered_by", sa.Uuid(), nullable=True),
        sa.Column("entered_at", sa.DateTime(), nullable=False),
        sa.Column("withdrawn_at", sa.DateTime(), nullable=True),
        sa.Column("withdrawn_by", sa.Uuid(), nullable=True),
        sa.Column("withdraw_reason", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(["entered_by"], ["app_user.id"],
                                name=op.f("fk_assessment_entry_entered_by_app_user")),
        sa.ForeignKeyConstraint(["office_id"], ["office.id"],
                                name=op.f("fk_assessment_entry_office_id_office")),
        sa.ForeignKeyConstraint(["withdrawn_by"], ["app_user.id"],
                                name=op.f("fk_assessment_entry_withdrawn_by_app_user")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_assessment_entry")),
    )
    with op.batch_alter_table("assessment_entry", schema=None) as batch_op:
        batch_op.create_index("ix_assessment_entry_office_year", ["office_id", "year"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("assessment_entry", schema=None) as batch_op:
        batch_op.drop_index("ix_assessment_entry_office_year")
    op.drop_table("assessment_entry")
