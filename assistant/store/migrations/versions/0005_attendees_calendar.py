"""meeting attendees; action items without owner, with confidence, review flag and date-time deadlines;
people's time zones; calendar events and the meeting's event

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-30
"""

import sqlalchemy as sa
from alembic import op

revision = '0005'
down_revision = '0004'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('calendar_events',
    sa.Column('id', sa.String(length=32), nullable=False),
    sa.Column('source', sa.String(length=300), nullable=False),
    sa.Column('uid', sa.String(length=500), nullable=False),
    sa.Column('title', sa.String(length=500), nullable=False),
    sa.Column('start_at', sa.DateTime(), nullable=False),
    sa.Column('end_at', sa.DateTime(), nullable=False),
    sa.Column('timezone', sa.String(length=64), nullable=False),
    sa.Column('organiser', sa.JSON(), nullable=True),
    sa.Column('attendees', sa.JSON(), nullable=False),
    sa.Column('location', sa.String(length=300), nullable=True),
    sa.Column('description', sa.Text(), nullable=True),
    sa.Column('synced_at', sa.DateTime(), nullable=False),
    sa.Column('agenda_sent_at', sa.DateTime(), nullable=True),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('source', 'uid', name='uq_calendar_events_source_uid'),
    )
    op.create_index('ix_calendar_events_start_at', 'calendar_events', ['start_at'])
    op.create_index('ix_calendar_events_end_at', 'calendar_events', ['end_at'])
    with op.batch_alter_table('meetings', schema=None) as batch_op:
        batch_op.add_column(sa.Column('event_id', sa.String(length=32), nullable=True))
        batch_op.add_column(sa.Column('event_candidates', sa.JSON(), nullable=False, server_default='[]'))
        batch_op.add_column(sa.Column('recorded_at', sa.DateTime(), nullable=True))
        batch_op.add_column(sa.Column('ready_notified_at', sa.DateTime(), nullable=True))
        batch_op.create_index('ix_meetings_event_id', ['event_id'], unique=False)
        batch_op.create_foreign_key('fk_meetings_event_id', 'calendar_events', ['event_id'], ['id'],
                                    ondelete='SET NULL')
    op.create_table('meeting_attendees',
    sa.Column('pk', sa.Integer(), autoincrement=True, nullable=False),
    sa.Column('meeting_id', sa.String(length=32), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.Column('aliases', sa.JSON(), nullable=False),
    sa.Column('role', sa.String(length=200), nullable=True),
    sa.Column('timezone', sa.String(length=64), nullable=True),
    sa.Column('person_id', sa.String(length=32), nullable=True),
    sa.ForeignKeyConstraint(['meeting_id'], ['meetings.id'], name='fk_meeting_attendees_meeting_id',
                            ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['person_id'], ['people.id'], name='fk_meeting_attendees_person_id',
                            ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('pk'),
    )
    op.create_index('ix_meeting_attendees_meeting_id', 'meeting_attendees', ['meeting_id'])
    op.create_index('ix_meeting_attendees_person_id', 'meeting_attendees', ['person_id'])

    with op.batch_alter_table('action_items', schema=None) as batch_op:
        batch_op.alter_column('owner', existing_type=sa.String(length=200), nullable=True)
        batch_op.alter_column('deadline', existing_type=sa.String(length=10), type_=sa.String(length=32))
        batch_op.add_column(sa.Column('confidence', sa.Float(), nullable=False, server_default='1.0'))
        batch_op.add_column(sa.Column('needs_review', sa.Boolean(), nullable=False, server_default=sa.false()))
    with op.batch_alter_table('people', schema=None) as batch_op:
        batch_op.add_column(sa.Column('timezone', sa.String(length=64), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table('people', schema=None) as batch_op:
        batch_op.drop_column('timezone')
    op.execute("UPDATE action_items SET owner = '' WHERE owner IS NULL")
    with op.batch_alter_table('action_items', schema=None) as batch_op:
        batch_op.drop_column('needs_review')
        batch_op.drop_column('confidence')
        batch_op.alter_column('deadline', existing_type=sa.String(length=32), type_=sa.String(length=10))
        batch_op.alter_column('owner', existing_type=sa.String(length=200), nullable=False)
    op.drop_index('ix_meeting_attendees_person_id', table_name='meeting_attendees')
    op.drop_index('ix_meeting_attendees_meeting_id', table_name='meeting_attendees')
    op.drop_table('meeting_attendees')
    with op.batch_alter_table('meetings', schema=None) as batch_op:
        batch_op.drop_constraint('fk_meetings_event_id', type_='foreignkey')
        batch_op.drop_index('ix_meetings_event_id')
        for column in ('ready_notified_at', 'recorded_at', 'event_candidates', 'event_id'):
            batch_op.drop_column(column)
    op.drop_index('ix_calendar_events_end_at', table_name='calendar_events')
    op.drop_index('ix_calendar_events_start_at', table_name='calendar_events')
    op.drop_table('calendar_events')
