"""Alembic environment: run by ``assistant.store.db.upgrade`` with a connection in ``config.attributes``."""

from alembic import context
from sqlalchemy import create_engine

from assistant.store.models import Base

config = context.config


def run() -> None:
    connection = config.attributes.get("connection")
    if connection is None:
        # `alembic` command line use: ASSISTANT settings decide the database.
        from assistant.config import get_settings

        with create_engine(get_settings().service.db_url).begin() as conn:
            _migrate(conn)
    else:
        _migrate(connection)


def _migrate(connection) -> None:
    context.configure(
        connection=connection,
        target_metadata=Base.metadata,
        render_as_batch=connection.dialect.name == "sqlite",
    )
    with context.begin_transaction():
        context.run_migrations()


run()
