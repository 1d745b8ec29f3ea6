"""All settings in one place.

Every field can be set from the environment with the ``ASSISTANT_`` prefix; nested
groups use a double underscore, e.g. ``ASSISTANT_ASR__BEAM_SIZE=1`` or
``ASSISTANT_DIARIZATION__THRESHOLD=0.6``. ``.env`` in the working folder is read too
(see ``.env.example``).
"""

from __future__ import annotations

import os
import re
from functools import lru_cache
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, SecretStr, ValidationError
from pydantic_settings import BaseSettings, NestedSecretsSettingsSource, SettingsConfigDict
from pydantic_settings import SettingsError as SourceError

PROJECT_ROOT = Path(__file__).resolve().parent.parent


class Group(BaseModel):
    # Frozen, hence hashable: model loaders are cached per settings group.
    model_config = ConfigDict(frozen=True)


class AudioSettings(Group):
    sample_rate: int = 16000
    min_duration: float = Field(2.0, description="Shorter recordings are rejected (seconds).")
    max_duration: float = Field(4 * 3600.0, description="Longer recordings are rejected (seconds).")
    silence_dbfs: float = Field(-55.0, description="A recording whose peak is below this level is silent.")
    probe_seconds: float = Field(
        120.0, description="Seconds measured to choose among audio streams and to find channels that cancel."
    )
    cancellation_db: float = Field(
        -12.0, description="A downmix this far below its loudest channel (dB) means the channels cancel: "
        "one channel is used alone.",
    )


class AsrSettings(Group):
    model: str = Field(
        "faster-whisper-base",
        description="A name from models/manifest.json, a local CTranslate2 folder, or a hub name "
        "such as Systran/faster-whisper-large-v3.",
    )
    device: Literal["auto", "cpu", "cuda"] = "auto"
    compute_type: str = Field("auto", description="auto = int8 on CPU, float16 on CUDA.")
    cpu_threads: int = 0
    language: str = Field("yue", description="yue is used only when the model has the token, else zh.")
    language_switch_probability: float = Field(
        0.8, description="Decode in another language when it is detected this surely (1.0 = never switch)."
    )
    beam_size: int = 5
    temperatures: tuple[float, ...] = Field((0.0, 0.3), description="Fallback temperatures when a decode fails.")
    initial_prompt: str = Field(
        "嗯，係呀，佢哋話呢單嘢唔係咁簡單嘅，我諗我哋要睇吓點搞。",
        description="Colloquial Cantonese that steers whisper towards spoken wording; vocabulary is appended.",
    )
    vad_min_silence_ms: int = 500
    vad_speech_pad_ms: int = 200
    # whisper's features for a block take about 0.7 MB per second of it while they are computed
    block_s: float = Field(180.0, description="Long recordings are decoded in blocks of this many seconds.")
    max_chunk_s: float = Field(28.0, description="Speech regions are cut into pieces no longer than this.")
    # Segments failing these checks are re-decoded once with sampling, then dropped if still bad.
    max_compression_ratio: float = 2.4
    min_avg_logprob: float = -1.2
    max_no_speech_prob: float = 0.7
    cantonese_style: bool = Field(
        True, description="Rewrite standard written Chinese function words into spoken Cantonese."
    )


class DiarizationSettings(Group):
    segmentation_model: str = Field("pyannote-segmentation-3.0", description="Manifest name or checkpoint path.")
    embedding_model: str = Field("campplus-zh-en", description="Manifest name or folder with CAM++ weights.")
    device: Literal["auto", "cpu", "cuda"] = "auto"
    segmentation_step: float = Field(0.5, description="Sliding-window step as a fraction of the 10 s window.")
    # Tuned with `python -m bench.tune_diarization` on samples/eval (dev meeting + diarisation set).
    method: Literal["average", "centroid"] = Field(
        "average", description="Linkage. Centroid linkage merges speakers of long meetings (shrinking centroids)."
    )
    threshold: float = Field(0.37, description="Agglomerative clustering threshold (cosine distance for average).")
    min_cluster_size: int = 1
    min_duration_off: float = Field(0.6, description="Same-speaker gaps shorter than this (s) are filled.")
    split_pieces: bool = Field(True, description="Cut local speakers into pieces before embedding (see diarize.py).")
    split_gap: float = Field(0.25, description="A pause this long (s) splits a local speaker into pieces.")
    max_piece: float = Field(4.0, description="Pieces longer than this (s) are cut evenly.")
    min_piece: float = Field(0.8, description="Shorter pieces are joined to the one before.")
    # bench.tune_diarization: at 0.40-0.55 the AMI dev01 two-speaker run (distance 0.61) is cut and the
    # whole set scores 0.19-0.24 DER (0.25 without); 0.50 also cuts two Cantonese voices spliced
    # without a pause (0.52) and leaves AMI dev00's 11 s monologue whole (0.48).
    change_threshold: float = Field(
        0.5, description="Cosine distance of the voices either side that cuts a piece at a speaker change (1 = never)."
    )
    change_window: float = Field(1.5, description="Length (s) of the windows embedded to find speaker changes.")
    change_context: float = Field(2.5, description="Seconds of voice compared on each side of a candidate change.")
    change_step: float = Field(0.25, description="Candidate speaker changes are this far apart (s).")
    embedding_batch_size: int = 16
    segmentation_batch_size: int = 32
    # python -m bench --hours 2 on 2 cores: peak RSS 3020 MB beside transcription, 2839 MB after it
    beside_transcription_max_s: float = Field(
        3600.0, description="Recordings up to this long (s) are diarised beside transcription (faster); longer ones "
        "before it, so the two stages' working memory is never held at once.",
    )


class VoiceprintSettings(Group):
    # Calibrated with `python -m bench.identification` on samples/eval (see bench/identification.py):
    # CAM++ cosine of a meeting speaker with a voiceprint of the same person vs of another person.
    threshold: float = Field(0.7, description="A speaker is named when its cosine with a voiceprint reaches this.")
    attendee_bonus: float = Field(
        0.05, description="Added to the scores of the meeting's known attendees, so they are preferred."
    )
    # 1 s suffices with enrolled prints of 3 s or more: held-back dev-meeting speakers with 1.4 s
    # left scored 0.83 and 0.85 with their own print, at most 0.66 with anyone else's.
    min_speaker_speech_s: float = Field(1.0, description="Speakers with less speech than this (s) stay anonymous.")
    max_speech_s: float = Field(120.0, description="At most this much of one speaker's speech (s) is embedded.")
    min_segment_s: float = Field(0.5, description="Shorter speech segments are left out of an embedding.")
    min_enrol_speech_s: float = Field(8.0, description="An enrolment clip needs this much speech (s).")
    max_enrol_clip_s: float = Field(120.0, description="Longer enrolment clips are refused (s).")
    second_voice_s: float = Field(
        2.0, description="An enrolment clip where a second voice speaks this long (s) is refused."
    )


class MergeSettings(Group):
    max_pause: float = Field(2.0, description="A silence this long (seconds) starts a new turn.")
    max_turn: float = Field(60.0, description="Turns are split at the next sentence end after this long.")


class ExtractionSettings(Group):
    backend: Literal["auto", "rules", "llama_cpp", "transformers", "openai"] = Field(
        "auto", description="auto = rules (see extract/backends.py); llama_cpp = the packaged GGUF reviews "
        "uncertain items; openai = a served model (vLLM, Ollama) reviews them."
    )
    gguf_model: str = Field(
        "qwen2.5-coder-1.5b-instruct-q4_k_m", description="llama_cpp: manifest name, folder or .gguf file."
    )
    gguf_file: str = Field("qwen2.5-coder-1.5b-instruct-q4_k_m.gguf", description="File inside a gguf_model folder.")
    hf_model: str = Field("Qwen/Qwen2.5-1.5B-Instruct", description="transformers: local folder or hub name.")
    hf_gguf_file: str | None = Field(None, description="transformers: load this GGUF file from hf_model instead.")
    device: Literal["auto", "cpu", "cuda"] = "auto"
    openai_base_url: str = Field("http://127.0.0.1:8000/v1", description="OpenAI-compatible endpoint.")
    openai_model: str = "qwen2.5-1.5b-instruct"
    openai_api_key: SecretStr | None = None
    openai_timeout: float = 120.0
    review: Literal["uncertain", "all"] = Field(
        "uncertain", description="Items the model reviews: those flagged or leaning on earlier turns, or all."
    )
    review_batch: int = Field(2, description="Items per model call (small batches keep one call short on a CPU).")
    review_budget_s: float = Field(
        20.0, description="Seconds of model review per meeting; later items keep the rules' answer."
    )
    context_tokens: int = 4096
    max_tokens: int = 160
    temperature: float = 0.0
    seed: int = 0
    n_threads: int = Field(0, description="llama_cpp CPU threads; 0 = all cores.")
    retries: int = Field(1, description="Extra attempts when the model's output is not valid JSON.")
    max_transcript_chars: int = Field(
        200_000, description="A transcript with more text than this (characters) is refused: about 11 hours of "
        "Cantonese speech at 5 characters a second, nearly three times the longest recording accepted."
    )
    max_turn_chars: int = Field(
        20_000, description="A turn with more text than this (characters) is refused: over an hour of one "
        "person speaking; reading one turn takes time that grows with the square of its length."
    )


class ServiceSettings(Group):
    data_dir: Path = Field(Path("data"), description="Database, queue and uploaded audio live here.")
    database_url: str | None = Field(
        None, description="SQLAlchemy URL, e.g. postgresql+psycopg://...; default SQLite in data_dir."
    )
    max_upload_bytes: int = Field(2 * 1024**3, description="Larger uploads are refused with 413.")
    watch_dir: Path | None = Field(None, description="Inbox folder that `assistant serve` also watches.")
    watch_interval: float = Field(2.0, description="Seconds between scans of the inbox.")
    watch_settle: float = Field(3.0, description="A file unchanged this long (s) has finished arriving.")
    retention_days: int | None = Field(None, description="Meetings and audio older than this are deleted.")
    host: str = "127.0.0.1"
    port: int = 8000
    workers: int = Field(
        1, description="Jobs processed at once by the embedded worker (threads sharing the cached models)."
    )
    job_retries: int = Field(2, description="Retries after an unexpected failure; bad audio is not retried.")
    retry_delay: float = Field(30.0, description="Seconds before the first retry; doubled each time.")
    audio_retention_days: int | None = Field(
        None, description="Recordings older than this are deleted; the minutes and transcript stay."
    )
    tls_cert: Path | None = Field(None, description="PEM certificate: serve HTTPS (TLS 1.3+) with tls_key.")
    tls_key: Path | None = Field(None, description="PEM private key for tls_cert.")
    tls_min_version: Literal["1.2", "1.3"] = Field("1.3", description="Oldest TLS version accepted; 1.2 only if set.")
    max_body_bytes: int = Field(1024**2, description="Largest request body other than an upload (413 beyond).")
    upload_idle_timeout_s: float = Field(
        60.0, description="An upload that sends nothing for this long is dropped (408) and its partial file deleted."
    )
    trusted_proxies: str = Field(
        "", description="Addresses of reverse proxies whose X-Forwarded-For/-Proto are believed (comma-separated, "
        "or *); empty: the header is ignored and the connection's address is the client's."
    )
    public_api_docs: bool = Field(False, description="Serve /docs, /redoc and /openapi.json without signing in.")
    # Scaling out (README "Scaling out"): Postgres in database_url, Redis here, audio on a shared mount.
    redis_url: str | None = Field(
        None, description="redis://HOST:6379/0: queue jobs in Redis; the web process then only enqueues and "
        "`assistant worker` processes run them. Unset: SQLite queue and a worker inside `serve`."
    )
    audio_dir: Path | None = Field(
        None, description="Stored recordings (by sha256); a path every worker mounts (NFS/SMB). Default data_dir/audio."
    )
    processing_queue: str = Field(
        "processing", description="Redis queue of processing jobs; workers with other hardware can use another."
    )
    delivery_queue: str = Field("dingtalk", description="Redis queue of DingTalk outbox operations and follow-ups.")
    lease_s: float = Field(
        60.0, gt=0, description="A running job's lease (s): renewed every third of it; a worker silent this long "
        "is presumed dead and its job is taken over."
    )
    stale_s: float = Field(
        120.0, gt=0, description="A waiting job or operation untouched this long (s) while the queue is empty is "
        "queued again (its message was lost)."
    )
    sweep_s: float = Field(5.0, gt=0, description="How often (s) a worker looks for expired leases and lost messages.")
    shutdown_grace_s: float = Field(
        30.0, ge=0, description="On SIGTERM a worker finishes its current job for this long (s), then hands it back."
    )
    metrics_public: bool = Field(
        False, description="Serve /metrics without signing in (a private network's scraper); else admins only."
    )
    json_logs: bool = Field(False, description="Log one JSON object per line (for log collectors).")

    @property
    def embedded_db(self) -> Path:
        """The embedded SQLite database file, used when no database_url is set."""
        return self.data_dir / "assistant.db"

    @property
    def db_url(self) -> str:
        return self.database_url or f"sqlite:///{self.embedded_db.resolve()}"

    @property
    def audio_root(self) -> Path:
        return self.audio_dir or self.data_dir / "audio"


class AuthSettings(Group):
    session_hours: float = Field(12.0, description="A sign-in lasts this long.")
    login_max_failures: int = Field(5, description="Failed sign-ins per account and address before a pause.")
    login_window_s: float = Field(900.0, description="The pause, and the window failures are counted in.")
    audit_retention_days: int = Field(365, ge=90, description="Audit events are kept this long (at least 90 days).")
    bootstrap_admin: bool = Field(
        True, description="On first start with no accounts, create `admin` and print a one-time password."
    )
    oidc_issuer: str | None = Field(
        None, description="OpenID Connect issuer URL (Entra ID, Okta, Keycloak ...); set to enable single sign-on."
    )
    oidc_client_id: str = ""
    oidc_client_secret: SecretStr = SecretStr("")
    oidc_scopes: str = "openid profile email"
    oidc_role: Literal["member", "manager"] = Field("member", description="Role of accounts made at first sign-on.")
    oidc_timeout_s: float = 10.0


class CalendarSettings(Group):
    ics_urls: tuple[str, ...] = Field((), description="iCalendar feeds (published Google/Outlook .ics).")
    dingtalk_union_ids: tuple[str, ...] = Field(
        (), description="DingTalk users or rooms (unionId) whose primary calendars are synced.")
    sync_minutes: int = Field(15, ge=1, le=59, description="Minutes between calendar syncs.")
    days_back: int = Field(7, description="Events this many days old are kept in sync (recordings arrive late).")
    days_ahead: int = Field(14, description="Events up to this many days ahead are synced.")
    match_early_minutes: float = Field(15.0, description="A recording may start this long before its event.")
    notify_organiser: bool = Field(True, description="Tell the organiser on DingTalk when the to-do table is ready.")
    agenda_notice: bool = Field(False, description="Send the agenda to attendees before the meeting (DingTalk).")
    agenda_minutes_before: int = 30
    timeout_s: float = 30.0


class Settings(BaseSettings):
    # Secrets may also come from files, one per setting (e.g. Docker/Kubernetes secrets):
    # $ASSISTANT_SECRETS_DIR/assistant_auth__oidc_client_secret, .../assistant_dingtalk_app_secret.
    model_config = SettingsConfigDict(
        env_prefix="ASSISTANT_", env_nested_delimiter="__", env_file=".env", extra="ignore",
        secrets_dir=os.environ.get("ASSISTANT_SECRETS_DIR"), secrets_nested_delimiter="__",
    )

    @classmethod
    def settings_customise_sources(cls, settings_cls, init_settings, env_settings, dotenv_settings,
                                   file_secret_settings):
        return init_settings, env_settings, dotenv_settings, NestedSecretsSettingsSource(file_secret_settings)

    models_dir: Path = PROJECT_ROOT / "models"
    package_cache: Path = Path.home() / ".cache" / "assistant" / "packages"
    timezone: str = "Asia/Hong_Kong"
    audio: AudioSettings = AudioSettings()
    asr: AsrSettings = AsrSettings()
    diarization: DiarizationSettings = DiarizationSettings()
    merge: MergeSettings = MergeSettings()
    voiceprints: VoiceprintSettings = VoiceprintSettings()
    service: ServiceSettings = ServiceSettings()
    extraction: ExtractionSettings = ExtractionSettings()
    auth: AuthSettings = AuthSettings()
    calendar: CalendarSettings = CalendarSettings()

    # DingTalk: flat fields because the issue fixes single-underscore names (ASSISTANT_DINGTALK_APP_KEY, ...).
    dingtalk_api_base: str = "https://api.dingtalk.com"
    dingtalk_oapi_base: str = "https://oapi.dingtalk.com"
    dingtalk_app_key: str = ""
    dingtalk_app_secret: SecretStr = SecretStr("")
    dingtalk_robot_code: str = ""
    dingtalk_agent_id: int | None = None
    dingtalk_operator_union_id: str = Field(
        "", description="unionId that creates the to-dos (path owner); must not be an executor, or no DING pops up."
    )
    dingtalk_card_template_id: str = Field("", description="Interactive card template with confirm/dispute buttons.")
    dingtalk_timeout_s: float = Field(10.0, description="Per-request HTTP timeout.")
    dingtalk_call_budget_s: float = Field(60.0, description="Total time one API call may spend, retries included.")
    dingtalk_max_retries: int = Field(5, description="Retries after rate limits, 5xx and dropped connections.")
    dingtalk_busy_retries: int = Field(3, description="Retries after -1 / system.busy (the docs say at most 3).")
    dingtalk_backoff_base_s: float = Field(1.0, description="First back-off wait; the QPS window is one second.")
    dingtalk_backoff_max_s: float = 30.0
    dingtalk_token_refresh_margin_s: float = Field(600.0, description="Refresh the token this long before expiry.")
    dingtalk_call_ding_max_recipients: int = 10
    dingtalk_follow_up_minutes: float = Field(
        3.0, description="An owner who neither confirms nor disputes this long after the push is escalated."
    )
    dingtalk_workers: int = Field(4, description="DingTalk calls made at once by the delivery worker.")
    dingtalk_outbox_attempts: int = Field(5, description="Tries of one outbox operation (push, DING, reminder).")
    dingtalk_outbox_retry_s: float = Field(30.0, description="Wait before retrying an operation; doubled each time.")
    web_base_url: str = Field("http://localhost:8000", description="Base of the web view linked from to-dos.")


class SettingsError(ValueError):
    """A setting (environment variable, .env line or secrets file) has a value it cannot take."""


@lru_cache
def get_settings() -> Settings:
    """The settings: defaults, overridden by ASSISTANT_* variables, .env and secrets files.

    Raises SettingsError naming each variable with a value it cannot take (「ASSISTANT_ASR__DEVICE=gpu」);
    the value itself is shown only when it is short and the name says no secret or address.
    """
    try:
        return Settings()
    except ValidationError as exc:
        bad = "; ".join(_invalid(error) for error in exc.errors())
        raise SettingsError(f"invalid settings: {bad}") from None
    except SourceError as exc:  # a list or group given as text that is not JSON (ASSISTANT_CALENDAR__ICS_URLS)
        raise SettingsError(f"invalid settings: {exc} (a list is written as JSON: '[\"https://…\"]')") from None


KEPT_QUIET = re.compile(r"SECRET|PASSWORD|TOKEN|KEY|URL|DSN", re.IGNORECASE)


def _invalid(error: dict) -> str:
    name = f"ASSISTANT_{'__'.join(str(part).upper() for part in error['loc'])}"
    given = error.get("input")
    shown = isinstance(given, (str, int, float)) and len(str(given)) <= 40 and not KEPT_QUIET.search(name)
    return f"{name}: {error['msg']}" + (f" (got {given!r})" if shown else "")
