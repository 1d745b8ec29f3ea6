"""The review page in headless Chromium under the real CSP and CSRF rules (no models: a stored meeting).

Signing in through the form, editing through the page's script (which must send the CSRF token),
and no Content-Security-Policy violation or script error on the pages.
"""

from __future__ import annotations

import pytest

from .conftest import insert_meeting, make_user, service_settings
from .live import app_on_loopback, chromium, sign_in

PASSWORD = "browser-test-password"


@pytest.fixture
def site(tmp_path):
    with app_on_loopback(service_settings(tmp_path / "data")) as (app, url):
        make_user(app.state.service, "reviewer", "member", "sales", password=PASSWORD)
        yield url, insert_meeting(app.state.service, owner="reviewer", team="sales")


def test_sign_in_and_edit_under_csp_and_csrf(site):
    url, meeting_id = site
    with chromium() as browser:
        page = browser.new_page(locale="zh-HK")
        problems = []
        page.on("pageerror", lambda e: problems.append(str(e)))
        page.on("console", lambda m: problems.append(m.text) if "Content Security Policy" in m.text else None)

        page.goto(f"{url}/meetings/{meeting_id}")
        page.wait_for_url(lambda u: u.startswith(f"{url}/login"))
        sign_in(page, "reviewer", PASSWORD)
        page.wait_for_url(f"{url}/meetings/{meeting_id}")
        page.wait_for_selector(".turn")

        speaker = page.locator(".speaker").first
        with page.expect_response(lambda r: "/speakers/" in r.url and r.request.method == "PATCH") as response:
            speaker.locator(".speaker-name").fill("陳大文")
            speaker.locator(".speaker-name").press("Tab")
        assert response.value.status == 200
        assert response.value.request.headers["x-csrf-token"]

        # The same request without the page's token is refused, though the browser sends the cookie.
        status = page.evaluate(
            """async (id) => (await fetch(`/api/meetings/${id}/approval`, {method: "PUT"})).status""", meeting_id)
        assert status == 403

        page.goto(f"{url}/")
        assert page.locator(f'tr[data-id="{meeting_id}"]').count() == 1
        page.click("form.signed-in button")
        page.wait_for_url(lambda u: u.startswith(f"{url}/login"))
        page.goto(f"{url}/")
        assert page.url.startswith(f"{url}/login")
    assert not problems, problems
