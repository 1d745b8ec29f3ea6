"""Signing in and out, sessions, CSRF, login throttling, API tokens, user administration, the first admin."""

from __future__ import annotations

import re

import pytest
from click.testing import CliRunner
from fastapi.testclient import TestClient

from assistant.accounts.passwords import verify_password
from assistant.accounts.users import find_user
from assistant.api.main import create_app
from assistant.cli import main
from assistant.store.models import ApiToken, UserSession
from assistant.store.store import Store

from .conftest import client_as, insert_meeting, make_user, service_settings


@pytest.fixture
def anonymous(settings):
    """No worker: jobs queued by these tests stay queued instead of loading the models."""
    with TestClient(create_app(settings, run_worker=False)) as c:
        yield c


PASSWORD = "correct horse battery"


def login_form(c: TestClient, next_url: str = "/") -> str:
    page = c.get("/login", params={"next": next_url})
    assert page.status_code == 200
    return re.search(r'name="csrf_token" value="([^"]+)"', page.text).group(1)


def sign_in(c: TestClient, username: str, password: str = PASSWORD, next_url: str = "/"):
    token = login_form(c, next_url)
    return c.post("/login", data={"username": username, "password": password, "csrf_token": token, "next": next_url},
                  follow_redirects=False)


def test_pages_redirect_to_sign_in_and_back(anonymous):
    make_user(anonymous.app.state.service, "wendy", "member", password=PASSWORD)
    r = anonymous.get("/upload", follow_redirects=False)
    assert r.status_code == 303 and r.headers["location"] == "/login?next=/upload"
    r = sign_in(anonymous, "wendy", next_url="/upload")
    assert r.status_code == 303 and r.headers["location"] == "/upload"
    cookies = r.headers.get_list("set-cookie")
    session_cookie = next(c for c in cookies if c.startswith("assistant_session="))
    assert "HttpOnly" in session_cookie and "SameSite=lax" in session_cookie and "Secure" not in session_cookie
    assert anonymous.get("/upload").status_code == 200
    assert anonymous.get("/api/me").json()["username"] == "wendy"


def test_session_cookie_is_secure_over_https(settings):
    with TestClient(create_app(settings), base_url="https://testserver") as c:
        make_user(c.app.state.service, "wendy", "member", password=PASSWORD)
        r = sign_in(c, "wendy")
        assert all("Secure" in h for h in r.headers.get_list("set-cookie") if h.startswith("assistant_"))


def test_open_redirects_are_refused(anonymous):
    make_user(anonymous.app.state.service, "wendy", "member", password=PASSWORD)
    for evil in ("//evil.example/", "https://evil.example/", "/\\evil.example"):
        assert sign_in(anonymous, "wendy", next_url=evil).headers["location"] == "/"


def test_wrong_password_and_throttling(anonymous):
    service = anonymous.app.state.service
    make_user(service, "wendy", "member", password=PASSWORD)
    for _ in range(service.settings.auth.login_max_failures):
        assert sign_in(anonymous, "wendy", "wrong password!").status_code == 401
    # Paused for this account from this address, even with the right password.
    blocked = sign_in(anonymous, "wendy")
    assert blocked.status_code == 429 and int(blocked.headers["retry-after"]) > 0
    # Another account from the same address is not affected.
    make_user(service, "xavier", "member", password=PASSWORD)
    assert sign_in(anonymous, "xavier").status_code == 303
    assert anonymous.get("/api/me").json()["username"] == "xavier"


def test_login_form_needs_its_csrf_token(anonymous):
    make_user(anonymous.app.state.service, "wendy", "member", password=PASSWORD)
    login_form(anonymous)
    r = anonymous.post("/login", data={"username": "wendy", "password": PASSWORD, "csrf_token": "forged"},
                       follow_redirects=False)
    assert r.status_code == 403 and "assistant_session" not in anonymous.cookies


def test_cookie_requests_that_change_things_need_the_csrf_header(client):
    meeting_id = insert_meeting(client.app.state.service)
    make_user(client.app.state.service, "ada", "admin", password=PASSWORD)
    browser = TestClient(client.app)  # cookies only
    sign_in(browser, "ada")
    url = f"/api/meetings/{meeting_id}/approval"
    assert browser.get(f"/api/meetings/{meeting_id}").status_code == 200  # reading needs no token
    assert browser.put(url).status_code == 403
    assert browser.put(url, headers={"X-CSRF-Token": "forged"}).status_code == 403
    token = browser.cookies["assistant_csrf"]
    assert browser.put(url, headers={"X-CSRF-Token": token}).status_code == 200
    # An upload with the session cookie but without the token is refused before anything is stored.
    r = browser.post("/api/meetings", files={"file": ("a.wav", b"RIFF", "audio/wav")})
    assert r.status_code == 403


def test_logout_ends_the_session(anonymous):
    service = anonymous.app.state.service
    make_user(service, "wendy", "member", password=PASSWORD)
    sign_in(anonymous, "wendy")
    assert anonymous.post("/logout", data={"csrf_token": "forged"}).status_code == 403
    r = anonymous.post("/logout", data={"csrf_token": anonymous.cookies["assistant_csrf"]}, follow_redirects=False)
    assert r.status_code == 303
    with service.store.session() as session:
        assert session.query(UserSession).count() == 0
    anonymous.cookies.clear()
    assert anonymous.get("/api/me").status_code == 401


def test_api_token_lifecycle(client):
    created = client.post("/api/me/tokens", json={"name": "room 3 recorder"})
    assert created.status_code == 201
    body = created.json()
    token = body["token"]
    assert token.startswith("mat_") and body["prefix"] == token[:8]
    with client.app.state.service.store.session() as session:
        row = session.get(ApiToken, body["id"])
        assert token not in (row.token_hash, row.prefix) and len(row.token_hash) == 64  # only a digest is kept
    recorder = client_as(client.app, token)
    assert recorder.get("/api/me").json()["username"] == "tester"
    listed = {t["id"]: t for t in client.get("/api/me/tokens").json()}
    assert listed[body["id"]]["last_used_at"] is not None and "token" not in listed[body["id"]]
    assert client.delete(f"/api/me/tokens/{body['id']}").status_code == 204
    r = recorder.get("/api/me")
    assert r.status_code == 401 and r.headers["www-authenticate"] == "Bearer"
    assert client_as(client.app, "mat_not-a-token").get("/api/me").status_code == 401
    # Somebody else's token cannot be revoked by id.
    other = client_as(client.app, make_user(client.app.state.service, "una", "member"))
    mine = client.post("/api/me/tokens", json={"name": "x"}).json()["id"]
    assert other.delete(f"/api/me/tokens/{mine}").status_code == 404


def test_admin_manages_users(client, member_client):
    created = client.post("/api/users", json={"username": "nina", "role": "manager", "team": "sales"})
    assert created.status_code == 201
    user = created.json()
    assert user["role"] == "manager" and len(user["password"]) >= 10
    assert client.post("/api/users", json={"username": "nina"}).status_code == 409
    assert member_client.post("/api/users", json={"username": "evil", "role": "admin"}).status_code == 403
    with client.app.state.service.store.session() as session:
        assert verify_password(find_user(session, "nina").password_hash, user["password"])
    patched = client.patch(f"/api/users/{user['id']}", json={"active": False, "team": None})
    assert patched.json()["active"] is False and patched.json()["team"] is None


def test_deactivated_users_are_locked_out(client):
    token = make_user(client.app.state.service, "quinn", "member")
    quinn = client_as(client.app, token)
    assert quinn.get("/api/me").status_code == 200
    user_id = quinn.get("/api/me").json()["id"]
    client.patch(f"/api/users/{user_id}", json={"active": False})
    assert quinn.get("/api/me").status_code == 401


def test_first_start_prints_a_one_time_admin_password(settings, capsys):
    with TestClient(create_app(settings)) as c:
        out = capsys.readouterr().out
        password = re.search(r"one-time password\s+(\S+)", out).group(1)
        assert sign_in(c, "admin", password).status_code == 303
        change = {"current": password, "new": "my own admin password"}
        headers = {"X-CSRF-Token": c.cookies["assistant_csrf"]}
        assert c.put("/api/me/password", json={**change, "current": "wrong"}, headers=headers).status_code == 403
        assert c.put("/api/me/password", json=change, headers=headers).status_code == 204
        assert c.get("/api/me").status_code == 200  # the session that changed it stays; others end (test_security)
        assert sign_in(c, "admin", password).status_code == 401
        assert sign_in(c, "admin", "my own admin password").status_code == 303
    with TestClient(create_app(settings)):
        assert "one-time password" not in capsys.readouterr().out  # only when there are no accounts


def test_cli_creates_users_and_tokens(tmp_path):
    runner = CliRunner()
    data = str(tmp_path / "data")
    r = runner.invoke(main, ["admin", "create-user", "root", "--role", "admin", "--data-dir", data])
    assert r.exit_code == 0, r.output
    password = re.search(r"password: (\S+)", r.output).group(1)
    r = runner.invoke(main, ["admin", "create-user", "root", "--data-dir", data])
    assert r.exit_code != 0 and "exists" in r.output
    r = runner.invoke(main, ["admin", "create-user", "pat", "--password-stdin", "--data-dir", data], input="short\n")
    assert r.exit_code != 0 and "at least" in r.output
    token = runner.invoke(main, ["admin", "create-token", "root", "--data-dir", data]).output.strip()
    elsewhere = tmp_path / "other"  # another folder: the error says which database is missing, and none is made there
    for command in (["create-token", "root"], ["set-password", "root", "--password-stdin"]):
        r = runner.invoke(main, ["admin", *command, "--data-dir", str(elsewhere)], input="a new long password\n")
        assert r.exit_code != 0 and "no database" in r.output and str(elsewhere.resolve()) in r.output
        assert not elsewhere.exists()
    Store(service_settings(elsewhere).service).close()  # a database with other accounts: it says which has no such user
    r = runner.invoke(main, ["admin", "create-token", "root", "--data-dir", str(elsewhere)])
    assert r.exit_code != 0 and "no user named root" in r.output and str(elsewhere.resolve()) in r.output
    r = runner.invoke(main, ["admin", "set-password", "root", "--password-stdin", "--data-dir", data],
                      input="a new long password\n")
    assert r.exit_code == 0, r.output
    password = "a new long password"
    settings = service_settings(tmp_path / "data")
    with TestClient(create_app(settings)) as c:
        assert client_as(c.app, token).get("/api/me").json()["role"] == "admin"
        assert sign_in(c, "root", password).status_code == 303
