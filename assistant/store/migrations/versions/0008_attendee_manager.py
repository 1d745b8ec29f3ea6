"""an attendee's direct manager, by name: who 「你老闆」 said to them is

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-06
"""

import sqlalchemy as sa
from alembic import op

revision = '0008'
down_revision = '0007'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('meeting_attendees', schema=None) as batch_op:
        batch_op.add_column(sa.Column('manager', sa.String(length=200), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table('meeting_attendees', schema=None) as batch_op:
        batch_op.drop_column('manager')
