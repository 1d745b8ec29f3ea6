"""Run the web application with uvicorn: HTTP, or HTTPS (TLS 1.3, or 1.2 by setting) when a certificate is configured."""

from __future__ import annotations

import contextlib
import ssl
from collections.abc import Iterator

import uvicorn
from fastapi import FastAPI

from assistant.config import ServiceSettings
from assistant.jobs.worker import end_if_diarising

TLS_VERSIONS = {"1.2": ssl.TLSVersion.TLSv1_2, "1.3": ssl.TLSVersion.TLSv1_3}


def uvicorn_config(app: FastAPI, settings: ServiceSettings) -> uvicorn.Config:
    if (settings.tls_cert is None) != (settings.tls_key is None):
        raise ValueError("set both service.tls_cert and service.tls_key, or neither")
    proxies = settings.trusted_proxies.strip()
    config = uvicorn.Config(
        app, host=settings.host, port=settings.port,
        ssl_certfile=str(settings.tls_cert) if settings.tls_cert else None,
        ssl_keyfile=str(settings.tls_key) if settings.tls_key else None,
        server_header=False,
        # uvicorn believes X-Forwarded-For from 127.0.0.1 by default; a header is then enough to pose as
        # another address (and dodge the sign-in throttle). Only configured proxies are believed.
        proxy_headers=bool(proxies), forwarded_allow_ips=proxies or None,
    )
    config.load()
    if config.ssl is not None:
        config.ssl.minimum_version = TLS_VERSIONS[settings.tls_min_version]
    return config


class _Server(uvicorn.Server):
    """uvicorn's server, for which Ctrl-C or SIGTERM is a normal stop: after its graceful shutdown
    uvicorn raises the signal again, which ends in 'Aborted!' and a traceback."""

    @contextlib.contextmanager
    def capture_signals(self) -> Iterator[None]:
        with super().capture_signals():
            yield
            self._captured_signals.clear()


def serve(app: FastAPI, settings: ServiceSettings) -> None:
    _Server(uvicorn_config(app, settings)).run()
    end_if_diarising(0)
