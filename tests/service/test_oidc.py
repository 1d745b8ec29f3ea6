"""Single sign-on end to end against a real OpenID Connect provider (Authlib) on 127.0.0.1."""

from __future__ import annotations

from urllib.parse import parse_qs, urlsplit

import httpx
import pytest
from fastapi.testclient import TestClient
from joserfc.jwk import RSAKey

from assistant.api.main import create_app
from assistant.config import AuthSettings

from .conftest import make_user, service_settings
from .oidc_provider import OidcProvider

CLIENT_ID, SECRET = "meeting-assistant", "client-secret-for-tests"
CALLBACK = "http://testserver/login/sso/callback"


@pytest.fixture
def provider():
    p = OidcProvider(CLIENT_ID, SECRET, CALLBACK)
    p.start()
    yield p
    p.stop()


@pytest.fixture
def browser(tmp_path, provider):
    settings = service_settings(tmp_path / "data")
    auth = AuthSettings(oidc_issuer=provider.issuer, oidc_client_id=CLIENT_ID, oidc_client_secret=SECRET)
    with TestClient(create_app(settings.model_copy(update={"auth": auth}))) as c:
        yield c


def to_provider(browser: TestClient, next_url: str = "/") -> httpx.Response:
    """Start signing in; the provider (already signed in as its current user) answers with our callback."""
    start = browser.get("/login/sso", params={"next": next_url}, follow_redirects=False)
    assert start.status_code == 303
    query = parse_qs(urlsplit(start.headers["location"]).query)
    assert query["code_challenge_method"] == ["S256"] and query["nonce"] and query["state"]
    answer = httpx.get(start.headers["location"], follow_redirects=False)
    assert answer.status_code == 302, answer.text
    return answer


def back(browser: TestClient, answer: httpx.Response):
    location = urlsplit(answer.headers["location"])
    assert f"{location.scheme}://{location.netloc}{location.path}" == CALLBACK
    return browser.get(f"{location.path}?{location.query}", follow_redirects=False)


def test_sign_on_creates_the_account_once_and_opens_a_session(browser, provider):
    assert "/login/sso" in browser.get("/login").text
    done = back(browser, to_provider(browser, "/upload"))
    assert done.status_code == 303 and done.headers["location"] == "/upload", done.text
    me = browser.get("/api/me").json()
    assert me["username"] == "chan.taiman" and me["display_name"] == "陳大文" and me["role"] == "member"
    assert provider.tokens_issued == 1
    browser.cookies.clear()
    back(browser, to_provider(browser))
    assert browser.get("/api/me").json()["id"] == me["id"]  # same subject, same account


def test_a_local_account_with_the_same_name_is_not_taken_over(browser, provider):
    make_user(browser.app.state.service, "chan.taiman", "admin")
    back(browser, to_provider(browser))
    me = browser.get("/api/me").json()
    assert me["username"] == "chan.taiman-2" and me["role"] == "member"


def test_state_must_match_this_browser(browser, provider):
    answer = to_provider(browser)
    browser.cookies.clear()  # the callback arrives in another browser (login CSRF)
    r = back(browser, answer)
    assert r.status_code == 401 and "assistant_session" not in r.cookies


def test_a_code_cannot_be_replayed(browser, provider):
    answer = to_provider(browser)
    assert back(browser, answer).status_code == 303
    browser.cookies.clear()
    browser.cookies.set("assistant_sso_state", parse_qs(urlsplit(answer.headers["location"]).query)["state"][0],
                        path="/login/sso")
    assert back(browser, answer).status_code == 401


def test_a_token_signed_with_an_unpublished_key_is_refused(browser, provider):
    provider.rogue_key = RSAKey.generate_key(2048, parameters={"kid": "test-key"})
    r = back(browser, to_provider(browser))
    assert r.status_code == 401 and "not valid" in r.text
    assert browser.get("/api/me").status_code == 401


def test_a_wrong_client_secret_is_refused(tmp_path, provider):
    settings = service_settings(tmp_path / "data")
    auth = AuthSettings(oidc_issuer=provider.issuer, oidc_client_id=CLIENT_ID, oidc_client_secret="wrong")
    with TestClient(create_app(settings.model_copy(update={"auth": auth}))) as c:
        r = back(c, to_provider(c))
        assert r.status_code == 401 and "refused the code" in r.text and "wrong" not in r.text
