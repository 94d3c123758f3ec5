"""sync_version: every version of a township's row the county has held, so a re-sent or older
version from the same township's chain counts as unchanged instead of a conflict

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-08 02:00:00.000000
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0008"
down_revision: str | None = "0007"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "sync_version",
        sa.Column("table_name", sa.String(length=40), nullable=False),
        sa.Column("row_id", sa.String(length=64), nullable=False),
        sa.Column("row_hash", sa.String(length=64), nullable=False),
        sa.PrimaryKeyConstraint("table_name", "row_id", "row_hash", name=op.f("pk_sync_version")),
    )
    # What a county knows so far: the version it holds of each row.
    op.execute("INSERT INTO sync_version (table_name, row_id, row_hash) "
               "SELECT table_name, row_id, row_hash FROM sync_row WHERE row_hash IS NOT NULL")


def downgrade() -> None:
    op.drop_table("sync_version")
