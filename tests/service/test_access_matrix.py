"""Every role × every route × sensitive or not: allowed or denied, as assistant/access.py says.

The route list comes from the running app, so a route added later without a line in ROUTES (or a
public route not in PUBLIC) fails ``test_every_route_is_in_the_matrix`` until it is classified.
"""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from assistant.accounts.users import find_user
from assistant.api.main import create_app
from assistant.store.models import Meeting, MeetingAccess, Person

from .conftest import client_as, insert_meeting, make_user


@pytest.fixture
def anonymous(settings):
    """No worker: jobs queued by these tests stay queued instead of loading the models."""
    with TestClient(create_app(settings, run_worker=False)) as c:
        yield c


# What each meeting-scoped route needs: read (safe methods), edit or manage.
ROUTES = {
    ("GET", "/api/meetings/{meeting_id}"): "read",
    ("DELETE", "/api/meetings/{meeting_id}"): "manage",
    ("POST", "/api/meetings/{meeting_id}/jobs"): "edit",
    ("PUT", "/api/meetings/{meeting_id}/approval"): "edit",
    ("DELETE", "/api/meetings/{meeting_id}/approval"): "edit",
    ("PATCH", "/api/meetings/{meeting_id}/speakers/{speaker_id}"): "edit",
    ("PATCH", "/api/meetings/{meeting_id}/turns/{index}"): "edit",
    ("POST", "/api/meetings/{meeting_id}/action-items"): "edit",
    ("PATCH", "/api/meetings/{meeting_id}/action-items/{item_id}"): "edit",
    ("DELETE", "/api/meetings/{meeting_id}/action-items/{item_id}"): "edit",
    ("GET", "/api/meetings/{meeting_id}/attendees"): "read",
    ("PUT", "/api/meetings/{meeting_id}/attendees"): "edit",
    ("GET", "/api/meetings/{meeting_id}/event"): "read",
    ("PUT", "/api/meetings/{meeting_id}/event"): "manage",  # its attendees may read
    ("POST", "/api/meetings/{meeting_id}/deliveries"): "edit",  # push to DingTalk
    ("GET", "/api/meetings/{meeting_id}/deliveries"): "read",
    ("PUT", "/api/meetings/{meeting_id}/action-items/{item_id}/person"): "edit",
    ("GET", "/api/jobs/{job_id}"): "read",
    ("POST", "/api/jobs/{job_id}/cancellation"): "edit",
    ("GET", "/api/meetings/{meeting_id}/audio"): "read",
    ("GET", "/api/meetings/{meeting_id}/export"): "read",
    ("GET", "/api/meetings/{meeting_id}/access"): "manage",
    ("PUT", "/api/meetings/{meeting_id}/access"): "manage",
    ("GET", "/meetings/{meeting_id}"): "read",
    # Voiceprints are biometric data: administrators only, whoever may open the meeting.
    ("POST", "/api/meetings/{meeting_id}/speakers/{speaker_id}/voiceprint"): "admin",
}
# Signed-in routes that are not about one meeting: admin-only or for anyone signed in.
ACCOUNT_ROUTES = {
    ("GET", "/api/users"): "admin",
    ("POST", "/api/users"): "admin",
    ("PATCH", "/api/users/{user_id}"): "admin",
    ("GET", "/api/audit-events"): "admin",
    ("GET", "/api/me"): "user",
    ("PUT", "/api/me/password"): "user",
    ("GET", "/api/me/tokens"): "user",
    ("POST", "/api/me/tokens"): "user",
    ("DELETE", "/api/me/tokens/{token_id}"): "user",
    ("GET", "/api/meetings"): "user",
    ("GET", "/api/calendar/events"): "user",
    ("POST", "/api/calendar/syncs"): "admin",
    ("POST", "/api/meetings"): "user",
    ("GET", "/"): "user",
    ("GET", "/upload"): "user",
    ("GET", "/people"): "user",
    ("GET", "/api/people"): "user",
    ("GET", "/api/people/{person_id}"): "user",
    ("POST", "/api/people"): "admin",
    ("PATCH", "/api/people/{person_id}"): "admin",
    ("DELETE", "/api/people/{person_id}"): "admin",
    ("GET", "/api/people/{person_id}/voiceprints"): "admin",
    ("POST", "/api/people/{person_id}/voiceprints"): "admin",
    ("DELETE", "/api/people/{person_id}/voiceprints"): "admin",
    ("DELETE", "/api/people/{person_id}/voiceprints/{voiceprint_id}"): "admin",
    ("GET", "/openapi.json"): "user",  # unless service.public_api_docs
    ("GET", "/docs"): "user",
    ("GET", "/redoc"): "user",
    ("GET", "/metrics"): "admin",  # unless service.metrics_public
}
PUBLIC = {("GET", "/login"), ("POST", "/login"), ("POST", "/logout"), ("GET", "/login/sso"),
          ("GET", "/login/sso/callback"), ("GET", "/healthz"), ("GET", "/readyz")}
EXPORT_FORMATS = ("md", "srt", "vtt", "docx", "json")

# Who each role is, relative to the meetings under test (owned by "owen", team "sales").
ROLES = {
    "admin": ("admin", None, None),
    "owner": ("member", "sales", None),
    "attendee": ("member", "sales", "attendee"),
    "team_manager": ("manager", "sales", None),
    "attending_manager": ("manager", "ops", "attendee"),
    "shared": ("member", "ops", "shared"),
    "outsider": ("member", "ops", None),
}
EXPECTED = {  # role: actions allowed on a normal meeting, on a sensitive one ("see" alone gives 403)
    "admin": ({"see", "read", "edit", "manage"}, {"see", "read", "edit", "manage"}),
    "owner": ({"see", "read", "edit", "manage"}, {"see", "read", "edit", "manage"}),
    "attendee": ({"see", "read", "edit"}, {"see"}),
    "team_manager": ({"see", "read", "edit", "manage"}, {"see"}),
    "attending_manager": ({"see", "read", "edit"}, {"see", "read", "edit"}),
    "shared": ({"see", "read"}, {"see"}),
    "outsider": (set(), set()),
}


def app_routes(app) -> set[tuple[str, str]]:
    found = set()
    for route in app.routes:
        contexts = route.effective_route_contexts() if hasattr(route, "effective_route_contexts") else [route]
        for ctx in contexts:
            for method in getattr(ctx, "methods", None) or ():
                if method != "HEAD":
                    found.add((method, ctx.path))
    return found


def test_every_route_is_in_the_matrix(client):
    routes = app_routes(client.app)
    unclassified = routes - set(ROUTES) - set(ACCOUNT_ROUTES) - PUBLIC
    assert not unclassified, f"add these routes to the access matrix: {sorted(unclassified)}"


@pytest.fixture
def people(client):
    """One client per role, the user ids, and a factory for meetings owned by owen (team sales)."""
    service = client.app.state.service
    clients = {"admin": client}
    for role, (kind, team, _) in ROLES.items():
        if role != "admin":
            clients[role] = client_as(client.app, make_user(service, role, kind, team))
    with service.store.session() as session:
        ids = {role: find_user(session, role).id for role in ROLES if role != "admin"}

    def meeting(sensitive: bool) -> str:
        meeting_id = insert_meeting(service, owner="owner", team="sales", sensitive=sensitive)
        with service.store.session() as session:
            for role, (_, _, link) in ROLES.items():
                if link:
                    session.add(MeetingAccess(meeting_id=meeting_id, user_id=ids[role], kind=link))
            session.commit()
        return meeting_id

    return clients, meeting


def _request(c, method: str, path: str, meeting_id: str, service, fmt: str | None = None):
    with service.store.session() as session:
        m = session.get(Meeting, meeting_id)
        values = {"meeting_id": meeting_id, "speaker_id": m.speakers[0].id, "index": "0",
                  "item_id": m.action_items[0].id, "job_id": m.jobs[0].id}
    url = path.format(**values)
    params = {"format": fmt} if fmt else None
    body = {} if method in ("POST", "PUT", "PATCH") else None
    return c.request(method, url, params=params, json=body, follow_redirects=False)


@pytest.mark.parametrize("sensitive", [False, True], ids=["normal", "sensitive"])
@pytest.mark.parametrize("role", list(ROLES))
def test_meeting_routes(people, role, sensitive, client):
    clients, new_meeting = people
    service = client.app.state.service
    allowed = EXPECTED[role][sensitive]
    meeting_id = new_meeting(sensitive)
    present = app_routes(client.app)
    for (method, path), action in ROUTES.items():
        if (method, path) not in present:
            continue
        for fmt in EXPORT_FORMATS if path.endswith("/export") else (None,):
            r = _request(clients[role], method, path, meeting_id, service, fmt)
            where = f"{role} {method} {path} {fmt or ''} sensitive={sensitive}: {r.status_code} {r.text[:200]}"
            if action == "admin":
                assert (r.status_code == 403) == (role != "admin"), where
            elif action in allowed:
                assert r.status_code not in (401, 403, 404), where
            elif "see" in allowed:
                assert r.status_code == 403, where
            else:
                assert r.status_code == 404, where  # not even its existence
            if r.status_code < 300 and action == "manage" and method != "GET":  # deleted, or access reset
                meeting_id = new_meeting(sensitive)


@pytest.mark.parametrize("role", ["anonymous", *ROLES])
def test_account_routes(people, role, anonymous, client):
    clients, _ = people
    c = anonymous if role == "anonymous" else clients[role]
    for (method, path), need in ACCOUNT_ROUTES.items():
        url = path.format(user_id="nobody", token_id="nobody", person_id="nobody", voiceprint_id="1")
        body = {} if method in ("POST", "PUT", "PATCH") else None
        r = c.request(method, url, json=body, follow_redirects=False)
        where = f"{role} {method} {path}: {r.status_code} {r.text[:200]}"
        if role == "anonymous":
            assert r.status_code == (401 if path.startswith(("/api/", "/metrics")) else 303), where  # a scraper gets 401
        elif need == "admin" and role != "admin":
            assert r.status_code == 403, where
        else:
            assert r.status_code not in (401, 403), where


def test_anonymous_gets_nothing_about_a_meeting(anonymous, client, people):
    _, new_meeting = people
    service = client.app.state.service
    meeting_id = new_meeting(False)
    for (method, path) in ROUTES:
        r = _request(anonymous, method, path, meeting_id, service)
        assert r.status_code == (401 if path.startswith("/api/") else 303), f"{method} {path}: {r.status_code}"


@pytest.mark.parametrize("role", list(ROLES))
def test_search_shows_only_what_the_role_may_read(people, role):
    clients, new_meeting = people
    normal, secret = new_meeting(False), new_meeting(True)
    allowed_normal, allowed_secret = EXPECTED[role]
    # A phrase from the transcript, not the title.
    items = clients[role].get("/api/meetings", params={"q": "禮拜五"}).json()["items"]
    by_id = {i["id"]: i for i in items}
    assert (normal in by_id) == ("read" in allowed_normal)
    assert (secret in by_id) == ("read" in allowed_secret)
    if normal in by_id:
        assert by_id[normal]["snippet"]
    # Listing: sensitive meetings the role may only see appear without speakers or content.
    listed = {i["id"]: i for i in clients[role].get("/api/meetings").json()["items"]}
    assert (secret in listed) == ("see" in allowed_secret)
    if secret in listed:
        assert listed[secret]["restricted"] == ("read" not in allowed_secret)
        assert bool(listed[secret]["speakers"]) == ("read" in allowed_secret)
    # The speaker filter looks inside meetings too.
    speakers = clients[role].get("/api/meetings", params={"speaker": "SPEAKER_00"}).json()["items"]
    assert (secret in {i["id"] for i in speakers}) == ("read" in allowed_secret)


def test_a_speaker_link_grants_no_access(client, people):
    """Editing is not managing: linking a speaker to a person opens the meeting to nobody (issue 13, item 2)."""
    clients, new_meeting = people
    service = client.app.state.service
    with service.store.session() as session:
        session.add(Person(id="p-out", name="陳大文", aliases=[], version=1))
        session.commit()
    outsider_id = clients["outsider"].get("/api/me").json()["id"]
    assert client.patch(f"/api/users/{outsider_id}", json={"person_id": "p-out"}).status_code == 200
    for sensitive in (False, True):
        meeting_id = new_meeting(sensitive)
        editor = clients["owner" if sensitive else "attendee"]  # may edit, and the attendee may not manage
        speaker = editor.get(f"/api/meetings/{meeting_id}").json()["speakers"][0]
        r = editor.patch(f"/api/meetings/{meeting_id}/speakers/{speaker['id']}",
                         json={"person_id": "p-out", "version": speaker["version"]})
        assert r.status_code == 200, r.text
        assert clients["outsider"].get(f"/api/meetings/{meeting_id}").status_code == 404
        assert meeting_id not in {m["id"] for m in clients["outsider"].get("/api/meetings").json()["items"]}
        assert "outsider" not in client.get(f"/api/meetings/{meeting_id}/access").text
    # The access route (manage right) is the way in; the attendee (edit only) may not use it.
    assert clients["attendee"].put(f"/api/meetings/{meeting_id}/access", json={
        "team": "sales", "sensitive": False, "attendees": ["outsider"], "shared_with": []}).status_code == 403
