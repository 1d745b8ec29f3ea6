"""People directory and voiceprints through the HTTP API: CRUD, confirming speakers, consent, access, deletion."""

from __future__ import annotations

import numpy as np
import pytest
from sqlalchemy import func, select, text

from assistant.config import VoiceprintSettings
from assistant.store.models import Meeting, Speaker, Voiceprint
from assistant.store.people import add_voiceprint, get_person
from tests.conftest import SAMPLE, ffmpeg
from tests.service.conftest import service_settings


@pytest.fixture
def settings(tmp_path):
    # the sample's single-speaker pieces are 5–9 s; the default minimum is 8 s of speech
    return service_settings(tmp_path / "data").model_copy(
        update={"voiceprints": VoiceprintSettings(min_enrol_speech_s=4.0)}
    )


@pytest.fixture
def person(client) -> dict:
    r = client.post("/api/people", json={"name": "陳大文", "aliases": ["陳生", "Peter Chan"], "role": "市場部"})
    assert r.status_code == 201, r.text
    return r.json()


def _voiceprints(service) -> int:
    with service.store.session() as session:
        return session.scalar(select(func.count()).select_from(Voiceprint))


def _give_voices(service, meeting_id: str) -> None:
    """Each speaker's voice, as the job stores it (a real CAM++ embedding of a piece of the sample)."""
    from assistant import loading
    from assistant.audio import decode

    model = loading.diarization_pipeline(service.settings.diarization).embedding
    audio = decode(SAMPLE)
    with service.store.session() as session:
        meeting = session.get(Meeting, meeting_id)
        meeting.models = {**meeting.models, "speaker_embedding": service.settings.diarization.embedding_model}
        for i, speaker in enumerate(session.scalars(select(Speaker).where(Speaker.meeting_id == meeting_id))):
            speaker.embedding = model.embed(audio.slice(0.5 + 8 * i, 6.0 + 8 * i)).tolist()
        session.commit()


def test_directory_crud(client, person):
    assert person["aliases"] == ["陳生", "Peter Chan"] and person["voiceprints"] == 0
    assert [p["name"] for p in client.get("/api/people", params={"q": "peter"}).json()] == ["陳大文"]
    r = client.patch(f"/api/people/{person['id']}", json={"team": "Sales", "version": person["version"]})
    assert r.status_code == 200 and r.json()["team"] == "Sales" and r.json()["role"] == "市場部"
    stale = client.patch(f"/api/people/{person['id']}", json={"team": "Ops", "version": person["version"]})
    assert stale.status_code == 409
    assert client.post("/api/people", json={"name": " "}).status_code == 422
    assert client.delete(f"/api/people/{person['id']}").status_code == 204
    assert client.get(f"/api/people/{person['id']}").status_code == 404


def test_confirming_a_speaker_names_it_everywhere(client, meeting_id, person):
    speaker = client.get(f"/api/meetings/{meeting_id}").json()["speakers"][0]
    r = client.patch(f"/api/meetings/{meeting_id}/speakers/{speaker['id']}",
                     json={"person_id": person["id"], "version": speaker["version"]})
    assert r.status_code == 200, r.text
    assert (r.json()["name"], r.json()["person_id"], r.json()["confidence"]) == ("陳大文", person["id"], None)
    minutes = client.get(f"/api/meetings/{meeting_id}").json()["minutes"]
    assert minutes["speakers"][0]["person_id"] == person["id"]
    assert "[陳大文]" in client.get(f"/api/meetings/{meeting_id}/export", params={"format": "srt"}).text
    other = client.get(f"/api/meetings/{meeting_id}").json()["speakers"][1]
    twice = client.patch(f"/api/meetings/{meeting_id}/speakers/{other['id']}",
                         json={"person_id": person["id"], "version": other["version"]})
    assert twice.status_code == 409 and "already speaker" in twice.json()["detail"]


def test_confirmation_with_consent_adds_the_meeting_voice(client, service, meeting_id, person):
    _give_voices(service, meeting_id)
    speaker = client.get(f"/api/meetings/{meeting_id}").json()["speakers"][0]
    url = f"/api/meetings/{meeting_id}/speakers/{speaker['id']}/voiceprint"
    assert client.post(url, json={"consent": True}).status_code == 422  # not confirmed yet
    client.patch(f"/api/meetings/{meeting_id}/speakers/{speaker['id']}",
                 json={"person_id": person["id"], "version": speaker["version"]})
    refused = client.post(url, json={"consent": False})
    assert refused.status_code == 422 and "consent" in refused.json()["detail"]
    r = client.post(url, json={"consent": True})
    assert r.status_code == 201, r.text
    print_ = r.json()
    assert print_["source"] == "meeting" and print_["source_ref"] == meeting_id
    assert print_["consent_by"] == "tester" and print_["consent_at"]
    assert print_["model"] == service.settings.diarization.embedding_model
    assert client.get(f"/api/people/{person['id']}").json()["voiceprints"] == 1


def test_enrol_from_an_uploaded_clip(client, tmp_path, person):
    clip = tmp_path / "mary.webm"  # as a browser's MediaRecorder sends it
    ffmpeg("-i", str(SAMPLE), "-ss", "0.5", "-to", "6.2", "-c:a", "libopus", str(clip))
    url = f"/api/people/{person['id']}/voiceprints"
    r = client.post(url, files={"file": (clip.name, clip.read_bytes(), "audio/webm")}, data={"consent": "true"})
    assert r.status_code == 201, r.text
    assert r.json()["source"] == "clip" and r.json()["source_ref"] == "mary.webm" and r.json()["speech_s"] > 4

    both = tmp_path / "both.wav"
    ffmpeg("-i", str(SAMPLE), "-ss", "0.5", "-to", "15.5", str(both))
    r = client.post(url, files={"file": (both.name, both.read_bytes(), "audio/wav")}, data={"consent": "true"})
    assert r.status_code == 422 and "voices were heard" in r.json()["detail"]
    r = client.post(url, files={"file": (clip.name, clip.read_bytes(), "audio/webm")})
    assert r.status_code == 422 and "consent" in r.json()["detail"]
    assert len(client.get(url).json()) == 1


def test_voiceprints_are_for_administrators_only(client, member_client, manager_client, service, meeting_id,
                                                 person):
    with service.store.session() as session:
        add_voiceprint(session, get_person(session, person["id"]), "campplus-zh-en", np.ones(192) / 192 ** 0.5,
                       12.0, "clip", "a.wav", "admin")
        session.commit()
    url = f"/api/people/{person['id']}/voiceprints"
    speaker_url = f"/api/meetings/{meeting_id}/speakers/SPEAKER_00/voiceprint"
    for other in (member_client, manager_client):
        assert other.get("/api/people").status_code == 200  # the directory is readable: reviewers pick from it
        assert other.get(url).status_code == 403
        assert other.delete(url).status_code == 403
        assert other.post(speaker_url, json={"consent": True}).status_code == 403
        assert other.post("/api/people", json={"name": "X"}).status_code == 403
        assert other.delete(f"/api/people/{person['id']}").status_code == 403
    assert _voiceprints(service) == 1
    assert client.get(url).status_code == 200 and "vector" not in client.get(url).json()[0]


def test_deleting_voiceprints_and_people(client, service, meeting_id, person):
    with service.store.session() as session:
        p = get_person(session, person["id"])
        ids = [add_voiceprint(session, p, "campplus-zh-en", np.ones(192), 10.0, "clip", f"{i}.wav", "admin").id
               for i in range(3)]
        session.commit()
    url = f"/api/people/{person['id']}/voiceprints"
    assert client.delete(f"{url}/{ids[0]}").status_code == 204
    assert [v["id"] for v in client.get(url).json()] == ids[1:]
    assert client.delete(url).status_code == 204 and client.get(url).json() == []

    speaker = client.get(f"/api/meetings/{meeting_id}").json()["speakers"][0]
    client.patch(f"/api/meetings/{meeting_id}/speakers/{speaker['id']}",
                 json={"person_id": person["id"], "version": speaker["version"]})
    with service.store.session() as session:
        add_voiceprint(session, get_person(session, person["id"]), "campplus-zh-en", np.ones(192), 10.0, "clip",
                       "x.wav", "admin")
        session.commit()
    assert client.delete(f"/api/people/{person['id']}").status_code == 204
    assert _voiceprints(service) == 0
    kept = client.get(f"/api/meetings/{meeting_id}").json()["speakers"][0]
    assert (kept["name"], kept["person_id"]) == ("陳大文", None)  # the meeting keeps the name, not the link


def test_the_database_cascades_voiceprints_with_the_person(client, service, person):
    with service.store.session() as session:
        add_voiceprint(session, get_person(session, person["id"]), "campplus-zh-en", np.ones(192), 10.0, "clip",
                       "x.wav", "admin")
        session.commit()
        # plain SQL, so the foreign key (not the ORM) has to remove the voiceprints
        session.execute(text("DELETE FROM people WHERE id = :id"), {"id": person["id"]})
        session.commit()
    assert _voiceprints(service) == 0


def test_pages_offer_the_directory(client, member_client, meeting_id, person):
    page = client.get("/people")
    assert page.status_code == 200 and "登記聲紋" in page.text  # admins enrol here
    assert "登記聲紋" not in member_client.get("/people").text
    meeting = client.get(f"/meetings/{meeting_id}").text
    assert 'class="speaker-person"' in meeting and "加入聲紋" in meeting and "/static/speakers.js" in meeting
