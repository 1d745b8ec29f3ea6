"""Speaker identification on samples/eval: accuracy of names, false names, DER of the named output.

Enrolment material never comes from the audio that is scored:
- dev meeting (4 Cantonese speakers): no other recording of them exists, so each speaker's
  longest reference turn is held back: cut out as the enrolment clip, left out of the speaker
  voices the meeting is identified from, and excluded from scoring (UEM). The meeting is still
  diarised whole: this 44 s meeting diarises perfectly whole, but with 20 s of its speech cut
  out, clustering merges its speakers, which would measure diarisation rather than naming.
- AMI dev00 / dev01 (the same two speakers in two excerpts): speakers are enrolled from their
  reference speech in one excerpt and identified in the other, both ways.
Every other single-speaker clip of samples/eval (the remaining asr/ clips, the two speakers
of diarization/sample.wav, and the speakers of the other test recordings) is enrolled too, as
people who are not in the meeting. Each test recording is run with every subset of its own
speakers enrolled, so each speaker is tried both enrolled (must get its own name) and not
enrolled (must stay anonymous: a name is a false name).

A reference speaker counts as named correctly when the diarised speaker covering most of their
speech gets their name; an unenrolled reference speaker whose main diarised speaker gets any
name is a false name (so a diarisation merge of two people counts against naming too). The
second false-name line counts per diarised speaker: one named while its main reference speaker
is not enrolled.

Scores also calibrate ``VoiceprintSettings.threshold``: the printed genuine and impostor cosine
ranges show the margin around it. Enrolment clips here are 2.5–10 s (the material has no
longer pieces), so ``min_enrol_speech_s`` is lowered for the bench only.

Usage: python -m bench.identification
"""

from __future__ import annotations

import itertools
import tempfile
import wave
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from pyannote.core import Annotation, Segment, Timeline
from pyannote.metrics.diarization import DiarizationErrorRate
from pyannote.metrics.identification import IdentificationErrorRate

from assistant import loading
from assistant.audio import Audio, decode
from assistant.config import get_settings
from assistant.diarize import Diarization, SpeakerTurn, diarize
from assistant.enrol import enrol_clip
from assistant.identify import EnrolledPerson, identify, same_person, score_matrix, speaker_voices
from bench.datasets import EVAL, read_rttm, read_uem

COLLAR = 0.25
BENCH_MIN_ENROL_S = 2.5


@dataclass
class TestRecording:
    uri: str
    audio: Audio
    reference: Annotation
    uem: Timeline
    enrol: dict[str, list[Segment]]  # reference speaker → enrolment material
    enrol_audio: Audio  # where the enrolment material is
    held: Timeline  # held back for enrolment: not in the voices identified, not scored


def _write(path: Path, samples: np.ndarray) -> Path:
    with wave.open(str(path), "wb") as w:
        w.setnchannels(1)
        w.setsampwidth(2)
        w.setframerate(16000)
        w.writeframes((np.clip(samples, -1, 1) * 32767).astype("<i2").tobytes())
    return path


def dev_meeting() -> TestRecording:
    audio = decode(EVAL / "meetings" / "dev_meeting.wav")
    reference = read_rttm(EVAL / "meetings" / "dev_meeting.rttm")["dev_meeting"]
    enrol = {s: [max(reference.label_timeline(s), key=lambda seg: seg.duration)] for s in reference.labels()}
    held = Timeline([seg for pieces in enrol.values() for seg in pieces]).support()
    uem = Timeline([Segment(0, audio.duration)]).extrude(held)
    return TestRecording("dev_meeting", audio, reference, uem, enrol, audio, held)


def ami_pairs() -> list[TestRecording]:
    refs, uems = read_rttm(EVAL / "diarization" / "ref.rttm"), read_uem(EVAL / "diarization" / "ref.uem")
    out = []
    for test, other in (("dev01", "dev00"), ("dev00", "dev01")):
        other_ref = refs[other]
        # only speech where one speaker talks alone
        overlap = other_ref.get_overlap()
        material = {s: list(other_ref.label_timeline(s).extrude(overlap)) for s in other_ref.labels()}
        out.append(TestRecording(test, decode(EVAL / "diarization" / f"{test}.wav"), refs[test], uems[test],
                                 material, decode(EVAL / "diarization" / f"{other}.wav"), Timeline()))
    return out


def distractor_clips(work: Path, used: set[str]) -> dict[str, Path]:
    clips = {}
    for path in sorted((EVAL / "asr").glob("*.wav")):
        if path.name.split("_")[0] not in used:
            clips[path.stem] = path
    sample = decode(EVAL / "diarization" / "sample.wav")
    ref = read_rttm(EVAL / "diarization" / "ref.rttm")["sample"]
    overlap = ref.get_overlap()
    for speaker in ref.labels():
        pieces = [sample.slice(s.start, s.end) for s in ref.label_timeline(speaker).extrude(overlap)]
        clips[f"sample_{speaker}"] = _write(work / f"sample_{speaker}.wav", np.concatenate(pieces))
    return clips


def outside(diarization: Diarization, held: Timeline) -> Diarization:
    """The diarisation without the held-back pieces in its one-speaker-at-a-time turns."""
    exclusive = [SpeakerTurn(seg.start, seg.end, t.speaker) for t in diarization.exclusive
                 for seg in Timeline([Segment(t.start, t.end)]).extrude(held)]
    return Diarization(diarization.turns, exclusive)


def named_annotation(diarization: Diarization, names: dict[str, str], uri: str) -> Annotation:
    out = Annotation(uri=uri)
    for i, t in enumerate(diarization.turns):
        out[Segment(t.start, t.end), i] = names.get(t.speaker, f"anonymous {t.speaker}")
    return out


def majority_speaker(reference: Annotation, hypothesis: Annotation, uem: Timeline, speaker: str) -> str | None:
    ref = reference.crop(uem).label_timeline(speaker)
    overlap = {label: hypothesis.label_timeline(label).crop(ref).duration() for label in hypothesis.labels()}
    best = max(overlap, key=overlap.get, default=None)
    return best if best is not None and overlap[best] > 0 else None


def main_reference(t: TestRecording, diarization: Diarization, voices: dict) -> dict[str, str]:
    """Each diarised speaker's main reference speaker (by overlap in the scored region)."""
    hyp = named_annotation(diarization, {}, t.uri)
    out = {}
    for h in voices:
        hyp_h = hyp.label_timeline(f"anonymous {h}").crop(t.uem)
        overlap = {r: t.reference.label_timeline(r).crop(hyp_h).duration() for r in t.reference.labels()}
        if max(overlap.values()) > 0:
            out[h] = max(overlap, key=overlap.get)
    return out


def main() -> None:
    settings = get_settings()
    settings = settings.model_copy(
        update={"voiceprints": settings.voiceprints.model_copy(update={"min_enrol_speech_s": BENCH_MIN_ENROL_S})}
    )
    vp = settings.voiceprints
    pipeline = loading.diarization_pipeline(settings.diarization)
    tests = [dev_meeting(), *ami_pairs()]
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        used = {s.split("_")[0] for t in tests for s in t.reference.labels()}
        enrolled: dict[str, np.ndarray] = {}
        refused: list[str] = []
        for name, clip in distractor_clips(work, used).items():
            try:
                enrolled[name] = enrol_clip(clip, settings).voice.vector
            except ValueError as exc:
                refused.append(str(exc))
        own: dict[str, dict[str, np.ndarray]] = {}
        for t in tests:
            own[t.uri] = {}
            for speaker, segments in t.enrol.items():
                clip = _write(work / f"{t.uri}_{speaker}.wav",
                              np.concatenate([t.enrol_audio.slice(s.start, s.end) for s in segments]))
                own[t.uri][speaker] = enrol_clip(clip, settings).voice.vector

    correct = enrolled_trials = false_names = unenrolled_trials = 0
    cluster_false = cluster_trials = joins = runs = 0
    lines: list[str] = []
    genuine: list[float] = []
    impostor: list[float] = []
    der, ier = DiarizationErrorRate(collar=COLLAR), IdentificationErrorRate(collar=COLLAR)
    for t in tests:
        diarization = diarize(pipeline, t.audio)
        voices = speaker_voices(pipeline.embedding, t.audio, outside(diarization, t.held), vp)
        hyp = named_annotation(diarization, {}, t.uri)
        majority = {r: majority_speaker(t.reference, hyp, t.uem, r) for r in t.reference.labels()}
        # every test speaker's own voiceprint is "another person" for the other recordings
        others = {f"{u}/{s}": v for u, prints in own.items() if u != t.uri
                  for s, v in prints.items() if s not in t.reference.labels()}
        directory = {**enrolled, **others}
        people = [EnrolledPerson(k, k, (v,)) for k, v in {**directory, **own[t.uri]}.items()]
        scores = score_matrix([v.vector for v in voices.values()], people)
        for r, h in majority.items():
            if h is None or h.split()[-1] not in voices:
                continue
            i = list(voices).index(h.split()[-1])
            for j, p in enumerate(people):
                (genuine if p.id == r else impostor).append(float(scores[i, j]))
            own_score = scores[i, [p.id for p in people].index(r)]
            lines.append(f"  {t.uri:12s} {r:22s} -> {h.split()[-1]:3s} ({voices[h.split()[-1]].speech_s:4.1f} s of "
                         f"speech, enrolled from {sum(x.duration for x in t.enrol[r]):4.1f} s): own print {own_score:.3f},"
                         f" best other {max(scores[i, j] for j, p in enumerate(people) if p.id != r):.3f}")
        speakers = t.reference.labels()
        for k in range(len(speakers) + 1):
            for subset in itertools.combinations(speakers, k):
                people = [EnrolledPerson(n, n, (v,)) for n, v in directory.items()]
                people += [EnrolledPerson(s, s, (own[t.uri][s],)) for s in subset]
                # as the pipeline's identify stage does, on the speech outside the held-back pieces
                merges = same_person(voices, people, vp)
                joined = diarization.joined(merges) if merges else diarization
                joined_voices = speaker_voices(pipeline.embedding, t.audio, outside(joined, t.held), vp) \
                    if merges else voices
                matches = identify(joined_voices, people, vp)
                joins, runs = joins + len(merges), runs + 1
                named = named_annotation(joined, {s: m.name for s, m in matches.items()}, t.uri)
                anonymous = named_annotation(joined, {}, t.uri)
                for r in speakers:
                    h = majority_speaker(t.reference, anonymous, t.uem, r)
                    match = matches.get(h.split()[-1]) if h else None
                    if r in subset:
                        enrolled_trials += 1
                        correct += match is not None and match.person_id == r
                    else:
                        unenrolled_trials += 1
                        false_names += match is not None
                for h, r in main_reference(t, joined, joined_voices).items():
                    if r not in subset:
                        cluster_trials += 1
                        cluster_false += h in matches
                if k == len(speakers):
                    der(t.reference, named, uem=t.uem)
                    ier(t.reference, named, uem=t.uem)

    print("\nspeaker identification (samples/eval: dev meeting held-back pieces, AMI dev00 <-> dev01)")
    print(f"  threshold {vp.threshold:.2f} (cosine), {len(enrolled)} other people enrolled as distractors"
          + (f", {len(refused)} clips refused" if refused else ""))
    print(f"  named correctly (enrolled speakers):    {correct}/{enrolled_trials} = {correct / enrolled_trials:.1%}"
          "  (target >= 95%)")
    print(f"  false names (unenrolled speakers):      {false_names}/{unenrolled_trials} = "
          f"{false_names / unenrolled_trials:.1%}  (target <= 2%)")
    print(f"  false names (diarised speakers whose main speaker is not enrolled): {cluster_false}/{cluster_trials} = "
          f"{cluster_false / cluster_trials:.1%}")
    print(f"  speakers joined because their best match was the same enrolled person: {joins} in {runs} runs")
    print(f"  DER of the named output (all enrolled): {abs(der):.3f}; identification error rate "
          f"(names must match): {abs(ier):.3f}")
    print(f"  cosine, same person:  min {min(genuine):.3f}  median {np.median(genuine):.3f}  (n={len(genuine)})")
    print(f"  cosine, other person: max {max(impostor):.3f}  99th pct {np.percentile(impostor, 99):.3f}"
          f"  (n={len(impostor)})")
    print("\n".join(lines))
    for reason in refused:
        print(f"  refused: {reason}")


if __name__ == "__main__":
    main()
