"""``assistant admin``: accounts from the command line (the first admin, tokens for recorders)."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import click
from sqlalchemy.orm import Session

from assistant.accounts.passwords import generate_password
from assistant.accounts.sessions import close_all
from assistant.accounts.tokens import create_token
from assistant.accounts.users import ROLES, create_user, find_user, set_password
from assistant.config import get_settings
from assistant.store.errors import Conflict, Invalid
from assistant.store.models import User
from assistant.store.store import Store


@contextmanager
def _session(data_dir: Path | None, existing: bool = False) -> Iterator[Session]:
    """A session on the service database, committed at the end; store errors become CLI errors. With ``existing``
    (a command about accounts already there) an embedded database that does not exist yet is an error, and no
    data folder is made for it."""
    settings = get_settings().service
    if data_dir is not None:
        settings = settings.model_copy(update={"data_dir": data_dir})
    if existing and settings.database_url is None and not settings.embedded_db.exists():
        raise click.ClickException(f"no database at {settings.embedded_db.resolve()}: run the command from the folder the service "
                                   "runs in, or give --data-dir or ASSISTANT_SERVICE__DATA_DIR")
    store = Store(settings)
    try:
        with store.session() as session:
            yield session
            session.commit()
    except (Conflict, Invalid) as exc:
        raise click.ClickException(str(exc)) from exc
    finally:
        store.close()


def _user(session: Session, username: str) -> User:
    user = find_user(session, username)
    if user is None:
        where = session.get_bind().url.render_as_string(hide_password=True)  # run from another folder: another data/
        raise click.ClickException(f"no user named {username} in {where} "
                                   "(the data folder is --data-dir or ASSISTANT_SERVICE__DATA_DIR)")
    return user


def _new_password(password_stdin: bool) -> str:
    return sys.stdin.readline().rstrip("\r\n") if password_stdin else generate_password()


@click.group()
def admin() -> None:
    """Manage accounts."""


@admin.command("create-user")
@click.argument("username")
@click.option("--role", type=click.Choice(ROLES), default="member", show_default=True)
@click.option("--team", help="The user's team (managers see their team's meetings).")
@click.option("--password-stdin", is_flag=True, help="Read the password from standard input instead of generating one.")
@click.option("--data-dir", type=click.Path(file_okay=False, path_type=Path), help="Database and audio folder.")
def create_user_command(username, role, team, password_stdin, data_dir) -> None:
    """Create a local account; prints a generated password unless --password-stdin."""
    password = _new_password(password_stdin)
    with _session(data_dir) as session:
        create_user(session, username, role, password, team)
    click.echo(f"created {role} {username}")
    if not password_stdin:
        click.echo(f"password: {password}")


@admin.command("create-token")
@click.argument("username")
@click.option("--name", default="cli", show_default=True, help="What the token is for.")
@click.option("--data-dir", type=click.Path(file_okay=False, path_type=Path), help="Database and audio folder.")
def create_token_command(username, name, data_dir) -> None:
    """Create a personal API token for USERNAME and print it (shown only now)."""
    with _session(data_dir, existing=True) as session:
        token, _ = create_token(session, _user(session, username), name)
    click.echo(token)


@admin.command("set-password")
@click.argument("username")
@click.option("--password-stdin", is_flag=True, help="Read the password from standard input instead of generating one.")
@click.option("--data-dir", type=click.Path(file_okay=False, path_type=Path), help="Database and audio folder.")
def set_password_command(username, password_stdin, data_dir) -> None:
    """Give USERNAME a new password (printed unless --password-stdin) and sign them out everywhere."""
    password = _new_password(password_stdin)
    with _session(data_dir, existing=True) as session:
        user = _user(session, username)
        set_password(user, password)
        close_all(session, user.id)
    click.echo(f"password of {username} changed")
    if not password_stdin:
        click.echo(f"password: {password}")
