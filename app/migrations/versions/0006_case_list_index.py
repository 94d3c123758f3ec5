"""case_file indexes in the case list's order (green channel, received, id), alone and per status,
for paging and filtering a county's million cases

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-23 15:05:00.000000
"""

from __future__ import annotations

from collections.abc import Sequence

from alembic import op

revision: str = "0006"
down_revision: str | None = "0005"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_index("ix_case_file_list_order", "case_file", ["green_channel", "received_at", "id"])
    op.create_index("ix_case_file_status_order", "case_file",
                    ["status", "green_channel", "received_at", "id"])


def downgrade() -> None:
    op.drop_index("ix_case_file_status_order", table_name="case_file")
    op.drop_index("ix_case_file_list_order", table_name="case_file")
