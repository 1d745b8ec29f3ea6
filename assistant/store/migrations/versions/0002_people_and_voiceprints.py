"""people directory and voiceprints; speakers linked to people

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-25
"""

import sqlalchemy as sa
from alembic import op

revision = '0002'
down_revision = '0001'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('people',
    sa.Column('id', sa.String(length=32), nullable=False),
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.Column('aliases', sa.JSON(), nullable=False),
    sa.Column('role', sa.String(length=200), nullable=True),
    sa.Column('team', sa.String(length=200), nullable=True),
    sa.Column('mobile', sa.String(length=32), nullable=True),
    sa.Column('dingtalk_user_id', sa.String(length=64), nullable=True),
    sa.Column('dingtalk_union_id', sa.String(length=64), nullable=True),
    sa.Column('manager_user_id', sa.String(length=64), nullable=True),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('people', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_people_dingtalk_user_id'), ['dingtalk_user_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_people_name'), ['name'], unique=False)

    op.create_table('voiceprints',
    sa.Column('id', sa.Integer(), autoincrement=True, nullable=False),
    sa.Column('person_id', sa.String(length=32), nullable=False),
    sa.Column('model', sa.String(length=100), nullable=False),
    sa.Column('vector', sa.JSON(), nullable=False),
    sa.Column('speech_s', sa.Float(), nullable=False),
    sa.Column('source', sa.String(length=16), nullable=False),
    sa.Column('source_ref', sa.String(length=300), nullable=True),
    sa.Column('consent_by', sa.String(length=200), nullable=True),
    sa.Column('consent_at', sa.DateTime(), nullable=True),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['person_id'], ['people.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('voiceprints', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_voiceprints_person_id'), ['person_id'], unique=False)

    with op.batch_alter_table('speakers', schema=None) as batch_op:
        batch_op.add_column(sa.Column('person_id', sa.String(length=32), nullable=True))
        batch_op.add_column(sa.Column('confidence', sa.Float(), nullable=True))
        batch_op.add_column(sa.Column('embedding', sa.JSON(), nullable=True))
        batch_op.create_index(batch_op.f('ix_speakers_person_id'), ['person_id'], unique=False)
        batch_op.create_foreign_key('fk_speakers_person_id', 'people', ['person_id'], ['id'], ondelete='SET NULL')


def downgrade() -> None:
    with op.batch_alter_table('speakers', schema=None) as batch_op:
        batch_op.drop_constraint('fk_speakers_person_id', type_='foreignkey')
        batch_op.drop_index(batch_op.f('ix_speakers_person_id'))
        batch_op.drop_column('embedding')
        batch_op.drop_column('confidence')
        batch_op.drop_column('person_id')
    with op.batch_alter_table('voiceprints', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_voiceprints_person_id'))
    op.drop_table('voiceprints')
    with op.batch_alter_table('people', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_people_name'))
        batch_op.drop_index(batch_op.f('ix_people_dingtalk_user_id'))
    op.drop_table('people')
