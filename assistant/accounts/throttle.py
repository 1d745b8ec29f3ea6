"""Sign-in throttling: too many failures for one account from one address pause that pair."""

from __future__ import annotations

import threading
import time
from collections import defaultdict, deque


class LoginThrottle:
    def __init__(self, max_failures: int, window_s: float):
        self.max_failures = max_failures
        self.window_s = window_s
        self._failures: dict[tuple[str, str], deque[float]] = defaultdict(deque)
        self._lock = threading.Lock()

    def _recent(self, key: tuple[str, str], at: float) -> deque[float]:
        times = self._failures[key]
        while times and times[0] < at - self.window_s:
            times.popleft()
        return times

    def blocked_for(self, username: str, ip: str) -> float:
        """Seconds until this pair may try again; 0 when it may now."""
        at = time.monotonic()
        with self._lock:
            times = self._recent((username.lower(), ip), at)
            if len(times) < self.max_failures:
                return 0.0
            return max(0.0, times[0] + self.window_s - at)

    def failed(self, username: str, ip: str) -> None:
        with self._lock:
            self._recent((username.lower(), ip), time.monotonic()).append(time.monotonic())

    def succeeded(self, username: str, ip: str) -> None:
        with self._lock:
            self._failures.pop((username.lower(), ip), None)
