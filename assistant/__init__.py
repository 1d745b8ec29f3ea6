"""Meeting assistant for Hong Kong teams.

The data path: :mod:`assistant.audio` decodes, :mod:`assistant.diarize` finds speaker turns,
:mod:`assistant.transcribe` writes the words, :mod:`assistant.merge` joins them into turns,
:mod:`assistant.pipeline` runs the whole job and :mod:`assistant.writers` saves the minutes.

Importing the package switches off every library's telemetry and hub look-ups before those
libraries are imported (CLI, server, worker and tests all import this first): recordings are
personal data, and the service makes no outbound connection its administrator did not configure.
``setdefault``, so an administrator may still set any of these explicitly.
"""

import os

OFFLINE_ENVIRONMENT = {
    "PYANNOTE_METRICS_ENABLED": "0",  # pyannote.audio 4: OpenTelemetry usage metrics to its vendor
    "HF_HUB_OFFLINE": "1",  # models come from models/ only (assistant.weights fetches them explicitly)
    "HF_HUB_DISABLE_TELEMETRY": "1",
    "HF_HUB_DISABLE_IMPLICIT_TOKEN": "1",
    "TRANSFORMERS_OFFLINE": "1",
    "ORT_DISABLE_TELEMETRY": "1",  # ONNX Runtime (faster-whisper's VAD): Microsoft 1DS telemetry events
    "OTEL_SDK_DISABLED": "true",  # any OpenTelemetry SDK set up by a dependency
    "OTEL_TRACES_EXPORTER": "none",
    "OTEL_METRICS_EXPORTER": "none",
    "OTEL_LOGS_EXPORTER": "none",
    "DO_NOT_TRACK": "1",
}
for _name, _value in OFFLINE_ENVIRONMENT.items():
    os.environ.setdefault(_name, _value)

__all__ = ["OFFLINE_ENVIRONMENT", "__version__"]
__version__ = "0.1.0"
