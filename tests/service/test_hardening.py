"""Web hardening: security headers, paths that cannot leave the data folder, HTTPS with TLS 1.3 (1.2 by setting)."""

from __future__ import annotations

import socket
import ssl
import subprocess
import threading
import time
from urllib.parse import unquote

import httpx
import pytest
import uvicorn
from fastapi.testclient import TestClient
from pydantic import SecretStr

from assistant.api.main import create_app
from assistant.api.server import uvicorn_config
from assistant.config import ServiceSettings
from assistant.store.models import Meeting

from .conftest import SAMPLE, insert_meeting, service_settings
from .live import free_port


@pytest.fixture
def anonymous(settings):
    """No worker: jobs queued by these tests stay queued instead of loading the models."""
    with TestClient(create_app(settings, run_worker=False)) as c:
        yield c


def test_security_headers_on_pages_api_and_errors(client, meeting_id):
    for path in ("/", f"/api/meetings/{meeting_id}", "/api/meetings/nope", "/login", "/static/common.js"):
        headers = client.get(path).headers
        csp = headers["content-security-policy"]
        assert "frame-ancestors 'none'" in csp and "script-src 'self'" in csp, path
        assert headers["x-content-type-options"] == "nosniff"
        assert headers["referrer-policy"] == "same-origin"
        assert headers["x-frame-options"] == "DENY"


def test_upload_names_cannot_climb_out_of_the_data_folder(client, settings):
    data_dir = settings.service.data_dir.resolve()
    for name in ("../../../escape.wav", "..\\..\\escape.wav", "/etc/escape.wav", "....//escape.wav"):
        r = client.post("/api/meetings", files={"file": (name, SAMPLE.read_bytes(), "audio/wav")},
                        data={"title": "../../標題"})
        assert r.status_code == 202, r.text
        meeting = client.get(f"/api/meetings/{r.json()['id']}").json()
        assert meeting["filename"] == "escape.wav"
    assert not list(data_dir.parent.rglob("escape.wav"))
    stored = [p for p in (data_dir / "audio").rglob("*") if p.is_file()]
    assert stored and all(p.resolve().is_relative_to(data_dir) for p in stored)


def test_export_file_names_carry_no_path(client, service):
    meeting_id = insert_meeting(service, title="../../etc/passwd")
    disposition = client.get(f"/api/meetings/{meeting_id}/export", params={"format": "md"}).headers[
        "content-disposition"]
    assert "/" not in disposition.split("filename*=")[0] and "passwd.md" in disposition


def test_export_file_names_keep_the_whole_title(client, service):
    def disposition(title: str, fmt: str) -> tuple[str, str]:
        meeting_id = insert_meeting(service, title=title)
        said = client.get(f"/api/meetings/{meeting_id}/export", params={"format": fmt}).headers["content-disposition"]
        plain, utf8 = said.split("; filename*=UTF-8''")
        return plain, unquote(utf8)

    assert disposition("Q1/Q2 review", "md") == ('attachment; filename="Q1_Q2 review.md"', "Q1_Q2 review.md")
    assert disposition("/", "md")[1] == "minutes.md"
    assert disposition('董事會 "季度" 檢討', "docx") == ('attachment; filename="minutes.docx"', "董事會 _季度_ 檢討.docx")


def test_traversal_in_urls_is_refused(client, service, meeting_id):
    for path in ("/static/../assistant.db", "/static/%2e%2e/%2e%2e/pyproject.toml", "/static/..%2fmain.py"):
        r = client.get(path)
        assert r.status_code == 404, path
    assert client.get("/api/meetings/..%2f..%2fassistant.db").status_code == 404
    # A forged audio reference in the database still cannot point outside the audio folder.
    with service.store.session() as session:
        session.get(Meeting, meeting_id).audio_sha256 = None
        session.commit()
    with pytest.raises(ValueError):
        service.store.blobs.path("../../assistant.db")


def test_errors_do_not_echo_secrets(settings):
    settings = settings.model_copy(update={"dingtalk_app_secret": SecretStr("s3cr3t-value")})
    with TestClient(create_app(settings)) as c:
        r = c.get("/api/meetings", headers={"Authorization": "Bearer mat_s3cr3t-token"})
        assert r.status_code == 401 and "s3cr3t" not in r.text
    assert "s3cr3t" not in repr(settings)


@pytest.fixture(scope="module")
def certificate(tmp_path_factory):
    folder = tmp_path_factory.mktemp("tls")
    cert, key = folder / "cert.pem", folder / "key.pem"
    subprocess.run(["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1", "-subj", "/CN=127.0.0.1",
                    "-addext", "subjectAltName=IP:127.0.0.1", "-keyout", str(key), "-out", str(cert)],
                   check=True, capture_output=True)
    return cert, key


def _handshake(port: int, cert, version: ssl.TLSVersion) -> bool:
    """Whether a client limited to exactly ``version`` gets through."""
    client = ssl.create_default_context(cafile=str(cert))
    client.minimum_version = client.maximum_version = version
    if version < ssl.TLSVersion.TLSv1_2:
        client.set_ciphers("ALL:@SECLEVEL=0")
    try:
        with socket.create_connection(("127.0.0.1", port), timeout=5) as raw:
            client.wrap_socket(raw, server_hostname="127.0.0.1").close()
        return True
    except ssl.SSLError:
        return False


@pytest.mark.filterwarnings("ignore:ssl.TLSVersion.TLSv1_1 is deprecated:DeprecationWarning")
@pytest.mark.parametrize("minimum", ["1.3", "1.2"])
def test_https_by_configuration_with_tls_13_unless_12_is_set(tmp_path, certificate, minimum):
    cert, key = certificate
    port = free_port()
    settings = service_settings(tmp_path / "data")
    changes = {"port": port, "tls_cert": cert, "tls_key": key}
    service = settings.service.model_copy(update=changes if minimum == "1.3" else {**changes, "tls_min_version": "1.2"})
    server = uvicorn.Server(uvicorn_config(create_app(settings.model_copy(update={"service": service})), service))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    try:
        deadline = time.monotonic() + 30
        while not server.started and time.monotonic() < deadline:
            time.sleep(0.1)
        r = httpx.get(f"https://127.0.0.1:{port}/login", verify=ssl.create_default_context(cafile=str(cert)))
        assert r.status_code == 200 and "max-age" in r.headers["strict-transport-security"]
        assert _handshake(port, cert, ssl.TLSVersion.TLSv1_3)
        assert _handshake(port, cert, ssl.TLSVersion.TLSv1_2) == (minimum == "1.2")
        assert not _handshake(port, cert, ssl.TLSVersion.TLSv1_1)
    finally:
        server.should_exit = True
        thread.join(10)


def test_tls_needs_both_certificate_and_key(tmp_path, certificate):
    with pytest.raises(ValueError):
        uvicorn_config(create_app(service_settings(tmp_path)), ServiceSettings(tls_cert=certificate[0]))


def test_secrets_come_from_a_secrets_folder_and_stay_hidden(tmp_path):
    from assistant.config import Settings

    (tmp_path / "assistant_auth__oidc_client_secret").write_text("file-secret-1")
    (tmp_path / "assistant_dingtalk_app_secret").write_text("file-secret-2")
    settings = Settings(_secrets_dir=tmp_path)
    assert settings.auth.oidc_client_secret.get_secret_value() == "file-secret-1"
    assert settings.dingtalk_app_secret.get_secret_value() == "file-secret-2"
    assert "file-secret" not in repr(settings) and "file-secret" not in settings.model_dump_json()
