"""Run the web application with uvicorn: HTTP, or HTTPS (TLS 1.2 or later) when a certificate is configured."""

from __future__ import annotations

import ssl

import uvicorn
from fastapi import FastAPI

from assistant.config import ServiceSettings


def uvicorn_config(app: FastAPI, settings: ServiceSettings) -> uvicorn.Config:
    if (settings.tls_cert is None) != (settings.tls_key is None):
        raise ValueError("set both service.tls_cert and service.tls_key, or neither")
    config = uvicorn.Config(
        app, host=settings.host, port=settings.port,
        ssl_certfile=str(settings.tls_cert) if settings.tls_cert else None,
        ssl_keyfile=str(settings.tls_key) if settings.tls_key else None,
        server_header=False,
    )
    config.load()
    if config.ssl is not None:
        config.ssl.minimum_version = ssl.TLSVersion.TLSv1_2
    return config


def serve(app: FastAPI, settings: ServiceSettings) -> None:
    uvicorn.Server(uvicorn_config(app, settings)).run()
