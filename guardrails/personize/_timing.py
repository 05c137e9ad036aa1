"""Time budgets of the Personize client: the per-call deadline, the client-side rate limiter
and retry backoff. No I/O: callers sleep for the waits these return.
"""

from __future__ import annotations

import contextlib
import random
import threading
import time
from collections import deque
from collections.abc import Callable

from guardrails.errors import ConfigurationError
from guardrails.personize.errors import PersonizeTimeout

__all__ = ["Deadline", "RateLimiter", "backoff"]


class Deadline:
    """A total time budget shared by every request, retry wait and poll of one call."""

    def __init__(self, seconds: float | None, *, clock: Callable[[], float] = time.monotonic):
        self.seconds = seconds
        self._clock = clock
        self._end = None if seconds is None else clock() + seconds

    def __repr__(self) -> str:
        left = self.remaining()
        shown = None if left is None else round(left, 3)
        return f"Deadline(seconds={self.seconds!r}, remaining={shown!r})"

    def remaining(self) -> float | None:
        """Seconds left, or None when there is no budget."""
        return None if self._end is None else self._end - self._clock()

    def cap(self, seconds: float) -> float:
        """``seconds`` cut to what is left (never negative)."""
        left = self.remaining()
        return seconds if left is None else max(0.0, min(seconds, left))

    def check(self, method: str, path: str) -> None:
        """Raise PersonizeTimeout when the budget is used up."""
        left = self.remaining()
        if left is not None and left <= 0:
            raise PersonizeTimeout(
                f"the {self.seconds:g}s deadline was used up; raise `deadline` or retry later",
                method=method, path=path)


class RateLimiter:
    """Client-side limit: at most ``per_minute × window / 60`` calls in any ``window`` seconds.

    A sliding window over reserved send times, thread-safe. The default 60 s window allows a
    minute's quota back to back; a shorter one spreads the same rate evenly.
    """

    def __init__(self, per_minute: float, *, window: float = 60.0,
                 clock: Callable[[], float] = time.monotonic) -> None:
        if not per_minute > 0 or not window > 0:
            raise ConfigurationError(f"rate limit needs per_minute > 0 and window > 0, got "
                                     f"per_minute={per_minute!r}, window={window!r}")
        self.per_minute = float(per_minute)
        self.window = float(window)
        self.calls = max(1, int(per_minute * window / 60.0))
        self._sent: deque[float] = deque()
        self._clock = clock
        self._lock = threading.Lock()

    def reserve(self) -> tuple[float, float]:
        """Reserve the next send slot: (slot time, seconds to wait until it)."""
        with self._lock:
            now = self._clock()
            while self._sent and self._sent[0] <= now - self.window:
                self._sent.popleft()
            slot = now
            if len(self._sent) >= self.calls:
                slot = max(now, self._sent[-self.calls] + self.window)
            self._sent.append(slot)
            return slot, slot - now

    def release(self, slot: float) -> None:
        """Give back a reserved slot that will not be used."""
        with self._lock:
            with contextlib.suppress(ValueError):
                self._sent.remove(slot)

    def __eq__(self, other: object) -> bool:
        return (isinstance(other, RateLimiter) and (self.per_minute, self.window)
                == (other.per_minute, other.window))

    __hash__ = None  # type: ignore[assignment]

    def __repr__(self) -> str:
        return f"RateLimiter(per_minute={self.per_minute:g}, window={self.window:g})"


def backoff(attempt: int, base: float, cap: float, rng: random.Random) -> float:
    """Capped exponential backoff, equal jitter: between half and all of min(cap, base·2ⁿ)."""
    ceiling = min(cap, base * 2.0**attempt)
    return ceiling / 2 + rng.uniform(0, ceiling / 2)
