"""case_file.completed_at index for the completion register and monthly figures

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-23 14:35:00.000000
"""

from __future__ import annotations

from collections.abc import Sequence

from alembic import op

revision: str = "0005"
down_revision: str | None = "0004"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_index("ix_case_file_completed_at", "case_file", ["completed_at"])


def downgrade() -> None:
    op.drop_index("ix_case_file_completed_at", table_name="case_file")
