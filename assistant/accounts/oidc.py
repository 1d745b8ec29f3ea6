"""Single sign-on by OpenID Connect: authorization-code flow with PKCE (S256), state and nonce.

The ID token is verified against the provider's published keys (JWKS): signature, issuer,
audience, expiry and the nonce of this sign-in. Pending sign-ins live in memory for ten minutes,
bound to the browser by a cookie holding their ``state``.
"""

from __future__ import annotations

import base64
import hashlib
import secrets
import threading
import time
from dataclasses import dataclass
from urllib.parse import urlencode

import httpx
from joserfc import jwt
from joserfc.errors import JoseError
from joserfc.jwk import KeySet

from assistant.config import AuthSettings

PENDING_S = 600
ALGORITHMS = ["RS256", "RS384", "RS512", "PS256", "ES256", "ES384"]


class SignOnError(Exception):
    """The provider's answer cannot be trusted or used; the message is safe to show."""


@dataclass(frozen=True)
class Provider:
    issuer: str
    authorization_endpoint: str
    token_endpoint: str
    jwks_uri: str


@dataclass(frozen=True)
class Pending:
    nonce: str
    verifier: str
    redirect_uri: str
    next_url: str
    started: float


@dataclass(frozen=True)
class Identity:
    subject: str  # "issuer|sub": unique across providers
    username: str
    display_name: str | None


def _challenge(verifier: str) -> str:
    return base64.urlsafe_b64encode(hashlib.sha256(verifier.encode()).digest()).rstrip(b"=").decode()


class OidcClient:
    def __init__(self, settings: AuthSettings):
        if not settings.oidc_issuer:
            raise ValueError("oidc_issuer is not set")
        self.settings = settings
        self.issuer = settings.oidc_issuer.rstrip("/")
        self._provider: Provider | None = None
        self._pending: dict[str, Pending] = {}
        self._lock = threading.Lock()

    def _http(self) -> httpx.Client:
        return httpx.Client(timeout=self.settings.oidc_timeout_s)

    def provider(self) -> Provider:
        if self._provider is None:
            with self._http() as http:
                doc = http.get(f"{self.issuer}/.well-known/openid-configuration").raise_for_status().json()
            if doc.get("issuer", "").rstrip("/") != self.issuer:
                raise SignOnError("the provider's discovery document names another issuer")
            self._provider = Provider(doc["issuer"], doc["authorization_endpoint"], doc["token_endpoint"],
                                      doc["jwks_uri"])
        return self._provider

    def start(self, redirect_uri: str, next_url: str) -> tuple[str, str]:
        """Returns (the provider's authorization URL, state for the browser cookie)."""
        state, nonce, verifier = (secrets.token_urlsafe(32) for _ in range(3))
        now = time.monotonic()
        with self._lock:
            self._pending = {k: p for k, p in self._pending.items() if now - p.started < PENDING_S}
            self._pending[state] = Pending(nonce, verifier, redirect_uri, next_url, now)
        query = urlencode({
            "response_type": "code", "client_id": self.settings.oidc_client_id, "redirect_uri": redirect_uri,
            "scope": self.settings.oidc_scopes, "state": state, "nonce": nonce,
            "code_challenge": _challenge(verifier), "code_challenge_method": "S256",
        })
        return f"{self.provider().authorization_endpoint}?{query}", state

    def finish(self, state: str, cookie_state: str | None, code: str) -> tuple[Identity, str]:
        """Checks state, redeems the code, verifies the ID token; returns the identity and where to go next."""
        if not cookie_state or not secrets.compare_digest(state, cookie_state):
            raise SignOnError("this sign-in was not started in this browser")
        with self._lock:
            pending = self._pending.pop(state, None)
        if pending is None or time.monotonic() - pending.started > PENDING_S:
            raise SignOnError("the sign-in expired or was already used")
        provider = self.provider()
        with self._http() as http:
            answer = http.post(
                provider.token_endpoint,
                data={"grant_type": "authorization_code", "code": code, "redirect_uri": pending.redirect_uri,
                      "code_verifier": pending.verifier},
                auth=(self.settings.oidc_client_id, self.settings.oidc_client_secret.get_secret_value()),
            )
            if answer.status_code != 200 or "id_token" not in answer.json():
                raise SignOnError(f"the provider refused the code ({answer.status_code})")
            keys = KeySet.import_key_set(http.get(provider.jwks_uri).raise_for_status().json())
        claims = self._verify(answer.json()["id_token"], keys, provider.issuer, pending.nonce)
        username = claims.get("preferred_username") or claims.get("email") or claims["sub"]
        return Identity(f"{self.issuer}|{claims['sub']}", str(username), claims.get("name")), pending.next_url

    def _verify(self, id_token: str, keys: KeySet, issuer: str, nonce: str) -> dict:
        try:
            token = jwt.decode(id_token, keys, algorithms=ALGORITHMS)
            jwt.JWTClaimsRegistry(
                leeway=60,
                iss={"essential": True, "value": issuer},
                aud={"essential": True, "value": self.settings.oidc_client_id},
                exp={"essential": True},
                sub={"essential": True},
                nonce={"essential": True, "value": nonce},
            ).validate(token.claims)
        except (JoseError, ValueError) as exc:
            raise SignOnError(f"the ID token is not valid ({type(exc).__name__})") from None
        return token.claims
