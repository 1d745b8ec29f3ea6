"""``assistant people``: the people directory and voiceprints from the command line (the service's database)."""

from __future__ import annotations

import getpass
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import click
from sqlalchemy.orm import Session

from assistant.config import Settings, get_settings

CLIP_SUFFIXES = {".wav", ".mp3", ".m4a", ".ogg", ".flac", ".webm", ".mp4", ".aac", ".opus"}
DATA_DIR = click.option("--data-dir", type=click.Path(file_okay=False, path_type=Path),
                        help="The service's data folder (default from settings).")


def _settings(data_dir: Path | None) -> Settings:
    settings = get_settings()
    if data_dir is not None:
        settings = settings.model_copy(update={"service": settings.service.model_copy(update={"data_dir": data_dir})})
    return settings


@contextmanager
def _session(settings: Settings) -> Iterator[Session]:
    from assistant.store.store import Store

    store = Store(settings.service)
    try:
        with store.session() as session:
            yield session
    finally:
        store.close()


def _person(session: Session, who: str, create: bool):
    from assistant.store.errors import Invalid
    from assistant.store.models import Person
    from assistant.store.people import create_person, find_by_name

    try:
        person = session.get(Person, who) or find_by_name(session, who)
    except Invalid as exc:
        raise click.ClickException(str(exc)) from exc
    if person is None:
        if not create:
            raise click.ClickException(f"nobody called {who} is in the directory")
        person = create_person(session, name=who)
        click.echo(f"added {who} to the directory ({person.id})")
    return person


def _enrol(session: Session, settings: Settings, who: str, clips: list[Path], source: str, consent_by: str) -> int:
    from assistant.audio import AudioError
    from assistant.enrol import enrol_clip
    from assistant.store.people import add_voiceprint

    person, added = _person(session, who, create=True), 0
    for clip in clips:
        try:
            enrolment = enrol_clip(clip, settings)
        except AudioError as exc:
            click.echo(f"refused: {exc}", err=True)
            continue
        add_voiceprint(session, person, enrolment.model, enrolment.voice.vector, enrolment.voice.speech_s,
                       source, clip.name, consent_by)
        added += 1
        click.echo(f"{person.name}: voiceprint from {clip.name} ({enrolment.voice.speech_s:.1f} s of speech)")
    return added


@click.group()
def people() -> None:
    """The people directory: names, aliases, roles, DingTalk ids and voiceprints."""


@people.command("list")
@DATA_DIR
def list_(data_dir) -> None:
    """Everyone in the directory, with their number of voiceprints."""
    from assistant.store.people import list_people, voiceprint_count

    with _session(_settings(data_dir)) as session:
        for p in list_people(session):
            aliases = f" ({', '.join(p.aliases)})" if p.aliases else ""
            click.echo(f"{p.id}  {p.name}{aliases}  {p.role or ''}  voiceprints: {voiceprint_count(session, p.id)}")


@people.command()
@click.argument("name")
@click.option("--alias", "aliases", multiple=True, help="Another name the person goes by; repeatable.")
@click.option("--role")
@click.option("--team")
@click.option("--mobile")
@click.option("--timezone", help="IANA time zone where they work (e.g. Europe/London); default Hong Kong.")
@DATA_DIR
def add(name, aliases, role, team, mobile, timezone, data_dir) -> None:
    """Add NAME to the directory."""
    from assistant.store.people import create_person

    with _session(_settings(data_dir)) as session:
        person = create_person(session, name=name, aliases=list(aliases), role=role, team=team, mobile=mobile,
                               timezone=timezone)
        session.commit()
        click.echo(f"{person.id}  {person.name}")


@people.command()
@click.argument("name")
@click.argument("clips", nargs=-1, required=True, type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--consent-by", default=getpass.getuser, show_default="your user name",
              help="Who recorded that the person agreed to be enrolled.")
@DATA_DIR
def enrol(name, clips, consent_by, data_dir) -> None:
    """Voiceprints for NAME (added to the directory if new) from CLIPS of them speaking alone (10–30 s each)."""
    settings = _settings(data_dir)
    with _session(settings) as session:
        added = _enrol(session, settings, name, list(clips), "clip", consent_by)
        session.commit()
    if not added:
        raise click.ClickException("no clip could be used")


@people.command("enrol-folder")
@click.argument("folder", type=click.Path(exists=True, file_okay=False, path_type=Path))
@click.option("--consent-by", default=getpass.getuser, show_default="your user name",
              help="Who recorded that the people agreed to be enrolled.")
@DATA_DIR
def enrol_folder(folder, consent_by, data_dir) -> None:
    """Enrol everyone in FOLDER: NAME.wav, or NAME/ holding several clips of NAME."""
    settings = _settings(data_dir)
    named: dict[str, list[Path]] = {}
    for path in sorted(folder.iterdir()):
        if path.is_dir():
            clips = sorted(p for p in path.iterdir() if p.suffix.lower() in CLIP_SUFFIXES)
            if clips:
                named.setdefault(path.name, []).extend(clips)
        elif path.suffix.lower() in CLIP_SUFFIXES:
            named.setdefault(path.stem, []).append(path)
    if not named:
        raise click.ClickException(f"{folder}: no audio clips found")
    with _session(settings) as session:
        added = sum(_enrol(session, settings, who, clips, "folder", consent_by) for who, clips in named.items())
        session.commit()
    click.echo(f"{added} voiceprints for {len(named)} people")


@people.command()
@click.argument("name")
@click.option("--voiceprints-only", is_flag=True, help="Keep the person, delete only their voiceprints.")
@DATA_DIR
def remove(name, voiceprints_only, data_dir) -> None:
    """Delete NAME from the directory, with their voiceprints."""
    from assistant.store.people import delete_person, delete_voiceprints

    with _session(_settings(data_dir)) as session:
        person = _person(session, name, create=False)
        if voiceprints_only:
            click.echo(f"{person.name}: {delete_voiceprints(session, person)} voiceprints deleted")
        else:
            delete_person(session, person)
            click.echo(f"{person.name} deleted, with their voiceprints")
        session.commit()
