"""leases on jobs and outbox operations (several workers), Chinese-aware search index on Postgres

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-01
"""

import sqlalchemy as sa
from alembic import op

revision = '0006'
down_revision = '0005'
branch_labels = None
depends_on = None

# Postgres: a trigram GIN index serves the same substring search as SQLite's FTS5 trigram table
# (ILIKE '%q%'), so Chinese text without word breaks is found; to_tsvector('english') would not.
# pg_trgm is a trusted extension (PG 13+): the database owner may create it.
PG_SEARCH = [
    "CREATE EXTENSION IF NOT EXISTS pg_trgm",
    "CREATE INDEX IF NOT EXISTS ix_turns_text_trgm ON turns USING gin (text gin_trgm_ops)",
    "CREATE INDEX IF NOT EXISTS ix_meetings_title_trgm ON meetings USING gin (title gin_trgm_ops)",
]


def upgrade() -> None:
    for table in ('jobs', 'dingtalk_outbox'):
        with op.batch_alter_table(table, schema=None) as batch_op:
            batch_op.add_column(sa.Column('leased_by', sa.String(length=100), nullable=True))
            batch_op.add_column(sa.Column('lease_expires_at', sa.DateTime(), nullable=True))
            batch_op.create_index(batch_op.f(f'ix_{table}_lease_expires_at'), ['lease_expires_at'], unique=False)
    if op.get_bind().dialect.name == 'postgresql':
        for statement in PG_SEARCH:
            op.execute(statement)


def downgrade() -> None:
    if op.get_bind().dialect.name == 'postgresql':
        op.execute("DROP INDEX IF EXISTS ix_meetings_title_trgm")
        op.execute("DROP INDEX IF EXISTS ix_turns_text_trgm")
    for table in ('dingtalk_outbox', 'jobs'):
        with op.batch_alter_table(table, schema=None) as batch_op:
            batch_op.drop_index(batch_op.f(f'ix_{table}_lease_expires_at'))
            batch_op.drop_column('lease_expires_at')
            batch_op.drop_column('leased_by')
