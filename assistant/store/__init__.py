"""Persistent state of the service: database tables, migrations and stored audio."""
