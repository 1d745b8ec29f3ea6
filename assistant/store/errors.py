"""Errors the store raises; the API maps each to one HTTP status."""


class NotFound(LookupError):
    pass


class Conflict(Exception):
    """Someone else changed the item first (optimistic concurrency)."""

    def __init__(self, message: str, current: dict | None = None):
        super().__init__(message)
        self.current = current


class Invalid(ValueError):
    pass
