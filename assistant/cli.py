"""The ``assistant`` command."""

from __future__ import annotations

import sys
import threading
from pathlib import Path

import click
from tqdm import tqdm

from assistant.config import SettingsError, get_settings

try:  # the modules below read the settings when imported: a bad ASSISTANT_* value is a one-line error
    get_settings()
except SettingsError as exc:
    sys.exit(f"Error: {exc}")

from assistant import logs  # noqa: E402
from assistant.accounts.cli import admin  # noqa: E402
from assistant.audio import AudioError  # noqa: E402
from assistant.dingtalk.cli import dingtalk  # noqa: E402
from assistant.loading import DeviceError  # noqa: E402
from assistant.people_cli import people  # noqa: E402
from assistant.weights import WeightsError  # noqa: E402

# `assistant process` exit codes besides click's 1 (bad input, missing models) and 2 (usage).
NO_SPEECH_EXIT = 3  # the recording holds no speech: empty minutes are written
INTERRUPTED_EXIT = 130  # Ctrl-C: the shell's convention for SIGINT (128 + 2)


class StageBars:
    """One tqdm bar per pipeline stage, on stderr; stages that overlap report from two threads."""

    def __init__(self, enabled: bool):
        self.enabled = enabled
        self.bars: dict[str, tqdm] = {}
        self._lock = threading.Lock()

    def __call__(self, stage: str, fraction: float) -> None:
        if not self.enabled:
            return
        with self._lock:
            bar = self.bars.get(stage)
            if bar is None:
                bar = self.bars[stage] = tqdm(total=100, desc=f"{stage:10s}", unit="%", leave=True, file=sys.stderr)
            bar.update(max(0, round(fraction * 100) - bar.n))
            if fraction >= 1.0:
                bar.close()

    def close(self) -> None:
        for bar in self.bars.values():
            bar.close()


class AttendeeCommand(click.Command):
    """``process`` and ``extract``: each ``--alias`` / ``--attendee-timezone`` belongs to the ``--attendee`` before it."""

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        from assistant.attendees import bind_aliases

        try:
            args = bind_aliases(args)
        except ValueError as exc:
            raise click.UsageError(str(exc), ctx) from exc
        return super().parse_args(ctx, args)


def _attendee_spec(ctx, param, values):
    from assistant.attendees import parse_spec

    try:
        return [parse_spec(v) for v in values]
    except ValueError as exc:
        raise click.BadParameter(str(exc)) from exc


def _attendee_file(ctx, param, value):
    from assistant.attendees import read_file

    try:
        return read_file(value) if value else []
    except (ValueError, UnicodeDecodeError) as exc:
        raise click.BadParameter(f"{value}: {exc}") from exc


def _all_attendees(from_file, from_options):
    """The attendees of --attendees-file and --attendee together, one per name."""
    from assistant.attendees import merged

    try:
        return merged([*from_file, *from_options])
    except ValueError as exc:
        raise click.UsageError(str(exc)) from exc


def attendee_options(what: str):
    """``--attendee`` (``what`` it is for), with ``--alias`` / ``--attendee-timezone`` after it, and
    ``--attendees-file``: the options of every command that takes who attended (use with AttendeeCommand)."""
    options = [
        click.option("--attendee", "attendees", multiple=True, callback=_attendee_spec, metavar="'NAME|ALIAS|ZONE'",
                     help=f"{what} Optional aliases and IANA time zone after '|'. Repeatable."),
        click.option("--alias", "_aliases", multiple=True, expose_value=False,
                     help="Another name of the --attendee just before it (e.g. --attendee 'Ivy Chan 陳詩韻' --alias Ivy)."),
        click.option("--attendee-timezone", "_zones", multiple=True, expose_value=False,
                     help="IANA time zone of the --attendee just before it (e.g. Europe/London)."),
        click.option("--attendees-file", type=click.Path(exists=True, dir_okay=False, path_type=Path),
                     callback=_attendee_file, help="Attendees from a JSON, CSV (name,aliases,role,timezone[,manager]) or text file."),
    ]

    def decorate(command):
        for option in reversed(options):
            command = option(command)
        return command
    return decorate


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
def main() -> None:
    """Meeting assistant for Hong Kong teams: Cantonese minutes from recordings."""


@main.command(cls=AttendeeCommand)
@click.argument("audio", type=click.Path(path_type=Path))
@click.option("--out", "out_dir", type=click.Path(path_type=Path), required=True, help="Folder for the outputs.")
@click.option("--num-speakers", type=click.IntRange(1, 50), help="Exact number of speakers, when known.")
@click.option("--min-speakers", type=click.IntRange(1, 50), help="At least this many speakers.")
@click.option("--max-speakers", type=click.IntRange(1, 50), help="At most this many speakers.")
@click.option("--initial-prompt", help="Text that steers recognition (style, topic).")
@click.option("--vocabulary", "vocabulary", multiple=True, help="A name or term to recognise; repeatable.")
@click.option("--vocabulary-file", type=click.Path(exists=True, dir_okay=False, path_type=Path),
              help="File with one name or term per line.")
@click.option("--language", help="Language code (default yue: Cantonese).")
@click.option("--asr-model", help="Whisper model: manifest name, local folder or hub name.")
@click.option("--device", type=click.Choice(["auto", "cpu", "cuda"]), help="Where to run the models.")
@click.option("--meeting-date", type=click.DateTime(["%Y-%m-%d"]),
              help="Meeting date (YYYY-MM-DD) for relative deadlines; default: the recording's date.")
@click.option("--no-extract", is_flag=True, help="Skip decisions and action items.")
@attendee_options("Someone who attended: their voiceprints are preferred for speakers, and they are the "
                  "owners' candidates.")
@click.option("--data-dir", type=click.Path(file_okay=False, path_type=Path),
              help="Service data folder whose people directory names the speakers (default from settings).")
@click.option("--quiet", is_flag=True, help="No progress bars.")
def process(audio, out_dir, num_speakers, min_speakers, max_speakers, initial_prompt, vocabulary,
            vocabulary_file, language, asr_model, device, meeting_date, no_extract, attendees, attendees_file,
            data_dir, quiet) -> None:
    """Diarise and transcribe AUDIO, write minutes.json, minutes.md, SRT, VTT and RTTM to --out.

    Exit codes: 0 minutes written; 1 bad input or missing models (nothing written); 2 usage;
    3 no speech in the recording (empty minutes written); 130 interrupted (Ctrl-C; nothing written).
    """
    from assistant.pipeline import ProcessOptions, exit_if_diarising
    from assistant.pipeline import process as run
    from assistant.writers import write_all

    settings = get_settings()
    asr_changes = {k: v for k, v in {"language": language, "model": asr_model, "device": device}.items() if v}
    if asr_changes:
        settings = settings.model_copy(update={"asr": settings.asr.model_copy(update=asr_changes)})
    if device:
        settings = settings.model_copy(
            update={"diarization": settings.diarization.model_copy(update={"device": device})})
    terms = list(vocabulary)
    if vocabulary_file:
        terms += [line.strip() for line in vocabulary_file.read_text(encoding="utf-8").splitlines() if line.strip()]
    day = meeting_date.date().isoformat() if meeting_date else None
    if data_dir is not None:
        settings = settings.model_copy(update={"service": settings.service.model_copy(update={"data_dir": data_dir})})
    options = ProcessOptions(num_speakers, min_speakers, max_speakers, terms, initial_prompt, day,
                             extract=not no_extract, people=_enrolled_people(settings),
                             attendees=_all_attendees(attendees_file, attendees), release_models=True,
                             keep_voices=False)
    bars = StageBars(enabled=not quiet)
    try:
        result = run(audio, options, settings, progress=bars)
    except (AudioError, WeightsError, DeviceError) as exc:
        bars.close()
        raise click.ClickException(str(exc)) from exc
    except KeyboardInterrupt:
        bars.close()
        click.echo("interrupted: nothing was written", err=True)
        exit_if_diarising(INTERRUPTED_EXIT)
        sys.exit(INTERRUPTED_EXIT)
    bars.close()
    m = result.minutes
    for warning in m.meeting.audio.warnings:
        click.echo(f"warning: {warning}", err=True)
    written = write_all(m, result.diarization.turns, out_dir)
    click.echo(f"{len(m.speakers)} speakers, {len(m.turns)} turns, {m.meeting.duration:.1f} s of audio")
    for path in written.values():
        click.echo(f"  {path}")
    if not result.speech:
        heard = f"voices were heard in {audio.name} but no words could be transcribed (the ASR output was only " \
                "repeated sounds: a larger model, ASSISTANT_ASR__MODEL, may do better)" if result.diarization.turns \
            else f"nothing was said in {audio.name}"
        click.echo(f"no speech: {heard}; the minutes are empty.", err=True)
        sys.exit(NO_SPEECH_EXIT)


@main.command(cls=AttendeeCommand)
@click.argument("transcript", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--out", "out_file", type=click.Path(dir_okay=False, path_type=Path),
              help="Write the JSON here instead of stdout.")
@click.option("--meeting-date", type=click.DateTime(["%Y-%m-%d"]),
              help="Meeting date (YYYY-MM-DD), used to resolve relative deadlines.")
@click.option("--backend", type=click.Choice(["auto", "rules", "llama_cpp", "transformers", "openai"]),
              help="Extraction backend (default from settings: auto).")
@attendee_options("Someone who attended, besides the file's: a candidate owner, and a name for a "
                  "diarisation label (S1) the meeting reveals.")
def extract(transcript, out_file, meeting_date, backend, attendees, attendees_file) -> None:
    """Decisions and action items from TRANSCRIPT: a minutes.json written by `process`, or a transcript
    {"date": "YYYY-MM-DD", "timezone": IANA, "attendees": [{"name", "aliases", "role", "timezone", "manager"}],
    "turns": [{"speaker", "text"}]}, where only "turns" is required."""
    import json

    from assistant.attendees import people
    from assistant.extract import extract_transcript

    settings = get_settings().extraction
    if backend:
        settings = settings.model_copy(update={"backend": backend})
    try:
        raw = transcript.read_text(encoding="utf-8-sig")  # -sig: files saved by Notepad
        if not raw.strip():
            raise click.ClickException(f"{transcript}: the file is empty")
        data = json.loads(raw)
    except UnicodeDecodeError as exc:
        raise click.ClickException(f"{transcript}: not UTF-8 text ({exc.reason} at byte {exc.start})") from exc
    except json.JSONDecodeError as exc:
        at_end = exc.msg.startswith("Unterminated") or exc.pos >= len(raw.rstrip())  # the text stops where JSON needs more
        cut = "; a file cut short ends this way" if at_end and exc.msg.startswith(("Expecting", "Unterminated")) else ""
        said = exc.msg.removesuffix(" at")  # 「Unterminated string starting at」, then where
        raise click.ClickException(f"{transcript}: not valid JSON ({said} at line {exc.lineno}, column {exc.colno}{cut})") from exc
    except RecursionError as exc:
        raise click.ClickException(f"{transcript}: the JSON is nested too deeply") from exc
    except ValueError as exc:  # a number of over 4300 digits
        raise click.ClickException(f"{transcript}: not readable JSON ({exc})") from exc
    try:
        day = meeting_date.date().isoformat() if meeting_date else None
        result = extract_transcript(data, settings, day, people(_all_attendees(attendees_file, attendees)))
    except (ValueError, KeyError, TypeError, WeightsError) as exc:
        raise click.ClickException(f"{transcript}: {exc}") from exc
    except OSError as exc:  # transformers: a hub name with no copy on this machine (the hub is never asked), a folder missing
        said = (str(exc).splitlines() or [type(exc).__name__])[0]
        raise click.ClickException(f"the extraction model {settings.hf_model!r} could not be loaded ({said}); "
                                   "give a local folder in ASSISTANT_EXTRACTION__HF_MODEL, or use --backend llama_cpp") from exc
    text = json.dumps(result, ensure_ascii=False, indent=2)
    if out_file:
        try:
            out_file.write_text(text + "\n", encoding="utf-8")
        except OSError as exc:
            raise click.ClickException(f"cannot write {out_file}: {exc.strerror}") from exc
    else:
        click.echo(text)


def _enrolled_people(settings):
    """Voiceprints from the service's database, when there is one: the CLI names speakers as the service does.

    A missing SQLite file is not created: without a service there is nobody to name.
    """
    from assistant.store.people import enrolled_people
    from assistant.store.store import Store

    service = settings.service
    if service.database_url is None and not (service.data_dir / "assistant.db").exists():
        return []
    store = Store(service)
    try:
        with store.session() as session:
            return enrolled_people(session, settings.diarization.embedding_model)
    finally:
        store.close()


def _service_settings(**changes):
    settings = get_settings()
    changes = {k: v for k, v in changes.items() if v is not None}
    if changes:
        settings = settings.model_copy(update={"service": settings.service.model_copy(update=changes)})
    return settings


@main.command()
@click.option("--host", help="Address to listen on (default 127.0.0.1).")
@click.option("--port", type=int, help="Port (default 8000).")
@click.option("--data-dir", type=click.Path(file_okay=False, path_type=Path), help="Database and audio folder.")
@click.option("--watch", "watch_dir", type=click.Path(file_okay=False, path_type=Path),
              help="Also ingest recordings dropped into this folder.")
def serve(host, port, data_dir, watch_dir) -> None:
    """Run the web application with its embedded worker (SQLite and files under the data folder).

    With ASSISTANT_SERVICE__REDIS_URL set it only enqueues: `assistant worker` processes do the work."""
    from assistant.api.main import create_app
    from assistant.api.server import serve as run_server

    settings = _service_settings(host=host, port=port, data_dir=data_dir, watch_dir=watch_dir)
    logs.configure(settings.service.json_logs)
    run_server(create_app(settings), settings.service)


@main.command()
@click.argument("directory", type=click.Path(file_okay=False, path_type=Path))
@click.option("--data-dir", type=click.Path(file_okay=False, path_type=Path), help="Database and audio folder.")
def watch(directory, data_dir) -> None:
    """Ingest recordings dropped into DIRECTORY and process them (unless `serve` already does)."""
    import signal
    import threading

    from assistant.service import Service
    from assistant.watch import Inbox

    settings = _service_settings(data_dir=data_dir)
    logs.configure(settings.service.json_logs)
    service = Service(settings)
    stop = threading.Event()
    signal.signal(signal.SIGTERM, lambda *_: stop.set())
    service.start()
    try:
        Inbox(directory, service).run(stop)
    except KeyboardInterrupt:
        pass
    finally:
        service.stop()


@main.command()
@click.option("--queue", "queues", multiple=True, type=click.Choice(["processing", "dingtalk"]),
              help="Work this queue (repeatable; default both): separate pools scale apart.")
@click.option("--threads", type=click.IntRange(1, 64), default=1, show_default=True,
              help="Processing jobs at once in this process (they share its loaded models).")
@click.option("--metrics-port", type=int,
              help="Serve this process's Prometheus metrics at http://SERVICE_HOST:PORT/metrics (no sign-in).")
@click.option("--dingtalk-stream", is_flag=True, help="Also receive DingTalk card clicks (in one worker only).")
@click.option("--data-dir", type=click.Path(file_okay=False, path_type=Path), help="Data folder (default from settings).")
def worker(queues, threads, metrics_port, dingtalk_stream, data_dir) -> None:
    """Work the Redis queues beside other workers (needs ASSISTANT_SERVICE__REDIS_URL; see README "Scaling out").

    SIGTERM finishes the current job (up to ASSISTANT_SERVICE__SHUTDOWN_GRACE_S), then hands it back."""
    from assistant.jobs.standalone import WorkerOptions, run

    settings = _service_settings(data_dir=data_dir)
    logs.configure(settings.service.json_logs)
    if not settings.service.redis_url:
        raise click.ClickException("set ASSISTANT_SERVICE__REDIS_URL (redis://HOST:6379/0) to run separate workers")
    run(settings, WorkerOptions(queues=tuple(queues) or ("processing", "dingtalk"), threads=threads,
                                dingtalk_stream=dingtalk_stream, metrics_port=metrics_port))


main.add_command(admin)

main.add_command(dingtalk)

main.add_command(people)


if __name__ == "__main__":
    main()
