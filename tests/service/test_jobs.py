"""The job runner and recovery, with a stand-in for the models."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest
from huey.exceptions import RetryTask

from assistant import pipeline
from assistant.audio import AudioError
from assistant.jobs.runner import JobRunner, Reporter
from assistant.service import Service
from assistant.store import jobs
from assistant.store.meetings import to_minutes
from assistant.store.models import Job, Meeting, now

from .conftest import SAMPLE, make_minutes


@pytest.fixture
def service(idle_service):
    return idle_service


def new_job(service) -> str:
    meeting_id, job_id = service.ingest(service.store.blobs.put_file(SAMPLE), "weekly.wav")
    return job_id


def job_row(service, job_id) -> Job:
    with service.store.session() as session:
        return session.get(Job, job_id)


def fake_process(failures: list[Exception], calls: list[str]):
    def process(path, options, settings, progress):
        calls.append(path.name)
        for stage in pipeline.STAGES:
            progress(stage, 0.0)
            if failures:
                raise failures.pop(0)
            progress(stage, 1.0)
        return pipeline.Result(minutes=make_minutes(), diarization=None, transcript=None)

    return process


def test_unexpected_errors_retry_with_doubling_back_off_then_succeed(service):
    job_id = new_job(service)
    calls: list[str] = []
    failures: list[Exception] = [RuntimeError("GPU hiccup"), OSError("disk")]
    runner = JobRunner(service.store, service.settings, fake_process(failures, calls))
    delay = service.settings.service.retry_delay
    started = now()
    with pytest.raises(RetryTask) as first:
        runner(job_id)
    assert first.value.delay == pytest.approx(delay)
    job = job_row(service, job_id)
    # the next attempt is a retry delay after the failure (not after this check: a loaded machine is slow)
    assert job.state == "retrying" and "GPU hiccup" in job.error
    assert job.next_attempt_at >= started + timedelta(seconds=delay)
    with pytest.raises(RetryTask) as second:
        runner(job_id)
    assert second.value.delay == pytest.approx(2 * delay)
    runner(job_id)
    job = job_row(service, job_id)
    assert job.state == "done" and job.attempts == 3 and job.progress == 1.0 and job.error is None
    with service.store.session() as session:
        meeting = session.get(Meeting, job.meeting_id)
        assert meeting.status == "done" and len(meeting.turns) == 6
    runner(job_id)  # a duplicate delivery of a finished job does nothing
    assert len(calls) == 3


def test_retries_are_bounded(service):
    job_id = new_job(service)
    runner = JobRunner(service.store, service.settings, fake_process([RuntimeError("x")] * 5, []))
    for _ in range(2):
        with pytest.raises(RetryTask):
            runner(job_id)
    runner(job_id)  # third and last attempt: fails for good, no RetryTask
    job = job_row(service, job_id)
    assert job.state == "failed" and job.attempts == 3 == job.max_attempts


def test_bad_audio_fails_at_once(service):
    job_id = new_job(service)
    runner = JobRunner(service.store, service.settings, fake_process([AudioError("the file has no audio track.")], []))
    runner(job_id)
    job = job_row(service, job_id)
    assert job.state == "failed" and job.attempts == 1 and job.error == "the file has no audio track."


def test_a_recording_without_speech_ends_as_no_speech_not_failed_and_is_not_retried(service):
    """The real pipeline on 30 s of music and noise (samples/cases/audio)."""
    music = Path(__file__).resolve().parents[2] / "samples" / "cases" / "audio" / "no_speech_music_noise.wav"
    _, job_id = service.ingest(service.store.blobs.put_file(music), "music.wav")
    JobRunner(service.store, service.settings)(job_id)  # no RetryTask
    job = job_row(service, job_id)
    assert job.state == "no_speech" and job.attempts == 1 and job.error is None and job.progress == 1.0
    with service.store.session() as session:
        meeting = session.get(Meeting, job.meeting_id)
        minutes = to_minutes(meeting)
        assert meeting.status == "no_speech" and meeting.duration == pytest.approx(30.0, abs=0.01)
        assert minutes.meeting.speech is False and minutes.turns == [] and minutes.speakers == []
        assert jobs.recover(session) == []


def test_damaged_stored_audio_is_detected(service):
    job_id = new_job(service)
    with service.store.session() as session:
        sha = session.get(Meeting, session.get(Job, job_id).meeting_id).audio_sha256
    service.store.blobs.path(sha).write_bytes(b"flipped bits")
    JobRunner(service.store, service.settings, fake_process([], []))(job_id)
    assert "checksum" in job_row(service, job_id).error


def test_running_job_stops_when_cancelled(service):
    job_id = new_job(service)

    def process(path, options, settings, progress):
        progress("decode", 0.5)
        with service.store.session() as session:  # as the API would, from another request
            jobs.request_cancel(session, session.get(Job, job_id))
            session.commit()
        progress("diarise", 0.1)
        raise AssertionError("should have stopped")

    JobRunner(service.store, service.settings, process)(job_id)
    job = job_row(service, job_id)
    assert job.state == "cancelled" and job.finished_at is not None


def test_a_failure_after_a_cancel_ends_cancelled_not_retried(service):
    """Diarisation beside transcription: one stage sees the cancel, the other then fails."""
    job_id = new_job(service)

    def process(path, options, settings, progress):
        with service.store.session() as session:
            jobs.request_cancel(session, session.get(Job, job_id))
            session.commit()
        raise RuntimeError("transcription failed after the cancel")

    JobRunner(service.store, service.settings, process)(job_id)
    job = job_row(service, job_id)
    assert job.state == "cancelled" and job.finished_at is not None


def test_reporter_weights_stages_into_one_percentage(service):
    job_id = new_job(service)
    reporter = Reporter(service.store, job_id, ("decode", "diarise", "transcribe", "merge", "extract"))
    reporter("transcribe", 0.5)  # the stages before it count as done until they report
    assert job_row(service, job_id).progress == pytest.approx((1 + 8 + 5) / 30, abs=1e-3)
    assert job_row(service, job_id).stage == "transcribe"
    reporter("diarise", 0.0)  # running beside transcription: shown, but progress never goes back
    assert job_row(service, job_id).progress == pytest.approx((1 + 8 + 5) / 30, abs=1e-3)
    assert job_row(service, job_id).stage == "diarise"
    reporter("diarise", 1.0)
    reporter("transcribe", 1.0)
    assert job_row(service, job_id).progress == pytest.approx((1 + 8 + 10) / 30, abs=1e-3)
    assert job_row(service, job_id).stage == "transcribe"
    reporter("extract", 1.0)
    assert job_row(service, job_id).progress == pytest.approx(1.0)


def test_a_running_job_reports_the_time_left_at_its_pace_so_far(service):
    from assistant.api.schemas import JobOut

    job_id = new_job(service)
    with service.store.session() as session:
        job = jobs.claim(session, job_id)
        assert JobOut.of(job).eta_seconds is None  # no pace yet
        job.started_at = now() - timedelta(seconds=60)
        jobs.record_progress(session, job_id, "transcribe", 0.25)
        assert JobOut.of(job).eta_seconds == pytest.approx(180, abs=2)
        jobs.finish(session, job_id)
        assert JobOut.of(job).eta_seconds is None


def test_recover_requeues_interrupted_jobs(service):
    running, waiting, retrying = new_job(service), new_job(service), new_job(service)
    later = now() + timedelta(minutes=5)
    with service.store.session() as session:
        jobs.claim(session, running)
        jobs.claim(session, retrying)
        jobs.schedule_retry(session, retrying, "boom", 300)
        session.commit()
        pending = {p.job_id: p.eta for p in jobs.recover(session)}
        session.commit()
    assert set(pending) == {running, waiting, retrying}
    assert pending[waiting] is None and pending[running] is None
    assert abs((pending[retrying] - later).total_seconds()) < 5
    assert job_row(service, running).state == "queued"


def test_retention_deletes_old_meetings_and_their_audio(tmp_path):
    from .conftest import backdate, insert_meeting, service_settings

    svc = Service(service_settings(tmp_path / "data", retention_days=30), run_worker=False)
    old, recent = insert_meeting(svc), insert_meeting(svc, audio=SAMPLE)
    sha = backdate(svc, old, 31)
    svc.apply_retention()
    with svc.store.session() as session:
        assert session.get(Meeting, old) is None and session.get(Meeting, recent) is not None
    assert svc.store.blobs.path(sha).exists()  # still used by the recent meeting
    svc.delete(recent)
    assert not svc.store.blobs.path(sha).exists()
    svc.stop()
