"""From HTTP to typed results: the JSON envelope, error statuses and httpx failures mapped to
the most specific :mod:`guardrails.personize.errors` class. No I/O.
"""

from __future__ import annotations

import email.utils
import json
import math
import time
from collections.abc import Mapping
from typing import Any, Final, NamedTuple

import httpx

from guardrails.personize.errors import (
    APIConnectionError,
    APIError,
    AuthenticationError,
    MalformedResponseError,
    NotFoundError,
    PermissionDeniedError,
    PersonizeError,
    PersonizeTimeout,
    RateLimitError,
    ServerError,
    ValidationError,
)

__all__ = ["Envelope", "error_from_response", "map_transport_error", "parse_retry_after",
           "read_envelope"]

KEY_ENV: Final = "PERSONIZE_SECRET_KEY"
URL_ENV: Final = "PERSONIZE_BASE_URL"


def parse_retry_after(value: str | None) -> float | None:
    """Seconds from a ``Retry-After`` header (delta-seconds or an HTTP date)."""
    if not value:
        return None
    try:
        seconds = float(value.strip())
    except ValueError:
        try:
            when = email.utils.parsedate_to_datetime(value)
        except (TypeError, ValueError):
            return None
        seconds = when.timestamp() - time.time()
    return max(0.0, seconds) if math.isfinite(seconds) else None


def map_transport_error(exc: httpx.HTTPError, method: str, path: str) -> PersonizeError:
    """The most specific PersonizeError for an httpx failure that produced no response."""
    name = type(exc).__name__
    if isinstance(exc, httpx.TimeoutException):
        # A request that never left (connect, pool) is safe to resend; a sent one only if a GET.
        unsent = isinstance(exc, httpx.ConnectTimeout | httpx.PoolTimeout)
        return PersonizeTimeout(f"Personize did not answer in time ({name}); the service may be "
                                "slow or down, or raise `timeout`", method=method, path=path,
                                retryable=unsent or method == "GET")
    if isinstance(exc, httpx.DecodingError):
        return MalformedResponseError(f"could not decode Personize's response ({name})",
                                      method=method, path=path)
    if isinstance(exc, httpx.UnsupportedProtocol | httpx.InvalidURL):
        return APIConnectionError(f"bad Personize URL ({name}); check `base_url` or "
                                  f"{URL_ENV}", method=method, path=path)
    detail = str(exc).splitlines()[0][:200] if str(exc) else name
    error = APIConnectionError(f"could not reach Personize ({name}: {detail}); check the network "
                               f"and `base_url`", method=method, path=path)
    error.retryable = isinstance(exc, httpx.TransportError) and not isinstance(
        exc, httpx.ProxyError | httpx.TooManyRedirects)
    return error


_STATUS_ERRORS: Final[dict[int, tuple[type[APIError], str]]] = {
    400: (ValidationError, "Personize rejected the request (400)"),
    401: (AuthenticationError, f"Personize rejected the secret key (401); check {KEY_ENV}"),
    403: (PermissionDeniedError, "the key may not use this endpoint (403); check plan and role"),
    404: (NotFoundError, "not found (404)"),
    429: (RateLimitError, "rate limited by Personize (429); slow down or enable limit_rate()"),
}


def _message_of(body: Any) -> tuple[str | None, str | None, Any]:
    """(message, code, details) from an error body: ``{error, message, details, code}``."""
    if not isinstance(body, Mapping):
        return None, None, None
    error, message = body.get("error"), body.get("message")
    details = body.get("details")
    code = body.get("code")
    if isinstance(error, Mapping):
        message = error.get("message", message)
        code = error.get("code", code)
        details = error.get("details", details)
        error = None
    parts = [str(p) for p in (error, message) if isinstance(p, str) and p]
    return ("; ".join(dict.fromkeys(parts)) or None,
            code if isinstance(code, str) else None, details)


def _retry_after_of(body: Any, headers: httpx.Headers) -> float | None:
    """Body ``retryAfterSeconds`` first (top level, ``error`` or ``data``), then the header."""
    if isinstance(body, Mapping):
        for holder in (body, body.get("error"), body.get("data")):
            if isinstance(holder, Mapping):
                value = holder.get("retryAfterSeconds")
                if isinstance(value, int | float) and not isinstance(value, bool) and value >= 0:
                    return float(value)
    return parse_retry_after(headers.get("retry-after"))


def error_from_response(status: int, body: Any, headers: httpx.Headers, method: str,
                        path: str) -> APIError:
    """The typed APIError for an error status (or a 2xx with ``success: false``)."""
    message, code, details = _message_of(body)
    kind, summary = _STATUS_ERRORS.get(status, (ServerError if status >= 500 else APIError,
                                                f"Personize error ({status})"))
    text = f"{summary}: {message}" if message else summary
    common: dict[str, Any] = {"status_code": status, "body": body, "code": code,
                              "method": method, "path": path}
    if kind is ValidationError:
        if details:
            text += f"; details: {json.dumps(details, default=str)[:500]}"
        return ValidationError(text, details=details, **common)
    if kind is RateLimitError:
        return RateLimitError(text, retry_after=_retry_after_of(body, headers), **common)
    if kind is ServerError:
        return ServerError(text, retry_after=_retry_after_of(body, headers), **common)
    return kind(text, **common)


class Envelope(NamedTuple):
    """A successful response: its status and its ``{success, data, error, message}`` body."""

    status: int
    body: dict[str, Any]

    @property
    def data(self) -> Any:
        return self.body.get("data")


def read_envelope(response: httpx.Response, method: str, path: str) -> Envelope:
    """The status and JSON envelope of a successful response, or the typed error."""
    status = response.status_code
    try:
        body: Any = response.json()
    except (ValueError, UnicodeDecodeError) as exc:
        if status >= 400:
            raise error_from_response(status, None, response.headers, method, path) from exc
        raise MalformedResponseError(
            f"Personize answered {status} with a body that is not JSON "
            f"({len(response.content)} bytes, {response.headers.get('content-type', 'no type')})",
            method=method, path=path) from exc
    if status >= 400 or (isinstance(body, Mapping) and body.get("success") is False):
        raise error_from_response(status, body, response.headers, method, path)
    if not isinstance(body, dict):
        raise MalformedResponseError(f"expected a JSON object from Personize, got "
                                     f"{type(body).__name__}", method=method, path=path)
    return Envelope(status, body)
