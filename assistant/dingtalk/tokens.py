"""App access tokens, cached per app key and refreshed before expiry."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field


@dataclass
class _Token:
    value: str = field(repr=False)
    expires_at: float


class TokenCache:
    """One token per app key. Times come from the injected clock (seconds)."""

    def __init__(self, clock: Callable[[], float], refresh_margin_s: float) -> None:
        self._clock = clock
        self._margin = refresh_margin_s
        self._tokens: dict[str, _Token] = {}

    def get(self, app_key: str) -> str | None:
        token = self._tokens.get(app_key)
        if token is None or self._clock() >= token.expires_at - self._margin:
            return None
        return token.value

    def put(self, app_key: str, value: str, expires_in_s: float) -> None:
        self._tokens[app_key] = _Token(value, self._clock() + expires_in_s)

    def drop(self, app_key: str) -> None:
        self._tokens.pop(app_key, None)

    def __repr__(self) -> str:
        return f"TokenCache(apps={sorted(self._tokens)})"
