"""Everything the sync and async clients share that does no I/O.

Configuration, key masking, request bodies, retry decisions and event polling live here (with
``_responses`` for error mapping and ``_timing`` for budgets); ``client.py`` and
``async_client.py`` repeat only the sending, sleeping and awaiting.
"""

from __future__ import annotations

import json
import logging
import os
import random
from collections.abc import Generator, Mapping, Sequence
from typing import Any, Final
from urllib.parse import quote

import httpx

from guardrails import __version__
from guardrails.errors import ConfigurationError
from guardrails.personize._models import PromptResult, prompt_result_from
from guardrails.personize._responses import KEY_ENV, URL_ENV, Envelope
from guardrails.personize._timing import Deadline, RateLimiter, backoff
from guardrails.personize.errors import (
    GenerationFailedError,
    MalformedResponseError,
    PersonizeError,
    PersonizeTimeout,
    RateLimitError,
)

__all__ = ["PATHS", "USE_CLIENT_DEFAULT", "BaseClient", "mask_key"]

logger = logging.getLogger("guardrails.personize")

DEFAULT_BASE_URL: Final = "https://agent.personize.ai"
DEFAULT_TIMEOUT: Final = 30.0
DEFAULT_MAX_RETRIES: Final = 3
DEFAULT_POLL_INTERVAL: Final = 1.5
DEFAULT_POLL_TIMEOUT: Final = 180.0
DEFAULT_BACKOFF_BASE: Final = 0.5
DEFAULT_BACKOFF_CAP: Final = 8.0
MAX_INSTRUCTIONS: Final = 20

PATHS: Final = {
    "me": "/api/v1/me",
    "guidelines": "/api/v1/ai/smart-guidelines",
    "digest": "/api/v1/smart-memory-digest",
    "prompt": "/api/v1/prompt",
    "events": "/api/v1/events/{event_id}",
    "memorize": "/api/v1/memorize",
}
DONE: Final = frozenset({"completed", "partial_completed"})
FAILED: Final = frozenset({"failed", "failed_stale"})


class _UseClientDefault:
    """Marks an argument that was not passed (``None`` means "no limit")."""

    def __repr__(self) -> str:
        return "USE_CLIENT_DEFAULT"


USE_CLIENT_DEFAULT: Final = _UseClientDefault()


def mask_key(key: str) -> str:
    """A recognizable but useless form of a secret key: ``sk_live_…9f2c``."""
    if len(key) < 12:
        return "…" * 3
    head = key[:8]  # a type prefix such as ``sk_live_``, never more
    return f"{head[: head.rfind('_') + 1]}…{key[-4:]}"


class _BearerAuth(httpx.Auth):
    """Adds ``Authorization: Bearer <key>`` per request; its repr shows only the masked key."""

    def __init__(self, key: str) -> None:
        self.key = key

    def auth_flow(self, request: httpx.Request) -> Generator[httpx.Request, httpx.Response, None]:
        request.headers["Authorization"] = f"Bearer {self.key}"
        yield request

    def __repr__(self) -> str:
        return f"<BearerAuth {mask_key(self.key)}>"


class BaseClient:
    """Configuration and request/response logic shared by Personize and AsyncPersonize."""

    def __init__(self, secret_key: str | None = None, base_url: str | None = None, *,
                 timeout: float = DEFAULT_TIMEOUT, max_retries: int = DEFAULT_MAX_RETRIES,
                 poll_interval: float = DEFAULT_POLL_INTERVAL,
                 poll_timeout: float = DEFAULT_POLL_TIMEOUT, deadline: float | None = None,
                 backoff_base: float = DEFAULT_BACKOFF_BASE,
                 backoff_cap: float = DEFAULT_BACKOFF_CAP) -> None:
        key = secret_key if secret_key is not None else os.environ.get(KEY_ENV, "")
        key = key.strip()
        if not key:
            raise ConfigurationError(f"no Personize secret key: pass secret_key=... or set "
                                     f"{KEY_ENV} (find it in the Personize dashboard)")
        url = (base_url or os.environ.get(URL_ENV) or DEFAULT_BASE_URL).strip().rstrip("/")
        if not url.startswith(("https://", "http://")):
            raise ConfigurationError(f"base_url must be an http(s) URL, got {url!r}")
        for name, value in (("timeout", timeout), ("poll_interval", poll_interval),
                            ("poll_timeout", poll_timeout), ("backoff_base", backoff_base),
                            ("backoff_cap", backoff_cap)):
            if not value > 0:
                raise ConfigurationError(f"{name} must be a positive number of seconds, "
                                         f"got {name}={value!r}")
        if deadline is not None and not deadline > 0:
            raise ConfigurationError(f"deadline must be positive seconds or None, got {deadline!r}")
        if isinstance(max_retries, bool) or not isinstance(max_retries, int) or max_retries < 0:
            raise ConfigurationError(f"max_retries must be an int >= 0, got {max_retries!r}")
        self._auth = _BearerAuth(key)
        self._masked = mask_key(key)
        self.base_url = url
        self.timeout = float(timeout)
        self.max_retries = max_retries
        self.poll_interval = float(poll_interval)
        self.poll_timeout = float(poll_timeout)
        self.deadline = deadline
        self.backoff_base = float(backoff_base)
        self.backoff_cap = float(backoff_cap)
        self.limiter: RateLimiter | None = None
        self._rng = random.Random()
        self._headers = {"User-Agent": f"personize-guardrails/{__version__}",
                         "Accept": "application/json"}

    def __repr__(self) -> str:
        return (f"{type(self).__name__}(secret_key={self._masked!r}, base_url={self.base_url!r}, "
                f"timeout={self.timeout:g}, max_retries={self.max_retries}, "
                f"deadline={self.deadline!r})")

    __str__ = __repr__

    # -- configuration helpers ---------------------------------------------------------------

    def _new_deadline(self, deadline: float | _UseClientDefault | None = USE_CLIENT_DEFAULT
                      ) -> Deadline:
        seconds = self.deadline if isinstance(deadline, _UseClientDefault) else deadline
        return Deadline(seconds)

    def _set_limiter(self, per_minute: float | None, window: float) -> RateLimiter | None:
        self.limiter = None if per_minute is None else RateLimiter(per_minute, window=window)
        return self.limiter

    def _throttle_wait(self, deadline: Deadline, method: str, path: str) -> float:
        """Seconds the limiter asks to hold this call; fails fast past the deadline."""
        if self.limiter is None:
            return 0.0
        slot, wait = self.limiter.reserve()
        left = deadline.remaining()
        if wait and left is not None and wait >= left:
            self.limiter.release(slot)
            raise RateLimitError(f"client-side rate limit ({self.limiter.per_minute:g}/min) "
                                 f"needs {wait:.2f}s, more than the deadline leaves",
                                 retry_after=wait, status_code=429, method=method, path=path)
        return wait

    def _request_timeout(self, deadline: Deadline, method: str, path: str) -> httpx.Timeout:
        deadline.check(method, path)
        return httpx.Timeout(deadline.cap(self.timeout))

    def _retry_wait(self, error: PersonizeError, attempt: int, deadline: Deadline) -> float | None:
        """How long to wait before retrying ``error``, or None to give up and raise it."""
        if not error.retryable or attempt >= self.max_retries:
            return None
        server = getattr(error, "retry_after", None)
        if isinstance(server, float):
            wait = server
        else:
            wait = backoff(attempt, self.backoff_base, self.backoff_cap, self._rng)
        left = deadline.remaining()
        if left is not None and wait >= left:
            return None
        logger.info("Personize %s %s failed (%s); retry %d/%d in %.2fs", error.method, error.path,
                    type(error).__name__, attempt + 1, self.max_retries, wait)
        return wait

    # -- request bodies ----------------------------------------------------------------------

    @staticmethod
    def _guidelines_body(message: str, mode: str, tags: Sequence[str] | None,
                         extra: Mapping[str, Any]) -> dict[str, Any]:
        body: dict[str, Any] = {"message": message, "mode": mode, **extra}
        if tags:
            body["tags"] = list(tags)
        return body

    @staticmethod
    def _digest_body(email: str | None, website_url: str | None, record_id: str | None,
                     type: str | None, token_budget: int, extra: Mapping[str, Any]
                     ) -> dict[str, Any]:
        keys = {"email": email, "website_url": website_url, "record_id": record_id}
        given = {k: v for k, v in keys.items() if v}
        if not given:
            raise ConfigurationError("smart_digest() needs email=, website_url= or record_id=")
        body: dict[str, Any] = {**given, "token_budget": token_budget,
                                "include_properties": True, "include_memories": True, **extra}
        if type:
            body["type"] = type
        return body

    @staticmethod
    def _prompt_body(prompt: str | None, context: str | None,
                     instructions: Sequence[Mapping[str, Any]] | None, evaluate: bool,
                     evaluation_criteria: str | None, outputs: Sequence[str | Mapping[str, Any]]
                     | None, tier: str | None, memorize: Mapping[str, Any] | None,
                     session_id: str | None, extra: Mapping[str, Any]) -> dict[str, Any]:
        if not prompt and not instructions:
            raise ConfigurationError("prompt() needs prompt= or instructions=[{prompt, maxSteps}]")
        if instructions is not None and len(instructions) > MAX_INSTRUCTIONS:
            raise ConfigurationError(f"prompt() takes at most {MAX_INSTRUCTIONS} instructions, "
                                     f"got {len(instructions)}")
        body: dict[str, Any] = {}
        optional: dict[str, Any] = {
            "prompt": prompt, "context": context, "tier": tier, "sessionId": session_id,
            "evaluationCriteria": evaluation_criteria,
            "instructions": [dict(i) for i in instructions] if instructions else None,
            "outputs": [o if isinstance(o, Mapping) else {"name": o} for o in outputs]
            if outputs else None,
            "memorize": dict(memorize) if memorize else None,
        }
        body.update({k: v for k, v in optional.items() if v is not None})
        if evaluate:
            body["evaluate"] = True
        body.update(extra)
        return body

    @staticmethod
    def _memorize_body(content: str, email: str | None, website_url: str | None,
                       record_id: str | None, tags: Sequence[str] | None,
                       extra: Mapping[str, Any]) -> dict[str, Any]:
        if not content.strip():
            raise ConfigurationError("memorize() needs non-empty content")
        body: dict[str, Any] = {"content": content}
        for name, value in (("email", email), ("website_url", website_url),
                            ("record_id", record_id)):
            if value:
                body[name] = value
        if tags:
            body["tags"] = list(tags)
        body.update(extra)
        return body

    # -- responses ---------------------------------------------------------------------------

    @staticmethod
    def _prompt_or_event(envelope: Envelope) -> PromptResult | str:
        """The result of a prompt response, or the eventId to poll when it was accepted (202)."""
        data = envelope.data
        accepted = envelope.status == 202
        if isinstance(data, Mapping) and "eventId" in data and (accepted or "text" not in data):
            event_id = data.get("eventId")
            if not isinstance(event_id, str) or not event_id:
                raise MalformedResponseError("202 from Personize without a usable data.eventId",
                                             method="POST", path=PATHS["prompt"])
            return event_id
        if accepted:
            raise MalformedResponseError("202 from Personize without data.eventId",
                                         method="POST", path=PATHS["prompt"])
        if data is None:
            raise MalformedResponseError("prompt response has no data", method="POST",
                                         path=PATHS["prompt"])
        return prompt_result_from(data)

    @staticmethod
    def _event_path(event_id: str) -> str:
        return PATHS["events"].format(event_id=quote(event_id, safe=""))

    def _event_result(self, envelope: Envelope, event_id: str) -> PromptResult | None:
        """The finished run's result, None while it is still running; raises when it failed."""
        data = envelope.data
        path = self._event_path(event_id)
        if not isinstance(data, Mapping):
            raise MalformedResponseError("event response has no data object", method="GET",
                                         path=path)
        status = str(data.get("status") or "").lower()
        if status in FAILED:
            reason = self._scrub(str(data.get("error") or data.get("message") or "no reason"))
            raise GenerationFailedError(f"Personize run {event_id} ended {status}: {reason}",
                                        event_id=event_id, status=status, method="GET", path=path)
        if status not in DONE:
            return None
        payload = data.get("responsePayload")
        if isinstance(payload, str):
            try:
                payload = json.loads(payload)
            except ValueError:
                pass  # the text itself
        if isinstance(payload, Mapping) and "data" in payload and (
                "success" in payload or len(payload) <= 4):
            payload = payload["data"]  # a whole {success, data} envelope
        if payload is None:
            raise MalformedResponseError(f"run {event_id} is {status} without a responsePayload",
                                         method="GET", path=path)
        return prompt_result_from(payload, event_id=event_id, status=status)

    def _scrub(self, text: str) -> str:
        """``text`` with the key replaced by its mask (servers may echo what they got)."""
        return text.replace(self._auth.key, self._masked)

    def _redact(self, error: PersonizeError) -> PersonizeError:
        """``error`` with the key masked wherever a server echo put it."""
        key = self._auth.key
        error.message = self._scrub(error.message)
        error.args = tuple(self._scrub(a) if isinstance(a, str) else a for a in error.args)
        body = getattr(error, "body", None)
        if body is not None:
            dumped = json.dumps(body, default=str)
            if key in dumped:
                masked = json.loads(dumped.replace(key, self._masked))
                error.body = masked  # type: ignore[attr-defined]
        return error

    def _poll_timeout_error(self, event_id: str, waited: float) -> PersonizeTimeout:
        return PersonizeTimeout(f"Personize run {event_id} did not finish in {waited:.1f}s "
                                f"(poll_timeout={self.poll_timeout:g}s); raise poll_timeout",
                                method="GET", path=self._event_path(event_id))
