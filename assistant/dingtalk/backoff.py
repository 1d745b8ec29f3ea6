"""Exponential back-off with jitter."""

from __future__ import annotations

import random
from dataclasses import dataclass, field


@dataclass
class Backoff:
    base_s: float
    max_s: float
    rng: random.Random = field(default_factory=random.Random)

    def delay(self, attempt: int, retry_after_s: float | None = None) -> float:
        """Wait before retry number ``attempt`` (0-based): half fixed, half random, so waits never shrink."""
        ceiling = min(self.max_s, self.base_s * 2**attempt)
        wait = ceiling / 2 + self.rng.uniform(0, ceiling / 2)
        return max(wait, retry_after_s or 0.0)
