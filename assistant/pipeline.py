"""audio → speaker turns → transcript → minutes: the main job, shared by the CLI and the service."""

from __future__ import annotations

import logging
import os
import sys
import threading
import time
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from assistant import attendees as attendee_specs
from assistant import loading
from assistant.audio import Audio, decode, recording_date
from assistant.config import Settings, get_settings
from assistant.diarize import Diarization, diarize
from assistant.extract import extract_minutes
from assistant.extract.owners import Person
from assistant.identify import EnrolledPerson, Match, identify_speakers, name_speakers
from assistant.merge import speaker_table, words_to_turns
from assistant.minutes import Attendee, MeetingInfo, Minutes
from assistant.transcribe import Transcript, transcribe
from assistant.voices import Voice

log = logging.getLogger(__name__)

# progress(stage, fraction of that stage done)
Progress = Callable[[str, float], None]
STAGES = ("decode", "diarise", "identify", "transcribe", "merge", "extract")


@dataclass
class ProcessOptions:
    num_speakers: int | None = None
    min_speakers: int | None = None
    max_speakers: int | None = None
    vocabulary: Sequence[str] = ()
    initial_prompt: str | None = None
    meeting_date: str | None = None
    extract: bool = True
    # The enrolled people to name speakers from (voiceprints of the diarisation's embedding model),
    # and who attended, when known: their voiceprints are preferred, and they are the owners' candidates.
    people: Sequence[EnrolledPerson] = ()
    attendees: Sequence[Attendee] = ()
    # Unload the speech models before extraction: for a process that handles one recording (the CLI);
    # a worker keeps them for the next job.
    release_models: bool = False
    # Each speaker's voice, kept with the meeting so a reviewer can enrol it later (the service).
    # Without it and without enrolled people there is nothing to identify, and no voice is computed.
    keep_voices: bool = True


@dataclass
class Result:
    minutes: Minutes
    diarization: Diarization
    transcript: Transcript
    voices: dict[str, Voice] = field(default_factory=dict)  # each speaker's voice, for enrolment later
    # seconds per stage; diarise and identify overlap transcribe, so "wall" is the whole run's
    timings: dict[str, float] = field(default_factory=dict)

    @property
    def speech(self) -> bool:
        """False when nothing was said: valid minutes with no speakers, turns or items (the "no speech" outcome)."""
        return self.minutes.meeting.speech


# Share of diarisation time in each of pyannote's steps that report progress (CPU, measured on the sample).
DIARISATION_STEPS = {"segmentation": (0.0, 0.25), "embeddings": (0.25, 1.0)}
# How long a failed or interrupted run waits for diarisation to reach its next step (one batch of
# segmentation or embeddings: a few seconds on CPU; a long recording's speaker-change step reports
# nothing for minutes, and is left running: see exit_if_diarising).
ABANDON_WAIT_S = 20.0
BESIDE_THREAD = "diarise"


class Abandoned(Exception):
    """Diarisation stopped at its next step because the work beside it (transcription) failed or was
    interrupted: its result would not be used."""


def _diarization_hook(progress: Progress | None, abandoned: threading.Event):
    def hook(step_name, step_artifact, file=None, total=None, completed=None):
        if abandoned.is_set():
            raise Abandoned()
        if progress and step_name in DIARISATION_STEPS and total:
            start, end = DIARISATION_STEPS[step_name]
            progress("diarise", start + (end - start) * min(1.0, (completed or 0) / total))

    return hook


def owner_candidates(options: ProcessOptions, matches: Mapping[str, Match]) -> tuple[Person, ...]:
    """Attendees (names, aliases, roles, time zones), then identified speakers not among them with
    their directory aliases, so "陳生 負責" finds 陳大文."""
    people = list(attendee_specs.people(options.attendees))
    linked = {a.person_id for a in options.attendees if a.person_id}
    known = {p.id: p for p in options.people}
    taken = {n.casefold() for p in people for n in (p.name, *p.aliases)}
    for m in matches.values():
        if m.person_id not in linked and m.name.casefold() not in taken:
            people.append(Person(m.name, aliases=known[m.person_id].aliases))
    return tuple(people)


class _Beside(threading.Thread):
    """A call run in a thread beside the caller's work. When that work fails or is interrupted (Ctrl-C,
    a cancelled or handed-back job) the caller signals the call to stop and waits for it
    (:meth:`abandon`): native code (torch) still running at interpreter exit aborts the process."""

    def __init__(self, call: Callable[[], Any]):
        super().__init__(name=BESIDE_THREAD, daemon=True)
        self._call = call
        self._value: Any = None
        self._error: BaseException | None = None
        self.start()

    def run(self) -> None:
        try:
            self._value = self._call()
        except BaseException as exc:  # handed to the caller by result()
            self._error = exc

    def result(self) -> Any:
        self.join()
        if self._error is not None:
            raise self._error
        return self._value

    def abandon(self, wait_s: float) -> None:
        """Wait up to ``wait_s`` seconds for the call to end; the caller has told it to stop."""
        self.join(wait_s)
        if self.is_alive():
            log.warning("diarisation did not stop within %.0f s", wait_s)


def exit_if_diarising(status: int) -> None:
    """End the process now, without the interpreter's clean-up, when abandoned diarisation is still
    running in native code (torch cannot be interrupted mid-step; finalising under it aborts with
    'terminate called without an active exception'). Returns when none is running."""
    if any(t.name == BESIDE_THREAD and t.is_alive() for t in threading.enumerate()):
        log.warning("diarisation is still running in native code: ending the process without clean-up")
        logging.shutdown()
        sys.stdout.flush()
        sys.stderr.flush()
        os._exit(status)


@dataclass(frozen=True)
class _Done:
    """A value already computed, read like a :class:`_Beside`."""

    value: Any

    def result(self) -> Any:
        return self.value

    def abandon(self, wait_s: float) -> None:
        pass


def process(
    source: str | Path,
    options: ProcessOptions | None = None,
    settings: Settings | None = None,
    progress: Progress | None = None,
) -> Result:
    options = options or ProcessOptions()
    settings = settings or get_settings()
    timings: dict[str, float] = {}

    def stage(name: str, fn, *args, **kwargs):
        if progress:
            progress(name, 0.0)
        t0 = time.perf_counter()
        value = fn(*args, **kwargs)
        timings[name] = time.perf_counter() - t0
        loading.trim_heap()
        if progress:
            progress(name, 1.0)
        return value

    started = time.perf_counter()
    abandoned = threading.Event()
    audio: Audio = stage("decode", decode, source, settings.audio)
    diarization_pipeline = loading.diarization_pipeline(settings.diarization)

    def voices_of_speakers():
        diarization = stage(
            "diarise",
            diarize,
            diarization_pipeline,
            audio,
            num_speakers=options.num_speakers,
            min_speakers=options.min_speakers,
            max_speakers=options.max_speakers,
            hook=_diarization_hook(progress, abandoned),
        )
        if not options.people and not options.keep_voices:
            return diarization, {}, {}
        return stage("identify", identify_speakers, diarization_pipeline.embedding, audio, diarization,
                     options.people, settings.voiceprints, attendee_specs.names(options.attendees))

    # Who spoke and what was said do not depend on each other: diarisation runs beside
    # transcription (each has stretches of single-threaded work; on 2 CPU cores the two together
    # take about 30 % less time than one after the other), except in long recordings (memory).
    if audio.duration <= settings.diarization.beside_transcription_max_s:
        speakers = _Beside(voices_of_speakers)
    else:  # in this thread (2-hour recording: peak 2839 MB; 3165 MB with diarisation in a thread first)
        speakers = _Done(voices_of_speakers())
    try:
        transcript = stage(
            "transcribe",
            transcribe,
            loading.whisper_model(settings.asr),  # after diarisation in a long recording: not held during it
            audio,
            settings.asr,
            vocabulary=options.vocabulary,
            initial_prompt=options.initial_prompt,
            progress=(lambda f: progress("transcribe", f)) if progress else None,
        )
    except BaseException:
        abandoned.set()
        speakers.abandon(ABANDON_WAIT_S)
        raise
    diarization, voices, matches = speakers.result()
    tz = ZoneInfo(settings.timezone)
    info = MeetingInfo(
        source=str(source),
        duration=round(audio.duration, 3),
        language=settings.asr.language if transcript.language in {"zh", "yue"} else transcript.language,
        models={
            "asr": settings.asr.model,
            "segmentation": settings.diarization.segmentation_model,
            "speaker_embedding": settings.diarization.embedding_model,
        },
        processed_at=datetime.now(tz).isoformat(timespec="seconds"),
        date=options.meeting_date or recording_date(source, settings.timezone),
        timezone=settings.timezone,
        attendees=list(options.attendees),
        audio=audio.origin,
        speech=bool(transcript.words),
    )
    if not info.speech:
        # Music, noise or a room tone: diarisation may still have found "speakers"; nobody spoke.
        log.info("%s: no speech was recognised", Path(source).name)
        timings["wall"] = time.perf_counter() - started
        return Result(minutes=Minutes(meeting=info, speakers=[], turns=[]), diarization=Diarization([], []),
                      transcript=transcript, timings=timings)
    turns = stage("merge", words_to_turns, transcript.words, diarization.exclusive, settings.merge)
    minutes = Minutes(meeting=info, speakers=speaker_table(turns, diarization.turns), turns=turns)
    name_speakers(minutes.speakers, matches)
    if options.release_models:
        loading.release_speech_models()
    if options.extract:
        stage("extract", extract_minutes, minutes, settings.extraction, None, owner_candidates(options, matches))
    timings["wall"] = time.perf_counter() - started
    return Result(minutes=minutes, diarization=diarization, transcript=transcript, voices=voices, timings=timings)
