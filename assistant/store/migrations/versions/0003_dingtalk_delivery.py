"""dingtalk delivery: deliveries, outbox, delivery events; action items linked to people

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-25
"""

import sqlalchemy as sa
from alembic import op

revision = '0003'
down_revision = '0002'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('action_items', schema=None) as batch_op:
        batch_op.add_column(sa.Column('person_id', sa.String(length=32), nullable=True))
        batch_op.create_index(batch_op.f('ix_action_items_person_id'), ['person_id'], unique=False)
        batch_op.create_foreign_key('fk_action_items_person_id', 'people', ['person_id'], ['id'], ondelete='SET NULL')

    op.create_table('deliveries',
    sa.Column('id', sa.String(length=32), nullable=False),
    sa.Column('meeting_id', sa.String(length=32), nullable=False),
    sa.Column('item_id', sa.String(length=32), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('owner', sa.String(length=200), nullable=False),
    sa.Column('person_id', sa.String(length=32), nullable=True),
    sa.Column('user_id', sa.String(length=64), nullable=True),
    sa.Column('union_id', sa.String(length=64), nullable=True),
    sa.Column('manager_user_id', sa.String(length=64), nullable=True),
    sa.Column('source_id', sa.String(length=64), nullable=False),
    sa.Column('status', sa.String(length=16), nullable=False),
    sa.Column('reason', sa.Text(), nullable=True),
    sa.Column('candidates', sa.JSON(), nullable=False),
    sa.Column('task_id', sa.String(length=64), nullable=True),
    sa.Column('ding_requested', sa.String(length=8), nullable=True),
    sa.Column('ding_sent', sa.String(length=8), nullable=True),
    sa.Column('ding_downgraded', sa.Boolean(), nullable=False),
    sa.Column('ding_error', sa.String(length=200), nullable=True),
    sa.Column('sent_at', sa.DateTime(), nullable=True),
    sa.Column('follow_up_due_at', sa.DateTime(), nullable=True),
    sa.Column('confirmed_at', sa.DateTime(), nullable=True),
    sa.Column('disputed_at', sa.DateTime(), nullable=True),
    sa.Column('dispute_reason', sa.Text(), nullable=True),
    sa.Column('done_at', sa.DateTime(), nullable=True),
    sa.Column('flagged_at', sa.DateTime(), nullable=True),
    sa.Column('reminded_at', sa.DateTime(), nullable=True),
    sa.Column('escalated_at', sa.DateTime(), nullable=True),
    sa.Column('manager_task_id', sa.String(length=64), nullable=True),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['item_id'], ['action_items.id'], name='fk_deliveries_item_id', ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['meeting_id'], ['meetings.id'], name='fk_deliveries_meeting_id', ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['person_id'], ['people.id'], name='fk_deliveries_person_id', ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('meeting_id', 'item_id', name='uq_deliveries_meeting_item'),
    sa.UniqueConstraint('source_id', name='uq_deliveries_source_id')
    )
    with op.batch_alter_table('deliveries', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_deliveries_meeting_id'), ['meeting_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_deliveries_item_id'), ['item_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_deliveries_person_id'), ['person_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_deliveries_status'), ['status'], unique=False)
        batch_op.create_index(batch_op.f('ix_deliveries_follow_up_due_at'), ['follow_up_due_at'], unique=False)

    op.create_table('dingtalk_outbox',
    sa.Column('id', sa.Integer(), autoincrement=True, nullable=False),
    sa.Column('delivery_id', sa.String(length=32), nullable=False),
    sa.Column('kind', sa.String(length=16), nullable=False),
    sa.Column('key', sa.String(length=100), nullable=False),
    sa.Column('state', sa.String(length=16), nullable=False),
    sa.Column('attempts', sa.Integer(), nullable=False),
    sa.Column('due_at', sa.DateTime(), nullable=False),
    sa.Column('last_error', sa.Text(), nullable=True),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('finished_at', sa.DateTime(), nullable=True),
    sa.ForeignKeyConstraint(['delivery_id'], ['deliveries.id'], name='fk_dingtalk_outbox_delivery_id',
                            ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('key', name='uq_dingtalk_outbox_key')
    )
    with op.batch_alter_table('dingtalk_outbox', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_dingtalk_outbox_delivery_id'), ['delivery_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_dingtalk_outbox_state'), ['state'], unique=False)

    op.create_table('delivery_events',
    sa.Column('id', sa.Integer(), autoincrement=True, nullable=False),
    sa.Column('delivery_id', sa.String(length=32), nullable=False),
    sa.Column('at', sa.DateTime(), nullable=False),
    sa.Column('kind', sa.String(length=32), nullable=False),
    sa.Column('actor', sa.String(length=64), nullable=True),
    sa.Column('message', sa.Text(), nullable=True),
    sa.ForeignKeyConstraint(['delivery_id'], ['deliveries.id'], name='fk_delivery_events_delivery_id',
                            ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('delivery_events', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_delivery_events_delivery_id'), ['delivery_id'], unique=False)


def downgrade() -> None:
    with op.batch_alter_table('delivery_events', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_delivery_events_delivery_id'))
    op.drop_table('delivery_events')
    with op.batch_alter_table('dingtalk_outbox', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_dingtalk_outbox_state'))
        batch_op.drop_index(batch_op.f('ix_dingtalk_outbox_delivery_id'))
    op.drop_table('dingtalk_outbox')
    with op.batch_alter_table('deliveries', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_deliveries_follow_up_due_at'))
        batch_op.drop_index(batch_op.f('ix_deliveries_status'))
        batch_op.drop_index(batch_op.f('ix_deliveries_person_id'))
        batch_op.drop_index(batch_op.f('ix_deliveries_item_id'))
        batch_op.drop_index(batch_op.f('ix_deliveries_meeting_id'))
    op.drop_table('deliveries')
    with op.batch_alter_table('action_items', schema=None) as batch_op:
        batch_op.drop_constraint('fk_action_items_person_id', type_='foreignkey')
        batch_op.drop_index(batch_op.f('ix_action_items_person_id'))
        batch_op.drop_column('person_id')
