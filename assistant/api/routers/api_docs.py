"""The API's description (/openapi.json) and its viewers (/docs, /redoc) for signed-in users.

Mounted behind the sign-in like every other page unless ``service.public_api_docs`` is set, when
FastAPI's own open routes serve them instead (see ``main.py``).
"""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.openapi.docs import get_redoc_html, get_swagger_ui_html
from fastapi.responses import HTMLResponse, JSONResponse

router = APIRouter(include_in_schema=False)
OPENAPI = "/openapi.json"


@router.get(OPENAPI)
def openapi(request: Request) -> JSONResponse:
    return JSONResponse(request.app.openapi())


@router.get("/docs", response_class=HTMLResponse)
def swagger(request: Request) -> HTMLResponse:
    return get_swagger_ui_html(openapi_url=OPENAPI, title=f"{request.app.title} – API")


@router.get("/redoc", response_class=HTMLResponse)
def redoc(request: Request) -> HTMLResponse:
    return get_redoc_html(openapi_url=OPENAPI, title=f"{request.app.title} – API")
