"""Prometheus metrics (``assistant.metrics``): admins only, or open when ``service.metrics_public``."""

from __future__ import annotations

from fastapi import APIRouter
from fastapi.responses import Response
from prometheus_client import CONTENT_TYPE_LATEST

from assistant import metrics
from assistant.api.dependencies import ServiceDep

router = APIRouter(tags=["operations"])


@router.get("/metrics", response_class=Response, summary="Prometheus metrics (text exposition format)")
def get_metrics(service: ServiceDep) -> Response:
    return Response(metrics.exposition(service.store, service.queue_lengths), media_type=CONTENT_TYPE_LATEST)
