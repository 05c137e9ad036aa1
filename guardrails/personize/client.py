"""The synchronous Personize client: the I/O half of :class:`~._base.BaseClient`."""

from __future__ import annotations

import logging
import time
from collections.abc import Mapping, Sequence
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING, Any

import httpx

from guardrails.personize._base import (
    DEFAULT_BACKOFF_BASE,
    DEFAULT_BACKOFF_CAP,
    DEFAULT_MAX_RETRIES,
    DEFAULT_POLL_INTERVAL,
    DEFAULT_POLL_TIMEOUT,
    DEFAULT_TIMEOUT,
    PATHS,
    USE_CLIENT_DEFAULT,
    BaseClient,
    _UseClientDefault,
)
from guardrails.personize._generate import GenerationPlan
from guardrails.personize._models import (
    Account,
    Digest,
    Guidelines,
    PromptResult,
    account_from,
    digest_from,
    guidelines_from,
)
from guardrails.personize._responses import Envelope, map_transport_error, read_envelope
from guardrails.personize._timing import Deadline, RateLimiter
from guardrails.personize.errors import PersonizeError

if TYPE_CHECKING:
    from guardrails.api import Checker
    from guardrails.context import Context
    from guardrails.personize.result import GenerationResult

__all__ = ["Personize"]

logger = logging.getLogger("guardrails.personize")
_Budget = float | _UseClientDefault | None


class Personize(BaseClient):
    """Synchronous Personize client; use it as a context manager or call ``close()``.

    The key comes from ``secret_key`` or ``PERSONIZE_SECRET_KEY`` and never appears in logs,
    reprs or errors. 429 and 5xx are retried; ``deadline`` bounds a whole call.
    """

    def __init__(self, secret_key: str | None = None, base_url: str | None = None, *,
                 timeout: float = DEFAULT_TIMEOUT, max_retries: int = DEFAULT_MAX_RETRIES,
                 poll_interval: float = DEFAULT_POLL_INTERVAL,
                 poll_timeout: float = DEFAULT_POLL_TIMEOUT, deadline: float | None = None,
                 backoff_base: float = DEFAULT_BACKOFF_BASE,
                 backoff_cap: float = DEFAULT_BACKOFF_CAP,
                 transport: httpx.BaseTransport | None = None) -> None:
        super().__init__(secret_key, base_url, timeout=timeout, max_retries=max_retries,
                         poll_interval=poll_interval, poll_timeout=poll_timeout,
                         deadline=deadline, backoff_base=backoff_base, backoff_cap=backoff_cap)
        self._http = httpx.Client(base_url=self.base_url, auth=self._auth, headers=self._headers,
                                  timeout=self.timeout, transport=transport)

    def close(self) -> None:
        """Close the connection pool."""
        self._http.close()

    def __enter__(self) -> Personize:
        return self

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        self.close()

    # -- transport ---------------------------------------------------------------------------

    def _send(self, method: str, path: str, body: Mapping[str, Any] | None,
              deadline: Deadline) -> Envelope:
        attempt = 0
        cause: BaseException | None
        while True:
            wait = self._throttle_wait(deadline, method, path)
            if wait:
                time.sleep(wait)
            timeout = self._request_timeout(deadline, method, path)
            started = time.perf_counter()
            try:
                response = self._http.request(method, path, json=body, timeout=timeout)
                logger.debug("Personize %s %s -> %d in %.3fs", method, path,
                             response.status_code, time.perf_counter() - started)
                return read_envelope(response, method, path)
            except httpx.HTTPError as exc:
                error, cause = map_transport_error(exc, method, path), exc
            except PersonizeError as exc:
                error, cause = exc, exc.__cause__
            delay = self._retry_wait(error, attempt, deadline)
            if delay is None:
                raise self._redact(error) from cause
            time.sleep(delay)
            attempt += 1

    def _prompt(self, body: Mapping[str, Any], deadline: Deadline) -> PromptResult:
        outcome = self._prompt_or_event(self._send("POST", PATHS["prompt"], body, deadline))
        if isinstance(outcome, PromptResult):
            return outcome
        path, started = self._event_path(outcome), time.monotonic()
        logger.debug("Personize run %s accepted; polling every %gs", outcome, self.poll_interval)
        while True:
            waited = time.monotonic() - started
            if waited >= self.poll_timeout:
                raise self._poll_timeout_error(outcome, waited)
            time.sleep(deadline.cap(min(self.poll_interval, self.poll_timeout - waited)))
            result = self._event_result(self._send("GET", path, None, deadline), outcome)
            if result is not None:
                return result

    # -- endpoints ---------------------------------------------------------------------------

    def me(self, *, deadline: _Budget = USE_CLIENT_DEFAULT) -> Account:
        """The organization, user and plan limits behind the key (``GET /api/v1/me``)."""
        return account_from(self._send("GET", PATHS["me"], None, self._new_deadline(deadline)).data)

    def limit_rate(self, per_minute: float | None = None, *,
                   window: float = 60.0) -> RateLimiter | None:
        """Hold calls to ``per_minute`` (the plan's ``maxApiCallsPerMinute`` when None).

        Opt-in and shared by every call of this client; returns the limiter, or None when the
        plan states no limit. A ``window`` under 60 s spreads calls instead of bursting.
        """
        if per_minute is None:
            per_minute = self.me().max_api_calls_per_minute
        return self._set_limiter(per_minute, window)

    def smart_guidelines(self, message: str, mode: str = "fast", *,
                         tags: Sequence[str] | None = None,
                         deadline: _Budget = USE_CLIENT_DEFAULT, **extra: Any) -> Guidelines:
        """Governance relevant to ``message`` (``data.compiledContext`` and ``selection``)."""
        body = self._guidelines_body(message, mode, tags, extra)
        envelope = self._send("POST", PATHS["guidelines"], body, self._new_deadline(deadline))
        return guidelines_from(envelope.data)

    def smart_digest(self, *, email: str | None = None, website_url: str | None = None,
                     record_id: str | None = None, type: str | None = None,
                     token_budget: int = 1000, deadline: _Budget = USE_CLIENT_DEFAULT,
                     **extra: Any) -> Digest:
        """What Personize remembers about one recipient (compiled context, properties, memories)."""
        body = self._digest_body(email, website_url, record_id, type, token_budget, extra)
        envelope = self._send("POST", PATHS["digest"], body, self._new_deadline(deadline))
        return digest_from(envelope.data)

    def prompt(self, prompt: str | None = None, *, context: str | None = None,
               instructions: Sequence[Mapping[str, Any]] | None = None, evaluate: bool = False,
               evaluation_criteria: str | None = None,
               outputs: Sequence[str | Mapping[str, Any]] | None = None, tier: str | None = None,
               memorize: Mapping[str, Any] | None = None, session_id: str | None = None,
               deadline: _Budget = USE_CLIENT_DEFAULT, **extra: Any) -> PromptResult:
        """Run a prompt; a 202 + eventId is polled until the run completes or fails."""
        body = self._prompt_body(prompt, context, instructions, evaluate, evaluation_criteria,
                                 outputs, tier, memorize, session_id, extra)
        return self._prompt(body, self._new_deadline(deadline))

    def memorize(self, content: str, *, email: str | None = None,
                 website_url: str | None = None, record_id: str | None = None,
                 tags: Sequence[str] | None = None, deadline: _Budget = USE_CLIENT_DEFAULT,
                 **extra: Any) -> dict[str, Any]:
        """Store ``content`` in the recipient's memory; returns the response ``data``."""
        body = self._memorize_body(content, email, website_url, record_id, tags, extra)
        data = self._send("POST", PATHS["memorize"], body, self._new_deadline(deadline)).data
        return dict(data) if isinstance(data, Mapping) else {"result": data}

    # -- generate ----------------------------------------------------------------------------

    def generate(self, channel: str, goal: str, *, email: str | None = None,
                 website_url: str | None = None, context: Context | Mapping[str, Any] | None = None,
                 rules: Checker | Sequence[str | Path] | None = None, tier: str = "pro",
                 max_attempts: int = 2, fallback: Mapping[str, str | None] | None = None,
                 raise_on_error: bool = False,
                 deadline: _Budget = USE_CLIENT_DEFAULT) -> GenerationResult:
        """Generate a message for ``channel``, checked and re-asked once; never raises on outages.

        Returns a GenerationResult whose ``fields`` are the ``fallback`` unless ``sendable``.
        Personize failures raise only with ``raise_on_error=True``; bad arguments always raise.
        """
        plan = GenerationPlan(channel, goal, email=email, website_url=website_url,
                              context=context, rules=rules, tier=tier, max_attempts=max_attempts,
                              fallback=fallback)
        budget = self._new_deadline(deadline)
        try:
            with plan.timed("guidelines"):
                guidelines = guidelines_from(
                    self._send("POST", PATHS["guidelines"], plan.guidelines_body(), budget).data)
            digest: Digest | None = None
            digest_body = plan.digest_body()
            if digest_body is not None:
                with plan.timed("digest"):
                    digest = digest_from(
                        self._send("POST", PATHS["digest"], digest_body, budget).data)
            plan.use_sources(guidelines, digest)
            while plan.wants_attempt():
                with plan.timed(f"prompt_{plan.attempts + 1}"):
                    result = self._prompt(plan.prompt_body(), budget)
                plan.take(result)
            return plan.result()
        except Exception as exc:  # the send path must keep working: degrade to the fallback
            if raise_on_error:
                raise
            return plan.failed(exc)
