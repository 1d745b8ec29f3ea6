"""A real OpenID Connect provider for the tests: Authlib's authorization server (Flask) on 127.0.0.1.

Authorization-code grant with PKCE required and the OpenID Connect extension (nonce required),
ID tokens signed RS256 with a key published at /jwks. The person "signed in" at the provider is
``current_user`` (a real provider would show its own login page); ``rogue_key`` makes it sign with a
key it does not publish, as a forged token would be.
"""

from __future__ import annotations

import os
import secrets
import threading
import time
from dataclasses import dataclass

from authlib.integrations.flask_oauth2 import AuthorizationServer
from authlib.oauth2.rfc6749 import ClientMixin, grants
from authlib.oauth2.rfc7636 import CodeChallenge
from authlib.oidc.core import AuthorizationCodeMixin, UserInfo
from authlib.oidc.core.grants import OpenIDCode
from flask import Flask, jsonify
from joserfc.jwk import KeySet, RSAKey
from werkzeug.serving import make_server

from .live import free_port

os.environ.setdefault("AUTHLIB_INSECURE_TRANSPORT", "1")  # plain HTTP on 127.0.0.1 only


@dataclass
class Client(ClientMixin):
    client_id: str
    client_secret: str
    redirect_uri: str

    def get_client_id(self):
        return self.client_id

    def get_default_redirect_uri(self):
        return self.redirect_uri

    def get_allowed_scope(self, scope):
        return " ".join(s for s in (scope or "").split() if s in ("openid", "profile", "email"))

    def check_redirect_uri(self, redirect_uri):
        return redirect_uri == self.redirect_uri

    def check_client_secret(self, client_secret):
        return secrets.compare_digest(client_secret, self.client_secret)

    def check_endpoint_auth_method(self, method, endpoint):
        return method == "client_secret_basic"

    def check_response_type(self, response_type):
        return response_type == "code"

    def check_grant_type(self, grant_type):
        return grant_type == "authorization_code"


@dataclass
class Code(AuthorizationCodeMixin):
    code: str
    client_id: str
    redirect_uri: str
    scope: str
    user: dict
    nonce: str | None
    code_challenge: str | None
    code_challenge_method: str | None
    auth_time: int

    def get_redirect_uri(self):
        return self.redirect_uri

    def get_scope(self):
        return self.scope

    def get_nonce(self):
        return self.nonce

    def get_auth_time(self):
        return self.auth_time

    def get_acr(self):
        return None

    def get_amr(self):
        return None


class OidcProvider:
    def __init__(self, client_id: str, client_secret: str, redirect_uri: str):
        self.port = free_port()
        self.issuer = f"http://127.0.0.1:{self.port}"
        self.client = Client(client_id, client_secret, redirect_uri)
        self.key = RSAKey.generate_key(2048, parameters={"kid": "test-key", "use": "sig"})
        self.rogue_key = None
        self.current_user = {"sub": "u-1001", "preferred_username": "chan.taiman", "name": "陳大文",
                             "email": "chan@example.hk"}
        self.codes: dict[str, Code] = {}
        self.tokens_issued = 0
        self.app = self._build()
        self._server = make_server("127.0.0.1", self.port, self.app, threaded=True)
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)

    def _build(self) -> Flask:
        provider = self
        app = Flask("oidc-test-provider")
        server = AuthorizationServer(
            app, query_client=lambda cid: provider.client if cid == provider.client.client_id else None,
            save_token=lambda token, request: setattr(provider, "tokens_issued", provider.tokens_issued + 1),
        )

        class CodeGrant(grants.AuthorizationCodeGrant):
            TOKEN_ENDPOINT_AUTH_METHODS = ["client_secret_basic"]

            def save_authorization_code(self, code, request):
                data = request.payload.data
                provider.codes[code] = Code(code, request.client.client_id, request.payload.redirect_uri,
                                            request.payload.scope, request.user, data.get("nonce"),
                                            data.get("code_challenge"), data.get("code_challenge_method"),
                                            int(time.time()))

            def query_authorization_code(self, code, client):
                found = provider.codes.get(code)
                return found if found and found.client_id == client.client_id else None

            def delete_authorization_code(self, authorization_code):
                provider.codes.pop(authorization_code.code, None)

            def authenticate_user(self, authorization_code):
                return authorization_code.user

        class OpenID(OpenIDCode):
            def exists_nonce(self, nonce, request):
                return any(c.nonce == nonce for c in provider.codes.values())

            def resolve_client_private_key(self, client):
                return provider.rogue_key or provider.key

            def get_client_algorithm(self, client):
                return "RS256"

            def get_encode_header(self, client):
                return {"alg": "RS256", "kid": "test-key"}

            def get_client_claims(self, client):
                return {"iss": provider.issuer, "aud": [client.client_id], "exp": int(time.time()) + 300}

            def generate_user_info(self, user, scope):
                return UserInfo(**user)

        server.register_grant(CodeGrant, [CodeChallenge(required=True), OpenID(require_nonce=True)])

        @app.get("/.well-known/openid-configuration")
        def discovery():
            return jsonify(issuer=provider.issuer, authorization_endpoint=f"{provider.issuer}/authorize",
                           token_endpoint=f"{provider.issuer}/token", jwks_uri=f"{provider.issuer}/jwks",
                           response_types_supported=["code"], subject_types_supported=["public"],
                           id_token_signing_alg_values_supported=["RS256"], code_challenge_methods_supported=["S256"],
                           token_endpoint_auth_methods_supported=["client_secret_basic"])

        @app.get("/jwks")
        def jwks():
            return jsonify(KeySet([provider.key]).as_dict(private=False))

        @app.get("/authorize")
        def authorize():
            # A real provider shows its consent page here; the test's user has already agreed.
            grant = server.get_consent_grant(end_user=provider.current_user)
            return server.create_authorization_response(grant=grant, grant_user=provider.current_user)

        @app.post("/token")
        def token():
            return server.create_token_response()

        return app

    def start(self) -> None:
        self._thread.start()

    def stop(self) -> None:
        self._server.shutdown()
        self._thread.join(5)
