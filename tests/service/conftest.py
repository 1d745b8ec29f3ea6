"""Fixtures: an app on a real database file in a temporary folder, and meetings inserted from Minutes."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from assistant.accounts.tokens import create_token
from assistant.accounts.users import create_user, find_user
from assistant.api.main import create_app
from assistant.config import ServiceSettings, Settings
from assistant.minutes import ActionItem, Decision, MeetingInfo, Minutes, Speaker, Turn, Word
from assistant.store import jobs, models
from assistant.service import Service
from assistant.store.meetings import create_meeting, save_minutes
from tests.dingtalk.fake_server import FakeDingTalk, demo_org

ROOT = Path(__file__).resolve().parents[2]
SAMPLE = ROOT / "samples" / "meeting_yue.wav"
ARTIFACTS = ROOT / "test-artifacts"


def service_settings(data_dir: Path, **changes) -> Settings:
    return Settings(service=ServiceSettings(data_dir=data_dir, max_upload_bytes=3 * 1024 * 1024,
                                            retry_delay=0.2, **changes))


@pytest.fixture
def database_url(request) -> str | None:
    """None (SQLite in the data folder), or a fresh Postgres database when a module parametrises this
    fixture with ``DATABASES`` (indirect): the store and API tests run on both."""
    if getattr(request, "param", "sqlite") == "sqlite":
        return None
    return request.getfixturevalue("postgres").new_database()


DATABASES = pytest.mark.parametrize("database_url", ["sqlite", "postgres"], indirect=True)


@pytest.fixture
def settings(tmp_path, database_url) -> Settings:
    return service_settings(tmp_path / "data", database_url=database_url)


def make_user(service, username: str, role: str = "member", team: str | None = None,
              password: str | None = None) -> str:
    """An account with a personal API token; returns the token."""
    with service.store.session() as session:
        user = create_user(session, username, role, password, team)
        token, _ = create_token(session, user, "tests")
        session.commit()
        return token


def client_as(app, token: str) -> TestClient:
    """Another client on the same running app, authenticated by an API token."""
    c = TestClient(app)
    c.headers["Authorization"] = f"Bearer {token}"
    return c


@pytest.fixture
def anonymous(settings):
    """The app with nobody signed in."""
    with TestClient(create_app(settings)) as c:
        yield c


@pytest.fixture
def client(anonymous):
    """Signed in as an admin (API token), so tests see and change everything; ``anonymous`` stays anonymous."""
    return client_as(anonymous.app, make_user(anonymous.app.state.service, "tester", "admin"))


@pytest.fixture
def manager_client(client):
    """A manager of team "sales"."""
    return client_as(client.app, make_user(client.app.state.service, "mandy", "manager", "sales"))


@pytest.fixture
def member_client(client):
    """A member of team "sales"."""
    return client_as(client.app, make_user(client.app.state.service, "mark", "member", "sales"))


@pytest.fixture
def other_client(client):
    """A member of another team, with no link to any meeting."""
    return client_as(client.app, make_user(client.app.state.service, "olive", "member", "ops"))


def _turn(speaker: str, start: float, text: str) -> Turn:
    step = 0.5
    words = [Word(start + i * step, start + (i + 1) * step, ch, 0.9) for i, ch in enumerate(text)]
    return Turn(speaker, start, start + step * len(text), text, words)


def make_minutes() -> Minutes:
    turns = [
        _turn("SPEAKER_00", 0.5, "我哋今日傾下新產品發佈"),
        _turn("SPEAKER_01", 7.0, "市場部下個禮拜五之前要交計劃書"),
        _turn("SPEAKER_00", 16.0, "好呀咁就由陳生負責"),
        _turn("SPEAKER_02", 22.0, "預算方面我聽日同財務部傾"),
        _turn("SPEAKER_01", 30.0, "OK冇問題"),
        _turn("SPEAKER_00", 34.0, "咁今日就傾到呢度"),
    ]
    return Minutes(
        meeting=MeetingInfo(source="weekly.wav", duration=40.0, language="yue", models={"asr": "test"},
                            processed_at="2026-11-20T10:00:00+08:00", date="2026-11-20"),
        speakers=[Speaker("SPEAKER_00", None, 15.5), Speaker("SPEAKER_01", None, 10.0),
                  Speaker("SPEAKER_02", None, 6.0)],
        turns=turns,
        decisions=[Decision("新產品下個月發佈", 0)],
        action_items=[
            ActionItem("陳生", "交市場計劃書", "2026-11-27", "sms", 1),
            ActionItem("李小姐", "同財務部傾預算", "2026-11-21", "app", 3),
        ],
    )


def insert_meeting(service, minutes: Minutes | None = None, title: str = "週會", audio: Path = SAMPLE,
                   meeting_date: str | None = None, owner: str | None = None, team: str | None = None,
                   sensitive: bool = False) -> str:
    """A finished meeting straight into the store, as if a job had processed it (owner: a username)."""
    minutes = minutes or make_minutes()
    blob = service.store.blobs.put_file(audio)
    with service.store.session() as session:
        meeting = create_meeting(session, blob, "weekly.wav", "audio/wav", title, meeting_date)
        meeting.owner_id = find_user(session, owner).id if owner else None
        meeting.team, meeting.sensitive = team, sensitive
        job = jobs.create_job(session, meeting, 1)
        save_minutes(session, meeting, minutes)
        jobs.finish(session, job.id)
        session.commit()
        return meeting.id


def backdate(service, meeting_id: str, days: int) -> str:
    """Make a stored meeting ``days`` old; returns its audio hash."""
    with service.store.session() as session:
        meeting = session.get(models.Meeting, meeting_id)
        meeting.created_at = models.now() - timedelta(days=days)
        session.commit()
        return meeting.audio_sha256


@pytest.fixture
def fake() -> Iterator[FakeDingTalk]:
    """A fake DingTalk on 127.0.0.1 with the demo organisation."""
    server = FakeDingTalk(demo_org()).start()
    yield server
    server.stop()


@pytest.fixture
def idle_service(settings) -> Iterator[Service]:
    """A service whose jobs run only when a test runs them."""
    svc = Service(settings, run_worker=False)
    yield svc
    svc.stop()


@pytest.fixture
def service(client):
    return client.app.state.service


@pytest.fixture
def meeting_id(service) -> str:
    return insert_meeting(service)
